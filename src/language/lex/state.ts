// The lexer's state for one lex() (lexer.ts): the source and the cursor (i, the line and where it starts), the tokens
// and errors so far, the brackets, braces and environments open, and what one token leaves for the next (a \tag's
// label, a \frac's d). Every lexing function of src/language/lex/ takes it as its first argument.

import { Brace } from './groups';
import { NumberReader } from './numbers';
import type { LexResult, Token } from './token';

/** the lexer's state for one lex(): the source, the cursor, the tokens and errors so far, and the open groups */
export class LexState {
  readonly n: number;
  readonly tokens: Token[] = [];
  readonly errors: LexResult['errors'] = [];
  line = 1;
  lineStart = 0;
  i = 0;
  /** open brackets of any kind: a statement continues onto the next line while one is open */
  depth = 0;
  lastEnd = -1;
  statements = 0;
  /** what each open '{' is */
  readonly braces: Brace[] = [];
  /** open environments: true for a matrix (where & and \\ mean something) */
  readonly envs: boolean[] = [];
  pendingTag: string | null = null;
  /** where the d of a \frac{dA}{dB} denominator is (fracDerivative), read as ∂ when reached */
  fracD = -1;
  /** open angle brackets of a step, a^{⟨t⟩} (stepAngle): their closing ⟩ is the step's ')' */
  angleSteps = 0;
  /** open angle brackets of an inner product, ⟨u, v⟩ (innerAngle) */
  innerAngles = 0;
  /** the next \r at or after the last comment (lineEnd); -1 until searched, 2^32-1 when there is none */
  nextCR = -1;
  /** where Nielsen's Σ'(…) closes: the ')' there closes diag( as well (sigmaPrimeDiag) */
  readonly diagCloses: number[] = [];
  /** where the last \overset/\underset was refused: its partner on the line is not refused again */
  stackedAt = -1;
  /** the value of the number scanned last (scanNumber) */
  readonly numbers: NumberReader;

  constructor(readonly src: string) {
    this.n = src.length;
    this.numbers = new NumberReader(src);
  }
}
