// @vitest-environment happy-dom
// Issue 13 item 3: the factored chain form is the first form the panel and the hover show where the sum
// over paths is long (a scalar GRU at T = 3: 13 paths), and the chain paths that are 0 stay counted.
import './setup-dom';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyze } from '../../src/analysis';
import { factoredFirst, FACTORED_FIRST_ROWS } from '../../src/display/forms';
import { alignedRows } from '../../src/display/compactForm';
import { hoverContent } from '../../src/extension/hover/hoverContent';
import { showDerivation } from './derivationPane';
import { plain } from '../extension/plain';

const GRU =
  [
    'T = 3',
    'input x = [0.5, -0.3, 0.8]',
    'target y = [0.2, 0.1, 0.6]',
    'param w = 0.7',
    'param u = -0.4',
    'h_0 = 0',
    'z_t = σ(u h_{t-1} + u x_t)',
    'g_t = tanh(w h_{t-1} + x_t)',
    'h_t = z_t h_{t-1} + (1 - z_t) g_t',
    'loss L = (y_T - h_T)^2',
    'derive ∂L/∂u',
    'derive ∂L/∂w',
  ].join('\n') + '\n';

describe('the factored chain form in the panel and the hover', () => {
  test('a scalar GRU at T = 3: the panel opens on the factored form (a few lines), the 13-path sum folded after it', () => {
    const r = analyze(GRU, { forms: true });
    r.derives.forEach((d, i) => {
      const res = d.results[0]!;
      expect(res.forms?.chain?.terms?.length, d.query).toBeGreaterThan(4);
      expect(factoredFirst(res.forms)).toBe(true);
      const pane = showDerivation(r, i);
      const forms = Array.from(pane.querySelectorAll('.result > .form')).map((f) => f.getAttribute('data-form'));
      expect(forms[0]).toBe('factored');
      expect(forms).toContain('chain');
      const first = pane.querySelector('.result > .form[data-form="factored"]')!;
      expect(first.querySelector('.katex')).not.toBeNull();
      expect(first.querySelector('.katex-error')).toBeNull();
      expect(alignedRows(res.forms!.factored!.latex)!.length).toBeLessThanOrEqual(FACTORED_FIRST_ROWS);
      // the chain terms are still buttons, after the forms that come first
      expect(pane.querySelectorAll('.terms button.term').length).toBe(res.forms!.chain!.terms!.length);
    });
  }, 60000);

  test('sheet 7: the factored form first, and the paths that are 0 because h_0 = 0 still counted', () => {
    const r = analyze(readFileSync('examples/sheet7-vanilla-rnn.rnn', 'utf8'), { forms: true });
    const i = r.derives.findIndex((d) => d.query === '∂L/∂W_hh');
    const pane = showDerivation(r, i);
    expect(pane.querySelector('.result > .form')!.getAttribute('data-form')).toBe('factored');
    expect(pane.querySelector('.terms details.zero-terms summary')!.textContent).toMatch(/paths? (is|are) 0 because h_0 = 0/);
  }, 60000);

  test('the hover on a GRU parameter shows the factored form before the chain rule, capped', () => {
    const r = analyze(GRU, { forms: true });
    const line = GRU.split('\n').findIndex((l) => l.startsWith('param u')) + 1;
    const h = hoverContent(r, { line, column: 7 }, { digits: 4, detail: 'full', uri: 'file:///g.rnn' })!;
    const text = plain(h.markdown);
    const fac = text.indexOf('chain rule, factored');
    expect(fac).toBeGreaterThan(0);
    const chain = text.indexOf('chain rule:');
    expect(chain < 0 || chain > fac).toBe(true);
    expect(h.markdown).not.toContain('in short (δ');
  }, 60000);

  test('a form that is short anyway (one path) is not preceded by a factored form', () => {
    expect(factoredFirst({ chain: { text: '∂L/∂V = ∂L/∂o·∂o/∂V = 1', latex: '' } })).toBe(false);
    expect(
      factoredFirst({ chain: { text: 'a'.repeat(400), latex: '' }, factored: { text: 'x\n'.repeat(FACTORED_FIRST_ROWS + 1), latex: '' } }),
    ).toBe(false);
  });
});
