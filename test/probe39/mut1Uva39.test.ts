// Probe 39 (session 53): Jozefowicz, Zaremba & Sutskever's MUT1 (2015), the mutated GRU whose update gate reads the
// input alone, and the University of Amsterdam's Deep Learning 1 lecture on BPTT in its c_t notation (the double sum
// Σ_t Σ_{k=1}^{t}, ∂c_t/∂c_k = ∏_{j=k+1}^{t} ∂c_j/∂c_{j−1}). Both read whole as printed; pinned here, every mistake
// named. The paper's MUT1, with its gates' step unwritten, is refused saying to write the step.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution';

const read = (f: string) => {
  const r = analyzeSolution(readFileSync(join(__dirname, 'fixtures', f), 'utf8'), 'markdown', { sidecar: null });
  return { r, v: Object.fromEntries(r.equations.map((e) => [e.tag, e])) };
};

describe('Jozefowicz et al.’s MUT1', () => {
  const { r, v } = read('jozefowicz-mut1.md');
  it('the course’s indexing and the backward pass hold; the paper’s unwritten steps are said', () => {
    expect(r.checked).toBe(12);
    for (const tag of ['1', '2', '3', '4', '5', '6', '7']) expect(v[tag]!.status, tag).toBe('holds');
    expect(v['P1']!.message).toMatch(/z is a sequence: write z_t/);
    expect(v['P2']!.message).toMatch(/r is a sequence: write r_t/);
  });
  it('each mistake is named', () => {
    for (const tag of ['u1', 'u2', 'u3', 'u4', 'u5']) expect(v[tag]!.status, tag).toBe('fails');
    expect(v['u1']!.message).toMatch(/the opposite sign: a sign is wrong/);
    expect(v['u2']!.message).toMatch(/leaves out the path through r_t: the term ∂h_t\/∂r_t·∂⁺r_t\/∂h_\{t-1\}/);
    expect(v['u3']!.message).toMatch(/leaves out the factor z_t: with that the check holds/);
    expect(v['u4']!.message).toMatch(/h̃_t ⊙ \(1 − h̃_t\) should be 1 − h̃_t\^2 \(that is σ's slope/);
    expect(v['u5']!.message).toMatch(/∂h_\{t\+1\}\/∂h_t should be \(∂h_\{t\+1\}\/∂h_t\)ᵀ: with that transpose the check holds/);
  });
});

describe('UvA Deep Learning 1’s BPTT', () => {
  const { r, v } = read('uva-bptt.md');
  it('the double sum, the product of Jacobians and the output gradient hold', () => {
    expect(r.checked).toBe(13);
    expect(r.skipped).toBe(0);
    for (const tag of ['1', '2', '3', '4', '5', '6', '7']) expect(v[tag]!.status, tag).toBe('holds');
  });
  it('each mistake is named', () => {
    for (const tag of ['g1', 'g2', 'g3', 'g4', 'g5']) expect(v[tag]!.status, tag).toBe('fails');
    expect(v['g1']!.message).toMatch(/The ∏ over j on the right side \(j = k\.\.t\) has one term too many, j = k/);
    expect(v['g2']!.message).toMatch(/The Σ over k on the right side \(k = 1\.\.t−1\) leaves out its last term k = t/);
    expect(v['g3']!.message).toMatch(/c_\{j-1\} should be c_j: with that step the check holds/);
    expect(v['g4']!.message).toMatch(/c_j ⊙ \(1 − c_j\) should be 1 − c_j\^2 \(that is σ's slope/);
    expect(v['g5']!.message).toMatch(/c_\{t-1\} should be c_t: with that step the check holds/);
    expect(v['g6']!.status).toBe('holds-as-one-step');
    expect(v['g6']!.message).toMatch(/with ∂c_k\/∂W read as one-step derivative/);
  });
});
