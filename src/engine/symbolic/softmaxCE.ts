// Cross-entropy through a softmax, as every textbook writes its gradient: ∂L/∂p = (ŷ − y)ᵀ, δ = ŷ − y
// (Goodfellow eq. 10.18). The rules give the loss's row −(y ⊙ (𝟏/ŷ))ᵀ (its pullback −(y/ŷ)) and the
// softmax's Jacobian diag(ŷ) − ŷ ŷᵀ (its pullback ŷ ⊙ (ā − ŷᵀā)); their product is y − ŷ (𝟏ᵀy), which is y − ŷ
// exactly when y sums to 1 — a one-hot or probability target, which the Builder is told of (unitSum). With a class
// label (−log ŷ_{t,y_t}, Goodfellow's own L^{(t)}) the rules give (c/ŷ[y]) e_yᵀ: then it is c·(e_y − ŷ) for any ŷ.

import type { Builder, Node } from './ir';

/** x is y/s or y ⊙ (𝟏/s) for a leaf y that sums to 1: that y */
function overS(b: Builder, x: Node, s: Node): Node | null {
  let y: Node | null = null;
  if (x.op === 'div' && x.args[1] === s) y = x.args[0];
  else if (x.op === 'had' && x.args.length === 2) {
    const [u, v] = x.args;
    const inv = (n: Node) => n.op === 'div' && n.args[0].op === 'ones' && n.args[1] === s;
    y = inv(v) ? u : inv(u) ? v : null;
  }
  return y ? unitLeaf(b, y) : null;
}

/**
 * x is (c/s[k]) e_kᵀ (row) or (c/s[k]) e_k (column), the derivative of c·log s[k] at a class index k the run
 * gives: c and e_k (null: x is not)
 */
function picked(x: Node, s: Node, row: boolean): { c: number; e: Node } | null {
  if (x.op !== 'mul') return null;
  let c = 1;
  let inv: Node | null = null;
  let e: Node | null = null;
  for (const f of x.args) {
    if (f.op === 'num') c *= f.num!;
    else if (f.op === 'div' && f.args[0].op === 'num' && f.args[1].op === 'pick' && f.args[1].args[0] === s && !inv) inv = f;
    else if (!e && (row ? f.op === 'T' && f.args[0].op === 'basis' : f.op === 'basis')) e = row ? f.args[0] : f;
    else return null;
  }
  if (!inv || !e || e.args[0] !== inv.args[1].args[1]) return null;
  return { c: c * inv.args[0].num!, e };
}

/** n is diag(s) − s sᵀ: that s */
export function softmaxJacobianOf(n: Node): Node | null {
  if (n.op !== 'add' || n.args.length !== 2) return null;
  const [d, o] = n.args;
  if (d.op !== 'diag') return null;
  const s = d.args[0];
  const outer = o.op === 'mul' && o.args.length === 2 && o.args[0].op === 'num' && o.args[0].num === -1 ? o.args[1] : null;
  return outer && outer.op === 'matmul' && outer.args[0] === s && outer.args[1].op === 'T' && outer.args[1].args[0] === s ? s : null;
}

/**
 * the leftmost factor of a matrix product and the factors after it; past a few levels of left nesting, none
 * (`first` is then a product, which no rule here matches: a long chain is not walked at each of its matmuls)
 */
export function leftmost(n: Node): { first: Node; rest: Node[] } {
  const rest: Node[] = [];
  let x = n;
  while (x.op === 'matmul') {
    if (rest.length === 8) return { first: n, rest: [] };
    rest.unshift(x.args[1]);
    x = x.args[0];
  }
  return { first: x, rest };
}

/** k·(y − s) written as a sheet writes it: s − y for k = −1 */
function scaled(b: Builder, k: number, y: Node, s: Node): Node {
  return k < 0 ? b.mul(b.num(-k), b.sub(s, y)) : b.mul(b.num(k), b.sub(y, s));
}

/**
 * the row k·𝟏ᵀ diag(y/s) times diag(s) − s sᵀ: k·(y − s)ᵀ, for y summing to 1 (null: not that product).
 * `row` is the left factor without its coefficient, `s` the softmax's value.
 */
export function ceRowTimesSoftmax(b: Builder, k: number, row: Node, s: Node): Node | null {
  const p = picked(row, s, true);
  if (p) return b.T(scaled(b, k * p.c, p.e, s));
  // (y/ŷ)ᵀ: 𝟏ᵀ diag(y/ŷ) as the Builder writes it
  if (row.op === 'T') {
    const y = overS(b, row.args[0], s);
    return y ? b.T(scaled(b, k, y, s)) : null;
  }
  if (row.op !== 'matmul' || row.args[1].op !== 'diag') return null;
  const [left, d] = [row.args[0], row.args[1].args[0]];
  // 𝟏ᵀ diag(y/ŷ) (from −Σ y ⊙ log ŷ) or yᵀ diag(𝟏/ŷ) (from −yᵀ log ŷ)
  const y =
    left.op === 'ones'
      ? overS(b, d, s)
      : left.op === 'T' && d.op === 'div' && d.args[0].op === 'ones' && d.args[1] === s
        ? unitLeaf(b, left.args[0])
        : null;
  return y ? b.T(scaled(b, k, y, s)) : null;
}

/** a leaf that sums to 1 */
function unitLeaf(b: Builder, y: Node): Node | null {
  return y.op === 'leaf' && b.unitSum(y.name!) ? y : null;
}

/** the softmax's pullback s ⊙ (ā − sᵀā) of ā = k·(y/s): k·(y − s), for y summing to 1 (null: another ā) */
export function ceSoftmaxPullback(b: Builder, a: Node, s: Node): Node | null {
  const p = picked(a, s, false);
  if (p) return scaled(b, p.c, p.e, s);
  const [k, x] = a.op === 'mul' && a.args.length === 2 && a.args[0].op === 'num' ? [a.args[0].num!, a.args[1]] : [1, a];
  const y = overS(b, x, s);
  return y ? scaled(b, k, y, s) : null;
}
