// The one-step re-reading of a check (LANGUAGE.md §5): many sheets write ∂ for a local, one-step
// derivative. A check that fails as written is read again with every ∂X/∂Y of a per-step X of the
// recurrence by a parameter, an input, or a node of X's own step or the step next to it taken as one-step;
// derivatives of untimed quantities (the loss) and of per-step outputs and losses stay total. A check that
// writes both dA/dB and ∂A/∂B means d for the total derivative: only its ∂ are re-read.

import { Memo } from '../memo';
import type { Expr, Idx, Model } from '../../language/model';
import { bindings, type Binder } from './bindings';
import { exprText, spellings } from '../../language/print';
import { forChildren, mapChildren, walkRefs } from '../../language/resolve';
import { andList, fmt, valueText } from '../format';
import { RunError, type Run } from '../run';
import { bindAll } from '../subst';
import { toValue } from '../tensor';
import type { Point } from './points';
import { shortcuts } from './shortcuts';
import { derivAs } from './derivAs';

type Deriv = Expr & { k: 'deriv' };

export interface Reread {
  lhs: Expr;
  rhs: Expr;
  /**
   * the derivatives re-read (as one-step), each with the Σ/∏ binders around it: d as written (marked
   * one-step, for its name and its total), oneStep the expression evaluated in its place
   */
  derivs: { d: Deriv; oneStep: Expr; binders: Binder[] }[];
}

function adjacent(a: Idx, b: Idx | null): boolean {
  if (!b) return false;
  // the same variable (or both fixed steps): at most one step apart; different variables cannot be told apart here
  return a.v === b.v ? Math.abs(a.k - b.k) <= 1 : true;
}

/**
 * The quantities of the recurrence: those read at another step (h from h_{t-1}, c from c_{t+1}) and,
 * step by step backwards, the same-step quantities their equations read (h̃_t, the gates). The one-step
 * reading is about these; a per-step output or loss (o_t, 𝓛^{(T)}) that no later step reads, written
 * with ∂, means its total derivative, as seed 002's ∂𝓛^{(T)}/∂W_hh does.
 */
const recurrences = new Memo<Model, Set<string>>();
function recurrent(name: string, model: Model): boolean {
  let set = recurrences.get(model);
  if (!set) {
    set = new Set<string>();
    const sameStep = new Map<string, string[]>();
    for (const q of model.quantities.values()) {
      if (!q.timed || !q.general) continue;
      const reads: string[] = [];
      walkRefs(q.general, (r) => {
        if (!r.idx || r.idx.v !== 't' || r.idx.terms?.length || !model.quantities.get(r.name)?.timed) return;
        if (r.idx.k !== 0) set!.add(r.name);
        else reads.push(r.name);
      });
      sameStep.set(q.name, reads);
    }
    const todo = [...set];
    while (todo.length)
      for (const r of sameStep.get(todo.pop()!) ?? [])
        if (!set.has(r)) {
          set.add(r);
          todo.push(r);
        }
    recurrences.set(model, set);
  }
  return set.has(name);
}

/** the per-step quantity whose derivative d is: X itself, or the vector X of an entry X_i (h_i^{(t)}) */
function perStepOf(d: Deriv): (Expr & { k: 'ref' }) | null {
  if (d.of.k === 'ref') return d.of;
  // Goodfellow's ∇_W h_i^{(t)} (eqs. 10.25, 10.27 with the total ∇_W for ∇_{W^{(t)}}): an entry of a vector
  if (d.of.k === 'index' && !d.of.j && d.of.a.k === 'ref' && d.of.a.shape?.length === 1) return d.of.a;
  return null;
}

/**
 * Elman's context units: the quantities whose equation is another quantity's value at the step before (c_t = h_{t-1}),
 * a copy the step reads as one more input
 */
const contexts = new Memo<Model, Set<string>>();
function contextCopies(model: Model): Set<string> {
  let set = contexts.get(model);
  if (!set) {
    set = new Set<string>();
    for (const q of model.quantities.values()) {
      const g = q.general;
      if (q.timed && g?.k === 'ref' && g.idx?.v === 't' && g.idx.k === -1 && !g.idx.terms?.length && g.name !== q.name) set.add(q.name);
    }
    contexts.set(model, set);
  }
  return set;
}

/**
 * `context`: the network has context units (Elman's, c_t = h_{t-1}, trained with the context taken as an input):
 * then a per-step output's or loss's derivative by a parameter (∂E_t/∂W_ch) is re-read too — the truncated gradient
 * such a network is trained with, where elsewhere ∂L_t/∂W means the total (seed 002, CS224n)
 */
export function rereadable(d: Deriv, model: Model, context = false): boolean {
  const x = perStepOf(d);
  if (!d.total || d.oneStep || !x?.idx) return false;
  if (!model.quantities.get(x.name)?.timed) return false;
  if (!recurrent(x.name, model)) return context && model.decls.get(d.wrt.name)?.kind === 'param';
  if (model.decls.has(d.wrt.name)) return true;
  return !!model.quantities.get(d.wrt.name)?.timed && adjacent(x.idx, d.wrt.idx);
}

/**
 * What is evaluated for the one-step d: d itself marked one-step, or for an entry X_i its row of the one-step
 * ∂X/∂Y — one-hot(i) · ∂X/∂Y (entry i for a scalar Y), as the resolver reads ∇_{W^{(t)}} h_i^{(t)}
 */
function oneStepExpr(d: Deriv, x: Expr & { k: 'ref' }): Expr {
  if (d.of === x) return derivAs(d, true);
  const of = d.of as Expr & { k: 'index' };
  const whole = derivAs(d, true, d.total, x, [x.shape[0]!, ...d.shape]);
  if (whole.shape.length === 1) return { k: 'index', a: whole, i: of.i, j: null, shape: [], range: d.range };
  const n = x.shape[0]!;
  const items: Expr[] = Array.from({ length: n }, (_, k) => ({
    k: 'indicator',
    a: of.i,
    b: { k: 'num', value: k + 1, shape: [], range: d.range },
    shape: [],
    range: d.range,
  }));
  return { k: 'contract', a: { k: 'vec', items, shape: [n], range: d.range }, b: whole, shape: d.shape, range: d.range };
}

/** a derivative the re-reading would replace, found by the same walk without copying anything */
function anyRereadable(e: Expr, model: Model, context: boolean): boolean {
  if (e.k === 'deriv') return rereadable(e, model, context);
  let found = false;
  forChildren(e, (x) => {
    if (!found && anyRereadable(x, model, context)) found = true;
  });
  return found;
}

/** the check with its derivatives re-read, or null when none is */
export function rereadOneStep(lhs: Expr, rhs: Expr, model: Model): Reread | null {
  // most failing checks have nothing to re-read (a loss's adjoint, a plain equation): no copy of their sides
  const context = contextCopies(model).size > 0;
  if (shortcuts.on && !anyRereadable(lhs, model, context) && !anyRereadable(rhs, model, context)) return null;
  const derivs: Reread['derivs'] = [];
  // a check that writes both d and ∂ tells them apart (dh_t/dw = ∂h_t/∂w + ∂h_t/∂h_{t-1} dh_{t-1}/dw, the convention
  // of several textbooks): its d are total derivatives, and only its ∂ are read as one-step
  const both = model.uprightD === true && writesBoth(lhs, rhs);
  const go = (e: Expr, binders: Binder[]): Expr => {
    switch (e.k) {
      case 'sum':
      case 'prod':
        return { ...e, body: go(e.body, [...binders, { v: e.v, from: e.from, to: e.to }]) };
      case 'deriv': {
        if (!rereadable(e, model, context) || (both && e.spelled !== '∂')) return e;
        const d = derivAs(e, true);
        const oneStep = oneStepExpr(e, perStepOf(e)!);
        derivs.push({ d, oneStep, binders });
        return oneStep;
      }
      default:
        return mapChildren(e, (x) => go(x, binders));
    }
  };
  const l = go(lhs, []);
  const r = go(rhs, []);
  // a check that writes ∂⁺ somewhere tells the two apart: its ∂ are meant as total derivatives
  if (derivs.length && (writesPlus(lhs) || writesPlus(rhs))) return null;
  return derivs.length ? { lhs: l, rhs: r, derivs } : null;
}

/** whether the sides write a derivative as dA/dB and another as ∂A/∂B (inside another's numerator too) */
export function writesBoth(lhs: Expr, rhs: Expr): boolean {
  return (writes(lhs, spelledD) || writes(rhs, spelledD)) && (writes(lhs, spelledPartial) || writes(rhs, spelledPartial));
}

const spelledD = (d: Deriv) => d.spelled === 'd';
const spelledPartial = (d: Deriv) => d.spelled === '∂';

const writesPlus = (e: Expr): boolean => writes(e, (d) => !d.total);

/** whether e writes a derivative that `test` accepts: every derivative, inside another's numerator too, but not in an entry's index position */
function writes(e: Expr, test: (d: Deriv) => boolean): boolean {
  let found = false;
  const go = (x: Expr): void => {
    if (found) return;
    if (x.k === 'deriv' && test(x)) found = true;
    else forChildren(x, go, { indexPositions: false });
  };
  go(e);
  return found;
}

/** the bindings of a derivative's Σ/∏ variables tried per point (the first ones, past it) */
const MAX_BINDINGS = 64;

/**
 * The re-read derivatives as written ("∂h_t/∂W_xh") and, for each, the first value its total derivative
 * adds to the one-step one ("∂h_2/∂W_xh adds 0.0384"). Named are the derivatives whose two readings differ
 * at the file's values or at `draw` (a random draw: h_0 = 0 hides what ∂h_1/∂W_hh adds at the file's values);
 * ∂h_j/∂h_{j-1} from one step to the next, the same either way, is not.
 */
export function rereadText(rr: Reread, run: Run, points: Point[], draw: Run | null): { names: string; adds: string[] } {
  const seen = new Set<string>();
  const names: string[] = [];
  /** the derivatives whose one-step reading differs from the total: the ones that matter */
  const differ: string[] = [];
  const adds: string[] = [];
  for (const { d, oneStep, binders } of rr.derivs) {
    const text = exprText(d);
    if (seen.has(text)) continue;
    seen.add(text);
    names.push(text);
    // the total derivative as one expression for every point and binding (compiled once, not once per point);
    // both values only read here (the run's own arrays, charged as copies were)
    const whole = derivAs(d, false);
    const before = adds.length;
    try {
      search: for (const p of points)
        for (const env of bindings(binders, p.env, MAX_BINDINGS).envs) {
          const one = run.evaluateShared(oneStep, env);
          const total = run.evaluateShared(whole, env);
          const diff = total.data.map((x, i) => x - one.data[i]!);
          if (diff.every((x, i) => Math.abs(x) <= 1e-12 * Math.max(1, Math.abs(total.data[i]!)))) continue;
          const v = toValue({ shape: total.shape, data: diff });
          // the total, spelled d where the check writes d for it (print.ts spellings)
          adds.push(
            `${exprText(bindAll(spellings.kept ? { ...whole, spelled: 'd' } : whole, env))} adds ${typeof v === 'number' ? fmt(v, 4) : valueText(v, 4)}`,
          );
          break search;
        }
    } catch (e) {
      if (!(e instanceof RunError)) throw e;
    }
    if (adds.length > before || (draw && differsAt(draw, whole, oneStep, binders, points))) differ.push(text);
  }
  // none differs (a draw not evaluable): every re-read derivative is named, as before
  const named = differ.length ? differ : names;
  return { names: andList(named), adds };
}

/** whether the one-step and total (whole) readings of a derivative differ at some point of this run */
function differsAt(run: Run, whole: Deriv, oneStep: Expr, binders: Binder[], points: Point[]): boolean {
  try {
    for (const p of points)
      for (const env of bindings(binders, p.env, MAX_BINDINGS).envs) {
        const one = run.evaluateShared(oneStep, env).data;
        const total = run.evaluateShared(whole, env).data;
        for (let i = 0; i < total.length; i++) if (Math.abs(total[i]! - one[i]!) > 1e-12 * Math.max(1, Math.abs(total[i]!))) return true;
      }
  } catch (e) {
    if (!(e instanceof RunError)) throw e;
  }
  return false;
}

/** the derivatives a one-step re-reading re-reads, as written (for the hints that say "with … read as one-step") */
export function oneStepNames(c: { lhs: Expr; rhs: Expr }): string[] {
  const out: string[] = [];
  const go = (x: Expr): void => {
    if (x.k === 'deriv' && x.oneStep && !out.includes(exprText(x))) out.push(exprText(x));
    forChildren(x, go);
  };
  go(c.lhs);
  go(c.rhs);
  return out;
}
