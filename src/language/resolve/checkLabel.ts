// A chain whose first link defines a name of its own (session 36): `\delta_2 = (y_2 − d_2) y_2 (1 − y_2) = (0.6455 −
// 1)(0.6455)(1 − 0.6455)`, δ no name of the network, was "unknown name δ" and the chain was not read. As CS224n's
// `δ_1 = ∂J/∂θ_2 = ŷ_2 − y_2` in a solution (solution/label.ts, session 35), the first link defines the name — by a
// formula of the network's names or by a derivative — and is no claim: the chain is checked from its second side on,
// so the numbers after the formula are laid over it (check/wrongNumber.ts). A solution's label also joins its network
// (the equations after it read δ_2); a .rnn check's is its own, and an information says so.

import { someAst, type NameAst, type Statement, type Ast } from '../ast';
import { baseOf } from './derived';
import { READ_OTHERWISE, variableLetter } from './identity';
import type { Scope } from './scope';

/** a name a student may define of their own: one letter (δ, ε, g), with a step or an index, that the language reads no other way */
export function ownLetter(base: string): boolean {
  return variableLetter(base) === base && !READ_OTHERWISE.has(base);
}

/** the written step of a definition's left side (δ_2, δ_t, δ^{(2)}): the name alone (δ) is no definition at one step */
export function hasStep(lhs: NameAst): boolean {
  return lhs.sub !== null || lhs.sup !== null || baseOf(lhs) !== lhs.raw;
}

/**
 * the first side of a check's chain when it is a label: a name of its own, not the network's, defined by a side that
 * reads a name (numbers alone define nothing the network could judge); then the chain is judged from its second side
 */
export function checkLabel(scope: Scope, st: Statement & { k: 'check' }): NameAst | null {
  const lhs = st.lhs;
  if (!st.more.length || st.relations || st.forRange || st.where || lhs.k !== 'name' || lhs.args || !hasStep(lhs) || !readsName(st.rhs))
    return null;
  const base = baseOf(lhs);
  if (!ownLetter(base) || scope.isKnown(base) || scope.isKnown(lhs.raw) || scope.aliases.has(base) || scope.unavailable.has(base))
    return null;
  return lhs;
}

/** the information at a label's link: it defines the name, and is not checked */
export const labelNote = (written: string): string =>
  `link 1 not checked: ${written} is defined here by the side after it, a name of this check's own: the chain is checked from that side on (to use ${written} in other lines, define it in the network)`;

/** whether an expression reads a name (a formula of names, not numbers alone) */
export function readsName(a: Ast): boolean {
  return someAst(a, (x) => x.k === 'name');
}
