// Σ and ∏ with their bounds (Σ_{t=1}^{T}, Σ_{1≤t≤T}, ∏_{t≥i>k}, Σ_j over entries), and index variables written
// with a prime (t′) renamed so that they never meet the step t.

import type { Range } from '../../report';
import type { Ast } from '../ast';
import { isAst, span } from '../ast';
import { definedBases } from '../letterBeforeStep';
import { startsStepSet, stepSet } from './checkRanges';
import { REL, closer, deep, describe, enter, expectOp, fail, isOp, next, peek } from './cursor';
import { expr, term } from './expressions';
import { nameOrNum } from './names';
import { group } from './operators';
import type { ParseState } from './state';

/** the prime of an index variable t′ (Σ_{t'=1}^{t}) */
export const PRIME = '′';

/** the letters a primed step index is written with (t′, s′, k′, i′, j′, τ′) */
export const PRIMED_STEPS = new Set(['t', 's', 'k', 'i', 'j', 'τ']);

/** a with each t' (the transpose of a plain t) written as the index variable t′; untouched nodes kept */
export function renamePrimed(a: Ast, letter: string): Ast {
  if (a.k === 'transpose' && a.a.k === 'name' && a.a.raw === letter && !a.a.sub && !a.a.sup)
    return { k: 'name', raw: letter + PRIME, sub: null, sup: null, range: a.range, nameRange: a.range };
  // Graves's w_{hh'} and w_{h'h}: an entry pair with the primed letter, read as the pair (h, h′) and (h′, h)
  if (a.k === 'name' && a.sub) {
    const pair = primedPair(a.sub, letter);
    if (pair) return { ...a, sub: { k: 'list', items: pair, range: a.sub.range } };
  }
  let out: Record<string, unknown> | null = null;
  for (const [key, v] of Object.entries(a) as [string, unknown][]) {
    let w: unknown = v;
    if (Array.isArray(v)) {
      const mapped = v.map((x: unknown) => (isAst(x) ? renamePrimed(x, letter) : x));
      if (mapped.some((x, n) => x !== v[n])) w = mapped;
    } else if (isAst(v)) w = renamePrimed(v, letter);
    if (w !== v) (out ??= { ...a })[key] = w;
  }
  return (out as Ast | null) ?? a;
}

/** a subscript of two letters with the primed one among them, hh′ (lexed (hh)ᵀ) or h′h (lexed hᵀ h): the two, in order */
export function primedPair(sub: Ast, letter: string): Ast[] | null {
  const plain = (x: Ast): x is Ast & { k: 'name' } => x.k === 'name' && !x.sub && !x.sup;
  const one = (raw: string, range: Range): Ast => ({ k: 'name', raw, sub: null, sup: null, range, nameRange: range });
  if (sub.k === 'transpose' && plain(sub.a) && [...sub.a.raw].length === 2 && sub.a.raw.endsWith(letter)) {
    const first = [...sub.a.raw][0]!;
    return [one(first, sub.a.range), one(letter + PRIME, sub.range)];
  }
  if (
    sub.k === 'bin' &&
    sub.op === 'juxt' &&
    sub.a.k === 'transpose' &&
    plain(sub.a.a) &&
    sub.a.a.raw === letter &&
    plain(sub.b) &&
    [...sub.b.raw].length === 1
  )
    return [one(letter + PRIME, sub.a.range), sub.b];
  return null;
}

export function bigOp(ps: ParseState): Ast {
  const op = next(ps);
  const sym = op.text === 'sum' ? 'Σ' : '∏';
  let vars: { v: string; range: Range }[] = [];
  let from: Ast | null = null;
  let to: Ast | null = null;
  let desc = false;
  /** Σ_{k ∈ 𝒜}: over a set of units written by one name (resolve/expressions.ts unitColumns) */
  let overSet = false;
  /** _{t=1}, _{1≤t≤T}, _{i,j}, _t: the index and its lower bound (from the '_') */
  const lower = () => {
    next(ps);
    const o = peek(ps);
    if (isOp(o, '{') || isOp(o, '(')) {
      next(ps);
      const close = o.text === '{' ? '}' : ')';
      enter(ps, o);
      const first = expr(ps);
      const nx = peek(ps);
      if (isOp(nx, '=')) {
        vars = [plainVar(ps, first, sym)];
        next(ps);
        const was = ps.inRange;
        ps.inRange = true;
        from = expr(ps);
        ps.inRange = was;
        // Σ_{t=1,…,T}, Σ_{t=1..T}: the upper bound in the index, as a range is written
        if (isOp(peek(ps), '..') || (isOp(peek(ps), ',') && isOp(peek(ps, 1), '…'))) {
          if (isOp(peek(ps), ',')) next(ps);
          next(ps);
          if (isOp(peek(ps), ',')) next(ps);
          to = expr(ps);
        }
      } else if (isOp(nx, '∈') && startsStepSet(peek(ps, 1))) {
        // Σ_{t ∈ \{1, …, T\}}, Σ_{t ∈ [T]}: the bounds as a set of steps
        vars = [plainVar(ps, first, sym)];
        next(ps);
        const set = stepSet(ps);
        from = set.from;
        to = set.to;
      } else if (isOp(nx, '∈') && peek(ps, 1).kind === 'name' && isOp(peek(ps, namedSets(ps, 1)), close)) {
        // Haykin's Σ_{k ∈ 𝒜} (the set of the network's neurons) over a set written by one name: Σ_k, every entry;
        // Williams & Zipser's Σ_{l ∈ U ∪ I}, units and inputs together, is every entry so too
        vars = [plainVar(ps, first, sym)];
        const end = ps.p + namedSets(ps, 1);
        next(ps);
        const at = ps.p;
        while (ps.p < end) next(ps);
        const set = {
          text: ps.tokens
            .slice(at, ps.p)
            .map((x) => x.text)
            .join(' '),
          range: span(ps.tokens[at]!.range, ps.tokens[ps.p - 1]!.range),
        };
        overSet = true;
        ps.errors.push({
          severity: 'information',
          message: `${sym}_{${vars[0]!.v} ∈ ${set.text}} is read as ${sym}_${vars[0]!.v}, over all of ${vars[0]!.v}'s values: ${set.text} is taken as every unit (or step) it indexes`,
          range: span(first.range, set.range),
        });
      } else if (isOp(nx, ',')) {
        // Σ_{i,j}: one Σ per variable, no bounds
        vars = [plainVar(ps, first, sym)];
        while (isOp(peek(ps), ',')) {
          next(ps);
          vars.push(plainVar(ps, expr(ps), sym));
        }
      } else if (REL.has(nx.kind === 'op' ? nx.text : '')) {
        const terms = [first];
        const rels: string[] = [];
        while (peek(ps).kind === 'op' && REL.has(peek(ps).text)) {
          rels.push(next(ps).text);
          terms.push(expr(ps));
        }
        const r = bounds(ps, terms, rels, sym, span(o.range, ps.tokens[ps.p - 1]!.range));
        vars = [r.v];
        from = r.from;
        to = r.to;
        desc = r.desc;
      } else if (isOp(nx, close)) vars = [plainVar(ps, first, sym)];
      else fail(ps, `expected '=', ',', '≤' or '${close}' in the index of ${sym}, found ${describe(ps, nx)}`);
      ps.depth--;
      if (!closer(ps, close)) expectOp(ps, close, `to close the index of ${sym}`);
    } else if (o.kind === 'name') {
      next(ps);
      vars = [{ v: o.text, range: o.range }];
    } else fail(ps, `expected the index variable after '_', found ${describe(ps, o)}`);
  };
  /** ^T, ^{T-1}: the upper bound (from the '^') */
  const upper = () => {
    next(ps);
    const o = peek(ps);
    if (isOp(o, '{') || isOp(o, '(')) {
      next(ps);
      to = group(ps, o);
    } else if (o.kind === 'name' || o.kind === 'num') to = nameOrNum(ps);
    else fail(ps, `expected the upper bound after '^', found ${describe(ps, o)}`);
  };
  // either order, as LaTeX sets both the same: Σ_{t=1}^{T} and Σ^{T}_{t=1}
  if (isOp(peek(ps), '^')) {
    upper();
    if (isOp(peek(ps), '_')) lower();
  } else {
    if (isOp(peek(ps), '_')) lower();
    if (isOp(peek(ps), '^')) upper();
  }
  enter(ps, op);
  let body = term(ps);
  ps.depth--;
  // a primed index t′: its uses, written t' (a transpose of t), in the body and the bounds inside it
  for (const v of vars) if (v.v.endsWith(PRIME)) body = renamePrimed(body, v.v.slice(0, -1));
  const range = span(op.range, body.range);
  if (!vars.length) return deep(ps, { k: 'big', op: op.text as 'sum', v: null, vRange: null, from, to, body, range }, body);
  for (let q = vars.length - 1; q >= 0; q--) {
    const last = q === vars.length - 1;
    const node: Ast & { k: 'big' } = {
      k: 'big',
      op: op.text as 'sum',
      v: vars[q]!.v,
      vRange: vars[q]!.range,
      from: last ? from : null,
      to: last ? to : null,
      body,
      range,
    };
    if (desc) node.desc = true;
    if (overSet) node.overSet = true;
    body = deep(ps, node, body);
  }
  return body;
}

/** L'(w): refused, naming what to write (read as Lᵀ times w, a scalar loss's L'(w) would be L·w) */
export function lagrangePrime(ps: ParseState, a: Ast & { k: 'name' }): void {
  // what it is taken by, as written (W_{hh}), when it is a short run of names and subscripts
  let by = '';
  for (let o = 2; o < 12 && !isOp(peek(ps, o), ')'); o++) by += peek(ps, o).kind === 'eof' ? '' : peek(ps, o).text;
  if (!/^[\p{L}\w{}]+$/u.test(by)) by = 'w';
  const l = a.raw;
  fail(
    ps,
    `${l}'(${by}), a prime for the derivative of the loss, is not read: write \\frac{\\partial ${l}}{\\partial ${by}} (∂${l}/∂${by})`,
    span(a.range, peek(ps, 1).range),
  );
}

/** the offset past `U`, `U ∪ I`, … from peek(k): names joined by ∪ (Williams & Zipser's sets of units and inputs), k where none */
function namedSets(ps: ParseState, k: number): number {
  if (peek(ps, k).kind !== 'name') return k;
  let end = k + 1;
  while (isOp(peek(ps, end), '∪') && peek(ps, end + 1).kind === 'name') end += 2;
  return end;
}

/** the index variable of Σ/∏: a plain letter or word */
export function plainVar(ps: ParseState, a: Ast, sym: string): { v: string; range: Range } {
  // Σ_{t'=1}^{t}: a primed step letter (read as its transpose) is an index of its own, t′; bigOp renames its uses.
  // Only the letters steps are written with: Graves' Σ_{h'=1}^{H} runs over units of h, a name of the network
  const primed = a.k === 'transpose' && a.a.k === 'name' && !a.a.sub && !a.a.sup ? a.a.raw : null;
  if (primed && PRIMED_STEPS.has(primed)) return { v: primed + PRIME, range: a.range };
  // Graves's Σ_{h'=1}^{H} over hidden units, where the file names no h (its own h' would read as hᵀ, a step of h)
  if (primed && /^\p{Ll}$/u.test(primed) && !(ps.fileNames ??= definedBases(ps.tokens)).has(primed))
    return { v: primed + PRIME, range: a.range };
  if (primed)
    return fail(
      ps,
      `the index of ${sym} is a plain name: a primed index ${primed}' is not one — use another letter (Σ_{j=1}^{H} for Σ_{${primed}'=1}^{H})`,
      a.range,
    );
  if (a.k !== 'name' || a.sub || a.sup) return fail(ps, `the index of ${sym} is a plain name (Σ_{i=1}^{T}, Σ_{1≤t≤T}, Σ_{i,j})`, a.range);
  return { v: a.raw, range: a.nameRange };
}

/**
 * Bounds written as inequalities: 1 ≤ t ≤ T (from 1 to T), t ≥ i > k (i from k+1 up to t, the factors
 * written from t down: desc), i < t (up to t−1), i ≥ 2 (from 2).
 */
export function bounds(
  ps: ParseState,
  terms: Ast[],
  rels: string[],
  sym: string,
  where: Range,
): { v: { v: string; range: Range }; from: Ast | null; to: Ast | null; desc: boolean } {
  const up = rels.every((r) => r === '≤' || r === '<');
  const down = rels.every((r) => r === '≥' || r === '>');
  if (!up && !down) fail(ps, `the bounds of ${sym} run one way: 1 ≤ t ≤ T or t ≥ i > k`, where);
  const plus = (e: Ast, d: number): Ast =>
    d === 0 ? e : { k: 'bin', op: d > 0 ? '+' : '-', a: e, b: { k: 'num', value: 1, range: e.range }, range: e.range };
  const strict = (r: string) => (r === '<' || r === '>' ? 1 : 0);
  const isVar = (a: Ast) => a.k === 'name' && !a.sub && !a.sup;
  if (terms.length === 3) {
    const v = plainVar(ps, terms[1]!, sym);
    if (up) return { v, from: plus(terms[0]!, strict(rels[0]!)), to: plus(terms[2]!, -strict(rels[1]!)), desc: false };
    return { v, from: plus(terms[2]!, strict(rels[1]!)), to: plus(terms[0]!, -strict(rels[0]!)), desc: true };
  }
  if (terms.length === 2) {
    const r = rels[0]!;
    if (isVar(terms[0]!)) {
      const v = plainVar(ps, terms[0]!, sym);
      return up
        ? { v, from: null, to: plus(terms[1]!, -strict(r)), desc: false }
        : { v, from: plus(terms[1]!, strict(r)), to: null, desc: true };
    }
    const v = plainVar(ps, terms[1]!, sym);
    return up
      ? { v, from: plus(terms[0]!, strict(r)), to: null, desc: false }
      : { v, from: null, to: plus(terms[0]!, -strict(r)), desc: true };
  }
  return fail(ps, `the bounds of ${sym} are one variable between two bounds: 1 ≤ t ≤ T`, where);
}
