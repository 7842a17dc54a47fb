// Which side of a check is the student's formula: the right one, unless only the right side is a derivative
// (`σ'(a_t) h_{t-1} = ∂h_t/∂W` written backwards). One test for every hint that edits or reads the formula side.

import type { Expr } from '../../language/model';

/** the formula is the right side (false: the left one, the right being the only derivative) */
export const formulaOnRight = (c: { lhs: Expr; rhs: Expr }): boolean => !(c.rhs.k === 'deriv' && c.lhs.k !== 'deriv');
