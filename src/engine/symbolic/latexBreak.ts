// Breaking one printed term of a LaTeX form over lines (issue 13: no line wider than the panel). A sum is
// already broken one term per line (forms.ts renderLatex); a term that is itself too wide — a product
// holding a bracketed sum (∂L₃/∂y₃·…·(∂⁺h̃₃/∂W + ∂h̃₃/∂h₂·… + …)) or a long product (an eight-layer chain)
// — is broken here: inside its widest bracketed sum, at the sum's terms (the bracket becomes \Bigl( … \Bigr),
// as \left … \right cannot span lines of an aligned block), else between the factors of the product.
// Widths are counted in characters of the text twin (LATEX_LINE_CHARS in forms.ts): the LaTeX is read as
// the text form would print it (\frac{∂L}{∂h} as ∂L/∂h, subscripts as characters).

import { BoundedCache } from '../../display/boundedCache';

const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** The width of a LaTeX string in characters of its text twin (∂L_{1}/∂y_{1} → ∂L₁/∂y₁: 7). */
export function latexChars(latex: string): number {
  // the text twin writes a product's dot as "·", one character with no spaces
  const s = latex.replace(/ \\cdot /g, '\\cdot');
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\') {
      let j = i + 1;
      while (j < s.length && isLetter(s.charCodeAt(j))) j++;
      const name = s.slice(i + 1, j);
      if (j === i + 1) {
        // \\ , \{ \, …: one character (a line break is never inside a term)
        n += s[j] === ',' || s[j] === ' ' ? 0 : 1;
        i = j;
        continue;
      }
      i = j - 1;
      if (name === 'frac')
        n += 1; // the slash between the two groups, which are counted as they come
      else if (name === 'left' || name === 'right' || name === 'Bigl' || name === 'Bigr' || name === 'bigl' || name === 'bigr') {
        // the delimiter that follows is counted as a character; \left. is nothing
        if (s[i + 1] === '.') i++;
      } else if (name === 'cdot') n += 1;
      else if (name === 'quad') n += 2;
      else if (name === 'qquad') n += 4;
      else if (name === 'text' || name === 'mathrm' || name === 'operatorname') n += 0;
      else if (name === 'tilde' || name === 'hat' || name === 'bar' || name === 'mathbf' || name === 'mathcal' || name === 'boldsymbol')
        n += 0;
      else if (name === 'sum' || name === 'prod') n += 2;
      else if (name === 'dots' || name === 'ldots' || name === 'cdots') n += 3;
      else if (name === 'tanh' || name === 'log' || name === 'exp' || name === 'sin' || name === 'cos' || name === 'max' || name === 'min')
        n += name.length;
      else n += 1; // \partial, \sigma, \delta, \infty, \top, …
      continue;
    }
    if (c === '{' || c === '}' || c === '_' || c === '^' || c === '&') continue;
    if (c === ' ') {
      // spaces around a binary operator (" + ", " \cdot ") are the text's spaces; a lone space is a product's
      n += 1;
      continue;
    }
    n += 1;
  }
  return n;
}

/** One top-level piece of a term and the separator before it (' \cdot ', ' + ', ' - ', ' ' or ''). */
interface Piece {
  sep: string;
  s: string;
}

/** where each \left( / \right) / { / } opens or closes, to split at depth 0 only */
function depthDelta(s: string, i: number): { d: number; len: number } {
  const c = s[i];
  if (c === '{') return OPEN1;
  if (c === '}') return CLOSE1;
  if (c !== '\\') return PLAIN;
  // a command name (or an escaped character) is skipped whole: \{ is not a brace
  let j = i + 1;
  if (!isLetter(s.charCodeAt(j))) return ESCAPED;
  while (j < s.length && isLetter(s.charCodeAt(j))) j++;
  const name = s.slice(i + 1, j);
  if (name === 'left' || name === 'Bigl') return { d: 1, len: j - i + 1 };
  if (name === 'right' || name === 'Bigr') return { d: -1, len: j - i + 1 };
  return { d: 0, len: j - i };
}
const OPEN1 = { d: 1, len: 1 };
const CLOSE1 = { d: -1, len: 1 };
const PLAIN = { d: 0, len: 1 };
const ESCAPED = { d: 0, len: 2 };

/**
 * The term split at depth 0: at ' + ' / ' - ' when `sums`, else at ' \cdot ' and at the spaces between
 * juxtaposed factors (a space after a binary operator or a command, e.g. "\cdot ", is not a split).
 */
function split(s: string, sums: boolean): Piece[] {
  const out: Piece[] = [];
  let depth = 0;
  let start = 0;
  let sep = '';
  let i = 0;
  const isOp = (c: string | undefined): boolean => c === '+' || c === '-' || c === '=';
  while (i < s.length) {
    if (depth === 0 && s[i] === ' ') {
      const m = sums
        ? isOp(s[i + 1]) && s[i + 1] !== '=' && s[i + 2] === ' '
          ? s.slice(i, i + 3)
          : null
        : s.startsWith(' \\cdot ', i)
          ? ' \\cdot '
          : null;
      if (m) {
        out.push({ sep, s: s.slice(start, i) });
        sep = m;
        i += m.length;
        start = i;
        continue;
      }
      if (!sums && i > start && !isOp(s[i - 1]) && !isOp(s[i + 1])) {
        out.push({ sep, s: s.slice(start, i) });
        sep = ' ';
        i += 1;
        start = i;
        continue;
      }
    }
    const { d, len } = depthDelta(s, i);
    depth += d;
    i += len;
  }
  out.push({ sep, s: s.slice(start) });
  // Σ_{t=1}^{3} and its body stay together
  const kept: Piece[] = [];
  for (const p of out.filter((x) => x.s.length > 0)) {
    const prev = kept[kept.length - 1];
    if (prev && p.sep === ' ' && /^\\(sum|prod)(_\{[^{}]*\})?(\^\{[^{}]*\})?$/.test(prev.s)) prev.s += ' ' + p.s;
    else kept.push(p);
  }
  return kept;
}

/** The bracketed sum \left( a + b \right) as its inside, or null. */
function bracketedSum(s: string): string | null {
  if (!s.startsWith('\\left(') || !s.endsWith('\\right)')) return null;
  const inside = s.slice(6, -7);
  // the outer bracket must close at the end (not "\left(a\right) \left(b\right)")
  let depth = 0;
  for (let i = 0; i < inside.length;) {
    const { d, len } = depthDelta(inside, i);
    depth += d;
    if (depth < 0) return null;
    i += len;
  }
  return depth === 0 && split(inside, true).length > 1 ? inside : null;
}

/**
 * A term laid out in lines no wider than `width` characters, the first starting at column `col` and
 * the others at `indent` (returned without it: the caller writes the line start, e.g. "&\quad\quad").
 * One line when it fits or nothing in it can be broken.
 */
export function breakTerm(s: string, col: number, indent: number, width: number): string[] {
  // a pure function of its arguments, asked again for the same terms by the forms of one derive (the chain,
  // explicit and δ forms share their sums) and by the steps of a free-t derive: one layout per term
  const key = `${col}|${indent}|${width}|${s}`;
  return (broken.get(key) ?? broken.set(key, breakTermOnce(s, col, indent, width))).slice();
}

const broken = new BoundedCache<string[]>(2048);

function breakTermOnce(s: string, col: number, indent: number, width: number): string[] {
  // a matrix (a value) or any environment is never broken: its rows are its own
  if (col + latexChars(s) <= width || s.includes('\\begin{')) return [s];
  const factors = split(s, false);
  // the widest factor that is a bracketed sum is broken at its terms, when it is what makes the term
  // wide (a short bracket, (diag(ŷ) − ŷŷᵀ), is kept whole and the product broken around it)
  let best = -1;
  let bestChars = 0;
  factors.forEach((f, k) => {
    const c = latexChars(f.s);
    if (bracketedSum(f.s) !== null && c > bestChars) [best, bestChars] = [k, c];
  });
  if (best >= 0 && bestChars < (width - indent) / 2) best = -1;
  if (best >= 0) {
    const inner = split(bracketedSum(factors[best]!.s)!, true);
    const before = factors.slice(0, best);
    const after = factors.slice(best + 1);
    const lines = packed(before, col, indent, width);
    let last = lines.pop() ?? '';
    let c = (lines.length ? indent : col) + latexChars(last);
    last += (before.length ? factors[best]!.sep : '') + '\\Bigl(';
    c += 2;
    const innerIndent = indent + 2;
    inner.forEach((p, k) => {
      const head = k === 0 ? '' : `${p.sep.trim()} `;
      const w = latexChars(head + p.s);
      // the bracket's first term starts on a line of its own when not even its first factor fits
      const first = k === 0 && c + latexChars(split(p.s, false)[0]?.s ?? p.s) > width;
      if ((k > 0 && c + w + 1 > width) || first) {
        lines.push(last);
        last = '';
        c = innerIndent;
      } else if (k > 0) {
        last += ' ';
        c += 1;
      }
      const sub = breakTerm(head + p.s, c, innerIndent + 2, width);
      last += sub[0];
      for (const extra of sub.slice(1)) {
        lines.push(last);
        last = extra;
      }
      c = (sub.length > 1 ? innerIndent + 2 : c) + latexChars(sub[sub.length - 1]!);
    });
    last += '\\Bigr)';
    lines.push(last);
    if (!after.length) return lines;
    // what follows the bracket continues its last line, broken as a product if need be
    const tail = packed(after, c + 1, indent, width, true);
    lines[lines.length - 1] += tail[0]!;
    lines.push(...tail.slice(1));
    return lines;
  }
  return factors.length > 1 ? packed(factors, col, indent, width) : [s];
}

/** Factors packed greedily into lines (a line that cannot hold even its first factor holds it alone). */
function packed(factors: Piece[], col: number, indent: number, width: number, leadSep = false): string[] {
  const lines: string[] = [];
  let line = '';
  let c = col;
  factors.forEach((f, k) => {
    const sep = k === 0 && !leadSep ? '' : f.sep;
    const w = latexChars(sep + f.s);
    if ((k > 0 || leadSep) && line !== '' && c + w > width) {
      lines.push(line);
      // a product broken after "·" keeps the dot at the start of the next line
      line = f.sep.trim() ? `${f.sep.trim()} ${f.s}` : f.s;
      c = indent + latexChars(line);
      return;
    }
    line += sep + f.s;
    c += w;
  });
  lines.push(line);
  return lines;
}
