// Prince (Understanding Deep Learning ch. 7) names the loss of example i ℓ_i and its target y_i. In a network whose
// loss is declared `loss ℓ_i = …` and reads its target at the last step alone, y_i was y at a free step i ("fails at
// i = 1", a correct ∂ℓ_i/∂f_T = 2(f_T − y_i) called wrong); i, the loss's own subscript, is the example's index: y_i is
// the one target y_T, said once. Where the target is read at every step, y_i stays y at step i (a free index).
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution/index';

const net = (loss: string) => `\`\`\`rnn
T = 3
input x = [0.5, -1.0, 0.3]
target y = [0.1, 0.2, 0.4]
param w = 0.6
param u = 0.4
f_0 = 0.3
h_t = relu(f_{t-1})
f_t = w h_t + u x_t
${loss}
\`\`\`
`;

describe('the target of example i beside the loss ℓ_i', () => {
  it('is the last step’s target where the loss reads it there alone', () => {
    const md = `${net('loss ℓ_i = (f_T - y_T)^2')}
$$\\frac{\\partial \\ell_i}{\\partial f_T} = 2(f_T - y_i) \\tag{1}$$

$$\\frac{\\partial \\ell_i}{\\partial f_T} = 2(y_i - f_T) \\tag{2}$$
`;
    const r = analyzeSolution(md, 'markdown', { sidecar: null });
    const [one, two] = r.equations.map((q) => q.checks[0]!);
    expect(one!.status).toBe('holds');
    expect(two!.status).toBe('fails');
    expect(two!.message).toMatch(/a sign is wrong/);
    const said = r.diagnostics.filter((d) => /is the example's index/.test(d.message));
    expect(said.map((d) => d.message)).toEqual([
      "y_i: i is the example's index, as in the loss ℓ_i's name, not a step: read as y_T, the last step's target (a many-to-one network has one target for the whole sequence)",
    ]);
  });
  it('stays a free step where it steps a quantity of the network (h_i = relu(f_{i−1}) beside ℓ_i)', () => {
    const md = `${net('loss ℓ_i = (f_T - y_T)^2')}
$$h_i = \\mathrm{relu}(f_{i-1}) \\tag{1}$$
`;
    const r = analyzeSolution(md, 'markdown', { sidecar: null });
    const c = r.equations[0]!.checks[0]!;
    expect(c.status).toBe('holds');
    expect(c.message).toMatch(/holds for i = 1\.\.3/);
  });
  it('stays a step where the target is read at every step', () => {
    const md = `${net('loss ℓ_i = Σ_t (f_t - y_t)^2')}
$$\\frac{\\partial \\ell_i}{\\partial f_T} = 2(f_T - y_i) \\tag{1}$$
`;
    const r = analyzeSolution(md, 'markdown', { sidecar: null });
    expect(r.diagnostics.some((d) => /is the example's index/.test(d.message))).toBe(false);
  });
});
