// Seed 002 (a vector RNN with bold vectors and superscript steps, cross-entropy at the last step; and an LSTM's
// parameter count) written as other students write it: transposes, outer products, diag, Jacobian products in
// every bracket, the one-step reading of ∂h^{(i)}/∂W_hh, and N_total with the output layer counted four times.
import { describe, it } from 'vitest';
import { asLatex, asMarkdown, expectRows, network, type Row } from './variants19-helpers';

const NET = network('seed002.rnn');
const LSTM = network('seed002-lstm.rnn');
const G = '(\\mathrm{softmax}(\\mathbf{p}^{(T)}) - \\mathbf{y}^{(T)})';

const RIGHT: Row[] = [
  `\\frac{\\partial \\mathcal{L}^{(T)}}{\\partial \\mathbf{p}^{(T)}} = ${G}`,
  '\\frac{\\partial \\mathcal{L}^{(T)}}{\\partial \\mathbf{p}^{(T)}} = \\text{softmax}(\\mathbf{p}^{(T)}) - \\mathbf{y}^{(T)}',
  '\\nabla_{\\mathbf{p}^{(T)}} \\mathcal{L} = \\operatorname{softmax}(\\mathbf{p}^{(T)}) - \\mathbf{y}^{(T)}',
  // the outer product with every transpose spelling, product sign and ⊗
  ...[
    '\\mathbf{h}^{(T)T}',
    '(\\mathbf{h}^{(T)})^T',
    '(\\mathbf{h}^{(T)})^\\top',
    '(\\mathbf{h}^{(T)})^{\\top}',
    '(\\mathbf{h}^{(T)})^{\\mathsf{T}}',
  ]
    .concat(['(\\mathbf{h}^{(T)})^{\\intercal}', "(\\mathbf{h}^{(T)})'", '\\mathbf{h}[T]^T', '(\\vec h^{(T)})^\\top'])
    .map((ht) => `\\frac{\\partial \\mathcal{L}}{\\partial \\mathbf{W}_{ph}} = ${G} ${ht}`),
  `\\frac{\\partial \\mathcal{L}}{\\partial \\mathbf{W}_{ph}} = ${G} \\cdot (\\mathbf{h}^{(T)})^T`,
  `\\frac{\\partial \\mathcal{L}}{\\partial \\mathbf{W}_{ph}} = ${G} \\times (\\mathbf{h}^{(T)})^T`,
  `\\frac{\\partial \\mathcal{L}}{\\partial \\mathbf{W}_{ph}} = ${G} \\otimes \\mathbf{h}^{(T)}`,
  '\\frac{\\partial \\mathcal{L}^{(T)}}{\\partial \\mathbf{W}_{ph}} = \\frac{\\partial \\mathcal{L}^{(T)}}{\\partial \\mathbf{p}^{(T)}} \\cdot \\frac{\\partial \\mathbf{p}^{(T)}}{\\partial \\mathbf{W}_{ph}}',
  // ∂h^{(t)}/∂h^{(t−1)} = diag(1 − h²) W_hh in every step and elementwise notation
  '\\frac{\\partial \\mathbf{h}^{(t)}}{\\partial \\mathbf{h}^{(t-1)}} = \\mathrm{diag}(1 - (\\mathbf{h}^{(t)})^2) \\mathbf{W}_{hh}',
  '\\frac{\\partial \\mathbf{h}^{(t)}}{\\partial \\mathbf{h}^{(t-1)}} = \\operatorname{diag}(1 - \\mathbf{h}^{(t)} \\odot \\mathbf{h}^{(t)}) \\mathbf{W}_{hh}',
  '\\frac{\\partial \\mathbf{h}^{(t)}}{\\partial \\mathbf{h}^{(t-1)}} = \\operatorname{diag}(1 - \\mathbf{h}^{(t)} \\circ \\mathbf{h}^{(t)}) \\cdot \\mathbf{W}_{hh}',
  "\\frac{\\partial \\mathbf{h}^{(t)}}{\\partial \\mathbf{h}^{(t-1)}} = \\mathrm{diag}(\\tanh'(\\mathbf{W}_{hx} \\mathbf{x}^{(t)} + \\mathbf{W}_{hh} \\mathbf{h}^{(t-1)} + \\mathbf{b}_h)) \\mathbf{W}_{hh}",
  '\\frac{\\partial \\mathbf{h}^{(t)}}{\\partial \\mathbf{h}^{(t-1)}} = \\mathrm{diag}(1 - \\tanh^2(\\mathbf{W}_{hx} \\mathbf{x}^{(t)} + \\mathbf{W}_{hh} \\mathbf{h}^{(t-1)} + \\mathbf{b}_h)) \\mathbf{W}_{hh}',
  '\\frac{\\partial \\mathbf{h}^{(t)}}{\\partial \\mathbf{h}^{(t-1)}} = \\mathrm{diag}(1 - \\mathrm{tanh}^2(\\mathbf{W}_{hx} \\mathbf{x}^{(t)} + \\mathbf{W}_{hh} \\mathbf{h}^{(t-1)} + \\mathbf{b}_h)) \\mathbf{W}_{hh}',
  '\\frac{\\partial \\mathbf{h}_t}{\\partial \\mathbf{h}_{t-1}} = \\mathrm{diag}(1 - \\mathbf{h}_t^2) \\mathbf{W}_{hh}',
  '\\frac{\\partial \\mathbf{h}[t]}{\\partial \\mathbf{h}[t-1]} = \\mathrm{diag}(1 - \\mathbf{h}[t]^2) \\mathbf{W}_{hh}',
  '\\frac{\\partial \\vec{h}_t}{\\partial \\vec{h}_{t-1}} = \\mathrm{diag}(1 - \\vec{h}_t \\odot \\vec{h}_t) W_{hh}',
  // ∂L/∂h^{(T)} = W_phᵀ (softmax(p) − y), the transpose before or after the subscript (W^T_{ph} was "unexpected '_'")
  ...['\\mathbf{W}_{ph}^\\top', '\\mathbf{W}^T_{ph}', '\\mathbf{W}^{\\top}_{ph}', "W_{ph}'", 'W_{ph}^{\\mathsf{T}}'].map(
    (wt) => `\\frac{\\partial \\mathcal{L}}{\\partial \\mathbf{h}^{(T)}} = ${wt} ${G}`,
  ),
  `\\frac{\\partial \\mathcal{L}}{\\partial \\mathbf{h}^{(T)}} = ${G}^T \\mathbf{W}_{ph}`,
  '{\\partial \\mathcal{L} \\over \\partial \\mathbf{p}^{(T)}} = \\mathrm{softmax}(\\mathbf{p}^{(T)}) - \\mathbf{y}^{(T)}',
  '\\dfrac{\\partial \\mathcal L}{\\partial \\mathbf p^{(T)}} = \\mathrm{softmax}(\\mathbf{p}^{(T)}) - \\mathbf{y}^{(T)}',
  '\\left.\\frac{\\partial \\mathcal{L}}{\\partial \\mathbf{p}^{(t)}}\\right|_{t=T} = \\mathrm{softmax}(\\mathbf{p}^{(T)}) - \\mathbf{y}^{(T)}',
  '\\mathcal{L}^{(T)} = -\\sum_{i} y_i^{(T)} \\ln \\left( \\mathrm{softmax}(\\mathbf{p}^{(T)})_i \\right)',
  '\\mathcal{L}^{(T)} = -\\sum_{i} \\mathbf{y}^{(T)}_i \\log \\frac{\\exp(p_i^{(T)})}{\\sum_j \\exp(p_j^{(T)})}',
  '\\mathcal{L}^{(T)} = -\\mathbf{y}^{(T)\\top} \\log \\mathrm{softmax}(\\mathbf{p}^{(T)})',
  '\\frac{\\partial \\mathbf{h}^{(T)}}{\\partial \\mathbf{h}^{(1)}} = \\prod_{j=2}^{T} \\mathrm{diag}(1 - (\\mathbf{h}^{(j)})^2) \\mathbf{W}_{hh}',
].map((eq) => ({ eq, status: 'holds' as const }));

/** (b): the sum over steps with ∂h^{(i)}/∂W_hh one-step, in every bracket; with ∂⁺ it holds outright */
function sumOverSteps(open: string, close: string, last: string, sum = '\\sum', prod = '\\prod'): string {
  return `\\frac{\\partial \\mathcal{L}^{(T)}}{\\partial \\mathbf{W}_{hh}} = ${sum}_{i=1}^{T} \\frac{\\partial \\mathcal{L}^{(T)}}{\\partial \\mathbf{p}^{(T)}} \\frac{\\partial \\mathbf{p}^{(T)}}{\\partial \\mathbf{h}^{(T)}} ${open} ${prod}_{j=i+1}^{T} \\frac{\\partial \\mathbf{h}^{(j)}}{\\partial \\mathbf{h}^{(j-1)}} ${close} ${last}`;
}
const ONE_STEP_LAST = '\\frac{\\partial \\mathbf{h}^{(i)}}{\\partial \\mathbf{W}_{hh}}';
const PLUS_LAST = '\\frac{\\partial^+ \\mathbf{h}^{(i)}}{\\partial \\mathbf{W}_{hh}}';
const BRACKETS: [string, string][] = [
  ['\\left(', '\\right)'],
  ['\\left[', '\\right]'],
  ['\\Big(', '\\Big)'],
  ['\\Big[', '\\Big]'],
  ['\\biggl(', '\\biggr)'],
  ['(', ')'],
];
const SUMS: Row[] = [
  ...BRACKETS.map(([o, c]) => ({
    eq: sumOverSteps(o, c, ONE_STEP_LAST),
    status: 'holds-as-one-step' as const,
    says: /∂h_i\/∂W_hh read as one-step/,
  })),
  { eq: sumOverSteps('(', ')', ONE_STEP_LAST, '\\sum\\limits', '\\prod\\limits'), status: 'holds-as-one-step' },
  {
    eq: '\\frac{\\partial \\mathcal{L}_T}{\\partial W_{hh}} = \\sum_{i=1}^{T} \\frac{\\partial \\mathcal{L}_T}{\\partial p_T} \\frac{\\partial p_T}{\\partial h_T} \\Big( \\prod_{j=i+1}^{T} \\frac{\\partial h_j}{\\partial h_{j-1}} \\Big) \\frac{\\partial h_i}{\\partial W_{hh}}',
    status: 'holds-as-one-step',
  },
  ...BRACKETS.map(([o, c]) => ({ eq: sumOverSteps(o, c, PLUS_LAST), status: 'holds' as const })),
];

/** the outer product in the wrong order (a shape transposed: unjudged), or with no transpose (fails, naming the ᵀ) */
const SHAPES: Row[] = [
  {
    eq: `\\frac{\\partial \\mathcal{L}}{\\partial \\mathbf{W}_{ph}} = \\mathbf{h}^{(T)} ${G}^T`,
    status: 'skipped',
    says: /the left side is a 2×3 matrix, the right side a 3×2 matrix/,
  },
  {
    eq: `\\frac{\\partial \\mathcal{L}}{\\partial \\mathbf{W}_{ph}} = ${G} \\mathbf{h}^{(T)}`,
    // no layout forms it; the ᵀ that does is named, so it fails (session 42)
    status: 'fails',
    says: /outer product is written with the right one transposed/,
  },
];

const N = (s: string, font = '\\text') => `N_{${font}{${s}}}`;
const FOUR_TIMES = /The factor 4 multiplies N_output/;
const COUNT: Row[] = [
  {
    eq: `${N('total')} = 4 \\left( ${N('hidden')} \\cdot ${N('input')} + ${N('hidden')} \\cdot ${N('hidden')} + ${N('hidden')} \\right) + ${N('output')} \\cdot ${N('hidden')} + ${N('output')}`,
    status: 'holds',
  },
  {
    eq: `${N('total')} = 4 ( ${N('hidden')} ${N('input')} + ${N('hidden')}^2 + ${N('hidden')} ) + ${N('output')} ${N('hidden')} + ${N('output')}`,
    status: 'holds',
  },
  // a keyword (input) in a subscript is part of the name: N_{input} and N_{\mathrm{input}} were "expected a value, found 'input'"
  { eq: 'N_{total} = 4 ( N_{hidden} N_{input} + N_{hidden}^2 + N_{hidden} ) + N_{output} N_{hidden} + N_{output}', status: 'holds' },
  {
    eq: `${N('total', '\\mathrm')} = 4 ${N('hidden', '\\mathrm')} ( ${N('input', '\\mathrm')} + ${N('hidden', '\\mathrm')} + 1 ) + ${N('output', '\\mathrm')} ( ${N('hidden', '\\mathrm')} + 1 )`,
    status: 'holds',
  },
  {
    eq: 'N_\\text{total} = 4 ( N_\\text{hidden} N_\\text{input} + N_\\text{hidden}^2 + N_\\text{hidden} ) + N_\\text{output} N_\\text{hidden} + N_\\text{output}',
    status: 'holds',
  },
  { eq: `${N('total')} = 4 \\cdot 3 \\cdot (2 + 3 + 1) + 1 \\cdot (3 + 1) = 76`, status: 'holds' },
  // the seed's count: the output layer inside the 4( … )
  {
    eq: `${N('total')} = 4 \\left( ${N('hidden')} \\cdot ${N('input')} + ${N('hidden')} \\cdot ${N('hidden')} + ${N('hidden')} + ${N('output')} \\cdot ${N('hidden')} + ${N('output')} \\right)`,
    status: 'fails',
    says: FOUR_TIMES,
  },
  {
    eq: `${N('total')} = 4 \\left( ${N('hidden')} ${N('input')} + ${N('hidden')}^2 + ${N('hidden')} + ${N('output')} ${N('hidden')} + ${N('output')} \\right)`,
    status: 'fails',
    says: FOUR_TIMES,
  },
  {
    eq: 'N_{total} = 4 \\bigl( N_{hidden} \\times N_{input} + N_{hidden} \\times N_{hidden} + N_{hidden} + N_{output} \\times N_{hidden} + N_{output} \\bigr)',
    status: 'fails',
    says: FOUR_TIMES,
  },
  {
    eq: `${N('total')} = 4 \\left( \\underbrace{${N('hidden')} ${N('input')} + ${N('hidden')}^2 + ${N('hidden')}}_{\\text{gates}} + \\underbrace{${N('output')} ${N('hidden')} + ${N('output')}}_{\\text{output layer}} \\right)`,
    status: 'fails',
    says: FOUR_TIMES,
  },
  // the numbers put in: the products are printed with a dot (they were "1 3 + 1", read as one number)
  {
    eq: `${N('total')} = 4(3 \\cdot 2 + 3 \\cdot 3 + 3 + 1 \\cdot 3 + 1) = 88`,
    status: 'fails',
    says: /The factor 4 multiplies 1·3 \+ 1 too: applied to 3·2 \+ 3·3 \+ 3 only/,
  },
];

describe('seed 002 as other students write it', () => {
  const groups: [string, string, Row[]][] = [
    ['the gradients and Jacobians', NET, RIGHT],
    ['(b) as a sum over steps, in every bracket', NET, SUMS],
    ['an outer product in the wrong order', NET, SHAPES],
    ["the LSTM's parameter count", LSTM, COUNT],
  ];
  for (const [name, net, rows] of groups) {
    it(`${name}: in a Markdown solution`, () => expectRows(rows, asMarkdown(net, rows)));
    it(`${name}: in a LaTeX solution with a sidecar`, () => expectRows(rows, asLatex(net, rows)));
  }
});
