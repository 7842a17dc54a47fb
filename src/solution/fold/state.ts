// The state of one foldDisplay() (display.ts): the display's characters folded so far with the file offset of each,
// the row breaks and each row's label, what is open (braces, brackets, matrices, \left, a cut approximation), and
// what the fold leaves for its claims. Every folding function of src/solution/fold/ takes it as its first argument.

import type { Display } from '../display';
import type { Macro } from '../macros';
import type { Rewrite } from '../physics';
import { layoutArguments } from './commands';

/** the fold of one display: the characters folded so far with their file offsets, the rows, and what is open */
export class FoldState {
  readonly chars: string[] = [];
  readonly at: number[] = [];
  readonly breaks: number[] = [];
  // the \tag of each row, by row number (breaks seen before it)
  readonly tagAt = new Map<number, string>();
  // the \label{…} of each row: its label where the row has no \tag and no trailing `(n)` (LaTeX prints no number of
  // its own for it, but the source names the equation by it: `\eqref{eq:grad-w}`)
  readonly labelAt = new Map<number, string>();
  matrixDepth = 0;
  braceDepth = 0;
  // ( and [ open at this point: a comma inside them is an argument list's, never between two equations
  parenDepth = 0;
  // the rows that follow a connective in prose (by row number)
  readonly proseAt = new Set<number>();
  /** the rows that are a bound after a constant's definition, split at the comma: claims of their own */
  readonly boundAt = new Set<number>();
  /**
   * the current row as far as it is folded, read on as characters are pushed: whether it is all blank, and its
   * first top-level `=` (topLevelEquals), each from where the last reading stopped. A row
   * of thousands of terms was read whole at each of them (3,000 `\quad (…)` remarks took half a minute); `edited()`
   * after any change to a character already pushed
   */
  kept = { start: -1, len: 0, blank: true, depth: 0, skip: false, equals: -1 };
  /**
   * characters the searches for a claim after a comma or a space may read in this display, each to the next comma
   * or row break: a bound (linear in the display) where thousands of them each read to its end
   */
  readonly scans: { left: number };
  readonly end: number;
  // `\begin{alignat}{2}`: the environment's own column count is layout, not a factor of the first row
  readonly opener: RegExpExecArray | null;
  i: number;
  // `\boxed{A = B}`: the closing braces of wrappers whose content is read as it is
  readonly unwrap = new Set<number>();
  // the physics package's commands, each read as the LaTeX it prints (physics.ts), by file offset
  readonly rewrites = new Map<number, Rewrite>();
  // a leading narrower range (`\forall t \in \{2, \dots, T\}:`), by row number: appended to its row as the range after
  // the equation, at the quantifier's place in the source
  readonly leadRanges = new Map<number, { text: string; at: number }>();
  // `A = B \approx 0.445`: from the relation to the end of its row is a rounded value, not part of the claim
  readonly approximate: { start: number; end: number; relation: string }[] = [];
  cut: { start: number; end: number; relation: string } | null = null;
  /** the matrices open in the cut part */
  cutMatrices = 0;
  // `\left. … \right|_{t=3}`: each \left's place in chars (a `\left.` opens an evaluated expression)
  readonly lefts: { dot: boolean; at: number }[] = [];
  // the open groups `{`: their places in chars (TeX's `{A \over B}` is a fraction of the group's two halves)
  readonly groups: number[] = [];
  unread: string | null = null;
  readonly defines: string[] = [];
  // a block quote's `> ` at the start of each later line: layout of the Markdown around the math, blanked
  readonly holes: Map<number, number>;

  constructor(
    readonly text: string,
    readonly d: Display,
    readonly macros: Map<string, Macro>,
  ) {
    this.scans = { left: 32 * (this.d.contentEnd - this.d.contentStart) + 4096 };
    this.end = this.d.contentEnd;
    this.opener = /\\begin\{([A-Za-z]+\*?)\}$/.exec(this.text.slice(this.d.start, this.d.contentStart));
    this.i = this.opener ? layoutArguments(this.text, this.opener[1]!, this.d.contentStart, this.end) : this.d.contentStart;
    this.holes = new Map((this.d.holes ?? []).map((h) => [h.start, h.end]));
  }
}
