// The reader's fast paths (issue 11: compile() of the examples) held to the general paths they stand for:
// simpleIndex to generalIndex (time indices), the parser's untracked depth to the tracked one (statements too
// short to reach the limit), a group's written-out copy to a spread, the LaTeX command and reserved-word
// tables to the cascade of tests they replaced (in its order), and a packed literal's lazy items to one
// shared getter (a getter closure per literal gave each its own hidden class, which kept every young
// object alive through scavenges).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Ast } from '../../src/language/ast';
import { isReservedWord, lex, type Token } from '../../src/language/lexer';
import { LIMITS } from '../../src/language/limits';
import { parse } from '../../src/language/parser';
import { idxValue } from '../../src/language/idx';
import type { Expr } from '../../src/language/model';
import { forChildren, resolve } from '../../src/language/resolve';
import { Scope } from '../../src/language/resolve/scope';
import { stepsUseVar, UndefinedSearch } from '../../src/language/resolve/timeChecks';
import { generalIndex, tryTimeIndex } from '../../src/language/resolve/timeIndex';
import { exampleNames, loadExample } from '../examples/helpers';
import { mutate, mutationArb, TOKENS } from '../fuzz/mutators';

const R = { line: 1, column: 1, endLine: 1, endColumn: 2 };
const num = (value: number): Ast => ({ k: 'num', value, range: R });
const name = (raw: string, sub: Ast | null = null): Ast => ({ k: 'name', raw, sub, sup: null, range: R, nameRange: R });

/** index-like trees: numbers (some not whole, −0), names (bound, T, τ, unknown, indexed), neg, + and − */
const indexAst: fc.Arbitrary<Ast> = fc.letrec<{ leaf: Ast; node: Ast }>((tie) => ({
  leaf: fc.oneof(
    fc.oneof(fc.integer({ min: -5, max: 12 }), fc.constantFrom(0.5, -0, 2.25, 1e21)).map(num),
    fc.constantFrom('t', 'i', 'k', 'T', 'τ', 'j', 'x', 'h_t').map((r) => name(r)),
    fc.constantFrom('t', 'T').map((r) => name(r, num(1))),
  ),
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tie('leaf'),
    fc
      .tuple(fc.constantFrom('+', '-') as fc.Arbitrary<'+' | '-'>, tie('node'), tie('node'))
      .map(([op, a, b]): Ast => ({ k: 'bin', op, a, b, range: R })),
    tie('node').map((a): Ast => ({ k: 'neg', a, range: R })),
    tie('node').map((a): Ast => ({ k: 'bin', op: '*', a, b: num(2), range: R })),
  ),
})).node;

/** the JSON of a parse, with the number −0 told apart */
function parsed(text: string, alwaysTrackDepth: boolean): string {
  const r = parse(lex(text).tokens, text, { alwaysTrackDepth });
  return JSON.stringify(r, (_k, v: unknown) => (typeof v === 'number' && Object.is(v, -0) ? '-0' : v));
}

describe('time indices: simpleIndex answers as generalIndex', () => {
  it('on random index trees and variables in scope', () => {
    fc.assert(
      fc.property(indexAst, fc.subarray(['t', 'i', 'k', 'τ']), fc.integer({ min: 1, max: 9 }), (a, vars, T) => {
        const fast = tryTimeIndex(a, new Set(vars), T);
        const general = generalIndex(a, new Set(vars), T);
        expect(fast).toStrictEqual(general);
        // the same keys in the same order, and the same sign of zero
        if (fast && general) {
          expect(Object.keys(fast)).toEqual(Object.keys(general));
          expect(Object.is(fast.k, general.k)).toBe(true);
        }
      }),
      { numRuns: 3000, seed: 1201 },
    );
  });
  it('on the forms it reads itself', () => {
    const vars = new Set(['t']);
    const bin = (op: '+' | '-', a: Ast, b: Ast): Ast => ({ k: 'bin', op, a, b, range: R });
    expect(tryTimeIndex(bin('-', name('t'), num(1)), vars, 5)).toStrictEqual({ v: 't', k: -1 });
    expect(tryTimeIndex(bin('+', name('T'), num(1)), vars, 5)).toStrictEqual({ v: null, k: 6 });
    expect(tryTimeIndex(bin('-', name('t'), num(0.5)), vars, 5)).toBeNull();
    expect(tryTimeIndex(bin('-', name('i'), num(1)), vars, 5)).toBeNull();
    expect(Object.is(tryTimeIndex(bin('-', num(0), num(0)), vars, 5)!.k, generalIndex(bin('-', num(0), num(0)), vars, 5)!.k)).toBe(true);
  });
});

describe('the parser tracks depth only where a statement can reach the limit', () => {
  const examples = exampleNames().map(loadExample);
  it('gives the same statements and errors untracked as tracked, on the examples and mutations of them', () => {
    for (const text of examples) expect(parsed(text, false)).toBe(parsed(text, true));
    fc.assert(
      fc.property(fc.nat({ max: examples.length - 1 }), fc.array(mutationArb, { minLength: 1, maxLength: 6 }), (i, ms) => {
        const text = ms.reduce(mutate, examples[i]!);
        expect(parsed(text, false)).toBe(parsed(text, true));
      }),
      { numRuns: 300, seed: 1202 },
    );
    // 300 parses of whole examples twice: ~2 s idle, past vitest's 5 s default when the machine is busy
  }, 60_000);
  it('gives the same on random lines of the notation', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TOKENS, 'x', 'h_t', ' + ', ' = ', '\n', 'check ', '(', ')'), { maxLength: 40 }), (parts) => {
        const text = 'T = 3\nh_t = x_t\n' + parts.join('');
        expect(parsed(text, false)).toBe(parsed(text, true));
      }),
      { numRuns: 500, seed: 1203 },
    );
  });
  it('still refuses a chain past the limit, and the longest chain below it reads', () => {
    const chain = (n: number) => `T = 1\nloss L = ${Array.from({ length: n }, () => 'x').join(' + ')}\nparam x = 1\n`;
    const over = parse(lex(chain(LIMITS.maxTreeDepth + 2)).tokens, chain(LIMITS.maxTreeDepth + 2));
    expect(over.errors.map((e) => e.message)).toEqual([
      `expression too long: more than ${LIMITS.maxTreeDepth} operations in a chain (limit)`,
    ]);
    // a statement just too short to be tracked (tokens below half the limit) reads as the tracked parse does
    const short = chain(Math.floor(LIMITS.maxTreeDepth / 4));
    expect(parsed(short, false)).toBe(parsed(short, true));
    expect(parse(lex(short).tokens, short).errors).toEqual([]);
  });
});

describe('a group is its content with the brackets’ range', () => {
  it.each(['(x + y)', '(3)', '(h_t)', '(W_{hh})', '(σ(x))', '(\\frac{∂L}{∂x})', '(L_t(a, b))', '([1, 2])', '(-x)'])(
    '%s: the same keys, in order, as a spread',
    (g) => {
      const inner = g.slice(1, -1);
      const read = (text: string) => (parse(lex(`y = ${text}`).tokens, `y = ${text}`).statements[0] as { rhs: Ast }).rhs;
      const grouped = read(g);
      // a space for each bracket: the content at the same columns
      const plain = read(` ${inner}`);
      const spread = { ...plain, range: grouped.range };
      expect(Object.keys(grouped)).toEqual(Object.keys(spread));
      expect(JSON.stringify(grouped)).toBe(JSON.stringify(spread));
    },
  );
});

describe('LaTeX commands and reserved words: one table, the cascade’s order', () => {
  const kinds = (text: string) =>
    lex(text)
      .tokens.filter((t: Token) => t.kind !== 'newline' && t.kind !== 'eof')
      .map((t) => `${t.kind}:${t.text}`);
  it.each([
    ['\\sum', ['bigop:sum']],
    ['\\prod', ['bigop:prod']],
    ['\\partial', ['partial:∂']],
    ['\\nabla', ['nabla:∇']],
    ['\\frac', ['frac:frac']],
    ['\\dfrac', ['frac:frac']],
    ['\\bar', ['bar:bar']],
    ['\\overline', ['bar:overline']],
    ['\\tilde{h}', ['name:h\u0303']],
    ['\\check{h}', ['name:h\u030c']],
    ['\\dot{h}', ['name:h\u0307']],
    ['\\dots', ['op:…']],
    ['\\cdot', ['op:*']],
    ['\\circ', ['op:⊙']],
    ['\\top', ['op:ᵀ']],
    ['\\leq', ['op:≤']],
    ['\\{', ['op:(']],
    ['\\}', ['op:)']],
    ['\\alpha', ['name:α']],
    ['\\ell', ['name:ℓ']],
    ['\\sigma', ['fn:sigma']],
    ["\\sigma'", ['fn:dsigma']],
    ['\\tanh', ['fn:tanh']],
    ['\\exp', ['fn:exp']],
    ['\\log', ['fn:log']],
    ['\\left(', ['op:(']],
    ['\\quad', []],
    ['\\,', []],
    ['\\mathcal{L}', ['name:L']],
    ['\\text{ so }', []],
    ['\\Sigma', ['error:\\Sigma']],
    ['\\toString', ['error:\\toString']],
    ['\\constructor', ['error:\\constructor']],
  ])('%s', (text, want) => expect(kinds(text)).toEqual(want));
  it.each([
    ['check', ['kw:check']],
    ['for', ['kw:for']],
    ['sigmoid', ['fn:sigma']],
    ["sigmoid'", ['fn:dsigma']],
    ["exp'", ['fn:exp', "op:'"]],
    ['ReLU', ['fn:relu']],
    ['sum', ['fn:sum']],
    ['grad', ['grad:grad']],
    ['grad+', ['grad:grad']],
    ['gradient', ['name:gradient']],
    ['constructor', ['name:constructor']],
    ['σ', ['fn:sigma']],
  ])('%s', (text, want) => expect(kinds(text)).toEqual(want));
  it('grad+ is the immediate partial', () => expect(lex('grad+').tokens[0]!.plus).toBe(true));
  it('a word is a name exactly when isReservedWord (the tables of the general path) says it is none', () => {
    const reserved = ['param', 'input', 'target', 'loss', 'derive', 'check', 'for', 'σ', 'sigma', 'sigmoid', 'tanh', 'relu', 'ReLU'];
    const more = ['exp', 'log', 'ln', 'sqrt', 'abs', 'softmax', 'sum', 'mean', 'diag', 'count', 'onehot', 'prod', 'grad'];
    const word = fc.oneof(
      fc.constantFrom(...reserved, ...more),
      fc.tuple(fc.constantFrom(...reserved, ...more, 'h', 'W', 'x'), fc.constantFrom('', 'a', 's', 'x2', 'ǎ', 'Σ')).map(([a, b]) => a + b),
      fc.stringMatching(/^[a-zA-Zσαβ][a-zA-Z0-9σ]{0,9}$/),
    );
    fc.assert(
      fc.property(word, (w) => {
        const t = lex(w).tokens[0]!;
        // a word that is one token: a name unless reserved
        if (t.end !== w.length) return;
        expect(t.kind === 'name').toBe(!isReservedWord(w));
      }),
      { numRuns: 3000, seed: 1204 },
    );
  });
});

describe('a packed literal’s items', () => {
  const lit = (text: string) => lex(text).tokens.find((t) => t.kind === 'lit')!.lit! as Ast & { k: 'list' };
  it('are read through one getter shared by every literal (no hidden class per literal)', () => {
    const a = lit('x = [1, 2, 3]');
    const b = lit('y = [[1, 2], [3, 4]]');
    const getter = (o: object) => Object.getOwnPropertyDescriptor(o, 'items')!.get;
    expect(getter(a)).toBeTypeOf('function');
    expect(getter(a)).toBe(getter(b));
  });
  it('keep the keys of a plain list, in order, before and after they are made', () => {
    const a = lit('x = [1, -2.5]');
    expect(Object.keys(a)).toEqual(['k', 'items', 'range', 'packed']);
    expect(a.items.map((x) => (x as { value: number }).value)).toEqual([1, -2.5]);
    expect(Object.keys(a)).toEqual(['k', 'items', 'range', 'packed']);
    expect(Object.getOwnPropertyDescriptor(a, 'items')!.value).toBe(a.items);
    expect(JSON.parse(JSON.stringify(a)).items).toHaveLength(2);
  });
});

describe('an undefined-step search walks a Σ body once when its steps do not use the variable', () => {
  /** every question side and equation of a compiled text, with the scope the search needs */
  function searchesOf(text: string) {
    const { tokens } = lex(text);
    const statements = parse(tokens, text).statements;
    const scope = new Scope();
    const r = resolve(statements, scope);
    const exprs: Expr[] = [];
    for (const q of r.model.questions) exprs.push(...(q.kind === 'check' ? [q.lhs, q.rhs] : [q.expr]));
    // every equation read, those of quantities later found broken too (a search's mistake may be what breaks one)
    for (const q of scope.quantities.values()) if (q.general) exprs.push(q.general);
    return { scope, exprs, T: r.model.T };
  }
  const texts = [
    ...exampleNames().map(loadExample),
    // Σ over entries with a reference undefined at some steps, nested Σ, bounds that use the outer variable
    'T = 3\nparam W : 2x2 = [[1, 2], [3, 4]]\nh_0 = [1, 1]\nh_t = W h_{t-1}\nloss L = sum(h_3)\n' +
      'check ∂L/∂h_k = Σ_i h_i^{(k+1)}\ncheck ∂L/∂h_k = Σ_{i,j} W_{i,j} h_j^{(k-1)}\ncheck ∂L/∂h_k = Σ_i Σ_{j=1}^{i} W_{i,j} h_j^{(k+2)}\n',
  ];
  it('finds the same reference, and runs out of its budget where the walk of every value does', () => {
    for (const text of texts) {
      const { scope, exprs, T } = searchesOf(text);
      const fast = new UndefinedSearch(scope);
      const every = new UndefinedSearch(scope, true);
      for (const e of exprs)
        for (const v of ['t', 'k', 'i', 'r'])
          for (let u = -1; u <= T + 2; u++)
            for (const budget of [3, 17, 60, 200, 200_000]) {
              const env = { [v]: u };
              expect(fast.first(e, env, budget)).toStrictEqual(every.first(e, env, budget));
              expect(fast.exhausted).toBe(every.exhausted);
            }
    }
  });
  /** the search as written before (a copy of env per Σ, idxValue on it): the general path of the Map of bound variables */
  function referenceFirst(scope: Scope, e: Expr, env0: Record<string, number>): { ref: Expr; step: number } | null {
    let found: { ref: Expr; step: number } | null = null;
    const go = (x: Expr, env: Record<string, number>): void => {
      if (found) return;
      if (x.k === 'ref') {
        const step = x.idx ? idxValue(x.idx, env) : null;
        if (step !== undefined && !scope.defined(x.name, step)) found = { ref: x, step: step ?? NaN };
        return;
      }
      if (x.k === 'sum' || x.k === 'prod') {
        const a = idxValue(x.from, env);
        const b = idxValue(x.to, env);
        if (a === undefined || b === undefined) return;
        const inner = { ...env };
        for (let i = a; i <= b && !found; i++) {
          inner[x.v] = i;
          go(x.body, inner);
        }
        return;
      }
      if (x.k === 'deriv') {
        go(x.of, env);
        const step = x.wrt.idx ? idxValue(x.wrt.idx, env) : null;
        if (step !== undefined && !scope.defined(x.wrt.name, step))
          found = { ref: { k: 'ref', name: x.wrt.name, idx: x.wrt.idx, shape: [], range: x.wrt.range }, step: step ?? NaN };
        return;
      }
      forChildren(x, (c) => go(c, env));
    };
    go(e, env0);
    return found;
  }
  it('reads the variables as a copy of the environment per Σ did', () => {
    const all = [
      ...texts,
      'T = 4\nh_0 = 1\nh_t = h_{t-1}\nloss L = h_4\ncheck L = Σ_t Σ_{k=1}^{t} h_{t-k}\ncheck L = Σ_t h_{t+1}\ng_t = Σ_t h_{t-1} + h_{t+1}\ncheck L = Σ_{constructor=1}^{T} h_{constructor}\n',
    ];
    for (const text of all) {
      const { scope, exprs, T } = searchesOf(text);
      const search = new UndefinedSearch(scope, true);
      for (const e of exprs)
        for (const v of ['t', 'k', 'i', 'constructor'])
          for (let u = -1; u <= T + 2; u++) {
            const env = { [v]: u };
            const got = search.first(e, env);
            const want = referenceFirst(scope, e, env);
            expect(got && { ref: got.ref, step: got.step }).toStrictEqual(want);
          }
    }
  });
  it('tells which Σ bodies use their variable in a step', () => {
    const { exprs, scope } = searchesOf(texts[texts.length - 1]!);
    const sums: { v: string; uses: boolean }[] = [];
    const go = (x: Expr): void => {
      if (x.k === 'sum') sums.push({ v: x.v, uses: stepsUseVar(x.body, x.v, scope.stepsUseVar) });
      forChildren(x, go);
    };
    exprs.forEach(go);
    // Σ_i h_i^{(k+1)}: no; Σ_{i,j} …: no, no; Σ_i Σ_{j=1}^{i}: the outer's body bounds j by i
    expect(sums.map((s) => `${s.v}:${s.uses}`)).toEqual(['i:false', 'i:false', 'j:false', 'i:true', 'j:false']);
  });
});
