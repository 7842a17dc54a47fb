// A hand-in writes the gradient at step t as ∂𝓛/∂h evaluated there: `\left.\frac{\partial \mathcal{L}}{\partial h}\right|_{t}`
// (also |_{t+1}, |_{2}). Only a bar binding a letter (|_{t=3}) was read; these were skipped, "an evaluation bar |_{t}
// (only a step is read: |_{t=3}, |_{t=T})". A step alone under one derivative by a quantity written without its step
// is that derivative at the step, ∂𝓛/∂h_t; under anything else it stays unread, saying what it reads.
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution/index';

const NET = `\`\`\`rnn
T = 3
input x = [0.5, -1.0, 2.0]
target t = [1, 0, 1]
param W_xh = 0.3
param W_hh = 0.8
param W_hy = 1.5
h_0 = 0
h_t = σ(W_xh x_t + W_hh h_{t-1})
y_t = σ(W_hy h_t)
L_t = (t_t - y_t)^2
loss L = Σ_t L_t
\`\`\`
`;
const BAR = (s: string) => String.raw`\left.\frac{\partial \mathcal{L}}{\partial h}\right|_{${s}}`;
const read = (eq: string) => analyzeSolution(`${NET}\n$$${eq}$$\n`, 'markdown', { sidecar: null }).equations[0]!;

describe('an evaluation bar with a step alone', () => {
  it('puts the step on the derivative’s quantity', () => {
    const rec = String.raw`${BAR('t')} = \frac{\partial \mathcal{L}_t}{\partial y_t}\frac{\partial y_t}{\partial h_t} + ${BAR('t+1')}\frac{\partial h_{t+1}}{\partial h_t}`;
    expect(read(rec).checks.map((c) => c.status)).toEqual(['holds']);
    const two = String.raw`\frac{\partial \mathcal{L}}{\partial h_2} = ${BAR('2')}`;
    expect(read(two).checks.map((c) => c.status)).toEqual(['holds']);
    // a wrong step is named as the step it is
    const wrong = String.raw`${BAR('t')} = \frac{\partial \mathcal{L}_t}{\partial y_t}\frac{\partial y_t}{\partial h_t} + ${BAR('t-1')}\frac{\partial h_{t+1}}{\partial h_t}`;
    const c = read(wrong).checks[0]!;
    expect(c.status).toBe('fails');
    expect(c.message).toMatch(/∂L\/∂h_\{t-1\} should be ∂L\/∂h_\{t\+1\}/);
  });
  it('stays unread under what is no derivative by a stepless quantity, saying what it reads', () => {
    const q = read(String.raw`\left. h_t W_{hh} \right|_{2} = h_2 W_{hh}`);
    expect(q.checks).toEqual([]);
    expect(q.status).toBe('skipped');
    expect(q.message).toMatch(/a step alone \(read under one derivative by a quantity written without its step/);
  });
});

describe('a \\right| that closes a \\left| pair', () => {
  it('is no bar to read a step alone from (a norm’s or an absolute value’s subscript)', () => {
    const q = analyzeSolution(`${NET}\n$$\\left| \\frac{\\partial \\mathcal{L}}{\\partial h} \\right|_{2} = 1$$\n`, 'markdown', {
      sidecar: null,
    }).equations[0]!;
    expect(q.status).toBe('skipped');
    expect(q.message).toMatch(/an evaluation bar \|_\{2\} \(only a step is read/);
  });
});
