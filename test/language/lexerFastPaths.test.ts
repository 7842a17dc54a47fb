// Session 28's fast paths of lex() and parse(), held to what they stand for: the ASCII operators lex() makes in its
// loop (before, single() made them with the rest), single()'s one push after its switch (a token inserted for \over
// too), and dotBefore()'s test of a space by code (before, /\s/ per character).
import { describe, expect, it } from 'vitest';
import { lex, type Token } from '../../src/language/lexer';
import { isSpaceCode } from '../../src/language/parse/statementText';

const brief = (ts: Token[]) => ts.map((t) => `${t.kind}:${t.text}${t.tight ? '~' : ''}`);
const lines = (text: string) => lex(text).tokens.filter((t) => t.kind === 'newline').length;

describe('the operators lex() reads in its loop', () => {
  it('are op tokens of their character, tight as written, with their ranges', () => {
    for (const c of '()]*+-^,@_|') {
      const { tokens, errors } = lex(`2${c}3 = z ${c} w`);
      expect(errors).toEqual([]);
      const ops = tokens.filter((t) => t.kind === 'op' && t.text === c);
      expect(ops).toHaveLength(2);
      expect(ops[0]!.tight).toBe(true);
      expect(ops[0]!.range).toEqual({ line: 1, column: 2, endLine: 1, endColumn: 3 });
      expect(ops[1]!.tight).toBe(false);
    }
  });
  it('open and close brackets as single() does: a line inside ( … ) goes on, one after ] or ) starts a statement', () => {
    expect(lines('y = f(a\n+ b)')).toBe(1);
    expect(lines('y = f(a)\n+ b')).toBe(2);
    expect(lines('y = ((a]\n+ b')).toBe(1);
    expect(lines('y = (a]]\n+ b')).toBe(2);
  });
});

describe('the token array', () => {
  it('holds every token, in order, on a text of a token per character', () => {
    const text = 'y = ' + '(x'.repeat(400) + ')'.repeat(400);
    const { tokens } = lex(text);
    expect(tokens).toHaveLength(2 + 1200 + 2);
    expect(Object.keys(tokens)).toHaveLength(tokens.length);
    expect(tokens.every((t, q) => q === 0 || t.start >= tokens[q - 1]!.start)).toBe(true);
  });
  it("puts \\over's frac before its group, the tokens after it moved up", () => {
    expect(brief(lex('y = {a \\over b} + c').tokens)).toEqual([
      'name:y',
      'op:=',
      'frac:frac',
      'op:{',
      'name:a~',
      'op:}',
      'op:{',
      'name:b',
      'op:}~',
      'op:+',
      'name:c',
      'newline:\n~',
      'eof:',
    ]);
  });
});

describe('isSpaceCode', () => {
  it('is /\\s/ on every UTF-16 unit', () => {
    for (let k = 0; k < 0x10000; k++) expect(isSpaceCode(k), `U+${k.toString(16)}`).toBe(/\s/.test(String.fromCharCode(k)));
  });
});
