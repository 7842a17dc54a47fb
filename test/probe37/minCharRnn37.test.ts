// Probe 37 (session 50): min-char-rnn's backward pass written as equations (a CS231n-style solution) — d before a
// name for the loss's gradient, dh_raw, dh_next, and `+=` for the loop's accumulation. `dW_hy += dy_t h_tᵀ` was refused
// ("write the whole sum"); it is now that sum. dh_raw (no named pre-activation) and dh_next keep their messages.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution';
import { analyze } from '../../src/analysis';

const r = analyzeSolution(readFileSync(join(__dirname, 'fixtures', 'min-char-rnn.md'), 'utf8'), 'markdown', { sidecar: null });
const v = Object.fromEntries(r.equations.map((e) => [e.tag, e]));

const NET = [
  'T = 3',
  'input x : 2 = [[1, 0], [0, 1], [1, 0]]',
  'target c : 2 = [[0, 1], [1, 0], [0, 1]]',
  'param W_xh : 2x2 = [[0.6, -0.3], [0.2, 0.5]]',
  'param W_hh : 2x2 = [[0.4, -0.2], [0.3, 0.1]]',
  'param W_hy : 2x2 = [[0.7, -0.4], [0.2, 0.5]]',
  'param b_h : 2 = [0.1, -0.1]',
  'param b_y : 2 = [0, 0.2]',
  'h_0 = [0, 0]',
  'h_t = tanh(W_xh x_t + W_hh h_{t-1} + b_h)',
  'y_t = W_hy h_t + b_y',
  'p_t = softmax(y_t)',
  'L_t = -c_t^T log(p_t)',
  'loss L = Σ_t L_t',
];
const run = (...lines: string[]) => analyze([...NET, ...lines].join('\n'));

describe('min-char-rnn’s d-prefix and +=', () => {
  it('the counts: dy and the accumulated dW_hy hold; dh_raw and dh_next are refused naming what to write', () => {
    expect(r.checked).toBe(4);
    expect(r.skipped).toBe(9);
    expect(v['1']!.status).toBe('holds');
    expect(v['2']!.status).toBe('holds');
    for (const tag of ['4', '5', '6', '7', 'm3', 'm4']) expect(v[tag]!.message, tag).toMatch(/dh_raw \(min-char-rnn's dhraw/);
    for (const tag of ['3', '8', 'm1']) expect(v[tag]!.message, tag).toMatch(/dh_next \(as min-char-rnn's dhnext/);
    expect(v['m2']!.message).toMatch(/leaves out the path through h_\{t\+1\}/);
    expect(v['m5']!.message).toMatch(/the opposite sign/);
  });
  it('dW += E_t is the loop’s total, dW = Σ_t E_t, with an information', () => {
    const a = run('check dW_hy += (p_t - c_t) h_t^T', 'check dW_hh += (p_t - c_t) h_t^T');
    expect(a.checks.map((c) => c.status)).toEqual(['holds', 'fails']);
    expect(a.diagnostics.some((d) => /dW_hy \+= … is read as the loop's total over the steps, dW_hy = Σ_t/.test(d.message))).toBe(true);
  });
  it('a += whose right side writes no step, or whose left side is no gradient, stays refused', () => {
    const a = run('check dW_hy += W_hy');
    expect(a.checks).toEqual([]);
    expect(a.diagnostics.some((d) => /'\+=' \(code's accumulation over the steps/.test(d.message))).toBe(true);
    const b = run('check W_hy += (p_t - c_t) h_t^T');
    expect(b.diagnostics.some((d) => /'\+=' \(code's accumulation over the steps/.test(d.message))).toBe(true);
  });
});
