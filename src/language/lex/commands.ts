// LaTeX commands: the tables of operators, Greek letters, fonts, spacing, accents and environments, looked up by a
// hash of the command's text; the commands read as nothing (\left, \displaystyle) and empty groups.

import { GREEK_LETTERS } from '../../display/latex';
import { FUNCTIONS, lookup } from './keywords';

/**
 * LaTeX commands → the letters they stand for in names. Not \sigma, the function σ (FUNCTIONS), nor \Sigma:
 * a name Σ would read as the sum, which is written \sum (so \Sigma stays an unknown command, but for \Sigma with a
 * sum's bounds, the sum: latex()).
 */
export const { sigma: _sigma, Sigma: _Sigma, ...NAME_LETTERS } = GREEK_LETTERS;

export const GREEK: Readonly<Record<string, string>> = lookup({ ...NAME_LETTERS, Upsilon: 'Υ', ell: 'ℓ' });

export const LATEX_OPS: Readonly<Record<string, string>> = lookup({
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
  // Williams & Zipser's Σ_{l ∈ U ∪ I}: a union of index sets (parse/bigOperators.ts bigOp)
  cup: '∪',
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

/** marks that end an answer or a proof, never math (a solution's reader blanks them; a check line pasted with one ignores it) */
export const END_MARKS = new Set(['blacksquare', 'square', 'qed', 'qedsymbol', 'Box', 'checkmark', 'lozenge', 'blacklozenge']);

/** spacing, sizing and numbering commands that carry no meaning here */
export const LATEX_IGNORED = new Set([
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
export const THIN_SPACE = new Set([44, 59, 58, 33]);

/** past spaces and TeX's thin spaces (\, \; \: \!) from j: the layout between a d and what it differentiates */
export function thinSpaces(src: string, j: number): number {
  for (;;) {
    const k = src.charCodeAt(j);
    if (k === 32) j++;
    else if (k === 92 && THIN_SPACE.has(src.charCodeAt(j + 1))) j += 2;
    else return j;
  }
}

/** past any empty scripts at j, `^{}`, `_{ }` (nothing, as TeX sets them): `\frac{d^{} L}{d w}` is dL/dw */
export function afterEmptyScripts(src: string, j: number): number {
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
export const SPACING_WITH_ARGUMENT = new Set(['mkern', 'kern', 'mskip', 'hskip', 'hspace', 'phantom', 'hphantom', 'vphantom']);

/** spacing that separates the entries of a bracket literal written [1 \quad -1 \quad 1] (seed 004) */
export const LATEX_SEPARATORS = new Set(['quad', 'qquad', ';']);

/** font commands: \mathcal{L} is L (their braces are transparent) */
export const LATEX_FONTS = new Set([
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
export const TEXT_FONTS = new Set(['textbf', 'textit', 'textrm']);

/** the fonts in which a lone 1 is the all-ones vector */
export const BOLD_ONE_FONTS = new Set(['mathbf', 'boldsymbol', 'bm', 'mathbb', 'pmb', 'symbf']);

/** accents → the combining mark they add to a name: \tilde{h} → h̃ */
export const ACCENTS: Readonly<Record<string, string>> = lookup({
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
export const LAYOUT_ENVS = new Set([
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

export const MATRIX_ENVS = new Set(['bmatrix', 'pmatrix', 'matrix']);

/** what a LaTeX command is, for latex(): one table looked up once per command (issue 11: LaTeX-heavy files) */
export const enum Cmd {
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

export interface CmdInfo {
  kind: Cmd;
  /** Accent: the combining mark; Op: the operator; Greek: the letter; Function: the command itself */
  value: string;
}

/**
 * Every command latex() knows, with what the cascade of tests it replaces would have found first: the
 * entries are added in that order and an earlier table keeps a command a later one also names.
 */
export const COMMANDS: ReadonlyMap<string, CmdInfo> = (() => {
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
export class CmdEntry implements CmdInfo {
  constructor(
    readonly kind: Cmd,
    readonly value: string,
    readonly name: string,
    readonly hash: number,
  ) {}
}

/** a hash of src[from..to), each unit in turn; the same for a command's name in the table and in the text */
export function unitsHash(src: string, from: number, to: number): number {
  let h = to - from;
  for (let q = from; q < to; q++) h = (Math.imul(h, 31) + src.charCodeAt(q)) | 0;
  return h;
}

/**
 * COMMANDS by unitsHash, open addressing: latex() finds a command in the text without slicing it out. A Map
 * looked up with a fresh slice hashes the slice and compares it with the key, which in a file with any
 * non-Latin-1 character (σ, ∂) is a two-byte string against a one-byte one: 2 % of an analysis (sheet 7).
 */
export const COMMAND_ENTRIES: CmdEntry[] = [];

export const COMMAND_SLOTS = (() => {
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
export function commandAt(src: string, from: number, to: number): CmdEntry | undefined {
  const hash = unitsHash(src, from, to);
  const mask = COMMAND_SLOTS.length - 1;
  for (let k = hash & mask; COMMAND_SLOTS[k] !== -1; k = (k + 1) & mask) {
    const c = COMMAND_ENTRIES[COMMAND_SLOTS[k]!]!;
    if (c.hash === hash && c.name.length === to - from && src.startsWith(c.name, from)) return c;
  }
  return undefined;
}

export const FONT_SWITCHES: ReadonlySet<string> = new Set(FONT_SWITCH_NAMES);

export const FONT_SWITCH_LONGEST = Math.max(...FONT_SWITCH_NAMES.map((w) => w.length));

/** after a '{' at j − 1: the end of a font switch that opens the group (`{\rm d}`, `{ \bf W}`), else −1 */
export function fontSwitchEnd(src: string, j: number): number {
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
