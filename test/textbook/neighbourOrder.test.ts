// Two Jacobians of a chain swapped, where the bracketed swap holds too: ∂g_3/∂h_3 ∂a_3/∂h_2 ∂h_3/∂a_3 for ∂g_3/∂h_2
// (g = σ(h), h = tanh(a)) reads (∂g_3/∂h_3 ∂a_3/∂h_2) ∂h_3/∂a_3, and moving the last factor to the front holds as the
// two slopes commute; orderHint named that. A grader circles the two neighbours. Neither is a diag(…) or a weight,
// so slopeOrder.ts (a slope and a weight) does not apply.
import { describe, it } from 'vitest';
import { expectVerdicts } from './verdicts';

const NET = String.raw`T = 3
input  x : 2 = [[0.7, -0.4], [0.1, 0.9], [-0.8, 0.3]]
param  U : 3x2 = [[0.31, -0.52], [0.47, 0.12], [-0.26, 0.64]]
param  W : 3x3 = [[0.21, -0.43, 0.15], [0.38, 0.09, -0.27], [-0.12, 0.33, 0.44]]
param  b : 3 = [0.05, -0.11, 0.17]
param  V : 3x3 = [[0.52, -0.18, 0.29], [-0.36, 0.41, 0.07], [0.14, -0.25, 0.48]]
h_0 = [0.1, -0.2, 0.3]
a_t = b + W h_{t-1} + U x_t
h_t = tanh(a_t)
g_t = σ(h_t)
o_t = V g_t
loss L = Σ_t sum(o_t ⊙ o_t)
`;

const SWAP = /: with its two factors in that order the check holds$/;

describe('two neighbouring Jacobians swapped: the smallest swap is named', () => {
  it('the two neighbours, not the bracketed product with the third; a bracket that must move whole still is', () => {
    expectVerdicts(NET, [
      { check: '∂g_3/∂h_2 = ∂g_3/∂h_3 ∂h_3/∂a_3 ∂a_3/∂h_2', status: 'holds' },
      {
        check: '∂g_3/∂h_2 = ∂g_3/∂h_3 ∂a_3/∂h_2 ∂h_3/∂a_3',
        status: 'fails',
        says: [/\. ∂a_3\/∂h_2 ∂h_3\/∂a_3 should be ∂h_3\/∂a_3 ∂a_3\/∂h_2/, SWAP],
      },
      // across a bracket the student wrote: ∂a_3/∂h_2 (∂h_3/∂a_3 …) is B (A C) for A B C
      {
        check: '∂h_3/∂h_1 = ∂a_3/∂h_2 (∂h_3/∂a_3 ∂h_2/∂a_2) ∂a_2/∂h_1',
        status: 'fails',
        says: [/\. ∂a_3\/∂h_2 ∂h_3\/∂a_3 should be ∂h_3\/∂a_3 ∂a_3\/∂h_2/, SWAP],
      },
      // the bracket written whole on the wrong side: no single neighbour mends it, the bracket's swap is named
      {
        check: '∂g_3/∂h_2 = ∂a_3/∂h_2 (∂g_3/∂h_3 ∂h_3/∂a_3)',
        status: 'fails',
        says: [/\. ∂a_3\/∂h_2 \(∂g_3\/∂h_3 ∂h_3\/∂a_3\) should be ∂g_3\/∂h_3 ∂h_3\/∂a_3 ∂a_3\/∂h_2/, SWAP],
      },
    ]);
  });
});
