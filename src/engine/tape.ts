// The tape: every operation of one forward evaluation in creation (= topological) order. One reverse
// sweep over it gives the gradient of one output entry with respect to everything before it.
// Each operation is one rule below with its forward (the output from the inputs) and its backward (the
// inputs' gradients from the output's) side by side, as in micrograd; the Tape's methods run a forward and
// record the node, `sweep` visits the nodes in reverse and runs each one's backward.

import { spectralCost, topSingular } from './spectralNorm';
import { Memo } from './memo';
import type { Fn, Shape } from '../language/model';
import { entries } from '../language/shapes';
import { colsOf, dims, matmul, rowsOf, matmulGradA, matmulGradB, matVecGrads, sigmoid, type Tensor } from './tensor';
import { Arena } from './arena';
import { BARRIER, NodeColumns, OPS, ROW, type Op, type TNode } from './tapeNodes';
import { AccumulatorPool } from './accumulators';
import { KeptGather, KeptSweep } from './keptSweep';
import { Budget, PUSH_OPS } from './budget';
import { zerosF64 } from './slab';
import { elementwise, unaryGrad } from './unaryGrad';
import { scalarRange, sweepScalar } from './scalarSweep';

export type { Op } from './tapeNodes';
export { TNode } from './tapeNodes';

/** a pack node's scalar entries (its aux), null for any other operation */
export function packArgs(y: TNode): TNode[] | null {
  return y.op === 'pack' ? (y.aux as TNode[]) : null;
}

// the budget lives in budget.ts (the symbolic engine and the analysis use it too); re-exported for old imports
export { Budget, LimitError } from './budget';
export { KeptSweep } from './keptSweep';

/** Adds a gradient into an input's accumulator: a whole tensor, or one entry `i` (undefined: not tracked). */
type Acc = (x: TNode, v: Float64Array | number, i?: number) => void;
/** the gradient accumulator of a node, to add into in place (undefined: not tracked in this sweep) */
type Slot = (x: TNode) => Float64Array | undefined;

/** How the gradient g of node y's output flows back to y's inputs. */
interface Rule {
  /**
   * slot: an input's accumulator, not charged for queueing (mul, matmul); accSlot: the same, charged as acc
   * (a rule that adds its elementwise gradient in place, instead of a temporary given to acc)
   */
  backward(y: TNode, g: Float64Array, acc: Acc, slot: Slot, accSlot: Slot): void;
}

// ---- the rules, one per operation: forward beside backward --------------------------------------

/** const, leaf: nothing flows further back. */
const LEAF: Rule = { backward() {} };

/** id (a graph node's value is its equation's), fill (a scalar spread over a shape): g goes back as it is. */
const PASS: Rule = {
  backward(y, g, acc) {
    acc(y.a!, g);
  },
};

// The forwards write into `out` from `oo`, room made by the caller at the length the operation gives (the
// tape's in a chunk of its arena, the tapeless evaluator's an array of its own: see FORWARD), zeroed. Each
// operand is its array, where it begins and its entries (ad, ao, an): the tape's values are runs of chunks.

/** a + b and a − b, with a scalar side broadcast; out: the longer side's length n */
const ADD = {
  forward(
    ad: Float64Array,
    ao: number,
    an: number,
    bd: Float64Array,
    bo: number,
    bn: number,
    sub: boolean,
    out: Float64Array,
    oo: number,
    n: number,
  ): void {
    if (an === bn) {
      if (sub) for (let i = 0; i < n; i++) out[oo + i] = ad[ao + i]! - bd[bo + i]!;
      else for (let i = 0; i < n; i++) out[oo + i] = ad[ao + i]! + bd[bo + i]!;
    } else {
      // scalar broadcast
      for (let i = 0; i < n; i++) {
        const x = an === 1 ? ad[ao]! : ad[ao + i]!;
        const y = bn === 1 ? bd[bo]! : bd[bo + i]!;
        out[oo + i] = sub ? x - y : x + y;
      }
    }
  },
  backward(y: TNode, g: Float64Array, acc: Acc): void {
    acc(y.a!, g);
    acc(y.b!, g);
  },
};
const SUB: Rule = {
  backward(y, g, acc, _slot, accSlot) {
    acc(y.a!, g);
    accNegated(y.b!, g, acc, accSlot);
  },
};

/** −g added into x's accumulator: in place when the shapes agree, else through acc (which broadcasts) */
function accNegated(x: TNode, g: Float64Array, acc: Acc, accSlot: Slot): void {
  if (x.len !== g.length) {
    acc(x, negated(g));
    return;
  }
  // x + (−y) is x − y exactly, so the numbers are those of the temporary it replaces
  const gx = accSlot(x);
  if (gx) for (let k = 0; k < g.length; k++) gx[k]! -= g[k]!;
}

/** −a */
const NEG = {
  forward(ad: Float64Array, ao: number, n: number, out: Float64Array, oo: number): void {
    for (let i = 0; i < n; i++) out[oo + i] = -ad[ao + i]!;
  },
  backward(y: TNode, g: Float64Array, acc: Acc, _slot: Slot, accSlot: Slot): void {
    accNegated(y.a!, g, acc, accSlot);
  },
};

function negated(v: Float64Array): Float64Array {
  const out = zerosF64(v.length);
  for (let i = 0; i < v.length; i++) out[i] = -v[i]!;
  return out;
}

/** a ⊙ b ('had') and a scalar times a tensor ('mul'); out: the longer side's length n */
const MUL = {
  forward(
    ad: Float64Array,
    ao: number,
    an: number,
    bd: Float64Array,
    bo: number,
    bn: number,
    out: Float64Array,
    oo: number,
    n: number,
  ): void {
    if (an === 1) {
      const s = ad[ao]!;
      for (let i = 0; i < n; i++) out[oo + i] = s * bd[bo + i]!;
    } else if (bn === 1) {
      const s = bd[bo]!;
      for (let i = 0; i < n; i++) out[oo + i] = ad[ao + i]! * s;
    } else for (let i = 0; i < n; i++) out[oo + i] = ad[ao + i]! * bd[bo + i]!;
  },
  // ∂/∂a = g ⊙ b, ∂/∂b = g ⊙ a, summed where the side was a broadcast scalar; added in place (hot path)
  backward(y: TNode, g: Float64Array, _acc: Acc, slot: Slot): void {
    const a = y.a!,
      b = y.b!;
    if (a.op !== 'const') {
      const ga = slot(a);
      if (ga) addProduct(ga, g, b.store, b.at, b.len);
    }
    if (b.op !== 'const') {
      const gb = slot(b);
      if (gb) addProduct(gb, g, a.store, a.at, a.len);
    }
  },
};

/**
 * into += g ⊙ other (its `on` entries from `oo` in its array), where other may be a broadcast scalar and `into`
 * a scalar that was broadcast
 */
function addProduct(into: Float64Array, g: Float64Array, other: Float64Array, oo: number, on: number): void {
  if (on === 1) {
    const s = other[oo]!;
    if (into.length === g.length) for (let i = 0; i < g.length; i++) into[i]! += g[i]! * s;
    else {
      let t = 0;
      for (let i = 0; i < g.length; i++) t += g[i]! * s;
      into[0]! += t;
    }
  } else if (into.length === g.length) for (let i = 0; i < g.length; i++) into[i]! += g[i]! * other[oo + i]!;
  else {
    let t = 0;
    for (let i = 0; i < g.length; i++) t += g[i]! * other[oo + i]!;
    into[0]! += t;
  }
}

/** a / b, elementwise, either side possibly a scalar; out: the longer side's length n */
const DIV = {
  forward(
    ad: Float64Array,
    ao: number,
    an: number,
    bd: Float64Array,
    bo: number,
    bn: number,
    out: Float64Array,
    oo: number,
    n: number,
  ): void {
    for (let i = 0; i < n; i++) out[oo + i] = (an === 1 ? ad[ao]! : ad[ao + i]!) / (bn === 1 ? bd[bo]! : bd[bo + i]!);
  },
  // ∂/∂a = g / b, ∂/∂b = −g a / b²
  backward(y: TNode, g: Float64Array, acc: Acc): void {
    const a = y.a!,
      b = y.b!;
    const ad = a.store,
      ao = a.at,
      bd = b.store,
      bo = b.at;
    const ga = zerosF64(g.length);
    const gb = zerosF64(g.length);
    for (let i = 0; i < g.length; i++) {
      const x = a.len === 1 ? ad[ao]! : ad[ao + i]!;
      const d = b.len === 1 ? bd[bo]! : bd[bo + i]!;
      ga[i] = g[i]! / d;
      gb[i] = (-g[i]! * x) / (d * d);
    }
    acc(y.a!, ga);
    acc(y.b!, gb);
  },
};

/** a^e for a scalar exponent e (squares multiplied out) */
const POW = {
  forward(ad: Float64Array, ao: number, n: number, e: number, out: Float64Array, oo: number): void {
    for (let i = 0; i < n; i++) out[oo + i] = e === 2 ? ad[ao + i]! * ad[ao + i]! : Math.pow(ad[ao + i]!, e);
  },
  // ∂/∂a = e a^(e−1); ∂/∂e = a^e ln a where a > 0 (only when the exponent is not a constant)
  // a's gradient added in place, entry by entry, as acc would add a temporary of them (a and y are of one length)
  backward(y: TNode, g: Float64Array, acc: Acc, _slot: Slot, accSlot: Slot): void {
    const a = y.a!,
      b = y.b!;
    const e = b.store[b.at]!;
    const ga = accSlot(a);
    const ad = a.store,
      ao = a.at,
      yd = y.store,
      yo = y.at;
    let gb = 0;
    for (let i = 0; i < g.length; i++) {
      const x = ad[ao + i]!;
      if (ga) ga[i]! += g[i]! * (e === 2 ? 2 * x : e * Math.pow(x, e - 1));
      if (x > 0) gb += g[i]! * yd[yo + i]! * Math.log(x);
    }
    if (b.op !== 'const') acc(b, gb, 0);
  },
};

/** A B, matrices (vectors as columns or rows, by their shapes) */
const MATMUL = {
  /** the entries of A B */
  size(a: Tensor, b: Tensor): number {
    return rowsOf(a.shape) * colsOf(b.shape);
  },
  // weight gradients add up over every step: accumulate in place, no temporary per step
  backward(y: TNode, g: Float64Array, _acc: Acc, slot: Slot): void {
    const a = y.a!,
      b = y.b!;
    const m = rowsOf(a.shape),
      k = colsOf(a.shape),
      n = colsOf(b.shape);
    // the slots asked in the order the two kernels asked them (a sparse sweep queues a before b)
    const ga = a.op !== 'const' ? slot(a) : undefined;
    const gb = b.op !== 'const' ? slot(b) : undefined;
    // W h with both gradients wanted: one pass over W (the RNN's every step, W an array of its own), the same numbers
    if (n === 1 && ga && gb && ga !== gb && a.at === 0) matVecGrads(g, a.store, b.store, m, k, ga, gb, b.at);
    else {
      if (ga) matmulGradA(g, b.store, m, k, n, ga, b.at);
      if (gb) matmulGradB(g, a.store, m, k, n, gb, a.at);
    }
  },
};

/**
 * a's last index with b's first (LANGUAGE.md §4): a seen as P×n rows, b as n×Q, the result P×Q.
 * A vector a is one row, so [n]·[n,k] → [k] and [p,n]·[n,m,k] → [p,m,k].
 */
const CONTRACT = {
  sizes(a: Tensor, b: Tensor): [P: number, n: number, Q: number] {
    const n = a.shape.length === 0 ? 1 : a.shape[a.shape.length - 1]!;
    return [a.data.length / n, n, b.data.length / n];
  },
  /** out: P·Q entries */
  forward(a: Tensor, b: Tensor, out: Float64Array): Float64Array {
    const [P, n, Q] = CONTRACT.sizes(a, b);
    matmul(a.data, b.data, P, n, Q, out);
    return out;
  },
  backward(y: TNode, g: Float64Array, _acc: Acc, slot: Slot): void {
    const a = y.a!,
      b = y.b!;
    const n = a.shape.length === 0 ? 1 : a.shape[a.shape.length - 1]!;
    const P = a.len / n,
      Q = b.len / n;
    if (a.op !== 'const') {
      const ga = slot(a);
      if (ga) matmulGradA(g, b.store, P, n, Q, ga, b.at);
    }
    if (b.op !== 'const') {
      const gb = slot(b);
      if (gb) matmulGradB(g, a.store, P, n, Q, gb, a.at);
    }
  },
};

/** Aᵀ (a vector's transpose is the same entries) */
const TRANSPOSE = {
  /** out: a's length */
  forward(a: Tensor, out: Float64Array): Float64Array {
    const [m, n] = dims(a.shape);
    if (m === 1 || n === 1) out.set(a.data);
    else transposeInto(a.data, m, n, out);
    return out;
  },
  backward(y: TNode, g: Float64Array, acc: Acc): void {
    const [m, n] = dims(y.a!.shape);
    acc(y.a!, m === 1 || n === 1 ? g : transposed(g, n, m));
  },
};

/** the n×m transpose of an m×n row-major matrix */
function transposed(v: Float64Array, m: number, n: number): Float64Array {
  return transposeInto(v, m, n, zerosF64(m * n));
}
function transposeInto(v: Float64Array, m: number, n: number, out: Float64Array): Float64Array {
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) out[j * m + i] = v[i * n + j]!;
  return out;
}

/** one entry of a tensor, at a flat offset */
const INDEX = {
  backward(y: TNode, g: Float64Array, acc: Acc): void {
    acc(y.a!, g[0]!, y.aux as number);
  },
};

/** a literal's scalar entries packed into one tensor */
const PACK = {
  backward(y: TNode, g: Float64Array, acc: Acc): void {
    const args = y.aux as TNode[];
    for (let i = 0; i < args.length; i++) acc(args[i]!, g[i]!, 0);
  },
};

/** diag of a square matrix is its diagonal; of a vector, or a matrix of one row or one column, the matrix of its entries */
const squareMatrix = (shape: Shape): boolean => shape.length === 2 && shape[0] === shape[1];

/** the language's functions: Σ, mean, softmax, diag, and the elementwise ones of UNARY */
const FN = {
  /** the entries of fn(a) */
  size(fn: Fn, shape: Shape, len: number): number {
    if (fn === 'sum' || fn === 'mean' || fn === 'opnorm') return 1;
    if (fn === 'diag') return squareMatrix(shape) ? shape[0]! : len * len;
    return len;
  },
  /** a's len entries from xo in x; out: size(fn, a) entries from oo, zeroed (diag writes the diagonal only) */
  forward(fn: Fn, shape: Shape, x: Float64Array, xo: number, len: number, out: Float64Array, oo: number): void {
    switch (fn) {
      case 'sum':
      case 'mean': {
        let s = 0;
        for (let i = 0; i < len; i++) s += x[xo + i]!;
        out[oo] = fn === 'mean' ? s / len : s;
        return;
      }
      case 'softmax': {
        let m = -Infinity;
        for (let i = 0; i < len; i++) m = Math.max(m, x[xo + i]!);
        let s = 0;
        for (let i = 0; i < len; i++) {
          out[oo + i] = Math.exp(x[xo + i]! - m);
          s += out[oo + i]!;
        }
        for (let i = 0; i < len; i++) out[oo + i]! /= s;
        return;
      }
      case 'opnorm':
        out[oo] = topSingular(x, xo, shape[0]!, shape[1]!).s;
        return;
      case 'diag': {
        if (squareMatrix(shape)) {
          const n = shape[0]!;
          for (let i = 0; i < n; i++) out[oo + i] = x[xo + i * n + i]!;
          return;
        }
        for (let i = 0; i < len; i++) out[oo + i * len + i] = x[xo + i]!;
        return;
      }
      // the common activations each with a loop of their own: one loop calling f is inlined for the one function it
      // has met, and an engine that has analysed networks of several activations called each entry's f (the
      // 64-unit RNN's forward at T = 5,000 after the examples: this kernel 1.5 → 4.1 ms a run)
      case 'tanh':
        for (let i = 0; i < len; i++) out[oo + i] = Math.tanh(x[xo + i]!);
        return;
      case 'sigma':
        for (let i = 0; i < len; i++) out[oo + i] = sigmoid(x[xo + i]!);
        return;
      default: {
        const f = UNARY[fn as keyof typeof UNARY];
        for (let i = 0; i < len; i++) out[oo + i] = f(x[xo + i]!);
        return;
      }
    }
  },
  backward(y: TNode, g: Float64Array, acc: Acc, _slot: Slot, accSlot: Slot): void {
    const a = y.a!;
    const fn = y.aux as Fn;
    if (elementwise(fn)) {
      // elementwise (x and y of one length): each entry's product added in place, as acc would add it
      const ga = accSlot(a);
      const xd = a.store,
        xo = a.at,
        yd = y.store,
        yo = y.at;
      const n = a.len;
      if (ga) for (let i = 0; i < n; i++) ga[i]! += g[i]! * unaryGrad(fn, xd[xo + i]!, yd[yo + i]!);
      return;
    }
    const x = a.data;
    const ga = zerosF64(x.length);
    if (fn === 'sum') ga.fill(g[0]!);
    else if (fn === 'opnorm') {
      // ∂σ₁/∂M = u vᵀ (where σ₁ is a simple singular value; at M = 0 the zero subgradient)
      const [m, n] = [a.shape[0]!, a.shape[1]!];
      const { u, v } = topSingular(x, 0, m, n);
      for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) ga[i * n + j] = g[0]! * u[i]! * v[j]!;
    } else if (fn === 'mean') ga.fill(g[0]! / x.length);
    else if (fn === 'softmax') {
      let dot = 0;
      for (let i = 0; i < x.length; i++) dot += g[i]! * y.data[i]!;
      for (let i = 0; i < x.length; i++) ga[i] = y.data[i]! * (g[i]! - dot);
    } else if (fn === 'diag') {
      if (squareMatrix(a.shape)) {
        const n = a.shape[0]!;
        for (let i = 0; i < n; i++) ga[i * n + i] = g[i]!;
      } else {
        const n = x.length;
        for (let i = 0; i < n; i++) ga[i] = g[i * n + i]!;
      }
    } else for (let i = 0; i < x.length; i++) ga[i] = g[i]! * unaryGrad(fn, x[i]!, y.data[i]!);
    acc(a, ga);
  },
};

/**
 * The forwards alone, for the tapeless evaluator (values.ts): a check's sides need values, not a tape, and
 * computing them with the very same kernels keeps every number bit for bit what the tape gives. Each result
 * is an array of its own (the evaluator's values are short-lived: no arena).
 */
export const FORWARD = {
  add: (ad: Float64Array, bd: Float64Array, sub: boolean): Float64Array => {
    const n = Math.max(ad.length, bd.length);
    const out = zerosF64(n);
    ADD.forward(ad, 0, ad.length, bd, 0, bd.length, sub, out, 0, n);
    return out;
  },
  neg: (ad: Float64Array): Float64Array => {
    const out = zerosF64(ad.length);
    NEG.forward(ad, 0, ad.length, out, 0);
    return out;
  },
  mul: (ad: Float64Array, bd: Float64Array): Float64Array => {
    const n = Math.max(ad.length, bd.length);
    const out = zerosF64(n);
    MUL.forward(ad, 0, ad.length, bd, 0, bd.length, out, 0, n);
    return out;
  },
  div: (ad: Float64Array, bd: Float64Array): Float64Array => {
    const n = Math.max(ad.length, bd.length);
    const out = zerosF64(n);
    DIV.forward(ad, 0, ad.length, bd, 0, bd.length, out, 0, n);
    return out;
  },
  pow: (ad: Float64Array, e: number): Float64Array => {
    const out = zerosF64(ad.length);
    POW.forward(ad, 0, ad.length, e, out, 0);
    return out;
  },
  matmul: (a: Tensor, b: Tensor): Float64Array => {
    const out = zerosF64(MATMUL.size(a, b));
    matmul(a.data, b.data, rowsOf(a.shape), colsOf(a.shape), colsOf(b.shape), out);
    return out;
  },
  contract: (a: Tensor, b: Tensor): Float64Array => {
    const [P, , Q] = CONTRACT.sizes(a, b);
    return CONTRACT.forward(a, b, zerosF64(P * Q));
  },
  transpose: (a: Tensor): Float64Array => TRANSPOSE.forward(a, zerosF64(a.data.length)),
  fn: (fn: Fn, a: Tensor): Float64Array => {
    const out = zerosF64(FN.size(fn, a.shape, a.data.length));
    FN.forward(fn, a.shape, a.data, 0, a.data.length, out, 0);
    return out;
  },
};

/** every operation's backward, by the op a node records */
const RULES: Record<Op, Rule> = {
  const: LEAF,
  leaf: LEAF,
  id: PASS,
  fill: PASS,
  add: ADD,
  sub: SUB,
  neg: NEG,
  mul: MUL,
  had: MUL,
  matmul: MATMUL,
  div: DIV,
  pow: POW,
  fn: FN,
  transpose: TRANSPOSE,
  index: INDEX,
  pack: PACK,
  contract: CONTRACT,
};

/**
 * every rule's backward by op code (tapeNodes.ts OPS), for the sweep: RULES[y.op].backward was two megamorphic
 * loads per node swept (a keyed one by the op's name, then `backward` from rules of many shapes). No rule's
 * backward reads `this`.
 */
const BACKWARD: readonly Rule['backward'][] = OPS.map((op) => RULES[op].backward);

// ---- the tape ---------------------------------------------------------------------------------

export class Tape {
  /** the nodes' columns (tapeNodes.ts) */
  private cols = new NodeColumns();
  /** the nodes made so far (the next node's position) */
  get size(): number {
    return this.cols.size;
  }
  /** the node at tape position k (< size) */
  node(k: number): TNode {
    return this.cols.node(k);
  }
  /** the nodes by tape position, as an array of their own (tests and tools; the engine reads node(k)) */
  nodeList(): TNode[] {
    const out: TNode[] = [];
    for (let k = 0; k < this.cols.size; k++) out.push(this.cols.node(k));
    return out;
  }
  /** the nodes' columns, read in place by the scalar sweep */
  get columns(): NodeColumns {
    return this.cols;
  }
  budget = new Budget();
  /** the values the tape computes, runs of its chunks read in place (arena.ts; no heap object per value) */
  private arena = new Arena();

  /** a node whose value is the array `data` (a leaf's, a constant's, another node's) */
  push(op: Op, shape: Shape, data: Float64Array, a: TNode | null = null, b: TNode | null = null): TNode {
    return this.pushAt(op, shape, data, 0, data.length, a, b);
  }

  /** a node whose value is len entries of store from at (a run of a chunk: see TNode) */
  pushAt(op: Op, shape: Shape, store: Float64Array, at: number, len: number, a: TNode | null = null, b: TNode | null = null): TNode {
    this.budget.tick(PUSH_OPS + (len >> 4));
    return this.cols.add(op, shape, store, at, len, a, b);
  }

  /** a node sharing x's value (a graph node's `id`: its value is its equation's) */
  alias(op: Op, shape: Shape, x: TNode): TNode {
    return this.pushAt(op, shape, x.store, x.at, x.len, x);
  }

  truncate(len: number): void {
    this.cols.truncate(len);
  }

  /** room for `nodes` nodes in all (a forward pass of the same plan makes as many as the last one) */
  reserve(nodes: number): void {
    this.cols.reserve(nodes);
  }

  konst(shape: Shape, data: Float64Array): TNode {
    return this.push('const', shape, data);
  }

  /** a scalar constant (a number of the text, a bound variable's value), its one entry in the arena */
  scalar(x: number): TNode {
    const arena = this.arena;
    const at = arena.place(1);
    arena.held[at] = x;
    return this.pushAt('const', [], arena.held, at, 1);
  }

  // (a node's fields are read from its tape's columns: each once, into a local)

  add(a: TNode, b: TNode, sub = false): TNode {
    const an = a.len,
      bn = b.len;
    const n = an >= bn ? an : bn;
    const arena = this.arena;
    const at = arena.place(n);
    ADD.forward(a.store, a.at, an, b.store, b.at, bn, sub, arena.held, at, n);
    return this.pushAt(sub ? 'sub' : 'add', an >= bn ? a.shape : b.shape, arena.held, at, n, a, b);
  }

  neg(a: TNode): TNode {
    const n = a.len;
    const arena = this.arena;
    const at = arena.place(n);
    NEG.forward(a.store, a.at, n, arena.held, at);
    return this.pushAt('neg', a.shape, arena.held, at, n, a);
  }

  /** elementwise product with scalar broadcasting ('mul' when one side is a scalar) */
  mul(a: TNode, b: TNode): TNode {
    const an = a.len,
      bn = b.len;
    const n = an >= bn ? an : bn;
    const arena = this.arena;
    const at = arena.place(n);
    MUL.forward(a.store, a.at, an, b.store, b.at, bn, arena.held, at, n);
    return this.pushAt(an === bn && an > 1 ? 'had' : 'mul', an >= bn ? a.shape : b.shape, arena.held, at, n, a, b);
  }

  div(a: TNode, b: TNode): TNode {
    const an = a.len,
      bn = b.len;
    const n = an >= bn ? an : bn;
    const arena = this.arena;
    const at = arena.place(n);
    DIV.forward(a.store, a.at, an, b.store, b.at, bn, arena.held, at, n);
    return this.pushAt('div', an >= bn ? a.shape : b.shape, arena.held, at, n, a, b);
  }

  pow(a: TNode, b: TNode): TNode {
    const n = a.len;
    const arena = this.arena;
    const at = arena.place(n);
    POW.forward(a.store, a.at, n, b.store[b.at]!, arena.held, at);
    return this.pushAt('pow', a.shape, arena.held, at, n, a, b);
  }

  matmul(a: TNode, b: TNode, shape: Shape): TNode {
    const as = a.shape;
    const m = rowsOf(as),
      q = colsOf(b.shape);
    const n = m * q;
    const arena = this.arena;
    const at = arena.place(n);
    matmul(a.store, b.store, m, colsOf(as), q, arena.held, a.at, b.at, at);
    return this.pushAt('matmul', shape, arena.held, at, n, a, b);
  }

  /** a's last index with b's first (see CONTRACT), the result in `shape` */
  contract(a: TNode, b: TNode, shape: Shape): TNode {
    const [P, , Q] = CONTRACT.sizes(a, b);
    return this.push('contract', shape, CONTRACT.forward(a, b, this.arena.alloc(P * Q)), a, b);
  }

  transpose(a: TNode, shape: Shape): TNode {
    return this.push('transpose', shape, TRANSPOSE.forward(a, this.arena.alloc(a.len)), a);
  }

  fill(a: TNode, shape: Shape): TNode {
    const n = entries(shape);
    const arena = this.arena;
    const at = arena.place(n);
    arena.held.fill(a.store[a.at]!, at, at + n);
    return this.pushAt('fill', shape, arena.held, at, n, a);
  }

  /** one entry of a, at a flat offset */
  index(a: TNode, offset: number): TNode {
    const arena = this.arena;
    const at = arena.place(1);
    arena.held[at] = a.store[a.at + offset]!;
    const n = this.pushAt('index', [], arena.held, at, 1, a);
    n.aux = offset;
    return n;
  }

  /** a literal's scalar entries packed into one tensor */
  pack(args: TNode[], shape: Shape): TNode {
    const arena = this.arena;
    const at = arena.place(args.length);
    const out = arena.held;
    for (let i = 0; i < args.length; i++) out[at + i] = args[i]!.store[args[i]!.at]!;
    const n = this.pushAt('pack', shape, out, at, args.length);
    n.aux = args;
    return n;
  }

  fn(fn: Fn, a: TNode, shape: Shape): TNode {
    // a spectral norm is charged its eigen-decomposition, so that a large matrix's meets the operation limit
    if (fn === 'opnorm') this.budget.tick(spectralCost(a.shape[0]!, a.shape[1]!));
    const len = FN.size(fn, a.shape, a.len);
    const arena = this.arena;
    const at = arena.place(len);
    FN.forward(fn, a.shape, a.store, a.at, a.len, arena.held, at);
    const n = this.pushAt('fn', shape, arena.held, at, len, a);
    n.aux = fn;
    return n;
  }

  /**
   * Reverse sweep from `root` seeded with `seed`, over tape positions lo..root.id.
   * Inputs below lo are not propagated into; their received gradients go to `below` (if given).
   * With `below`, graph nodes (barriers) other than the root are not crossed, except where `cross` says so.
   * Every node that received a gradient is visited once, latest first: over the whole range (dense), or —
   * for a long range the gradient may reach only sparsely (∂q_3/∂w far down a big tape) — just the nodes
   * reached, through a heap, so the cost follows what is reached.
   * The result holds the gradients of the graph nodes and leaves (the barriers) and of the root; with `only`
   * (a tape position in lo..root), of that node alone — the others' accumulators are lent (Sweeper.lend).
   */
  sweep(
    root: TNode,
    seed: Float64Array,
    lo: number,
    below?: Map<number, Float64Array>,
    dense = false,
    cross?: (n: TNode) => boolean,
    only = -1,
  ): (Float64Array | undefined)[] {
    return (this.sweeper ??= new Sweeper(this)).run(root, seed, lo, below ?? null, dense, cross ?? null, only, false);
  }

  /**
   * sweep() for a caller that keeps the result: the gradients of the barriers (graph nodes, leaves) and of the
   * root, packed into one array (KeptSweep) from accumulators that are all lent. Issue 11: a kept sweep held an
   * array per barrier reached and an array as long as its range, for as long as its run (the whole analysis),
   * and what an analysis holds when the young generation is collected is what that collection costs.
   * The numbers and the operations charged are sweep()'s.
   */
  sweepKept(root: TNode, seed: Float64Array, lo: number, dense = false): KeptSweep {
    const sweeper = (this.sweeper ??= new Sweeper(this));
    // a sparse sweep lends nothing: its result is copied; any other gathers its barriers as it visits them
    if (!dense && root.id - lo >= SPARSE_RANGE)
      return KeptSweep.of(this.cols, root.id, lo, sweeper.run(root, seed, lo, null, dense, null, -1, true));
    if (scalarRange(this.cols, lo, root.id)) return sweeper.keptScalar(root, seed, lo);
    const gather = new KeptGather(this.cols, root.id, lo);
    sweeper.run(root, seed, lo, null, dense, null, -1, true, false, gather);
    return gather.done();
  }

  /**
   * sweep() for a caller that reads the result at once and keeps none of it (a derivative's row copied into
   * its Jacobian, an immediate sweep read through `below`): the array returned, and every accumulator in it
   * (the gradient at `only` included), are the sweeper's own, valid until the next sweep on any tape of the
   * analysis; `seed` is read, not copied. So are the arrays put in `below`, unless `keepBelow` (the caller
   * keeps them). The numbers and the operations charged are sweep()'s.
   * Issue 11: the result array and a fresh accumulator per read gradient were most of what these sweeps
   * allocated, and a sweep's arrays lived until the next scavenge copied them.
   */
  sweepTransient(
    root: TNode,
    seed: Float64Array,
    lo: number,
    below?: Map<number, Float64Array>,
    cross?: (n: TNode) => boolean,
    only = -1,
    keepBelow = false,
  ): (Float64Array | undefined)[] {
    return (this.sweeper ??= new Sweeper(this)).run(root, seed, lo, below ?? null, false, cross ?? null, only, true, keepBelow);
  }

  private sweeper: Sweeper | null = null;
}

/**
 * One reverse sweep at a time on a tape, its state in fields and its callbacks (acc, slot) made once per tape:
 * a sweep made seven closures and their context each time, a tenth of what judging a check allocated. No
 * sweep starts inside another (the rules only add into accumulators); one that throws (the operation limit)
 * leaves state that the next one resets.
 */
class Sweeper {
  private g: (Float64Array | undefined)[] = [];
  private lo = 0;
  private below: Map<number, Float64Array> | null = null;
  private heap: MaxHeap | null = null;
  private queued: Uint8Array | null = null;
  // the accumulators are views into a few zeroed chunks, each twice the last: an array of its own per
  // node (a buffer, its record, its memory outside the heap) was most of what a long sweep allocated, and
  // the young generation's collections copied every one of them, as the tape keeps them all
  private arena = new Arena(FIRST_CHUNK);
  // a transient sweep's accumulators below its range (`below`, read and copied by its caller before the next
  // sweep) are lent too, as what it lends in range: a chunk made per sweep for a 3×3 W_hh was a quarter of
  // a one-step derivative's time (a buffer outside the heap, made and freed per sweep)
  private belowTransient = false;

  constructor(private tape: Tape) {}

  private fresh(len: number): Float64Array {
    // up to 64 bytes an array lives inside the heap, made faster than a view (measured: 32 against ~50 ns
    // for one entry; 64 entries: ~350 ns for an array with its own buffer against ~100 ns for a view)
    return len <= OWN_ARRAY_MAX ? new Float64Array(len) : this.arena.alloc(len);
  }

  /** a zeroed accumulator from the analysis's pool, or a fresh one */
  private cleared(x: TNode): Float64Array {
    const len = x.len;
    return this.pool!.take(len) ?? this.fresh(len);
  }

  /** an accumulator lent from the pool (given back once its node is visited, or when the sweep ends) */
  private lend(x: TNode): Float64Array {
    const s = this.cleared(x);
    // listed for the sweep's end unless given back at its node's visit (see visit in run)
    if (this.gather === null && (x.barrier || x.id === this.only)) this.lent.push(x.id);
    return s;
  }

  /** sparse: the first gradient a node on the tape receives puts it in the queue (charged `ops`) */
  private reached(x: TNode, ops: number): void {
    const q = this.queued!;
    if (x.id >= this.lo && !q[x.id - this.lo]) {
      q[x.id - this.lo] = 1;
      this.heap!.push(x.id);
      if (ops) this.tape.budget.tick(ops);
    }
  }

  /**
   * The accumulators lent to every dense sweep on the tapes of one analysis (poolOf, accumulators.ts): no
   * caller reads an intermediate's gradient (they read graph nodes and leaves: the barriers), so a dense sweep
   * gives an intermediate's back once its node is visited, and hands the rest back from its result. Issue 11:
   * the checks of one file sweep the same equations at every point, draw and row, and a fresh array per
   * intermediate per sweep was most of what judging a check allocated (and, held by the kept sweeps, much of
   * what the young generation copied).
   */
  private pool: AccumulatorPool | null = null;
  /** the pool of the tape's budget, looked up once per budget (a sweep of a few nodes paid a map lookup for it) */
  private poolNow(): AccumulatorPool {
    const budget = this.tape.budget;
    if (this.poolBudget !== budget) {
      this.poolBudget = budget;
      this.poolOfBudget = poolOf(budget);
    }
    return this.poolOfBudget!;
  }
  private poolBudget: Budget | null = null;
  private poolOfBudget: AccumulatorPool | null = null;

  /** whether this sweep lends from the pool (dense, not the root), and the positions it lent */
  private lending = false;
  private rootId = -1;
  /** the one position whose gradient the caller reads (-1: every barrier's) */
  private only = -1;
  /** the positions lent whose accumulators are still out when the sweep ends (barriers, `only`) */
  private lent: number[] = [];
  /** a kept sweep's store (sweepKept), filled as the barriers are visited */
  private gather: KeptGather | null = null;

  /** a transient sweep (sweepTransient): every accumulator in range is lent, the result array is `shared` */
  private transient = false;
  /** the result array of transient sweeps: every entry undefined but those listed in sharedSet */
  private shared: (Float64Array | undefined)[] = [];
  private sharedSet: number[] = [];

  private slotHere(x: TNode): Float64Array | undefined {
    let slot: Float64Array | undefined;
    if (x.id >= this.lo) {
      slot = this.g[x.id - this.lo];
      if (!slot) {
        slot =
          this.lending && (this.transient || (x.id !== this.rootId && (this.only < 0 ? !x.barrier : x.id !== this.only)))
            ? this.lend(x)
            : this.fresh(x.len);
        this.g[x.id - this.lo] = slot;
      }
    } else if (this.below) slot = this.belowSlot(x, this.below);
    return slot;
  }

  /** the accumulator of an input below the sweep's range, in `below` */
  private belowSlot(x: TNode, below: Map<number, Float64Array>): Float64Array {
    let slot = below.get(x.id);
    if (!slot) {
      if (this.belowTransient) this.pool!.hold((slot = this.cleared(x)));
      else slot = this.fresh(x.len);
      below.set(x.id, slot);
    }
    return slot;
  }

  // the rules that add into a slot in place (mul, matmul) are not charged for queueing; those through acc
  // (and accSlot, its in-place form) are
  private readonly slotOf: Slot = (x) => {
    const slot = this.slotHere(x);
    if (this.queued) this.reached(x, 0);
    return slot;
  };
  private readonly accSlot: Slot = (x) => {
    const slot = this.slotHere(x);
    if (this.queued) this.reached(x, 4);
    return slot;
  };
  private readonly acc: Acc = (x, v, i = -1) => {
    const slot = this.slotHere(x);
    if (this.queued) this.reached(x, 4);
    if (!slot) return;
    if (typeof v === 'number') slot[i]! += v;
    else if (v.length === slot.length) for (let k = 0; k < v.length; k++) slot[k]! += v[k]!;
    else {
      // a scalar input broadcast over a tensor: its gradient is the sum
      let s = 0;
      for (let k = 0; k < v.length; k++) s += v[k]!;
      slot[0]! += s;
    }
  };

  /** the transient sweeps' result array, the last one's entries cleared, at least `range` long */
  private sharedResult(range: number): (Float64Array | undefined)[] {
    const set = this.sharedSet;
    for (let k = 0; k < set.length; k++) this.shared[set[k]!] = undefined;
    set.length = 0;
    if (this.shared.length < range) this.shared = new Array(range);
    return this.shared;
  }

  /** the scalar sweep's gradients and reached marks (scalarSweep.ts), reused by every scalar sweep of the tape */
  private scalarG = new Float64Array(0);
  private scalarR = new Uint8Array(0);

  /**
   * The scalar sweep (scalarSweep.ts) of lo..root into scalarG and scalarR, started and charged as a transient
   * dense sweep: what the last sweep's caller read is lent again, the inputs below the range go to `below`
   */
  private scalarPass(
    root: TNode,
    seed: Float64Array,
    lo: number,
    below: Map<number, Float64Array> | null,
    cross: ((n: TNode) => boolean) | null,
    keepBelow: boolean,
  ): AccumulatorPool {
    const range = root.id - lo + 1;
    const pool = (this.pool = this.poolNow());
    pool.reclaim();
    this.sharedResult(range);
    this.belowTransient = !keepBelow;
    try {
      // charged first, as a dense sweep is: one past the operation limit throws before any work
      this.tape.budget.tick(range);
      if (this.scalarG.length < range) {
        this.scalarG = new Float64Array(Math.max(range, 2 * this.scalarG.length));
        this.scalarR = new Uint8Array(this.scalarG.length);
      }
      this.scalarG.fill(0, 0, range);
      this.scalarR.fill(0, 0, range);
      const tape = this.tape;
      const toBelow = below ? (id: number, v: number) => (this.belowSlot(tape.node(id), below)[0]! += v) : null;
      sweepScalar(this.tape.columns, root.id, lo, seed[0]!, this.scalarG, this.scalarR, toBelow, cross);
    } finally {
      this.belowTransient = false;
      this.pool = null;
    }
    return pool;
  }

  /**
   * A transient sweep over a range of one-number nodes: the general one's result, the root's seed and, lent until
   * the next sweep, every barrier reached and `only`
   */
  private runScalar(
    root: TNode,
    seed: Float64Array,
    lo: number,
    below: Map<number, Float64Array> | null,
    cross: ((n: TNode) => boolean) | null,
    only: number,
    keepBelow: boolean,
  ): (Float64Array | undefined)[] {
    const range = root.id - lo + 1;
    const pool = this.scalarPass(root, seed, lo, below, cross, keepBelow);
    const g = this.shared;
    const set = this.sharedSet;
    g[range - 1] = seed;
    set.push(range - 1);
    const G = this.scalarG;
    const R = this.scalarR;
    const cols = this.tape.columns.cols;
    for (let k = range - 2; k >= 0; k--) {
      if (!R[k] || (cols[(lo + k) * ROW + BARRIER] !== 1 && lo + k !== only)) continue;
      const a = pool.take(1) ?? new Float64Array(1);
      a[0] = G[k]!;
      pool.hold(a);
      g[k] = a;
      set.push(k);
    }
    return g;
  }

  /** a kept sweep over a range of one-number nodes: the barriers reached and the root, as KeptGather lays them */
  keptScalar(root: TNode, seed: Float64Array, lo: number): KeptSweep {
    const range = root.id - lo + 1;
    this.scalarPass(root, seed, lo, null, null, false);
    const G = this.scalarG;
    const R = this.scalarR;
    const cols = this.tape.columns.cols;
    const at = new Array<number>(range).fill(0);
    const flat: number[] = [];
    for (let k = range - 1; k >= 0; k--) {
      if (!R[k] || (k < range - 1 && cols[(lo + k) * ROW + BARRIER] !== 1)) continue;
      at[k] = flat.length + 1;
      flat.push(G[k]!);
    }
    return KeptSweep.ofEntries(lo, at, flat);
  }

  run(
    root: TNode,
    seed: Float64Array,
    lo: number,
    below: Map<number, Float64Array> | null,
    dense: boolean,
    cross: ((n: TNode) => boolean) | null,
    only: number,
    transient: boolean,
    keepBelow = false,
    gather: KeptGather | null = null,
  ): (Float64Array | undefined)[] {
    const range = root.id - lo + 1;
    const sparse = !dense && root.id - lo >= SPARSE_RANGE;
    // a sparse sweep makes its own accumulators (below), so it is never transient
    transient &&= !sparse;
    if (transient && gather === null && scalarRange(this.tape.columns, lo, root.id))
      return this.runScalar(root, seed, lo, below, cross, only, keepBelow);
    let g: (Float64Array | undefined)[];
    if (transient) {
      g = this.sharedResult(range);
      // the root's gradient is only read (every other node of the range comes before it)
      g[root.id - lo] = seed;
    } else {
      g = new Array(range);
      g[root.id - lo] = seed.slice();
    }
    this.transient = transient;
    this.belowTransient = transient && !keepBelow;
    this.g = g;
    this.lo = lo;
    this.below = below;
    this.heap = sparse ? new MaxHeap() : null;
    this.queued = sparse ? new Uint8Array(range) : null;
    // a sparse sweep's cost follows what it reaches: it makes its own accumulators, and clears nothing
    this.lending = !sparse;
    let pool: AccumulatorPool | null = null;
    if (this.lending) {
      this.pool = pool = this.poolNow();
      // what the last sweep's caller read (on any tape of the analysis) is lent again from here on
      pool.reclaim();
    }
    this.rootId = root.id;
    this.only = only;
    this.gather = gather;
    // a chunk of its own per sweep (the views handed out must not be written by a later sweep)
    this.arena = new Arena(FIRST_CHUNK);
    const cols = this.tape.columns;
    const { acc, slotOf, accSlot } = this;
    const visit = (id: number): void => {
      const gy = g[id - lo];
      if (!gy) return;
      const y = cols.node(id);
      const barrier = y.barrier;
      // barriers other than the root are graph nodes: in an immediate sweep (below given) they are not crossed,
      // in a one-step sweep only those of the step (`cross`)
      if (barrier && below && id !== root.id && !cross?.(y)) return;
      BACKWARD[y.opCode]!(y, gy, acc, slotOf, accSlot);
      if (!pool) return;
      // a gradient is complete once its node is visited (only later nodes add into it, and they come first):
      // a kept sweep's barrier is gathered now, and an intermediate's (which no caller reads) has done its work,
      // so its accumulator goes back to be lent again at once (the root's is the caller's seed)
      const keep = gather !== null && (barrier || id === root.id);
      if (keep) gather.add(id - lo, gy);
      if (id !== root.id && (keep || (!barrier && id !== only))) {
        pool.give(gy);
        g[id - lo] = undefined;
      }
    };
    let completed = false;
    try {
      if (!sparse) {
        this.tape.budget.tick(range);
        for (let id = root.id; id >= lo; id--) visit(id);
        completed = true;
        // the lent accumulators go back: the result holds the barriers' (and the root's) own arrays only
        // (a transient sweep's stay in its result for its caller to read: held until the next sweep)
        const lent = this.lent;
        if (!transient)
          for (let k = 0; k < lent.length; k++) {
            const a = g[lent[k]! - lo];
            if (a) {
              pool!.give(a);
              g[lent[k]! - lo] = undefined;
            }
          }
        return g;
      }
      const heap = this.heap!;
      this.queued![root.id - lo] = 1;
      heap.push(root.id);
      for (let id = heap.pop(); id !== undefined; id = heap.pop()) visit(id);
      return g;
    } finally {
      // what a transient sweep set in its result (its root and what it lent), cleared by the next; the
      // accumulators still lent are the caller's to read until then. One that threw may have left any
      // intermediate's in it (not visited, so not given back): cleared at once.
      if (this.transient) {
        if (!completed) g.fill(undefined, 0, range);
        const set = this.sharedSet;
        set.push(root.id - lo);
        for (let k = 0; k < this.lent.length; k++) {
          const at = this.lent[k]! - lo;
          set.push(at);
          const a = g[at];
          if (a) this.pool!.hold(a);
        }
        this.transient = false;
      }
      this.belowTransient = false;
      // nothing of this sweep is kept alive by the tape
      this.g = [];
      this.below = null;
      this.heap = null;
      this.queued = null;
      this.arena = SPENT;
      this.lent.length = 0;
      this.lending = false;
      this.pool = null;
      this.gather = null;
    }
  }
}

/**
 * The lent accumulators of every tape that shares a budget (the runs of one analysis: the file's values, the
 * draws, the culprits' runs): one sweep at a time on any of them. Held as long as the analysis holds its
 * budget, and bounded (accumulators.ts).
 */
const pools = new Memo<Budget, AccumulatorPool>();
function poolOf(budget: Budget): AccumulatorPool {
  let p = pools.get(budget);
  if (!p) pools.set(budget, (p = new AccumulatorPool()));
  return p;
}
/** the most entries of an accumulator made as an array of its own (V8 keeps up to 64 bytes inside the heap) */
const OWN_ARRAY_MAX = 8;
/** entries of a sweep's first chunk of accumulators (sixteen 16-entry vectors), and the most of any later one (512 KB) */
const FIRST_CHUNK = 256;
/** what a finished sweep holds instead of its arena, so that its last chunk is not kept alive by the tape */
const SPENT = new Arena(FIRST_CHUNK);

/** a sweep over a longer range visits only the nodes it reaches (through a heap); a shorter one, every node */
export const SPARSE_RANGE = 8192;

/** a binary max-heap of tape ids */
class MaxHeap {
  private a: number[] = [];
  push(x: number): void {
    const a = this.a;
    a.push(x);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (a[p]! >= a[i]!) break;
      [a[p], a[i]] = [a[i]!, a[p]!];
      i = p;
    }
  }
  pop(): number | undefined {
    const a = this.a;
    if (!a.length) return undefined;
    const top = a[0]!;
    const last = a.pop()!;
    if (a.length) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1,
          r = l + 1;
        let m = i;
        if (l < a.length && a[l]! > a[m]!) m = l;
        if (r < a.length && a[r]! > a[m]!) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i]!, a[m]!];
        i = m;
      }
    }
    return top;
  }
}

/** the elementwise functions of the language, one definition for the tape and the symbolic evaluator */
export const UNARY: Record<
  'sigma' | 'tanh' | 'relu' | 'exp' | 'log' | 'sqrt' | 'abs' | 'logit' | 'artanh' | 'dsigma' | 'dtanh' | 'drelu',
  (x: number) => number
> = {
  sigma: sigmoid,
  tanh: Math.tanh,
  relu: (x) => (x > 0 ? x : 0),
  exp: Math.exp,
  log: Math.log,
  sqrt: Math.sqrt,
  abs: Math.abs,
  // σ^{-1} and tanh^{-1} as written (LANGUAGE.md §1): NaN outside (0, 1) and (−1, 1), as log of a negative
  logit: (x) => Math.log(x / (1 - x)),
  artanh: Math.atanh,
  dsigma: (x) => {
    const s = sigmoid(x);
    return s * (1 - s);
  },
  dtanh: (x) => {
    const t = Math.tanh(x);
    return 1 - t * t;
  },
  drelu: (x) => (x > 0 ? 1 : 0),
};
