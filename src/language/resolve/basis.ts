// e_{k_t}, e_{y^{(t)}}, \mathbf{e}_k: the standard basis vector (one-hot) that a target's value picks, as
// textbooks write the cross-entropy's gradient ŷ_t − e_{k_t}. Its size is the other operand's: nothing else
// says it (session 16: "unknown name e_k").

import type { Ast, NameAst } from '../ast';
import type { Expr, Shape } from '../model';
import { fail, type ExprContext } from './context';
import { readExpression } from './expressions';
import { firstSegment } from '../segments';
import { manyToOneTarget } from './lastStepTarget';

/** the place k of e_k when `a` is such a basis vector (a name e the file does not define), else null */
export function basisPlace(a: Ast, ctx: ExprContext): Ast | null {
  if (a.k !== 'name' || a.args) return null;
  // 1_{k}: a basis vector as written, whatever the file defines
  if (a.basis) return a.sub;
  // e or e_…: asked first, as every operand of a sum or product is (the lookups below were 2 % of an analysis)
  if (a.raw !== 'e' && !a.raw.startsWith('e_')) return null;
  const scope = ctx.scope;
  if (scope.isKnown('e') || ctx.vars.has('e') || scope.isKnown(a.raw)) return null;
  // e_{y^{(t)}}: the place is the subscript, with its own step
  if (a.raw === 'e') return a.sub && !a.sup ? a.sub : null;
  if (!a.raw.startsWith('e_') || a.sub || a.sup) return null;
  const rest = a.raw.slice(2);
  const first = firstSegment(rest);
  if (/^\d+$/.test(rest)) return { k: 'num', value: Number(rest), range: a.nameRange };
  // e_t, e_{t-1}: an undefined sequence e at a step, not a basis vector
  if (first === 't' || first === 'T') return null;
  if (!(scope.isKnown(first) || ctx.vars.has(first) || ctx.free?.has(first))) return null;
  // e_{y} with y a sequence: y's value at the equation's step t, as ŷ_{y} reads (entryByValue)
  // (step 1 in a network of one step, whose untimed quantities have no t; T for a many-to-one network's one target)
  const r = a.nameRange;
  const step: Ast | null =
    rest !== first || !scope.isTimed(first)
      ? null
      : scope.T === 1
        ? { k: 'num', value: 1, range: r }
        : manyToOneTarget(first, a.range, ctx)
          ? { k: 'num', value: scope.T, range: r }
          : { k: 'name', raw: 't', sub: null, sup: null, range: r, nameRange: r };
  const place: NameAst = { k: 'name', raw: rest, sub: step, sup: null, range: a.range, nameRange: a.nameRange };
  return place;
}

/**
 * the size a basis vector takes beside `other`: the other's length in a sum, difference or ⊙, a matrix's column
 * count when the matrix stands left of it in a product; null when nothing says
 */
export function basisSize(op: string, other: Shape | null, basisOnRight: boolean): number | null {
  if (!other) return null;
  if ((op === '+' || op === '-' || op === '⊙' || op === '/') && other.length === 1) return other[0]!;
  if ((op === 'juxt' || op === '*' || op === '@') && basisOnRight && other.length === 2) return other[1]!;
  return null;
}

/** e_k with its size n: onehot(k, n); without a size, a diagnostic that says what to write */
export function basisVector(a: Ast, place: Ast, n: number | null, ctx: ExprContext): Expr {
  const written = a.k === 'name' && a.basis ? '1_{…}' : a.k === 'name' && a.raw.startsWith('e_') ? `e_{${a.raw.slice(2)}}` : 'e_{…}';
  if (n === null)
    return fail(
      ctx,
      `${written} is read as a one-hot basis vector, but nothing beside it gives its size: write onehot(…, n)`,
      a.range,
      'shape-mismatch',
    );
  const size: Ast = { k: 'num', value: n, range: a.range };
  const list: Ast = { k: 'list', items: [place, size], range: a.range };
  return readExpression({ k: 'call', fn: 'onehot', arg: list, range: a.range, fnRange: a.range }, ctx);
}
