// Forward accumulation (tangents.ts): once long-range queries keep their source and change their target
// (`derive ∂h_t/∂h_1` for every t), the run answers them from one forward pass over the graph. Each answer
// must equal the reverse sweep that a fresh run gives for that single query (itself checked against central
// differences in gradients.property.test.ts), on random vector networks, plain and gated.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forward } from '../../src/engine/run';
import { deriv, idx, model, ref, vectorNet } from './build';
import { analyze } from '../../src/analysis';

describe('∂A_t/∂B for many t and one B', { timeout: 60_000 }, () => {
  it('equals the per-query reverse sweep, for a state, a parameter and an input as B', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1 << 30 }),
        fc.boolean(),
        fc.constantFrom('h', 'o'),
        fc.constantFrom('h@1', 'W_hh', 'x@2'),
        (seed, gated, of, wrt) => {
          const T = 260;
          const m = model(vectorNet(seed, T, 3, 2, 2, 'tanh', gated));
          const shared = forward(m);
          const [name, at] = wrt.split('@') as [string, string | undefined];
          const wi = at === undefined ? null : idx(Number(at));
          for (let t = 1; t <= T; t += 13) {
            const q = deriv(m, ref(m, of, idx(0, 't')), name, wi);
            if (q.k !== 'deriv') throw new Error('deriv');
            const got = shared.derivativeAt(q.of, q.wrt, { t }, true);
            const want = forward(m).derivativeAt(q.of, q.wrt, { t }, true);
            expect(got.reached).toBe(want.reached);
            const g = [...got.tensor.data],
              w = [...want.tensor.data];
            expect(g.length).toBe(w.length);
            g.forEach((x, i) => expect(Math.abs(x - w[i]!)).toBeLessThanOrEqual(1e-12 * (1 + Math.abs(w[i]!))));
          }
        },
      ),
      { numRuns: 4 },
    );
  }, 60_000); // six random networks of 260 steps: ~2 s alone, over 5 s on a loaded machine

  it('a derive with one result per step over 1,500 steps is answered, not refused by the operation limit', () => {
    const text = 'T = 1500\ninput x = 0.1\nparam w = 0.5\nh_0 = 0.1\nh_t = tanh(w h_{t-1} + x_t)\nloss L = Σ_t h_t^2\nderive ∂h_t/∂h_1\n';
    const r = analyze(text);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const res = r.derives[0]!.results;
    expect(res.length).toBe(1500);
    // ∂h_t/∂h_1 = Π_{j=2}^{t} w (1 - h_j²)
    let p = 1;
    for (let t = 2; t <= 1500; t += 1) {
      const h = r.graph!.nodes.find((n) => n.name === 'h' && n.t === t);
      if (!h) break;
      p *= 0.5 * (1 - (h.value as number) ** 2);
      expect(res[t - 1]!.value as number).toBeCloseTo(p, 12);
    }
  });
});
