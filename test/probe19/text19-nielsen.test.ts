// Session 19 (text19): Nielsen, "Neural Networks and Deep Learning", chapter 2 — the four equations of
// backpropagation (BP1–BP4) as printed, with the layers as steps: z^l = w^l a^{l-1} + b^l, a^l = σ(z^l),
// δ^l = ∂C/∂z^l, the last layer L. The superscript l is the step, w^l_{jk} an entry of layer l's matrix.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { analyzeSolution } from '../../src/solution';

const FAST = { draws: 2, graph: false };
const run = (text: string) => analyze(text, FAST);
const statuses = (text: string) => run(text).checks.map((c) => c.status);
const errors = (text: string) =>
  run(text)
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => d.message);

/** a three-layer sigmoid network with a quadratic cost, δ named as Nielsen names it (eq. 29) */
const NIELSEN = [
  'T = 3',
  'param w_t : 2x2',
  'param b_t : 2',
  'target y : 2 = [[0,0],[0,0],[1,0]]',
  'a_0 = [0.5, -0.3]',
  'z_t = w_t a_{t-1} + b_t',
  'a_t = σ(z_t)',
  'loss C = 0.5 sum((a_T - y_T)^2)',
  'δ_t = ∂C/∂z_t',
  '',
].join('\n');

describe('Nielsen BP1–BP4 in check lines', () => {
  it('BP1–BP4 and the component forms hold as printed: b^l_j, w^l_{jk}, a^{l-1}_k, δ^L, z^L_j', () => {
    const lines = [
      "check δ^L = ∇_{a^L} C ⊙ σ'(z^L)", // BP1
      "check δ^L = (a^L - y^L) ⊙ σ'(z^L)", // BP1 for the quadratic cost (eq. 30)
      "check δ^L_j = ∂C/∂a^L_j σ'(z^L_j)", // BP1, component form
      "check δ^l = ((w^{l+1})^T δ^{l+1}) ⊙ σ'(z^l)", // BP2
      'check ∂C/∂b^l_j = δ^l_j', // BP3
      'check ∂C/∂w^l_{jk} = a^{l-1}_k δ^l_j', // BP4
      'check ∂C/∂w_{j,k}^l = a_k^{l-1} δ_j^l', // BP4, the entry written first
    ];
    const a = run(NIELSEN + lines.join('\n') + '\n');
    expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(a.checks.map((c) => c.status)).toEqual(lines.map(() => 'holds'));
    // L is the last layer, not a free index; l and j, k run over the layers and the neurons
    expect(a.checks[0]!.message).not.toMatch(/L = 1/);
    expect(a.checks[4]!.message).toContain('l = 1..3 and j = 1..2');
  });

  it("the typical slip, σ'(z^{l+1}) in BP2, fails naming the factor", () => {
    const a = run(NIELSEN + "check δ^l = ((w^{l+1})^T δ^{l+1}) ⊙ σ'(z^{l+1})\n");
    expect(a.checks[0]!.status).toBe('fails');
    expect(a.checks[0]!.message).toContain('z_{l+1} should be z_l');
  });

  it('BP4 with j and k swapped fails', () => {
    expect(statuses(NIELSEN + 'check ∂C/∂w^l_{jk} = a^{l-1}_j δ^l_k\n')).toEqual(['fails']);
  });

  it('without δ, the same equations in ∂C/∂z read: ∂C/∂z^l is (∂C/∂z)^l as parsed, its l a step', () => {
    const net = NIELSEN.replace('δ_t = ∂C/∂z_t\n', '');
    const lines = [
      "check ∂C/∂z^l = ((w^{l+1})^T ∂C/∂z^{l+1}) ⊙ σ'(z^l)",
      'check ∂C/∂b^l_j = ∂C/∂z^l_j',
      "check ∂C/∂z^L_j = ∂C/∂a^L_j σ'(z^L_j)",
    ];
    expect(statuses(net + lines.join('\n') + '\n')).toEqual(['holds', 'holds', 'holds']);
  });

  it('a file that defines L keeps it: L is the last layer only where the file has no L', () => {
    const net = NIELSEN.replace('loss C =', 'loss L =').replace('δ_t = ∂C/∂z_t', 'δ_t = ∂L/∂z_t');
    // a free index written L would have run over every layer; here L is the loss, and z^L no step
    expect(errors(net + 'check ∂L/∂z^L = δ^L\n').length).toBeGreaterThan(0);
    expect(statuses(net + 'check ∂L/∂z_T = δ_T\n')).toEqual(['holds']);
    // nor is it the last step in parentheses, z^{(L)} (it read as z_T before this was pinned)
    expect(errors(net + 'check z^{(L)} = z_T\n')).toEqual(['a time index is t, t±k, a step number, T or T±k, or a Σ/∏ variable']);
    expect(statuses(NIELSEN + 'check z^{(L)} = z_T\n')).toEqual(['holds']);
  });

  it('∇_a C with no step is the last layer’s when C reads a there alone (session 37b); a network line for layer l says to write t', () => {
    expect(errors(NIELSEN + "check δ^L = ∇_a C ⊙ σ'(z^L)\n")).toEqual([]);
    expect(statuses(NIELSEN + "check δ^L = ∇_a C ⊙ σ'(z^L)\n")).toEqual(['holds']);
    const e = errors('T = 3\nparam w_t : 2x2\na_0 = [1, 2]\nz^l = w^l a^{l-1}\na^{(l)} = σ(z^{(l)})\nloss C = sum(a_T)\n');
    expect(e[0]).toBe('an equation is written for a general step t: write z_t = … (with t for l), not z at step l');
    expect(e[1]).toBe('an equation is written for a general step t: write a_t = … (with t for l), not a at step l');
  });

  it('a δ whose superscript names a node (δ^h_t, δ^{o}_t) keeps session 18’s reading; δ^l_j moves', () => {
    const net = 'T = 2\ninput x : 2\nparam W : 2x2\nh_0 = [0, 0]\nh_t = tanh(W h_{t-1} + x_t)\no_t = W h_t\nloss L = sum(o_T)\n';
    const e = errors(net + 'check δ^h_t = ∂L/∂h_t\ncheck δ^{o}_t = ∂L/∂o_t\n');
    expect(e[0]).toContain('unknown name δ^h: δh is not read as a derivative');
    expect(e[1]).toContain('unknown name δ^o: δo is not read as a derivative');
  });

  it('LaTeX still reads ^X_Y as it did where X is no step: x^T_t is x_t transposed, e^x_t Euler’s, h_t^2 a power', () => {
    const net = 'T = 2\ninput x : 2\nparam W : 2x2\nh_0 = [0, 0]\nh_t = tanh(W h_{t-1} + x_t)\nloss L = sum(h_T)\n';
    expect(statuses(net + 'check x^T_t x_t = sum(x_t^2)\ncheck h^2_t = h_t^2\n')).toEqual(['holds', 'holds']);
  });
});

describe('Nielsen as a Markdown solution', () => {
  const md = (body: string[]) => ['```rnn', NIELSEN, '```', '', ...body.flatMap((b) => [b, ''])].join('\n');

  it('BP1–BP4 as displayed hold; the network’s δ makes δ^L_j = … a claim, not a second definition', () => {
    const sol = analyzeSolution(
      md([
        "$$\\delta^L_j = \\frac{\\partial C}{\\partial a^L_j} \\sigma'(z^L_j) \\tag{BP1}$$",
        "$$\\delta^L = \\nabla_{a^L} C \\odot \\sigma'(z^L) \\tag{BP1a}$$",
        "$$\\delta^l = ((w^{l+1})^T \\delta^{l+1}) \\odot \\sigma'(z^l) \\tag{BP2}$$",
        '$$\\frac{\\partial C}{\\partial b^l_j} = \\delta^l_j \\tag{BP3}$$',
        '$$\\frac{\\partial C}{\\partial w^l_{jk}} = a^{l-1}_k \\delta^l_j \\tag{BP4}$$',
        "$$\\delta^l = ((w^{l+1})^T \\delta^{l+1}) \\odot \\sigma'(z^{l+1})$$",
      ]),
      'markdown',
      { analyze: FAST },
    );
    expect(sol.equations.map((e) => e.status)).toEqual(['holds', 'holds', 'holds', 'holds', 'holds', 'fails']);
    expect(sol.equations[5]!.message).toContain('z_{l+1} should be z_l');
  });

  it('δ^l_j ≡ ∂C/∂z^l_j (eq. 29) as the solution’s own definition defines δ for every layer (session 37b)', () => {
    const net = NIELSEN.replace('δ_t = ∂C/∂z_t\n', '');
    const text = [
      '```rnn',
      net,
      '```',
      '',
      '$$\\delta^l_j \\equiv \\frac{\\partial C}{\\partial z^l_j} \\tag{29}$$',
      '',
      "$$\\delta^L = \\nabla_a C \\odot \\sigma'(z^L)$$",
      '',
    ].join('\n');
    const sol = analyzeSolution(text, 'markdown', { analyze: FAST });
    expect(sol.equations[0]!.status).toBe('skipped');
    expect(sol.equations[0]!.message).toContain('it defines δ by a derivative');
    expect(sol.equations[1]!.status).toBe('holds');
  });
});
