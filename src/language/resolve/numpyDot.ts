// Chollet's simple RNN (Deep Learning with Python, ch. 10), written as NumPy pseudo-code:
// output_t = tanh(dot(W, input_t) + dot(U, state_t) + b). dot(A, B) (np.dot) is the matrix product A B, and of two
// vectors their inner product — NumPy's dot. It was read as d2l.ai's f(x_t, h_{t−1}, w_h), a name applied to the
// arguments of some quantity's equation, which dot is not.
import type { Ast, NameAst } from '../ast';
import type { Expr } from '../model';
import { Abandoned, quietly, type ExprContext } from './context';
import { readExpression } from './expressions';

/** dot(A, B) (np.dot, matmul) as the product A B (Aᵀ B of two vectors); null for any other name or count */
export function numpyDot(a: NameAst, ctx: ExprContext): Expr | null {
  if ((a.raw !== 'dot' && a.raw !== 'matmul') || a.sub || a.sup || a.argItems?.length !== 2) return null;
  const [p, q] = a.argItems as [Ast, Ast];
  let vectors = false;
  try {
    const x = readExpression(p, quietly(ctx)).shape;
    const y = readExpression(q, quietly(ctx)).shape;
    vectors = x?.length === 1 && y?.length === 1;
  } catch (err) {
    if (!(err instanceof Abandoned)) throw err;
  }
  const left: Ast = vectors ? { k: 'transpose', a: p, range: p.range } : p;
  return readExpression({ k: 'bin', op: 'juxt', a: left, b: q, range: a.range }, ctx);
}
