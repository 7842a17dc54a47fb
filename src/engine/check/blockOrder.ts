// The blocks of a concatenation in the wrong order: CS231n's stacked gate gradient ∂L/∂a_t = [da_i; da_f; da_o; da_g]
// written with two gates exchanged ([da_f; da_i; …]), where the network splits a_t as i, f, o, g. The check failed with
// its values alone. A concatenation is read as a vector of its blocks' entries (resolve/expressions.ts concatenation),
// so its blocks are the runs of entries of one vector; each pair of blocks of one size is exchanged in turn (one
// evaluation at each point, a few pairs), and a pair that makes the check hold, at a draw too, is named.
// Screened structurally: a side with no vector literal pays one lookup (kinds.ts).

import type { Expr } from '../../language/model';
import { exprText } from '../../language/print';
import { forChildren } from '../../language/resolve';
import type { Run } from '../run';
import { confirmed, type OtherValues } from './confirm';
import { guard } from './guard';
import type { Claim } from './hints';
import { hasKind } from './kinds';
import { close } from './points';
import { EVERYWHERE, replacing } from './replacing';

type Vec = Expr & { k: 'vec' };

/** at most this many blocks in one concatenation (their pairs are tried) */
const MAX_BLOCKS = 8;

/** the concatenations of e, outermost first */
function concatenations(e: Expr, out: Vec[] = []): Vec[] {
  if (e.k === 'vec' && blocks(e)) out.push(e);
  forChildren(e, (c) => concatenations(c, out));
  return out;
}

/** a concatenation's blocks: runs of entries index(v, 1..n) of one vector v each, two or more; else null */
function blocks(v: Vec): Expr[][] | null {
  const out: Expr[][] = [];
  let last: Expr | null = null;
  for (const x of v.items) {
    if (x.k !== 'index' || x.j || x.a.shape?.length !== 1) return null;
    if (x.a === last) out[out.length - 1]!.push(x);
    else out.push([x]);
    last = x.a;
  }
  return out.length >= 2 && out.length <= MAX_BLOCKS ? out : null;
}

/** "The blocks ∂L/∂f_t ⊙ … and ∂L/∂i_t ⊙ … of the concatenation are in each other's place: …" */
export function blockOrderHint(c: Claim, run: Run, other: OtherValues): string | null {
  if (!hasKind(c.lhs, 'vec') && !hasKind(c.rhs, 'vec')) return null;
  for (const right of [true, false]) {
    const side = right ? c.rhs : c.lhs;
    const whole = right ? c.lhs : c.rhs;
    for (const v of concatenations(side)) {
      const bs = blocks(v)!;
      for (let i = 0; i < bs.length; i++)
        for (let j = i + 1; j < bs.length; j++) {
          if (bs[i]!.length !== bs[j]!.length) continue;
          const order = bs.map((b, k) => (k === i ? bs[j]! : k === j ? bs[i]! : b));
          const swapped: Expr = { ...v, items: order.flat() };
          const edited = replacing(side, v, swapped, EVERYWHERE);
          const holds = guard(() =>
            c.points.every((p) => close(run.evaluateShared(whole, p.env).data, run.evaluateShared(edited, p.env).data)),
          );
          if (!holds || !confirmed(other, right ? whole : edited, right ? edited : whole, c.points)) continue;
          const [a, b] = [i, j].map((k) => (bs[k]![0] as Expr & { k: 'index' }).a) as [Expr, Expr];
          return `The blocks ${exprText(a)} (block ${i + 1}) and ${exprText(b)} (block ${j + 1}) of the ${right ? 'right' : 'left'} side's concatenation are in each other's place: exchanged, the check holds`;
        }
    }
  }
  return null;
}
