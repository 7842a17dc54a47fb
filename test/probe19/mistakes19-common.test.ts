// Common BPTT mistakes a grader circles, each named at its equation in the grader's words, at the file's weights and
// at drawn ones (every hint is confirmed at a random draw of the network, so no value of the file decides):
// the loss's ½ dropped, a Σ_t where the gradient is one step's, a δ recursion one step off in a solution that writes
// no range (its last step has no δ_{T+1}), ∂L/∂b written like ∂L/∂W with x_t left in, W for Wᵀ, the 1/T dropped.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { analyzeSolution } from '../../src/solution';
import { GIVEN, otherWeights, scalarNetwork, type Weights } from './solutions';

const rnn = (w: Weights, checks: string) => `${scalarNetwork(w).replace(/```(rnn)?\n/g, '')}${checks}\n`;
const only = (w: Weights, check: string) => {
  const r = analyze(rnn(w, check));
  expect(r.checks).toHaveLength(1);
  return r.checks[0]!;
};
const WEIGHTS = [GIVEN, ...otherWeights(3, 5)];

/** a vector RNN under a mean loss, its recursion written with no range (as a solution writes it) */
const VECTOR = `\`\`\`rnn
T = 3
input x : 2 = [[0.5, -1.0], [2.0, 0.3], [-0.4, 1.1]]
target y : 2 = [[1, 0], [0, 1], [1, 0]]
param U : 3x2 = [[0.1, -0.2], [0.3, 0.4], [-0.5, 0.2]]
param W : 3x3 = [[0.2, -0.1, 0.3], [0.05, 0.4, -0.2], [-0.3, 0.1, 0.25]]
param b : 3 = [0.1, -0.1, 0.05]
param V : 2x3 = [[0.6, -0.3, 0.2], [0.1, 0.5, -0.4]]
h_0 = [0, 0, 0]
a_t = U x_t + W h_{t-1} + b
h_t = tanh(a_t)
o_t = V h_t
L_t = \\frac{1}{2} sum((o_t - y_t)^2)
loss L = \\frac{1}{T} Σ_t L_t
\`\`\`
`;

describe('mistakes named in a grader’s words', () => {
  for (const w of WEIGHTS) {
    it(`W_hy = ${w.v}: the loss's ½ dropped says why the 2 goes`, () => {
      const c = only(w, 'check ∂L/∂o_t = 2(o_t - y_t)');
      expect(c.status).toBe('fails');
      expect(c.message).toMatch(/The factor 2 should not be there: .*; the ½ in L_t cancels the 2 that the square's derivative brings$/);
    });

    it(`W_hy = ${w.v}: a Σ_t on a step's gradient is one too many`, () => {
      const c = only(w, 'check ∂L_t/∂o_t = Σ_t (o_t - y_t)');
      expect(c.message).toMatch(
        /The Σ_t should not be there: the left side is the term of one step t, and the right side sums it over t = 1\.\.3$/,
      );
      // the other way round (the whole written as one step's term) is still a Σ_t missing
      const d = only(w, 'check ∂L/∂W_hy = (o_t - y_t) h_t');
      expect(d.message).toMatch(/A Σ_t is missing: the right side is the term of one step t/);
      const e = only(w, 'check (o_t - y_t) h_t = ∂L/∂W_hy');
      expect(e.message).toMatch(/A Σ_t is missing: the left side is the term of one step t/);
    });

    it(`W_hy = ${w.v}: ∂L/∂b_h written like ∂L/∂W_xh, and δ_t for δ_{t+1}`, () => {
      const b = only(w, 'check ∂L/∂b_h = Σ_t ∂L/∂h_t (1 - h_t^2) x_t');
      expect(b.message).toMatch(/The factor x_t should not be there: with that the check holds/);
      const d = only(w, 'check ∂L/∂h_t = (o_t - y_t) W_hy + ∂L/∂h_t (1 - h_{t+1}^2) W_hh for t = 1..2');
      expect(d.message).toMatch(/∂L\/∂h_t should be ∂L\/∂h_\{t\+1\}: with that step the check holds$/);
    });
  }

  it('no ½ in the loss: the factor 2 is named without it', () => {
    const text = rnn(GIVEN, 'check ∂L/∂o_t = 4(o_t - y_t)').replace('L_t = \\frac{1}{2}(y_t - o_t)^2', 'L_t = (y_t - o_t)^2');
    const c = analyze(text).checks[0]!;
    expect(c.message).toMatch(/The 4 should be 2/);
    expect(c.message).not.toMatch(/½/);
  });

  it('a vector δ recursion one step off, with no range: named where the next step exists', () => {
    const sol = `${VECTOR}
$$ \\frac{\\partial L}{\\partial a_t} = (1 - h_t^2) \\odot \\left(\\frac{1}{T} V^T (o_t - y_t) + W^T \\frac{\\partial L}{\\partial a_{t}}\\right) \\tag{1} $$

$$ \\frac{\\partial L}{\\partial a_t} = (1 - h_t^2) \\odot \\left(\\frac{1}{T} V^T (o_t - y_t) + W \\frac{\\partial L}{\\partial a_{t+1}}\\right) \\tag{2} $$

$$ \\frac{\\partial L}{\\partial o_t} = o_t - y_t \\tag{3} $$
`;
    const r = analyzeSolution(sol, 'markdown', { sidecar: null });
    const [one, two, three] = r.equations;
    expect(one!.status).toBe('fails');
    expect(one!.message).toMatch(
      /∂L\/∂a_t should be ∂L\/∂a_\{t\+1\}: with that step the check holds for t = 1\.\.2 \(at t = 3 it reads ∂L\/∂a_4, past the network's steps: a sheet writes that step on its own\)$/,
    );
    expect(two!.message).toMatch(/W should be Wᵀ: with that transpose the check holds/);
    expect(three!.message).toMatch(/it misses a factor 1\/T \(a loss averaged over the steps\)/);
  });

  it('a recursion right where the next step exists and wrong at the last is not said to be one step off', () => {
    // at t = 3 the right side reads ∂L/∂a_4 (no value); at t = 1, 2 it is the true recursion: nothing to move
    const sol = `${VECTOR}
$$ \\frac{\\partial L}{\\partial a_t} = (1 - h_t^2) \\odot \\left(\\frac{1}{T} V^T (o_t - y_t) + W^T \\frac{\\partial L}{\\partial a_{t+1}}\\right) $$
`;
    const [one] = analyzeSolution(sol, 'markdown', { sidecar: null }).equations;
    expect(one!.message).not.toMatch(/should be ∂L\/∂a/);
  });
});
