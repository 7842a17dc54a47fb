// The terminal condition of a backward recursion, δ_{T+1} = 0 or ∂E/∂s_{T+1} = 0: textbooks and solutions state it to
// start δ_t = (1 + w δ_{t+1})(1 − s_t²) at t = T. The network has no step T + 1, so the derivative has no node to be
// taken at ("a_4 is not defined"), and a correct solution got a failure for writing the convention down (session 41,
// a probe of student solutions). By that convention nothing flows back from past the last step: the statement holds,
// and a solution takes it as a premise, not a claim.

import type { CheckQuestion, Expr } from '../../language/model';
import { exprText } from '../../language/print';
import type { Run } from '../run';
import { literal } from './premise';

/** a literal 0, or a vector or matrix of zeros */
const zero = (e: Expr): boolean => literal(e)?.data.every((x) => x === 0) ?? false;

/** the message of a check that states the terminal condition, or null when it is not one */
export function terminalCondition(q: CheckQuestion, run: Run): string | null {
  if (q.freeT || !q.undefinedStep) return null;
  const side = zero(q.rhs) ? q.lhs : zero(q.lhs) ? q.rhs : null;
  // Pearlmutter's z_i(T+1) = 0, one unit's entry of it at a free entry index (it was "y_5 is not defined")
  const entry = side?.k === 'index' && side.a.k === 'deriv';
  if (q.free.length && !entry) return null;
  const d = entry ? (side as Extract<Expr, { k: 'index' }>).a : side;
  if (d?.k !== 'deriv' || d.of.k !== 'ref') return null;
  const T = run.model.T;
  const { name, idx } = d.wrt;
  // the step after the last of a quantity of the network that has none there (no terminal state of its own)
  if (!idx || idx.v !== null || idx.terms?.length || idx.k !== T + 1) return null;
  if (!run.model.quantities.get(name)?.timed || run.node(name, T + 1) !== undefined) return null;
  // of something the network has: the loss, a state at a step it has
  const ofStep = d.of.idx ? (d.of.idx.v === null && !d.of.idx.terms?.length ? d.of.idx.k : null) : 0;
  if (ofStep === null || ofStep > T || (d.of.idx && run.node(d.of.name, ofStep) === undefined)) return null;
  // (no colon before the reason's end: a solution says the part before it, "it states …, a premise of the solution")
  return `states the terminal condition of a backward recursion (${name} has no step ${T + 1} for anything to flow back from, T = ${T}, so ${exprText(d)} is 0 by convention): true by that convention`;
}
