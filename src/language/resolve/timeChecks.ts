// Time: every reference has a value at the steps where it is used (initial and terminal states, sequence
// ends), no quantity depends on itself within one step, and what depends on a broken quantity is broken.

import type { Range } from '../../report';
import { idxVars } from '../idx';
import type { Expr, Idx } from '../model';
import { diag } from '../diagnostics';
import type { Scope } from './scope';
import { refWritten } from './text';
import { commonChild, commonChildCount, forChildren, walkRefs } from './walk';

export interface Undefined {
  ref: Expr & { k: 'ref' };
  step: number;
}

/** the first reference that has no value when the free variables take these values */
export function firstUndefined(scope: Scope, e: Expr, env: Record<string, number>): Undefined | null {
  // one search per scope: a search keeps nothing between calls but its Map of bound variables, empty after each
  return (scope.search ??= new UndefinedSearch(scope)).first(e, env);
}

/**
 * firstUndefined's walk, in source order. It is asked for every step of every equation and question
 * (issue 11), so it makes no closure or environment per node: one child visitor for the walk, and the variables
 * of the Σ/∏ around a node in one Map set step by step. It stops after 200,000 nodes (then nothing is found).
 */
export class UndefinedSearch {
  found: Undefined | null = null;
  private budget = 200_000;
  private env: Record<string, number> = {};
  private readonly visit = (c: Expr) => this.go(c);
  /**
   * everyValue: walk a Σ/∏ body for every value of its variable, as the tests' general path. stepByStep: the
   * caller asks of the same expressions step after step; one without Σ/∏ is then read from its Flat (made once
   * per expression, kept in the scope) instead of walked each time — a single search would only pay for it.
   */
  constructor(
    private readonly scope: Scope,
    private readonly everyValue = false,
    private readonly stepByStep = false,
  ) {}

  /** whether the last search ran out of its node budget (then it found nothing) */
  get exhausted(): boolean {
    return this.budget < 0;
  }

  /**
   * firstUndefined(scope, e, env), each call with its own node budget. A caller asking step after step
   * keeps one search and one environment (issue 11: a search and a `{ t }` per step were a tenth of the
   * examples' resolver allocations); the search keeps nothing of env.
   */
  first(e: Expr, env: Record<string, number>, budget = 200_000, own?: Flat | null): Undefined | null {
    this.found = null;
    this.budget = budget;
    this.env = env;
    // a walk restores what it binds, so the Map is empty unless a walk stopped inside a Σ; clear() would make a new table
    if (this.bound.size) this.bound.clear();
    // own: e's Flat as the caller made it (flatProbes(e, null)) for an expression asked of only by it, kept out of the scope's Map
    const flat = !this.stepByStep || this.everyValue ? null : own !== undefined ? own : flatProbes(e, this.scope.flatProbes);
    if (flat) this.probe(flat, budget);
    else this.go(e);
    return this.found;
  }

  /**
   * go(e) for an expression without Σ/∏ (flat: its references in the order go judges them): the same reference
   * found, and the budget run out exactly when the walk's would. A node at position n of the walk's order is
   * reached iff n ≤ budget; a derivative judges its variable after walking `of`, even when the budget ran out in it or
   * a reference in it was found (then it overrides what was found).
   */
  private probe(flat: Flat, budget: number): void {
    const { xs, pos } = flat;
    for (let n = 0; n < xs.length; n++) {
      if (pos[3 * n]! > budget || !this.undefinedAt(xs[n]!)) continue;
      // only the sign of what is left is read (exhausted): the walk stopped after the last node judged
      this.budget = budget - pos[3 * n + 1]!;
      // the derivatives around the one found judge their variable all the same, after it (go's order): the
      // last undefined one is what the walk returns
      for (let m = n + 1; m < xs.length; m++) if (pos[3 * m + 2]! <= n && xs[m]!.k === 'deriv') this.undefinedAt(xs[m]!);
      return;
    }
    this.budget = budget - flat.nodes;
  }

  /** whether the reference (or the derivative's variable) has no value here (then it is found) */
  private undefinedAt(x: Expr): boolean {
    if (x.k === 'ref') {
      const step = x.idx ? this.step(x.idx) : null;
      if (step === undefined || this.scope.defined(x.name, step)) return false;
      this.found = { ref: x, step: step ?? NaN };
      return true;
    }
    const w = (x as Expr & { k: 'deriv' }).wrt;
    const step = w.idx ? this.step(w.idx) : null;
    if (step === undefined || this.scope.defined(w.name, step)) return false;
    this.found = { ref: { k: 'ref', name: w.name, idx: w.idx, shape: [], range: w.range }, step: step ?? NaN };
    return true;
  }

  /**
   * the variables Σ/∏ around the node bind, over the caller's env: a value here hides env's. One Map set and
   * restored per Σ, not a copy of env with the variable stored under a varying key (a megamorphic store, a
   * twentieth of a small example's compile). A variable `__proto__` is never bound: storing it in a copy of env
   * changed nothing, so reading it read env's.
   */
  private readonly bound = new Map<string, number>();

  /** the value of a variable: bound by a Σ/∏ here, else the caller's env[v] (as in a copy of env) */
  private valueOf(v: string): number | undefined {
    // nothing is bound outside a Σ/∏ (always on the flat path): no lookup then, for every reference at every step
    const b = this.bound.size === 0 ? undefined : this.bound.get(v);
    return b !== undefined ? b : this.env[v];
  }

  /** idxValue(idx, the environment here) */
  private step(idx: Idx): number | undefined {
    let n = idx.k;
    if (idx.v !== null) {
      const x = this.valueOf(idx.v);
      if (x === undefined) return undefined;
      n += x;
    }
    if (idx.terms)
      for (const t of idx.terms) {
        const x = this.valueOf(t.v);
        if (x === undefined) return undefined;
        n += t.sign * x;
      }
    return n;
  }

  private go(x: Expr): void {
    if (this.found || --this.budget < 0) return;
    if (x.k === 'ref') {
      const step = x.idx ? this.step(x.idx) : null;
      // an index with a variable not bound here (a free index judged elsewhere) is not judged
      if (step === undefined) return;
      if (!this.scope.defined(x.name, step)) this.found = { ref: x, step: step ?? NaN };
      return;
    }
    if (x.k === 'sum' || x.k === 'prod') {
      const a = this.step(x.from);
      const b = this.step(x.to);
      if (a === undefined || b === undefined) return;
      const v = x.v;
      const binds = v !== '__proto__';
      const outer = this.bound.get(v);
      // a body whose steps do not depend on the variable (Σ_i over entries: i picks entries only) is walked
      // once: every other value would visit the same nodes and find the same nothing (their count is taken
      // from the budget all the same, so that a search runs out exactly where the walk of each value would)
      const once = a < b && !this.everyValue && !stepsUseVar(x.body, v, this.scope.stepsUseVar);
      for (let i = a; i <= b && !this.found; i++) {
        if (binds) this.bound.set(v, i);
        const before = this.budget;
        this.go(x.body);
        if (once && !this.found) {
          this.budget -= (before - this.budget) * (b - i);
          break;
        }
      }
      if (outer !== undefined) this.bound.set(v, outer);
      else this.bound.delete(v);
      return;
    }
    if (x.k === 'deriv') {
      this.go(x.of);
      const step = x.wrt.idx ? this.step(x.wrt.idx) : null;
      if (step !== undefined && !this.scope.defined(x.wrt.name, step))
        this.found = { ref: { k: 'ref', name: x.wrt.name, idx: x.wrt.idx, shape: [], range: x.wrt.range }, step: step ?? NaN };
      return;
    }
    // the common kinds recursed on here (walk.ts, BINARY_KINDS); the rest through forChildren
    if (x.k === 'num' || x.k === 'var') return;
    const n = commonChildCount(x);
    if (n < 0) forChildren(x, this.visit);
    else for (let i = 0; i < n; i++) this.go(commonChild(x, i));
  }
}

/**
 * An expression without Σ/∏ as UndefinedSearch walks it: xs, the references and derivatives in the order they are
 * judged (a derivative judges its variable after its `of`); pos, three numbers for each (one array, not an object
 * per probe): its node's position in the walk (from 1), the last node walked before it is judged, and (a
 * derivative's) the index in xs of the first probe inside its `of`; nodes, how many nodes the walk visits.
 */
export interface Flat {
  xs: Expr[];
  pos: number[];
  nodes: number;
}

/**
 * e's Flat, kept per node of the model in `memo` (null: made for one caller, which keeps it); null when e has a Σ/∏
 * (whose body is walked once per value) or more nodes than a search's default budget.
 */
export function flatProbes(e: Expr, memo: Map<Expr, Flat | null> | null): Flat | null {
  let flat = memo === null ? undefined : memo.get(e);
  if (flat === undefined) {
    const xs: Expr[] = [];
    const pos: number[] = [];
    let nodes = 0;
    let big = false;
    const go = (x: Expr): void => {
      if (big) return;
      const at = ++nodes;
      if (x.k === 'ref') {
        pos.push(at, at, xs.length);
        xs.push(x);
      } else if (x.k === 'sum' || x.k === 'prod' || nodes > 200_000) big = true;
      else if (x.k === 'deriv') {
        const from = xs.length;
        go(x.of);
        pos.push(at, nodes, from);
        xs.push(x);
      } else eachChild(x);
    };
    // the common kinds recursed on here, without forChildren's megamorphic callback (walk.ts, BINARY_KINDS)
    const eachChild = (x: Expr): void => {
      if (x.k === 'num' || x.k === 'var') return;
      const n = commonChildCount(x);
      if (n < 0) forChildren(x, go);
      else for (let i = 0; i < n; i++) go(commonChild(x, i));
    };
    go(e);
    flat = big ? null : { xs, pos, nodes };
    if (memo !== null) memo.set(e, flat);
  }
  return flat;
}

/**
 * Whether the steps an UndefinedSearch computes in e depend on the value of variable v: v in the index of a
 * reference, of a derivative's variable or in the bounds of a Σ/∏ (or bound again by one); kept per node of
 * the model in `memo`.
 */
export function stepsUseVar(e: Expr, v: string, memo: Map<Expr, Set<string>>): boolean {
  let vars = memo.get(e);
  if (!vars) {
    const out = new Set<string>();
    const add = (idx: Idx | null) => {
      if (idx) for (const u of idxVars(idx)) out.add(u);
    };
    // the common kinds recursed on here, in forChildren's order (walk.ts, BINARY_KINDS)
    const go = (x: Expr): void => {
      switch (x.k) {
        case 'ref':
          add(x.idx);
          return;
        case 'num':
        case 'var':
          return;
        case 'deriv':
          add(x.wrt.idx);
          go(x.of);
          return;
        case 'sum':
        case 'prod':
          add(x.from);
          add(x.to);
          out.add(x.v);
          go(x.body);
          return;
        default: {
          const n = commonChildCount(x);
          if (n < 0) forChildren(x, go);
          else for (let i = 0; i < n; i++) go(commonChild(x, i));
        }
      }
    };
    go(e);
    vars = out;
    memo.set(e, vars);
  }
  return vars.has(v);
}

/** every timed equation at every step, and every override and untimed equation, refers only to defined values */
export function checkSteps(scope: Scope): void {
  const { quantities, broken, T } = scope;
  // with an unusable horizon no step can be judged (the horizon carries the error; the engine will not run)
  if (scope.fatal) return;
  const search = new UndefinedSearch(scope, false, true);
  // first every general equation's first undefined reference, then the errors: a step missing because
  // another quantity's definition has an error is that quantity's error, not this one's (no cascades)
  const found = new Map<string, Undefined & { t: number; line: number }>();
  for (const q of quantities.values()) {
    if (!q.timed || broken.has(q.name) || !q.general) continue;
    // without Σ/∏ the first undefined reference can only be within the largest offset of either end
    const reach = flatReach(flatProbes(q.general, scope.flatProbes));
    const env = { t: 0 };
    for (let t = 1; t <= T; t++) {
      if (reach !== null && t > reach + 1 && t < T - reach) t = T - reach;
      if (q.overrides.has(t)) continue;
      env.t = t;
      const problem = search.first(q.general, env);
      if (problem) {
        found.set(q.name, { ...problem, t, line: q.line });
        break;
      }
    }
  }
  const reported = new Set<string>();
  for (const [name, { ref, step, t }] of found) {
    // left to spreadBroken ("h is not available: …"), which warns at the first use of a broken name
    if (inheritsError(name, found, broken)) continue;
    const r = ref.idx!;
    const written = refWritten(ref);
    if (step < 0 || step > T + 1) scope.error(`${written} at t = ${t} is step ${step}, outside 0..T+1 (T = ${T})`, ref.range, 'index');
    else if (quantities.get(ref.name)?.timed && (step === 0 || step === T + 1 || (r.v === 't' && !r.terms && r.k !== 0))) {
      scope.error(
        `missing ${step <= 0 || step < t ? 'initial' : 'terminal'} state: ${written} at t = ${t} needs ${ref.name}_${step > 9 ? `{${step}}` : step} (add \`${ref.name}_${step === T + 1 ? '{T+1}' : step} = 0\`)`,
        ref.range,
        'initial-state',
      );
    } else scope.error(`${written} at t = ${t} is step ${step}, past the end of ${ref.name} (steps 1..${T})`, ref.range, 'index');
    reported.add(name);
  }
  for (const name of reported) scope.markBroken(name, found.get(name)!.line);
  for (const q of quantities.values()) {
    if (!q.timed || broken.has(q.name)) continue;
    for (const [k, e] of q.overrides) {
      const problem = firstUndefined(scope, e, { t: k });
      if (problem) {
        scope.error(`${refWritten(problem.ref)} is not defined at step ${problem.step}`, problem.ref.range, 'index');
        scope.markBroken(q.name, q.overrideLines.get(k) ?? q.line);
      }
    }
  }
  for (const q of quantities.values()) {
    if (q.timed || !q.general) continue;
    const problem = firstUndefined(scope, q.general, {});
    if (problem) {
      scope.error(
        `${refWritten(problem.ref)} is step ${problem.step}, outside the steps where ${problem.ref.name} is defined`,
        problem.ref.range,
        'index',
      );
      scope.markBroken(q.name, q.line);
    }
  }
}

/**
 * boundedReach of an expression, read from its Flat (which the search of its steps makes all the same) rather than
 * walked again: the largest |offset| of a t-relative reference, or null with a Σ/∏ (no Flat), a derivative or an index
 * of several variables. An expression too large for a Flat gets null, and every step is searched (as reach only skips
 * steps where nothing can be undefined, the same reference is found).
 */
export function flatReach(flat: Flat | null): number | null {
  if (flat === null) return null;
  let reach = 0;
  for (const x of flat.xs) {
    if (x.k !== 'ref') return null;
    const idx = x.idx;
    if (idx && idx.terms) return null;
    if (idx && idx.v === 't') reach = Math.max(reach, Math.abs(idx.k));
  }
  return reach;
}

/** dependency cycles within one step (or among untimed quantities) */
export function checkCycles(scope: Scope): void {
  const { quantities } = scope;
  const sameStepDeps = new Map<string, { to: string; range: Range }[]>();
  for (const q of quantities.values()) {
    const list: { to: string; range: Range }[] = [];
    if (q.general)
      walkRefs(q.general, (r) => {
        if (!quantities.has(r.name)) return;
        if (!q.timed || r.idx === null || (r.idx.v === 't' && !r.idx.terms && r.idx.k === 0)) list.push({ to: r.name, range: r.range });
      });
    sameStepDeps.set(q.name, list);
  }
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (n: string): boolean => {
    state.set(n, 'visiting');
    stack.push(n);
    for (const e of sameStepDeps.get(n) ?? []) {
      const st = state.get(e.to);
      if (st === 'visiting') {
        const cycle = [...stack.slice(stack.indexOf(e.to)), e.to];
        const sub = (x: string) => (quantities.get(x)?.timed ? `${x}_t` : x);
        scope.error(`dependency cycle within one step: ${cycle.map(sub).join(' → ')}`, e.range, 'cycle');
        // the error stands in n's equation (the edge that closes the cycle): the others name n's line through n
        for (const c of cycle) scope.markBroken(c, e.range.line, n);
        return true;
      }
      if (st === undefined && visit(e.to)) return true;
    }
    stack.pop();
    state.set(n, 'done');
    return false;
  };
  for (const n of quantities.keys())
    if (!state.get(n)) {
      stack.length = 0;
      // a search stops at its first cycle, leaving its path 'visiting'; mark it done so that a later quantity
      // that merely uses the cycle (loss L = Σ_t b_t) is not reported as a cycle of its own (it is unavailable)
      if (visit(n)) for (const s of stack) state.set(s, 'done');
    }
}

/**
 * whether the step that `name`'s equation misses is another quantity's, whose own definition has an error that is
 * reported there; following such quantities, each of a loop of them is reported
 */
function inheritsError(name: string, found: Map<string, Undefined>, broken: Set<string>): boolean {
  const seen = new Set([name]);
  let x = found.get(name)!.ref.name;
  if (x === name) return false;
  while (found.has(x) && !broken.has(x)) {
    const next = found.get(x)!.ref.name;
    // x reports its own missing step, or the chain has looped: back to name (reported) or elsewhere (reported there)
    if (next === x) return true;
    if (next === name) return false;
    if (seen.has(next)) return true;
    seen.add(x);
    x = next;
  }
  // a broken quantity (reported at its definition), or one that is defined everywhere but at a step `x`'s user
  // asks for: then the last quantity of the chain reports it
  return broken.has(x) || x !== found.get(name)!.ref.name;
}

/**
 * anything depending on a broken quantity cannot be evaluated either: its equation gets one warning at the
 * first use of a broken name ("h is not available: …"), never a second error
 */
export function spreadBroken(scope: Scope): void {
  const { quantities, broken } = scope;
  // nothing broken (most files): no equation can use what is, and the walk of every equation would find nothing
  if (broken.size === 0) return;
  let grew = true;
  while (grew) {
    grew = false;
    for (const q of quantities.values()) {
      if (broken.has(q.name)) continue;
      let use: (Expr & { k: 'ref' }) | null = null;
      const check = (e: Expr) =>
        walkRefs(e, (r) => {
          if (!use && broken.has(r.name)) use = r;
        });
      if (q.general) check(q.general);
      for (const e of q.overrides.values()) check(e);
      const first = use as (Expr & { k: 'ref' }) | null;
      if (!first) continue;
      const why = scope.unavailableMessage(first.name);
      if (why) scope.diagnostics.push(diag('warning', why, first.range, 'unavailable'));
      const u = scope.unavailable.get(first.name);
      scope.markBroken(q.name, u?.line ?? q.line, u?.root ?? first.name);
      grew = true;
    }
  }
}
