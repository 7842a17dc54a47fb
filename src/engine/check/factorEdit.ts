// The last resort of a failing check's message: small edits of the formula side, tried one at a time and then
// two at a time, until one makes the check hold. A factor of the network's own equations left out of a term
// (a GRU's (1 − z_t) or r_t, seed 003's σ'(z_j^{(k+1)}) or w_{i,j}^{(k+1)} inside Σ_j), a factor too many, a
// gate for its complement, σ for σ', and — in pairs, so that two mistakes in one formula are both named — an
// entry's indices swapped, a transpose, a step one off. Bounded: the candidates and the evaluations are capped,
// and it runs only when every cheaper hint has said nothing.

import { confirmed, type OtherValues } from './confirm';
import { activation, unprimed } from '../../language/activations';
import type { Expr, Fn, Idx, Model, Shape } from '../../language/model';
import { exprText } from '../../language/print';
import { forChildren, hasDeriv, mapChildren, VALUE_CHILDREN } from '../../language/resolve';
import type { Range } from '../../report';
import { fmt, sentenceStart } from '../format';
import { Memo } from '../memo';
import type { Run } from '../run';
import { whichOf, type Claim } from './hints';
import { guard } from './guard';
import { averagesOverSteps } from './meanLoss';
import { factorsOf, termsOf } from './localFactor';
import { close, closeScaled, ratioAtLargest, sameRatio, type Point } from './points';
import { atStep, square } from './textbook';
import { readsAtOwnStep } from './substitute';
import { printerFor } from './writtenT';
import { formulaOnRight } from './formulaSide';

/** how an edit's text prints a value (the steps written T as T) */
type Show = (e: Expr) => string;

/** factors of the network's equations tried per step of a term */
const MAX_CANDIDATES = 24;
/** edits tried in all, singles and pairs, across the written and the one-step reading */
const MAX_EVALS = 120;
/** terms of the formula side beyond which nothing is tried */
const MAX_TERMS = 3;
/** edits that fix a written node (a swap, a transpose, a shift) paired with each other and with insertions */
const MAX_FIXES = 16;

interface Edit {
  /** the node of the side the edit rewrites (identity in the written tree) */
  target: Expr;
  /** the rewritten node, given the node with its children already edited */
  make: (x: Expr) => Expr;
  /** what the edit says: "the term … leaves out the factor σ'(z_{k+1}[j])" */
  text: string;
  /**
   * pairs are tried only between a swap (indices, a transpose) or an insertion and another edit: the two
   * mistakes a textbook formula invites together; shifts, twins and drops pair with those, not each other
   */
  kind: 'insert' | 'swap' | 'shift' | 'twin' | 'drop';
  /** where the mistake is written, when not at the target (a term dropped from a sum: the term) */
  at?: Range;
  /** a term dropped from a sum: the term */
  dropped?: Expr;
}

/** σ → σ' and back: the table of src/language/activations.ts */
const PRIME = (fn: Fn): Fn | undefined => activation(fn)?.prime;
const UNPRIME = (fn: Fn): Fn | undefined => unprimed(fn);

/** the side with the edits applied, bottom up: an edit inside another's target is kept by the outer one */
function applyEdits(e: Expr, edits: Edit[]): Expr {
  const go = (x: Expr): Expr => {
    let y = x.k === 'deriv' ? x : x.k === 'index' ? { ...x, a: go(x.a) } : mapChildren(x, go, VALUE_CHILDREN);
    for (const ed of edits) if (ed.target === x) y = ed.make(y);
    return y;
  };
  return go(e);
}

/**
 * every node a value edit may target: values, the matrix of an entry, derivatives (not inside them). Not inside
 * a ∏: a product of one Jacobian per step, whose wrong factor is a path left out (the path hints say which) and
 * whose edits would each be judged through every step — the cost of a GRU's ∏ line at every keystroke
 */
function valueNodes(e: Expr, out: Expr[] = []): Expr[] {
  out.push(e);
  if (e.k === 'index') valueNodes(e.a, out);
  else if (e.k !== 'deriv' && e.k !== 'prod') forChildren(e, (c) => valueNodes(c, out), VALUE_CHILDREN);
  return out;
}

/** a place where a factor may be missing, and the term it is part of (whose steps a factor may be at) */
interface Site {
  site: Expr;
  term: Expr;
  /** a vector concatenated in the site (a vec of its entries): the factor goes on it alone */
  part?: Expr;
}

/**
 * where a factor may be missing: each product (or lone factor) that is a term of the side, inside Σ bodies, and
 * inside a factor or matrix operand that carries a derivative (the adjoint side of Uᵀ(ā ⊙ …))
 */
function sites(e: Expr, out: Site[] = [], term: Expr | null = null): Site[] {
  switch (e.k) {
    case 'add':
    case 'sub':
      // a sum inside a term (Σ_i (Σ_j …) σ'(…)) starts terms of its own
      sites(e.a, out);
      sites(e.b, out);
      return out;
    case 'neg':
      return sites(e.a, out, term);
    case 'sum':
      return sites(e.body, out);
    case 'mul':
    case 'hadamard': {
      const t = term ?? e;
      out.push({ site: e, term: t });
      for (const f of factorsOf(e)) if (f.k !== 'deriv' && f.k !== 'ref' && hasDeriv(f)) sites(f, out, t);
      return out;
    }
    case 'matmul':
    case 'contract': {
      const t = term ?? e;
      out.push({ site: e, term: t });
      // the adjoint operand itself: the slope of its own step left out (W_hhᵀ ∂L/∂h_{t+1}); the vector of an
      // outer product's row (a GRU's (r_t ⊙ h_{t-1})ᵀ written h_{t-1}ᵀ)
      for (const f of [e.a, e.b])
        if (f.k === 'deriv') out.push({ site: f, term: t });
        else if (hasDeriv(f)) sites(f, out, t);
        else if (f.k === 'transpose' && f.a.shape.length === 1) {
          out.push({ site: f.a, term: t });
          parts(f.a, t, out);
        }
      return out;
    }
    case 'num':
      return out;
    default:
      out.push({ site: e, term: term ?? e });
      parts(e, term ?? e, out);
      return out;
  }
}

/**
 * the vector parts of a concatenation as sites of their own: the MGU's [f_t ⊙ h_{t−1}, x_t] written [h_{t−1}, x_t]
 * leaves its gate out of one part, a factor the whole (of another size) cannot take
 */
function parts(e: Expr, term: Expr, out: Site[]): void {
  if (e.k !== 'vec') return;
  // the resolver lays a concatenation out entry by entry (h_{t−1}[1], h_{t−1}[2], x_t): each vector by its entries
  const seen = new Set<string>();
  for (const x of e.items)
    if (x.k === 'index' && x.a.shape.length === 1 && !x.j && !seen.has(exprText(x.a))) {
      seen.add(exprText(x.a));
      out.push({ site: e, term, part: x.a });
    }
}

/** the concatenation `vec` with each entry of `part` read from c ⊙ part */
function partTimes(vec: Expr, part: Expr, c: Expr): Expr {
  if (vec.k !== 'vec') return vec;
  const key = exprText(part);
  const items = vec.items.map((x) => (x.k === 'index' && exprText(x.a) === key ? { ...x, a: product(x.a, c) } : x));
  return { ...vec, items };
}

/** the step indices a term is written at (refs and both ends of derivatives), first seen first */
function stepsIn(e: Expr, out: Idx[] = []): Idx[] {
  const add = (i: Idx | null) => {
    if (i && !out.some((o) => JSON.stringify(o) === JSON.stringify(i))) out.push(i);
  };
  const go = (x: Expr): void => {
    if (x.k === 'ref') add(x.idx);
    if (x.k === 'deriv') {
      add(x.wrt.idx);
      go(x.of);
      return;
    }
    // a Σ/∏ inside the term binds its own steps: a factor placed beside it cannot read them
    if (x.k !== 'sum' && x.k !== 'prod') forChildren(x, go);
  };
  go(e);
  return out;
}

/** the entry variables of a term (j in p_j^{(k+1)}, i and j in w_{i,j}): one var node for each */
function entryVars(e: Expr, out: Expr[] = []): Expr[] {
  const go = (x: Expr, inIndex: boolean): void => {
    if (x.k === 'var' && inIndex && !x.idx.terms?.length && x.idx.k === 0 && !out.some((o) => o.k === 'var' && o.idx.v === x.idx.v))
      out.push(x);
    if (x.k === 'index') {
      go(x.a, inIndex);
      go(x.i, true);
      if (x.j) go(x.j, true);
      return;
    }
    forChildren(x, (c) => go(c, inIndex));
  };
  go(e, false);
  return out;
}

const modelFactors = new Memo<Model, Expr[]>();

/**
 * the factors of the network's equations, written at step t: the factors of every product, the operands of a
 * matrix product (a matrix without its transpose), every σ/tanh/relu and its derivative
 */
function equationFactors(model: Model): Expr[] {
  let out = modelFactors.get(model);
  if (out) return out;
  out = [];
  const seen = new Set<string>();
  const push = (x: Expr) => {
    const base = x.k === 'transpose' ? x.a : x;
    if (base.k === 'num' || seen.has(exprText(base))) return;
    seen.add(exprText(base));
    out!.push(base);
  };
  const go = (x: Expr): void => {
    if (x.k === 'mul' || x.k === 'hadamard') for (const f of factorsOf(x)) push(f);
    if (x.k === 'matmul') [x.a, x.b].forEach(push);
    // Sutskever et al.'s f_t = diag(W_fx x_t) W_fh h_{t−1}: diag(v) g is v ⊙ g, so v is an elementwise factor of
    // what passes through it, and the vector W_fh h_{t−1} is one of the input's side (∂L/∂W_fx's)
    if (x.k === 'call' && x.fn === 'diag' && x.arg.shape.length === 1) push(x.arg);
    // Ba et al.'s g/σ_t: the division by a step's quantity is a factor 1/σ_t of its own (∂L/∂g's normalization)
    if (x.k === 'div' && x.b.k === 'ref' && x.b.shape.length === 0)
      push({ k: 'div', a: { k: 'num', value: 1, shape: [], range: x.range }, b: x.b, shape: [], range: x.range });
    if (x.k === 'matmul' && x.shape.length === 1) for (const tail of vectorTails(x)) push(tail);
    if (x.k === 'call' && PRIME(x.fn)) {
      push(x);
      push({ ...x, fn: PRIME(x.fn)! });
    }
    forChildren(x, go, VALUE_CHILDREN);
  };
  for (const q of model.quantities.values()) {
    const g = q.timed ? q.general : null;
    if (!g) continue;
    // a quantity that is an activation (r_t = σ(…)) is offered by its name, and its slope by its argument
    if (g.k === 'call' && PRIME(g.fn)) {
      push({ k: 'ref', name: q.name, idx: { v: 't', k: 0 }, shape: g.shape, range: g.range });
      push({ ...g, fn: PRIME(g.fn)! });
      go(g.arg);
    } else go(g);
  }
  modelFactors.set(model, out);
  return out;
}

/**
 * the product M v of a matrix chain's last matrix and its vector, M₁ M₂ v giving M₂ v (the tree is left-nested,
 * (M₁ M₂) v), and M v itself for one matrix: the vector a matrix makes of a vector, both names (W_fh h_{t−1})
 */
function vectorTails(x: Expr & { k: 'matmul' }): Expr[] {
  const m = x.a.k === 'matmul' ? x.a.b : x.a;
  if (m.k !== 'ref' || x.b.k !== 'ref' || m.shape.length !== 2) return [];
  return [{ k: 'matmul', a: m, b: x.b, shape: [m.shape[0]!], range: x.range }];
}

/** c[v] for a vector, the entry pushed inside an elementwise call so that it reads σ'(z_{k+1}[j]) */
function entryOf(c: Expr, v: Expr, w: Expr | null): Expr {
  if (!w && c.k === 'call' && c.arg.shape.length === 1 && c.arg.shape[0] === c.shape[0])
    return { ...c, arg: entryOf(c.arg, v, null), shape: [] };
  return { k: 'index', a: c, i: v, j: w, shape: [], range: c.range };
}

/** the candidate c placed in a site of shape s: as it is, or as an entry over the site's entry variables */
function fitted(c: Expr, s: readonly number[], vars: Expr[]): Expr[] {
  if (c.shape.length === 0 || (c.shape.length === s.length && c.shape.every((n, i) => n === s[i]))) return [c];
  if (s.length !== 0) return [];
  if (c.shape.length === 1) return vars.map((v) => entryOf(c, v, null));
  if (c.shape.length !== 2) return [];
  return vars.flatMap((v) => vars.filter((w) => w !== v).map((w) => entryOf(c, v, w)));
}

const product = (a: Expr, b: Expr): Expr => ({
  k: b.shape.length === 0 || a.shape.length === 0 ? 'mul' : 'hadamard',
  a,
  b,
  shape: a.shape.length ? a.shape : b.shape,
  range: a.range,
});

/**
 * the adjoints a side with no derivative may leave out: the other side is ∂A/∂B_s (A scalar), and each timed
 * quantity U of B's shape whose equation reads B at its own step (h_t = tanh(z_t) for z_t) gives ∂A/∂U_s —
 * `∂L/∂z_t = (1 − h_t²)`, the local slope written without the gradient it carries
 */
function adjointCandidates(side: Expr, other: Expr, model: Model): Expr[] {
  if (hasDeriv(side) || other.k !== 'deriv' || !other.total || other.of.shape.length || !other.wrt.idx) return [];
  const b = model.quantities.get(other.wrt.name);
  if (!b?.timed) return [];
  const out: Expr[] = [];
  for (const u of model.quantities.values()) {
    if (!u.timed || !u.general || u.name === b.name || !readsAtOwnStep(u.general, b.name)) continue;
    if (u.shape.length !== b.shape.length || u.shape.some((n, i) => n !== b.shape[i])) continue;
    const wrt = { name: u.name, idx: other.wrt.idx, range: other.wrt.range };
    out.push({ k: 'deriv', total: true, of: other.of, wrt, shape: u.shape, range: other.range });
  }
  return out.slice(0, 4);
}

/**
 * 1 − q for each gate q (a quantity σ(…)) the site has as a factor: the half of σ' = q(1 − q) left out when the
 * slope is written by the gate's name (`∂o_t/∂h_t = o_t W_hy`, `Σ_t δf_t ⊙ f_t h_{t-1}ᵀ`). Tried before the network's
 * other factors: in a gated network those fill MAX_CANDIDATES before this one is reached
 */
function complements(site: Expr, model: Model): Expr[] {
  return factorsOf(site)
    .filter((f) => isGate(f, model))
    .map((f) => ({ k: 'sub', a: one(f), b: f, shape: f.shape, range: f.range }) as Expr);
}

/** each network factor, at each step the site is written at, that the site does not already have */
function insertions(side: Expr, other: Expr, model: Model, sideName: string, show: Show): Edit[] {
  const out: Edit[] = [];
  const seen = new Set<string>();
  const whole = (site: Expr) => site === side;
  const adjoints = adjointCandidates(side, other, model);
  // a sum (1 − h_t²) carries its adjoint whole: the side itself is a site then
  const all = adjoints.length && (side.k === 'add' || side.k === 'sub') ? [{ site: side, term: side }, ...sites(side)] : sites(side);
  for (const { site, term, part } of all) {
    // the site's own steps, then its term's (r_t for the h_{t-1} of a term at step t)
    const steps = stepsIn(term, stepsIn(part ?? site)).slice(0, 3);
    if (!steps.length) continue;
    const have = new Set(factorsOf(part ?? site).map((f) => exprText(f)));
    // the site's entry variables, then the other side's free ones (i of ∂E/∂p_i^{(k)} for w_{i,j})
    const vars = entryVars(other, entryVars(site)).slice(0, 3);
    let n = 0;
    // the adjoint left out first, then each network factor at each of the site's steps
    const candidates = [...adjoints, ...complements(site, model), ...steps.flatMap((s) => equationFactors(model).map((f) => atStep(f, s)))];
    for (const at of candidates) {
      if (!at) continue;
      for (const c of fitted(at, (part ?? site).shape, vars)) {
        const text = exprText(c);
        const key = `${exprText(part ?? site)}|${exprText(site)}|${text}`;
        if (have.has(text) || seen.has(key) || n >= MAX_CANDIDATES) continue;
        seen.add(key);
        n++;
        if (part) {
          out.push({
            target: site,
            make: (x) => partTimes(x, part, c),
            text: `${show(part)} needs the factor ${factorText(c, show)}`,
            kind: 'insert',
          });
          continue;
        }
        out.push({
          target: site,
          make: (x) => product(x, c),
          text: whole(site)
            ? `${sideName} leaves out the factor ${factorText(c, show)}`
            : site.k === 'mul' || site.k === 'hadamard'
              ? `the term ${show(site)} leaves out the factor ${factorText(c, show)}`
              : `${show(site)} needs the factor ${factorText(c, show)}`,
          kind: 'insert',
        });
      }
    }
  }
  return out;
}

const one = (x: Expr): Expr => ({ k: 'num', value: 1, shape: [], range: x.range });

/** a gate: a timed name whose equation is σ(…) (z_t, for which 1 − z_t is the complement) */
function isGate(x: Expr, model: Model): boolean {
  if (x.k !== 'ref' || !x.idx) return false;
  const g = model.quantities.get(x.name)?.general;
  return g?.k === 'call' && g.fn === 'sigma';
}

const moved = (i: Idx, d: number): Idx => ({ ...i, k: i.k + d });

/** an exponent that reads a step (t − k, t − k + 1): + and − of step variables and numbers only */
function readsStep(e: Expr): boolean {
  if (e.k === 'var') return true;
  if (e.k === 'add' || e.k === 'sub')
    return (readsStep(e.a) || e.a.k === 'num') && (readsStep(e.b) || e.b.k === 'num') && (readsStep(e.a) || readsStep(e.b));
  return false;
}

/** e + d (d = ±1) as it would be written: t − k + 1 for t − k, t − k for t − k + 1, 5 for 4 */
function plusOne(e: Expr, d: number): Expr {
  const num = (value: number): Expr => ({ k: 'num', value, shape: [], range: e.range });
  if (e.k === 'num') return num(e.value + d);
  if ((e.k === 'add' || e.k === 'sub') && e.b.k === 'num') {
    const c = (e.k === 'add' ? e.b.value : -e.b.value) + d;
    if (c === 0) return e.a;
    return { ...e, k: c > 0 ? 'add' : 'sub', b: num(Math.abs(c)) };
  }
  return { k: d > 0 ? 'add' : 'sub', a: e, b: num(1), shape: e.shape, range: e.range };
}

/** the fixes of written nodes: σ ↔ σ', a gate ↔ its complement, a factor dropped, indices swapped, a transpose, a step ±1 */
function fixes(side: Expr, model: Model, sideName: string, show: Show): Edit[] {
  const out: Edit[] = [];
  const nodes = valueNodes(side);
  // which of a value written twice (u_t + u_t w: "the second u_t should be 1 − u_t")
  const say = (x: Expr, y: Expr) => `${whichOf(x, nodes, show)} should be ${show(y)}`;
  if (square(side))
    out.push({
      target: side,
      make: (y) => ({ k: 'transpose', a: y, shape: y.shape, range: y.range }),
      text: `${sideName} should be transposed (an outer product with its factors in the wrong order: the gradient comes first)`,
      kind: 'swap',
    });
  const to = (x: Expr, y: Expr, kind: Edit['kind']): Edit => ({ target: x, make: () => y, text: say(x, y), kind });
  for (const x of nodes) {
    if (x.k === 'call' && (PRIME(x.fn) || UNPRIME(x.fn))) {
      const fn = (PRIME(x.fn) ?? UNPRIME(x.fn))!;
      out.push({ target: x, make: (y) => ({ ...y, fn }) as Expr, text: say(x, { ...x, fn }), kind: 'twin' });
    }
    if (isGate(x, model)) out.push(to(x, { k: 'sub', a: one(x), b: x, shape: x.shape, range: x.range }, 'twin'));
    if (x.k === 'sub' && x.a.k === 'num' && x.a.value === 1 && isGate(x.b, model)) out.push(to(x, x.b, 'twin'));
    if (
      (x.k === 'mul' || x.k === 'hadamard') &&
      x.b.k !== 'deriv' &&
      (x.a.k === 'mul' || x.a.k === 'hadamard' || factorsOf(x).length === 2)
    )
      out.push({
        target: x,
        make: (y) => (y as typeof x).a,
        text: `the factor ${factorText(x.b, show)} should not be there`,
        kind: 'drop',
      });
    // an extra power (v^2 for v, h^3 for h^2): the exponent lowered by one — no other edit lowers it
    if (x.k === 'pow' && x.b.k === 'num' && Number.isInteger(x.b.value) && x.b.value >= 2 && x.b.value <= 4)
      out.push(to(x, x.b.value === 2 ? x.a : { ...x, b: { ...x.b, value: x.b.value - 1 } }, 'twin'));
    // a weight's power one off (w^{t−k+1} or w^5 for w^4 in a product of step Jacobians w σ'(…), the vanishing-gradient
    // bound's count of steps): the exponent, a step expression or a whole number, moved by one either way
    if (x.k === 'pow' && x.a.k === 'ref' && !x.a.shape.length && !x.a.idx && model.decls.get(x.a.name)?.kind === 'param') {
      const n = x.b;
      // lowering 2..4 is the extra power's edit above
      const ds =
        n.k !== 'num'
          ? readsStep(n)
            ? [-1, 1]
            : []
          : !Number.isInteger(n.value) || n.value < 1
            ? []
            : n.value <= 4 && n.value >= 2
              ? [1]
              : [-1, 1];
      for (const d of ds) out.push(to(x, { ...x, b: plusOne(n, d) }, 'shift'));
    }
    if (x.k === 'index' && x.j && exprText(x.i) !== exprText(x.j)) out.push(to(x, { ...x, i: x.j, j: x.i }, 'swap'));
    if (x.k === 'ref' && square(x)) out.push(to(x, { k: 'transpose', a: x, shape: x.shape, range: x.range }, 'swap'));
    if (x.k === 'transpose' && x.a.k === 'ref' && square(x.a)) out.push(to(x, x.a, 'swap'));
    for (const d of [-1, 1]) {
      if (x.k === 'ref' && x.idx && model.quantities.get(x.name)?.timed) out.push(to(x, { ...x, idx: moved(x.idx, d) }, 'shift'));
      if (x.k === 'deriv' && x.wrt.idx) out.push(to(x, { ...x, wrt: { ...x.wrt, idx: moved(x.wrt.idx, d) } }, 'shift'));
    }
  }
  // a vector's entry picked by another index letter of the side: Pearlmutter's Σ_j w_{ji} σ'(s_j(t)) z_j(t+1) with
  // σ'(s_i(t)), the unit's own slope for the one the adjoint comes back through ("s_t[i] should be s_t[j]"; it failed
  // with its values only). A letter not bound where it is put makes the side fail to evaluate: no hint
  const letters = entryLetters(nodes);
  for (const x of nodes)
    if (x.k === 'index' && !x.j && x.i.k === 'var' && x.i.idx.k === 0 && x.i.idx.v !== null)
      for (const u of letters) if (u !== x.i.idx.v) out.push(to(x, { ...x, i: { ...x.i, idx: { v: u, k: 0 } } }, 'swap'));
  return out;
}

/** the letters that pick entries in the side (w[i, j], s_t[j]: i and j), at most three */
function entryLetters(nodes: Expr[]): string[] {
  const out = new Set<string>();
  for (const x of nodes)
    if (x.k === 'index')
      for (const y of [x.i, x.j]) if (y?.k === 'var' && y.idx.k === 0 && y.idx.v !== null && y.idx.v !== 't') out.add(y.idx.v);
  return out.size > 3 ? [] : [...out];
}

/**
 * A scalar name that leads a product dropped, and a term of the side's top-level sum dropped, one at a time: `2(h_3 − y_3) + 0.5 y_3` for ∂L/∂h_3 is "the term
 * 0.5 y_3 should not be there" (it failed with no hint; a substitution that makes the term 0, h_1 → y_1 in
 * 2(h_1 − y_1), named a coincidence instead). Only single terms (never a run of them), and only for a side of
 * at most MAX_TERMS terms (factorEditHint's own bound): one evaluation each, tried after every other edit.
 */
function termDrops(side: Expr, show: Show): Edit[] {
  const out: Edit[] = [];
  // a scalar name written before the rest (w ∂h_3/∂h_2 ⋯ ∂h_1/∂h_0): its ratio is the file's value of w only
  for (const x of valueNodes(side)) {
    if (x.k !== 'mul' || out.length >= MAX_TERMS) continue;
    if (x.a.k === 'ref' && x.a.shape.length === 0)
      out.push({
        target: x,
        make: (y) => (y as typeof x).b,
        text: `the factor ${factorText(x.a, show)} should not be there`,
        kind: 'drop',
        at: x.a.range,
      });
    // negated (−x_1 2(h_3 − y_3)): the name dropped and its sign kept, as −2 x_1 (h_3 − y_3) reads, so that the sign
    // left over is named too ("…; with that the right side is the other side with the opposite sign")
    const neg = x.a.k === 'neg' && x.a.a.k === 'ref' && x.a.a.shape.length === 0 ? x.a.a : null;
    if (neg)
      out.push({
        target: x,
        make: (y) => ({ k: 'neg', a: (y as typeof x).b, shape: y.shape, range: y.range }),
        text: `the factor ${factorText(neg, show)} should not be there`,
        kind: 'drop',
        at: neg.range,
      });
  }
  // a count moved by a number (Ba et al.'s H over H − 1, the sample's deviation for the layer's): the number dropped
  for (const x of valueNodes(side))
    if (
      (x.k === 'sub' || x.k === 'add') &&
      x.b.k === 'num' &&
      Number.isInteger(x.b.value) &&
      x.a.k === 'ref' &&
      !x.a.idx &&
      x.a.shape.length === 0
    )
      out.push({
        target: x,
        make: (y) => (y as typeof x).a,
        text: `${show(x)} should be ${show(x.a)}`,
        kind: 'drop',
        at: x.b.range,
        dropped: x.b,
      });
  const single = (x: Expr) => x.k !== 'add' && x.k !== 'sub' && !(x.k === 'neg' && (x.a.k === 'add' || x.a.k === 'sub'));
  const say = (x: Expr) => `the term ${show(x)} should not be there`;
  const go = (x: Expr): void => {
    if (x.k !== 'add' && x.k !== 'sub') return;
    if (single(x.b)) out.push({ target: x, make: (y) => (y as typeof x).a, text: say(x.b), kind: 'drop', at: x.b.range, dropped: x.b });
    if (single(x.a)) {
      const rest =
        x.k === 'add'
          ? (y: Expr) => (y as typeof x).b
          : (y: Expr): Expr => ({ k: 'neg', a: (y as typeof x).b, shape: y.shape, range: y.range });
      out.push({ target: x, make: rest, text: say(x.a), kind: 'drop', at: x.a.range, dropped: x.a });
    }
    go(x.a);
  };
  go(side);
  return out;
}

/**
 * x writes what the total derivative adds to the one-step one: a derivative the one-step reading re-reads (its
 * `oneStep`), or a Σ/∏ (the earlier steps unrolled, Σ_{i=1}^{t-1} (∏_j …) …)
 */
function readsOneStep(x: Expr): boolean {
  let found = (x.k === 'deriv' && x.oneStep === true) || x.k === 'sum' || x.k === 'prod';
  if (!found) forChildren(x, (c) => (found ||= readsOneStep(c)));
  return found;
}

/** factor drops tried per side (each one evaluation) */
const MAX_FACTOR_DROPS = 6;

/**
 * a factor of a product dropped where the rest keeps the product's shape, the left one too: Goodfellow's ∇_c L written
 * Σ_t diag(1 − h_t²) ∇_{o_t} L or Σ_t Vᵀ ∇_{o_t} L, ∇_W L with diag(1 − h_t²) twice (session 41: the values only).
 * fixes() drops a scalar product's right factor; these are a matrix product's factors and a left one, after it
 */
function factorDrops(side: Expr, show: Show): Edit[] {
  const out: Edit[] = [];
  const same = (a: Shape, b: Shape) => a.length === b.length && a.every((n, i) => n === b[i]);
  for (const x of valueNodes(side)) {
    if (out.length >= MAX_FACTOR_DROPS) break;
    if (x.k !== 'mul' && x.k !== 'hadamard' && x.k !== 'matmul' && x.k !== 'contract') continue;
    const sides = [
      [x.a, x.b, (y: Expr) => (y as typeof x).b],
      [x.b, x.a, (y: Expr) => (y as typeof x).a],
    ] as const;
    for (const [drop, keep, make] of sides) {
      // a vector's or a matrix's: a scalar factor is fixes()'s and termDrops()'s (−x_1 2(h_3 − y_3): x_1 dropped, its sign
      // kept and named); a derivative is no factor too many (the chain's own)
      if (drop.k === 'deriv' || !drop.shape?.length || (drop === x.b && (x.k === 'mul' || x.k === 'hadamard'))) continue;
      if (!keep.shape || !x.shape || !same(keep.shape, x.shape)) continue;
      out.push({ target: x, make, text: `the factor ${factorText(drop, show)} should not be there`, kind: 'drop', at: drop.range });
    }
  }
  return out.slice(0, MAX_FACTOR_DROPS);
}

/** the reading of a claim in which the edits are made: its formula side, the other kept */
interface Reading {
  c: Claim;
  /** the formula side is the right one (else the left, when the right is a lone derivative) */
  right: boolean;
  /** the one-step re-reading: its message names the derivatives read so */
  oneStep: boolean;
}

export interface FactorEditHint {
  text: string;
  culprit: Range | null;
}

/**
 * The check with one edit (then two) of its formula side holds at every point: the edits are named. rr is the
 * one-step re-reading (LANGUAGE.md §5), tried after the reading as written.
 */
export function factorEditHint(c: Claim, rr: Claim | null, bad: Point, run: Run, other: OtherValues = null): FactorEditHint | null {
  const readings: Reading[] = [];
  // a formula of many terms (an LSTM's h̄ line) is the term matcher's, and a lone ∏ of Jacobians the path
  // hints': edits of them would cost more than they find (a GRU's ∏ line, analysed at every keystroke)
  const terms = termsOf(formulaOnRight(c) ? c.rhs : c.lhs);
  if (terms.every((t) => t.e.k === 'prod')) return null;
  // of a longer formula, only a number written as a term of its own is tried, dropped (… + 0.5: one evaluation each;
  // session 41, a probe: named with three terms, not with four)
  const many = terms.length > MAX_TERMS;
  for (const claim of [c, rr]) {
    if (!claim) continue;
    const right = formulaOnRight(claim);
    readings.push({ c: claim, right, oneStep: claim === rr });
  }
  let evals = 0;
  /**
   * the check with the edits holds (true), or — `scaled` — its formula side is then a constant multiple of the
   * other side, that constant one a mistake explains (a sign, 1/T); null when the budget is spent
   */
  const judge = (r: Reading, edits: Edit[], scaled = false): boolean | number | null => {
    if (evals++ >= MAX_EVALS) return null;
    const side = applyEdits(r.right ? r.c.rhs : r.c.lhs, edits);
    const [l, rh] = r.right ? [r.c.lhs, side] : [side, r.c.rhs];
    // the failing point first: most edits fail there, and the other points are not evaluated
    const points = [bad, ...r.c.points.filter((p) => p.env !== bad.env)];
    let k: number | null = null;
    const ok = guard(() =>
      points.every((p) => {
        const lv = run.evaluateShared(l, p.env).data;
        const rv = run.evaluateShared(rh, p.env).data;
        if (k === null && close(lv, rv)) return true;
        if (k === null && (!scaled || p !== bad || (k = scaleOf(lv, rv, run.model.T, averagesOverSteps(run.model))) === null)) return false;
        return closeScaled(lv, rv, { k, right: r.right });
      }),
    );
    if (ok !== true) return false;
    // found at these values: named only if it holds at a draw too (confirm.ts: x_3 = 2 and T = 3 explained a 3 for 2)
    if (!confirmed(other, l, rh, points, k === null ? null : { k, right: r.right })) return false;
    return k ?? true;
  };
  const holds = (r: Reading, edits: Edit[]): boolean | null => {
    const v = judge(r, edits);
    return v === null ? null : v === true;
  };
  const show = printerFor(c.text, run.model.T, true);
  const edits = readings.map((r) => {
    const side = r.right ? r.c.rhs : r.c.lhs;
    const name = r.right ? 'the right side' : 'the left side';
    if (many) return { ins: [], fix: termDrops(side, show).filter((e) => e.dropped?.k === 'num') };
    return {
      ins: insertions(side, r.right ? r.c.lhs : r.c.rhs, run.model, name, show),
      // in the one-step reading, not a term with a derivative it re-reads or a Σ/∏: such a term is what the total adds
      // (∂h_t/∂w = (1 − h_t²) h_{t-1} + (1 − h_t²) w ∂h_{t-1}/∂w, d2l's 9.7.5, or its Σ_i unrolled), and dropping it was
      // told to a side whose slip is a sign, a name or a factor in that very term (session 41)
      fix: [
        ...fixes(side, run.model, name, show).slice(0, MAX_FIXES),
        ...termDrops(side, show).filter((e) => !r.oneStep || !e.dropped || !readsOneStep(e.dropped)),
        ...factorDrops(side, show),
      ],
    };
  });
  // one edit: an insertion or a fix. One that makes the check hold wins over one found earlier that leaves the side a
  // constant multiple of the other (a sign, a 2): with a target of 1, −2(y_3 − o_3) o_3 W_hy times the adjoint ∂L/∂o_3
  // is −2 times the other side at every point, a coincidence named before the (1 − o_3) that makes it hold
  let scaledHint: FactorEditHint | null = null;
  for (let k = 0; k < readings.length; k++) {
    const r = readings[k]!;
    // σ written for σ' (or back) first: with u_t = σ(…), σ(…)·(1 − u_t) is σ'(…) too, and "leaves out the factor
    // (1 − u_t)" would name a coincidence of the network's own equations where a teacher names the slope
    const slopes = edits[k]!.fix.filter((e) => e.kind === 'twin' && e.target.k === 'call');
    for (const e of [...slopes, ...edits[k]!.ins, ...edits[k]!.fix.filter((e) => !slopes.includes(e))]) {
      const ok = judge(r, [e], true);
      if (ok === null) return null;
      if (ok === true)
        return { text: `${sentenceStart(prefixOf(r) + e.text)}: with that the check holds`, culprit: e.at ?? e.target.range };
      // one mistake named, and another that is a constant factor of the whole side
      if (typeof ok === 'number')
        scaledHint ??= {
          text: `${sentenceStart(prefixOf(r) + e.text)}; with that ${r.right ? 'the right side' : 'the left side'} is ${scaleText(ok, run.model.T)}`,
          culprit: e.at ?? e.target.range,
        };
    }
  }
  if (scaledHint || many) return scaledHint;
  // two edits: a fix with another fix or with an insertion (not on the same node)
  for (let k = 0; k < readings.length; k++) {
    const r = readings[k]!;
    const { ins, fix } = edits[k]!;
    const firsts = fix.filter((e) => e.kind === 'swap');
    const seconds = fix.filter((e) => e.kind === 'shift' || e.kind === 'twin');
    // the same slip copied into two places (W_hhᵀ for W_hh in both of a product's factors, h_{t-2} for h_{t-1} twice): one
    // consistent edit, tried first among the pairs and named once; shifts and twins pair so only with their own copy
    const nodes = valueNodes(r.right ? r.c.rhs : r.c.lhs);
    // (a step or a twin made at every place a value is written is substitute.ts's "each h_t should be …": here only
    // two of three or more places, the subset no other edit reads)
    const written = (e: Edit) => nodes.filter((n) => show(n) === show(e.target)).length;
    const copies = [...firsts, ...seconds].flatMap((a, i, all) =>
      all.slice(i + 1).flatMap((b): [Edit, Edit][] => (sameEdit(a, b, show) && (a.kind === 'swap' || written(a) > 2) ? [[a, b]] : [])),
    );
    const pairs: [Edit, Edit][] = [
      ...copies,
      ...firsts.flatMap((a, i) => [...firsts.slice(i + 1), ...seconds, ...ins].map((b): [Edit, Edit] => [a, b])),
      ...seconds.flatMap((a) => ins.map((b): [Edit, Edit] => [a, b])),
    ];
    // a copy's pair (two swaps) comes again among the swaps' pairs: judged once
    const all = [...fix, ...ins];
    const tried = new Set<number>();
    for (const [k, [a, b]] of pairs.entries()) {
      const key = all.indexOf(a) * all.length + all.indexOf(b);
      if (b.target === a.target || tried.has(key)) continue;
      tried.add(key);
      const ok = holds(r, [a, b]);
      if (ok === null) return null;
      if (ok && k < copies.length)
        return { text: `${sentenceStart(prefixOf(r) + twiceText(a, b, nodes, show))}: with that the check holds`, culprit: a.target.range };
      if (ok)
        return {
          text: sentenceStart(`${prefixOf(r)}two things differ: ${a.text}, and ${b.text}: with both changed the check holds`),
          culprit: null,
        };
    }
  }
  return null;
}

/** two edits that make the same change of the same written value at two of its places (no insertion: it is placed) */
function sameEdit(a: Edit, b: Edit, show: Show): boolean {
  if (a.target === b.target || a.kind !== b.kind || a.kind === 'drop' || a.dropped || b.dropped) return false;
  return show(a.target) === show(b.target) && show(a.make(a.target)) === show(b.make(b.target));
}

/** "W_hhᵀ should be W_hh, both times it is written", or "the first and the third h_t should be o_t" of a value written more often */
function twiceText(a: Edit, b: Edit, nodes: readonly Expr[], show: Show): string {
  const text = show(a.target);
  const made = show(a.make(a.target));
  const same = nodes.filter((n) => show(n) === text).sort((x, y) => x.range.line - y.range.line || x.range.column - y.range.column);
  if (same.length <= 2) return `${text} should be ${made}, both times it is written`;
  const [i, j] = [same.indexOf(a.target), same.indexOf(b.target)].sort((x, y) => x - y);
  const nth = (k: number) => ORDINALS[k] ?? `${k + 1}th`;
  return `the ${nth(i!)} and the ${nth(j!)} ${text} should be ${made} (the same slip twice)`;
}

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth'];

/** the constants by which a formula side is off that a mistake explains: a sign, 2 (a square's), 1/T (a mean) */
function scaleOf(l: Float64Array, r: Float64Array, T: number, mean: boolean): number | null {
  if (l.length !== r.length) return null;
  const k = ratioAtLargest(l, r);
  if (k === null) return null;
  const known = [-1, 2, 0.5, -2, -0.5, ...(mean ? [T, 1 / T, -T, -1 / T] : [])];
  return known.find((v) => sameRatio(k, v)) ?? null;
}

/** "−1 times the other side: a sign is wrong" */
function scaleText(k: number, T: number): string {
  const is = (v: number) => sameRatio(k, v);
  if (is(-1)) return 'the other side with the opposite sign: a sign is wrong too';
  if (T > 1 && is(T)) return `T = ${T} times the other side: a factor 1/T (a loss averaged over the steps) is missing too`;
  if (T > 1 && is(-T)) return `−T = −${T} times the other side: a factor 1/T is missing and a sign is wrong too`;
  if (T > 1 && is(1 / T)) return `1/T times the other side: it has a factor 1/T too many`;
  if (T > 1 && is(-1 / T)) return `−1/T times the other side: it has a factor 1/T too many and a sign is wrong`;
  return `${fmt(k, 4)} times the other side: a constant factor is wrong too`;
}

/** a factor as it is written inside a product: (1 − z_t) */
const factorText = (x: Expr, show: Show = exprText) => (x.k === 'add' || x.k === 'sub' ? `(${show(x)})` : show(x));

/** "read with ∂h_t/∂W_h as a one-step derivative, " — the derivatives the one-step reading re-reads */
function prefixOf(r: Reading): string {
  if (!r.oneStep) return '';
  const rr = r.c;
  const names: string[] = [];
  const go = (x: Expr): void => {
    if (x.k === 'deriv' && x.oneStep) {
      const t = exprText(x);
      if (!names.includes(t)) names.push(t);
    }
    forChildren(x, go);
  };
  go(rr.lhs);
  go(rr.rhs);
  if (!names.length) return '';
  return `read with ${names.join(' and ')} as one-step derivative${names.length > 1 ? 's' : ''}, `;
}
