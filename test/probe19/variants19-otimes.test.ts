// ⊗ written for the product entry by entry, as some students (and papers) write the LSTM's gates: the language
// reads ⊗ of two vectors as their outer product (∇_W L = Σ_t δ_t ⊗ x_t holds); c_t = g_t ⊗ i_t + … was a shape
// mismatch until session 60, which reads ⊗ entry by entry where no outer product can stand (a vector equation of the
// operands' size, a chain of ⊗). Seed 002's vector LSTM.
import { describe, it } from 'vitest';
import { asLatex, asMarkdown, expectRows, network, type Row } from './variants19-helpers';

const LSTM = network('seed002-lstm.rnn')
  .split('\n')
  .filter((l) => !l.startsWith('N_'))
  .join('\n');

const ROWS: Row[] = [
  { eq: 'c_t = g_t \\odot i_t + c_{t-1} \\odot f_t', status: 'holds' },
  { eq: 'c_t = g_t \\circ i_t + c_{t-1} * f_t', status: 'holds' },
  { eq: 'c_t = g_t i_t + c_{t-1} f_t', status: 'holds' },
  // session 60: where the left side is a vector of the operands' size no outer product can stand, so ⊗ is the
  // product entry by entry (Géron's 15-3), said in an information (otimesProduct.ts)
  { eq: 'c_t = g_t \\otimes i_t + c_{t-1} \\otimes f_t', status: 'holds' },
  { eq: 'h_t = \\tanh(c_t) \\otimes o_t', status: 'holds' },
  // a ⊗ of three: a chain of ⊗ of one shape is no outer product
  {
    eq: '\\frac{\\partial L}{\\partial c_t} = \\frac{\\partial L}{\\partial h_t} \\otimes o_t \\otimes (1 - \\tanh^2(c_t)) + \\frac{\\partial L}{\\partial c_{t+1}} \\otimes f_{t+1}',
    status: 'holds',
  },
  // where an outer product is meant, ⊗ holds
  { eq: '\\frac{\\partial L}{\\partial \\mathbf{W}_{ph}} = \\sum_t 2(p_t - y_t) \\otimes \\mathbf{h}_t', status: 'holds' },
  {
    eq: '\\frac{\\partial L}{\\partial W_{gh}} = \\sum_{t=1}^{T} \\left( \\frac{\\partial L}{\\partial g_t} \\odot (1 - g_t \\odot g_t) \\right) \\otimes h_{t-1}',
    status: 'holds',
  },
];

describe('⊗ for the product entry by entry', () => {
  it('in a Markdown solution', () => expectRows(ROWS, asMarkdown(LSTM, ROWS)));
  it('in a LaTeX solution with a sidecar', () => expectRows(ROWS, asLatex(LSTM, ROWS)));
});
