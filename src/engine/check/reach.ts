// Which names an expression can read: what the culprit search (answer.ts) may skip. A name the sides of a
// check cannot read cannot change them when it is redrawn.

import type { Expr, Model } from '../../language/model';
import { forChildren } from '../../language/resolve';

/**
 * every name an expression can read: the names it mentions (a derivative's wrt included), then through the
 * equations of the quantities among them, and theirs (a superset: by name, not by step)
 */
export function reach(model: Model, exprs: Expr[]): Set<string> {
  const seen = new Set<string>();
  const todo: string[] = [];
  const add = (name: string) => {
    if (!seen.has(name)) {
      seen.add(name);
      todo.push(name);
    }
  };
  const visit = (e: Expr): void => {
    if (e.k === 'ref') add(e.name);
    else if (e.k === 'deriv') add(e.wrt.name);
    forChildren(e, visit);
  };
  exprs.forEach(visit);
  for (let name = todo.pop(); name !== undefined; name = todo.pop()) {
    const q = model.quantities.get(name);
    if (!q) continue;
    if (q.general) visit(q.general);
    for (const e of q.overrides.values()) visit(e);
  }
  return seen;
}
