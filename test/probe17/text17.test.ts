// Session 17 (text17): textbook and lecture-note notation pasted as printed (LANGUAGE.md §1, §3, §4, §8). One
// regression test per fix; each writes the network and equations as a test author would.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { analyzeSolution } from '../../src/solution';

const FAST = { draws: 2, graph: false };
const solve = (text: string) => analyzeSolution(text, 'markdown', { analyze: FAST });
const statuses = (text: string) => solve(text).equations.map((e) => e.status);
const errors = (text: string) =>
  analyze(text, FAST)
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => d.message);
const checks = (text: string) => analyze(text, FAST).checks.map((c) => c.status);

describe('(1) \\overrightarrow{h} and \\overleftarrow{h}: a bidirectional network’s two states are names', () => {
  const net = [
    '```rnn',
    'T = 3',
    'input x = [0.5, -1.0, 2.0]',
    'target y = [1, 0, 1]',
    'param W_f = 0.7',
    'param U_f = 0.4',
    'param W_b = -0.3',
    'param U_b = 0.9',
    'param V_f = 1.1',
    'param V_b = 0.6',
    '\\overrightarrow{h}_0 = 0',
    '\\overleftarrow{h}_{T+1} = 0',
    '\\overrightarrow{h}_t = tanh(W_f x_t + U_f \\overrightarrow{h}_{t-1})',
    '\\overleftarrow{h}_t = tanh(W_b x_t + U_b \\overleftarrow{h}_{t+1})',
    'o_t = V_f \\overrightarrow{h}_t + V_b \\overleftarrow{h}_t',
    'loss L = \\sum_t (o_t - y_t)^2 / 2',
    '```',
    '',
  ].join('\n');

  it('the backward recursions hold in both directions; the wrong direction fails', () => {
    const body = [
      '$$\\frac{\\partial L}{\\partial \\overrightarrow{h}_t} = (o_t - y_t) V_f + \\frac{\\partial L}{\\partial \\overrightarrow{h}_{t+1}} (1 - \\overrightarrow{h}_{t+1}^2) U_f$$',
      '',
      '$$\\frac{\\partial L}{\\partial \\overleftarrow{h}_t} = (o_t - y_t) V_b + \\frac{\\partial L}{\\partial \\overleftarrow{h}_{t-1}} (1 - \\overleftarrow{h}_{t-1}^2) U_b$$',
      '',
      '$$\\frac{\\partial L}{\\partial \\overleftarrow{h}_t} = (o_t - y_t) V_b + \\frac{\\partial L}{\\partial \\overleftarrow{h}_{t+1}} (1 - \\overleftarrow{h}_{t+1}^2) U_b$$',
      '',
    ].join('\n');
    const sol = solve(net + body);
    expect(sol.equations.map((e) => e.status)).toEqual(['holds', 'holds', 'fails']);
    expect(sol.diagnostics.filter((d) => d.severity === 'error' && d.code !== 'check-fails')).toEqual([]);
  });

  it('h⃗ and h⃖ are two names, not one', () => {
    const sol = solve(net + '$$\\overrightarrow{h}_2 = \\overleftarrow{h}_2$$\n');
    expect(sol.equations.map((e) => e.status)).toEqual(['fails']);
  });
});

describe('(2) Elman’s σ_h and σ_y: a subscripted \\sigma is a name, named once as an activation', () => {
  const net = (alias: string) =>
    [
      '```rnn',
      'T = 3',
      'input x : 2',
      'param W_h : 3x2',
      'param U_h : 3x3',
      'param b_h : 3',
      'param W_y : 2x3',
      'param b_y : 2',
      alias,
      'σ_y = σ',
      'h_0 = [0, 0, 0]',
      'h_t = σ_h(W_h x_t + U_h h_{t-1} + b_h)',
      'y_t = σ_y(W_y h_t + b_y)',
      'loss E = Σ_t sum(y_t)',
      '```',
      '',
    ].join('\n');

  it('\\sigma_h, \\sigma_{h} and σ_{h} read as the name σ_h, primes as its derivative', () => {
    const body = [
      '$$h_t = \\sigma_h(W_h x_t + U_h h_{t-1} + b_h)$$',
      '',
      '$$y_t = \\sigma_{y}(W_y h_t + b_y)$$',
      '',
      "$$\\frac{\\partial h_t}{\\partial h_{t-1}} = \\operatorname{diag}(\\sigma_h'(W_h x_t + U_h h_{t-1} + b_h)) U_h$$",
      '',
      "$$\\frac{\\partial h_t}{\\partial h_{t-1}} = \\operatorname{diag}(σ_{h}'(W_h x_t + U_h h_{t-1} + b_h)) U_h$$",
      '',
      "$$\\frac{\\partial h_t}{\\partial h_{t-1}} = \\operatorname{diag}(\\sigma_h'(W_h x_t + U_h h_{t-1} + b_h)) U_h^\\top$$",
      '',
    ].join('\n');
    expect(statuses(net('σ_h = tanh') + body)).toEqual(['holds', 'holds', 'holds', 'holds', 'fails']);
  });

  it('an activation the network does not name says how to name it', () => {
    const sol = solve(net('') + '$$h_t = \\sigma_h(W_h x_t + U_h h_{t-1} + b_h)$$\n');
    expect(sol.diagnostics.map((d) => d.message)).toContainEqual(expect.stringMatching(/unknown name σ_h: .*σ_h = tanh/));
  });

  it('a plain σ is still the function', () => {
    const text = "T = 2\nparam w = 0.5\nh_0 = 0.1\nh_t = \\sigma(w h_{t-1})\nloss L = h_T\ncheck ∂h_t/∂h_{t-1} = \\sigma'(w h_{t-1}) w\n";
    expect(checks(text)).toEqual(['holds']);
  });
});

describe('(3) 1[i ≠ k]: the indicator’s complement', () => {
  const net = [
    'T = 3',
    'input x : 2',
    'target k = [1, 3, 2]',
    'param W : 3x2',
    'param U : 3x3',
    'param V : 3x3',
    'h_0 = [0, 0, 0]',
    'h_t = tanh(W x_t + U h_{t-1})',
    'p_t = softmax(V h_t)',
    'L_t = -log(p_t[k_t])',
    'loss L = Σ_t L_t',
    '',
  ].join('\n');

  it('≠, \\neq, \\ne and != read as 1 − 1[i = k]; a wrong one fails', () => {
    const lines = [
      'check ∂L_t/∂p_t[i] = (1[i ≠ k_t] - 1) / p_t[i]',
      'check ∂L_t/∂p_t[i] = -(1 - 1_{i \\neq k_t}) / p_t[i]',
      'check ∂L_t/∂p_t[i] = (\\mathbb{1}[i \\ne k_t] - 1) / p_t[i]',
      'check ∂L_t/∂p_t[i] = (1[i != k_t] - 1) / p_t[i]',
      'check ∂L_t/∂p_t[i] = -1[i ≠ k_t] / p_t[i]',
    ];
    expect(checks(net + lines.join('\n'))).toEqual(['holds', 'holds', 'holds', 'holds', 'fails']);
  });

  it('a lone ! is still an unexpected character', () => {
    expect(errors(net + 'check L = L ! 2')).toContainEqual(expect.stringMatching(/unexpected character '!'/));
  });
});

describe('(4) e_{k_t}: the one-hot basis vector a target picks, sized by what it stands beside', () => {
  const net = [
    'T = 3',
    'input x : 2',
    'target y = [1, 3, 2]',
    'param W : 3x2',
    'param U : 3x3',
    'param V : 3x3',
    'h_0 = [0, 0, 0]',
    'h_t = tanh(W x_t + U h_{t-1})',
    'z_t = V h_t',
    'p_t = softmax(z_t)',
    'loss L = Σ_t -log(p_t[y_t])',
    '',
  ].join('\n');

  it('p_t − e_{y_t}, e_{y^{(t)}}, \\mathbf{e}_{y}, Vᵀ(p_3 − e_{y_3}) and −e_{y_t}/p_t hold; a wrong sign fails', () => {
    const lines = [
      'check ∂L/∂z_t = p_t - e_{y_t}',
      'check ∂L/∂z^{(t)} = p^{(t)} - \\mathbf{e}_{y^{(t)}}',
      'check ∂L/∂z_t = p_t - \\mathbf{e}_{y}',
      'check ∂L/∂h_3 = Vᵀ (p_3 - e_{y_3})',
      'check ∂L/∂p_t = -e_{y_t} / p_t',
      'check ∂L/∂z_t = e_{y_t} - p_t',
    ];
    expect(checks(net + lines.join('\n'))).toEqual(['holds', 'holds', 'holds', 'holds', 'holds', 'fails']);
  });

  it('with nothing to give its size, it says so; a file that defines e keeps its own e', () => {
    expect(errors(net + 'check L = sum(e_{y_1})')).toContainEqual(
      expect.stringMatching(/e_\{y_1\} is read as a one-hot basis vector.*onehot/),
    );
    const own = net.replace('loss L', 'param e_y : 3 = 1\nloss L') + 'check ∂L/∂z_t = p_t - e_{y}';
    expect(errors(own)).toEqual([]);
    expect(checks(own)).toEqual(['fails']);
  });

  it('e^{x} is still Euler’s number', () => {
    expect(checks('T = 1\nparam w = 0.3\nloss L = w\ncheck σ(w) = 1/(1 + e^{-w})')).toEqual(['holds']);
  });
});

describe('(5) ŷ_{y} where ŷ has no step (a network of one step)', () => {
  const net = (T: number) =>
    [
      `T = ${T}`,
      'input x : 2',
      `target y = [${[2, 1, 3].slice(0, T).join(', ')}]`,
      'param W : 3x2',
      'z = W x_1',
      'ŷ = softmax(z)',
      'loss L = -log(ŷ_{y_1})',
      '',
    ].join('\n');

  it('ŷ_{y} and ŷ_{y_1} are the entry y_1 picks; ŷ − e_{y} is the gradient', () => {
    const text =
      net(1) + ['check L = -log(ŷ_{y})', 'check L = -log(ŷ[y_1])', 'check ∂L/∂z = ŷ - e_{y}', 'check ∂L/∂z = ŷ + e_{y}'].join('\n');
    expect(errors(text).filter((m) => !/^fails/.test(m))).toEqual([]);
    expect(checks(text)).toEqual(['holds', 'holds', 'holds', 'fails']);
  });

  it('with several steps, ŷ_{y} asks which step of y', () => {
    expect(errors(net(2) + 'check L = -log(ŷ_{y})')).toContainEqual(
      expect.stringMatching(/_\{y\}: y is a sequence and [^ ]+ has no step — write [^ ]+_\{y_1\}/),
    );
    expect(checks(net(2) + 'check L = -log(ŷ_{y_1})')).toEqual(['holds']);
  });
});

describe('(6) min-char-rnn’s dh_{next} / dhnext: a precise refusal, not "unknown name"', () => {
  const net = [
    'T = 3',
    'input x = [0.5, -1.0, 2.0]',
    'target y = [1, 0, 1]',
    'param W_xh = 0.3',
    'param W_hh = 0.8',
    'param W_hy = 1.5',
    'h_0 = 0',
    'h_t = tanh(W_xh x_t + W_hh h_{t-1})',
    'o_t = W_hy h_t',
    'loss L = Σ_t (o_t - y_t)^2 / 2',
    '',
  ].join('\n');

  it('dh_{next} and dhnext say what to write', () => {
    for (const w of ['dh_{next}', 'dhnext', 'dh_next']) {
      const e = errors(net + `check dh_t = W_hy (o_t - y_t) + ${w}`);
      expect(e).toHaveLength(1);
      expect(e[0]).toMatch(/min-char-rnn's dhnext.*∂L\/∂h_\{t\+1\} ∂h_\{t\+1\}\/∂h_t/);
    }
  });

  it('what it stands for, written out, holds', () => {
    expect(checks(net + 'check dh_t = W_hy (o_t - y_t) + ∂L/∂h_{t+1} ∂h_{t+1}/∂h_t for t = 1..2')).toEqual(['holds']);
  });
});

describe('(7) the concatenation note prints [a; b] as written', () => {
  it('semicolons for a stacked literal, commas for a comma one', () => {
    const text = [
      'T = 2',
      'input x : 2',
      'param W : 3x5',
      'h_0 = [0, 0, 0]',
      'h_t = tanh(W [h_{t-1}; x_t])',
      'g_t = tanh(W [h_{t-1}, x_t])',
      'loss L = sum(h_T + g_T)',
    ].join('\n');
    const notes = analyze(text, FAST)
      .diagnostics.filter((d) => d.code === 'concatenation')
      .map((d) => d.message);
    expect(notes).toEqual([
      '[h_{t-1}; x_t] is read as their concatenation, a vector of 5',
      '[h_{t-1}, x_t] is read as their concatenation, a vector of 5',
    ]);
  });
});

describe('(8) CS224n’s vanishing-gradient notes: bounds and |_{(i)} are skipped saying precisely why', () => {
  const net = [
    '```rnn',
    'T = 4',
    'input x : 2',
    'param W_h : 3x3',
    'param W_e : 3x2',
    'param b_1 : 3',
    'param U : 1x3',
    'h_0 = [0, 0, 0]',
    'h_t = σ(W_h h_{t-1} + W_e x_t + b_1)',
    'J_t = (U h_t)^2',
    'loss J = Σ_t J_t',
    '```',
    '',
  ].join('\n');
  const body = [
    "$$\\frac{\\partial h_t}{\\partial h_k} = \\prod_{j=k+1}^{t} \\frac{\\partial h_j}{\\partial h_{j-1}} = \\prod_{j=k+1}^{t} \\operatorname{diag}\\left(\\sigma'(W_h h_{j-1} + W_e x_j + b_1)\\right) W_h$$",
    '',
    "$$\\left\\| \\frac{\\partial h_j}{\\partial h_{j-1}} \\right\\| \\leq \\left\\| W_h^T \\right\\| \\left\\| \\operatorname{diag}\\left(\\sigma'(W_h h_{j-1})\\right) \\right\\| \\leq \\beta_W \\beta_h$$",
    '',
    '$$\\left\\| \\frac{\\partial h_t}{\\partial h_k} \\right\\| = \\left\\| \\prod_{j=k+1}^{t} \\frac{\\partial h_j}{\\partial h_{j-1}} \\right\\| \\leq (\\beta_W \\beta_h)^{t-k}$$',
    '',
    '$$\\frac{\\partial J}{\\partial W_h} = \\sum_{t=1}^{T} \\frac{\\partial J}{\\partial W_h}\\Bigg|_{(t)}$$',
    '',
    '$$\\frac{\\partial J}{\\partial W_h} = \\sum_{t=1}^{T} \\frac{\\partial J}{\\partial h_t} \\frac{\\partial^+ h_t}{\\partial W_h}$$',
    '',
  ].join('\n');

  it('the product holds; a bound is checked, and one after an equation (session 46); the copy bar is read (session 19, text19: it was refused)', () => {
    const sol = solve(net + body);
    expect(sol.equations.map((e) => e.status)).toEqual(['holds', 'holds', 'holds', 'holds', 'holds']);
    // session 45: the bound's first link is judged (it said "an inequality (\leq), a bound: only equalities are
    // checked"); its second, ≤ β_W β_h, names letters the network does not have
    expect(sol.equations[1]!.message).toMatch(/^holds for j = 1..4 at the file's values and \d random draws$/);
    // (session 47: the link it stops is named, and listed beside the judged one)
    expect(sol.diagnostics.map((d) => d.message)).toContain('link 2 not checked: unknown name β_W');
    expect(sol.equations[1]!.linksNotChecked?.map((l) => [l.link, l.message])).toEqual([[2, 'not checked: unknown name β_W']]);
    // session 46: ‖∂h_t/∂h_k‖ = ‖∏ ∂h_j/∂h_{j−1}‖ ≤ (β_W β_h)^{t−k}, an equality then a bound, is judged link by link (it
    // said "'≤' after the equation: an inequality, a bound, is not checked"): the equality holds, the bound names β_W
    expect(sol.equations[2]!.checks.map((c) => [c.link, c.status])).toEqual([[1, 'holds']]);
    expect(sol.equations[2]!.linksNotChecked?.map((l) => l.link)).toEqual([2]);
    expect(sol.equations[2]!.message).toMatch(
      /^holds for t = 1\.\.4 and k = 1\.\.4 \(the 10 of 16 pairs where its Σ\/∏ bounds run forward\)/,
    );
  });

  it('an equation with no relation at all still says there is no equality', () => {
    expect(solve(net + '$$\\frac{\\partial J}{\\partial W_h}$$\n').equations[0]!.message).toMatch(/no equality to check/);
  });
});

describe('(9) Lipton et al.’s W^{gx}: a superscripted role is the name the file defines', () => {
  const net = [
    'T = 2',
    'input x : 2',
    'param W_gx : 3x2',
    'param W_gh : 3x3',
    'h_0 = [0, 0, 0]',
    'h_t = tanh(W_gx x_t + W_gh h_{t-1})',
    'loss L = sum(h_T)',
    '',
  ].join('\n');

  it('W^{gx} reads as W_gx with a note; W^2 of a defined W stays a power', () => {
    const r = analyze(net + 'check h_t = tanh(W^{gx} x_t + W^{gh} h_{t-1})', FAST);
    expect(r.checks.map((c) => c.status)).toEqual(['holds']);
    expect(r.diagnostics.filter((d) => d.code === 'superscript-name').map((d) => d.message)).toEqual([
      'W^{gx} is read as W_gx, the name the file defines',
      'W^{gh} is read as W_gh, the name the file defines',
    ]);
    const own = 'T = 1\nparam W : 2x2 = [[1, 2], [3, 4]]\nparam W_t : 2x2 = 0\nloss L = sum(W)\ncheck W^2 = W W\n';
    expect(checks(own)).toEqual(['holds']);
  });
});

describe('(10) Graves’ Σ_{h′=1}^{H}: a primed index is refused by name', () => {
  it('says to use another letter', () => {
    const text = "T = 2\nparam w = 0.5\nh_0 = 0.1\nh_t = tanh(w h_{t-1})\nloss L = h_T\ncheck L = \\sum_{h'=1}^{2} h_{h'}\n";
    expect(errors(text)).toContainEqual(expect.stringMatching(/a primed index h' is not one — use another letter/));
  });
});

describe('(11) Graves’ bare superscript steps: h^t, a_j^{t+1}, and definitions h^t = …', () => {
  const graves = [
    '```rnn',
    'T = 3',
    'input x : 2',
    'target z : 2',
    'param w_ih : 3x2',
    'param w_hh : 3x3',
    'param w_hk : 2x3',
    'b_0 = [0, 0, 0]',
    'a_t = w_ih x_t + w_hh b_{t-1}',
    'b_t = tanh(a_t)',
    'o_t = w_hk b_t',
    'loss L = Σ_t sum((o_t - z_t)^2) / 2',
    '```',
    '',
  ].join('\n');

  it('the hidden deltas and the weight gradient hold as printed; b_j^{t} for b_j^{t-1} fails naming the step', () => {
    const body = [
      "$$\\frac{\\partial L}{\\partial a_h^t} = \\tanh'(a_h^t) \\left( \\sum_{k} \\frac{\\partial L}{\\partial o_k^t} w_{hk}[k, h] + \\sum_{j} \\frac{\\partial L}{\\partial a_j^{t+1}} w_{hh}[j, h] \\right)$$",
      '',
      '$$\\frac{\\partial L}{\\partial w_{hh}[i, j]} = \\sum_{t=1}^{T} \\frac{\\partial L}{\\partial a_i^t} b_j^{t-1}$$',
      '',
      '$$\\frac{\\partial L}{\\partial w_{hh}[i, j]} = \\sum_{t=1}^{T} \\frac{\\partial L}{\\partial a_i^t} b_j^{t}$$',
      '',
    ].join('\n');
    const sol = solve(graves + body);
    expect(sol.equations.map((e) => e.status)).toEqual(['holds', 'holds', 'fails']);
    expect(sol.equations[2]!.message).toMatch(/should be b_\{t-1\}/);
  });

  const scalar = (def: string) =>
    ['T = 3', 'input x = [0.5, -1.0, 2.0]', 'param w = 0.5', 'param u = 0.3', ...def.split('\n'), 'loss L = Σ_t (h^{t})^2', ''].join('\n');

  it('definitions with bare superscript steps read as h^{(t)}; h^2 of a sequence stays a power (refused)', () => {
    const checksOf = (def: string) =>
      checks(scalar(def) + 'check ∂L/∂h^t = 2 h^t + ∂L/∂h^{t+1} (1 - (h^{t+1})^2) w\ncheck h^{t} = tanh(w h^{t-1} + u x^t)');
    expect(checksOf('h^0 = 0.1\nh^t = tanh(w h^{t-1} + u x^t)')).toEqual(['holds', 'holds']);
    expect(checksOf('h_0 = 0.1\nh_t = tanh(w h_{t-1} + u x_t)')).toEqual(['holds', 'holds']);
    expect(errors(scalar('h_0 = 0.1\nh_t = tanh(w h_{t-1} + u x_t)') + 'check h^2 = h_2')).toContainEqual(
      expect.stringMatching(/h is a sequence/),
    );
  });

  it('a parameter raised to a step variable stays a power (Σ_t w^t)', () => {
    expect(checks('T = 3\nparam w = 0.5\nloss L = w\ncheck Σ_t w^t = w + w^2 + w^3')).toEqual(['holds']);
  });
});

describe('(12) ½ (and ¼, ¾) are numbers: L = ½‖h_T‖²', () => {
  it('reads and holds', () => {
    const text = 'T = 2\nparam w = 0.5\nh_0 = 0.1\nh_t = tanh(w h_{t-1})\nloss L = ½ h_T^2\ncheck ∂L/∂h_T = h_T\ncheck ¼ + ¾ = 1\n';
    expect(errors(text)).toEqual([]);
    expect(checks(text)).toEqual(['holds', 'holds']);
  });
});

describe('(13) a ```rnn block never closed says so, at its fence', () => {
  const open = ['# Sheet', '', '```rnn', 'T = 2', 'param w = 0.5', 'h_0 = 0.1', 'h_t = tanh(w h_{t-1})', 'loss L = h_T', ''];

  it('a warning at the opening fence; a closed one (``` or ~~~, also in a quote) has none', () => {
    const unclosed = solve([...open, '$$\\frac{\\partial L}{\\partial h_2} = 1$$', ''].join('\n'));
    const warn = unclosed.diagnostics.filter((d) => /never closed/.test(d.message));
    expect(warn).toMatchObject([{ severity: 'warning', line: 3 }]);
    const closed = (fence: string) =>
      solve(
        [...open.slice(0, 2), fence + 'rnn', ...open.slice(3, 8), fence, '', '$$\\frac{\\partial L}{\\partial h_2} = 1$$', ''].join('\n'),
      );
    for (const f of ['```', '~~~', '````']) {
      const sol = closed(f);
      expect(sol.diagnostics.filter((d) => /never closed/.test(d.message))).toEqual([]);
      expect(sol.equations.map((e) => e.status)).toEqual(['holds']);
    }
  });
});

describe('(14) Graves’ δ_k^t with no definition: refused saying what it stands for', () => {
  it('names ∂L/∂a_k^{(t)}', () => {
    const text = 'T = 2\nparam w = 0.5\nh_0 = 0.1\nh_t = tanh(w h_{t-1})\nloss L = h_T\ncheck δ_k^t = 1\n';
    expect(errors(text)).toEqual([expect.stringMatching(/unknown name δ_k: a δ with a unit's index .*∂L\/∂a_k\^\{\(t\)\}/)]);
  });
});
