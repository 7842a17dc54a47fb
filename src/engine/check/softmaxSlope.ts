// σ's slope written for softmax's: `∂L/∂o_t = ŷ_t (1 − ŷ_t)` for ŷ_t = softmax(o_t). ŷ(1 − ŷ) is only the diagonal of
// softmax's Jacobian, diag(ŷ) − ŷ ŷᵀ (each output entry reads every logit), and the loss's own factor is left out
// too; a student who learnt σ first writes it so, and the check failed with its two vectors only. Structural until
// such a product is written; then the cross-entropy's ŷ_t − y_t (each target of ŷ's shape) is tried in its place and
// named when it holds at the check's points and at a draw.

import type { Expr } from '../../language/model';
import { exprText } from '../../language/print';
import { same } from '../../language/shapes';
import type { Run } from '../run';
import { confirmed, type OtherValues } from './confirm';
import type { Claim } from './hints';
import { replaceWhere, type Walk } from './replacing';
import { holdsWith } from './textbook';
import { VALUE_CHILDREN } from '../../language/resolve';
import { printerFor } from './writtenT';

type Ref = Expr & { k: 'ref' };

/** the values a side combines, not into an entry v[…] nor a derivative */
const WALK: Walk = { children: VALUE_CHILDREN, stops: (x) => x.k === 'index' || x.k === 'deriv' };

/** the same name at the same step, as printed */
const sameRef = (a: Expr, b: Expr): boolean => a.k === 'ref' && b.k === 'ref' && exprText(a) === exprText(b);

/** S (1 − S) or (1 − S) S, with ⊙ or a product: S */
function slopeOf(x: Expr): Ref | null {
  if (x.k !== 'mul' && x.k !== 'hadamard') return null;
  for (const [s, one] of [
    [x.a, x.b],
    [x.b, x.a],
  ] as const)
    if (s.k === 'ref' && one.k === 'sub' && one.a.k === 'num' && one.a.value === 1 && sameRef(one.b, s)) return s;
  return null;
}

/** the argument of S's softmax (o of ŷ = softmax(o)), or null when S is no softmax of a name */
function softmaxArg(s: Ref, run: Run): Ref | null {
  const g = run.model.quantities.get(s.name)?.general;
  return g?.k === 'call' && g.fn === 'softmax' && g.arg.k === 'ref' ? g.arg : null;
}

export function softmaxSlopeHint(c: Claim, run: Run, other: OtherValues = null): string | null {
  // softmaxArg reads a quantity defined by softmax: a network with none has no such slope to name
  if (![...run.model.quantities.values()].some((q) => q.general?.k === 'call' && q.general.fn === 'softmax')) return null;
  let found: { node: Expr; s: Ref; o: Ref } | null = null;
  replaceWhere(
    c.rhs,
    (x) => {
      const s = found ? null : slopeOf(x);
      const o = s && softmaxArg(s, run);
      if (s && o) found = { node: x, s, o };
      return null;
    },
    WALK,
  );
  if (!found) return null;
  const { node, s, o } = found as { node: Expr; s: Ref; o: Ref };
  const show = printerFor(c.text, run.model.T);
  const pair = `${show(s)} (1 − ${show(s)})`;
  const said = `${pair} is σ's slope; for ${show(s)} = softmax(${show({ ...o, idx: s.idx })}) it is only the diagonal of the Jacobian, diag(${show(s)}) − ${show(s)} ${show(s)}ᵀ (each entry of ${show(s)} reads every entry of ${show({ ...o, idx: s.idx })})`;
  // the cross-entropy's gradient by the logits, in the product's place or as the whole side
  for (const d of run.model.decls.values()) {
    if (d.kind !== 'target' || !same(d.shape, s.shape)) continue;
    const y: Expr = { k: 'ref', name: d.name, idx: s.idx, shape: s.shape, range: s.range };
    const meant: Expr = { k: 'sub', a: s, b: y, shape: s.shape, range: node.range };
    for (const rhs of [replaceWhere(c.rhs, (x) => (x === node ? meant : null), WALK), meant]) {
      if (!holdsWith(c, c.lhs, rhs, run) || !confirmed(other, c.lhs, rhs, c.points)) continue;
      return `${said}. With the cross-entropy loss, ${rhs === meant ? `${show(c.lhs)} = ` : `${pair} should be `}${show(s)} − ${show(y)}: with that the check holds`;
    }
  }
  return said;
}
