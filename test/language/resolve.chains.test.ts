// LANGUAGE.md §5: check E₀ = E₁ = E₂ … is one CheckQuestion per link E₀ = Eₖ.
import { describe, expect, it } from 'vitest';
import { chain, checks, errorsOf, NET, resolveEdited } from './resolve.helpers';

const base = NET.split('\n').length - 1; // lines of NET

describe('chains of equalities', () => {
  it('one link per later side, each against the first, on the line where its side begins', () => {
    const text = NET + 'check ∂L/∂o_3 = -2(y_3 - o_3)\ncheck x = 2(o_3 - y_3)\ncheck x = -2 y_3 + 2 o_3\n';
    const r = resolveEdited(text, (s) => chain(s, s.length - 3, 3));
    expect(errorsOf(r)).toEqual([]);
    const cs = checks(r);
    expect(cs.map((c) => [c.link, c.links, c.line])).toEqual([
      [1, 3, base + 1],
      [2, 3, base + 2],
      [3, 3, base + 3],
    ]);
    // every link has the same left side and the whole statement's range
    expect(cs.every((c) => c.lhs === cs[0]!.lhs)).toBe(true);
    expect(cs.map((c) => c.range.line)).toEqual([base + 1, base + 1, base + 1]);
    expect(cs[2]!.range.endLine).toBe(base + 3);
    expect(cs.map((c) => c.rhsRange.line)).toEqual([base + 1, base + 2, base + 3]);
    expect(cs[1]!.rhs.k).toBe('mul');
  });

  it('a side that does not resolve gets its diagnostic; the other links stand', () => {
    const text = NET + 'check ∂L/∂o_3 = -2(y_3 - o_3)\ncheck x = 2(o_3 - zz)\ncheck x = -2 y_3 + 2 o_3\n';
    const r = resolveEdited(text, (s) => chain(s, s.length - 3, 3));
    const e = errorsOf(r);
    expect(e.map((d) => [d.message, d.line])).toEqual([['unknown name zz', base + 2]]);
    expect(checks(r).map((c) => c.link)).toEqual([1, 3]);
    expect(checks(r).every((c) => c.links === 3)).toBe(true);
  });

  it('a side of another shape is refused at that side, naming both shapes', () => {
    const text = NET + 'check o_3 = o_3\ncheck x = [1, 2]\n';
    const r = resolveEdited(text, (s) => chain(s, s.length - 2, 2));
    // a scalar beside a vector is compared entry by entry, as before; a vector beside a matrix is refused
    expect(checks(r).map((c) => c.link)).toEqual([1, 2]);
    expect(errorsOf(r)).toHaveLength(0);
    const r2 = resolveEdited(NET + 'check [1, 2] = [1, 2]\ncheck x = [[1, 2], [3, 4]]\n', (s) => chain(s, s.length - 2, 2));
    expect(errorsOf(r2).map((d) => [d.message, d.line, d.column])).toEqual([
      ['shape mismatch: the left side is a vector of 2, side 3 of the chain a 2×2 matrix', base + 2, 11],
    ]);
    expect(checks(r2).map((c) => c.link)).toEqual([1]);
  });

  it('the tag is carried by every link; a plain check is link 1 of 1', () => {
    const text = NET + 'check ∂L/∂o_3 = -2(y_3 - o_3)\ncheck x = 2(o_3 - y_3)\ncheck o_1 = o_1\n';
    const r = resolveEdited(text, (s) => {
      const joined = chain(s, s.length - 3, 2);
      const i = joined.length - 2;
      joined[i] = { ...(joined[i] as never as object), tag: '12' } as never;
      return joined;
    });
    const cs = checks(r);
    expect(cs.map((c) => [c.link, c.links, c.tag])).toEqual([
      [1, 2, '12'],
      [2, 2, '12'],
      [1, 1, undefined],
    ]);
  });

  it('a free t in one link only makes only that link per-step', () => {
    const text = NET + 'check o_3 = o_3\ncheck x = Σ_t o_t - o_1 - o_2\ncheck x = o_t\n';
    const r = resolveEdited(text, (s) => chain(s, s.length - 3, 3));
    expect(checks(r).map((c) => [c.freeT, c.steps])).toEqual([
      [false, []],
      [false, []],
      [true, [1, 2, 3]],
    ]);
  });
});
