// A check whose side multiplies a named matrix that only its transpose lets multiply (∂L/∂h_3 = V (o_3 − y_3), V
// a 2×3 matrix): the shape mismatch is the line's error (LANGUAGE.md §6), the check fails as written, and its sides
// read with the transpose are judged, so the verdict says whether that was the only mistake (session 42). Checked on
// seeded random networks against a hand-written gradient; never "holds"; a network's own equation is not mended.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

/** a tanh RNN with a 2×3 output matrix V and values drawn from the seed (a small linear congruential generator) */
function network(seed: number): { text: string; V: number[][]; h3: number[]; o3: number[]; y3: number[] } {
  let s = seed;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
  const mat = (r: number, c: number) => Array.from({ length: r }, () => Array.from({ length: c }, () => +rnd().toFixed(3)));
  const U = mat(3, 2);
  const W = mat(3, 3);
  const V = mat(2, 3);
  const x = mat(3, 2);
  const y = mat(3, 2);
  let h = [0, 0, 0];
  let o: number[] = [];
  for (let t = 0; t < 3; t++) {
    h = h.map((_, i) => Math.tanh(W[i]!.reduce((a, w, j) => a + w * h[j]!, 0) + U[i]!.reduce((a, u, j) => a + u * x[t]![j]!, 0)));
    o = V.map((row) => row.reduce((a, v, j) => a + v * h[j]!, 0));
  }
  const lit = (m: number[][]) => `[${m.map((r) => `[${r.join(', ')}]`).join(', ')}]`;
  const text = [
    'T = 3',
    `input x : 2 = ${lit(x)}`,
    `param U : 3x2 = ${lit(U)}`,
    `param W : 3x3 = ${lit(W)}`,
    `param V : 2x3 = ${lit(V)}`,
    `target y : 2 = ${lit(y)}`,
    'h_0 = [0, 0, 0]',
    'h_t = tanh(W h_{t-1} + U x_t)',
    'o_t = V h_t',
    'loss L = Σ_t 0.5 sum((o_t - y_t)^2)',
    '',
  ].join('\n');
  return { text, V, h3: h, o3: o, y3: y[2]! };
}

describe('a check with a transpose left out of a product', () => {
  it('fails as written, and with the transpose holds, on random networks (the value checked by hand)', () => {
    for (let seed = 1; seed <= 6; seed++) {
      const n = network(seed);
      const r = analyze(n.text + 'check ∂L/∂h_3 = V (o_3 - y_3)\ncheck ∂L/∂h_3 = Vᵀ (o_3 - y_3)\n');
      const [mended, right] = r.checks;
      expect(mended!.status).toBe('fails');
      expect(mended!.message).toMatch(
        /^fails: shape mismatch: cannot multiply V \(2×3 matrix\) and the difference \(vector of 2\); Vᵀ \(3×2 matrix\) fits \(a transpose missing\?\)\. With Vᵀ for V: holds at the file's values and 4 random draws$/,
      );
      expect(right!.status).toBe('holds');
      // the right side as judged is Vᵀ(o_3 − y_3), the gradient by hand
      const g = [0, 1, 2].map((j) => n.V[0]![j]! * (n.o3[0]! - n.y3[0]!) + n.V[1]![j]! * (n.o3[1]! - n.y3[1]!));
      const lhs = right!.steps[0]!.lhs as number[];
      g.forEach((v, j) => expect(Math.abs(v - lhs[j]!)).toBeLessThan(1e-12));
      expect(r.diagnostics.filter((d) => d.code === 'shape-mismatch')).toHaveLength(1);
    }
  });

  it('names a second mistake, judged with the transpose; a ᵀ too many is mended too', () => {
    const { text } = network(7);
    const r = analyze(text + 'check ∂L/∂h_3 = V (o_3 + y_3)\ncheck ∂L/∂h_3 = (o_3 - y_3) Vᵀ\n');
    expect(r.checks.map((c) => c.status)).toEqual(['fails', 'fails']);
    expect(r.checks[0]!.message).toMatch(/With Vᵀ for V: fails: .*\(o_3 \+ y_3\) should be \(o_3 − y_3\)/);
    // a row (the vector left of a matrix) times V is the gradient in numerator layout: the ᵀ was one too many
    expect(r.checks[1]!.message).toMatch(
      /without its transpose, V fits \(a ᵀ too many\?\)\. With V for Vᵀ: holds at the file's values and 4 random draws$/,
    );
  });

  it('in a chain only the link written so fails; an equation of the network is refused as before', () => {
    const { text } = network(3);
    const r = analyze(text + 'check ∂L/∂h_3 = Vᵀ (o_3 - y_3) = V (o_3 - y_3)\n');
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'fails']);
    const bad = analyze(text.replace('o_t = V h_t', 'o_t = h_t V') + 'check ∂L/∂h_3 = Vᵀ (o_3 - y_3)\n');
    expect(bad.diagnostics.some((d) => d.code === 'shape-mismatch' && d.line === 9)).toBe(true);
    expect(bad.checks).toHaveLength(0);
  });
});
