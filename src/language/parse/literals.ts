// Literals: entries of a name (W[i, j]), lists [a, b, c], matrices (bmatrix, pmatrix, rows separated by ; or \\).

import type { Range } from '../../report';
import type { Ast } from '../ast';
import { span } from '../ast';
import type { Token } from '../lexer';
import { LIMITS } from '../limits';
import { trailingDecimals } from '../numberDigits';
import { closer, deep, deepAll, describe, enter, expectOp, fail, isOp, next, peek } from './cursor';
import { expr } from './expressions';
import { withRange } from './operators';
import type { ParseState } from './state';

/** a number token as a literal, with its decimals where its text writes more than its value shows (0.9510) */
export function numberAst(t: Token): Ast & { k: 'num' } {
  const decimals = trailingDecimals(t.text, t.value);
  return decimals === undefined ? { k: 'num', value: t.value, range: t.range } : { k: 'num', value: t.value, range: t.range, decimals };
}

/** one entry of a literal: a number (the common case, read without the expression descent) or an expression */
export function entry(ps: ParseState): Ast {
  const t = peek(ps);
  if (t.kind === 'num') {
    const u = peek(ps, 1);
    if (
      u.kind === 'op' &&
      (u.text === ',' || u.text === ']' || u.text === '&' || u.text === 'row' || u.text === 'mat]' || u.text === 'sep')
    ) {
      ps.p++;
      return numberAst(t);
    }
  } else if (t.kind === 'op' && t.text === '-') {
    const v = peek(ps, 1);
    const u = peek(ps, 2);
    if (
      v.kind === 'num' &&
      u.kind === 'op' &&
      (u.text === ',' || u.text === ']' || u.text === '&' || u.text === 'row' || u.text === 'mat]' || u.text === 'sep')
    ) {
      ps.p += 2;
      return { k: 'num', value: -v.value, range: span(t.range, v.range) };
    }
  }
  return expr(ps);
}

export function listLiteral(ps: ParseState): Ast {
  const open = next(ps);
  enter(ps, open);
  const items: Ast[] = [];
  let commas = 0;
  // [a; b], [1, 2; 3, 4]: where each row (after a ';') begins in items
  const rowStarts: number[] = [];
  if (!isOp(peek(ps), ']')) {
    items.push(entry(ps));
    // entries are separated by commas, or by \quad / \; in a row written [1 \quad -1 \quad 1]
    while (isOp(peek(ps), ',') || isOp(peek(ps), 'sep') || isOp(peek(ps), ';')) {
      if (isOp(peek(ps), ',')) commas++;
      if (isOp(peek(ps), ';')) rowStarts.push(items.length);
      next(ps);
      if (isOp(peek(ps), ']')) break;
      items.push(entry(ps));
      if (items.length > LIMITS.maxEntries) fail(ps, `more than ${LIMITS.maxEntries} entries in a literal (limit)`);
    }
  }
  const close = closer(ps, ']') ?? expectOp(ps, ']', `to close the '[' at ${open.range.line}:${open.range.column}`);
  ps.depth--;
  const range = span(open.range, close.range);
  // \left[ a + b \right], \Big[ ∏ … \Big]: one expression in brackets groups, as ( … ) does (the hints see its terms)
  if (items.length === 1 && rowStarts.length === 0 && commas === 0 && items[0]!.k !== 'num' && items[0]!.k !== 'list')
    return deep(ps, withRange(items[0]!, range), items[0]!);
  if (rowStarts.length) return stackedRows(ps, items, rowStarts, range);
  // entries set side by side with spaces only, as seed 004 writes v = [1 \quad -1 \quad 1], are a row: a 1×n matrix
  if (items.length > 1 && commas === 0) {
    const row = deepAll(ps, { k: 'list', items, range } as Ast, items);
    return deepAll(ps, { k: 'list', items: [row], range }, [row]);
  }
  return deepAll(ps, { k: 'list', items, range }, items);
}

/**
 * a literal with rows set apart by ';' (MATLAB's and many papers' [h_{t-1}; x_t]): one entry a row is a column
 * (stacked, as a one-column bmatrix), more are the rows of a matrix
 */
export function stackedRows(ps: ParseState, items: Ast[], starts: number[], range: Range): Ast {
  const bounds = [0, ...starts, items.length];
  const rows = bounds
    .slice(1)
    .map((b, n) => items.slice(bounds[n]!, b))
    .filter((r) => r.length);
  // pushed, not map()ped, as matrix() does
  const lists: Ast[] = [];
  if (rows.every((r) => r.length === 1)) {
    for (const r of rows) lists.push(r[0]!);
    return deepAll(ps, { k: 'list', items: lists, range, stacked: true }, items);
  }
  for (const r of rows) lists.push(rowList(ps, r));
  return deepAll(ps, { k: 'list', items: lists, range }, lists);
}

/** \begin{bmatrix} 1 & 2 \\ 3 & 4 \end{bmatrix}: a list of rows; one column is a vector */
export function matrix(ps: ParseState): Ast {
  const open = next(ps);
  enter(ps, open);
  const rows: Ast[][] = [];
  for (;;) {
    if (isOp(peek(ps), 'mat]')) break;
    const row: Ast[] = [entry(ps)];
    while (isOp(peek(ps), '&')) {
      next(ps);
      row.push(entry(ps));
    }
    rows.push(row);
    if (isOp(peek(ps), 'row')) {
      next(ps);
      continue;
    }
    if (!isOp(peek(ps), 'mat]')) fail(ps, `expected '&', '\\\\' or \\end{…} after an entry of the matrix, found ${describe(ps, peek(ps))}`);
  }
  const close = next(ps);
  ps.depth--;
  const range = span(open.range, close.range);
  if (!rows.length) fail(ps, 'an empty matrix', range);
  const cols = rows[0]!.length;
  const badAt = rows.findIndex((r) => r.length !== cols);
  if (badAt >= 0) {
    // at the row that differs, which is named with its length and the first row's
    const bad = rows[badAt]!;
    const entriesText = (n: number) => `${n} ${n === 1 ? 'entry' : 'entries'}`;
    fail(
      ps,
      `the rows of the matrix have different lengths (${cols} and ${bad.length}): row ${badAt + 1} has ${entriesText(bad.length)}, row 1 ${entriesText(cols)}`,
      span(bad[0]!.range, bad[bad.length - 1]!.range),
    );
  }
  // the items pushed, not map()ped: map()'s array has another elements kind once this is optimized, and what reads a
  // literal's items (constValue) was deoptimized meeting it
  const items: Ast[] = [];
  if (cols === 1) {
    for (const r of rows) items.push(r[0]!);
    return deepAll(ps, { k: 'list', items, range, stacked: rows.length > 1 ? true : undefined }, items);
  }
  for (const r of rows) items.push(rowList(ps, r));
  return deepAll(ps, { k: 'list', items, range }, items);
}

/** a row of a matrix (or of stacked entries) as a list of its own */
export function rowList(ps: ParseState, r: Ast[]): Ast {
  return deepAll(ps, { k: 'list', items: r, range: span(r[0]!.range, r[r.length - 1]!.range) } as Ast, r);
}
