// `\frac{\mathrm dL}{\mathrm dh_3}`: TeX's argument of an unbraced font command is one letter, an upright d before L.
// The lexer read the names dL and dh_3 (the loss's gradients, as code names them) and the check failed (read31).
import { describe, expect, it } from 'vitest';
import { lex } from '../../src/language/lexer';
import { lastCheck, SHEET7 } from './helpers';

const texts = (s: string) => lex(s).tokens.map((t) => t.text);

describe('an unbraced \\mathrm d', () => {
  it('is the differential d before the name it is run into', () => {
    expect(lastCheck(`${SHEET7}check \\frac{\\mathrm dL}{\\mathrm dW_hh} = ∂L/∂W_hh`).status).toBe('holds');
    expect(lastCheck(`${SHEET7}check \\frac{\\mathrm do_3}{\\mathrm dh_3} = ∂o_3/∂h_3`).status).toBe('holds');
    expect(lastCheck(`${SHEET7}check \\frac{\\mathrm dL}{\\mathrm dW_hh} = ∂L/∂W_xh`).status).toBe('fails');
  });

  it('leaves a function written after it whole, and other letters as the names they start', () => {
    expect(texts('\\mathrm diag(x)')).toEqual(['diag', '(', 'x', ')', '\n', '']);
    expect(texts('\\mathbf Wx')).toEqual(['Wx', '\n', '']);
  });
});
