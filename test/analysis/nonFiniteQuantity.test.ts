// A quantity whose value is NaN or ∞ gets a warning where it is made (LANGUAGE.md §6), even when the loss does not
// use it: before, `z_t = log(h_t − h_t)` beside a finite loss had no diagnostic at all, and its hover showed −∞.
// Only where it is made: a quantity that is not finite because another one is not gets no warning of its own.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const net = (extra: string, loss = 'loss L = Σ_t x_t w') => `T = 3
input x = [1, 0, 3]
param w = 0.5
h_0 = 0
h_t = tanh(w h_{t-1} + x_t)
${extra}
${loss}
`;

const nan = (text: string) => analyze(text).diagnostics.filter((d) => d.code === 'nan');

describe('a quantity that is not a finite number', () => {
  it('is named at its definition with the step and the cause, though the loss does not use it', () => {
    const d = nan(net('z_t = log(x_t)'));
    expect(d).toHaveLength(1);
    expect(d[0]!.severity).toBe('warning');
    expect(d[0]!.line).toBe(6);
    expect(d[0]!.message).toContain('z_t at t = 2 is not a finite number');
    expect(d[0]!.message).toContain('log is defined for positive numbers only, and its argument is 0');
  });

  it('is named once, where it is made, not at every quantity it reaches', () => {
    const d = nan(net('z_t = log(x_t)\nu_t = 2 z_t + h_t\ns = Σ_t z_t'));
    expect(d.map((x) => x.line)).toEqual([6]);
  });

  it('names an initial state by its own step, and an untimed quantity by its name', () => {
    const text = net('r = sqrt(w - 1)').replace('h_0 = 0', 'h_0 = log(0)');
    const d = nan(text);
    expect(d.map((x) => x.line)).toEqual([4, 6]);
    expect(d[0]!.message).toMatch(/^h_0 is not a finite number/);
    expect(d[1]!.message).toMatch(/^r is not a finite number .*sqrt is defined for numbers ≥ 0 only, and its argument is -0\.5/);
  });

  it('says nothing of its own when the loss is not finite either: the loss warning names the cause', () => {
    const d = nan(net('z_t = log(x_t)', 'loss L = Σ_t z_t'));
    expect(d).toHaveLength(1);
    expect(d[0]!.message).toContain('the loss L is not a finite number');
  });

  it('says nothing when every value is finite', () => {
    expect(nan(net('z_t = log(1 + x_t)'))).toEqual([]);
  });

  it('says when the values its equation reads are sample values the file did not give', () => {
    const text = 'T = 3\ninput x\nparam w\nh_0 = 0\nh_t = tanh(w h_{t-1} + x_t)\nz_t = log(x_t)\nloss L = Σ_t h_t\n';
    const d = nan(text);
    expect(d.map((x) => x.line)).toEqual([6]);
    expect(d[0]!.message).toMatch(/\(x has sample values: the file gives it none\)$/);
    expect(nan(net('z_t = log(x_t)'))[0]!.message).not.toMatch(/sample values/);
  });
});
