// A scalar side against a vector side: Ng's ℒ(ŷ, y) = −Σ_t y^{⟨t⟩} log ŷ^{⟨t⟩} pasted under vector targets reads
// y_t log(ŷ_t) as a product entry by entry (a vector), and the check failed with "the left side is 1.9432, the
// right side [1.15, 0.79]" without saying the shapes differ. The message says so first, and when one entrywise
// product of two vectors read as its sum makes the check hold (here and at a draw) names the scalar meant.

import type { Expr } from '../../language/model';
import { exprText } from '../../language/print';
import { forChildren, VALUE_CHILDREN } from '../../language/resolve';
import { replacing } from './replacing';
import type { Run } from '../run';
import { confirmed, type OtherValues } from './confirm';
import type { Claim } from './hints';
import type { Sides } from './points';
import { holdsWith } from './textbook';

/** products of two vectors tried per check */
const MAX_TRIES = 3;

type Product = Expr & { k: 'mul' | 'hadamard' };

/** the products of two vectors in a side (not inside a derivative): each is a vector, entry by entry */
function entrywise(e: Expr, out: Product[] = []): Product[] {
  if (e.k === 'deriv') return out;
  if ((e.k === 'mul' || e.k === 'hadamard') && e.a.shape.length === 1 && e.b.shape.length === 1 && e.a.shape[0]! > 1) out.push(e);
  forChildren(e, (x) => entrywise(x, out), VALUE_CHILDREN);
  return out;
}

/** the check with its vector side edited holds here and at a draw */
function holds(c: Claim, edited: Expr, right: boolean, run: Run, other: OtherValues): boolean {
  const [l, r] = right ? [c.lhs, edited] : [edited, c.rhs];
  return holdsWith(c, l, r, run) && confirmed(other, l, r, c.points);
}

/** "a vector of 2 entries", "a 2×3 matrix" */
function kind(shape: readonly number[]): string {
  if (shape.length === 1) return `a vector of ${shape[0]} entries`;
  if (shape.length === 2) return `a ${shape[0]}×${shape[1]} matrix`;
  return `of shape ${shape.join('×')}`;
}

const factor = (x: Expr) => (x.k === 'add' || x.k === 'sub' || x.k === 'neg' ? `(${exprText(x)})` : exprText(x));
/** the row times the vector: aᵀ b, or a b when a is written transposed already (Vᵀ of a 1×n V is a column: V x_t, not Vᵀᵀ x_t) */
const rowTimes = (a: Expr, b: Expr) => (a.k === 'transpose' ? `${factor(a.a)} ${factor(b)}` : `${transposed(a)} ${factor(b)}`);
/** aᵀ, with a product in parentheses: (∂E/∂p_t ⊙ σ′(z_t))ᵀ, not ∂E/∂p_t ⊙ σ′(z_t)ᵀ, which transposes the last factor only */
const ATOMS = new Set<Expr['k']>(['num', 'ref', 'var', 'deriv', 'call', 'index', 'vec', 'mat', 'transpose']);
const transposed = (a: Expr) => (ATOMS.has(a.k) ? `${exprText(a)}ᵀ` : `(${exprText(a)})ᵀ`);

/** "The left side is a scalar, the right side a vector of 2 entries: the shapes differ. y_t log(ŷ_t) … is the scalar meant …" */
export function scalarVectorHint(c: Claim, bad: Sides, run: Run, other: OtherValues): string | null {
  const lScalar = bad.l.data.length === 1;
  if (lScalar === (bad.r.data.length === 1)) return null;
  const right = lScalar;
  const v = right ? bad.r : bad.l;
  const said = `The ${right ? 'left' : 'right'} side is a scalar, the ${right ? 'right' : 'left'} side ${kind(v.shape)}: the shapes differ`;
  const side = right ? c.rhs : c.lhs;
  for (const p of entrywise(side).slice(0, MAX_TRIES)) {
    const had: Expr = { ...p, k: 'hadamard' };
    const meant: Expr = { k: 'call', fn: 'sum', arg: had, shape: [], range: p.range };
    const edited = replacing(side, p, meant);
    const meantText = `${said}. ${exprText(p)} multiplies two vectors entry by entry; ${exprText(meant)}, or ${rowTimes(p.a, p.b)}, is the scalar meant`;
    if (holds(c, edited, right, run, other)) return `${meantText}: with it the check holds`;
    // Ng's −Σ with its minus left off: the sum meant, and the sign named too
    const negated: Expr = { k: 'neg', a: edited, shape: [], range: edited.range };
    if (holds(c, negated, right, run, other))
      return `${meantText}; with it the ${right ? 'right' : 'left'} side is the other side with the opposite sign: a sign is wrong too`;
  }
  return said;
}
