// Walking resolved expressions: children, references, and what an expression mentions.

import type { Expr, Fn, Idx } from '../model';

/**
 * Which children a walk visits: by default every one. A walk over the values an expression combines can leave
 * out the index positions of an entry (v[i]'s i and j: which entry, not a value the entry is made of) and a
 * matrix power's exponent (M^k's k) — the check hints do, so that a step shift or a transpose is tried only
 * where a value stands.
 */
export interface ChildOptions {
  /** visit v[i]'s i and j (default true) */
  indexPositions?: boolean;
  /** visit M^k's k (default true) */
  exponents?: boolean;
}

/** only the values: no index positions, no exponents */
export const VALUE_CHILDREN: ChildOptions = { indexPositions: false, exponents: false };
/** every child: the default, one object rather than a new `{}` at each call (every node of every walk) */
const ALL_CHILDREN: ChildOptions = {};

/**
 * The kinds whose two children forChildren visits a, then b. The hottest walks (mentionedVars, walkRefs,
 * UndefinedSearch, flatProbes, entrySizes, stepsUseVar) recurse on the common kinds' children themselves, by
 * position (commonChildCount, commonChild, in forChildren's order), and ask forChildren for the other kinds: its
 * call of each walk's own callback is megamorphic, and such a walk took twice as long (mentionedVars, sheet 7's
 * checks). A test pins that these walks visit what forChildren visits (test/language/walkOrder.test.ts).
 */
export const BINARY_KINDS: ReadonlySet<Expr['k']> = new Set([
  'add',
  'sub',
  'mul',
  'hadamard',
  'matmul',
  'contract',
  'indicator',
  'div',
  'pow',
] as const);

/**
 * How many children a node of a common kind has (BINARY_KINDS 2, neg/transpose/call 1, an entry 2 or 3), or -1
 * for the other kinds, which a walk leaves to forChildren. With commonChild, a walk recurses on them with no callback.
 */
export function commonChildCount(x: Expr): number {
  switch (x.k) {
    case 'add':
    case 'sub':
    case 'mul':
    case 'hadamard':
    case 'matmul':
    case 'contract':
    case 'indicator':
    case 'div':
    case 'pow':
      return 2;
    case 'neg':
    case 'transpose':
    case 'call':
      return 1;
    case 'index':
      return x.j ? 3 : 2;
    default:
      return -1;
  }
}

/** child i of a node of a common kind (i < commonChildCount(x)), in forChildren's order */
export function commonChild(x: Expr, i: number): Expr {
  switch (x.k) {
    case 'call':
      return x.arg;
    case 'index':
      return i === 0 ? x.a : i === 1 ? x.i : x.j!;
    case 'neg':
    case 'transpose':
      return x.a;
    default:
      return i === 0 ? (x as Expr & { k: 'add' }).a : (x as Expr & { k: 'add' }).b;
  }
}

export function forChildren(x: Expr, f: (c: Expr) => void, opts: ChildOptions = ALL_CHILDREN): void {
  switch (x.k) {
    case 'vec':
      x.items.forEach(f);
      break;
    case 'mat':
      x.rows.forEach((r) => r.forEach(f));
      break;
    case 'neg':
    case 'transpose':
      f(x.a);
      break;
    case 'add':
    case 'sub':
    case 'mul':
    case 'hadamard':
    case 'matmul':
    case 'contract':
    case 'indicator':
    case 'div':
    case 'pow':
      f(x.a);
      f(x.b);
      break;
    case 'matpow':
      f(x.a);
      if (opts.exponents !== false) f(x.n);
      break;
    case 'call':
      f(x.arg);
      break;
    case 'index':
      f(x.a);
      if (opts.indexPositions !== false) {
        f(x.i);
        if (x.j) f(x.j);
      }
      break;
    case 'sum':
    case 'prod':
      f(x.body);
      break;
    case 'deriv':
      f(x.of);
      break;
    default:
      break;
  }
}

/**
 * A copy of x with each child replaced by f(child), in the order forChildren visits them (the a side before the
 * b side); leaves are returned as they are, and a derivative's `of` is mapped (its wrt is a name). Children that
 * opts leaves out are kept as they are.
 */
export function mapChildren(x: Expr, f: (c: Expr) => Expr, opts: ChildOptions = ALL_CHILDREN): Expr {
  switch (x.k) {
    case 'vec':
      return { ...x, items: x.items.map(f) };
    case 'mat':
      return { ...x, rows: x.rows.map((r) => r.map(f)) };
    case 'neg':
    case 'transpose':
      return { ...x, a: f(x.a) };
    case 'add':
    case 'sub':
    case 'mul':
    case 'hadamard':
    case 'matmul':
    case 'contract':
    case 'indicator':
    case 'div':
    case 'pow': {
      const a = f(x.a);
      return { ...x, a, b: f(x.b) };
    }
    case 'matpow': {
      const a = f(x.a);
      return opts.exponents === false ? { ...x, a } : { ...x, a, n: f(x.n) };
    }
    case 'call':
      return { ...x, arg: f(x.arg) };
    case 'index': {
      const a = f(x.a);
      if (opts.indexPositions === false) return { ...x, a };
      const i = f(x.i);
      return { ...x, a, i, j: x.j ? f(x.j) : null };
    }
    case 'sum':
    case 'prod':
      return { ...x, body: f(x.body) };
    case 'deriv':
      return { ...x, of: f(x.of) };
    default:
      return x;
  }
}

/** a derivative anywhere in an expression (exponents and entry positions included) */
export function hasDeriv(e: Expr): boolean {
  if (e.k === 'deriv') return true;
  let found = false;
  forChildren(e, (c) => (found ||= hasDeriv(c)));
  return found;
}

/** e with every call of a function in `rename` calling its replacement instead, or null when there is none */
export function renameCalls(e: Expr, rename: Partial<Record<Fn, Fn>>): Expr | null {
  let hit = false;
  const go = (x: Expr): Expr => {
    const to = x.k === 'call' ? rename[x.fn] : undefined;
    if (x.k === 'call' && to) {
      hit = true;
      return { ...x, fn: to, arg: go(x.arg) };
    }
    return mapChildren(x, go);
  };
  const out = go(e);
  return hit ? out : null;
}

export function walkRefs(x: Expr, f: (r: Expr & { k: 'ref' }) => void): void {
  switch (x.k) {
    case 'ref':
      f(x);
      return;
    case 'num':
    case 'var':
      return;
    default: {
      // the common kinds recursed on here: forChildren's callback was a closure made per node (BINARY_KINDS)
      const n = commonChildCount(x);
      if (n < 0) forChildren(x, (c) => walkRefs(c, f));
      else for (let i = 0; i < n; i++) walkRefs(commonChild(x, i), f);
    }
  }
}

/** whether an expression names a value of the network (a side of names, not of numbers alone) */
export function refsAny(e: Expr): boolean {
  let any = false;
  walkRefs(e, () => {
    any = true;
  });
  return any;
}

/** the largest |offset| of a t-relative reference, or null when Σ/∏ make definedness depend on more */
export function boundedReach(e: Expr): number | null {
  let reach = 0;
  let big = false;
  const go = (x: Expr) => {
    if (x.k === 'sum' || x.k === 'prod') {
      big = true;
      return;
    }
    if (x.k === 'ref' && x.idx && x.idx.terms) big = true;
    if (x.k === 'ref' && x.idx && x.idx.v === 't') reach = Math.max(reach, Math.abs(x.idx.k));
    if (x.k === 'deriv') big = true;
    forChildren(x, go);
  };
  go(e);
  return big ? null : reach;
}

/** the index variables an expression uses that no Σ/∏ of its own binds (t, free indices) */
export function mentionedVars(e: Expr): Set<string> {
  const w = new MentionedVars();
  w.go(e);
  return w.out;
}

/**
 * mentionedVars' walk: every question asks it of each side (issue 11), so the variables bound by the Σ/∏
 * around a node are one stack, pushed and popped, and the child visitor is made once per walk.
 */
class MentionedVars {
  readonly out = new Set<string>();
  /** made at the first Σ/∏, the child visitor at the first node of a rare kind: most sides have neither */
  private bound: string[] | null = null;
  private visit: ((c: Expr) => void) | null = null;

  private add(idx: Idx | null): void {
    if (!idx) return;
    const bound = this.bound;
    if (idx.v !== null && !bound?.includes(idx.v)) this.out.add(idx.v);
    if (idx.terms) for (const t of idx.terms) if (!bound?.includes(t.v)) this.out.add(t.v);
  }

  go(x: Expr): void {
    switch (x.k) {
      case 'ref':
      case 'var':
        this.add(x.idx);
        return;
      case 'num':
        return;
      case 'deriv':
        this.add(x.wrt.idx);
        this.go(x.of);
        return;
      case 'sum':
      case 'prod':
        this.add(x.from);
        this.add(x.to);
        (this.bound ??= []).push(x.v);
        this.go(x.body);
        this.bound.pop();
        return;
      default: {
        // the common kinds recursed on here (BINARY_KINDS): through forChildren's callback the walk took twice as long
        const n = commonChildCount(x);
        if (n < 0) forChildren(x, (this.visit ??= (c: Expr) => this.go(c)));
        else for (let i = 0; i < n; i++) this.go(commonChild(x, i));
      }
    }
  }
}

/**
 * e with every index that can mention the variable v mapped by f: a ref's, a var's, a Σ/∏'s bounds and a
 * derivative's wrt; a Σ/∏ that binds v itself shadows it in its body. `onVar` makes a var node of its mapped
 * index (binding v to a number turns a var into that number). Binding a free step (engine/subst.ts) and
 * renaming a derive's free index to t (questions.ts) are this walk with their own f.
 */
export function mapIndicesOf(
  e: Expr,
  v: string,
  f: (i: Idx) => Idx,
  onVar: (x: Expr & { k: 'var' }, i: Idx) => Expr = (x, i) => ({ ...x, idx: i }),
): Expr {
  const go = (x: Expr): Expr => {
    switch (x.k) {
      case 'ref':
        return x.idx ? { ...x, idx: f(x.idx) } : x;
      case 'var':
        return onVar(x, f(x.idx));
      case 'sum':
      case 'prod': {
        const bounds = { ...x, from: f(x.from), to: f(x.to) };
        return x.v === v ? bounds : { ...bounds, body: go(x.body) };
      }
      case 'deriv':
        return { ...x, of: go(x.of), wrt: { ...x.wrt, idx: x.wrt.idx ? f(x.wrt.idx) : null } };
      default:
        return mapChildren(x, go);
    }
  };
  return go(e);
}
