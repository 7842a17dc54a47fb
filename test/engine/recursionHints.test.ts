// d2l's recursion ∂h_t/∂w = ∂⁺h_t/∂w + ∂h_t/∂h_{t-1} ∂h_{t-1}/∂w written with one slip (session 41, a probe of textbook
// formulas): the one-step re-reading told the student to drop the recursive term, a general step's first step named
// ∂h_0/∂w = 0 and a path left out there, and a sign slip read as a slope written backwards. Each is now the slip.
import { describe, expect, it } from 'vitest';
import { failingMessage } from './toyNets';

const NET = `T = 3
input x = [0.5, -1.0, 2.0]
target y = [1, 0, 1]
param w = 0.8
param u = 0.3
param v = 1.5
h_0 = 0.2
h_t = tanh(w h_{t-1} + u x_t)
o_t = v h_t
L_t = (o_t - y_t)^2
loss L = Σ_t L_t
`;

describe('a recursion of total derivatives with one slip', () => {
  it('names a term’s sign, not a slope written backwards, and never the recursive term as one to drop', () => {
    const m = failingMessage(NET, '∂h_t/∂w = (1 - h_t^2) h_{t-1} - (1 - h_t^2) w ∂h_{t-1}/∂w');
    expect(m).toMatch(/The term \(1 − h_t\^2\) w ∂h_\{t-1\}\/∂w has the wrong sign: with that the check holds$/);
    expect(m).not.toMatch(/should not be there/);
  });

  it('names a wrong name in the recursive term', () => {
    expect(failingMessage(NET, '∂h_t/∂w = (1 - h_t^2) h_{t-1} + (1 - h_t^2) u ∂h_{t-1}/∂w')).toMatch(
      /u should be w: with that the check holds$/,
    );
  });

  it('does not tell a side whose Σ unrolls the earlier steps to drop it', () => {
    const m = failingMessage(NET, '∂h_t/∂w = (1 - h_t^2) h_{t-1} + Σ_{i=1}^{t-1} (∏_{j=i+1}^{t} w) (1 - h_i^2) h_{i-1}');
    expect(m).not.toMatch(/should not be there/);
  });

  it('names the step written, not what it reads at the range’s first step', () => {
    const m = failingMessage(NET, '∂h_t/∂w = (1 - h_t^2)(h_{t-1} + w ∂h_{t-2}/∂w)');
    expect(m).toMatch(/∂h_\{t-2\}\/∂w should be ∂h_\{t-1\}\/∂w: with that step the check holds$/);
    expect(m).not.toMatch(/∂h_0\/∂w is 0|leaves out/);
  });

  it('still says a derivative is 0 where it is 0 at every step', () => {
    expect(failingMessage(NET, '∂h_t/∂x_t = ∂h_{t-1}/∂x_t')).toMatch(/∂h_0\/∂x_1 is 0: h_0 does not depend on x_1$/);
  });
});
