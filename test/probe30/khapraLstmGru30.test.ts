// Probe 30 (session 46): Khapra's CS7015 lecture 15, the LSTM (o_t, i_t, f_t with W_o, U_o, b_o …, s̃_t =
// σ(W h_{t−1} + U x_t + b), s_t = f_t ⊙ s_{t−1} + i_t ⊙ s̃_t, h_t = o_t ⊙ σ(s_t)) and the GRU (s̃_t = σ(W(o_t ⊙ s_{t−1})
// + U x_t + b), s_t = (1 − i_t) ⊙ s_{t−1} + i_t ⊙ s̃_t), with the lecture's point that the cell's own path carries
// diag(f_t) (diag(1 − i_t) in the GRU), and a student's backward pass in the same names. Everything reads; nothing to fix.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution';

const r = analyzeSolution(readFileSync(join(__dirname, 'fixtures', 'khapra-lstm-gru.md'), 'utf8'), 'markdown', { sidecar: null });
const v = Object.fromEntries(r.equations.map((e) => [e.tag, e]));

describe('Khapra, CS7015 lecture 15: the LSTM and the GRU', () => {
  it('the correct formulas hold', () => {
    for (const tag of ['L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'G1', 'G2', 'G3', 'G4']) expect(v[tag]!.status, tag).toBe('holds');
  });
  it('∂s_t/∂s_{t−1} = diag(f_t), the cell’s own path only, holds as a one-step derivative, saying what the total adds', () => {
    expect(v.LM1!.status).toBe('holds-as-one-step');
    expect(v.LM1!.message).toMatch(/the total derivative also counts the paths through other steps/);
  });
  it('the mistakes fail, naming the culprit', () => {
    const msg = (tag: string) => {
      expect(v[tag]!.status, tag).toBe('fails');
      return v[tag]!.message;
    };
    expect(msg('LM2')).toMatch(/f_\{t-1\} should be f_t: with that step the check holds/);
    expect(msg('LM3')).toMatch(/f_t should be f_\{t\+1\}: with that step the check holds/);
    expect(msg('LM4')).toMatch(/it leaves out the factor σ'\(s_t\)/);
    expect(msg('LM5')).toMatch(/h_t should be h_\{t-1\}: with that step the check holds/);
    expect(msg('LM6')).toMatch(/h_\{t-1\} should be h_\{t-1\}ᵀ/);
    expect(msg('GM1')).toMatch(/i_t should be 1 − i_t: with that the check holds/);
    expect(msg('GM2')).toMatch(/it has the wrong sign/);
    expect(msg('GM3')).toMatch(/1 − i_t should be i_t/);
  });
});
