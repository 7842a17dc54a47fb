// The derivative rule table, in two directions over the same IR:
//  - jacobian(e, x): the immediate Jacobian ∂⁺e/∂x as a matrix expression (rows: e's entries,
//    columns: x's, both row-major) — diag(σ′(h̃_t)) W_hh, σ′(…) W_hh for scalars;
//  - pullback(e, x, ā): the vector-Jacobian product āᵀ ∂⁺e/∂x in x's own shape —
//    W_hhᵀ (δ ⊙ σ′(h̃_t)), (δ_t ⊙ σ′(h̃_t)) h_{t-1}ᵀ — the readable form of gradients.
// σ′, tanh′ and relu′ stay as functions of their argument (σ′(z) = σ(z)(1−σ(z)) is never expanded).
// null means "structurally zero" (e does not mention x).

import { ceSoftmaxPullback } from './softmaxCE';
import { Builder, isScalar, leavesOf, size, Unsupported, type CallFn, type Node } from './ir';

/** f′(z) for an elementwise function, given z and the node f(z) itself. */
function derivFn(b: Builder, fn: CallFn, z: Node, fz: Node): Node | null {
  switch (fn) {
    case 'sigma':
      return b.call('dsigma', z);
    case 'tanh':
      return b.call('dtanh', z);
    case 'relu':
      return b.call('drelu', z);
    case 'exp':
      return fz;
    case 'log':
      return b.div(b.ones(z.shape), z);
    case 'sqrt':
      return b.div(b.ones(z.shape), b.mul(b.num(2), fz));
    case 'abs':
      return b.call('sign', z);
    // σ″ = σ′(1 − 2σ), tanh″ = −2 tanh tanh′; relu′ and sign are piecewise constant
    case 'dsigma':
      return b.had(fz, b.sub(b.ones(z.shape), b.mul(b.num(2), b.call('sigma', z))));
    case 'dtanh':
      return b.mul(b.num(-2), b.had(b.call('tanh', z), fz));
    case 'drelu':
    case 'sign':
      return null;
  }
}

export class Rules {
  /** the equation being differentiated and the leaf that names its value (q_t for softmax(p_t)) */
  private self: { eq: Node; leaf: Node } | null = null;
  constructor(readonly b: Builder) {}

  // ---- which leaves a node mentions. Equations are small, so a walk answers; wide sums (a loss
  // Σ_t L_t with T terms) are indexed once, so they are not rescanned for each of their T partials.
  private wide = new Map<number, Map<string, number[]>>();

  // answers per leaf and node: the rules ask of every subexpression on their way down, which walked
  // the same subtrees again at each level. Keyed by the leaf's name, then its step.
  private mentionMemo = new Map<string, Map<number | null, Map<number, boolean>>>();

  private memoFor(name: string, step: number | null): Map<number, boolean> {
    let bySteps = this.mentionMemo.get(name);
    if (!bySteps) this.mentionMemo.set(name, (bySteps = new Map()));
    let memo = bySteps.get(step);
    if (!memo) bySteps.set(step, (memo = new Map()));
    return memo;
  }

  mentions(n: Node, name: string, step: number | null): boolean {
    if (n.op === 'leaf') return n.name === name && n.step === step;
    return this.mentionsIn(n, name, step, this.memoFor(name, step));
  }

  private mentionsIn(n: Node, name: string, step: number | null, memo: Map<number, boolean>): boolean {
    if (n.op === 'leaf') return n.name === name && n.step === step;
    if (n.args.length === 0 && n.op !== 'sym') return false;
    const hit = memo.get(n.id);
    if (hit !== undefined) return hit;
    let r = false;
    if (n.op === 'sym') r = this.mentionsIn(n.def!, name, step, memo);
    else if (n.args.length > 16) r = this.index(n).has(`${name}@${step}`);
    else
      for (const a of n.args)
        if (this.mentionsIn(a, name, step, memo)) {
          r = true;
          break;
        }
    memo.set(n.id, r);
    return r;
  }

  private index(n: Node): Map<string, number[]> {
    let idx = this.wide.get(n.id);
    if (!idx) {
      idx = new Map();
      n.args.forEach((a, i) => {
        for (const l of leavesOf(a)) {
          const k = `${l.name}@${l.step}`;
          const list = idx!.get(k);
          if (!list) idx!.set(k, [i]);
          else if (list[list.length - 1] !== i) list.push(i);
        }
      });
      this.wide.set(n.id, idx);
    }
    return idx;
  }

  /** The arguments of n that mention the leaf. */
  argsMentioning(n: Node, name: string, step: number | null): Node[] {
    if (n.args.length > 16) return (this.index(n).get(`${name}@${step}`) ?? []).map((i) => n.args[i]);
    return n.args.filter((a) => this.mentions(a, name, step));
  }

  /** Where a derivative reuses the function's own value (exp, softmax), write it as the quantity. */
  withSelf<T>(eq: Node, leaf: Node, f: () => T): T {
    const prev = this.self;
    this.self = { eq, leaf };
    try {
      return f();
    } finally {
      this.self = prev;
    }
  }
  private me(n: Node): Node {
    return this.self && this.self.eq === n ? this.self.leaf : n;
  }

  // ---- forward: the immediate Jacobian ------------------------------------------------------

  /** v (shaped like the Jacobian's rows) applied entrywise to each row of J: diag(v) J. */
  private rowScale(v: Node, J: Node): Node {
    const b = this.b;
    return isScalar(v.shape) ? b.mul(v, J) : b.matmul(b.diag(b.vecop(v)), J);
  }
  /** A tensor X times the Jacobian of a scalar: vec(X) J_s. */
  private outer(X: Node, Js: Node): Node {
    const b = this.b;
    return isScalar(X.shape) ? b.mul(X, Js) : b.matmul(b.vecop(X), Js);
  }

  jacobian(e: Node, x: Node): Node | null {
    const name = x.name!;
    const step = x.step ?? null;
    const dep = (n: Node): boolean => this.mentions(n, name, step);
    const memo = new Map<number, Node | null>();
    const go = (n: Node): Node | null => {
      if (!dep(n)) return null;
      const m = memo.get(n.id);
      if (m !== undefined) return m;
      const r = this.jac(n, x, go);
      memo.set(n.id, r);
      return r;
    };
    return go(e);
  }

  private jac(n: Node, x: Node, go: (n: Node) => Node | null): Node | null {
    const b = this.b;
    const name = x.name!;
    const step = x.step ?? null;
    const sum = (ts: (Node | null)[]): Node | null => {
      const kept = ts.filter((t): t is Node => t !== null);
      return kept.length ? b.add(...kept) : null;
    };
    switch (n.op) {
      case 'leaf':
        return b.eye(size(x.shape));
      case 'sym':
        return go(n.def!);
      case 'add':
        return sum(
          this.argsMentioning(n, name, step).map((t) => {
            const J = go(t);
            if (!J) return null;
            // a scalar term broadcast over a tensor sum: every row gets its Jacobian
            return isScalar(t.shape) && !isScalar(n.shape) ? b.matmul(b.ones([size(n.shape)]), J) : J;
          }),
        );
      case 'mul': {
        return sum(
          n.args.map((f, i) => {
            const J = go(f);
            if (!J) return null;
            const others = n.args.filter((_, k) => k !== i);
            const rest = others.length ? b.mul(...others) : b.num(1);
            if (isScalar(f.shape) && !isScalar(n.shape)) return this.outer(rest, J);
            return b.mul(rest, J);
          }),
        );
      }
      case 'had':
        return sum(
          n.args.map((f, i) => {
            const J = go(f);
            if (!J) return null;
            const others = n.args.filter((_, k) => k !== i);
            return this.rowScale(
              others.reduce((acc, o) => b.had(acc, o)),
              J,
            );
          }),
        );
      case 'matmul': {
        const [A, B] = n.args;
        const wTp = A.op === 'T' && A.shape.length === 2 && A.shape[0] > 1 && A.shape[1] > 1 && B.shape.length <= 1;
        const JA = wTp ? null : go(A);
        const JB = go(B);
        const rowsA = A.shape.length === 2 ? A.shape[0] : A.shape.length === 1 ? A.shape[0] : 1;
        const ts: (Node | null)[] = [];
        // vec(A B) = (I ⊗ Bᵀ) vec(A) = (A ⊗ I) vec(B), row-major
        if (wTp) {
          // z = Wᵀp (seed 003's layers as steps): ∂z_j/∂W_{ij} = p_i, so vec(Wᵀp) = (pᵀ ⊗ I) vec(W) — the
          // transpose's own Jacobian (a commutation matrix) is never written
          const JW = go(A.args[0]);
          if (JW) ts.push(b.matmul(b.kron(b.T(B), b.eye(rowsA)), JW));
        } else if (JA) ts.push(b.matmul(b.kron(b.eye(rowsA), b.T(B)), JA));
        if (JB) {
          const colsB = B.shape.length === 2 ? B.shape[1] : 1;
          ts.push(b.matmul(b.kron(A, b.eye(colsB)), JB));
        }
        return sum(ts);
      }
      case 'T': {
        const a = n.args[0];
        if (a.shape.length <= 1 || a.shape[0] === 1 || a.shape[1] === 1) return go(a);
        throw new Unsupported('the Jacobian of a matrix transpose');
      }
      case 'pow': {
        const [a, e] = n.args;
        const ts: (Node | null)[] = [];
        const Ja = go(a);
        if (Ja) ts.push(this.rowScale(b.mul(e, b.pow(a, b.sub(e, b.num(1)))), Ja));
        const Je = go(e);
        if (Je) ts.push(this.outer(b.had(n, b.call('log', a)), Je));
        return sum(ts);
      }
      case 'div': {
        const [a, d] = n.args;
        const ts: (Node | null)[] = [];
        const Ja = go(a);
        if (Ja) ts.push(isScalar(d.shape) ? b.div(Ja, d) : this.rowScale(b.div(b.ones(d.shape), d), Ja));
        const Jd = go(d);
        if (Jd) {
          const coef = b.neg(b.div(a, b.pow(d, b.num(2))));
          ts.push(isScalar(d.shape) && !isScalar(n.shape) ? this.outer(coef, Jd) : this.rowScale(coef, Jd));
        }
        return sum(ts);
      }
      case 'call': {
        const z = n.args[0];
        const Jz = go(z);
        const f = derivFn(b, n.fn!, z, this.me(n));
        return Jz && f ? this.rowScale(f, Jz) : null;
      }
      case 'softmax': {
        const Jz = go(n.args[0]);
        // of a row or a column (CS224n's ŷ = softmax(h U + b₂), h a 1×D row) the Jacobian of its entries, vec(s)
        const s = b.vecop(this.me(n));
        return Jz ? b.matmul(b.sub(b.diag(s), b.matmul(s, b.T(s))), Jz) : null;
      }
      case 'sumall':
      case 'mean': {
        const a = n.args[0];
        const Ja = go(a);
        if (!Ja) return null;
        const s = b.matmul(b.T(b.ones([size(a.shape)])), Ja);
        return n.op === 'mean' ? b.div(s, b.num(size(a.shape))) : s;
      }
      case 'vecop':
        return go(n.args[0]);
      case 'pick': {
        // ∂v_k/∂x = e_kᵀ ∂v/∂x; the index is piecewise constant
        const Jv = go(n.args[0]);
        return Jv ? b.matmul(b.T(b.basis(n.args[1], size(n.args[0].shape))), Jv) : null;
      }
      case 'basis':
        return null;
      default:
        throw new Unsupported(`the Jacobian through ${n.op}`);
    }
  }

  // ---- reverse: the pullback āᵀ ∂⁺e/∂x ---------------------------------------------------

  pullback(e: Node, x: Node, abar: Node): Node | null {
    const name = x.name!;
    const step = x.step ?? null;
    const go = (n: Node, a: Node): Node | null => (this.mentions(n, name, step) ? this.pull(n, a, go, name, step) : null);
    return go(e, abar);
  }

  private pull(n: Node, a: Node, go: (n: Node, a: Node) => Node | null, name: string, step: number | null): Node | null {
    const b = this.b;
    // build an argument's adjoint only when the argument mentions x
    const g = (x: Node, mk: () => Node): Node | null => (this.mentions(x, name, step) ? go(x, mk()) : null);
    const sum = (ts: (Node | null)[]): Node | null => {
      const kept = ts.filter((t): t is Node => t !== null);
      return kept.length ? factorCommon(b, kept) : null;
    };
    /** ⟨a, X⟩ for a scalar factor of a tensor expression: aᵀX for vectors, sum(a ⊙ X) otherwise. */
    const inner = (p: Node, X: Node): Node => {
      if (isScalar(X.shape)) return b.mul(p, X);
      if (X.shape.length === 1) return b.matmul(b.T(p), X);
      return b.sumall(b.had(p, X));
    };
    switch (n.op) {
      case 'leaf':
        return a;
      case 'sym':
        return go(n.def!, a);
      case 'add':
        return sum(this.argsMentioning(n, name, step).map((t) => g(t, () => (isScalar(t.shape) && !isScalar(n.shape) ? b.sumall(a) : a))));
      case 'mul':
        return sum(
          n.args.map((f, i) =>
            g(f, () => {
              const others = n.args.filter((_, k) => k !== i);
              const rest = others.length ? b.mul(...others) : b.num(1);
              return isScalar(f.shape) && !isScalar(n.shape) ? inner(a, rest) : b.mul(a, rest);
            }),
          ),
        );
      case 'had':
        return sum(n.args.map((f, i) => g(f, () => n.args.filter((_, k) => k !== i).reduce((acc, o) => b.had(acc, o), a))));
      case 'matmul': {
        const [A, B] = n.args;
        // z = Wᵀp: W̄ = p z̄ᵀ, written so rather than as the transpose of z̄ pᵀ (seed 003: ∂E/∂w_ij = p_i δ_j)
        if (A.op === 'T') return sum([g(A.args[0], () => b.matmul(B, b.T(a))), g(B, () => b.matmul(b.T(A), a))]);
        return sum([g(A, () => b.matmul(a, b.T(B))), g(B, () => b.matmul(b.T(A), a))]);
      }
      case 'T':
        return go(n.args[0], b.T(a));
      case 'pow': {
        const [x, e] = n.args;
        return sum([g(x, () => b.had(a, b.mul(e, b.pow(x, b.sub(e, b.num(1)))))), g(e, () => inner(a, b.had(n, b.call('log', x))))]);
      }
      case 'div': {
        const [x, d] = n.args;
        const coef = (): Node => b.neg(b.div(x, b.pow(d, b.num(2))));
        return sum([g(x, () => b.div(a, d)), g(d, () => (isScalar(d.shape) && !isScalar(n.shape) ? inner(a, coef()) : b.had(a, coef())))]);
      }
      case 'call': {
        const z = n.args[0];
        if (n.fn === 'log') return go(z, b.div(a, z));
        const f = derivFn(b, n.fn!, z, this.me(n));
        return f ? go(z, b.had(a, f)) : null;
      }
      case 'softmax': {
        // J = diag(s) − s sᵀ is symmetric: pullback s ⊙ (ā − sᵀā)
        const s = this.me(n);
        // of a row or a column (a 1×n matrix): s ⊙ (ā − Σ s ⊙ ā), the same pullback with the inner product written out
        if (s.shape.length === 2) return go(n.args[0], b.had(s, b.sub(a, b.mul(b.sumall(b.had(s, a)), b.ones(a.shape)))));
        // ā = −y/ŷ from a cross-entropy whose target sums to 1: ŷ − y (softmaxCE.ts)
        return go(n.args[0], ceSoftmaxPullback(b, a, s) ?? b.had(s, b.sub(a, b.matmul(b.T(s), a))));
      }
      case 'sumall':
      case 'mean': {
        const x = n.args[0];
        const spread = b.mul(a, b.ones(x.shape));
        return go(x, n.op === 'mean' ? b.div(spread, b.num(size(x.shape))) : spread);
      }
      case 'vec':
        return sum(n.args.map((it, k) => g(it, () => b.index(a, k + 1, null))));
      case 'mat': {
        const c = n.shape[1];
        return sum(n.args.map((it, k) => g(it, () => b.index(a, Math.floor(k / c) + 1, (k % c) + 1))));
      }
      case 'vecop':
        throw new Unsupported('the gradient through vec()');
      case 'pick':
        return g(n.args[0], () => b.mul(a, b.basis(n.args[1], size(n.args[0].shape))));
      case 'basis':
        return null;
      default:
        throw new Unsupported(`the gradient through ${n.op}`);
    }
  }
}

/** a·x + a·y → a·(x + y) for scalar products sharing leading factors (δ h − δ s → δ(h − s)). */
export function factorCommon(b: Builder, ts: Node[]): Node {
  if (ts.length < 2 || !ts.every((t) => isScalar(t.shape) && t.shape.length === 0)) return b.add(...ts);
  const parts = ts.map((t) => {
    const fs = t.op === 'mul' ? [...t.args] : [t];
    const coef = fs[0].op === 'num' ? fs.shift()!.num! : 1;
    return { coef, fs };
  });
  let k = 0;
  const minLen = Math.min(...parts.map((p) => p.fs.length));
  while (k < minLen - 1 && parts.every((p) => p.fs[k] === parts[0].fs[k])) k++;
  if (k === 0) return b.add(...ts);
  const prefix = parts[0].fs.slice(0, k);
  return b.mul(...prefix, b.add(...parts.map((p) => b.mul(b.num(p.coef), ...p.fs.slice(k)))));
}
