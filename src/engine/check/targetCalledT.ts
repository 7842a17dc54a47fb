// Skansi's targets are t (E = ½ Σ (t − y)²), and a network may call its target sequence t (seed 001's t_t). A student
// who writes the step's letter where the target is meant, ½ Σ_{t=1}^{T} (t − y_t)², subtracts the step number 1, 2, 3:
// where the check holds with each such bare t read as the target t_t, the message says the letter is the step.
import type { Expr } from '../../language/model';
import { mapChildren } from '../../language/resolve/walk';
import type { Run } from '../run';
import { confirmed, type OtherValues } from './confirm';
import type { Claim } from './hints';
import { holdsWith } from './textbook';

/** "the bare t is the step number here, not the target t_t" where reading it as t_t mends the check; else null */
export function targetCalledTHint(c: Claim, run: Run, other: OtherValues): string | null {
  const decl = run.model.decls.get('t');
  if (!decl || (decl.kind !== 'target' && decl.kind !== 'input')) return null;
  let found = false;
  const swap = (e: Expr): Expr => {
    if (e.k === 'var' && e.idx.v === 't' && e.idx.k === 0) {
      found = true;
      return { k: 'ref', name: 't', idx: e.idx, shape: decl.shape, range: e.range };
    }
    return mapChildren(e, swap);
  };
  const rhs = swap(c.rhs);
  if (!found || !holdsWith(c, c.lhs, rhs, run) || !confirmed(other, c.lhs, rhs, c.points)) return null;
  return `The bare t is the step number here (1, 2, …), not the target: the ${decl.kind} sequence called t is written t_t at step t — with t_t the check holds`;
}
