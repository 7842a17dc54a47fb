// A Σ (or ∏) whose bound is one step outside the sequence it reads: L = Σ_{t=0}^{T} (ŷ_t − y_t)² reads ŷ_0, which
// the network does not have. The reference is not what is wrong — the bound is — so the verdict names the bound
// ("the sum's lower bound t = 0 is outside the steps ŷ has, 1..3") instead of "ŷ_t is not defined at step 0", and,
// where the bound moved by one (or the whole range moved by one) makes the check hold, at the file's values and at a
// draw, says so. Asked only of a check that already fails for its undefined step (answer.ts): nothing on a line
// that holds pays for it.

import { idxValue } from '../../language/idx';
import type { CheckQuestion, Expr, Idx } from '../../language/model';
import { idxString, refText } from '../../language/print';
import { forChildren, mapChildren } from '../../language/resolve';
import type { Range } from '../../report';
import { sameRange } from '../../language/ast';
import { runsText } from '../../display/checkStep';
import type { Run } from '../run';
import { confirmed, type OtherValues } from './confirm';
import { checkPoints } from './points';
import { holdsWith } from './textbook';

type Bounded = Expr & { k: 'sum' | 'prod' };
type Undefined = NonNullable<CheckQuestion['undefinedStep']>;

/** the reference written at `at` (a ref, or a derivative's variable) and the Σ/∏ around it, innermost last */
function located(e: Expr, at: Range): { name: string; idx: Idx; around: Bounded[] } | null {
  const around: Bounded[] = [];
  let found: { name: string; idx: Idx; around: Bounded[] } | null = null;
  const walk = (x: Expr): void => {
    if (found) return;
    if (x.k === 'ref' && x.idx && sameRange(x.range, at)) found = { name: x.name, idx: x.idx, around: [...around] };
    else if (x.k === 'deriv' && x.wrt.idx && sameRange(x.wrt.range, at)) found = { name: x.wrt.name, idx: x.wrt.idx, around: [...around] };
    if (found) return;
    const bounds = x.k === 'sum' || x.k === 'prod';
    if (bounds) around.push(x);
    forChildren(x, walk);
    if (bounds) around.pop();
  };
  walk(e);
  return found;
}

const kindWord = (s: Bounded) => (s.k === 'sum' ? 'sum' : 'product');

/**
 * a bound as written: one that reads t as its Idx (t + 1), a number with T beside it when it is T or T ± 1 (the
 * resolver has made T its number)
 */
function boundText(b: Idx, value: number, T: number): string {
  if (b.v !== null || b.terms?.length) return idxString(b);
  const t = value === T ? 'T' : value === T + 1 ? 'T + 1' : value === T - 1 ? 'T − 1' : null;
  return t ? `${value} (${t})` : `${value}`;
}

/**
 * The verdict's message for a reference that a Σ/∏'s bound takes outside the steps its name has, or null when the
 * reference's step is not its Σ's variable plus a constant, or the bound is not what reads outside (then the
 * reference is what undefinedStep.ts names). `hint`: the reference's own move (undefinedStep.ts), asked when moving
 * the bound mends nothing.
 */
export function sumBoundMessage(q: CheckQuestion, u: Undefined, run: Run, other: OtherValues, refHint: () => string | null): string | null {
  const inRhs = located(q.rhs, u.range);
  const found = inRhs ?? located(q.lhs, u.range);
  if (!found) return null;
  const side = inRhs ? 'rhs' : 'lhs';
  const { name, idx, around } = found;
  // the Σ whose variable the step reads (x_t, x_{t+1} under Σ_t): the innermost that binds it
  const s = [...around].reverse().find((b) => b.v === idx.v);
  if (!s || idx.terms?.length) return null;
  const env: Record<string, number> = u.t === null ? {} : { t: u.t };
  const lo = idxValue(s.from, env);
  const hi = idxValue(s.to, env);
  if (lo === undefined || hi === undefined || lo > hi) return null;
  const has = new Set(u.has);
  const at = (v: number) => v + idx.k;
  const loOut = !has.has(at(lo));
  const hiOut = !has.has(at(hi));
  // the bound is what reads outside only where the reference reads inside one step further in: else the range
  // itself (or the reference's offset) is off by more than a bound
  const loBad = loOut && lo < hi && has.has(at(lo + 1));
  const hiBad = hiOut && lo < hi && has.has(at(hi - 1));
  if (!loBad && !hiBad) return null;
  // an offset reference (x_{t-1} from t = 1) may be the one that is wrong: named by undefinedStep.ts first
  const offset = idx.k !== 0;
  const ref = refText(name, idx);
  const T = run.model.T;
  const which = `the ${kindWord(s)}'s ${loBad ? 'lower' : 'upper'} bound`;
  const [b, value] = loBad ? [s.from, lo] : [s.to, hi];
  const read = refText(name, { v: null, k: at(value) });
  const steps = `the steps ${refText(name, null)} has (${runsText(u.has)})`;
  // a bound that reads t is named at the step where it reads outside
  const where = u.t !== null && (b.v !== null || b.terms?.length) ? `at t = ${u.t}, ` : '';
  const bound = `${s.v} = ${boundText(b, value, T)}`;
  const what = offset
    ? `${where}at ${which} ${bound}, ${ref} reads ${read}, outside ${steps}`
    : `${where}${which} ${bound} is outside ${steps}: ${ref} reads ${read} there`;
  const mend = mendingBounds(q, side, s, lo, hi, loBad, hiBad, run, other, T);
  if (offset) {
    const own = refHint();
    if (own) return `${u.message}. ${own}`;
    return mend ? `${what}. ${mend}` : null;
  }
  if (mend) return `${what}. ${mend}`;
  const own = refHint();
  return own ? `${what}. ${own}` : what;
}

/**
 * "From t = 1 the check holds" (the bad bound moved one step in), "Over t = 1..3 (both bounds one step later) the
 * check holds" (the range moved), or null when neither holds at the file's values and at a draw
 */
function mendingBounds(
  q: CheckQuestion,
  side: 'lhs' | 'rhs',
  s: Bounded,
  lo: number,
  hi: number,
  loBad: boolean,
  hiBad: boolean,
  run: Run,
  other: OtherValues,
  T: number,
): string | null {
  const points = checkPoints(q);
  const holds = (from: number, to: number): boolean => {
    const moved: Bounded = { ...s, from: { ...s.from, k: s.from.k + (from - lo) }, to: { ...s.to, k: s.to.k + (to - hi) } };
    const swap = (x: Expr): Expr => (x === s ? moved : mapChildren(x, swap));
    const e = swap(q[side]);
    const [l, r] = side === 'rhs' ? [q.lhs, e] : [e, q.rhs];
    return holdsWith({ lhs: q.lhs, rhs: q.rhs, points, freeT: q.freeT }, l, r, run) && confirmed(other, l, r, points);
  };
  // the bounds moved by (a, b), as written: "1..3", "1..t" (a range's numbers bare: 2..4, not 2 (T − 1)..4 (T + 1))
  const one = (i: Idx, value: number, bare: boolean) => (bare && i.v === null && !i.terms?.length ? `${value}` : boundText(i, value, T));
  const moved = (a: number, b: number, bare = true) => [
    one({ ...s.from, k: s.from.k + a }, lo + a, bare),
    one({ ...s.to, k: s.to.k + b }, hi + b, bare),
  ];
  const v = s.v;
  const tries: [number, number, string][] = [];
  if (loBad && hiBad) tries.push([1, -1, `Over ${v} = ${moved(1, -1).join('..')}, both bounds one step in, the check holds`]);
  else if (loBad) {
    tries.push([1, 0, `From ${v} = ${moved(1, 0, false)[0]} the check holds`]);
    tries.push([1, 1, `Over ${v} = ${moved(1, 1).join('..')}, both bounds one step later, the check holds`]);
  } else {
    tries.push([0, -1, `Up to ${v} = ${moved(0, -1, false)[1]} the check holds`]);
    tries.push([-1, -1, `Over ${v} = ${moved(-1, -1).join('..')}, both bounds one step earlier, the check holds`]);
  }
  for (const [a, b, said] of tries) if (lo + a <= hi + b && holds(lo + a, hi + b)) return said;
  return null;
}
