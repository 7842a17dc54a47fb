// segments.ts finds a name's '_' segments by character code (issue 11, speed): the same answers as split and
// lastIndexOf, which the resolver used before, for any string.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstSegment, lastUnderscore } from '../../src/language/segments';

const names = fc.array(fc.constantFrom('_', 'h', 'W', 't', '1', 'σ', '\u0304', '𝟙', ' '), { maxLength: 12 }).map((a) => a.join(''));

describe('segments', () => {
  it('firstSegment is split("_")[0] and lastUnderscore is lastIndexOf("_")', () => {
    fc.assert(
      fc.property(fc.oneof(names, fc.string()), (s) => {
        expect(firstSegment(s)).toBe(s.split('_')[0]);
        expect(lastUnderscore(s)).toBe(s.lastIndexOf('_'));
      }),
      { numRuns: 2000 },
    );
  });
  it('reads the names the resolver meets', () => {
    expect(firstSegment('W_hh_2')).toBe('W');
    expect(firstSegment('h')).toBe('h');
    expect(firstSegment('_t')).toBe('');
    expect(lastUnderscore('W_hh_2')).toBe(4);
    expect(lastUnderscore('h')).toBe(-1);
    expect(lastUnderscore('h_')).toBe(1);
  });
});
