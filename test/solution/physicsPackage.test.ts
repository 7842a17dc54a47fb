// Overleaf's `physics` package (probe 47): `\pdv{L}{h_t}`, `\dv`, `\qty(…)`, `\vb{h}`, `\mqty(…)` were each "unknown
// LaTeX command" and every display with one skipped. Each is read as the LaTeX it prints; a second or mixed derivative
// (`\pdv[2]`, `\pdv{f}{x}{y}`) is read as it prints, ∂²L/∂b², which the parser names on its own row; a solution's own
// \pdv wins.
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
  it('reads a derivative of a higher order, and a mixed one, as printed: the parser names them, on their own row', () => {
    const two = read(String.raw`\pdv[2]{L}{b} = 0`);
    expect(two.status).toBe('skipped');
    expect(two.message).toMatch(/second and higher derivatives \(∂²A\/∂B²\) are not in the language/);
    expect(read(String.raw`\pdv{L}{b}{b} = 0`).message).toMatch(/second and higher derivatives/);
    // the other rows of the align still read
    const align = String.raw`\begin{align}
\dv{L}{\vb{h}_3} &= \mathbf{1} \\
\pdv[2]{L}{\vb{h}_3} &= 0
\end{align}`;
    const [q] = analyzeSolution(`${NET}\n${align}\n`, 'markdown', { sidecar: null }).equations;
    expect(q!.checks.map((c) => c.status)).toEqual(['holds']);
    expect(q!.unread?.[0]?.message).toMatch(/not checked: second and higher derivatives/);
  });
  it('gives way to a solution’s own \\pdv', () => {
    const own = String.raw`$$\newcommand{\pdv}[2]{\frac{\partial #2}{\partial #1}}$$`;
    const r = analyzeSolution(`${NET}\n${own}\n\n$$\\pdv{h_{t-1}}{h_t} = \\operatorname{diag}(1 - h_t \\odot h_t) W$$\n`, 'markdown', {
      sidecar: null,
    });
    expect(r.equations.at(-1)!.status).toBe('holds');
  });
});
