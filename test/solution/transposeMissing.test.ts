// A product inside a side that forms only with a transpose added (Goodfellow's ∇_{h^{(T)}} L = Vᵀ ∇_{o^{(T)}} L
// written V ∇_{o^{(T)}} L, V a 2×3 matrix) was "not checked: shape mismatch …; Vᵀ (3×2 matrix) fits (a transpose
// missing?)", counted as skipped: a wrong equation passed over, and `unroll check` of the solution exited 0. It reads
// and is wrong, with the mend named, so it fails where it is written, and the sides read with the transpose are
// judged (session 42). A product no transpose of a named operand forms stays unjudged, with its reason.
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution';

const net = [
  '```rnn',
  'T = 3',
  'input x : 2 = [[1, 0], [0.5, -1], [-0.3, 0.8]]',
  'param U : 3x2 = [[0.5, -0.3], [0.2, 0.8], [-0.6, 0.1]]',
  'param W : 3x3 = [[0.4, -0.2, 0.1], [0.3, 0.5, -0.4], [-0.1, 0.2, 0.6]]',
  'param V : 2x3 = [[0.3, -0.5, 0.2], [0.1, 0.4, -0.7]]',
  'target y : 2 = [[1, 0], [0, 1], [1, 0]]',
  'h_0 = [0, 0, 0]',
  'h_t = tanh(W h_{t-1} + U x_t)',
  'o_t = V h_t',
  'loss L = \\sum_t \\frac{1}{2} \\|o_t - y_t\\|^2',
  '```',
  '',
];

const solve = (...eqs: string[]) =>
  analyzeSolution([...net, ...eqs.flatMap((e) => [`$$${e}$$`, ''])].join('\n'), 'markdown', { sidecar: null });

describe('a transpose left out of a product in a solution', () => {
  it('fails where it is written, naming the transpose; the right form holds', () => {
    const r = solve('\\nabla_{h^{(T)}} L = V^\\top \\nabla_{o^{(T)}} L', '\\nabla_{h^{(T)}} L = V \\nabla_{o^{(T)}} L');
    expect(r.equations.map((e) => e.status)).toEqual(['holds', 'fails']);
    // and the sides read with the transpose are judged: that was the only mistake
    expect(r.equations[1]!.message).toBe(
      "fails: shape mismatch: cannot multiply V (2×3 matrix) and the derivative (vector of 2); Vᵀ (3×2 matrix) fits (a transpose missing?). With Vᵀ for V: holds at the file's values and 4 random draws",
    );
    expect(r.checked).toBe(2);
    expect(r.skipped).toBe(0);
    // said where it is written, as an error, not an information "not checked"
    const d = r.diagnostics.find((x) => x.code === 'shape-mismatch');
    expect(d?.severity).toBe('error');
    expect(r.diagnostics.some((x) => /not checked/.test(x.message))).toBe(false);
  });

  it('a transpose too many, and an outer product without its ᵀ, fail too', () => {
    const r = solve(
      '\\frac{\\partial L}{\\partial h_3} = (V^\\top)^\\top (o_3 - y_3)',
      '\\frac{\\partial L}{\\partial V} = \\sum_t (o_t - y_t) h_t',
      '\\frac{\\partial L}{\\partial V} = \\sum_t (o_t - y_t) h_t^\\top',
    );
    expect(r.equations.map((e) => e.status)).toEqual(['fails', 'fails', 'holds']);
    expect(r.equations[1]!.message).toMatch(/outer product is written with the right one transposed/);
  });

  it('in a chain, the link with the transpose missing fails and the others are judged', () => {
    const r = solve(
      '\\frac{\\partial L}{\\partial h_3} = V^\\top \\frac{\\partial L}{\\partial o_3} = V (o_3 - y_3) = V^\\top (o_3 - y_3)',
    );
    const links = r.equations[0]!.checks.map((l) => l.status);
    expect(links).toEqual(['holds', 'fails', 'holds']);
    expect(r.equations[0]!.status).toBe('fails');
  });

  it('a product no transpose of a named operand forms stays not checked, with its reason', () => {
    const r = solve('\\frac{\\partial L}{\\partial U} = \\sum_t x_t W');
    expect(r.equations[0]!.status).toBe('skipped');
    expect(r.equations[0]!.message).toMatch(/^not checked: shape mismatch: cannot multiply/);
  });
});
