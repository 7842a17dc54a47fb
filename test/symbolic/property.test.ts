// Property tests on random networks (scalar and vector; σ, tanh, relu; vanilla, gated, LSTM-like;
// T up to 10): every symbolic form of every parameter gradient, of ∂L/∂h_t, of a long-range Jacobian
// and of an immediate partial evaluates back to the engine's autodiff value within 1e-9 relative,
// and its LaTeX typesets in KaTeX.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Expr } from '../../src/language/model';
import { checkDerivative, compileOk, forward } from './helpers';

const R = { line: 1, column: 1, endLine: 1, endColumn: 1 };
const ref = (name: string, idx: { v: string | null; k: number } | null = null): Expr => ({ k: 'ref', name, idx, shape: [], range: R });

interface Net {
  T: number;
  n: number;
  m: number;
  act: string;
  outAct: string;
  kind: 'vanilla' | 'gated' | 'lstm';
  seed: number;
  lossAll: boolean;
  h0: boolean;
}

/** Deterministic values in [-1, 1] with two decimals. */
function values(seed: number): () => string {
  let s = seed >>> 0 || 1;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return String(Math.round(((s / 2 ** 32) * 2 - 1) * 100) / 100);
  };
}

export function netText(c: Net): string {
  const v = values(c.seed);
  const vec = (k: number): string => (k === 1 ? v() : `[${Array.from({ length: k }, v).join(', ')}]`);
  const mat = (r: number, k: number): string =>
    r === 1 && k === 1 ? v() : `[${Array.from({ length: r }, () => `[${Array.from({ length: k }, v).join(', ')}]`).join(', ')}]`;
  const shape = (r: number, k: number | null): string =>
    k === null ? (r === 1 ? '' : ` : ${r}`) : r === 1 && k === 1 ? '' : ` : ${r}x${k}`;
  const seq = (k: number): string => `[${Array.from({ length: c.T }, () => vec(k)).join(', ')}]`;
  const { n, m } = c;
  const had = n === 1 ? ' ' : ' ⊙ ';
  const act = (e: string, a = c.act): string => (a === 'none' ? e : `${a}(${e})`);
  const lines = [`T = ${c.T}`, `input x${shape(m, null)} = ${seq(m)}`, `target y = [${Array.from({ length: c.T }, v).join(', ')}]`];
  const p = (name: string, r: number, k: number | null): void => {
    lines.push(`param ${name}${shape(r, k)} = ${k === null ? vec(r) : mat(r, k)}`);
  };
  p('V', 1, n);
  p('b_o', 1, null);
  if (c.kind === 'vanilla') {
    p('W_x', n, m);
    p('W_h', n, n);
    p('b', n, null);
    lines.push(`h_0 = ${c.h0 ? vec(n) : '0'}`);
    lines.push(`h_t = ${act('W_x x_t + W_h h_{t-1} + b')}`);
  } else if (c.kind === 'gated') {
    p('W_x', n, m);
    p('W_h', n, n);
    p('U_x', n, m);
    p('U_h', n, n);
    p('b', n, null);
    lines.push(`h_0 = ${c.h0 ? vec(n) : '0'}`);
    lines.push('u_t = σ(U_x x_t + U_h h_{t-1})');
    lines.push(`s_t = ${act('W_x x_t + W_h h_{t-1} + b')}`);
    lines.push(`h_t = u_t${had}h_{t-1} + s_t - u_t${had}s_t`);
  } else {
    p('W_i', n, m);
    p('U_i', n, n);
    p('W_f', n, m);
    p('U_f', n, n);
    p('W_g', n, m);
    p('U_g', n, n);
    lines.push(`h_0 = ${c.h0 ? vec(n) : '0'}`, `c_0 = ${c.h0 ? vec(n) : '0'}`);
    lines.push('i_t = σ(W_i x_t + U_i h_{t-1})', 'f_t = σ(W_f x_t + U_f h_{t-1})', `g_t = ${act('W_g x_t + U_g h_{t-1}')}`);
    lines.push(`c_t = f_t${had}c_{t-1} + i_t${had}g_t`, `h_t = f_t${had}tanh(c_t)`);
  }
  lines.push(`o_t = ${act('V h_t + b_o', c.outAct)}`, 'L_t = (y_t - o_t)^2', c.lossAll ? 'loss L = Σ_t L_t' : 'loss L = L_T');
  return lines.join('\n') + '\n';
}

const arbNet: fc.Arbitrary<Net> = fc.record({
  T: fc.integer({ min: 1, max: 10 }),
  n: fc.integer({ min: 1, max: 3 }),
  m: fc.integer({ min: 1, max: 2 }),
  act: fc.constantFrom('σ', 'tanh', 'relu'),
  outAct: fc.constantFrom('σ', 'tanh', 'none'),
  kind: fc.constantFrom('vanilla', 'gated', 'lstm'),
  seed: fc.integer(),
  lossAll: fc.boolean(),
  h0: fc.boolean(),
}) as fc.Arbitrary<Net>;

describe('symbolic forms on random networks', () => {
  it('evaluate back to the autodiff value (every parameter, ∂L/∂h_t, ∂h_T/∂h_1, ∂⁺h_t/∂W)', () => {
    fc.assert(
      fc.property(arbNet, fc.nat(), (net, pick) => {
        const model = compileOk(netText(net));
        const run = forward(model);
        const L = model.loss!;
        const label = netText(net);
        for (const d of model.decls.values()) {
          if (d.kind !== 'param') continue;
          checkDerivative(model, run, ref(L), { name: d.name, idx: null }, true, null, label);
        }
        const t = 1 + (pick % net.T);
        checkDerivative(model, run, ref(L), { name: 'h', idx: { v: 't', k: 0 } }, true, t, label);
        checkDerivative(model, run, ref('h', { v: null, k: net.T }), { name: 'h', idx: { v: null, k: 1 } }, true, null, label);
        checkDerivative(model, run, ref('h', { v: 't', k: 0 }), { name: 'h', idx: { v: 't', k: -1 } }, false, t, label);
        const W = net.kind === 'lstm' ? 'U_f' : 'W_h';
        checkDerivative(model, run, ref('h', { v: 't', k: 0 }), { name: W, idx: null }, false, t, label);
        if (net.n === 1) checkDerivative(model, run, ref('h', { v: 't', k: 0 }), { name: W, idx: null }, true, t, label);
      }),
      { numRuns: 50, seed: 20261122 },
    );
  }, 300_000);

  it('the generator makes every kind of network (the property is not vacuous)', () => {
    for (const kind of ['vanilla', 'gated', 'lstm'] as const)
      for (const n of [1, 3]) {
        const model = compileOk(netText({ T: 3, n, m: 2, act: 'tanh', outAct: 'σ', kind, seed: 7, lossAll: true, h0: true }));
        expect(model.quantities.has('h')).toBe(true);
        expect(model.quantities.get('h')!.shape).toEqual(n === 1 ? [] : [n]);
      }
  });
});
