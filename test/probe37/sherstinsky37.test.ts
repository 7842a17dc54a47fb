// Probe 37 (session 50): Sherstinsky's canonical RNN (Fundamentals of RNN and LSTM, 2020) — steps in square brackets,
// s[n] = W_s s[n−1] + W_r r[n−1] + W_x x[n] + θ_s, r[n] = G(s[n]), ψ[n] = ∂E/∂s[n], χ[n] = ∂E/∂r[n], N the last step.
// Before: ψ[n] and χ[n] defined nothing (every equation "unknown name ψ"), χ[N] was N a free step, s^T[n−1] a product
// with a bracket: 12 of 14 equations unchecked.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution';
import { analyze } from '../../src/analysis';

const r = analyzeSolution(readFileSync(join(__dirname, 'fixtures', 'sherstinsky-rnn.md'), 'utf8'), 'markdown', { sidecar: null });
const v = Object.fromEntries(r.equations.map((e) => [e.tag, e]));

const NET = [
  'T = 3',
  'input x : 2 = [[0.5, -1], [1, 0.2], [-0.4, 0.9]]',
  'target d : 2 = [[0.3, -0.2], [0.1, 0.4], [-0.5, 0.2]]',
  'param W_s : 2x2 = [[0.5, -0.1], [0.2, 0.3]]',
  'param W_r : 2x2 = [[0.4, -0.6], [0.5, 0.3]]',
  'param W_x : 2x2 = [[0.7, -0.2], [0.1, 0.6]]',
  'param θ_s : 2 = [0.1, -0.2]',
  'G = tanh',
  's_0 = [0.2, -0.1]',
  'r_0 = [0.1, 0.3]',
  's_t = W_s s_{t-1} + W_r r_{t-1} + W_x x_t + θ_s',
  'r_t = G(s_t)',
  'E_t = 1/2 (r_t - d_t)^T (r_t - d_t)',
  'loss E = Σ_t E_t',
];
const run = (...lines: string[]) => analyze([...NET, ...lines].join('\n'));
const statuses = (...lines: string[]) => run(...lines).checks.map((c) => c.status);
const messages = (...lines: string[]) => run(...lines).checks.map((c) => c.message);

describe('Sherstinsky’s s[n], ψ[n], χ[n]', () => {
  it('every equation reads; the book’s formulas hold', () => {
    expect(r.skipped).toBe(0);
    expect(r.checked).toBe(14);
    for (const tag of ['1', '2', '3', '4', '5', '6', '7', '8', '9']) expect(v[tag]!.status, tag).toBe('holds');
    expect(v['5']!.message).toMatch(/holds for n = 1\.\.2/);
  });
  it('each mistake is named', () => {
    expect(v['m1']!.message).toMatch(/W_r should be W_rᵀ/);
    // the path left out, at the step n (it failed with the values only: n is no t)
    expect(v['m2']!.message).toMatch(/leaves out the path through s_\{n\+1\}: the term ∂E\/∂s_\{n\+1\}·∂⁺s_\{n\+1\}\/∂s_n/);
    // the term meant at the step n (it printed ∂E/∂r_1·∂⁺r_1/∂s_1)
    expect(v['m3']!.message).toMatch(/should be ∂E\/∂r_n·∂⁺r_n\/∂s_n: tanh′\(r_n\) should be tanh′\(s_n\)/);
    expect(v['m4']!.message).toMatch(/s_n should be s_\{n-1\}: with that step the check holds/);
    expect(v['m5']!.message).toMatch(/leaves out the path through s_\{n\+1\}: the term ∂E\/∂s_\{n\+1\}·∂⁺s_\{n\+1\}\/∂r_n/);
    for (const tag of ['m1', 'm2', 'm3', 'm4', 'm5']) expect(v[tag]!.status, tag).toBe('fails');
  });
  it('a name defined by a derivative with its step in square brackets, ψ[n] = ∂E/∂s[n], is read at each bracketed step', () => {
    expect(statuses('ψ[t] = ∂E/∂s[t]', "check ψ[t] = G'(s[t]) ⊙ (r[t] - d[t] + W_r^T ψ[t+1]) + W_s^T ψ[t+1]")).toEqual(['holds']);
    expect(statuses('ψ[n] = ∂E/∂s[n]', 'check ψ_3 = ∂E/∂s_3')).toEqual(['holds']);
  });
  it('a transpose before the bracketed step, s^T[n−1], is the transpose of s at that step', () => {
    expect(statuses('ψ[t] = ∂E/∂s[t]', 'check ∂E/∂W_s = Σ_{n=1}^{3} ψ[n] s^T[n-1]')).toEqual(['holds']);
  });
  it('N is the last step in every check of a file that sums up to N', () => {
    expect(statuses('ψ[t] = ∂E/∂s[t]', 'check ψ[N] = ∂E/∂s_3', 'check ∂E/∂θ_s = Σ_{n=1}^{N} ψ[n]')).toEqual(['holds', 'holds']);
    // alone, N stays a free step (Bishop's reading needs the Σ)
    expect(messages('ψ[t] = ∂E/∂s[t]', 'check ψ[N] = ∂E/∂s_3')[0]).toMatch(/N is read as a free step/);
  });
  it('n beside the file’s N is the running step: no "if n is the sequence’s length" hint', () => {
    const m = messages("check ∂E/∂s_n = G'(s_n) ⊙ ∂E/∂r_n", 'check ∂E/∂θ_s = Σ_{n=1}^{N} ∂E/∂s_n')[0]!;
    expect(m).not.toMatch(/sequence's length/);
    expect(m).toMatch(/leaves out the path through s_\{n\+1\}/);
    // without the file's N, the hint stays (Roelants's s_n, probe 30)
    expect(messages("check ∂E/∂s_n = G'(s_n) ⊙ ∂E/∂r_n")[0]).toMatch(/If n is the sequence's length/);
  });
});
