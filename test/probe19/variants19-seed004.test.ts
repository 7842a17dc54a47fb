// Seed 004 (the binary-addition RNN with hand-set weights; an LSTM's adjoints) written as other students write it:
// matrix products with bold names and dots, rows as h_t[1], h_{t,1}, h^{(t)}_1, vectors as (a, b, c)ᵀ; the adjoints
// as \bar, \overline, ∂L/∂c_t, ∇. The expanded rows that keep only h_i^{(t−1)}, c̄ with f_t, f̄ with c_{t+1} and
// tanh^{-1} for tanh' fail naming the same culprit as the seed.
import { describe, it } from 'vitest';
import { asLatex, asMarkdown, expectRows, network, type Row } from './variants19-helpers';

const ADD = network('seed004.rnn');
const LSTM = network('seed004-lstm.rnn');
const ROW1 = /misses h_\{t-1\}\[2\] \+ h_\{t-1\}\[3\] from W h_\{t-1\} \(row 1 of W is all ones\)/;

const ADDITION: Row[] = [
  ...[
    'h^{(t)} = U x^{(t)} + W h^{(t-1)} + b_h',
    '\\mathbf{h}^{(t)} = \\mathbf{U}\\mathbf{x}^{(t)} + \\mathbf{W}\\mathbf{h}^{(t-1)} + \\mathbf{b}_h',
    'h_t = U \\cdot x_t + W \\cdot h_{t-1} + b_h',
    'h[t] = U x[t] + W h[t-1] + b_h',
    '\\vec h_t = U \\vec x_t + W \\vec h_{t-1} + \\vec b_h',
    'y_t = v \\cdot h_t + b_y',
    'h_1^{(t)} = x_1^{(t)} + x_2^{(t)} + h_1^{(t-1)} + h_2^{(t-1)} + h_3^{(t-1)} - 0.5',
    'h_t[1] = x_t[1] + x_t[2] + h_{t-1}[1] + h_{t-1}[2] + h_{t-1}[3] - 0.5',
    'W = \\begin{pmatrix} 1 & 1 & 1 \\\\ 1 & 1 & 1 \\\\ 1 & 1 & 1 \\end{pmatrix}',
    'b_h = \\begin{bmatrix} -0.5 & -1.5 & -2.5 \\end{bmatrix}^T',
    // a tuple transposed, as papers write a column: was "expected ')' to close the '('"
    'b_h = (-0.5, -1.5, -2.5)^T',
    'b_h = \\left(-0.5, -1.5, -2.5\\right)^\\top',
  ].map((eq) => ({ eq, status: 'holds' as const })),
  ...[
    'h_1^{(t)} = x_1^{(t)} + x_2^{(t)} + h_1^{(t-1)} - 0.5',
    'h^{(t)}_1 = x^{(t)}_1 + x^{(t)}_2 + h^{(t-1)}_1 - 0.5',
    'h_{t,1} = x_{t,1} + x_{t,2} + h_{t-1,1} - 0.5',
    'h_t[1] = x_t[1] + x_t[2] + h_{t-1}[1] - 0.5',
    'h[t][1] = x[t][1] + x[t][2] + h[t-1][1] - 0.5',
  ].map((eq): Row => ({ eq, status: 'fails', says: ROW1 })),
  // vᵀ h_t with v a row already: the hint names v h_t (it said vᵀᵀ h_t)
  { eq: 'y_t = v^T h_t + b_y', status: 'fails', says: /or v h_t, is the scalar meant/ },
];

const C_STEP = /f_t should be f_\{t\+1\}: with that step the check holds/;
const F_STEP = /c_\{t\+1\} should be c_\{t-1\}: with that step the check holds/;
const ADJOINTS: Row[] = [
  ...[
    "\\bar{c}_t = \\bar{h}_t o_t \\tanh'(c_t) + \\bar{c}_{t+1} f_{t+1}",
    '\\bar c_t = \\bar h_t o_t (1 - \\tanh^2(c_t)) + \\bar c_{t+1} f_{t+1}',
    '\\overline{c}_t = \\overline{h}_t \\cdot o_t \\cdot (1 - \\tanh^2 c_t) + \\overline{c}_{t+1} \\cdot f_{t+1}',
    '\\bar{c}^{(t)} = \\bar{h}^{(t)} \\odot o^{(t)} \\odot (1 - \\tanh^2(c^{(t)})) + \\bar{c}^{(t+1)} \\odot f^{(t+1)}',
    "\\frac{\\partial L}{\\partial c_t} = \\frac{\\partial L}{\\partial h_t} o_t \\tanh'(c_t) + \\frac{\\partial L}{\\partial c_{t+1}} f_{t+1}",
    "\\frac{dL}{dc_t} = \\frac{dL}{dh_t} o_t \\mathrm{tanh}'(c_t) + \\frac{dL}{dc_{t+1}} f_{t+1}",
    '\\bar{f}^{(t)} = \\bar{c}^{(t)} \\odot c^{(t-1)}',
    '\\bar{g}_t = \\bar{c}_t i_t',
    '\\bar{o}_t = \\bar{h}_t \\tanh(c_t)',
    '\\frac{\\partial L}{\\partial o_t} = \\frac{\\partial L}{\\partial h_t} \\tanh(c_t)',
    'c_t = f_t \\circ c_{t-1} + i_t \\circ g_t',
    'c_t = f_t * c_{t-1} + i_t * g_t',
    'h^{\\langle t \\rangle} = o^{\\langle t \\rangle} \\tanh(c^{\\langle t \\rangle})',
    'i^{(t)} = \\operatorname{sigmoid}(w_{ix} x^{(t)} + w_{ih} h^{(t-1)})',
    'g_t = \\frac{\\exp(2(w_{gx} x_t + w_{gh} h_{t-1})) - 1}{\\exp(2(w_{gx} x_t + w_{gh} h_{t-1})) + 1}',
  ].map((eq) => ({ eq, status: 'holds' as const })),
  ...[
    "\\frac{\\partial L}{\\partial c_t} = \\frac{\\partial L}{\\partial h_t} o_t \\tanh'(c_t) + \\frac{\\partial L}{\\partial c_{t+1}} f_t",
    "\\bar{c}_t = \\bar{h}_t o_t \\tanh'(c_t) + \\bar{c}_{t+1} f_t",
    "\\overline{c^{(t)}} = \\overline{h^{(t)}} o^{(t)} \\tanh'(c^{(t)}) + \\overline{c^{(t+1)}} f^{(t)}",
    "\\bar c_t = \\bar h_t \\cdot o_t \\cdot \\mathrm{tanh}'(c_t) + \\bar c_{t+1} \\cdot f_t",
  ].map((eq): Row => ({ eq, status: 'fails', says: C_STEP })),
  ...[
    '\\bar{f}_t = \\bar{c}_t c_{t+1}',
    '\\frac{\\partial L}{\\partial f_t} = \\frac{\\partial L}{\\partial c_t} c_{t+1}',
    '\\frac{\\partial L}{\\partial f^{(t)}} = \\frac{\\partial L}{\\partial c^{(t)}} \\cdot c^{(t+1)}',
    '\\nabla_{f_t} L = \\nabla_{c_t} L \\odot c_{t+1}',
    '\\bar f[t] = \\bar c[t] \\, c[t+1]',
  ].map((eq): Row => ({ eq, status: 'fails', says: F_STEP })),
  {
    eq: '\\bar{c}_t = \\bar{h}_t o_t \\tanh^{-1}(c_t) + \\bar{c}_{t+1} f_{t+1}',
    status: 'fails',
    says: /tanh\^\{-1\} is the inverse function; with the derivative tanh' in its place the check holds/,
  },
];

describe('seed 004 as other students write it', () => {
  for (const [name, net, rows] of [
    ['the binary-addition RNN and its expanded rows', ADD, ADDITION],
    ["the LSTM's adjoints", LSTM, ADJOINTS],
  ] as [string, string, Row[]][]) {
    it(`${name}: in a Markdown solution`, () => expectRows(rows, asMarkdown(net, rows)));
    it(`${name}: in a LaTeX solution with a sidecar`, () => expectRows(rows, asLatex(net, rows)));
  }
});
