// A total derivative where the immediate partial is meant, in a chain rule that writes the other paths as terms of
// their own: d2l's GRU, ∂L/∂H_{t-1} = ∂L/∂H_t ⊙ Z_t + ∂L/∂H̃_t ∂H̃_t/∂H_{t-1} + ∂L/∂Z_t ∂Z_t/∂H_{t-1} +
// ∂L/∂R_t ∂R_t/∂H_{t-1}, whose ∂H̃_t/∂H_{t-1} is H_{t-1}'s direct appearance in H̃_t's equation. Read as the total
// derivative (LANGUAGE.md §4) it counts the path through R_t, which the last term counts again. When the immediate
// partial ∂⁺ in the place of one such derivative makes the check hold, that derivative is named.

import type { Expr } from '../../language/model';
import { exprText } from '../../language/print';
import { forChildren, VALUE_CHILDREN } from '../../language/resolve';
import { stepOf, type Run } from '../run';
import { confirmed, type OtherValues } from './confirm';
import { derivAs } from './derivAs';
import { guard } from './guard';
import { through, type Claim } from './hints';
import { close } from './points';
import { replaceWhere, VALUES } from './replacing';
import { printerFor } from './writtenT';

type Deriv = Expr & { k: 'deriv' };

/** derivatives tried at most: each costs one evaluation of the side at every point */
const MAX_TRIED = 8;

/**
 * the total derivatives of a side's values (not inside an index or exponent), and the names every derivative there
 * differentiates (its numerators), in one walk
 */
function totals(e: Expr, out: Deriv[], ofs: Set<string>): void {
  if (e.k === 'deriv') {
    if (e.of.k === 'ref') ofs.add(e.of.name);
    if (e.total && !e.oneStep && e.of.k === 'ref') out.push(e);
  } else forChildren(e, (x) => totals(x, out, ofs), VALUE_CHILDREN);
}

export function countedTwiceHint(c: Claim, run: Run, other: OtherValues = null): string | null {
  const p = c.points[0];
  if (!p) return null;
  const ds: Deriv[] = [];
  // the quantities the side differentiates (another term's path counted again goes through one of them)
  const ofs = new Set<string>();
  totals(c.rhs, ds, ofs);
  // a side of one derivative alone has no other term to count the path again
  if (ds.length < 2) return null;
  // the steps a check writes with T are printed so (∂H̃_T/∂H_{T-1}, the path through R_T)
  const show = printerFor(c.text, run.model.T);
  const byT = show !== exprText && p.t === null;
  let tried = 0;
  for (const d of ds) {
    const of = d.of as Expr & { k: 'ref' };
    // screened before the paths are sought (a sweep per input): another term must differentiate a quantity of
    // A's own equation other than A (R_t in H̃_t's); a sum of chain-rule products through one recurrence has none
    if (!readsOther(run, of.name, ofs)) continue;
    // the quantities of A's own equation through which B reaches A: none, and ∂⁺ is the total
    const via = guard(() => {
      const A = run.node(of.name, stepOf(of.idx, p.env));
      const B = run.node(d.wrt.name, stepOf(d.wrt.idx, p.env));
      return A && B ? (byT ? through(run, A, B, run.model.T, 'T') : through(run, A, B, p.t)) : null;
    });
    if (!via?.length) continue;
    if (tried++ >= MAX_TRIED) return null;
    const imm = derivAs(d, false, false);
    const rhs = replaceWhere(c.rhs, (x) => (x === d ? imm : null), VALUES);
    const holds = guard(() => c.points.every((q) => close(run.evaluateShared(c.lhs, q.env).data, run.evaluateShared(rhs, q.env).data)));
    if (!holds || !confirmed(other, c.lhs, rhs, c.points)) continue;
    const paths = via.length > 1 ? 'paths' : 'path';
    return (
      `${show(d)} is the total derivative: it also counts the ${paths} through ${via.join(' and ')}, which another term ` +
      `counts again. With the immediate partial ${show(imm)} (${show({ k: 'ref', name: d.wrt.name, idx: d.wrt.idx, shape: [], range: d.wrt.range })}'s direct appearance in ` +
      `${show(of)}'s own equation) in its place the check holds`
    );
  }
  return null;
}

/** whether A's equation reads a quantity of `ofs` other than A itself */
function readsOther(run: Run, name: string, ofs: Set<string>): boolean {
  const q = run.model.quantities.get(name);
  if (!q) return false;
  let found = false;
  const walk = (e: Expr): void => {
    if (found) return;
    if (e.k === 'ref' && e.name !== name && ofs.has(e.name)) found = true;
    else forChildren(e, walk);
  };
  if (q.general) walk(q.general);
  for (const e of q.overrides.values()) walk(e);
  return found;
}
