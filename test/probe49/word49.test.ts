// Probe 49 (session 58): a solution typed in Word's equation editor. Part A in Word's UnicodeMath linear format —
// `tanh⁡(…)` with the invisible function application U+2061, `(∂L)/(∂W_hh )`, `h_(t−1)`, `∑_(t=1)^T▒〖…〗`, `σ^′`,
// `tanh^′`, and Word's equation numbers `#(n)`; part B through Word's "Copy as LaTeX" (`\sum_{t=1}^{T}{…}`,
// `\left(…\right)`, `\mathrm{tanh}^\prime`, `{h_t}^2`). Before: 9 of 23 read — "unexpected character U+2061 (a control
// character)", "expected '/' in ∂A/∂B, found ')'" (▒ and 〖〗 next), and `#(n)`, read as a comment, gave no label. It
// needed the invisible operators and ▒ read as layout, 〖 〗 as a group (lexer.ts), `(∂A)/(∂B)` as ∂A/∂B
// (parser.ts parenDerivative), `#(n)` as the label (display.ts), and m5's ∂h_t/∂W_hh for ∂L/∂h_t named
// (engine/check/lossFactor.ts).
import { describe, expect, it } from 'vitest';
import { read49 } from './read49';

describe('Word’s linear format and its LaTeX', () => {
  const { r, v } = read49('word-equations.md');
  it('every equation reads, labelled by its #(n), and the correct ones hold', () => {
    expect(r.checked).toBe(23);
    expect(r.skipped).toBe(0);
    for (let n = 1; n <= 15; n++) expect(v[String(n)]!.status, String(n)).toBe('holds');
  });
  it('each mistake is named at its own equation', () => {
    for (let n = 1; n <= 8; n++) expect(v[`m${n}`]!.status, `m${n}`).toBe('fails');
    expect(v['m1']!.message).toMatch(/leaves out the factor σ′\(V h_t\): with that the check holds/);
    expect(v['m2']!.message).toMatch(/σ' should be tanh': with that derivative the check holds/);
    expect(v['m3']!.message).toMatch(/leaves out its first term t = 1/);
    expect(v['m4']!.message).toMatch(/it has the wrong sign/);
    expect(v['m5']!.message).toMatch(/∂h_t\/∂W_hh should be ∂L\/∂h_t: with that factor the check holds/);
    expect(v['m6']!.message).toMatch(/The first h_\{t-1\} should be h_t: with that step the check holds/);
    expect(v['m7']!.message).toMatch(/leaves out the factor x_t/);
    expect(v['m8']!.message).toMatch(/has one term too many, k = 1/);
  });
});
