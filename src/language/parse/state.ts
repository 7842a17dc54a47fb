// The parser's state for one parse() (parser.ts): the rewritten tokens, the cursor, the statements and errors read so
// far, and what reading one part of a statement leaves for another (a superscript's transpose, a subscript's parts).
// Every reading function of src/language/parse/ takes it as its first argument.

import type { Range } from '../../report';
import type { Ast, Statement } from '../ast';
import type { Token } from '../lexer';
import { rewritten } from './rewrite';

export interface ParseError {
  message: string;
  range: Range;
  /** absent: an error. 'information': a note on how something was read (a \frac with ∂ only below) */
  severity?: 'error' | 'information';
}

export class Stop extends Error {
  constructor(public readonly diag: ParseError | null) {
    super(diag?.message ?? 'stop');
  }
}

/**
 * for tests: `alwaysTrackDepth` tracks every node's depth, as for a statement long enough to reach the limit;
 * `alwaysIndices` reads every name through indices()
 */
export interface ParseOptions {
  alwaysTrackDepth?: boolean;
  /** for tests: every name read through indices(), the general path of a name with nothing right on it */
  alwaysIndices?: boolean;
}

/** the parser's state for one parse(): the tokens, the cursor and what a statement's reading sets for later parts */
export class ParseState {
  readonly tokens: Token[];
  /** where a name alias (wordAlias.ts) starts a statement's tokens */
  readonly aliasStarts: Set<number>;
  readonly statements: Statement[] = [];
  readonly errors: ParseError[] = [];
  // some derivative is written with an upright d (dL/dW): only then are a check's spellings compared (check/reread.ts)
  uprightD = false;
  p = 0;
  depth = 0;
  /** the depth at which a check's left side is read, where `+=` may follow an accumulator (accumulation); -1 elsewhere */
  accumulateAt = -1;
  /** the names the file defines, looked up only for a primed Σ index (plainVar) */
  fileNames: Set<string> | undefined;
  /** subscripts being read (a name's _{…}): 1_y reads as a one-hot vector only outside them */
  inSubscript = 0;
  /**
   * the depth of the tree below a node: long chains (x + x + … 25,000 times) are deep too. A Map, not a
   * WeakMap: it lives as long as this parse, and a WeakMap's entries cost the garbage collector more.
   */
  readonly depthOf = new Map<object, number>();
  /**
   * whether this statement's nodes record their depth: every node deep() makes reads at least one token of
   * its own (an operator, a bracket, a function's name), so a statement of fewer tokens than half the limit
   * cannot reach it, and most statements skip the Map (issue 11)
   */
  trackDepth = true;
  /** set by nameWithIndex when a superscript step carries a transpose: h^{(t-1)\top} */
  supTransposed = false;
  // g^{(t)2}: a power written after the step, in the same superscript (handwritten notes' (g^{(t)})²)
  supPower: Ast | null = null;
  /** subscripts()'s results: the name as extended, its index, where the name and the whole end */
  subRaw = '';
  subSub: Ast | null = null;
  subEnd: Range = { line: 0, column: 0, endLine: 0, endColumn: 0 };
  subNameEnd: Range = this.subEnd;
  /** the definition whose right side is being read: kept, marked broken, when that side does not parse */
  brokenDef: (Statement & { k: 'def' }) | null = null;
  /** reading the lower end of `for t = a…b`, where an ellipsis is the range */
  inRange = false;
  /** readings of \frac{d …}{d …} tried in this statement */
  dTries = 0;
  /** the where clauses of a check that are equations of their own, pushed after it (whereClauses) */
  readonly queued: Statement[] = [];
  /** reading the inside of a norm ‖…‖ */
  inNorm = false;
  /** reading the inside of an absolute value |…|: there a bar closes it, elsewhere one after an operand opens one (2|w|) */
  inAbs = false;
  /** where a check's range written in parentheses at its end begins, "(t < T)": not a factor of the last side */
  rangeGroup = -1;
  /**
   * found by statementTokens for the statement being read (parenthesisedRange and check's \tag ask, instead of
   * scanning its tokens again): the index of its newline (or eof, or the length), and whether a token up to it
   * carries a \tag
   */
  statementEnd = 0;
  /** where 'quad' is written in src, in order (quadWithin); found when first asked */
  quads: number[] | null = null;
  statementTagged = false;
  /** where a check's range written after a wide space begins, "\qquad t = 1, …, T": not a factor of the last side */
  rangeSpaced = -1;
  /** names defined by a derivative in a check's where clause, with the clause's text (one definition per name) */
  readonly whereDefined = new Map<string, string>();
  /** a function written with `·` for its argument (σ'(\cdot)) was read in this statement */
  placeholders = false;

  constructor(
    input: Token[],
    readonly src: string,
    readonly options: ParseOptions,
  ) {
    const { tokens, starts } = rewritten(input);
    this.tokens = tokens;
    this.aliasStarts = starts;
  }
}
