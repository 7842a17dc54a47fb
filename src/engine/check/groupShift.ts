// A reference written twice at the wrong step, both times: σ' written through the output, h_{t-1}(1 − h_{t-1}) where
// h_t(1 − h_t) is meant. shiftHint (hints.ts) moves one reference at a time, so neither move alone mends it, and the
// term matcher then said "no term covers the path h_0 → h_1" (the side is 0 at t = 1 with h_0 = 0). Here every
// reference of one name and step is moved together, by ±1; bounded (a few groups, a copy of the side per trial) and
// asked only of sides that write such a slope X(1 − X). Confirmed at a draw (confirm.ts).
//
// sideShiftHint: every step of one side off by the same amount, ∂L_3/∂h_3 = −2(y_2 − h_2) for −2(y_3 − h_3) (the
// formula of the step before, copied): no single move mends it, and nothing else was said. Every timed reference of
// the side's values is moved together, by ±1 then ±2.

import type { Expr } from '../../language/model';
import { exprText } from '../../language/print';
import { andList } from '../format';
import { forChildren, mapChildren, VALUE_CHILDREN } from '../../language/resolve';
import type { Run } from '../run';
import { confirmed, type OtherValues } from './confirm';
import type { Claim } from './hints';
import { holdsWith } from './textbook';
import type { Point } from './points';
import { printerFor } from './writtenT';
import { hasKind } from './kinds';

/** groups of one reference written several times, tried per check */
const MAX_GROUPS = 3;

type Ref = Expr & { k: 'ref' };

const isOne = (x: Expr) => x.k === 'num' && x.value === 1;

/**
 * the references X of a side's slopes X(1 − X) or (1 − X)X (σ' written through σ's output), X a timed reference,
 * with every other X of the side's values (not inside a derivative, an index or an exponent): a side without such a
 * slope is not tried, so this costs nothing on the others
 */
function groups(e: Expr, run: Run): Ref[][] {
  // a slope X(1 − X) has its subtraction: a side with none has no group
  if (!hasKind(e, 'sub')) return [];
  const slopes = new Set<string>();
  const go = (x: Expr): void => {
    if (x.k === 'ref' || x.k === 'deriv') return;
    if (x.k === 'mul' || x.k === 'hadamard')
      for (const [a, b] of [
        [x.a, x.b],
        [x.b, x.a],
      ] as const)
        if (a.k === 'ref' && b.k === 'sub' && isOne(b.a) && exprText(b.b) === exprText(a)) slopes.add(exprText(a));
    forChildren(x, go, VALUE_CHILDREN);
  };
  go(e);
  if (!slopes.size) return [];
  const all = timedRefs(e, run);
  return [...slopes].map((t) => all.filter((r) => exprText(r) === t)).filter((g) => g.length > 1);
}

function moved(e: Expr, refs: Ref[], by: number): Expr {
  const go = (x: Expr): Expr =>
    x.k === 'ref' && refs.includes(x as Ref)
      ? { ...x, idx: { ...x.idx!, k: x.idx!.k + by } }
      : x.k === 'deriv'
        ? x
        : mapChildren(x, go, VALUE_CHILDREN);
  return go(e);
}

/** "h_{t-1}, both times, should be h_t: with that step the check holds" */
export function groupShiftHint(c: Claim, run: Run, bad: Point, other: OtherValues): string | null {
  // the failing point first: most trials fail there, and the other points are not evaluated
  const points = [bad, ...c.points.filter((p) => p.env !== bad.env)];
  const tries = [...groups(c.rhs, run).map((g) => ({ g, right: true })), ...groups(c.lhs, run).map((g) => ({ g, right: false }))].slice(
    0,
    MAX_GROUPS,
  );
  for (const { g, right } of tries)
    for (const by of [1, -1]) {
      const lhs = right ? c.lhs : moved(c.lhs, g, by);
      const rhs = right ? moved(c.rhs, g, by) : c.rhs;
      if (!holdsWith({ ...c, points }, lhs, rhs, run) || !confirmed(other, lhs, rhs, c.points)) continue;
      const to = { ...g[0]!, idx: { ...g[0]!.idx!, k: g[0]!.idx!.k + by } };
      const times = g.length === 2 ? 'both times' : `all ${g.length} times`;
      return `${exprText(g[0]!)} should be ${exprText(to)}, ${times} it is written: with that step the check holds`;
    }
  return null;
}

/** a side with more timed references than this is not moved whole (its copies are compiled per trial) */
const MAX_SIDE_REFS = 12;

/** every timed reference of a side's values (not inside a derivative, an index or an exponent), in the order written */
export function timedRefs(e: Expr, run: Run): Ref[] {
  const timed = (name: string) => run.model.quantities.get(name)?.timed || run.model.decls.get(name)?.perStep;
  const out: Ref[] = [];
  const go = (x: Expr): void => {
    if (x.k === 'ref') {
      if (x.idx && timed(x.name)) out.push(x);
    } else if (x.k !== 'deriv') forChildren(x, go, VALUE_CHILDREN);
  };
  go(e);
  return out;
}

const ONE_OR_TWO = ['', 'one', 'two'];

/**
 * "every step of the right side should be one later (y_2, h_2 should be y_3, h_3): with those steps the check holds":
 * a side of two or more distinct timed references (one alone is shiftHint's) whose every step moved by the same ±1 or
 * ±2 makes the check hold, at the failing point first, then every point, then at the draws
 */
export function sideShiftHint(c: Claim, run: Run, bad: Point, other: OtherValues): string | null {
  const points = [bad, ...c.points.filter((p) => p.env !== bad.env)];
  const show = printerFor(c.text, run.model.T);
  for (const right of [true, false]) {
    const refs = timedRefs(right ? c.rhs : c.lhs, run);
    if (refs.length > MAX_SIDE_REFS) continue;
    // each reference as written once, in the order written (its moves print alike)
    const byText = new Map(refs.map((r) => [show(r), r]));
    if (byText.size < 2) continue;
    for (const by of [1, -1, 2, -2]) {
      const lhs = right ? c.lhs : moved(c.lhs, refs, by);
      const rhs = right ? moved(c.rhs, refs, by) : c.rhs;
      if (!holdsWith({ ...c, points }, lhs, rhs, run) || !confirmed(other, lhs, rhs, c.points)) continue;
      const to = [...byText.values()].map((r) => show({ ...r, idx: { ...r.idx!, k: r.idx!.k + by } }));
      const side = right ? 'right' : 'left';
      const when = by > 0 ? 'later' : 'earlier';
      return `every step of the ${side} side should be ${ONE_OR_TWO[Math.abs(by)]} ${when} (${andList([...byText.keys()])} should be ${andList(to)}): with those steps the check holds`;
    }
  }
  return null;
}
