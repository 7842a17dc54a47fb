// A free-t derive whose forward recursion names another state only at an earlier step (∂c_t/∂W of an LSTM names
// ∂h_{t-1}/∂W, and h_t is not on c_t's paths) printed that name with no line defining it. The other state's line at
// that step is now a companion, so every derivative a line uses is defined on a line; the pair, run by hand, gives
// every step's number, each a central difference.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const r4 = (v: number) => Math.round(v * 1e4) / 1e4;
const num = fc.double({ min: -1, max: 1, noNaN: true }).map(r4);
const sech2 = (z: number) => 1 - Math.tanh(z) ** 2;

const two = (T: number, w: number, v: number, xs: number[]) =>
  `T = ${T}\nparam w = ${w}\nparam v = ${v}\ninput x = [${xs.join(', ')}]\nh_0 = 0.1\nc_0 = 0.2\nc_t = 0.5 c_{t-1} + tanh(w h_{t-1} + x_t)\nh_t = tanh(v c_t)\nloss L = Σ_t h_t^2\nderive ∂c_t/∂w\n`;

function states(w: number, v: number, xs: number[]) {
  const s = [{ c: 0.2, h: 0.1 }];
  for (const x of xs) {
    const p = s[s.length - 1]!;
    const c = 0.5 * p.c + Math.tanh(w * p.h + x);
    s.push({ c, h: Math.tanh(v * c) });
  }
  return s;
}

describe('forward recursions define every state they name', () => {
  it('∂c_t/∂w of two states: ∂h_{t-1}/∂w gets its line beside ∂c_t/∂w for t = 2..T; run by hand and by central differences', () => {
    fc.assert(
      fc.property(num, num, fc.array(num, { minLength: 5, maxLength: 5 }), fc.integer({ min: 3, max: 5 }), (w, v, x5, T) => {
        const xs = x5.slice(0, T);
        const d = analyze(two(T, w, v, xs), { forms: true }).derives[0]!;
        const general = d.general?.find((g) => g.to > g.from);
        expect([general?.from, general?.to]).toEqual([2, T]);
        expect(general!.text).toContain('∂h_{t-1}/∂w = ∂h_{t-1}/∂c_{t-1}·∂c_{t-1}/∂w');
        expect(general!.text).toContain('∂c_t/∂h_{t-1}·∂h_{t-1}/∂w');
        // the printed pair: H_{t-1} = tanh′(v c_{t-1}) v C_{t-1}, C_t = tanh′(c̃_t)(h_{t-1} + w H_{t-1}) + 0.5 C_{t-1}
        const s = states(w, v, xs);
        let C = 0;
        const e = 1e-6;
        for (let t = 1; t <= T; t++) {
          const p = s[t - 1]!;
          const H = t === 1 ? 0 : sech2(v * p.c) * v * C;
          C = sech2(w * p.h + xs[t - 1]!) * (p.h + w * H) + 0.5 * C;
          const value = d.results[t - 1]!.value as number;
          expect(Math.abs(value - C)).toBeLessThan(1e-9 * Math.max(1, Math.abs(C)));
          expect(Math.abs(value - (states(w + e, v, xs)[t]!.c - states(w - e, v, xs)[t]!.c) / (2 * e))).toBeLessThan(1e-7);
        }
      }),
      { numRuns: 25, seed: 18 },
    );
  });

  it('the LSTM: ∂c_t/∂w_fh names ∂h_{t-1}/∂w_fh and defines it (the line was missing)', () => {
    const lines = [
      'T = 4',
      'input x = [1.0, -0.5, 0.3, 0.8]',
      'target y = [0.2, -0.1, 0.3, 0.4]',
      ...['ix 0.5', 'ih -0.4', 'fx 0.3', 'fh 0.6', 'ox -0.2', 'oh 0.7', 'gx 0.9', 'gh -0.5'].map((p) => `param w_${p.replace(' ', ' = ')}`),
      'h_0 = 0',
      'c_0 = 0',
      'i_t = σ(w_ix x_t + w_ih h_{t-1})',
      'f_t = σ(w_fx x_t + w_fh h_{t-1})',
      'o_t = σ(w_ox x_t + w_oh h_{t-1})',
      'g_t = tanh(w_gx x_t + w_gh h_{t-1})',
      'c_t = f_t c_{t-1} + i_t g_t',
      'h_t = o_t tanh(c_t)',
      'loss L = Σ_t (y_t - h_t)^2',
      'derive ∂c_t/∂w_fh',
    ];
    const d = analyze(lines.join('\n') + '\n', { forms: true }).derives[0]!;
    const general = d.general?.find((g) => g.to > g.from);
    expect([general?.from, general?.to]).toEqual([3, 4]);
    expect(general!.text).toContain('∂h_{t-1}/∂w_fh = ∂h_{t-1}/∂o_{t-1}·∂o_{t-1}/∂h_{t-2}·∂h_{t-2}/∂w_fh');
    // step 2's own line defines ∂h₁/∂w_fh (h_0 is a number: no path through o₁)
    const two = d.general?.find((g) => g.from === 2 && g.to === 2);
    expect(two!.text).toContain('∂h₁/∂w_fh = ∂h₁/∂c₁·∂c₁/∂w_fh');
  });
});
