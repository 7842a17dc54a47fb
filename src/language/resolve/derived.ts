// A name the student defines by a derivative, δ_t = ∂L/∂a_t (Graves's and many sheets' δ, a gradient named
// once and used after): not a quantity of the network, which has no derivatives in its equations, but a
// shorthand that derive and check lines read as its right side, with the step of each use put in for t
// (δ_{t+1} is ∂L/∂a_{t+1}). docs/language-notes.md, "Names defined by a derivative".

import { isAst, mapAst, someAst, type Ast, type NameAst, type Statement } from '../ast';
import type { Expr } from '../model';
import { diag } from '../diagnostics';
import { Abandoned, fail, UsesUnavailable, type ExprContext } from './context';
import type { Scope } from './scope';
import { occurrence } from './text';
import { lastUnderscore } from '../segments';

export interface Derived {
  st: Statement & { k: 'def' };
  /** δ_t = … (one per step) or g = … (one) */
  timed: boolean;
}

/**
 * The equations that define a name by a derivative: a right side with a derivative term (∂, ∇, an adjoint
 * X̄) or a name such an equation defines (ε_t = δ_t + 1), found whatever their order in the file
 */
export function derivedEquations(statements: Statement[]): Set<Statement> {
  // by name: a name with any equation of the network's kind (h_0 = 0 beside h_t = …) stays a quantity
  const byName = new Map<string, (Statement & { k: 'def' })[]>();
  for (const st of statements) {
    if (st.k !== 'def') continue;
    // one array per name, grown in place (a copy per equation, and its name cut out twice, before)
    const name = baseOf(st.lhs);
    const defs = byName.get(name);
    if (defs) defs.push(st);
    else byName.set(name, [st]);
  }
  const out = new Set<Statement>();
  const names = new Set<string>();
  // the names the network's equations read, found once and only where a line writes code's gradient (codeGradientOf)
  let read: Set<string> | null = null;
  const readByEquations = (): Set<string> => (read ??= namesRead(byName));
  for (let changed = true; changed;) {
    changed = false;
    for (const [name, defs] of byName) {
      // code's gradient (dc_t) makes a definition by a derivative only of a name no equation of the network reads: the
      // network's own ŷ_t = V h_t + dh_t stays a quantity, and dh there an unknown name (probe 13)
      const code = () => !readByEquations().has(name);
      if (names.has(name) || !defs.every((st) => !st.isLoss && !st.broken && derivativeIn(st.rhs, names, byName, code))) continue;
      for (const st of defs) out.add(st);
      names.add(name);
      changed = true;
    }
  }
  return out;
}

/** the name an equation's left side defines, without its step (δ_t → δ, δ^{(t)} → δ) */
export function baseOf(a: NameAst): string {
  const cut = lastUnderscore(a.raw);
  return !a.sub && !a.sup && cut > 0 ? a.raw.slice(0, cut) : a.raw;
}

/** the names (without their steps) the right sides of the definitions read */
function namesRead(byName: Map<string, (Statement & { k: 'def' })[]>): Set<string> {
  const out = new Set<string>();
  // someAst's walk of every node (a test that never stops it)
  const collect = (a: Ast): boolean => {
    if (a.k === 'name') out.add(baseOf(a));
    return false;
  };
  for (const defs of byName.values()) for (const st of defs) someAst(st.rhs, collect);
  return out;
}

function derivativeIn(a: Ast, names: Set<string>, defined: Map<string, unknown>, code: () => boolean = () => false): boolean {
  if (a.k === 'deriv') return true;
  // \bar{z}_t where the file defines z̄_t itself (Greff's pre-activations z̄ᵗ, beside zᵗ = tanh(z̄ᵗ)): that name, which
  // the resolver reads it as (readAdjoint), no adjoint — a derivative only when z̄ is itself defined by one
  if (a.k === 'adjoint') {
    const barred = barredBase(a.a);
    return defined.has(barred) ? names.has(barred) : true;
  }
  if (a.k === 'name' && names.size && (names.has(a.raw) || names.has(baseOf(a)))) return true;
  // code's gradient dc_t, d\bar{c}_t of a name the file defines and no name dc (resolve/names.ts codeGradient):
  // Kouridi's da_{c,t} = dc̄_t ⊙ (1 − c̄_t²) defines da_c by a derivative, as δ_t = ∂L/∂h_t ⊙ … does
  if (a.k === 'name' && a.raw.charCodeAt(0) === 100 && a.raw.length > 1 && codeGradientOf(a, defined) && code()) return true;
  // every AST child (a packed literal holds numbers only), by for…in over the node's keys: no array of keys and no
  // closure per node, and the walk stops at the first one found
  if (a.k === 'list' && a.packed) return false;
  const node = a as unknown as Record<string, unknown>;
  for (const key in node) {
    const v = node[key];
    if (Array.isArray(v)) {
      for (const x of v) if (isAst(x) && derivativeIn(x, names, defined, code)) return true;
    } else if (isAst(v) && derivativeIn(v, names, defined, code)) return true;
  }
  return false;
}

/** whether a name d… is code's gradient of a name the file defines (dc of c), the file defining no name d… itself */
function codeGradientOf(a: NameAst, defined: Map<string, unknown>): boolean {
  const base = baseOf(a);
  return !defined.has(base) && defined.has(base.slice(1));
}

/** the name \bar{z}_t would define, without its step: the bar after the first segment, as the parser's barredName puts it */
function barredBase(a: NameAst): string {
  const cut = a.raw.indexOf('_');
  const raw = cut < 0 ? a.raw + '\u0304' : a.raw.slice(0, cut) + '\u0304' + a.raw.slice(cut);
  return baseOf({ ...a, raw });
}

/** whether an index mentions a step letter (t, T, τ) anywhere */
export function hasStepLetter(x: Ast): boolean {
  if (x.k === 'name') return x.raw === 't' || x.raw === 'T' || x.raw === 'τ';
  if (x.k === 'bin') return hasStepLetter(x.a) || hasStepLetter(x.b);
  if (x.k === 'list') return x.items.some(hasStepLetter);
  return false;
}

/** the derived name a use refers to and the step written on it (null: none), or null when it is no such use */
export function derivedUse(a: NameAst, scope: Scope): { base: string; def: Derived; step: Ast | null; entry?: string } | null {
  const whole = scope.derived.get(a.raw);
  if (whole) {
    // Graves's δ_{h'}^{t+1} under Σ_{h'}: the primed unit (the parser's h′) is the entry, the superscript the step
    if (a.sub?.k === 'name' && a.sub.raw.endsWith('′') && !a.sub.sub && a.sup && whole.timed)
      return { base: a.raw, def: whole, step: a.sup, entry: a.sub.raw };
    return { base: a.raw, def: whole, step: a.sub ?? a.sup };
  }
  const cut = lastUnderscore(a.raw);
  if (cut <= 0 || a.sub) return null;
  const base = a.raw.slice(0, cut);
  const def = scope.derived.get(base);
  if (!def) return null;
  const s = a.raw.slice(cut + 1);
  // δ_t^{(i)}: the step below (t, T, τ) and an entry above, as h_{t-1}^{(j)} is read (names.ts)
  const above = a.sup && (a.sup.k === 'num' ? String(a.sup.value) : a.sup.k === 'name' && !a.sup.sub && !a.sup.sup ? a.sup.raw : null);
  if (above && def.timed && /^[tTτ]$/.test(s) && !hasStepLetter(a.sup!))
    return { base, def, step: { k: 'name', raw: s, sub: null, sup: null, range: a.range, nameRange: a.range }, entry: above };
  // Nielsen's δ^l_j (δ_j^{(l)}): entry j at the superscripted step
  if (a.sup && def.timed) return { base, def, step: a.sup, entry: s };
  const step: Ast = /^\d+$/.test(s)
    ? { k: 'num', value: Number(s), range: a.range }
    : { k: 'name', raw: s, sub: null, sup: null, range: a.range, nameRange: a.range };
  return { base, def, step };
}

/**
 * Jaeger's δ_j(n) = −∂E/∂u_j(n) (a unit's error, written with the unit's letter and a step): the name δ for every
 * unit, δ_t = −∂E/∂u_t, where the letter j stands on δ and on the derivative's names alike (u_j of ∂E/∂u_j); its
 * entries are then δ_k(t), any letter (derivedUse reads them as Nielsen's δ_j^{(l)}). Null where the right side names no such entry.
 */
export function unitDefinition(
  st: Statement & { k: 'def' },
  known: (name: string) => boolean,
): { st: Statement & { k: 'def' }; name: string } | null {
  const m = /^(.+)_([a-su-zA-SU-Z])$/u.exec(st.lhs.raw);
  // the step written after it, δ_j(t) (a step call), as Jaeger writes it, or over it, δ_j^t, as Graves does (eq. 3.32)
  if (!m || !st.lhs.sup) return null;
  const [, name, entry] = m as unknown as [string, string, string];
  if (onBothEnds(st.rhs, entry)) return null;
  let stripped = 0;
  let bad = false;
  const strip = (x: unknown, inDeriv: boolean): unknown => {
    if (!x || typeof x !== 'object') return x;
    if (Array.isArray(x)) return x.map((y) => strip(y, inDeriv));
    const o = x as Record<string, unknown>;
    // Graves's a_j^t (the step a bare superscript, read as a power here): the step put on the name, as a_j^{(t)} is, so
    // that the definition read at another step (δ_h^{(3)}) takes it as a step, not as a power
    const sup = o.b as Ast | undefined;
    if (inDeriv && o.k === 'bin' && o.op === '^' && sup?.k === 'name' && sup.raw === 't' && !sup.sub && !sup.sup) {
      const a = o.a as Ast;
      if (a.k === 'name' && !a.sup && !a.sub) return strip({ ...a, sup }, inDeriv);
    }
    if (inDeriv && o.k === 'name' && typeof o.raw === 'string' && o.raw.endsWith(`_${entry}`)) {
      // a name of the network's own that ends so (Graves's b_c, ε_c^t = ∂L/∂b_c^t) is no unit's entry: not this
      const raw = o.raw.slice(0, -entry.length - 1);
      if (known(o.raw) || !known(raw)) bad = true;
      stripped++;
      return { ...o, raw };
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o)) out[k] = k === 'range' || k === 'nameRange' ? v : strip(v, inDeriv || o.k === 'deriv');
    return out;
  };
  const rhs = strip(st.rhs, false) as Ast;
  if (!stripped || bad) return null;
  return { st: { ...st, lhs: { ...st.lhs, raw: name }, rhs }, name };
}

/**
 * whether a derivative of the side carries the unit's letter on both ends, Mozer's α_i(t) ≡ ∂c_i(t)/∂d_i: a diagonal
 * entry of the Jacobian ∂c_t/∂d, no unit's entry of a vector (the letter stripped made α_t that 2×2 Jacobian, and
 * α_i(t − 1) "a 2×2 matrix: pick an entry with two indices"). Such a definition names the entry, as β_ij(t) ≡
 * ∂c_i(t)/∂w_ij does.
 */
function onBothEnds(a: Ast, entry: string): boolean {
  const ends = (x: Ast): boolean => {
    let found = false;
    const walk = (y: unknown): void => {
      if (found || !y || typeof y !== 'object') return;
      if (Array.isArray(y)) return y.forEach(walk);
      const o = y as Record<string, unknown>;
      if (o.k === 'name' && typeof o.raw === 'string' && o.raw.endsWith(`_${entry}`)) found = true;
      for (const [k, v] of Object.entries(o)) if (k !== 'range' && k !== 'nameRange') walk(v);
    };
    walk(x);
    return found;
  };
  if (a.k === 'deriv') return ends(a.of) && ends(a.wrt);
  if (a.k === 'neg') return onBothEnds(a.a, entry);
  return false;
}

/** the names being read out, so that δ_t = … δ_{t+1} … is named rather than read for ever */
const expanding = new Set<string>();

/** a use of a derived name, read as its definition's right side at the step written on it */
export function readDerived(
  a: NameAst,
  use: { base: string; def: Derived; step: Ast | null; entry?: string },
  ctx: ExprContext,
  read: (x: Ast, ctx: ExprContext) => Expr,
): Expr {
  const { base, def, step } = use;
  const line = def.st.range.line;
  if (!ctx.allowDeriv)
    fail(
      ctx,
      `${base} is defined by a derivative on line ${line}: it can be used in derive and check lines, not in the network's equations`,
      a.range,
      'syntax',
    );
  if (def.timed && !step) fail(ctx, `${base} is defined for every step (line ${line}): write its step, as in ${base}_t`, a.range, 'index');
  if (!def.timed && step) fail(ctx, `${base} (line ${line}) has no step: it is defined once`, a.range, 'index');
  if (expanding.has(base))
    fail(
      ctx,
      `${base} is defined in terms of itself (line ${line}): a name for a derivative is read out, not solved — check the recursion instead (check ${base}_t = …)`,
      a.range,
      'cycle',
    );
  if (ctx.record) ctx.scope.symbols.push(occurrence(a.nameRange, base, a.raw, 'use'));
  expanding.add(base);
  const before = ctx.scope.diagnostics.length;
  try {
    return read(step ? atStep(def.st.rhs, step) : def.st.rhs, ctx);
  } catch (err) {
    // the definition's own right side does not read (Mozer's β_ij(t) ≡ ∂c_i(t)/∂w_ij with w_ij unknown): its error
    // is said at the definition, once, so the use said nothing where it stands and its check vanished. It is said
    // not available there, as a quantity whose definition has an error is (LANGUAGE.md §6)
    if (err instanceof Abandoned && !(err instanceof UsesUnavailable) && !ctx.quiet && saidOnDefinition(ctx, before, def)) {
      ctx.scope.diagnostics.push(
        diag('warning', `${base} is not available: its definition on line ${line} has an error`, a.range, 'unavailable'),
      );
      throw new UsesUnavailable(base);
    }
    throw err;
  } finally {
    expanding.delete(base);
  }
}

/** whether every diagnostic said since `before` (none: the definition's error, said once already) lies on the definition */
function saidOnDefinition(ctx: ExprContext, before: number, def: Derived): boolean {
  const { line, endLine } = def.st.range;
  return ctx.scope.diagnostics.slice(before).every((d) => d.line >= line && d.line <= endLine);
}

/**
 * Nielsen's δ^l ≡ ∂C/∂z^l (eq. 29), also by entry, δ^l_j ≡ ∂C/∂z^l_j: a name for a derivative written for layer l
 * is the general step's, δ_t = ∂C/∂z_t — the letter is every layer's by construction, and the entry j, written on
 * both sides alike, names every entry. Null when the right side does not step with the letter, or the entry is not
 * the derivative's own (δ^l_j = Σ_k …): the caller says to write t.
 */
export function layerDefinition(
  st: Statement & { k: 'def' },
  v: string,
  name: string,
  entry: string | null,
): (Statement & { k: 'def' }) | null {
  const stepT: Ast = { k: 'name', raw: 't', sub: null, sup: null, range: st.lhs.range, nameRange: st.lhs.range };
  let rhs = atStep(st.rhs, stepT, v);
  if (rhs === st.rhs) return null;
  if (entry) {
    // Haykin's local gradient δ_j(n) = −∂E/∂v_j(n) (and Jaeger's, with n): the derivative under its sign
    const d = rhs.k === 'neg' ? rhs.a : rhs;
    if (d.k !== 'deriv') return null;
    const strip = (x: Ast): Ast | null =>
      x.k === 'name' && x.raw.endsWith(`_${entry}`) ? { ...x, raw: x.raw.slice(0, -entry.length - 1) } : null;
    const wrt = strip(d.wrt);
    const of = wrt ? null : strip(d.of);
    if (!wrt && !of) return null;
    const bare = { ...d, wrt: wrt ?? d.wrt, of: of ?? d.of };
    rhs = rhs.k === 'neg' ? { ...rhs, a: bare } : bare;
  }
  return { ...st, lhs: { ...st.lhs, raw: name, sub: stepT, sup: null }, rhs };
}

/** the letter of a left side written for a layer, δ^l (not t, nor a capital: δ^L is the last layer), or τ (W&Z's ε_k(τ)), or null */
export function layerLetter(lhs: NameAst): string | null {
  const ix = lhs.sub ?? lhs.sup;
  return ix && ix.k === 'name' && !ix.sub && !ix.sup && ((/^[a-z]$/.test(ix.raw) && ix.raw !== 't') || ix.raw === 'τ') ? ix.raw : null;
}

/** the name and entry letter of a left side written for a layer: δ^l_j → δ and j, δ^l → δ and none */
export function layerName(lhs: NameAst): { name: string; entry: string | null } {
  const seg = /^(.+)_(\p{L})$/u.exec(lhs.raw);
  return seg ? { name: seg[1]!, entry: seg[2]! } : { name: lhs.raw, entry: null };
}

/** the right side with the step `step` put in for the letter (t): the letter itself, NAME_t, and t inside every index */
function atStep(a: Ast, step: Ast, letter = 't'): Ast {
  switch (a.k) {
    case 'name': {
      if (a.args === undefined && !a.sub && !a.sup && a.raw === letter) return step;
      if (!a.sub && !a.sup && a.raw.endsWith(`_${letter}`) && a.raw.length > 2) return { ...a, raw: a.raw.slice(0, -2), sub: step };
      const sub = a.sub ? atStep(a.sub, step, letter) : a.sub;
      const sup = a.sup ? atStep(a.sup, step, letter) : a.sup;
      return sub === a.sub && sup === a.sup ? a : { ...a, sub, sup };
    }
    case 'big':
      // Σ_t inside: its own t
      if (a.v === letter) return a;
      break;
    default:
      break;
  }
  return mapAst(a, (x) => atStep(x, step, letter));
}
