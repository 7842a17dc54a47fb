// A trial that changes one additive term of a side (termShiftHint moves a term a step) can be judged at a point
// from that term alone: the side's value there, less the term, plus its replacement. A hint tries dozens of such
// trials and nearly all of them fail at the first point where they can be read; the screen rejects those with one
// evaluation of the replacement per point instead of one of the whole side (issue 11: seed 004's h̄ line spent a
// tenth of its analysis there).
// It only rejects a trial the whole evaluation rejects too: its slack is a thousand times the rounding by which
// the two sums can differ. A trial it lets through is judged as before.

import type { Expr } from '../../language/model';
import type { Env, Run } from '../run';
import { guard } from './guard';
import type { Claim } from './hints';
import { closeNumbers, type Point } from './points';
import { unreadable } from './unreadable';

/** the screen of one claim's right side at its points */
export interface TermScreen {
  /**
   * the side with `term` (one of its additive terms) replaced by `by` surely fails at one of the claim's points.
   * `by` a StepShift: `term` with every step on v moved by d (termShiftHint), which reads at each point what `term`
   * reads d steps over, so `term` is read there instead (see stepShiftable) and no moved copy is made
   */
  rejects(term: Expr, by: Expr | StepShift): boolean;
}

/** every step on v moved by d */
export interface StepShift {
  v: string;
  d: number;
}

/** what the screen reads at one point, once */
interface AtPoint {
  l: Float64Array;
  r: Float64Array;
  /** each additive term's value and sign (+1, −1 under a minus) */
  terms: Map<Expr, { v: Float64Array; sign: number }>;
  /** Σ |term| per entry: what the rounding of the side's sum scales with */
  size: Float64Array;
}

/**
 * the additive terms of e with their signs: a − (b + c) → a +, b −, c −, split as textbook.ts's terms() splits a
 * side (the screen is asked by its terms); localFactor.ts's termsOf also opens a unary minus, so −x would be keyed x
 */
export function signedTerms(e: Expr, sign: number, out: [Expr, number][]): void {
  if (e.k === 'add' || e.k === 'sub') {
    signedTerms(e.a, sign, out);
    signedTerms(e.b, e.k === 'sub' ? -sign : sign, out);
  } else out.push([e, sign]);
}

const finite = (a: Float64Array) => a.every(Number.isFinite);

function readAt(c: Claim, run: Run, p: Point): AtPoint | null {
  const split: [Expr, number][] = [];
  signedTerms(c.rhs, 1, split);
  return guard(() => {
    const l = run.evaluateShared(c.lhs, p.env).data;
    const r = run.evaluateShared(c.rhs, p.env).data;
    // entry by entry only: a broadcast scalar term or side is left to the whole evaluation
    if (l.length !== r.length || !finite(l) || !finite(r)) return null;
    const terms = new Map<Expr, { v: Float64Array; sign: number }>();
    const size = new Float64Array(r.length);
    for (const [e, sign] of split) {
      const v = run.evaluateShared(e, p.env).data;
      if (v.length !== r.length || !finite(v)) return null;
      for (let i = 0; i < v.length; i++) size[i]! += Math.abs(v[i]!);
      terms.set(e, { v, sign });
    }
    return { l, r, terms, size };
  });
}

export function termScreen(c: Claim, run: Run): TermScreen {
  const at: (AtPoint | null | undefined)[] = [];
  return {
    rejects(term, by) {
      // the points in order: most trials fail at the first; one that cannot be read there (a step moved past the
      // end) is screened at the next (issue 11: those were judged whole, at every point)
      for (let k = 0; k < c.points.length; k++) {
        const p = c.points[k]!;
        if (at[k] === undefined) at[k] = readAt(c, run, p);
        const here = at[k];
        const t = here?.terms.get(term);
        if (!here || !t) continue;
        // a replacement that cannot be read at this point: the whole evaluation skips the point, so say nothing here
        const read = 'k' in by ? by : term;
        const env = 'k' in by ? p.env : shifted(p.env, by.v, by.d);
        if (unreadable(read, env, run)) continue;
        const m = guard(() => run.evaluateShared(read, env).data);
        if (!m || m.length !== here.r.length || !finite(m)) continue;
        const { l, r, size } = here;
        for (let i = 0; i < r.length; i++) {
          // the whole evaluation's test, widened by a thousand times the rounding of the side's sum
          if (!closeNumbers(l[i]!, r[i]! + t.sign * (m[i]! - t.v[i]!), 1e-12 * (size[i]! + Math.abs(m[i]!)))) return true;
        }
      }
      return false;
    },
  };
}

/**
 * env with v moved by d, the other variables as they were (in their order: the memo's key reads them in order). v
 * unbound: the moved term cannot be read either ('t is not bound'), and this env leaves it unbound too
 */
function shifted(env: Env, v: string, d: number): Env {
  const x = env[v];
  if (x === undefined) return env;
  const out: Env = {};
  for (const k in env) out[k] = k === v ? x + d : env[k]!;
  return out;
}
