// Hochreiter & Schmidhuber's superscript names (1997): y^{in}(t), y^{out}(t), y^c(t) (session 43; session 42's
// probe P1 left them: in the block `y^{in}_t = σ(…)` was "expected '='", `y^c_t = …` "the left side's index must be
// t", and a word over a name a power). A file that DEFINES NAME^{word} (letters; one letter only with a step after it)
// reads that spelling as one name everywhere; every other superscript reads as before.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { analyzeSolution } from '../../src/solution/index';
import { lex } from '../../src/language/lexer';
import { definedAt, superscriptNames } from '../../src/language/superscriptNames';
import { nameCharsLatex } from '../../src/display/latex';

const FAST = { graph: false, symbolic: false } as const;

const CELL = `T = 3
input x = [0.5, -1.0, 2.0]
param w_in = 0.6
param w_c = 0.5
param w_out = 0.7
param c = 2
s_c(0) = 0
net_{in}(t) = w_in x(t)
y^{in}(t) = σ(net_{in}(t))
y^{out}(t) = σ(w_out x(t))
s_c(t) = s_c(t-1) + y^{in}(t) tanh(w_c x(t))
y^c(t) = y^{out}(t) tanh(s_c(t))
loss L = Σ_t (y^c(t))^2 + c^2 + w_c^2
`;

function defined(text: string): string[] {
  return [...superscriptNames(lex(text).tokens)];
}

describe('a word over a name the file defines', () => {
  it('is one name, with (t) or _t as its step, in the block and in checks', () => {
    const r = analyze(
      `${CELL}check ∂y^c(t)/∂s_c(t) = y^{out}(t) (1 - tanh(s_c(t))^2)
check ∂y^{in}(t)/∂w_in = y^{in}(t)(1 - y^{in}(t)) x(t)
check ∂L/∂w_in = Σ_t ∂L/∂y^{in}_t y^{in}_t(1 - y^{in}_t) x_t
check ∂y^c(t)/∂s_c(t) = y^{in}(t) (1 - tanh(s_c(t))^2)
`,
      FAST,
    );
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds', 'holds', 'fails']);
    expect(r.checks[3]!.message).toMatch(/y\^\{in\}_t should be y\^\{out\}_t/);
  });

  it('y^c_t = … (the subscript glued to the letter) defines y^c, and a loss through it reads', () => {
    const r = analyze(
      `T = 3
input x = [0.5, -1.0, 2.0]
param w_in = 0.6
param w_c = 0.5
s_0 = 0
y^{in}_t = σ(w_in x_t)
s_t = s_{t-1} + y^{in}_t tanh(w_c x_t)
y^c_t = tanh(s_t)
loss L = Σ_t (y^c_t)^2
check ∂L/∂w_c = Σ_t 2 y^c_t ∂y^c_t/∂w_c
`,
      FAST,
    );
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds']);
  });

  it('keeps powers powers: w^2, h_t^2, c^2, W^T, W^\\top, σ^{-1}, and y^c where the file defines no y^c', () => {
    const r = analyze(
      `${CELL}check ∂L/∂c = 2 c
check ∂L/∂w_c = 2 w_c + Σ_t 2 y^c(t) ∂y^c(t)/∂w_c
check σ^{-1}(y^{in}(t)) = net_{in}(t)
`,
      FAST,
    );
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds', 'holds']);
    const powers = analyze(
      `T = 3
input x = [0.5, -1.0, 2.0]
param w = 0.6
param c = 2
param y = 1.5
param W : 2x2 = [[0.4, -0.2], [0.3, 0.5]]
h_0 = 0
h_t = tanh(w h_{t-1} + x_t)
g_t = W [h_t, h_t]
loss L = Σ_t (h_t^2 + sum(W^T g_t) + sum(W^\\top g_t)) + y^c + w^2
check ∂L/∂c = y^c log(y)
check ∂L/∂y = c y^{c-1}
`,
      FAST,
    );
    expect(powers.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(powers.checks.map((c) => c.status)).toEqual(['holds', 'holds']);
  });

  it('what a definition is: a word of letters, one letter only with a step after it', () => {
    expect(defined('y^{in}(t) = 1\ny^{out}_t = 2\ny^c_t = 3\ny^{c}(t) = 4\nnet^{in} = 5\n').sort()).toEqual([
      'net^in',
      'y^c',
      'y^in',
      'y^out',
    ]);
    // steps, powers and transposes: Greff's z^t, Nielsen's z^l and a^l_j, h^2_t, x^T_t, h^{t-1}, a value's y^{in}
    expect(defined('z^t = 1\nz^l = 2\na^l_j = 3\nh^2_t = 4\nx^T_t = 5\nh^{t-1} = 6\nq = y^{in}\ny^{in}\n')).toEqual([]);
    expect(definedAt(lex('y^{in}_t = 1').tokens, 0)).toBe('y^in');
    // a declaration: any word (no power stands there); a check's side defines nothing
    expect(defined('param W^{in} : 2x2\ninput x^c = [1, 2]\nloss L^{tot} = 1\ncheck y^{in}_t = 1\nparam W^T = 1\n').sort()).toEqual([
      'L^tot',
      'W^in',
      'x^c',
    ]);
  });

  it('declared: an input and parameters with a word over them, y^c-like letters included', () => {
    const r = analyze(
      `T = 3
input x^{in} = [0.5, -1.0, 2.0]
param w^{in} = 0.6
param w^c = 0.5
param c = 2
s_0 = 0
s_t = s_{t-1} + σ(w^{in} x^{in}_t) tanh(w^c x^{in}_t)
loss L = Σ_t s_t^2 + c^2
check ∂L/∂w^c = Σ_t 2 s_t ∂s_t/∂w^c
check ∂L/∂c = 2 c
`,
      FAST,
    );
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds']);
  });

  it('is written as a superscript in LaTeX', () => {
    expect(nameCharsLatex('y^{in}')).toBe('y^{in}');
    expect(nameCharsLatex('σ^{c}')).toBe('\\sigma ^{c}');
  });

  it('reads in a solution’s equations about its network block', () => {
    const md = `# LSTM 1997

\`\`\`rnn
${CELL}\`\`\`

$$\\frac{\\partial y^c(t)}{\\partial s_c(t)} = y^{out}(t) \\left(1 - \\tanh^2(s_c(t))\\right)$$

$$\\frac{\\partial y^{in}(t)}{\\partial w_{in}} = y^{in}(t)(1 - y^{in}(t)) x(t)$$

$$\\frac{\\partial y^{in}(t)}{\\partial w_{in}} = y^{in}(t)(1 - y^{in}(t))$$

$$\\frac{\\partial y^{\\text{in}}(t)}{\\partial w_{\\text{in}}} = y^{\\mathrm{in}}(t)\\,(1 - y^\\text{in}(t))\\, x(t)$$
`;
    const s = analyzeSolution(md, 'markdown');
    expect(s.equations.map((e) => e.status)).toEqual(['holds', 'holds', 'fails', 'holds']);
  });
});

// Jaeger's w^{out}_{ij} (probe 50): the entry of the file's W^{out} in the lower case textbooks write entries in; it was
// a parse error ("expected '}' to close the denominator of \frac, found '_'"). A file's own w^{out} keeps its name.
describe('a lower-case letter under a defined matrix word', () => {
  const esn = [
    'T = 2',
    'input u = [0.5, -1.0]',
    'param W^{in} : 2 = [0.6, -0.4]',
    'param W : 2x2 = [[0.2, -0.3], [0.4, 0.1]]',
    'param W^{out} : 2x2 = [[0.5, -0.2], [0.1, 0.4]]',
    'target d : 2 = [[0.2, -0.1], [0.4, 0.3]]',
    'x_0 = [0.1, -0.2]',
    'x_t = tanh(W^{in} u_t + W x_{t-1})',
    'y_t = W^{out} x_t',
    'loss E = 1/2 Σ_t (y_t - d_t)ᵀ (y_t - d_t)',
  ].join('\n');
  it('w^{out}_{ij} is entry (i, j) of W^{out}', () => {
    const r = analyze(
      `${esn}\ncheck ∂E/∂w^{out}_{ij} = Σ_t (y_t[i] - d_t[i]) x_t[j]\ncheck ∂E/∂w^{out}_{12} = Σ_t (y_t[1] - d_t[1]) x_t[2]\n`,
    );
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds']);
  });
  it('the wrong entry still fails', () => {
    const r = analyze(`${esn}\ncheck ∂E/∂w^{out}_{12} = Σ_t (y_t[2] - d_t[2]) x_t[1]\n`);
    expect(r.checks.map((c) => c.status)).toEqual(['fails']);
  });
});
