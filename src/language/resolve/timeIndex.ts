// Time indices as written: t, t±k, a step number, T, T±k, a Σ/∏ variable or a free index, and sums and
// differences of them (o_{T+t-i}, h_{t-k}) — LANGUAGE.md §3.

import type { Ast } from '../ast';
import { makeIdx } from '../idx';
import type { Idx, IdxTerm } from '../model';
import { EPOCH_N } from './epochSteps';

/** a linear form k + Σ coef·var, as read from the text */
interface Linear {
  k: number;
  coefs: Map<string, number>;
}

function linear(a: Ast, vars: Set<string>, T: number): Linear | null {
  if (a.k === 'num') return Number.isInteger(a.value) ? { k: a.value, coefs: new Map() } : null;
  if (a.k === 'name' && !a.sub && !a.sup) {
    if (vars.has(a.raw)) return { k: 0, coefs: new Map([[a.raw, 1]]) };
    // Goodfellow et al. write the last step τ (h^{(τ)}), deeplearning.ai T_x (the input's length, the steps the network
    // runs); unless a Σ/∏ binds it, it is T
    if (isLastStep(a.raw, vars)) return { k: T, coefs: new Map() };
    if (a.raw === 'n_0' && vars.has(EPOCH_N)) return { k: 0, coefs: new Map() };
    return null;
  }
  if (a.k === 'neg') {
    const x = linear(a.a, vars, T);
    return x && { k: -x.k, coefs: new Map([...x.coefs].map(([v, c]) => [v, -c])) };
  }
  if (a.k === 'bin' && (a.op === '+' || a.op === '-')) {
    const x = linear(a.a, vars, T);
    const y = linear(a.b, vars, T);
    if (!x || !y) return null;
    const sign = a.op === '+' ? 1 : -1;
    const coefs = new Map(x.coefs);
    for (const [v, c] of y.coefs) coefs.set(v, (coefs.get(v) ?? 0) + sign * c);
    return { k: x.k + sign * y.k, coefs };
  }
  return null;
}

/** the index `a` denotes, with the variables in scope; null when it is not a time index */
export function tryTimeIndex(a: Ast, vars: Set<string>, T: number): Idx | null {
  const simple = simpleIndex(a, vars, T);
  return simple !== undefined ? simple : generalIndex(a, vars, T);
}

/**
 * tryTimeIndex for the indices most often written (issue 11: every indexed name of every equation and
 * question is read here): a step number, a variable, T, and one of these plus or minus a number (t-1, T+1),
 * with no Map per term. undefined for anything else (generalIndex reads it); the same Idx as generalIndex
 * where it answers (test/language/timeIndex.test.ts holds them equal).
 */
function simpleIndex(a: Ast, vars: Set<string>, T: number): Idx | null | undefined {
  if (a.k === 'bin' && (a.op === '+' || a.op === '-') && a.b.k === 'num' && (a.a.k === 'num' || a.a.k === 'name')) {
    const x = simpleIndex(a.a, vars, T);
    if (x === undefined) return undefined;
    if (x === null || !Number.isInteger(a.b.value)) return null;
    const k = x.k + (a.op === '+' ? 1 : -1) * a.b.value;
    return { v: x.v, k };
  }
  if (a.k === 'num') return Number.isInteger(a.value) ? { v: null, k: a.value } : null;
  if (a.k === 'name') {
    if (a.sub || a.sup) return null;
    if (vars.has(a.raw)) return { v: a.raw, k: 0 };
    if (isLastStep(a.raw, vars)) return { v: null, k: T };
    if (a.raw === 'n_0' && vars.has(EPOCH_N)) return { v: null, k: 0 };
    return null;
  }
  return undefined;
}

/**
 * T, Goodfellow et al.'s τ, deeplearning.ai's T_x, Nielsen's L (the number of layers, with the layers as steps: a^L,
 * z^L_j): the last step (T_y, the output's length, is not always it). Only in a step's place: a bare L elsewhere is
 * a name (a loss, or an unknown one), and a question's free indices leave L out (LANGUAGE.md §3 would run it over
 * every step, which is not what δ^L means).
 */
export function isLastStep(raw: string, vars?: Set<string>): boolean {
  return (
    raw === 'T' ||
    raw === 'τ' ||
    raw === 'T_x' ||
    (raw === 'L' && (vars === undefined || vars.has(NIELSEN_L))) ||
    (raw === 'N' && vars !== undefined && vars.has(LENGTH_N)) ||
    (raw === 'n' && vars !== undefined && vars.has(LENGTH_LOWER_N)) ||
    (raw === 'n_1' && vars !== undefined && vars.has(EPOCH_N))
  );
}

/**
 * in a question's variables when it sums over the steps up to N and the file defines no N (Bishop's Σ_{n=1}^{N},
 * the sequence's length: tauStep.ts sumsToN), so that N is the last step there
 */
export const LENGTH_N = '#N';

/**
 * LENGTH_N's kin for a lowercase n: Roelants's linear RNN sums ∂ξ/∂w_x = Σ_{k=0}^{n} ∂ξ/∂s_k x_k over a sequence of
 * length n, where the language read n as a free step and the whole gradient "cut short" at n = 1, 2, 3 (probe 30)
 */
export const LENGTH_LOWER_N = '#n';

/** in a question's variables when the file defines no L, so that L may be the last step (no name can be spelled so) */
export const NIELSEN_L = '#L';

/** tryTimeIndex for any index: a linear form read term by term (exported for the tests of simpleIndex) */
export function generalIndex(a: Ast, vars: Set<string>, T: number): Idx | null {
  const l = linear(a, vars, T);
  if (!l) return null;
  const terms: IdxTerm[] = [];
  for (const [v, c] of l.coefs) {
    if (c === 0) continue;
    // each variable counts once, added or subtracted (2t is no step index)
    if (c !== 1 && c !== -1) return null;
    terms.push({ v, sign: c });
  }
  // t first, so that the common t±k keeps v = 't'
  terms.sort((p, q) => (p.v === 't' ? -1 : q.v === 't' ? 1 : 0));
  return makeIdx(null, l.k, terms);
}
