// A name written with a braced subscript that is part of it (W_{xh}, as seeds and textbooks write weights)
// has a range that covers the whole name: the editor's tokens, hovers and renames take all of W_{xh}, not
// only its W (before, the occurrence of W_{hh} in an equation was one character long).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const TEXT =
  'T = 2\ninput x = [1, 2]\nparam W_xh = 0.5\nparam W_hh = 0.3\nh_0 = 0\nh_t = tanh(W_{xh}x_t + W_{hh} h_{t-1})\nloss L = Σ_t h_t\n';

describe('the range of a name with a braced subscript', () => {
  it('covers the braces: W_{xh} and W_{hh} in the equation', () => {
    const r = analyze(TEXT);
    const line = TEXT.split('\n')[5]!;
    const uses = r.symbols.filter((s) => s.line === 6 && s.name.startsWith('W_'));
    expect(uses.map((s) => line.slice(s.column - 1, s.endColumn - 1))).toEqual(['W_{xh}', 'W_{hh}']);
  });

  it('a time index stays outside the name: h_{t-1} is h', () => {
    const r = analyze(TEXT);
    const line = TEXT.split('\n')[5]!;
    const h = r.symbols.filter((s) => s.line === 6 && s.name === 'h' && s.role === 'use');
    expect(h.map((s) => line.slice(s.column - 1, s.endColumn - 1))).toEqual(['h']);
  });
});
