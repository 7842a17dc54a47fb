// A bound: `‖∂h_3/∂h_1‖ ≤ ‖W_hh‖^2`, the vanishing-gradient notes' inequalities with the network's own names, or a
// two-sided `0 < σ'(a_t) ≤ 1/4`, each side bounded by the next (the resolver makes one question per pair). Judged as an
// equality is — at the file's values, then at every random draw, each step and free index — with the relation in
// place of =, both sides numbers. Equal within the equality's tolerance counts as ≤ and ≥, and as neither < nor >.
// No hint cascade: those name a mistake in a formula that should equal the other side, which a bound does not claim.

import type { Relation } from '../../language/ast';
import type { CheckQuestion } from '../../language/model';
import type { CheckReport, CheckStatus, CheckStep } from '../../report';
import { fmt } from '../format';
import type { QuestionContext } from '../questions';
import { RunError, type Run } from '../run';
import { checkPoints, evaluateSides, rangeText, stepsOf, type Point, type Sides } from './points';

type Reporter = (status: CheckStatus, message: string, steps: CheckStep[], failingStep?: number | null) => CheckReport;

/** the sides' numbers where both are one number (the resolver refuses a bound of vectors) */
const numbers = (s: Sides): [number, number] => [s.l.data[0]!, s.r.data[0]!];

/** l relation r, equal within the equality's tolerance (|L − R| ≤ 1e-6·max(1, |L|, |R|)) counting as equal */
export function satisfies(relation: Relation, l: number, r: number): boolean {
  if (!Number.isFinite(l) || !Number.isFinite(r)) return false;
  const tol = 1e-6 * Math.max(1, Math.abs(l), Math.abs(r));
  switch (relation) {
    case '≤':
      return l <= r + tol;
    case '<':
      return r - l > tol;
    case '≥':
      return l >= r - tol;
    case '>':
      return l - r > tol;
  }
}

/** "1.3 ≤ 0.9 is false", with why where the numbers alone do not say it */
export function falseText(relation: Relation, l: number, r: number): string {
  const why =
    !Number.isFinite(l) || !Number.isFinite(r)
      ? ': not a finite number (NaN or ∞)'
      : satisfies(relation === '<' ? '≤' : relation === '>' ? '≥' : relation, l, r)
        ? ': the sides are equal within the tolerance, and the bound is strict'
        : '';
  return `${fmt(l)} ${relation} ${fmt(r)} is false${why}`;
}

/** the names a bound true at the file's values only leans on ("it leans on the given value of w (w = 0.8): vary it and"), or null */
type LeansOn = (points: Point[], seed: number, broken: (run: Run) => boolean) => string | null;

export function answerBound(
  q: CheckQuestion & { relation: Relation },
  ctx: QuestionContext,
  report: Reporter,
  leansOn: LeansOn,
): CheckReport {
  const rel = q.relation;
  const points = checkPoints(q);
  const at = (run: QuestionContext['run']): Sides[] => evaluateSides(points, q.lhs, q.rhs, run);
  let sides: Sides[];
  try {
    sides = at(ctx.run);
  } catch (e) {
    if (!(e instanceof RunError)) throw e;
    return report('fails', `cannot evaluate: ${e.message}`, []);
  }
  const steps = stepsOf(sides, q.free, (s) => satisfies(rel, ...numbers(s)));
  const bad = sides.findIndex((s) => !satisfies(rel, ...numbers(s)));
  if (bad >= 0) {
    const s = sides[bad]!;
    const [l, r] = numbers(s);
    const turned = turnedHolds(rel, sides, (seed) => at(ctx.draws.run(seed)), ctx.drawCount);
    return report(
      'fails',
      `fails${s.label}: the left side is ${fmt(l)}, the right side ${fmt(r)} (${falseText(rel, l, r)})${turned}`,
      steps,
      s.t,
    );
  }
  // every draw judged, or counted and said when it cannot be evaluated: never a silent skip
  let judged = 0;
  const skipped: string[] = [];
  for (let seed = 1; seed <= ctx.drawCount; seed++) {
    let there: Sides[];
    try {
      there = at(ctx.draws.run(seed));
    } catch (e) {
      if (!(e instanceof RunError)) throw e;
      skipped.push(`draw ${seed}: ${e.message}`);
      continue;
    }
    const miss = there.find((s) => !satisfies(rel, ...numbers(s)));
    const [l, r] = miss ? numbers(miss) : [0, 0];
    if (miss && (!Number.isFinite(l) || !Number.isFinite(r))) {
      skipped.push(`draw ${seed}: not a finite number${miss.label}`);
      continue;
    }
    judged++;
    if (miss) {
      const leans = leansOn(points, seed, (run) => at(run).some((s) => !satisfies(rel, ...numbers(s))));
      const sides = `the left side is ${fmt(l)}, the right side ${fmt(r)} (${falseText(rel, l, r)})`;
      return report(
        'holds-at-given-values',
        leans
          ? `holds only for these values: ${leans} it fails${miss.label} — at random draw ${seed} ${sides}`
          : `holds only for these values: at random draw ${seed}${miss.label} ${sides}`,
        steps,
      );
    }
  }
  const notJudged = skipped.length
    ? `${skipped.length} random draw${skipped.length === 1 ? '' : 's'} could not be evaluated (${skipped[0]})`
    : '';
  if (judged === 0 && ctx.drawCount > 0)
    return report(
      'holds-at-given-values',
      `holds at the file's values, and ${notJudged}, so it is not known to hold for other values`,
      steps,
    );
  const draws = `${judged} random draw${judged === 1 ? '' : 's'}`;
  return report('holds', `holds${rangeText(q, points)} at the file's values and ${draws}${notJudged ? ` (${notJudged})` : ''}`, steps);
}

const TURNED: Record<Relation, Relation> = { '≤': '≥', '<': '>', '≥': '≤', '>': '<' };

/**
 * a bound written the wrong way round (Arjovsky's ‖∂C/∂h_t‖ ≤ ‖∂C/∂h_T‖ ∏‖D_{k+1}Wᵀ‖ with ≥): where the turned
 * relation holds at the file's values and every draw, the message says so — the numbers alone leave the student to
 * guess whether the bound or its direction is wrong. '' otherwise (a draw that cannot be evaluated says nothing)
 */
function turnedHolds(rel: Relation, sides: Sides[], drawn: (seed: number) => Sides[], draws: number): string {
  const other = TURNED[rel];
  const all = (ss: Sides[]) => ss.every((x) => satisfies(other, ...numbers(x)));
  if (!all(sides)) return '';
  for (let seed = 1; seed <= draws; seed++) {
    try {
      if (!all(drawn(seed))) return '';
    } catch (e) {
      if (!(e instanceof RunError)) throw e;
      return '';
    }
  }
  return `: the bound is turned — with ${other} in place of ${rel} it holds at every draw`;
}
