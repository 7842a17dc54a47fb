// Symbolic derivations (issue 11: ∂L/∂W_hh of the sheet-7 network with all three forms at T = 1000 under
// 50 ms, and the evaluate-back of a 64-unit network's forms within the same budget):
//  - the scalar vanilla RNN at T = 10, 100, 1000: deriveForms() of src/engine/symbolic on a freshly
//    compiled model (what a first hover or `unroll` pays: nothing of the derivation is cached yet), the
//    same forms evaluated back, and what the forms add to a whole analyze() (with minus without them);
//  - the 64-unit tanh RNN (D = 32, T = 20): the same for ∂L/∂W_hh, whose forms are evaluated back as
//    row vectors times Jacobians from the loss side.

import { analyze } from '../src/analysis';
import { forward } from '../src/engine/run';
import { benchDerive, deriveForms, evaluateForm } from '../src/engine/symbolic/index';
import { compile } from '../src/language';
import type { Model } from '../src/language/model';
import { makeProblem, rnnText } from './rnnProblem';
import { fmtMs, fmtRatio, fmtT, printTable, timeInterleaved, type Timing } from './timing';

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

/** The first derive of a text: a fresh model each call (the symbolic engine caches per model), compiled
 *  and run outside the timed part. */
function firstDerive(text: string) {
  const { model } = compile(text);
  const q = model.questions[0];
  if (!q || q.kind !== 'derive' || q.expr.k !== 'deriv') throw new Error('the generated network has no derive');
  return { model, of: q.expr.of, wrt: q.expr.wrt, run: forward(model) };
}

/** Times fn on a fresh model per run: `prepare` (untimed) makes it, `fn` is timed. */
function timeFresh(prepare: () => unknown, fn: (p: never) => unknown, runs: number, budgetMs: number): Timing {
  const prepared: unknown[] = [];
  // the Timing helpers call the function with no argument: hand each run its own prepared model
  const pool = () => {
    const p = prepared.pop() ?? prepare();
    return fn(p as never);
  };
  for (let i = 0; i < runs + 2; i++) prepared.push(prepare());
  return timeInterleaved([pool], runs, 2, budgetMs)[0];
}

function formsAndBack(p: ReturnType<typeof firstDerive>): number {
  const f = deriveForms(p.model, p.of, p.wrt, true, null, p.run);
  let n = 0;
  for (const k of ['chain', 'explicit', 'recursive'] as const) if (f[k]) n += evaluateForm(f, k, p.run).data.length;
  return n;
}

function formSizes(model: Model, p: ReturnType<typeof firstDerive>): string[] {
  const forms = deriveForms(model, p.of, p.wrt, true, null, p.run);
  const len = (f?: { text: string; latex: string }) => (f ? `${f.text.length}/${f.latex.length}` : '—');
  return [len(forms.chain), len(forms.explicit), len(forms.recursive)];
}

export function benchSymbolic(): void {
  const rows: string[][] = [];
  let prevSize = 0;
  for (const T of [10, 100, 1000]) {
    const text = scalarRnnText(T);
    const runs = T >= 1000 ? 7 : 11;
    // deriveForms: every form (chain, explicit, δ-recursion) in text and LaTeX, with the number
    const direct = timeFresh(
      () => firstDerive(text),
      (p: ReturnType<typeof firstDerive>) => deriveForms(p.model, p.of, p.wrt, true, null, p.run),
      runs,
      10000,
    );
    const back = timeFresh(() => firstDerive(text), formsAndBack, runs, 10000);
    const one = firstDerive(text);
    const nodes = benchDerive(one.model, one.of, one.wrt, null, one.run).nodes;
    const sizes = formSizes(one.model, one);
    // and what it adds to a whole analyze() (which also checks every form against the autodiff number)
    const base = { graph: false, gradcheck: false, draws: 1 };
    const [withSym, without] = timeInterleaved(
      [() => analyze(text, { ...base, forms: true }), () => analyze(text, { ...base, forms: false })],
      runs,
      1,
      10000,
    );
    const total = sizes.reduce((n, s) => n + (s === '—' ? 0 : s.split('/').reduce((a, x) => a + Number(x), 0)), 0);
    rows.push([
      `T = ${T}`,
      fmtT(direct),
      fmtT(back),
      fmtMs(Math.max(0, withSym.ownMs - without.ownMs)),
      String(nodes),
      ...sizes,
      prevSize ? fmtRatio(total / prevSize) : '',
    ]);
    prevSize = total;
  }
  printTable(
    'Symbolic ∂L/∂W_hh, scalar vanilla RNN (sheet 7) — median; target T = 1000 < 50 ms, size constant',
    ['', 'deriveForms()', '+ evaluate back', 'in analyze()', 'IR nodes', 'chain chars (text/latex)', 'explicit', 'recursive', 'size ×'],
    rows,
  );
  console.log(
    '  deriveForms() = src/engine/symbolic on a fresh model: all three forms with their numbers. + evaluate back = the same and\n' +
      '  each form evaluated back numerically. in analyze() = analyze() with forms − without (graph, gradcheck off; 1 draw;\n' +
      '  it checks every form against autodiff). size × = printed size vs the row before.',
  );

  // the 64-unit network: W_hh has 4,096 entries, ∂⁺h_k/∂W_hh is 64 × 4,096
  const wide = rnnText(makeProblem(64, 32, 20), true);
  const direct = timeFresh(
    () => firstDerive(wide),
    (p: ReturnType<typeof firstDerive>) => deriveForms(p.model, p.of, p.wrt, true, null, p.run),
    7,
    10000,
  );
  const back = timeFresh(() => firstDerive(wide), formsAndBack, 7, 10000);
  const base = { graph: false, gradcheck: false, draws: 1 };
  const [withSym, without] = timeInterleaved(
    [() => analyze(wide, { ...base, forms: true }), () => analyze(wide, { ...base, forms: false })],
    5,
    1,
    15000,
  );
  const r = analyze(wide, { ...base, forms: true });
  const kept = r.derives.map((d) => {
    const res = d.results[0];
    const f = res?.forms;
    return f ? (['chain', 'explicit', 'recursive'] as const).filter((k) => f[k]).join('+') : `none (${res?.formsOmitted ?? '?'})`;
  });
  printTable(
    'Symbolic forms of the 64-unit tanh RNN (D = 32, T = 20) — median; target: evaluated back within the same 50 ms',
    ['', 'deriveForms()', '+ evaluate back', 'in analyze() (2 derives)', 'forms kept by analyze()'],
    [['∂L/∂W_hh', fmtT(direct), fmtT(back), fmtMs(Math.max(0, withSym.ownMs - without.ownMs)), kept.join('; ')]],
  );
}
