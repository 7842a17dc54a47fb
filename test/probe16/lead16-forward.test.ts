// A free-t derive of a state's total derivative into the past (`derive ∂h_t/∂w`) is written once for a general
// step, as the forward recursion a sheet writes (∂h_t/∂w = ∂⁺h_t/∂w + ∂h_t/∂h_{t-1}·∂h_{t-1}/∂w, LANGUAGE.md §5);
// it was one line per step, each nesting the one before. The line is a promise: its recursion, run in plain
// JavaScript, gives every step's number, and those numbers are central differences of the network.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const scalarNet = (T: number, w: number, u: number, h0: number, xs: number[]) =>
  `T = ${T}\nparam w = ${w}\nparam u = ${u}\ninput x = [${xs.join(', ')}]\nh_0 = ${h0}\nh_t = tanh(w h_{t-1} + u x_t)\nloss L = Σ_t h_t^2\nderive ∂h_t/∂w\n`;

/** h_1..h_T of the scalar network, in plain JavaScript */
function states(w: number, u: number, h0: number, xs: number[]): number[] {
  const h = [h0];
  for (const x of xs) h.push(Math.tanh(w * h[h.length - 1]! + u * x));
  return h;
}

describe('derive ∂h_t/∂w: the forward recursion as the general line', () => {
  it('scalar RNN: one line for t = 2..T, step 1 on its own, the values per step', () => {
    const r = analyze(scalarNet(3, 0.5, 0.3, 0.2, [1, 2, 3]), { forms: true });
    const d = r.derives[0]!;
    expect(d.general?.map((g) => [g.from, g.to])).toEqual([
      [1, 1],
      [2, 3],
    ]);
    expect(d.general![1]!.text).toContain('∂h_t/∂w = ∂⁺h_t/∂w + ∂h_t/∂h_{t-1}·∂h_{t-1}/∂w');
    expect(d.general![1]!.text).toContain('tanh′(h̃_t) h_{t-1} + tanh′(h̃_t) w·∂h_{t-1}/∂w   for t = 2..3');
    expect(d.general![1]!.latex).toContain('\\frac{\\partial h_{t-1}}{\\partial w}');
    // the where-rows name the step's own preactivation only (not those inside ∂h_{t-1}/∂w's definition)
    expect(d.general![1]!.text).not.toContain('h̃_{t-1} =');
  });

  it('random scalar networks: the recursion, run by hand, gives each step, and each is a central difference', () => {
    const num = fc.double({ min: -1.2, max: 1.2, noNaN: true });
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 6 }), num, num, num, fc.array(num, { minLength: 6, maxLength: 6 }), (T, w, u, h0, x6) => {
        const r6 = (v: number) => Math.round(v * 1e4) / 1e4;
        [w, u, h0] = [w, u, h0].map(r6) as [number, number, number];
        const xs = x6.slice(0, T).map(r6);
        const d = analyze(scalarNet(T, w, u, h0, xs), { forms: true }).derives[0]!;
        const values = d.results.map((x) => x.value as number);
        expect(values).toHaveLength(T);
        // the general line's recursion: v_t = tanh′(a_t) (h_{t-1} + w v_{t-1}), v_0 = 0
        const h = states(w, u, h0, xs);
        let v = 0;
        for (let t = 1; t <= T; t++) {
          const a = w * h[t - 1]! + u * xs[t - 1]!;
          const dt = 1 - Math.tanh(a) ** 2;
          v = dt * (h[t - 1]! + w * v);
          expect(values[t - 1]).toBeCloseTo(v, 9);
          const e = 1e-6;
          const cd = (states(w + e, u, h0, xs)[t]! - states(w - e, u, h0, xs)[t]!) / (2 * e);
          expect(Math.abs(values[t - 1]! - cd)).toBeLessThan(1e-7);
        }
        // the line is there whenever step 2's and later steps' forms evaluated back (they always do here)
        const general = d.general?.find((g) => g.to > g.from);
        if (T >= 3) expect(general?.text).toContain('∂h_{t-1}/∂w');
      }),
      { numRuns: 40, seed: 16 },
    );
  });

  it('vector RNN: ∂h_t/∂b = diag(tanh′(a_t)) (I₂ + W·∂h_{t-1}/∂b), values equal central differences', () => {
    const W = [
      [0.5, -0.3],
      [0.2, 0.4],
    ];
    const b = [0.1, -0.2];
    const xs = [
      [1, 0],
      [0, 1],
      [1, 1],
      [0.5, -1],
    ];
    const text = (bb: number[]) =>
      `T = 4\nparam W : 2x2 = [[0.5, -0.3], [0.2, 0.4]]\nparam b : 2 = [${bb.join(', ')}]\ninput x : 2 = [[1, 0], [0, 1], [1, 1], [0.5, -1]]\nh_0 = [0, 0]\na_t = W h_{t-1} + x_t + b\nh_t = tanh(a_t)\nloss L = sum(h_T)\nderive ∂h_t/∂b\n`;
    const d = analyze(text(b), { forms: true }).derives[0]!;
    const g = d.general?.find((x) => x.to > x.from);
    expect(g?.from).toBe(2);
    expect(g?.to).toBe(4);
    expect(g?.text).toContain('diag(tanh′(a_t)) (I₂ + W·∂h_{t-1}/∂b)   for t = 2..4');
    const hs = (bb: number[]) => {
      const out = [[0, 0]];
      for (const x of xs) {
        const p = out[out.length - 1]!;
        out.push([0, 1].map((i) => Math.tanh(W[i]![0]! * p[0]! + W[i]![1]! * p[1]! + x[i]! + bb[i]!)));
      }
      return out;
    };
    const e = 1e-6;
    for (let t = 1; t <= 4; t++) {
      const J = d.results[t - 1]!.value as number[][];
      for (let j = 0; j < 2; j++) {
        const up = b.map((v, k) => (k === j ? v + e : v));
        const dn = b.map((v, k) => (k === j ? v - e : v));
        for (let i = 0; i < 2; i++) expect(Math.abs(J[i]![j]! - (hs(up)[t]![i]! - hs(dn)[t]![i]!) / (2 * e))).toBeLessThan(1e-7);
      }
    }
  });

  it('two recurrent states (c and h): ∂c_{t-1}/∂w is named only with ∂c_t/∂w defined on a line of its own (session 17)', () => {
    const text = `T = 3\nparam w = 0.4\nparam v = 0.3\ninput x = [1, -1, 0.5]\nh_0 = 0.1\nc_0 = 0.2\nc_t = 0.5 c_{t-1} + tanh(w h_{t-1} + x_t)\nh_t = tanh(v c_t)\nloss L = Σ_t h_t^2\nderive ∂h_t/∂w\n`;
    const d = analyze(text, { forms: true }).derives[0]!;
    for (const g of d.general ?? [])
      if (/∂c_\{t-1\}\/∂w/.test(g.text)) expect(g.text).toContain('∂c_t/∂w = ∂⁺c_t/∂w + ∂⁺c_t/∂c_{t-1}·∂c_{t-1}/∂w');
    expect(d.results).toHaveLength(3);
  });
});

describe('a side written at a fixed step keeps its step on the general line', () => {
  it('derive ∂h_t/∂h_0: ∂h_t/∂h₀ = ∂h_t/∂h_{t-1}·∂h_{t-1}/∂h₀ for t = 2..T (h₀ not h_{t-2})', () => {
    const d = analyze(scalarNet(4, 0.5, 0.3, 0.2, [1, 2, 3, -1]).replace('derive ∂h_t/∂w', 'derive ∂h_t/∂h_0'), { forms: true })
      .derives[0]!;
    const g = d.general?.find((x) => x.to > x.from);
    expect([g?.from, g?.to]).toEqual([2, 4]);
    expect(g?.text).toContain('∂h_t/∂h₀ = ∂h_t/∂h_{t-1}·∂h_{t-1}/∂h₀ = tanh′(h̃_t) w·∂h_{t-1}/∂h₀   for t = 2..4');
    // the recursion, by hand: v_t = tanh′(a_t) w v_{t-1}, v_0 = 1
    const xs = [1, 2, 3, -1];
    const h = states(0.5, 0.3, 0.2, xs);
    let v = 1;
    d.results.forEach((r, i) => {
      v *= (1 - Math.tanh(0.5 * h[i]! + 0.3 * xs[i]!) ** 2) * 0.5;
      expect(r.value as number).toBeCloseTo(v, 12);
    });
  });
});

describe('derive ∂h_T/∂h_t: the backward recursion as the general line', () => {
  const sub = (n: number) => String(n).replace(/\d/g, (c) => '₀₁₂₃₄₅₆₇₈₉'[Number(c)]!);
  it('random scalar networks: ∂h_T/∂h_t = ∂h_T/∂h_{t+1}·∂h_{t+1}/∂h_t for t = 1..T−2; each step a central difference', () => {
    const num = fc.double({ min: -1.2, max: 1.2, noNaN: true });
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 7 }), num, num, num, fc.array(num, { minLength: 7, maxLength: 7 }), (T, w, u, h0, x6) => {
        const r6 = (v: number) => Math.round(v * 1e4) / 1e4;
        [w, u, h0] = [w, u, h0].map(r6) as [number, number, number];
        const xs = x6.slice(0, T).map(r6);
        const d = analyze(scalarNet(T, w, u, h0, xs).replace('derive ∂h_t/∂w', 'derive ∂h_T/∂h_t'), { forms: true }).derives[0]!;
        // a general line needs two steps alike: t = 1..T−2 (T−1 and T are the boundary steps)
        const g = d.general?.find((x) => x.to > x.from);
        if (T >= 4) {
          expect([g?.from, g?.to]).toEqual([1, T - 2]);
          expect(g?.text).toContain(`∂h${sub(T)}/∂h_t = ∂h${sub(T)}/∂h_{t+1}·∂h_{t+1}/∂h_t`);
        }
        const h = states(w, u, h0, xs);
        // h_T from h_t = v onwards, by hand
        const from = (t: number, v: number) => {
          let s = v;
          for (let k = t + 1; k <= T; k++) s = Math.tanh(w * s + u * xs[k - 1]!);
          return s;
        };
        d.results.forEach((r, i) => {
          const t = i + 1;
          const e = 1e-6;
          expect(Math.abs((r.value as number) - (from(t, h[t]! + e) - from(t, h[t]! - e)) / (2 * e))).toBeLessThan(1e-7);
        });
      }),
      { numRuns: 30, seed: 61 },
    );
  });

  it('vector RNN with a named pre-activation: ∂h₄/∂h_t = ∂h₄/∂h_{t+1}·diag(tanh′(a_{t+1})) W', () => {
    const text = `T = 4\nparam W : 2x2 = [[0.5, -0.3], [0.2, 0.4]]\nparam b : 2 = [0.1, -0.2]\ninput x : 2 = [[1, 0], [0, 1], [1, 1], [0.5, -1]]\nh_0 = [0, 0]\na_t = W h_{t-1} + x_t + b\nh_t = tanh(a_t)\nloss L = sum(h_T)\nderive ∂h_T/∂h_t\n`;
    const d = analyze(text, { forms: true }).derives[0]!;
    const g = d.general?.find((x) => x.to > x.from);
    expect([g?.from, g?.to]).toEqual([1, 2]);
    expect(g?.text).toContain('∂h₄/∂h_{t+1}·diag(tanh′(a_{t+1})) W   for t = 1..2');
    expect(d.results[3]!.value).toEqual([
      [1, 0],
      [0, 1],
    ]);
  });
});
