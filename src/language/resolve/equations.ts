// The equations' right sides: first the quantities' shapes (a fixpoint, so a recurrence learns its own
// shape from its other terms), then the final reading of every equation with its diagnostics.

import { LIMITS } from '../limits';
import type { Expr } from '../model';
import { displayName } from '../print';
import { entries, same, shapeText, type MaybeShape } from '../shapes';
import { Abandoned, exprContext, UsesUnavailable, type ExprContext } from './context';
import { readExpression } from './expressions';
import { stepBack } from './stepAhead';
import type { Definition, Scope } from './scope';

function equationContext(scope: Scope, d: Definition, final: boolean): ExprContext {
  // added, not made from an array (every equation is read at least twice)
  const vars = new Set<string>();
  if (d.step === 't') vars.add('t');
  return exprContext(scope, vars, !final, d.key, false, final, undefined, undefined);
}

const liveDefinitions = (scope: Scope) => scope.definitions.filter((d) => d.step !== undefined);

/** one quiet reading of an equation in inferQuantityShapes: its shape (undefined: it did not read) */
interface ShapeReading {
  shape: MaybeShape | undefined;
  /** the names whose shapes the reading asked for */
  asked: Set<string>;
  /** the shape clock when it was read */
  at: number;
}

/**
 * every quantity's shape: read the equations quietly until no shape changes. A quiet reading depends on
 * nothing but the shapes it asks for (scope.shapeOf), so an equation is read again only when one of those
 * changed since its last reading; the others keep their last shape (issue 11: every equation was read at
 * least twice more before its final reading).
 */
export function inferQuantityShapes(scope: Scope): void {
  const { quantities, quantityShapes } = scope;
  const defs = liveDefinitions(scope);
  for (const q of quantities.values()) quantityShapes.set(q.name, null);
  // pushed, not map()ped (the elements kind of map()'s array differs once optimized: a deoptimization here)
  const readings: (ShapeReading | null)[] = [];
  for (let k = 0; k < defs.length; k++) readings.push(null);
  /** counts the shapes set; changedAt: the count when each name's shape was last set */
  let clock = 0;
  const changedAt = new Map<string, number>();
  const stale = (r: ShapeReading) => {
    for (const n of r.asked) if ((changedAt.get(n) ?? 0) > r.at) return true;
    return false;
  };
  for (let iter = 0; iter < quantities.size + 2; iter++) {
    let changed = false;
    for (let k = 0; k < defs.length; k++) {
      const d = defs[k]!;
      let r = readings[k];
      if (!r || stale(r)) {
        const asked = new Set<string>();
        scope.askedShapes = asked;
        let s: MaybeShape | undefined;
        try {
          s = readExpression(d.st.rhs, equationContext(scope, d, false)).shape;
        } catch {
          s = undefined;
        } finally {
          scope.askedShapes = null;
        }
        r = { shape: s, asked, at: clock };
        readings[k] = r;
      }
      const s = r.shape;
      if (s === undefined) continue;
      const cur = quantityShapes.get(d.key) ?? null;
      // a scalar initial state (h_0 = 0) takes its quantity's shape: it never decides it
      if (s === null || (typeof d.step === 'number' && s.length === 0)) continue;
      if (cur === null || (cur.length === 0 && s.length > 0)) {
        quantityShapes.set(d.key, s);
        changedAt.set(d.key, ++clock);
        changed = true;
      }
    }
    if (!changed) break;
  }
  for (const q of quantities.values()) q.shape = quantityShapes.get(q.name) ?? [];
  for (const q of quantities.values()) quantityShapes.set(q.name, q.shape);
}

/** reads every equation into its quantity (general or override), reporting what does not read */
export function readEquations(scope: Scope): void {
  for (const d of liveDefinitions(scope)) {
    const q = scope.quantities.get(d.key)!;
    let e: Expr;
    const line = d.st.range.line;
    try {
      e = readExpression(d.st.rhs, equationContext(scope, d, true));
      if (d.ahead) e = stepBack(e);
    } catch (x) {
      if (x instanceof UsesUnavailable) {
        const u = scope.unavailable.get(x.unavailable);
        scope.markBroken(q.name, u?.line ?? line, u?.root ?? x.unavailable);
        continue;
      }
      if (x instanceof Abandoned) {
        scope.markBroken(q.name, line);
        continue;
      }
      throw x;
    }
    const s = e.shape;
    const numericState = typeof d.step === 'number' && s.length === 0;
    if (!same(s, q.shape) && !numericState) {
      scope.error(
        `shape mismatch: ${displayName(d.key)} is a ${shapeText(q.shape)} but this equation gives a ${shapeText(s)}`,
        d.st.rhs.range,
        'shape-mismatch',
      );
      scope.markBroken(q.name, line);
      continue;
    }
    if (entries(q.shape) > LIMITS.maxEntries) {
      scope.error(`${displayName(d.key)} has more than ${LIMITS.maxEntries} entries (limit)`, d.st.range, 'limit');
      scope.markBroken(q.name, line);
      continue;
    }
    if (d.step === 't' || d.step === null) q.general = e;
    else q.overrides.set(d.step!, e);
  }
  // a quantity with an equation that failed to resolve is left out (even when another of its equations,
  // say h_0, reads), so that the rest still answers; its uses say it is not available
  for (const q of scope.quantities.values()) {
    if (!q.general && q.overrides.size === 0) scope.markBroken(q.name, q.line);
  }
}
