// Where each side of a one-line check is written, as the parser reads it: a solution puts a link's verdict on
// its own right side. Splitting the text at its '=' signs took in what follows the last side (a range
// `\quad \text{for } t = 2, …`, a `\text{where } o_3 = …` clause, trailing spacing) and put a failing clause's
// verdict on the main equation.
import type { Range } from '../report';
import { lex } from './lexer';
import { parse } from './parser';

/** [start, end) offsets in the line */
export type Span = [number, number];

export interface CheckSides {
  /** the right sides E₁, E₂, … of `check E₀ = E₁ = …` */
  sides: Span[];
  /** each where clause checked as an equation of its own: where it begins, and its right side */
  clauses: { start: number; side: Span }[];
}

/** the sides of `check LINE` (LINE one line, as a solution's claim is generated), or null when it does not read as a check */
export function checkSides(line: string): CheckSides | null {
  const src = 'check ' + line;
  const { tokens, errors } = lex(src);
  if (errors.length) return null;
  const parsed = parse(tokens, src);
  const [main, ...rest] = parsed.statements;
  if (!main || main.k !== 'check') return null;
  // a range on the first line only: a claim is one line, anything past it is not this check's
  const offset = (r: Range): Span | null =>
    r.line === 1 && r.endLine === 1 ? [r.column - 1 - 'check '.length, r.endColumn - 1 - 'check '.length] : null;
  const sides = [main.rhs, ...main.more].map((a) => offset(a.range));
  if (sides.some((s) => s === null || s[0] < 0)) return null;
  const clauses: CheckSides['clauses'] = [];
  for (const st of rest) {
    if (st.k !== 'check') continue;
    const lhs = offset(st.lhs.range),
      rhs = offset(st.rhs.range);
    if (lhs && rhs) clauses.push({ start: lhs[0], side: asWritten(line, rhs) });
  }
  return { sides: (sides as Span[]).map((s) => asWritten(line, s)), clauses };
}

/**
 * a side's span with the commands that open it (`\boldsymbol{V}`, `\left(`, whose tokens begin at `V` and `(`) and
 * the braces they leave open: what the student wrote, from just after its '='
 */
function asWritten(line: string, [a, b]: Span): Span {
  for (;;) {
    // the spaces before a, then the command or brace that ends there: read backwards from a (a regex over the line
    // before each side was quadratic in a chain of thousands of links)
    let e = a;
    while (e > 0 && /\s/.test(line[e - 1]!)) e--;
    const open = /(?:\{|\\[A-Za-z]+\*?)$/.exec(line.slice(Math.max(0, e - 64), e));
    // spacing before a side (`= \quad x`) is layout, not the side's
    if (!open || /^\\(?:q?quad|hspace|enspace|hfill|text)\b/.test(open[0])) break;
    a = e - open[0].length;
  }
  let depth = 0;
  for (const c of line.slice(a, b)) depth += c === '{' ? 1 : c === '}' ? -1 : 0;
  for (let k = b; depth > 0 && k < line.length; k++) {
    if (line[k] === '}') {
      depth--;
      b = k + 1;
    } else if (line[k] !== ' ') break;
  }
  return [a, b];
}
