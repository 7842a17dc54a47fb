// Tokens with source ranges. Unicode, LaTeX and ASCII spellings are folded here, once,
// so the parser sees one token per meaning (σ = \sigma = sigma = sigmoid, ∂ = \partial, …).
// LaTeX layout (fonts, \left, spacing, aligned environments, \\ and & outside matrices) leaves no token;
// accents make names (\tilde{h} → h̃); see LANGUAGE.md §1 and docs/language-notes.md.
//
// The loop reads character codes, not regular expressions: numbers and long literals are most of a
// file's bytes (issue 11), so a number is scanned and converted in one pass (NumberReader.number), and a
// regular literal of numbers is read straight into one Float64Array with its shape (NumberReader.pack).

import type { Range } from '../report';
import { lazyItems, type Ast, type PackedNumbers } from './ast';
import { GREEK_LETTERS } from '../display/latex';
import { LIMITS } from './limits';
import { isScriptLetter, scriptRun } from './unicodeScripts';
import { tagLabel } from './tagLabel';

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
class Tok implements Token {
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

export const KEYWORDS = new Set(['param', 'input', 'target', 'loss', 'derive', 'check', 'for']);

/**
 * A table looked up by what the file says (a word, a LaTeX command): without Object's prototype, so that
 * `constructor` or `\toString` is not found in it (a name `constructor` crashed the analysis).
 */
function lookup(entries: Record<string, string>): Readonly<Record<string, string>> {
  return Object.assign(Object.create(null) as Record<string, string>, entries);
}

/** function spellings → canonical name */
export const FUNCTIONS: Readonly<Record<string, string>> = lookup({
  σ: 'sigma',
  sigma: 'sigma',
  sigmoid: 'sigma',
  // Zaremba et al.'s (and many lecture notes') LSTM writes the logistic sigmoid sigm
  sigm: 'sigma',
  tanh: 'tanh',
  relu: 'relu',
  ReLU: 'relu',
  // max(0, z): the ReLU (the parser reads no other max)
  max: 'max',
  exp: 'exp',
  log: 'log',
  ln: 'log',
  sqrt: 'sqrt',
  abs: 'abs',
  softmax: 'softmax',
  sum: 'sum',
  mean: 'mean',
  diag: 'diag',
  // \operatorname{Diag}(…): some notes capitalise it
  Diag: 'diag',
  count: 'count',
  onehot: 'onehot',
  prod: 'prod',
  // hyperbolic functions (tanh' = sech², as some sheets write it), written out with exp by the resolver
  cosh: 'cosh',
  sinh: 'sinh',
  sech: 'sech',
});
/** the words never read as a name: the keywords, every function spelling, grad (the editor's rename and
 * the preview's highlighting ask here rather than keep their own lists) */
export function isReservedWord(w: string): boolean {
  return KEYWORDS.has(w) || Object.hasOwn(FUNCTIONS, w) || w === 'grad';
}

/** functions whose derivative is written with a prime: σ'(z) */
export const DERIVABLE = new Set(['sigma', 'tanh', 'relu']);

/** a reserved word as lexWord reads it: a keyword, a function spelling (with its primed derivative), grad */
interface ReservedWord {
  kind: 'kw' | 'fn' | 'grad';
  /** the token's text: the keyword, the canonical function ('sigma'), 'grad' */
  text: string;
  /** fn: the text of its derivative when a prime follows ('dsigma'), null when it has none */
  derivative: string | null;
}
/** KEYWORDS, FUNCTIONS and grad in one table, so that a word costs one lookup (issue 11); keywords first */
const RESERVED: ReadonlyMap<string, ReservedWord> = (() => {
  const m = new Map<string, ReservedWord>();
  for (const k of KEYWORDS) m.set(k, { kind: 'kw', text: k, derivative: null });
  for (const w in FUNCTIONS) {
    const fn = FUNCTIONS[w]!;
    if (!m.has(w)) m.set(w, { kind: 'fn', text: fn, derivative: DERIVABLE.has(fn) ? 'd' + fn : null });
  }
  if (!m.has('grad')) m.set('grad', { kind: 'grad', text: 'grad', derivative: null });
  return m;
})();
/**
 * for each first UTF-16 unit, the lengths of the reserved words that start with it (bit n: a word of n units, bit 31
 * any longer one): most names (h, W_xh, x, w_ix, c) start with a letter no reserved word of their length starts
 * with, and need no lookup (a first letter alone let most names of a file through)
 */
const RESERVED_LENGTHS = new Uint32Array(0x10000);
const lengthBit = (n: number) => 1 << Math.min(n, 31);
for (const w of RESERVED.keys()) {
  const c = w.charCodeAt(0);
  RESERVED_LENGTHS[c] = RESERVED_LENGTHS[c]! | lengthBit(w.length);
}

/**
 * LaTeX commands → the letters they stand for in names. Not \sigma, the function σ (FUNCTIONS), nor \Sigma:
 * a name Σ would read as the sum, which is written \sum (so \Sigma stays an unknown command, but for \Sigma with a
 * sum's bounds, the sum: latex()).
 */
const { sigma: _sigma, Sigma: _Sigma, ...NAME_LETTERS } = GREEK_LETTERS;
const GREEK: Readonly<Record<string, string>> = lookup({ ...NAME_LETTERS, Upsilon: 'Υ', ell: 'ℓ' });
const LATEX_OPS: Readonly<Record<string, string>> = lookup({
  // a value rounded to the digits written, after a check's side (∂L/∂W ≈ 0.0421)
  approx: '≈',
  simeq: '≈',
  thickapprox: '≈',
  // equal by definition or identically: the equals sign (≡, ≔, ≜)
  equiv: '=',
  coloneqq: '=',
  coloneq: '=',
  triangleq: '=',
  doteq: '=',
  cdot: '*',
  // \cdotp (a punctuation-spaced dot), \centerdot and \bullet written as a product's dot
  cdotp: '*',
  centerdot: '*',
  bullet: '*',
  times: '*',
  ast: '*',
  odot: '⊙',
  // Hadamard division (−y ⊘ ŷ, the cross-entropy's gradient): `/` is entrywise on equal shapes
  oslash: '/',
  otimes: '⊗',
  circ: '⊙',
  // the CS230 cheatsheet's gates, Γ_u ⋆ c̃^{<t>}: its elementwise product
  star: '⊙',
  top: 'ᵀ',
  intercal: 'ᵀ',
  le: '≤',
  leq: '≤',
  // 1[i ≠ k], 1_{i \neq k]: the indicator's complement (the parser reads it as 1 − 1[i = k])
  ne: '≠',
  neq: '≠',
  leqslant: '≤',
  ge: '≥',
  geq: '≥',
  geqslant: '≥',
  lt: '<',
  gt: '>',
  // t \in \{1, \dots, T\}: a check's steps as a set (parser.ts checkRange)
  in: '∈',
  cdots: '…',
  ldots: '…',
  dots: '…',
  dotsb: '…',
  dotsc: '…',
  dotsm: '…',
  dotsi: '…',
  mid: '|',
  vert: '|',
  lvert: '|',
  rvert: '|',
  // the norm ‖x‖: \| x \|, \lVert x \rVert, \Vert
  '|': '‖',
  Vert: '‖',
  lVert: '‖',
  rVert: '‖',
  prime: "'",
});
/** plain TeX's font switches (\rm, \bf, …): in math they set the rest of their group (the parser's text keeps them too) */
export const FONT_SWITCH_NAMES = ['rm', 'bf', 'it', 'sf', 'tt', 'cal', 'mit'] as const;
/** spacing, sizing and numbering commands that carry no meaning here */
/** marks that end an answer or a proof, never math (a solution's reader blanks them; a check line pasted with one ignores it) */
export const END_MARKS = new Set(['blacksquare', 'square', 'qed', 'qedsymbol', 'Box', 'checkmark', 'lozenge', 'blacklozenge']);

const LATEX_IGNORED = new Set([
  ...END_MARKS,
  // a display's own delimiters \[ … \] and \( … \), pasted with it onto a check line: layout, as $$ is
  '[',
  ']',
  '(',
  ')',
  'left',
  'right',
  'big',
  'Big',
  'bigg',
  'Bigg',
  'bigl',
  'bigr',
  'Bigl',
  'Bigr',
  'biggl',
  'biggr',
  'Biggl',
  'Biggr',
  'bigm',
  'Bigm',
  'biggm',
  'Biggm',
  'middle',
  'quad',
  'qquad',
  // \hfill before a \tag or a label pushes it right: layout
  'hfill',
  ',',
  ';',
  '!',
  ':',
  ' ',
  '>',
  'displaystyle',
  // plain TeX's font switches, which set the rest of their group: {\rm T}, {\bf W}, {\cal L}. A font is transparent
  // (as \mathrm{T} is), so the switch is nothing and the group its content: h_t^{\rm T} is h_t^{T}, a transpose
  ...FONT_SWITCH_NAMES,
  'textstyle',
  'scriptstyle',
  'scriptscriptstyle',
  // spacing with an argument, dropped with it (ignored()): x^{\mkern-1.5mu\mathsf{T}}, \hspace{2pt}
  'mkern',
  'kern',
  'mskip',
  'hskip',
  'hspace',
  'phantom',
  'hphantom',
  'vphantom',
  'nonumber',
  'notag',
  'limits',
  'nolimits',
  'enspace',
  'thinspace',
  'medspace',
  'thickspace',
]);
/**
 * the rest of an empty group after its '{' at j: /^[ \t]*\}/ on the next 8 characters, read by code (it sliced them for
 * a regular expression at every '{', LaTeX's commonest character; issue 11)
 */
export function isEmptyGroupAt(src: string, j: number): boolean {
  const end = Math.min(src.length, j + 8);
  while (j < end && (src.charCodeAt(j) === 32 || src.charCodeAt(j) === 9)) j++;
  return j < end && src.charCodeAt(j) === 125;
}
/** the characters of TeX's thin spaces after a backslash: \, \; \: \! */
const THIN_SPACE = new Set([44, 59, 58, 33]);
/** past spaces and TeX's thin spaces (\, \; \: \!) from j: the layout between a d and what it differentiates */
function thinSpaces(src: string, j: number): number {
  for (;;) {
    const k = src.charCodeAt(j);
    if (k === 32) j++;
    else if (k === 92 && THIN_SPACE.has(src.charCodeAt(j + 1))) j += 2;
    else return j;
  }
}

/** past any empty scripts at j, `^{}`, `_{ }` (nothing, as TeX sets them): `\frac{d^{} L}{d w}` is dL/dw */
function afterEmptyScripts(src: string, j: number): number {
  for (;;) {
    const k = src.charCodeAt(j);
    if (k !== 94 && k !== 95) return j;
    let q = j + 1;
    while (src.charCodeAt(q) === 32) q++;
    if (src.charCodeAt(q) !== 123 || !isEmptyGroupAt(src, q + 1)) return j;
    j = src.indexOf('}', q) + 1;
  }
}
/** ignored commands that take an argument (a dimension or a group), dropped with it */
const SPACING_WITH_ARGUMENT = new Set(['mkern', 'kern', 'mskip', 'hskip', 'hspace', 'phantom', 'hphantom', 'vphantom']);
/** spacing that separates the entries of a bracket literal written [1 \quad -1 \quad 1] (seed 004) */
const LATEX_SEPARATORS = new Set(['quad', 'qquad', ';']);
/** font commands: \mathcal{L} is L (their braces are transparent) */
const LATEX_FONTS = new Set([
  'mathcal',
  'mathbf',
  'mathrm',
  'mathit',
  'mathsf',
  'mathtt',
  'mathbb',
  'mathfrak',
  'mathscr',
  'boldsymbol',
  'bm',
  'pmb',
  'operatorname',
  // \mathop{\sum}_{t=1}^{T}, \mathop{\mathrm{diag}}: an operator's spacing only
  'mathop',
  'textbf',
  'textit',
  'textrm',
  'mathnormal',
  // unicode-math's font commands (an Overleaf preamble with XeLaTeX or LuaLaTeX: \symbf{W}, probe 47)
  'symbf',
  'symit',
  'symup',
  'symbfit',
  'symsf',
  'symcal',
  'mathbfit',
  // \boxed{A = B}: a solution's answer in a box (a solution's reader unwraps it, and a check line pasted from it)
  'boxed',
]);
/**
 * The text of a num token written as a bold or double-struck one (\mathbf{1}, \boldsymbol{1}, \mathbb{1}, 𝟙): the
 * all-ones vector, whose length the resolver takes from what it multiplies (1ᵀv is the sum of v's entries), or
 * the indicator's 1 in 1_{a=b}. Its value is 1.
 */
export const ONES = '𝟙';
/** the fonts of running text, which may hold prose in math */
const TEXT_FONTS = new Set(['textbf', 'textit', 'textrm']);
/**
 * prose, not a name in a font: two or more words, or one word in parentheses or with a sentence's mark after it
 * (`\textbf{(wrong)}`, `\textit{Correct!}`: a name is not written so)
 */
const PROSE = /^\s*(?:\(?[A-Za-z][A-Za-z'.,;:!?-]*(?:\s+[A-Za-z'.,;:!?()-]+)+|\(\s*[A-Za-z]+[.!?]?\s*\)|[A-Za-z]+[.!?:])\s*$/;
/**
 * one word of three or more letters, \textbf{correct}: a remark where it closes the equation's line (closesLine); a name
 * in a font is one letter or two (\textbf{W}) or has a step, an argument or a power after it
 */
const REMARK_WORD = /^\s*[A-Za-z][a-z]{2,}\s*$/;
/** a name of code written in \text{…}: a word with an escaped underscore, dnext\_c */
const CODE_NAME = /^[A-Za-z][A-Za-z0-9]*(?:\\_[A-Za-z0-9]+)+$/;
/**
 * CS231n's gradients written upright, \text{dx}, \text{dWx}, \text{dtanh}: d before a capital, one or two letters or an
 * activation's name is a name of code, not a word of prose (which \text{…} otherwise is, dropped)
 */
const CODE_GRADIENT = /^d(?:[A-Z][A-Za-z0-9]*|(?!o$)[a-z]{1,2}|tanh|sigma|relu)$/;
/** a word that may be a name of code written upright (\text{pred}, \text{hidden}): letters, then letters or digits */
const PROSE_NAME = /^[A-Za-z][A-Za-z0-9]+$/;
/** a name of code written in \texttt{…}: one word, its underscores escaped or not */
const CODE_WORD = /^[A-Za-z][A-Za-z0-9]*(?:\\?_[A-Za-z0-9]+)*$/;
/** the fonts in which a lone 1 is the all-ones vector */
const BOLD_ONE_FONTS = new Set(['mathbf', 'boldsymbol', 'bm', 'mathbb', 'pmb', 'symbf']);
/** accents → the combining mark they add to a name: \tilde{h} → h̃ */
const ACCENTS: Readonly<Record<string, string>> = lookup({
  tilde: '\u0303',
  widetilde: '\u0303',
  hat: '\u0302',
  widehat: '\u0302',
  check: '\u030C',
  dot: '\u0307',
  ddot: '\u0308',
  acute: '\u0301',
  grave: '\u0300',
  breve: '\u0306',
  vec: '\u20D7',
  // a bidirectional network's two states (\overrightarrow{h}, \overleftarrow{h}): h⃗ and h⃖, two names
  overrightarrow: '\u20D7',
  overleftarrow: '\u20D6',
});
/** environments that are layout only: their rows and & are one chain of equalities */
const LAYOUT_ENVS = new Set([
  'aligned',
  'split',
  'align',
  'gather',
  'gathered',
  'equation',
  'displaymath',
  'eqnarray',
  'multline',
  'alignat',
  'alignedat',
  'flalign',
]);
const MATRIX_ENVS = new Set(['bmatrix', 'pmatrix', 'matrix']);

/** what a LaTeX command is, for latex(): one table looked up once per command (issue 11: LaTeX-heavy files) */
const enum Cmd {
  Ignored,
  Font,
  Underbrace,
  Overbrace,
  Text,
  Label,
  Tag,
  Begin,
  End,
  Partial,
  Nabla,
  Sum,
  Prod,
  Frac,
  Over,
  Bar,
  Accent,
  Op,
  OpenBrace,
  CloseBrace,
  Greek,
  Function,
  LineBreak,
}
interface CmdInfo {
  kind: Cmd;
  /** Accent: the combining mark; Op: the operator; Greek: the letter; Function: the command itself */
  value: string;
}
/**
 * Every command latex() knows, with what the cascade of tests it replaces would have found first: the
 * entries are added in that order and an earlier table keeps a command a later one also names.
 */
const COMMANDS: ReadonlyMap<string, CmdInfo> = (() => {
  const m = new Map<string, CmdInfo>();
  const add = (cmd: string, kind: Cmd, value = '') => {
    if (!m.has(cmd)) m.set(cmd, { kind, value });
  };
  add('\\', Cmd.LineBreak);
  for (const c of LATEX_IGNORED) add(c, Cmd.Ignored);
  for (const c of LATEX_FONTS) add(c, Cmd.Font);
  add('underbrace', Cmd.Underbrace);
  add('overbrace', Cmd.Overbrace);
  for (const c of ['text', 'textnormal', 'mbox', 'texttt']) add(c, Cmd.Text);
  add('label', Cmd.Label);
  add('tag', Cmd.Tag);
  add('tag*', Cmd.Tag);
  add('begin', Cmd.Begin);
  add('end', Cmd.End);
  add('partial', Cmd.Partial);
  add('nabla', Cmd.Nabla);
  add('sum', Cmd.Sum);
  add('prod', Cmd.Prod);
  // \cfrac (a display fraction some notes use throughout) as \frac
  for (const c of ['frac', 'dfrac', 'tfrac', 'cfrac']) add(c, Cmd.Frac);
  add('over', Cmd.Over);
  add('bar', Cmd.Bar);
  add('overline', Cmd.Bar);
  for (const c in ACCENTS) add(c, Cmd.Accent, ACCENTS[c]!);
  for (const c in LATEX_OPS) add(c, Cmd.Op, LATEX_OPS[c]!);
  add('{', Cmd.OpenBrace);
  add('}', Cmd.CloseBrace);
  // \lbrack … \rbrack, \lbrace … \rbrace: brackets spelled as commands (some editors' export), grouping as \{ \} do
  for (const c of ['lbrack', 'lbrace']) add(c, Cmd.OpenBrace);
  for (const c of ['rbrack', 'rbrace']) add(c, Cmd.CloseBrace);
  for (const c in GREEK) add(c, Cmd.Greek, GREEK[c]!);
  for (const c in FUNCTIONS) add(c, Cmd.Function, c);
  return m;
})();

/**
 * a command's name and what it is, as latex() finds it by its code hash. A class: entries spread from their
 * CmdInfo (`{ ...info, name, hash }`) each had a map of their own, which made every read of an entry in
 * commandAt and latex() megamorphic (5 % of lexing sheet 7)
 */
class CmdEntry implements CmdInfo {
  constructor(
    readonly kind: Cmd,
    readonly value: string,
    readonly name: string,
    readonly hash: number,
  ) {}
}
/** a hash of src[from..to), each unit in turn; the same for a command's name in the table and in the text */
function unitsHash(src: string, from: number, to: number): number {
  let h = to - from;
  for (let q = from; q < to; q++) h = (Math.imul(h, 31) + src.charCodeAt(q)) | 0;
  return h;
}
/**
 * COMMANDS by unitsHash, open addressing: latex() finds a command in the text without slicing it out. A Map
 * looked up with a fresh slice hashes the slice and compares it with the key, which in a file with any
 * non-Latin-1 character (σ, ∂) is a two-byte string against a one-byte one: 2 % of an analysis (sheet 7).
 */
const COMMAND_ENTRIES: CmdEntry[] = [];
const COMMAND_SLOTS = (() => {
  const slots = new Int32Array(1 << 11).fill(-1);
  for (const [name, info] of COMMANDS) {
    const hash = unitsHash(name, 0, name.length);
    let k = hash & (slots.length - 1);
    while (slots[k] !== -1) k = (k + 1) & (slots.length - 1);
    slots[k] = COMMAND_ENTRIES.length;
    COMMAND_ENTRIES.push(new CmdEntry(info.kind, info.value, name, hash));
  }
  return slots;
})();
/** the command src[from..to) (its name without the backslash), or undefined: COMMANDS.get(src.slice(from, to)) */
function commandAt(src: string, from: number, to: number): CmdEntry | undefined {
  const hash = unitsHash(src, from, to);
  const mask = COMMAND_SLOTS.length - 1;
  for (let k = hash & mask; COMMAND_SLOTS[k] !== -1; k = (k + 1) & mask) {
    const c = COMMAND_ENTRIES[COMMAND_SLOTS[k]!]!;
    if (c.hash === hash && c.name.length === to - from && src.startsWith(c.name, from)) return c;
  }
  return undefined;
}

const LETTER = /[\p{L}\p{M}]/u;
const MARK = /\p{M}/u;
/**
 * What each UTF-16 unit above ASCII is, asked of the Unicode regular expressions once per unit and kept
 * (bit 1: known, 2: a letter \p{L}, 4: a mark \p{M}): the lexer asks by character code, so that a file with
 * any non-Latin-1 character (σ, ∂, Σ) does not make a one-character string per character it looks at.
 */
const UNIT_CLASS = new Uint8Array(0x10000);
function unitClass(k: number): number {
  let c = UNIT_CLASS[k]!;
  if (c === 0) {
    const ch = String.fromCharCode(k);
    c = 1 | (LETTER.test(ch) && !MARK.test(ch) ? 2 : 0) | (MARK.test(ch) ? 4 : 0);
    UNIT_CLASS[k] = c;
  }
  return c;
}
/** a mark (\p{M}): a combining accent written on the letter before it */
function isMarkCode(k: number): boolean {
  return k >= 0x300 && (unitClass(k) & 4) !== 0;
}
/** a letter that may start a name (not ᵀ, Σ, ∑, which are operators); NaN (past the end) is none */
function isLetterCode(k: number): boolean {
  if (k < 128) return (k >= 65 && k <= 90) || (k >= 97 && k <= 122);
  if (!(k < 0x10000) || k === 0x1d40 || k === 0x3a3 || k === 0x2211 || isScriptLetter(k)) return false;
  return (unitClass(k) & 2) !== 0;
}
/** a character that continues a name: letters, digits, combining marks (h̃, X̄) */
function isNameCode(k: number): boolean {
  if (k < 128) return (k >= 65 && k <= 90) || (k >= 97 && k <= 122) || (k >= 48 && k <= 57);
  if (!(k < 0x10000) || k === 0x1d40 || k === 0x3a3 || k === 0x2211 || isScriptLetter(k)) return false;
  return (unitClass(k) & 6) !== 0;
}
const isDigitCode = (k: number) => k >= 48 && k <= 57;
/** a name starts at j: a letter, or a command such as \mathcal{L}, \mathbf{W}, \theta (the d of d\mathcal{L}) */
function startsNameAt(src: string, j: number): boolean {
  const k = src.charCodeAt(j);
  if (k !== 92) return isLetterCode(k);
  const c = src.charCodeAt(j + 1);
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * A letter, digit, ∂ or ∇ in a math font of Unicode's Mathematical Alphanumeric Symbols (U+1D400…U+1D7FF, two UTF-16
 * units from j: 𝐿 𝑜 𝜎 𝜕 𝐖), as Word's equation editor and Unicode-math text paste them: its plain character (as
 * \mathit{L} is L), or '' when src has none at j.
 */
export function mathAlphanumeric(src: string, j: number): string {
  if (src.charCodeAt(j) !== 0xd835) return '';
  const low = src.charCodeAt(j + 1);
  if (!(low >= 0xdc00 && low <= 0xdfff)) return '';
  const plain = src.slice(j, j + 2).normalize('NFKC');
  return plain.length === 1 ? plain : '';
}

/** an operator token of that text */
const isOpTok = (t: Token | undefined, text: string): boolean => t !== undefined && t.kind === 'op' && t.text === text;

/** subscript digits ₀…₉ are U+2080…U+2089 */
const isSubscriptDigit = (k: number) => k >= 0x2080 && k <= 0x2089;
/** superscript digits ⁰…⁹ → their value, else -1 */
function superDigit(k: number): number {
  if (k === 0x2070) return 0;
  if (k === 0xb9) return 1;
  if (k === 0xb2) return 2;
  if (k === 0xb3) return 3;
  if (k >= 0x2074 && k <= 0x2079) return k - 0x2070;
  return -1;
}
const SUPER_MINUS = 0x207b;

/** exact powers of ten (10^22 is the last one a double holds exactly) */
const POW10: number[] = [];
for (let k = 0, v = 1; k <= 22; k++, v *= 10) POW10.push(v);

/**
 * ASCII operators read alone, by code (lex() makes them with no call of single()): ( ) ] * + - ^ , @ _ |. Not '[' (a
 * literal may start), nor / = : < > (what follows them decides).
 */
const PLAIN_OPS = new Array<string | undefined>(128).fill(undefined);
for (const c of '()]*+-^,@_|') PLAIN_OPS[c.charCodeAt(0)] = c;

/** a character that ends an operand (x, 2, ), }, ], a prime) or starts one (x, 2, (, \\, {): what stands around |a||b| */
const OPERAND_END = /[\p{L}\p{N})}\]'′]/u;
const OPERAND_START = /[\p{L}\p{N}(\\{]/u;

/** the end of `-=` at s (spaces allowed before the =, not ==), or 0 */
function compoundAssignment(src: string, s: number): number {
  let j = s + 1;
  while (src.charCodeAt(j) === 32) j++;
  return src.charCodeAt(j) === 61 && src.charCodeAt(j + 1) !== 61 ? j + 1 : 0;
}

/**
 * `.T` at s is numpy's transpose: right after an operand (no space: h_t.T, W_hy.T, (a − b).T) and ending there (not
 * T_1, T^2, .Tr, T(…)); `w.T` for w times the horizon is written w T or w·T
 */
function numpyTranspose(src: string, s: number): boolean {
  return s > 0 && OPERAND_END.test(src[s - 1]!) && src.charCodeAt(s + 1) === 84 && !/[\p{L}\p{N}_^{('′]/u.test(src[s + 2] ?? ' ');
}

/**
 * the two characters from..to stand right between an operand that ends before them and one that starts after them,
 * with no space (|a||b|); `0.5 ||y||` has its space
 */
function betweenOperands(src: string, from: number, to: number): boolean {
  return from > 0 && OPERAND_END.test(src[from - 1]!) && to < src.length && OPERAND_START.test(src[to]!);
}

export interface LexResult {
  tokens: Token[];
  errors: { message: string; range: Range }[];
}

/** Starts of lines: where a statement may begin even inside an unclosed bracket (recovery). */
const STATEMENT_START =
  /[ \t]*(?:(?:param|input|target|loss|derive|check)\b|[\p{L}\\][\p{L}\p{M}\p{N}_]*(?:_\{[^}\n]*\}|\^\{?\([^)\n]*\)\}?)?[ \t]*=(?!=))/uy;
/**
 * the ASCII derivative dA/dB and d+A/dB: a d directly before a name (or a font command: d\\mathcal{L}), a slash and
 * another d-name. The name may carry a step over it, as ∂A/∂B's does: ^(t), ^{(t)}, and Graves's bare ^t, ^{t-1}
 */
const ASCII_DERIV =
  /d(\+?)(?:[\p{L}][\p{L}\p{M}\p{N}_]*|\\[A-Za-z]+(?:\s*\{[^{}\n]*\})?(?:_[\p{L}\p{N}]+)?)(?:_\{[^}\n]*\})?(?:\^\{?\([^)\n]*\)\}?|\^\{[^}\n]*\}|\^[\p{L}\p{N}])?\s*\/\s*d(?:[\p{L}]|\\[A-Za-z])/uy;

/** `(12)` or `(3b)` closing a line or a $$ display, after \quad */
const EQUATION_NUMBER = /[ \t]*\((\d+[a-z]?)\)[ \t]*(?=$|[\r\n$])/y;

/** what follows an entry of a literal (NumberReader.separator) */
const enum Sep {
  Next,
  Close,
  Bad,
}

/** pack()'s entries as they are read: one buffer for the process, grown by doubling, copied out per literal */
let scratch = new Float64Array(4096);

/**
 * Numbers and literals of numbers, read from character codes: the bytes most files are made of (issue 11).
 * The state lives in the object's fields (line counting inside a literal, the value just read).
 */
class NumberReader {
  /** the value of the number read last */
  value = 0;
  /** the end of the literal read last */
  end = 0;
  /** the line reached, and its start offset */
  line = 1;
  lineStart = 0;
  constructor(private readonly src: string) {}

  /**
   * A number from j (its value in `value`); returns its end. Up to 15 significant digits and a decimal
   * exponent within ±22, the value is an exact integer times or divided by an exact power of ten: one
   * correctly rounded operation, the same double as Number(text). Else Number(text).
   */
  number(j: number): number {
    const src = this.src;
    const s = j;
    let m = 0;
    let c = src.charCodeAt(j);
    while (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      c = src.charCodeAt(++j);
    }
    // digits and decimals counted from positions, not per character
    let digits = j - s;
    let frac = 0;
    if (c === 46) {
      const d = src.charCodeAt(j + 1);
      if (d >= 48 && d <= 57) {
        const f0 = ++j;
        c = d;
        while (c >= 48 && c <= 57) {
          m = m * 10 + (c - 48);
          c = src.charCodeAt(++j);
        }
        frac = j - f0;
        digits += frac;
      }
    }
    let exp = 0;
    if (c === 101 || c === 69) {
      let q = j + 1;
      let sign = 1;
      const sc = src.charCodeAt(q);
      if (sc === 43 || sc === 45) {
        sign = sc === 45 ? -1 : 1;
        q++;
      }
      let d = src.charCodeAt(q);
      if (d >= 48 && d <= 57) {
        while (d >= 48 && d <= 57) {
          if (exp < 100000) exp = exp * 10 + (d - 48);
          d = src.charCodeAt(++q);
        }
        exp *= sign;
        j = q;
      }
    }
    const e = exp - frac;
    if (digits <= 15 && e >= -22 && e <= 22) {
      let v = e === 0 ? m : e < 0 ? m / POW10[-e]! : m * POW10[e]!;
      // m · 10^e is exact only while it stays below 2^53; past that, Number() rounds it once
      if (e > 0 && v > 9007199254740991) v = Number(src.slice(s, j));
      this.value = v;
    } else this.value = Number(src.slice(s, j));
    return j;
  }

  /** skips spaces and line breaks inside a literal, counting lines */
  private space(j: number): number {
    const src = this.src;
    for (;;) {
      const c = src.charCodeAt(j);
      if (c === 32 || c === 9 || c === 0xa0) j++;
      else if (c === 10 || c === 13) {
        j += c === 13 && src.charCodeAt(j + 1) === 10 ? 2 : 1;
        this.line++;
        this.lineStart = j;
      } else return j;
    }
  }

  /** where separator() stopped: the next entry, or the list's ']' */
  private at = 0;

  /**
   * What follows an entry that ends at j, for pack() and list() alike: a ',' and the next entry (Sep.Next),
   * the list's ']' — after a trailing ',' too — (Sep.Close), or anything else (Sep.Bad); the position reached
   * in `at`. The common ", " before a number is taken without the general space scan.
   */
  private separator(j: number): Sep {
    const src = this.src;
    if (src.charCodeAt(j) === 44 && src.charCodeAt(j + 1) === 32) {
      const next = src.charCodeAt(j + 2);
      if ((next >= 48 && next <= 57) || next === 45) {
        this.at = j + 2;
        return Sep.Next;
      }
    }
    j = this.space(j);
    const e = src.charCodeAt(j);
    if (e === 44) {
      j = this.space(j + 1);
      this.at = j;
      return src.charCodeAt(j) === 93 ? Sep.Close : Sep.Next;
    }
    this.at = j;
    return e === 93 ? Sep.Close : Sep.Bad;
  }

  /** entries read by pack(), in order */
  private count = 0;
  /** pack(): the length of the lists at each depth (−1 until the first one closes) */
  private readonly dims = [-1, -1, -1];
  /** pack(): the depth whose entries are numbers (−1 until the first number) */
  private leafDepth = -1;

  /**
   * The literal at j as its shape and entries, with no node per number (issue 11: a file's values are
   * most of its bytes): a regular literal of numbers only, as list() reads it, whose lists at each depth
   * have the same length. Else null, with the reader's line state as it was (list() then decides).
   */
  pack(j: number): PackedNumbers | null {
    const line = this.line;
    const lineStart = this.lineStart;
    this.count = 0;
    this.dims.fill(-1);
    this.leafDepth = -1;
    const end = this.packLevel(j, 0);
    if (end < 0) {
      this.line = line;
      this.lineStart = lineStart;
      return null;
    }
    this.end = end;
    const data = scratch.slice(0, this.count);
    // a huge literal's buffer is not kept for the life of the process
    if (scratch.length > 1 << 16) scratch = new Float64Array(4096);
    return { shape: this.dims.slice(0, this.leafDepth + 1), data };
  }

  /** one list of pack() at depth (0 outermost); its end, or −1 where the literal is not regular */
  private packLevel(j: number, depth: number): number {
    const src = this.src;
    let n = 0;
    j = this.space(j + 1);
    // an empty list: list() reads it (and valueShape calls it ragged)
    if (src.charCodeAt(j) === 93) return -1;
    for (;;) {
      const c = src.charCodeAt(j);
      if (c === 91) {
        // list() reads three levels; a list where numbers were (or below them) is ragged
        if (depth >= 2 || this.leafDepth === depth) return -1;
        j = this.packLevel(j, depth + 1);
        if (j < 0) return -1;
      } else {
        if (this.leafDepth !== depth) {
          if (this.leafDepth !== -1) return -1;
          this.leafDepth = depth;
        }
        const neg = c === 45 || c === 0x2212;
        if (neg) j++;
        const d = src.charCodeAt(j);
        if (!((d >= 48 && d <= 57) || (d === 46 && isDigitCode(src.charCodeAt(j + 1))))) return -1;
        // number()'s reading inlined for the common entry, digits with decimals and no exponent (0.1234): the
        // same digits into the same mantissa, divided by the same power of ten, so the same double; anything
        // else goes to number(). The call and the value passed through a field were a sixth of reading a
        // literal (measured, the 64-unit RNN's literals at T = 20: 0.224 → 0.188 ms)
        let q = j;
        let m = 0;
        let ch = d;
        while (ch >= 48 && ch <= 57) {
          m = m * 10 + (ch - 48);
          ch = src.charCodeAt(++q);
        }
        let digits = q - j;
        let frac = 0;
        if (ch === 46) {
          const f = src.charCodeAt(q + 1);
          if (f >= 48 && f <= 57) {
            const f0 = ++q;
            ch = f;
            while (ch >= 48 && ch <= 57) {
              m = m * 10 + (ch - 48);
              ch = src.charCodeAt(++q);
            }
            frac = q - f0;
            digits += frac;
          }
        }
        let v: number;
        if (digits <= 15 && ch !== 101 && ch !== 69) {
          // 15 digits or fewer: m is exact, and frac ≤ 15 keeps 10^frac exact (number()'s condition)
          v = frac === 0 ? m : m / POW10[frac]!;
          j = q;
        } else {
          j = this.number(j);
          v = this.value;
        }
        if (this.count === scratch.length) {
          const more = new Float64Array(scratch.length * 2);
          more.set(scratch);
          scratch = more;
        }
        scratch[this.count++] = neg ? -v : v;
      }
      if (++n > LIMITS.maxEntries) return -1;
      // separator()'s first case in place: ", " and a digit or '-' (its result Sep.Next, at j + 2)
      if (src.charCodeAt(j) === 44 && src.charCodeAt(j + 1) === 32) {
        const next = src.charCodeAt(j + 2);
        if ((next >= 48 && next <= 57) || next === 45) {
          j += 2;
          continue;
        }
      }
      const sep = this.separator(j);
      if (sep === Sep.Bad) return -1;
      j = this.at;
      if (sep === Sep.Close) break;
    }
    const dims = this.dims;
    if (dims[depth] === -1) dims[depth] = n;
    else if (dims[depth] !== n) return -1;
    return j + 1;
  }

  /**
   * The literal at j (src[j] is '[') when it holds numbers (or such literals, 3 levels deep) and nothing
   * else, its end in `end`; null (the caller makes ordinary tokens) at anything else.
   */
  list(j: number, level: number): Ast | null {
    const src = this.src;
    const l0 = this.line;
    const c0 = j - this.lineStart + 1;
    const items: Ast[] = [];
    j = this.space(j + 1);
    if (src.charCodeAt(j) !== 93) {
      for (;;) {
        const c = src.charCodeAt(j);
        if (c === 91) {
          if (level >= 3) return null;
          const inner = this.list(j, level + 1);
          if (!inner) return null;
          items.push(inner);
          j = this.end;
        } else {
          const s = j;
          const neg = c === 45 || c === 0x2212;
          if (neg) j++;
          const d = src.charCodeAt(j);
          if (!((d >= 48 && d <= 57) || (d === 46 && isDigitCode(src.charCodeAt(j + 1))))) return null;
          j = this.number(j);
          // past a float64's range: ordinary tokens, where the number gets its error
          if (this.value === Infinity) return null;
          const ls = this.lineStart;
          items.push({
            k: 'num',
            value: neg ? -this.value : this.value,
            range: { line: this.line, column: s - ls + 1, endLine: this.line, endColumn: j - ls + 1 },
          });
        }
        if (items.length > LIMITS.maxEntries) return null;
        const sep = this.separator(j);
        if (sep === Sep.Bad) return null;
        j = this.at;
        if (sep === Sep.Close) break;
      }
    }
    this.end = j + 1;
    return { k: 'list', items, range: { line: l0, column: c0, endLine: this.line, endColumn: this.end - this.lineStart + 1 } };
  }
}

/**
 * The items of the packed literal at j, read again by list() when first asked for. Made outside lex(), so that
 * the function holds the text and the literal's place only, not the lexer's state and tokens (a model keeps
 * its literals' nodes).
 */
function literalItems(src: string, j: number, line: number, lineStart: number): () => Ast[] {
  return () => {
    const again = new NumberReader(src);
    again.line = line;
    again.lineStart = lineStart;
    const full = again.list(j, 1);
    // pack() accepts only what list() reads
    if (!full || full.k !== 'list') throw new Error('a packed literal did not read as a list');
    return full.items;
  };
}

/** what a '{' opened: a group the parser sees, or braces of a command that leaves no token */
const enum Brace {
  Real,
  Transparent,
  Underbrace,
  Overbrace,
}

const FONT_SWITCHES: ReadonlySet<string> = new Set(FONT_SWITCH_NAMES);
const FONT_SWITCH_LONGEST = Math.max(...FONT_SWITCH_NAMES.map((w) => w.length));

/** after a '{' at j − 1: the end of a font switch that opens the group (`{\rm d}`, `{ \bf W}`), else −1 */
function fontSwitchEnd(src: string, j: number): number {
  while (src.charCodeAt(j) === 32) j++;
  if (src.charCodeAt(j) !== 92) return -1;
  let k = j + 1;
  // by code: the letters were tested one string each, and most groups open with a command (\frac{\partial …})
  for (let c = src.charCodeAt(k); (c >= 65 && c <= 90) || (c >= 97 && c <= 122); c = src.charCodeAt(++k));
  // a command longer than every switch (\partial) needs no slice and lookup
  if (k - j - 1 > FONT_SWITCH_LONGEST || !FONT_SWITCHES.has(src.slice(j + 1, k))) return -1;
  while (src.charCodeAt(k) === 32) k++;
  return k;
}

/**
 * a space one cannot see, as text pasted from a PDF, a web page or a Windows editor has: the byte-order mark
 * U+FEFF (which made a file's first line, `T = 3`, an error), the typographic spaces U+2000–U+200B, U+202F,
 * U+205F and U+3000. They separate as a space does.
 */
function isInvisibleSpace(k: number): boolean {
  return (
    k === 0xfeff ||
    (k >= 0x2000 && k <= 0x200b) ||
    k === 0x202f ||
    k === 0x205f ||
    k === 0x3000 ||
    // Word's equations (UnicodeMath) write the function application U+2061 after tanh, the invisible times U+2062 and
    // separator U+2063, and ▒ (U+2592) between an n-ary operator's bounds and its operand: layout, as a space is
    (k >= 0x2061 && k <= 0x2063) ||
    k === 0x2592
  );
}

/** an unexpected character as the message names it: one that prints as nothing (or as �) by its code point */
function unexpectedText(cp: number, text: string): string {
  const code = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  if (cp === 0xfffd) return `unexpected character ${code} (�: the file has bytes that are not UTF-8 text)`;
  if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || /\p{Cf}/u.test(text)) return `unexpected character ${code} (a control character)`;
  return `unexpected character '${text}'`;
}

/** gradient descent's update (`w ← w − η ∂L/∂w`, \leftarrow, \gets): it assigns, and states no equality of the network */
export const updateText = (arrow: string): string =>
  `an update (${arrow}: w ← w − η ∂L/∂w) assigns a new value, as a descent step does: no equation of the network`;

export function lex(src: string): LexResult {
  const n = src.length;
  const tokens: Token[] = [];
  const errors: LexResult['errors'] = [];
  let line = 1;
  let lineStart = 0;
  let i = 0;
  /** open brackets of any kind: a statement continues onto the next line while one is open */
  let depth = 0;
  let lastEnd = -1;
  let statements = 0;
  /** what each open '{' is */
  const braces: Brace[] = [];
  /** open environments: true for a matrix (where & and \\ mean something) */
  const envs: boolean[] = [];
  let pendingTag: string | null = null;
  /** where the d of a \frac{dA}{dB} denominator is (fracDerivative), read as ∂ when reached */
  let fracD = -1;
  /** open angle brackets of a step, a^{⟨t⟩} (stepAngle): their closing ⟩ is the step's ')' */
  let angleSteps = 0;
  /** open angle brackets of an inner product, ⟨u, v⟩ (innerAngle) */
  let innerAngles = 0;
  /** the value of the number scanned last (scanNumber) */
  const numbers = new NumberReader(src);
  /** the next \r at or after the last comment (lineEnd); -1 until searched, 2^32-1 when there is none */
  let nextCR = -1;

  const range = (s: number, e: number): Range => ({ line, column: s - lineStart + 1, endLine: line, endColumn: e - lineStart + 1 });
  /** where Nielsen's Σ'(…) closes: the ')' there closes diag( as well (sigmaPrimeDiag) */
  const diagCloses: number[] = [];
  const push = (kind: TokKind, text: string, s: number, e: number, value = 0, plus = false) => {
    tokens.push(new Tok(kind, text, value, plus, s === lastEnd, s, e, pendingTag, line, lineStart));
    pendingTag = null;
    lastEnd = e;
    if (diagCloses.length && kind === 'op' && text === ')' && diagCloses[diagCloses.length - 1] === s) {
      diagCloses.pop();
      tokens.push(new Tok('op', ')', 0, false, true, s, e, null, line, lineStart));
    }
  };
  /** where the last \overset/\underset was refused: its partner on the line is not refused again */
  let stackedAt = -1;
  const error = (text: string, s: number, e: number, message: string) => {
    push('error', text, s, e);
    errors.push({ message, range: range(s, e) });
  };

  while (i < n) {
    const k = src.charCodeAt(i);
    // a run of spaces, a fifth of a file's characters, before any other test
    if (k === 32) {
      while (src.charCodeAt(++i) === 32);
      continue;
    }
    const s = i;
    // the operators that are one token whatever is around them, most of a LaTeX file's tokens: before the tests for
    // what else a character may start (none of these starts anything else) and with no call of single()
    const op = k < 128 ? PLAIN_OPS[k] : undefined;
    if (op !== undefined) {
      // ASCII ||x||, as plain text writes the norm ‖x‖ (a loss ½||y − o||²): one bar of a norm, unless it stands
      // between two operands, |a||b| (an absolute value's close, then another's open)
      if (k === 124 && src.charCodeAt(i + 1) === 124 && !betweenOperands(src, s, s + 2)) {
        i += 2;
        push('op', '‖', s, i);
        continue;
      }
      // `w -= η ∂L/∂w`, C's and Python's descent step (a solution's `\mathrel{-}=` unwrapped is `- =`): an update, as ← is
      // (no equation has a minus before its =). `+=` is code's accumulation over the steps, which the parser names
      if (k === 45) {
        const eq = compoundAssignment(src, s);
        if (eq > 0) {
          i = eq;
          error(src.slice(s, i), s, i, updateText('-='));
          continue;
        }
      }
      // Python's power x**2, as code writes x^2 (two '*' read no other way)
      if (k === 42 && src.charCodeAt(i + 1) === 42) {
        i += 2;
        push('op', '^', s, i);
        continue;
      }
      i++;
      if (k === 40) depth++;
      else if (k === 41 || k === 93) depth = Math.max(0, depth - 1);
      push('op', op, s, i);
      if (tooManyTokens(s)) break;
      continue;
    }
    // numbers: 3, 0.5, .5, 1e-3 (never "1." so that 1..3 stays a range)
    if (isDigitCode(k) || (k === 46 && isDigitCode(src.charCodeAt(i + 1)))) {
      i = numbers.number(i);
      push('num', src.slice(s, i), s, i, numbers.value);
      // 1e400 reads as ∞ in float64: said where it is written, not as an overflow of whatever uses it
      if (numbers.value === Infinity)
        errors.push({
          message: `the number ${src.slice(s, i)} is beyond a float64's range (the largest is about 1.8e308): it would read as ∞`,
          range: range(s, i),
        });
      continue;
    }
    // newlines: a statement continues while a bracket is open, unless the next line clearly starts a new one
    if (k === 10 || k === 13) {
      i += k === 13 && src.charCodeAt(i + 1) === 10 ? 2 : 1;
      let breakHere = depth === 0;
      if (!breakHere) {
        STATEMENT_START.lastIndex = i;
        if (STATEMENT_START.test(src)) {
          breakHere = true;
          depth = 0;
          braces.length = 0;
          envs.length = 0;
        }
      }
      if (breakHere) {
        const prev = tokens[tokens.length - 1];
        if (prev && prev.kind !== 'newline' && ++statements > LIMITS.maxStatements) {
          errors.push({
            message: `more than ${LIMITS.maxStatements.toLocaleString('en')} statements: the rest of the file is not analysed (limit)`,
            range: range(s, s),
          });
          break;
        }
        push('newline', '\n', s, s + 1);
      }
      line++;
      lineStart = i;
      lastEnd = -1;
      // a step's angle bracket left open (a^{<t}) closes nothing on a later line: a later ∏_{t≥i>k} keeps its >
      angleSteps = 0;
      innerAngles = 0;
      continue;
    }
    if (k === 32 || k === 9 || k === 0xa0 || isInvisibleSpace(k)) {
      i++;
      continue;
    }
    // comments: #, // and LaTeX's % (a line pasted from a .tex file keeps its remark; \% is LaTeX's percent sign)
    if (k === 35 || k === 37 || (k === 47 && src.charCodeAt(i + 1) === 47)) {
      i = lineEnd(i);
      continue;
    }
    if (k === 92) {
      latex();
      continue;
    }
    // ASCII derivative spellings dA/dB and d+A/dB
    if (k === 100 && (lastEnd !== s || !isNameCode(src.charCodeAt(s - 1)))) {
      // \frac{dL}{dW}: a d run into the name above and below, as \frac{d L}{d W} (the parser's reading); a d alone
      // above is the operator form \frac{d}{dW} L, as \frac{∂}{∂W} L
      // (spaces after the d above are layout: \frac{d e^{z}}{dz}, \frac{d\,L}{dw}, \frac{d L}{dw})
      const a = thinSpaces(src, afterEmptyScripts(src, i + 1));
      if (i === fracD || ((startsNameAt(src, a) || src.charCodeAt(a) === 125) && fracDerivative(i))) {
        i += 1;
        push('partial', '∂', s, i, UPRIGHT_D);
        continue;
      }
      ASCII_DERIV.lastIndex = i;
      const m = ASCII_DERIV.exec(src);
      if (m) {
        i += 1 + m[1]!.length;
        push('partial', '∂', s, i, UPRIGHT_D, m[1] === '+');
        continue;
      }
      // the d of the denominator: "/ dB" right after a partial numerator
      const prev = tokens[tokens.length - 1];
      if (prev && prev.kind === 'op' && prev.text === '/' && isPartialNumerator(tokens) && startsNameAt(src, i + 1)) {
        i += 1;
        push('partial', '∂', s, i, UPRIGHT_D);
        continue;
      }
    }
    if (isLetterCode(k)) {
      word();
      continue;
    }
    // 𝟙 (U+1D7D9, two UTF-16 units): the indicator's 1
    // 𝟏 (U+1D7CF) is \mathbf{1} typed as one character, the all-ones vector as 𝟙 is
    if (k === 0xd835 && (src.charCodeAt(i + 1) === 0xdfd9 || src.charCodeAt(i + 1) === 0xdfcf)) {
      i += 2;
      push('num', ONES, s, i, 1);
      continue;
    }
    // 𝐿, 𝜎, 𝜕 (a math font's letters, as Word's equations paste): the plain letter, ∂ or ∇
    const plain = k === 0xd835 ? mathAlphanumeric(src, i) : '';
    if (plain === '∂') {
      i += 2;
      pushPartial(s);
      continue;
    }
    if (plain === '∇') {
      i += 2;
      push('nabla', '∇', s, i);
      continue;
    }
    if (plain && isLetterCode(plain.charCodeAt(0))) {
      word();
      continue;
    }
    // 𝟐, 𝟘 (a math font's digit, as a pasted equation has it): the digit
    if (plain && plain >= '0' && plain <= '9') {
      i += 2;
      push('num', plain, s, i, plain.charCodeAt(0) - 48);
      continue;
    }
    // 𝕀 (U+1D540): \mathbb{I} typed as one character, the identity or the indicator's I
    if (k === 0xd835 && src.charCodeAt(i + 1) === 0xdd40) {
      i += 2;
      lexWord('I', s, i);
      continue;
    }
    // h⁽ᵗ⁻¹⁾, h₍ₜ₎, Σₜ: a run of Unicode scripts, read as the LaTeX it prints (unicodeScripts.ts)
    if (k >= 0x2b0 && scripts()) continue;
    // superscripts: x² is x^2, W⁻¹ is W^{-1}
    if (superDigit(k) >= 0 || (k === SUPER_MINUS && superDigit(src.charCodeAt(i + 1)) >= 0)) {
      superscript();
      continue;
    }
    if (k === 91 && literal()) continue;
    single(k);
    if (tooManyTokens(s)) break;
  }
  push('newline', '\n', n, n);
  tokens.push(new Tok('eof', '', 0, false, false, n, n, null, line, lineStart));
  return { tokens, errors };

  /** whether the tokens are past their limit (said, for the token from s); the lexer then stops */
  function tooManyTokens(s: number): boolean {
    if (tokens.length <= LIMITS.maxTokens) return false;
    errors.push({ message: `file too large: more than ${LIMITS.maxTokens.toLocaleString('en')} tokens (limit)`, range: range(s, i) });
    return true;
  }

  /**
   * The end of the line at j: the next \n or \r, found by indexOf (comments are much of a worked example's
   * text). The next \r is remembered, so that a file without one is not searched again for each comment.
   */
  function lineEnd(j: number): number {
    if (nextCR < j) nextCR = src.indexOf('\r', j) >>> 0;
    const lf = src.indexOf('\n', j) >>> 0;
    return Math.min(lf, nextCR, n);
  }

  /**
   * A bracket literal of numbers only, at i: read straight into its AST (no token per number and comma),
   * which is most of the bytes of a file that gives its values. Anything else in it (a name, an
   * operator, a comment) and the ordinary tokens are made instead. A '[' right after an operand is an
   * index (v[2]) and is left alone.
   */
  function literal(): boolean {
    const prev = tokens[tokens.length - 1];
    if (
      prev &&
      i === lastEnd &&
      (prev.kind === 'name' ||
        prev.kind === 'num' ||
        prev.kind === 'lit' ||
        (prev.kind === 'op' && (prev.text === ')' || prev.text === ']' || prev.text === '}' || prev.text === 'ᵀ' || prev.text === "'")))
    )
      return false;
    numbers.line = line;
    numbers.lineStart = lineStart;
    const ast = packedList(i) ?? numbers.list(i, 1);
    if (!ast) return false;
    const s = i;
    tokens.push(new Tok('lit', '[', 0, false, s === lastEnd, s, numbers.end, pendingTag, line, lineStart, ast));
    pendingTag = null;
    line = numbers.line;
    lineStart = numbers.lineStart;
    lastEnd = i = numbers.end;
    return true;
  }

  /**
   * A regular literal of numbers at j as a `list` carrying its shape and entries (`packed`); its items
   * (a `num` node per entry, with its range) are read from the text again only if something asks for them.
   */
  function packedList(j: number): Ast | null {
    const line0 = numbers.line;
    const lineStart0 = numbers.lineStart;
    const packed = numbers.pack(j);
    if (!packed) return null;
    // an entry past a float64's range: read entry by entry, where that number gets its error
    const data = packed.data;
    for (let k = 0; k < data.length; k++) if (data[k] === Infinity || data[k] === -Infinity) return null;
    const range = {
      line: line0,
      column: j - lineStart0 + 1,
      endLine: numbers.line,
      endColumn: numbers.end - numbers.lineStart + 1,
    };
    return lazyItems(range, packed, literalItems(src, j, line0, lineStart0));
  }

  /** a name, a keyword or a function spelled with letters: W_xh, h_t, L_3, h̃, sum_ */
  function word() {
    const s = i;
    // (a math font's letter, two UTF-16 units, may start it: mathAlphanumeric)
    let j = i + (src.charCodeAt(i) === 0xd835 ? 2 : 1);
    /** a character above ASCII in the word: only then can NFD change it */
    let wide = src.charCodeAt(i) >= 128;
    // letters, digits, combining marks and _segments (W_xh, h_t, L_3); "_{" and "_(" end the word: the subscript is a group
    /** a math font's letters or digits in the word (𝑊ℎℎ): folded to plain ones below */
    let fonts = false;
    /** an escaped underscore in the word (dnext\_c): made the name's _ below */
    let escaped = false;
    for (;;) {
      let c = src.charCodeAt(j);
      for (;;) {
        if (c === 0xd835) {
          if (!isNameCode(mathAlphanumeric(src, j).charCodeAt(0))) break;
          fonts = true;
          j += 2;
          c = src.charCodeAt(j);
        } else if (j < n && isNameCode(c)) {
          if (c >= 128) wide = true;
          c = src.charCodeAt(++j);
        } else break;
      }
      if (
        c === 95 &&
        j + 1 < n &&
        (mathAlphanumeric(src, j + 1) || (src.charCodeAt(j + 1) !== 0xd835 && isNameCode(src.charCodeAt(j + 1))))
      ) {
        j++;
        continue;
      }
      // dnext\_c: LaTeX's escaped underscore inside a name of code (CS231n's dprev\_h) is the name's _
      // (h\_3, h\_t: a step after it too, as h_3 is one word)
      if (c === 92 && src.charCodeAt(j + 1) === 95 && j + 2 < n && isNameCode(src.charCodeAt(j + 2))) {
        escaped = true;
        j += 2;
        continue;
      }
      break;
    }
    let w = src.slice(i, j);
    if (escaped) w = w.replace(/\\_/g, '_');
    if (fonts || src.charCodeAt(i) === 0xd835) w = w.replace(/\uD835[\uDC00-\uDFFF]/g, (pair) => pair.normalize('NFKC'));
    // ℎ (U+210E), the italic h of Word's equations (the math font has no h of its own)
    // ℒ ℋ ℬ ℰ ℱ ℐ ℳ ℛ, the script capitals typed as characters (probe 47's plain-text student), are \mathcal{L} …: the
    // letter, as 𝓛 is (ℓ stays a letter of its own: Prince's loss ℓ_i)
    if (wide) w = w.replace(/\u210E/g, 'h').replace(/[ℒℋℬℰℱℐℳℛ]/g, (c) => c.normalize('NFKC'));
    // sum_/prod_ are Σ/∏ written in ASCII (their s or p asked first: every word passes here)
    const w0 = w.charCodeAt(0);
    if ((w0 === 115 || w0 === 112) && (w.startsWith('sum_') || w.startsWith('prod_'))) {
      const b = w.startsWith('sum') ? 'sum' : 'prod';
      i += b.length;
      push('bigop', b, s, i);
      push('op', '_', i, i + 1);
      i += 1;
      return;
    }
    if ((w === 'sum' || w === 'prod') && src.charCodeAt(j) === 95) {
      i = j;
      push('bigop', w, s, i);
      return;
    }
    // nabla_W L and grad_{W} L are ∇_W L typed in ASCII, as sum_ is Σ (grad(A, B) stays the derivative's call)
    const nabla = w0 === 110 || w0 === 103 ? /^(?:nabla|grad)(?=_|$)/.exec(w) : null;
    if (nabla && (w.length > nabla[0].length || src.charCodeAt(j) === 95)) {
      i = s + nabla[0].length;
      push('nabla', '∇', s, i);
      return;
    }
    // Unicode subscript digits: h₂ is h_2
    let q = j;
    while (q < n && isSubscriptDigit(src.charCodeAt(q))) q++;
    if (q > j) {
      w += '_';
      for (let d = j; d < q; d++) w += String(src.charCodeAt(d) - 0x2080);
      j = q;
    }
    i = j;
    // ŷ typed as one character (U+0177) is the same name as \hat{y} (y and a combining circumflex);
    // ASCII is its own NFD
    lexWord(wide ? w.normalize('NFD') : w, s, i);
  }

  /**
   * the run of Unicode scripts at i (h⁽ᵗ⁻¹⁾'s ⁽ᵗ⁻¹⁾) as the tokens of the LaTeX it prints, `^{(t-1)}`, each one spanning
   * the run; false where no such run starts (digits alone and ᵀ alone are read as before)
   */
  function scripts(): boolean {
    const run = scriptRun(src, i, afterLowerBound());
    if (!run) return false;
    const s = i;
    const sub = lex(run.latex);
    sub.tokens.forEach((t, q) => {
      if (t.kind === 'newline' || t.kind === 'eof') return;
      tokens.push(new Tok(t.kind, t.text, t.value, t.plus, q === 0 ? s === lastEnd : t.tight, s, run.end, null, line, lineStart));
    });
    for (const e of sub.errors) errors.push({ message: e.message, range: range(s, run.end) });
    lastEnd = run.end;
    i = run.end;
    return true;
  }

  /** whether the last tokens are a Σ's or ∏'s lower bound, `Σ _ { … }` (the script after it is the upper bound) */
  function afterLowerBound(): boolean {
    let q = tokens.length - 1;
    if (!isOpTok(tokens[q], '}')) return false;
    for (let depth = 0; q >= 0; q--) {
      if (isOpTok(tokens[q], '}')) depth++;
      else if (isOpTok(tokens[q], '{') && --depth === 0) break;
    }
    return q >= 2 && isOpTok(tokens[q - 1], '_') && tokens[q - 2]!.kind === 'bigop';
  }

  /** ², ⁻¹: '^', then '-' and the number */
  function superscript() {
    const s = i;
    const neg = src.charCodeAt(i) === SUPER_MINUS;
    if (neg) i++;
    let v = 0;
    let d: number;
    while ((d = superDigit(src.charCodeAt(i))) >= 0) {
      v = v * 10 + d;
      i++;
    }
    push('op', '^', s, i);
    if (neg) push('op', '-', s, i);
    push('num', String(v), s, i, v);
  }

  /** one character of its own (an operator, ∂, Σ, a bracket), switched on by code: no string is made for it */
  function single(k: number) {
    const s = i;
    i++;
    /** the operator the character is, pushed after the switch: one push here, not one per case (each was inlined) */
    let op: string;
    switch (k) {
      case 0x2202: // ∂
        pushPartial(s);
        return;
      case 0x2207: // ∇
        push('nabla', '∇', s, i);
        return;
      case 0x3a3: // Σ
      case 0x2211: // ∑
        push('bigop', 'sum', s, i);
        return;
      case 0x220f: // ∏
        push('bigop', 'prod', s, i);
        return;
      case 123: // {
        // an empty group {} prints nothing: x^{(t)}{}^\top is x^{(t)}^\top (what follows stays tight)
        if (isEmptyGroupAt(src, i)) {
          const close = src.indexOf('}', i);
          // an empty script, ^{} or _{}, is nothing too (TeX sets no box): written by hand (`\partial^{} L`, `w_{}`,
          // `h_{t}^{}`) it was a script with no value; its mark goes, and what follows stays as tight as the mark was
          const mark = tokens[tokens.length - 1];
          if (mark && mark.kind === 'op' && (mark.text === '^' || mark.text === '_') && src.slice(mark.end, s).trim() === '') {
            tokens.pop();
            lastEnd = mark.tight ? close + 1 : -1;
            i = close + 1;
            return;
          }
          if (lastEnd === s) lastEnd = close + 1;
          i = close + 1;
          return;
        }
        depth++;
        {
          // {\rm d}, {\bf W}: a group a font switch opens is transparent, as \mathrm{d} is (so \frac{{\rm d}L}{{\rm d}w} is dL/dw)
          const f = fontSwitchEnd(src, i);
          if (f > 0) {
            if (lastEnd === s) lastEnd = f;
            i = f;
            braces.push(Brace.Transparent);
            return;
          }
        }
        braces.push(Brace.Real);
        op = '{';
        break;
      case 125: // }
        closeBrace(s);
        return;
      case 91: // [
        depth++;
        op = '[';
        break;
      case 0xb7: // ·
      case 0x22c5: // ⋅
      case 0xd7: // ×
      case 0x2219: // ∙
        op = '*';
        break;
      case 0x3016: // 〖 … 〗, UnicodeMath's invisible grouping (∑_(t=1)^T▒〖…〗): a group, as ( … ) is
        depth++;
        op = '(';
        break;
      case 0x3017:
        depth = Math.max(0, depth - 1);
        op = ')';
        break;
      case 0x2298: // ⊘ (Hadamard division)
        op = '/';
        break;
      case 0x2217: // ∗ (deeplearning.ai's elementwise product; * is elementwise on equal shapes)
        op = '*';
        break;
      case 0x27e8: // ⟨ and 〈: a step's bracket right after ^ (stepAngle)
      case 0x2329:
      case 0x27e9: // ⟩ and 〉
      case 0x232a:
        if (!stepAngle(k === 0x27e8 || k === 0x2329, s)) innerAngle(k === 0x27e8 || k === 0x2329, s);
        return;
      case 0x2297: // ⊗ (the outer product)
        op = '⊗';
        break;
      case 0x2299: // ⊙
      case 0x2218: // ∘
      case 0x22c6: // ⋆ (CS230's)
        op = '⊙';
        break;
      case 0x2212: // − (minus sign)
      case 0x2013: // – (en dash)
        op = '-';
        break;
      case 0x1d40: // ᵀ
      case 0x22a4: // ⊤
        op = 'ᵀ';
        break;
      case 0x2032: // ′
      case 0x2019: // ’, the prime a word processor's smart quotes make of ' (σ’(z), W’)
      case 39: // '
        op = "'";
        break;
      case 0x207a: // ⁺
        op = '⁺';
        break;
      case 0x2248: // ≈
      case 0x2243: // ≃
        op = '≈';
        break;
      case 0x2261: // ≡, "equal by definition" or "identically equal": the equals sign
      case 0x2254: // ≔
      case 0x225c: // ≜
        op = '=';
        break;
      case 0xbd: // ½, as in L = ½‖h_T‖²: the number 1/2 (also ¼, ¾)
      case 0xbc:
      case 0xbe:
        push('num', src[s]!, s, i, k === 0xbd ? 0.5 : k === 0xbc ? 0.25 : 0.75);
        return;
      case 0x2190: // ←, ⟵: an update, as \leftarrow is
      case 0x27f5:
        error(src[s]!, s, i, updateText(src[s]!));
        return;
      case 0x2260: // ≠
        op = '≠';
        break;
      case 33: // !=, as ≠; a lone ! stays unexpected
        if (src.charCodeAt(i) !== 61) {
          error('!', s, i, unexpectedText(33, '!'));
          return;
        }
        i++;
        op = '≠';
        break;
      case 0x2208: // ∈
        op = '∈';
        break;
      case 0x2200: // ∀: as \forall, the range of a check (∀ t ∈ {1, …, T})
        push('kw', 'for', s, i);
        return;
      case 0x2264: // ≤
      case 0x2a7d: // ⩽
        op = '≤';
        break;
      case 0x2265: // ≥
      case 0x2a7e: // ⩾
        op = '≥';
        break;
      case 46: // .
        if (src.charCodeAt(i) === 46) {
          i++;
          op = '..';
        } else if (numpyTranspose(src, s)) {
          // numpy's h_t.T (and W_hy.T @ δ): the transpose, not a product with the horizon T
          i++;
          op = 'ᵀ';
        } else op = '.';
        break;
      case 0x2026: // …
      case 0x22ef: // ⋯
        op = '…';
        break;
      case 0x2016: // ‖ (the norm)
        op = '‖';
        break;
      case 36: // $
        // `$$ … $$`, `$ … $` pasted with a display onto a check line: math shifts are layout (nothing else uses $)
        return;
      case 38: // &
        if (envs.length && envs[envs.length - 1]) push('op', '&', s, i);
        return;
      case 59: // ;
        // [h_{t-1}; x_t], [1, 2; 3, 4]: a row break of a literal, as papers stack vectors; elsewhere no character of the language
        if (inSquareBracket()) {
          op = ';';
          break;
        }
        // `… = -2(y_3 - o_3);` pasted from a sentence: a semicolon ending the line is its punctuation, as a full stop is
        if (/^[ \t]*(?:\r?\n|$)/.test(src.slice(i, i + 80))) return;
        error(';', s, i, unexpectedText(59, ';'));
        return;
      case 47: // /
      case 61: // =
      case 58: // :
      case 60: // <
      case 62: // >
        // a^{<t>}: the step's brackets (stepAngle); elsewhere a Σ/∏ bound's relation
        if ((k === 60 || k === 62) && stepAngle(k === 60, s)) return;
        // `w <- w − η ∂L/∂w`, the arrow typed in ASCII (R's assignment): an update, as ← is. `t <-1` (a number right
        // after the minus) stays a bound's relation and a negative number
        if (k === 60 && src.charCodeAt(i) === 45 && !/[\d.]/.test(src[i + 1] ?? '')) {
          i++;
          error('<-', s, i, updateText('<-'));
          return;
        }
        // := (a definition's sign) and a programmer's == are the equals sign
        if ((k === 58 || k === 61) && src.charCodeAt(i) === 61) {
          i++;
          op = '=';
          break;
        }
        // one ASCII character: the engine's one-character strings, not a new one
        op = String.fromCharCode(k);
        break;
      default: {
        // a character outside the BMP is one code point of two units
        const cp = src.codePointAt(s)!;
        const text = String.fromCodePoint(cp);
        i = s + text.length;
        const what = isMarkCode(k)
          ? `a combining mark (U+${k.toString(16).toUpperCase().padStart(4, '0')}) with no letter before it`
          : unexpectedText(cp, text);
        error(text, s, i, what);
        return;
      }
    }
    push('op', op, s, i);
  }

  function closeBrace(s: number) {
    depth = Math.max(0, depth - 1);
    const b = braces.length ? braces.pop()! : Brace.Real;
    if (b === Brace.Real) {
      push('op', '}', s, i);
      return;
    }
    // a transparent brace: \mathbf{h}^{(T)} keeps the ^ tight on h
    if (lastEnd === s) lastEnd = i;
    if (b === Brace.Underbrace || b === Brace.Overbrace) {
      // drop the annotation: \underbrace{A}_{…}, \overbrace{A}^{…}
      let j = i;
      while (src.charCodeAt(j) === 32) j++;
      if (src.charCodeAt(j) === (b === Brace.Underbrace ? 95 : 94)) {
        j++;
        while (src.charCodeAt(j) === 32) j++;
        i = src.charCodeAt(j) === 123 ? skipGroup(j) : src.charCodeAt(j) === 92 ? commandEnd(j) : j + 1;
      }
    }
  }

  /**
   * The end of a balanced { … } starting at j; unbalanced (no '}' on the line, or none within `limit`
   * characters, so that a line of thousands of unclosed groups stays linear), the end of what was read.
   */
  function skipGroup(j: number, limit = 2000): number {
    let d = 0;
    const stop = Math.min(n, j + limit);
    for (; j < stop; j++) {
      const c = src.charCodeAt(j);
      if (c === 92) {
        // an escaped character is skipped, but never a line break: the group ends with its line
        const e = src.charCodeAt(j + 1);
        if (e === 10 || e === 13) return j + 1;
        j++;
        continue;
      }
      if (c === 123) d++;
      else if (c === 125 && --d === 0) return j + 1;
      else if (c === 10 || c === 13) return j;
    }
    return j;
  }

  /** the end of a command \name or \c starting at j (a backslash before a line break or the end is alone) */
  function commandEnd(j: number): number {
    let q = j + 1;
    const c = src.charCodeAt(q);
    if (c === 10 || c === 13 || q >= n) return q;
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
      let d = c;
      while ((d >= 65 && d <= 90) || (d >= 97 && d <= 122)) d = src.charCodeAt(++q);
      return q;
    }
    return q < n ? q + 1 : q;
  }

  /**
   * whether from..to closes an equation's line: something of it comes before on the line, and nothing but spaces and
   * a sentence's marks after (`… \qquad \textbf{correct}`, where `\textbf{loss}` opening a line is a name)
   */
  function closesLine(from: number, to: number): boolean {
    const nl = src.indexOf('\n', to);
    if (!/^[\s.,;:!?]*$/.test(src.slice(to, nl < 0 ? src.length : nl))) return false;
    const before = src.slice(src.lastIndexOf('\n', from - 1) + 1, from).trim();
    return before !== '' && !/^(?:\$\$?|\\\[|check|derive)$/.test(before);
  }

  /**
   * `\mathrel{-}=` (an update, said as ← is), `\mathrel{+}=` (+=, which the parser names) and `\mathrel{:}=` (the equals
   * sign): the command at s, its group at j; read (i moved past the =) or false, when the group holds anything else or
   * no = follows
   */
  function relationEquals(s: number, j: number): boolean {
    const g = groupAt(j);
    const mark = g?.[0].trim();
    if (!g || (mark !== '-' && mark !== '+' && mark !== ':')) return false;
    let e = g[1];
    while (src.charCodeAt(e) === 32) e++;
    if (src.charCodeAt(e) !== 61) return false;
    i = e + 1;
    if (mark === ':') push('op', '=', s, i);
    else if (mark === '-') error(src.slice(s, i), s, i, updateText('\\mathrel{-}='));
    else {
      push('op', '+', s, e);
      push('op', '=', e, i);
    }
    return true;
  }

  /** the content of the { … } group at j (after spaces), and its end; null when there is none */
  function groupAt(j: number): [string, number] | null {
    while (src.charCodeAt(j) === 32) j++;
    if (src.charCodeAt(j) !== 123) return null;
    const e = skipGroup(j);
    if (src.charCodeAt(e - 1) !== 125) return null;
    return [src.slice(j + 1, e - 1), e];
  }

  /**
   * deeplearning.ai writes steps in angle brackets: a^{⟨t⟩}, a^{\langle t-1 \rangle}, and in ASCII a^{<t>}. Right
   * after ^ or ^{ (or a layer's ^{[l]}) an opening angle is the step's '(' (a^{(t)}), and the angle that closes it its ')'; anywhere else
   * (⟨u, v⟩) it stays unread. Whether the bracket at s..i was read so (pushed).
   */
  function stepAngle(open: boolean, s: number): boolean {
    if (open) {
      // a^{[1]<t>}: after a deep RNN's layer tag too (superscriptNames.ts layerTag), the literal [1] after ^{
      const last = tokens[tokens.length - 1];
      // Cho et al. (2014) write the step under the name too, h_{⟨t−1⟩}, as h_{(t−1)} reads
      if (
        !inSuperscript() &&
        !inSubscriptStart() &&
        !(last?.kind === 'lit' && tokens[tokens.length - 2]?.kind === 'op' && tokens[tokens.length - 2]!.text === '{' && inSuperscript(1))
      )
        return false;
      angleSteps++;
      depth++;
      push('op', '(', s, i);
      return true;
    }
    if (angleSteps === 0) return false;
    angleSteps--;
    depth = Math.max(0, depth - 1);
    push('op', ')', s, i);
    return true;
  }

  /**
   * an angle bracket that holds no step: the inner product's, ⟨u, v⟩ (the parser reads the pair and says what else is
   * not read); its closing one where one is open
   */
  function innerAngle(open: boolean, s: number): void {
    if (open) {
      innerAngles++;
      depth++;
    } else if (innerAngles > 0) {
      innerAngles--;
      depth = Math.max(0, depth - 1);
    }
    push('op', open ? '⟨' : '⟩', s, i);
  }

  /** a LaTeX command at i */
  function latex() {
    const s = i;
    const e = commandEnd(i);
    const info = commandAt(src, i + 1, e);
    // the entry's name is the command as written: no slice for a known command
    const cmd = info !== undefined ? info.name : src.slice(i + 1, e);
    i = e;
    if (cmd === '') {
      error('\\', s, i, 'a lone backslash');
      return;
    }
    if (info === undefined) {
      // W\_{hh}, \sum\_{t=1}: a Markdown exporter's escaped underscore (Google Docs' download as Markdown escapes every
      // _ of the text, an equation's too) is the subscript it was typed as
      if (cmd === '_') {
        push('op', '_', s, i);
        return;
      }
      // "\forall t < T": the range of a check
      if (cmd === 'forall') {
        push('kw', 'for', s, i);
        return;
      }
      if ((cmd === 'langle' || cmd === 'rangle') && stepAngle(cmd === 'langle', s)) return;
      if (cmd === 'langle' || cmd === 'rangle') {
        innerAngle(cmd === 'langle', s);
        return;
      }
      // \overset{T}{\underset{t=1}{\sum}}: a Σ's bounds stacked by hand (said once, at the first of the two)
      if (cmd === 'overset' || cmd === 'underset' || cmd === 'stackrel') {
        const other = stackedAt >= 0 && !src.slice(stackedAt, s).includes('\n');
        stackedAt = s;
        if (!other)
          error(
            src.slice(s, i),
            s,
            i,
            `\\${cmd} (bounds stacked by hand) is not read: write a Σ's or ∏'s bounds as its sub- and superscript, \\sum_{t=1}^{T}`,
          );
        return;
      }
      // \Sigma_{t=1}^{T}, \Sigma_j: the capital letter with a sum's bounds is the sum, as Σ typed is (students write it
      // so); alone it stays refused (a name Σ would read as the sum)
      // Nielsen's Σ'(z^L) (eq. 33): the square matrix with σ'(z_j) on its diagonal, diag(σ'(z^L)); no sum has a prime
      const arg = cmd === 'Sigma' ? sigmaPrimeDiag(src, i) : null;
      if (arg) {
        push('fn', 'diag', s, i);
        push('op', '(', i, i);
        push('fn', 'dsigma', i, arg.open);
        diagCloses.push(arg.close);
        i = arg.open;
        return;
      }
      if (cmd === 'Sigma' && /^[ \t]*[_^]/.test(src.slice(i, i + 8))) {
        push('bigop', 'sum', s, i);
        return;
      }
      // `w \leftarrow w - η ∂L/∂w`: gradient descent's update assigns a new value; it states no equality of the network
      if (cmd === 'leftarrow' || cmd === 'gets' || cmd === 'longleftarrow') {
        error(src.slice(s, i), s, i, updateText(`\\${cmd}`));
        return;
      }
      // `w \mathrel{-}= η ∂L/∂w` (LaTeX's spacing for C's -=): an update, as -= is; `\mathrel{:}=` is :=, the equals sign
      if (cmd === 'mathrel' && relationEquals(s, i)) return;
      error(src.slice(s, i), s, i, `unknown LaTeX command \\${cmd}`);
      return;
    }
    switch (info.kind) {
      case Cmd.LineBreak:
        // a line break: a row of a matrix; layout elsewhere. \\[2pt] has a spacing argument.
        if (src.charCodeAt(i) === 91) {
          const close = src.indexOf(']', i);
          if (close > 0 && close - i < 12 && /^\[[\d.]+(pt|em|ex|mm|cm)\]$/.test(src.slice(i, close + 1))) i = close + 1;
        }
        if (envs.length && envs[envs.length - 1]) push('op', 'row', s, i);
        return;
      case Cmd.Ignored:
        ignored(cmd, s);
        return;
      case Cmd.Font: {
        // \textit{chain rule}, \textbf{by parts}: words in a text font are prose, as in \text (it was "unknown name
        // chain"); one word, \textbf{W}, stays a name in that font
        const words = TEXT_FONTS.has(cmd) ? groupAt(i) : null;
        if (words && (PROSE.test(words[0]) || (REMARK_WORD.test(words[0]) && closesLine(s, words[1])))) {
          text(s);
          return;
        }
        // \mathbf{1}, \boldsymbol{1}, \mathbb{1}: the all-ones vector (or the indicator's 1_{…}), one token
        const g = BOLD_ONE_FONTS.has(cmd) ? groupAt(i) : null;
        if (g && g[0].trim() === '1') {
          i = g[1];
          push('num', ONES, s, i, 1);
          return;
        }
        transparent(Brace.Transparent, s);
        return;
      }
      case Cmd.Underbrace:
        transparent(Brace.Underbrace, s);
        return;
      case Cmd.Overbrace:
        transparent(Brace.Overbrace, s);
        return;
      case Cmd.Text:
        text(s, cmd === 'texttt');
        return;
      case Cmd.Label: {
        const g = groupAt(i);
        if (g) i = g[1];
        return;
      }
      case Cmd.Tag:
        tag(s);
        return;
      case Cmd.Begin:
      case Cmd.End:
        environment(info.kind === Cmd.Begin, s);
        return;
      case Cmd.Partial:
        pushPartial(s);
        return;
      case Cmd.Nabla:
        push('nabla', '∇', s, i);
        return;
      case Cmd.Sum:
        push('bigop', 'sum', s, i);
        return;
      case Cmd.Prod:
        push('bigop', 'prod', s, i);
        return;
      case Cmd.Frac:
        push('frac', 'frac', s, i);
        return;
      case Cmd.Over:
        overFraction(s);
        return;
      case Cmd.Bar:
        if (codeD(s)) return;
        push('bar', cmd, s, i);
        return;
      case Cmd.Accent:
        accent(cmd, info.value, s);
        return;
      case Cmd.Op:
        push('op', info.value, s, i);
        return;
      case Cmd.OpenBrace:
        depth++;
        push('op', '(', s, i);
        return;
      case Cmd.CloseBrace:
        depth = Math.max(0, depth - 1);
        push('op', ')', s, i);
        return;
      case Cmd.Greek:
      case Cmd.Function:
        lexWord(info.value, s, i);
        return;
    }
  }

  /**
   * {A \over B}, plain TeX's fraction (older notes: {\partial L \over \partial h_t}): read as \frac{A}{B} — a frac token
   * before the group's '{', and '}{' in the place of \over. Outside braces it is refused, naming \frac.
   */
  function overFraction(s: number) {
    let d = 0;
    for (let q = tokens.length - 1; q >= 0 && tokens.length - q <= 4096; q--) {
      const t = tokens[q]!;
      if (t.kind === 'newline') break;
      if (t.kind !== 'op' || (t.text !== '{' && t.text !== '}')) continue;
      if (t.text === '}') d++;
      else if (d-- === 0) {
        tokens.splice(q, 0, (t as Tok).retyped('frac', 'frac'));
        push('op', '}', s, i);
        push('op', '{', s, i);
        return;
      }
    }
    error(src.slice(s, i), s, i, String.raw`\over is read inside braces only, {A \over B}: write \frac{A}{B}`);
  }

  /** spacing, sizing and numbering commands (LATEX_IGNORED): no token, but an equation number or a separator */
  function ignored(cmd: string, s: number) {
    // an equation number set off by a space at the end of the line, u_t = … \quad (1), is its label
    if (cmd === 'quad' || cmd === 'qquad') {
      EQUATION_NUMBER.lastIndex = i;
      const m = EQUATION_NUMBER.exec(src);
      if (m) {
        pendingTag = m[1]!;
        i += m[0].length;
        return;
      }
    }
    if (SPACING_WITH_ARGUMENT.has(cmd)) {
      // \mkern-1.5mu (a dimension), \hspace{2pt}, \hspace*{…}, \phantom{x} (a group): nothing is printed
      const dim = /\s*\*?\s*(?:-?\s*(?:\d+\.?\d*|\.\d+)\s*(?:mu|pt|em|ex|mm|cm|in|bp|sp)|(?=\{))/y;
      dim.lastIndex = i;
      const m = dim.exec(src);
      if (m) {
        i += m[0].length;
        if (src.charCodeAt(i) === 123) i = skipGroup(i);
      }
      return;
    }
    if (LATEX_SEPARATORS.has(cmd) && separatesEntries()) push('op', 'sep', s, i);
    // \left. and \right. are invisible delimiters
    if ((cmd === 'left' || cmd === 'right' || cmd.startsWith('big') || cmd.startsWith('Big')) && src.charCodeAt(i) === 46) i++;
  }

  /** \quad between two entries of a [ … ] literal separates them: [1 \quad -1 \quad 1] */
  function separatesEntries(): boolean {
    const prev = tokens[tokens.length - 1];
    if (!prev || !(prev.kind === 'num' || prev.kind === 'name' || (prev.kind === 'op' && (prev.text === ')' || prev.text === ']'))))
      return false;
    return inSquareBracket();
  }

  /** whether the innermost open bracket is a '[' (a literal's) */
  function inSquareBracket(): boolean {
    let d = 0;
    for (let q = tokens.length - 1; q >= 0; q--) {
      const t = tokens[q]!;
      if (t.kind === 'newline') return false;
      if (t.kind !== 'op') continue;
      if (t.text === ')' || t.text === ']' || t.text === '}' || t.text === 'mat]') d++;
      else if (t.text === '(' || t.text === '{' || t.text === 'mat[') {
        if (d-- === 0) return false;
      } else if (t.text === '[') {
        if (d-- === 0) return true;
      }
      if (tokens.length - q > 64) return false;
    }
    return false;
  }

  /** a command whose { … } leaves no token: \mathbf{W} is W */
  function transparent(kind: Brace, s: number) {
    // W_\mathrm{qh}: the content stays tight to what the command was tight to
    if (lastEnd === s) lastEnd = i;
    let j = i;
    while (src.charCodeAt(j) === 32) j++;
    if (src.charCodeAt(j) === 42 && kind === Brace.Transparent) j++; // \operatorname*{…}
    while (src.charCodeAt(j) === 32) j++;
    if (src.charCodeAt(j) !== 123) {
      // \mathbf W: the next token is the content. But TeX's argument is one letter: `\mathrm dL/\mathrm dh_3` is an
      // upright d before L (it read as the names dL and dh_3, the loss's gradients); a function's name (`\mathrm diag`)
      // is left whole, as a reader sees it
      if (kind === Brace.Transparent && src.charCodeAt(j) === 100 && startsNameAt(src, j + 1)) {
        const word = /^[A-Za-z]+/.exec(src.slice(j, j + 16))![0];
        if (!isReservedWord(word)) {
          if (lastEnd === i) lastEnd = j;
          i = j + 1;
          push('name', 'd', j, i);
        }
      }
      return;
    }
    if (lastEnd === i) lastEnd = j + 1;
    i = j + 1;
    depth++;
    braces.push(kind);
  }

  /** the next token opens a subscript: right after `_` or `_{` */
  function inSubscript(): boolean {
    const prev = tokens[tokens.length - 1];
    const before = tokens[tokens.length - 2];
    return (
      !!prev && prev.kind === 'op' && (prev.text === '_' || (prev.text === '{' && !!before && before.kind === 'op' && before.text === '_'))
    );
  }

  /**
   * \text{…}: part of a name inside a subscript (N_{\text{hidden}} is N_hidden), a name of code anywhere (\text{dnext\_c},
   * \texttt{dWx}), a few words of a check's own (for, to, where), ignored elsewhere
   */
  function text(s: number, typewriter = false) {
    const g = groupAt(i);
    if (!g) return;
    i = g[1];
    const inSub = inSubscript();
    // \text{dnext\_c}, \texttt{dprev\_h}: a name of code (CS231n's), never prose — one word with an escaped _ in it,
    // or any one word in typewriter type (\texttt{dWx})
    const code = g[0].trim();
    if (!inSub && ((typewriter ? CODE_WORD : CODE_NAME).test(code) || CODE_GRADIENT.test(code))) {
      push('name', code.replace(/\\_/g, '_'), s, i);
      return;
    }
    const w = g[0].trim().replace(/\s+/g, '_');
    // \text{diag}(…), \text{softmax}: a function written upright (Goodfellow et al. eq. 10.22)
    if (FUNCTIONS[w]) {
      lexWord(w, s, i);
      return;
    }
    // "\text{for } t < T", "\text{for all } t", "\text{if } t > 1": the range of a check, as a sheet words it
    // (`for every`, `for each`, `for any` too: dropped as prose, they left t a factor of the last side)
    // (`for any real z`: the reals said in words, as `z ∈ ℝ` is; dropped as prose, z was a factor of the side)
    if (w === 'for' || w === 'if' || /^for_(?:all|every|each|any)(?:_real)?$/.test(w)) {
      push('kw', 'for', s, i);
      return;
    }
    // "for t = 1 \text{ to } T", "t = T-1 \text{ down to } 1" (pseudo-code's loop): the range's '..' (dropped as prose,
    // the two ends were multiplied into one step)
    if (w === 'to' || w === 'down_to' || w === 'up_to' || w === 'until') {
      push('op', '..', s, i);
      return;
    }
    // "\text{where } c = 2", "\text{, where } z_t = …": the check's own clauses (the parser's where)
    const clause = w.replace(/^[,;]_?/, '');
    if (clause === 'where' || clause === 'with') {
      push('kw', 'where', s, i);
      return;
    }
    // \text{pred}_t, \text{decoder}^\top, \cdot \text{recurrent}: a word of code (Trask's names) written upright with a
    // script on it or in a product is a name, as \mathrm{pred}_t is — prose carries no subscript and is no factor of ·
    if (!inSub && PROSE_NAME.test(code) && (scriptFollows(i) || productAround(i) || operandPlace(s))) push('name', code, s, i);
    // \text{d}L/\text{d}W, \frac{\text{d}L}{\text{d}W}: an upright d, as \mathrm{d} gives
    else if (!inSub && w === 'd') push('name', 'd', s, i);
    else if (inSub && /^[\p{L}\p{N}_]+$/u.test(w)) push('name', w, s, i);
    // y^{\text{in}}: a word over a name, as y^{in} (a name where the file defines it so: superscriptNames.ts)
    else if (inSuperscript() && /^\p{L}+$/u.test(w)) push('name', w, s, i);
  }

  /**
   * right after ∂, or an operator that wants an operand (`= \text{decoder}\, \delta_t`, `\partial \text{decoder}`), at
   * the \text at s: where a remark in words never stands (it follows a comma or \quad)
   */
  function operandPlace(s: number): boolean {
    return /(?:\\partial|[∂=+\-−(])\s*$/.test(src.slice(Math.max(0, s - 10), s));
  }

  /** a script right after the group that ends at j (`\text{pred}_t`, `\text{decoder}^\top`) */
  function scriptFollows(j: number): boolean {
    const c = src.charCodeAt(j);
    return c === 95 || c === 94;
  }

  /** a product's dot right before the group (the last token) or right after it, at j (`\cdot \text{recurrent}`) */
  function productAround(j: number): boolean {
    const prev = tokens[tokens.length - 1];
    if (prev && prev.kind === 'op' && prev.text === '*') return true;
    return /^\s*(?:\\cdot(?![A-Za-z])|[·⋅])/.test(src.slice(j, j + 12));
  }

  /** whether the token before (`back` tokens further back) is a superscript's '^', or the '{' right after one */
  /** right after `_{` (the start of a subscript's braces) */
  function inSubscriptStart(): boolean {
    const prev = tokens[tokens.length - 1];
    const before = tokens[tokens.length - 2];
    return !!prev && prev.kind === 'op' && prev.text === '{' && !!before && before.kind === 'op' && before.text === '_';
  }

  function inSuperscript(back = 0): boolean {
    const prev = tokens[tokens.length - 1 - back];
    const before = tokens[tokens.length - 2 - back];
    return (
      !!prev && prev.kind === 'op' && (prev.text === '^' || (prev.text === '{' && !!before && before.kind === 'op' && before.text === '^'))
    );
  }

  /** \tag{…}: the equation's label, given to the next token (the parser passes it to the check) */
  function tag(s: number) {
    const g = groupAt(i);
    if (!g) {
      error(src.slice(s, i), s, i, '\\tag needs its label in braces: \\tag{1}');
      return;
    }
    i = g[1];
    pendingTag = tagLabel(g[0]);
  }

  /** \begin{env} / \end{env}: layout environments vanish, matrices are literals */
  /** after `\begin{array}` at i: its column spec is skipped, and whether its content up to `\end{array}` has an `=` */
  function arrayStatesEquality(): boolean {
    const spec = groupAt(i);
    if (!spec) return false;
    const close = src.indexOf('\\end{array}', spec[1]);
    if (close < 0 || !src.slice(spec[1], close).includes('=')) return false;
    i = spec[1];
    return true;
  }

  /**
   * after `\begin{array}` at i (from s): whether a bracket [ or ( opens it just before (\left[ or [), no equality
   * inside; its column spec is then skipped
   */
  function arrayInBrackets(s: number): boolean {
    const open = tokens[tokens.length - 1];
    if (!open || open.kind !== 'op' || (open.text !== '[' && open.text !== '(') || src.slice(open.end, s).trim() !== '') return false;
    const spec = groupAt(i);
    if (!spec) return false;
    i = spec[1];
    return true;
  }

  function environment(begin: boolean, s: number) {
    const g = groupAt(i);
    if (!g) {
      error(src.slice(s, i), s, i, `\\${begin ? 'begin' : 'end'} needs an environment name in braces`);
      return;
    }
    i = g[1];
    const name = g[0].trim();
    const base = name.endsWith('*') ? name.slice(0, -1) : name;
    if (LAYOUT_ENVS.has(base)) {
      if (begin) {
        envs.push(false);
        // \begin{alignat}{2}: the column count
        if (base.startsWith('alignat')) {
          const c = groupAt(i);
          if (c) i = c[1];
        }
      } else if (envs.length) envs.pop();
      return;
    }
    // \begin{array}{rcl} A & = & B \end{array}: an older way to align a derivation, layout when it states an equality
    // (an array of numbers is a matrix when brackets enclose it, below)
    if (name === 'array' && (begin ? arrayStatesEquality() : envs.length && !envs[envs.length - 1])) {
      if (begin) envs.push(false);
      else envs.pop();
      return;
    }
    // \left[ \begin{array}{cc} 1 & 2 \\ 3 & 4 \end{array} \right]: a matrix written as an array in brackets (older
    // LaTeX; it was an unknown environment): the bracket opens it, as \begin{bmatrix} does, and the \right] closing it
    // goes with \end{array}
    if (name === 'array' && (begin ? arrayInBrackets(s) : envs.length && envs[envs.length - 1])) {
      if (begin) {
        const open = tokens.pop()!;
        envs.push(true);
        push('op', 'mat[', open.start, i);
      } else {
        envs.pop();
        depth = Math.max(0, depth - 1);
        const close = /^\s*(?:\\right\s*)?[\])]/.exec(src.slice(i, i + 24));
        if (close) i += close[0].length;
        push('op', 'mat]', s, i);
      }
      return;
    }
    if (MATRIX_ENVS.has(name)) {
      if (begin) {
        envs.push(true);
        depth++;
        push('op', 'mat[', s, i);
      } else {
        if (envs.length) envs.pop();
        depth = Math.max(0, depth - 1);
        push('op', 'mat]', s, i);
      }
      return;
    }
    // a case distinction is several equations, one per case: said once, at its \begin (its \end would repeat it)
    if (/^[dr]?cases$/.test(base)) {
      if (!begin) return;
      error(
        src.slice(s, i),
        s,
        i,
        `a case distinction \\begin{${name}} is not read: write one check per case, with its steps (… for t = 1, … for t = 2..T)`,
      );
      return;
    }
    error(
      src.slice(s, i),
      s,
      i,
      `unknown LaTeX environment {${name}}${/matrix$/.test(name) ? ' (matrices are written with bmatrix, pmatrix or matrix)' : ''}`,
    );
  }

  /**
   * \tilde{h}, \hat y, \tilde{\delta}: a name with a combining mark (h̃, ŷ, δ̃). The indices after the
   * accent are the name's as usual: \tilde{h}_t is h̃_t.
   */
  function accent(cmd: string, mark: string, s: number) {
    const r = accentBase(i);
    if (!r) {
      const scripted = accentOverScripts(cmd);
      if (scripted === null) {
        error(src.slice(s, i), s, i, `\\${cmd} over something that is not a letter: write \\${cmd}{h}`);
        return;
      }
      if (typeof scripted === 'string') {
        const e = skipGroup(i, 200);
        error(src.slice(s, e), s, e, scripted);
        i = e;
        return;
      }
      // \hat{y_3} is \hat{y}_3: the name with its mark, then the scripts as if written after the brace, which closes
      // as a font's does (transparent), so that what follows stays tight: \hat{y_3}^2 is ŷ_3²
      const [w, e] = scripted;
      depth++;
      braces.push(Brace.Transparent);
      i = e;
      lexWord(w + mark, s, e);
      return;
    }
    i = r[1];
    lexWord(r[0] + mark, s, i);
  }

  /**
   * d\bar{c}_t: code's gradient of a barred name (Kouridi's dc_bar), one name dc̄ as dc is, where a lone d stands tight
   * before the bar over one letter (a d of a derivative is a 'partial' token, not a name). The other accents make a name
   * in the lexer already, which the parser joins to the d before it (d\tilde{c}_t, session 41)
   */
  function codeD(s: number): boolean {
    const prev = tokens[tokens.length - 1];
    if (!prev || prev.kind !== 'name' || prev.text !== 'd' || prev.end !== s) return false;
    const r = accentBase(i);
    if (!r || [...r[0]].length !== 1) return false;
    tokens.pop();
    // the d's own place: tight to what it was tight to, with the \tag written before it
    lastEnd = prev.tight ? prev.start : -1;
    pendingTag = prev.tag;
    i = r[1];
    lexWord('d' + r[0] + '\u0304', prev.start, i);
    return true;
  }

  /**
   * \hat{y_3}, \tilde{c_t}, \hat{y^{(t)}}, \widehat{h_1^{(t)}}: an accent over a letter written with its scripts inside
   * the braces (students write it so; \bar{s_3} reads so in the parser). The letters and where they end, when the rest
   * of the group is scripts only: subscripts of any content, superscripts that are a step in brackets (^{(t)}, ^{[l]},
   * ^{⟨t⟩}) or a transpose. A power (\hat{y^2}) is a message: the accent over y² names nothing. Null when it is neither.
   */
  function accentOverScripts(cmd: string): [string, number] | string | null {
    let j = i;
    while (src.charCodeAt(j) === 32) j++;
    if (src.charCodeAt(j) !== 123) return null;
    const end = skipGroup(j, 200);
    if (src.charCodeAt(end - 1) !== 125) return null;
    let w = '';
    let q = j + 1;
    for (;;) {
      while (src.charCodeAt(q) === 32) q++;
      const c = src.charCodeAt(q);
      if (c === 95 || c === 94 || q >= end - 1) break;
      const r = accentBase(q, 1);
      if (!r || r[1] > end - 1) return null;
      w += r[0];
      q = r[1];
    }
    if (!w || q >= end - 1) return null;
    const base = q;
    while (q < end - 1) {
      const c = src.charCodeAt(q);
      if (c === 32) {
        q++;
        continue;
      }
      if (c !== 95 && c !== 94) return null;
      let a = q + 1;
      while (src.charCodeAt(a) === 32) a++;
      const d = src.charCodeAt(a);
      const after = d === 123 ? skipGroup(a, 200) : d === 92 ? commandEnd(a) : a + 1;
      if (after > end - 1 || (d === 123 && src.charCodeAt(after - 1) !== 125)) return null;
      if (c === 94) {
        const sup = (d === 123 ? src.slice(a + 1, after - 1) : src.slice(a, after)).trim();
        if (!/^(?:[([<⟨]|\\langle\b|\\top$|\\intercal$|\\mathsf\{T\}$|T$|⊤$)/.test(sup))
          return `\\${cmd} over a power (${src.slice(j + 1, end - 1).trim()}) is not read: write \\${cmd}{${src.slice(j + 1, base).trim()}}^{…} for the power of the accented name, or a step in brackets (^{(t)})`;
      }
      q = after;
    }
    return [w, base];
  }

  /** the letters an accent stands over (braced or one letter/command), with fonts and Greek read */
  function accentBase(j: number, level = 0): [string, number] | null {
    if (level > 8) return null;
    while (src.charCodeAt(j) === 32) j++;
    const c = src.charCodeAt(j);
    if (c === 123) {
      const e = skipGroup(j, 200);
      if (src.charCodeAt(e - 1) !== 125) return null;
      let w = '';
      let q = j + 1;
      while (q < e - 1) {
        const d = src.charCodeAt(q);
        if (d === 32) {
          q++;
          continue;
        }
        const r = accentBase(q, level + 1);
        if (!r) return null;
        w += r[0];
        q = r[1];
      }
      return w ? [w, e] : null;
    }
    if (c === 92) {
      const e = commandEnd(j);
      const cmd = src.slice(j + 1, e);
      if (GREEK[cmd]) return [GREEK[cmd]!, e];
      // \hat{\sigma}: an accent makes a new name (σ̂, an estimate), so under one σ is the letter, not the function
      if (cmd === 'sigma') return ['σ', e];
      if (LATEX_FONTS.has(cmd)) return accentBase(e, level + 1);
      const m = ACCENTS[cmd];
      if (m) {
        const r = accentBase(e, level + 1);
        return r ? [r[0] + m, r[1]] : null;
      }
      return null;
    }
    if (isLetterCode(c)) {
      // one letter and the marks written on it
      let q = j + 1;
      while (q < n && isMarkCode(src.charCodeAt(q))) q++;
      return [src.slice(j, q), q];
    }
    return null;
  }

  /**
   * Whether the d at j opens the numerator of \frac{dA}{dB}: it follows \frac{ and the numerator's group is
   * followed by a denominator that starts with d and a letter (whose d is then read as ∂ too: fracD)
   */
  function fracDerivative(j: number): boolean {
    const open = tokens[tokens.length - 1];
    const frac = tokens[tokens.length - 2];
    if (!open || !frac || frac.kind !== 'frac' || open.kind !== 'op' || open.text !== '{' || open.end !== j) return false;
    const e = skipGroup(open.start);
    if (src.charCodeAt(e - 1) !== 125) return false;
    let k = e;
    while (src.charCodeAt(k) === 32) k++;
    if (src.charCodeAt(k) !== 123) return false;
    k++;
    while (src.charCodeAt(k) === 32) k++;
    if (src.charCodeAt(k) !== 100 || !startsNameAt(src, thinSpaces(src, afterEmptyScripts(src, k + 1)))) return false;
    fracD = k;
    return true;
  }

  function pushPartial(s: number) {
    // ∂⁺, ∂^+, ∂^{+}
    let e = i;
    if (src.charCodeAt(e) === 0x207a) e += 1;
    else if (src.charCodeAt(e) === 94 && src.charCodeAt(e + 1) === 43) e += 2;
    else if (src.startsWith('^{+}', e)) e += 4;
    const plus = e > i;
    i = e;
    push('partial', '∂', s, i, 0, plus);
  }

  function lexWord(w: string, s: number, e: number) {
    const info = (RESERVED_LENGTHS[w.charCodeAt(0)]! & lengthBit(w.length)) !== 0 ? RESERVED.get(w) : undefined;
    if (info === undefined) {
      push('name', w, s, e);
      return;
    }
    if (info.kind === 'fn') {
      // a prime right after σ/tanh/relu is its derivative: σ'(z)
      if (info.derivative !== null && (src.charCodeAt(e) === 39 || src.charCodeAt(e) === 0x2032 || src.charCodeAt(e) === 0x2019)) {
        i = e + 1;
        push('fn', info.derivative, s, e + 1);
        return;
      }
      push('fn', info.text, s, e);
      return;
    }
    // N_{input}, N_{\mathrm{input}}: a keyword in a subscript is part of the name, as N_{\text{input}} is
    if (info.kind === 'kw' && inSubscript()) {
      push('name', w, s, e);
      return;
    }
    if (info.kind === 'grad' && src.charCodeAt(e) === 43) {
      i = e + 1;
      push('grad', 'grad', s, e + 1, 0, true);
      return;
    }
    push(info.kind, info.text, s, e);
  }
}

/**
 * Nielsen's Σ'(z): where `\Sigma` (ending at i) is followed by a prime and a parenthesised argument, the offsets of the
 * argument's '(' (after a \left or \big, which the lexer passes over) and of the ')' that closes it (matched by
 * counting, \right) included); null when it is no such form
 */
function sigmaPrimeDiag(src: string, i: number): { open: number; close: number } | null {
  const m = /^[ \t]*(?:'|\^\{?\\prime\}?)[ \t]*(?:\\(?:left|[bB]igg?l?)[ \t]*)?\(/.exec(src.slice(i, i + 24));
  if (!m) return null;
  const open = i + m[0].length - 1;
  let depth = 0;
  for (let k = open; k < src.length; k++) {
    const c = src.charCodeAt(k);
    if (c === 10) return null;
    if (c === 40) depth++;
    else if (c === 41 && --depth === 0) return { open, close: k };
  }
  return null;
}

/** Whether the tokens before a trailing '/' are a derivative's numerator (∂A or ∂(…)). */
function isPartialNumerator(tokens: Token[]): boolean {
  let depth = 0;
  // a numerator is short: looking back further would make a long line of '/ d' quadratic
  for (let k = tokens.length - 2; k >= 0 && k >= tokens.length - 200; k--) {
    const t = tokens[k]!;
    if (t.kind === 'op' && (t.text === ')' || t.text === ']' || t.text === '}')) depth++;
    else if (t.kind === 'op' && (t.text === '(' || t.text === '[' || t.text === '{')) depth--;
    else if (t.kind === 'partial' && depth === 0) return true;
    else if (
      depth === 0 &&
      !(
        t.kind === 'name' ||
        t.kind === 'num' ||
        (t.kind === 'op' && (t.text === '_' || t.text === '^' || t.text === '-' || t.text === '+'))
      )
    )
      return false;
    if (depth < 0) return false;
  }
  return false;
}
