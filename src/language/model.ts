// The resolved model of a .rnn file: what the language layer hands to the engine.
// Names are resolved, time indices are explicit, every expression carries its shape.

import type { Range } from '../report';
import type { Relation, Spelling } from './ast';

/** [] scalar, [n] column vector, [m, n] matrix. */
export type Shape = number[];

/**
 * A time index: value = (v === null ? 0 : env[v]) + k + Σ sign·env[term.v] over `terms`.
 * v is 't' (the free step of an equation or question), a variable bound by Σ/∏, or a free index of a question.
 * `terms` holds further variables when the index has several (o_{T+t-i}, h_{t-k}); v, when not null, always
 * counts +1 (an index with only subtracted variables, T-i, has v null). Use idxValue (./idx) to evaluate one.
 * The horizon T is already resolved to a number here.
 */
export interface Idx {
  v: string | null;
  k: number;
  terms?: IdxTerm[];
}

export interface IdxTerm {
  v: string;
  sign: 1 | -1;
}

export type Fn =
  | 'sigma'
  | 'tanh'
  | 'relu'
  | 'exp'
  | 'log'
  | 'sqrt'
  | 'abs'
  | 'softmax'
  | 'sum'
  | 'mean'
  | 'diag'
  // ‖M‖ of a matrix: its spectral norm, the largest singular value (a vector's ‖x‖ is sqrt(sum(x ⊙ x)))
  | 'opnorm'
  // the inverse functions as written: σ^{-1} (logit) and tanh^{-1} (artanh) — LANGUAGE.md §1
  | 'logit'
  | 'artanh'
  // derivatives written with a prime: σ'(z), tanh'(z), relu'(z)
  | 'dsigma'
  | 'dtanh'
  | 'drelu';

interface Base {
  shape: Shape;
  range: Range;
}

export type Expr =
  | (Base & { k: 'num'; value: number; /** decimals as written, past what the value shows (0.9510: 4) */ decimals?: number })
  | (Base & { k: 'vec'; items: Expr[] })
  | (Base & { k: 'mat'; rows: Expr[][] })
  /** a parameter, input, target or quantity; idx null for untimed names and shared parameters */
  | (Base & { k: 'ref'; name: string; idx: Idx | null })
  /** a time variable used as a number, e.g. `t` in `0.5^t` */
  | (Base & { k: 'var'; idx: Idx })
  | (Base & { k: 'neg'; a: Expr })
  | (Base & { k: 'add' | 'sub'; a: Expr; b: Expr })
  /** scalar × anything, or elementwise for two equal shapes where written as juxtaposition/·/* */
  | (Base & { k: 'mul'; a: Expr; b: Expr })
  | (Base & { k: 'hadamard'; a: Expr; b: Expr })
  | (Base & { k: 'matmul'; a: Expr; b: Expr })
  /**
   * a's last index contracted with b's first (numerator layout, LANGUAGE.md §4): a vector a acts as a row.
   * [n]·[n,k] → [k]; [n]·[n,m,k] → [m,k]; [p,n]·[n,m,k] → [p,m,k]; [n]·[n] is not one (that is elementwise).
   */
  | (Base & { k: 'contract'; a: Expr; b: Expr })
  /** M^n for a square matrix M and a whole number n ≥ 0 (n may depend on bound indices); M^0 = I */
  | (Base & { k: 'matpow'; a: Expr; n: Expr })
  /** 1 where a = b (scalars), else 0 */
  | (Base & { k: 'indicator'; a: Expr; b: Expr })
  /** b is a scalar, or the same shape as a (elementwise) */
  | (Base & { k: 'div'; a: Expr; b: Expr })
  /** b is a scalar; elementwise power */
  | (Base & { k: 'pow'; a: Expr; b: Expr })
  | (Base & { k: 'call'; fn: Fn; arg: Expr })
  | (Base & { k: 'transpose'; a: Expr })
  /** 1-based entry: i (and j for a matrix) are scalar expressions that evaluate to integers */
  | (Base & { k: 'index'; a: Expr; i: Expr; j: Expr | null })
  /**
   * Σ/∏ over v = from..to. desc (∏ only): the factors are multiplied in the written order from `to` down to
   * `from` (∏_{t≥i>k} E_i = E_t ⋯ E_{k+1}); otherwise from `from` up to `to`.
   * earlier (∏ only): a chain of a backward recurrence's Jacobians (resolve/chainOrder.ts), multiplied with the
   * earlier index on the left (E_from ⋯ E_to); every other product of matrices has the later index on the left.
   */
  | (Base & { k: 'sum' | 'prod'; v: string; from: Idx; to: Idx; body: Expr; desc?: boolean; earlier?: boolean })
  /**
   * ∂of/∂wrt (total) or ∂⁺of/∂wrt (immediate); wrt is always a name (with its step).
   * oneStep (with total false): the one-step derivative of LANGUAGE.md §5 — earlier steps' nodes held fixed
   * except wrt itself, paths within of's own step followed. Set by the check's one-step re-reading.
   * The shape of ∂(vector n)/∂(matrix m×k) is [n, m, k].
   * alias: the name the file defines it by, as written at this use (Graves's δ_ω^{t+1} for ∂L/∂a_ω^{t+1}), so that a
   * hint names it as the student wrote it
   */
  | (Base & {
      k: 'deriv';
      total: boolean;
      oneStep?: boolean;
      of: Expr;
      wrt: { name: string; idx: Idx | null; range: Range };
      alias?: { name: string; idx: Idx | null };
      /** written dA/dB ('d') or ∂A/∂B ('∂'); absent for ∇, grad(…), adjoints and what the engine makes */
      spelled?: Spelling;
    });

export type DeclKind = 'param' | 'input' | 'target';

export interface Decl {
  name: string;
  kind: DeclKind;
  /** a per-step parameter `param w_t`; inputs and targets are always per-step */
  perStep: boolean;
  shape: Shape;
  /** one Float64Array per step (perStep) or a single one; null when no VALUE was given */
  values: Float64Array[] | null;
  line: number;
  range: Range;
  /** range of the name in the declaration */
  nameRange: Range;
  /** a target given no values whose loss says its kind (a cross-entropy's y): sampled and drawn one-hot */
  sample?: 'onehot';
  /**
   * a scalar target used as the entry index of a vector of this many entries (a class label: −log ŷ_{t,y_t}):
   * drawn, and sampled when given no values, as whole numbers 1..classes (a 0/1 draw of [1, 1, 1] is no index)
   */
  classes?: number;
  /** a VALUE was written but refused with an error (wrong length, ragged, not numbers): sample values stand in */
  valueRefused?: boolean;
}

export interface Quantity {
  name: string;
  /** NAME_t = … (timed) or NAME = … (untimed) */
  timed: boolean;
  shape: Shape;
  /** the general equation (for timed: valid at any step with v = 't'); null if only overrides */
  general: Expr | null;
  /** NAME_k = … : the value at one step, overriding the general equation there */
  overrides: Map<number, Expr>;
  isLoss: boolean;
  line: number;
  range: Range;
  /** source text of the general equation's right side */
  equationText: string;
  /** for each override step, its line */
  overrideLines: Map<number, number>;
}

export interface DeriveQuestion {
  kind: 'derive';
  expr: Expr;
  /** whether the expression mentions the free step t */
  freeT: boolean;
  steps: number[];
  free: FreeIndex[];
  line: number;
  range: Range;
  text: string;
}

/** a free index other than t (LANGUAGE.md §3): a letter in a step position runs over steps, in an entry position over entries */
export interface FreeIndex {
  v: string;
  values: number[];
}

/** one link E₀ = Eₖ of a check's chain (a plain check is one link) */
export interface CheckQuestion {
  kind: 'check';
  lhs: Expr;
  rhs: Expr;
  freeT: boolean;
  steps: number[];
  /** free indices besides t; the check holds when it holds for every combination */
  free: FreeIndex[];
  /** `for k = 1..t`: a free index's range bounded by t (lo ≤ v ≤ hi, each t plus an offset); points outside are not judged */
  within?: { v: string; lo: Idx | null; hi: Idx | null };
  /** the line where this link's right side begins */
  line: number;
  /** the whole check statement (shared by its links) */
  range: Range;
  /** the range of this link's right side */
  rhsRange: Range;
  /** 1-based: 1 for E₀ = E₁, 2 for E₀ = E₂, … */
  link: number;
  /** how many links the statement has */
  links: number;
  /** the latest side of names before this link's right side (link 2 on): what a side of numbers was computed from */
  before?: Expr;
  /**
   * the side just before this link's right side, when it is written in numbers alone (link 2 on): a hand computation's
   * last value is that side rounded (`… = −0.0379 + 1.3786 · 0.2281 · 0.8 = 0.2137`)
   */
  previous?: Expr;
  tag?: string;
  /**
   * the right side was written after ≈ (a rounded value): the absolute tolerance of each entry, half a unit of its
   * last written digit (one for a scalar); judged at the file's values to those digits
   */
  approx?: number[];
  /** a bound (`‖∂h_3/∂h_1‖ ≤ ‖W‖^2`): the left side is this to the right one, both numbers (engine/check/bound.ts) */
  relation?: Relation;
  /**
   * a step the network does not have, read by a check at no free step (x_{t-1} in Σ_t, at t = 1): the reference's
   * message and range. The check is not evaluated as written; it fails with that message (engine/check/undefinedStep.ts).
   * step: the step it reads there; t: the check's step where it does (null at no free step); has: the steps the name
   * has, 0..T+1 — what a Σ's bound one step outside them is named by (engine/check/sumBound.ts)
   */
  undefinedStep?: { message: string; range: Range; step: number; t: number | null; has: number[] };
  /**
   * an identity in free variables (resolve/identity.ts: `tanh'(z) = 1 − tanh(z)^2`, z no name of the network): the
   * variables as written, in order; the sides read nothing of the network and are judged at random values of these
   */
  identity?: string[];
  /**
   * products of the sides read with a transpose mended (V ∇_o L as Vᵀ ∇_o L, resolve/expressions.ts): each one's
   * shape mismatch as said, and the operand as written and as read. The check fails as written; the engine judges
   * the mended sides to say whether that was the only mistake (engine/check/answer.ts)
   */
  mended?: TransposeMend[];
  /** the file writes N for the last step (a Σ up to N, Sherstinsky's): a free lowercase n is its running step, no length */
  lengthN?: true;
  text: string;
}

/** a product read with one operand's transpose mended: the error as said, and the operand as written and as read */
export interface TransposeMend {
  message: string;
  written: string;
  read: string;
}

export type Question = DeriveQuestion | CheckQuestion;

export interface Model {
  T: number;
  decls: Map<string, Decl>;
  quantities: Map<string, Quantity>;
  /** name of the objective (loss declaration, else the last untimed scalar), or null */
  loss: string | null;
  questions: Question[];
  /** some derivative of the text is written with an upright d (dA/dB): a check's spellings are then compared */
  uprightD?: boolean;
}
