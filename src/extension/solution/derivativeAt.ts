// The derivative under the cursor in a solution's display math, as written:
// `\frac{\partial \mathcal{L}}{\partial h_2}` (also \dfrac, \tfrac, \cfrac, and d/d), `∂L/∂h_2`,
// `\partial L / \partial h_2`, `∂⁺h_t/∂h_{t-1}`, the physics package's `\pdv{L}{h_2}` and `\dv{L}{h_2}` (handed on as the
// \frac they print, which the solution reader reads them as: solution/physics.ts). The innermost one wins (a derivative inside
// another's numerator). The text is handed to analyze() as `derive TEXT`, which reads every
// one of these spellings (LANGUAGE.md §1, §4). Pure (no 'vscode').

export interface FoundDerivative {
  /** the derivative's source text */
  text: string;
  /** offsets into the searched text, end exclusive */
  start: number;
  end: number;
}

/** characters searched either side of the cursor */
const WINDOW = 2000;
const FRAC = /\\[dtc]?frac\s*\{/g;
const PARTIAL = /∂|\\partial(?![A-Za-z])/g;
const PDV = /\\(p?d)v(?![A-Za-z])\s*(?:\[\s*1\s*\]\s*)?\{/g;
const D_START = /^(?:\\partial(?![A-Za-z])|∂|d(?![A-Za-z]{2})|\\mathrm\s*\{\s*d\s*\})/;

/** Index just past the group opened at `open` (a `{` or `(`), or -1 if it never closes. */
function closeOf(text: string, open: number, limit: number): number {
  const o = text[open]!;
  const c = o === '{' ? '}' : ')';
  let depth = 0;
  for (let i = open; i < limit; i++) {
    const ch = text[i];
    if (ch === '\\' && text[i + 1] === o) {
      i++;
      continue;
    }
    if (ch === o) depth++;
    else if (ch === c && --depth === 0) return i + 1;
  }
  return -1;
}

function skipSpace(text: string, i: number, limit: number): number {
  while (i < limit && /\s/.test(text[i]!)) i++;
  return i;
}

/**
 * One operand of a slash derivative: a parenthesised group, or a name as a solution writes it —
 * commands with their brace groups (\mathcal{L}, \tilde{h}), letters, primes, and any `_`/`^` indices.
 * Returns the index just past it, or -1.
 */
function operandEnd(text: string, i: number, limit: number): number {
  i = skipSpace(text, i, limit);
  if (text.startsWith('^+', i) || text.startsWith('^{+}', i)) i += text[i + 1] === '{' ? 4 : 2;
  else if (text[i] === '⁺') i++;
  i = skipSpace(text, i, limit);
  if (text[i] === '(') return closeOf(text, i, limit);
  const start = i;
  for (;;) {
    const cmd = /^\\[A-Za-z]+\s*/.exec(text.slice(i, Math.min(limit, i + 40)));
    if (cmd && !/^\\(partial|cdot|frac|dfrac|tfrac|cfrac|left|right)\b/.test(cmd[0])) {
      i += cmd[0].length;
      while (text[i] === '{') {
        const e = closeOf(text, i, limit);
        if (e < 0) return -1;
        i = e;
      }
      continue;
    }
    if (i < limit && /[\p{L}\p{M}0-9'′]/u.test(text[i]!)) {
      i++;
      continue;
    }
    if (i < limit && (text[i] === '_' || text[i] === '^') && i > start) {
      i++;
      if (text[i] === '{' || text[i] === '(') {
        const e = closeOf(text, i, limit);
        if (e < 0) return -1;
        i = e;
      } else if (i < limit && /[\p{L}0-9]/u.test(text[i]!)) i++;
      continue;
    }
    break;
  }
  return i > start ? i : -1;
}

/** the two brace groups `{num}{den}` of a fraction-like command, the first opened at numOpen: their contents and end */
function twoGroups(text: string, numOpen: number, limit: number): { num: string; den: string; end: number } | null {
  const numEnd = closeOf(text, numOpen, limit);
  if (numEnd < 0) return null;
  const denOpen = skipSpace(text, numEnd, limit);
  if (text[denOpen] !== '{') return null;
  const end = closeOf(text, denOpen, limit);
  if (end < 0) return null;
  return { num: text.slice(numOpen + 1, numEnd - 1).trim(), den: text.slice(denOpen + 1, end - 1).trim(), end };
}

function fracAt(text: string, m: RegExpExecArray, limit: number): FoundDerivative | null {
  const g = twoGroups(text, m.index + m[0].length - 1, limit);
  if (!g || !D_START.test(g.num) || !D_START.test(g.den)) return null;
  return { text: text.slice(m.index, g.end), start: m.index, end: g.end };
}

/** `\pdv{A}{B}` (a first derivative: `\pdv[2]{…}` and `\pdv{f}{x}{y}` are second ones, no derive) as its \frac */
function physicsAt(text: string, m: RegExpExecArray, limit: number): FoundDerivative | null {
  const g = twoGroups(text, m.index + m[0].length - 1, limit);
  if (!g || text[skipSpace(text, g.end, limit)] === '{') return null;
  const d = m[1] === 'pd' ? '\\partial' : '\\mathrm{d}';
  return { text: `\\frac{${d} ${g.num}}{${d} ${g.den}}`, start: m.index, end: g.end };
}

function slashAt(text: string, start: number, afterD: number, limit: number): FoundDerivative | null {
  const aEnd = operandEnd(text, afterD, limit);
  if (aEnd < 0) return null;
  let i = skipSpace(text, aEnd, limit);
  if (text[i] !== '/') return null;
  i = skipSpace(text, i + 1, limit);
  const d = /^(?:∂|\\partial(?![A-Za-z]))/.exec(text.slice(i, i + 9));
  if (!d) return null;
  const end = operandEnd(text, i + d[0].length, limit);
  if (end < 0) return null;
  return { text: text.slice(start, end), start, end };
}

/**
 * The innermost derivative containing `offset`, searched in text[from, to) (a display equation's
 * extent, so nothing outside the math is ever read as a derivative).
 */
export function derivativeAt(text: string, offset: number, from = 0, to = text.length): FoundDerivative | null {
  // a derivative is never longer than a window around the cursor: a huge equation costs no more
  from = Math.max(from, offset - WINDOW);
  to = Math.min(to, offset + WINDOW);
  const slice = text.slice(0, to);
  let best: FoundDerivative | null = null;
  const consider = (f: FoundDerivative | null): void => {
    if (!f || f.start > offset || offset >= f.end) return;
    if (!best || f.end - f.start < best.end - best.start) best = f;
  };
  FRAC.lastIndex = from;
  for (let m = FRAC.exec(slice); m && m.index < offset + 1; m = FRAC.exec(slice)) consider(fracAt(slice, m, to));
  PDV.lastIndex = from;
  for (let m = PDV.exec(slice); m && m.index <= offset; m = PDV.exec(slice)) consider(physicsAt(slice, m, to));
  PARTIAL.lastIndex = from;
  for (let m = PARTIAL.exec(slice); m && m.index <= offset; m = PARTIAL.exec(slice)) {
    // a ∂ that is the denominator's of a slash derivative is found from its numerator's ∂
    consider(slashAt(slice, m.index, m.index + m[0].length, to));
  }
  return best;
}
