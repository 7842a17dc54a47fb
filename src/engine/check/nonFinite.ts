// Where a side that is not a finite number (NaN or ∞) became one: the innermost part of the side whose own
// operands are finite but whose value is not, named with the operand that is outside its domain
// (σ^{-1}(2): the logit is defined on (0, 1)). LANGUAGE.md §6: a diagnostic names exactly what is wrong.

import { idxValue } from '../../language/idx';
import type { Expr, Quantity } from '../../language/model';
import { exprText } from '../../language/print';
import { forChildren, walkRefs } from '../../language/resolve/walk';
import { fmt } from '../format';
import { bindVar } from '../subst';
import type { Env, Run } from '../run';
import { withVar } from '../env';

/** parts of one side evaluated at most (each evaluates its subtree again: a long side must not cost n²) */
const MAX_VISITED = 64;

/** the domain of a function that has one, as a sentence's end, and whether x lies in it */
const DOMAINS: Partial<Record<string, { text: string; holds: (x: number) => boolean }>> = {
  logit: { text: 'σ^{-1} (the logit) is defined on (0, 1) only', holds: (x) => x > 0 && x < 1 },
  artanh: { text: 'tanh^{-1} (artanh) is defined on (−1, 1) only', holds: (x) => x > -1 && x < 1 },
  log: { text: 'log is defined for positive numbers only', holds: (x) => x > 0 },
  sqrt: { text: 'sqrt is defined for numbers ≥ 0 only', holds: (x) => x >= 0 },
};

/** why e is not finite at env, as a clause ("σ^{-1}(2): σ^{-1} … only, and its argument is 2"), or null */
export function nonFiniteCause(e: Expr, env: Env, run: Run): string | null {
  const visited = { n: 0 };
  return causeIn(e, env, run, visited);
}

function valueOf(e: Expr, env: Env, run: Run): Float64Array | null {
  try {
    return run.evaluateShared(e, env).data;
  } catch {
    // a part that needs a Σ's variable, or that does not evaluate on its own: not the culprit we can name
    return null;
  }
}

const allFinite = (d: Float64Array) => d.every(Number.isFinite);

function causeIn(e: Expr, env: Env, run: Run, visited: { n: number }): string | null {
  if (++visited.n > MAX_VISITED) return null;
  const own = valueOf(e, env, run);
  if (!own || allFinite(own)) return null;
  if (e.k === 'sum' || e.k === 'prod') return termCause(e, env, run, visited) ?? describe(e, own, env, run, visited);
  // a derivative's quantity is not evaluated apart from it
  if (e.k === 'deriv') return describe(e, own, env, run, visited);
  const children: Expr[] = [];
  forChildren(e, (c) => children.push(c));
  for (const c of children) {
    const inner = causeIn(c, env, run, visited);
    if (inner) return inner;
  }
  return describe(e, own, env, run, visited);
}

/** the cause in the first term of a Σ/∏ that is not finite, with its variable bound to that term's value */
function termCause(e: Expr & { k: 'sum' | 'prod' }, env: Env, run: Run, visited: { n: number }): string | null {
  const lo = idxValue(e.from, env);
  const hi = idxValue(e.to, env);
  if (lo === undefined || hi === undefined) return null;
  for (let i = lo; i <= hi && visited.n <= MAX_VISITED; i++) {
    const inner = withVar(env, e.v, i);
    const term = valueOf(e.body, inner, run);
    visited.n++;
    if (!term || allFinite(term)) continue;
    const cause = causeIn(e.body, inner, run, visited);
    return cause ? `${cause} (the term ${e.v} = ${i} of the ${e.k === 'sum' ? 'Σ' : '∏'})` : null;
  }
  return null;
}

/** the written name of a function whose printed one is not (the inverses print as σ^{-1}, tanh^{-1}) */
function textOf(e: Expr): string {
  if (e.k === 'call' && (e.fn === 'logit' || e.fn === 'artanh')) return `${e.fn === 'logit' ? 'σ' : 'tanh'}^{-1}(${exprText(e.arg)})`;
  return exprText(e);
}

/** e is not finite while its operands are */
function describe(e: Expr, own: Float64Array, env: Env, run: Run, visited: { n: number }): string {
  const text = textOf(e);
  if (e.k === 'call') {
    const domain = DOMAINS[e.fn];
    const arg = valueOf(e.arg, env, run);
    if (domain && arg) {
      const at = arg.findIndex((x) => !domain.holds(x));
      if (at >= 0) {
        const which = arg.length === 1 ? 'its argument is' : `entry ${at + 1} of its argument is`;
        return `${text}: ${domain.text}, and ${which} ${fmt(arg[at]!)}`;
      }
    }
  }
  if (e.k === 'div') {
    const b = valueOf(e.b, env, run);
    if (b && b.some((x) => x === 0)) return `${text} divides by 0 (${exprText(e.b)} is 0${b.length > 1 ? ' at an entry' : ''})`;
  }
  const bad = own.find((x) => !Number.isFinite(x))!;
  const value = Number.isNaN(bad) ? 'NaN' : fmt(bad);
  // a quantity: the cause is in its equation (r = log(w − 0.3) is −∞ by a log of 0, not an overflow)
  const inDefinition = e.k === 'ref' ? definitionCause(e, env, run, visited) : null;
  if (inDefinition) return `${text} is ${value}, by its definition: ${inDefinition}`;
  // operands finite, the value not: past log's domain and a division by 0 (said above), ∞ is an overflow
  return `${text} is ${value}${Number.isNaN(bad) || e.k === 'ref' ? '' : ' (an overflow)'}`;
}

/** why a quantity's value at the ref's step is not finite, found in its own equation there, or null */
function definitionCause(e: Expr & { k: 'ref' }, env: Env, run: Run, visited: { n: number }): string | null {
  const q = run.model.quantities.get(e.name);
  if (!q) return null;
  const step = e.idx ? idxValue(e.idx, env) : null;
  if (step === undefined) return null;
  const eq = equationAt(q, step);
  return eq ? causeIn(eq, env, run, visited) : null;
}

/** a quantity's equation at a step, printed with its number (d_2 = log(0 − h_2), not log(0 − h_t)); untimed: its own */
function equationAt(q: Quantity, step: number | null): Expr | null {
  if (step === null) return q.general;
  return q.overrides.get(step) ?? (q.general && bindVar(q.general, 't', step));
}

/**
 * The quantities whose value is not finite at some step while every other quantity their equation there uses is
 * finite: where a NaN or ∞ is made, not every place it reaches (LANGUAGE.md §6). Each with its first such step and
 * the cause in its equation there. A quantity the loss does not use had no diagnostic at all before: its hover
 * showed −∞ with no word of why.
 */
export function nonFiniteQuantities(run: Run): NonFiniteQuantity[] {
  const firstBad = new Map<string, number | null>();
  for (const q of run.quantityNodes()) if (!firstBad.has(q.name) && !allFinite(q.node.data)) firstBad.set(q.name, q.t);
  const out: NonFiniteQuantity[] = [];
  for (const [name, t] of firstBad) {
    const eq = equationAt(run.model.quantities.get(name)!, t);
    if (!eq || usesNonFinite(eq, name, firstBad, run)) continue;
    const reads = new Set<string>();
    walkRefs(eq, (r) => {
      if (run.model.decls.has(r.name)) reads.add(r.name);
    });
    out.push({ name, t, cause: causeIn(eq, {}, run, { n: 0 }), reads: [...reads] });
  }
  return out;
}

/** a quantity not finite where it is made: its first such step, the cause there, and the declarations it reads there */
export interface NonFiniteQuantity {
  name: string;
  t: number | null;
  cause: string | null;
  reads: string[];
}

/** whether an equation uses another quantity that is not finite there (a use under a Σ's variable: not finite anywhere) */
function usesNonFinite(eq: Expr, self: string, bad: ReadonlyMap<string, number | null>, run: Run): boolean {
  let uses = false;
  walkRefs(eq, (r) => {
    if (uses || r.name === self || !bad.has(r.name)) return;
    const v = valueOf(r, {}, run);
    uses = !v || !allFinite(v);
  });
  return uses;
}
