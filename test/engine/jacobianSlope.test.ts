// A step's Jacobian written as a bare product without its activation's slope (∂h_t/∂h_{t−1} = W_hh where seed 001's
// sheet writes σ'(h̃_t) W_hh), or with a slope too many (∂a_t/∂h_{t−1} = diag(1 − h_t²) W): failed with the two values
// only (no term to match, and W_hh reads no step for the factor edits to place a slope at). A grader names the slope.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyze } from '../../src/analysis';
import { expectVerdicts } from '../textbook/verdicts';
import { fixture } from '../seeds/helpers';

const SEED001 = fixture('seed001.rnn').split('\n').slice(0, 18).join('\n') + '\n';

const VECTOR = String.raw`T = 3
input  x : 2 = [[0.7, -0.4], [0.1, 0.9], [-0.8, 0.3]]
param  U : 3x2 = [[0.31, -0.52], [0.47, 0.12], [-0.26, 0.64]]
param  W : 3x3 = [[0.21, -0.43, 0.15], [0.38, 0.09, -0.27], [-0.12, 0.33, 0.44]]
param  b : 3 = [0.05, -0.11, 0.17]
h_0 = [0.1, -0.2, 0.3]
a_t = b + W h_{t-1} + U x_t
h_t = tanh(a_t)
loss L = Σ_t sum(h_t ⊙ h_t)
`;

describe("a Jacobian's activation slope left out or written once too often", () => {
  it('scalar (seed 001): σ′(h̃_t) before W_hh, at the step the chain leaves it out', () => {
    expectVerdicts(SEED001, [
      { check: "∂h_t/∂h_{t-1} = σ'(h̃_t) W_hh", status: 'holds' },
      {
        check: '∂h_t/∂h_{t-1} = W_hh',
        status: 'fails',
        says: [/\. The factor σ′\(h̃_t\) is missing before W_hh: with it the check holds$/],
      },
      { check: "∂h_3/∂h_1 = W_hh σ'(h̃_2) W_hh", status: 'fails', says: [/The factor σ′\(h̃_3\) is missing before W_hh/] },
    ]);
  });

  it('vector: diag(1 − h_t²) missing, and one too many in ∂a_t/∂h_{t−1}', () => {
    expectVerdicts(VECTOR, [
      { check: '∂h_3/∂h_1 = diag(1 - h_3^2) W diag(1 - h_2^2) W', status: 'holds' },
      {
        check: '∂h_t/∂h_{t-1} = W',
        status: 'fails',
        says: [/\. The factor tanh′\(a_t\) — diag\(1 − h²\) in matrix form — is missing before W: with it the check holds$/],
      },
      {
        check: '∂h_3/∂h_1 = diag(1 - h_3^2) W W',
        status: 'fails',
        says: [/The factor tanh′\(a_2\) — diag\(1 − h²\) in matrix form — is missing between W and W: with it the check holds$/],
      },
      {
        check: '∂a_t/∂h_{t-1} = diag(1 - h_t^2) W',
        status: 'fails',
        says: [/\. diag\(1 − h_t\^2\) is one factor too many: without it the check holds$/],
      },
    ]);
  });

  // session 43: the weight left out instead (the commonest slip of the scalar chain rule), and a lone ∏ of such factors
  it("scalar: the weight left out of the step's Jacobian, written as σ′(…) or 1 − h_t², and inside a lone ∏", () => {
    expectVerdicts(SEED001, [
      {
        check: "∂h_t/∂h_{t-1} = σ'(h̃_t)",
        status: 'fails',
        says: [/\. The right side leaves out the factor W_hh: with that the check holds$/],
      },
      {
        check: "∂h_t/∂x_t = σ'(W_xh x_t + W_hh h_{t-1} + b_h)",
        status: 'fails',
        says: [/\. The right side leaves out the factor W_xh: with that the check holds$/],
      },
    ]);
    const tanh = `T = 3\ninput x = [0.5, -1.0, 2.0]\nparam w_h = 0.8\nparam w_x = 0.3\nh_0 = 0\nh_t = tanh(w_h h_{t-1} + w_x x_t)\nloss L = Σ_t h_t^2\n`;
    expectVerdicts(tanh, [
      {
        check: '∂h_t/∂h_{t-1} = 1 - h_t^2',
        status: 'fails',
        says: [/\. The right side leaves out the factor w_h: with that the check holds$/],
      },
      { check: '∂h_t/∂h_{t-1} = (1 - h_t^2) w_h', status: 'holds' },
      {
        check: '∂h_3/∂h_1 = ∏_{j=2}^{3} (1 - h_j^2)',
        status: 'fails',
        says: [/As the check ∂h_t\/∂h_\{t-1\} = 1 − h_t\^2: the right side leaves out the factor w_h: with that the check holds$/],
      },
    ]);
  });

  it('vector: the recurrent matrix left out after diag(1 − h_t ⊙ h_t)', () => {
    expectVerdicts(VECTOR, [
      {
        check: '∂h_t/∂h_{t-1} = diag(1 - h_t ⊙ h_t)',
        status: 'fails',
        says: [/\. The right side leaves out the factor W after diag\(1 − h_t ⊙ h_t\): with that the check holds$/],
      },
    ]);
  });

  it('at random weights of a tanh RNN the weight is named, and only where it mends the check (a sum of terms is left alone)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.2, max: 1.5, noNaN: true }), fc.double({ min: -1.5, max: -0.2, noNaN: true }), (wh, wx) => {
        const net = `T = 3\ninput x = [0.5, -1.0, 2.0]\nparam w_h = ${wh}\nparam w_x = ${wx}\nh_0 = 0.1\nh_t = tanh(w_h h_{t-1} + w_x x_t)\nloss L = Σ_t h_t^2\n`;
        const r = analyze(`${net}check ∂h_t/∂h_{t-1} = 1 - h_t^2\ncheck ∂h_t/∂x_t = 1 - h_t^2\ncheck ∂h_t/∂h_{t-1} = 1 - h_t^2 + w_x\n`, {
          graph: false,
        });
        expect(r.checks.map((c) => c.status)).toEqual(['fails', 'fails', 'fails']);
        expect(r.checks[0]!.message).toMatch(/The right side leaves out the factor w_h: with that the check holds$/);
        expect(r.checks[1]!.message).toMatch(/The right side leaves out the factor w_x: with that the check holds$/);
        expect(r.checks[2]!.message).not.toMatch(/leaves out the factor/);
      }),
      { numRuns: 12, seed: 43 },
    );
  });
});

describe('a rectangular Jacobian of one vector by another, its slope left out (probe 32: Raschka’s ∂o^{(t)}/∂h^{(t)})', () => {
  const OUT = `${VECTOR}param V : 2x3 = [[0.7, -0.4, 0.2], [-0.5, 0.3, 0.8]]
o_t = σ(V h_t)
`;
  it('names the output’s slope (it failed with its values only)', () => {
    expectVerdicts(OUT, [
      { check: "∂o_t/∂h_t = diag(σ'(V h_t)) V", status: 'holds' },
      {
        check: '∂o_t/∂h_t = V',
        status: 'fails',
        says: [/The factor σ′\(V h_t\) — diag\(σ\(1 − σ\)\) in matrix form — is missing before V: with it the check holds$/],
      },
    ]);
  });
});
