// Seed 000 (a GRU-like cell: u_t = σ(w h_{t−1} + w x_t), s_t = w(h_{t−1} + x_t), h_t = u_t h_{t−1} + (1 − u_t) s_t)
// written as other students write it. Its mistake — ∂h_t/∂h_{t−1} = u_t + (1 − u_t) w, the path through u_t
// left out — must fail naming that path in every spelling; the definitions and the right derivative hold.
import { describe, it } from 'vitest';
import { asLatex, asMarkdown, expectRows, network, type Row } from './variants19-helpers';

const NET = network('seed000.rnn');
const U_PATH = /leaves out the path through u_t/;

const DEFINITIONS: Row[] = [
  'u_t = \\sigma(w h_{t-1} + w x_t)',
  'u_t = \\sigma(w \\cdot h_{t-1} + w \\cdot x_t)',
  'u_t = \\sigma(w * h_{t-1} + w * x_t)',
  'u_t = \\operatorname{sigmoid}(w h_{t-1} + w x_t)',
  'u^{(t)} = \\sigma(w h^{(t-1)} + w x^{(t)})',
  'u_t = \\frac{1}{1 + \\exp(-w(h_{t-1} + x_t))}',
  'h_t = u_t h_{t-1} + (1 - u_t) s_t',
  'h_t = u_t \\odot h_{t-1} + (1 - u_t) \\odot s_t',
  'h_t = u_t \\circ h_{t-1} + (1 - u_t) \\circ s_t',
  'h_t = u_t \\times h_{t-1} + (1 - u_t) \\times s_t',
  'h(t) = u(t) h(t-1) + (1 - u(t)) s(t)',
  'h[t] = u[t] h[t-1] + (1 - u[t]) s[t]',
  '\\vec h_t = \\vec u_t \\odot \\vec h_{t-1} + (1 - \\vec u_t) \\odot \\vec s_t',
  '\\frac{\\partial s_t}{\\partial h_{t-1}} = w \\cdot \\frac{\\partial h_{t-1}}{\\partial h_{t-1}} + 0 = w',
  '\\frac{ds_t}{dh_{t-1}} = w',
].map((eq) => ({ eq, status: 'holds' as const }));

/** (10) and (14), the path through u_t left out */
const MISTAKES: Row[] = [
  '\\frac{\\partial h_t}{\\partial h_{t-1}} = u_t + (1 - u_t) w',
  '\\partial h_t / \\partial h_{t-1} = u_t + (1 - u_t) \\cdot w',
  '\\frac{dh_t}{dh_{t-1}} = u_t + (1 - u_t) w',
  'dh_t/dh_{t-1} = u_t + (1 - u_t) w',
  '\\partial_{h_{t-1}} h_t = u_t + (1 - u_t) w',
  '\\nabla_{h_{t-1}} h_t = u_t + (1 - u_t) w',
  '\\frac{\\partial}{\\partial h_{t-1}} h_t = u_t + (1 - u_t) w',
  '\\frac{\\partial h^{(t)}}{\\partial h^{(t-1)}} = u^{(t)} + (1 - u^{(t)}) w',
  '\\frac{\\partial h[t]}{\\partial h[t-1]} = u[t] + (1 - u[t]) \\times w',
  '\\frac{\\partial \\vec h_t}{\\partial \\vec h_{t-1}} = \\vec u_t + (1 - \\vec u_t) w',
  '\\frac{\\partial h_t}{\\partial h_{t-1}} = (1 - u_t) * w + u_t',
  '\\frac{\\partial h_t}{\\partial h_{t-1}} = u_t \\cdot \\frac{\\partial h_{t-1}}{\\partial h_{t-1}} + (1 - u_t) \\cdot \\frac{\\partial s_t}{\\partial h_{t-1}}',
  '\\begin{aligned} \\frac{\\partial h_t}{\\partial h_{t-1}} &= u_t \\frac{\\partial h_{t-1}}{\\partial h_{t-1}} + (1 - u_t) \\frac{\\partial s_t}{\\partial h_{t-1}} \\\\ &= u_t + (1 - u_t) w \\end{aligned}',
  '\\frac{\\partial}{\\partial h_{t-1}} \\left( u_t h_{t-1} + (1 - u_t) s_t \\right) = u_t + (1 - u_t) w',
].map((eq) => ({ eq, status: 'fails' as const, says: U_PATH }));

/** the teacher's answer, and (13) with ∏ */
const RIGHT: Row[] = [
  "\\frac{\\partial h_t}{\\partial h_{t-1}} = u_t + (1 - u_t) w + (h_{t-1} - s_t) \\sigma'(w h_{t-1} + w x_t) w",
  '\\frac{\\partial h_t}{\\partial h_{t-1}} = u_t + (1 - u_t) w + (h_{t-1} - s_t) u_t (1 - u_t) w',
  "\\frac{dh_t}{dh_{t-1}} = u_t + (1 - u_t) \\cdot w + (h_{t-1} - s_t) \\cdot \\operatorname{sigmoid}'(w h_{t-1} + w x_t) \\cdot w",
  '\\frac{\\partial h_t}{\\partial h_0} = \\prod_{k=1}^{t} \\frac{\\partial h_k}{\\partial h_{k-1}}',
  '\\frac{\\partial h_t}{\\partial h_0} = \\prod\\limits_{k=1}^{t} \\frac{\\partial h_k}{\\partial h_{k-1}}',
  '\\frac{\\partial h_t}{\\partial h_0} = \\displaystyle\\prod_{k=1}^{t} \\frac{\\partial h_k}{\\partial h_{k-1}}',
  '\\frac{\\partial h^{(t)}}{\\partial h^{(0)}} = \\prod_{k=1}^{t} \\frac{\\partial h^{(k)}}{\\partial h^{(k-1)}}',
  '\\frac{\\partial h_t}{\\partial h_0} = \\prod_{k=1}^{t} \\Big[ u_k + (1 - u_k) w + (h_{k-1} - s_k) u_k (1 - u_k) w \\Big]',
].map((eq) => ({ eq, status: 'holds' as const }));

describe('seed 000 as other students write it', () => {
  const groups: [string, Row[]][] = [
    ['the definitions and ∂s_t/∂h_{t−1}', DEFINITIONS],
    ['(10)/(14), the path through u_t left out', MISTAKES],
    ["the teacher's answer and (13) with ∏", RIGHT],
  ];
  for (const [name, rows] of groups) {
    it(`${name}: in a Markdown solution`, () => expectRows(rows, asMarkdown(NET, rows)));
    it(`${name}: in a LaTeX solution with a sidecar`, () => expectRows(rows, asLatex(NET, rows)));
  }
});
