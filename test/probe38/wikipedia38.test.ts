// Probe 38 (session 51): Wikipedia's "Long short-term memory" (σ_g, σ_c, σ_h named on lines of their own, ∘ for the
// Hadamard product, the peephole LSTM with U_q on c_{t−1}) and "Backpropagation through time" / "Vanishing gradient
// problem" (∏ diag(σ'(…)) W, the norm bound (γ‖W‖)^k). Everything reads; nothing to fix.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution';

const read = (f: string) => {
  const r = analyzeSolution(readFileSync(join(__dirname, 'fixtures', f), 'utf8'), 'markdown', { sidecar: null });
  return { r, v: Object.fromEntries(r.equations.map((e) => [e.tag, e])) };
};

describe('Wikipedia’s LSTM and peephole LSTM', () => {
  const { r, v } = read('wikipedia-lstm.md');
  it('σ_g, σ_c, σ_h and ∘ read; the article’s equations and the derivation hold', () => {
    expect(r.skipped).toBe(0);
    for (const tag of ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', 'P1', 'P2']) expect(v[tag]!.status, tag).toBe('holds');
  });
  it('each mistake is named', () => {
    expect(v['m1']!.message).toMatch(/it has σ' where h_t's equation needs tanh'/);
    expect(v['m2']!.message).toMatch(/tanh′\(c̃_t\) should be tanh′\(W_c x_t \+ U_c h_\{t-1\} \+ b_c\)/);
    expect(v['m3']!.message).toMatch(/it leaves out the factor i_t/);
    expect(v['m4']!.message).toMatch(/c_t should be c_\{t-1\}: with that step the check holds/);
    expect(v['m5']!.message).toMatch(/f_t should be f_\{t\+1\}/);
    // the peepholes left out: the three gates of the next step named
    expect(v['Pm1']!.message).toMatch(/leaves out the paths through f_\{t\+1\}, i_\{t\+1\} and o_\{t\+1\}/);
  });
});

describe('Wikipedia’s BPTT and the vanishing gradient', () => {
  const { r, v } = read('wikipedia-vanishing.md');
  it('the one-step Jacobian, the product, the bound and BPTT’s sum hold; γ = 1 is a definition', () => {
    expect(r.checked).toBe(14);
    expect(r.skipped).toBe(1); // γ = 1, said to be a definition
    for (const tag of ['1', '2', '3', '4', '5', '6', '7']) expect(v[tag]!.status, tag).toBe('holds');
  });
  it('each mistake is named', () => {
    expect(v['m1']!.message).toMatch(/W diag\(1 − x_t\^2\) should be diag\(1 − x_t\^2\) W/);
    expect(v['m2']!.message).toMatch(/Wᵀ should be W/);
    expect(v['m3']!.message).toMatch(/x_2 and x_1 should be x_3 and x_2/);
    expect(v['m5']!.message).toMatch(/leaves out the path through x_\{t\+1\}/);
    expect(v['m6']!.message).toMatch(/1 − x_t should be 1 − x_t\^2/);
    // γ written twice in one file: the second is a claim about the first (left alone, docs/language-notes.md)
    expect(v['m4']!.status).toBe('fails');
  });
});
