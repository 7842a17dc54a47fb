// ∂σ/∂z, \frac{\partial \tanh}{\partial z}: a function's derivative with no argument to take it at. The parser said
// "expected a name after ∂, found 'σ'" (or "expected the argument of \sigma"), which names no way out.

import { fnText } from './print';

/** the message for ∂f/∂… with f a function written bare (fn: the function's name as the lexer gives it, sigma) */
export function bareFunctionDerivative(fn: string): string {
  const f = fnText(fn);
  return `∂${f}/…: ${f} is a function; a derivative takes it applied to its argument, ∂${f}(z)/∂z (or its derivative ${f}'(z))`;
}
