// Goodfellow et al. §10.2.2, eqs. 10.25 and 10.27: the middle forms Σ_t Σ_i (∂L/∂h_i^{(t)}) ∇_{W^{(t)}} h_i^{(t)},
// the gradient of one entry of h^{(t)} by the step's copy W^{(t)}. Before, "W with a step … is read only in the
// derivative of a quantity at the same step" refused them (an entry h_i^{(t)} is not a quantity); now the
// entry's gradient is its row of the one-step ∂h^{(t)}/∂W^{(t)}, and both forms hold against autodiff.
import { describe, expect, it } from 'vitest';
import { GOODFELLOW, expectClean, expectTag, withChecks } from './vanilla';

const B = (x: string) => String.raw`\boldsymbol{${x}}`;
const grad = (node: string) => String.raw`\nabla_{${node}} L`;
const diag = String.raw`\text{diag}\left(1 - \left(${B('h')}^{(t)}\right)^2\right)`;
const middle = (p: string) => String.raw`\sum_t \sum_i \left(\frac{\partial L}{\partial h_i^{(t)}}\right) \nabla_{${B(p)}^{(t)}} h_i^{(t)}`;

describe('Goodfellow eqs. 10.25 and 10.27 as printed, with their middle forms', () => {
  const report = withChecks(
    GOODFELLOW,
    String.raw`${grad(B('W'))} = ${middle('W')} = \sum_t ${diag} (${grad(B('h') + '^{(t)}')}) ${B('h')}^{(t-1)\top} \tag{10.25}`,
    String.raw`${grad(B('U'))} = ${middle('U')} = \sum_t ${diag} (${grad(B('h') + '^{(t)}')}) ${B('x')}^{(t)\top} \tag{10.27}`,
    // eq. 10.23's b, written the same way: an entry's gradient by a vector is its row of the Jacobian
    String.raw`${grad(B('b'))} = ${middle('b')} \tag{b}`,
  );

  it('every line reads', () => expectClean(report));

  it.each(['10.25', '10.27', 'b'])("eq. %s holds, every link, at the file's values and every draw", (tag) => {
    expectTag(report, tag, 'holds', /random draws/);
  });

  it('∇_{W^{(t)}} h_i^{(t)} is the one-step derivative: (1 − (h_i^{(t)})²) e_i h^{(t−1)ᵀ}, for every step and entry', () => {
    const r = withChecks(
      GOODFELLOW,
      String.raw`\nabla_{${B('W')}^{(t)}} h_i^{(t)} = (1 - (h_i^{(t)})^2) onehot(i, 3) ${B('h')}^{(t-1)\top} \tag{slice}`,
      String.raw`\nabla_{${B('b')}^{(t)}} h_i^{(t)} = (1 - (h_i^{(t)})^2) onehot(i, 3) \tag{row}`,
    );
    expectClean(r);
    expectTag(r, 'slice', 'holds', /^holds for t = 1\.\.3 /);
    expectTag(r, 'row', 'holds', /^holds for t = 1\.\.3 /);
  });

  it('a scalar parameter: the entry of the one-step ∂h^{(t)}/∂s^{(t)}', () => {
    const r = withChecks(
      String.raw`T = 3
input  x : 2 = [[0.7, -0.4], [0.1, 0.9], [-0.8, 0.3]]
param  s = 0.6
param  U : 2x2 = [[0.31, -0.52], [0.47, 0.12]]
h_0 = [0.1, -0.2]
h^{(t)} = tanh(s h^{(t-1)} + U x^{(t)})
loss L = \sum_t sum(h^{(t)})
`,
      String.raw`\frac{\partial L}{\partial s} = \sum_t \sum_i \frac{\partial L}{\partial h_i^{(t)}} \frac{\partial h_i^{(t)}}{\partial s^{(t)}} \tag{s}`,
      String.raw`\frac{\partial h_i^{(t)}}{\partial s^{(t)}} = (1 - (h_i^{(t)})^2) h_i^{(t-1)} \tag{one}`,
    );
    expectClean(r);
    expectTag(r, 's', 'holds');
    expectTag(r, 'one', 'holds');
  });

  it('the typical mistakes: the total ∇_W h_i^{(t)} (every earlier step counted again) fails; a copy at another step is refused', () => {
    const total = withChecks(
      GOODFELLOW,
      String.raw`${grad(B('W'))} = \sum_t \sum_i \frac{\partial L}{\partial h_i^{(t)}} \nabla_{${B('W')}} h_i^{(t)} \tag{t}`,
    );
    expectTag(total, 't', 'fails');
    const off = withChecks(
      GOODFELLOW,
      String.raw`${grad(B('W'))} = \sum_t \sum_i \frac{\partial L}{\partial h_i^{(t)}} \nabla_{${B('W')}^{(t)}} h_i^{(t-1)}`,
    );
    expect(off.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([
      expect.stringMatching(/^W with a step is the copy of W used at that step \(Goodfellow's notation\)/),
    ]);
  });
});
