// The lexer's empty-group test after a '{' reads codes instead of slicing 8 characters for a regular expression
// (issue 11, speed): the same answer as the regular expression on the slice, at any place of any text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isEmptyGroupAt, lex } from '../../src/language/lexer';

const text = fc.array(fc.constantFrom(' ', '\t', '}', '{', 'x', '\n'), { maxLength: 14 }).map((a) => a.join(''));

describe('isEmptyGroupAt', () => {
  it('is /^[ \\t]*\\}/ on the next 8 characters', () => {
    fc.assert(
      fc.property(text, fc.nat(15), (s, j) => {
        expect(isEmptyGroupAt(s, j)).toBe(/^[ \t]*\}/.test(s.slice(j, j + 8)));
      }),
      { numRuns: 3000 },
    );
  });
  it('leaves an empty group out of the tokens, and a group that is not empty in them', () => {
    const ops = (s: string) => lex(s).tokens.map((t) => t.text);
    expect(ops('x^{(t)}{ \t }^\\top')).toEqual(ops('x^{(t)}^\\top'));
    expect(ops('x^{(t)}{        }^\\top')).not.toEqual(ops('x^{(t)}^\\top'));
  });
});
