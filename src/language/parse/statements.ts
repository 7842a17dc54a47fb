// One statement per line: declarations (param, input, target and their shapes), aliases, definitions of a
// quantity (h_t = …, loss L = …) and derive lines; a check is read by checks.ts.

import type { Range } from '../../report';
import type { Ast, NameAst, Statement } from '../ast';
import { span } from '../ast';
import type { Token } from '../lexer';
import { LIMITS } from '../limits';
import { adjoint } from './calls';
import type { Bar } from './checks';
import { check, evaluationBar } from './checks';
import { describe, expectOp, fail, isOp, next, peek } from './cursor';
import { expr } from './expressions';
import { nameWithIndex } from './names';
import { deltaSuperscript } from './operators';
import { Stop, type ParseState } from './state';
import { textFrom } from './statementText';

/** a step as a definition's superscript writes it: t, T, a whole number, t±k, T±k */
export function isStepForm(a: Ast): boolean {
  if (a.k === 'num') return Number.isInteger(a.value) && a.value >= 0;
  // t, T, and another single letter (Nielsen's z^l = …), which the resolver refuses saying to write t for it
  if (a.k === 'name') return !a.sub && !a.sup && /^[A-Za-z]$/.test(a.raw);
  return a.k === 'bin' && (a.op === '+' || a.op === '-') && a.a.k === 'name' && isStepForm(a.a) && a.b.k === 'num' && isStepForm(a.b);
}

export function statement(ps: ParseState): Statement {
  const t = peek(ps);
  if (t.kind === 'kw') {
    switch (t.text) {
      case 'param':
      case 'input':
      case 'target':
        return declaration(ps);
      case 'loss': {
        next(ps);
        const d = definition(ps, true);
        return { ...d, isLoss: true, range: span(t.range, d.range) };
      }
      case 'derive': {
        next(ps);
        const s0 = ps.p;
        const e = expr(ps);
        // `derive ∂L/∂o_t |_{t=3}`: a derive's forms are written at the step it names, not under a bar
        const bars: Bar[] = [];
        evaluationBar(ps, 0, bars);
        if (bars.length)
          fail(
            ps,
            `a derive is written at the step it asks for (derive ∂L/∂o_3), not under an evaluation bar |_{${bars[0]!.v}=${bars[0]!.text}}; with a free ${bars[0]!.v} it answers at every step`,
            bars[0]!.range,
          );
        return { k: 'derive', expr: e, range: span(t.range, e.range), text: textFrom(ps, s0) };
      }
      case 'check':
        return check(ps);
      default:
        fail(ps, `'${t.text}' cannot start a statement`);
    }
  }
  if (t.kind === 'name' && ps.aliasStarts.has(ps.p)) return alias(ps);
  if (t.kind === 'name' || t.kind === 'bar') return definition(ps);
  if (t.kind === 'error') throw new Stop(null);
  return fail(ps, `a statement starts with a name, 'param', 'input', 'target', 'loss', 'derive' or 'check', not ${describe(ps, t)}`);
}

/** `[n]`, `[t-1]` tight on a defined name and followed by '=': its step (null, nothing read, for anything else) */
export function bracketStep(ps: ParseState): { step: Ast; end: Range } | null {
  if (!isOp(peek(ps), '[') || !peek(ps).tight) return null;
  const save = ps.p;
  next(ps);
  const step = expr(ps);
  if (isStepForm(step) && isOp(peek(ps), ']') && isOp(peek(ps, 1), '=')) return { step, end: next(ps).range };
  ps.p = save;
  return null;
}

/** φ = tanh (found by applyAliases) */
export function alias(ps: ParseState): Statement {
  const t = next(ps);
  next(ps);
  const f = next(ps);
  const name: NameAst = { k: 'name', raw: t.text, sub: null, sup: null, range: t.range, nameRange: t.range };
  return { k: 'alias', name, fn: f.text, range: span(t.range, f.range) };
}

/**
 * h^t = …, s_c^{t-1}, h^0 = 0 (Graves writes steps as bare superscripts): after a defined name, the step, as h^{(t)};
 * null (nothing read) for anything that is not a step (t, T, a number, t±k, T±k)
 */
export function bareStepSuperscript(ps: ParseState): Ast | null {
  if (!isOp(peek(ps), '^') || !peek(ps).tight) return null;
  const save = ps.p;
  next(ps);
  let sup: Ast | null = null;
  const o = peek(ps);
  if (isOp(o, '{')) {
    next(ps);
    sup = expr(ps);
    if (!isOp(peek(ps), '}')) sup = null;
    else next(ps);
  } else if (o.kind === 'num' || (o.kind === 'name' && /^[A-Za-z]$/.test(o.text))) {
    next(ps);
    sup =
      o.kind === 'num'
        ? { k: 'num', value: o.value, range: o.range }
        : { k: 'name', raw: o.text, sub: null, sup: null, range: o.range, nameRange: o.range };
  }
  if (sup && isStepForm(sup)) return sup;
  ps.p = save;
  return null;
}

export function declaration(ps: ParseState): Statement {
  const kw = next(ps);
  const nt = peek(ps);
  if (nt.kind !== 'name') fail(ps, `expected a name after '${kw.text}', found ${describe(ps, nt)}`);
  const name = nameWithIndex(ps, false);
  // a declaration whose shape or value does not read still names its quantity: its uses say "not available"
  // (LANGUAGE.md §6: no cascades), as a definition's do, not "unknown name"
  if (name.raw !== 'T')
    ps.brokenDef = {
      k: 'def',
      lhs: name,
      rhs: { k: 'num', value: 0, range: name.range },
      isLoss: false,
      range: name.range,
      rhsText: '',
      broken: true,
    };
  let shape: number[] | null = null;
  let shapeRange: Range | null = null;
  // `param W : 3 x 2`, or as a textbook declares it, `W \in \mathbb{R}^{3 \times 2}`
  if (isOp(peek(ps), ':') || isOp(peek(ps), '∈')) {
    next(ps);
    [shape, shapeRange] = parseShape(ps);
  }
  let value: Ast | null = null;
  if (isOp(peek(ps), '=')) {
    next(ps);
    value = expr(ps);
  }
  const end = value?.range ?? shapeRange ?? name.range;
  return { k: 'decl', kind: kw.text as 'param', name, shape, shapeRange, value, range: span(kw.range, end) };
}

/**
 * n, m x n, m×n, m \times n; also as a student writes a shape elsewhere: numpy's [m, n] or (m, n), and the set
 * ℝ^{m×n} (\mathbb{R}^{m \times n}, R^n)
 */
export function parseShape(ps: ParseState): [number[], Range] {
  const first = peek(ps);
  const real = first.kind === 'name' && (first.text === 'ℝ' || first.text === 'R');
  // w ∈ ℝ: a scalar
  if (real && !isOp(peek(ps, 1), '^') && (peek(ps, 1).kind === 'newline' || peek(ps, 1).kind === 'eof' || isOp(peek(ps, 1), '='))) {
    next(ps);
    return [[], first.range];
  }
  if (real && isOp(peek(ps, 1), '^')) {
    next(ps);
    next(ps);
    const braced = isOp(peek(ps), '{');
    if (braced) next(ps);
    const [dims] = shapeDims(ps);
    const end = braced ? expectOp(ps, '}', `to close the dimensions of ${first.text}^{…}`) : ps.tokens[ps.p - 1]!;
    return [dims, span(first.range, end.range)];
  }
  const listed = listedShape(ps);
  if (listed) return listed;
  return shapeDims(ps);
}

export function tooLarge(ps: ParseState, range: Range): never {
  return fail(ps, `a dimension above ${LIMITS.maxDim} (limit)`, range);
}

export function notAShape(ps: ParseState, t: Token): never {
  return fail(ps, `a shape is 'n' or 'm x n' with positive integers, found ${describe(ps, t)}`);
}

/** [m, n], [n], (m, n), (n,): the dimensions listed, as numpy prints a shape; null when the shape is not so written */
export function listedShape(ps: ParseState): [number[], Range] | null {
  const t = peek(ps);
  const bad = () => notAShape(ps, t);
  const whole = (x: number) => Number.isInteger(x) && x >= 1;
  if (t.kind === 'lit' && t.lit?.k === 'list') {
    const packed = t.lit.packed;
    if (!packed || packed.shape.length !== 1 || packed.data.length > 2 || !packed.data.every(whole)) bad();
    // [5000, 2] names the limit, as 5000x2 does
    if (packed!.data.some((x) => x > LIMITS.maxDim)) tooLarge(ps, t.range);
    next(ps);
    return [Array.from(packed!.data, (x) => x | 0), t.range];
  }
  if (!isOp(t, '(')) return null;
  next(ps);
  const [dims] = shapeDims(ps, true);
  const close = expectOp(ps, ')', 'to close the shape (m, n)');
  return [dims, span(t.range, close.range)];
}

/** n or m x n (m×n, m \times n, m*n; `listed`: also m, n and n,) */
export function shapeDims(ps: ParseState, listed = false): [number[], Range] {
  const first = peek(ps);
  const dims: number[] = [];
  const dim = () => {
    const t = peek(ps);
    if (t.kind !== 'num' || !Number.isInteger(t.value) || t.value < 1) notAShape(ps, t);
    next(ps);
    // an int32 (SMI) entry: the lexer's number can be a heap double, and one double made this shape an array
    // of doubles where every other shape is of small integers (shape readers then saw two element kinds)
    dims.push(t.value <= LIMITS.maxDim ? t.value | 0 : t.value);
  };
  dim();
  let last = ps.tokens[ps.p - 1]!;
  const t = peek(ps);
  if (t.kind === 'name' && /^x\d+$/.test(t.text)) {
    // "3x2" lexes as 3 and x2
    next(ps);
    dims.push(Number(t.text.slice(1)));
    last = t;
  } else if ((t.kind === 'name' && t.text === 'x') || isOp(t, '*') || (listed && isOp(t, ','))) {
    next(ps);
    // (n,): numpy's one-entry tuple
    if (!(listed && isOp(t, ',') && isOp(peek(ps), ')'))) dim();
    last = ps.tokens[ps.p - 1]!;
  }
  if (dims.some((d) => d > LIMITS.maxDim)) tooLarge(ps, span(first.range, last.range));
  return [dims, span(first.range, last.range)];
}

export function definition(ps: ParseState, isLoss = false): Statement & { k: 'def' } {
  const written = peek(ps).kind === 'bar' ? barredName(ps) : (deltaName(ps) ?? nameWithIndex(ps, false));
  // δ^{\hat h}_t = ∂L/∂ĥ_t: the name δ^ĥ a solution defines for a derivative (deltaSuperscript)
  const named = (written.k === 'name' && isOp(peek(ps), '^') && deltaSuperscript(ps, written)) || written;
  const plain = named.k === 'name' && !named.sup && !named.sub;
  // Sherstinsky's ψ[n] = ∂E/∂s[n]: the step in square brackets, as h[t] reads on a sequence (a subscript step)
  const bracketed = plain ? bracketStep(ps) : null;
  const step = plain && !bracketed ? bareStepSuperscript(ps) : null;
  const lhs = bracketed
    ? { ...named, sub: bracketed.step, range: span(named.range, bracketed.end) }
    : step && named.k === 'name'
      ? { ...named, sup: step, range: span(named.range, step.range) }
      : named;
  const eq = peek(ps);
  if (!isOp(eq, '='))
    fail(
      ps,
      `expected '=' after ${ps.src.slice(ps.tokens[ps.p - 1]!.start, ps.tokens[ps.p - 1]!.end)} to define it, found ${describe(ps, eq)}`,
    );
  next(ps);
  const s0 = ps.p;
  // a right side that does not parse still defines its name, so that its uses say "not available" (no cascade)
  if (lhs.raw !== 'T')
    ps.brokenDef = { k: 'def', lhs, rhs: { k: 'num', value: 0, range: lhs.range }, isLoss, range: lhs.range, rhsText: '', broken: true };
  // brokenDef stays set until the statement is accepted: a right side that reads but is followed by what does
  // not (2 \| y_t: the unknown command after 2) is as broken as one that does not read
  const rhs = expr(ps);
  return { k: 'def', lhs, rhs, isLoss: false, range: span(lhs.range, rhs.range), rhsText: textFrom(ps, s0) };
}

/**
 * `\delta c_t = …` (Let $\delta c_t = \frac{\partial L}{\partial c_t}$): the name δc, as `δc_t` typed tight is. A
 * product δ·c_t defines nothing, so a δ and a name at a definition's start are one name (it was "expected '='")
 */
export function deltaName(ps: ParseState): NameAst | null {
  const d = peek(ps);
  if (d.kind !== 'name' || d.text !== 'δ') return null;
  // MIT 6.390's δ^{s_t} = ∂L/∂s_t: the name δs, as \delta s_t is
  const over = deltaOverName(ps);
  if (over) return { ...over, raw: 'δ' + over.raw, range: span(d.range, over.range), nameRange: span(d.range, over.nameRange) };
  if (peek(ps, 1).kind !== 'name' && peek(ps, 1).kind !== 'bar') return null;
  next(ps);
  // \delta \bar{o}^t (Greff et al.: δ of the pre-activation ō): the name δō, the bar the name's own
  const x = peek(ps).kind === 'bar' ? barredName(ps) : nameWithIndex(ps, false);
  return { ...x, raw: 'δ' + x.raw, range: span(d.range, x.range), nameRange: span(d.range, x.nameRange) };
}

/**
 * δ^{s_t}, δ^{s_{t-1}}, δ^{s_n} at a δ token (MIT 6.390 writes the loss's gradient at the state s_t so): the name
 * under the δ, with its step, the δ and the braces consumed; null (nothing consumed) for any other superscript —
 * δ^{(t)} and δ^{l} (a step, a layer), δ^2, a name with no step under it (δ^{s}: the layer letter's reading)
 */
export function deltaOverName(ps: ParseState): NameAst | null {
  if (!isOp(peek(ps, 1), '^') || !peek(ps, 1).tight || !isOp(peek(ps, 2), '{') || peek(ps, 3).kind !== 'name') return null;
  const p0 = ps.p;
  ps.p += 3;
  const x = nameWithIndex(ps, false);
  if (isOp(peek(ps), '}') && (x.sub !== null || x.raw.includes('_'))) {
    next(ps);
    return x;
  }
  ps.p = p0;
  return null;
}

/** \bar{x}_t = … defines the name x̄_t (a defined name spelled with a bar is itself, not an adjoint) */
export function barredName(ps: ParseState): NameAst {
  const a = adjoint(ps).a;
  const cut = a.raw.indexOf('_');
  const raw = cut < 0 ? a.raw + '\u0304' : a.raw.slice(0, cut) + '\u0304' + a.raw.slice(cut);
  return { ...a, raw };
}
