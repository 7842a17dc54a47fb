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
