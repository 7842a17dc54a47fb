// The networks and readings of tscale24's tests (issue 11: a tape's values in an arena, accumulators lent from
// a pool by length, a kept sweep gathered as it runs): every tape node's value, every loss gradient and a few
// derivatives of each kind, written as exact bit patterns. tscale24-previous.json holds them as the engine before
// session 24 gave them (generated once from commit dcc87a0 with the `forward` of that checkout).
import type { Model } from '../../src/language/model';
import type { Run, ValueOverrides } from '../../src/engine/run';
import { makeProblem, rnnText } from '../../bench/rnnProblem';
import { idx, model, rand, ref, vectorNet } from '../engine/build';

export interface Case {
  name: string;
  text: string;
  /** values given in place of the text's (special numbers: −0, NaN, ±∞) */
  values?: ValueOverrides;
}

/** one double as 16 hex digits (−0 and +0 differ); every NaN as "NaN" (its payload is not a number's value) */
function bits(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  const v = new DataView(new ArrayBuffer(8));
  v.setFloat64(0, x);
  return v.getBigUint64(0).toString(16).padStart(16, '0');
}
export const bitsOf = (a: ArrayLike<number>): string => Array.from(a, bits).join(' ');

/** a copy of a with the entries at the given positions replaced */
function patched(a: Float64Array, at: [number, number][]): Float64Array {
  const out = a.slice();
  for (const [i, x] of at) out[i % out.length] = x;
  return out;
}

/** the networks: random vector RNNs (plain and gated, three activations), the benchmark's, and special numbers */
export function cases(): Case[] {
  const out: Case[] = [];
  const r = rand(24);
  const acts = ['tanh', 'σ', 'relu'];
  for (let k = 0; k < 8; k++) {
    const T = 1 + Math.floor((r() + 0.5) * 6);
    const n = 1 + Math.floor((r() + 0.5) * 5);
    const d = 1 + Math.floor((r() + 0.5) * 3);
    const p = 1 + Math.floor((r() + 0.5) * 3);
    out.push({ name: `vector ${k}`, text: vectorNet(100 + k, T, n, d, p, acts[k % 3], k % 2 === 1) });
  }
  out.push({ name: 'benchmark RNN', text: rnnText(makeProblem(6, 3, 9, 5), true) });
  // −0, NaN and ±∞ among the inputs and weights: they go through the values and the gradients as they did
  const text = vectorNet(7, 4, 3, 2, 2, 'relu', true);
  const m = model(text);
  const given = (name: string) => m.decls.get(name)!.values!;
  const specials: ValueOverrides = new Map([
    ['x', given('x').map((a, t) => patched(a, t === 0 ? [[0, -0]] : t === 1 ? [[1, Infinity]] : []))],
    ['W_hh', [patched(given('W_hh')[0]!, [[4, -0]])]],
    ['b_h', [patched(given('b_h')[0]!, [[2, -Infinity]])]],
  ]);
  out.push({ name: 'special numbers', text, values: specials });
  const nan: ValueOverrides = new Map([['W_xh', [patched(given('W_xh')[0]!, [[3, NaN]])]]]);
  out.push({ name: 'a NaN weight', text, values: nan });
  return out;
}

/** what a case reads of a run: every tape node's value, the loss gradients, derivatives of each kind, the operations */
export function readings(m: Model, run: Run): Record<string, string> {
  const out: Record<string, string> = {};
  run.tape.nodeList().forEach((n, i) => (out[`tape ${i} ${n.op}`] = bitsOf(n.data)));
  const named: [string, number | null][] = [];
  for (const q of run.quantityNodes()) named.push([q.name, q.t]);
  for (const d of m.decls.values()) {
    if (d.perStep) for (let t = 1; t <= m.T; t++) named.push([d.name, t]);
    else named.push([d.name, null]);
  }
  for (const [name, t] of named) out[`∂L/∂${name}@${t}`] = bitsOf(run.lossGrad(name, t)?.data ?? []);
  // total (near and across the whole range), immediate, one-step: between h's steps and to the weights
  const T = m.T;
  const h = (k: number) => ref(m, 'h', idx(k));
  const asks: [string, () => Float64Array][] = [
    ['∂h_T/∂h_1', () => run.derivativeAt(h(T), { name: 'h', idx: idx(1) }, {}, true).tensor.data],
    ['∂h_T/∂W_hh', () => run.derivativeAt(h(T), { name: 'W_hh', idx: null }, {}, true).tensor.data],
    ['∂⁺h_T/∂h_{T-1}', () => run.derivativeAt(h(T), { name: 'h', idx: idx(T - 1) }, {}, false).tensor.data],
    ['one-step ∂h_T/∂W_hh', () => run.derivativeAt(h(T), { name: 'W_hh', idx: null }, {}, true, true).tensor.data],
    ['∂o_T/∂h_1', () => run.derivativeAt(ref(m, 'o', idx(T)), { name: 'h', idx: idx(1) }, {}, true).tensor.data],
  ];
  for (const [key, ask] of asks) {
    if (key.includes('o_T') && !m.quantities.has('o')) continue;
    try {
      out[key] = bitsOf(ask());
    } catch (e) {
      out[key] = `error: ${(e as Error).message}`;
    }
  }
  out.ops = String(run.tape.budget.ops);
  return out;
}

/** a case's readings from a forward pass (the current one, or another checkout's, for the fixture) */
export function readCase(c: Case, fwd: (m: Model, values?: ValueOverrides) => Run): Record<string, string> {
  const m = model(c.text);
  return readings(m, fwd(m, c.values));
}
