// A loss written as one sum, `loss L = Σ_t ½(h_t − y_t)²`, whose steps' terms the solution then reads as L_t, L_3 or
// L^{(t)} (Goodfellow's L = Σ_t L^{(t)}): the summand is the per-step loss the student means. The file is read as if it
// said `L_t = ½(h_t − y_t)²` and `loss L = Σ_t L_t`, as sheet 7 writes it (an untimed loss beside its timed twin).
// Before, L_t was "L has no time index: it is not a sequence", and ∂L^{(t)}/∂h^{(t)} was a power of the whole loss.

import { sameRange, someAst, type Ast, type NameAst, type Statement } from './ast';
import type { Range, SymbolOccurrence } from '../report';

type Def = Statement & { k: 'def' };

/**
 * the statements with the summed loss split into its summand and the sum of it, or null when the file has no such loss
 * or never reads it at a step (then nothing changes). Only a plain Σ (or −Σ) over every step is split: a mean's 1/T
 * would leave it unsaid whether L_t carries it.
 */
export function splitSummedLoss(statements: Statement[], text: string): SplitLoss | null {
  const i = statements.findIndex((s) => s.k === 'def' && s.isLoss && !s.broken);
  if (i < 0) return null;
  const loss = statements[i] as Def;
  const name = loss.lhs.raw;
  if (loss.lhs.sub || loss.lhs.sup || name.includes('_')) return null;
  const negated = loss.rhs.k === 'neg';
  const sum = loss.rhs.k === 'neg' ? loss.rhs.a : loss.rhs;
  // Σ_t L_t, Σ_t ℓ_t: the summand is a name already (the twin reading)
  if (sum.k !== 'big' || sum.op !== 'sum' || sum.overSet || sum.body.k === 'name' || !overEveryStep(sum)) return null;
  const v = sum.v ?? 't';
  const atStep = (x: Ast) =>
    x.k === 'name' && (x.raw === name ? x.sub !== null || x.sup !== null : x.raw.startsWith(name + '_') && x.raw.length > name.length + 1);
  // a step of the loss read somewhere else, and defined nowhere (a file that defines L_t has its own)
  let read = false;
  for (let j = 0; j < statements.length; j++) {
    const s = statements[j]!;
    if (s.k === 'def' && s.lhs.raw !== name && s.lhs.raw.startsWith(name + '_')) return null;
    if (s.k === 'def' && s.lhs.raw === name && j !== i) return null;
    if (!read && j !== i && someAst(s as unknown as Ast, atStep)) read = true;
  }
  if (!read) return null;
  const body = sum.body;
  const lhs: NameAst = { k: 'name', raw: `${name}_${v}`, sub: null, sup: null, range: body.range, nameRange: body.range };
  const summand: Def = {
    k: 'def',
    lhs,
    rhs: negated ? { k: 'neg', a: body, range: loss.rhs.range } : body,
    isLoss: false,
    range: body.range,
    rhsText: (negated ? '-' : '') + textAt(text, body.range),
  };
  const total: Def = {
    ...loss,
    rhs: { ...sum, body: { ...lhs, range: body.range }, range: loss.rhs.range },
  };
  return { statements: [...statements.slice(0, i), summand, total, ...statements.slice(i + 1)], name, range: body.range };
}

/** the statements split, and the loss's name and its summand's range: the name L_t stands there in no text */
export interface SplitLoss {
  statements: Statement[];
  name: string;
  range: Range;
}

/**
 * the symbols without the summand's name, which the text does not write (its range is the summand's): renaming L
 * would otherwise write over ½(h_t − y_t)², and a hover on the summand would name L_t
 */
export function writtenSymbols(symbols: SymbolOccurrence[], split: SplitLoss): SymbolOccurrence[] {
  return symbols.filter((s) => s.name !== split.name || !sameRange(s, split.range));
}

/** Σ_t, Σ_{t=1}^{T}: every step (the bounds as written; a Σ over some steps has no per-step loss of the whole) */
function overEveryStep(sum: Ast & { k: 'big' }): boolean {
  const from = sum.from;
  const to = sum.to;
  const one = from === null || (from.k === 'num' && from.value === 1);
  const last = to === null || (to.k === 'name' && to.raw === 'T' && !to.sub && !to.sup);
  return one && last;
}

/** the source text of a range (1-based lines and columns, the end exclusive) */
function textAt(text: string, r: Range): string {
  const lines = text.split('\n');
  if (r.line === r.endLine) return (lines[r.line - 1] ?? '').slice(r.column - 1, r.endColumn - 1);
  const parts = [(lines[r.line - 1] ?? '').slice(r.column - 1)];
  for (let l = r.line; l < r.endLine - 1; l++) parts.push(lines[l] ?? '');
  parts.push((lines[r.endLine - 1] ?? '').slice(0, r.endColumn - 1));
  return parts.join('\n');
}
