// @vitest-environment happy-dom
// views13: the panel shows a free-t derive written once for a general step t (DeriveReport.general, LANGUAGE.md
// §5) above the chosen step's derivation, typeset with the first paint (the host sends those formulas ahead),
// and says why it is absent when a limit left out some steps' forms (generalOmitted); a check's steps table
// names each entry by its free indices (k, i) besides t.
import '../webview/setup-dom';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { firstFormulas } from '../../src/extension/panel/typeset';
import { renderCheckDetails } from '../../src/webview/checksView';
import { renderDerive, renderGeneral, type DerivationOptions } from '../../src/webview/derivation';
import type { DeriveReport } from '../../src/report';

const NET = `T = 4
input x = [0.5, -1.0, 2.0, 0.3]
target y = [1, 0, 1, 0]
param w = 0.7
param u = 0.4
param b = 0.1
param v = 1.2
h_0 = 0
h_t = tanh(w h_{t-1} + u x_t + b)
o_t = v h_t
L_t = (y_t - o_t)^2
loss L = Σ_t L_t
derive ∂L/∂h_t
derive ∂L/∂w
check h_k = tanh(w h_{k-1} + u x_k + b) + [0, 1, 0, 0][k]
`;

const opts = (step: number | null = null): DerivationOptions => ({
  step,
  onStep: () => undefined,
  onCopy: () => undefined,
  onReveal: () => undefined,
  onPath: () => undefined,
  path: [],
});

describe('the panel: a free-t derive written once for a general step', () => {
  const r = analyze(NET, { forms: true });
  const d = r.derives[0]!;

  it('the general lines, typeset, each with the steps it covers, before the chosen step', () => {
    expect(d.general?.map((g) => [g.from, g.to])).toEqual([
      [1, 3],
      [4, 4],
    ]);
    const el = renderDerive(document, r, 0, opts(2));
    const forms = Array.from(el.querySelectorAll('.general .form[data-form=general]'));
    expect(forms.map((f) => [f.getAttribute('data-from'), f.getAttribute('data-to')])).toEqual([
      ['1', '3'],
      ['4', '4'],
    ]);
    expect(forms.map((f) => f.querySelector('.form-label')!.textContent)).toEqual([
      'For a general step t (t = 1..3)',
      'At t = 4, whose form differs',
    ]);
    // typeset by KaTeX (the synchronous source of the tests), not left as source text
    for (const f of forms) expect(f.querySelector('.katex')).not.toBeNull();
    // before the chosen step's own derivation, which stays
    const general = el.querySelector('.general')!;
    const result = el.querySelector('.result[data-t="2"]')!;
    expect(result).not.toBeNull();
    expect(general.compareDocumentPosition(result) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(el.querySelector('select.step-picker')).not.toBeNull();
  }, 60_000);

  it('a derive without a free t has no general section', () => {
    const el = renderDerive(document, r, 1, opts());
    expect(el.querySelector('.general')).toBeNull();
    expect(el.querySelector('.general-omitted')).toBeNull();
  }, 60_000);

  it('the host sends the general lines with the first paint, after the query', () => {
    const list = firstFormulas(r, { line: d.line, column: 1, derive: 0, check: null, symbol: null, node: null });
    expect(list[0]).toEqual({ latex: d.queryLatex, display: false });
    expect(list.slice(1, 3)).toEqual(d.general!.map((g) => ({ latex: g.latex, display: true })));
  });

  it('user text is text: a general line and a reason are never parsed as markup', () => {
    const evil: DeriveReport = {
      ...d,
      general: undefined,
      generalOmitted: 'written step by step, not once for a general step t: <img src=x onerror=alert(1)>',
    };
    const el = renderGeneral(document, evil)!;
    expect(el.querySelector('img')).toBeNull();
    expect(el.textContent).toContain('<img src=x');
  });

  it('a limit left out some steps’ forms: the reason, where the general lines would be', () => {
    const T = 205;
    const xs = Array.from({ length: T }, (_, t) => (Math.sin(t) * 0.8).toFixed(3)).join(', ');
    const text = `T = ${T}\ninput x = [${xs}]\nparam w = 0.8\nh_0 = 0\nh_t = tanh(w h_{t-1} + x_t)\nloss L = Σ_t h_t^2\nderive ∂h_t/∂h_{t-1}\n`;
    const rl = analyze(text, { forms: true });
    const el = renderDerive(document, rl, 0, opts(203));
    expect(el.querySelector('.general')).toBeNull();
    expect(el.querySelector('p.general-omitted')!.textContent).toBe(
      'Written step by step, not once for a general step t: t = 201..205 have only their numbers — symbolic forms are written for the first 200 steps of one question (limit).',
    );
    // the chosen step past the limit still says why it has only its number
    expect(el.querySelector('.forms-omitted')!.textContent).toContain('first 200 steps');
  }, 60_000);
});

describe('the panel: a check’s steps named by their free indices', () => {
  const r = analyze(NET);

  it('k over steps: one row per k, labelled "k = 2", the failing one bad', () => {
    const i = r.checks.findIndex((c) => c.equation.startsWith('h_k'));
    const c = r.checks[i]!;
    expect(c.message).toMatch(/^fails at k = 2: /);
    const el = renderCheckDetails(document, r, i, () => undefined);
    expect(el.querySelector('table.check-steps thead th')!.textContent).toBe('at');
    const rows = Array.from(el.querySelectorAll('table.check-steps tbody tr'));
    expect(rows.map((row) => row.querySelector('td')!.textContent)).toEqual(['k = 1', 'k = 2', 'k = 3', 'k = 4']);
    expect(rows.map((row) => row.getAttribute('class'))).toEqual(['good', 'bad', 'good', 'good']);
    expect(JSON.parse(rows[1]!.getAttribute('data-at')!)).toEqual({ k: 2 });
  });
});
