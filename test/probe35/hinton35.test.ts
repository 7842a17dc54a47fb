// Probe 35 (session 48): Hinton's lecture 7b, backpropagation with weight constraints — the unrolled net's tied weights
// w_1 = w_2: compute ∂E/∂w_1 and ∂E/∂w_2 and use their sum. Under a network with one shared scalar w, ∂E/∂w_1 was "w has
// no time index: it is not a sequence" (4 of 11 equations unchecked). A shared parameter with a step where a derivative's
// variable stands (Hinton's w_1, Goodfellow's W^{(t)}) is the copy used at that step, Σ_X ∂A/∂X_k ∂⁺X_k/∂w, whatever A is
// (resolve/stepCopy.ts copyWritten, resolve/calculus.ts stepCopy); a scalar's w_2 as a value is w (resolve/names.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution';
import { analyze } from '../../src/analysis';

const r = analyzeSolution(readFileSync(join(__dirname, 'fixtures', 'hinton-tied.md'), 'utf8'), 'markdown', { sidecar: null });
const v = Object.fromEntries(r.equations.map((e) => [e.tag, e]));

describe('Hinton’s tied weights, w_1 = w_2, on a two-step linear unit', () => {
  it('every equation reads (regression: "w has no time index: it is not a sequence")', () => {
    expect(r.skipped).toBe(0);
    expect(r.diagnostics.some((d) => /has no time index/.test(d.message))).toBe(false);
  });
  it('the copies’ derivatives, their sum and the general sum hold; the numbers hold for the given values', () => {
    expect(v['8']!.status).toBe('holds');
    for (const tag of ['1', '2', '3', '4', '5', '6', '7']) {
      expect(v[tag]!.status, tag).toBe('holds-at-given-values');
      const links = r.networks[0]!.report.checks.filter((c) => c.tag === tag);
      expect(links[0]!.status, tag).toBe('holds');
    }
    expect(r.diagnostics.map((d) => d.message)).toContain(
      "w_1 is read as w's copy used at step 1 alone (the shared w's use in that step's own equations): the derivative by it is ∂A/∂y_1 ∂⁺y_1/∂w",
    );
    expect(r.diagnostics.map((d) => d.message)).toContain(
      'w_2 is read as w: w is one weight shared by every step, so its uses at each step (w_1 = w_2 = …) have one value',
    );
  });
  it('the last copy alone, the average and the path without w_2 fail, each named', () => {
    expect(v['m1']!.message).toMatch(/leaves out the path through y_1: the term ∂E\/∂y_1·∂⁺y_1\/∂w = 0\.5/);
    expect(v['m2']!.status).toBe('fails');
    expect(v['m3']!.message).toMatch(/∂E\/∂y_2 should be ∂E\/∂y_1: with that step the check holds/);
  });
  const NET = [
    'T = 3',
    'input x = [1, -0.5, 2]',
    'param w = 0.6',
    'param u = 0.3',
    'h_0 = 0.2',
    'h_t = tanh(w h_{t-1} + u x_t)',
    'loss L = Σ_t h_t^2',
  ];
  const status = (...checks: string[]) => analyze([...NET, ...checks.map((c) => `check ${c}`)].join('\n')).checks.map((c) => c.status);
  it('the copies of a shared weight add up to its gradient, at every step and written either way', () => {
    expect(status('∂L/∂w = ∂L/∂w_1 + ∂L/∂w_2 + ∂L/∂w_3', '∂L/∂w = Σ_t ∂L/∂w^{(t)}', '∂L/∂w = Σ_t ∂L/∂w_t')).toEqual([
      'holds',
      'holds',
      'holds',
    ]);
    expect(status('∂L/∂w_2 = ∂L/∂w|_{(2)}', "∂h_3/∂w_2 = tanh'(w h_2 + u x_3) w tanh'(w h_1 + u x_2) h_1")).toEqual(['holds', 'holds']);
    expect(status('∂L/∂w = ∂L/∂w_1 + ∂L/∂w_2')).toEqual(['fails']);
  });
  it('a name the file defines as written, a vector’s entry and a per-step parameter keep their readings', () => {
    const vec = [
      'T = 2',
      'input x = [1, 2]',
      'param b : 2 = [0.1, 0.2]',
      'h_0 = [0, 0]',
      'h_t = tanh(b x_t + h_{t-1})',
      'loss L = sum(h_T)',
    ];
    // b_1 is entry 1 of the vector b, never a copy
    expect(analyze([...vec, 'check ∂L/∂b_1 = ∂L/∂b[1]'].join('\n')).checks.map((c) => c.status)).toEqual(['holds']);
    const perStep = ['T = 2', 'input x = [1, 2]', 'param w_t = [0.5, 0.7]', 'h_0 = 0', 'h_t = tanh(w_t h_{t-1} + x_t)', 'loss L = h_T'];
    expect(analyze([...perStep, "check ∂L/∂w_2 = tanh'(w_2 h_1 + x_2) h_1"].join('\n')).checks.map((c) => c.status)).toEqual(['holds']);
    // in the network's own equations a shared scalar with a step stays an error
    expect(
      analyze([...NET.slice(0, 5), 'h_t = tanh(w_t h_{t-1} + u x_t)', 'loss L = h_T'].join('\n')).diagnostics.map((d) => d.message),
    ).toContain('w has no time index: it is not a sequence');
  });
});
