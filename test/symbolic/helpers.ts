// Shared helpers for the symbolic tests: compile a .rnn text, derive every form of a derivative,
// evaluate each back and compare with the engine's autodiff.

import katex from 'katex';
import { expect } from 'vitest';
import { compile } from '../../src/language/index';
import type { Expr, Idx, Model } from '../../src/language/model';
import { forward, type Run } from '../../src/engine/run';
import { deriveForms, evaluateForm, type DeriveForms } from '../../src/engine/symbolic/index';

export function compileOk(text: string): Model {
  const c = compile(text);
  const errors = c.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new Error(`compile errors: ${errors.map((e) => `${e.line}:${e.column} ${e.message}`).join('; ')}\n${text}`);
  return c.model;
}

export function relClose(a: Float64Array, b: Float64Array, tol = 1e-9): boolean {
  if (a.length !== b.length) return false;
  let scale = 0;
  for (let i = 0; i < b.length; i++) scale = Math.max(scale, Math.abs(b[i]));
  for (let i = 0; i < a.length; i++) if (!(Math.abs(a[i] - b[i]) <= tol * Math.max(1e-12, scale, Math.abs(a[i])))) return false;
  return true;
}

export function typesets(latex: string): void {
  expect(() => katex.renderToString(latex, { throwOnError: true }), latex).not.toThrow();
}

export interface Checked {
  forms: DeriveForms;
  kinds: ('chain' | 'explicit' | 'recursive')[];
}

/** Derive, then check every form evaluates back to the autodiff value and every LaTeX string typesets. */
export function checkDerivative(
  model: Model,
  run: Run,
  of: Expr,
  wrt: { name: string; idx: Idx | null },
  total: boolean,
  t: number | null,
  label = '',
  typeset = true,
): Checked {
  const forms = deriveForms(model, of, wrt, total, t, run);
  const want = run.derivative(of, wrt, t, total).data;
  const kinds: Checked['kinds'] = [];
  for (const k of ['chain', 'explicit', 'recursive'] as const) {
    const f = forms[k];
    if (!f) continue;
    kinds.push(k);
    const got = evaluateForm(forms, k, run).data;
    if (!relClose(got, want))
      throw new Error(`${label} t=${t} ${k} form evaluates to ${Array.from(got)} but autodiff gives ${Array.from(want)}\n${f.text}`);
    if (typeset) typesets(f.latex);
    expect(f.text.length).toBeGreaterThan(0);
  }
  if (typeset) typesets(forms.best.latex);
  return { forms, kinds };
}

export { forward };

/** A random network of the property tests: vanilla, gated or LSTM-like, scalar or vector. */
export interface Net {
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

/** Seed 000's scalar GRU (u_t gate, s_t candidate) over T steps, with a squared-error loss. */
export const GRU_SEED_000 = (T: number): string => {
  const xs = Array.from({ length: T }, (_, i) => (Math.sin(i + 1) * 0.8).toFixed(3)).join(', ');
  const ys = Array.from({ length: T }, (_, i) => (Math.cos(i + 1) * 0.5).toFixed(3)).join(', ');
  return `T = ${T}
input  x = [${xs}]
target y = [${ys}]
param  w = 0.7
h_0 = 0
u_t = σ(w.h_{t-1} + w.x_t)
s_t = w.(h_{t-1} + x_t)
h_t = u_t.h_{t-1} + (1 - u_t).s_t
L_t = (y_t - h_t)^2
loss L = Σ_t L_t
`;
};
