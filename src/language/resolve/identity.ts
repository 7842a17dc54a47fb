// An identity in a free variable (session 36, issue 9): a solution states `\tanh'(z) = 1 − \tanh^2(z)` or
// `σ'(a) = σ(a)(1 − σ(a))` as a step, z and a being no names of the network; read as an equation of the network it was
// "unknown name z". Decided: a check whose every name is such a letter — one letter, or one letter and a number (x_1),
// that the network does not define, outside any index, bound by no Σ/∏ — that reads nothing of the network (no
// parameter, input, quantity, derivative, nor the step t) and has no side that is a letter alone (`q = 1` defines q)
// is an identity in those letters, judged at seeded random values of them (engine/check/identity.ts). A letter beside
// a name of the network keeps its unknown-name diagnostic: there it is a mistake, not a variable.

import { mapAst, type Ast, type Statement } from '../ast';
import type { CheckQuestion, Expr, Question } from '../model';
import { same, shapeText } from '../shapes';
import { Abandoned, exprContext } from './context';
import { readExpression } from './expressions';
import type { Scope } from './scope';
import { hasDeriv, mentionedVars, walkRefs } from './walk';

/**
 * letters the language reads otherwise, never a name of the student's own: the step (t, T, τ), Nielsen's L, the
 * identity I, Euler's e, the d of dL/dw, π, the functions' letters, a learning rate η and a change Δ (session 35)
 */
export const READ_OTHERWISE = new Set(['t', 'T', 'τ', 'L', 'I', 'e', 'd', 'π', 'σ', 'φ', 'ϕ', 'η', 'Δ']);

/** and never a free variable: δ (an error, which has a message of its own) and Heaviside's H */
const RESERVED = new Set([...READ_OTHERWISE, 'δ', 'H']);

/** whether one UTF-16 unit is a letter: ASCII by code, the rest by its class */
function isLetterUnit(c: number, ch: string): boolean {
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return /^\p{L}$/u.test(ch);
}

/**
 * the letter of a name shaped as a free variable is (z, α, x_1, and z_i: a letter subscripted by one Latin letter,
 * an entry of a vector of the student's own, which an identity holds for entry by entry), or null; by code (every
 * name of every check is asked)
 */
export function variableLetter(raw: string): string | null {
  const n = raw.length;
  const c0 = raw.charCodeAt(0);
  if (n === 1) return isLetterUnit(c0, raw) ? raw : null;
  // a letter outside the BMP (𝑧) is one code point of two units
  if (n === 2 && c0 >= 0xd800 && c0 <= 0xdbff) return /^\p{L}$/u.test(raw) ? raw : null;
  if (n < 3 || raw.charCodeAt(1) !== 95 || !isLetterUnit(c0, raw[0]!)) return null;
  if (n === 3 && letterSegment(raw) !== null) return raw[0]!;
  for (let i = 2; i < n; i++) {
    const c = raw.charCodeAt(i);
    if (c < 48 || c > 57) return null;
  }
  return raw[0]!;
}

/** the Latin letter subscripting a name of three units (z_i → i), or null */
export function letterSegment(raw: string): string | null {
  const c = raw.charCodeAt(2);
  return raw.length === 3 && raw.charCodeAt(1) === 95 && ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) ? raw[2]! : null;
}

/**
 * the free variables among the names written outside indices (as written: z, x_1, z_i), or null when some is not
 * one. A sequence of the network written with no step (`σ'(x) = σ(x)(1 − σ(x))`, x an input) is one too: with no
 * step it names no value of the network (as a check it was "x is a sequence: write x_t"), and the sheet's own
 * "σ(x), σ'(x)" is this identity
 */
export function identityVariables(scope: Scope, names: Set<string>, bound: Set<string> | null): Set<string> | null {
  // Euler's e and π are the constants beside the variables (σ'(z) = e^{-z}/(1 + e^{-z})^2): no variable, no refusal
  let constants = false;
  for (const written of names) {
    if (CONSTANTS.has(written)) {
      constants = true;
      continue;
    }
    // z^{(l)}: a letter at a layer of the student's own, one variable (its layer letter no step, no index of the network)
    const layer = LAYER_VARIABLE.exec(written);
    if (layer && (RESERVED.has(layer[2]!) || bound?.has(layer[2]!) || scope.isKnown(layer[2]!))) return null;
    const raw = layer ? layer[1]! : written;
    const letter = variableLetter(raw);
    if (letter === null || RESERVED.has(letter) || bound?.has(letter)) return null;
    if (letter === raw && scope.isTimed(raw)) continue;
    // z_i: its i no step, no bound index, no name of the network (an LSTM's gate i_t picks no entry here)
    const seg = letterSegment(raw);
    if (seg !== null && (RESERVED.has(seg) || bound?.has(seg) || scope.isKnown(seg))) return null;
    for (const x of letter === raw ? [raw] : [raw, letter])
      if (scope.isKnown(x) || scope.aliases.has(x) || scope.unavailable.has(x) || scope.refused.has(x)) return null;
  }
  if (!constants) return names;
  const vars = new Set([...names].filter((x) => !CONSTANTS.has(x)));
  return vars.size ? vars : null;
}

/** the letters that are constants where the file defines no such name */
const CONSTANTS = new Set(['e', 'π']);

/** a variable written at a layer, z^{(l)}, as LetterSearch names it: the letter and the layer letter */
const LAYER_VARIABLE = /^(.+)\^\{\((.+)\)\}$/u;

/** the name LetterSearch gives a letter written at a layer, z^{(l)}: one variable */
export function layerVariable(raw: string, layer: string): string {
  return `${raw}^{(${layer})}`;
}

/** the primes of the functions an identity may differentiate by its own variable: dσ(z)/dz is σ'(z) */
const PRIMES: Partial<Record<string, 'dsigma' | 'dtanh' | 'drelu' | 'exp'>> = { sigma: 'dsigma', tanh: 'dtanh', relu: 'drelu', exp: 'exp' };

/**
 * a side as an identity reads it: z^{(l)} the variable of that name, and a derivative of σ, tanh, relu or exp at a
 * variable by that variable (\frac{dσ(z)}{dz}) that function's derivative at it, σ'(z); any other derivative stays
 * (an identity reads none: the check is read as ever)
 */
function identitySide(a: Ast, vars: Set<string>, euler: boolean): Ast {
  if (a.k === 'name' && !a.sub && a.sup?.k === 'name' && vars.has(layerVariable(a.raw, a.sup.raw)))
    return { ...a, raw: layerVariable(a.raw, a.sup.raw), sup: null };
  // \frac{d e^{z}}{dz}: Euler's e^{z} (where the file defines no e) is exp(z), as readBinary reads it
  const of = a.k === 'deriv' && euler ? eulerPower(a.of) : null;
  if (a.k === 'deriv' && !a.plus && (of ?? a.of).k === 'call' && PRIMES[((of ?? a.of) as Ast & { k: 'call' }).fn]) {
    const f = (of ?? a.of) as Ast & { k: 'call' };
    const [arg, wrt] = [identitySide(f.arg, vars, euler), identitySide(a.wrt, vars, euler)];
    if (arg.k === 'name' && wrt.k === 'name' && arg.raw === wrt.raw && !arg.sub && !arg.sup && vars.has(arg.raw))
      return { ...f, fn: PRIMES[f.fn]!, arg, range: a.range };
    return a;
  }
  return mapAst(a, (x) => identitySide(x, vars, euler));
}

/** e^{x} written with Euler's e as the call exp(x); null for anything else */
function eulerPower(a: Ast): (Ast & { k: 'call' }) | null {
  if (a.k !== 'bin' || a.op !== '^' || a.a.k !== 'name' || a.a.raw !== 'e' || a.a.sub || a.a.sup) return null;
  return { k: 'call', fn: 'exp', arg: a.b, range: a.range, fnRange: a.a.range };
}

/**
 * a side with every derivative by a variable left in it (identitySide read those a prime writes) put as the function
 * it differentiates, so that a quiet read can tell an identity: each is pushed on `found`
 */
function derivativesAsFunctions(a: Ast, vars: Set<string>, found: Ast[]): Ast {
  if (a.k === 'deriv' && a.wrt.k === 'name' && !a.wrt.sub && !a.wrt.sup && vars.has(a.wrt.raw)) {
    found.push(a);
    return derivativesAsFunctions(a.of, vars, found);
  }
  return mapAst(a, (x) => derivativesAsFunctions(x, vars, found));
}

/** one check per link of an identity in `vars`, or null when the check reads anything else (then it is read as ever) */
export function readIdentity(scope: Scope, st: Statement & { k: 'check' }, vars: Set<string>): Question[] | null {
  // `for all z` (`\forall z \in \mathbb{R}`, `for any real z`) says what an identity is: every value of its letter
  const every = st.forRange && st.forRange.from === null && st.forRange.to === null && vars.has(st.forRange.v);
  if ((st.forRange && !every) || st.where || st.approx || st.placeholder) return null;
  const euler = !scope.isKnown('e');
  // `∂y/∂x = 1 − y^2 \text{ where } y = \tanh(x)` (Saitoh's tanh node): the clause's letter read as its formula
  const given = st.whereLetters?.filter((w) => vars.has(w.v));
  const written = [st.lhs, st.rhs, ...st.more].map((a) => (given?.length ? withLetters(a, given) : a));
  const sides: Ast[] = written.map((a) => identitySide(a, vars, euler));
  // a side that is the letter alone (`q = 1`, `z = 0.5`, `σ(a) = b`) defines it, or names a value: no identity
  if (sides.some((a) => a.k === 'name' && vars.has(a.raw))) return null;
  // tried quietly first: a side that reads the network (or does not read) is read as ever, with its diagnostics; a
  // derivative by a variable that no prime writes (dσ(2z)/dz) as the function it differentiates, said after
  const found: Ast[] = [];
  const quiet = exprContext(scope, vars, true, null, true, false, undefined, undefined);
  try {
    for (const a of sides) if (!onlyVariables(readExpression(derivativesAsFunctions(a, vars, found), quiet), vars)) return null;
  } catch (x) {
    if (x instanceof Abandoned) return null;
    throw x;
  }
  // the clauses read into the sides are no checks of their own (`y = \tanh(x)`, y and x the identity's letters)
  for (const g of given ?? []) scope.usedClauses.add(g.clause);
  const d = found[0] as (Ast & { k: 'deriv' }) | undefined;
  // ∂y/∂x of two letters: y is given by nothing (a clause `\text{where } y = \tanh(x)` gives it: whereLetters)
  if (d?.of.k === 'name' && !d.of.sub && !d.of.sup && vars.has(d.of.raw)) {
    const [y, x] = [d.of.raw, (d.wrt as { raw: string }).raw];
    scope.error(
      `∂${y}/∂${x} differentiates the letter ${y}, which nothing here gives as a function of ${x}: say which, as \\text{where } ${y} = \\tanh(${x}), or write the function itself (\\tanh'(${x}) = 1 − \\tanh^2(${x}))`,
      d.range,
      'syntax',
    );
    return [];
  }
  if (d) {
    scope.error(
      `a derivative by ${(d.wrt as { raw: string }).raw}, the identity's own variable, is read of σ, tanh, relu or exp at that variable itself (dσ(z)/dz is σ'(z)); write this one with the chain rule (dσ(2z)/dz = 2σ'(2z))`,
      d.range,
      'syntax',
    );
    return [];
  }
  const ctx = exprContext(scope, vars, false, null, true, true, undefined, undefined);
  let read: Expr[];
  try {
    read = sides.map((a) => readExpression(a, ctx));
  } catch (x) {
    if (x instanceof Abandoned) return [];
    throw x;
  }
  const [lhs, ...rest] = read as [Expr, ...Expr[]];
  const out: CheckQuestion[] = [];
  rest.forEach((rhs, n) => {
    const side = sides[n + 1]!;
    // a bound's sides each bounded by the next (0 < σ'(z) ≤ 1/4), two numbers
    const link = st.relations?.[n];
    const relation = link === '=' ? undefined : link;
    // in a chain with a bound each side is related to the one before it
    const left = link ? read[n]! : lhs;
    if (relation && (left.shape.length || rhs.shape.length)) {
      scope.error(`a bound (${relation}) compares two numbers: bound a norm (‖…‖) or an entry`, side.range, 'shape-mismatch');
      return;
    }
    if (left.shape.length && rhs.shape.length && !same(left.shape, rhs.shape)) {
      scope.error(
        `shape mismatch: the left side is a ${shapeText(left.shape)}, the right side a ${shapeText(rhs.shape)}`,
        side.range,
        'shape-mismatch',
      );
      return;
    }
    // the letters in the order written
    const used = [...new Set([...mentionedVars(left), ...mentionedVars(rhs)])];
    out.push({
      kind: 'check',
      lhs: left,
      rhs,
      freeT: false,
      steps: [],
      free: [],
      identity: used,
      line: side.range.line,
      range: st.range,
      rhsRange: side.range,
      link: n + 1,
      links: rest.length,
      ...(st.tag !== undefined ? { tag: st.tag } : {}),
      ...(relation ? { relation } : {}),
      text: st.text,
    });
  });
  return out;
}

/** a side that reads no name of the network, no derivative and no index variable but the free variables */
function onlyVariables(e: Expr, vars: Set<string>): boolean {
  let refs = false;
  walkRefs(e, () => (refs = true));
  if (refs || hasDeriv(e)) return false;
  for (const v of mentionedVars(e)) if (!vars.has(v)) return false;
  return true;
}

/** a side with each letter a where clause gives (`y = \tanh(x)`) replaced by its formula */
function withLetters(a: Ast, given: { v: string; value: Ast }[]): Ast {
  if (a.k === 'name' && !a.sub && !a.sup) {
    const w = given.find((g) => g.v === a.raw);
    if (w) return w.value;
  }
  return mapAst(a, (x) => withLetters(x, given));
}
