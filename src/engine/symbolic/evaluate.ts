// Numeric evaluation of the symbolic IR, in Float64. Used to evaluate every printed form back at a
// run's values (a form that does not evaluate back to the autodiff value is never shipped).
// Iterative post-order over the DAG with a memo, so a δ-recursion of length T never deepens the stack.

import { charge } from '../budget';
import { UNARY } from '../tape';
import type { Tensor } from '../tensor';
import { asMat, fromMat, size, type CallFn, type Node, type Shape } from './ir';

export type { Tensor };

/** Values of the leaves: a declaration or a quantity at a step (step null: untimed / shared); `abs`: the
 *  leaf was written with an absolute step (h_3), which a shifted evaluation (horizon.ts) does not move. */
export type LeafValues = (name: string, step: number | null, abs?: boolean) => Tensor | undefined;

/** Where a named subexpression's value is found instead of its own definition: another evaluator's node
 *  (horizon.ts evaluates one general step at many shifts, each shift its own Evaluator). */
export type Redirect = (sym: Node) => { ev: Evaluator; n: Node } | null;

const fns: Record<CallFn, (x: number) => number> = {
  ...UNARY,
  sign: (x) => (x > 0 ? 1 : x < 0 ? -1 : 0),
};

export function applyFn(fn: CallFn, x: number): number {
  return fns[fn](x);
}

function filled(shape: Shape, v: number): Tensor {
  return { shape, data: new Float64Array(size(shape)).fill(v) };
}

/** Broadcasting binary map: equal sizes elementwise, or one side a scalar. */
function zip(a: Tensor, b: Tensor, shape: Shape, f: (x: number, y: number) => number): Tensor {
  const n = size(shape);
  const out = new Float64Array(n);
  const sa = a.data.length === 1;
  const sb = b.data.length === 1;
  if (!sa && a.data.length !== n) throw new Error(`evaluate: size ${a.data.length} vs ${n}`);
  if (!sb && b.data.length !== n) throw new Error(`evaluate: size ${b.data.length} vs ${n}`);
  for (let i = 0; i < n; i++) out[i] = f(sa ? a.data[0] : a.data[i], sb ? b.data[0] : b.data[i]);
  return { shape, data: out };
}

/** a·b as matrices (a zero entry of a skips its row of b: 0 · ∞ stays 0); also the proxy horizon's product */
export function matmul(a: Tensor, b: Tensor, shape: Shape): Tensor {
  const [m, k] = asMat(a.shape);
  const [k2, n] = asMat(b.shape);
  if (k !== k2) throw new Error(`evaluate: matmul ${a.shape} @ ${b.shape}`);
  const out = new Float64Array(m * n);
  for (let i = 0; i < m; i++)
    for (let p = 0; p < k; p++) {
      const av = a.data[i * k + p];
      if (av === 0) continue;
      for (let j = 0; j < n; j++) out[i * n + j] += av * b.data[p * n + j];
    }
  return { shape, data: out };
}

function evalNode(n: Node, arg: Tensor[], leaf: LeafValues): Tensor {
  switch (n.op) {
    case 'num':
      return { shape: [], data: Float64Array.of(n.num!) };
    case 'zero':
      return filled(n.shape, 0);
    case 'ones':
      return filled(n.shape, 1);
    case 'eye': {
      const k = n.shape[0];
      const t = filled(n.shape, 0);
      for (let i = 0; i < k; i++) t.data[i * k + i] = 1;
      return t;
    }
    case 'leaf': {
      const v = leaf(n.name!, n.step ?? null, n.abs ?? false);
      if (!v) throw new Error(`evaluate: no value for ${n.name}${n.step === null ? '' : `@${n.step}`}`);
      if (v.data.length !== size(n.shape)) throw new Error(`evaluate: ${n.name} has ${v.data.length} entries, expected ${size(n.shape)}`);
      return { shape: n.shape, data: v.data };
    }
    case 'vec':
    case 'mat':
      return { shape: n.shape, data: Float64Array.from(arg, (t) => t.data[0]) };
    case 'add':
    case 'mul':
    case 'had': {
      // accumulate in place (scalars broadcast)
      const len = size(n.shape);
      const out = new Float64Array(len).fill(n.op === 'add' ? 0 : 1);
      for (const t of arg) {
        const d = t.data;
        if (d.length === 1) {
          const v = d[0];
          if (n.op === 'add') for (let i = 0; i < len; i++) out[i] += v;
          else for (let i = 0; i < len; i++) out[i] *= v;
        } else {
          if (d.length !== len) throw new Error(`evaluate: size ${d.length} vs ${len}`);
          if (n.op === 'add') for (let i = 0; i < len; i++) out[i] += d[i];
          else for (let i = 0; i < len; i++) out[i] *= d[i];
        }
      }
      return { shape: n.shape, data: out };
    }
    case 'matmul':
      return matmul(arg[0], arg[1], n.shape);
    case 'T': {
      const [r, c] = asMat(arg[0].shape);
      const out = new Float64Array(r * c);
      for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) out[j * r + i] = arg[0].data[i * c + j];
      return { shape: n.shape, data: out };
    }
    case 'pow':
      return zip(arg[0], arg[1], n.shape, (x, y) => x ** y);
    case 'div':
      return zip(arg[0], arg[1], n.shape, (x, y) => x / y);
    case 'call': {
      const f = fns[n.fn!];
      return { shape: n.shape, data: arg[0].data.map((x) => f(x)) };
    }
    case 'softmax': {
      const d = arg[0].data;
      const mx = d.reduce((m, x) => Math.max(m, x), -Infinity);
      const e = d.map((x) => Math.exp(x - mx));
      const s = e.reduce((a, x) => a + x, 0);
      return { shape: n.shape, data: e.map((x) => x / s) };
    }
    case 'sumall':
      return { shape: [], data: Float64Array.of(arg[0].data.reduce((a, x) => a + x, 0)) };
    case 'mean':
      return { shape: [], data: Float64Array.of(arg[0].data.reduce((a, x) => a + x, 0) / arg[0].data.length) };
    case 'diag': {
      const k = arg[0].data.length;
      const t = filled(n.shape, 0);
      for (let i = 0; i < k; i++) t.data[i * k + i] = arg[0].data[i];
      return t;
    }
    case 'pick': {
      const v = arg[0].data;
      return { shape: [], data: Float64Array.of(v[entryAt(arg[1].data[0], v.length)]) };
    }
    case 'basis': {
      const out = new Float64Array(n.shape[0]);
      out[entryAt(arg[0].data[0], out.length)] = 1;
      return { shape: n.shape, data: out };
    }
    case 'index': {
      const a = arg[0];
      const [, c] = asMat(a.shape);
      const flat = n.j === null || n.j === undefined ? n.i! - 1 : (n.i! - 1) * c + (n.j - 1);
      return { shape: [], data: Float64Array.of(a.data[flat]) };
    }
    case 'kron': {
      const [ra, ca] = asMat(arg[0].shape);
      const [rb, cb] = asMat(arg[1].shape);
      const C = ca * cb;
      const out = new Float64Array(ra * rb * C);
      for (let i = 0; i < ra; i++)
        for (let j = 0; j < ca; j++)
          for (let k = 0; k < rb; k++)
            for (let l = 0; l < cb; l++) out[(i * rb + k) * C + (j * cb + l)] = arg[0].data[i * ca + j] * arg[1].data[k * cb + l];
      return { shape: fromMat(ra * rb, C), data: out };
    }
    case 'vecop':
      return { shape: n.shape, data: arg[0].data };
    case 'sym':
      return arg[0];
  }
}

function matmulWork(n: Node): number {
  const [m, k] = asMat(n.args[0]!.shape);
  const [, c] = asMat(n.args[1]!.shape);
  return n.op === 'kron' ? size(n.shape) : m * k * c;
}

/** One node's value from its arguments' values, charged to the budget as Evaluator.value charges it. */
export function evalCharged(n: Node, args: Tensor[], leaf: LeafValues): Tensor {
  const out = evalNode(n, args, leaf);
  charge(n.op === 'matmul' || n.op === 'kron' ? matmulWork(n) : out.data.length);
  return out;
}

function kids(n: Node): readonly Node[] {
  return n.op === 'sym' ? [n.def!] : n.args;
}

/** Evaluate many roots over one shared memo. */
export class Evaluator {
  // node ids are the Builder's dense counter: an array indexed by id, not a Map (the hot path of evaluation)
  private memo: (Tensor | undefined)[] = [];
  constructor(
    private leaf: LeafValues,
    private redirect: Redirect | null = null,
  ) {}

  /**
   * v·value(n) for a row vector v, without forming the Jacobians of a product chain: a chain of
   * partials is multiplied from the left (the output side), sums distribute, diag and I ⊗ B act
   * directly on the row. For a scalar `of` this keeps every step a row-vector product.
   */
  rowTimes(v: Float64Array, n: Node): Float64Array {
    // with the unit seed, n's own row is asked for: shared rows (G_k of a general form) once each
    if (v.length === 1 && v[0] === 1) {
      const hit = this.rowMemo.get(n.id);
      if (hit) return hit;
      const r = this.rowTimesRaw(v, n);
      this.rowMemo.set(n.id, r);
      return r;
    }
    return this.rowTimesRaw(v, n);
  }
  private rowMemo = new Map<number, Float64Array>();

  private rowTimesRaw(v: Float64Array, n: Node): Float64Array {
    const [rows, cols] = asMat(n.shape);
    // each case charges the entries it computes: diag and I ⊗ B act on the row without forming the
    // matrix, so a 64-unit ∂⁺h_k/∂W_hh (64 × 4096) costs its 4,096 products, not its 262,144 entries
    charge(1);
    if (v.length !== rows) throw new Error(`rowTimes: row of ${v.length} by ${rows}×${cols}`);
    switch (n.op) {
      case 'sym': {
        const to = this.redirect?.(n);
        return to ? to.ev.rowTimes(v, to.n) : this.rowTimes(v, n.def!);
      }
      case 'eye':
        return v;
      case 'matmul': {
        const chain: Node[] = [];
        const flat = (x: Node): void => {
          if (x.op === 'matmul') x.args.forEach(flat);
          else chain.push(x);
        };
        flat(n);
        return chain.reduce((r, f) => this.rowTimes(r, f), v);
      }
      case 'add':
        if (n.args.every((a) => a.shape.length === n.shape.length && a.shape.every((d, i) => d === n.shape[i]))) {
          const out = new Float64Array(cols);
          charge(cols * n.args.length);
          for (const a of n.args) {
            const r = this.rowTimes(v, a);
            for (let i = 0; i < cols; i++) out[i] += r[i];
          }
          return out;
        }
        break;
      case 'mul': {
        const tensors = n.args.filter((a) => size(a.shape) !== 1);
        if (tensors.length === 1) {
          let s = 1;
          for (const a of n.args) if (a !== tensors[0]) s *= this.value(a).data[0];
          const r = this.rowTimes(v, tensors[0]);
          charge(r.length);
          return r.map((x) => x * s);
        }
        break;
      }
      case 'diag': {
        const d = this.value(n.args[0]).data;
        charge(rows);
        return v.map((x, i) => x * d[i]);
      }
      case 'kron':
        if (n.args[0].op === 'eye') {
          // v (I_m ⊗ B): each block of v times B
          const B = this.value(n.args[1]);
          const [rb, cb] = asMat(B.shape);
          const m = n.args[0].shape[0];
          charge(m * rb * cb);
          const out = new Float64Array(m * cb);
          for (let i = 0; i < m; i++)
            for (let p = 0; p < rb; p++) {
              const vp = v[i * rb + p];
              if (vp === 0) continue;
              for (let j = 0; j < cb; j++) out[i * cb + j] += vp * B.data[p * cb + j];
            }
          return out;
        }
        break;
    }
    const M = this.value(n);
    charge(rows * cols);
    if (size(n.shape) === 1 && rows === 1) return Float64Array.of(v[0] * M.data[0]);
    const out = new Float64Array(cols);
    for (let p = 0; p < rows; p++) {
      const vp = v[p];
      if (vp === 0) continue;
      for (let j = 0; j < cols; j++) out[j] += vp * M.data[p * cols + j];
    }
    return out;
  }

  value(root: Node): Tensor {
    const memo = this.memo;
    const done = memo[root.id];
    if (done) return done;
    // two parallel stacks (node, expanded?) rather than a tuple per entry
    const nodes: Node[] = [root];
    const expanded: boolean[] = [false];
    while (nodes.length) {
      const n = nodes.pop()!;
      const ex = expanded.pop()!;
      if (memo[n.id]) continue;
      if (!ex && n.op === 'sym' && this.redirect) {
        const to = this.redirect(n);
        if (to) {
          memo[n.id] = to.ev.value(to.n);
          continue;
        }
      }
      const ks = kids(n);
      if (!ex) {
        nodes.push(n);
        expanded.push(true);
        for (const k of ks)
          if (!memo[k.id]) {
            nodes.push(k);
            expanded.push(false);
          }
        continue;
      }
      const args: Tensor[] = new Array(ks.length);
      for (let i = 0; i < ks.length; i++) args[i] = memo[ks[i]!.id]!;
      const out = evalNode(n, args, this.leaf);
      // a product costs rows × inner × columns, anything else about its output's size
      charge(n.op === 'matmul' || n.op === 'kron' ? matmulWork(n) : out.data.length);
      memo[n.id] = out;
    }
    return memo[root.id]!;
  }
}

/** the 0-based place of a 1-based index the run gives, which must be a whole number in 1..n */
function entryAt(k: number, n: number): number {
  if (!Number.isInteger(k) || k < 1 || k > n) throw new Error(`evaluate: index ${k} is not a whole number in 1..${n}`);
  return k - 1;
}
