// Literals of numbers are packed by the lexer (issue 11, a fast reader): a regular literal carries its
// shape and row-major entries, and a declaration reads its value from them. These tests hold the packed
// reading to the nested one: the same model values, shapes and messages as resolving the same statements
// with the literal's items (its `num` nodes, built lazily), on random literals, ragged ones included.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Ast, Statement } from '../../src/language/ast';
import { compile } from '../../src/language/index';
import { lex } from '../../src/language/lexer';
import { parse } from '../../src/language/parser';
import { resolve } from '../../src/language/resolve';
import { constValue } from '../../src/language/resolve/values';
import { makeProblem, rnnText } from '../../bench/rnnProblem';

/** the statements with every packed literal replaced by a plain list of its items (the nested reading) */
function unpacked(statements: Statement[]): Statement[] {
  return statements.map((st) => {
    if (st.k !== 'decl' || !st.value || st.value.k !== 'list' || !st.value.packed) return st;
    const plain: Ast = { k: 'list', items: st.value.items, range: st.value.range };
    return { ...st, value: plain };
  });
}

function bothReadings(text: string) {
  const { tokens } = lex(text);
  const parsed = parse(tokens, text);
  const packed = resolve(parsed.statements);
  const nested = resolve(unpacked(parsed.statements));
  const view = (r: ReturnType<typeof resolve>) => ({
    T: r.model.T,
    decls: [...r.model.decls.values()].map((d) => ({ name: d.name, shape: d.shape, values: d.values?.map((v) => Array.from(v)) })),
    diagnostics: r.diagnostics,
    fatal: r.fatal,
  });
  return { packed: view(packed), nested: view(nested), statements: parsed.statements };
}

/** a number as a student may write it */
const numberText = fc.oneof(
  fc.integer({ min: -999, max: 999 }).map(String),
  fc.double({ min: -1e3, max: 1e3, noNaN: true }).map((x) => String(Math.round(x * 1e4) / 1e4)),
  fc.constantFrom('1e-3', '2.5E+2', '.5', '-.25', '−0.75', '0.1', '-0', '12345678901234567890', '1e400'),
);
const sep = fc.constantFrom(', ', ',', ' ,  ', ',\n  ');
const row = (n: number) => fc.array(numberText, { minLength: n, maxLength: n });
/** regular literals of 1–3 levels, and sometimes a ragged one, a trailing comma or an empty list */
const literal = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 6 }), sep).chain(([n, s]) => row(n).map((r) => `[${r.join(s)}]`)),
  fc
    .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), sep)
    .chain(([m, n, s]) => fc.array(row(n), { minLength: m, maxLength: m }).map((rs) => `[${rs.map((r) => `[${r.join(s)}]`).join(s)}]`)),
  fc
    .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }))
    .chain(([a, b, c]) =>
      fc
        .array(fc.array(row(c), { minLength: b, maxLength: b }), { minLength: a, maxLength: a })
        .map((m) => `[${m.map((rs) => `[${rs.map((r) => `[${r.join(', ')}]`).join(', ')}]`).join(', ')}]`),
    ),
  fc
    .array(fc.array(numberText, { minLength: 1, maxLength: 3 }), { minLength: 2, maxLength: 3 })
    .map((rs) => `[${rs.map((r) => `[${r.join(', ')}]`).join(', ')}]`),
  fc.constantFrom('[1, 2,]', '[[1, 2], [3, 4],]', '[]', '[[1], []]', '[1, [2]]', '[[1], 2]', '[[[[1]]]]', '[1, x]'),
);
const declaration = fc.tuple(
  fc.constantFrom('param W', 'input x', 'target s', 'param v_t'),
  fc.constantFrom('', ' : 2', ' : 3', ' : 2x2', ' : 2x3', ' : 1', ' : 3x2'),
  literal,
);

describe('packed literals', () => {
  it('resolve to the values, shapes and messages of their nested items', () => {
    fc.assert(
      fc.property(fc.constantFrom('T = 2\n', 'T = 3\n', ''), fc.array(declaration, { minLength: 1, maxLength: 3 }), (horizon, decls) => {
        const names = new Set<string>();
        const lines = decls.filter(([head]) => !names.has(head) && names.add(head)).map(([head, shape, lit]) => `${head}${shape} = ${lit}`);
        const text = `${horizon}${lines.join('\n')}\nh_t = W\n`;
        const { packed, nested } = bothReadings(text);
        expect(packed).toEqual(nested);
      }),
      { numRuns: 600 },
    );
  }, 30_000);

  it('carry the shape and entries of their nested items', () => {
    fc.assert(
      fc.property(literal, (lit) => {
        const { statements } = bothReadings(`param W = ${lit}\n`);
        const st = statements.find((s) => s.k === 'decl');
        if (!st || st.k !== 'decl' || !st.value || st.value.k !== 'list' || !st.value.packed) return;
        const v = constValue({ k: 'list', items: st.value.items, range: st.value.range });
        const flat = [v].flat(3) as number[];
        expect(Array.from(st.value.packed.data)).toEqual(flat);
        const shape: number[] = [];
        for (let x: unknown = v; Array.isArray(x); x = x[0]) shape.push(x.length);
        expect(st.value.packed.shape).toEqual(shape);
      }),
      { numRuns: 600 },
    );
  }, 30_000);

  it('are packed for regular literals only, with ranges as their items give', () => {
    const lit = (text: string) => {
      const t = lex(text).tokens.find((x) => x.kind === 'lit');
      return t?.lit?.k === 'list' ? t.lit : null;
    };
    expect(lit('W = [[1, 2], [3, 4]]')?.packed?.shape).toEqual([2, 2]);
    expect(lit('W = [[1, 2],\n  [3, −4.5e1]]')?.packed?.data).toEqual(Float64Array.from([1, 2, 3, -45]));
    expect(lit('W = [[1, 2], [3]]')?.packed).toBeUndefined();
    expect(lit('W = [1, [2]]')?.packed).toBeUndefined();
    expect(lit('W = [1, x]')).toBeNull();
    const multi = lit('W = [[1, 2],\n     [3, 4]]')!;
    // the same range as the nested reading gives a ragged literal on the same characters
    expect(multi.range).toEqual({ line: 1, column: 5, endLine: 2, endColumn: 13 });
    expect(lit('W = [[1, 2],\n     [3, 4, 5]]')!.range).toEqual({ line: 1, column: 5, endLine: 2, endColumn: 16 });
    const second = multi.items[1]!;
    expect(second.k === 'list' && second.items[1]!.range).toEqual({ line: 2, column: 10, endLine: 2, endColumn: 11 });
  });

  it('are not expanded into nodes when the 64-unit network compiles', () => {
    const text = rnnText(makeProblem(8, 4, 5), true);
    const { tokens } = lex(text);
    const parsed = parse(tokens, text);
    resolve(parsed.statements);
    const lits = parsed.statements.flatMap((s) => (s.k === 'decl' && s.value?.k === 'list' && s.value.packed ? [s.value] : []));
    expect(lits.length).toBe(6);
    for (const l of lits) expect(Object.getOwnPropertyDescriptor(l, 'items')?.get).toBeTypeOf('function');
    // and the model has the numbers of the text
    const { model } = compile(text);
    expect(Array.from(model.decls.get('W_hh')!.values![0]!)).toEqual(Array.from(makeProblem(8, 4, 5).W_hh));
  });
});
