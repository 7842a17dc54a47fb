// "did you mean": a likely typo only. Every one-letter name is one edit from every other, so a one-letter
// name is matched only by case (seed 000's A_t, defined in its prose, got "did you mean x?").
import { describe, expect, it } from 'vitest';
import { suggest } from '../../src/language/diagnostics';

describe('suggest', () => {
  it('a one-letter name: only another case of the same letter', () => {
    expect(suggest('A', ['x', 'h', 'u'])).toBeNull();
    expect(suggest('q', ['x'])).toBeNull();
    expect(suggest('a', ['A', 'x'])).toBe('A');
  });

  it('longer names: the nearest within half their length', () => {
    expect(suggest('W_hx', ['W_hh', 'b_h'])).toBe('W_hh');
    expect(suggest('δq', ['δ', 'x'])).toBe('δ');
    expect(suggest('zzzz', ['W_hh'])).toBeNull();
  });
});
