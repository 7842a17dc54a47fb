// Hand-built model expressions for the engine's tests: the v2 kinds (contract, matpow, indicator,
// one-step derivatives) before the resolver emits them, and anything a test needs exactly.
import type { Expr, Fn, Idx, Model, Shape } from '../../src/language/model';
import { compile } from '../../src/language/index';
import { forward, type Run, type ValueOverrides } from '../../src/engine/run';
import { nodeKey } from '../../src/engine/plan';

const R = { line: 1, column: 1, endLine: 1, endColumn: 2 };

export const idx = (k: number, v: string | null = null): Idx => ({ v, k });
export const num = (value: number): Expr => ({ k: 'num', value, shape: [], range: R });
export function ref(model: Model, name: string, i: Idx | null = null): Expr {
  const shape = model.decls.get(name)?.shape ?? model.quantities.get(name)?.shape;
  if (!shape) throw new Error(`no ${name}`);
  return { k: 'ref', name, idx: i, shape, range: R };
}
export const contract = (a: Expr, b: Expr, shape: Shape): Expr => ({ k: 'contract', a, b, shape, range: R });
export const matmul = (a: Expr, b: Expr, shape: Shape): Expr => ({ k: 'matmul', a, b, shape, range: R });
export const matpow = (a: Expr, n: Expr): Expr => ({ k: 'matpow', a, n, shape: a.shape, range: R });
export const indicator = (a: Expr, b: Expr): Expr => ({ k: 'indicator', a, b, shape: [], range: R });
export const call = (fn: Fn, arg: Expr, shape: Shape = arg.shape): Expr => ({ k: 'call', fn, arg, shape, range: R });
export const div = (a: Expr, b: Expr, shape: Shape): Expr => ({ k: 'div', a, b, shape, range: R });
export const add = (a: Expr, b: Expr): Expr => ({ k: 'add', a, b, shape: a.shape.length ? a.shape : b.shape, range: R });
export const sum = (v: string, from: Idx, to: Idx, body: Expr): Expr => ({ k: 'sum', v, from, to, body, shape: body.shape, range: R });
export const v = (name: string, k = 0): Expr => ({ k: 'var', idx: { v: name, k }, shape: [], range: R });

/** ∂of/∂wrt with the shape the resolver gives it */
export function deriv(model: Model, of: Expr, wrt: string, wi: Idx | null, kind: 'total' | 'immediate' | 'oneStep' = 'total'): Expr {
  const ws = model.decls.get(wrt)?.shape ?? model.quantities.get(wrt)!.shape;
  const os = of.shape;
  const shape = os.length === 0 ? ws : ws.length === 0 ? os : os.length === 1 && ws.length === 2 ? [os[0]!, ...ws] : [os[0]!, ws[0]!];
  return {
    k: 'deriv',
    total: kind !== 'immediate',
    ...(kind === 'oneStep' ? { oneStep: true } : {}),
    of,
    wrt: { name: wrt, idx: wi, range: R },
    shape,
    range: R,
  };
}

export function model(text: string): Model {
  const c = compile(text);
  const errs = c.diagnostics.filter((d) => d.severity === 'error');
  if (errs.length) throw new Error(errs.map((d) => `${d.line}: ${d.message}`).join('\n'));
  return c.model;
}

/** a seeded generator in [-0.5, 0.5) */
export function rand(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296 - 0.5;
  };
}

/**
 * a vector RNN with a vector output, all values given (n hidden, d inputs, p outputs); gated: a step with
 * intermediates (z_t, g_t), through which the one-step derivative goes
 */
export function vectorNet(seed: number, T: number, n: number, d: number, p: number, act = 'tanh', gated = false): string {
  const r = rand(seed);
  const x = () => (r() * 1.6).toFixed(6);
  const vec = (k: number) => `[${Array.from({ length: k }, x).join(', ')}]`;
  const mat = (m: number, k: number) => `[${Array.from({ length: m }, () => vec(k)).join(', ')}]`;
  return (
    [
      `T = ${T}`,
      `input x : ${d} = [${Array.from({ length: T }, () => vec(d)).join(', ')}]`,
      `target y : ${p} = [${Array.from({ length: T }, () => vec(p)).join(', ')}]`,
      `param W_xh : ${n}x${d} = ${mat(n, d)}`,
      `param W_hh : ${n}x${n} = ${mat(n, n)}`,
      `param b_h : ${n} = ${vec(n)}`,
      `param W_hy : ${p}x${n} = ${mat(p, n)}`,
      `h_0 = ${vec(n)}`,
      ...(gated
        ? ['z_t = σ(W_hh h_{t-1} + b_h)', `g_t = ${act}(W_xh x_t + W_hh h_{t-1})`, 'h_t = (1 - z_t) ⊙ h_{t-1} + z_t ⊙ g_t']
        : [`h_t = ${act}(W_xh x_t + W_hh h_{t-1} + b_h)`]),
      `o_t = W_hy h_t`,
      `L_t = sum((y_t - o_t)^2)`,
      `loss L = Σ_t L_t`,
    ].join('\n') + '\n'
  );
}

/** X_k by Y (a declaration or `name@step`), with every other step's nodes held at their values */
export function oneStepCentral(m: Model, base: Run, X: string, k: number, Y: string): number[] {
  const fixed: ValueOverrides = new Map();
  for (const q of base.quantityNodes())
    if (q.t !== null && q.t !== k && nodeKey(q.name, q.t) !== Y) fixed.set(nodeKey(q.name, q.t), [q.node.data.slice()]);
  const at = Y.indexOf('@');
  const yName = at < 0 ? Y : Y.slice(0, at);
  const yStep = at < 0 ? null : Number(Y.slice(at + 1));
  const decl = m.decls.get(yName);
  // a per-step declaration (`x@2`): perturb that step's entries; a quantity node: give it as a value
  const start = decl ? (decl.values ?? [base.node(yName, null)!.data]).map((a) => a.slice()) : [base.node(yName, yStep)!.data.slice()];
  const row = decl && yStep !== null ? yStep - 1 : 0;
  const key = decl ? yName : Y;
  const nEntries = start[row]!.length;
  const xLen = base.node(X, k)!.data.length;
  const out = new Array<number>(xLen * nEntries).fill(0);
  for (let j = 0; j < nEntries; j++) {
    const xAt = (delta: number) => {
      const vals = start.map((a) => a.slice());
      vals[row]![j]! += delta;
      const o = new Map(fixed);
      o.set(key, vals);
      return forward(m, o).node(X, k)!.data;
    };
    const h = 1e-6;
    const p = xAt(h),
      q = xAt(-h);
    for (let i = 0; i < xLen; i++) out[i * nEntries + j] = (p[i]! - q[i]!) / (2 * h);
  }
  return out;
}
