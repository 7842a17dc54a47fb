// What a reader (Markdown or LaTeX) finds in a solution file, in file offsets.
import type { Display } from './display';
import type { Severity } from '../report';

export interface Fence {
  /** the whole fenced block, fences included */
  start: number;
  end: number;
  /** its content lines (file offsets, end exclusive, newline excluded) */
  lines: { start: number; end: number }[];
  /** declares the horizon `T = …`: starts a new network */
  declaresT: boolean;
}

export interface ReadProblem {
  start: number;
  end: number;
  severity: Severity;
  message: string;
}

export interface ReadResult {
  fences: Fence[];
  displays: Display[];
  problems: ReadProblem[];
  /** inline math of prose with an `=` (inlineMath.ts): no claims, read only for the names they define */
  inline: Display[];
}

/** the display environments of LANGUAGE.md §8 (starred or not; displaymath is LaTeX's own \\[ … \\]), as a regex alternation */
export const DISPLAY_ENVS = '(?:equation|displaymath|align|aligned|split|gather|eqnarray|multline|alignat|flalign)\\*?';

/** `indexOf` for a reader that searches forward through one text: the answer for an earlier start
 *  is reused while it still lies ahead, so many unclosed openers cost linear time, not quadratic */
export function forwardSearch(src: string): (what: string | RegExp, from: number) => number {
  const found = new Map<string | RegExp, { from: number; at: number }>();
  return (what, from) => {
    const c = found.get(what);
    if (c && c.from <= from && (c.at < 0 || c.at >= from)) return c.at;
    let at: number;
    if (typeof what === 'string') at = src.indexOf(what, from);
    else {
      const re = new RegExp(what.source, 'g');
      re.lastIndex = from;
      at = re.exec(src)?.index ?? -1;
    }
    found.set(what, { from, at });
    return at;
  };
}

/**
 * Where the `\end{env}` that closes a `\begin{env}` opened before `from` starts (nested ones of the same
 * name paired on the way), or -1: not closed, or the search went past `limit` (a Markdown block's end).
 */
export function matchingEnd(find: (w: string, f: number) => number, from: number, env: string, limit = Infinity): number {
  const open = `\\begin{${env}}`,
    close = `\\end{${env}}`;
  let depth = 1;
  let i = from;
  while (i <= limit) {
    const a = find(open, i),
      b = find(close, i);
    if (b < 0) return -1;
    if (a >= 0 && a < b) {
      depth++;
      i = a + open.length;
      continue;
    }
    if (--depth === 0) return b;
    i = b + close.length;
  }
  return -1;
}
