// Probe 36 (session 49): Murphy's PML §15.2.6 — h_t = f(W_hx x_t + W_hh h_{t−1} + b_h) with f named once (f = tanh), the
// recursion ∂h_t/∂w_h = ∂f(x_t, h_{t−1}, w_h)/∂w_h + ∂f(x_t, h_{t−1}, w_h)/∂h_{t−1} ∂h_{t−1}/∂w_h and its unrolled sum of
// products of Jacobians. With f the file's alias of tanh, f(x_t, h_{t−1}, W_hh) was tanh of the three stacked (a vector
// of 3): every equation that wrote it failed "the shapes differ", and the ∏ was "∏ of vectors is not defined".
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution';
import { analyze } from '../../src/analysis';

const r = analyzeSolution(readFileSync(join(__dirname, 'fixtures', 'murphy-bptt.md'), 'utf8'), 'markdown', { sidecar: null });
const v = Object.fromEntries(r.equations.map((e) => [e.tag, e]));

describe('Murphy’s BPTT recursion with f named once', () => {
  it('every equation reads, and the book’s formulas hold (regression: "the shapes differ")', () => {
    expect(r.skipped).toBe(0);
    for (const tag of ['1', '2', '3', '4', '5']) expect(v[tag]!.status, tag).toBe('holds');
  });
  it('each mistake is named', () => {
    expect(v['m1']!.message).toMatch(/is the immediate partial ∂⁺h_t\/∂W_hh .* not the total derivative ∂h_t\/∂W_hh/);
    expect(v['m2']!.message).toMatch(/The ∏ over j on the right side \(j = i\.\.t\) has one term too many, j = i/);
    expect(v['m3']!.message).toMatch(/it misses a factor 1\/T/);
    expect(v['m4']!.message).toMatch(/∂⁺h_2\/∂h_1·∂h_2\/∂W_hh \(= 0\.199935\) is no path from W_hh to h_2/);
    expect(v['m5']!.message).toMatch(/h_\{t-1\} should be h_t: with that step the check holds/);
  });
  it('an activation alias applied to several arguments is the transition function; to one, the activation', () => {
    const net = [
      'T = 2',
      'input x = [0.5, -1]',
      'param w = 0.6',
      'param u = 0.7',
      'f = tanh',
      'h_0 = 0.3',
      'h_t = f(u x_t + w h_{t-1})',
      'loss L = Σ_t h_t^2',
    ];
    const a = analyze(
      [
        ...net,
        'check ∂f(x_t, h_{t-1}, w)/∂w = (1 - h_t^2) h_{t-1}',
        'check f(u x_t + w h_{t-1}) = h_t',
        'check ∂f(x_t, h_{t-1}, w)/∂w = ∂h_t/∂w',
      ].join('\n'),
    );
    expect(a.checks.map((c) => c.status)).toEqual(['holds', 'holds', 'fails']);
  });
});
