// Nodes of a check's side (by identity) replaced, the rest kept: the edit a hint tries (a slope squared, a sum
// meant, a number changed, a bound moved). One walk for every hint; what differs is where it may go. A node off
// the replacements' way keeps its identity, so the run's memo of values (keyed by node) still reads it.

import type { Expr } from '../../language/model';
import { forChildren, mapChildren, VALUE_CHILDREN, type ChildOptions } from '../../language/resolve';

/** where a replacement walks: the children it visits, and the nodes it leaves whole */
export interface Walk {
  children: ChildOptions;
  /** a node not walked into (it may still be replaced itself) */
  stops(x: Expr): boolean;
}

/** every child, into a derivative's operand too (a Σ's bound, an index, a derivative's step) */
export const EVERYWHERE: Walk = { children: {}, stops: () => false };

/** the values a side combines, never into a derivative, which names its own operands */
export const VALUES: Walk = { children: VALUE_CHILDREN, stops: (x) => x.k === 'deriv' };

/** e with each node for which pick gives a replacement replaced (the first match on each path) */
export function replaceWhere(e: Expr, pick: (x: Expr) => Expr | null | undefined, walk: Walk = EVERYWHERE): Expr {
  const go = (x: Expr): Expr => {
    const by = pick(x);
    if (by) return by;
    if (walk.stops(x)) return x;
    // the common kinds by hand (every walk visits their children alike): forChildren's callback, a closure per
    // node, and its array of children were a trial's largest garbage after its compiled code
    switch (x.k) {
      case 'add':
      case 'sub':
      case 'mul':
      case 'hadamard':
      case 'matmul':
      case 'contract':
      case 'indicator':
      case 'div':
      case 'pow': {
        const a = go(x.a);
        const b = go(x.b);
        return a === x.a && b === x.b ? x : { ...x, a, b };
      }
      case 'neg':
      case 'transpose': {
        const a = go(x.a);
        return a === x.a ? x : { ...x, a };
      }
      case 'call': {
        const arg = go(x.arg);
        return arg === x.arg ? x : { ...x, arg };
      }
    }
    // the children walked first and x copied only when one of them changed: most nodes are off the
    // replacements' way, and a copy made and dropped at each of them was most of a trial's garbage (issue 9)
    let kids: Expr[] | null = null;
    let changed = false;
    forChildren(
      x,
      (c) => {
        const d = go(c);
        if (d !== c) changed = true;
        (kids ??= []).push(d);
      },
      walk.children,
    );
    if (!changed) return x;
    let i = 0;
    return mapChildren(x, () => kids![i++]!, walk.children);
  };
  return go(e);
}

/** e with `node` replaced by `by`, through the values a side combines (or where `walk` goes) */
export function replacing(e: Expr, node: Expr, by: Expr, walk: Walk = VALUES): Expr {
  return replaceWhere(e, (x) => (x === node ? by : null), walk);
}
