// Haykin's epoch n_0 … n_1 (Neural Networks and Learning Machines, §15.7): epochwise BPTT runs a network from time n_0
// to n_1 and writes the last step's local gradient δ_j(n_1) and the gradient's sum Σ_{n=n_0+1}^{n_1}. Where the file
// defines none of n, n_0, n_1, a question writing them reads n_1 as the last step T and n_0 as step 0 (the state before
// the first step), in a step's place only (timeIndex.ts), with an information.

import type { Range } from '../../report';
import type { Ast } from '../ast';
import { someAst } from '../ast';
import { diag } from '../diagnostics';
import type { Scope } from './scope';

/** in a question's variables where n_0 and n_1 are the epoch's ends (no name can be spelled so) */
export const EPOCH_N = '#n01';

const EPOCH_ENDS = new Set(['n_0', 'n_1']);

/** whether a question reads Haykin's n_0 or n_1 as the epoch's ends, said once in an information */
export function epochEnds(scope: Scope, st: { text: string; range: Range }, sides: Ast[]): boolean {
  // the text first: most questions write no n_ at all (includes() before the expression: it ran on every question)
  if (!st.text.includes('n_') || !/n_\{?[01]/.test(st.text) || scope.isKnown('n') || scope.isKnown('n_0') || scope.isKnown('n_1'))
    return false;
  const at = (a: Ast): boolean => a.k === 'name' && EPOCH_ENDS.has(a.raw) && !a.sub && !a.sup;
  if (!sides.some((a) => someAst(a, at))) return false;
  scope.diagnostics.push(
    diag(
      'information',
      `n_0 and n_1 are read as the epoch's first and last times, as Haykin writes them: n_1 is the last step T = ${scope.T}, n_0 the step 0 before the first`,
      st.range,
      'epoch-steps',
    ),
  );
  return true;
}

/**
 * a range's end written with the epoch's ends, `for n_0 < n < n_1` (Haykin's "for n_0 < n < n_1"): its step, n_0 ± k or
 * n_1 ± k, where the file defines none of n, n_0, n_1; null for anything else
 */
export function epochBound(a: Ast, scope: Scope): number | null {
  if (scope.isKnown('n') || scope.isKnown('n_0') || scope.isKnown('n_1')) return null;
  if (a.k === 'name' && !a.sub && !a.sup) return a.raw === 'n_0' ? 0 : a.raw === 'n_1' ? scope.T : null;
  if (a.k !== 'bin' || (a.op !== '+' && a.op !== '-') || a.b.k !== 'num' || !Number.isInteger(a.b.value)) return null;
  const end = epochBound(a.a, scope);
  return end === null ? null : end + (a.op === '+' ? a.b.value : -a.b.value);
}
