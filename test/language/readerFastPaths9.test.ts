// The reader's fast paths of session 9 (issue 11: compile() inside analyze()) held to the general paths they
// stand for: a name with nothing right on it made as its token (no indices() pass, no spans), and a use's
// symbol occurrence made whole in one literal instead of grown a field at a time.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/language';
import { lex } from '../../src/language/lexer';
import { parse } from '../../src/language/parser';
import type { SymbolOccurrence } from '../../src/report';
import { exampleNames, loadExample } from '../examples/helpers';
import { mutate, mutationArb, TOKENS } from '../fuzz/mutators';

/** the JSON of a parse, with the number −0 told apart */
function parsed(text: string, alwaysIndices: boolean): string {
  const r = parse(lex(text).tokens, text, { alwaysIndices });
  return JSON.stringify(r, (_k, v: unknown) => (typeof v === 'number' && Object.is(v, -0) ? '-0' : v));
}

describe('a name with nothing right on it is its token', () => {
  const examples = exampleNames().map(loadExample);
  it('parses as through indices(), on the examples and mutations of them', () => {
    for (const text of examples) expect(parsed(text, false)).toBe(parsed(text, true));
    fc.assert(
      fc.property(fc.nat({ max: examples.length - 1 }), fc.array(mutationArb, { minLength: 1, maxLength: 6 }), (i, ms) => {
        const text = ms.reduce(mutate, examples[i]!);
        expect(parsed(text, false)).toBe(parsed(text, true));
      }),
      { numRuns: 300, seed: 1901 },
    );
  }, 60_000);
  it('parses as through indices() on random lines of names, subscripts, superscripts and argument lists', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom(
            ...TOKENS,
            'x',
            'h_t',
            'h',
            'W_{xh}',
            '_',
            '^',
            '(t)',
            '(',
            ')',
            ',',
            ' ',
            ' + ',
            ' = ',
            '\n',
            'check ',
            'T',
            'f(x_t, h)',
          ),
          {
            maxLength: 40,
          },
        ),
        (parts) => {
          const text = 'T = 3\nh_t = x_t\n' + parts.join('');
          expect(parsed(text, false)).toBe(parsed(text, true));
        },
      ),
      { numRuns: 800, seed: 1902 },
    );
  }, 60_000);
  it('parses as through indices() where an argument list, a step or a subscript follows', () => {
    for (const line of [
      'check L_t(t_t, y_t) = L_t',
      'check f(x_t, h_{t-1}, w) = h_t',
      'check h^(t-1) = h_t',
      'check h^{(t)} = h_t',
      'check h_{t-1} = h_t',
      'check h ^(t) = h',
    ])
      expect(parsed('T = 3\nh_t = x_t\n' + line, false)).toBe(parsed('T = 3\nh_t = x_t\n' + line, true));
  }, 60_000);
  it('shares its token’s range', () => {
    const st = parse(lex('check h = h_t').tokens, 'check h = h_t').statements[0] as { lhs: { range: object; nameRange: object } };
    expect(st.lhs.range).toBe(st.lhs.nameRange);
    expect(st.lhs.range).toEqual({ line: 1, column: 7, endLine: 1, endColumn: 8 });
  }, 60_000);
});

describe('a use’s symbol occurrence', () => {
  /** the occurrence as the general path grows it: the record, then each field the use has, in that order */
  function grown(s: SymbolOccurrence): SymbolOccurrence {
    const o: SymbolOccurrence = {
      line: s.line,
      column: s.column,
      endLine: s.endLine,
      endColumn: s.endColumn,
      name: s.name,
      text: s.text,
      role: s.role,
    };
    if ('inEquationOf' in s) o.inEquationOf = s.inEquationOf;
    o.offset = s.offset;
    o.step = s.step;
    if ('timed' in s) o.timed = s.timed;
    if ('inEquationOfTimed' in s) o.inEquationOfTimed = s.inEquationOfTimed;
    return o;
  }
  const texts = [
    ...exampleNames().map(loadExample),
    // an untimed twin (L beside L_t) used in and out of its own equation, a use in the twin's equation
    'T = 2\ninput x = [1, 2]\nparam w = 1\nh_0 = 0\nh_t = w h_{t-1} + x_t\nL_t = h_t^2\nloss L = Σ_t L_t\ncheck L = L_1 + L_2\nderive ∂L/∂w\n',
  ];
  it('has the fields and key order of the grown record', () => {
    let uses = 0;
    for (const text of texts)
      for (const s of compile(text).symbols) {
        if (s.role !== 'use') continue;
        uses++;
        expect(JSON.stringify(s)).toBe(JSON.stringify(grown(s)));
        expect('offset' in s && 'step' in s).toBe(true);
      }
    expect(uses).toBeGreaterThan(100);
  }, 60_000);
  it('names an untimed twin as written, timed: false (the general path)', () => {
    const syms = compile(texts[texts.length - 1]!).symbols.filter((s) => s.role === 'use');
    const twinUses = syms.filter((s) => s.timed === false);
    expect(twinUses.map((s) => [s.name, s.line])).toEqual([
      ['L', 8],
      ['L', 9],
    ]);
    const inTwin = syms.filter((s) => s.inEquationOfTimed === false);
    expect(inTwin.map((s) => [s.name, s.inEquationOf, s.text])).toEqual([['L', 'L', 'L_t']]);
  }, 60_000);
});
