// An equation written in code — a code span (`dL/do_t = o_t - y_t`), an indented block or a plain fence — is not math
// (LANGUAGE.md §8: code is never read, as VS Code's preview shows it as code). A solution written that way read
// "0 equations" with no word why; each such block or span gets an information that says how to have it checked.
// Only code that holds a derivative and an = is taken for an equation: Python (dW = dy @ h.T) is left alone.

import type { ReadProblem } from './read';

/** dA/dB or ∂A/∂B written in plain text (not the d ending a word) */
const PLAIN_DERIVATIVE = String.raw`(?<![\p{L}\p{N}_])(?:d|∂)\s*[\p{L}\\][^\n=]*\/\s*(?:d|∂)\s*[\p{L}\\]`;
/** an = that is no comparison (==, <=, >=, !=, :=) */
const EQUALS = String.raw`(?<![<>!=:])=(?!=)`;
/** a derivative (plain, TeX's \partial or \frac{d…}, ∇) and then an =, or an = and then a derivative, on one line */
const EQUATION = new RegExp(
  String.raw`(?:${PLAIN_DERIVATIVE}|\\partial|\\frac\s*\{\s*d|∇|\\nabla)[^\n]*?${EQUALS}|${EQUALS}[^\n]*?(?:${PLAIN_DERIVATIVE}|\\partial|∇|\\nabla)`,
  'u',
);

/** at most this many informations per file: a notebook of code spans says it once per span, not without end */
export const MAX_CODE_EQUATION_NOTES = 20;

const MESSAGE =
  'not checked: an equation in code (`…` or a code block) is not read as math; to check it, write it as a display, $$ … $$, or as a check line in the ```rnn block';

/** the first line of a code block (its content from..to) that holds an equation, as a problem, or null */
export function codeBlockEquation(src: string, from: number, to: number): ReadProblem | null {
  let at = from;
  while (at < to) {
    const nl = src.indexOf('\n', at);
    const end = Math.min(to, nl < 0 ? src.length : nl);
    const line = src.slice(at, end);
    if (EQUATION.test(line)) {
      const lead = /^\s*/.exec(line)![0].length;
      return { start: at + lead, end, severity: 'information', message: MESSAGE };
    }
    at = end + 1;
  }
  return null;
}

/** the code spans of a paragraph (from..to) that hold an equation, each as a problem, at most `room` of them */
export function codeSpanEquations(src: string, from: number, to: number, room: number): ReadProblem[] {
  const text = src.slice(from, to);
  if (!text.includes('`')) return [];
  const out: ReadProblem[] = [];
  // a span opens and closes with the same run of backticks (CommonMark)
  const span = /(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g;
  for (let m = span.exec(text); m && out.length < room; m = span.exec(text))
    if (!m[2]!.includes('\n\n') && EQUATION.test(m[2]!))
      out.push({ start: from + m.index, end: from + m.index + m[0].length, severity: 'information', message: MESSAGE });
  return out;
}
