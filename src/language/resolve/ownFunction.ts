// A solution that writes a function of its own on an equation's left side with its arguments, as LeCun's Lagrangian
// ℒ(W, U, h, λ) = C + Σ_t λ_tᵀ (f(W h_{t−1} + U x_t) − h_t), defines no quantity of the network: it was refused with
// d2l.ai's message for a transition function on the right ("write ∂⁺h_t/∂w_h"), and a later ∂ℒ/∂W was "unknown name
// L". Both are said for what they are, with the cost's derivative to write where the function is a Lagrangian.

import type { Ast, Statement } from '../ast';
import type { Scope } from './scope';

/** the left side's name when it is a function of the solution's own written with its arguments, ℒ(W, h, λ); else null */
export function ownFunctionDefined(scope: Scope, st: Statement & { k: 'check' }): string | null {
  const l = st.lhs;
  if (l.k !== 'name' || !l.args || l.sub || l.sup || l.raw.includes('_') || scope.isKnown(l.raw) || scope.aliases.has(l.raw)) return null;
  // the cost written on the right (ℒ = C + …): a function built on it, not d2l.ai's f(x_t, h_{t-1}) = h_t (names.ts)
  return scope.derived.has(l.raw) || !readsObjective(scope, st.rhs) ? null : l.raw;
}

/** whether the objective's name stands in a (outside any derivative) */
function readsObjective(scope: Scope, a: Ast): boolean {
  const loss = scope.loss;
  if (loss === null) return false;
  const go = (x: Ast): boolean => {
    if (x.k === 'name') return x.raw === loss || scope.twins.get(x.raw) === loss;
    if (x.k === 'bin') return go(x.a) || go(x.b);
    if (x.k === 'neg') return go(x.a);
    return false;
  };
  return go(a);
}

/** a derivative of such a function in the sides (∂ℒ/∂W): the function's name, else null */
export function ownFunctionDerived(scope: Scope, sides: Ast[]): string | null {
  if (!scope.ownFunctions.size) return null;
  let found: string | null = null;
  const go = (a: Ast): void => {
    if (found) return;
    if (a.k === 'deriv' && a.of.k === 'name' && scope.ownFunctions.has(a.of.raw) && !scope.isKnown(a.of.raw)) {
      found = a.of.raw;
      return;
    }
    if (a.k === 'bin') {
      go(a.a);
      go(a.b);
    } else if (a.k === 'neg' || a.k === 'transpose') go(a.a);
    else if (a.k === 'big') go(a.body);
  };
  for (const s of sides) go(s);
  return found;
}

/** what to write for a Lagrangian's derivative: the cost's (its name as the file writes it) */
export function costDerivativeNote(scope: Scope): string {
  const cost = (scope.loss ?? 'L').replace(/#$/, '');
  return `if it is a Lagrangian (the cost plus multipliers times the constraints), its derivative by a weight at the stationary point is the cost's: write ∂${cost}/∂W`;
}
