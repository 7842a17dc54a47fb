// Overleaf's `physics` package (probe 47): `\pdv{L}{h_t}`, `\dv`, `\qty(…)`, `\vb{h}`, `\mqty(…)` were each "unknown
// LaTeX command" and every display with one skipped. Each is read as the LaTeX it prints; a second or mixed derivative
// (`\pdv[2]`, `\pdv{f}{x}{y}`), which the language has no reading of, is named; a solution's own \pdv wins.
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution/index';

const NET = `\`\`\`rnn
T = 3
input x : 2 = [[1.0, -0.5], [0.3, 0.8], [-0.6, 0.2]]
param W : 2x2 = [[0.5, 0.2], [-0.3, 0.4]]
param U : 2x2 = [[0.4, -0.3], [0.2, 0.5]]
param b : 2 = [0.1, -0.1]
h_0 = [0, 0]
h_t = tanh(W h_{t-1} + U x_t + b)
loss L = sum(h_T)
\`\`\`
`;
const read = (eq: string) => analyzeSolution(`${NET}\n$$${eq}$$\n`, 'markdown', { sidecar: null }).equations[0]!;

describe('the physics package', () => {
  it('reads \\pdv, \\dv, \\qty, \\vb and \\bm as what they print', () => {
    expect(read(String.raw`\pdv{\vb{h}_t}{\vb{h}_{t-1}} = \operatorname{diag}\qty(1 - \vb{h}_t \odot \vb{h}_t) \bm{W}`).status).toBe(
      'holds',
    );
    expect(read(String.raw`\dv{\vb{h}_t}{\vb{h}_{t-1}} = \operatorname{diag}\qty[1 - \vb*{h}_t \odot \vb{h}_t] W`).status).toBe('holds');
    expect(read(String.raw`\pdv{L}{b} = \sum_t \pdv{L}{\vb{h}_t} \odot \qty{1 - \vb{h}_t \odot \vb{h}_t}`).status).toBe('holds');
  });
  it('reads \\mqty( … ) as a matrix whose rows are not the display’s', () => {
    const q = read(String.raw`\pdv{h_1}{h_0} = \mqty(1 - \qty(h_{1}[1])^2 & 0 \\ 0 & 1 - \qty(h_{1}[2])^2) W`);
    expect(q.status).toBe('holds');
    expect(q.checks).toHaveLength(1);
  });
  it('names a derivative of a higher order, and a mixed one', () => {
    const two = read(String.raw`\pdv[2]{L}{b} = 0`);
    expect(two.status).toBe('skipped');
    expect(two.message).toMatch(/a derivative of order 2, \\pdv\[2\]\{…\}\{…\} \(the physics package's; only first derivatives are read\)/);
    expect(read(String.raw`\pdv{L}{b}{b} = 0`).message).toMatch(/a mixed second derivative, \\pdv\{…\}\{…\}\{…\}/);
  });
  it('gives way to a solution’s own \\pdv', () => {
    const own = String.raw`$$\newcommand{\pdv}[2]{\frac{\partial #2}{\partial #1}}$$`;
    const r = analyzeSolution(`${NET}\n${own}\n\n$$\\pdv{h_{t-1}}{h_t} = \\operatorname{diag}(1 - h_t \\odot h_t) W$$\n`, 'markdown', {
      sidecar: null,
    });
    expect(r.equations.at(-1)!.status).toBe('holds');
  });
});
