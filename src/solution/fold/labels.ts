// Labels written as text beside an equation: `(3)`, `(eq. 3)`, \textbf{(a)}, read from a line of their own.

/**
 * an equation number in parentheses: (5), (3.2), (4b), (a), (iv); also (3'), an appendix's (A.3), a part's (a5) and a symbol,
 * (\star), (\ast), (*), (\dagger) (session 29: `\qquad (2')` was a factor 2ᵀ, `(\star)` an unknown command)
 */
export const LABEL =
  /^\(\s*((?:\d+(?:\.\d+)*[a-z]?'*)|[A-Za-z]\.?\d+(?:\.\d+)*|[a-z]'*|[ivx]+|\\(?:star|ast|dagger|ddagger)|[*⋆∗†‡])\s*\)$/;

/** prose commands a label may be written in: `\quad \text{(5)}`, `\textbf{(7)}` */
const LABEL_TEXT = String.raw`\\(?:text|textbf|textrm|textit|textup|textnormal|mathrm|mathbf|mbox)\s*`;

/** a label's content: 5, 3.2, 4b, a, iv — also `Eq. 8` */
export const LABEL_BODY = String.raw`(?:eq\.?\s*)?(\d+(?:\.\d+)*[a-z]?|[a-z]|[ivx]+)`;

/**
 * labels written in other ways at the end of a row (session 14: `\textbf{(7)}` and `[6]` were read as factors of
 * the right side and a right equation failed; `\hfill (3)`, `\eqno(4)`, `(\text{a})` did not read)
 */
const WRITTEN_LABELS = [
  // plain TeX's \eqno (3) and \leqno
  new RegExp(String.raw`\\l?eqno\s*(?:\(\s*${LABEL_BODY}\s*\)|${LABEL_BODY})\s*$`, 'i'),
  // \text{(5)}, \textbf{(Eq. 7)} after a space
  new RegExp(String.raw`(?:^|(?<=\s|quad|hfill))${LABEL_TEXT}\{\s*\(\s*${LABEL_BODY}\s*\)\s*\}\s*$`, 'i'),
  // (\text{a})
  new RegExp(String.raw`(?<=\s|quad|hfill)\(\s*${LABEL_TEXT}\{\s*${LABEL_BODY}\s*\}\s*\)\s*$`, 'i'),
  // UnicodeMath's equation number, `h_t=tanh⁡(…)#(1)` (Word's linear format; `\#\left(1\right)` in its LaTeX): `#`
  // sets the number Word prints at the right margin
  new RegExp(
    String.raw`\\?#\s*(?:\\left\s*)?\(\s*((?:\d+(?:\.\d+)*[a-z]?'*)|[A-Za-z]\.?\d+(?:\.\d+)*|[a-z]|[ivx]+)\s*(?:\\right\s*)?\)\s*$`,
  ),
  // \quad [6]: brackets only after \quad (a vector literal is no label)
  new RegExp(String.raw`\\q?quad\s*\[\s*${LABEL_BODY}\s*\]\s*$`, 'i'),
];

export function writtenLabel(s: string): { text: string; start: number } | null {
  for (const re of WRITTEN_LABELS) {
    const m = re.exec(s);
    if (m) return { text: m[1]!, start: m.index };
  }
  return null;
}
