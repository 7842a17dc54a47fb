// The undefined-step search's flat path (issue 11: a question's references read from one array step after step,
// instead of a walk of its tree per step) held to the tree walk it stands for: the same reference found (a
// derivative around the one found judges its variable after it and overrides it, as go does), and the budget
// run out exactly when the walk's would.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lex } from '../../src/language/lexer';
import type { Expr, Idx } from '../../src/language/model';
import { parse } from '../../src/language/parser';
import { resolve } from '../../src/language/resolve';
import { Scope } from '../../src/language/resolve/scope';
import { flatProbes, flatReach, UndefinedSearch } from '../../src/language/resolve/timeChecks';
import { boundedReach } from '../../src/language/resolve/walk';
import { exampleNames, loadExample } from '../examples/helpers';

const R = { line: 1, column: 1, endLine: 1, endColumn: 2 };

/** a network with a timed quantity (with an override), a timed input, an untimed parameter and quantity */
function scopeOf(): Scope {
  const text = 'T = 4\ninput x = [1, 2, 3, 4]\nparam w = 0.5\nh_0 = 0\nh_t = w h_{t-1} + x_t\nh_2 = 1\nc = w^2\nloss L = h_4\n';
  const scope = new Scope();
  resolve(parse(lex(text).tokens, text).statements, scope);
  return scope;
}

const idxArb: fc.Arbitrary<Idx | null> = fc.oneof(
  fc.constant(null),
  fc.integer({ min: -2, max: 6 }).map((k): Idx => ({ v: null, k })),
  fc.tuple(fc.constantFrom('t', 'k', 'toString'), fc.integer({ min: -2, max: 2 })).map(([v, k]): Idx => ({ v, k })),
  fc.integer({ min: -1, max: 1 }).map((k): Idx => ({ v: 't', k, terms: [{ v: 'k', sign: -1 }] })),
);

/** a reference, told apart from the others by its column */
const refArb: fc.Arbitrary<Expr> = fc
  .tuple(fc.constantFrom('h', 'x', 'w', 'c', 'nope'), idxArb, fc.nat(1000))
  .map(([name, idx, column]): Expr => ({ k: 'ref', name, idx, shape: [], range: { ...R, column } }));

/** trees of references, derivatives (nested, their variable at any step), and the other kinds forChildren walks */
const exprArb: fc.Arbitrary<Expr> = fc.letrec<{ e: Expr }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    refArb,
    fc.constant<Expr>({ k: 'num', value: 1, shape: [], range: R }),
    fc.constant<Expr>({ k: 'var', idx: { v: 't', k: 0 }, shape: [], range: R }),
    fc
      .tuple(fc.constantFrom('add', 'mul', 'pow', 'indicator') as fc.Arbitrary<'add'>, tie('e'), tie('e'))
      .map(([k, a, b]): Expr => ({ k, a, b, shape: [], range: R })),
    tie('e').map((a): Expr => ({ k: 'neg', a, shape: [], range: R })),
    tie('e').map((arg): Expr => ({ k: 'call', fn: 'sigma', arg, shape: [], range: R })),
    fc.tuple(tie('e'), tie('e'), fc.option(tie('e'))).map(([a, i, j]): Expr => ({ k: 'index', a, i, j, shape: [], range: R })),
    fc.tuple(tie('e'), tie('e')).map(([a, n]): Expr => ({ k: 'matpow', a, n, shape: [], range: R })),
    fc.array(tie('e'), { maxLength: 3 }).map((items): Expr => ({ k: 'vec', items, shape: [], range: R })),
    fc.tuple(tie('e'), fc.constantFrom('h', 'x', 'w', 'nope'), idxArb, fc.boolean()).map(([of, name, idx, total]): Expr => ({
      k: 'deriv',
      total,
      of,
      wrt: { name, idx, range: { ...R, line: 2 } },
      shape: [],
      range: R,
    })),
    // a Σ: the flat path stands aside (its body is walked once per value)
    fc
      .tuple(fc.integer({ min: 0, max: 3 }), tie('e'))
      .map(([to, body]): Expr => ({ k: 'sum', v: 'i', from: { v: null, k: 1 }, to: { v: null, k: to }, body, shape: [], range: R })),
  ),
})).e;

describe('the undefined-step search’s flat path', () => {
  const scope = scopeOf();
  it('finds what the tree walk finds, and runs out of its budget where it does', () => {
    fc.assert(
      fc.property(
        exprArb,
        fc.dictionary(fc.constantFrom('t', 'k'), fc.integer({ min: -1, max: 6 })),
        fc.oneof(fc.integer({ min: 0, max: 40 }), fc.constant(200_000)),
        (e, env, budget) => {
          const flat = new UndefinedSearch(scope, false, true);
          const walk = new UndefinedSearch(scope, true);
          expect(flat.first(e, env, budget)).toStrictEqual(walk.first(e, env, budget));
          expect(flat.exhausted).toBe(walk.exhausted);
        },
      ),
      { numRuns: 3000 },
    );
  }, 60_000);
  it('gives the reach of the steps checked (flatReach) that the walk of boundedReach gives', () => {
    fc.assert(
      fc.property(exprArb, (e) => {
        expect(flatReach(flatProbes(e, null))).toBe(boundedReach(e));
      }),
      { numRuns: 3000 },
    );
  }, 60_000);
  it('keeps a Flat asked for with no Map to no Map, and passed to a search finds what the walk finds', () => {
    fc.assert(
      fc.property(exprArb, fc.dictionary(fc.constantFrom('t', 'k'), fc.integer({ min: -1, max: 6 })), (e, env) => {
        const memo = scope.flatProbes.size;
        const own = flatProbes(e, null);
        expect(scope.flatProbes.size).toBe(memo);
        const flat = new UndefinedSearch(scope, false, true);
        const walk = new UndefinedSearch(scope, true);
        expect(flat.first(e, env, undefined, own)).toStrictEqual(walk.first(e, env));
      }),
      { numRuns: 1000 },
    );
  }, 60_000);
  it('is taken for an expression without Σ/∏, once per expression', () => {
    const memo = new Map<Expr, ReturnType<typeof flatProbes>>();
    const h = (k: number): Expr => ({ k: 'ref', name: 'h', idx: { v: 't', k }, shape: [], range: R });
    const e: Expr = {
      k: 'deriv',
      total: true,
      of: { k: 'add', a: h(0), b: h(-1), shape: [], range: R },
      wrt: { name: 'w', idx: null, range: R },
      shape: [],
      range: R,
    };
    const flat = flatProbes(e, memo)!;
    expect(flat.nodes).toBe(4);
    // the references in the walk's order, then the derivative that judges its variable after them
    expect(flat.xs.map((x) => x.k)).toEqual(['ref', 'ref', 'deriv']);
    expect(flat.pos).toEqual([3, 3, 0, 4, 4, 1, 1, 4, 0]);
    expect(flatProbes(e, memo)).toBe(flat);
    const sum: Expr = { k: 'sum', v: 'i', from: { v: null, k: 1 }, to: { v: null, k: 2 }, body: h(0), shape: [], range: R };
    expect(flatProbes(sum, memo)).toBeNull();
  }, 60_000);
  it('judges a question step after step as the walk does (the examples’ h_t = 1 override, ∂h_t/∂h_{t+1})', () => {
    const e: Expr = {
      k: 'deriv',
      total: true,
      of: { k: 'ref', name: 'h', idx: { v: 't', k: 0 }, shape: [], range: R },
      wrt: { name: 'h', idx: { v: 't', k: 1 }, range: { ...R, line: 2 } },
      shape: [],
      range: R,
    };
    const flat = new UndefinedSearch(scope, false, true);
    const found = [-1, 0, 1, 2, 3, 4, 5].map((t) => flat.first(e, { t })?.ref.range.line ?? null);
    // t = -1: h_{-1} is found, then the derivative's h_0 is judged after it and is defined (the initial state);
    // t = 3: h_4 is the last step; t = 4: h_5 is past the end; t = 5: h_5 inside, then h_6 (the variable) overrides it
    expect(found).toEqual([1, null, null, null, null, 2, 2]);
  }, 60_000);
  it('finds what the tree walk finds in the examples’ questions and equations, step after step', () => {
    for (const text of exampleNames().map(loadExample)) {
      const scope = new Scope();
      const r = resolve(parse(lex(text).tokens, text).statements, scope);
      const exprs: Expr[] = [];
      for (const q of r.model.questions) exprs.push(...(q.kind === 'check' ? [q.lhs, q.rhs] : [q.expr]));
      for (const q of scope.quantities.values()) if (q.general) exprs.push(q.general);
      const flat = new UndefinedSearch(scope, false, true);
      const walk = new UndefinedSearch(scope, true);
      for (const e of exprs)
        for (const v of ['t', 'k', 'i'])
          for (let u = -1; u <= r.model.T + 2; u++)
            for (const budget of [3, 60, 200_000]) {
              expect(flat.first(e, { [v]: u }, budget)).toStrictEqual(walk.first(e, { [v]: u }, budget));
              expect(flat.exhausted).toBe(walk.exhausted);
            }
    }
  }, 60_000);
});
