// Where a check is evaluated: every step of its range times every value of its other free indices
// (LANGUAGE.md §3: the check holds when it holds for every value), and the comparison of two sides.

import { idxValue, idxVars, withinBounds } from '../../language/idx';
import { runsText } from '../../display/checkStep';
import { idxText } from '../../language/resolve';
import { andList } from '../format';
import type { CheckQuestion, Expr, Idx } from '../../language/model';
import type { CheckStep } from '../../report';
import { forChildren } from '../../language/resolve/walk';
import type { Env, Run } from '../run';
import { toValue, type Tensor } from '../tensor';
import { asTensor, dataOf } from '../values';
import { withVar } from '../env';

export interface Point {
  t: number | null;
  env: Env;
  /** " at t = 2", " at t = 2, i = 3", or "" */
  label: string;
}

/** a point's two values: read only (they may be the run's own arrays) */
export interface Sides extends Point {
  readonly l: Tensor;
  readonly r: Tensor;
}

/** the cartesian product of the steps and the free indices' values */
export function checkPoints(q: CheckQuestion): Point[] {
  let points: Point[] = (q.freeT ? q.steps : [null]).map((t): Point => ({
    t,
    env: t === null ? {} : { t },
    label: t === null ? '' : `t = ${t}`,
  }));
  for (const f of q.free ?? []) {
    points = points.flatMap((p) =>
      f.values.map((v) => ({ t: p.t, env: withVar(p.env, f.v, v), label: p.label ? `${p.label}, ${f.v} = ${v}` : `${f.v} = ${v}` })),
    );
  }
  // `for k = 1..t`: the points where k lies within its bounds at that t (where that leaves none, every point stays: a
  // check is never judged at no point)
  const w = q.within;
  if (w) {
    const inside = points.filter((p) => withinBounds(w, p.env));
    if (inside.length) points = inside;
  }
  const kept = presupposed(q, points);
  return kept.map((p) => ({ ...p, label: p.label ? ` at ${p.label}` : '' }));
}

/**
 * Bounds that relate two free indices presuppose their order: Pascanu et al.'s ∏_{t≥i>k} (i from k+1 to t)
 * is written for k ≤ t, where an empty range (k = t) is the identity; at k > t the range is reversed, not
 * empty, and the formula says nothing there. Such points are not judged (every point stays when none is left).
 * So does a free index against a fixed step: Britz's ∂s_3/∂s_k = ∏_{j=k+1}^{3} is written for k ≤ 3 (at k = 4 of
 * four steps, ∂s_3/∂s_4 = 0 against a range 5..3 that says nothing).
 */
function presupposed(q: CheckQuestion, points: Point[]): Point[] {
  const free = new Set<string>(q.free?.map((f) => f.v) ?? []);
  if (!free.size) return points;
  if (q.freeT) free.add('t');
  const bounds: [Idx, Idx][] = [];
  for (const side of [q.lhs, q.rhs]) relatingBounds(side, free, bounds);
  if (!bounds.length) return points;
  const kept = points.filter((p) =>
    bounds.every(([from, to]) => {
      const a = idxValue(from, p.env);
      const b = idxValue(to, p.env);
      return a === undefined || b === undefined || b >= a - 1;
    }),
  );
  return kept.length ? kept : points;
}

/**
 * the Σ/∏ bounds whose two ends mention different free indices (k + 1 … t), or a free index and a fixed step (k + 1 …
 * 3), outermost ones only
 */
function relatingBounds(e: Expr, free: Set<string>, out: [Idx, Idx][]): void {
  if (e.k === 'sum' || e.k === 'prod') {
    if (relates(e.from, e.to, (v) => free.has(v))) out.push([e.from, e.to]);
    return;
  }
  forChildren(e, (c) => relatingBounds(c, free, out));
}

/**
 * a range whose ends move apart with the free indices (those `free` says), so that it runs backward at some of
 * their values: one end mentions a free index the other does not, and the other mentions another free index
 * (∏_{i=k+1}^{t}) or no variable at all, a fixed step (∏_{j=k+1}^{3})
 */
export function relates(from: Idx, to: Idx, free: (v: string) => boolean): boolean {
  const a = idxVars(from);
  const b = idxVars(to);
  const fa = a.filter(free);
  const fb = b.filter(free);
  if (fa.length && fb.length) return fa.some((v) => !fb.includes(v));
  return (fa.length > 0 && !b.length) || (fb.length > 0 && !a.length);
}

export function evaluateSides(points: Point[], lhs: Expr, rhs: Expr, run: Run): Sides[] {
  // the fields written out: an object spread per point and draw was a twentieth of a check's time. The
  // sides are only read (compared, shown through toValue): the run's own arrays, not copies
  return points.map((p) => {
    const l = run.evaluateShared(lhs, p.env);
    return { t: p.t, env: p.env, label: p.label, l, r: run.evaluateShared(rhs, p.env) };
  });
}

/**
 * evaluateSides keeping only the points where the two sides differ: every point is still evaluated, in the
 * same order (a later point's error, and the operations charged, are as before), but a draw that holds — the
 * usual case — makes no record per point (issue 11: the draws' and the culprits' runs judge every point)
 */
export function offSides(points: Point[], lhs: Expr, rhs: Expr, run: Run): Sides[] {
  let off: Sides[] | null = null;
  // by index: no iterator result per point (every draw of every check reads here)
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    // scalar sides as numbers: a draw that holds makes no array per side (issue 11)
    const l = run.evaluateRead(lhs, p.env);
    const r = run.evaluateRead(rhs, p.env);
    if (differ(l, r)) (off ??= []).push({ t: p.t, env: p.env, label: p.label, l: asTensor(l), r: asTensor(r) });
  }
  return off ?? NONE;
}
const NONE: Sides[] = [];

/** two sides as evaluateRead gives them (a scalar as its number) differ past the tolerance */
const differ = (l: number | Tensor, r: number | Tensor): boolean =>
  typeof l === 'number' && typeof r === 'number' ? !closeNumbers(l, r) : !close(dataOf(l), dataOf(r));

/**
 * the sides differ at some point: offSides for a trial that only asks whether it holds, stopping at the first point
 * that differs (a hint's moves fail mostly at the first point; every point was evaluated, and each move paid for all)
 */
export function anyOff(points: Point[], lhs: Expr, rhs: Expr, run: Run): boolean {
  for (const p of points) if (differ(run.evaluateRead(lhs, p.env), run.evaluateRead(rhs, p.env))) return true;
  return false;
}

/** the largest |L − R| / max(1, |L|, |R|) over the entries: how far past the tolerance (1e-6) the sides are */
function relativeGap(s: Sides): number {
  const a = s.l.data;
  const b = s.r.data;
  let gap = 0;
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a.length === 1 ? a[0]! : a[i]!;
    const y = b.length === 1 ? b[0]! : b[i]!;
    gap = Math.max(gap, Math.abs(x - y) / Math.max(1, Math.abs(x), Math.abs(y)));
  }
  return gap;
}

/** a gap under this is a near-tie: the values a message prints (six digits) look the same */
const NEAR_TIE = 1e-3;

/**
 * The point a message names among those where the sides differ: the first, unless it is a near-tie (−0.345246
 * against −0.345244) and another point differs more — then the one that differs most, which shows the failure.
 */
export function clearest(off: readonly Sides[]): Sides {
  const first = off[0]!;
  if (off.length < 2 || !(relativeGap(first) < NEAR_TIE)) return first;
  let best = first;
  let most = relativeGap(first);
  for (const s of off.slice(1)) {
    const g = relativeGap(s);
    if (g > most) [best, most] = [s, g];
  }
  return best;
}

/** |L − R| ≤ 1e-6·max(1, |L|, |R|) per entry (LANGUAGE.md §5) */
export function close(a: Float64Array, b: Float64Array): boolean {
  const n = Math.max(a.length, b.length);
  if (a.length !== b.length && a.length !== 1 && b.length !== 1) return false;
  for (let i = 0; i < n; i++) {
    const x = a.length === 1 ? a[0]! : a[i]!;
    const y = b.length === 1 ? b[0]! : b[i]!;
    if (!closeNumbers(x, y)) return false;
  }
  return true;
}

/** close() of two entries; `slack` widens the tolerance (termScreen.ts: the rounding of a sum taken apart) */
export function closeNumbers(x: number, y: number, slack = 0): boolean {
  // ∞ is close to nothing: |∞ − 0| ≤ 1e-6·∞ would make exp(1000) = 0 hold (NaN fails the test by itself)
  return Math.abs(x - y) <= 1e-6 * Math.max(1, Math.abs(x), Math.abs(y)) + slack && Number.isFinite(x) && Number.isFinite(y);
}

/** a formula side that is right but for a constant factor k (a sign, 1/T): the right side is k times the left */
export interface Scale {
  k: number;
  /** the edited side is the right one */
  right: boolean;
}

/**
 * r/l at l's largest entry (null when every entry of l is 0): the factor a constant-ratio hint tests at every
 * point — one reading for scaleHint (textbook.ts), factorEdit's scaleOf and constantFactorHint, so they agree on every claim
 */
export function ratioAtLargest(l: Float64Array, r: Float64Array): number | null {
  let at = -1;
  for (let i = 0; i < l.length; i++) if (Math.abs(l[i]!) > 1e-9 && (at < 0 || Math.abs(l[i]!) > Math.abs(l[at]!))) at = i;
  return at < 0 ? null : r[at]! / l[at]!;
}

/** a ratio k that is v, to the hints' relative precision (a sign, 2, T, 1/T …) */
export const sameRatio = (k: number, v: number): boolean => Math.abs(k - v) <= 1e-6 * Math.max(1, Math.abs(v));

/** close() of the two sides with the edited side's constant factor taken out (plain close() without one) */
export function closeScaled(l: Float64Array, r: Float64Array, scale: Scale | null): boolean {
  if (!scale) return close(l, r);
  const f = scale.right ? scale.k : 1 / scale.k;
  return close(
    l.map((x) => x * f),
    r,
  );
}

/**
 * sides that pass close() only by its absolute floor: both under 1e-2 at every entry, yet apart by more than
 * 1e-4 of their size (and by more than rounding, 1e-14). A vanishing gradient (a deep sigmoid net's first layers)
 * is such a side: set equal to 0, or to a wrong formula's as small value, it would "hold".
 */
export function tooSmallToJudge(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length && a.length !== 1 && b.length !== 1) return false;
  const n = Math.max(a.length, b.length);
  let scale = 0;
  let diff = 0;
  for (let i = 0; i < n; i++) {
    const x = a.length === 1 ? a[0]! : a[i]!;
    const y = b.length === 1 ? b[0]! : b[i]!;
    scale = Math.max(scale, Math.abs(x), Math.abs(y));
    diff = Math.max(diff, Math.abs(x - y));
  }
  return scale < 1e-2 && diff > 1e-14 && diff > 1e-4 * scale;
}

/** " for t = 1..4" (one step: " for t = 2", not "2..2"), "" for a check with no free t: its steps as verdicts name them */
export function stepRangeText(q: CheckQuestion): string {
  if (!q.freeT) return '';
  return q.steps.length === 1 ? ` for t = ${q.steps[0]}` : ` for t = ${q.steps[0]}..${q.steps[q.steps.length - 1]}`;
}

/**
 * " for t = 1..4", " for k = 1..3", " for t = 2..4 and k = 1..4 (…)": every free index and the values it
 * was judged at, as the verdict names them (LANGUAGE.md §3, §5); "" with none. A pair of indices a Σ/∏'s
 * bounds relate (∏_{j=k+1}^{t}) is judged where those bounds run forward only, and the text says so.
 */
export function rangeText(q: CheckQuestion, points: Point[]): string {
  const free = q.free ?? [];
  if (!free.length) return stepRangeText(q);
  const vars = [...(q.freeT ? ['t'] : []), ...free.map((f) => f.v)];
  let all = 1;
  const parts = vars.map((v) => {
    const values = [...new Set(points.map((p) => p.env[v] as number))].sort((a, b) => a - b);
    all *= values.length;
    return `${v} = ${runsText(values)}`;
  });
  const joined = andList(parts);
  const what = vars.length === 2 ? 'pairs' : 'combinations';
  // the points kept by the check's own range (for k = 1..t), else by its Σ/∏ bounds (points.ts checkPoints)
  const w = q.within;
  const kept = w
    ? `with ${w.lo ? `${idxText(w.lo)} ≤ ` : ''}${w.v}${w.hi ? ` ≤ ${idxText(w.hi)}` : ''}`
    : 'where its Σ/∏ bounds run forward';
  const some = points.length < all ? ` (the ${points.length} of ${all} ${what} ${kept})` : '';
  return ` for ${joined}${some}`;
}

/** past this many points, a check with free indices keeps one entry per step (as one with t alone does) */
export const MAX_POINT_STEPS = 1000;

/**
 * the Report's steps of a check: `ok` whether the sides agree at a point (a bound passes its relation, bound.ts). With a
 * free index besides t (k over steps, i over entries) one entry per point, with its values (LANGUAGE.md §3: the check
 * holds when it holds at every value, so each value is a result of its own), else one per step: its first failing
 * point, else its first
 */
export function stepsOf(
  sides: Sides[],
  free: readonly { v: string }[] = [],
  ok: (s: Sides) => boolean = (s) => close(s.l.data, s.r.data),
): CheckStep[] {
  const stepOf = (s: Sides): CheckStep => {
    const out: CheckStep = { t: s.t, lhs: toValue(s.l), rhs: toValue(s.r), ok: ok(s) };
    if (!free.length) return out;
    const at: Record<string, number> = {};
    for (const f of free) if (typeof s.env[f.v] === 'number') at[f.v] = s.env[f.v] as number;
    // in the Report's field order: t, at, lhs, rhs, ok
    return { t: out.t, at, lhs: out.lhs, rhs: out.rhs, ok: out.ok };
  };
  if (free.length && sides.length <= MAX_POINT_STEPS) return sides.map(stepOf);
  const byT = new Map<number | null, Sides>();
  for (const s of sides) {
    const prev = byT.get(s.t);
    if (!prev || (ok(prev) && !ok(s))) byT.set(s.t, s);
  }
  return [...byT.values()].map(stepOf);
}
