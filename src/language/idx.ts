// Time indices with one or several variables (LANGUAGE.md §3: o_{T+t-i}, h_{t-k}): their value, the
// variables they mention, binding one variable to a number, and their text.

import type { Expr, Idx, IdxTerm } from './model';

/** the variables an index mentions (v first, then the terms) */
export function idxVars(idx: Idx): string[] {
  const out = idx.v === null ? [] : [idx.v];
  for (const t of idx.terms ?? []) out.push(t.v);
  return out;
}

/** the letter of an index written alone (n of s_n; none for s_{n+1}, s_{T−n} or s_3): a step counted from that letter */
export function plainLetter(idx: Idx | null): string | null {
  return idx?.v && idx.k === 0 && (!idx.terms || idx.terms.length <= 1) ? idx.v : null;
}

/** the step an index denotes with these variables; undefined when one of them is not bound */
export function idxValue(idx: Idx, env: Record<string, number>): number | undefined {
  let n = idx.k;
  if (idx.v !== null) {
    const x = env[idx.v];
    if (x === undefined) return undefined;
    n += x;
  }
  for (const t of idx.terms ?? []) {
    const x = env[t.v];
    if (x === undefined) return undefined;
    n += t.sign * x;
  }
  return n;
}

/**
 * whether the free index w.v lies within bounds that read other indices (`for k = 1..t` at these values); an index
 * unbound here, or a bound that cannot be evaluated, does not exclude. The check's points (engine/check/points.ts)
 * and the search for a step past the end (resolve/questions.ts) keep the same values
 */
export function withinBounds(w: { v: string; lo?: Idx | null; hi?: Idx | null }, env: Record<string, number>): boolean {
  const v = env[w.v];
  if (v === undefined) return true;
  const lo = w.lo ? idxValue(w.lo, env) : undefined;
  const hi = w.hi ? idxValue(w.hi, env) : undefined;
  return (lo === undefined || v >= lo) && (hi === undefined || v <= hi);
}

/** the index with variable v replaced by value (the other variables stay) */
export function bindIdxVar(idx: Idx, v: string, value: number): Idx {
  let k = idx.k;
  let main = idx.v;
  if (main === v) {
    k += value;
    main = null;
  }
  const terms: IdxTerm[] = [];
  for (const t of idx.terms ?? []) {
    if (t.v === v) k += t.sign * value;
    else terms.push(t);
  }
  return makeIdx(main, k, terms);
}

/** a normal index: v is a +1 variable whenever the index has one; terms only when there are any */
export function makeIdx(v: string | null, k: number, terms: IdxTerm[] = []): Idx {
  const rest = [...terms];
  let main = v;
  if (main === null) {
    const j = rest.findIndex((t) => t.sign === 1);
    if (j >= 0) {
      main = rest[j]!.v;
      rest.splice(j, 1);
    }
  }
  return rest.length ? { v: main, k, terms: rest } : { v: main, k };
}

/** t-1, T+t-i (with T resolved: 3+t-i), k+1, 2 — `minus` is the sign used for subtraction */
export function idxString(idx: Idx, minus = '−'): string {
  let s = idx.v ?? '';
  for (const t of idx.terms ?? []) s += s === '' ? (t.sign > 0 ? t.v : `${minus}${t.v}`) : `${t.sign > 0 ? '+' : minus}${t.v}`;
  if (s === '') return String(idx.k);
  if (idx.k === 0) return s;
  // a number first reads as written (T-i is 3-i), else after the variables (t-1)
  if (idx.v === null) return `${idx.k}${s.startsWith(minus) ? s : `+${s}`}`;
  return `${s}${idx.k > 0 ? '+' : minus}${Math.abs(idx.k)}`;
}

/**
 * ∏_j of a Jacobian ∂g_j/∂g_{j+1} (its derivative taken by a later step: a backward recurrence, the backward
 * half of a bidirectional RNN): the chain rule puts the earlier index on the left, ∂g_1/∂g_2 ∂g_2/∂g_3 ⋯.
 * So does a body written out by hand that reads only a backward recurrence's steps (diag(1 − g_j²) R), flagged
 * `earlier` at resolution. Every other product of matrices multiplies with the later index on the left (∂h_j/∂h_{j-1}).
 */
export function earlierOnLeft(e: { v: string; body: Expr; earlier?: boolean }): boolean {
  // a body written out by hand that reads a backward recurrence's steps (resolve/chainOrder.ts)
  if (e.earlier) return true;
  const d = e.body;
  if (d.k !== 'deriv' || d.of.k !== 'ref' || !d.of.idx || !d.wrt.idx) return false;
  const [o, w] = [d.of.idx, d.wrt.idx];
  return o.v === e.v && w.v === e.v && !o.terms?.length && !w.terms?.length && w.k > o.k;
}
