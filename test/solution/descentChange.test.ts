// A German Übung's Gewichtsänderung (probe 51): `Δw = −η ∂E/∂w` was "unknown name Δ … no equation to check", so a
// sign dropped (Δw = η ∂E/∂w) went unsaid. Where the network names the learning rate, Δw is read as −η ∂E/∂w, the
// change gradient descent makes (solution/descentChange.ts); without one, the descent step's message stays.
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution/index';

const NET = (rate: string) =>
  '```rnn\nT = 3\ninput x = [1.0, 0.5, -0.5]\nparam w = 0.8\nparam u = 0.5\n' +
  rate +
  'h_0 = 0\nh_t = tanh(u x_t + w h_{t-1})\nloss E = Σ_t 1/2 h_t^2\n```\n\n';
const solve = (rate: string, display: string) => analyzeSolution(NET(rate) + '$$' + display + '$$\n', 'markdown');

describe('a weight change Δw', () => {
  it('is −η ∂E/∂w where the network names η', () => {
    const r = solve('η = 0.1\n', String.raw`\Delta w = -\eta \sum_{t=1}^{T} h_t \frac{\partial h_t}{\partial w}`);
    expect(r.equations[0]!.status).toBe('holds');
    expect(r.diagnostics.some((d) => /Δw is read as −η ∂E\/∂w/.test(d.message))).toBe(true);
    const sign = solve('η = 0.1\n', String.raw`\Delta w = \eta \frac{\partial E}{\partial w}`);
    expect(sign.equations[0]!.message).toMatch(/opposite sign/);
    expect(solve('α = 0.1\n', String.raw`Δw = -α ∂E/∂w`).equations[0]!.status).toBe('holds');
  });
  it('stays a descent step with no learning rate, or for what is no parameter', () => {
    expect(solve('', String.raw`\Delta w = -0.1 \frac{\partial E}{\partial w}`).equations[0]!.message).toMatch(/a descent step/);
    expect(solve('η = 0.1\n', String.raw`\Delta h = -\eta \frac{\partial E}{\partial h_1}`).equations[0]!.status).toBe('skipped');
  });
});
