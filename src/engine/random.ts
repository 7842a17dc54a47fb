// Deterministic numbers: sample values for declarations without a VALUE (same file, same numbers)
// and the seeded draws that checks are evaluated at.

import { Memo } from './memo';
import { nodeKey } from '../ids';
import type { Decl, Model, Shape } from '../language/model';
import { entries } from '../language/shapes';
import { zerosF64 } from './slab';

/** mulberry32: small, fast, good enough for sampling test points */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

function uniform(shape: Shape, r: () => number, lo: number, hi: number): Float64Array {
  const out = zerosF64(entries(shape));
  for (let i = 0; i < out.length; i++) out[i] = lo + (hi - lo) * r();
  return out;
}

/** values for one declaration: seed 0 gives the sample values, other seeds the check draws */
export function drawDecl(d: Decl, T: number, seed: number): Float64Array[] {
  const r = rng(hash(d.name) ^ Math.imul(seed + 1, 0x9e3779b1));
  // matrices scaled by fan-in so that recurrences stay in a sensible range
  const fan = d.shape.length === 2 ? Math.sqrt(d.shape[1]!) : 1;
  const bound = d.kind === 'target' ? 1 : d.kind === 'input' ? 1 : 1 / fan;
  const lo = d.kind === 'target' ? 0 : -bound;
  const widen = seed === 0 || d.kind === 'target' ? 1 : 1.5;
  const n = d.perStep ? T : 1;
  // plain loops, one array per step drawn in step order (Array.from with a callback was a visible share of
  // every draw's forward run)
  const out: Float64Array[] = new Array(n);
  // a value-less cross-entropy target: one-hot from its sample values on (resolve/targets.ts)
  if (d.sample === 'onehot') {
    for (let s = 0; s < n; s++) out[s] = drawKind({ k: 'onehot' }, entries(d.shape), r);
    return out;
  }
  // a class label (a target indexing a vector): whole numbers 1..classes, sampled too when none are given
  if (d.classes !== undefined && (seed !== 0 || !d.values)) {
    for (let s = 0; s < n; s++) out[s] = drawKind({ k: 'integer', lo: 1, hi: d.classes }, entries(d.shape), r);
    return out;
  }
  if (d.kind === 'target' && d.values && seed !== 0) {
    const kind = kindOf(d.values);
    if (kind) {
      for (let s = 0; s < n; s++) out[s] = drawKind(kind, entries(d.shape), r);
      return out;
    }
  }
  for (let s = 0; s < n; s++) out[s] = uniform(d.shape, r, lo * widen, bound * widen);
  return out;
}

/**
 * What a target's given values are, so that draws stay of that kind (LANGUAGE.md §5): one-hot vectors,
 * probability vectors, 0/1 values, whole numbers (within the given range). null: any number in [0, 1].
 */
export type TargetKind = { k: 'onehot' } | { k: 'probability' } | { k: 'binary' } | { k: 'integer'; lo: number; hi: number };

export function targetKind(values: Float64Array[]): TargetKind | null {
  // one pass over the entries, with no flattened copy (asked once per analysis, on a path that runs cold)
  let n = 0;
  let binary = true;
  let integer = true;
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values)
    for (const x of v) {
      if (!Number.isFinite(x)) return null;
      n++;
      if (x !== 0 && x !== 1) binary = false;
      if (!Number.isInteger(x)) integer = false;
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
  if (!n) return null;
  if (values[0]!.length > 1) {
    const sum = (v: Float64Array) => v.reduce((a, b) => a + b, 0);
    if (values.every((v) => v.every((x) => x === 0 || x === 1) && sum(v) === 1)) return { k: 'onehot' };
    if (values.every((v) => v.every((x) => x >= 0) && Math.abs(sum(v) - 1) <= 1e-9)) return { k: 'probability' };
  }
  if (binary) return { k: 'binary' };
  if (integer) return { k: 'integer', lo, hi };
  return null;
}

/**
 * a target whose entries sum to 1 at every step, in the file and at every draw (a one-hot or probability vector,
 * given or sampled): the symbolic forms may use it (softmax with cross-entropy: ∂L/∂p = ŷ − y)
 */
export function sumsToOne(d: Decl): boolean {
  if (d.kind !== 'target' || d.shape.length !== 1) return false;
  if (d.sample === 'onehot') return true;
  const k = d.values ? kindOf(d.values)?.k : undefined;
  return k === 'onehot' || k === 'probability';
}

/**
 * a target drawn from a few values (0/1, one-hot, whole numbers in a range): two draws of it agree often (0/1 at a
 * step: half the time), so a finding confirmed at one draw may hold there by coincidence (check/confirm.ts)
 */
export function drawnFromFew(d: Decl): boolean {
  if (d.kind !== 'target') return false;
  if (d.sample === 'onehot' || d.classes !== undefined) return true;
  const k = d.values ? kindOf(d.values)?.k : undefined;
  return k === 'onehot' || k === 'binary' || k === 'integer';
}

/** a target's kind, read once per given values (every draw of every check asks again) */
const kinds = new Memo<Float64Array[], TargetKind | null>();
function kindOf(values: Float64Array[]): TargetKind | null {
  let k = kinds.get(values);
  if (k === undefined) kinds.set(values, (k = targetKind(values)));
  return k;
}

function drawKind(kind: TargetKind, len: number, r: () => number): Float64Array {
  const out = zerosF64(len);
  switch (kind.k) {
    case 'onehot':
      out[Math.min(len - 1, Math.floor(r() * len))] = 1;
      break;
    case 'probability': {
      // normalised exponentials of uniforms: every entry positive, the sum 1
      let s = 0;
      for (let i = 0; i < len; i++) {
        out[i] = Math.exp(2 * r());
        s += out[i]!;
      }
      for (let i = 0; i < len; i++) out[i]! /= s;
      break;
    }
    case 'binary':
      for (let i = 0; i < len; i++) out[i] = r() < 0.5 ? 0 : 1;
      break;
    case 'integer':
      for (let i = 0; i < len; i++) out[i] = kind.lo + Math.min(kind.hi - kind.lo, Math.floor(r() * (kind.hi - kind.lo + 1)));
      break;
  }
  return out;
}

/** a numeric initial (or terminal) state, redrawn for checks */
export function drawState(name: string, step: number, shape: Shape, seed: number): Float64Array {
  const r = rng(hash(`${name}@${step}`) ^ Math.imul(seed + 1, 0x9e3779b1));
  return uniform(shape, r, -1, 1);
}

/** every varied thing of a model: declarations, and initial states written as plain numbers */
export function variedNames(model: Model): string[] {
  const out = [...model.decls.keys()];
  for (const q of model.quantities.values())
    for (const [k, e] of q.overrides) if (isConstant(e)) out.push(nodeKey({ name: q.name, step: k }));
  return out;
}

export function isConstant(e: import('../language/model').Expr): boolean {
  if (e.k === 'num') return true;
  if (e.k === 'neg') return isConstant(e.a);
  if (e.k === 'vec') return e.items.every(isConstant);
  if (e.k === 'mat') return e.rows.every((r) => r.every(isConstant));
  return false;
}
