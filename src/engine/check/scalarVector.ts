// A scalar side against a vector side: Ng's ℒ(ŷ, y) = −Σ_t y^{⟨t⟩} log ŷ^{⟨t⟩} pasted under vector targets reads
// y_t log(ŷ_t) as a product entry by entry (a vector), and the check failed with "the left side is 1.9432, the
// right side [1.15, 0.79]" without saying the shapes differ. The message says so first, and when one entrywise
// product of two vectors read as its sum makes the check hold (here and at a draw) names the scalar meant.

import type { Expr } from '../../language/model';
import { exprText } from '../../language/print';
import { forChildren, mapChildren, VALUE_CHILDREN } from '../../language/resolve';
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

type Inner = Expr & { k: 'matmul'; a: Expr & { k: 'transpose' } };

/** aᵀ b of two vectors in a side (not inside a derivative): their inner product, a number */
function inners(e: Expr, out: Inner[] = []): Inner[] {
  if (e.k === 'deriv') return out;
  if (e.k === 'matmul' && e.a.k === 'transpose' && e.a.a.shape.length === 1 && e.b.shape.length === 1) out.push(e as Inner);
  forChildren(e, (x) => inners(x, out), VALUE_CHILDREN);
  return out;
}

/** a number's shape: none, or 1×1 (a row times a column) */
const oneByOne = (s: readonly number[]) => s.length === 0 || (s.length === 2 && s[0] === 1 && s[1] === 1);

type RowInner = Expr & { k: 'matmul'; b: Expr & { k: 'transpose' } };

/**
 * a bᵀ of two rows (1×n) in a side, not inside a derivative: their inner product, a 1×1 — the column book's δ h_{t−1}ᵀ
 * written where the vectors are rows (Saitoh's, CS224n's), whose outer product puts the transposed factor first
 */
function rowInners(e: Expr, out: RowInner[] = []): RowInner[] {
  if (e.k === 'deriv') return out;
  if (e.k === 'matmul' && e.b.k === 'transpose' && isRow(e.a.shape) && isRow(e.b.a.shape) && e.a.shape[1]! > 1) out.push(e as RowInner);
  forChildren(e, (x) => rowInners(x, out), VALUE_CHILDREN);
  return out;
}

const isRow = (s: readonly number[]) => s.length === 2 && s[0] === 1;

/**
 * the row case of outerMeant: a bᵀ of two rows for the outer product bᵀ a (or aᵀ b), "with the vectors as rows, the
 * transposed factor stands first"
 */
function rowOuterMeant(
  c: Claim,
  said: string,
  side: Expr,
  right: boolean,
  m: readonly number[],
  run: Run,
  other: OtherValues,
): string | null {
  for (const p of rowInners(side).slice(0, MAX_TRIES)) {
    const a = p.a;
    const b = p.b.a;
    const aT: Expr = { k: 'transpose', a, shape: [a.shape[1]!, 1], range: a.range };
    for (const [x, y] of [
      [p.b, a],
      [aT, b],
    ] as const) {
      if (x.shape[0] !== m[0] || y.shape[1] !== m[1]) continue;
      const outer: Expr = { k: 'matmul', a: x, b: y, shape: [...m], range: p.range };
      const edited = widened(side, p, outer);
      if (!edited || !holds(c, edited, right, run, other)) continue;
      const first = x === p.b ? transposed(b) : transposed(a);
      return `${said}. ${exprText(p)} of two rows is their inner product, a number; their outer product, ${kind(m)}, is written ${first} ${factor(y)}: with it the check holds (the vectors are rows here, 1×n, as in a book that writes x W: the transposed factor stands first)`;
    }
  }
  return null;
}

/** kinds that keep a scalar operand's shape growing with it: Σ, +, −, a scale (2 aᵀb) */
const WIDENS = new Set<Expr['k']>(['sum', 'add', 'sub', 'neg', 'mul']);

/**
 * side with `node` (a number) replaced by `by` (a matrix): the nodes above it take the matrix's shape (an evaluated
 * Σ allocates by its shape); null where one of them would not (a function, a product of two numbers' matrices)
 */
function widened(side: Expr, node: Expr, by: Expr): Expr | null {
  let ok = true;
  const go = (x: Expr): Expr => {
    if (x === node) return by;
    let changed = false;
    const kids: Expr[] = [];
    forChildren(
      x,
      (k) => {
        const d = go(k);
        if (d !== k) changed = true;
        kids.push(d);
      },
      VALUE_CHILDREN,
    );
    if (!changed) return x;
    if (!WIDENS.has(x.k) || !oneByOne(x.shape)) ok = false;
    let i = 0;
    return { ...mapChildren(x, () => kids[i++]!, VALUE_CHILDREN), shape: by.shape } as Expr;
  };
  const out = go(side);
  return ok ? out : null;
}

/**
 * a matrix against a scalar side that writes aᵀ b of two vectors: the outer product a bᵀ (or b aᵀ) meant, as a book
 * that writes its vectors as rows (d2l.ai's X W) prints it aᵀ b — ∂L/∂W_hh = Σ_t (r_t ⊙ h_{t-1})ᵀ δ_t
 */
function outerMeant(c: Claim, said: string, side: Expr, right: boolean, m: readonly number[], run: Run, other: OtherValues): string | null {
  for (const p of inners(side).slice(0, MAX_TRIES)) {
    const a = p.a.a;
    const b = p.b;
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      if (x.shape[0] !== m[0] || y.shape[0] !== m[1]) continue;
      const outer: Expr = {
        k: 'matmul',
        a: x,
        b: { k: 'transpose', a: y, shape: [1, y.shape[0]!], range: y.range },
        shape: [...m],
        range: p.range,
      };
      const edited = widened(side, p, outer);
      if (!edited || !holds(c, edited, right, run, other)) continue;
      const first = ATOMS.has(x.k) ? exprText(x) : `(${exprText(x)})`;
      return `${said}. ${exprText(p)} of two vectors is their inner product, a number; their outer product, ${kind(m)}, is written ${first} ${transposed(y)}: with it the check holds (vectors are columns here; in a book that writes them as rows, as d2l.ai's X W, aᵀb is the outer product — declared as rows, 1×n, they are read so)`;
    }
  }
  return null;
}

/** "The left side is a scalar, the right side a vector of 2 entries: the shapes differ. y_t log(ŷ_t) … is the scalar meant …" */
export function scalarVectorHint(c: Claim, bad: Sides, run: Run, other: OtherValues): string | null {
  const lScalar = bad.l.data.length === 1;
  if (lScalar === (bad.r.data.length === 1)) return null;
  const right = lScalar;
  const v = right ? bad.r : bad.l;
  const said = `The ${right ? 'left' : 'right'} side is a scalar, the ${right ? 'right' : 'left'} side ${kind(v.shape)}: the shapes differ`;
  const side = right ? c.rhs : c.lhs;
  if (v.shape.length === 2) {
    // the scalar side is the one edited: its aᵀb made the matrix
    const outer =
      outerMeant(c, said, right ? c.lhs : c.rhs, !right, v.shape, run, other) ??
      rowOuterMeant(c, said, right ? c.lhs : c.rhs, !right, v.shape, run, other);
    if (outer) return outer;
  }
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
  return said + (entryOfShared(right ? c.lhs : c.rhs, run) ?? '');
}

/**
 * Prince's ∂ℓ_i/∂β_k (the bias of layer k) beside a shared vector β: β_k is its entry k (Bishop's b_j), which makes the
 * scalar side; where that derivative stands there, say how the copy used at step k is written, β^{(k)}
 */
function entryOfShared(scalarSide: Expr, run: Run): string | null {
  const find = (x: Expr): (Expr & { k: 'index' }) | null => {
    if (x.k === 'index' && x.j === null && x.i.k === 'var' && x.a.k === 'deriv') {
      const d = run.model.decls.get(x.a.wrt.name);
      if (d?.kind === 'param' && !d.perStep && d.shape.length === 1 && x.a.wrt.idx === null) return x;
    }
    let out: (Expr & { k: 'index' }) | null = null;
    forChildren(x, (c) => (out ??= find(c)), VALUE_CHILDREN);
    return out;
  };
  const e = find(scalarSide);
  if (!e || e.a.k !== 'deriv') return null;
  const w = e.a.wrt.name;
  const k = exprText(e.i);
  return `. ${w}_${k} is read as entry ${k} of the vector ${w} (${exprText(e)}); the copy of ${w} used at step ${k} is written ${w}^{(${k})}`;
}
