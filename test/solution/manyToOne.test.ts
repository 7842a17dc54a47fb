// A many-to-one network (sequence classification): one target for the whole sequence, read by the last state only.
// `target y : 2` declares a sequence; written without a step in the loss (`loss L = −yᵀ log(p)`, p = softmax(V h_T)) it
// was "y is a sequence: write y_t, y_{t-1} or a step such as y_1", and every equation after it was "L is not
// available". Outside a step's equation, where the network never writes y with a step, it is read as y_T and said so;
// the cross-entropy's −yᵀ also makes its draws one-hot.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { analyzeSolution } from '../../src/solution/index';

const NET = `T = 4
input x : 3
target y : 2
param W : 4 x 4
param U : 4 x 3
param V : 2 x 4
h_0 = 0
h_t = tanh(W h_{t-1} + U x_t)
p = softmax(V h_T)
loss L = -y^T log(p)
`;
const EQS = [
  String.raw`$$\frac{\partial L}{\partial h_T} = V^T (p - y) \tag{1}$$`,
  String.raw`$$\frac{\partial L}{\partial h_t} = W^T \mathrm{diag}(1 - h_{t+1}^2) \frac{\partial L}{\partial h_{t+1}}, \quad t < T \tag{2}$$`,
  String.raw`$$\frac{\partial L}{\partial W} = \sum_{t=1}^{T} \mathrm{diag}(1 - h_t^2) \frac{\partial L}{\partial h_t} h_{t-1}^T \tag{3}$$`,
  String.raw`$$\frac{\partial L}{\partial V} = (p - y) h_T^T \tag{4}$$`,
  String.raw`$$\frac{\partial L}{\partial V} = \sum_{t=1}^T (p - y) h_t^T \tag{5}$$`,
];

describe('a many-to-one network’s one target', () => {
  it('is read as the last step’s where written without a step, and said once', () => {
    const r = analyze(NET);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const said = r.diagnostics.filter((d) => d.code === 'last-step-target');
    expect(said.map((d) => [d.line, d.message])).toEqual([
      [
        10,
        "y is written without a step, outside a step's equation: read as y_T, the last step's target (a many-to-one network has one target for the whole sequence)",
      ],
    ]);
    // a cross-entropy's target: its samples are one-hot
    expect(r.diagnostics.find((d) => d.code === 'sampled')!.message).toMatch(/y \(one-hot, as a cross-entropy target\)/);
  });

  it('a solution’s equations are judged: the right ones hold, the sum over every step fails', () => {
    const sol = analyzeSolution(`\`\`\`rnn\n${NET}\`\`\`\n\n${EQS.join('\n\n')}\n`, 'markdown', { sidecar: null });
    expect(sol.equations.map((e) => e.status)).toEqual(['holds', 'holds', 'holds', 'holds', 'fails']);
    // the sum over every step, as if each step had a loss: its last term alone is named
    expect(sol.equations[4]!.message).toMatch(
      /The Σ over t on the right side \(t = 1\.\.4\) adds terms that are no part of it, t = 1\.\.3: its last term alone, t = 4, holds/,
    );
  });

  it('the loss is y_T’s: the same numbers as written with the step', () => {
    const written = analyze(NET.replace('loss L = -y^T log(p)', 'loss L = -y_T^T log(p)'));
    expect(analyze(NET).loss!.value).toBe(written.loss!.value);
  });

  it('a target the network writes with a step, or one missing its step in a step’s equation, stays the slip it is', () => {
    const stepped = analyze(NET.replace('loss L = -y^T log(p)', 'e_t = y_t - V h_t\nloss L = -y^T log(p) + Σ_t e_t^T e_t'));
    expect(stepped.diagnostics.map((d) => d.message)).toContain('y is a sequence: write y_t, y_{t-1} or a step such as y_1');
    const inStep = analyze(NET.replace('loss L = -y^T log(p)', 'e_t = V h_t - y\nloss L = Σ_t e_t^T e_t'));
    expect(inStep.diagnostics.map((d) => d.message)).toContain('y is a sequence: write y_t, y_{t-1} or a step such as y_1');
  });
});

describe('a many-to-one network’s class label', () => {
  const NET2 = `T = 3
input x : 2
target y
param W : 3 x 3
param U : 3 x 2
param V : 4 x 3
h_0 = 0
h_t = tanh(W h_{t-1} + U x_t)
\\hat{y} = softmax(V h_T)
loss L = -\\log \\hat{y}_y
`;
  it('ŷ_y, e_y and 1_y read its one label (ŷ_y was "y is a sequence and ŷ has no step", e_y a free step t, 1_y no reading)', () => {
    const eqs = [
      String.raw`$$\frac{\partial L}{\partial h_T} = V^T (\hat{y} - e_y)$$`,
      String.raw`$$\frac{\partial L}{\partial V} = (\hat{y} - \mathbb{1}_y) h_T^T$$`,
      String.raw`$$\frac{\partial L}{\partial V} = (\hat{y} - 1_y) h_{T-1}^T$$`,
    ];
    const sol = analyzeSolution(`\`\`\`rnn\n${NET2}\`\`\`\n\n${eqs.join('\n\n')}\n`, 'markdown', { sidecar: null });
    expect(sol.diagnostics.filter((d) => d.severity === 'error' && d.code !== 'check-fails')).toEqual([]);
    expect(sol.equations.map((e) => e.status)).toEqual(['holds', 'holds', 'fails']);
    expect(sol.equations[2]!.message).toMatch(/h_\{T-1\} should be h_T: with that step the check holds/);
    expect(sol.diagnostics.find((d) => d.code === 'sampled')!.message).toMatch(/y \(whole numbers 1\.\.4, as a class label\)/);
  });
});

// Nielsen's C = ½‖y − a^L‖² with the layers as steps (probe 42): the network reads its target at the last step alone,
// y_T, and the book writes y with no step. That is one target, as a many-to-one network's: a bare y outside a step's
// equation is y_T (it was "y is a sequence: write y_t"). A network that reads y at another step keeps the message.
describe('a target the network reads at its last step alone', () => {
  const NET_T = `T = 3
param w_t : 3x3
param b_t : 3
target y : 3 = [[0, 0, 0], [0, 0, 0], [1, 0, 1]]
a_0 = [0.5, -0.2, 0.8]
z_t = w_t a_{t-1} + b_t
a_t = σ(z_t)
loss C = 1/2 ‖y_T - a_T‖^2
`;
  it('is y_T written without a step, said so; a sign slip is named', () => {
    const r = analyze(`${NET_T}check ∂C/∂a_T = a^L - y\ncheck ∂C/∂a_T = y - a^L\n`, { draws: 2, graph: false });
    expect(r.diagnostics.filter((d) => d.severity === 'error' && d.code !== 'check-fails')).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'fails']);
    expect(r.checks[1]!.message).toMatch(/the opposite sign/);
    expect(r.diagnostics.some((d) => d.code === 'last-step-target')).toBe(true);
    // also with the step in braces or parentheses in the network
    const braced = analyze(`${NET_T.replace('y_T - a_T', 'y^{(T)} - a_T')}check ∂C/∂a_T = a_T - y\n`, { draws: 2, graph: false });
    expect(braced.checks.map((c) => c.status)).toEqual(['holds']);
  });
  it('a network that reads the target at other steps still asks for the step', () => {
    const r = analyze(`${NET_T.replace('1/2 ‖y_T - a_T‖^2', 'Σ_t 1/2 ‖y_t - a_t‖^2')}check ∂C/∂a_T = a_T - y\n`, {
      draws: 2,
      graph: false,
    });
    expect(r.diagnostics.find((d) => d.severity === 'error')!.message).toMatch(/y is a sequence: write y_t/);
  });
});

// CS231n's dW_x = Σ_t x_tᵀ dtanh_t as the first display (probe 42): its base dW is no name of the network, and it was
// taken as the solution's own name defined by a derivative; the name written, dW_x, is the parameter W_x's gradient.
describe('dW_x in a solution, W_x a parameter', () => {
  it('is a claim about ∂L/∂W_x, not a name of its own', () => {
    const net = `T = 2\ninput x : 2\nparam W_x : 2x2\nh_0 = [0, 0]\nh_t = tanh(W_x x_t + h_{t-1})\nloss L = sum(h_T)\n`;
    const sol = analyzeSolution(
      `\`\`\`rnn\n${net}\`\`\`\n\n$$dW_x = \\sum_{t=1}^{T} \\frac{\\partial L}{\\partial h_t} \\odot (1 - h_t^2) x_t^T$$\n\n$$dW_x = \\sum_{t=1}^{T} \\frac{\\partial L}{\\partial h_t} \\odot (1 - h_t) x_t^T$$\n`,
      'markdown',
      { sidecar: null },
    );
    expect(sol.equations.map((e) => e.status)).toEqual(['holds', 'fails']);
  });
});
