// Seed 001 (a scalar RNN over three steps, targets t_t, loss 𝓛 = Σ_t (t_t − y_t)²) written as other students
// write it: every derivative spelling, step notation, product sign, sum form and layout of a right equation holds;
// every variant of the seed's mistakes gets the seed's verdict and names the same culprit.
import { describe, it } from 'vitest';
import { asLatex, asMarkdown, expectRows, network, type Row } from './variants19-helpers';

const NET = network('seed001.rnn');
const RIGHT_L3 = '-2(t_3 - y_3)';

/** ∂𝓛/∂y_3 = −2(t_3 − y_3) (the seed's (7)–(8)) in each derivative spelling */
const DERIVATIVES: Row[] = [
  { eq: `\\frac{\\partial \\mathcal{L}}{\\partial y_3} = ${RIGHT_L3}`, status: 'holds' },
  { eq: `\\partial \\mathcal{L} / \\partial y_3 = ${RIGHT_L3}`, status: 'holds' },
  { eq: `\\partial_{y_3} \\mathcal{L} = ${RIGHT_L3}`, status: 'holds' },
  { eq: `\\nabla_{y_3} \\mathcal{L} = ${RIGHT_L3}`, status: 'holds' },
  // d run into a command: d\mathcal{L} was read as dL, CS231n's gradient ∂𝓛/∂𝓛 = 1, and the check failed
  { eq: `\\frac{d\\mathcal{L}}{dy_3} = ${RIGHT_L3}`, status: 'holds' },
  { eq: `d\\mathcal{L}/dy_3 = ${RIGHT_L3}`, status: 'holds' },
  { eq: `\\frac{d\\mathcal{L}}{d\\tilde{y}_3} = ${RIGHT_L3} y_3 (1 - y_3)`, status: 'holds' },
  { eq: `d\\mathcal{L}/d\\tilde{y}_3 = ${RIGHT_L3} y_3 (1 - y_3)`, status: 'holds' },
  { eq: `\\frac{d \\mathcal{L}}{d y_3} = ${RIGHT_L3}`, status: 'holds' },
  { eq: `\\frac{\\mathrm{d}\\mathcal{L}}{\\mathrm{d}y_3} = ${RIGHT_L3}`, status: 'holds' },
  { eq: `\\frac{\\partial}{\\partial y_3} \\mathcal{L} = ${RIGHT_L3}`, status: 'holds' },
  { eq: `\\frac{\\partial \\mathcal{L}_3}{\\partial y_3}\\Big|_{t=3} = ${RIGHT_L3}`, status: 'holds' },
  // an evaluation bar at something other than a step: skipped, naming the bar
  { eq: `\\frac{\\partial \\mathcal{L}_3}{\\partial y_3}\\Big|_{t_3} = ${RIGHT_L3}`, status: 'skipped', says: /evaluation bar \|_\{t_3\}/ },
];

/** the product of (7), −1 written with each product sign */
const PRODUCTS: Row[] = ['\\cdot', '\\times', '*', '.', ''].map((op) => ({
  eq: `\\frac{\\partial \\mathcal{L}}{\\partial y_3} = 1 ${op} 2(t_3 - y_3) ${op} (-1)`,
  status: 'holds' as const,
}));

/** exercise 2's ∂h_t/∂h_{t−1} = σ'(h̃_t) W_hh at a general step, in each step notation and σ' spelling */
const STEPS: Row[] = [
  "\\frac{\\partial h_t}{\\partial h_{t-1}} = \\sigma'(W_{xh}x_t + W_{hh}h_{t-1} + b_h)W_{hh}",
  "\\frac{\\partial h^{(t)}}{\\partial h^{(t-1)}} = \\sigma'(W_{xh}x^{(t)} + W_{hh}h^{(t-1)} + b_h)W_{hh}",
  "\\frac{\\partial h^t}{\\partial h^{t-1}} = \\sigma'(W_{xh}x^t + W_{hh}h^{t-1} + b_h)W_{hh}",
  // h[t]: brackets on a sequence with no step were "h is a sequence: write h_t"
  "\\frac{\\partial h[t]}{\\partial h[t-1]} = \\sigma'(W_{xh}x[t] + W_{hh}h[t-1] + b_h)W_{hh}",
  "\\frac{\\partial h(t)}{\\partial h(t-1)} = \\sigma'(W_{xh}x(t) + W_{hh}h(t-1) + b_h)W_{hh}",
  "\\frac{\\partial h_{t}}{\\partial h_{t-1}} = \\sigma'(\\tilde{h}_{t}) \\cdot W_{hh}",
  "\\frac{\\partial \\mathbf{h}_t}{\\partial \\mathbf{h}_{t-1}} = \\sigma'(W_{xh}\\mathbf{x}_t + W_{hh}\\mathbf{h}_{t-1} + b_h) W_{hh}",
  // \vec h: was "unknown name h⃗"
  "\\frac{\\partial \\vec h_t}{\\partial \\vec h_{t-1}} = \\sigma'(W_{xh}\\vec x_t + W_{hh}\\vec h_{t-1} + b_h) W_{hh}",
  "\\frac{\\partial \\boldsymbol{h}^{\\langle t \\rangle}}{\\partial \\boldsymbol{h}^{\\langle t-1 \\rangle}} = \\sigma'(\\tilde{h}^{\\langle t \\rangle}) W_{hh}",
  '\\frac{\\partial h_t}{\\partial h_{t-1}} = \\sigma(\\tilde{h}_t)(1 - \\sigma(\\tilde{h}_t))W_{hh}',
  '\\frac{\\partial h_t}{\\partial h_{t-1}} = h_t(1 - h_t)W_{hh}',
  // \operatorname{sigmoid}': the prime after the font's brace was "expected the argument of sigmoid, found '''"
  "\\frac{\\partial h_t}{\\partial h_{t-1}} = \\operatorname{sigmoid}'(\\tilde{h}_t)W_{hh}",
  "\\frac{\\partial h_t}{\\partial h_{t-1}} = \\mathrm{sigmoid}'(\\tilde{h}_t)W_{hh}",
  '\\frac{\\partial h_t}{\\partial h_{t-1}} = \\sigma^\\prime(\\tilde{h}_t)W_{hh}',
  "\\frac{\\partial h_t}{\\partial h_{t-1}} = \\sigma'\\left(\\tilde{h}_t\\right)W_{hh}",
  "\\frac{\\partial h_t}{\\partial h_{t-1}} = \\sigma'\\bigl(\\tilde{h}_t\\bigr)W_{hh}",
  "\\frac{\\partial h_t}{\\partial h_{t-1}} = \\sigma'\\Big(\\tilde{h}_t\\Big)W_{hh}",
].map((eq) => ({ eq, status: 'holds' as const }));

/** the definitions (1), (2) and the loss (4)–(6), in each function spelling, sum form and relation */
const DEFINITIONS: Row[] = [
  'h_t = \\operatorname{sigmoid}(\\tilde{h}_t)',
  'h_t = \\frac{1}{1 + \\exp(-\\tilde{h}_t)}',
  'h_t = \\frac{1}{1 + e^{-\\tilde{h}_t}}',
  'y_t = \\mathrm{sigmoid}(W_{hy} h_t + b_y)',
  '\\mathcal{L} = \\sum_{t=1}^{T} (t_t - y_t)^2',
  '\\mathcal{L} = \\sum_{t} (t_t - y_t)^2',
  '\\mathcal{L} = \\sum\\limits_{t=1}^T (t_t - y_t)^2',
  '\\mathcal{L} = \\displaystyle\\sum_{t=1}^{T} (t_t - y_t)^2',
  '\\mathcal{L} = \\sum_{t=1}^{3} \\left(t_t - y_t\\right)^2',
  '\\mathcal{L} := \\sum_{t=1}^{T} \\mathcal{L}_t',
  '\\mathcal{L} \\triangleq \\sum_{t=1}^{T} \\mathcal{L}_t',
  '\\mathcal{L} \\equiv \\sum_{t=1}^{T} \\mathcal{L}_t',
  '\\mathcal{L} = \\sum_{t=1}^{T} \\mathcal{L}_t \\tag{5}',
  '\\mathcal{L} = \\sum_{t=1}^{T} \\mathcal{L}_t \\quad (5)',
  '\\mathcal{L} = \\sum_{t=1}^{T} \\mathcal{L}_t \\nonumber',
  '\\mathcal{L} = \\sum_{t=1}^{T} \\mathcal{L}_t \\notag',
  '\\frac{\\partial \\mathcal{L}}{\\partial y_3} = \\frac{\\partial \\mathcal{L}}{\\partial \\mathcal{L}_3} \\frac{\\partial \\mathcal{L}_3}{\\partial y_3} \\quad \\text{(chain rule)}',
  '\\frac{\\partial \\mathcal{L}}{\\partial y_3} = 2(t_3-y_3)(-1) \\Rightarrow \\frac{\\partial \\mathcal{L}}{\\partial y_3} = -2(t_3 - y_3)',
  '\\frac{\\partial \\mathcal{L}}{\\partial y_3} = 2(t_3-y_3)(-1) \\implies \\frac{\\partial \\mathcal{L}}{\\partial y_3} = -2(t_3 - y_3)',
  '\\frac{\\partial \\mathcal{L}}{\\partial y_3} = 2(t_3-y_3)(-1) \\quad\\Longrightarrow\\quad \\frac{\\partial \\mathcal{L}}{\\partial y_3} = -2(t_3 - y_3)',
  '\\begin{aligned} \\frac{\\partial \\mathcal{L}}{\\partial y_3} &= \\frac{\\partial \\mathcal{L}}{\\partial \\mathcal{L}_3} \\cdot \\frac{\\partial \\mathcal{L}_3}{\\partial y_3} \\\\ &= 1 \\cdot 2(t_3 - y_3)(-1) \\end{aligned}',
  // the steps as a sheet states them after the equation
  'h_t = \\sigma(W_{xh} x_t + W_{hh} h_{t-1} + b_h) \\quad \\forall t',
  'h_t = \\sigma(W_{xh} x_t + W_{hh} h_{t-1} + b_h), \\quad t = 1, \\dots, T',
  'h_t = \\sigma(W_{xh} x_t + W_{hh} h_{t-1} + b_h) \\quad \\text{for } t = 1, 2, \\ldots, T',
  // the steps listed one by one: was "expected '..' in 'for t = a..b', found '2'"
  'h_t = \\sigma(W_{xh} x_t + W_{hh} h_{t-1} + b_h) \\qquad (t = 1, 2, 3)',
  'h_t = \\sigma(W_{xh} x_t + W_{hh} h_{t-1} + b_h), \\quad t = 2, 3',
  'h^{<t>} = \\sigma(W_{xh}x^{<t>} + W_{hh}h^{<t-1>} + b_h)',
  'h^{[t]} = \\sigma(W_{xh}x^{[t]} + W_{hh}h^{[t-1]} + b_h)',
  'h_t = \\sigma\\left[W_{xh}x_t + W_{hh}h_{t-1} + b_h\\right].',
  '\\mathcal{L} = \\sum_{t=1}^{T} \\mathcal{L}_t = \\mathcal{L}_1 + \\cdots + \\mathcal{L}_T',
  // a rounded value after ≈ is judged to its digits (-0.562131 at the file's values)
  '\\frac{\\partial \\mathcal{L}}{\\partial y_3} = -2(t_3 - y_3) \\approx -0.562',
].map((eq) => ({ eq, status: 'holds' as const }));

const APPROXIMATIONS: Row[] = [
  {
    eq: '\\frac{\\partial \\mathcal{L}}{\\partial y_3} = -2(t_3 - y_3) \\approx 0.562',
    status: 'fails',
    says: /rounds to -0\.562, not 0\.562/,
  },
  // ≈ between two expressions: not an equality, and the skip says which relation
  {
    eq: '\\mathcal{L} \\approx \\sum_{t=1}^{T} \\mathcal{L}_t',
    status: 'skipped',
    says: /an approximation \(\\approx\) between expressions is no equality/,
  },
  { eq: '\\mathcal{L} \\simeq \\sum_{t=1}^{T} \\mathcal{L}_t', status: 'skipped', says: /an approximation \(\\simeq\)/ },
];

const PATH_H2 = /leaves out the path through h̃_2/;
const NO_PATH = /The term ∂L_3\/∂y_3·∂y_3\/∂h_3·∂h_3\/∂h_2·∂h_2\/∂h_1·∂h_2\/∂W_xh \(= [-\d.e]+\) is no path from W_xh to L/;
const LAST_FACTOR = /the last factor should be ∂h_1\/∂W_xh/;
const H0 = /leans on the given value of h_0 \(h_0 = 0\)/;

/** (32) as the seed writes it, its last factor ∂h_2/∂W_xh, with the given product sign and brackets */
function eq32(d: (a: string, b: string) => string, op: string, open: string, close: string): string {
  const f = (...xs: string[]) => xs.join(` ${op} `);
  return (
    `${d('\\mathcal{L}', 'W_{xh}')} = ${f(d('\\mathcal{L}_1', 'y_1'), d('y_1', 'h_1'), d('h_1', 'W_{xh}'))}` +
    ` + ${f(d('\\mathcal{L}_2', 'y_2'), d('y_2', 'h_2'))} ${op} ${open} ${d('h_2', 'W_{xh}')} + ${f(d('h_2', 'h_1'), d('h_1', 'W_{xh}'))} ${close}` +
    ` + ${f(d('\\mathcal{L}_3', 'y_3'), d('y_3', 'h_3'))} ${op} ${open} ${d('h_3', 'W_{xh}')} + ${f(d('h_3', 'h_2'), d('h_2', 'W_{xh}'))} + ${f(d('h_3', 'h_2'), d('h_2', 'h_1'), d('h_2', 'W_{xh}'))} ${close}`
  );
}
const partial = (a: string, b: string) => `\\frac{\\partial ${a}}{\\partial ${b}}`;
const upright = (a: string, b: string) => `\\frac{d${a}}{d${b}}`;
const slash = (a: string, b: string) => `\\partial ${a}/\\partial ${b}`;

const MISTAKES: Row[] = [
  // (21): only L_1's path
  ...[
    '\\frac{\\partial \\mathcal{L}}{\\partial h_1} = \\frac{\\partial \\mathcal{L}_1}{\\partial y_1} \\frac{\\partial y_1}{\\partial h_1}',
    '\\partial \\mathcal{L} / \\partial h_1 = \\partial \\mathcal{L}_1 / \\partial y_1 \\cdot \\partial y_1 / \\partial h_1',
    '\\frac{d\\mathcal{L}}{dh_1} = \\frac{d\\mathcal{L}_1}{dy_1} \\frac{dy_1}{dh_1}',
    '\\frac{\\partial \\mathcal{L}}{\\partial h^{(1)}} = \\frac{\\partial \\mathcal{L}^{(1)}}{\\partial y^{(1)}} \\frac{\\partial y^{(1)}}{\\partial h^{(1)}}',
    '\\nabla_{h_1} \\mathcal{L} = \\frac{\\partial \\mathcal{L}_1}{\\partial y_1} \\frac{\\partial y_1}{\\partial h_1}',
  ].map((eq) => ({ eq, status: 'fails' as const, says: PATH_H2 })),
  // (26), (28): one-step derivatives
  ...[
    "\\frac{\\partial h^{(t)}}{\\partial W_{xh}} = \\sigma'(\\tilde{h}^{(t)}) \\cdot x^{(t)}",
    '\\partial_{W_{xh}} h_t = h_t (1 - h_t) x_t',
    "\\frac{dh_t}{dW_{xh}} = \\sigma'(\\tilde{h}_t) \\times x_t",
  ].map((eq) => ({ eq, status: 'holds-as-one-step' as const, says: /∂h_t\/∂W_xh read as one-step/ })),
  {
    eq: "\\frac{\\partial h_t}{\\partial W_{hh}} = \\sigma'(\\tilde{h}_t) h_{t-1}",
    status: 'holds-as-one-step',
    says: /∂h_t\/∂W_hh read as one-step/,
  },
  // (32): the last factor ∂h_2/∂W_xh for ∂h_1/∂W_xh — with every product sign and bracket
  ...[
    eq32(partial, '\\cdot', '\\left(', '\\right)'),
    eq32(partial, '', '\\left(', '\\right)'),
    eq32(partial, '\\times', '\\left(', '\\right)'),
    // \left[ … \right] was a one-entry literal: the value was right, the hint had no terms to name
    eq32(partial, '\\times', '\\left[', '\\right]'),
    eq32(partial, '', '\\Big[', '\\Big]'),
    eq32(partial, '\\cdot', '[', ']'),
    eq32(upright, '', '\\left(', '\\right)'),
    eq32(slash, '\\cdot', '\\bigl(', '\\bigr)'),
  ].map((eq) => ({ eq, status: 'fails' as const, says: NO_PATH })),
  // (33)–(35): L_1 dropped, right only because h_0 = 0
  {
    eq: '\\frac{\\partial \\mathcal{L}}{\\partial W_{hh}} = \\sum_{t=2}^{3} \\frac{\\partial \\mathcal{L}_t}{\\partial y_t} \\frac{\\partial y_t}{\\partial h_t} \\frac{\\partial h_t}{\\partial W_{hh}}',
    status: 'holds-at-given-values',
    says: H0,
  },
  {
    eq: '\\nabla_{W_{hh}} \\mathcal{L} = \\sum\\limits_{t=2}^{T} \\frac{\\partial \\mathcal{L}_t}{\\partial y_t} \\cdot \\frac{\\partial y_t}{\\partial h_t} \\cdot \\frac{\\partial h_t}{\\partial W_{hh}}',
    status: 'holds-at-given-values',
    says: H0,
  },
  // (21) stated at the steps listed: fails at the first, naming the path through the next step
  {
    eq: '\\frac{\\partial \\mathcal{L}}{\\partial h_t} = \\frac{\\partial \\mathcal{L}_t}{\\partial y_t} \\frac{\\partial y_t}{\\partial h_t} \\quad \\text{for } t = 2, 3',
    status: 'fails',
    says: /fails at t = 2: .*leaves out the path through h̃_\{t\+1\}/,
  },
  {
    eq: 'h_t = \\sigma(\\tilde{h}_t) \\quad \\text{for } t = 1, 3',
    status: 'skipped',
    says: /the steps listed are not consecutive numbers/,
  },
  // and with every step the sum holds
  {
    eq: '\\frac{\\partial \\mathcal{L}}{\\partial W_{hh}} = \\sum_{t=1}^{T} \\frac{\\partial \\mathcal{L}_t}{\\partial y_t} \\frac{\\partial y_t}{\\partial h_t} \\frac{\\partial h_t}{\\partial W_{hh}}',
    status: 'holds',
  },
];

describe('seed 001 as other students write it', () => {
  const groups: [string, Row[]][] = [
    ['derivative spellings', DERIVATIVES],
    ['product signs', PRODUCTS],
    ['step notations and σ′ spellings', STEPS],
    ['definitions, sums, relations and layout', DEFINITIONS],
    ['≈', APPROXIMATIONS],
    ["the seed's mistakes", MISTAKES],
  ];
  for (const [name, rows] of groups) {
    it(`${name}: in a Markdown solution`, () => expectRows(rows, asMarkdown(NET, rows)));
    it(`${name}: in a LaTeX solution with a sidecar`, () => expectRows(rows, asLatex(NET, rows)));
  }

  it("(32)'s variants name its last factor, as the seed's own does", () => {
    const rows = MISTAKES.filter((r) => r.says === NO_PATH).map((r) => ({ ...r, says: LAST_FACTOR }));
    expectRows(rows, asMarkdown(NET, rows));
  });
});
