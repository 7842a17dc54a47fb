// A run of letters split into the names the file defines (Whh as W_hh, Wxhxt as W_xh x_t): the longest pieces first.

import type { Range } from '../../report';
import type { Ast, NameAst } from '../ast';
import { diag } from '../diagnostics';
import type { ExprContext } from './context';
import { writtenName } from './text';

/**
 * Ux^{(t)}, Wh^{(t-1)}, vh^{(t)}: a name the file does not define that is a run of names it does define is
 * their product, longest names first (LANGUAGE.md §1), with an information diagnostic saying how it was read.
 * The last name keeps the index. A defined name always wins, so this is tried only when the head is unknown.
 */
export function splitRun(a: NameAst, ctx: ExprContext, known: boolean, cut: number, head: string, headKnown: boolean): Ast | null {
  const scope = ctx.scope;
  // a defined name (known: scope.isKnown(a.raw)) or a bound variable is itself. Else cut, head, headKnown: a.raw's
  // first '_', the name before it (a.raw without one) and whether the file defines it, as readName found them
  if (known || ctx.vars.has(a.raw)) return null;
  if (headKnown || scope.unavailable.has(head) || head === 'T') return null;
  const tail = cut < 0 ? '' : a.raw.slice(cut);
  const chars = Array.from(head);
  if (chars.length < 2) return null;
  const pieces = longestPieces(chars, (n) => scope.isKnown(n) || scope.refused.has(n), scope.longestName());
  if (!pieces) return null;
  let column = a.nameRange.column;
  // loops, not map() and reduce(): an array map() makes has one elements kind in optimized code and another in the
  // builtin, and the calls on it met the other one once this was optimized (a deoptimization of readName, which
  // inlines this, and readName compiled again)
  const names: NameAst[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i]!;
    const last = i === pieces.length - 1;
    const nameRange: Range = { ...a.nameRange, column, endColumn: column + p.length + (last ? tail.length : 0) };
    column += p.length;
    names.push(
      last
        ? { k: 'name', raw: p + tail, sub: a.sub, sup: a.sup, range: { ...a.range, column: nameRange.column }, nameRange }
        : { k: 'name', raw: p, sub: null, sup: null, range: nameRange, nameRange },
    );
  }
  if (ctx.record && !ctx.quiet) {
    const written = writtenName(a);
    let read = writtenName(names[0]!);
    for (let i = 1; i < names.length; i++) read += ' ' + writtenName(names[i]!);
    scope.diagnostics.push(
      diag('information', `${written} is read as ${read}: a product of names this file defines`, a.nameRange, 'juxtaposed-names'),
    );
  }
  let product: Ast = names[0]!;
  for (let i = 1; i < names.length; i++) product = { k: 'bin', op: 'juxt', a: product, b: names[i]!, range: a.range };
  return product;
}

/**
 * splits chars into known names, preferring the longest name at each point; null when no split exists.
 * Bottom-up, and no piece longer than `maxLen` (the longest known name): a 100,000-character unknown
 * name costs a few linear passes, not n³ substrings or n nested calls (LANGUAGE.md §6: never a hang).
 */
function longestPieces(chars: string[], isName: (n: string) => boolean, maxLen: number): string[] | null {
  const n = chars.length;
  // next[i]: where the piece starting at i ends in the preferred split of chars[i..], -1 when none
  const next = new Array<number>(n + 1).fill(-1);
  next[n] = n;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = Math.min(n, i + maxLen); j > i; j--) {
      if (next[j] === -1) continue;
      if (isName(chars.slice(i, j).join(''))) {
        next[i] = j;
        break;
      }
    }
  }
  if (next[0] === -1) return null;
  const pieces: string[] = [];
  for (let i = 0; i < n; i = next[i]!) pieces.push(chars.slice(i, next[i]).join(''));
  return pieces;
}
