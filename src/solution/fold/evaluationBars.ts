// Evaluation bars (\left. … \right|_{t=3}, \Big|_{t=T}): the step bound in the expression they close, or why the
// bar does not read.

import { startsNewClaim } from './claims';
import { blank, claimStart, edited, sideStart } from './rows';
import { commaStartsClaim } from './separators';
import type { FoldState } from './state';

/** delimiter sizes a bar may be written with: `\big|`, `\Big|`, `\bigg|`, `\Bigg|` (and their l/r/m forms) */
const BIG = /^[bB]igg?[lrm]?$/;

/** a step an evaluation bar binds: 3, T, T-1, and Goodfellow's τ (the last step, as the language reads it) */
const BAR_STEP = /^(?:\d+|(?:T|τ|\\tau)(?:\s*[-+−]\s*\d+)?)$/;

/**
 * `_{t=3}` after an evaluation bar at j: the variable and the step it binds, where the bar ends; a subscript that
 * binds no step (`|_{t=1..3}`, `|_{θ=θ_0}`) is refused by name; no `_`: not a bar (null)
 */
export function evaluationBar(
  text: string,
  j: number,
  end: number,
): { variable: string; value: string; end: number } | { step: string; end: number } | { refused: string; end: number } | null {
  const m = /^\s*_\s*(?:\{([^{}]*)\}|([A-Za-z0-9]))/.exec(text.slice(j, Math.min(end, j + 60)));
  if (!m) return null;
  const sub = (m[1] ?? m[2]!).trim();
  const bind = /^([A-Za-z])\s*=\s*(.+)$/.exec(sub);
  const value = bind?.[2]!.replace(/\s+/g, '').replace('−', '-');
  // CS230's ∂L^{(T)}/∂W|_{(t)}, CS224n's ∂J/∂W_h|_{(i)}: the gradient by the step-t copy of a shared weight, no
  // evaluation bar — the language reads it (resolve/stepCopy.ts)
  if (/^\(\s*(?:[A-Za-z](?:\s*[-+−]\s*\d+)?|\d+)\s*\)$/.test(sub)) return null;
  // a step alone, |_{t}, |_{t+1}, |_{2}: the step of a derivative by a quantity written without one (stepDenominator)
  if (!bind && BAR_ALONE.test(sub)) return { step: sub.replace(/\s+/g, '').replace('−', '-'), end: j + m[0].length };
  if (!bind || !BAR_STEP.test(value!))
    return { refused: `an evaluation bar |_{${sub}} (only a step is read: |_{t=3}, |_{t=T})`, end: j + m[0].length };
  return { variable: bind[1]!, value: value!, end: j + m[0].length };
}

/** a step written alone under a bar: t, t±k, a number, T, T±k */
const BAR_ALONE = /^(?:\d+|[tT](?:\s*[-+−]\s*\d+)?)$/;

/** a derivative's denominator by a name with no step: `{\partial h}`, `{\partial \mathbf{h}}`, `/∂h` (not `∂h_t`) */
const BARE_DENOMINATOR =
  /(?:\{\s*(?:\\partial(?![A-Za-z])|∂|\\mathrm\s*\{\s*d\s*\}|d)\s*(?:\\(?:mathbf|boldsymbol|bm|mathit|vec)\s*\{\s*[A-Za-z]\s*\}|[A-Za-z])\s*(?=\})|\/\s*(?:\\partial(?![A-Za-z])|∂)\s*(?:\\(?:mathbf|boldsymbol|bm|mathit|vec)\s*\{\s*[A-Za-z]\s*\}|[A-Za-z])(?![A-Za-z_^{]))/g;

/**
 * `\left.\frac{∂𝓛}{∂h}\right|_{t}` (a student's "∂𝓛/∂h at step t"): chars[from…] is one derivative by a name written
 * with no step, which gets the bar's step, as ∂𝓛/∂h_t; null, or why not when the expression has no such derivative or
 * more than one (a step alone under any other expression names nothing to put it on)
 */
export function stepDenominator(chars: string[], at: number[], from: number, step: string, shifts: Shifts): string | null {
  const expr = chars.slice(from).join('');
  const found = [...expr.matchAll(BARE_DENOMINATOR)];
  if (found.length !== 1)
    return `an evaluation bar |_{${step}} with a step alone (read under one derivative by a quantity written without its step, ∂L/∂h|_{${step}} for ∂L/∂h_{${step}}; a step bound to a letter is |_{t=3})`;
  const k = from + found[0]!.index! + found[0]![0].length;
  const put = `_{${step}}`.split('');
  chars.splice(k, 0, ...put);
  at.splice(k, 0, ...put.map(() => at[k - 1]!));
  shiftPlaces(shifts, k - 1, put.length);
  return null;
}

/**
 * The evaluated expression chars[from…] with its free step bound: every standalone `variable` (a letter with no
 * letter or backslash before it and no letter after it) becomes `{value}` at that letter's offset; null, or why
 * not when a Σ or ∏ in it binds the same letter
 */
function bindStep(chars: string[], at: number[], from: number, variable: string, value: string, shifts: Shifts): string | null {
  const expr = chars.slice(from).join('');
  if (new RegExp(`(?:sum|prod|Σ|∏|∑)\\s*_\\s*\\{?\\s*${variable}(?![A-Za-z])`).test(expr))
    return `an evaluation bar |_{${variable}=${value}} over a Σ or ∏ that binds ${variable} itself`;
  const letter = (s: string | undefined) => s !== undefined && /^[A-Za-z\\]$/.test(s);
  for (let k = chars.length - 1; k >= from; k--) {
    if (chars[k] !== variable || letter(chars[k - 1]) || (chars[k + 1] !== undefined && /^[A-Za-z]$/.test(chars[k + 1]!))) continue;
    const put = `{${value}}`.split('');
    chars.splice(k, 1, ...put);
    at.splice(k, 1, ...put.map(() => at[k]!));
    shiftPlaces(shifts, k, put.length - 1);
  }
  return null;
}

/** places in the folded characters that move when characters are inserted before them */
interface Shifts {
  breaks: number[];
  lefts: { at: number }[];
  groups: number[];
}

/** `by` characters were inserted at k: every row break, `\left` and open group after k moves with them */
function shiftPlaces(s: Shifts, k: number, by: number): void {
  for (let n = 0; n < s.breaks.length; n++) if (s.breaks[n]! > k) s.breaks[n]! += by;
  for (const l of s.lefts) if (l.at > k) l.at += by;
  for (let n = 0; n < s.groups.length; n++) if (s.groups[n]! > k) s.groups[n]! += by;
}

/** what may follow the bar that ends an equation: space, a label, a remark in text, punctuation, an environment's end, alignment */
const EQUATION_TAIL =
  /^(?:\s|&|[,.;，。；．、]|\\[,;:! ]|\\q?quad(?![A-Za-z])|\\(?:tag\*?|label|text|textrm|mbox)\s*\{[^{}]*\}|\\(?:nonumber|notag)(?![A-Za-z])|\\end\s*\{[^{}]*\}|\(\s*[0-9a-z.]{1,12}\s*\))*/;

/**
 * whether a bar ending at j ends its equation: nothing but layout follows to the display's end, or to a row break
 * after which a new equation (or nothing) begins — not a later side of the same chain (`\\ &= …`)
 */
function barEndsEquation(text: string, j: number, end: number): boolean {
  const rest = text.slice(j, Math.min(end, j + 400));
  const tail = EQUATION_TAIL.exec(rest)![0].length;
  if (j + tail >= end) return true;
  const brk = /^(?:\\\\(?:\s*\[[^\]\n]{0,20}\])?|\\newline(?![A-Za-z]))/.exec(rest.slice(tail));
  // `A = B \Big|_{t=T}, \qquad C = D`: a second equation on the row, after a comma or a space (as the fold splits them)
  if (!brk) return /[,;]|\\q?quad/.test(rest.slice(0, tail)) && commaStartsClaim(text, j + tail, end);
  const next = rest.slice(tail + brk[0].length);
  const row = next
    .slice(0, next.search(/\\\\|$/))
    .replace(/&/g, ' ')
    .replace(/\\end\s*\{[^{}]*\}/g, ' ');
  return row.trim() === '' || startsNewClaim(row);
}

/**
 * an evaluation bar `|_{t=3}` at j (the bar's own text before it): bind its step in chars[from…], or refuse. A bar
 * with no `\left.` (`opened` false) that ends its equation binds the whole equation, every side of a chain: a
 * teacher reads `∂L/∂o_t = -2(y_t - o_t)\Big|_{t=3}` at t = 3 on both sides (session 16: the left side's t stayed
 * free and the claim failed at t = 1)
 */
export const evaluate = (fold: FoldState, from: number, j: number, opened: boolean, pair = false): boolean => {
  const bar = evaluationBar(fold.text, j, fold.end);
  if (!bar) return false;
  if ('refused' in bar) fold.unread ??= bar.refused;
  else if ('step' in bar) {
    // `\left.\frac{∂𝓛}{∂h}\right|_{t}`: the derivative by h at step t, ∂𝓛/∂h_t (a `\left| … \right|_2` closes a
    // norm's or an absolute value's pair: no bar to read a step from)
    fold.unread ??= pair
      ? `an evaluation bar |_{${bar.step}} (only a step is read: |_{t=3}, |_{t=T})`
      : stepDenominator(fold.chars, fold.at, from, bar.step, { breaks: fold.breaks, lefts: fold.lefts, groups: fold.groups });
    edited(fold);
  } else {
    const whole = !opened && barEndsEquation(fold.text, bar.end, fold.end) ? claimStart(fold) : from;
    // a Σ/∏ of another side that binds the bar's letter: the bar keeps to its own side
    const shifts = { breaks: fold.breaks, lefts: fold.lefts, groups: fold.groups };
    const refused = whole < from ? bindStep(fold.chars, fold.at, whole, bar.variable, bar.value, shifts) : 'side';
    if (refused) fold.unread ??= bindStep(fold.chars, fold.at, from, bar.variable, bar.value, shifts);
    edited(fold);
  }
  blank(fold, fold.i, bar.end);
  fold.i = bar.end;
  return true;
};

export const barCommand = (fold: FoldState, word: string | undefined): boolean => {
  // `\left. ∂L/∂o_t \right|_{t=3}`, `… \Big|_{t = T}`: the expression at that step (session 15: "expected '='
  // … found '|'"). The lexer reads `\left.` as nothing; its place bounds the expression the bar evaluates
  if (word === 'left') {
    fold.lefts.push({ dot: /^\\left\s*\./.test(fold.text.slice(fold.i, fold.i + 8)), at: fold.chars.length });
  } else if (word === 'right' || (word && BIG.test(word))) {
    const delim = /^\\[A-Za-z]+\s*(\\[lr]?vert(?![A-Za-z])|\|)/.exec(fold.text.slice(fold.i, Math.min(fold.end, fold.i + 16)));
    const open = word === 'right' ? fold.lefts.pop() : undefined;
    if (
      delim &&
      evaluate(fold, open?.dot ? open.at : sideStart(fold), fold.i + delim[0].length, !!open?.dot, open !== undefined && !open.dot)
    )
      return true;
  }
  return false;
};
