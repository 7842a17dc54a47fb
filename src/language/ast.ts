// The syntax tree, before names are resolved: what the text says, with ranges.
//
// How the notation of LANGUAGE.md v2 §1/§3/§4 arrives here (the reader's contract with the resolver):
// - `w.h_{t-1}`: a dot between operands is bin '*' (as `·`); a final dot ending a sentence is dropped.
// - Accents make names: `\tilde{h}_t` is the name raw 'h̃_t' (h + U+0303), `\hat{y}` 'ŷ' (U+0302), \check
//   U+030C, \dot U+0307, \ddot U+0308, \acute U+0301, \grave U+0300, \breve U+0306, \vec U+20D7; combining
//   marks typed directly are name characters. Indices after the accent are handled as for any name.
// - `\bar{X}`, `\overline{X}` (and `\overline{c^{(t)}}`, `\bar{h}_t`, `\overline{h}^{(t)}`, `\bar h_t`) are
//   {k:'adjoint', a} with `a` the whole indexed name (indices inside or right after the bar). A Unicode X̄
//   (U+0304 or U+0305) is the NAME 'X̄'. As the left side of a definition, `\bar{x}_t = …` defines the name
//   raw 'x̄_t' (U+0304 after the first segment): the resolver may read an adjoint whose barred spelling is
//   defined as that name.
// - Fonts (\mathbf, \boldsymbol, \bm, \mathrm, \mathit, \mathcal, \mathsf, \mathbb, …) and \operatorname
//   leave their content; `N_{\text{hidden}}` is the name 'N_hidden'; \text elsewhere, \left, \right,
//   \big…, spacing, \displaystyle, \nonumber, \label, & and \\ (outside matrices) and the layout
//   environments (aligned, split, align, gather, equation, eqnarray, multline) leave nothing. `\underbrace{A}_{…}`
//   and `\overbrace{A}^{…}` are A as printed (no brackets are added around A).
// - `\tag{…}` in a check, or `\quad (n)` / `\qquad (n)` ending the line, is `tag` on the check statement.
// - `\begin{bmatrix|pmatrix|matrix}`: a `list` of row `list`s; one column is a flat `list`. `[1 \quad -1 \quad 1]`
//   (entries separated by \quad, \qquad or \;) is a flat `list`.
// - `σ^{-1}`, `\sigma^{-1}`, `σ⁻¹`, `σ^-1` are call fn 'logit', `\tanh^{-1}` fn 'artanh'; `written` is the
//   source text of the function and its superscript ('\\sigma^{-1}', 'σ⁻¹', 'φ^{-1}'). `tanh^2(z)` is
//   bin '^' (call tanh, 2).
// - `∇_B A`, `\nabla_{B} A`: deriv {plus:false, of:A, wrt:B, nabla:true}; A is the next power-level operand.
// - `\frac{∂ EXPR}{∂ B}`: deriv of any expression; `\frac{∂}{∂B} A` too. `\frac{A}{∂B}` (no ∂ above) is the
//   deriv of A, with a ParseError of severity 'information' saying so.
// - `x²` is bin '^' (x, 2); `W⁻¹` bin '^' (W, neg 1) (after σ/tanh: the inverse, above).
// - `h^{(t-1)\top}`, `h^{(t)T}`: {k:'transpose', a: the name with its sup}.
// - Bounds: `Σ_{1≤t≤T}` big {v:'t', from:1, to:T}; `∏_{t≥i>k}` {v:'i', from: k+1 (bin '+'), to: t, desc:true}
//   (desc whenever the bounds are written with ≥/>); `<` gives bin '-' 1 on the upper bound; `Σ_{i<t}` has
//   from null. `Σ_{i,j} E` is big i (big j E), neither with bounds.
// - `w_{i,j}^{(k+1)}`: name raw 'w', sub {k:'list', items:[i, j]}, sup (k+1). `p_j^{(k+1)}` stays raw 'p_j'.
// - `\mathbf{1}`, `\boldsymbol{1}`, `\mathbb{1}`, `𝟙` (not followed by _{…}): num 1 with `ones: true`.
// - `1_{a=b}`, `\mathbb{1}_{…}`, `\mathbf{1}_{…}`, `𝟙_{…}`: {k:'indicator', a, b}. `onehot(k, n)`: call 'onehot'
//   with a `list` argument (like `count`).
// - `φ = tanh` alone on a line: Statement {k:'alias'}; every other `φ` in the file is the function
//   (φ'(z) its derivative 'dtanh', φ^{-1} its inverse).
// - `check A = B = C …`: lhs A, rhs B, more [C, …], each side with its own range.
// - `(∇_o L)_i`, `(X)_{i,j}`: a subscript right after a closing bracket is {k:'index'} (as X[i, j]).
// - `\text{diag}`, `\text{softmax}` (a function's name in \text) are the functions.
// - A literal of numbers only ([0.5, -1], [[1, 2], [3, 4]]) has `num` items, a negative entry being one
//   `num` with a negative value (elsewhere `-2` is still neg(num 2)).

import { defineLazy } from './lazy';
import type { Range, Relation } from '../report';

/** the relation of a bound's side to the side before it: the Report's own (report.ts) */
export type { Relation };
/** the call a norm ‖x‖ (‖x‖_2, ‖x‖_F: `written` 'F') is parsed to, and its square ‖x‖²; read in functions.ts readNorm */
export const NORM = '‖‖';
export const NORM_SQUARED = '‖‖²';
/** a link of a check's chain that holds a bound: a bound's relation, or = (a step of the derivation between bounds) */
export type ChainRelation = Relation | '=';
/** the relation a chain's later side is written after */
export type ChainLink = ChainRelation | '≈';

export interface NameAst {
  k: 'name';
  /** the word as written, segments included: "W_hh", "h_t", "L_3", "h" */
  raw: string;
  /** an explicit subscript group that is not part of the name: h_{t-1} → (t-1) */
  sub: Ast | null;
  /** a parenthesised superscript: h^{(t)}, h^(t-1) — a time index on a timed name, else a power */
  sup: Ast | null;
  /**
   * the sup was written in parentheses right on the name, as Elman and Mikolov write steps, s(t), s(t-1): a step of
   * a sequence, else the product of the name with it (never a power)
   */
  stepCall?: true;
  /**
   * written 1_{k} (\mathbf{1}_{y_t}, 𝟙_{k_t}): the one-hot basis vector of k, read as e_{k} is (basis.ts), sized by
   * what stands beside it; raw is 'e'
   */
  basis?: true;
  range: Range;
  /** the range of the word alone */
  nameRange: Range;
  /**
   * arguments written right after the name, as a function of what it depends on: seed 001's
   * ℒ_t(t_t, y_t) (two or more, separated by commas; the range covers the parentheses)
   */
  args?: Range;
  /** those arguments as read (d2l.ai's l(o_t, y_t): a per-step quantity takes its step from them) */
  argItems?: Ast[];
}

/** how a derivative's operator is written: an upright d or ∂ (a check that writes both tells them apart, LANGUAGE.md §5) */
export type Spelling = 'd' | '∂';

export type Ast =
  /** ones: written \mathbf{1}, \boldsymbol{1}, \mathbb{1} or 𝟙 — the all-ones vector, sized by the resolver from its product */
  | { k: 'num'; value: number; range: Range; ones?: true; /** decimals as written, past what the value shows (0.9510) */ decimals?: number }
  | NameAst
  /** packed: a regular literal of numbers only, as the lexer read it (see PackedNumbers) */
  /** stacked: its entries were written one under the other ([a; b], a one-column bmatrix), for messages */
  | { k: 'list'; items: Ast[]; range: Range; packed?: PackedNumbers; stacked?: true }
  | { k: 'neg'; a: Ast; range: Range }
  | { k: 'bin'; op: '+' | '-' | '*' | '/' | '^' | '⊙' | '@' | 'juxt'; a: Ast; b: Ast; range: Range }
  /** written: the spelling of an inverse read as a function (σ^{-1} → fn 'logit', written '\\sigma^{-1}' as in the source) */
  /** placeholder: written with `·` for its argument, σ'(\cdot) (the argument of σ in the equation differentiated) */
  | { k: 'call'; fn: string; arg: Ast; range: Range; fnRange: Range; written?: string; placeholder?: true; angle?: true }
  | { k: 'transpose'; a: Ast; range: Range }
  /** slice: a[i:j] (a[i..j]), the entries i to j, args [i, j] (i a 0 the colon's place for Python's a[:j]) */
  /** column: the one arg is a column stacked with ';' (W^{in}[1; u(n)]), which a matrix multiplies: no entry */
  /**
   * block: M[i:j, k:l], a matrix's rows i to j and columns k to l, args [i, j, k, l] (numpy's M[:, :2] too): a
   * bound 0 where a range starts at the colon (the first), −1 where it ends there (the last); one index i is i:i
   */
  | { k: 'index'; a: Ast; args: Ast[]; range: Range; slice?: true; column?: true; block?: true }
  /** Σ/∏ over v = from..to; desc: the factors are written from the upper bound down (∏_{t≥i>k}) */
  | {
      k: 'big';
      op: 'sum' | 'prod';
      v: string | null;
      vRange: Range | null;
      from: Ast | null;
      to: Ast | null;
      body: Ast;
      range: Range;
      desc?: boolean;
      /** over a set of units written by one name, Haykin's Σ_{k ∈ 𝒜}, Williams & Zipser's Σ_{l ∈ U} */
      overSet?: true;
    }
  /**
   * ∂A/∂B, ∂⁺A/∂B, and ∇_B A (nabla: written as a gradient); copyAt: CS230's ∂A/∂W|_{(t)}, by W's step-t copy;
   * spelled: 'd' for dA/dB (\frac{dA}{dB}, \mathrm{d}), '∂' for ∂A/∂B, absent for the other forms
   */
  | { k: 'deriv'; plus: boolean; of: Ast; wrt: Ast; range: Range; nabla?: boolean; copyAt?: Ast; spelled?: Spelling }
  /** the adjoint X̄ = ∂loss/∂X: \bar{X}, \overline{X}, X̄ (LANGUAGE.md §4); delta: written δX (the δ's range) */
  | { k: 'adjoint'; a: NameAst; range: Range; delta?: Range }
  /** the indicator 1_{a=b}: 1 where a equals b, else 0 */
  | { k: 'indicator'; a: Ast; b: Ast; range: Range };

export type Statement =
  | {
      k: 'decl';
      kind: 'param' | 'input' | 'target';
      name: NameAst;
      shape: number[] | null;
      shapeRange: Range | null;
      value: Ast | null;
      range: Range;
    }
  /** broken: its right side did not parse (rhs is a placeholder); the name is defined, and unavailable */
  | { k: 'def'; lhs: NameAst; rhs: Ast; isLoss: boolean; range: Range; rhsText: string; broken?: true }
  | { k: 'derive'; expr: Ast; range: Range; text: string }
  /**
   * check E₀ = E₁ = … : lhs is E₀, rhs is E₁, more holds E₂, E₃, … (a chain of equalities, LANGUAGE.md §5).
   * tag: the label from \tag{…} (or a solution's trailing "(n)").
   */
  | {
      k: 'check';
      lhs: Ast;
      rhs: Ast;
      more: Ast[];
      range: Range;
      text: string;
      forRange: CheckRange | null;
      /** `\text{where } c = 2`: a free index of the check held at one value */
      where?: { v: string; value: Ast; range: Range }[];
      /**
       * `\text{where } y = \tanh(x)` after `∂y/∂x = 1 − y^2`: a letter given by a formula in a clause (also checked on
       * its own), which an identity in free letters reads in its place (resolve/identity.ts)
       */
      whereLetters?: { v: string; value: Ast; clause: Statement }[];
      tag?: string;
      /**
       * per later side (rhs, then more): written after ≈, the absolute tolerance of each entry (half a unit of
       * its last written digit); null after =. Absent when no side is after ≈.
       */
      approx?: (number[] | null)[];
      /**
       * a bound (`A ≤ B`, `0 < σ'(z) ≤ 1/4`, `A = B ≤ C`): per later side (rhs, then more), its relation to the side
       * before it, the bounds all one way, = an equality link. Absent for a chain of = and ≈.
       */
      relations?: ChainRelation[];
      /** a function is written with `·` for its argument somewhere in the check (σ'(\cdot)) */
      placeholder?: true;
    }
  /** φ = tanh: the name φ stands for the function tanh in the whole file (φ(z), φ'(z), φ^{-1}) */
  | { k: 'alias'; name: NameAst; fn: string; range: Range };

/**
 * A literal of numbers only whose lists at each depth have the same length ([[1, 2], [3, 4]]): its shape
 * (one length per depth, outermost first) and its entries row-major. The lexer gives it to such literals
 * so that declarations read their values without a node per number (issue 11); the literal's `items`
 * (the same nodes as without it) are then built only when first read.
 */
export interface PackedNumbers {
  shape: number[];
  data: Float64Array;
}

/** A `list` with its packed entries, whose items are made by `expand` on first read (then kept: lazy.ts). */
export function lazyItems(range: Range, packed: PackedNumbers, expand: () => Ast[]): Ast {
  const node = { k: 'list' } as { k: 'list'; range: Range; packed: PackedNumbers };
  defineLazy(node, 'items', expand);
  node.range = range;
  node.packed = packed;
  return node as Ast;
}

/** an AST node (a `k` of its kind), not a range, a string or a packed literal's numbers */
export function isAst(x: unknown): x is Ast {
  return typeof x === 'object' && x !== null && typeof (x as { k?: unknown }).k === 'string';
}

/**
 * the node with f applied to each of its AST children, single or in arrays, copied only where some child changed; a
 * packed literal (numbers alone) is left whole, its lazy items not made
 */
export function mapAst(a: Ast, f: (x: Ast) => Ast): Ast {
  if (a.k === 'list' && a.packed) return a;
  let out: Record<string, unknown> | null = null;
  for (const key of Object.keys(a)) {
    const v = (a as unknown as Record<string, unknown>)[key];
    if (Array.isArray(v)) {
      const m = v.map((x) => (isAst(x) ? f(x) : x));
      if (m.some((x, i) => x !== v[i])) (out ??= { ...a })[key] = m;
    } else if (isAst(v)) {
      const m = f(v);
      if (m !== v) (out ??= { ...a })[key] = m;
    }
  }
  return (out as Ast | null) ?? a;
}

/**
 * whether some node of the tree passes the test, the node itself first, then its AST children, single or in arrays (a
 * packed literal, numbers alone, and a number have none that could)
 */
export function someAst(a: Ast, test: (x: Ast) => boolean): boolean {
  if (test(a)) return true;
  if (a.k === 'num' || (a.k === 'list' && a.packed)) return false;
  const node = a as unknown as Record<string, unknown>;
  for (const key in node) {
    const v = node[key];
    if (Array.isArray(v)) {
      for (const x of v) if (isAst(x) && someAst(x, test)) return true;
    } else if (key !== 'range' && isAst(v) && someAst(v, test)) return true;
  }
  return false;
}

/** whether two ranges cover the same text */
export function sameRange(a: Range, b: Range): boolean {
  return a.line === b.line && a.column === b.column && a.endLine === b.endLine && a.endColumn === b.endColumn;
}

export function span(a: Range, b: Range): Range {
  return { line: a.line, column: a.column, endLine: b.endLine, endColumn: b.endColumn };
}

/**
 * The steps a check is stated for: `for t = a..b` (both ends), or an inequality (`t < T`, `2 ≤ t`) that may
 * leave an end open (null: there the steps where both sides are defined, as with no range)
 */
export interface CheckRange {
  v: string;
  from: Ast | null;
  to: Ast | null;
  range: Range;
  /** written as a list with an ellipsis (t = T-1, …, 1), which may run from the top down */
  listed?: boolean;
}
