// What individual examples are for, beyond their check lines: the LSTM's parameter count (seed 002),
// the vanishing gradient of the deep sigmoid net (seed 003), sample values where none are given.

import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { flatten, loadExample } from './helpers';

describe('lstm-parameter-count.rnn', () => {
  const report = analyze(loadExample('lstm-parameter-count.rnn'));

  it('counts 76 parameters, not the seed formula 4(N_h·N_i + N_h·N_h + N_h + N_o·N_h + N_o) = 88', () => {
    const [Ni, Nh, No] = [2, 3, 1];
    const correct = 4 * (Nh * Ni + Nh * Nh + Nh) + No * Nh + No;
    const seed = 4 * (Nh * Ni + Nh * Nh + Nh + No * Nh + No);
    expect(correct).toBe(76);
    expect(seed).toBe(88);
    expect(report.paramCount).toBe(correct);
    expect(report.params.reduce((s, p) => s + p.count, 0)).toBe(correct);
  });

  it('reports each gate block and the output layer with its shape and count', () => {
    const byName = new Map(report.params.map((p) => [p.name, p]));
    for (const g of ['g', 'i', 'f', 'o']) {
      expect(byName.get(`W_${g}x`)).toMatchObject({ shape: [3, 2], count: 6 });
      expect(byName.get(`W_${g}h`)).toMatchObject({ shape: [3, 3], count: 9 });
      expect(byName.get(`b_${g}`)).toMatchObject({ shape: [3], count: 3 });
    }
    expect(byName.get('W_ph')).toMatchObject({ shape: [1, 3], count: 3 });
    expect(byName.get('b_p')).toMatchObject({ shape: [], count: 1 });
    expect(report.params.length).toBe(14);
  });

  it('says which numbers are sample values (no VALUE given)', () => {
    for (const n of ['x', 'y', 'W_gx', 'W_ph', 'b_p']) expect(report.sampled).toContain(n);
  });

  it('gives the same sample values on every run', () => {
    const again = analyze(loadExample('lstm-parameter-count.rnn'));
    expect(again.loss!.value).toBe(report.loss!.value);
  });
});

describe('deep-sigmoid-mlp.rnn', () => {
  const report = analyze(loadExample('deep-sigmoid-mlp.rnn'));
  const perLayer = report.derives.find((d) => d.query.replace(/\s/g, '') === '∂E/∂w_t')!;

  it('derives ∂E/∂w_t once per layer', () => {
    expect(perLayer.results.map((r) => r.t)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('shows the gradient vanishing towards the input: each layer back multiplies by σ′·w, |σ′| ≤ 1/4', () => {
    const mag = perLayer.results.map((r) => Math.abs(flatten(r.value)[0]));
    // σ'(z) ≤ 1/4 and |w_t| ≤ 1.2 here, so each step back shrinks the gradient by at least 0.3
    expect(mag[0]).toBeLessThan(mag[7] * 1e-2);
    // p_t depends on p_{t-1} through z_t: it has a recurrence, so it has a flow entry (LANGUAGE.md §7)
    const flowP = report.flow.find((f) => f.name === 'p')!;
    expect(flowP, `flow lists ${JSON.stringify(report.flow.map((f) => f.name))}`).toBeDefined();
    expect(flowP.norms.length).toBe(8);
    for (let t = 1; t < 8; t++) expect(flowP.norms[t - 1]).toBeLessThan(flowP.norms[t] * 0.3);
  });
});

describe('sheet7-vanilla-rnn.rnn', () => {
  const report = analyze(loadExample('sheet7-vanilla-rnn.rnn'));

  it('has one flow entry per step for the recurrent h', () => {
    const h = report.flow.find((f) => f.name === 'h')!;
    expect(h.norms.length).toBe(3);
    expect(h.norms.every((n) => Number.isFinite(n) && n > 0)).toBe(true);
  });

  it('derives ∂h_t/∂h_{t-1} at every step', () => {
    const d = report.derives.find((x) => x.query.replace(/\s/g, '') === '∂h_t/∂h_{t-1}')!;
    expect(d.results.map((r) => r.t)).toEqual([1, 2, 3]);
  });

  it('counts five scalar parameters and uses the given values (no sampling)', () => {
    expect(report.paramCount).toBe(5);
    expect(report.sampled).toEqual([]);
  });
});

describe('scalar-lstm-bptt.rnn', () => {
  it('lists both recurrent quantities in flow: c (c_{t-1} in its own equation) and h (through the gates)', () => {
    const report = analyze(loadExample('scalar-lstm-bptt.rnn'));
    expect(report.flow.map((f) => f.name).sort()).toEqual(['c', 'h']);
    for (const f of report.flow) expect(f.norms.length).toBe(4);
  });
});
