// Accented names (LANGUAGE.md §1: \tilde{h}_t is h̃_t, \hat{y} is ŷ) print in LaTeX as the accent command
// around the letter — before, h̃ printed as h\text{̃}, a lone combining mark KaTeX cannot typeset, and every
// derivation of seed 001's network (h_t = σ(h̃_t)) failed to render in the panel.
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { nameCharsLatex } from '../src/display/latex';
import { nameLatex } from '../src/language/print';

describe('accented names in LaTeX', () => {
  it('a combining accent wraps the letter before it', () => {
    expect(nameCharsLatex('h\u0303')).toBe('\\tilde{h}');
    expect(nameCharsLatex('y\u0302')).toBe('\\hat{y}');
    expect(nameCharsLatex('δ\u0303')).toBe('\\tilde{\\delta}');
    expect(nameCharsLatex('c\u0303t')).toBe('\\tilde{c}t');
    expect(nameLatex('h\u0303', { v: 't', k: -1 })).toBe('\\tilde{h}_{t-1}');
  });

  it('typesets in KaTeX without errors', () => {
    for (const n of ['h\u0303', 'y\u0302', 'c\u0304', 'x\u0307']) {
      expect(() =>
        katex.renderToString(`\\frac{\\partial ${nameLatex(n, { v: null, k: 2 })}}{\\partial W}`, { throwOnError: true, strict: 'error' }),
      ).not.toThrow();
    }
  });
});
