// The slopes of the language's elementwise functions, for the reverse sweeps (tape.ts's rules and the scalar
// sweep, scalarSweep.ts): one definition, so that both give the same numbers bit for bit.

import type { Fn } from '../language/model';
import { sigmoid } from './tensor';

/** whether fn acts entry by entry (its backward is unaryGrad's); Σ, mean, softmax, diag and the spectral norm mix the entries */
export const elementwise = (fn: Fn): boolean => fn !== 'sum' && fn !== 'mean' && fn !== 'softmax' && fn !== 'diag' && fn !== 'opnorm';

/** d fn(x) / dx, given x and y = fn(x) */
export function unaryGrad(fn: Fn, x: number, y: number): number {
  switch (fn) {
    case 'sigma':
      return y * (1 - y);
    case 'tanh':
      return 1 - y * y;
    case 'relu':
      return x > 0 ? 1 : 0;
    case 'exp':
      return y;
    case 'log':
      return 1 / x;
    case 'sqrt':
      return 0.5 / y;
    case 'abs':
      return x > 0 ? 1 : x < 0 ? -1 : 0;
    case 'logit':
      return 1 / (x * (1 - x));
    case 'artanh':
      return 1 / (1 - x * x);
    case 'dsigma': {
      const s = sigmoid(x);
      return s * (1 - s) * (1 - 2 * s);
    }
    case 'dtanh': {
      const t = Math.tanh(x);
      return -2 * t * (1 - t * t);
    }
    default:
      return 0;
  }
}
