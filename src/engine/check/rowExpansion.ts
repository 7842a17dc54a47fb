// A defined quantity written out entry by entry — seed 004's h_1^{(t)} = x_1^{(t)} + x_2^{(t)} + h_1^{(t-1)} − 0.5
// for h^{(t)} = U x^{(t)} + W h^{(t-1)} + b_h — compared with the network's own definition of that entry,
// expanded the same way: the terms the claim misses, the ones it adds and the coefficients it changes are
// named, with the term of the definition they come from (W h^{(t-1)}: row 1 of W is all ones).
//
// Both sides are expanded into sums of monomials: a coefficient times entries of parameters, inputs and
// quantities at their steps (x_t[1], W_hh[1, 2] h_{t-1}[2]); a quantity defined by a constant (the seed's
// hand-set U, W, b_h) is expanded into its numbers, as a student writes them; an elementwise function of an
// entry (σ(…)) is one factor, named by its expanded argument, and compared inside when both sides have one.

import { Memo } from '../memo';
import type { Expr, Idx, Model } from '../../language/model';
import { exprText } from '../../language/print';
import { hasDeriv, walkRefs } from '../../language/resolve';
import { andList, fmt } from '../format';
import { RunError, stepOf, type Env, type Run } from '../run';
import { literalOps } from '../values';
import { LimitError } from '../tape';
import type { Tensor } from '../tensor';
import * as ids from '../../ids';
import type { Claim } from './hints';
import { close } from './points';
import { termsOf } from './localFactor';
import { atStep } from './textbook';

interface Atom {
  key: string;
  /** the written value and the entry of it this factor is (entryExpr makes its scalar expression when first asked) */
  of: Expr;
  at: number[];
  /** a scalar expression that evaluates to this factor (atomExpr) */
  e?: Expr;
  /** the factor as written, made when a message first names it (an atom is named in two lists) */
  text?: string;
  /** σ(…) of an entry: the function and its argument, expanded */
  call?: { fn: string; arg: Poly };
}

interface Mono {
  coef: number;
  /** its key in the polynomial (monoKey of its atoms), kept: a key made again is hashed again at each lookup */
  key: string;
  atoms: Atom[];
}

type Poly = Map<string, Mono>;

/**
 * Parameters read at their given values (row 1 of a given W = all ones) instead of as entries W[1, j]: the ones
 * a claim writes no entry of, as a student who works with the hand-set weights substitutes them (seed 004).
 */
type Given = ReadonlyMap<string, Tensor>;
const NO_VALUES: Given = new Map();

/** no more monomials than this in any expansion (a row of a large product is not written out by hand) */
const MAX_MONOS = 200;

const ELEMENTWISE = new Set(['sigma', 'tanh', 'relu', 'exp', 'log', 'sqrt', 'abs', 'logit', 'artanh', 'dsigma', 'dtanh', 'drelu']);

class TooBig extends Error {}

const size = (s: number[]) => {
  let n = 1;
  for (const k of s) n *= k;
  return n;
};

/** an entry index of `shape`, from one written for a shape with the same entries (size-1 vectors are scalars) */
function fit(shape: number[], ix: number[]): number[] | null {
  if (ix.length === shape.length) return ix;
  if (size(shape) === 1) return shape.map(() => 0);
  if (!ix.length || shape.filter((n) => n !== 1).length !== 1) return null;
  const nz = ix.filter((x) => x !== 0);
  if (nz.length > 1) return null;
  return shape.map((n) => (n === 1 ? 0 : (nz[0] ?? 0)));
}

const monoKey = (atoms: Atom[]) =>
  // no array made for the common monomials of one or two factors (an expansion makes a key per product)
  atoms.length === 0
    ? ''
    : atoms.length === 1
      ? atoms[0]!.key
      : atoms.length === 2
        ? atoms[0]!.key <= atoms[1]!.key
          ? `${atoms[0]!.key}·${atoms[1]!.key}`
          : `${atoms[1]!.key}·${atoms[0]!.key}`
        : atoms
            .map((a) => a.key)
            .sort()
            .join('·');

/** the position of entry ix in a row-major array of this shape */
const flatIndex = (shape: number[], ix: number[]): number => ix.reduce((acc, x, k) => acc * (shape[k] ?? 1) + x, 0);

/** a polynomial of one monomial (set, not built from an array of entries: the expansion makes one per leaf) */
function one(m: Mono): Poly {
  const out: Poly = new Map();
  out.set(m.key, m);
  return out;
}

function constant(c: number): Poly {
  return c === 0 ? new Map() : one({ coef: c, atoms: [], key: '' });
}

/** out += coef·atoms under key k (a monomial whose coefficient cancels to 0 is dropped) */
function addMono(out: Poly, k: string, coef: number, atoms: Atom[]): void {
  const prev = out.get(k);
  const c = (prev?.coef ?? 0) + coef;
  if (c === 0) out.delete(k);
  else out.set(k, { coef: c, atoms, key: k });
}

function addInto(out: Poly, p: Poly, sign: number): Poly {
  for (const [k, m] of p) addMono(out, k, sign * m.coef, m.atoms);
  if (out.size > MAX_MONOS) throw new TooBig();
  return out;
}

/** p (this expansion's own map) times k, in place: each coefficient as addInto(new Map(), p, k) makes it (0 + k·c, dropped at 0) */
function scaled(p: Poly, k: number): Poly {
  for (const [key, m] of p) {
    const c = 0 + k * m.coef;
    if (c === 0) p.delete(key);
    else p.set(key, { coef: c, atoms: m.atoms, key });
  }
  return p;
}

function times(a: Poly, b: Poly): Poly {
  const out: Poly = new Map();
  for (const x of a.values())
    for (const y of b.values()) {
      // each product added in place (a one-entry map per product was most of the expansion's garbage)
      const atoms = [...x.atoms, ...y.atoms];
      addMono(out, monoKey(atoms), x.coef * y.coef, atoms);
      if (out.size > MAX_MONOS) throw new TooBig();
    }
  return out;
}

/** a canonical text of a polynomial (for the key of σ(…) of it) */
function polyKey(p: Poly): string {
  return [...p.entries()]
    .map(([k, m]) => `${m.coef.toPrecision(12)}*${k}`)
    .sort()
    .join('+');
}

const num = (value: number, like: Expr): Expr => ({ k: 'num', value, shape: [], range: like.range });

/** an atom's scalar expression, made once when a message or an evaluation first needs it (most atoms are never named) */
const atomExpr = (a: Atom): Expr => (a.e ??= entryExpr(a.of, a.at));

/** the scalar expression for entry ix of e (e itself when it has one entry) */
function entryExpr(e: Expr, ix: number[]): Expr {
  if (size(e.shape) === 1 || !ix.length) return e;
  const i = num(ix[0]! + 1, e);
  const j = ix.length > 1 ? num(ix[1]! + 1, e) : null;
  return { k: 'index', a: e, i, j, shape: [], range: e.range };
}

/** per model, each untimed quantity's constant definition or null: found once, not walked at each reference */
const constants = new Memo<Model, Map<string, Expr | null>>();

/** a quantity given by a constant (the seed's U = [[1, 1], …]), expanded into its numbers */
function constantDef(model: Model, e: Expr & { k: 'ref' }): Expr | null {
  if (e.idx !== null) return null;
  let known = constants.get(model);
  if (!known) constants.set(model, (known = new Map()));
  let c = known.get(e.name);
  if (c === undefined) {
    const q = model.quantities.get(e.name);
    let refs = false;
    if (q && !q.timed && q.general) walkRefs(q.general, () => (refs = true));
    c = q && !q.timed && q.general && !refs ? q.general : null;
    known.set(e.name, c);
  }
  return c;
}

/** a step index as a key: its variable, offset and any further index variables with their signs */
const idxKey = (i: Idx): string => `${i.v}:${i.k}${i.terms?.length ? `:${i.terms.map((x) => `${x.sign}${x.v}`).join(',')}` : ''}`;

/** x has one entry (read whole wherever an entry of the other factor is asked for) */
const scalarOf = (x: Expr) => size(x.shape) === 1;

/** entry ix of e as a polynomial, or null when e has a part this expansion does not read */
function expand(e: Expr, ix: number[], model: Model, given: Given | null = null): Poly | null {
  const at = fit(e.shape, ix);
  if (!at) return null;
  switch (e.k) {
    case 'num':
      return constant(e.value);
    case 'vec': {
      const item = e.items[at[0] ?? 0];
      return item ? expand(item, [], model, given) : null;
    }
    case 'mat': {
      const item = e.rows[at[0] ?? 0]?.[at[1] ?? 0];
      return item ? expand(item, [], model, given) : null;
    }
    case 'ref': {
      const c = constantDef(model, e);
      if (c) return expand(c, at, model, given);
      const g = e.idx === null ? given?.get(e.name) : undefined;
      if (g) return constant(g.data[flatIndex(g.shape, at)]!);
      // the reference's name, step (a variable and offset, or a fixed step) and entry
      const key = `${e.name}|${e.idx ? idxKey(e.idx) : ''}|${at.join(',')}`;
      return one({ coef: 1, atoms: [{ key, of: e, at }], key });
    }
    case 'neg': {
      const a = expand(e.a, at, model, given);
      return a && scaled(a, -1);
    }
    case 'add':
    case 'sub': {
      const a = expand(e.a, at, model, given);
      const b = expand(e.b, at, model, given);
      // a is this call's own (every expansion is a new map): b is added into it, not both into a copy
      return a && b && addInto(a, b, e.k === 'add' ? 1 : -1);
    }
    case 'mul':
    case 'hadamard': {
      const a = expand(e.a, scalarOf(e.a) ? [] : at, model, given);
      const b = expand(e.b, scalarOf(e.b) ? [] : at, model, given);
      return a && b && times(a, b);
    }
    case 'matmul':
    case 'contract': {
      // rows of a (a vector standing left acts as a row) against the columns of b
      const aRows = e.k === 'contract' || e.a.shape.length < 2 ? 1 : e.a.shape[0]!;
      const inner = e.a.shape.length < 2 ? (e.a.shape[0] ?? 1) : e.a.shape[1]!;
      if (e.b.shape.length > 2 || (e.b.shape[0] ?? 1) !== inner) return null;
      const bCols = e.b.shape.length === 2 ? e.b.shape[1]! : 1;
      const full = fit([aRows, bCols], at);
      if (!full) return null;
      const [i, k] = full as [number, number];
      const out: Poly = new Map();
      for (let j = 0; j < inner; j++) {
        const a = expand(e.a, e.a.shape.length < 2 ? [j] : [i, j], model, given);
        const b = expand(e.b, e.b.shape.length === 2 ? [j, k] : [j], model, given);
        if (!a || !b) return null;
        addInto(out, times(a, b), 1);
      }
      return out;
    }
    case 'transpose': {
      if (e.a.shape.length === 2) return expand(e.a, [at[1] ?? 0, at[0] ?? 0], model, given);
      return expand(e.a, [Math.max(...at, 0)], model, given);
    }
    case 'div': {
      const b = scalarOf(e.b) ? expand(e.b, [], model, given) : null;
      const c = b && b.size === 1 ? b.get('') : undefined;
      const a = expand(e.a, at, model, given);
      return c && a ? scaled(a, 1 / c.coef) : null;
    }
    case 'pow': {
      const n = e.b.k === 'num' ? e.b.value : NaN;
      if (!Number.isInteger(n) || n < 1 || n > 4) return null;
      const a = expand(e.a, at, model, given);
      if (!a) return null;
      let out = a;
      for (let k = 1; k < n; k++) out = times(out, a);
      return out;
    }
    case 'call': {
      if (!ELEMENTWISE.has(e.fn)) return null;
      const arg = expand(e.arg, scalarOf(e.arg) ? [] : at, model, given);
      if (!arg) return null;
      const key = `${e.fn}(${polyKey(arg)})`;
      return one({ coef: 1, atoms: [{ key, of: e, at, call: { fn: e.fn, arg } }], key });
    }
    case 'index': {
      if (e.i.k !== 'num' || (e.j && e.j.k !== 'num')) return null;
      return expand(e.a, e.j && e.j.k === 'num' ? [e.i.value - 1, e.j.value - 1] : [e.i.value - 1], model, given);
    }
    default:
      return null;
  }
}

const safe = <T>(f: () => T): T | null => {
  try {
    return f();
  } catch (e) {
    if (e instanceof TooBig || e instanceof RunError || e instanceof LimitError) return null;
    throw e;
  }
};

/** the additive terms of an expression, with their signs */
const monoText = (m: Mono, first: boolean): string => {
  const mag = Math.abs(m.coef);
  const sign = m.coef < 0 ? (first ? '−' : ' − ') : first ? '' : ' + ';
  // the coefficient (left out when 1 before a factor) and the factors, blank-separated, none empty
  let out = sign;
  let sep = '';
  const c = mag === 1 && m.atoms.length ? '' : fmt(mag, 4);
  if (c) {
    out += c;
    sep = ' ';
  }
  for (const a of m.atoms) {
    const f = (a.text ??= exprText(atomExpr(a)));
    if (f) {
      out += sep + f;
      sep = ' ';
    }
  }
  return out;
};

const polyText = (ms: Mono[]) => (ms.length ? ms.map((m, k) => monoText(m, k === 0)).join('') : '0');

/** the expression Σ coef·atoms of these monomials */
function polyExpr(ms: Mono[], like: Expr): Expr {
  const mono = (m: Mono): Expr =>
    m.atoms.reduce<Expr>((acc, a) => ({ k: 'mul', a: acc, b: atomExpr(a), shape: [], range: like.range }), num(m.coef, like));
  return ms.map(mono).reduce((acc, x) => ({ k: 'add', a: acc, b: x, shape: [], range: like.range }), num(0, like));
}

/**
 * A factor's value at a point, read where the compiled entryExpr reads it (values.ts 'ref', 'index'), and the
 * operations that reading charges (a literal per index, one for the entry); null: not a plain entry of a
 * named node (σ(…) of one, a whole vector), left to the compiled evaluation.
 */
function atomValue(a: Atom, env: Env, run: Run): { v: number; ops: number } | null {
  if (a.call) return null;
  const e = atomExpr(a);
  const ref = e.k === 'ref' ? e : e.k === 'index' && e.a.k === 'ref' && e.i.k === 'num' && (!e.j || e.j.k === 'num') ? e.a : null;
  if (!ref) return null;
  const n = run.node(ref.name, ref.idx ? stepOf(ref.idx, env) : null);
  if (!n) throw new RunError(`${ref.name} has no value here`);
  if (e.k === 'ref') return n.data.length === 1 ? { v: n.data[0]!, ops: 0 } : null;
  if (e.k !== 'index' || e.i.k !== 'num') return null;
  const ops = e.j ? 3 : 2;
  const i = e.i.value;
  if (e.j?.k === 'num') {
    if (n.shape.length !== 2) return null;
    const [m, cols] = n.shape as [number, number];
    const j = e.j.value;
    return Number.isInteger(i) && Number.isInteger(j) && i >= 1 && i <= m && j >= 1 && j <= cols
      ? { v: n.data[(i - 1) * cols + (j - 1)]!, ops }
      : null;
  }
  return n.shape.length === 1 && Number.isInteger(i) && i >= 1 && i <= n.data.length ? { v: n.data[i - 1]!, ops } : null;
}

/**
 * other + Σ coef·Π factors at a point, as the compiled other + polyExpr(ms) computes it (the same products
 * and sums in the same order: ((0 + c₁·a·b) + c₂·d) …, then other + that), charging what it charges (one
 * literal's operations per number, product, sum and index); null when a factor is not a plain entry
 */
function putRight(other: Expr, ms: Mono[], env: Env, run: Run): Float64Array | null {
  let fix = 0;
  let scalars = 1; // the 0 the sum starts from
  for (const m of ms) {
    let x = m.coef;
    scalars += 2; // the coefficient, the sum
    for (const a of m.atoms) {
      const av = atomValue(a, env, run);
      if (!av) return null;
      x *= av.v;
      scalars += 1 + av.ops;
    }
    fix += x;
  }
  const o = run.evaluateShared(other, env);
  if (o.data.length !== 1) return null;
  run.tape.budget.tick((scalars + 1) * literalOps(1));
  return Float64Array.of(o.data[0]! + fix);
}

/** the entry of a defined quantity a side is: h_1^{(t)} (index of a ref), or a scalar quantity y^{(t)} */
function entrySide(e: Expr, model: Model): { ref: Expr & { k: 'ref' }; ix: number[] } | null {
  let ref: Expr = e;
  let ix: number[] = [];
  if (e.k === 'index') {
    if (e.i.k !== 'num' || (e.j && e.j.k !== 'num')) return null;
    ref = e.a;
    ix = e.j && e.j.k === 'num' ? [e.i.value - 1, e.j.value - 1] : [e.i.value - 1];
  }
  if (ref.k !== 'ref') return null;
  const q = model.quantities.get(ref.name);
  if (!q?.general || (q.timed && !ref.idx) || constantDef(model, ref)) return null;
  return { ref, ix };
}

interface Diff {
  missing: Mono[];
  extra: Mono[];
  changed: { claim: Mono; def: Mono }[];
}

function diff(def: Poly, claim: Poly): Diff {
  let scale = 1;
  for (const m of def.values()) scale = Math.max(scale, Math.abs(m.coef));
  for (const m of claim.values()) scale = Math.max(scale, Math.abs(m.coef));
  const eq = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * scale;
  const out: Diff = { missing: [], extra: [], changed: [] };
  for (const [k, m] of def) {
    const c = claim.get(k);
    if (!c) out.missing.push(m);
    else if (!eq(c.coef, m.coef)) out.changed.push({ claim: c, def: m });
  }
  for (const [k, m] of claim) if (!def.has(k)) out.extra.push(m);
  return out;
}

/** "row 1 of W is all ones" for a term W h_{t-1} with W a constant matrix or one read at its given values, else "" */
function rowNote(term: Expr, i: number, model: Model, given: Given): string {
  let x = term;
  while (x.k === 'neg') x = x.a;
  if ((x.k !== 'matmul' && x.k !== 'mul') || x.a.shape.length !== 2) return '';
  let vals: number[] | null = null;
  const g = x.a.k === 'ref' && x.a.idx === null ? given.get(x.a.name) : undefined;
  if (g && g.shape.length === 2) {
    const cols = g.shape[1]!;
    vals = i < g.shape[0]! ? [...g.data.subarray(i * cols, (i + 1) * cols)] : null;
  } else {
    const m = x.a.k === 'ref' ? constantDef(model, x.a) : x.a.k === 'mat' ? x.a : null;
    const row = m?.k === 'mat' ? m.rows[i] : undefined;
    vals = row && row.every((v) => v.k === 'num') ? row.map((v) => (v as Expr & { k: 'num' }).value) : null;
  }
  if (!vals) return '';
  const what = vals.every((v) => v === 1) ? 'all ones' : `[${vals.map((v) => fmt(v, 4)).join(', ')}]`;
  return `row ${i + 1} of ${exprText(x.a)} is ${what}`;
}

/** how many terms a comparison names */
const count = (d: Diff) => d.missing.length + d.extra.length + d.changed.length;

/**
 * The parameters (one value for every step, given in the file) that the definition reads and the claim writes
 * no entry of, with their values in this run, in the definition's order.
 */
function givenNotWritten(def: Expr, claim: Expr, run: Run): Map<string, Tensor> {
  const written = new Set<string>();
  walkRefs(claim, (r) => written.add(r.name));
  const out = new Map<string, Tensor>();
  walkRefs(def, (r) => {
    if (r.idx !== null || written.has(r.name) || out.has(r.name)) return;
    const d = run.model.decls.get(r.name);
    const n = d && !d.perStep && d.values ? run.node(r.name, null) : undefined;
    if (n) out.set(r.name, { shape: n.shape, data: n.data });
  });
  return out;
}

interface Comparison {
  defPoly: Poly;
  /** each monomial's term of the definition (or of σ's argument), with its sign */
  source: Map<string, { term: Expr; sign: number }>;
  d: Diff;
  /** "inside σ(…), " when the two sides are the same function of different arguments */
  inside: string;
  /** the level whose terms are named: the definition, or σ's argument */
  level: Expr;
  /** the parameters read at their given values (empty: every parameter an entry) */
  given: Given;
}

/** the definition's entry expanded (parameters in `given` read at their values) and compared with the claim's */
function compare(def: Expr, claimPoly: Poly, ix: number[], model: Model, given: Given | null): Comparison | null {
  const source = new Map<string, { term: Expr; sign: number }>();
  const defPoly: Poly = new Map();
  for (const t of termsOf(def)) {
    const p = expand(t.e, ix, model, given);
    if (!p) return null;
    for (const k of p.keys()) if (!source.has(k)) source.set(k, { term: t.e, sign: t.sign });
    addInto(defPoly, p, t.sign);
  }
  // a definition that expands to a number alone (n = 4(a + b) + c of constants) has no terms to name
  if ([...defPoly.values()].every((m) => m.atoms.length === 0)) return null;
  let d = diff(defPoly, claimPoly);
  let inside = '';
  let level = def;
  // σ(…) on both sides with different arguments: compare the arguments
  const [dm] = [...defPoly.values()];
  const [cm] = [...claimPoly.values()];
  if (defPoly.size === 1 && claimPoly.size === 1 && dm!.coef === cm!.coef && dm!.atoms.length === 1 && cm!.atoms.length === 1) {
    const [da, ca] = [dm!.atoms[0]!, cm!.atoms[0]!];
    if (da.call && ca.call && da.call.fn === ca.call.fn && da.key !== ca.key) {
      d = diff(da.call.arg, ca.call.arg);
      inside = `inside ${exprText(atomExpr(ca)).replace(/\(.*$/s, '')}(…), `;
      // the terms' sources are inside the call's argument
      source.clear();
      const argDef = def.k === 'call' ? def.arg : null;
      if (argDef) level = argDef;
      if (argDef)
        for (const t of termsOf(argDef)) {
          const p = expand(t.e, t.e.shape.length ? ix : [], model, given);
          if (p) for (const k of p.keys()) if (!source.has(k)) source.set(k, { term: t.e, sign: t.sign });
        }
    }
  }
  return { defPoly, source, d, inside, level, given: given ?? NO_VALUES };
}

/** rowHint's diagnosis, and whether it is certain and complete: the side only misses terms, and with them it holds */
export interface RowDiagnosis {
  text: string;
  missesOnly: boolean;
}

/**
 * A side that is an entry of a defined quantity, the other its expansion written out: the terms it misses,
 * adds or weighs differently than the definition, each with the term of the definition it belongs to.
 * `compiled`: the put-right claim always evaluated as a compiled expression (the reference putRight is tested against).
 */
export function rowHint(c: Claim, run: Run, compiled = false): string | null {
  return rowDiagnosis(c, run, compiled)?.text ?? null;
}

export function rowDiagnosis(c: Claim, run: Run, compiled = false): RowDiagnosis | null {
  const model = run.model;
  for (const [side, other] of [
    [c.lhs, c.rhs],
    [c.rhs, c.lhs],
  ] as const) {
    const entry = entrySide(side, model);
    if (!entry || hasDeriv(other)) continue;
    const hint = safe(() => judge(c, side, other, entry, run, compiled));
    if (hint) return hint;
  }
  return null;
}

/** a side that is an entry of a defined quantity, written with its index (h_1^{(t)}, h_t[1]): rowHint may apply */
export function writesEntry(c: Claim, model: Model): boolean {
  return (c.lhs.k === 'index' && entrySide(c.lhs, model) !== null) || (c.rhs.k === 'index' && entrySide(c.rhs, model) !== null);
}

function judge(
  c: Claim,
  side: Expr,
  other: Expr,
  entry: { ref: Expr & { k: 'ref' }; ix: number[] },
  run: Run,
  compiled: boolean,
): RowDiagnosis | null {
  const model = run.model;
  const q = model.quantities.get(entry.ref.name)!;
  // the definition at the side's own step (h^{(t)}: as written; h^{(3)}: t ↦ 3); not where an override rules
  const def = q.timed ? atStep(q.general!, entry.ref.idx!) : q.general!;
  if (!def) return null;
  for (const p of c.points) {
    const s = stepOf(entry.ref.idx, p.env);
    if (s !== null && q.overrides.has(s)) return null;
  }
  const claimPoly = expand(other, [], model);
  if (!claimPoly || size(other.shape) !== 1) return null;
  let cmp = compare(def, claimPoly, entry.ix, model, null);
  if (!cmp || !count(cmp.d)) return null;
  // parameters the claim writes no entry of, with given values: read at those values (the student substituted
  // them), kept when that names fewer terms than reading them as entries
  const candidates = givenNotWritten(def, other, run);
  if (candidates.size) {
    const withGiven = compare(def, claimPoly, entry.ix, model, candidates);
    if (withGiven && count(withGiven.d) && count(withGiven.d) < count(cmp.d)) cmp = withGiven;
  }
  const { defPoly, source, d, inside, level, given } = cmp;
  const i = entry.ix[0] ?? 0;
  const from = (ms: Mono[]) => {
    const bySource = new Map<Expr | null, Mono[]>();
    for (const m of ms) {
      const src = source.get(m.key)?.term ?? null;
      const group = bySource.get(src);
      if (group) group.push(m);
      else bySource.set(src, [m]);
    }
    return [...bySource.entries()]
      .map(([src, group]) => {
        if (!src || termsOf(level).length === 1) return polyText(group);
        const note = rowNote(src, i, model, given);
        const part = polyText(group);
        const whole = exprText(src);
        // the whole term missed (a scalar network's W_hh h_{t-1}): "from W_hh h_{t-1}" would repeat it
        if ((part === whole || part === `−${whole}`) && !note) return part;
        return `${part} from ${whole}${note ? ` (${note})` : ''}`;
      })
      .join(', ');
  };
  const parts: string[] = [];
  if (d.missing.length) parts.push(`misses ${from(d.missing)}`);
  if (d.extra.length) parts.push(`has ${polyText(d.extra)}, which the definition does not`);
  for (const ch of d.changed)
    parts.push(
      ch.claim.atoms.length
        ? `has ${monoText(ch.claim, true)} where the definition has ${monoText(ch.def, true)}`
        : `has the constant ${fmt(ch.claim.coef, 4)} where the definition has ${fmt(ch.def.coef, 4)}`,
    );
  // the claim with the difference put right must hold: evaluated, never assumed
  const put = [
    ...d.missing,
    ...d.extra.map((m) => ({ ...m, coef: -m.coef })),
    ...d.changed.map((ch) => ({ ...ch.def, coef: ch.def.coef - ch.claim.coef })),
  ];
  // the put-right claim as an expression, built only when a point cannot be read from the nodes (once: one compile)
  let corrected: Expr | undefined;
  const asExpr = (): Expr => {
    if (corrected) return corrected;
    const fix = polyExpr(put, other);
    const plus = (x: Expr): Expr => ({ k: 'add', a: x, b: fix, shape: x.shape, range: x.range });
    const call = other as Expr & { k: 'call' };
    return (corrected = !inside ? plus(other) : { ...call, arg: plus(call.arg) });
  };
  const holds =
    (!inside || other.k === 'call') &&
    c.points.every((p) => {
      const want = run.evaluateShared(side, p.env).data;
      // other + fix read from the run's nodes when every factor is an entry (no compiling of a one-off sum)
      const v = inside || compiled ? null : putRight(other, put, p.env, run);
      return close(want, v ?? run.evaluateShared(asExpr(), p.env).data);
    });
  const written = [...defPoly.values()];
  const expansion = written.length <= 12 ? `, ${exprText(side)} = ${polyText(written)}` : '';
  const withValues = given.size ? `, with the given ${andList([...given.keys()].map((n) => ids.nodeLabel({ name: n, step: null })))}` : '';
  const head = `By ${exprText(entry.ref)}'s definition (${exprText(entry.ref)} = ${exprText(def)})${withValues}${inside ? '' : expansion}`;
  return {
    text: `${head}: ${inside}the ${side === c.lhs ? 'right' : 'left'} side ${parts.join('; ')}${holds ? '; with that put right the check holds' : ''}`,
    missesOnly: holds && !d.extra.length && !d.changed.length,
  };
}
