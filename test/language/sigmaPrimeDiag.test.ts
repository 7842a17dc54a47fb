// Nielsen's matrix form of BP1 and BP2 (eq. 33, 34): δ^L = Σ'(z^L) ∇_a C, Σ'(z) the square matrix with σ'(z_j) on its
// diagonal. `\Sigma'(…)` was "unknown LaTeX command \Sigma" (a Σ alone is refused: it would read as the sum); with a
// prime and a parenthesised argument it is diag(σ'(…)) — no sum has a prime (lexer.ts sigmaPrimeDiag).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { lex } from '../../src/language/lexer';

const FAST = { draws: 2, graph: false };
const NET = `T = 3
param w_t : 3x3
param b_t : 3
target y : 3 = [[0, 0, 0], [0, 0, 0], [1, 0, 1]]
a_0 = [0.5, -0.2, 0.8]
z_t = w_t a_{t-1} + b_t
a_t = σ(z_t)
loss C = 0.5 sum((a_T - y_T)^2)
δ_t = ∂C/∂z_t
`;

describe("Nielsen's Σ'(z)", () => {
  it('is diag(σ′(z)), with \\left( … \\right) and ^{\\prime} too', () => {
    const text = (s: string) =>
      lex(s)
        .tokens.filter((t) => t.kind !== 'newline' && t.kind !== 'eof')
        .map((t) => t.text)
        .join(' ');
    expect(text(String.raw`\Sigma'(z^L) v`)).toBe(text(String.raw`\operatorname{diag}(\sigma'(z^L)) v`));
    expect(text(String.raw`\Sigma'\left(z^{l}\right) W`)).toBe(text(String.raw`\operatorname{diag}(\sigma'\left(z^{l}\right)) W`));
    expect(text(String.raw`\Sigma^{\prime}((a + b) c)`)).toBe(text(String.raw`\operatorname{diag}(\sigma'((a + b) c))`));
    expect(lex(String.raw`\Sigma'(z^L) v`).errors).toEqual([]);
  });

  it('BP1 and BP2 in matrix form hold; the factors exchanged fail, named', () => {
    const r = analyze(
      `${NET}check δ^L = \\Sigma'(z^L) \\nabla_a C\ncheck δ^l = \\Sigma'(z^l) (w^{l+1})^T δ^{l+1}\ncheck δ^l = (w^{l+1})^T \\Sigma'(z^l) δ^{l+1}\n`,
      FAST,
    );
    expect(r.diagnostics.filter((d) => d.severity === 'error' && d.code !== 'check-fails')).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds', 'fails']);
    expect(r.checks[2]!.message).toMatch(/with its two factors in that order the check holds/);
  });

  it('a Σ alone, or with a prime and no argument, is refused as before', () => {
    expect(lex(String.raw`\Sigma v`).errors.map((e) => e.message)).toEqual(['unknown LaTeX command \\Sigma']);
    expect(lex(String.raw`\Sigma' v`).errors.map((e) => e.message)).toEqual(['unknown LaTeX command \\Sigma']);
  });
});
