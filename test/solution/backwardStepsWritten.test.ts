// The backward half of a bidirectional RNN at written steps (session 34): ∂L/∂h⃖_2 with h⃖_3's term, where h⃖_2 feeds
// h⃖_1. At a general step t the moved term was named (tb29's termShiftHint); at steps 2 and 3 it failed with the values.
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution/index';

const NET = String.raw`~~~rnn
T = 3
input x = [0.5, -0.3, 0.8]
param a = 0.6
param b = -0.4
param c = 0.9
param e = 0.3
param p = 1.2
param q = -0.7
target y = [0.1, 0.5, -0.2]
\overrightarrow{h}_0 = 0
\overleftarrow{h}_{T+1} = 0
\overrightarrow{h}_t = tanh(a x_t + b \overrightarrow{h}_{t-1})
\overleftarrow{h}_t = tanh(c x_t + e \overleftarrow{h}_{t+1})
o_t = p \overrightarrow{h}_t + q \overleftarrow{h}_t
loss L = \frac{1}{2} \sum_{t=1}^{T} (o_t - y_t)^2
~~~
`.replace(/~~~/g, '```');

const solve = (...eqs: string[]) =>
  analyzeSolution(`# BRNN\n\n${NET}\n${eqs.map((x) => `$$${x}$$\n`).join('\n')}`, 'markdown').equations.map((x) => x.checks[0]!);

describe("a backward state's gradient at written steps", () => {
  it("h⃖_3's term for h⃖_1's is named, every step of it moved", () => {
    const [right, wrong] = solve(
      String.raw`\frac{\partial L}{\partial \overleftarrow{h}_2} = (o_2 - y_2) q + \frac{\partial L}{\partial \overleftarrow{h}_1} (1 - \overleftarrow{h}_1^2) e`,
      String.raw`\frac{\partial L}{\partial \overleftarrow{h}_2} = (o_2 - y_2) q + \frac{\partial L}{\partial \overleftarrow{h}_3} (1 - \overleftarrow{h}_3^2) e`,
    );
    expect(right!.status).toBe('holds');
    expect(wrong!.status).toBe('fails');
    expect(wrong!.message).toMatch(
      /The term ∂L\/∂h⃖_3 \(1 − h⃖_3\^2\) e should be ∂L\/∂h⃖_1 \(1 − h⃖_1\^2\) e \(every step of it −2\): with that the check holds/,
    );
  });

  it('a forward state at written steps is as before', () => {
    const [c] = solve(
      String.raw`\frac{\partial L}{\partial \overrightarrow{h}_2} = (o_2 - y_2) p + \frac{\partial L}{\partial \overrightarrow{h}_3} (1 - \overrightarrow{h}_3^2) b`,
    );
    expect(c!.status).toBe('holds');
  });
});
