// A backward formula written as a sum over the users U of a node B, one term ∂A/∂U · (local factor) per
// user — an LSTM's c̄_t = h̄_t ⊙ o_t ⊙ tanh'(c_t) + c̄_{t+1} ⊙ f_{t+1} — with one local factor wrong: the
// term is named, with the factor it should be (∂⁺U/∂B), and, where it can be said, what is wrong with it:
// a factor of U's own equation left out (o_t), σ' where tanh' belongs (or the reverse), the sign.

import { ACTIVATIONS, activation } from '../../language/activations';
import type { Expr } from '../../language/model';
import { plainLetter } from '../../language/idx';
import { exprText, refText } from '../../language/print';
import { forChildren, hasDeriv, mapChildren } from '../../language/resolve';
import { bindVar } from '../subst';
import { fmt, valueText } from '../format';
import { RunError, stepOf, type Env, type Run } from '../run';
import { LimitError } from '../tape';
import { toValue } from '../tensor';
import type { Claim } from './hints';
import { close, type Point } from './points';
import { atDraws, type OtherValues } from './confirm';
import { guard } from './guard';
import { shortcuts } from './shortcuts';
import { termSwapText } from './substitute';
import { renamedCalls } from './renamed';

type Deriv = Expr & { k: 'deriv' };

interface Term {
  sign: number;
  e: Expr;
}

/** the additive terms of an expression, with their signs (products are not distributed) */
export function termsOf(e: Expr, sign = 1, out: Term[] = []): Term[] {
  if (e.k === 'add') {
    termsOf(e.a, sign, out);
    termsOf(e.b, sign, out);
  } else if (e.k === 'sub') {
    termsOf(e.a, sign, out);
    termsOf(e.b, -sign, out);
  } else if (e.k === 'neg') termsOf(e.a, -sign, out);
  else out.push({ sign, e });
  return out;
}

/** the factors of a product written with juxtaposition, ·, * or ⊙ (a minus on a factor is left on it: −h̄_t) */
export function factorsOf(e: Expr, out: Expr[] = []): Expr[] {
  if (e.k === 'mul' || e.k === 'hadamard') {
    factorsOf(e.a, out);
    factorsOf(e.b, out);
  } else if (e.k === 'neg' && (e.a.k === 'deriv' || e.a.k === 'mul' || e.a.k === 'hadamard')) factorsOf(e.a, out);
  else out.push(e);
  return out;
}

/** the same derivative numerator at the same step (∂L/∂… of one loss, ∂L/∂h_t and h̄_t alike) */
function sameOf(a: Expr, b: Expr, env: Env): boolean {
  return a.k === 'ref' && b.k === 'ref' && a.name === b.name && stepOf(a.idx, env) === stepOf(b.idx, env);
}

/** σ' ↔ tanh' throughout (null when neither is written) */
function swapPrimes(e: Expr): Expr | null {
  return renamedCalls(e, { [ACTIVATIONS.sigma.prime]: ACTIVATIONS.tanh.prime, [ACTIVATIONS.tanh.prime]: ACTIVATIONS.sigma.prime });
}

const OPAQUE = new Set<Expr['k']>(['vec', 'mat', 'matpow', 'index', 'sum', 'prod', 'indicator', 'deriv']);

/** the timed names read at U's own step by U's equation (o_t and c_t for h_t = o_t ⊙ tanh(c_t)) */
function ownFactors(run: Run, name: string, step: number): Expr[] {
  const q = run.model.quantities.get(name);
  const out: Expr[] = [];
  const seen = new Set<string>();
  const go = (x: Expr): void => {
    switch (x.k) {
      case 'ref': {
        if (x.idx && x.idx.v === 't' && !x.idx.terms?.length && !seen.has(x.name)) {
          seen.add(x.name);
          out.push({ ...x, idx: { v: null, k: step + x.idx.k } });
        }
        // a shared weight (Elman's w in σ(w h_{t-1} + u x_t)): the factor a scalar network's ∂⁺h_{t+1}/∂h_t carries;
        // so does a fixed scalar the file names (the AntisymmetricRNN's step size ε, the SCRN's α)
        const fixed = !x.idx && x.shape.length === 0 && run.model.quantities.get(x.name)?.timed === false;
        if (!x.idx && (run.model.decls.get(x.name)?.kind === 'param' || fixed) && !seen.has(x.name)) {
          seen.add(x.name);
          out.push(x);
        }
        return;
      }
      default:
        // the factors of U's own products only: not inside a literal, an entry, a power, a Σ/∏ or an indicator
        if (!OPAQUE.has(x.k)) forChildren(x, go);
    }
  };
  if (q?.timed && q.general) go(q.general);
  return out;
}

/** U's slope when its equation is σ(z) or tanh(z): σ'(z) = U ⊙ (1 − U), tanh'(z) = 1 − U², from U's value */
function activationSlope(
  run: Run,
  name: string,
  step: number | null,
  label: (name: string, step: number | null) => string,
): { fn: string; slope: Float64Array; text: string } | null {
  const q = run.model.quantities.get(name);
  const e = step !== null && q?.timed ? (q.general ?? null) : null;
  if (!e || e.k !== 'call' || (e.fn !== 'sigma' && e.fn !== 'tanh')) return null;
  const u = run.value(name, step)?.data;
  if (!u) return null;
  const me = label(name, step);
  return e.fn === 'sigma'
    ? { fn: "σ'", slope: u.map((x) => x * (1 - x)), text: `${me} ⊙ (1 − ${me})` }
    : { fn: "tanh'", slope: u.map((x) => 1 - x * x), text: `1 − ${me}²` };
}

/** the diagonal of a square Jacobian that has nothing off it (an elementwise step), else null */
function diagonal(J: Float64Array, n: number): Float64Array | null {
  if (J.length !== n * n) return null;
  const d = new Float64Array(n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      if (i === j) d[i] = J[i * n + j]!;
      else if (J[i * n + j] !== 0) return null;
    }
  return d;
}

const times = (a: Float64Array, b: Float64Array): Float64Array => {
  const n = Math.max(a.length, b.length);
  return Float64Array.from({ length: n }, (_, i) => (a.length === 1 ? a[0]! : a[i]!) * (b.length === 1 ? b[0]! : b[i]!));
};

/**
 * the factors of a term where its adjoint may stand: factorsOf's, and inside a matrix product the vector side
 * (a vector network's Uᵀ(ḡ_{t+1} ⊙ tanh'(…)), or the row of (ḡ_{t+1} ⊙ …) U)
 */
function adjointFactors(e: Expr, out: Expr[] = []): Expr[] {
  for (const f of factorsOf(e)) {
    if (f.k === 'matmul') adjointFactors(f.b, out);
    else if (f.k === 'contract') adjointFactors(f.a, out);
    else out.push(f);
  }
  return out;
}

/** a time-indexed name anywhere in an expression: a term that is a value of the network, not a constant */
function dependsOnStep(e: Expr): boolean {
  let found = e.k === 'ref' && e.idx !== null;
  if (!found) forChildren(e, (c) => (found ||= dependsOnStep(c)));
  return found;
}

/** the σ(…) and tanh(…) of an equation, outside literals, entries, powers, Σ/∏ and derivatives */
function activationCalls(e: Expr, out: (Expr & { k: 'call' })[] = []): (Expr & { k: 'call' })[] {
  if (e.k === 'call' && (e.fn === 'sigma' || e.fn === 'tanh')) out.push(e);
  else if (!OPAQUE.has(e.k)) forChildren(e, (c) => activationCalls(c, out));
  return out;
}

/** e with its free step moved by off (tanh(c_t) of h_t's equation read at h_{t+1}: tanh(c_{t+1})) */
function shifted(e: Expr, off: number): Expr {
  if (e.k === 'ref' && e.idx?.v === 't' && !e.idx.terms?.length) return { ...e, idx: { ...e.idx, k: e.idx.k + off } };
  return mapChildren(e, (c) => shifted(c, off));
}

/**
 * An activation of U's own equation, f(z) = tanh(c_t) in h_t = o_t ⊙ tanh(c_t), that the wrong term has the
 * wrong way: its derivative f'(z) left out (c̄_t = h̄_t ⊙ o_t + …), f(z) written for f'(z) or the reverse,
 * or f(z) itself left out (ō_t = h̄_t)
 */
function activationFactorHint(
  run: Run,
  w: { t: Term; U: { name: string; step: number | null }; value: Float64Array; want: Float64Array },
  env: Env,
  freeT: boolean,
  n: number,
): string | null {
  const q = run.model.quantities.get(w.U.name);
  if (!q?.timed || !q.general || w.U.step === null) return null;
  const at = { t: w.U.step };
  const text = (e: Expr) => exprText(freeT && env.t !== undefined ? shifted(e, w.U.step! - env.t) : bindVar(e, 't', w.U.step!));
  const written = JSON.stringify(w.t.e);
  for (const f of activationCalls(q.general)) {
    const act = activation(f.fn)!;
    const d: Expr = { ...f, fn: act.prime };
    const fv = run.evaluateAt(f, at).data;
    const dv = run.evaluateAt(d, at).data;
    if ((fv.length !== 1 && fv.length !== n) || fv.length !== dv.length) continue;
    const slope = act.written;
    const dText = `${slope}(${text(f.arg)})`;
    if (close(times(w.value, dv), w.want)) return `it leaves out the factor ${dText}`;
    // the term has wroteFn (σ or σ') where the other belongs: dividing its value out and the other's in fits
    const swapFits = (wroteFn: string, byValue: Float64Array, wroteValue: Float64Array) =>
      written.includes(`"fn":"${wroteFn}"`) &&
      wroteValue.every((x) => x !== 0) &&
      close(
        times(
          w.value,
          byValue.map((x, i) => x / wroteValue[i]!),
        ),
        w.want,
      );
    if (swapFits(f.fn, dv, fv)) return `${text(f)} should be its derivative ${dText}`;
    if (swapFits(d.fn, fv, dv)) return `${dText} should be ${text(f)} itself, not its derivative`;
    if (close(times(w.value, fv), w.want)) return `it leaves out the factor ${text(f)}`;
  }
  return null;
}

export function localFactorHint(c: Claim, run: Run, p: Point, values: OtherValues = null): string | null {
  const found = guard(() => judgeSides(c, run, p));
  // (what is wrong with the term is evaluated as it is asked for: what cannot be evaluated says nothing, as before)
  const reason = found && guard(() => firstReason(found));
  if (!found || reason === null) return null;
  const said = `${found.head}${reason}`;
  if (!values) return said;
  // read at one point of the file's values, where the terms can add up but for one by coincidence (`h_0 + ∂L/∂h_1 h_0`
  // for ∂L/∂x_1, with h_0 = 0 and x_1 = 1 = ∂⁺h_1/∂x_1, was "h_0 should be x_1"): named only if a draw, at the same
  // point, finds the same term wrong and what it should be. What is wrong with it is said only if it fits there too,
  // among what fits there (with the values under the tolerance's floor, tanh'(c)·c and tanh(c) may both fit, and
  // either may be tried first); else the term's values say it. What cannot be evaluated refutes nothing
  let reasonHolds = true;
  const confirmed = atDraws(values, (r) => {
    const again = judgeSides(c, r, p);
    if (again === null || again.head !== found.head) return false;
    if (reasonHolds && !found.byValue(reason)) reasonHolds = [...again.reasons()].includes(reason);
    return true;
  });
  if (!confirmed) return null;
  return reasonHolds ? said : `${found.head}${found.values() ?? ''}`;
}

/**
 * a term found wrong: "The term X should be Y", and what is wrong with it, each that fits in turn, most telling first
 * (": it has the wrong sign"); values(), the term's values, where nothing simple is (null where they are not said)
 */
interface Judged {
  head: string;
  reasons: () => Iterable<string>;
  values: () => string | null;
  /** the reason is values() */
  byValue: (reason: string) => boolean;
}

/** the first reason, else the values, else null (nothing is said) */
function firstReason(j: Judged): string | null {
  for (const r of j.reasons()) return r;
  return j.values();
}

function judgeSides(c: Claim, run: Run, p: Point): Judged | null {
  for (const [d, other] of [
    [c.lhs, c.rhs],
    [c.rhs, c.lhs],
  ] as const) {
    const hint = judge(d, other, run, p, c.freeT);
    if (hint) return hint;
  }
  return null;
}

function judge(d: Expr, other: Expr, run: Run, p: Point, freeT: boolean): Judged | null {
  if (d.k !== 'deriv' || !d.total || d.oneStep || d.of.shape.length !== 0) return null;
  const env = p.env;
  const bStep = stepOf(d.wrt.idx, env);
  const B = run.node(d.wrt.name, bStep);
  if (!B) return null;
  const n = B.data.length;
  const terms = termsOf(other);
  if (!terms.length) return null;
  // only a formula whose terms go through users of B, and whose terms add up to the total but for one.
  // Each term's adjoint factor and user are found before any term is evaluated: a term whose adjoint's node
  // does not read B says nothing will be said, and the terms' values and the total are not computed. A term
  // with no adjoint at all (the loss's own (h_t − y_t), Vᵀ(ŷ_t − y_t)) is taken as written: it must make up,
  // with the users' right terms, the total (a GRU's h̄_t with one gate's factor left out)
  const users: { t: Term; adj: Deriv; U: { name: string; step: number | null }; J: Float64Array }[] = [];
  const fixed: Term[] = [];
  // (without the shortcut, every term is still evaluated before the hint gives up, as it always was)
  let none = false;
  for (const t of terms) {
    const fs = adjointFactors(t.e);
    const k = fs.findIndex((f) => f.k === 'deriv' && f.total && !f.oneStep && sameOf(f.of, d.of, env));
    const adj = k < 0 ? null : (fs[k] as Deriv);
    if (!adj && !hasDeriv(t.e)) {
      fixed.push(t);
      continue;
    }
    const uStep = adj ? stepOf(adj.wrt.idx, env) : null;
    const U = adj ? run.node(adj.wrt.name, uStep) : undefined;
    const J = U ? run.immediate(U).get(B.id) : undefined;
    if (!adj || !U || !J || U.data.length !== n) {
      if (shortcuts.on) return null;
      none = true;
      continue;
    }
    users.push({ t, adj, U: { name: adj.wrt.name, step: uStep }, J });
  }
  // a formula of fixed terms only (or a lone constant beside one user: seed 004's 1 + …) names no local factor
  if (!users.length || (fixed.length && !fixed.some((f) => dependsOnStep(f.e)))) return null;
  const total = run.derivativeAt(d.of, d.wrt, env, true).tensor.data;
  // each term: its adjoint factor ∂A/∂U, the user U (whose own equation reads B), and the rest of the term
  const rs = users.map(({ t, adj, U, J }) => {
    const value = run.evaluateAt(t.e, env).data;
    const want = new Float64Array(n);
    const a = run.evaluateAt(adj, env).data;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) want[j] += a[i]! * J[i * n + j]!;
    return { t, adj, U, J, value: value.map((x) => x * t.sign), want };
  });
  if (none) return null;
  const wrong = rs.filter((r) => !close(r.value, r.want));
  if (wrong.length !== 1) return null;
  const sum = new Float64Array(n);
  for (const r of rs) for (let i = 0; i < n; i++) sum[i] += r === wrong[0] ? r.want[i]! : r.value[i]!;
  for (const f of fixed) {
    const v = run.evaluateAt(f.e, env).data;
    if (v.length !== 1 && v.length !== n) return null;
    for (let i = 0; i < n; i++) sum[i] += f.sign * (v.length === 1 ? v[0]! : v[i]!);
  }
  if (!close(sum, total)) return null;
  const w = wrong[0]!;
  // at a free step of another letter (Sherstinsky's ψ[n] = ∂E/∂s[n]), the steps counted from it as from t
  const plain = plainLetter(d.wrt.idx);
  const letter = freeT ? 't' : plain && env[plain] !== undefined ? plain : null;
  const label = (name: string, step: number | null) =>
    refText(
      name,
      step === null ? null : letter && env[letter] !== undefined ? { v: letter, k: step - env[letter]! } : { v: null, k: step },
    );
  const uText = label(w.U.name, w.U.step);
  const bName = d.wrt.name;
  const bText = label(bName, bStep);
  const should = `∂${exprText(d.of)}/∂${uText}·∂⁺${uText}/∂${bText}`;
  const head = `The term ${exprText(w.t.e)} should be ${should}`;
  const diag = diagonal(w.J, n);
  // what is wrong with the local factor, when one simple change puts it right, each in turn
  function* reasons(): Generator<string> {
    if (
      close(
        w.value.map((x) => -x),
        w.want,
      )
    )
      yield ': it has the wrong sign';
    // a gate where its complement belongs (z_t for 1 − z_t, the GRU's interpolation), or the reverse
    for (const f of factorsOf(w.t.e)) {
      const inner = f.k === 'sub' && f.a.k === 'num' && f.a.value === 1 ? f.b : f;
      if (inner.k !== 'ref' || !inner.idx) continue;
      const v = run.evaluateAt(inner, env).data;
      const fv = run.evaluateAt(f, env).data;
      if (fv.some((x) => x === 0)) continue;
      const alt = w.value.map(
        (x, i) =>
          (x / (fv.length === 1 ? fv[0]! : fv[i]!)) * (inner === f ? 1 - (v.length === 1 ? v[0]! : v[i]!) : v.length === 1 ? v[0]! : v[i]!),
      );
      if (close(alt, w.want))
        yield `: ${inner === f ? `${exprText(f)} should be 1 − ${exprText(f)}` : `${exprText(f)} should be ${exprText(inner)}`}`;
    }
    const swapped = swapPrimes(w.t.e);
    if (
      swapped &&
      close(
        run.evaluateAt(swapped, env).data.map((x) => x * w.t.sign),
        w.want,
      )
    ) {
      const { sigma, tanh } = ACTIVATIONS;
      const has = JSON.stringify(w.t.e).includes(`"${sigma.prime}"`) ? [sigma.written, tanh.written] : [tanh.written, sigma.written];
      yield `: it has ${has[0]} where ${uText}'s equation needs ${has[1]}`;
    }
    for (const f of ownFactors(run, w.U.name, w.U.step ?? 0)) {
      const v = run.evaluateAt(f, {}).data;
      if (v.length !== 1 && v.length !== n) continue;
      if (close(times(w.value, v), w.want))
        yield `: it leaves out the factor ${label(f.k === 'ref' ? f.name : '?', f.k === 'ref' ? stepOf(f.idx, {}) : null)} (∂⁺${uText}/∂${bText} has it)`;
    }
    // the slope of an activation, B = σ(z) or tanh(z) (σ'(z) = B ⊙ (1 − B)): a textbook's δB multiplies it in
    // (the gradient at B's argument, not at B); ∂L/∂z by way of U = σ(z) needs U's own slope
    const bAct = activationSlope(run, bName, bStep, label);
    if (bAct && close(w.value, times(w.want, bAct.slope))) {
      yield `: it has the extra factor ${bAct.fn}(…) = ${bAct.text}, which makes it the gradient at ${bText}'s argument (its pre-activation), not at ${bText}`;
    }
    const uAct = activationSlope(run, w.U.name, w.U.step, label);
    if (uAct && close(times(w.value, uAct.slope), w.want)) yield `: it leaves out the factor ${uAct.fn}(…) = ${uAct.text}`;
    // (after those two, whose messages say the slope in U's own terms, f_t ⊙ (1 − f_t))
    const act = activationFactorHint(run, w, env, freeT, n);
    if (act) yield `: ${act}`;
    // one of the term's values where another of the network's belongs (f_t written for g_t, W_i for U_i)
    const swap = termSwapText(w.t.e, w.t.sign, w.want, env, run);
    if (swap) yield `: ${swap}`;
  }
  // a term whose adjoint stands inside a matrix product (Uᵀ(ā ⊙ …)) with nothing simple wrong: the later hints
  // (a transpose, a left-out activation derivative) say it better than its value does
  const values = (): string | null => {
    if (!factorsOf(w.t.e).includes(w.adj)) return null;
    const localWant = diag ? toValue({ shape: n === 1 ? [] : [n], data: diag }) : null;
    return `${localWant !== null ? `, with ∂⁺${uText}/∂${bText} = ${typeof localWant === 'number' ? fmt(localWant, 4) : valueText(localWant, 4)}` : ''}: its value is ${valueText(toValue({ shape: n === 1 ? [] : [n], data: w.value }), 4)}, the term should be ${valueText(toValue({ shape: n === 1 ? [] : [n], data: w.want }), 4)}`;
  };
  return { head, reasons, values, byValue: (r) => r === values() };
}

/**
 * σ' and tanh' swapped anywhere in a failing check (a gate's slope written as the candidate's, or the
 * reverse): when the check holds with every σ' read as tanh' and every tanh' as σ', it says so.
 */
export function primeSwapHint(c: Claim, run: Run): string | null {
  const l = swapPrimes(c.lhs);
  const r = swapPrimes(c.rhs);
  if (!l && !r) return null;
  try {
    if (!c.points.every((p) => close(run.evaluateShared(l ?? c.lhs, p.env).data, run.evaluateShared(r ?? c.rhs, p.env).data))) return null;
  } catch (e) {
    if (e instanceof RunError || e instanceof LimitError) return null;
    throw e;
  }
  const written = JSON.stringify([c.lhs, c.rhs]);
  const has = written.includes(`"${ACTIVATIONS.sigma.prime}"`);
  const both = has && written.includes(`"${ACTIVATIONS.tanh.prime}"`);
  return both
    ? "σ' and tanh' are swapped: with each written as the other the check holds (σ' belongs to the gates' σ, tanh' to tanh)"
    : `${has ? "σ' should be tanh'" : "tanh' should be σ'"}: with that derivative the check holds (σ' belongs to the gates' σ, tanh' to tanh)`;
}
