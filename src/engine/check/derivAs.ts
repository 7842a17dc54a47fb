// A derivative read another way (one-step, total or immediate), made field by field in the order a spread gives.
// `{ ...d, oneStep: true }` adds a field that the resolver's derivatives lack, and V8 (Node 20) adds a field to a
// spread's copy in its runtime: ~0.7 µs, against ~70 ns for this literal. The one-step re-reading and the hints
// make one per derivative of every failing check (issue 11).

import type { Expr } from '../../language/model';

type Deriv = Expr & { k: 'deriv' };

/** d with these readings (and, for an entry's whole vector, another `of` and shape) */
export function derivAs(d: Deriv, oneStep: boolean, total: boolean = d.total, of: Expr = d.of, shape = d.shape): Deriv {
  return { k: 'deriv', total, of, wrt: d.wrt, shape, range: d.range, spelled: d.spelled, oneStep };
}
