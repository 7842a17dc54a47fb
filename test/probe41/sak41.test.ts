// Probe 41 (session 54): Sak, Senior & Beaufays's LSTMP (2014), the LSTM with a recurrent projection r_t = W_rm m_t,
// with peepholes, and the gradients of the projection. Everything read and held from the start; the outer product
// written with the projection's output where its input belongs said only the two shapes, and now names the factor and
// what W_rm multiplies (resolve/outerFactor.ts).
import { describe, expect, it } from 'vitest';
import { read41 } from './read41';

describe('Sak et al.’s LSTMP', () => {
  const { r, v } = read41('sak-lstmp.md');
  it('the forward pass and the projection’s gradients hold', () => {
    expect(r.checked).toBe(16);
    expect(r.skipped).toBe(0);
    for (const tag of ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']) expect(v[tag]!.status, tag).toBe('holds');
  });
  it('each mistake is named at its own equation', () => {
    for (const tag of ['s1', 's2', 's3', 's4', 's5', 's6']) expect(v[tag]!.status, tag).toBe('fails');
    expect(v['s1']!.message).toMatch(/leaves out the paths through c_\{t\+1\}, i_\{t\+1\}, f_\{t\+1\} and o_\{t\+1\}/);
    expect(v['s2']!.message).toMatch(/W_rmᵀ \(3×2 matrix\) fits \(a transpose missing\?\)\. With W_rmᵀ for W_rm: holds/);
    expect(v['s3']!.message).toMatch(
      /in the outer product ∂E\/∂r_t r_tᵀ, r_t \(a vector of 2\) stands where W_rm's gradient needs a vector of 3: what W_rm multiplies in r's equation, m_t/,
    );
    expect(v['s4']!.message).toMatch(/tanh\(o_t\) should be σ′\(W_ox x_t \+ W_or r_\{t-1\} \+ w_oc ⊙ c_t \+ b_o\)/);
    expect(v['s5']!.message).toMatch(/∂o_\{t\+1\}\/∂r_t is the total derivative: it also counts the path through c_\{t\+1\}/);
    expect(v['s6']!.message).toMatch(/which also counts the paths through c_t/);
  });
});
