// One forward evaluation of the unrolled graph, and reverse-mode derivatives on its tape:
// ∂loss/∂everything from one sweep, total ∂A/∂B and immediate ∂⁺A/∂B between any two nodes.

import { Memo } from './memo';
import { earlierOnLeft, idxValue } from '../language/idx';
import type { Expr, Idx, Model, Shape } from '../language/model';
import { refText } from '../language/print';
import { entries, norm } from '../language/shapes';
import { buildPlan, type Plan } from './plan';
import { drawDecl } from './random';
import { SPARSE_RANGE, Tape, type Budget, type KeptSweep, type TNode } from './tape';
import { Tangents } from './tangents';
import { dims, scalarData, type Tensor } from './tensor';
import { asTensor, cannot, evaluateRead, evaluateValue, identity, powerBySquaring, stepAt, type Probe } from './values';
import { zerosF64 } from './slab';
import { withVar } from './env';

/** declaration name → per-step arrays (or one array for a shared parameter); `name@step` → a state's value */
export type ValueOverrides = Map<string, Float64Array[]>;

/**
 * A value the run cannot give (a step out of range, a name with no value). Expected and caught — the hints
 * probe shifted steps and draws that fail by design — so it carries no stack trace: capturing one was ~7% of
 * analyze() on a file with failing checks.
 */
export class RunError extends Error {
  constructor(message?: string) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
  }
}

const runError = (message: string): RunError => new RunError(message);

export interface Derivative {
  tensor: Tensor;
  /** whether any path from wrt reaches of (false: the value is 0 because of does not depend on wrt) */
  reached: boolean;
}

export interface Run {
  model: Model;
  tape: Tape;
  value(name: string, t: number | null): Tensor | undefined;
  node(name: string, t: number | null): TNode | undefined;
  /** every quantity node, with its name and step (t null for untimed quantities) */
  quantityNodes(): readonly { name: string; t: number | null; node: TNode }[];
  lossGrad(name: string, t: number | null): Tensor | null;
  evaluate(e: Expr, t: number | null): Tensor;
  derivative(of: Expr, wrt: { name: string; idx: Idx | null }, t: number | null, total: boolean): Tensor;
  /** oneStep (with total): the one-step derivative of LANGUAGE.md §5 when `of` is a per-step quantity */
  derivativeAt(of: Expr, wrt: { name: string; idx: Idx | null }, env: Env, total: boolean, oneStep?: boolean): Derivative;
  /** derivativeAt for a caller that only reads the result: it may be the run's memoized array */
  derivativeShared(of: Expr, wrt: { name: string; idx: Idx | null }, env: Env, total: boolean, oneStep?: boolean): Derivative;
  /** ∂⁺node/∂input for every input of a graph node's own equation: input tape id → rows (node entries) × input entries */
  immediate(node: TNode): Map<number, Float64Array>;
  evaluateAt(e: Expr, env: Env): Tensor;
  /** evaluateAt for a caller that only reads the value: it may be the run's own array (memo, graph node) */
  evaluateShared(e: Expr, env: Env): Tensor;
  /** evaluateShared with a one-entry scalar as its number (the judge compares every point's sides: no array made for one) */
  evaluateRead(e: Expr, env: Env): number | Tensor;
  /**
   * a hint's trial reading (values.ts Probe), which the caller only reads: with probe.ref null, memoized per
   * given map as evaluateShared memoizes (the unshifted side of every trial); else evaluated each time
   */
  evaluateProbe(e: Expr, env: Env, probe: Probe): Tensor;
  /** the same evaluation recorded on the tape, unmemoized: the reference the tapeless evaluateAt is tested against */
  evaluateOnTape(e: Expr, env: Env): Tensor;
  loss: TNode | null;
}

export type Env = Record<string, number>;

export interface ForwardOptions {
  plan?: Plan;
  scale?: Record<string, number>;
  /** shared by the runs of one analysis */
  budget?: Budget;
}

export function forward(model: Model, values?: ValueOverrides, options: ForwardOptions = {}): Run {
  return new UnrolledRun(model, values ?? new Map(), options.plan ?? planOf(model), options.scale, options.budget);
}

/**
 * The plan of a model, built once (a compiled model is not changed afterwards): a caller that runs one model
 * many times without passing its plan (the engine's gradients at T = 5,000, a value slider) built the
 * unrolled graph's order again each time — a third of what such a forward pass allocated.
 */
const plans = new Memo<Model, Plan>();
function planOf(model: Model): Plan {
  let p = plans.get(model);
  if (!p) plans.set(model, (p = buildPlan(model)));
  return p;
}

/**
 * the nodes the last forward pass of a plan made (every forward pass of one plan makes as many): its tape's
 * columns are made at that size at once, where growing them (copies, each twice the last) was 2% of a run at T = 200
 */
const tapeSizes = new Memo<Plan, number>();

const LONG_RANGE = 2000;
/** slots of cached long-range sweeps per run */
const MAX_CACHED = 4_000_000;
/** entries of memoized derivatives and evaluations per run (8 MB); past it, results are computed again */
const MAX_MEMO = 1_000_000;
/** tape positions of one kept short-range sweep (its entries times its range); sixteen times that in all */
const SHORT_SWEEP_SLOTS = 1 << 14;

class UnrolledRun implements Run {
  tape = new Tape();
  loss: TNode | null = null;
  private leaves = new Map<string, TNode[]>();
  /** graph nodes by name, indexed by step (one entry at index 0 for untimed quantities) */
  private qnodes = new Map<string, TNode[]>();
  private lossG: KeptSweep | null = null;
  // Issue 11: most runs of an analysis (the draws', the culprits') never use most of what follows, and
  // the maps a run made up front were a visible share of its construction and of what it kept alive while
  // the analysis ran: each is made when first written.
  private sweeps: Map<string, (Float64Array | undefined)[]> | null = null;
  private immediates: Map<number, Map<number, Float64Array>> | null = null;
  /** entries held by the immediates (the derivatives read from them stop being kept past MAX_MEMO) */
  private immediateEntries = 0;
  /** the lowest short-range total sweep from a node (fromSweepsMade), its gradients per entry of the node */
  private shortSweeps: Map<number, { lo: number; rows: KeptSweep[] }> | null = null;
  /** tape positions held by shortSweeps */
  private shortSwept = 0;
  private cached = 0;
  /** what a one-step derivative reads of the graph's layout (oneStepLayout), made on the first one */
  private layout: OneStepLayout | null = null;
  /** the quantity nodes in creation order, one per node of the plan (forward accumulation walks them) */
  private graphOrder: TNode[] = [];
  /** forward accumulation from one source B, used once long-range queries keep B and change A */
  private tangents: Tangents | null = null;
  private longRange = { b: -1, a: -1, distinctA: 0 };
  /**
   * Results already computed on this run (issue 11: the checks of one file ask for the same ∂L/∂y_3 at the
   * same draw again and again, and the hints re-evaluate a failing check's sides): derivatives between two
   * named nodes by their names and steps, evaluations by expression (identity) and bindings. Each entry keeps
   * the operations its computation charged, and a hit charges them again, so that the operation limits
   * fall exactly where they fell without the cache. A computation that touched a long-range derivative is
   * not kept: those decide between reverse sweeps and forward accumulation by the queries seen so far.
   */
  private derivMemo: Map<string, Map<string, Map<number, KeptDerivative>>> | null = null;
  /** by expression, then bindings (envKey): the run lives as long as its analysis, as do the expressions asked */
  private evalMemo: Map<Expr, KeptValue | Map<string | number, KeptValue>> | null = null;
  private longTouched = 0;
  /** entries held by the two memos: a T = 5,000 check of 64 × 64 Jacobians would otherwise keep 160 MB */
  private memoEntries = 0;

  constructor(
    public model: Model,
    values: ValueOverrides,
    private plan: Plan,
    scale?: Record<string, number>,
    budget?: Budget,
  ) {
    if (budget) this.tape.budget = budget;
    const size = tapeSizes.get(plan);
    if (size) this.tape.reserve(size);
    const T = model.T;
    for (const d of model.decls.values()) {
      let vals = values.get(d.name) ?? d.values ?? drawDecl(d, T, 0);
      const f = scale?.[d.name];
      if (f !== undefined && f !== 1) vals = vals.map((v) => v.map((x) => x * f));
      const nodes: TNode[] = new Array(vals.length);
      for (let i = 0; i < vals.length; i++) {
        const n = this.tape.push('leaf', d.shape, vals[i]!);
        n.barrier = true;
        nodes[i] = n;
      }
      this.leaves.set(d.name, nodes);
    }
    // a state is given (a draw's h_0) only where the overrides hold more than the declarations
    const states = values.size > 0;
    let name = '';
    let steps: TNode[] = [];
    // by index, into an array made at its length: issue 11, what a forward pass allocates besides its values
    // (an iterator result per plan node, the array grown step by step) made T = 5,000's collections more frequent
    const order = plan.order;
    this.graphOrder = new Array<TNode>(order.length);
    for (let i = 0; i < order.length; i++) {
      const pn = order[i]!;
      const start = this.tape.size;
      const given = states && pn.step !== null ? values.get(pn.key) : undefined;
      let root: TNode;
      if (given) {
        root = this.tape.push('leaf', pn.shape, given[0]!);
      } else {
        let r = this.ev(pn.expr, pn.env);
        if (pn.spread && r.len === 1) r = this.tape.fill(r, pn.shape);
        root = this.tape.alias('id', pn.shape, r);
      }
      root.barrier = true;
      root.start = start;
      this.graphOrder[i] = root;
      // the plan lists a quantity's steps together: its array is looked up when the name changes
      if (pn.name !== name) {
        name = pn.name;
        const s = this.qnodes.get(name);
        if (s) steps = s;
        else this.qnodes.set(name, (steps = []));
      }
      steps[pn.step ?? 0] = root;
    }
    if (model.loss) this.loss = this.qnodes.get(model.loss)?.[0] ?? null;
    tapeSizes.set(plan, this.tape.size);
  }

  /** nodeOf(name) per name asked (one lookup per call, where each call read two or three maps) */
  private lookups: Map<string, (t: number | null) => TNode | undefined> | null = null;

  node(name: string, t: number | null): TNode | undefined {
    const lookups = (this.lookups ??= new Map());
    let at = lookups.get(name);
    if (!at) lookups.set(name, (at = this.nodeOf(name)));
    return at(t);
  }
  /** the node of a derivative's side, or the error the question reports: `h_5 has no value` */
  private nodeAt(name: string, t: number | null): TNode {
    const n = this.node(name, t);
    if (!n) throw new RunError(`${refText(name, t === null ? null : { v: null, k: t })} has no value`);
    return n;
  }

  /** the quantity nodes, listed once (the graph is fixed once built; the hints ask per point) */
  private qlist: readonly { name: string; t: number | null; node: TNode }[] | null = null;

  quantityNodes(): readonly { name: string; t: number | null; node: TNode }[] {
    if (this.qlist) return this.qlist;
    const out: { name: string; t: number | null; node: TNode }[] = [];
    for (const [name, steps] of this.qnodes) {
      const timed = this.model.quantities.get(name)!.timed;
      steps.forEach((node, i) => {
        if (node) out.push({ name, t: timed ? i : null, node });
      });
    }
    this.qlist = out;
    return out;
  }

  value(name: string, t: number | null): Tensor | undefined {
    const n = this.node(name, t);
    return n ? { shape: n.shape, data: n.data } : undefined;
  }

  private lossGrads(): KeptSweep | null {
    if (!this.loss) return null;
    if (!this.lossG) this.lossG = this.tape.sweepKept(this.loss, scalarData(1), 0, true);
    return this.lossG;
  }

  lossGrad(name: string, t: number | null): Tensor | null {
    const g = this.lossGrads();
    const n = this.node(name, t);
    if (!g || !n) return null;
    // a view of the kept gradients (read only, as the kept array it was)
    return { shape: n.shape, data: g.view(n.id, n.len) ?? new Float64Array(n.len) };
  }

  evaluate(e: Expr, t: number | null): Tensor {
    return this.evaluateAt(e, t === null ? {} : { t });
  }

  evaluateAt(e: Expr, env: Env): Tensor {
    // the value may be a memoized one, a derivative's or a graph node's own array (values.ts reads them in
    // place): the caller gets its own copy, the one copy the memo used to make for itself
    const r = this.evaluateShared(e, env);
    return { shape: r.shape, data: r.data.slice() };
  }

  evaluateShared(e: Expr, env: Env): Tensor {
    return asTensor(this.evaluateRead(e, env));
  }

  evaluateRead(e: Expr, env: Env): number | Tensor {
    const key = envKey(env);
    // an expression's first binding is kept as its entry itself, a map made only for a second (most of a hint's
    // trial expressions are evaluated at one point only: a map each was a fifth of what the memo allocated)
    const kept = this.evalMemo?.get(e);
    const hit = kept === undefined ? undefined : kept instanceof KeptValue ? (kept.key === key ? kept : undefined) : kept.get(key);
    if (hit) {
      if (hit.ops) this.tape.budget.tick(hit.ops);
      return hit.t ?? hit.v;
    }
    const ops0 = this.tape.budget.ops;
    const long0 = this.longTouched;
    // a value needs no tape: evaluated without one, charged what the tape would have charged (values.ts)
    const v = evaluateRead(e, env, this, runError);
    // a tensor of its own (the evaluator's may be a graph node), as the memo keeps it
    const r = typeof v === 'number' ? v : { shape: v.shape, data: v.data };
    if (this.longTouched === long0 && (this.memoEntries += typeof r === 'number' ? 1 : r.data.length) <= MAX_MEMO) {
      const ops = this.tape.budget.ops - ops0;
      const entry = typeof r === 'number' ? new KeptValue(key, r, null, ops) : new KeptValue(key, 0, r, ops);
      const memo = (this.evalMemo ??= new Map());
      if (kept === undefined) memo.set(e, entry);
      else if (kept instanceof KeptValue)
        memo.set(
          e,
          new Map([
            [kept.key, kept],
            [key, entry],
          ]),
        );
      else kept.set(key, entry);
    }
    return r;
  }

  /** the unshifted readings of the probes, by their given map (one per point) */
  private probeMemo: WeakMap<Map<Expr, unknown>, WeakMap<Expr, { t: Tensor; ops: number }>> | null = null;

  evaluateProbe(e: Expr, env: Env, probe: Probe): Tensor {
    const ops0 = this.tape.budget.ops;
    const long0 = this.longTouched;
    if (probe.ref !== null) {
      const r = evaluateValue(e, env, this, runError, probe);
      // counted as the memo counted the shifted copies it kept when each trial was an expression of its
      // own, so that the memo fills (and the operations charged after it) where they did
      if (this.longTouched === long0) this.memoEntries += r.data.length;
      return r;
    }
    let byExpr = this.probeMemo?.get(probe.given);
    const hit = byExpr?.get(e);
    if (hit) {
      if (hit.ops) this.tape.budget.tick(hit.ops);
      return hit.t;
    }
    const r = evaluateValue(e, env, this, runError, probe);
    if (this.longTouched === long0 && (this.memoEntries += r.data.length) <= MAX_MEMO) {
      if (!byExpr) (this.probeMemo ??= new WeakMap()).set(probe.given, (byExpr = new WeakMap()));
      byExpr.set(e, { t: r, ops: this.tape.budget.ops - ops0 });
    }
    return r;
  }

  evaluateOnTape(e: Expr, env: Env): Tensor {
    const mark = this.tape.size;
    const r = this.ev(e, env);
    this.tape.truncate(mark);
    return { shape: r.shape, data: r.data };
  }

  get budget(): Budget {
    return this.tape.budget;
  }

  /** node(name, ·) with the name's lookups done once (values.ts reads a name at every step) */
  nodeOf(name: string): (t: number | null) => TNode | undefined {
    const leaves = this.leaves.get(name);
    if (leaves) {
      if (!this.model.decls.get(name)!.perStep) return () => leaves[0];
      return (t) => (t === null ? undefined : leaves[t - 1]);
    }
    const steps = this.qnodes.get(name);
    if (!steps) return () => undefined;
    const timed = this.model.quantities.get(name)!.timed;
    return (t) => ((timed ? t === null : t !== null) ? undefined : t === null ? steps[0] : t < 0 ? undefined : steps[t]);
  }

  derivative(of: Expr, wrt: { name: string; idx: Idx | null }, t: number | null, total: boolean): Tensor {
    return this.derivativeAt(of, wrt, t === null ? {} : { t }, total).tensor;
  }

  derivativeAt(of: Expr, wrt: { name: string; idx: Idx | null }, env: Env, total: boolean, oneStep = false): Derivative {
    return this.derivativeMemo(of, wrt, env, total, oneStep, true);
  }

  /**
   * derivativeAt for a reader that only reads the result (values.ts): the memo's own array, not a copy
   * (a Float64Array per repeated derivative was a tenth of a check's time)
   */
  derivativeShared(of: Expr, wrt: { name: string; idx: Idx | null }, env: Env, total: boolean, oneStep = false): Derivative {
    return this.derivativeMemo(of, wrt, env, total, oneStep, false);
  }

  /** derivativeShared as the tapeless evaluator reads it (values.ts ValueHost): a memoized one-entry derivative of shape [] as its number */
  derivativeRead(of: Expr, wrt: { name: string; idx: Idx | null }, env: Env, total: boolean, oneStep = false): number | Tensor {
    const key = of.k === 'ref' ? derivKey(of, wrt, env, total, oneStep) : null;
    if (key === null) return this.derivativeOnce(of, wrt, env, total, oneStep).tensor;
    // the memo looked up once, for the hit and for the miss (derivativeMemo would look it up again)
    const memo = this.memoOf((of as Expr & { k: 'ref' }).name, wrt.name);
    const hit = memo.get(key);
    if (hit && !hit.d && hit.shape.length === 0) {
      if (hit.ops) this.tape.budget.tick(hit.ops);
      return hit.v;
    }
    return this.memoized(memo, key, hit, of, wrt, env, total, oneStep, false).tensor;
  }

  /** the memo of ∂of/∂wrt by steps and kind (derivKey), made when first asked */
  private memoOf(of: string, wrt: string): Map<number, KeptDerivative> {
    // by names, then steps and kind as one number: a string key per request (built, flattened, hashed)
    // was most of what a repeated derivative cost
    const memos = (this.derivMemo ??= new Map());
    let byOf = memos.get(of);
    if (!byOf) memos.set(of, (byOf = new Map()));
    let memo = byOf.get(wrt);
    if (!memo) byOf.set(wrt, (memo = new Map()));
    return memo;
  }

  private derivativeMemo(
    of: Expr,
    wrt: { name: string; idx: Idx | null },
    env: Env,
    total: boolean,
    oneStep: boolean,
    own: boolean,
  ): Derivative {
    const key = of.k === 'ref' ? derivKey(of, wrt, env, total, oneStep) : null;
    if (key === null) return this.derivativeOnce(of, wrt, env, total, oneStep);
    const memo = this.memoOf((of as Expr & { k: 'ref' }).name, wrt.name);
    return this.memoized(memo, key, memo.get(key), of, wrt, env, total, oneStep, own);
  }

  /** the derivative from its memo entry `hit` (the caller looked it up), or computed and kept under `key` */
  private memoized(
    memo: Map<number, KeptDerivative>,
    key: number,
    hit: KeptDerivative | undefined,
    of: Expr,
    wrt: { name: string; idx: Idx | null },
    env: Env,
    total: boolean,
    oneStep: boolean,
    own: boolean,
  ): Derivative {
    if (hit) {
      if (hit.ops) this.tape.budget.tick(hit.ops);
      const k = hit.d;
      if (!k) return { tensor: { shape: hit.shape, data: scalarData(hit.v) }, reached: hit.reached };
      return own ? { tensor: { shape: k.tensor.shape, data: k.tensor.data.slice() }, reached: k.reached } : k;
    }
    const ops0 = this.tape.budget.ops;
    const long0 = this.longTouched;
    const d = this.derivativeOnce(of, wrt, env, total, oneStep);
    if (this.longTouched === long0 && (this.memoEntries += d.tensor.data.length) <= MAX_MEMO) {
      const ops = this.tape.budget.ops - ops0;
      const t = d.tensor;
      memo.set(
        key,
        t.data.length === 1
          ? new KeptDerivative(t.data[0]!, t.shape, d.reached, null, ops)
          : // kept as computed when the reader only reads it
            new KeptDerivative(
              0,
              t.shape,
              d.reached,
              own ? { tensor: { shape: t.shape, data: t.data.slice() }, reached: d.reached } : d,
              ops,
            ),
      );
    }
    return d;
  }

  private derivativeOnce(of: Expr, wrt: { name: string; idx: Idx | null }, env: Env, total: boolean, oneStep: boolean): Derivative {
    if (oneStep && total && of.k === 'ref' && this.model.quantities.get(of.name)?.timed) return this.oneStepAt(of, wrt, env);
    if (!total && of.k === 'index' && of.a.k === 'ref') return this.entryImmediate(of, of.a, wrt, env, oneStep);
    const step = stepOf(wrt.idx, env);
    const B = this.nodeAt(wrt.name, step);
    const mark = this.tape.size;
    let A: TNode;
    let lo: number;
    if (of.k === 'ref') {
      const s = stepOf(of.idx, env);
      A = this.nodeAt(of.name, s);
      lo = A.start;
    } else {
      A = this.ev(of, env);
      lo = mark;
    }
    const m = A.len;
    const n = B.len;
    const out = zerosF64(m * n);
    let reached = false;
    let reused: boolean | null;
    if (B.id < A.id && of.k === 'ref' && A.id - B.id > LONG_RANGE) this.longTouched++;
    if (A === B) {
      for (let i = 0; i < m; i++) out[i * n + i] = 1;
      reached = true;
    } else if (B.id < A.id && total && of.k === 'ref' && A.id - B.id > LONG_RANGE && this.tangentsFor(A, B)) {
      const D = this.tangents!.at(A);
      if (D) {
        out.set(D);
        reached = true;
      }
    } else if (B.id < A.id && of.k === 'ref' && (reused = this.fromSweepsMade(A, B, total, out)) !== null) {
      reached = reused;
    } else if (B.id < A.id) {
      // one seed for every entry of A: no sweep keeps it (sweep copies it, sweepTransient only reads it)
      const seed = zerosF64(m);
      for (let i = 0; i < m; i++) {
        if (i) seed[i - 1] = 0;
        seed[i] = 1;
        let row: Float64Array | undefined;
        if (total) {
          if (A === this.loss && m === 1) {
            if (this.lossGrads()!.copy(B.id, n, out, 0)) reached = true;
          } else if (of.k === 'ref' && A.id - B.id > LONG_RANGE) {
            // long-range queries (∂L/∂h_t for every t) share one full sweep per output entry
            const key = `${A.id}:${i}`;
            let g = this.sweeps?.get(key);
            if (!g) {
              g = this.tape.sweep(A, seed, 0);
              // cached while the cache stays small: many distinct long-range sources would hold O(T²)
              if ((this.cached += g.length) < MAX_CACHED) (this.sweeps ??= new Map()).set(key, g);
            }
            row = g[B.id];
          } else {
            // read at B alone, and copied below before any other sweep
            row = this.tape.sweepTransient(A, seed, B.id, undefined, undefined, B.id)[0];
          }
        } else if (A.op !== 'leaf') {
          const below = new Map<number, Float64Array>();
          this.tape.sweepTransient(A, seed, lo, below);
          row = below.get(B.id);
        }
        if (row) {
          reached = true;
          out.set(row, i * n);
        }
      }
    }
    this.tape.truncate(mark);
    return { tensor: { shape: derivShape(A, B), data: out }, reached };
  }

  /**
   * ∂⁺(h_t[j])/∂B: the entry's row of h_t's own immediate partial. Swept from the entry, ∂⁺ saw only the entry's
   * operation, which reads h_t, not what h_t's equation reads: the immediate partial of an entry was 0 (Cho et al.'s
   * ∂⁺h_j^{⟨t⟩}/∂h_j^{⟨t−1⟩} = z_j, probe 38)
   */
  private entryImmediate(
    of: Expr & { k: 'index' },
    whole: Expr & { k: 'ref' },
    wrt: { name: string; idx: Idx | null },
    env: Env,
    oneStep: boolean,
  ): Derivative {
    const d = this.derivativeShared(whole, wrt, env, false, oneStep);
    const B = this.nodeAt(wrt.name, stepOf(wrt.idx, env));
    const mark = this.tape.size;
    // the entry evaluated as everywhere else (its index checked there), for its place in h_t and its shape
    const A = this.ev(of, env);
    const a = this.ev(whole, env);
    const i = intIndex(this.ev(of.i, env).data[0]!);
    const [, n] = dims(a.shape);
    const k = of.j ? (i - 1) * n + (intIndex(this.ev(of.j, env).data[0]!) - 1) : i - 1;
    const shape = derivShape(A, B);
    this.tape.truncate(mark);
    const nB = B.len;
    return { tensor: { shape, data: d.tensor.data.slice(k * nB, (k + 1) * nB) }, reached: d.reached };
  }

  /**
   * ∂A/∂B for a named A, from the sweeps from A already made on this run, into `out` (whether B is reached);
   * null where it is not served so (then computed as before). Issue 11: the checks of a text ask for many
   * derivatives of one node at each point and draw — ∂⁺h_t/∂u_t, ∂⁺h_t/∂s_t and ∂⁺h_t/∂h_{t-1} each swept
   * h_t's equation, ∂y_t/∂h_t and ∂y_t/∂h_{t-1} each swept down from y_t. One sweep serves them all:
   * - immediate (∂⁺): the rows of immediate(A), which is that very sweep (A's equation, from A.start, its
   *   inputs' rows collected below it), kept per node;
   * - total, short range: a sweep from A down to lo gives B's gradient for any B at or above lo bit for bit
   *   as a sweep down to B (a node's gradient is complete once the nodes after it are visited: its inputs
   *   come before it). The lowest such sweep per A is kept, while small.
   * Charged exactly what the sweeps it replaces charge (a dense sweep: its range, per entry of A), so the
   * operation limits fall where they fell; whether a sweep is kept changes neither numbers nor counts.
   */
  private fromSweepsMade(A: TNode, B: TNode, total: boolean, out: Float64Array): boolean | null {
    const m = A.len;
    if (!total) {
      const range = A.id - A.start + 1;
      if (A.op === 'leaf' || range >= SPARSE_RANGE) return null;
      let J = this.immediates?.get(A.id);
      if (J) this.tape.budget.tick(m * range);
      else if (this.immediateEntries <= MAX_MEMO) J = this.immediate(A);
      else return null;
      const rows = J.get(B.id);
      if (!rows) return false;
      out.set(rows);
      return true;
    }
    if (A.id - B.id > LONG_RANGE || (A === this.loss && m === 1)) return null;
    const n = B.len;
    const made = this.shortSweeps?.get(A.id);
    if (made && made.lo <= B.id) {
      this.tape.budget.tick(m * (A.id - B.id + 1));
      let reached = false;
      for (let i = 0; i < m; i++) if (made.rows[i]!.copy(B.id, n, out, i * n)) reached = true;
      return reached;
    }
    const keep = m * (A.id - B.id + 1) <= SHORT_SWEEP_SLOTS && this.shortSwept + m * (A.id - B.id + 1) <= SHORT_SWEEP_SLOTS * 16;
    const rows: KeptSweep[] = [];
    let reached = false;
    const seed = zerosF64(m);
    for (let i = 0; i < m; i++) {
      if (i) seed[i - 1] = 0;
      seed[i] = 1;
      if (keep) {
        const kept = this.tape.sweepKept(A, seed, B.id);
        rows.push(kept);
        if (kept.copy(B.id, n, out, i * n)) reached = true;
        continue;
      }
      // a sweep not kept is read at B alone, and copied before any other sweep
      const row = this.tape.sweepTransient(A, seed, B.id, undefined, undefined, B.id)[0];
      if (row) {
        reached = true;
        out.set(row, i * n);
      }
    }
    if (keep) {
      this.shortSwept += m * (A.id - B.id + 1) - (made ? m * (A.id - made.lo + 1) : 0);
      (this.shortSweeps ??= new Map()).set(A.id, { lo: B.id, rows });
    }
    return reached;
  }

  /**
   * Whether the long-range ∂A/∂B is answered by forward accumulation from B: once the queries keep B and
   * change A (∂h_t/∂h_1 for every t), one forward pass serves them all, where the reverse sweeps (cached per A,
   * right for ∂L/∂h_t for every t) would cost O(T) each.
   */
  private tangentsFor(A: TNode, B: TNode): boolean {
    if (this.tangents?.source === B) return true;
    const seen = this.longRange;
    if (seen.b !== B.id) {
      seen.b = B.id;
      seen.a = A.id;
      seen.distinctA = 1;
      return false;
    }
    if (seen.a !== A.id) {
      seen.a = A.id;
      seen.distinctA++;
    }
    // a square of B's entries per node is held: only for sources of modest width
    if (seen.distinctA < 3 || B.data.length > 64 || A === this.loss) return false;
    this.tangents = new Tangents(B, this.graphOrder, (n) => this.immediate(n), this.tape.budget);
    return true;
  }

  /**
   * The one-step derivative of X = of at step k by Y (LANGUAGE.md §5): every graph node of another step is
   * held fixed except Y itself, so the sweep from X crosses only the nodes of step k (and untimed
   * quantities) — through the step's own intermediates (h̃_k, the gates) — and reads what reaches Y.
   */
  private oneStepAt(of: Expr & { k: 'ref' }, wrt: { name: string; idx: Idx | null }, env: Env): Derivative {
    const k = stepOf(of.idx, env);
    const A = this.nodeAt(of.name, k);
    const bStep = stepOf(wrt.idx, env);
    // only a node of X's own step or the step next to it is re-read (§5); where a bound variable puts Y
    // further away (∂h_T/∂h_i of seed 002, i = 1), the derivative stays total
    if (bStep !== null && k !== null && Math.abs(bStep - k) > 1 && this.model.quantities.get(wrt.name)?.timed)
      return this.derivativeAt(of, wrt, env, true);
    const B = this.nodeAt(wrt.name, bStep);
    const m = A.len;
    const n = B.len;
    const out = zerosF64(m * n);
    let reached = false;
    if (A === B) {
      for (let i = 0; i < m; i++) out[i * n + i] = 1;
      reached = true;
    } else if (B.id < A.id && A.op !== 'leaf') {
      const { nodeStep, stepStart, untimedStarts } = (this.layout ??= this.oneStepLayout());
      const cross = (y: TNode) => y.op !== 'leaf' && (nodeStep.get(y.id) ?? k) === k;
      // the sweep starts at the first equation it may cross: the earliest crossable node before A
      let lo = Math.min(A.start, stepStart.get(k!) ?? A.start);
      for (const u of untimedStarts) if (u.id < A.id) lo = Math.min(lo, u.start);
      const seed = zerosF64(m);
      for (let i = 0; i < m; i++) {
        if (i) seed[i - 1] = 0;
        seed[i] = 1;
        const below = new Map<number, Float64Array>();
        // read at B alone (in range or below it), and copied before any other sweep
        const g = this.tape.sweepTransient(A, seed, lo, below, cross, B.id);
        const row = B.id >= lo ? g[B.id - lo] : below.get(B.id);
        if (row) {
          reached = true;
          out.set(row, i * n);
        }
      }
    }
    return { tensor: { shape: derivShape(A, B), data: out }, reached };
  }

  /**
   * The step of every timed graph node, where the equations of each step's nodes begin and those of the
   * untimed quantities: read from the graph nodes and the plan they were made in order of (graphOrder[i]
   * is plan.order[i]; a given state is a leaf, whose equation is not crossed)
   */
  private oneStepLayout(): OneStepLayout {
    const nodeStep = new Map<number, number>();
    const stepStart = new Map<number, number>();
    const untimedStarts: { id: number; start: number }[] = [];
    const order = this.plan.order;
    for (let i = 0; i < order.length; i++) {
      const step = order[i]!.step;
      const root = this.graphOrder[i]!;
      if (step !== null) {
        nodeStep.set(root.id, step);
        if (root.op !== 'leaf') stepStart.set(step, Math.min(stepStart.get(step) ?? root.start, root.start));
      } else untimedStarts.push({ id: root.id, start: root.start });
    }
    return { nodeStep, stepStart, untimedStarts };
  }

  immediate(node: TNode): Map<number, Float64Array> {
    let J = this.immediates?.get(node.id);
    if (J) return J;
    J = new Map();
    const m = node.len;
    if (node.op !== 'leaf') {
      const seed = zerosF64(m);
      for (let i = 0; i < m; i++) {
        if (i) seed[i - 1] = 0;
        seed[i] = 1;
        const rows = new Map<number, Float64Array>();
        // the rows are the inputs' own arrays (below the range): a scalar node's are its Jacobian's as they are
        this.tape.sweepTransient(node, seed, node.start, rows, undefined, -1, true);
        if (m === 1) {
          J = rows;
          break;
        }
        // forEach, not for…of: a loop over a map's entries makes an entry array per row, optimised or not
        const into = J;
        const at = i;
        rows.forEach((row, id) => {
          let full = into.get(id);
          if (!full) {
            full = zerosF64(m * row.length);
            into.set(id, full);
          }
          full.set(row, at * row.length);
        });
      }
    }
    // for…of here: optimised (immediate is by round 30), a map's values() loop makes nothing, forEach a call per row
    for (const rows of J.values()) this.immediateEntries += rows.length;
    (this.immediates ??= new Map()).set(node.id, J);
    return J;
  }

  private matpow(e: Expr & { k: 'matpow' }, env: Env): TNode {
    const M = this.ev(e.a, env);
    const n = this.ev(e.n, env).data[0]!;
    const [r, c] = dims(M.shape);
    if (r !== c) throw new RunError(cannot.notSquare(r, c));
    if (!Number.isInteger(n) || n < 0) throw new RunError(cannot.badPower(n, e));
    return matpowOn(this.tape, M, n, e.shape);
  }

  /**
   * a literal's entries onto the tape, in order, appended to `out`. Apart from ev: a closure in ev (over env)
   * made V8 allocate a context at every call of it (issue 11: ~4.5 MB per forward pass at T = 5,000)
   */
  private evItems(items: readonly Expr[], env: Env, out: TNode[]): TNode[] {
    for (const x of items) out.push(this.ev(x, env));
    return out;
  }

  /** evaluate an expression onto the tape */
  private ev(e: Expr, env: Env): TNode {
    const tape = this.tape;
    switch (e.k) {
      case 'num':
        return tape.scalar(e.value);
      case 'var':
        return tape.scalar(stepOf(e.idx, env)!);
      case 'vec':
        return tape.pack(this.evItems(e.items, env, []), e.shape);
      case 'mat': {
        const items: TNode[] = [];
        for (const row of e.rows) this.evItems(row, env, items);
        return tape.pack(items, e.shape);
      }
      case 'ref': {
        const step = stepOf(e.idx, env);
        const n = this.node(e.name, step);
        if (!n) throw new RunError(cannot.noValue(e.name, step));
        return n;
      }
      case 'neg':
        return tape.neg(this.ev(e.a, env));
      case 'add':
        return tape.add(this.ev(e.a, env), this.ev(e.b, env));
      case 'sub':
        return tape.add(this.ev(e.a, env), this.ev(e.b, env), true);
      case 'mul':
      case 'hadamard':
        return tape.mul(this.ev(e.a, env), this.ev(e.b, env));
      case 'matmul':
        return tape.matmul(this.ev(e.a, env), this.ev(e.b, env), e.shape);
      case 'div':
        return tape.div(this.ev(e.a, env), this.ev(e.b, env));
      case 'pow':
        return tape.pow(this.ev(e.a, env), this.ev(e.b, env));
      case 'call':
        return tape.fn(e.fn, this.ev(e.arg, env), e.shape);
      case 'transpose':
        return tape.transpose(this.ev(e.a, env), e.shape);
      case 'index': {
        const a = this.ev(e.a, env);
        const i = intIndex(this.ev(e.i, env).data[0]!);
        const [m, n] = dims(a.shape);
        if (e.j) {
          const j = intIndex(this.ev(e.j, env).data[0]!);
          if (i < 1 || i > m || j < 1 || j > n) throw new RunError(cannot.outsideMatrix(i, j, m, n));
          return tape.index(a, (i - 1) * n + (j - 1));
        }
        if (i < 1 || i > a.data.length) throw new RunError(cannot.outsideVector(i, a.data.length));
        return tape.index(a, i - 1);
      }
      case 'sum':
      case 'prod': {
        const a = stepOf(e.from, env)!;
        const b = stepOf(e.to, env)!;
        const ascending = e.k === 'prod' && earlierOnLeft(e);
        let acc: TNode | null = null;
        for (let i = a; i <= b; i++) {
          const x = this.ev(e.body, withVar(env, e.v, i));
          if (!acc) acc = x;
          else if (e.k === 'sum') acc = tape.add(acc, x);
          // a product of Jacobians reads as the chain rule does: the later index on the left
          else if (acc.shape.length === 2 && x.shape.length === 2)
            acc = ascending ? tape.matmul(acc, x, e.shape) : tape.matmul(x, acc, e.shape);
          else acc = tape.mul(acc, x);
        }
        if (acc) return acc;
        // the empty sum is 0, the empty product 1 (the identity for Jacobians)
        const len = entries(e.shape);
        const data = zerosF64(len);
        if (e.k === 'prod') {
          const [r] = dims(e.shape);
          if (e.shape.length === 2) for (let k = 0; k < r; k++) data[k * r + k] = 1;
          else data.fill(1);
        }
        return tape.konst(e.shape, data);
      }
      case 'deriv': {
        const d = this.derivativeAt(e.of, e.wrt, env, e.total, e.oneStep);
        return tape.konst(d.tensor.shape, d.tensor.data);
      }
      case 'contract':
        return tape.contract(this.ev(e.a, env), this.ev(e.b, env), e.shape);
      case 'matpow':
        return this.matpow(e, env);
      case 'indicator': {
        // a comparison: constant where it is defined, so its gradient is zero
        const a = this.ev(e.a, env).data[0]!;
        const b = this.ev(e.b, env).data[0]!;
        return tape.scalar(a === b ? 1 : 0);
      }
    }
  }
}

/** what oneStepAt reads of a run's graph (oneStepLayout) */
interface OneStepLayout {
  /** the step of every timed quantity node (by tape id); untimed quantities are absent */
  nodeStep: Map<number, number>;
  /** where the equations of each step's nodes begin (the earliest): one-step sweeps start there */
  stepStart: Map<number, number>;
  /** the untimed quantities' nodes and where their equations begin */
  untimedStarts: { id: number; start: number }[];
}

/**
 * What a run's memos keep of a result: a one-entry result as its number, rebuilt into a tensor when asked
 * again; anything else as the tensor itself. Issue 11: the memos were a quarter of what an analysis held
 * alive while it ran (a record, a tensor and a typed array per scalar), and what is alive when the young
 * generation is collected is what that collection costs.
 */
class KeptValue {
  constructor(
    /** the bindings it was evaluated at (envKey) */
    readonly key: string | number,
    readonly v: number,
    readonly t: Tensor | null,
    readonly ops: number,
  ) {}
}
class KeptDerivative {
  constructor(
    readonly v: number,
    readonly shape: Shape,
    readonly reached: boolean,
    /** null: a one-entry derivative (v) */
    readonly d: Derivative | null,
    readonly ops: number,
  ) {}
}

/**
 * the bindings of an evaluation as a key: one exact number for up to four variables of small whole values
 * (a check's points: t, k, i, j), each variable's name and value packed into 13 bits in the order they were
 * bound; else "t=2,i=3," (a number and a string are never the same key). Issue 11: the string built, then
 * hashed, per evaluation was a tenth of what judging a check with free indices cost.
 */
export function envKey(env: Env): string | number {
  let key = 0;
  let scale = 1;
  let n = 0;
  for (const v in env) {
    const x = env[v]!;
    let id = varIds.get(v);
    if (id === undefined && varIds.size < MAX_VAR_IDS) varIds.set(v, (id = varIds.size + 1));
    if (id === undefined || n === 4 || !Number.isInteger(x) || x < -KEY_LOW || x >= KEY_VALUES - KEY_LOW) return envText(env);
    // a field is never 0 (ids start at 1): the fields read back as one sequence of (name, value)
    key += (id * KEY_VALUES + x + KEY_LOW) * scale;
    scale *= 1 << 13;
    n++;
  }
  return key;
}

/** the variables' names as small ids for envKey (an interning table, not a cache: at most 15 names, never stale) */
const varIds = new Map<string, number>();
const MAX_VAR_IDS = 15;
/** the values a packed field holds: −64 … 447 */
const KEY_VALUES = 512;
const KEY_LOW = 64;

function envText(env: Env): string {
  let k = '';
  for (const v in env) k += `${v}=${env[v]},`;
  return k;
}

/** steps of a memoized derivative: −2^20 ≤ step < 2^20 − 1 (far beyond maxT), so that the key below is exact */
const STEP_BIAS = 2 ** 20;

/**
 * ∂A/∂B between two named nodes (the memo's maps are by their names): their steps and the kind as one
 * exact number; null where a step cannot be read (the computation then reports it, uncached) or lies
 * outside the range the number holds
 */
function derivKey(
  of: Expr & { k: 'ref' },
  wrt: { name: string; idx: Idx | null },
  env: Env,
  total: boolean,
  oneStep: boolean,
): number | null {
  // an unbound variable: no key (the computation reports it), read without making the error it would throw
  const a = of.idx ? idxValue(of.idx, env) : null;
  const b = wrt.idx ? idxValue(wrt.idx, env) : null;
  if (a === undefined || b === undefined || !stepInRange(a) || !stepInRange(b)) return null;
  // 0 for no step, 1..2^21 − 1 for a step
  const ka = a === null ? 0 : a + STEP_BIAS + 1;
  const kb = b === null ? 0 : b + STEP_BIAS + 1;
  return (ka * 2 * STEP_BIAS + kb) * 4 + (total ? 2 : 0) + (oneStep ? 1 : 0);
}

function stepInRange(x: number | null): boolean {
  return x === null || (Number.isInteger(x) && x >= -STEP_BIAS && x < STEP_BIAS - 1);
}

/** the shape of ∂A/∂B: B's for a scalar A, A's for a scalar B, [n, m, k] for a vector by a matrix, else the Jacobian */
function derivShape(A: TNode, B: TNode): Shape {
  const m = A.len;
  const n = B.len;
  if (A.shape.length === 0 || m === 1) return B.shape;
  if (n === 1) return A.shape;
  // ∂(vector)/∂(matrix): one matrix in B's shape per entry of A (LANGUAGE.md §4)
  // (a row or a column, CS224n's z^{(t)} = h^{(t-1)} H + …, is the vector it writes)
  const line = A.shape.length === 1 || (A.shape.length === 2 && (A.shape[0] === 1 || A.shape[1] === 1));
  if (line && B.shape.length === 2 && B.shape[0]! > 1 && B.shape[1]! > 1) return [m, B.shape[0]!, B.shape[1]!];
  return norm([m, n]);
}

/** M^n on the tape (powerBySquaring), so that the backward pass comes with it; n a whole number ≥ 0 */
function matpowOn(tape: Tape, M: TNode, n: number, shape: Shape): TNode {
  return powerBySquaring(M, n, (a, b) => tape.matmul(a, b, shape)) ?? tape.konst(shape, identity(dims(shape)[0]));
}

/** the step an index denotes (null: no index), or a RunError naming the first variable not bound */
export function stepOf(idx: Idx | null, env: Env): number | null {
  return stepAt(idx, env, runError);
}

function intIndex(x: number): number {
  if (!Number.isInteger(x)) throw new RunError(cannot.notWhole(x));
  return x;
}
