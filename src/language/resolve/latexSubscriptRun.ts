// x_tW_x, h_{t-1}W_h's neighbour written with no space: LaTeX gives an unbraced subscript one character, so `x_tW_x` is
// printed x_t W_x (Saitoh's (5.9) as notes copy it, `h_t = tanh(h_{t-1}W_h + x_tW_x + b)`). The language reads a
// subscript of letters as part of the name (W_xh), so such a run was one unknown name; where no name is spelled so and
// cutting after each one-character subscript gives names the file has, the run is their product, as printed.

import type { Range } from '../../report';
import type { Ast, NameAst } from '../ast';
import { diag } from '../diagnostics';
import type { ExprContext } from './context';
import { writtenName } from './text';

/** raw cut after each `_c` that a letter follows: x_tW_x → x_t, W_x; null when there is no such place */
function latexPieces(raw: string): string[] | null {
  const pieces: string[] = [];
  let from = 0;
  for (let i = 1; i + 2 < raw.length; i++) {
    if (raw[i] !== '_' || raw[i + 1] === '_' || !/\p{L}/u.test(raw[i + 2]!)) continue;
    pieces.push(raw.slice(from, i + 2));
    from = i + 2;
    i++;
  }
  if (!pieces.length) return null;
  pieces.push(raw.slice(from));
  return pieces;
}

/** a piece the file has: a name it defines, or a sequence with a one-character step after its `_` (x_t, h_3) */
function readable(piece: string, ctx: ExprContext): boolean {
  const scope = ctx.scope;
  if (scope.isKnown(piece)) return true;
  const m = /^(.+)_(.)$/u.exec(piece);
  return !!m && scope.isTimed(m[1]!) && (/^[tT0-9]$/.test(m[2]!) || ctx.vars.has(m[2]!));
}

/**
 * the product the run `a` prints as, or null: `known` when the file defines the name, or the name before its last `_`
 * (W_xh_2 is W_xh at step 2, never W_x h_2), or a piece is no name of the file
 */
export function latexSubscriptRun(a: NameAst, ctx: ExprContext, known: boolean): Ast | null {
  if (known || ctx.vars.has(a.raw) || !a.raw.includes('_')) return null;
  const pieces = latexPieces(a.raw);
  // a later piece begins a name of its own, a capital or a name with its own subscript (x_tW, h_tx_t): W_xh, with W_x
  // and h defined, stays one unknown name (a slip for W_hx, or a weight the file lacks), not W_x times h
  if (!pieces || !pieces.every((p, i) => readable(p, ctx) && (i === 0 || /^\p{Lu}/u.test(p) || p.includes('_')))) return null;
  let column = a.nameRange.column;
  const names: NameAst[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i]!;
    const last = i === pieces.length - 1;
    const nameRange: Range = { ...a.nameRange, column, endColumn: last ? a.nameRange.endColumn : column + p.length };
    column += p.length;
    names.push(
      last
        ? { k: 'name', raw: p, sub: a.sub, sup: a.sup, range: { ...a.range, column: nameRange.column }, nameRange }
        : { k: 'name', raw: p, sub: null, sup: null, range: nameRange, nameRange },
    );
  }
  if (ctx.record && !ctx.quiet) {
    let read = writtenName(names[0]!);
    for (let i = 1; i < names.length; i++) read += ' ' + writtenName(names[i]!);
    ctx.scope.diagnostics.push(
      diag(
        'information',
        `${writtenName(a)} is read as ${read}: an unbraced subscript is one character, as LaTeX prints it`,
        a.nameRange,
        'juxtaposed-names',
      ),
    );
  }
  let product: Ast = names[0]!;
  for (let i = 1; i < names.length; i++) product = { k: 'bin', op: 'juxt', a: product, b: names[i]!, range: a.range };
  return product;
}
