// Shared by the solution tests: the examples, and a reading that lists what a test asserts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSolution, type SolutionKind } from '../../src/solution/index';
import { SHEET7_RECURRENCE } from '../language/helpers';

export const EXAMPLES = join(__dirname, '..', '..', 'examples', 'solutions');
export const example = (name: string) => readFileSync(join(EXAMPLES, name), 'utf8');

/** the reader's result in a form tests compare: equations (line, tag, network) and claims (displays, folded text) */
export function reading(text: string, kind: SolutionKind = 'markdown', sidecar: string | null = null) {
  const r = readSolution(text, kind, sidecar);
  if (!r) return null;
  return {
    networks: r.networks.length,
    equations: r.equations.map((e) => ({ line: e.range.line, endLine: e.range.endLine, tag: e.tag, network: e.network })),
    claims: r.claims.map((c) => ({ displays: c.displays, text: c.text.chars.replace(/\s+/g, ' ').trim(), skip: c.skip })),
    diagnostics: r.diagnostics,
  };
}

/** the text of a file range (1-based lines and columns, end exclusive) */
export function slice(text: string, r: { line: number; column: number; endLine: number; endColumn: number }): string {
  const lines = text.split('\n');
  const offset = (l: number, c: number) => lines.slice(0, l - 1).reduce((n, s) => n + s.length + 1, 0) + c - 1;
  return text.slice(offset(r.line, r.column), offset(r.endLine, r.endColumn));
}

/** the one-weight tanh RNN over inputs xs (T = their count), as the lines of a Markdown network block and a blank */
export function tanhNetLines(xs: readonly number[], h0: number): string[] {
  const net = ['T = ' + xs.length, 'param w = 0.5', `input x = [${xs.join(', ')}]`, `h_0 = ${h0}`, 'h_t = tanh(w h_{t-1} + x_t)'];
  return ['```rnn', ...net, 'loss L = Σ_t h_t', '```', ''];
}

/** the sheet-7 network of LANGUAGE.md, as a Markdown network block */
export const SHEET7_BLOCK = `\`\`\`rnn
T = 3
input  x = [0.5, -1.0, 2.0]
target t = [1, 0, 1]
${SHEET7_RECURRENCE}y_t = σ(W_hy h_t + b_y)
\\mathcal{L}_t = (t_t - y_t)^2
loss \\mathcal{L} = \\sum_{t=1}^{T} \\mathcal{L}_t
\`\`\`
`;

/** a worked sheet over SHEET7_BLOCK: claims that hold, fail, continue, span lines, and do not read */
export const SHEET = `# Sheet 7, worked

${SHEET7_BLOCK}
Part 1.

$$\\frac{\\partial \\mathcal{L}}{\\partial y_3} = -2(t_3 - y_3) \\tag{1}$$

$$\\frac{\\partial \\mathcal{L}}{\\partial y_3} = 2(t_3 - y_3)$$
(2)

$$\\frac{\\partial h_t}{\\partial h_{t-1}} = \\sigma'(W_{xh}x_t + W_{hh}h_{t-1} + b_h)W_{hh} \\tag{17}$$

$$\\mathcal{L} = (t_1 - y_1)^2$$

$$+ (t_2 - y_2)^2$$

$$+ (t_3 - y_3)^2 \\tag{6}$$

$$
\\begin{aligned}
\\frac{\\partial \\mathcal{L}}{\\partial y_2}
  &= 2(t_2
  - y_2) \\\\
\\end{aligned}
$$

$$ \\mathcal{Q}_t = 1 $$

$$ h_t = \\sigma(W_{xh} x_t + W_{hh} h_{t-1} + b_h), $$

Inline $y_3 = 5$ is prose.
`;

/** an Elman network with a softmax output and cross-entropy (Elman/Goodfellow's s_t, o_t, ŷ_t), as a Markdown block */
export const ELMAN_SOFTMAX_BLOCK = String.raw`~~~rnn
T = 3
input  x : 2
target y : 3 = [[1,0,0],[0,0,1],[0,1,0]]
param U : 4x2
param W : 4x4
param V : 3x4
param b : 4
param c : 3
s_0 = [0, 0, 0, 0]
s_t = σ(U x_t + W s_{t-1} + b)
o_t = V s_t + c
\hat{y}_t = softmax(o_t)
E_t = -y_t^\top \log \hat{y}_t
loss E = \sum_t E_t
~~~
`.replace(/~~~/g, '```');

/** CS231n's vanilla RNN with a softmax output and cross-entropy (δ_t = ∂L/∂h_t in its notes), as a .rnn text */
export const CS231N_RNN = `T = 3
input x : 2
target y : 3 = [[1, 0, 0], [0, 0, 1], [0, 1, 0]]
param W_xh : 4x2
param W_hh : 4x4
param b : 4
param W_hy : 3x4
param c : 3
h_0 = 0
h_t = tanh(W_hh h_{t-1} + W_xh x_t + b)
o_t = W_hy h_t + c
ŷ_t = softmax(o_t)
loss L = -Σ_t y_t^T log(ŷ_t)
`;

/** a one-weight tanh RNN with a σ output and a squared loss: the identity tests' network (a letter of their own beside it) */
export const TANH_SIGMA_NET = `T = 2
input x = [1, 2]
target d = [0.5, 1]
param w = 0.5
h_0 = 0
h_t = tanh(w h_{t-1} + x_t)
y_t = σ(h_t)
loss L = Σ_t (y_t - d_t)^2
`;

/** an exam's T = 2 network (weights w, u, v; a halved squared loss), as the hand-computation tests write it */
export const EXAM_NET = `T = 2
input  x = [1, 2]
target d = [0.5, 1]
param  w = 0.5
param  u = 0.2
param  v = 1.3
h_0 = 0
h_t = tanh(w h_{t-1} + u x_t)
y_t = σ(v h_t)
loss L = Σ_t (y_t - d_t)^2 / 2
`;

/** Nielsen's chapter 2 network with its layers as steps (z^l = w^l a^{l-1} + b^l, a quadratic cost C), no δ defined */
export const NIELSEN_NET = `T = 3
param  w_t : 3x3
param  b_t : 3
target y : 3 = [[0, 0, 0], [0, 0, 0], [1, 0, 1]]
a_0 = [0.5, -0.2, 0.8]
z^{(t)} = w^{(t)} a^{(t-1)} + b^{(t)}
a^{(t)} = σ(z^{(t)})
loss C = 0.5 sum((a^{(T)} - y^{(T)})^2)
`;
