// The syntax tree, before names are resolved: what the text says, with ranges.

import type { Range } from '../report';

export interface NameAst {
  k: 'name';
  /** the word as written, segments included: "W_hh", "h_t", "L_3", "h" */
  raw: string;
  /** an explicit subscript group that is not part of the name: h_{t-1} → (t-1) */
  sub: Ast | null;
  /** a parenthesised superscript: h^{(t)}, h^(t-1) — a time index on a timed name, else a power */
  sup: Ast | null;
  range: Range;
  /** the range of the word alone */
  nameRange: Range;
}

export type Ast =
  | { k: 'num'; value: number; range: Range }
  | NameAst
  | { k: 'list'; items: Ast[]; range: Range }
  | { k: 'neg'; a: Ast; range: Range }
  | { k: 'bin'; op: '+' | '-' | '*' | '/' | '^' | '⊙' | '@' | 'juxt'; a: Ast; b: Ast; range: Range }
  /** written: the spelling of an inverse read as a function (σ^{-1} → fn 'logit', written '\\sigma^{-1}' as in the source) */
  | { k: 'call'; fn: string; arg: Ast; range: Range; fnRange: Range; written?: string }
  | { k: 'transpose'; a: Ast; range: Range }
  | { k: 'index'; a: Ast; args: Ast[]; range: Range }
  /** Σ/∏ over v = from..to; desc: the factors are written from the upper bound down (∏_{t≥i>k}) */
  | { k: 'big'; op: 'sum' | 'prod'; v: string | null; vRange: Range | null; from: Ast | null; to: Ast | null; body: Ast; range: Range; desc?: boolean }
  /** ∂A/∂B, ∂⁺A/∂B, and ∇_B A (nabla: written as a gradient) */
  | { k: 'deriv'; plus: boolean; of: Ast; wrt: Ast; range: Range; nabla?: boolean }
  /** the adjoint X̄ = ∂loss/∂X: \bar{X}, \overline{X}, X̄ (LANGUAGE.md §4) */
  | { k: 'adjoint'; a: NameAst; range: Range }
  /** the indicator 1_{a=b}: 1 where a equals b, else 0 */
  | { k: 'indicator'; a: Ast; b: Ast; range: Range };

export type Statement =
  | { k: 'decl'; kind: 'param' | 'input' | 'target'; name: NameAst; shape: number[] | null; shapeRange: Range | null; value: Ast | null; range: Range }
  | { k: 'def'; lhs: NameAst; rhs: Ast; isLoss: boolean; range: Range; rhsText: string }
  | { k: 'derive'; expr: Ast; range: Range; text: string }
  /**
   * check E₀ = E₁ = … : lhs is E₀, rhs is E₁, more holds E₂, E₃, … (a chain of equalities, LANGUAGE.md §5).
   * tag: the label from \tag{…} (or a solution's trailing "(n)").
   */
  | { k: 'check'; lhs: Ast; rhs: Ast; more: Ast[]; range: Range; text: string; forRange: { v: string; from: Ast; to: Ast; range: Range } | null; tag?: string }
  /** φ = tanh: the name φ stands for the function tanh in the whole file (φ(z), φ'(z), φ^{-1}) */
  | { k: 'alias'; name: NameAst; fn: string; range: Range };

export function span(a: Range, b: Range): Range {
  return { line: a.line, column: a.column, endLine: b.endLine, endColumn: b.endColumn };
}
