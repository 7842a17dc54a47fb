// The reader's kept spellings (resolve/spelling.ts: what readName asks of a name, found once per spelling and
// scope) held to what the scope says of the name when asked: the same answers for every spelling of the
// examples and of generated names, and new ones once the scope knows another name (the Map is cleared then).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NameAst } from '../../src/language/ast';
import { lex } from '../../src/language/lexer';
import type { Decl } from '../../src/language/model';
import { parse } from '../../src/language/parser';
import { resolve } from '../../src/language/resolve';
import { Scope } from '../../src/language/resolve/scope';
import { spellingOf, writtenOf, type Spelling } from '../../src/language/resolve/spelling';
import { writtenName } from '../../src/language/resolve/text';
import { exampleNames, loadExample } from '../examples/helpers';

const R = { line: 1, column: 1, endLine: 1, endColumn: 2 };

/** the Spelling as the scope answers now, asked directly (no Map) */
function asked(scope: Scope, raw: string): Omit<Spelling, 'texts'> {
  const known = scope.isKnown(raw);
  const cut = known ? -1 : raw.indexOf('_');
  const head = cut < 0 ? raw : raw.slice(0, cut);
  const m = /^(.+)_([^_]+)$/su.exec(raw);
  const last: [string, string] | null = m ? [m[1]!, m[2]!] : null;
  return {
    known,
    cut,
    head,
    headKnown: cut >= 0 && scope.isKnown(head),
    last,
    lastKnown: last !== null && scope.isKnown(last[0]),
    timed: scope.isTimed(raw),
    lastTimed: last !== null && scope.isTimed(last[0]),
    marked: /[\u0304\u0305]/u.test(raw),
    arrow: raw.includes('\u20D7'),
  };
}

const kept = (s: Spelling): Omit<Spelling, 'texts'> => {
  const { texts: _, ...rest } = s;
  return rest;
};

const rawArb = fc
  .array(fc.constantFrom('h', 'x', 'W', '_', 't', 'hh', 'zz', '1', 'T', 'ā', 'h\u20D7', '_'), { minLength: 1, maxLength: 6 })
  .map((xs) => xs.join(''));

function decl(name: string): Decl {
  return { name, kind: 'input', perStep: true, shape: [], values: null, line: 1, range: R, nameRange: R };
}

describe('the spellings a scope keeps', () => {
  it('say what the scope says of each name of the examples, and of generated names, asked twice', () => {
    for (const text of exampleNames().map(loadExample)) {
      const scope = new Scope();
      const statements = parse(lex(text).tokens, text).statements;
      resolve(statements, scope);
      const raws = [...new Set(text.match(/[\p{L}_\d\u0304\u0305\u20D7]+/gu) ?? [])];
      for (const raw of raws) {
        expect(kept(spellingOf(scope, raw))).toEqual(asked(scope, raw));
        expect(kept(spellingOf(scope, raw))).toEqual(asked(scope, raw));
      }
      fc.assert(
        fc.property(rawArb, (raw) => {
          expect(kept(spellingOf(scope, raw))).toEqual(asked(scope, raw));
        }),
        { numRuns: 300 },
      );
    }
  });

  it('are made again once the scope knows another name', () => {
    const text = 'T = 3\ninput x = [1, 2, 3]\nh_0 = 0\nh_t = h_{t-1} + x_t\nloss L = h_3\n';
    const scope = new Scope();
    resolve(parse(lex(text).tokens, text).statements, scope);
    for (const raw of ['zz_t', 'zz', 'zz_t_1', 'h_t']) spellingOf(scope, raw);
    scope.declare('zz', decl('zz'));
    for (const raw of ['zz_t', 'zz', 'zz_t_1', 'h_t']) expect(kept(spellingOf(scope, raw))).toEqual(asked(scope, raw));
    expect(spellingOf(scope, 'zz_t').headKnown).toBe(true);
  });

  it('give a symbol the text writtenName gives, in every form', () => {
    const scope = new Scope();
    for (const raw of ['h', 'W_hh', 'x̄_t'])
      for (const sub of [null, { k: 'num', value: 1, range: R } as const])
        for (const sup of [null, { k: 'num', value: 2, range: R } as const]) {
          const a: NameAst = { k: 'name', raw, sub, sup, range: R, nameRange: R };
          expect(writtenOf(scope, a)).toBe(writtenName(a));
          expect(writtenOf(scope, a)).toBe(writtenName(a));
        }
  });
});
