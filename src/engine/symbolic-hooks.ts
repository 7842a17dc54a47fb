// The symbolic engine, as the questions and the quantity reports use it.
import type { Model } from '../language/model';
import type { PartialFormHook } from './graph';
import type { SymbolicHook } from './questions';
import type { Run } from './run';

export function symbolicHooks(_model: Model, _run: Run): { derive: SymbolicHook; partial: PartialFormHook } | null {
  return null;
}
