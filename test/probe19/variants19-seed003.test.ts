// Seed 003 (an MLP with its layers as steps: z^{(k)} = (w^{(k)})ᵀ p^{(k−1)}, p^{(k)} = σ(z^{(k)})) written as other
// students write it: the lecture's ∂E/∂p_i^{(k)} = Σ_j ∂E/∂p_j^{(k+1)} σ'(z_j^{(k+1)}) w_{i,j}^{(k+1)} with every index
// placement, comma-less indices, entry brackets, the vector form; the weight's indices swapped fail naming them.
import { describe, it } from 'vitest';
import { asLatex, asMarkdown, expectRows, network, type Row } from './variants19-helpers';

const NET = network('seed003.rnn');
const SWAPPED = /w_\{k\+1\}\[j, i\] should be w_\{k\+1\}\[i, j\]: with its two indices swapped the check holds/;

const RIGHT: Row[] = [
  "\\frac{\\partial E}{\\partial p_i^{(k)}} = \\sum_{j} \\frac{\\partial E}{\\partial p_j^{(k+1)}} \\sigma'(z_j^{(k+1)}) w_{ij}^{(k+1)}",
  "\\frac{\\partial E}{\\partial p_i^{(k)}} = \\sum_{j=1}^{3} \\frac{\\partial E}{\\partial p_j^{(k+1)}} \\sigma'(z_j^{(k+1)}) w_{i,j}^{(k+1)}",
  "\\frac{\\partial E}{\\partial p^{(k)}_i} = \\sum_j \\frac{\\partial E}{\\partial p^{(k+1)}_j} \\sigma'(z^{(k+1)}_j) w^{(k+1)}_{i,j}",
  "\\frac{\\partial E}{\\partial p^{(k)}_i} = \\sum_j \\frac{\\partial E}{\\partial p^{(k+1)}_j} \\sigma'(z^{(k+1)}_j) w^{(k+1)}_{ij}",
  "\\partial E / \\partial p_i^{(k)} = \\sum_j \\partial E / \\partial p_j^{(k+1)} \\cdot \\sigma'(z_j^{(k+1)}) \\cdot w_{i,j}^{(k+1)}",
  "\\frac{\\partial E}{\\partial p_i^{(k)}} = \\sum\\limits_j \\frac{\\partial E}{\\partial p_j^{(k+1)}} \\, \\sigma'\\bigl(z_j^{(k+1)}\\bigr) \\, w_{i,j}^{(k+1)}",
  '\\frac{\\partial E}{\\partial p_i^{(k)}} = \\sum_j \\frac{\\partial E}{\\partial p_j^{(k+1)}} \\, p_j^{(k+1)} (1 - p_j^{(k+1)}) \\, w_{i,j}^{(k+1)}',
  '\\frac{\\partial E}{\\partial p_i^{(k)}} = \\sum_j \\frac{\\partial E}{\\partial p_j^{(k+1)}} \\frac{\\partial p_j^{(k+1)}}{\\partial z_j^{(k+1)}} \\frac{\\partial z_j^{(k+1)}}{\\partial p_i^{(k)}}',
  "\\frac{\\partial E}{\\partial p_i^{(k)}} = \\sum_j \\frac{\\partial E}{\\partial p_j^{(k+1)}} \\cdot \\operatorname{sigmoid}'(z_j^{(k+1)}) \\cdot w^{(k+1)}[i,j]",
  "\\frac{\\partial E}{\\partial p^{(k)}} = w^{(k+1)} \\left( \\sigma'(z^{(k+1)}) \\odot \\frac{\\partial E}{\\partial p^{(k+1)}} \\right)",
  "\\nabla_{p^{(k)}} E = w^{(k+1)} \\left( \\sigma'(z^{(k+1)}) \\circ \\nabla_{p^{(k+1)}} E \\right)",
  "\\frac{\\partial E}{\\partial p_r^{(k-1)}} = \\sum_i \\sum_j \\frac{\\partial E}{\\partial p_j^{(k+1)}} \\sigma'(z_j^{(k+1)}) \\sigma'(z_i^{(k)}) w_{i,j}^{(k+1)} w_{r,i}^{(k)}",
  "\\frac{\\partial E}{\\partial p_r^{(k-1)}} = \\sum_{j} \\sum_{i} \\frac{\\partial E}{\\partial p_j^{(k+1)}} \\sigma'(z_j^{(k+1)}) \\sigma'(z_i^{(k)}) w_{ij}^{(k+1)} w_{ri}^{(k)}",
  'z^{(k)} = (w^{(k)})^T p^{(k-1)}',
  'z_j^{(k)} = \\sum_i w_{i,j}^{(k)} p_i^{(k-1)}',
  'E = \\frac{1}{2} \\sum_i (p_i^{(T)} - d_i^{(T)})^2',
  'E = \\frac{1}{2} \\| p^{(T)} - d^{(T)} \\|^2',
  'E = \\tfrac12 \\lVert p^{(T)} - d^{(T)} \\rVert_2^2',
].map((eq) => ({ eq, status: 'holds' as const }));

const MISTAKES: Row[] = [
  "\\frac{\\partial E}{\\partial p_i^{(k)}} = \\sum_j \\frac{\\partial E}{\\partial p_j^{(k+1)}} \\sigma'(z_j^{(k+1)}) w_{ji}^{(k+1)}",
  "\\frac{\\partial E}{\\partial p^{(k)}_i} = \\sum_j \\frac{\\partial E}{\\partial p^{(k+1)}_j} \\sigma'(z^{(k+1)}_j) w^{(k+1)}_{j,i}",
  "\\frac{\\partial E}{\\partial p_i^{(k)}} = \\sum\\limits_{j=1}^{3} \\frac{\\partial E}{\\partial p_j^{(k+1)}} \\times \\sigma'\\left(z_j^{(k+1)}\\right) \\times w_{j,i}^{(k+1)}",
]
  .map((eq): Row => ({ eq, status: 'fails', says: SWAPPED }))
  .concat([
    // the vector form with the transpose the index swap amounts to
    {
      eq: "\\frac{\\partial E}{\\partial p^{(k)}} = (w^{(k+1)})^T \\left( \\sigma'(z^{(k+1)}) \\odot \\frac{\\partial E}{\\partial p^{(k+1)}} \\right)",
      status: 'fails',
      says: /w_\{k\+1\}ᵀ should be w_\{k\+1\}: with that transpose the check holds/,
    },
  ]);

describe('seed 003 as other students write it', () => {
  for (const [name, rows] of [
    ["the lecture's formula and the unfolded iteration", RIGHT],
    ["the weight's indices swapped", MISTAKES],
  ] as [string, Row[]][]) {
    it(`${name}: in a Markdown solution`, () => expectRows(rows, asMarkdown(NET, rows)));
    it(`${name}: in a LaTeX solution with a sidecar`, () => expectRows(rows, asLatex(NET, rows)));
  }
});
