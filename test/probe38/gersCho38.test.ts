// Probe 38 (session 51): Gers, Schmidhuber & Cummins (2000) in the paper's y^{in}(t), y^φ(t), s_c(t), net_c(t)
// notation, and Cho et al. (2014)'s gated unit per unit, h_j^{⟨t⟩} = z_j h_j^{⟨t−1⟩} + (1 − z_j) h̃_j^{⟨t⟩}.
// Fixed: the immediate partial of an entry, ∂⁺h_j^{⟨t⟩}/∂h_j^{⟨t−1⟩}, was 0 ("h_t[j] does not depend on h_{t−1}
// directly"): a correct equation failed, and a later mistake was said to carry it over.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution';
import { analyze } from '../../src/analysis';

const read = (f: string) => {
  const r = analyzeSolution(readFileSync(join(__dirname, 'fixtures', f), 'utf8'), 'markdown', { sidecar: null });
  return { r, v: Object.fromEntries(r.equations.map((e) => [e.tag, e])) };
};

describe('Gers, Schmidhuber & Cummins’s forget-gate LSTM', () => {
  const { r, v } = read('gers-forget-gate.md');
  it('the step in parentheses and the superscript names read; the exact backward pass holds', () => {
    expect(r.checked).toBe(11);
    for (const tag of ['2', '3', '5', '6', '7', '8']) expect(v[tag]!.status, tag).toBe('holds');
  });
  it('the truncated partial (≈) is said not checked; f_{in}, the gate’s own activation, is an unknown name', () => {
    expect(v['4']!.message).toMatch(/an approximation \(\\approx\) between expressions is no equality/);
    expect(v['1']!.message).toMatch(/unknown name f_in/);
  });
  it('each mistake is named', () => {
    expect(v['m1']!.message).toMatch(/y\^\{φ\}_t should be y\^\{φ\}_\{t\+1\}/);
    expect(v['m3']!.message).toMatch(/s_c\^t should be s_c\^\{t-1\}/);
    expect(v['m4']!.message).toMatch(/leaves out the factor y\^\{in\}_t/);
    // the truncated partial written with =: it fails, with its values only (left alone)
    for (const tag of ['m1', 'm2', 'm3', 'm4', 'm5']) expect(v[tag]!.status, tag).toBe('fails');
  });
});

describe('Cho et al.’s gated unit, per unit', () => {
  const { v } = read('cho-gru.md');
  it('the backward pass per unit holds, ∂⁺h_j^{⟨t⟩}/∂h_j^{⟨t−1⟩} = z_j^{⟨t⟩} among it', () => {
    for (const tag of ['5', '6', '7']) expect(v[tag]!.status, tag).toBe('holds');
  });
  it('each mistake is named, and none is said to carry a mistake of (7)', () => {
    expect(v['m1']!.message).toMatch(/z_t should be 1 − z_t: with that the check holds$/);
    expect(v['m2']!.message).toMatch(/a sign is wrong/);
    expect(v['m3']!.message).toMatch(/z_\{t-1\} should be z_t: with that step the check holds/);
  });
  it('left as they are: [W x]_j and a gate with its step unwritten (z_j)', () => {
    expect(v['1']!.status).toBe('skipped');
    expect(v['4']!.status).toBe('fails');
  });
});

describe('the immediate partial of an entry is the entry’s row of the immediate partial', () => {
  const NET = [
    'T = 3',
    'input x : 2 = [[1, -0.5], [0.3, 0.8], [-0.7, 0.2]]',
    'param W_z : 2x2 = [[-0.3, 0.6], [0.1, -0.4]]',
    'param U_z : 2x2 = [[-0.4, 0.2], [0.2, 0.1]]',
    'param W : 2x2 = [[0.4, 0.2], [-0.2, 0.1]]',
    'param U : 2x2 = [[0.5, -0.3], [0.1, 0.2]]',
    'h_0 = [0.1, -0.2]',
    'z_t = σ(W_z x_t + U_z h_{t-1})',
    '\\tilde{h}_t = tanh(W x_t + U h_{t-1})',
    'h_t = z_t ⊙ h_{t-1} + (1 - z_t) ⊙ \\tilde{h}_t',
    'loss L = Σ_t h_t^T h_t',
  ];
  const run = (...lines: string[]) => analyze([...NET, ...lines].join('\n'));
  it('∂⁺h_t[j]/∂h_{t−1}[j] = z_t[j] holds, in every spelling; a wrong step fails naming it', () => {
    const a = run(
      'check ∂^+h_t[j]/∂h_{t-1}[j] = z_t[j]',
      'check ∂^+h_j^{⟨t⟩}/∂h_j^{⟨t-1⟩} = z_j^{⟨t⟩}',
      'check ∂^+h_t[1]/∂h_{t-1} = [z_t[1], 0]',
      'check ∂^+h_t[j]/∂h_{t-1}[j] = z_{t-1}[j]',
    );
    expect(a.checks.map((c) => c.status)).toEqual(['holds', 'holds', 'holds', 'fails']);
    expect(a.checks[3]!.message).toMatch(/z_\{t-1\} should be z_t/);
    expect(a.diagnostics.some((d) => /does not depend on h_\{t-1\} directly/.test(d.message))).toBe(false);
  });
  it('an entry that h_{t−1} does not reach directly is still 0', () => {
    const a = run('check ∂^+h_t[1]/∂x_t = [0, 0]');
    expect(a.checks.map((c) => c.status)).toEqual(['holds']);
  });
});
