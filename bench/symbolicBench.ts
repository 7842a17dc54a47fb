// Symbolic derivations: time and printed size of ∂L/∂W_hh for the scalar vanilla RNN at T = 10, 100, 1000
// (target: T = 1000 well under 100 ms, size ∝ T): deriveForms() of src/engine/symbolic directly, and what the
// forms add to a whole analyze() (the same text analysed with and without them).

import { analyze } from '../src/analysis';
import { forward } from '../src/engine/run';
import { benchDerive, deriveForms } from '../src/engine/symbolic/index';
import { compile } from '../src/language';
import { fmtMs, fmtRatio, fmtT, printTable, timeInterleaved, timeMedian } from './timing';

export function scalarRnnText(T: number): string {
  const xs = Array.from({ length: T }, (_, t) => (Math.sin(t + 1) * 0.8).toFixed(3));
  const ys = Array.from({ length: T }, (_, t) => (t % 2).toString());
  return [
    `T = ${T}`,
    `input x = [${xs.join(', ')}]`,
    `target y = [${ys.join(', ')}]`,
    'param W_xh = 0.3',
    'param W_hh = 0.8',
    'param b_h = 0.1',
    'param W_hy = 1.5',
    'param b_y = -0.2',
    'h_0 = 0',
    'h_t = σ(W_xh x_t + W_hh h_{t-1} + b_h)',
    'o_t = σ(W_hy h_t + b_y)',
    'L_t = (y_t - o_t)^2',
    'loss L = Σ_t L_t',
    'derive ∂L/∂W_hh',
  ].join('\n');
}

export function benchSymbolic(): void {
  const rows: string[][] = [];
  let prevSize = 0;
  for (const T of [10, 100, 1000]) {
    const text = scalarRnnText(T);
    const { model } = compile(text);
    const q = model.questions[0];
    if (!q || q.kind !== 'derive' || q.expr.k !== 'deriv') throw new Error('the generated network has no derive');
    const { of, wrt } = q.expr;
    const run = forward(model);
    // deriveForms directly: every form (chain, explicit, δ-recursion) in text and LaTeX, with the number
    const direct = timeMedian(() => deriveForms(model, of, wrt, true, null, run), 11, 2, 8000);
    const forms = deriveForms(model, of, wrt, true, null, run);
    const nodes = benchDerive(model, of, wrt, null, run).nodes;
    // and what it adds to a whole analyze()
    const base = { graph: false, gradcheck: false, draws: 1 };
    const [withSym, without] = timeInterleaved([() => analyze(text, { ...base, symbolic: true }), () => analyze(text, { ...base, symbolic: false })], 9, 1, 8000);
    const len = (f?: { text: string; latex: string }) => (f ? `${f.text.length}/${f.latex.length}` : '—');
    const total = [forms.chain, forms.explicit, forms.recursive].reduce((n, f) => n + (f ? f.text.length + f.latex.length : 0), 0);
    rows.push([
      `T = ${T}`,
      fmtT(direct),
      fmtMs(Math.max(0, withSym.ownMs - without.ownMs)),
      String(nodes),
      len(forms.chain),
      len(forms.explicit),
      len(forms.recursive),
      prevSize ? fmtRatio(total / prevSize) : '',
    ]);
    prevSize = total;
  }
  printTable(
    'Symbolic ∂L/∂W_hh, scalar vanilla RNN — median; target T = 1000 well under 100 ms, size ∝ T',
    ['', 'deriveForms()', 'in analyze()', 'IR nodes', 'chain chars (text/latex)', 'explicit', 'recursive', 'size ×'],
    rows,
  );
  console.log(
    '  deriveForms() = src/engine/symbolic: all three forms with their numbers. in analyze() = analyze() with\n' +
      '  symbolic forms − without (graph, gradcheck off; 1 draw; it also evaluates every form back). size × = printed size vs the row before.',
  );
}
