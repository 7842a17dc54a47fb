// The symbolic IR: a hash-consed expression DAG. Every node is built through a Builder, which
// returns the existing node for an identical (op, shape, args, payload) — so shared subexpressions
// (h̃_t, δ_{t+1}, σ′(h̃_t)) exist once and derivations stay linear in T. The Builder's constructors
// also apply the small simplifier: constants folded, 0 and 1 dropped, −1 pulled into a coefficient,
// like terms merged. It is deliberately not a CAS.

import { charge } from '../budget';
import type { Shape } from '../../language/model';
import { entries as size } from '../../language/shapes';
import { dims as asMat } from '../tensor';
import { ceRowTimesSoftmax, leftmost, softmaxJacobianOf } from './softmaxCE';

// one shape vocabulary: the model's Shape, its entry count and its rows × columns (a vector is a column)
export type { Shape };
export { asMat, size };

export type CallFn = 'sigma' | 'tanh' | 'relu' | 'exp' | 'log' | 'sqrt' | 'abs' | 'dsigma' | 'dtanh' | 'drelu' | 'sign';

export type Op =
  | 'num'
  | 'zero'
  | 'eye'
  | 'ones'
  | 'leaf'
  | 'vec'
  | 'mat'
  | 'add'
  | 'mul'
  | 'had'
  | 'matmul'
  | 'T'
  | 'pow'
  | 'div'
  | 'call'
  | 'softmax'
  | 'sumall'
  | 'mean'
  | 'diag'
  | 'index'
  | 'pick'
  | 'basis'
  | 'kron'
  | 'vecop'
  | 'sym';

/** How a node of the unrolled graph is named in a derivative: `h` at step 2, or an expression. */
export type NodeName = { name: string; step: number | null } | { expr: Node };

export type Label =
  /** a named preactivation such as h̃_t := W_xh x_t + W_hh h_{t-1} + b_h */
  | { kind: 'pre'; q: string; step: number | null; n: number }
  /**
   * an immediate partial ∂a/∂b of one edge of the unrolled graph (∂⁺ when `plus`); `named`: a total derivative
   * standing for itself (∂h_{t-1}/∂W in the forward recursion ∂h_t/∂W = ∂⁺h_t/∂W + ∂h_t/∂h_{t-1}·∂h_{t-1}/∂W),
   * which the explicit form keeps as a name instead of writing out its definition
   */
  | { kind: 'jac'; of: NodeName; wrt: NodeName; plus: boolean; named?: true }
  /** an adjoint δ_t = ∂L/∂h_t (letter 'delta') or h̄_t (letter 'bar') */
  | { kind: 'adj'; q: string; step: number | null; letter: 'delta' | 'bar' };

export interface Node {
  readonly id: number;
  readonly op: Op;
  readonly shape: Shape;
  readonly args: readonly Node[];
  /** num: the value */
  readonly num?: number;
  /** leaf: a value of the run (a declaration, or a quantity at a step) */
  readonly name?: string;
  readonly step?: number | null;
  /** leaf: written with an absolute index (h_3) rather than relative to t */
  readonly abs?: boolean;
  readonly fn?: CallFn;
  /** index: 1-based entry (j null for a vector) */
  readonly i?: number;
  readonly j?: number | null;
  /** sym: its name and its definition */
  readonly label?: Label;
  readonly def?: Node;
}

export class Unsupported extends Error {}

/**
 * Every node is one class with every field present, so V8 sees a single object shape: the property
 * reads of the rules, the printer and the evaluator stay monomorphic (an object literal per op with
 * optional fields spread in made them megamorphic). `pl` is the hash-consing payload.
 */
class IrNode implements Node {
  num: number | undefined = undefined;
  name: string | undefined = undefined;
  step: number | null | undefined = undefined;
  abs: boolean | undefined = undefined;
  fn: CallFn | undefined = undefined;
  i: number | undefined = undefined;
  j: number | null | undefined = undefined;
  label: Label | undefined = undefined;
  private d: Node | undefined = undefined;
  /** a lazy sym's definition, built on first use */
  private thunk: (() => Node) | null = null;
  constructor(
    readonly id: number,
    readonly op: Op,
    readonly shape: Shape,
    readonly args: readonly Node[],
    readonly pl: string,
  ) {}
  get def(): Node | undefined {
    if (this.thunk) {
      const f = this.thunk;
      this.thunk = null;
      this.d = f();
    }
    return this.d;
  }
  setDef(d: Node | (() => Node)): void {
    if (typeof d === 'function') this.thunk = d;
    else this.d = d;
  }
}

export const isScalar = (s: Shape): boolean => size(s) === 1;
export function sameShape(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}
/** Normalize rows × columns back to a shape: 1×1 is a scalar, r×1 a column vector. */
export function fromMat(r: number, c: number): Shape {
  if (r === 1 && c === 1) return [];
  if (c === 1) return [r];
  return [r, c];
}
/** The shape of the Jacobian ∂y/∂x: rows are y's entries, columns x's (both row-major). */
export function jacShape(y: Shape, x: Shape): Shape {
  return fromMat(size(y), size(x));
}

function labelKey(l: Label): string {
  const nn = (n: NodeName): string => ('expr' in n ? `e${n.expr.id}` : `${n.name}@${n.step}`);
  switch (l.kind) {
    case 'pre':
      return `pre:${l.q}@${l.step}#${l.n}`;
    case 'jac':
      return `jac:${nn(l.of)}/${nn(l.wrt)}${l.plus ? '+' : ''}${l.named ? '!' : ''}`;
    case 'adj':
      return `adj:${l.q}@${l.step}${l.letter}`;
  }
}

export class Builder {
  // hash-consing on a numeric hash of (op, payload, argument ids | atom shape), with buckets for
  // collisions: no key string is built per call, which matters for sums with T arguments
  private table = new Map<number, IrNode | IrNode[]>();
  private lazy = new Map<string, Node>();
  private size = 0;
  private next = 1;

  get count(): number {
    return this.size;
  }

  /** whether a leaf's entries sum to 1 at every step (a one-hot or probability target): see softmaxCE.ts */
  unitSum: (name: string) => boolean = () => false;

  private static same(n: IrNode, op: Op, payload: string, args: readonly Node[], atom: boolean, shape: Shape): boolean {
    if (n.op !== op || n.pl !== payload || n.args.length !== args.length) return false;
    for (let i = 0; i < args.length; i++) if (n.args[i] !== args[i]) return false;
    return !atom || sameShape(n.shape, shape);
  }

  private static strHash(s: string, h: number): number {
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    return h;
  }

  private make(op: Op, shape: Shape, args: readonly Node[], extra?: Partial<Node>, payload = ''): IrNode {
    // every construction counts, found or new: a derivation's work is its lookups as much as its nodes
    charge(1 + args.length);
    const atom = args.length === 0 || op === 'mat';
    let h = Builder.strHash(payload, Builder.strHash(op, 0x811c9dc5));
    if (atom) for (const d of shape) h = Math.imul(h ^ (d + 0x9e37), 0x01000193);
    for (let i = 0; i < args.length; i++) h = Math.imul(h ^ args[i].id, 0x01000193);
    // a small integer (V8 Smi) key: a full int32 outside ±2^30 would be boxed as a heap number per lookup
    h &= 0x3fffffff;
    const bucket = this.table.get(h);
    if (bucket) {
      if (Array.isArray(bucket)) {
        for (const n of bucket) if (Builder.same(n, op, payload, args, atom, shape)) return n;
      } else if (Builder.same(bucket, op, payload, args, atom, shape)) return bucket;
    }
    const node = new IrNode(this.next++, op, shape, args, payload);
    if (extra) {
      if (extra.num !== undefined) node.num = extra.num;
      if (extra.name !== undefined) node.name = extra.name;
      if (extra.step !== undefined) node.step = extra.step;
      if (extra.abs !== undefined) node.abs = extra.abs;
      if (extra.fn !== undefined) node.fn = extra.fn;
      if (extra.i !== undefined) node.i = extra.i;
      if (extra.j !== undefined) node.j = extra.j;
      if (extra.label !== undefined) node.label = extra.label;
      if (extra.def !== undefined) node.setDef(extra.def);
    }
    if (!bucket) this.table.set(h, node);
    else if (Array.isArray(bucket)) bucket.push(node);
    else this.table.set(h, [bucket, node]);
    this.size++;
    return node;
  }

  // ---- atoms -------------------------------------------------------------------------------

  num(v: number): Node {
    const key = Object.is(v, -0) ? 0 : v;
    return this.make('num', [], [], { num: key }, String(key));
  }
  zero(shape: Shape): Node {
    return isScalar(shape) && shape.length === 0 ? this.num(0) : this.make('zero', shape, []);
  }
  eye(n: number): Node {
    return n === 1 ? this.num(1) : this.make('eye', [n, n], [], undefined, String(n));
  }
  ones(shape: Shape): Node {
    return shape.length === 0 ? this.num(1) : this.make('ones', shape, []);
  }
  leaf(name: string, step: number | null, shape: Shape, abs = false): Node {
    // leaves are asked for constantly (every reference in every equation): a map by name and step
    // instead of building and hashing their payload string each time
    let byStep = (abs ? this.absLeaves : this.leaves).get(name);
    if (!byStep) (abs ? this.absLeaves : this.leaves).set(name, (byStep = new Map()));
    const hit = byStep.get(step);
    if (hit && sameShape(hit.shape, shape)) {
      charge(1);
      return hit;
    }
    const n = this.make('leaf', shape, [], { name, step, abs }, `${name}@${step}${abs ? '!' : ''}`);
    byStep.set(step, n);
    return n;
  }
  private leaves = new Map<string, Map<number | null, Node>>();
  private absLeaves = new Map<string, Map<number | null, Node>>();
  vec(items: Node[]): Node {
    if (items.every(isZero)) return this.zero([items.length]);
    return this.make('vec', [items.length], items);
  }
  mat(rows: Node[][]): Node {
    const flat = rows.flat();
    const shape = [rows.length, rows[0]?.length ?? 0];
    if (flat.every(isZero)) return this.zero(shape);
    return this.make('mat', shape, flat);
  }
  /** A named node whose definition is built only when something needs it (an edge partial that is only printed). */
  lazySym(label: Label, shape: Shape, def: () => Node): Node {
    const key = `${labelKey(label)}|${shape.join('x')}`;
    const hit = this.lazy.get(key);
    if (hit) return hit;
    const node = new IrNode(this.next++, 'sym', shape, [], key);
    node.label = label;
    node.setDef(def);
    this.lazy.set(key, node);
    this.size++;
    return node;
  }

  sym(label: Label, def: Node): Node {
    return this.make('sym', def.shape, [], { label, def }, `${labelKey(label)}=${def.id}`);
  }

  // ---- sums and products -------------------------------------------------------------------

  add(...terms: Node[]): Node {
    const flat: Node[] = [];
    for (const t of terms) {
      if (t.op === 'add') for (const a of t.args) flat.push(a);
      else if (!isZero(t)) flat.push(t);
    }
    let shape: Shape = [];
    for (const t of flat)
      if (!isScalar(t.shape)) {
        shape = t.shape;
        break;
      }
    if (shape.length === 0)
      for (const t of terms)
        if (t.shape.length > 0) {
          shape = t.shape;
          break;
        }
    // the common case, a few terms of which none are alike: nothing to group, no maps built
    if (flat.length <= 8 && nothingToMerge(flat)) {
      if (flat.length === 0) return this.zero(shape);
      if (flat.length === 1 && sameShape(flat[0].shape, shape)) return flat[0];
      return this.sumOf(shape, flat);
    }
    // group like terms by their non-numeric part (keyed without building it), in order of first appearance
    type G = { coef: number; term: Node; rest: readonly Node[]; merged: boolean };
    // a term's key is its one non-numeric factor's id (the common case, no string built) or the ids of
    // its factors joined
    const single = new Map<number, G>();
    const groups = new Map<string, G>();
    const order: (G | 'c')[] = [];
    let constant = 0;
    let sawConstant = false;
    for (const t of flat) {
      if (t.op === 'num') {
        constant += t.num!;
        if (!sawConstant) order.push('c');
        sawConstant = true;
        continue;
      }
      let coef = 1;
      let rest: readonly Node[] = [t];
      if (t.op === 'mul') rest = t.args[0].op === 'num' ? ((coef = t.args[0].num!), t.args.slice(1)) : t.args;
      let key = '';
      if (rest.length > 1) for (const r of rest) key += ',' + r.id;
      const g = rest.length === 1 ? single.get(rest[0].id) : groups.get(key);
      if (g) {
        g.coef += coef;
        g.merged = true;
      } else {
        const ng: G = { coef, term: t, rest, merged: false };
        if (rest.length === 1) single.set(rest[0].id, ng);
        else groups.set(key, ng);
        order.push(ng);
      }
    }
    const out: Node[] = [];
    for (const g of order) {
      if (g === 'c') {
        if (constant !== 0) out.push(this.num(constant));
        continue;
      }
      if (g.coef === 0) continue;
      if (!g.merged) out.push(g.term);
      else out.push(g.coef === 1 ? (g.rest.length === 1 ? g.rest[0] : this.mul(...g.rest)) : this.mul(this.num(g.coef), ...g.rest));
    }
    if (out.length === 0) return this.zero(shape);
    if (out.length === 1 && sameShape(out[0].shape, shape)) return out[0];
    return this.sumOf(shape, out);
  }

  /** a sum of unlike terms; diag(u) − diag(v) = diag(u − v): a GRU's ∂h_t/∂z_t is diag(h_{t-1} − h̃_t) */
  private sumOf(shape: Shape, terms: Node[]): Node {
    const shared = terms.length > 1 ? sharedFirstFactor(this, terms) : null;
    if (shared) return this.had(shared[0], this.add(...shared[1]));
    const diags = terms.length > 1 ? diagonalsOf(this, terms) : null;
    if (!diags) return this.make('add', shape, terms);
    // a coefficient common to every term stays outside (2 diag(h) − 2 diag(y) is 2 diag(h − y))
    const k = Math.abs(diags[0][0]);
    const common = k !== 1 && diags.every(([ki]) => Math.abs(ki) === k) ? k : 1;
    const d = this.diag(this.add(...diags.map(([ki, v]) => (ki / common === 1 ? v : this.mul(this.num(ki / common), v)))));
    return common === 1 ? d : this.mul(this.num(common), d);
  }

  sub(a: Node, b: Node): Node {
    return this.add(a, this.neg(b));
  }
  neg(a: Node): Node {
    return this.mul(this.num(-1), a);
  }

  /** Scalar product, or a scalar times a tensor (at most one factor is not a scalar). */
  mul(...factors: Node[]): Node {
    // one pass, no intermediate arrays beyond the flattened factors (the hottest constructor)
    const flat: Node[] = [];
    let coef = 1;
    let tensors = 0;
    let firstTensor: Node | null = null;
    let zero = false;
    for (const f of factors) {
      const n = f.op === 'mul' ? f.args.length : 1;
      for (let i = 0; i < n; i++) {
        const p = f.op === 'mul' ? f.args[i] : f;
        if (p.op === 'num') coef *= p.num!;
        else if (p.op === 'ones' && isScalar(p.shape)) continue;
        else {
          flat.push(p);
          if (isZero(p)) zero = true;
          if (!isScalar(p.shape)) {
            tensors++;
            firstTensor ??= p;
          }
        }
      }
    }
    let shape: Shape = firstTensor?.shape ?? [];
    if (!firstTensor)
      for (const f of factors)
        if (f.shape.length > 0) {
          shape = f.shape;
          break;
        }
    if (coef === 0 || zero) return this.zero(shape);
    if (tensors > 1) {
      // two tensors in one product: elementwise (same shapes), with the scalars kept in front
      const scal = flat.filter((p) => isScalar(p.shape));
      const ts = flat.filter((p) => !isScalar(p.shape));
      return this.mul(
        this.num(coef),
        ...scal,
        ts.slice(1).reduce((acc, p) => this.had(acc, p), ts[0]),
      );
    }
    if (flat.length === 0) return coef === 1 && shape.length ? this.ones(shape) : this.num(coef);
    if (coef !== 1) flat.unshift(this.num(coef));
    if (flat.length === 1) return flat[0];
    return this.make('mul', shape, flat);
  }

  /** Elementwise product of two same-shape tensors (a scalar side becomes a scaling). */
  had(a: Node, b: Node): Node {
    if (isScalar(a.shape) || isScalar(b.shape)) return this.mul(a, b);
    if (isZero(a) || isZero(b)) return this.zero(a.shape);
    if (a.op === 'ones') return b;
    if (b.op === 'ones') return a;
    // pull scalar coefficients out: (c·X) ⊙ Y = c·(X ⊙ Y)
    const [ca, ra] = splitCoef(this, a);
    const [cb, rb] = splitCoef(this, b);
    if (ca !== 1 || cb !== 1) return this.mul(this.num(ca * cb), this.had(ra, rb));
    const args = [...(ra.op === 'had' ? ra.args : [ra]), ...(rb.op === 'had' ? rb.args : [rb])];
    return this.make('had', a.shape, args);
  }

  matmul(a: Node, b: Node): Node {
    if (isScalar(a.shape) && a.shape.length <= 1) return this.mul(a, b);
    if (isScalar(b.shape) && b.shape.length <= 1) return this.mul(a, b);
    const [ra, ca] = asMat(a.shape);
    const [rb, cb] = asMat(b.shape);
    if (ca !== rb) throw new Unsupported(`inner sizes differ: ${a.shape} @ ${b.shape}`);
    const shape = fromMat(ra, cb);
    if (isZero(a) || isZero(b)) return this.zero(shape);
    if (a.op === 'eye') return b;
    if (b.op === 'eye') return a;
    // diag(u) diag(v) = diag(u ⊙ v)
    if (a.op === 'diag' && b.op === 'diag') return this.diag(this.had(a.args[0], b.args[0]));
    // 𝟏ᵀ diag(v) = vᵀ and uᵀ diag(v) = (u ⊙ v)ᵀ: a gradient row as sheets write it ((h₃ − y₃) ⊙ o₃ ⊙ tanh′(c₃))
    if (b.op === 'diag' && b.args[0].shape.length === 1) {
      if (a.op === 'ones' && a.shape.length === 2 && a.shape[0] === 1) return this.T(b.args[0]);
      if (a.op === 'T' && a.args[0].shape.length === 1) return this.T(this.had(a.args[0], b.args[0]));
      // uᵀ M diag(v) = (Mᵀu ⊙ v)ᵀ: the row a boundary step's gradient is (((ŷ₃ − y₃)ᵀ V) diag(o₃ ⊙ tanh′(c₃))
      // is (Vᵀ(ŷ₃ − y₃) ⊙ o₃ ⊙ tanh′(c₃))ᵀ, as the general step's δ-recursion writes it)
      const col = columnOfRow(this, a);
      if (col) return this.T(this.had(col, b.args[0]));
    }
    // the same row built right to left: uᵀ (M diag(v)), uᵀ ((M diag(v)) X), uᵀ (diag(v) X), uᵀ (M (diag(v) X)) —
    // only where M and X are not products themselves, so the reassociation is a fixed few steps, never a walk
    // down a chain (a chain's shared suffixes would be rebuilt for every term: quadratic in T)
    if (a.op === 'T' && a.args[0].shape.length === 1 && b.op === 'matmul') {
      const [m, d] = b.args;
      const isDiag = (n: Node): boolean => n.op === 'diag' && n.args[0].shape.length === 1;
      const plain = (n: Node): boolean => n.op !== 'matmul' && n.shape.length === 2;
      if (m.op === 'matmul' && isDiag(m.args[1]) && plain(m.args[0]) && d.op !== 'matmul') return this.matmul(this.matmul(a, m), d);
      if (isDiag(d) && plain(m)) return this.matmul(this.matmul(a, m), d);
      // uᵀ (diag(v) X) = (u ⊙ v)ᵀ X: an MLP's last layer, ((p₃ − d₃) ⊙ σ′(p̃₃)) p₂ᵀ
      if (isDiag(m) && d.op !== 'matmul') return this.matmul(this.matmul(a, m), d);
    }
    if (a.op === 'diag' && b.op === 'matmul' && b.args[0].op === 'diag') return this.matmul(this.matmul(a, b.args[0]), b.args[1]);
    const [ka, xa] = splitCoef(this, a);
    const [kb, xb] = splitCoef(this, b);
    // −𝟏ᵀ diag(y/ŷ) (diag(ŷ) − ŷ ŷᵀ) … = (ŷ − y)ᵀ … for a target summing to 1 (softmaxCE.ts)
    if (
      (xa.op === 'matmul' && xa.args[1].op === 'diag' && (xa.args[0].op === 'ones' || xa.args[0].op === 'T')) ||
      (xa.op === 'mul' && xa.shape.length === 2) ||
      (xa.op === 'T' && xa.args[0].shape.length === 1)
    ) {
      const { first, rest } = leftmost(xb);
      const s = softmaxJacobianOf(first);
      const row = s ? ceRowTimesSoftmax(this, ka * kb, xa, s) : null;
      if (row) return rest.reduce((acc, f) => this.matmul(acc, f), row);
    }
    if (ka !== 1 || kb !== 1) return this.mul(this.num(ka * kb), this.matmul(xa, xb));
    // a gradient row times ∂(W h)/∂W = I ⊗ hᵀ: the outer product v hᵀ, W's gradient as sheets write it
    // (Goodfellow eq. 10.24, Σ_t (∇_{o_t} L) h_tᵀ); its entries are the row's, in the same (row-major) order
    if (
      a.op === 'T' &&
      a.args[0].shape.length === 1 &&
      b.op === 'kron' &&
      b.args[0].op === 'eye' &&
      b.args[1].op === 'T' &&
      b.args[1].args[0].shape.length === 1
    )
      return this.matmul(a.args[0], b.args[1]);
    return this.make('matmul', shape, [a, b]);
  }

  T(a: Node): Node {
    if (a.shape.length === 0) return a;
    if (a.op === 'T') return a.args[0];
    if (a.op === 'eye' || a.op === 'diag') return a;
    const [r, c] = asMat(a.shape);
    const shape = c === 1 ? [1, r] : fromMat(c, r);
    if (isZero(a)) return this.zero(shape);
    if (a.op === 'ones') return this.ones(shape);
    const [k, x] = splitCoef(this, a);
    if (k !== 1) return this.mul(this.num(k), this.T(x));
    return this.make('T', shape, [a]);
  }

  pow(a: Node, b: Node): Node {
    if (b.op === 'num') {
      if (b.num === 1) return a;
      if (b.num === 0) return this.ones(a.shape);
      if (a.op === 'num') return this.num(a.num! ** b.num!);
    }
    if (isZero(a) && b.op === 'num' && b.num! > 0) return this.zero(a.shape);
    return this.make('pow', a.shape, [a, b]);
  }

  div(a: Node, b: Node): Node {
    if (b.op === 'num' && b.num === 1) return a;
    if (isZero(a)) return this.zero(a.shape.length ? a.shape : b.shape);
    if (a.op === 'num' && b.op === 'num') return this.num(a.num! / b.num!);
    const [k, x] = splitCoef(this, a);
    if (k !== 1) return this.mul(this.num(k), this.div(x, b));
    return this.make('div', a.shape.length ? a.shape : b.shape, [a, b]);
  }

  call(fn: CallFn, a: Node): Node {
    if (isZero(a)) {
      // values at 0 that are exact and worth folding
      const at0: Partial<Record<CallFn, number>> = {
        sigma: 0.5,
        tanh: 0,
        relu: 0,
        exp: 1,
        dsigma: 0.25,
        dtanh: 1,
        abs: 0,
        sign: 0,
        sqrt: 0,
      };
      const v = at0[fn];
      if (v !== undefined) return v === 0 ? this.zero(a.shape) : v === 1 ? this.ones(a.shape) : this.mul(this.num(v), this.ones(a.shape));
    }
    return this.make('call', a.shape, [a], { fn }, fn);
  }

  softmax(a: Node): Node {
    return this.make('softmax', a.shape, [a]);
  }
  sumall(a: Node): Node {
    if (a.shape.length === 0) return a;
    if (isZero(a)) return this.num(0);
    return this.make('sumall', [], [a]);
  }
  mean(a: Node): Node {
    if (a.shape.length === 0) return a;
    if (isZero(a)) return this.num(0);
    return this.make('mean', [], [a]);
  }
  /** A vector (or any tensor, flattened) as a diagonal matrix; a scalar stays a scalar. */
  diag(v: Node): Node {
    if (isScalar(v.shape)) return v;
    const n = size(v.shape);
    if (isZero(v)) return this.zero([n, n]);
    if (v.op === 'ones') return this.eye(n);
    const [k, x] = splitCoef(this, v);
    if (k !== 1) return this.mul(this.num(k), this.diag(x));
    return this.make('diag', [n, n], [v]);
  }
  index(a: Node, i: number, j: number | null): Node {
    if (a.op === 'vec' && j === null) return a.args[i - 1];
    if (a.op === 'mat' && j !== null) return a.args[(i - 1) * a.shape[1] + (j - 1)];
    if (isZero(a)) return this.num(0);
    return this.make('index', [], [a], { i, j }, `${i},${j}`);
  }
  /**
   * The entry of a vector at an index known only from the run (ŷ_t at the class y_t in −log ŷ_{t,y_t}, Goodfellow
   * eq. 10.18): 1-based, like `index`; a constant index is `index`
   */
  pick(v: Node, k: Node): Node {
    if (k.op === 'num' && Number.isInteger(k.num)) return this.index(v, k.num!, null);
    return this.make('pick', [], [v, k]);
  }
  /** e_k: the one-hot column of n entries with 1 at the run's index k (the derivative of pick) */
  basis(k: Node, n: number): Node {
    return this.make('basis', [n], [k]);
  }
  kron(a: Node, b: Node): Node {
    if (a.op === 'num' && a.num === 1) return b;
    if (b.op === 'num' && b.num === 1) return a;
    const [ra, ca] = asMat(a.shape);
    const [rb, cb] = asMat(b.shape);
    const shape = fromMat(ra * rb, ca * cb);
    if (isZero(a) || isZero(b)) return this.zero(shape);
    return this.make('kron', shape, [a, b]);
  }
  /** A tensor's entries as one column (row-major): vec(X). Vectors and scalars are their own. */
  vecop(a: Node): Node {
    if (a.shape.length <= 1) return a;
    const [r, c] = asMat(a.shape);
    if (r === 1) return this.make('vecop', [c], [a]);
    if (isZero(a)) return this.zero([r * c]);
    return this.make('vecop', [r * c], [a]);
  }
}

/** The non-numeric factors of a term as a range of its arguments (a product's leading coefficient skipped). */
function restStart(t: Node): number {
  return t.op === 'mul' && t.args[0].op === 'num' ? 1 : 0;
}
function sameRest(a: Node, b: Node): boolean {
  const am = a.op === 'mul';
  const bm = b.op === 'mul';
  if (!am && !bm) return a === b;
  const as = am ? restStart(a) : 0;
  const bs = bm ? restStart(b) : 0;
  const al = am ? a.args.length - as : 1;
  const bl = bm ? b.args.length - bs : 1;
  if (al !== bl) return false;
  for (let i = 0; i < al; i++) if ((am ? a.args[as + i] : a) !== (bm ? b.args[bs + i] : b)) return false;
  return true;
}
/** At most one nonzero constant and no two terms with the same non-numeric part. */
function nothingToMerge(flat: readonly Node[]): boolean {
  let nums = 0;
  for (let i = 0; i < flat.length; i++) {
    const t = flat[i];
    if (t.op === 'num') {
      if (++nums > 1 || t.num === 0) return false;
      continue;
    }
    for (let k = 0; k < i; k++) if (flat[k].op !== 'num' && sameRest(flat[k], t)) return false;
  }
  return true;
}

export function isZero(n: Node): boolean {
  return n.op === 'zero' || (n.op === 'num' && n.num === 0);
}

/**
 * The column c of a row written uᵀ M (a vector u transposed, times one matrix): cᵀ = uᵀ M, c = Mᵀ u, with Mᵀ
 * pushed one level into a product M = A B (Bᵀ Aᵀ u, and diag(v)ᵀ u = u ⊙ v) so that (diag(σ′(p̃₃)) W₃)ᵀ (p₃ − d₃)
 * reads W₃ᵀ ((p₃ − d₃) ⊙ σ′(p̃₃)). Only these levels, so a construction never walks a chain.
 */
function columnOfRow(b: Builder, row: Node): Node | null {
  if (row.op !== 'matmul' || row.shape.length !== 2 || row.shape[0] !== 1) return null;
  const [u, m] = row.args;
  if (u.op !== 'T' || u.args[0].shape.length !== 1 || m.shape.length !== 2) return null;
  return pulledBack(b, u.args[0], m, true);
}

/** Mᵀ u for a column u; into one product level when `deep` */
function pulledBack(b: Builder, u: Node, m: Node, deep: boolean): Node {
  if (m.op === 'diag' && m.args[0].shape.length === 1) return b.had(u, m.args[0]);
  if (deep && m.op === 'matmul' && m.args[0].shape.length === 2 && m.args[1].shape.length === 2)
    return pulledBack(b, pulledBack(b, u, m.args[0], false), m.args[1], false);
  return b.matmul(b.T(m), u);
}

/**
 * δ ⊙ h − δ ⊙ h̃ = δ ⊙ (h − h̃): when every term is kᵢ·(f ⊙ rᵢ) with one first factor f, [f, [k₁r₁, k₂r₂, …]]
 * (a GRU's δ-recursion, as sheets factor it); else null. One pass over the terms, no walk.
 */
function sharedFirstFactor(b: Builder, terms: readonly Node[]): [Node, Node[]] | null {
  let f: Node | null = null;
  const rest: Node[] = [];
  for (const t of terms) {
    const [k, x] = splitCoef(b, t);
    if (x.op !== 'had' || x.args.length < 2 || (f !== null && x.args[0] !== f)) return null;
    f = x.args[0];
    const r = x.args.slice(2).reduce((acc, n) => b.had(acc, n), x.args[1]);
    rest.push(k === 1 ? r : b.mul(b.num(k), r));
  }
  return f ? [f, rest] : null;
}

/** [[k₁, v₁], [k₂, v₂], …] when every term is a diagonal kᵢ·diag(vᵢ) of a vector, else null (one pass, no walk) */
function diagonalsOf(b: Builder, terms: readonly Node[]): [number, Node][] | null {
  const out: [number, Node][] = [];
  for (const t of terms) {
    const [k, x] = splitCoef(b, t);
    if (x.op !== 'diag' || x.args[0].shape.length !== 1) return null;
    out.push([k, x.args[0]]);
  }
  return out;
}

/** c·rest for a product with a leading numeric coefficient, else 1·node. */
function splitCoef(b: Builder, t: Node): [number, Node] {
  if (t.op === 'mul' && t.args[0].op === 'num') {
    const rest = t.args.slice(1);
    return [t.args[0].num!, rest.length === 1 ? rest[0] : b.mul(...rest)];
  }
  return [1, t];
}

/** Does n mention the leaf `name@step` (looking through named subexpressions)? Memoized per query. */
export function makeDependsOn(name: string, step: number | null): (n: Node) => boolean {
  const memo = new Map<number, boolean>();
  const go = (n: Node): boolean => {
    const m = memo.get(n.id);
    if (m !== undefined) return m;
    let r: boolean;
    if (n.op === 'leaf') r = n.name === name && n.step === step;
    else if (n.op === 'sym') r = go(n.def!);
    else r = n.args.some(go);
    memo.set(n.id, r);
    return r;
  };
  return go;
}

/** The leaves n mentions, in order of first appearance (looking through named subexpressions). */
export function leavesOf(n: Node): Node[] {
  const seen = new Set<number>();
  const out: Node[] = [];
  const stack: Node[] = [n];
  // iterative pre-order, children pushed in reverse so the first argument is visited first
  while (stack.length) {
    const x = stack.pop()!;
    if (seen.has(x.id)) continue;
    seen.add(x.id);
    if (x.op === 'leaf') out.push(x);
    const kids = x.op === 'sym' ? [x.def!] : x.args;
    for (let k = kids.length - 1; k >= 0; k--) stack.push(kids[k]);
  }
  return out;
}

/** Rebuild a node with new arguments through the Builder (so the simplifier runs again). */
export function rebuild(b: Builder, n: Node, args: Node[]): Node {
  switch (n.op) {
    case 'num':
    case 'zero':
    case 'eye':
    case 'ones':
    case 'leaf':
      return n;
    case 'vec':
      return b.vec(args);
    case 'mat': {
      const c = n.shape[1];
      const rows: Node[][] = [];
      for (let i = 0; i < args.length; i += c) rows.push(args.slice(i, i + c));
      return b.mat(rows);
    }
    case 'add':
      return b.add(...args);
    case 'mul':
      return b.mul(...args);
    case 'had':
      return args.slice(1).reduce((acc, a) => b.had(acc, a), args[0]);
    case 'matmul':
      return b.matmul(args[0], args[1]);
    case 'T':
      return b.T(args[0]);
    case 'pow':
      return b.pow(args[0], args[1]);
    case 'div':
      return b.div(args[0], args[1]);
    case 'call':
      return b.call(n.fn!, args[0]);
    case 'softmax':
      return b.softmax(args[0]);
    case 'sumall':
      return b.sumall(args[0]);
    case 'mean':
      return b.mean(args[0]);
    case 'diag':
      return b.diag(args[0]);
    case 'index':
      return b.index(args[0], n.i!, n.j ?? null);
    case 'pick':
      return b.pick(args[0], args[1]);
    case 'basis':
      return b.basis(args[0], n.shape[0]);
    case 'kron':
      return b.kron(args[0], args[1]);
    case 'vecop':
      return b.vecop(args[0]);
    case 'sym':
      return n;
  }
}

/** Replace named subexpressions chosen by `f` (returning a replacement, or null to keep), rebuilding above them. */
export function substitute(b: Builder, root: Node, f: (sym: Node) => Node | null): Node {
  const memo = new Map<number, Node>();
  const go = (n: Node): Node => {
    const m = memo.get(n.id);
    if (m) return m;
    let r: Node;
    if (n.op === 'sym') {
      const rep = f(n);
      r = rep ? go(rep) : n;
    } else if (n.args.length === 0) r = n;
    else {
      const args = n.args.map(go);
      r = args.every((a, i) => a === n.args[i]) ? n : rebuild(b, n, args);
    }
    memo.set(n.id, r);
    return r;
  };
  return go(root);
}
