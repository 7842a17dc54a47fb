// Khapra (CS7015) writes the loss as a function of the parameters: ℒ(θ) = Σ_t ℒ_t(θ), ∂ℒ_t(θ)/∂W. A single
// argument in parentheses right on a name is read as a step (Elman's s(t), Jaeger's δ_j(t)), so θ became a free step
// of the check ("fails at θ = 1") or the step under which ℒ_t's t picked entries ("L_θ is a scalar"). θ names the
// parameters, never a step: where the file does not define θ, ℒ(θ) is ℒ and ℒ_t(θ) is ℒ_t (an information says so).

import type { NameAst } from '../ast';
import type { Scope } from './scope';

/** the letter a textbook writes for "all the parameters" */
const PARAMETERS = 'θ';

/** NAME(θ) or NAME_t(θ), θ no name of the file: the argument names what the quantity depends on, not a step */
export function parametersArgument(a: NameAst, scope: Scope): boolean {
  const s = a.sup;
  return (
    a.stepCall === true &&
    s !== null &&
    s.k === 'name' &&
    s.raw === PARAMETERS &&
    !s.sub &&
    !s.sup &&
    !s.args &&
    !scope.isKnown(PARAMETERS) &&
    !scope.aliases.has(PARAMETERS)
  );
}
