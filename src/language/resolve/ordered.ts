// Werbos's ordered derivatives (1990, "Backpropagation through time: what it does and how to do it"). Werbos writes
// the derivative that counts every path, the one BPTT computes, as ∂⁺E/∂x ("ordered derivative", his F_x), and the
// plain ∂E/∂x for the direct one: the other way round from LANGUAGE.md §5, where ∂⁺ is the immediate partial (Pascanu,
// Goodfellow). Read as this language's ∂⁺, his `∂⁺E/∂net_{t+1}` (E reads no net directly) is 0 and his chain rule
// `∂⁺E/∂x_t = ∂E/∂x_t + ∂⁺E/∂net_{t+1} ∂net_{t+1}/∂x_t` failed, while a wrong weight gradient `∂⁺E/∂w = Σ_t
// ∂⁺E/∂net_t x_t` held as 0 = 0. A check that writes ∂⁺ of the objective by a name the objective's own equation does
// not read (a derivative that is 0 in this language's reading, which nobody writes to mean 0), or by the left side's
// name at another step (∂⁺E/∂x_t = … ∂⁺E/∂x_{t+1}: a recursion of the direct partial does not read itself), and
// whose left side is a ∂⁺ of the objective as his are (and whose right side writes one too: ∂⁺E/∂W = 0 alone is
// true as written), is read in Werbos's convention: every ∂⁺ of its sides is the total derivative and
// every ∂ the immediate one.

import type { Expr, Idx, Quantity } from '../model';
import type { Scope } from './scope';
import { forChildren, mapChildren } from './walk';

const sameIdx = (a: Idx | null, b: Idx | null) => JSON.stringify(a) === JSON.stringify(b);

/** the names an expression reads (refs, and the variables of the derivatives in it) */
function namesRead(e: Expr, out: Set<string>): Set<string> {
  if (e.k === 'ref') out.add(e.name);
  if (e.k === 'deriv') out.add(e.wrt.name);
  forChildren(e, (c) => void namesRead(c, out));
  return out;
}

/** the objective's name and quantity, or null where the file has no equation for it */
function objective(scope: Scope): { name: string; q: Quantity } | null {
  const name = scope.loss;
  if (!name) return null;
  const q = scope.quantities.get(name) ?? scope.quantities.get(`${name}#`);
  if (!q || (!q.general && !q.overrides.size)) return null;
  return { name, q };
}

/** the names the objective's own equation reads directly */
function objectiveReads(q: Quantity): Set<string> {
  const reads = new Set<string>();
  if (q.general) namesRead(q.general, reads);
  for (const e of q.overrides.values()) namesRead(e, reads);
  return reads;
}

/**
 * the first ∂⁺ (as written) of the objective by a name its equation does not read, in any of the sides: the mark of
 * Werbos's convention (its text for the note), or null
 */
export function orderedMark(scope: Scope, sides: Expr[]): { of: string; wrt: string } | null {
  // Werbos's left side is an ordered derivative of the objective (∂⁺E/∂x_t, F_x): a check whose left side is not
  // keeps this language's reading (`∂L/∂W = ∂⁺L/∂W` is the immediate partial where the total was asked). Its kind
  // is asked first, and the untimed twin's name made once: this runs at every link of every check
  const left = sides[0];
  if (!left || left.k !== 'deriv' || left.total || left.oneStep) return null;
  const obj = objective(scope);
  if (!obj) return null;
  const twin = `${obj.name}#`;
  const isObjective = (e: Expr) => e.k === 'ref' && !e.idx && (e.name === obj.name || e.name === twin);
  if (!isObjective(left.of)) return null;
  // and his right side writes one too (F_net(t+1), F_x(t)): `∂⁺E/∂W = 0` alone is this language's true statement
  let right = false;
  const seek = (e: Expr): void => {
    if (right) return;
    if (e.k === 'deriv' && !e.total && !e.oneStep && isObjective(e.of)) right = true;
    else forChildren(e, seek);
  };
  for (const s of sides.slice(1)) seek(s);
  if (!right) return null;
  // its equation walked only for a check so written (it was walked for every link of every check)
  const reads = objectiveReads(obj.q);
  let found: { of: string; wrt: string } | null = null;
  const go = (e: Expr): void => {
    if (found) return;
    if (
      e.k === 'deriv' &&
      !e.total &&
      !e.oneStep &&
      isObjective(e.of) &&
      (!reads.has(e.wrt.name) || (e.wrt.name === left.wrt.name && !sameIdx(e.wrt.idx, left.wrt.idx)))
    ) {
      found = { of: obj.name, wrt: e.wrt.name };
      return;
    }
    forChildren(e, go);
  };
  for (const s of sides) go(s);
  return found;
}

/** e with every derivative's ∂ and ∂⁺ exchanged (Werbos's ∂⁺ is the total derivative, his ∂ the direct one) */
export function swapOrdered(e: Expr): Expr {
  const inner = mapChildren(e, swapOrdered);
  return inner.k === 'deriv' && !inner.oneStep ? { ...inner, total: !inner.total } : inner;
}
