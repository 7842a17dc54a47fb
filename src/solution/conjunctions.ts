// `A = B \quad y \quad C = D`: a Spanish solution's "and" (y; Portuguese and Italian e, French et, German und, Russian
// и) typed bare between two spacings, outside \text. Read as math it was a factor of the next equation ("y is a
// sequence", or the target y times it); a word set apart by spacing on both sides is the conjunction, blanked (same
// length, every offset kept) so the two equations are two claims, as with \text{y}. A letter between spacings is no
// factor of anything: no product is written with \quad around one of its factors.

/** spacing, a conjunction (bare or upright), spacing */
const BETWEEN_SPACES =
  /(\\q?quad(?![A-Za-z])|\\[,;]|~)(\s*)(?:\\(?:mathrm|textrm|mathit)\s*\{\s*(?:y|e|et|und|и)\s*\}|(?<![\p{L}\\])(?:y|e|et|und|и)(?!\p{L}))(\s*)(?=\\q?quad(?![A-Za-z])|\\[,;]|~)/gu;

/** `text` with each conjunction between spacings blanked, same length; the text itself when none */
export function conjunctions(text: string): string {
  if (!/quad|\\[,;]|~/.test(text)) return text;
  return text.replace(BETWEEN_SPACES, (whole: string, open: string) => open + ' '.repeat(whole.length - open.length));
}
