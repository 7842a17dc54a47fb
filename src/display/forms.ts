// Which derivative form is read first: one decision for the panel (src/webview/derivation.ts) and the
// hovers (src/extension/hover/hoverContent.ts), here so that neither imports the other's layer.
// Imports nothing but the Report's types, so the webview bundle can use it too.

import type { DeriveResult } from '../report';

/** A factored form of at most this many text lines can be the first form shown. */
export const FACTORED_FIRST_ROWS = 6;

/**
 * Whether the factored chain form (common prefixes pulled out, nested over the steps) is the form to
 * read first: it is short, and the chain-rule sum over paths is long (more than 4 paths, or longer
 * than the factored form) or not written at all.
 */
export function factoredFirst(forms: DeriveResult['forms']): boolean {
  const f = forms?.factored;
  if (!f) return false;
  if (f.text.split('\n').length > FACTORED_FIRST_ROWS) return false;
  const chain = forms.chain;
  return !chain || chain.text.length > f.text.length || (chain.terms?.length ?? 0) > 4;
}
