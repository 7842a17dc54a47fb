// Probe 44 (session 56): Mikolov, Joulin, Chopra, Mathieu & Ranzato's structurally constrained recurrent network (SCRN):
// the context s_t = (1 − α) B x_t + α s_{t−1} with a fixed α, h_t = σ(P s_t + A x_t + R h_{t−1}), y_t = f(U h_t + V s_t)
// (f = softmax, named once in the rnn block). It needed: αI and α^{T−t} I read (a scale times the bare I, sized by
// the other side; they were "unknown name I"), and a power of α one off named (powerHint; c2 gave two values).
import { describe, expect, it } from 'vitest';
import { read44 } from './read44';

describe('the SCRN’s backward pass', () => {
  const { r, v } = read44('scrn.md');
  it('the network, the context’s Jacobians and BPTT hold', () => {
    expect(r.checked).toBe(19);
    expect(r.skipped).toBe(0);
    for (const tag of ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']) expect(v[tag]!.status, tag).toBe('holds');
  });
  it('each mistake is named at its own equation', () => {
    for (const tag of ['c1', 'c2', 'c3', 'c4', 'c5', 'c6']) expect(v[tag]!.status, tag).toBe('fails');
    expect(v['c1']!.message).toMatch(/should be ∂L\/∂s_\{t\+1\}·∂⁺s_\{t\+1\}\/∂s_t: it leaves out the factor α/);
    expect(v['c2']!.message).toMatch(/α\^\(T − t \+ 1\) should be α\^\(T − t\): with that the check holds/);
    expect(v['c3']!.message).toMatch(/The right side is 20 times the left .*: a constant factor is wrong/);
    expect(v['c4']!.message).toMatch(/leaves out the path through h_t/);
    expect(v['c5']!.message).toMatch(/1 − h_t\^2 should be h_t ⊙ \(1 − h_t\)/);
    expect(v['c6']!.message).toMatch(/R should be Rᵀ: with that transpose the check holds/);
    // the one-step Jacobian written for the total: a warning that says what the total adds
    expect(v['c7']!.status).toBe('holds-as-one-step');
    expect(v['c7']!.message).toMatch(/the total derivative also counts the paths through other steps/);
  });
});
