// Greff et al.'s parameter gradients (session 43; session 42's probe P1 left them): `δp_i = Σ_t c^t ⊙ δī^{t+1}`, p_i a
// peephole parameter, was read as the definition of a name δp (its right side has a derivative), after which `δp_o`
// was "unknown name δ". δ before a parameter of the network, written whole (δp_i, \delta p_o, δW_z), is now the loss's
// gradient by it, ∂L/∂p_i, with an information: a parameter has no pre-activation, so the ambiguity that keeps δX of a
// unit refused (Graves' δ at a unit's input, others' at its output: δc_t) is not there. The equation is a claim.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { analyzeSolution } from '../../src/solution/index';

const FAST = { graph: false, symbolic: false } as const;

const NET = `T = 3
input x = [0.5, -1.0, 2.0]
param w_z = 0.6
param w_i = -0.4
param w_o = 0.8
param p_i = 0.3
param p_o = 0.2
c_0 = 0
z_t = tanh(w_z x_t)
i_t = σ(w_i x_t + p_i c_{t-1})
c_t = c_{t-1} + i_t z_t
o_t = σ(w_o x_t + p_o c_t)
y_t = o_t tanh(c_t)
loss L = Σ_t y_t
`;

const solve = (displays: string[]) =>
  analyzeSolution(`\`\`\`rnn\n${NET}\`\`\`\n\n${displays.map((d) => `$$${d}$$\n`).join('\n')}`, 'markdown', { sidecar: null });

describe('δ before a parameter of the network', () => {
  it('is ∂L/∂p: Greff’s peephole gradients are claims, judged, their wrong step named', () => {
    const r = solve([
      '\\delta p_i = \\sum_t \\frac{\\partial L}{\\partial c_t} z_t\\, i_t (1 - i_t)\\, c_{t-1}',
      '\\delta p_o = \\sum_t \\tanh(c_t)\\, o_t (1 - o_t)\\, c_t',
      '\\delta p_o = \\sum_t \\tanh(c_t)\\, o_t (1 - o_t)\\, c_{t-1}',
    ]);
    expect(r.equations.map((e) => e.status)).toEqual(['holds', 'holds', 'fails']);
    expect(r.equations[2]!.message).toMatch(/c_\{t-1\} should be c_t/);
    const said = r.diagnostics.map((d) => d.message);
    expect(said).toContain("δp_i is read as ∂L/∂p_i, the loss's gradient by the parameter p_i");
    expect(said.filter((m) => /unknown name|defines δp/.test(m))).toEqual([]);
  });

  it('typed tight, in a check, with a braced subscript, and where a solution defines it as that derivative', () => {
    const r = analyze(
      `${NET}check δp_o = Σ_t tanh(c_t) o_t (1 - o_t) c_t\ncheck \\delta w_{z} = ∂L/∂w_z\ncheck δp_i + δp_o = ∂L/∂p_i + ∂L/∂p_o\n`,
      FAST,
    );
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds', 'holds']);
    const s = analyzeSolution(
      `\`\`\`rnn\n${NET}\`\`\`\n\nLet $\\delta p_o = \\frac{\\partial L}{\\partial p_o}$.\n\n$$\\delta p_o = \\sum_t \\tanh(c_t)\\, o_t (1 - o_t)\\, c_t$$\n`,
      'markdown',
      { sidecar: null },
    );
    expect(s.equations.map((e) => e.status)).toEqual(['holds']);
  });

  it('leaves δ of a unit refused (δc_t: which gradient is not said)', () => {
    const r = analyze(`${NET}check \\delta c_t = 1\n`, FAST);
    expect(r.diagnostics.map((d) => d.message)).toContainEqual(expect.stringMatching(/^unknown name δc: δc is not read as a derivative/));
  });
});
