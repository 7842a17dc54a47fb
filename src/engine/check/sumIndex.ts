// A wrong index inside a Σ/∏: d2l.ai's ∂L/∂h_t = Σ_{i=t}^{T} (W_hhᵀ)^{T−i} W_qhᵀ ∂L/∂o_{T+t−i} written with
// ∂L/∂o_i, a reversed sum's x_{T+1−i} written x_i, a bound written with the wrong variable (Σ_{i=1}^{T} for
// Σ_{i=1}^{t}). Each step index read inside a Σ/∏ (a value's, a derivative's numerator or denominator) and each
// Σ/∏ bound is given, in turn, the other index expressions the variables around it make (±i, ±t, T, ±1);
// when one alone makes the check hold at every point, it is named: "inside the Σ over i, ∂L/∂o_i should be
// ∂L/∂o_{T+t−i}". Step shifts of a value (shiftHint) and one-step moves of a bound (boundHint) are the
// earlier hints': this one is last in the cascade and bounded (MAX_TRIALS evaluations of one side at one point).

import { idxString, idxValue, idxVars, makeIdx } from '../../language/idx';
import type { Expr, Idx, IdxTerm } from '../../language/model';
import { displayName, exprText, refText } from '../../language/print';
import { forChildren } from '../../language/resolve/walk';
import { LimitError } from '../tape';
import { RunError, type Run } from '../run';
import type { Claim } from './hints';
import { anyOff, close, type Sides } from './points';
import { confirmed, type OtherValues } from './confirm';
import { EVERYWHERE, replacing } from './replacing';

type Loop = Expr & { k: 'sum' | 'prod' };

/** evaluations of one side at the failing point, over every site and candidate: past it nothing is said */
const MAX_TRIALS = 160;
/** sites (indices and bounds) looked at per side */
const MAX_SITES = 12;

/** a place an index is written: a reference's step, a derivative's numerator or denominator, a bound */
interface Site {
  idx: Idx;
  /** the side with this index replaced */
  with: (side: Expr, idx: Idx) => Expr;
  /** the text written, given the index's text (h_i, ∂L/∂o_i, upper bound) */
  text: (idx: string) => string;
  /** the Σ/∏ it stands in (innermost), for the message */
  loop: Loop;
  /** the variables a candidate may use: the loops' own (innermost first), then the free ones around */
  inner: string[];
  bound: 'from' | 'to' | null;
  /** a value's reference: its ±1, ±2 shifts are shiftHint's */
  value: boolean;
}

/** the timed names of the network (their references' indices are steps) */
function timedNames(run: Run): Set<string> {
  const out = new Set<string>();
  for (const [n, q] of run.model.quantities) if (q.timed) out.add(n);
  for (const [n, d] of run.model.decls) if (d.perStep) out.add(n);
  return out;
}

function sitesOf(side: Expr, timed: Set<string>): Site[] {
  const out: Site[] = [];
  // exponents are tried after every step and bound: where both an exponent and a step make the check hold (d2l's
  // (W_hhᵀ)^{T−i} with ∂L/∂o_i, i−t fits as well as o_{T+t−i}), the step is the slip a copied formula has
  const powers: Site[] = [];
  const walk = (e: Expr, loops: Loop[]): void => {
    if (out.length >= MAX_SITES) return;
    const loop = loops[loops.length - 1];
    if (e.k === 'sum' || e.k === 'prod') {
      for (const end of ['to', 'from'] as const)
        out.push({
          idx: e[end],
          with: (s, idx) => replacing(s, e, { ...e, [end]: idx }, EVERYWHERE),
          text: (idx) => idx,
          loop: e,
          inner: loops.map((l) => l.v).reverse(),
          bound: end,
          value: false,
        });
      walk(e.body, [...loops, e]);
      return;
    }
    if (!loop) {
      if (e.k !== 'deriv') forChildren(e, (c) => walk(c, loops));
      return;
    }
    const inner = loops.map((l) => l.v).reverse();
    if (e.k === 'ref' && e.idx && timed.has(e.name)) {
      out.push({
        idx: e.idx,
        with: (s, idx) => replacing(s, e, { ...e, idx }, EVERYWHERE),
        text: (idx) => named(e.name, idx),
        loop,
        inner,
        bound: null,
        value: true,
      });
      return;
    }
    if (e.k === 'deriv') {
      const of = e.of;
      const wrt = e.wrt;
      const mark = e.total ? '∂' : '∂⁺';
      if (of.k === 'ref' && of.idx && timed.has(of.name))
        out.push({
          idx: of.idx,
          with: (s, idx) => replacing(s, e, { ...e, of: { ...of, idx } }, EVERYWHERE),
          text: (idx) => `${mark}${named(of.name, idx)}/∂${refText(wrt.name, wrt.idx)}`,
          loop,
          inner,
          bound: null,
          value: false,
        });
      if (wrt.idx && timed.has(wrt.name))
        out.push({
          idx: wrt.idx,
          with: (s, idx) => replacing(s, e, { ...e, wrt: { ...wrt, idx } }, EVERYWHERE),
          text: (idx) => `${mark}${exprText(of)}/∂${named(wrt.name, idx)}`,
          loop,
          inner,
          bound: null,
          value: false,
        });
      return;
    }
    // d2l's (W_hhᵀ)^{T−i}: a matrix power's exponent written with the loop's variables is an index too
    const n = e.k === 'matpow' ? exprIdx(e.n) : null;
    if (e.k === 'matpow' && n && idxVars(n).length) {
      const base = e.a;
      powers.push({
        idx: n,
        with: (s, idx) => replacing(s, e, { ...e, n: { k: 'var', idx, shape: e.n.shape, range: e.n.range } }, EVERYWHERE),
        text: (idx) => `(${exprText(base)})^{${idx}}`,
        loop,
        inner,
        bound: null,
        value: false,
      });
    }
    forChildren(e, (c) => walk(c, loops));
  };
  walk(side, []);
  return [...out, ...powers].slice(0, MAX_SITES);
}

/** an exponent read as an index expression (T−i resolves to 3 − i): numbers and index variables added and subtracted */
function exprIdx(e: Expr): Idx | null {
  if (e.k === 'var') return e.idx;
  if (e.k === 'num') return Number.isInteger(e.value) ? makeIdx(null, e.value) : null;
  if (e.k === 'neg') {
    const a = exprIdx(e.a);
    return (
      a &&
      makeIdx(
        null,
        -a.k,
        idxTerms(a).map((t) => ({ v: t.v, sign: -t.sign as 1 | -1 })),
      )
    );
  }
  if (e.k === 'add' || e.k === 'sub') {
    const a = exprIdx(e.a);
    const b = exprIdx(e.b);
    if (!a || !b) return null;
    const sign = e.k === 'add' ? 1 : -1;
    const terms = [...idxTerms(a), ...idxTerms(b).map((t) => ({ v: t.v, sign: (t.sign * sign) as 1 | -1 }))];
    // i − i cancels: a variable's signs summed
    const sum = new Map<string, number>();
    for (const t of terms) sum.set(t.v, (sum.get(t.v) ?? 0) + t.sign);
    if ([...sum.values()].some((c) => Math.abs(c) > 1)) return null;
    const kept: IdxTerm[] = [...sum].filter(([, c]) => c !== 0).map(([v, c]) => ({ v, sign: c as 1 | -1 }));
    return makeIdx(null, a.k + sign * b.k, kept);
  }
  return null;
}

/** an index's variables with their signs (v, then the terms) */
const idxTerms = (idx: Idx): IdxTerm[] => [...(idx.v ? [{ v: idx.v, sign: 1 as const }] : []), ...(idx.terms ?? [])];

/** a candidate: a·p + c·q + (T) + k, with p a variable of the site's loops and q a free one around */
interface Cand {
  idx: Idx;
  /** the same with T kept as T, for the message */
  shown: Idx;
}

function candidates(site: Site, outer: string[], T: number): Cand[] {
  const out: Cand[] = [];
  // a bound may use only what is bound outside its own loop
  const own = site.bound ? site.inner.slice(1) : site.inner;
  const ps: (string | null)[] = [...own.slice(0, 2), null];
  const qs: (string | null)[] = [null, ...outer.filter((v) => !own.includes(v)).slice(0, 2)];
  for (const p of ps)
    for (const a of p ? [1, -1] : [0])
      for (const q of qs)
        for (const c of q ? [1, -1] : [0])
          for (const withT of [0, 1])
            for (const k of [0, -1, 1]) {
              const terms: IdxTerm[] = [];
              if (p) terms.push({ v: p, sign: a as 1 | -1 });
              if (q) terms.push({ v: q, sign: c as 1 | -1 });
              // an index with no variable at all is a fixed step: only T, T−1 (a bound's usual slips)
              if (!p && !q && !withT) continue;
              // added terms first in the text: T+t−i, not T−i+t
              terms.sort((x, y) => y.sign - x.sign);
              const idx = makeIdx(null, k + withT * T, terms);
              const shown = withT ? makeIdx('T', k, terms) : idx;
              out.push({ idx, shown });
            }
  return out;
}

const sameIdx = (a: Idx, b: Idx, env: Record<string, number>, vars: string[]) => {
  // equal as index expressions: equal at two different values of every variable
  for (const base of [0, 7]) {
    const e: Record<string, number> = { ...env };
    vars.forEach((v, i) => (e[v] = base + 3 * i + 1));
    if (idxValue(a, e) !== idxValue(b, e)) return false;
  }
  return true;
};

/** the two differ by a constant step (a shift): what shiftHint and boundHint already tried, for ±1 and ±2 */
function isShift(a: Idx, b: Idx, vars: string[]): boolean {
  const z: Record<string, number> = {};
  vars.forEach((v) => (z[v] = 0));
  const d0 = (idxValue(a, z) ?? NaN) - (idxValue(b, z) ?? NaN);
  if (Math.abs(d0) > 2) return false;
  return vars.every((v) => {
    const e = { ...z, [v]: 5 };
    return (idxValue(a, e) ?? NaN) - (idxValue(b, e) ?? NaN) === d0;
  });
}

export function sumIndexHint(claim: Claim, run: Run, bad: Sides, other: OtherValues = null): string | null {
  const timed = timedNames(run);
  const T = run.model.T;
  const outer = Object.keys(bad.env);
  let trials = 0;
  for (const [key, name] of [
    ['rhs', 'right'],
    ['lhs', 'left'],
  ] as const) {
    const side = claim[key];
    const sites = sitesOf(side, timed);
    for (const site of sites) {
      const vars = [...new Set([...site.inner, ...outer])];
      for (const cand of candidates(site, outer, T)) {
        if (sameIdx(cand.idx, site.idx, {}, vars)) continue;
        if ((site.value || site.bound) && isShift(cand.idx, site.idx, vars)) continue;
        // a bound that leaves one term or none (Σ_{i=t}^{t}) makes most formulas say ∂L/∂h_t = ∂L/∂h_t: no culprit
        if (site.bound && collapses(site, cand.idx, vars)) continue;
        if (trials++ >= MAX_TRIALS) return null;
        const e = site.with(side, cand.idx);
        const [lhs, rhs] = key === 'rhs' ? [claim.lhs, e] : [e, claim.rhs];
        try {
          // at the failing point first (one evaluation of the side), then at every point
          const here = run.evaluateShared(e, bad.env).data;
          if (!close(here, (key === 'rhs' ? bad.l : bad.r).data)) continue;
          if (anyOff(claim.points, lhs, rhs, run)) continue;
        } catch (x) {
          if (x instanceof RunError || x instanceof LimitError) continue;
          throw x;
        }
        // found at these values: named only if it holds at a draw too (confirm.ts)
        if (!confirmed(other, lhs, rhs, claim.points)) continue;
        return describe(site, cand, name, T);
      }
    }
  }
  return null;
}

/** the loop with this bound runs over at most one value, whatever its variables are */
function collapses(site: Site, idx: Idx, vars: string[]): boolean {
  const from = site.bound === 'from' ? idx : site.loop.from;
  const to = site.bound === 'to' ? idx : site.loop.to;
  return (
    isShift(to, from, vars) &&
    [0, 5].every((x) => {
      const e: Record<string, number> = {};
      vars.forEach((v) => (e[v] = x));
      return (idxValue(to, e) ?? 0) - (idxValue(from, e) ?? 0) <= 0;
    })
  );
}

/** an index as written: T−i, T+1−i, T+t−i keep their T (the model holds it resolved, 4−i) */
function writtenIdx(idx: Idx, T: number): Idx {
  const terms = [...(idx.v ? [{ v: idx.v, sign: 1 as const }] : []), ...(idx.terms ?? [])];
  if (!terms.some((x) => x.sign < 0) || Math.abs(idx.k - T) > 2) return idx;
  return makeIdx(
    'T',
    idx.k - T,
    terms.sort((x, y) => y.sign - x.sign),
  );
}

/** a name with an index's text, as refText writes it (h_i, o_{T+t-i}) */
const named = (name: string, idx: string) => (idx.length === 1 ? `${displayName(name)}_${idx}` : `${displayName(name)}_{${idx}}`);

/** an index as a sheet writes one with T: T first, then its number, the added variables, the subtracted ones (T+1-i) */
function idxText(idx: Idx): string {
  if (idx.v !== 'T') return idxString(idx, '-');
  const terms = idx.terms ?? [];
  let s = 'T';
  if (idx.k) s += idx.k > 0 ? `+${idx.k}` : `-${-idx.k}`;
  for (const t of terms) if (t.sign > 0) s += `+${t.v}`;
  for (const t of terms) if (t.sign < 0) s += `-${t.v}`;
  return s;
}

function describe(site: Site, cand: Cand, side: string, T: number): string {
  const sym = site.loop.k === 'sum' ? 'Σ' : '∏';
  const where = `the ${sym} over ${site.loop.v} on the ${side} side`;
  if (site.bound) {
    const which = site.bound === 'to' ? 'upper' : 'lower';
    const range = `${site.loop.v} = ${idxText(writtenIdx(site.loop.from, T))}..${idxText(writtenIdx(site.loop.to, T))}`;
    return `The ${where.slice(4)} (${range}) has the wrong ${which} bound: it should be ${idxText(cand.shown)}, with which the check holds`;
  }
  return `Inside ${where}, ${site.text(idxText(writtenIdx(site.idx, T)))} should be ${site.text(idxText(cand.shown))}: with that index the check holds`;
}
