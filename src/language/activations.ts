// The activations whose derivative the language writes with a prime (LANGUAGE.md §4: σ', tanh', relu'):
// one table of activation → derivative, read by the check hints that put σ' for σ, swap σ' and tanh', or
// name a textbook's diag(σ'(…)) (check/factorEdit.ts, check/localFactor.ts, check/textbook.ts).

import type { Fn } from './model';

export type Activation = 'sigma' | 'tanh' | 'relu';
export type ActivationPrime = 'dsigma' | 'dtanh' | 'drelu';

export interface ActivationInfo {
  /** the function its derivative is */
  prime: ActivationPrime;
  /** the derivative as a sheet writes it */
  written: string;
  /** its Jacobian of a vector step, as textbooks write it, of the quantity named x (diag(1 − s²) for s = tanh(…)) */
  matrix: (x: string) => string;
}

export const ACTIVATIONS: Readonly<Record<Activation, ActivationInfo>> = {
  tanh: { prime: 'dtanh', written: "tanh'", matrix: (x) => `diag(1 − ${x}²)` },
  sigma: { prime: 'dsigma', written: "σ'", matrix: () => 'diag(σ(1 − σ))' },
  relu: { prime: 'drelu', written: "relu'", matrix: () => "diag(relu')" },
};

/** the table's entry for fn, when fn is one of its activations */
export function activation(fn: Fn | string): ActivationInfo | undefined {
  return Object.prototype.hasOwnProperty.call(ACTIVATIONS, fn) ? ACTIVATIONS[fn as Activation] : undefined;
}

/** the activation whose derivative fn is (dsigma → sigma), when it is one */
export function unprimed(fn: Fn | string): Activation | undefined {
  for (const [a, info] of Object.entries(ACTIVATIONS) as [Activation, ActivationInfo][]) if (info.prime === fn) return a;
  return undefined;
}
