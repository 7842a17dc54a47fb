// The value of an expression without a tape: what a check's sides, the hints' trial sides and a derive of
// a plain expression need (issue 11). Recording every operation on the tape (a node and a Float64Array per
// scalar product, then thrown away) and walking the expression tree again at every step and every draw was
// most of a check's cost. Here each expression is compiled once into closures (no eval): a scalar is a
// plain number, and a tensor is computed by the tape's own forward kernels, so every value is bit for bit
// what the tape gives. Every operation charges the budget exactly what the tape's node would (PUSH_OPS
// plus one per 16 entries, in the same order), and throws the same errors in the same order, so the
// operation limits fall where they fell: the same file gets the same Report on any machine.

import { spectralCost } from './spectralNorm';
import { Memo } from './memo';
import { earlierOnLeft, idxValue, idxVars } from '../language/idx';
import type { Expr, Idx, Shape } from '../language/model';
import { displayName, exprText } from '../language/print';
import { entries } from '../language/shapes';
import { forChildren } from '../language/resolve/walk';
import { PUSH_OPS, type Budget } from './budget';
import { FORWARD, UNARY, type TNode } from './tape';
import { dims, matmul, scalarData, type Tensor } from './tensor';
import { zerosF64 } from './slab';
import { withVar } from './env';

type Env = Record<string, number>;

/** what the evaluator needs of a run: its graph nodes, its derivatives and its budget */
export interface ValueHost {
  budget: Budget;
  /** the node of a name at a step (as Run.node), looked up once per name */
  nodeOf(name: string): (t: number | null) => TNode | undefined;
  /**
   * ∂of/∂wrt, which the evaluator only reads (it may be the run's memoized array); a one-entry derivative of
   * shape [] may come as its number (what the evaluator makes of it: no tensor made for a memo's hit)
   */
  derivativeRead(of: Expr, wrt: { name: string; idx: Idx | null }, env: Env, total: boolean, oneStep?: boolean): number | Tensor;
}

/** makes the run's own error (RunError, from run.ts, which imports this file) */
export type Fail = (message: string) => Error;

/**
 * What cannot be evaluated, worded once for both evaluators (this one and the tape's in run.ts): a question
 * gets the same message whichever of them met the problem.
 */
export const cannot = {
  unbound: (idx: Idx, env: Env) => `${idxVars(idx).find((x) => env[x] === undefined)} is not bound`,
  notWhole: (x: number) => `an index must be a whole number, not ${x}`,
  noValue: (name: string, step: number | null) => `${displayName(name)}${step === null ? '' : ` at step ${step}`} has no value`,
  outsideMatrix: (i: number, j: number, m: number, n: number) => `index [${i}, ${j}] is outside the ${m}×${n} matrix`,
  outsideVector: (i: number, n: number) => `index ${i} is outside 1..${n}`,
  notSquare: (r: number, c: number) => `a matrix power needs a square matrix, not ${r}×${c}`,
  badPower: (n: number, e: Expr) => `the power of a matrix must be a whole number ≥ 0, not ${n} (in ${exprText(e)})`,
};

/** the step an index denotes (null: no index), or `fail`'s error naming the first variable not bound */
export function stepAt(idx: Idx | null, env: Env, fail: Fail): number | null {
  if (!idx) return null;
  const step = idxValue(idx, env);
  if (step === undefined) throw fail(cannot.unbound(idx, env));
  return step;
}

/**
 * M^n by repeated squaring, for both evaluators (each multiplies, and charges, its own way): the products in
 * one order, so that the tape and this evaluator agree bit for bit; null for n = 0 (the caller's identity)
 */
export function powerBySquaring<T>(M: T, n: number, times: (a: T, b: T) => T): T | null {
  let result: T | null = null;
  let base = M;
  // halved by division, not >>: a shift works on 32 bits, and W^{2^{40}} was the identity (2^40 >> 0 is 0)
  for (let k = n; k > 0; k = Math.floor(k / 2)) {
    if (k % 2 === 1) result = result !== null ? times(result, base) : base;
    if (k > 1) base = times(base, base);
  }
  return result;
}

/** the r×r identity, row-major */
export function identity(r: number): Float64Array {
  const I = zerosF64(r * r);
  for (let i = 0; i < r; i++) I[i * r + i] = 1;
  return I;
}

/** one evaluation: the run it reads and how it reports what cannot be evaluated */
interface Cx {
  host: ValueHost;
  budget: Budget;
  fail: Fail;
  probe: Probe | null;
}

/** a derivative's value given to a probe, and what evaluating the literal of that value would charge */
export interface Given {
  v: number | Tensor;
  ops: number;
}

/**
 * A hint's trial reading of an expression (the step-shift hint tries each timed name one or two steps off, at
 * every point): the expression is evaluated as compiled, with one reference (by identity) read `by` steps
 * away and the derivatives of `given` read as the numbers they were frozen to, charged what their literals
 * would be. No shifted copy of the expression is built or compiled per trial.
 */
export interface Probe {
  ref: Expr | null;
  by: number;
  /** one map per point: the unshifted side's reading is memoized by it */
  given: Map<Expr, Given>;
  /** thrown when a reference has no value (a step moved past the end): made once, not per trial */
  miss: Error;
}

/** what evaluating a literal of this many entries charges: a number, or a vector/matrix of numbers (see 'vec') */
export const literalOps = (n: number): number => (n === 1 ? PUSH_OPS : n * PUSH_OPS + PUSH_OPS + (n >> 4));

/** a scalar (shape []) as a number; anything else, a one-entry vector included, as a tensor */
type V = number | Tensor;
type Code = (env: Env, cx: Cx) => V;

export function evaluateValue(e: Expr, env: Env, host: ValueHost, fail: Fail, probe: Probe | null = null): Tensor {
  const v = code(e)(env, { host, budget: host.budget, fail, probe });
  // a plain tensor of its own: inside the evaluation a reference reads the graph node itself (see 'ref')
  return typeof v === 'number' ? { shape: [], data: scalarData(v) } : { shape: v.shape, data: v.data };
}

/**
 * evaluateValue for a reader that only reads the value (the judge compares the two sides of every point of
 * every draw): a one-entry scalar as its number, anything else as the evaluator made it — possibly a graph
 * node or a memoized derivative itself, never to be written
 */
export function evaluateRead(e: Expr, env: Env, host: ValueHost, fail: Fail): number | Tensor {
  return code(e)(env, { host, budget: host.budget, fail, probe: null });
}

/**
 * compiled once per expression given to evaluateValue (a check's side is evaluated at every step of every
 * draw); its subexpressions are compiled with it, not kept apart (the hints' many one-off trial
 * expressions would fill the map)
 */
const compiled = new Memo<Expr, Code>();

function code(e: Expr): Code {
  let c = compiled.get(e);
  if (!c) compiled.set(e, (c = build(e)));
  return c;
}

const SCALAR: Shape = [];
const len = (v: V): number => (typeof v === 'number' ? 1 : v.data.length);
const shapeOf = (v: V): Shape => (typeof v === 'number' ? SCALAR : v.shape);
/** a value's entries, a number as its one-entry array */
export const dataOf = (v: V): Float64Array => (typeof v === 'number' ? scalarData(v) : v.data);
const first = (v: V): number => (typeof v === 'number' ? v : v.data[0]!);
/** a value as a Tensor, a number as a scalar one */
export const asTensor = (v: V): Tensor => (typeof v === 'number' ? { shape: SCALAR, data: scalarData(v) } : v);

/** a result of the tape's shape: a number exactly when the tape's node would be a one-entry scalar */
function make(shape: Shape, data: Float64Array): V {
  return shape.length === 0 && data.length === 1 ? data[0]! : { shape, data };
}

/** what the tape charges for pushing a node of n entries */
const charge = (cx: Cx, n: number): void => cx.budget.tick(PUSH_OPS + (n >> 4));

function add(cx: Cx, a: V, b: V, sub: boolean): V {
  if (typeof a === 'number' && typeof b === 'number') {
    charge(cx, 1);
    return sub ? a - b : a + b;
  }
  const shape = len(a) >= len(b) ? shapeOf(a) : shapeOf(b);
  const data = FORWARD.add(dataOf(a), dataOf(b), sub);
  charge(cx, data.length);
  return make(shape, data);
}

function mul(cx: Cx, a: V, b: V): V {
  if (typeof a === 'number' && typeof b === 'number') {
    charge(cx, 1);
    return a * b;
  }
  const shape = len(a) >= len(b) ? shapeOf(a) : shapeOf(b);
  const data = FORWARD.mul(dataOf(a), dataOf(b));
  charge(cx, data.length);
  return make(shape, data);
}

function matmulV(cx: Cx, a: V, b: V, shape: Shape): V {
  // read by index: a destructuring makes an iterator and its results in code not yet optimised
  const da = dims(shapeOf(a));
  const m = da[0];
  const k = da[1];
  const n = dims(shapeOf(b))[1];
  const out = zerosF64(m * n);
  matmul(dataOf(a), dataOf(b), m, k, n, out);
  charge(cx, out.length);
  return make(shape, out);
}

/** the step an index denotes (stepAt), with the two common forms — t + k and a constant — read directly */
type StepCode = (env: Env, cx: Cx) => number;
function stepCode(idx: Idx): StepCode {
  const { v, k } = idx;
  const terms = idx.terms ?? [];
  if (v !== null && !terms.length)
    return (env, cx) => {
      const x = env[v];
      if (x === undefined) throw cx.fail(cannot.unbound(idx, env));
      return k + x;
    };
  if (v === null && !terms.length) return () => k;
  return (env, cx) => stepAt(idx, env, cx.fail)!;
}

function whole(cx: Cx, x: number): number {
  if (!Number.isInteger(x)) throw cx.fail(cannot.notWhole(x));
  return x;
}

/**
 * The body's subexpressions that a Σ/∏ is building (hoist): each maximal one that does not mention the bound
 * variable is evaluated once per Σ/∏ evaluation, not at every index (seed 002's Σ_i ∂L/∂p^{(T)} ∂p^{(T)}/∂h^{(T)} …
 * read the same two derivatives and their product T times). Set while the body is built (build is synchronous).
 */
let hoisting: Map<Expr, Slot> | null = null;

/** what one hoisted subexpression gave in the current evaluation of its Σ/∏ (gen), and what it charged */
interface Slot {
  gen: number;
  v: V | null;
  ops: number;
}

function build(e: Expr): Code {
  const slot = hoisting?.get(e);
  if (slot) {
    // the subexpression itself is built as any other (its own Σ/∏ hoist for themselves)
    const outer = hoisting;
    hoisting = null;
    const inner = build(e);
    hoisting = outer;
    return hoisted(inner, slot);
  }
  switch (e.k) {
    case 'num': {
      const x = e.value;
      return (_env, cx) => {
        charge(cx, 1);
        return x;
      };
    }
    case 'var': {
      const s = stepCode(e.idx);
      return (env, cx) => {
        const x = s(env, cx);
        charge(cx, 1);
        return x;
      };
    }
    case 'vec':
    case 'mat': {
      const items = (e.k === 'vec' ? e.items : e.rows.flat()).map(build);
      const shape = e.shape;
      return (env, cx) => {
        const data = zerosF64(items.length);
        for (let i = 0; i < items.length; i++) data[i] = first(items[i]!(env, cx));
        charge(cx, data.length);
        return make(shape, data);
      };
    }
    case 'ref': {
      const name = e.name;
      const s = e.idx ? stepCode(e.idx) : null;
      // the lookup of the last run read (the sides are evaluated at every step of one run, then of the next)
      let host: ValueHost | null = null;
      let lookup: (t: number | null) => TNode | undefined = () => undefined;
      return (env, cx) => {
        let step = s ? s(env, cx) : null;
        const probe = cx.probe;
        if (probe !== null && probe.ref === e && step !== null) step += probe.by;
        if (cx.host !== host) {
          host = cx.host;
          lookup = host.nodeOf(name);
        }
        const n = lookup(step);
        if (!n) throw probe !== null ? probe.miss : cx.fail(cannot.noValue(name, step));
        // the node itself as the tensor (its shape and data, only read): a wrapper per reference read was
        // most of what a Σ over a matrix's entries allocated (issue 11); evaluateValue wraps what it returns
        // a number read in place: `data` would make a view of the node's chunk for it
        return n.shape.length === 0 && n.len === 1 ? n.store[n.at]! : n;
      };
    }
    case 'neg': {
      const a = build(e.a);
      return (env, cx) => {
        const x = a(env, cx);
        if (typeof x === 'number') {
          charge(cx, 1);
          return -x;
        }
        const data = FORWARD.neg(x.data);
        charge(cx, data.length);
        return make(x.shape, data);
      };
    }
    case 'add':
    case 'sub': {
      const a = build(e.a);
      const b = build(e.b);
      const sub = e.k === 'sub';
      return (env, cx) => {
        const x = a(env, cx);
        return add(cx, x, b(env, cx), sub);
      };
    }
    case 'mul':
    case 'hadamard': {
      const a = build(e.a);
      const b = build(e.b);
      return (env, cx) => {
        const x = a(env, cx);
        return mul(cx, x, b(env, cx));
      };
    }
    case 'matmul': {
      const a = build(e.a);
      const b = build(e.b);
      const shape = e.shape;
      return (env, cx) => {
        const x = a(env, cx);
        return matmulV(cx, x, b(env, cx), shape);
      };
    }
    case 'div': {
      const a = build(e.a);
      const b = build(e.b);
      return (env, cx) => {
        const x = a(env, cx);
        const y = b(env, cx);
        if (typeof x === 'number' && typeof y === 'number') {
          charge(cx, 1);
          return x / y;
        }
        const data = FORWARD.div(dataOf(x), dataOf(y));
        charge(cx, data.length);
        return make(len(x) >= len(y) ? shapeOf(x) : shapeOf(y), data);
      };
    }
    case 'pow': {
      const a = build(e.a);
      const b = build(e.b);
      return (env, cx) => {
        const x = a(env, cx);
        const p = first(b(env, cx));
        if (typeof x === 'number') {
          charge(cx, 1);
          return p === 2 ? x * x : Math.pow(x, p);
        }
        const data = FORWARD.pow(x.data, p);
        charge(cx, data.length);
        return make(x.shape, data);
      };
    }
    case 'call': {
      const a = build(e.arg);
      const fn = e.fn;
      const shape = e.shape;
      const unary = shape.length === 0 && fn in UNARY ? UNARY[fn as keyof typeof UNARY] : null;
      return (env, cx) => {
        const x = a(env, cx);
        if (unary && typeof x === 'number') {
          charge(cx, 1);
          return unary(x);
        }
        const t = asTensor(x);
        const data = FORWARD.fn(fn, t);
        // a spectral norm charged as the tape charges it (its eigen-decomposition)
        charge(cx, fn === 'opnorm' ? spectralCost(t.shape[0]!, t.shape[1]!) + 1 : data.length);
        return make(shape, data);
      };
    }
    case 'transpose': {
      const a = build(e.a);
      const shape = e.shape;
      return (env, cx) => {
        const data = FORWARD.transpose(asTensor(a(env, cx)));
        charge(cx, data.length);
        return make(shape, data);
      };
    }
    case 'index': {
      const a = build(e.a);
      const ci = build(e.i);
      const cj = e.j ? build(e.j) : null;
      return (env, cx) => {
        const x = a(env, cx);
        const i = whole(cx, first(ci(env, cx)));
        let offset: number;
        if (cj) {
          // dims(shape) read without the pair it makes (an index is read at every term of a Σ)
          const sh = shapeOf(x);
          const m = sh.length === 0 ? 1 : sh[0]!;
          const n = sh.length === 2 ? sh[1]! : 1;
          const j = whole(cx, first(cj(env, cx)));
          if (i < 1 || i > m || j < 1 || j > n) throw cx.fail(cannot.outsideMatrix(i, j, m, n));
          offset = (i - 1) * n + (j - 1);
        } else {
          if (i < 1 || i > len(x)) throw cx.fail(cannot.outsideVector(i, len(x)));
          offset = i - 1;
        }
        charge(cx, 1);
        return typeof x === 'number' ? x : x.data[offset]!;
      };
    }
    case 'sum':
    case 'prod': {
      const from = stepCode(e.from);
      const to = stepCode(e.to);
      const slots = invariants(e.body, e.v);
      const outer = hoisting;
      hoisting = slots;
      const body = build(e.body);
      hoisting = outer;
      const kept = slots ? [...slots.values()] : null;
      const v = e.v;
      const isSum = e.k === 'sum';
      const ascending = !isSum && earlierOnLeft(e);
      const shape = e.shape;
      return (env, cx) => {
        const lo = from(env, cx);
        const hi = to(env, cx);
        if (lo > hi) {
          // the empty sum is 0, the empty product 1 (the identity for Jacobians)
          const data = zerosF64(entries(shape));
          if (!isSum) {
            const [r] = dims(shape);
            if (shape.length === 2) for (let k = 0; k < r; k++) data[k * r + k] = 1;
            else data.fill(1);
          }
          charge(cx, data.length);
          return make(shape, data);
        }
        // one binding object for the whole Σ: no evaluation keeps the environment it is given
        const inner = withVar(env, v, lo);
        let acc: V | null = null;
        // this evaluation's number: a hoisted value is reused only within the evaluation that made it
        const saved = current;
        current = ++evaluations;
        try {
          for (let i = lo; i <= hi; i++) {
            inner[v] = i;
            const x = body(inner, cx);
            if (acc === null) acc = x;
            else if (isSum) acc = add(cx, acc, x, false);
            // a product of Jacobians reads as the chain rule does: the later index on the left
            else if (shapeOf(acc).length === 2 && shapeOf(x).length === 2)
              acc = ascending ? matmulV(cx, acc, x, shape) : matmulV(cx, x, acc, shape);
            else acc = mul(cx, acc, x);
          }
        } finally {
          current = saved;
          // nothing of this evaluation is kept alive past it
          if (kept) for (const s of kept) s.v = null;
        }
        return acc!;
      };
    }
    case 'deriv': {
      const { of, wrt, total, oneStep } = e;
      return (env, cx) => {
        const given = cx.probe?.given.get(e);
        if (given !== undefined) {
          cx.budget.tick(given.ops);
          return given.v;
        }
        const d = cx.host.derivativeRead(of, wrt, env, total, oneStep);
        if (typeof d === 'number') {
          charge(cx, 1);
          return d;
        }
        charge(cx, d.data.length);
        // the derivative's own tensor (only read, as a reference's node is): no wrapper per read
        return d.shape.length === 0 && d.data.length === 1 ? d.data[0]! : d;
      };
    }
    case 'contract': {
      const a = build(e.a);
      const b = build(e.b);
      const shape = e.shape;
      return (env, cx) => {
        const x = a(env, cx);
        const data = FORWARD.contract(asTensor(x), asTensor(b(env, cx)));
        charge(cx, data.length);
        return make(shape, data);
      };
    }
    case 'matpow':
      return matpow(e);
    case 'indicator': {
      const a = build(e.a);
      const b = build(e.b);
      return (env, cx) => {
        const x = first(a(env, cx));
        const y = first(b(env, cx));
        charge(cx, 1);
        return x === y ? 1 : 0;
      };
    }
  }
}

/** the Σ/∏ evaluation under way (0: none), and how many have begun */
let current = 0;
let evaluations = 0;

/**
 * a hoisted subexpression: evaluated at the first index of its Σ/∏'s evaluation, reused at the others with the
 * operations that first evaluation charged charged again (as the run's memos do), so that the operation limits
 * fall where they fell; values are only read, never written, by the evaluator
 */
function hoisted(inner: Code, slot: Slot): Code {
  return (env, cx) => {
    if (slot.gen === current && slot.v !== null) {
      if (slot.ops) cx.budget.tick(slot.ops);
      return slot.v;
    }
    const ops0 = cx.budget.ops;
    const v = inner(env, cx);
    slot.ops = cx.budget.ops - ops0;
    slot.v = v;
    slot.gen = current;
    return v;
  };
}

/**
 * the maximal subexpressions of a Σ/∏'s body that do not mention its variable and cost more than a lookup
 * (a number, a variable, a reference or a fixed entry of one is read as cheaply as a hoisted value), or null
 * when there is none. One walk: it runs at every analysis for every Σ compiled, the hints' trials among them.
 */
function invariants(body: Expr, v: string): Map<Expr, Slot> | null {
  const walk = new Invariants(v);
  if (!walk.varies(body)) walk.keep(body);
  return walk.out;
}

class Invariants {
  out: Map<Expr, Slot> | null = null;
  /** false inside a nested Σ/∏'s body: its parts may vary with its own variable, which this walk does not follow */
  private collect = true;
  private readonly kids: Expr[] = [];
  private readonly push = (c: Expr) => this.kids.push(c);

  constructor(private readonly v: string) {}

  /** whether x mentions v (a Σ/∏ that binds v again counts as mentioning it); keeps x's maximal invariant parts */
  varies(x: Expr): boolean {
    switch (x.k) {
      case 'num':
        return false;
      case 'var':
      case 'ref':
        return this.mentions(x.idx);
      case 'sum':
      case 'prod': {
        if (x.v === this.v) return true;
        const collect = this.collect;
        this.collect = false;
        const body = this.varies(x.body);
        this.collect = collect;
        return body || this.mentions(x.from) || this.mentions(x.to);
      }
    }
    // the children, read from the shared stack (no array per node)
    const base = this.kids.length;
    forChildren(x, this.push);
    const n = this.kids.length - base;
    let mask = 0;
    let any = x.k === 'deriv' && this.mentions(x.wrt.idx);
    for (let i = 0; i < n; i++) {
      if (this.varies(this.kids[base + i]!)) {
        any = true;
        if (i < 31) mask |= 1 << i;
      } else if (i >= 31) any = true;
    }
    // x varies: its invariant children are hoisted (x invariant: its parent decides)
    if (any && this.collect) for (let i = 0; i < n && i < 31; i++) if (!(mask & (1 << i))) this.keep(this.kids[base + i]!);
    this.kids.length = base;
    return any;
  }

  keep(x: Expr): void {
    if (x.k === 'num' || x.k === 'var' || x.k === 'ref') return;
    if (x.k === 'index' && x.a.k === 'ref' && x.i.k === 'num' && (!x.j || x.j.k === 'num')) return;
    (this.out ??= new Map()).set(x, { gen: 0, v: null, ops: 0 });
  }

  private mentions(idx: Idx | null): boolean {
    if (!idx) return false;
    if (idx.v === this.v) return true;
    if (idx.terms) for (const t of idx.terms) if (t.v === this.v) return true;
    return false;
  }
}

/** M^n (powerBySquaring, the tape's products in the tape's order) */
function matpow(e: Expr & { k: 'matpow' }): Code {
  const a = build(e.a);
  const cn = build(e.n);
  const shape = e.shape;
  return (env, cx) => {
    const M = a(env, cx);
    const n = first(cn(env, cx));
    const [r, c] = dims(shapeOf(M));
    if (r !== c) throw cx.fail(cannot.notSquare(r, c));
    if (!Number.isInteger(n) || n < 0) throw cx.fail(cannot.badPower(n, e));
    const result = powerBySquaring(M, n, (x, y) => matmulV(cx, x, y, shape));
    if (result !== null) return result;
    const I = identity(dims(shape)[0]);
    charge(cx, I.length);
    return make(shape, I);
  };
}
