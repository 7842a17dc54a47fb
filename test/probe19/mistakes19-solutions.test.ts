// Whole solutions of other networks (a GRU with one weight, an MLP with its layers as steps), each with one early
// mistake that the later equations copy and a second, independent one: the first is diagnosed where it is made,
// every copy says which equation's mistake it carries, and a copy with a mistake of its own says that one too.
// Each is run at the file's weights and at others.
import { describe, expect, it } from 'vitest';
import { analyzeSolution, type SolutionReport } from '../../src/solution';

const solve = (text: string): SolutionReport => analyzeSolution(text, 'markdown', { sidecar: null });
const tagged = (r: SolutionReport, tag: string) => r.equations.find((e) => e.tag === tag)!;

const gru = (w: number) => `# GRU with one weight

\`\`\`rnn
T = 4
input  x = [0.5, -0.3, 0.8, 0.1]
target y = [0.2, 0.1, 0.6, 0.3]
param  w = ${w}
h_0 = 0
u_t = σ(w h_{t-1} + w x_t)
s_t = w (h_{t-1} + x_t)
h_t = u_t h_{t-1} + (1 - u_t) s_t
L_t = (y_t - h_t)^2
loss L = Σ_t L_t
\`\`\`

$$ \\frac{\\partial u_t}{\\partial h_{t-1}} = u_t (1 - u_t) w \\tag{1} $$

$$ \\frac{\\partial h_t}{\\partial h_{t-1}} = u_t + (1 - u_t) w \\tag{2} $$

$$ \\frac{\\partial L}{\\partial h_4} = -2(y_4 - h_4) \\tag{3} $$

$$ \\frac{\\partial L}{\\partial h_3} = -2(y_3 - h_3) + \\frac{\\partial L}{\\partial h_4} (u_4 + (1 - u_4) w) \\tag{4} $$

$$ \\frac{\\partial L}{\\partial h_2} = -2(y_2 - h_2) + \\frac{\\partial L}{\\partial h_3} (u_3 + (1 - u_3) w) \\tag{5} $$

$$ \\frac{\\partial L_t}{\\partial h_t} = 2(y_t - h_t) \\tag{6} $$

$$ \\frac{\\partial L}{\\partial h_4} = 2(y_4 - h_4) \\tag{7} $$
`;

const mlp = (w: [number, number, number]) => `\`\`\`rnn
T = 3
param w_t = [${w.join(', ')}]
param b_t = [0.1, 0.2, -0.3]
param d = 1
p_0 = 0.7
z_t = w_t p_{t-1} + b_t
p_t = σ(z_t)
loss E = \\frac{1}{2}(p_3 - d)^2
\`\`\`

$$ \\frac{\\partial E}{\\partial p_3} = p_3 - d \\tag{1} $$

$$ \\frac{\\partial p_t}{\\partial z_t} = σ(z_t) \\tag{2} $$

$$ \\frac{\\partial E}{\\partial z_3} = (p_3 - d) σ(z_3) \\tag{3} $$

$$ \\frac{\\partial E}{\\partial w_3} = (p_3 - d) σ(z_3) p_2 \\tag{4} $$

$$ \\frac{\\partial E}{\\partial b_3} = (p_3 - d) σ(z_3) p_2 \\tag{5} $$

$$ \\frac{\\partial E}{\\partial w_2} = \\frac{\\partial E}{\\partial p_2} σ'(z_2) p_1 \\tag{6} $$
`;

describe('whole solutions: one early mistake copied, and a second one', () => {
  for (const w of [0.7, -0.4, 1.3]) {
    it(`GRU, w = ${w}: the gate's path left out in (2), copied into (4), (5); a sign in (6), copied into (7)`, () => {
      const r = solve(gru(w));
      expect(tagged(r, '1').status).toBe('holds');
      expect(tagged(r, '3').status).toBe('holds');
      expect(tagged(r, '2').message).toMatch(/leaves out the path through u_t/);
      expect(tagged(r, '2').message).not.toMatch(/carr/);
      const line2 = tagged(r, '2').range.line;
      for (const [tag, k] of [
        ['4', 4],
        ['5', 3],
      ] as const) {
        expect(tagged(r, tag).status).toBe('fails');
        expect(tagged(r, tag).message).toContain(
          `This is the mistake of (2) on line ${line2}, carried over: u_${k} + (1 − u_${k}) w is its wrong form of ∂h_${k}/∂h_${k - 1}; with ∂h_${k}/∂h_${k - 1} in its place it holds`,
        );
      }
      expect(tagged(r, '6').message).toMatch(/a sign is wrong$/);
      expect(tagged(r, '7').message).toMatch(
        new RegExp(
          `a sign is wrong\\. This is the mistake of \\(6\\) on line ${tagged(r, '6').range.line}, carried over: 2\\(y_4 − h_4\\)`,
        ),
      );
      // the first mistake in the file is the first failing equation
      expect(r.equations.find((e) => e.status === 'fails')!.tag).toBe('2');
    });
  }

  for (const w of [
    [0.5, -1.2, 0.8],
    [-0.7, 0.9, 1.4],
  ] as [number, number, number][]) {
    it(`MLP, w = ${w.join(', ')}: σ for σ' in (2), copied; ∂E/∂b_3 also written like ∂E/∂w_3`, () => {
      const r = solve(mlp(w));
      expect(tagged(r, '2').message).toMatch(/σ\(z_t\) should be σ′\(z_t\)/);
      const line2 = tagged(r, '2').range.line;
      for (const tag of ['3', '4'])
        expect(tagged(r, tag).message).toContain(`This is the mistake of (2) on line ${line2}, carried over: σ(z_3)`);
      const b = tagged(r, '5');
      expect(b.status).toBe('fails');
      expect(b.message).toContain(
        `It carries over the mistake of (2) on line ${line2} (σ(z_3) is its wrong form of ∂p_3/∂z_3), and with ∂p_3/∂z_3 in its place it still fails: the factor p_2 should not be there`,
      );
      expect(tagged(r, '6').status).toBe('holds');
    });
  }

  for (const w of [0.7, -1.1]) {
    it(`LSTM, w_o = ${w}: tanh's square left off in (2), copied inside longer products in (3) and (5)`, () => {
      const text = `\`\`\`rnn
T = 3
input x = [0.5, -1.0, 2.0]
target y = [0.2, 0.4, -0.1]
param w_f = 0.3
param w_i = -0.5
param w_o = ${w}
param w_g = 0.9
c_0 = 0
h_0 = 0
f_t = σ(w_f (h_{t-1} + x_t))
i_t = σ(w_i (h_{t-1} + x_t))
o_t = σ(w_o (h_{t-1} + x_t))
g_t = tanh(w_g (h_{t-1} + x_t))
c_t = f_t c_{t-1} + i_t g_t
h_t = o_t tanh(c_t)
L_t = \\frac{1}{2}(h_t - y_t)^2
loss L = Σ_t L_t
\`\`\`

$$ \\frac{\\partial h_t}{\\partial c_t} = o_t (1 - tanh(c_t)) \\tag{2} $$

$$ \\frac{\\partial L}{\\partial c_3} = (h_3 - y_3) o_3 (1 - tanh(c_3)) \\tag{3} $$

$$ \\frac{\\partial L}{\\partial c_2} = \\frac{\\partial L}{\\partial h_2} o_2 (1 - tanh(c_2)) + \\frac{\\partial L}{\\partial c_3} f_3 \\tag{5} $$
`;
      const r = solve(text);
      expect(tagged(r, '2').message).toMatch(/1 − tanh\(c_t\) should be 1 − tanh\(c_t\)\^2/);
      const line2 = tagged(r, '2').range.line;
      for (const [tag, k] of [
        ['3', 3],
        ['5', 2],
      ] as const)
        expect(tagged(r, tag).message).toContain(
          `This is the mistake of (2) on line ${line2}, carried over: o_${k} (1 − tanh(c_${k})) is its wrong form of ∂h_${k}/∂c_${k}; with ∂h_${k}/∂c_${k} in its place it holds`,
        );
      // the culprit is on (3)'s own line of the file, inside its copy o_3 (1 - tanh(c_3))
      const three = r.networks[0]!.report.checks.find((c) => c.tag === '3')!;
      const line = text.split('\n')[three.range.line - 1]!;
      const copy = line.indexOf('o_3 (1 - tanh(c_3))') + 1;
      expect(three.culprit!.line).toBe(three.range.line);
      expect(three.culprit!.column).toBeGreaterThanOrEqual(copy);
      expect(three.culprit!.endColumn).toBeLessThanOrEqual(copy + 'o_3 (1 - tanh(c_3))'.length);
    });
  }
});
