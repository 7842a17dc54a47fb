// Equations `NAME_t = …`, `NAME_k = …`, `NAME = …`: which names are sequences, and one Quantity per name
// (its general equation and its per-step overrides), with duplicates refused.

import { untimedTwinKey } from '../../ids';
import type { Statement } from '../ast';
import type { Quantity } from '../model';
import type { Definition, Scope } from './scope';
import { derivedEquations, layerDefinition, layerLetter, layerName, unitDefinition } from './derived';
import { occurrence } from './text';
import { tryTimeIndex } from './timeIndex';
import { isStepAhead } from './stepAhead';
import { diag } from '../diagnostics';

/** the names defined by a general equation NAME_t = … */
function sequenceNames(statements: Statement[]): Set<string> {
  const general = new Set<string>();
  for (const st of statements) {
    if (st.k !== 'def') continue;
    const ix = st.lhs.sub ?? st.lhs.sup;
    if (!ix && /^.+_t$/.test(st.lhs.raw)) general.add(st.lhs.raw.slice(0, -2));
    if (ix && ix.k === 'name' && ix.raw === 't') general.add(st.lhs.raw);
    // h_{t+1} = …, the general equation for the step ahead (stepAhead.ts)
    if (ix?.k === 'bin' && ix.op === '+' && ix.a.k === 'name' && ix.a.raw === 't' && ix.b.k === 'num' && ix.b.value === 1)
      general.add(st.lhs.raw);
  }
  return general;
}

/**
 * names defined step by step and never for the general step (a hand computation's δ_2 = h_2 − y_2, then δ_1 = (h_1 − y_1)
 * + δ_2 (1 − h_2²) u): each a sequence whose every step is an override, so that a later δ_t (Σ_{t=1}^{2} δ_t …) reads it —
 * it was "unknown name δ", δ_1 and δ_2 being names of their own. Only where every such step is within 1..T and the name
 * has no equation without a step nor one by a derivative (z_1 = W_1 x, z_2 = W_2 z_1 past the horizon stay layers' names)
 */
function stepwiseNames(statements: Statement[], general: Set<string>, derived: Set<Statement>, T: number): Set<string> {
  const steps = new Map<string, number[]>();
  const plain = new Set<string>();
  for (const st of statements) {
    if (st.k !== 'def' || st.lhs.sub || st.lhs.sup) continue;
    const m = /^(.+)_(\d+)$/.exec(st.lhs.raw);
    // a name for a derivative at one step (CS224n's δ_1 = ∂J/∂θ_2, a chain's label) stays a name of its own
    if (!m || derived.has(st)) {
      plain.add(st.lhs.raw);
      continue;
    }
    const list = steps.get(m[1]!) ?? [];
    list.push(Number(m[2]));
    steps.set(m[1]!, list);
  }
  const out = new Set<string>();
  for (const [base, ks] of steps)
    if (!general.has(base) && !plain.has(base) && ks.every((k) => k >= 1 && k <= T) && new Set(ks).size === ks.length) out.add(base);
  return out;
}

/**
 * the right side steps with this letter, as an earlier or later step (p_{k-1}, x_{k+1}): it is the equation's step
 * variable. A name that merely ends in it (z_f = W_f x_t, a gate's name) does not count.
 */
function stepsWith(a: unknown, v: string): boolean {
  if (!a || typeof a !== 'object') return false;
  if (Array.isArray(a)) return a.some((x) => stepsWith(x, v));
  const o = a as { k?: string; op?: string; a?: { k?: string; raw?: string } };
  if (o.k === 'bin' && (o.op === '-' || o.op === '+') && o.a?.k === 'name' && o.a.raw === v) return true;
  for (const [key, x] of Object.entries(a)) if (key !== 'range' && key !== 'nameRange' && stepsWith(x, v)) return true;
  return false;
}

/** letters v of equations X_v = … (or X^v = …) whose right side steps with v (z_k = w_k p_{k-1}): each is a step variable */
function stepLetters(statements: Statement[]): Set<string> {
  const out = new Set<string>();
  for (const st of statements) {
    if (st.k !== 'def' || st.lhs.sub) continue;
    // z^l = w^l a^{l-1}: the letter as a superscript
    const sup = st.lhs.sup;
    const m = sup ? (sup.k === 'name' && !sup.sub && !sup.sup ? ['', sup.raw] : null) : /_([a-zA-Z])$/.exec(st.lhs.raw);
    if (m && m[1] !== 't' && stepsWith(st.rhs, m[1]!)) out.add(m[1]!);
  }
  return out;
}

/** a name defined by a derivative (δ_t = ∂L/∂a_t), once */
function addDerived(scope: Scope, st: Statement & { k: 'def' }, base: string, timed: boolean): void {
  const first = scope.derived.get(base);
  if (first) scope.error(`${base} is defined twice (first on line ${first.st.range.line})`, st.lhs.range, 'duplicate');
  else {
    scope.addDerived(base, { st, timed });
    scope.symbols.push(occurrence(st.lhs.nameRange, base, st.lhs.raw, 'definition'));
  }
}

/** reads every equation's left side into scope.definitions and scope.quantities */
export function collectDefinitions(statements: Statement[], scope: Scope): void {
  const T = scope.T;
  const letters = stepLetters(statements);
  const general = sequenceNames(statements);
  const derived = derivedEquations(statements);
  const stepsOnly = stepwiseNames(statements, general, derived, T);
  const timedBase = (b: string) => general.has(b) || (scope.decls.get(b)?.perStep ?? false) || stepsOnly.has(b);
  // the names the equations define (h of h_t = …), for a unit's δ_j(t) = −∂E/∂net_j(t) (unitDefinition): made when
  // one asks (most files have no such δ; a regular expression per equation was half this phase's own time)
  let defined: Set<string> | null = null;
  const isDefined = (n: string) =>
    (defined ??= new Set(statements.flatMap((st) => (st.k === 'def' ? [st.lhs.raw, st.lhs.raw.replace(/_(?:t|T|\d+)$/, '')] : [])))).has(n);
  // the variables of a left side's index: one Set for every equation (tryTimeIndex only asks it)
  const tOnly = new Set(['t']);
  for (const st of statements) {
    if (st.k !== 'def') continue;
    const lhs = st.lhs;
    let base = lhs.raw;
    let step: Definition['step'] = null;
    let ahead = false;
    const ix = lhs.sub ?? lhs.sup;
    if (ix) {
      const idx = tryTimeIndex(ix, tOnly, T);
      // z^l = w^l a^{l-1} (Nielsen writes every equation for layer l): as z_l = … below, say to write t
      const plainLetter = ix.k === 'name' && !ix.sub && !ix.sup;
      const v = plainLetter && /^[a-zA-Z]$/.test(ix.raw) && ix.raw !== 't' ? ix.raw : null;
      // Nielsen's δ^l_j ≡ ∂C/∂z^l_j: a name for a derivative, written for layer l and neuron j (and Williams & Zipser's
      // ε_k(τ) = −∂J/∂y_k(τ), τ their running step: for a derivative's name only, τ being the last step elsewhere)
      const dv = v ?? (plainLetter && ix.raw === 'τ' && derived.has(st) ? 'τ' : null);
      if (dv && dv === layerLetter(lhs) && derived.has(st) && !scope.decls.has(dv)) {
        const v = dv;
        const { name, entry } = layerName(lhs);
        // read as δ_t = ∂C/∂z_t where the right side steps with the same letter (and names the same entry)
        const asT = layerDefinition(st, v, name, entry);
        if (asT) {
          addDerived(scope, asT, name, true);
          continue;
        }
        scope.error(
          `a name for a derivative is defined for a general step t, as a whole vector: write ${name}_t = … (with t for ${v}${entry ? `, and no entry ${entry}` : ''}), as in δ_t = ∂C/∂z_t; its entries are then ${name}_j^{(t)}`,
          lhs.range,
          'index',
        );
        scope.markBroken(name, st.range.line);
        continue;
      }
      if (v && letters.has(v) && !scope.decls.has(v)) {
        scope.error(
          `an equation is written for a general step t: write ${lhs.raw}_t = … (with t for ${v}), not ${lhs.raw} at step ${v}`,
          lhs.range,
          'index',
        );
        scope.markBroken(lhs.raw, st.range.line);
        continue;
      }
      // Nielsen's BP1 copied with no δ defined, δ^L = ∇_a C ⊙ σ'(z^L): a derivative's name at the last layer alone
      if (!idx && derived.has(st) && ix.k === 'name' && ix.raw === 'L' && !ix.sub && !ix.sup && !scope.isKnown('L')) {
        const { name } = layerName(lhs);
        scope.error(
          `${name}^L = … would define ${name} at the last layer alone: define ${name} for every layer first, by the derivative it stands for (Nielsen's eq. 29, δ^l ≡ ∂C/∂z^l, with the network's cost and pre-activation), and this equation is checked as a claim about it`,
          lhs.range,
          'index',
        );
        scope.unavailable.set(base, { root: base, line: st.range.line });
        continue;
      }
      // h_{t+1} = f(h_t, x_{t+1}) (Gang Chen): the general equation written for the step ahead, read one step back
      if (isStepAhead(idx) && !derived.has(st)) {
        ahead = true;
        scope.diagnostics.push(
          diag(
            'information',
            `${lhs.raw}_{t+1} = … is read as ${lhs.raw}_t = … with every step of its right side one back: the equation for t = 1..T`,
            ix.range,
            'step-ahead',
          ),
        );
      } else if (idx && !idx.terms && idx.v === 't' && idx.k !== 0 && derived.has(st)) {
        // CS224n's δ^{(t-1)} = ∂J^{(t)}/∂z^{(t-1)}: a name of the solution's own, defined by a derivative one step back
        const at = `t${idx.k < 0 ? '' : '+'}${idx.k}`;
        const first = scope.derived.get(base);
        scope.error(
          first
            ? `${lhs.raw}_{${at}} = … defines ${lhs.raw} again, one step off: ${lhs.raw} is defined before for the general step t (${lhs.raw}_t = …), and ${lhs.raw}_{${at}} is that definition with every t moved to ${at}; a derivative it does not give needs a name of its own`
            : `${lhs.raw}_{${at}} = … defines ${lhs.raw} by a derivative one step off: define it for the general step, ${lhs.raw}_t = … (with every step moved by ${-idx.k})`,
          ix.range,
          'index',
        );
        scope.unavailable.set(base, { root: base, line: st.range.line });
        continue;
      } else if (!idx || idx.terms || (idx.v !== null && idx.v !== 't') || (idx.v === 't' && idx.k !== 0)) {
        scope.error(`the left side's index must be t (the general equation) or one step (h_0, h_{T+1}), not this`, ix.range);
        scope.unavailable.set(base, { root: base, line: st.range.line });
        continue;
      }
      step = ahead || idx!.v === 't' ? 't' : idx!.k;
    } else {
      const m = /^(.+)_(t|T|\d+)$/.exec(lhs.raw);
      if (m && (m[2] === 't' || timedBase(m[1]!))) {
        base = m[1]!;
        step = m[2] === 't' ? 't' : m[2] === 'T' ? T : Number(m[2]);
      }
      // z_k = w_k p_{k-1}: a step written with another letter (seed 003 numbers layers k) would make a name z_k
      // and leave every use of z "unknown": said once, here, with what to write (only for a letter some equation
      // steps with, so a gate's name z_f = W_f x_t stays a name)
      const other = m ? null : /^(.+)_([a-zA-Z])$/.exec(lhs.raw);
      if (other && letters.has(other[2]!) && !scope.decls.has(other[2]!)) {
        const name = other[1]!;
        const v = other[2]!;
        scope.error(
          `an equation is written for a general step t: write ${name}_t = … (with t for ${v}); ${lhs.raw} would be a name of its own, not ${name} at step ${v}`,
          lhs.range,
          'index',
        );
        scope.markBroken(name, st.range.line);
        continue;
      }
    }
    const decl = scope.decls.get(base);
    if (decl) {
      scope.error(
        `${base} is declared as ${decl.kind === 'param' ? 'a parameter' : 'an input'} on line ${decl.line}; it cannot also be defined by an equation`,
        lhs.range,
        'duplicate',
      );
      continue;
    }
    // δ_t = ∂L/∂a_t: a name for a derivative, read where it is used (derived.ts), not a quantity
    if (derived.has(st)) {
      // Jaeger's δ_j(t) = −∂E/∂net_j(t): δ for every unit, its entries δ_k(t)
      const unit = step === 't' && !scope.isKnown(base) ? unitDefinition(st, (n) => scope.decls.has(n) || isDefined(n)) : null;
      if (unit && !scope.isKnown(unit.name)) {
        addDerived(scope, unit.st, unit.name, true);
        continue;
      }
      if (typeof step === 'number')
        scope.error(`${lhs.raw} is defined by a derivative at one step: define it for every step, as ${base}_t = …`, lhs.range, 'syntax');
      else addDerived(scope, st, base, step === 't');
      continue;
    }
    // with an unusable horizon (T = 3.5) steps cannot be judged: the horizon's own error says it all
    if (typeof step === 'number' && !scope.fatal && (step < 0 || step > T + 1)) {
      scope.error(`step ${step} is outside 0..T+1 (T = ${T})`, lhs.range, 'index');
      continue;
    }
    scope.definitions.push({
      st,
      base,
      step,
      key: step === null && general.has(base) ? untimedTwinKey(base) : base,
      ...(ahead ? { ahead } : {}),
    });
    scope.symbols.push(occurrence(lhs.nameRange, base, lhs.raw, 'definition'));
  }
  buildQuantities(scope);
  for (const [name, d] of scope.derived)
    if (scope.quantities.has(name))
      scope.error(
        `${name} is defined twice (also by the equation on line ${scope.quantities.get(name)!.line})`,
        d.st.lhs.range,
        'duplicate',
      );
  // an equation whose right side did not parse (its error is reported): the name exists, and is unavailable
  for (const d of scope.definitions)
    if (d.st.broken && d.step !== undefined) {
      scope.markBroken(d.key, d.st.range.line);
      d.step = undefined;
    }
}

function buildQuantities(scope: Scope): void {
  const generalSeen = new Set<string>();
  for (const d of scope.definitions) {
    let q = scope.quantities.get(d.key);
    if (!q) {
      q = newQuantity(d);
      scope.addQuantity(d, q);
    } else if ((d.step === null) !== !q.timed) {
      scope.error(`${d.base} is used both with and without a time index`, d.st.lhs.range);
      d.step = undefined;
      continue;
    }
    if (d.step === 't') {
      if (generalSeen.has(d.key)) {
        scope.error(`${d.base}_t is defined twice (first on line ${q.line})`, d.st.lhs.range, 'duplicate');
        d.step = undefined;
        continue;
      }
      generalSeen.add(d.key);
      q.line = d.st.range.line;
      q.range = d.st.range;
      q.equationText = d.st.rhsText;
    } else if (typeof d.step === 'number') {
      if (q.overrideLines.has(d.step)) {
        scope.error(`${d.base}_${d.step} is defined twice`, d.st.lhs.range, 'duplicate');
        d.step = undefined;
        continue;
      }
      q.overrideLines.set(d.step, d.st.range.line);
    }
    if (d.st.isLoss) q.isLoss = true;
  }
  // untimed duplicates
  const seenUntimed = new Map<string, number>();
  for (const d of scope.definitions) {
    if (d.step !== null) continue;
    if (seenUntimed.has(d.base)) {
      scope.error(`${d.base} is defined twice (first on line ${seenUntimed.get(d.base)})`, d.st.lhs.range, 'duplicate');
      d.step = undefined;
    } else seenUntimed.set(d.base, d.st.range.line);
  }
}

function newQuantity(d: Definition): Quantity {
  return {
    name: d.key,
    timed: d.step !== null,
    shape: [],
    general: null,
    overrides: new Map(),
    isLoss: false,
    line: d.st.range.line,
    range: d.st.range,
    equationText: d.st.rhsText,
    overrideLines: new Map(),
  };
}
