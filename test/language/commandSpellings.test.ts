// Spellings a pasted solution uses that were "unknown LaTeX command" (read31): brackets written as commands
// (\lbrack … \rbrack, \lbrace … \rbrace), a product's dot as \cdotp, \centerdot or \bullet, and \hfill before a \tag.
import { describe, expect, it } from 'vitest';
import { lastCheck, SHEET7 } from './helpers';

describe('command spellings of brackets, dots and layout', () => {
  it.each([
    '-2 \\lbrack y_3 - o_3 \\rbrack',
    '-2 \\left\\lbrace y_3 - o_3 \\right\\rbrace',
    '-2 \\cdotp (y_3 - o_3)',
    '-2 \\centerdot (y_3 - o_3)',
    '(-2) \\bullet (y_3 - o_3)',
    '-2(y_3 - o_3) \\hfill \\tag{3}',
  ])('∂L/∂o_3 = %s holds', (rhs) => {
    expect(lastCheck(`${SHEET7}check ∂L/∂o_3 = ${rhs}`).status).toBe('holds');
  });

  it('a bracket still groups: a wrong side fails', () => {
    expect(lastCheck(`${SHEET7}check ∂L/∂o_3 = -2 \\lbrack y_3 + o_3 \\rbrack`).status).toBe('fails');
  });
});
