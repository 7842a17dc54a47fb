// Values as a row writes them after a sign: a number, a fraction, a literal vector or matrix (transposed too), a
// letter alone; the rest of a row and the length of a row's tail read in constant time.

/** implications between two statements: each side is a claim of its own */
export const IMPLIES = new Set([
  'Rightarrow',
  'implies',
  'Longrightarrow',
  'iff',
  'Leftrightarrow',
  'Longleftrightarrow',
  'therefore',
  'because',
]);

/**
 * how much of a row's end the tests of how it ends read (a number, a remark's subject, a range's `t = 1`): each ends
 * in a few dozen characters, and reading the whole row at each of thousands of terms was quadratic
 */
export const TAIL = 200;

/** a number as a solution writes a rounded value: -0.193, 4.21 \times 10^{-2} */
export const WRITTEN_VALUE =
  /^[-−]?\s*(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?(?:\s*(?:\\times|\\cdot|×|·)\s*10\s*\^\s*(?:\{\s*[-−]?\s*\d+\s*\}|[-−]?\d))?$/;

/** one letter, as written (γ, \gamma, k): a range's or binding's variable, or a constant's name */
export const LETTER = String.raw`(?:[A-Za-z]|\\[A-Za-z]+|[α-ωΑ-Ω])`;

/** a number no step can be: a fraction of two whole numbers or a decimal (`\frac{1}{4}`, `1/4`, `0.25`) */
export const FRACTION = String.raw`(?:\\[dt]?frac\s*\{\s*\d+\s*\}\s*\{\s*\d+\s*\}|\d+\s*\/\s*\d+|\d*\.\d+)`;

/** prose after a written value: a text command (in parentheses or not) or an implication */
export const REMARK_AFTER_VALUE = new RegExp(
  String.raw`(?:\(\s*)?\\(?:text|textrm|textit|textup|textnormal|textbf|mbox|emph)(?![A-Za-z])|\\(?:${[...IMPLIES].join('|')})(?![A-Za-z])|[⇒⟹∴]` +
    // a constant defined after the value, `≈ [0.07, …], \quad θ = 0.1` (a claim of its own: commaStartsClaim)
    String.raw`|,\s*(?:\\q?quad\s*)?${LETTER}\s*=\s*(?:${FRACTION}|\d+)\s*$`,
);

/** the row from i as writtenValueFollows reads it: up to a row break or \tag, without a remark, a label or punctuation after it */
export function rowRest(text: string, i: number, end: number): string {
  let rest = text.slice(i, Math.min(end, i + 200));
  const stop = /\\\\|\\(?:tag|label|nonumber|notag)(?![A-Za-z])/.exec(rest);
  if (stop) rest = rest.slice(0, stop.index);
  // a remark or a reason after the value (`≈ -0.08 \quad \text{(since } h_0 = 0\text{)}`, `(\text{as …})`, `\implies …`)
  // is read on its own: the value ends before it
  const remark = REMARK_AFTER_VALUE.exec(rest);
  if (remark) rest = rest.slice(0, remark.index).replace(/(?:\\q?quad|\\hfill|\\[,;: ]|\s)*$/, '');
  return withDecimalPoint(rest)
    .replace(/\\q?quad\s*\(\s*\d+[a-z]?\s*\)\s*$/, '')
    .replace(/\\[,;! ]/g, ' ')
    .replace(/[,.;]?\s*$/, '')
    .trim();
}

/** a transpose written after a literal: ^T, ^\top, ^{\top}, ^\intercal, ^⊤, ᵀ */
const LITERAL_TRANSPOSE =
  /^\s*(?:\^\s*(?:\{\s*(?:T|\\top|\\intercal|\\mathsf\s*\{\s*T\s*\}|⊤)\s*\}|T(?![A-Za-z])|\\top(?![A-Za-z])|\\intercal(?![A-Za-z])|⊤)|ᵀ)/;

/**
 * a vector or matrix of written values at i (after spaces): `\begin{bmatrix} 0.46 \\ 0 \end{bmatrix}` (pmatrix, matrix), or
 * `(0.46, 0)`, `[0.46, 0]` with two entries or more, each optionally transposed; where it ends, or −1
 */
export function writtenLiteral(text: string, i: number, end: number): number {
  const stop = Math.min(end, i + 2000);
  let j = i;
  while (j < stop && /\s/.test(text[j]!)) j++;
  const entries = (body: string, sep: RegExp) =>
    body.split(sep).every((e) => WRITTEN_VALUE.test(withDecimalPoint(e.replace(/\\[,;! ]/g, ' ').trim())));
  let after = -1;
  const env = /^\\begin\s*\{\s*([bp]?matrix)\s*\}/.exec(text.slice(j, stop));
  if (env) {
    const close = new RegExp(String.raw`\\end\s*\{\s*${env[1]}\s*\}`).exec(text.slice(j + env[0].length, stop));
    if (!close) return -1;
    // a trailing `\\` before \end ends the last row, no row of its own
    const body = text.slice(j + env[0].length, j + env[0].length + close.index).replace(/\\\\\s*$/, '');
    if (!entries(body, /\\\\|&/)) return -1;
    after = j + env[0].length + close.index + close[0].length;
  } else if (text[j] === '(' || text[j] === '[') {
    const closer = text[j] === '(' ? ')' : ']';
    const k = text.indexOf(closer, j + 1);
    if (k < 0 || k >= stop) return -1;
    const body = text.slice(j + 1, k);
    if (!body.includes(',') || !entries(body, /,/)) return -1;
    after = k + 1;
  } else return -1;
  const t = LITERAL_TRANSPOSE.exec(text.slice(after, stop));
  return t ? after + t[0].length : after;
}

/** a written value's decimal comma (0{,}5, or one bare one that is no thousands separator) as a decimal point */
function withDecimalPoint(s: string): string {
  const braced = s.replace(/(\d)\{,\}(?=\d)/g, '$1.');
  return braced.replace(/^(\s*[-−]?\s*(\d+)),(\d+)(?![\d,])/, (all, head: string, whole: string, fraction: string) =>
    fraction.length === 3 && whole !== '0' ? all : `${head}.${fraction}`,
  );
}

/** a Greek letter as written (\gamma, γ), but τ (Goodfellow's last step, a Σ's variable) */
export const GREEK_CONSTANT = /^(?:\\(?!tau$)[a-z]+|(?!τ)[α-ωΑ-Ω])$/;

/** a whole number, as a constant's value */
export const WHOLE = /^\d+$/;

export const LONE_LETTER = new RegExp(`^${LETTER}$`);

export const NON_INTEGER = new RegExp(`^${FRACTION}$`);
