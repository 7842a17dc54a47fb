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
  | { k: 'call'; fn: string; arg: Ast; range: Range; fnRange: Range }
  | { k: 'transpose'; a: Ast; range: Range }
  | { k: 'index'; a: Ast; args: Ast[]; range: Range }
  | { k: 'big'; op: 'sum' | 'prod'; v: string | null; vRange: Range | null; from: Ast | null; to: Ast | null; body: Ast; range: Range }
  | { k: 'deriv'; plus: boolean; of: Ast; wrt: Ast; range: Range };

export type Statement =
  | { k: 'decl'; kind: 'param' | 'input' | 'target'; name: NameAst; shape: number[] | null; shapeRange: Range | null; value: Ast | null; range: Range }
  | { k: 'def'; lhs: NameAst; rhs: Ast; isLoss: boolean; range: Range; rhsText: string }
  | { k: 'derive'; expr: Ast; range: Range; text: string }
  | { k: 'check'; lhs: Ast; rhs: Ast; range: Range; text: string; forRange: { v: string; from: Ast; to: Ast; range: Range } | null };

export function span(a: Range, b: Range): Range {
  return { line: a.line, column: a.column, endLine: b.endLine, endColumn: b.endColumn };
}
