// Session 16 (text16): textbook formulas pasted into Markdown/LaTeX solutions as printed (LANGUAGE.md §1, §3, §4,
// §8). One regression test per fix; each pastes the equations as a test author would.
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution';

const FAST = { draws: 2, graph: false };

/** a test author's own scalar RNN with a squared-error loss: ∂L/∂o_t = −2(y_t − o_t) */
const NET = [
  '# Probe',
  '',
  '```rnn',
  'T = 3',
  'input  x = [0.5, -1.0, 2.0]',
  'target y = [1, 0, 1]',
  'param  w = 0.8',
  'param  u = 0.3',
  'h_0 = 0',
  'h_t = tanh(w h_{t-1} + u x_t)',
  'o_t = h_t',
  'loss L = Σ_t (y_t - o_t)^2',
  '```',
  '',
].join('\n');

const solve = (body: string) => analyzeSolution(NET + body, 'markdown', { analyze: FAST });
const statuses = (body: string) => solve(body).equations.map((e) => e.status);
/** every link of every equation: its status */
const links = (body: string) => solve(body).equations.flatMap((e) => e.checks.map((c) => c.status));

describe('(1) an evaluation bar at the end of an equation binds the whole equation', () => {
  it('\\Big|_{t=3} and \\bigg|_{t=T} at the end bind both sides', () => {
    const body = [
      '$$\\frac{\\partial L}{\\partial o_t} = -2(y_t - o_t)\\Big|_{t=3}$$',
      '',
      '$$\\frac{\\partial L}{\\partial o_t} = -2(y_t - o_t) \\bigg|_{t=T} \\tag{4}$$',
      '',
      '$$\\frac{\\partial L}{\\partial o_t} = -2(y_t - o_t) \\Big\\vert_{t=3}.$$',
      '',
      '$$\\frac{\\partial L}{\\partial o_t} = -2(y_t - o_t) |_{t=2}$$',
      '',
    ].join('\n');
    expect(statuses(body)).toEqual(['holds', 'holds', 'holds', 'holds']);
  });

  it("Goodfellow's τ (the last step) as the bar's step: |_{t=\\tau}, |_{t=τ-1}", () => {
    const body = [
      '$$\\frac{\\partial L}{\\partial o_t} = -2(y_t - o_t) \\Big|_{t=\\tau}$$',
      '',
      '$$\\frac{\\partial L}{\\partial o_t} = -2(y_t - o_t) \\Big|_{t=τ-1}$$',
      '',
      '$$\\frac{\\partial L}{\\partial o_t} = -2(y_t - o_t) \\Big|_{t=\\tau} + 0 \\Big|_{t=1}$$',
      '',
      '$$\\frac{\\partial L}{\\partial o_t} = 2(y_t - o_t) \\Big|_{t=\\tau}$$',
      '',
    ].join('\n');
    expect(statuses(body)).toEqual(['holds', 'holds', 'fails', 'fails']);
  });

  it('a remark in text after the bar, and a second equation after a comma or \\qquad, leave it ending its equation', () => {
    const body = [
      '$$\\frac{\\partial L}{\\partial o_t} = -2(y_t - o_t) \\Big|_{t=T} \\quad \\text{(the last step)}$$',
      '',
      '$$\\frac{\\partial L}{\\partial o_t} = -2(y_t - o_t) \\Big|_{t=T}, \\qquad \\frac{\\partial L}{\\partial o_t} = -2(y_t - o_t) \\Big|_{t=2}$$',
      '',
    ].join('\n');
    expect(links(body)).toEqual(['holds', 'holds', 'holds']);
  });

  it('a wrong right side still fails at the bound step', () => {
    const sol = solve('$$\\frac{\\partial L}{\\partial o_t} = 2(y_t - o_t)\\Big|_{t=3}$$\n');
    expect(sol.equations[0]!.status).toBe('fails');
    expect(sol.equations[0]!.message).not.toMatch(/t = 1/);
  });

  it('every side of a chain, also over the rows of an align', () => {
    const body = [
      '$$\\frac{\\partial L}{\\partial o_t} = -2(y_t - o_t) = 2(o_t - y_t) \\Big|_{t=3}$$',
      '',
      '$$',
      '\\begin{align}',
      '\\frac{\\partial L}{\\partial o_t} &= -2(y_t - o_t) \\\\',
      '&= 2(o_t - y_t) \\Big|_{t=3}',
      '\\end{align}',
      '$$',
      '',
    ].join('\n');
    const sol = solve(body);
    expect(sol.equations.flatMap((e) => e.checks.map((c) => c.status))).toEqual(['holds', 'holds', 'holds', 'holds']);
    // each link is judged at t = 3 only: no "for t = 1..3"
    for (const e of sol.equations) for (const c of e.checks) expect(c.message).not.toMatch(/t = 1/);
  });

  it('in a gather, each equation is bound by its own bar', () => {
    const body = [
      '$$',
      '\\begin{gather}',
      '\\frac{\\partial L}{\\partial o_t} = -2(y_t - o_t) \\Big|_{t=3} \\\\',
      '\\frac{\\partial L}{\\partial o_t} = 2(o_t - y_t) \\Big|_{t=2}',
      '\\end{gather}',
      '$$',
      '',
    ].join('\n');
    expect(links(body)).toEqual(['holds', 'holds']);
  });

  it('a bar in the middle of a side binds only its part; one ending a middle row of a chain only its side', () => {
    // the left side's t is free: at t = 1 it is ∂L/∂o_1, not -2(y_2 - o_2)
    expect(statuses('$$\\frac{\\partial L}{\\partial o_t} = -2(y_t - o_t)\\Big|_{t=2} + 0$$\n')).toEqual(['fails']);
    const chain = ['$$', '\\begin{aligned}', 'o_t &= o_t \\Big|_{t=3} \\\\', '&= h_t', '\\end{aligned}', '$$', ''].join('\n');
    expect(statuses(chain)).toEqual(['fails']);
  });

  it('a \\left. … \\right| keeps binding what it opened, on one row or over rows', () => {
    const body = [
      '$$\\frac{\\partial L}{\\partial o_3} = \\left. -2(y_t - o_t) \\right|_{t=3}$$',
      '',
      '$$',
      '\\begin{aligned}',
      '\\frac{\\partial L}{\\partial o_3} &= \\left. -2(y_t \\\\',
      '&\\quad - o_t) \\right|_{t=3}',
      '\\end{aligned}',
      '$$',
      '',
    ].join('\n');
    expect(statuses(body)).toEqual(['holds', 'holds']);
  });
});

/** d2l.ai §9.7's own network: a linear recurrence, a squared loss averaged over the steps */
const D2L = [
  '# d2l',
  '',
  '```rnn',
  'T = 4',
  'input  x : 2',
  'target y : 2',
  'param  W_hx : 3x2',
  'param  W_hh : 3x3',
  'param  W_qh : 2x3',
  'h_0 = [0, 0, 0]',
  'h_t = W_hx x_t + W_hh h_{t-1}',
  'o_t = W_qh h_t',
  'l_t = 0.5 sum((o_t - y_t)^2)',
  'loss L = (1/T) Σ_t l_t',
  '```',
  '',
].join('\n');
const d2l = (body: string) => analyzeSolution(D2L + body, 'markdown', { analyze: FAST }).equations.map((e) => e.status);

describe('(2) d2l.ai as printed: l (o_t, y_t) with a space, and \\in \\mathbb{R}^q', () => {
  it('∂l (o_t, y_t)/(T·∂o_t) ∈ ℝ^q reads and holds', () => {
    const body = [
      '$$\\frac{\\partial L}{\\partial \\mathbf{o}_t} =  \\frac{\\partial l (\\mathbf{o}_t, y_t)}{T \\cdot \\partial \\mathbf{o}_t} \\in \\mathbb{R}^q.$$',
      '',
      '$$L = \\frac{1}{T}\\sum_{t=1}^T l (\\mathbf{o}_t, y_t)$$',
      '',
      '$$\\frac{\\partial L}{\\partial \\mathbf{W}_\\textrm{qh}} = \\sum_{t=1}^T \\frac{\\partial L}{\\partial \\mathbf{o}_t} \\mathbf{h}_t^\\top \\in \\mathbb{R}^{q \\times h}$$',
      '',
    ].join('\n');
    expect(d2l(body)).toEqual(['holds', 'holds', 'holds']);
  });

  it('a wrong one still fails; a range in parentheses after a name is still a range', () => {
    expect(
      d2l(
        '$$\\frac{\\partial L}{\\partial \\mathbf{o}_t} = \\frac{\\partial l (\\mathbf{o}_t, y_t)}{\\partial \\mathbf{o}_t} \\in \\mathbb{R}^q$$\n',
      ),
    ).toEqual(['fails']);
    expect(
      d2l('$$\\frac{\\partial L}{\\partial \\mathbf{o}_t} = \\frac{1}{T}(\\mathbf{o}_t - \\mathbf{y}_t) (t = 1, \\dots, T)$$\n'),
    ).toEqual(['holds']);
  });
});

describe("(3) colah's LSTM gates W_f·[h_{t-1}, x_t]: the concatenation", () => {
  const LSTM = [
    '# LSTM',
    '',
    '```rnn',
    'T = 3',
    'input  x : 2',
    'target y : 2',
    'param  W_f : 2x4',
    'param  W_i : 2x4',
    'param  W_C : 2x4',
    'param  W_o : 2x4',
    'param  b_f : 2',
    'param  W_y : 2x2',
    'h_0 = [0, 0]',
    'C_0 = [0, 0]',
    'f_t = σ(W_f·[h_{t-1}, x_t] + b_f)',
    'i_t = σ(W_i [h_{t-1}, x_t])',
    'C̃_t = tanh(W_C [h_{t-1}, x_t])',
    'C_t = f_t ⊙ C_{t-1} + i_t ⊙ C̃_t',
    'o_t = σ(W_o [h_{t-1}, x_t])',
    'h_t = o_t ⊙ tanh(C_t)',
    'loss L = Σ_t 0.5 sum((W_y h_t - y_t)^2)',
    '```',
    '',
  ].join('\n');
  const lstm = (body: string) => analyzeSolution(LSTM + body, 'markdown', { analyze: FAST });

  it('the network reads, with a note saying how the brackets were read', () => {
    const sol = lstm('$$\\frac{\\partial L}{\\partial o_t} = \\frac{\\partial L}{\\partial h_t} \\odot \\tanh(C_t)$$\n');
    expect(sol.equations.map((e) => e.status)).toEqual(['holds']);
    const notes = sol.diagnostics.filter((d) => d.code === 'concatenation');
    expect(notes).toHaveLength(4);
    expect(notes[0]!.message).toBe('[h_{t-1}, x_t] is read as their concatenation, a vector of 4');
    expect(sol.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('the backward pass holds as printed; the f_t for f_{t+1} mistake fails', () => {
    const body = [
      '$$\\frac{\\partial L}{\\partial C_t} = \\frac{\\partial L}{\\partial h_t} \\odot o_t \\odot \\left(1 - \\tanh^2(C_t)\\right) + \\frac{\\partial L}{\\partial C_{t+1}} \\odot f_{t+1}$$',
      '',
      '$$\\frac{\\partial L}{\\partial W_f} = \\sum_{t=1}^{T} \\left(\\frac{\\partial L}{\\partial f_t} \\odot f_t \\odot (1 - f_t)\\right) [h_{t-1}, x_t]^\\top$$',
      '',
      '$$\\frac{\\partial L}{\\partial C_t} = \\frac{\\partial L}{\\partial h_t} \\odot o_t \\odot \\left(1 - \\tanh^2(C_t)\\right) + \\frac{\\partial L}{\\partial C_{t+1}} \\odot f_t$$',
      '',
    ].join('\n');
    expect(lstm(body).equations.map((e) => e.status)).toEqual(['holds', 'holds', 'fails']);
  });

  it('[h_{t-1}; x_t] stacks as the comma form does; [1, 2; 3, 4] is a matrix; a ; outside brackets is still refused', () => {
    const sol = lstm(
      '$$\\frac{\\partial L}{\\partial W_f} = \\sum_{t=1}^{T} \\left(\\frac{\\partial L}{\\partial f_t} \\odot f_t \\odot (1 - f_t)\\right) [h_{t-1}; x_t]^\\top$$\n',
    );
    expect(sol.equations.map((e) => e.status)).toEqual(['holds']);
    const net = (lines: string[]) =>
      analyzeSolution(['```rnn', 'T = 2', ...lines, 'loss L = sum(h_T)', '```', ''].join('\n'), 'markdown', { analyze: FAST });
    const m = net(['param M : 2x2 = [1, 2; 3, 4]', 'h_0 = [0; 0]', 'h_t = M h_{t-1} + [1; 1]', 'check M[2, 1] = 3']);
    expect(m.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(m.networks[0]!.report.checks.map((c) => c.status)).toEqual(['holds-at-given-values']);
    const bad = net(['h_0 = [0, 0]', 'h_t = h_{t-1}; 2']);
    expect(bad.diagnostics.some((d) => d.severity === 'error' && /unexpected character ';'/.test(d.message))).toBe(true);
  });

  it('a matrix literal is still rows; a list of a matrix and a vector is still refused', () => {
    const net = (line: string) =>
      analyzeSolution(['```rnn', 'T = 2', 'input x : 2', 'param M : 2x2', line, 'loss L = sum(h_T)', '```', ''].join('\n'), 'markdown', {
        analyze: FAST,
      }).diagnostics.filter((d) => d.severity === 'error');
    expect(net('h_t = [[1, 0], [0, 1]] x_t')).toEqual([]);
    expect(net('h_t = [M, x_t]')[0]!.message).toMatch(/matrix literal/);
  });
});

describe('(4) softmax derivations as printed: the Kronecker delta δ_{ij}, a step and an entry in one subscript ŷ_{t,i}', () => {
  const SOFTMAX = [
    '```rnn',
    'T = 2',
    'input  x : 3',
    'target y : 3 = [[0, 1, 0], [1, 0, 0]]',
    'param  V : 3x3',
    'o_t = V x_t',
    'ŷ_t = softmax(o_t)',
    'loss L = Σ_t -sum(y_t ⊙ log(ŷ_t))',
    '```',
    '',
  ].join('\n');
  const sm = (body: string) => analyzeSolution(SOFTMAX + body, 'markdown', { analyze: FAST });

  it('∂ŷ_i/∂o_j = ŷ_i(δ_{ij} − ŷ_j) holds, written δ_{ij}, δ_{i,j} and \\delta_{i j}; a wrong sign fails', () => {
    const body = [
      '$$\\frac{\\partial \\hat{y}_i^{(t)}}{\\partial o_j^{(t)}} = \\hat{y}_i^{(t)}(\\delta_{ij} - \\hat{y}_j^{(t)})$$',
      '',
      '$$\\frac{\\partial \\hat{y}_t[i]}{\\partial o_t[j]} = \\hat{y}_t[i](\\delta_{i,j} - \\hat{y}_t[j])$$',
      '',
      '$$\\frac{\\partial \\hat{y}_t[i]}{\\partial o_t[j]} = \\hat{y}_t[i](\\delta_{i j} - \\hat{y}_t[j])$$',
      '',
      '$$\\frac{\\partial \\hat{y}_i^{(t)}}{\\partial o_j^{(t)}} = \\hat{y}_i^{(t)}(\\delta_{ij} + \\hat{y}_j^{(t)})$$',
      '',
    ].join('\n');
    const sol = sm(body);
    expect(sol.equations.map((e) => e.status)).toEqual(['holds', 'holds', 'holds', 'fails']);
    expect(sol.diagnostics.find((d) => d.code === 'kronecker')!.message).toBe(
      'δ_ij is read as the Kronecker delta: 1 where its two indices are equal, else 0',
    );
  });

  it('a file that defines δ keeps its own δ', () => {
    const own = SOFTMAX.replace('ŷ_t = softmax(o_t)', 'ŷ_t = softmax(o_t)\nδ_t = ŷ_t - y_t');
    const sol = analyzeSolution(own + '$$\\frac{\\partial L}{\\partial o_t} = δ_t$$\n', 'markdown', { analyze: FAST });
    expect(sol.equations.map((e) => e.status)).toEqual(['holds']);
    expect(sol.diagnostics.some((d) => d.code === 'kronecker')).toBe(false);
  });

  it('Hadamard division −y ⊘ ŷ (\\oslash, ⊘) is entrywise; a wrong one fails', () => {
    const body = [
      '$$\\frac{\\partial L}{\\partial \\hat{\\mathbf{y}}_t} = -\\mathbf{y}_t \\oslash \\hat{\\mathbf{y}}_t$$',
      '',
      '$$\\frac{\\partial L}{\\partial \\hat{y}_t} = -y_t ⊘ \\hat{y}_t$$',
      '',
      '$$\\frac{\\partial L}{\\partial \\hat{y}_t} = y_t ⊘ \\hat{y}_t$$',
      '',
    ].join('\n');
    expect(sm(body).equations.map((e) => e.status)).toEqual(['holds', 'holds', 'fails']);
  });

  it('ŷ_{t,i} − y_{t,i}: the step, then the entry', () => {
    const body = [
      '$$\\frac{\\partial L}{\\partial o_{t,i}} = \\hat{y}_{t,i} - y_{t,i}$$',
      '',
      '$$\\frac{\\partial \\hat{y}_{t,i}}{\\partial o_{t,j}} = \\hat{y}_{t,i}(\\delta_{ij} - \\hat{y}_{t,j})$$',
      '',
      '$$\\frac{\\partial L}{\\partial o_{T,i}} = \\hat{y}_{T,i} - y_{t,i}$$',
      '',
      '$$\\frac{\\partial L}{\\partial o_{t,i}} = y_{t,i} - \\hat{y}_{t,i}$$',
      '',
    ].join('\n');
    expect(sm(body).equations.map((e) => e.status)).toEqual(['holds', 'holds', 'fails', 'fails']);
  });
});

describe('(5) min-char-rnn with an upright d: \\mathrm{d}y_t is the gradient dy_t', () => {
  const MIN_CHAR = [
    '```rnn',
    'T = 4',
    'input  x : 3',
    'target k = [2, 1, 3, 3]',
    'param  W_xh : 4x3',
    'param  W_hh : 4x4',
    'param  W_hy : 3x4',
    'h_0 = [0, 0, 0, 0]',
    'h_t = tanh(W_xh x_t + W_hh h_{t-1})',
    'y_t = W_hy h_t',
    'p_t = softmax(y_t)',
    'loss L = Σ_t -log(p_t[k_t])',
    '```',
    '',
  ].join('\n');
  const mc = (body: string) => analyzeSolution(MIN_CHAR + body, 'markdown', { analyze: FAST }).equations.map((e) => e.status);

  it('alone, after a factor, and after ⊙; the dhnext left out fails', () => {
    const body = [
      '$$\\mathrm{d}y_t = p_t - \\mathrm{onehot}(k_t, 3)$$',
      '',
      '$$\\mathrm{d}W_{hy} = \\sum_t \\mathrm{d}y_t \\, h_t^T$$',
      '',
      '$$\\mathrm{d}h_t = W_{hy}^T \\mathrm{d}y_t + W_{hh}^T \\left((1 - h_{t+1}^2) \\odot \\mathrm{d}h_{t+1}\\right)$$',
      '',
      '$$\\mathrm{d}h_t = W_{hy}^T \\mathrm{d}y_t$$',
      '',
    ].join('\n');
    expect(mc(body)).toEqual(['holds', 'holds', 'holds', 'fails']);
  });
});

// session 33 reversed (6): a one-hot 1_{k_t} with no = is read as e_{k_t} is, sized by what stands beside it
describe('(6) a one-hot 1_{k_t} with no = reads as e_{k_t}', () => {
  it('is the one-hot vector of k_t, sized by its neighbour', () => {
    const NETK = [
      '```rnn',
      'T = 2',
      'input x : 3',
      'target k = [2, 1]',
      'param W : 3x3',
      'p_t = softmax(W x_t)',
      'loss L = Σ_t -log(p_t[k_t])',
      '```',
      '',
    ].join('\n');
    const sol = analyzeSolution(NETK + '$$p_t - \\mathbf{1}_{k_t} = p_t - \\mathrm{onehot}(k_t, 3)$$\n', 'markdown', {
      analyze: FAST,
    });
    expect(sol.equations[0]).toMatchObject({ status: 'holds' });
  });
});

describe("(7) Iverson's bracket 𝟙[i = k_t], \\mathbb{1}\\{…\\} and 1_{\\{i = k_t\\}}", () => {
  const NETK = [
    '```rnn',
    'T = 2',
    'input x : 3',
    'target k = [2, 1]',
    'param W : 3x3',
    'y_t = W x_t',
    'p_t = softmax(y_t)',
    'loss L = Σ_t -log(p_t[k_t])',
    '```',
    '',
  ].join('\n');
  const iv = (body: string) => analyzeSolution(NETK + body, 'markdown', { analyze: FAST });

  it('each is the indicator; a wrong sign fails', () => {
    const body = [
      '$$\\frac{\\partial L}{\\partial y_{t}[i]} = p_t[i] - \\mathbb{1}[i = k_t]$$',
      '',
      '$$\\frac{\\partial L}{\\partial y_{t}[i]} = p_t[i] - \\mathbb{1}\\{i = k_t\\}$$',
      '',
      '$$\\frac{\\partial L}{\\partial y_{t}[i]} = p_t[i] - \\mathbb{1}_{\\{i = k_t\\}}$$',
      '',
      '$$\\frac{\\partial L}{\\partial y_{t}[i]} = p_t[i] + 𝟙[i = k_t]$$',
      '',
    ].join('\n');
    expect(iv(body).equations.map((e) => e.status)).toEqual(['holds', 'holds', 'holds', 'fails']);
  });

  // session 17 (text17): 1[i ≠ k] now reads, as 1 − 1[i = k]; this wrong right side fails instead of being skipped
  it('a ≠ inside brackets is no rounded value cut off the claim: the equation is read (and this one fails), with no other error', () => {
    const sol = iv('$$\\frac{\\partial L}{\\partial y_{t}[i]} = p_t[i] - 1[i \\ne k_t]$$\n');
    expect(sol.equations[0]).toMatchObject({ status: 'fails' });
    expect(sol.diagnostics.filter((d) => d.severity === 'error' && d.code !== 'check-fails')).toEqual([]);
  });
});
