// Numbers and values as people read them, in text and in LaTeX: one behaviour for the engine's
// messages, the CLI, the hovers, inline results, the status bar and the panel.
// Imports nothing but the Report's Value type, so the webview bundle can use it too.
//
// The agreed behaviour (test/display.test.ts):
// - `digits` significant digits (clamped to 1..15), trailing zeros dropped: 0.04213, 0.5, 120;
// - plain notation for 1e-4 ≤ |x| < 1e6, else a tidy exponent: 1.23e-7, -5e12, 2e6;
// - NaN is "NaN"; ±∞ are "∞" and "-∞" (the same minus as every negative number); -0 is "0";
// - text uses the ASCII minus, so a number copied from a hover pastes back into a .rnn file; the panel
//   asks for the typographic minus (−) and gets it on the mantissa, the exponent and −∞ alike.

import type { Value } from '../report';

export interface NumberStyle {
  /** the typographic minus sign (U+2212) instead of "-" (the panel) */
  unicodeMinus?: boolean;
}

/** A number with `digits` significant digits (see the behaviour above). */
export function formatNumber(x: number, digits: number, style: NumberStyle = {}): string {
  const s = plainNumber(x, digits);
  return style.unicodeMinus ? s.replace(/-/g, '−') : s;
}

function plainNumber(x: number, digits: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '-∞';
  if (x === 0) return '0';
  const d = Math.min(15, Math.max(1, Math.round(digits)));
  const ax = Math.abs(x);
  if (ax >= 1e-4 && ax < 1e6) return plainFixed(x, d);
  const [mant, exp] = x.toExponential(d - 1).split('e');
  let m = mant!;
  if (m.includes('.')) m = m.replace(/0+$/, '').replace(/\.$/, '');
  const e = Number(exp);
  return e === 0 ? m : `${m}e${e}`;
}

/** exact powers of ten (10^22 is the last one a double holds exactly) */
const POW10: number[] = [];
for (let k = 0, v = 1; k <= 22; k++, v *= 10) POW10.push(v);

/**
 * String(Number(x.toPrecision(d))) for 1e-4 ≤ |x| < 1e6: trailing zeros dropped, never an exponent. The d
 * digits come from one multiplication by an exact power of ten (scaledDigits); only where that product
 * is too close to a rounding tie for one rounding error to be ruled out does toPrecision decide.
 */
function plainFixed(x: number, d: number): string {
  const ax = x < 0 ? -x : x;
  const r = scaledDigits(ax, d);
  if (r < 0) return slowFixed(x, d);
  let n = r;
  const e = digitsExp;
  // trailing zeros of the digits are not printed
  let dropped = 0;
  while (n % 10 === 0) {
    n /= 10;
    dropped++;
  }
  const digits = String(n);
  const sign = x < 0 ? '-' : '';
  // the d digits n·10^dropped stand for n·10^(e−d+1+dropped): the point sits after e+1 of the d digits
  const intDigits = e + 1;
  if (intDigits <= 0) return `${sign}0.${'0'.repeat(-intDigits)}${digits}`;
  const shown = d - dropped;
  if (intDigits >= shown) return sign + digits + '0'.repeat(intDigits - shown);
  return `${sign}${digits.slice(0, intDigits)}.${digits.slice(intDigits)}`;
}

/** the decimal exponent of the digits scaledDigits returned last */
let digitsExp = 0;

/**
 * The integer n with 10^(d−1) ≤ n < 10^d nearest to ax / 10^(e−d+1) (ties up, as toPrecision), its
 * exponent e in digitsExp; −1 where this fast path cannot vouch for the result: a product within its
 * rounding error of a tie (exact decimal arithmetic decides), or a result toPrecision writes with an
 * exponent (e ≥ d). ax is in [1e-4, 1e6), so every power of ten used is exact.
 */
function scaledDigits(ax: number, d: number): number {
  let e = Math.floor(Math.log10(ax));
  let scaled = scale(ax, d - 1 - e);
  // log10 may land one off next to a power of ten
  if (scaled < POW10[d - 1]!) scaled = scale(ax, d - 1 - --e);
  else if (scaled >= POW10[d]!) scaled = scale(ax, d - 1 - ++e);
  let n = Math.floor(scaled);
  const frac = scaled - n;
  // one rounding of a product: relative error ≤ 2^-53 ≈ 1.1e-16 (with room to spare)
  if (Math.abs(frac - 0.5) <= scaled * 4.5e-16) return -1;
  if (frac > 0.5) n++;
  if (n === POW10[d]) {
    n = POW10[d - 1]!;
    e++;
  }
  if (e >= d) return -1;
  digitsExp = e;
  return n;
}

const scale = (ax: number, k: number) => (k >= 0 ? ax * POW10[k]! : ax / POW10[-k]!);

/** toPrecision's fixed notation with its zeros and point stripped (where it gives an exponent, the round trip) */
function slowFixed(x: number, d: number): string {
  const s = x.toPrecision(d);
  if (s.includes('e')) return String(Number(s));
  if (!s.includes('.')) return s;
  let end = s.length;
  while (s.charCodeAt(end - 1) === 48 /* 0 */) end--;
  if (s.charCodeAt(end - 1) === 46 /* . */) end--;
  return s.slice(0, end);
}

export function isMatrix(v: Value): v is number[][] {
  return Array.isArray(v) && v.length > 0 && Array.isArray(v[0]) && !isTensor3(v);
}

/** ∂(vector)/∂(matrix): a list of matrices (LANGUAGE.md §4) */
export function isTensor3(v: Value): v is number[][][] {
  return Array.isArray(v) && v.length > 0 && Array.isArray(v[0]) && Array.isArray((v[0] as unknown[])[0]);
}

/** All entries of a value, row-major. */
export function entriesOf(v: Value): number[] {
  if (typeof v === 'number') return [v];
  if (isTensor3(v)) return v.flat(2);
  if (isMatrix(v)) return v.flat();
  return v as number[];
}

/** Whether every entry is finite. */
export function isFiniteValue(v: Value): boolean {
  return entriesOf(v).every(Number.isFinite);
}

/**
 * One line of text: 0.5, [0.1, 0.2], [[1, 2], [3, 4]]. Lists longer than `maxItems` keep their first and
 * last entries around a "…" (default: no elision, as messages and the CLI print whole values).
 */
export function valueText(v: Value, digits: number, maxItems = Infinity, style: NumberStyle = {}): string {
  return textWith(v, maxItems, (x) => formatNumber(x, digits, style));
}

function textWith(v: Value, maxItems: number, f: (x: number) => string): string {
  if (typeof v === 'number') return f(v);
  // elide before formatting: a long value costs only the entries shown
  const list = <T>(xs: readonly T[], g: (x: T) => string): string =>
    `[${elide(xs)
      .map((x) => (x === ELIDED ? '…' : g(x as T)))
      .join(', ')}]`;
  const elide = <T>(xs: readonly T[]): (T | typeof ELIDED)[] => {
    if (xs.length <= maxItems) return [...xs];
    const head = Math.ceil((maxItems - 1) / 2);
    const tail = maxItems - 1 - head;
    return [...xs.slice(0, head), ELIDED, ...xs.slice(xs.length - tail)];
  };
  if (isTensor3(v)) return list(v, (m) => list(m, (row) => list(row, f)));
  if (isMatrix(v)) return list(v, (row) => list(row, f));
  return list(v as number[], f);
}

const ELIDED = Symbol('elided');

/** A number as LaTeX: 0.5, -2, 1.5 \times 10^{-7}, \infty, -\infty, \text{NaN}. */
export function numberLatex(x: number, digits: number): string {
  return latexOf(formatNumber(x, digits));
}

/** numberLatex from the number's formatNumber text ("NaN" is only ever NaN's) */
function latexOf(s: string): string {
  if (s === 'NaN') return '\\text{NaN}';
  if (!s.includes('e')) return s.includes('∞') ? s.replace('∞', '\\infty') : s;
  const m = /^(-?[\d.]+)e(-?\d+)$/.exec(s);
  return m ? `${m[1]} \\times 10^{${m[2]}}` : s;
}

/** A value as LaTeX: a number, or a bmatrix (vectors as columns). */
export function valueLatex(v: Value, digits: number): string {
  return latexWith(v, (x) => numberLatex(x, digits));
}

/**
 * valueText (whole, ASCII minus) and valueLatex of one value with each entry formatted once (issue 11: a
 * derive's result carries both, 4,096 numbers for a 64×64 matrix). Both walk the entries row-major, so the
 * i-th number either asks for is the i-th entry.
 */
export function valueTextAndLatex(v: Value, digits: number): { text: string; latex: string } {
  if (typeof v === 'number') {
    const s = formatNumber(v, digits);
    return { text: s, latex: latexOf(s) };
  }
  // one loop per shape, strings joined as valueText and valueLatex join them (no copies of the rows)
  if (isTensor3(v)) {
    const parts = v.map((m) => matrixTextAndLatex(m, digits));
    return {
      text: `[${parts.map((p) => p.text).join(', ')}]`,
      latex: `\\left(${parts.map((p) => p.latex).join(',\\; ')}\\right)`,
    };
  }
  if (isMatrix(v)) return matrixTextAndLatex(v, digits);
  const row = rowTextAndLatex(v as number[], digits, ' \\\\ ');
  return { text: `[${row.text}]`, latex: `\\begin{bmatrix} ${row.latex} \\end{bmatrix}` };
}

function matrixTextAndLatex(m: number[][], digits: number): { text: string; latex: string } {
  let text = '[';
  let latex = '\\begin{bmatrix} ';
  for (let r = 0; r < m.length; r++) {
    const row = rowTextAndLatex(m[r]!, digits, ' & ');
    if (r > 0) {
      text += ', ';
      latex += ' \\\\ ';
    }
    text += `[${row.text}]`;
    latex += row.latex;
  }
  return { text: text + ']', latex: latex + ' \\end{bmatrix}' };
}

/** the entries of a row joined by ", " (text) and by `sep` (LaTeX) */
function rowTextAndLatex(xs: readonly number[], digits: number, sep: string): { text: string; latex: string } {
  let text = '';
  let latex = '';
  for (let i = 0; i < xs.length; i++) {
    const s = formatNumber(xs[i]!, digits);
    if (i > 0) {
      text += ', ';
      latex += sep;
    }
    text += s;
    latex += latexOf(s);
  }
  return { text, latex };
}

function latexWith(v: Value, f: (x: number) => string): string {
  if (typeof v === 'number') return f(v);
  if (isTensor3(v)) return `\\left(${v.map((m) => latexWith(m, f)).join(',\\; ')}\\right)`;
  const rows = isMatrix(v) ? v.map((r) => r.map(f).join(' & ')) : (v as number[]).map(f);
  return `\\begin{bmatrix} ${rows.join(' \\\\ ')} \\end{bmatrix}`;
}

/**
 * Whether every number of an exact value's text ("27/4000", "[1/3, 2]") is a decimal of at most six significant
 * digits (a denominator 2^a·5^b), which a value printed to six digits writes exactly: 27/4000 is 0.00675, so
 * "27/4000 ≈ 0.00675" says nothing the decimal does not (its float, 0.006750000000000001, alone would ask for it).
 */
export function isShortDecimal(exact: string): boolean {
  const entries = exact.match(/-?\d+(?:\/\d+)?/g) ?? [];
  return entries.every((e) => {
    const [n, d = '1'] = e.replace('-', '').split('/') as [string, string?];
    let den = BigInt(d);
    let twos = 0;
    let fives = 0;
    while (den % 2n === 0n) [den, twos] = [den / 2n, twos + 1];
    while (den % 5n === 0n) [den, fives] = [den / 5n, fives + 1];
    if (den !== 1n) return false;
    const scaled = (BigInt(n) * 10n ** BigInt(Math.max(twos, fives))) / BigInt(d);
    return scaled.toString().replace(/0+$/, '').length <= 6;
  });
}
