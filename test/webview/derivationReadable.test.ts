// @vitest-environment happy-dom
// Issue 13, items 3 and 5 in the panel: the compact form first, long forms folded, paths that are 0
// counted with their reason, and a derivation with only its number says why.
import './setup-dom';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyze } from '../../src/analysis';
import { alignedRows, compactRecursion, splitZeroTerms } from '../../src/display/compactForm';
import { formsOmittedReason } from '../../src/webview/derivation';
import { chainTerms } from '../../src/protocol';
import type { Report } from '../../src/report';
import { showDerivation } from './derivationPane';

/** "At most a few lines": the compact statement of ∂h_T/∂h_0 (a three-term sum and its value) has 5. */
const FEW = 6;

describe('derivations of gated networks are readable (issue 13, item 3)', () => {
  for (const file of ['gru-one-weight', 'scalar-lstm-bptt']) {
    test(`${file}: every derive starts with a form of at most a few lines; long forms are folded with their length`, () => {
      const r = analyze(readFileSync(`examples/${file}.rnn`, 'utf8'), { forms: true });
      expect(r.derives.length).toBeGreaterThan(0);
      r.derives.forEach((d, i) => {
        const pane = showDerivation(r, i);
        const first = pane.querySelector('.result > .form') as HTMLElement;
        expect(first, d.query).not.toBeNull();
        const latex =
          first.getAttribute('data-form') === 'compact'
            ? compactRecursion(d, d.results[0]!)!.latex
            : (d.results[0]!.forms?.[first.getAttribute('data-form') as 'chain']?.latex ?? d.results[0]!.latex);
        expect(alignedRows(latex)?.length ?? 1, `${d.query}: first form`).toBeLessThanOrEqual(FEW);
        for (const f of Array.from(pane.querySelectorAll('details.form.folded'))) {
          expect(f.querySelector('summary')!.textContent).toMatch(/ — \d+ lines$/);
          // typeset only when opened
          expect(f.querySelector('.katex')).toBeNull();
          (f as HTMLDetailsElement).open = true;
          f.dispatchEvent(new Event('toggle'));
          expect(f.querySelector('.katex')).not.toBeNull();
        }
      });
    }, 60000);
  }

  test('the GRU derive ∂L/∂w shows the result statement of the δ-recursion first, then the recursion', () => {
    const r = analyze(readFileSync('examples/gru-one-weight.rnn', 'utf8'), { forms: true });
    const i = r.derives.findIndex((d) => d.query === '∂L/∂w');
    const pane = showDerivation(r, i);
    const forms = Array.from(pane.querySelectorAll('.result > .form')).map((f) => f.getAttribute('data-form'));
    // the factored form of Σ_t L_t over 4 steps is long (each L_t has its own nest): it folds after the statement
    expect(forms).toEqual(['compact', 'factored', 'recursive']);
    expect(pane.querySelector('.result > details.form[data-form="factored"]')).not.toBeNull();
    const compact = compactRecursion(r.derives[i]!, r.derives[i]!.results[0]!)!;
    expect(compact.latex.startsWith('\\begin{aligned}\\frac{\\partial L}{\\partial w}')).toBe(true);
    expect(compact.latex).not.toContain('\\text{where');
    expect(compact.rows).toBeLessThan(compact.of);
  }, 60000);

  test('chain paths that are 0 are counted with their reason (sheet 7: h_0 = 0), their buttons folded', () => {
    const r = analyze(readFileSync('examples/sheet7-vanilla-rnn.rnn', 'utf8'), { forms: true });
    const i = r.derives.findIndex((d) => d.query === '∂L/∂W_hh');
    const terms = chainTerms(r.derives[i]!.results[0]!)!;
    const split = splitZeroTerms(r, terms);
    expect(split.zero.length).toBeGreaterThan(0);
    expect(split.because).toBe('h_0 = 0');
    const pane = showDerivation(r, i);
    const fold = pane.querySelector('.terms details.zero-terms') as HTMLElement;
    expect(fold.querySelector('summary')!.textContent).toBe(`${split.zero.length} paths are 0 because h_0 = 0`);
    // the visible buttons are the non-zero terms; the sum is unchanged
    const visible = Array.from(pane.querySelectorAll('.terms > button.term'));
    expect(visible).toHaveLength(split.shown.length);
    const sum = split.shown.reduce((a, s) => a + (s.term.value as number), 0);
    expect(sum).toBeCloseTo(r.derives[i]!.results[0]!.value as number, 12);
    // no zero term without a reason where there is none: W_xh has no zero paths
    const j = r.derives.findIndex((d) => d.query === '∂L/∂W_xh');
    expect(showDerivation(r, j).querySelector('details.zero-terms')).toBeNull();
  }, 60000);
});

describe('a derivation with only its number says why (issue 13, item 5)', () => {
  test("the Report's formsOmitted reason is shown when present, else what leaves the forms out", () => {
    const r = analyze(readFileSync('examples/sheet7-vanilla-rnn.rnn', 'utf8'), { forms: true });
    const d = r.derives[0]!;
    const res = { ...d.results[0]!, forms: undefined };
    expect(
      formsOmittedReason(r, d, { ...res, formsOmitted: 'T = 5000 is past the 1000 steps symbolic forms are written for' } as typeof res),
    ).toBe('Only the number: T = 5000 is past the 1000 steps symbolic forms are written for');
    expect(formsOmittedReason({ ...r, T: 5000 }, d, res)).toContain('(T = 5000)');
    const bare = { ...r, derives: [{ ...d, results: [res] }] } as Report;
    const pane = showDerivation(bare, 0);
    expect(pane.querySelector('.forms-omitted')!.textContent).toMatch(/^Only the number: /);
  }, 60000);
});

test('aligned rows: a matrix inside a row is not split at its own row breaks', () => {
  expect(alignedRows('\\begin{aligned}a &= \\begin{bmatrix}1 \\\\ 2\\end{bmatrix} \\\\ &= b\\end{aligned}')).toEqual([
    'a &= \\begin{bmatrix}1 \\\\ 2\\end{bmatrix}',
    '&= b',
  ]);
});
