// A number substituted by hand that is not the value of the term it stands for (issue 9): an exam's forward pass
// `h_2 = tanh(w h_1 + u x_2) = tanh(0.0987 + 0.5)` with u x_2 = 0.4. The side of numbers is laid over the formula it
// was computed from — the other side's definition (h_2's), the chain's latest side of names before it, or the other
// side itself when it is a formula of names — term by term and factor by factor; a number that is no rounding of its
// term's value is named with that value. The mend is evaluated (every number replaced by its term's exact value),
// never assumed.

import type { Expr } from '../../language/model';
import { exprText } from '../../language/print';
import { forChildren, hasDeriv, VALUE_CHILDREN, walkRefs } from '../../language/resolve';
import { fmt } from '../format';
import { stepOf, type Env, type Run } from '../run';
import { guard } from './guard';
import type { Claim } from './hints';
import { factorsOf, termsOf } from './localFactor';
import { close, type Sides } from './points';
import { replaceWhere, VALUES } from './replacing';
import { atStep } from './textbook';
import { writtenDecimals } from './roundedEquals';

type Num = Expr & { k: 'num' };

/** a side of numbers and operations only, with at least one operation (a bare number is roundedEquals' case) */
export function numbersOnly(e: Expr): boolean {
  if (e.k === 'num' || (e.k === 'neg' && e.a.k === 'num')) return false;
  let ok = true;
  const walk = (x: Expr) => {
    if (!ok) return;
    if (x.k === 'ref' || x.k === 'var' || x.k === 'deriv' || x.k === 'sum' || x.k === 'prod' || x.k === 'vec' || x.k === 'mat') ok = false;
    else forChildren(x, walk, VALUE_CHILDREN);
  };
  walk(e);
  return ok;
}

/**
 * a written number read as a value: an integer exactly, a decimal rounded to its digits, or one of three or more
 * decimals cut there (0.0986 for 0.098687); 0.5 for 0.4 is no rounding
 */
function agrees(n: number, decimals: number, v: number): boolean {
  if (decimals === 0) return Math.abs(n - v) <= 1e-9 * Math.max(1, Math.abs(v));
  return Math.abs(n - v) <= (decimals >= 3 ? 1 : 0.5) * 10 ** -decimals * (1 + 1e-9);
}

interface Laid {
  /** numbers that are not their term's value: the number, the term, its signed value there */
  wrong: { node: Num; sign: number; term: Expr; value: number; is: Expr | null }[];
  /** every number laid over a term, with the value it stands for (the mend reads these) */
  exact: Map<Expr, number>;
  /** numbers that agree only to their digits (0.0987 for 0.098687) */
  rounded: { node: Num; term: Expr; value: number; decimals: number }[];
  /** numbers written with a minus of their own (−0.5389): named with it */
  negated: Set<Expr>;
}

/** at most this many numbers laid over terms (each one evaluation) */
const MAX_NUMBERS = 12;

/** the written side laid over the formula, into `out`; where their structures part, the subtree stays as written */
function lay(def: Expr, w: Expr, env: Env, run: Run, out: Laid, sign = 1): void {
  if (out.exact.size >= MAX_NUMBERS) return;
  if (w.k === 'num') {
    const d = writtenDecimals(w.value);
    const v = value(def, env, run);
    if (d === null || v === null) return;
    const want = sign * v;
    out.exact.set(w, want);
    if (!agrees(w.value, d, want)) out.wrong.push({ node: w, sign, term: def, value: want, is: partOf(def, w.value, d, sign, env, run) });
    else if (d > 0 && w.value !== want) out.rounded.push({ node: w, term: def, value: want, decimals: d });
    return;
  }
  if (w.k === 'neg' && def.k === 'neg') return lay(def.a, w.a, env, run, out, sign);
  if (w.k === 'neg' && w.a.k === 'num') {
    out.negated.add(w.a);
    return lay(def, w.a, env, run, out, -sign);
  }
  const sum = (x: Expr) => x.k === 'add' || x.k === 'sub';
  const product = (x: Expr) => x.k === 'mul' || x.k === 'hadamard';
  if (sum(w) && sum(def)) {
    const ws = termsOf(w);
    const ds = termsOf(def);
    if (ws.length !== ds.length) return;
    // a minus before the first term is the number's own (−0.0987 + 0.5), not a subtraction's
    if (ws[0]!.sign < 0 && ws[0]!.e.k === 'num') out.negated.add(ws[0]!.e);
    const signOf = (a: (typeof ds)[number], b: (typeof ws)[number]) => sign * a.sign * b.sign;
    for (const [a, b] of pair(ds, ws, env, run, (t) => t.e, signOf)) lay(a.e, b.e, env, run, out, signOf(a, b));
    return;
  }
  // a product under a sign the formula does not have is a sign slip, no number's (its factors are not laid)
  if (product(w) && product(def) && sign === 1) {
    const ws = factorsOf(w);
    const ds = factorsOf(def);
    if (ws.length !== ds.length) return;
    for (const [a, b] of pair(
      ds,
      ws,
      env,
      run,
      (f) => f,
      () => 1,
    ))
      lay(a, b, env, run, out, sign);
    return;
  }
  if (w.k === 'call' && def.k === 'call' && w.fn === def.fn) return lay(def.arg, w.arg, env, run, out, sign);
  // σ(z) written out, 1/(1 + e^{−z}): the exponent laid over −z
  const exponent = def.k === 'call' && def.fn === 'sigma' ? sigmoidExponent(w) : null;
  if (exponent) return lay({ k: 'neg', a: (def as Expr & { k: 'call' }).arg, shape: [], range: def.range }, exponent, env, run, out, sign);
  // tanh(z) written out, (e^z − e^{−z})/(e^z + e^{−z}) and its forms with 2z: each exponent laid over z, −z, 2z or −2z
  const exponents = def.k === 'call' && def.fn === 'tanh' ? tanhExponents(w, def.arg) : null;
  if (exponents) {
    for (const [over, written] of exponents) lay(over, written, env, run, out, sign);
    return;
  }
  // −(v h_2) written (−1.3)·0.4611: the minus on one number of the product
  const minus = def.k === 'neg' && product(w) ? factorsOf(w).filter((f) => f.k === 'neg' && f.a.k === 'num') : [];
  if (minus.length === 1 && sign === 1)
    return lay(
      (def as Expr & { k: 'neg' }).a,
      replaceWhere(w, (x) => (x === minus[0] ? (x as Expr & { k: 'neg' }).a : null), VALUES),
      env,
      run,
      out,
    );
  if ((w.k === 'div' && def.k === 'div') || (w.k === 'pow' && def.k === 'pow')) {
    const d = def as Expr & { k: 'div' | 'pow' };
    lay(d.a, w.a, env, run, out, sign);
    lay(d.b, w.b, env, run, out);
  }
}

/** E of a side written 1/(1 + exp(E)), or null */
function sigmoidExponent(w: Expr): Expr | null {
  if (w.k !== 'div' || w.a.k !== 'num' || w.a.value !== 1 || w.b.k !== 'add') return null;
  const [one, e] = w.b.a.k === 'num' ? [w.b.a, w.b.b] : [w.b.b, w.b.a];
  return one.k === 'num' && one.value === 1 && e.k === 'call' && e.fn === 'exp' ? e.arg : null;
}

type Call = Expr & { k: 'call' };
const isExp = (x: Expr): x is Call => x.k === 'call' && x.fn === 'exp';
const isOne = (x: Expr) => x.k === 'num' && x.value === 1;

/** an exponent written under a minus (−0.5, −2·0.5, −(…)): the one laid over −z */
const negative = (x: Expr): boolean =>
  x.k === 'neg' ||
  (x.k === 'num' && x.value < 0) ||
  ((x.k === 'mul' || x.k === 'div') && (negative(x.a) || (x.k === 'mul' && negative(x.b))));

/**
 * the exponents of a side written as tanh(z) is written out, each with what it stands for: (e^A − e^B)/(e^C + e^D)
 * with A, C over z and B, D over −z (the denominator's terms in either order), (1 − e^A)/(1 + e^B) with A, B over
 * −2z, (e^A − 1)/(e^B + 1) with A, B over 2z; null for any other side
 */
function tanhExponents(w: Expr, z: Expr): [Expr, Expr][] | null {
  if (w.k !== 'div' || w.a.k !== 'sub' || w.b.k !== 'add') return null;
  const [n1, n2, d1, d2] = [w.a.a, w.a.b, w.b.a, w.b.b];
  const range = z.range;
  const neg = (a: Expr): Expr => ({ k: 'neg', a, shape: z.shape, range });
  const two = (a: Expr): Expr => ({ k: 'mul', a: { k: 'num', value: 2, shape: [], range }, b: a, shape: z.shape, range });
  if (isExp(n1) && isExp(n2) && isExp(d1) && isExp(d2)) {
    const [c, d] = negative(d1.arg) && !negative(d2.arg) ? [d2, d1] : [d1, d2];
    return [
      [z, n1.arg],
      [neg(z), n2.arg],
      [z, c.arg],
      [neg(z), d.arg],
    ];
  }
  if (isOne(n1) && isExp(n2) && isOne(d1) && isExp(d2))
    return [
      [neg(two(z)), n2.arg],
      [neg(two(z)), d2.arg],
    ];
  if (isExp(n1) && isOne(n2) && isExp(d1) && isOne(d2))
    return [
      [two(z), n1.arg],
      [two(z), d1.arg],
    ];
  return null;
}

/** a part of the term whose value the number is (0.4611 written for h_2^2 is h_2): the step a student left out */
function partOf(def: Expr, n: number, d: number, sign: number, env: Env, run: Run): Expr | null {
  // a number of one decimal agrees with too much by chance (0.2 with h_1 = 0.197)
  if (d < 2) return null;
  let found: Expr | null = null;
  forChildren(
    def,
    (c) => {
      if (found || c.k === 'num') return;
      const v = value(c, env, run);
      if (v !== null && agrees(n, d, sign * v)) found = c;
    },
    VALUE_CHILDREN,
  );
  return found;
}

/**
 * Terms (or factors) paired: a written number first with a term whose value it is (a sum written in another order,
 * 0.4 + 0.0987), the rest in the order written.
 */
function pair<T>(ds: T[], ws: T[], env: Env, run: Run, e: (t: T) => Expr, sign: (a: T, b: T) => number): [T, T][] {
  const free = new Set(ds);
  const out: [T, T][] = [];
  const rest: T[] = [];
  for (const b of ws) {
    const n = e(b);
    const d = n.k === 'num' ? writtenDecimals(n.value) : null;
    const match = d === null ? undefined : [...free].find((a) => agreesWith(a, n as Num, d, sign(a, b), env, run, e));
    if (match === undefined) rest.push(b);
    else {
      free.delete(match);
      out.push([match, b]);
    }
  }
  const left = [...free];
  if (left.length !== rest.length) return out;
  rest.forEach((b, k) => out.push([left[k]!, b]));
  return out;
}

function agreesWith<T>(a: T, n: Num, d: number, sign: number, env: Env, run: Run, e: (t: T) => Expr): boolean {
  const v = value(e(a), env, run);
  return v !== null && agrees(n.value, d, sign * v);
}

/** a scalar's value at the point, or null */
function value(e: Expr, env: Env, run: Run): number | null {
  const t = guard(() => run.evaluateShared(e, env));
  return t && t.data.length === 1 && Number.isFinite(t.data[0]!) ? t.data[0]! : null;
}

/**
 * the formula a side of numbers was computed from: the other side's definition at its step, the chain's side before
 * it (`∂L/∂w = (h_2 − y_2)(1 − h_2²) h_1 = (0.4611 − 0.5)(…)(…)`), or the other side when it is a formula of names
 */
function formulaOf(other: Expr, before: Expr | null, bad: Sides, run: Run): { def: Expr; by: string } | null {
  if (other.k === 'ref') {
    const q = run.model.quantities.get(other.name);
    if (!q?.general || (q.timed && !other.idx)) return null;
    const s = q.timed ? stepOf(other.idx, bad.env) : null;
    const def = s !== null && q.overrides.has(s) ? q.overrides.get(s)! : q.timed ? atStep(q.general, other.idx!) : q.general;
    return def ? { def, by: `By ${exprText(other)}'s definition (${exprText(other)} = ${exprText(def)}): ` } : null;
  }
  if (before && !numbersOnly(before) && before.k !== 'num') return { def: before, by: `In ${exprText(before)}, ` };
  if (hasDeriv(other)) return null;
  let names = false;
  walkRefs(other, () => (names = true));
  return names ? { def: other, by: '' } : null;
}

/** "0.5 is not u x_2 = 0.4: with 0.4 in its place the check holds", or null (structural until a side of numbers is written) */
export function wrongNumberHint(claim: Claim, bad: Sides, run: Run): string | null {
  if (claim.points.length !== 1 || bad.l.data.length !== 1 || bad.r.data.length !== 1) return null;
  for (const [side, other] of [
    [claim.rhs, claim.lhs],
    [claim.lhs, claim.rhs],
  ] as const) {
    if (!numbersOnly(side)) continue;
    const formula = formulaOf(other, side === claim.rhs ? (claim.before ?? null) : null, bad, run);
    if (!formula) continue;
    const laid: Laid = { wrong: [], exact: new Map(), rounded: [], negated: new Set() };
    // a number as written (with its own minus) and the value it should be, alike
    const k = (n: Num) => (laid.negated.has(n) ? -1 : 1);
    lay(formula.def, side, bad.env, run, laid);
    // cut, not rounded (0.0986 for 0.098687): named as a wrong number is when no number is wrong
    const cut = laid.rounded.filter((x) => Math.abs(x.node.value - x.value) > 0.5 * 10 ** -x.decimals * (1 + 1e-9));
    // each wrong number once (tanh written out has its z four times: one wrong z is one mistake)
    const texts = new Map<string, Laid['wrong'][number]>();
    for (const x of laid.wrong) {
      const text = wrongText(x.node, k(x.node), x.sign * k(x.node), x.term, x.value * k(x.node), x.is);
      if (!texts.has(text)) texts.set(text, x);
    }
    const wrong = [...texts.values()];
    // rounded to one or two decimals (0.29 for h_1 = 0.291313, a homework's hand rounding): roundedEquals.ts reads
    // three or more decimals only, where one or two are as often a given value written exactly (0.5 for w)
    const coarse = wrong.length || cut.length ? [] : laid.rounded.filter((x) => x.decimals < 3);
    if (wrong.length > 2 || (!wrong.length && !cut.length && !coarse.length)) continue;
    // the mend: every number laid over a term replaced by that term's value, so rounding does not blur it
    const mended = replaceWhere(
      side,
      (x) => {
        const v = laid.exact.get(x);
        return v === undefined ? null : { ...(x as Num), value: v };
      },
      VALUES,
    );
    const want = other === claim.lhs ? bad.l.data : bad.r.data;
    const got = guard(() => run.evaluateShared(mended, bad.env).data);
    if (!got || !close(want, got)) continue;
    if (!wrong.length && !cut.length) {
      const named = coarse.map(
        (x) =>
          `${fmt(k(x.node) * x.node.value)} is ${exprText(x.term)} = ${fmt(k(x.node) * x.value)} rounded to ${x.decimals} decimal${x.decimals > 1 ? 's' : ''}`,
      );
      return `${formula.by}${named.join('; ')}: with the exact value${coarse.length > 1 ? 's' : ''} the check holds. An equation with rounded numbers holds only to their digits: write ≈ for its =`;
    }
    if (!wrong.length) {
      const named = cut.map(
        (x) =>
          `${fmt(k(x.node) * x.node.value)} is ${exprText(x.term)} = ${fmt(k(x.node) * x.value)} cut to ${x.decimals} decimals (rounded, ${rounding(k(x.node) * x.value, x.decimals)})`,
      );
      return `${formula.by}${named.join('; ')}: with the exact value${cut.length > 1 ? 's' : ''} the check holds. An equation with rounded numbers holds only to their digits: write ≈ for its =`;
    }
    const named = [...texts.keys()].join('; ');
    const first = wrong[0]!;
    const put =
      wrong.length > 1
        ? 'those put right'
        : signSlip(first.node, first.value)
          ? 'its sign put right'
          : `${fmt(k(first.node) * first.value)} in its place`;
    // each term once (h_2 written twice as 0.4611)
    const roundings = [
      ...new Set(
        laid.rounded.map((x) => `${exprText(x.term)} = ${fmt(k(x.node) * x.value)} for its rounding ${fmt(k(x.node) * x.node.value)}`),
      ),
    ];
    const rounded = roundings.length ? ` (and ${roundings.join(', ')})` : '';
    return `${formula.by}${named}: with ${put}${rounded} the check holds`;
  }
  return null;
}

/** v rounded to d decimals, as written (0.0987) */
const rounding = (v: number, d: number) => v.toFixed(d);

/** the number is the term's value under the other sign */
const signSlip = (n: Num, value: number) => value !== 0 && agrees(Math.abs(n.value), writtenDecimals(n.value) ?? 0, Math.abs(value));

/** "0.5 is not u x_2 = 0.4", or for the right number under the wrong sign "0.0987 has the wrong sign (w h_1 = 0.0987)" */
function wrongText(n: Num, k: number, sign: number, term: Expr, value: number, is: Expr | null): string {
  // k: −1 for a number written with its own minus, shown with it; sign: the term's, as the number stands for it
  const shown = fmt(k * n.value);
  if (is) return `${shown} is ${exprText(is)}, not ${exprText(term)} = ${fmt(value)}`;
  if (signSlip(n, value)) return `${shown} has the wrong sign (${exprText(term)} = ${fmt(sign * value)})`;
  return `${shown} is not ${sign < 0 ? `−(${exprText(term)})` : exprText(term)} = ${fmt(value)}`;
}
