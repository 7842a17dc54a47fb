import { analyze } from '../../src/analysis';
import type { AnalyzeOptions } from '../../src/report';
import type { Report, Value } from '../../src/report';

/**
 * The sheet-7 network's parameters and recurrence (LANGUAGE.md), the lines every spelling of it shares:
 * SHEET7 below, the Markdown block of test/solution/helpers.ts, the long horizons of test/symbolic/scale.test.ts.
 */
export const SHEET7_RECURRENCE = `param  W_xh = 0.3
param  W_hh = 0.8
param  b_h  = 0.1
param  W_hy = 1.5
param  b_y  = -0.2
h_0 = 0
h_t = σ(W_xh x_t + W_hh h_{t-1} + b_h)
`;

/** the sheet-7 network of LANGUAGE.md, with extra lines appended */
export const SHEET7 = `T = 3
input  x = [0.5, -1.0, 2.0]
target y = [1, 0, 1]
${SHEET7_RECURRENCE}o_t = σ(W_hy h_t + b_y)
L_t = (y_t - o_t)^2
loss L = Σ_t L_t
`;

export function run(text: string, options: AnalyzeOptions = {}): Report {
  // the questions' tests read the symbolic forms too (analyze() is numeric by default)
  return analyze(text, { forms: options.symbolic ?? true, ...options });
}

export const errors = (r: Report) => r.diagnostics.filter((d) => d.severity === 'error');

/** the value of the first result of the derive on the last derive line */
export function derived(text: string): Value {
  const r = analyze(text);
  const e = errors(r);
  if (e.length) throw new Error(e.map((d) => `${d.line}:${d.column} ${d.message}`).join('\n'));
  const d = r.derives[r.derives.length - 1];
  if (!d || !d.results.length) throw new Error('no derive result');
  return d.results[0]!.value;
}

export function derivedAll(text: string): Value[] {
  const r = analyze(text);
  const e = errors(r);
  if (e.length) throw new Error(e.map((d) => `${d.line}:${d.column} ${d.message}`).join('\n'));
  return r.derives[r.derives.length - 1]!.results.map((x) => x.value);
}

export function lastCheck(text: string) {
  const r = analyze(text);
  const e = errors(r);
  if (e.length) throw new Error(e.map((d) => `${d.line}:${d.column} ${d.message}`).join('\n'));
  return r.checks[r.checks.length - 1]!;
}

export const flat = (v: Value): number[] => (typeof v === 'number' ? [v] : (v as (number | number[])[]).flat());

export function near(a: Value, b: Value, tol = 1e-9): boolean {
  const x = flat(a);
  const y = flat(b);
  return x.length === y.length && x.every((v, i) => Math.abs(v - y[i]!) <= tol * Math.max(1, Math.abs(v), Math.abs(y[i]!)));
}

/** a 2-unit tanh RNN with a scalar output, and its checks analysed (the numerator-layout gradient tests) */
export const TANH2_NET = `T = 3
input x : 2 = [[0.5, -0.3], [0.8, 0.1], [-0.2, 0.4]]
param W : 2x2 = [[0.3, -0.2], [0.1, 0.4]]
param U : 2x2 = [[0.5, 0.2], [-0.3, 0.6]]
param v : 1x2 = [[0.7, -0.5]]
target y = [0.1, 0.2, -0.1]
h_0 = [0.1, -0.2]
h_t = tanh(W h_{t-1} + U x_t)
o_t = v h_t
loss L = Σ_t (o_t - y_t)^2
`;
export const tanh2Checks = (...lines: string[]) =>
  analyze(`${TANH2_NET}${lines.map((l) => `check ${l}\n`).join('')}`, { graph: false, symbolic: false });

/** a scalar tanh RNN of three steps whose loss reads every state: truncated BPTT's window and its label are read on it */
export const TRUNCATION_NET = `T = 3
param w = 0.5
input x = [0.1, 0.2, 0.3]
h_0 = 0.2
h_t = tanh(w h_{t-1} + x_t)
loss L = Σ_t h_t
`;
