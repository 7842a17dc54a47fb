// Session 19 (text19): Greff et al. 2017, "LSTM: A Search Space Odyssey", the vanilla LSTM with peepholes and its
// backward pass as printed in the appendix. Bars there are pre-activations (z̄^t, ī^t, f̄^t, ō^t), not adjoints:
// a network that defines a barred name has it as its own quantity (LANGUAGE.md §1), and the adjoint of it is
// written \bar{ō}^t (a bar over the barred name) or ∂L/∂ō^t.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { analyzeSolution } from '../../src/solution';

const FAST = { draws: 2, graph: false };
const run = (text: string) => analyze(text, FAST);
const errors = (text: string) =>
  run(text)
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => d.message);

const GREFF = [
  'T = 3',
  'input x : 2',
  ...['z', 'i', 'f', 'o'].flatMap((g) => [`param W_${g} : 3x2`, `param R_${g} : 3x3`, `param b_${g} : 3`]),
  'param p_i : 3',
  'param p_f : 3',
  'param p_o : 3',
  'param V : 1x3',
  'y^0 = [0, 0, 0]',
  'c^0 = [0.1, -0.2, 0.3]',
  'z̄^t = W_z x^t + R_z y^{t-1} + b_z',
  'z^t = g(z̄^t)',
  'ī^t = W_i x^t + R_i y^{t-1} + p_i ⊙ c^{t-1} + b_i',
  'i^t = σ(ī^t)',
  'f̄^t = W_f x^t + R_f y^{t-1} + p_f ⊙ c^{t-1} + b_f',
  'f^t = σ(f̄^t)',
  'c^t = z^t ⊙ i^t + c^{t-1} ⊙ f^t',
  'ō^t = W_o x^t + R_o y^{t-1} + p_o ⊙ c^t + b_o',
  'o^t = σ(ō^t)',
  'y^t = h(c^t) ⊙ o^t',
  'loss L = Σ_t V y^t',
  '',
].join('\n');
/** Greff's g and h (both tanh), named once */
const NET = GREFF.replace('y^0 =', 'g = tanh\nh = tanh\ny^0 =');

describe('Greff et al.: the LSTM backward pass as printed', () => {
  it('δo, δc (with every peephole), δz̄, δī, δf̄ and the weight gradients hold, in ∂ and in adjoint bars', () => {
    const lines = [
      "check ∂L/∂ō^t = ∂L/∂y^t ⊙ h(c^t) ⊙ σ'(ō^t)",
      "check \\bar{ō}^t = \\bar{y}^t ⊙ h(c^t) ⊙ σ'(ō^t)",
      "check ∂L/∂c^t = ∂L/∂y^t ⊙ o^t ⊙ h'(c^t) + p_o ⊙ ∂L/∂ō^t + p_i ⊙ ∂L/∂ī^{t+1} + p_f ⊙ ∂L/∂f̄^{t+1} + ∂L/∂c^{t+1} ⊙ f^{t+1}",
      "check ∂L/∂z̄^t = ∂L/∂c^t ⊙ i^t ⊙ g'(z̄^t)",
      "check ∂L/∂ī^t = ∂L/∂c^t ⊙ z^t ⊙ σ'(ī^t)",
      "check ∂L/∂f̄^t = ∂L/∂c^t ⊙ c^{t-1} ⊙ σ'(f̄^t)",
      'check ∂L/∂y^t = V^T + R_z^T ∂L/∂z̄^{t+1} + R_i^T ∂L/∂ī^{t+1} + R_f^T ∂L/∂f̄^{t+1} + R_o^T ∂L/∂ō^{t+1}',
      'check ∂L/∂W_z = Σ_{t=1}^{T} ∂L/∂z̄^t (x^t)^T',
      'check ∂L/∂R_z = Σ_{t=0}^{T-1} ∂L/∂z̄^{t+1} (y^t)^T',
      'check ∂L/∂p_i = Σ_{t=0}^{T-1} c^t ⊙ ∂L/∂ī^{t+1}',
      'check ∂L/∂p_o = Σ_{t=1}^{T} c^t ⊙ ∂L/∂ō^t',
    ];
    const a = run(NET + lines.join('\n') + '\n');
    expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(a.checks.map((c) => c.status)).toEqual(lines.map(() => 'holds'));
  });

  it('the typical slip, δc^t without the peephole paths into step t+1, fails naming them', () => {
    const a = run(NET + "check ∂L/∂c^t = ∂L/∂y^t ⊙ o^t ⊙ h'(c^t) + p_o ⊙ ∂L/∂ō^t + ∂L/∂c^{t+1} ⊙ f^{t+1}\n");
    expect(a.checks[0]!.status).toBe('fails');
    expect(a.checks[0]!.message.normalize('NFC')).toContain('leaves out the paths through ī_{t+1} and f̄_{t+1}'.normalize('NFC'));
  });

  it('g, h not named say to name them; δy^t (Greff’s δ) says to write the adjoint', () => {
    expect(errors(GREFF)[0]).toContain('unknown name g: if g(…) is an activation');
    expect(errors(NET + 'check δy^t = V^T\n')[0]).toContain('δy is not read as a derivative — write the adjoint \\bar{y}');
  });

  it('as a Markdown solution: the appendix’s equations with bars as pre-activations', () => {
    const text = [
      '```rnn',
      NET,
      '```',
      '',
      '$$\\bar{z}^t = W_z x^t + R_z y^{t-1} + b_z$$',
      '',
      '$$\\bar{o}^t = W_o x^t + R_o y^{t-1} + p_o \\odot c^t + b_o$$',
      '',
      "$$\\frac{\\partial L}{\\partial \\bar{o}^t} = \\frac{\\partial L}{\\partial y^t} \\odot h(c^t) \\odot \\sigma'(\\bar{o}^t)$$",
      '',
      "$$\\frac{\\partial L}{\\partial \\bar{z}^t} = \\frac{\\partial L}{\\partial c^t} \\odot i^t \\odot g'(\\bar{z}^t)$$",
      '',
      "$$\\frac{\\partial L}{\\partial \\bar{z}^t} = \\frac{\\partial L}{\\partial c^t} \\odot i^t \\odot \\sigma'(\\bar{z}^t)$$",
      '',
    ].join('\n');
    const sol = analyzeSolution(text, 'markdown', { analyze: FAST });
    expect(sol.equations.map((e) => e.status)).toEqual(['holds', 'holds', 'holds', 'holds', 'fails']);
  });
});
