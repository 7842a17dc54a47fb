// The tokens the lexer makes: their kinds, ranges and spellings (Tok is their one class, so every token has one
// shape), and what lex() returns.

import type { Range } from '../../report';
import type { Ast } from '../ast';

export type TokKind =
  'num' | 'name' | 'kw' | 'fn' | 'bigop' | 'partial' | 'frac' | 'grad' | 'nabla' | 'bar' | 'lit' | 'op' | 'newline' | 'eof' | 'error';

/**
 * Operators ('op' tokens), by text: + - * / ^ = , : @ _ | ( ) [ ] { } ᵀ ' ⁺ ⊙ and
 *   '.'  a dot between operands (a product, LANGUAGE.md §1)   '..'  a range (for t = 1..3)
 *   '⊗'  the outer product of two vectors (⊗, \otimes)
 *   '≈'  a check's rounded value (≈, ≃, \approx, \simeq)
 *   '…'  an ellipsis (…, \cdots, \ldots, \dots)                '≤' '≥' '<' '>'  (Σ/∏ bounds only)
 *   'mat[' 'mat]'  \begin{bmatrix|pmatrix|matrix} … \end{…}     '&' 'row'  (an entry / row break in a matrix)
 *   'sep'  \quad, \qquad or \; between two entries of a [ … ] literal
 *   '‖'  a norm's bar (‖, \|, \Vert, \lVert, \rVert)
 */
/** Token.value of a ∂ written as an upright d: a check that writes both d and ∂ tells them apart (LANGUAGE.md §5) */
export const UPRIGHT_D = 1;

export interface Token {
  kind: TokKind;
  /** normalised text: the name, the keyword, the function ('sigma', 'dsigma'), the operator */
  text: string;
  /** a number's value; for a 'partial' token UPRIGHT_D when it is written d (dL/dW, \frac{dL}{dW}), else 0 */
  value: number;
  /** ∂⁺ / grad+ */
  plus: boolean;
  /** no whitespace between this token and the previous one (subscripts, primes, `^(`) */
  tight: boolean;
  range: Range;
  /** offset of the token's first character in the source */
  start: number;
  end: number;
  /** the content of a \tag{…} written just before this token (the parser gives it to its check) */
  tag: string | null;
  /** kind 'lit': a literal of numbers only ([0.5, -1, 2], [[1, 2], [3, 4]]), already read into its AST */
  lit: Ast | null;
}

/**
 * A token keeps its line and the line's start offset; its Range object is made when asked for (most
 * tokens of a literal — commas, most numbers' ranges — are never asked), which keeps the lexer's
 * allocation, and so the garbage collector's work, low on files of numbers.
 */
export class Tok implements Token {
  // fields declared, not defined: ES2022 class fields (and parameter properties) define each one as undefined
  // before the constructor assigns it, twice the stores for the object the lexer makes per token
  declare kind: TokKind;
  declare text: string;
  declare value: number;
  declare plus: boolean;
  declare tight: boolean;
  declare start: number;
  declare end: number;
  declare tag: string | null;
  declare lit: Ast | null;
  declare private readonly line: number;
  declare private readonly lineStart: number;
  declare private r: Range | null;
  constructor(
    kind: TokKind,
    text: string,
    value: number,
    plus: boolean,
    tight: boolean,
    start: number,
    end: number,
    tag: string | null,
    line: number,
    lineStart: number,
    lit: Ast | null = null,
  ) {
    this.kind = kind;
    this.text = text;
    this.value = value;
    this.plus = plus;
    this.tight = tight;
    this.start = start;
    this.end = end;
    this.tag = tag;
    this.line = line;
    this.lineStart = lineStart;
    this.lit = lit;
    this.r = null;
  }
  /** a token of another kind at this one's place, with no width (\over's frac, put before its group) */
  retyped(kind: TokKind, text: string): Tok {
    return new Tok(kind, text, 0, false, this.tight, this.start, this.start, null, this.line, this.lineStart);
  }
  get range(): Range {
    // a literal may span lines: its AST has the range
    if (this.lit) return this.lit.range;
    return (this.r ??= {
      line: this.line,
      column: this.start - this.lineStart + 1,
      endLine: this.line,
      endColumn: this.end - this.lineStart + 1,
    });
  }
}

// One token whose value is no number, made at load and dropped: a field that has held only numbers, some with
// fractions (0.5), V8 keeps as a double boxed apart from its object, one more allocation per token; after this the
// tokens' maps hold any value in it, a whole number (most tokens' 0) with no box
new Tok('eof', '', null as unknown as number, false, false, 0, 0, null, 1, 0);

export interface LexResult {
  tokens: Token[];
  errors: { message: string; range: Range }[];
}
