// A loss written out step by step that leaves out steps: seed 001's (5) L = L_1 + L_2 + L_3 and (6), its terms
// written out, under a network with T = 4 failed with the values alone. One side names an untimed quantity
// defined as Σ over the steps of one timed quantity (L = Σ_t L_t); the other is a sum of it at fixed steps
// (structural: the steps missing are named), or written some other way (the last steps whose values make up
// the difference at the file's values, named only when that holds at a draw too).
import type { Expr, Model } from '../../language/model';
import { exprText, refText } from '../../language/print';
import type { Run } from '../run';
import { confirmed, type OtherValues } from './confirm';
import { guard } from './guard';
import type { Claim } from './hints';
import { termsOf } from './localFactor';
import { close } from './points';
import { stepSumOf } from './stepSum';

/** the summand's name and the range of X = Σ_{v=a}^{b} F_v, when X is such a sum; else null */
interface StepSum {
  of: string;
  v: string;
  from: number;
  to: number;
}

/** X's definition as a StepSum when X is a sum over fixed steps (stepSum.ts), else null */
function stepSum(x: Expr, model: Model): StepSum | null {
  const g = x.k === 'ref' && !x.idx ? stepSumOf(x.name, model) : null;
  if (!g || g.from.v !== null || g.to.v !== null || g.from.terms || g.to.terms) return null;
  return { of: g.body.name, v: g.v, from: g.from.k, to: g.to.k };
}

/** the fixed steps of F that `e` adds up (each term F_k with a + sign), or null when it is anything else */
function writtenSteps(e: Expr, of: string): number[] | null {
  const steps: number[] = [];
  for (const t of termsOf(e)) {
    if (t.sign !== 1 || t.e.k !== 'ref' || t.e.name !== of || !t.e.idx || t.e.idx.v !== null || t.e.idx.terms) return null;
    steps.push(t.e.idx.k);
  }
  return steps;
}

/**
 * The last steps the other side leaves out when it is written some other way (seed 001's (6), the terms
 * (t_k − y_k)^2 written out, under T = 4): the first j for which the sides differ by F_j + … + F_to at the
 * file's values, read off the nodes (no evaluation but the sides'); named only if it holds at a draw too.
 */
function lastStepsLeftOut(sum: Expr, other: Expr, s: StepSum, claim: Claim, run: Run, again: OtherValues): number | null {
  if (claim.points.length !== 1 || s.to - s.from > 10_000) return null;
  const p = claim.points[0]!;
  return guard(() => {
    const lv = run.evaluateShared(sum, p.env).data;
    const rv = run.evaluateShared(other, p.env).data;
    if (lv.length !== 1 || rv.length !== 1) return null;
    const diff = Float64Array.of(lv[0]! - rv[0]!);
    let acc = 0;
    for (let k = s.to; k > s.from; k--) {
      const v = run.node(s.of, k)?.data;
      if (!v || v.length !== 1) return null;
      acc += v[0]!;
      if (!close(Float64Array.of(acc), diff)) continue;
      // the other side with F_k … F_to added, judged at a draw: the match at the file's values may be chance
      const shape = other.shape;
      let added: Expr = other;
      for (let j = k; j <= s.to; j++)
        added = {
          k: 'add',
          a: added,
          b: { k: 'ref', name: s.of, idx: { v: null, k: j }, shape, range: other.range },
          shape,
          range: other.range,
        };
      return confirmed(again, sum, added, claim.points) ? k : null;
    }
    return null;
  });
}

export function writtenSumHint(claim: Claim, model: Model, run: Run, again: OtherValues): string | null {
  for (const [sum, other, side] of [
    [claim.lhs, claim.rhs, 'right'],
    [claim.rhs, claim.lhs, 'left'],
  ] as const) {
    const s = stepSum(sum, model);
    if (!s) continue;
    const steps = writtenSteps(other, s.of);
    if (!steps) {
      const j = lastStepsLeftOut(sum, other, s, claim, run, again);
      if (j === null) continue;
      const term = (k: number) => refText(s.of, { v: null, k });
      const named = j === s.to ? term(j) : `${term(j)} + … + ${term(s.to)}`;
      return `The ${side} side leaves out ${named}: ${exprText(sum)} sums ${refText(s.of, { v: s.v, k: 0 })} over ${s.v} = ${s.from}..${s.to}`;
    }
    // each step once and inside the range: a step written twice or past the end is another mistake
    if (new Set(steps).size !== steps.length || steps.some((k) => k < s.from || k > s.to)) continue;
    const missing: number[] = [];
    for (let k = s.from; k <= s.to; k++) if (!steps.includes(k)) missing.push(k);
    if (!missing.length) continue;
    const term = (k: number) => refText(s.of, { v: null, k });
    const named =
      missing.length <= 3
        ? missing.map(term).join(' + ')
        : `${missing.length} terms, ${term(missing[0]!)}, …, ${term(missing[missing.length - 1]!)}`;
    return `The ${side} side leaves out ${named}: ${exprText(sum)} sums ${refText(s.of, { v: s.v, k: 0 })} over ${s.v} = ${s.from}..${s.to}`;
  }
  return null;
}
