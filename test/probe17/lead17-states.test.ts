// A free-t derive of an LSTM writes one general line for every step whose form is alike (LANGUAGE.md §5).
// Two gaps: ∂L/∂h_{T-1} reaches c only at step T, where no c reads another c, so that step named no c̄ and printed
// on its own with a δ (δ₄ = ∂L/∂h₄) beside the h̄/c̄ of every other step; and ∂c_t/∂c_{t-1} defined its adjoint with
// the numerator at the step's own number (h̄_t = ∂c₂/∂h_t), so no two steps printed alike. The general lines are
// promises: their recursion, run by hand, gives every step's number, and each is a central difference.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const σ = (z: number) => 1 / (1 + Math.exp(-z));
const r4 = (v: number) => Math.round(v * 1e4) / 1e4;

interface W {
  ix: number;
  ih: number;
  fx: number;
  fh: number;
  ox: number;
  oh: number;
  gx: number;
  gh: number;
}

function net(T: number, w: W, xs: number[], ys: number[], queries: string[]): string {
  return [
    `T = ${T}`,
    `input x = [${xs.join(', ')}]`,
    `target y = [${ys.join(', ')}]`,
    ...Object.entries(w).map(([k, v]) => `param w_${k} = ${v}`),
    'h_0 = 0',
    'c_0 = 0',
    'i_t = σ(w_ix x_t + w_ih h_{t-1})',
    'f_t = σ(w_fx x_t + w_fh h_{t-1})',
    'o_t = σ(w_ox x_t + w_oh h_{t-1})',
    'g_t = tanh(w_gx x_t + w_gh h_{t-1})',
    'c_t = f_t c_{t-1} + i_t g_t',
    'h_t = o_t tanh(c_t)',
    'loss L = Σ_t (y_t - h_t)^2',
    ...queries.map((q) => `derive ${q}`),
    '',
  ].join('\n');
}

/** one LSTM step from (c, h) at input x */
function step(w: W, x: number, c: number, h: number) {
  const i = σ(w.ix * x + w.ih * h);
  const f = σ(w.fx * x + w.fh * h);
  const o = σ(w.ox * x + w.oh * h);
  const g = Math.tanh(w.gx * x + w.gh * h);
  const c2 = f * c + i * g;
  return { i, f, o, g, c: c2, h: o * Math.tanh(c2) };
}

function run(w: W, xs: number[]) {
  const s = [{ i: 0, f: 0, o: 0, g: 0, c: 0, h: 0 }];
  for (const x of xs) s.push(step(w, x, s[s.length - 1]!.c, s[s.length - 1]!.h));
  return s;
}

const num = fc.double({ min: -1, max: 1, noNaN: true }).map(r4);
const weights = fc.record({ ix: num, ih: num, fx: num, fh: num, ox: num, oh: num, gx: num, gh: num });

describe('LSTM free-t derives: one general line, the same adjoints at every step', () => {
  it('∂L/∂h_t: the general line covers t = 1..T−1 with h̄ and c̄ (no δ at the step before the last)', () => {
    const w: W = { ix: 0.5, ih: -0.4, fx: 0.3, fh: 0.6, ox: -0.2, oh: 0.7, gx: 0.9, gh: -0.5 };
    const d = analyze(net(4, w, [1, -0.5, 0.3, 0.8], [0.2, -0.1, 0.3, 0.4], ['∂L/∂h_t']), { forms: true }).derives[0]!;
    expect(d.general?.map((g) => [g.from, g.to])).toEqual([
      [1, 3],
      [4, 4],
    ]);
    expect(d.general![0]!.text).toContain('c̄_{t+1}·∂c_{t+1}/∂f_{t+1}·∂f_{t+1}/∂h_t');
    expect(d.general!.map((g) => g.text).join('\n')).not.toContain('δ');
  });

  it('∂L/∂c_t keeps its last step written out (no adjoint named at the step of the denominator)', () => {
    const w: W = { ix: 0.5, ih: -0.4, fx: 0.3, fh: 0.6, ox: -0.2, oh: 0.7, gx: 0.9, gh: -0.5 };
    const d = analyze(net(4, w, [1, -0.5, 0.3, 0.8], [0.2, -0.1, 0.3, 0.4], ['∂L/∂c_t']), { forms: true }).derives[0]!;
    expect(d.general?.map((g) => [g.from, g.to])).toEqual([
      [1, 3],
      [4, 4],
    ]);
    expect(d.general![1]!.text).toContain('∂L/∂c₄ = ∂L/∂h₄·∂h₄/∂c₄ = −2(y₄ − h₄) o₄ tanh′(c₄)');
  });

  it('∂c_t/∂c_{t-1}: one line for t = 2..T with h̄_{t-1} = ∂c_t/∂h_{t-1}; run by hand and by central differences', () => {
    fc.assert(
      fc.property(weights, fc.array(num, { minLength: 4, maxLength: 4 }), fc.integer({ min: 3, max: 4 }), (w, x4, T) => {
        const xs = x4.slice(0, T);
        const d = analyze(
          net(
            T,
            w,
            xs,
            xs.map(() => 0.1),
            ['∂c_t/∂c_{t-1}'],
          ),
          { forms: true },
        ).derives[0]!;
        const general = d.general?.find((g) => g.to > g.from);
        expect([general?.from, general?.to]).toEqual([2, T]);
        expect(general!.text).toContain('h̄_{t-1} = ∂c_t/∂h_{t-1}');
        expect(general!.text).toContain('h̄_{t-1} o_{t-1} tanh′(c_{t-1}) + f_t');
        const s = run(w, xs);
        for (let t = 1; t <= T; t++) {
          const value = d.results[t - 1]!.value as number;
          const p = s[t - 1]!;
          const n = s[t]!;
          // the general line: h̄_{t-1} o_{t-1} tanh′(c_{t-1}) + f_t, h̄_{t-1} = ∂c_t/∂h_{t-1} (c_0 and h_0 are given: step 1 is f_1)
          const a = { f: w.fx * xs[t - 1]! + w.fh * p.h, i: w.ix * xs[t - 1]! + w.ih * p.h, g: w.gx * xs[t - 1]! + w.gh * p.h };
          const hbar = p.c * σ(a.f) * (1 - σ(a.f)) * w.fh + n.g * σ(a.i) * (1 - σ(a.i)) * w.ih + n.i * (1 - Math.tanh(a.g) ** 2) * w.gh;
          const byHand = t === 1 ? n.f : hbar * p.o * (1 - Math.tanh(p.c) ** 2) + n.f;
          expect(Math.abs(value - byHand)).toBeLessThan(1e-9 * Math.max(1, Math.abs(byHand)));
          if (t === 1) continue;
          // the total derivative: c_{t-1} moved, h_{t-1} = o_{t-1} tanh(c_{t-1}) moving with it
          const e = 1e-6;
          const cAt = (dc: number) => step(w, xs[t - 1]!, p.c + dc, p.o * Math.tanh(p.c + dc)).c;
          expect(Math.abs(value - (cAt(e) - cAt(-e)) / (2 * e))).toBeLessThan(1e-7);
        }
      }),
      { numRuns: 25, seed: 17 },
    );
  });

  it('a GRU ∂h_t/∂w: the forward recursion reaches the last step (its chain form, 3^t paths, was cut off at step 4)', () => {
    const gru = (T: number, w: number, xs: number[]) =>
      `T = ${T}\ninput x = [${xs.join(', ')}]\nparam w = ${w}\nh_0 = 0\nu_t = σ(w.h_{t-1} + w.x_t)\ns_t = w.(h_{t-1} + x_t)\nh_t = u_t.h_{t-1} + (1 - u_t).s_t\nloss L = Σ_t h_t^2\nderive ∂h_t/∂w\n`;
    fc.assert(
      fc.property(num, fc.array(num, { minLength: 6, maxLength: 6 }), fc.integer({ min: 4, max: 6 }), (w, x6, T) => {
        const xs = x6.slice(0, T);
        const d = analyze(gru(T, w, xs), { forms: true }).derives[0]!;
        expect(d.general?.map((g) => [g.from, g.to])).toEqual([
          [1, 1],
          [2, T],
        ]);
        expect(d.general![1]!.text).toContain('+ u_t·∂h_{t-1}/∂w');
        // each step's number is a central difference of the network (the line was evaluated back at every step)
        const hs = (v: number) => {
          const h = [0];
          for (const x of xs) {
            const p = h[h.length - 1]!;
            const u = σ(v * p + v * x);
            h.push(u * p + (1 - u) * v * (p + x));
          }
          return h;
        };
        const e = 1e-6;
        for (let t = 1; t <= T; t++)
          expect(Math.abs((d.results[t - 1]!.value as number) - (hs(w + e)[t]! - hs(w - e)[t]!) / (2 * e))).toBeLessThan(1e-7);
      }),
      { numRuns: 20, seed: 17 },
    );
  });

  it('two states: ∂h_t/∂w written with its companion ∂c_t/∂w for t = 2..T; the pair, run by hand, gives every step and central differences', () => {
    const two = (T: number, w: number, v: number, xs: number[]) =>
      `T = ${T}\nparam w = ${w}\nparam v = ${v}\ninput x = [${xs.join(', ')}]\nh_0 = 0.1\nc_0 = 0.2\nc_t = 0.5 c_{t-1} + tanh(w h_{t-1} + x_t)\nh_t = tanh(v c_t)\nloss L = Σ_t h_t^2\nderive ∂h_t/∂w\n`;
    const states = (w: number, v: number, xs: number[]) => {
      const s = [{ c: 0.2, h: 0.1 }];
      for (const x of xs) {
        const p = s[s.length - 1]!;
        const c = 0.5 * p.c + Math.tanh(w * p.h + x);
        s.push({ c, h: Math.tanh(v * c) });
      }
      return s;
    };
    fc.assert(
      fc.property(num, num, fc.array(num, { minLength: 5, maxLength: 5 }), fc.integer({ min: 3, max: 5 }), (w, v, x5, T) => {
        const xs = x5.slice(0, T);
        const d = analyze(two(T, w, v, xs), { forms: true }).derives[0]!;
        const general = d.general?.find((g) => g.to > g.from);
        expect([general?.from, general?.to]).toEqual([2, T]);
        expect(general!.text).toContain('∂c_t/∂w = ∂⁺c_t/∂w + ∂⁺c_t/∂c_{t-1}·∂c_{t-1}/∂w + ∂c_t/∂h_{t-1}·∂h_{t-1}/∂w');
        expect(general!.text).toContain('∂h_t/∂w = ∂h_t/∂c_t·∂c_t/∂w');
        // the printed pair: C_t = tanh′(c̃_t) (h_{t-1} + w H_{t-1}) + 0.5 C_{t-1}, H_t = tanh′(v c_t) v C_t
        const s = states(w, v, xs);
        let C = 0;
        let H = 0;
        const e = 1e-6;
        for (let t = 1; t <= T; t++) {
          const p = s[t - 1]!;
          const a = w * p.h + xs[t - 1]!;
          C = (1 - Math.tanh(a) ** 2) * (p.h + w * H) + 0.5 * C;
          H = (1 - Math.tanh(v * s[t]!.c) ** 2) * v * C;
          const value = d.results[t - 1]!.value as number;
          expect(Math.abs(value - H)).toBeLessThan(1e-9 * Math.max(1, Math.abs(H)));
          expect(Math.abs(value - (states(w + e, v, xs)[t]!.h - states(w - e, v, xs)[t]!.h) / (2 * e))).toBeLessThan(1e-7);
        }
      }),
      { numRuns: 25, seed: 17 },
    );
  });

  it('the LSTM: ∂h_t/∂w_fh is one line for t = 2..T beside its companion ∂c_t/∂w_fh (it was one line per step)', () => {
    const w: W = { ix: 0.5, ih: -0.4, fx: 0.3, fh: 0.6, ox: -0.2, oh: 0.7, gx: 0.9, gh: -0.5 };
    const d = analyze(net(4, w, [1, -0.5, 0.3, 0.8], [0.2, -0.1, 0.3, 0.4], ['∂h_t/∂w_fh']), { forms: true }).derives[0]!;
    const general = d.general?.find((g) => g.to > g.from);
    expect([general?.from, general?.to]).toEqual([2, 4]);
    expect(general!.text).toContain('+ f_t·∂c_{t-1}/∂w_fh');
    expect(general!.text).toContain('∂h_t/∂w_fh = ∂h_t/∂o_t·∂o_t/∂h_{t-1}·∂h_{t-1}/∂w_fh + ∂h_t/∂c_t·∂c_t/∂w_fh');
  });
});
