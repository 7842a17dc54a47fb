// Probe 38 (session 51): Gers, Schmidhuber & Cummins (2000) in the paper's y^{in}(t), y^φ(t), s_c(t), net_c(t)
// notation, and Cho et al. (2014)'s gated unit per unit, h_j^{⟨t⟩} = z_j h_j^{⟨t−1⟩} + (1 − z_j) h̃_j^{⟨t⟩}.
// Fixed: the immediate partial of an entry, ∂⁺h_j^{⟨t⟩}/∂h_j^{⟨t−1⟩}, was 0 ("h_t[j] does not depend on h_{t−1}
// directly"): a correct equation failed, and a later mistake was said to carry it over. The step in angle brackets
// under a name (h_{⟨t−1⟩}) and the entry of a value in square brackets ([W_r x]_j) did not read; z_j beside h_j^{⟨t⟩}
// was z at step j, and the check failed "the shapes differ". Gers's f_{in} = σ was "expected the argument of σ".
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
  it('the step in parentheses, the superscript names and f_{in} read; the exact backward pass holds', () => {
    expect(r.checked).toBe(13);
    expect(r.skipped).toBe(1);
    for (const tag of ['1', '2', '3', '5', '6', '7', '8', '9']) expect(v[tag]!.status, tag).toBe('holds');
  });
  it('the truncated partial (≈) is said not checked', () => {
    expect(v['4']!.message).toMatch(/an approximation \(\\approx\) between expressions is no equality/);
  });
  it('each mistake is named', () => {
    expect(v['m1']!.message).toMatch(/y\^\{φ\}_t should be y\^\{φ\}_\{t\+1\}/);
    expect(v['m3']!.message).toMatch(/s_c\^t should be s_c\^\{t-1\}/);
    expect(v['m4']!.message).toMatch(/leaves out the factor y\^\{in\}_t/);
    // h' as 1 − y^c(t)², y^c = y^{out} h(s_c) no tanh (it was said off by its values only)
    expect(v['m2']!.message).toMatch(/1 − \(y\^\{c\}_t\)\^2 should be 1 − tanh\(s_c\^t\)\^2 \(y\^\{c\}_t is tanh\(s_c\^t\) times a gate/);
    for (const tag of ['m1', 'm2', 'm3', 'm4', 'm5']) expect(v[tag]!.status, tag).toBe('fails');
    // the truncated partial written with =: the paths it cuts, through the step before's output (session 53: its values only)
    expect(v['m5']!.message).toMatch(
      /leaves out the paths through y\^\{c\}_\{t-1\}: the term ∂s_c\^t\/∂y\^\{c\}_\{t-1\}·∂y\^\{c\}_\{t-1\}\/∂v_in$/,
    );
  });
});

describe('a gate’s activation named with its word under it, f_{in} = σ', () => {
  const NET = [
    'T = 3',
    'input x = [0.5, -0.8, 0.3]',
    'param v_{in} = 0.4',
    'param w_{in} = -0.3',
    'f_{in} = σ',
    'y^c(0) = 0.1',
    'net_{in}(t) = v_{in} x(t) + w_{in} y^c(t-1)',
    'y^{in}(t) = f_{in}(net_{in}(t))',
    'y^c(t) = tanh(y^{in}(t))',
    'loss E = Σ_t y^c(t)',
  ];
  const run = (...lines: string[]) => analyze([...NET, ...lines].join('\n'));
  it('is σ, f_{in}′ and f′_{in} its derivative', () => {
    const a = run(
      'check y^{in}(t) = σ(net_{in}(t))',
      "check ∂y^{in}(t)/∂net_{in}(t) = f_{in}'(net_{in}(t))",
      "check ∂y^{in}(t)/∂net_{in}(t) = f'_{in}(net_{in}(t))",
      'check ∂y^{in}(t)/∂net_{in}(t) = f_{in}(net_{in}(t))',
    );
    expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(a.checks.map((c) => c.status)).toEqual(['holds', 'holds', 'holds', 'fails']);
    expect(a.checks[3]!.message).toMatch(/σ\(net_in\^t\) should be σ′\(net_in\^t\)/);
  });
});

describe('Cho et al.’s gated unit, per unit', () => {
  const { r, v } = read('cho-gru.md');
  it('the step in angle brackets under the name, [W x]_j, and the backward pass per unit read and hold', () => {
    expect(r.checked).toBe(10);
    for (const tag of ['1b', '3b', '4b', '5', '6', '7']) expect(v[tag]!.status, tag).toBe('holds');
  });
  it('each mistake is named, and none is said to carry a mistake of (7)', () => {
    expect(v['m1']!.message).toMatch(/z_t should be 1 − z_t: with that the check holds$/);
    expect(v['m2']!.message).toMatch(/a sign is wrong/);
    expect(v['m3']!.message).toMatch(/z_\{t-1\} should be z_t: with that step the check holds/);
    expect(v['m4']!.message).toMatch(/The second W_r should be U_r/);
  });
  it('the paper’s unwritten steps are refused, saying what to write', () => {
    for (const tag of ['1', '2', '3']) expect(v[tag]!.message, tag).toMatch(/x is a sequence: write x_t/);
    // z_j beside h_j^{⟨t⟩}: it failed "the shapes differ", z_j read as z at step j
    expect(v['4']!.status).toBe('skipped');
    expect(v['4']!.message).toMatch(
      /the free index j picks an entry \(h_t\[j\]\) and is the step of z_j: a letter is one or the other — where j is the unit, write the step too \(z_\{t,j\}, z_j\^\{⟨t⟩\}\)/,
    );
  });
});

/** Cho et al.'s GRU as a network block, for their equations pasted into check lines */
const CHO_NET = [
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
const runCho = (...lines: string[]) => analyze([...CHO_NET, ...lines].join('\n'));

describe('Cho et al.’s notation pasted into check lines', () => {
  it('the step in angle brackets under a name is its step, as h_{(t−1)}', () => {
    const a = runCho(
      'check z_t = σ(W_z x_t + U_z h_{⟨t-1⟩})',
      'check z_t = σ(W_z x_t + U_z h_{\\langle t-1 \\rangle})',
      'check z_t = σ(W_z x_t + U_z h_{⟨t⟩})',
    );
    expect(a.checks.map((c) => c.status)).toEqual(['holds', 'holds', 'fails']);
    expect(a.checks[2]!.message).toMatch(/h_t should be h_\{t-1\}/);
  });
  it('[W x]_j is the entry j of the bracketed value, as (W x)_j; a literal in brackets is not', () => {
    const a = runCho('check z_t[j] = σ([W_z x_t]_j + \\left[U_z h_{t-1}\\right]_{j})', 'check z_t[1] = σ([W_z x_t]_1 + [U_z h_{t-1}]_1)');
    expect(a.checks.map((c) => c.status)).toEqual(['holds', 'holds']);
    const b = runCho('check [1, 2]_j = [1, 2]');
    expect(b.checks).toEqual([]);
  });
  it('a free letter that picks an entry and is a step is refused; either use alone reads', () => {
    const a = runCho('check h_j^{⟨t⟩} = z_j h_j^{⟨t-1⟩} + (1 - z_j) \\tilde{h}_j^{⟨t⟩}');
    expect(a.checks).toEqual([]);
    expect(a.diagnostics.some((d) => /the free index j picks an entry \(h_t\[j\]\) and is the step of z_j/.test(d.message))).toBe(true);
    expect(runCho('check h_j^{⟨t⟩} = z_j^{⟨t⟩} h_j^{⟨t-1⟩} + (1 - z_j^{⟨t⟩}) \\tilde{h}_j^{⟨t⟩}').checks.map((c) => c.status)).toEqual([
      'holds',
    ]);
    expect(runCho('check h_k = z_k ⊙ h_{k-1} + (1 - z_k) ⊙ \\tilde{h}_k').checks.map((c) => c.status)).toEqual(['holds']);
  });
});

describe('the immediate partial of an entry is the entry’s row of the immediate partial', () => {
  it('∂⁺h_t[j]/∂h_{t−1}[j] = z_t[j] holds, in every spelling; a wrong step fails naming it', () => {
    const a = runCho(
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
    const a = runCho('check ∂^+h_t[1]/∂x_t = [0, 0]');
    expect(a.checks.map((c) => c.status)).toEqual(['holds']);
  });
});
