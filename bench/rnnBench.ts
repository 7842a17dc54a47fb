// The 64-unit tanh RNN (D = 32): Unroll's gradients next to TensorFlow.js's, and Unroll's scaling in T.

import { analyze } from '../src/analysis';
import { compile } from '../src/language';
import { forward, type ValueOverrides } from '../src/engine/run';
import { PARAM_NAMES, makeProblem, maxRelDiff, rnnOverrides, rnnText, type RnnProblem } from './rnnProblem';
import { initTf, makeTfRnn } from './tfRnn';
import { fmtT, fmtRatio, printTable, timeInterleaved, timeMedian } from './timing';

const H = 64;
const D = 32;
/** runs of the short network before the scaling section's timing (the JIT's tiers reached) */
const SCALING_WARMUP = 20;

/** Compiles the network once and returns a function doing one forward + backward pass for every parameter. */
function engineGradients(text: string, values?: ValueOverrides) {
  const { model, diagnostics } = compile(text);
  const errs = diagnostics.filter((d) => d.severity === 'error');
  if (errs.length) throw new Error(`the generated network does not compile: ${errs[0].message} (line ${errs[0].line})`);
  return () => {
    const run = forward(model, values);
    const grads = {} as Record<(typeof PARAM_NAMES)[number], Float64Array>;
    for (const p of PARAM_NAMES) {
      const g = run.lossGrad(p, null);
      if (!g) throw new Error(`no gradient for ${p}`);
      grads[p] = g.data;
    }
    return grads;
  };
}

export async function benchRnnVsTf(): Promise<void> {
  await initTf();
  const rows: string[][] = [];
  const notes: string[] = [];
  for (const T of [20, 200]) {
    const p: RnnProblem = makeProblem(H, D, T);
    const text = rnnText(p, true);
    const grads = engineGradients(text);
    const tfr = makeTfRnn(p);
    // same numbers? float32 (TF.js CPU) against float64 (Unroll)
    const ours = grads();
    const theirs = tfr.gradients().grads;
    const diff = Math.max(...PARAM_NAMES.map((n) => maxRelDiff(ours[n], theirs[n])));

    // interleaved, so that load changes during the run hit every contender alike
    const leanOptions = { symbolic: false, graph: false, gradcheck: false };
    // a Report's written-out values and partial forms are made when first read: "lean + JSON" reads them all
    const [engine, lean, leanJson, tfT] = timeInterleaved(
      [grads, () => analyze(text, leanOptions), () => JSON.stringify(analyze(text, leanOptions)), () => tfr.gradients()],
      15,
      2,
      30000,
    );
    // the default analysis adds symbolic forms (evaluated back) and the graph: timed apart, few runs, it can be slow
    const full = timeMedian(() => analyze(text), 3, 0, 10000);
    tfr.dispose();
    rows.push([
      `T = ${T}`,
      fmtT(engine),
      fmtT(lean),
      fmtT(leanJson),
      fmtT(full),
      fmtT(tfT),
      fmtRatio(tfT.ownMs / engine.ownMs),
      fmtRatio(tfT.ownMs / lean.ownMs),
      diff.toExponential(1),
    ]);
    notes.push(`T = ${T}: .rnn text ${(text.length / 1024).toFixed(0)} KB`);
  }
  printTable(
    `${H}-unit tanh RNN, D = ${D}, L = Σ_t (s_t − W_hy h_t − b_y)^2: all five parameter gradients — median; ratios of medians`,
    ['', 'engine', 'analyze lean', 'lean + JSON', 'analyze()', 'TF.js cpu', 'TF/engine', 'TF/lean', 'max rel diff'],
    rows,
  );
  console.log(
    '  engine = forward() + lossGrad() of every parameter on the compiled model (Float64Array);\n' +
      '  analyze lean = the whole text → Report without symbolic forms, graph or gradcheck; analyze() = defaults.\n' +
      '  lean + JSON = the same Report serialised: its values written out as text and LaTeX and its partials\n' +
      '  printed, which the Report does only when they are first read.\n' +
      '  TF.js = tf.variableGrads on the CPU backend (pure JS; float32 is its only CPU float dtype), incl. reading\n' +
      '  the gradients back. max rel diff = max |unroll − tf| / max |unroll| over every gradient entry (float32 level).\n' +
      `  ${notes.join('; ')}`,
  );
}

export function benchScaling(): void {
  // the 64-unit network first; where T = 5000 passes the engine's work limit, a smaller one that fits
  for (const [h, d] of [
    [H, D],
    [32, 16],
  ]) {
    const lengths = [500, 5000];
    let fns: (() => unknown)[];
    try {
      // shapes only in the text; the values come in as ValueOverrides (a 5000-step literal is 1 MB of text)
      fns = lengths.map((T) => {
        const p = makeProblem(h, d, T, 11);
        return engineGradients(rnnText(p, false, false), rnnOverrides(p));
      });
      // the JIT warmed on the short run first: run alone, the section timed T = 500 half-interpreted, which made
      // the ratio look better than the full bench (warm from the sections before) showed
      for (let i = 0; i < SCALING_WARMUP; i++) fns[0]!();
    } catch (e) {
      console.log(`\nScaling in T, ${h}-unit tanh RNN (D = ${d}): ${(e as Error).message.split('\n')[0]}`);
      continue;
    }
    // interleaved (500, 5000, 500, …): a change of load or of the heap's state during the section hits both alike
    const times = timeInterleaved(fns, 9, 1, 30000);
    const rows = times.map((t, k) => [`T = ${lengths[k]}`, fmtT(t), `${((t.ownMs * 1000) / lengths[k]!).toFixed(1)} µs`, String(t.runs)]);
    const ratio = times[1]!.ownMs / times[0]!.ownMs;
    rows.push(['T = 5000 / T = 500', fmtRatio(ratio), ratio <= 12 ? 'target ≤ 12×: yes' : 'target ≤ 12×: NO', '']);
    printTable(
      `Scaling in T: ${h}-unit tanh RNN (D = ${d}), forward + backward (engine) — median, the two lengths interleaved`,
      ['', 'time', 'per step', 'runs'],
      rows,
    );
    return;
  }
}
