// How resolution names things in its messages and symbol occurrences.

import type { Range, SymbolOccurrence } from '../../report';
import type { NameAst } from '../ast';
import { idxString } from '../idx';
import type { Expr, Idx } from '../model';
import { shapeText } from '../shapes';

/** written out field by field, not spread from the range: one shape of record for every occurrence (issue 11) */
export function occurrence(range: Range, name: string, text: string, role: SymbolOccurrence['role']): SymbolOccurrence {
  return { line: range.line, column: range.column, endLine: range.endLine, endColumn: range.endColumn, name, text, role };
}

/** a name as written, its index groups abbreviated */
export function writtenName(a: NameAst): string {
  return a.raw + (a.sub ? '_{…}' : '') + (a.sup ? '^{(…)}' : '');
}

export function idxText(idx: Idx): string {
  return idxString(idx, '-');
}

/** h_t, h_{t-1}, W_hh */
export function refWritten(r: Expr & { k: 'ref' }): string {
  if (!r.idx) return r.name;
  const s = idxText(r.idx);
  return s.length === 1 ? `${r.name}_${s}` : `${r.name}_{${s}}`;
}

/** a reference as written, else "this" */
export function nameOrThis(e: Expr): string {
  return e.k === 'ref' ? refWritten(e) : 'this';
}

/** a short description of an operand for shape messages */
export function describe(e: Expr): string {
  if (e.k === 'ref') return refWritten(e);
  if (e.k === 'num') return String(e.value);
  const what: Record<string, string> = {
    add: 'sum',
    sub: 'difference',
    mul: 'product',
    matmul: 'product',
    hadamard: 'product',
    contract: 'product',
    call: 'function value',
    vec: 'literal',
    mat: 'literal',
    indicator: 'indicator',
    matpow: 'matrix power',
    neg: 'negation',
    deriv: 'derivative',
    transpose: 'transpose',
  };
  return 'the ' + (what[e.k] ?? 'expression');
}

/** "the sum (vector of 3) and h_t (scalar)" */
export function operands(x: Expr, y: Expr): string {
  return `${describe(x)} (${shapeText(x.shape)}) and ${describe(y)} (${shapeText(y.shape)})`;
}
