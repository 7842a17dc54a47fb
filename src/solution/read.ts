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
}

/** the display environments of LANGUAGE.md §8 (starred or not), as a regex alternation */
export const DISPLAY_ENVS = '(?:equation|align|aligned|split|gather|eqnarray|multline|alignat|flalign)\\*?';

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
