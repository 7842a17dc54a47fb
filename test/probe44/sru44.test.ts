// Probe 44 (session 56): Lei, Zhang, Wang, Dai & Artzi's simple recurrent unit (SRU), its forget gate reading the old
// cell through v_f ⊙ c_{t−1}, the highway h_t = r_t ⊙ c_t + (1 − r_t) ⊙ x_t, the cell's Jacobian (direct and through
// f_t) and the backward pass, in the paper's bold letters. Read and judged as written: nothing needed changing. Left
// alone: the difference reversed in ∂L/∂v_f (s4), which makes the whole side its negative, says "a sign is wrong"
// without pointing at (W x_t − c_{t−1}).
import { describe, expect, it } from 'vitest';
import { read44 } from './read44';

describe('the SRU’s backward pass', () => {
  const { r, v } = read44('sru.md');
  it('the unit, its Jacobians and BPTT hold', () => {
    expect(r.checked).toBe(19);
    expect(r.skipped).toBe(0);
    for (const tag of ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13']) expect(v[tag]!.status, tag).toBe('holds');
  });
  it('each mistake is named at its own equation', () => {
    for (const tag of ['s1', 's2', 's3', 's4', 's5', 's6']) expect(v[tag]!.status, tag).toBe('fails');
    expect(v['s1']!.message).toMatch(/is the immediate partial ∂⁺c_t\/∂c_\{t-1\}.*also counts the paths through f_t/);
    expect(v['s2']!.message).toMatch(/leaves out the path through r_\{t\+1\}/);
    expect(v['s3']!.message).toMatch(/f_t should be 1 − f_t: with that the check holds/);
    expect(v['s4']!.message).toMatch(/The right side is the left side with the opposite sign: a sign is wrong/);
    expect(v['s5']!.message).toMatch(/c_t should be c_\{t-1\}: with that step the check holds/);
    expect(v['s6']!.message).toMatch(/The term diag\(\(c_1 − x_1\) ⊙ r_1 ⊙ \(1 − r_1\) ⊙ v_r\) is no path from c_1 to h_1/);
  });
});
