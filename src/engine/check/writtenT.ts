// A step the student wrote as T (h_T, c_{T-1}, p^{(T)}) is resolved to its number before the engine sees it
// (model.ts: "the horizon T is already resolved"), so a hint's edit printed from the tree said o_4 where the
// check writes o_T. A hint names a value as the student writes it: steps T and T − 1 print as T and T−1 when the
// check's own text writes a step T (LANGUAGE.md is silent; docs/language-notes.md "mistakes18b").

import type { Expr } from '../../language/model';
import { exprText } from '../../language/print';
import { mapChildren } from '../../language/resolve';

/** the check's text writes a step T: h_T, h_{T-1}, p^{(T)}, y^{⟨T⟩} (not ^T, a transpose, nor a Σ's bound ^{T}) */
export function writesStepT(text: string): boolean {
  return /(_\{?|\(|⟨|<)\s*T(?![A-Za-z0-9_'])/.test(text);
}

/** e with the steps T (and T − 1 when the text writes it) relabelled as T for printing; never evaluated */
function relabelled(e: Expr, T: number, minusOne: boolean): Expr {
  const at = (k: number) => k === T || (minusOne && k === T - 1);
  const idx = <I extends { v: string | null; k: number; terms?: unknown[] }>(i: I): I =>
    i.v === null && !i.terms?.length && at(i.k) ? { ...i, v: 'T', k: i.k - T } : i;
  const go = (x: Expr): Expr => {
    if (x.k === 'ref') return x.idx ? { ...x, idx: idx(x.idx) } : x;
    if (x.k === 'deriv') return { ...x, of: go(x.of), wrt: x.wrt.idx ? { ...x.wrt, idx: idx(x.wrt.idx) } : x.wrt };
    return mapChildren(x, go);
  };
  return go(e);
}

/**
 * how a hint prints a value of this check: exprText, with the steps the check writes as T printed so; `aliases`: a
 * derivative the solution names (δ_t for ∂E/∂h_t) printed by that name, as the check writes it ("the term δ_t x_t
 * leaves out …", not "∂E/∂h_t x_t"), where the hint names a term whole and edits nothing inside a derivative
 */
export function printerFor(text: string | undefined, T: number, aliases = false): (e: Expr) => string {
  const named = aliases ? aliased : (e: Expr) => e;
  if (!text || !writesStepT(text)) return aliases ? (e) => exprText(named(e)) : exprText;
  const minusOne = /T\s*[-−]\s*1(?![0-9])/.test(text);
  return (e) => exprText(relabelled(named(e), T, minusOne));
}

/** e with each derivative the solution names by a letter (its alias) as that name; never evaluated */
function aliased(e: Expr): Expr {
  if (e.k === 'deriv') return e.alias ? { k: 'ref', name: e.alias.name, idx: e.alias.idx, shape: e.shape, range: e.range } : e;
  return mapChildren(e, aliased);
}
