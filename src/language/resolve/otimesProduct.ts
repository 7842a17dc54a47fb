// Géron's LSTM and GRU (Hands-On Machine Learning, eq. 15-3, 15-4) write ⊗ for the product entry by entry:
// c_(t) = f_(t) ⊗ c_(t−1) + i_(t) ⊗ g_(t). ⊗ of two vectors is their outer product (∇_W L = Σ_t δ_t ⊗ x_t), a
// matrix; but where no outer product can stand, the ⊗ is the book's product entry by entry:
// - a check's left side has the operands' own shape (a vector of n, or the matrix both are): a matrix of their
//   outer product could not equal it, nor be added to a term of it;
// - a chain a ⊗ b ⊗ c of one shape: the outer product of a matrix is not read, so a chain of them is no outer product.
// A text uses one symbol in one meaning: once one of its equations reads ⊗ so, its later ⊗ of two operands of one
// shape do too (Σ_t (r_(t) ⊗ h_(t−1)) (…)ᵀ), except a ⊗ that is a whole side (or a term or Σ's body of it) whose outer
// product has the check's left shape (∇_W L = Σ_t δ_t ⊗ x_t), which only the outer product makes.
import type { Ast } from '../ast';
import { diag } from '../diagnostics';
import type { Expr, Shape } from '../model';
import { same as sameShape, shapeText } from '../shapes';
import { Abandoned, quietly, type ExprContext } from './context';
import { readExpression } from './expressions';

const CODE = 'otimes-entrywise';

const same = (a: Shape | null | undefined, b: Shape | null | undefined): boolean => !!a && !!b && sameShape(a, b);

const isOtimes = (a: Ast): a is Ast & { k: 'call' } => a.k === 'call' && a.fn === 'outer' && a.arg.k === 'list' && a.arg.items.length === 2;

/** a ⊗ b ⊗ c (the parser groups it (a ⊗ b) ⊗ c): its operands, left to right */
function chainOf(a: Ast & { k: 'call' }): Ast[] {
  const [p, q] = (a.arg as Ast & { k: 'list' }).items as [Ast, Ast];
  return [...(isOtimes(p) ? chainOf(p) : [p]), q];
}

/** whether `a` is one of the sides, a term of one, or the body of a Σ of one: where a whole outer product stands */
function standsAlone(a: Ast, sides: readonly Ast[]): boolean {
  const reach = (e: Ast): boolean =>
    e === a ||
    (e.k === 'big' && e.op === 'sum' && reach(e.body)) ||
    (e.k === 'bin' && (e.op === '+' || e.op === '-') && (reach(e.a) || reach(e.b))) ||
    (e.k === 'neg' && reach(e.a));
  return sides.some(reach);
}

/** a ⊗ b (⊗ c …) read as a ⊙ b (⊙ c …) where no outer product can be meant (above), else null (the outer product) */
export function otimesEntrywise(a: Ast & { k: 'call' }, ctx: ExprContext): Expr | null {
  if (!isOtimes(a)) return null;
  const scope = ctx.scope;
  const left = scope.checkLeft;
  const chain = chainOf(a);
  if (chain.length < 3 && !left?.length) return null;
  let shapes: (Shape | null)[];
  try {
    shapes = chain.map((e) => readExpression(e, quietly(ctx)).shape);
  } catch (err) {
    if (err instanceof Abandoned) return null;
    throw err;
  }
  const shape = shapes[0];
  if (!shape?.length || !shapes.every((s) => same(s, shape))) return null;
  const forced = same(shape, left) || chain.length >= 3;
  const outerShape = shape.length === 1 ? [shape[0]!, shape[0]!] : null;
  const byText = !forced && scope.otimesEntrywiseAt !== null && !(same(outerShape, left) && standsAlone(a, scope.checkSides ?? []));
  if (!forced && !byText) return null;
  const line = a.range.line;
  if (forced && scope.otimesEntrywiseAt === null) scope.otimesEntrywiseAt = line;
  // once an equation: a ⊗ b ⊗ c and every gate of a cell say the same
  if (ctx.record && !ctx.quiet && !scope.diagnostics.some((d) => d.code === CODE && d.line === line)) {
    const why = forced
      ? same(shape, left)
        ? `the equation's left side is a ${shapeText(left!)}, where the outer product of two ${shape.length === 1 ? 'vectors (a matrix)' : 'matrices'} could not stand`
        : `a chain of ⊗ of one shape is no outer product (that of a matrix is not read)`
      : `as this text's equation on line ${scope.otimesEntrywiseAt} writes it`;
    scope.diagnostics.push(
      diag('information', `⊗ is read as the product entry by entry (⊙), as Géron's LSTM and GRU write it: ${why}`, a.range, CODE),
    );
  }
  const product = chain.slice(1).reduce<Ast>((acc, e) => ({ k: 'bin', op: '⊙', a: acc, b: e, range: a.range }), chain[0]!);
  return readExpression(product, ctx);
}
