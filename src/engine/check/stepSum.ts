// An untimed quantity defined as a sum over the steps of one timed quantity (`loss L = Σ_t L_t`): what the
// truncated-gradient hint (truncated.ts) and the written-out-loss hint (writtenSum.ts) both start from.
import type { Expr, Model } from '../../language/model';

export type StepSumDef = Expr & { k: 'sum'; body: Expr & { k: 'ref' } };

/** NAME's definition Σ_v F_v, with F a timed quantity read at the bound step v itself; else null */
export function stepSumOf(name: string, model: Model): StepSumDef | null {
  const q = model.quantities.get(name);
  const g = q && !q.timed ? q.general : null;
  if (g?.k !== 'sum' || g.body.k !== 'ref' || g.body.idx?.v !== g.v || g.body.idx.k !== 0 || g.body.idx.terms?.length) return null;
  return model.quantities.get(g.body.name)?.timed ? (g as StepSumDef) : null;
}
