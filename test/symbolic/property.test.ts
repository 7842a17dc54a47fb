// Property tests on random networks (scalar and vector; σ, tanh, relu; vanilla, gated, LSTM-like;
// T up to 10): every symbolic form of every parameter gradient, of ∂L/∂h_t, of a long-range Jacobian
// and of an immediate partial evaluates back to the engine's autodiff value within 1e-9 relative,
// and its LaTeX typesets in KaTeX.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Expr } from '../../src/language/model';
import { checkDerivative, compileOk, forward, netText, type Net } from './helpers';

const R = { line: 1, column: 1, endLine: 1, endColumn: 1 };
const ref = (name: string, idx: { v: string | null; k: number } | null = null): Expr => ({ k: 'ref', name, idx, shape: [], range: R });

const arbNet: fc.Arbitrary<Net> = fc.record({
  T: fc.integer({ min: 1, max: 10 }),
  n: fc.integer({ min: 1, max: 3 }),
  m: fc.integer({ min: 1, max: 2 }),
  act: fc.constantFrom('σ', 'tanh', 'relu'),
  outAct: fc.constantFrom('σ', 'tanh', 'none'),
  kind: fc.constantFrom('vanilla', 'gated', 'lstm'),
  seed: fc.integer(),
  lossAll: fc.boolean(),
  h0: fc.boolean(),
}) as fc.Arbitrary<Net>;

describe('symbolic forms on random networks', () => {
  it('evaluate back to the autodiff value (every parameter, ∂L/∂h_t, ∂h_T/∂h_1, ∂⁺h_t/∂W)', () => {
    fc.assert(
      fc.property(arbNet, fc.nat(), (net, pick) => {
        const model = compileOk(netText(net));
        const run = forward(model);
        const L = model.loss!;
        const label = netText(net);
        for (const d of model.decls.values()) {
          if (d.kind !== 'param') continue;
          checkDerivative(model, run, ref(L), { name: d.name, idx: null }, true, null, label);
        }
        const t = 1 + (pick % net.T);
        checkDerivative(model, run, ref(L), { name: 'h', idx: { v: 't', k: 0 } }, true, t, label);
        checkDerivative(model, run, ref('h', { v: null, k: net.T }), { name: 'h', idx: { v: null, k: 1 } }, true, null, label);
        checkDerivative(model, run, ref('h', { v: 't', k: 0 }), { name: 'h', idx: { v: 't', k: -1 } }, false, t, label);
        const W = net.kind === 'lstm' ? 'U_f' : 'W_h';
        checkDerivative(model, run, ref('h', { v: 't', k: 0 }), { name: W, idx: null }, false, t, label);
        if (net.n === 1) checkDerivative(model, run, ref('h', { v: 't', k: 0 }), { name: W, idx: null }, true, t, label);
      }),
      { numRuns: 50, seed: 20261122 },
    );
  }, 300_000);

  it('the generator makes every kind of network (the property is not vacuous)', () => {
    for (const kind of ['vanilla', 'gated', 'lstm'] as const)
      for (const n of [1, 3]) {
        const model = compileOk(netText({ T: 3, n, m: 2, act: 'tanh', outAct: 'σ', kind, seed: 7, lossAll: true, h0: true }));
        expect(model.quantities.has('h')).toBe(true);
        expect(model.quantities.get('h')!.shape).toEqual(n === 1 ? [] : [n]);
      }
  });
});
