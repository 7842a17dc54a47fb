// A chain rule written in the denominator layout's order: Prince's ∂ℓ_i/∂f_{k−1} = ∂h_k/∂f_{k−1} ∂f_k/∂h_k ∂ℓ_i/∂f_k,
// CS182's dL/dz_t = da_t/dz_t dL/da_t, each Jacobian left of the gradient it passes on (that layout's Jacobian is the
// transpose of ours). LANGUAGE.md §4 reads a Jacobian with rows over its numerator's entries, so such a chain fails;
// the single-transpose hint named one factor only, as if one transpose were the slip (one Jacobian beside its gradient
// keeps that hint, which names the order already). Read backwards, each factor's
// numerator is the next one's variable and the chain ends in a gradient: the whole order is the layout, and the
// message says so with the chain in the contract's order.
import type { Expr } from '../../language/model';
import { exprText, refText } from '../../language/print';
import { replaceWhere, type Walk } from './replacing';
import { VALUE_CHILDREN } from '../../language/resolve';
import type { Run } from '../run';
import type { Claim } from './hints';
import { holdsWith } from './textbook';

type Deriv = Expr & { k: 'deriv' };

const PRODUCT = new Set(['mul', 'matmul', 'contract']);

/** the walk to a side's products: through sums, Σ bodies and brackets, not into a derivative or an entry */
const WALK: Walk = { children: VALUE_CHILDREN, stops: (x) => x.k === 'deriv' || x.k === 'index' };

/** a product's factors left to right, or null when one is no derivative */
function derivFactors(e: Expr, out: Deriv[] = []): Deriv[] | null {
  if (PRODUCT.has(e.k) && 'a' in e && 'b' in e) {
    const x = e as Expr & { a: Expr; b: Expr };
    return derivFactors(x.a, out) && derivFactors(x.b, out);
  }
  if (e.k !== 'deriv') return null;
  out.push(e);
  return out;
}

/** ∂B/∂C ∂A/∂B … ∂s/∂Z: each numerator the next factor's variable, the last a gradient of a scalar */
function reversed(fs: Deriv[]): boolean {
  if (fs.length < 2 || fs[fs.length - 1]!.of.shape?.length !== 0) return false;
  for (let i = 0; i + 1 < fs.length; i++) if (exprText(fs[i]!.of) !== refText(fs[i + 1]!.wrt.name, fs[i + 1]!.wrt.idx)) return false;
  return true;
}

/** the factors multiplied gradient first, as a row through the Jacobians (LANGUAGE.md §4's contraction) */
function chained(fs: Deriv[]): Expr {
  let acc: Expr = fs[fs.length - 1]!;
  for (let i = fs.length - 2; i >= 0; i--) {
    const b = fs[i]!;
    const as = acc.shape;
    const bs = b.shape;
    if (!as || !bs) return acc;
    acc =
      as.length === 0 || bs.length === 0
        ? { k: 'mul', a: acc, b, shape: as.length === 0 ? bs : as, range: b.range }
        : { k: 'contract', a: acc, b, shape: [...as.slice(0, -1), ...bs.slice(1)], range: b.range };
  }
  return acc;
}

const chainText = (fs: Deriv[]) => fs.map((d) => exprText(d)).join(' ');

/** the message when every chain of the right side written in the denominator layout's order, turned round, makes the check hold */
export function reversedChainHint(c: Claim, run: Run): string | null {
  const found: { at: Expr; fs: Deriv[] }[] = [];
  const seen = (x: Expr): null => {
    if (found.length < 8 && PRODUCT.has(x.k)) {
      const fs = derivFactors(x);
      if (fs && reversed(fs)) found.push({ at: x, fs });
    }
    return null;
  };
  // the outermost products only: a chain's inner product is part of it
  replaceWhere(
    c.rhs,
    (x) => {
      if (!PRODUCT.has(x.k)) return null;
      seen(x);
      return x;
    },
    WALK,
  );
  // a Jacobian by a vector left of a scalar's gradient: a 1-unit chain reads alike in either order
  const turned = found.filter(({ fs }) => fs.some((d) => (d.shape?.length ?? 0) >= 2));
  // one Jacobian beside its gradient has its own message, which names that order (transposeHint): a chain of them here
  if (!turned.some(({ fs }) => fs.length >= 3)) return null;
  const by = new Map(turned.map(({ at, fs }) => [at, chained(fs)]));
  const rhs = replaceWhere(c.rhs, (x) => by.get(x) ?? null, WALK);
  if (!holdsWith(c, c.lhs, rhs, run)) return null;
  const one = turned.length === 1;
  const written = turned.map(({ fs }) => chainText(fs)).join(' and ');
  const ours = turned.map(({ fs }) => chainText([...fs].reverse())).join(' and ');
  return `${one ? 'The chain' : 'The chains'} ${written} ${one ? 'is' : 'are'} written in the denominator layout's order, each Jacobian left of the gradient it passes on (that layout's ∂A/∂B is the transpose of the numerator layout's, which Unroll reads, whose rows are A's entries): in the numerator layout's order, ${ours}, the check holds`;
}
