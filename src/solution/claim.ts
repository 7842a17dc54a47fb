// A claim: one equation (or one link of a chain) of a solution, folded and placed in its network, with the limits on
// how many are read and checked.

import { LIMITS } from '../language/limits';
import type { Diagnostic } from '../report';
import type { Folded } from './display';
import type { ChainLabel } from './label';
import type { Fence } from './read';
import type { SolutionReading } from './readSolution';

/** claims checked per network: one analysis stays within the statement limit of a .rnn file */
export const MAX_CLAIMS_PER_NETWORK = Math.floor(LIMITS.maxStatements / 2);

/** reader problems (unclosed displays) listed one by one */
export const MAX_READER_PROBLEMS = 100;

/** networks analysed per file: each analysis has its own time budget */
export const MAX_NETWORKS = 20;

export interface Network {
  fences: Fence[];
  sidecar: string | null;
  start: number;
}

export interface Claim {
  text: Folded;
  /** indices into the file's displays: the first, and any that continue it */
  displays: number[];
  network: number;
  /** why it is not handed to analyze(), or why it was not judged */
  skip: string | null;
  /** skipped for the count of equations or networks: one error covers all of them */
  quiet?: boolean;
  /** stopped by a size limit (its skip names it): an unjudged claim, so an error, never a quiet "not checked" */
  limit?: boolean;
  /** generated line of its check statement */
  genLine: number;
  /** for each side after the first: its file offsets (start, end) */
  sides: { start: number; end: number }[];
  /** its where clauses checked as equations of their own: where each begins, and its right side (file offsets) */
  clauses?: { start: number; side: { start: number; end: number } }[];
  /** its own \tag in a display of several equations (align rows tagged one by one); else null */
  tag?: string | null;
  /** it is one of several equations of its display: only its own rows' labels are its (session 14: an align's
   *  one \tag labelled every row) */
  shared?: boolean;
  /** the rows of its displays, in file order: where each starts and its own \tag (a later link's label) */
  rowStarts?: { start: number; tag: string | null; label: string | null }[];
  /** the claim's \label{…} name, where it has no printed tag (`tag` is then null): its label after every printed one */
  named?: string | null;
  /** notation of its display that does not read (an evaluation bar it cannot bind): skipped, saying so */
  unread?: string;
  /** the written link of each link read, when a side that does not read was left out (dropUnreadSide) */
  links?: number[];
  /** the name it defines by a derivative (δ_t = ∂L/∂a_t): a line of the network, read by the claims after it */
  defines?: string;
  /** what `defines` is defined by, when not a derivative (δ_3 = 1 − s_3² alone on its line) */
  definedBy?: 'formula' | 'value' | 'activation';
  /**
   * its first link labels a derivative (CS224n's δ_1 = ∂J/∂θ_2 = …): the name, that link's file span, its generated
   * line in the network, and the error that line met (δ_1^{(2)}, a derivative's name at one step), if any
   */
  label?: { name: string; by: ChainLabel['by']; start: number; end: number; line: number; problem?: string; before?: true };
  /** the macros its display defines (`$$\newcommand{\pd}…$$`), without the backslash */
  macros?: string[];
  /** written in inline math (Let $δ_t = ∂L/∂h_t$): no claim, read only for the name it defines (displays: none) */
  inline?: boolean;
  /**
   * its where clause defines a letter it reads (`… \quad \text{where } e_t = d_t − h_t`): the name, and the clause's
   * file span (the clause is a line of the network, blanked in the check)
   */
  whereDefines?: { name: string; start: number; end: number; by: 'formula' | 'value' };
}

/** the \tag of the row (of the claim's displays) where file offset `at` lies, if that row has one */
export function rowTag(c: Claim, at: number, which: 'tag' | 'label' = 'tag'): string | null {
  let found: string | null = null;
  let best = -1;
  for (const r of c.rowStarts ?? [])
    if (r.start <= at && r.start > best) {
      best = r.start;
      found = r[which];
    }
  return found;
}

/** an information that says a chain's link was not checked, marked with its link (a label's definition is no such link) */
export const skippedLink = (links: SolutionReading['skippedLinks'], link: number, d: Diagnostic): Diagnostic => (links.set(d, link), d);
