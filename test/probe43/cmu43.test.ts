// Probe 43 (session 55): Bhiksha Raj's BPTT lecture (CMU 11-785) — Div as the loss, steps in parentheses (X(t), H(t−1)),
// row-vector gradients standing left of the matrices that carry them back (∇_{Z(t+1)}Div W_r), and the Jacobian written
// with ∇ (∇_{O(t)}Div = ∇_{Y(t)}Div ∇_{O(t)}Y(t): it was "∇_B A is the gradient of a scalar A … write ∂A/∂B"; now read
// as ∂Y/∂O, numerator layout, with an information). 11-785's ∇_W Div = Σ_t H(t−1) ∇_{Z(t)}Div is laid out in Wᵀ's
// shape; the language's ∇_W has W's (LANGUAGE.md §4), so (9)–(11) fail, and the message names that layout.
import { describe, expect, it } from 'vitest';
import { read43 } from './read43';

describe('11-785’s BPTT', () => {
  const { r, v } = read43('cmu-bptt.md');
  it('every equation reads; the forward, the output’s and the hidden layer’s row gradients hold', () => {
    expect(r.checked).toBe(16);
    expect(r.skipped).toBe(0);
    for (const tag of ['1', '2', '3', '4', '5', '6', '7', '8']) expect(v[tag]!.status, tag).toBe('holds');
  });
  it('∇ of a vector is its Jacobian, said so', () => {
    const said = r.diagnostics.filter((d) => /∇ of the vector Y_t is read as its Jacobian ∂Y_t\/∂O_t/.test(d.message));
    expect(said.length).toBe(1);
  });
  it('the weights’ gradients in Wᵀ’s shape fail, naming 11-785’s layout and what to write', () => {
    for (const tag of ['9', '10', '11']) expect(v[tag]!.status, tag).toBe('fails');
    expect(v['9']!.message).toMatch(
      /written with the gradient first and the other factor transposed, ∂Div\/∂O_t H_tᵀ \(H_t ∂Div\/∂O_t, a column times the gradient as a row, is 11-785's ∇_W/,
    );
    expect(v['10']!.message).toMatch(
      /∂Div\/∂Z_t H_\{t-1\}ᵀ \(a 2×2 matrix; H_\{t-1\} ∂Div\/∂Z_t, a column times the gradient as a row, is 11-785's ∇_W/,
    );
  });
  it('each mistake is named at its own equation', () => {
    for (const tag of ['m1', 'm2', 'm3', 'm4', 'm5']) expect(v[tag]!.status, tag).toBe('fails');
    expect(v['m1']!.message).toMatch(/leaves out the path through Z_\{t\+1\}/);
    expect(v['m2']!.message).toMatch(/∂Div\/∂Z_t should be ∂Div\/∂Z_\{t\+1\}: with that step the check holds/);
    expect(v['m3']!.message).toMatch(/H_t ⊙ \(1 − H_t\) should be 1 − H_t\^2 \(that is σ's slope/);
    expect(v['m4']!.message).toMatch(/the opposite sign: a sign is wrong/);
    expect(v['m5']!.message).toMatch(/∂Div\/∂Z_t H_tᵀ/);
  });
});
