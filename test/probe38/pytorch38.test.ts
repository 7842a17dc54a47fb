// Probe 38 (session 51): PyTorch's nn.LSTM, nn.RNN and nn.GRU documentation equations (W_{ii}, b_{ii} + b_{hi}, the
// row form x_t W_{ih}^T, `*` for the Hadamard product) with a student's hand-derived backward pass. Everything reads;
// every correct equation holds. Fixed: tanh's slope written with the LSTM's output, 1 − h_t² (h_t = o_t ⊙ tanh(c_t)),
// was said off by its values; it is named, 1 − tanh(c_t)².
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution';
import { analyze } from '../../src/analysis';

const read = (f: string) => {
  const r = analyzeSolution(readFileSync(join(__dirname, 'fixtures', f), 'utf8'), 'markdown', { sidecar: null });
  return { r, v: Object.fromEntries(r.equations.map((e) => [e.tag, e])) };
};

describe('PyTorch’s nn.LSTM', () => {
  const { r, v } = read('pytorch-lstm.md');
  it('the documentation’s equations (⊙ and the older `*`) and the hand derivation hold', () => {
    expect(r.skipped).toBe(0);
    for (let k = 1; k <= 16; k++) expect(v[String(k)]!.status, String(k)).toBe('holds');
  });
  it('each mistake is named', () => {
    expect(v['m1']!.message).toMatch(/f_t should be f_\{t\+1\}: with that step the check holds/);
    // tanh' as 1 − h_t², h_t = o_t ⊙ tanh(c_t) no tanh: it named the term with its values only
    expect(v['m2']!.message).toMatch(
      /1 − h_t\^2 should be 1 − tanh\(c_t\)\^2 \(h_t is tanh\(c_t\) times a gate, no tanh: tanh' is 1 − tanh² of the tanh's own value\): with that the check holds/,
    );
    expect(v['m3']!.message).toMatch(/leaves out the path through c_\{t\+1\}/);
    expect(v['m4']!.message).toMatch(/A Σ_t is missing/);
    expect(v['m5']!.message).toMatch(/h_\{t-1\} should be h_\{t-1\}ᵀ/);
    expect(v['m6']!.message).toMatch(/should be σ\(W_if x_t \+ b_if \+ W_hf h_\{t-1\} \+ b_hf\)/);
    for (const tag of ['m1', 'm2', 'm3', 'm4', 'm5', 'm6']) expect(v[tag]!.status, tag).toBe('fails');
  });
});

describe('PyTorch’s nn.RNN', () => {
  const { r, v } = read('pytorch-rnn.md');
  it('the page’s row form x_t W_ihᵀ + h_{t−1} W_hhᵀ and the column-vector derivation hold', () => {
    expect(r.skipped).toBe(0);
    for (const tag of ['1', '2', '3', '4', '5']) expect(v[tag]!.status, tag).toBe('holds');
  });
  it('each mistake is named', () => {
    expect(v['r1']!.message).toMatch(/W_hh should be W_hhᵀ/);
    expect(v['r2']!.message).toMatch(/h_\{t-1\} should be h_t: with that step the check holds/);
    expect(v['r3']!.message).toMatch(/A Σ_t is missing/);
    expect(v['r4']!.message).toMatch(/1 − h_t should be 1 − h_t\^2 \(tanh' is 1 − tanh², the square is missing\)/);
    expect(v['r5']!.message).toMatch(/immediate partial ∂⁺L\/∂h_t .* not the total derivative ∂L\/∂h_t/);
  });
});

describe('PyTorch’s nn.GRU', () => {
  const { r, v } = read('pytorch-gru.md');
  it('the documentation’s equations, the older `*`, and the backward pass hold', () => {
    expect(r.skipped).toBe(0);
    for (let k = 1; k <= 12; k++) expect(v[String(k)]!.status, String(k)).toBe('holds');
  });
  it('each mistake is named', () => {
    expect(v['m1']!.message).toMatch(/z_t should be 1 − z_t/);
    expect(v['m2']!.message).toMatch(/it has the wrong sign/);
    expect(v['m3']!.message).toMatch(/leaves out the factor r_t/);
    expect(v['m4']!.message).toMatch(/The factor r_t should not be there/);
    expect(v['m5']!.message).toMatch(/also counts the paths through z_t and n_t/);
    expect(v['m6']!.message).toMatch(/should be tanh\(W_in x_t \+ b_in \+ r_t ⊙ \(W_hn h_\{t-1\} \+ b_hn\)\)/);
  });
});

describe('an LSTM’s slope written with its output, 1 − h_t² for 1 − tanh²(c_t), in check lines', () => {
  const NET = [
    'T = 3',
    'input x = [1, -0.5, 0.3]',
    'param w_o = 0.4',
    'param w_c = -0.6',
    'param u = 0.7',
    'h_0 = 0.1',
    'c_0 = 0.2',
    'o_t = σ(w_o h_{t-1} + u x_t)',
    'c_t = 0.5 c_{t-1} + tanh(w_c h_{t-1} + x_t)',
    'h_t = o_t tanh(c_t)',
    'loss L = Σ_t h_t',
  ];
  const run = (...lines: string[]) => analyze([...NET, ...lines].join('\n'));
  it('names the slope at the cell, at every step the check writes', () => {
    const a = run(
      'check ∂^+h_t/∂c_t = o_t (1 - h_t^2)',
      'check ∂^+h_{t+1}/∂c_{t+1} = o_{t+1} (1 - h_{t+1}^2)',
      'check ∂^+h_t/∂c_t = o_t (1 - tanh(c_t)^2)',
    );
    expect(a.checks.map((c) => c.status)).toEqual(['fails', 'fails', 'holds']);
    expect(a.checks[0]!.message).toMatch(/1 − h_t\^2 should be 1 − tanh\(c_t\)\^2/);
    expect(a.checks[1]!.message).toMatch(/1 − h_\{t\+1\}\^2 should be 1 − tanh\(c_\{t\+1\}\)\^2/);
  });
});

describe('PyTorch’s equations pasted into check lines', () => {
  const NET = [
    'T = 3',
    'input x : 2 = [[1, -0.5], [0.3, 0.8], [-0.7, 0.2]]',
    'target y : 2 = [[0.5, -0.2], [0.1, 0.4], [-0.3, 0.2]]',
    'param W_ih : 2x2 = [[0.6, -0.3], [0.2, 0.5]]',
    'param W_hh : 2x2 = [[0.4, -0.2], [0.3, 0.1]]',
    'param b_ih : 2 = [0.1, -0.1]',
    'param b_hh : 2 = [0, 0.05]',
    'h_0 = [0.1, -0.2]',
    'h_t = tanh(W_ih x_t + b_ih + W_hh h_{t-1} + b_hh)',
    'loss L = Σ_t 1/2 ‖h_t - y_t‖^2',
  ];
  const run = (...lines: string[]) => analyze([...NET, ...lines].join('\n'));
  it('the row form holds; `*` between two vectors is the Hadamard product', () => {
    const a = run(
      'check h_t = tanh(x_t W_ih^T + b_ih + h_{t-1} W_hh^T + b_hh)',
      'check h_t * h_t = h_t ⊙ h_t',
      'check ∂L/∂W_hh = Σ_t (∂L/∂h_t ⊙ (1 - h_t^2)) h_{t-1}^T',
      'check ∂L/∂W_hh = Σ_t (∂L/∂h_t ⊙ (1 - h_t^2)) h_t^T',
    );
    expect(a.checks.map((c) => c.status)).toEqual(['holds', 'holds', 'holds', 'fails']);
    expect(a.checks[3]!.message).toMatch(/h_t should be h_\{t-1\}/);
  });
});
