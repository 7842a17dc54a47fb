// Property tests on random vector networks (issue 9 item 6): every chain-rule-order product (a vector
// acting as a row, via contract) and every contraction with a 3-tensor equals the autodiff value within
// 1e-9; one-step derivatives equal central differences with the other steps' nodes held fixed.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { forward } from '../../src/engine/run';
import type { Expr } from '../../src/language/model';
import { contract, deriv, idx, model, oneStepCentral, ref, vectorNet } from './build';

const ACT = ['tanh', 'σ', 'relu'] as const;

interface Net {
  T: number;
  n: number;
  d: number;
  p: number;
  act: (typeof ACT)[number];
  seed: number;
  gated: boolean;
}

const arb = fc.record({
  T: fc.integer({ min: 2, max: 5 }),
  n: fc.integer({ min: 2, max: 4 }),
  d: fc.integer({ min: 2, max: 3 }),
  p: fc.integer({ min: 2, max: 3 }),
  act: fc.constantFrom(...ACT),
  seed: fc.integer({ min: 1, max: 1 << 30 }),
  gated: fc.boolean(),
});

const source = (net: Net): string => vectorNet(net.seed, net.T, net.n, net.d, net.p, net.act, net.gated);

const within = (a: ArrayLike<number>, b: ArrayLike<number>, tol: number): boolean =>
  a.length === b.length && Array.from(a).every((x, i) => Math.abs(x - b[i]!) <= tol * Math.max(1, Math.abs(x), Math.abs(b[i]!)));

describe('contractions equal autodiff on random vector networks', { timeout: 120_000 }, () => {
  it('chain-rule-order products and 3-tensor contractions, within 1e-9', () => {
    fc.assert(
      fc.property(arb, fc.nat(), (net, pick) => {
        const m = model(source(net));
        const run = forward(m);
        const t = 1 + (pick % net.T);
        const { n, d, p } = net;
        const L = ref(m, m.loss!);
        const Lt = ref(m, 'L', idx(t));
        const ot = ref(m, 'o', idx(t));
        const ht = ref(m, 'h', idx(t));
        const val = (e: Expr) => run.evaluate(e, null).data;
        const auto = (of: Expr, wrt: string, step: number | null) =>
          run.derivative(of, { name: wrt, idx: step === null ? null : idx(step) }, null, true).data;
        // [p]·[p,n]: ∂L_t/∂o_t · ∂o_t/∂h_t = ∂L_t/∂h_t
        if (!within(val(contract(deriv(m, Lt, 'o', idx(t)), deriv(m, ot, 'h', idx(t)), [n])), auto(Lt, 'h', t), 1e-9)) return false;
        // [n]·[n,n,n]: ∂L_t/∂h_t · ∂h_t/∂W_hh = ∂L_t/∂W_hh
        if (!within(val(contract(deriv(m, Lt, 'h', idx(t)), deriv(m, ht, 'W_hh', null), [n, n])), auto(Lt, 'W_hh', null), 1e-9))
          return false;
        // [p,n]·[n,n,d]: ∂o_t/∂h_t · ∂h_t/∂W_xh = ∂o_t/∂W_xh, a [p, n, d] tensor
        const pt = run.evaluate(contract(deriv(m, ot, 'h', idx(t)), deriv(m, ht, 'W_xh', null), [p, n, d]), null);
        const want = run.derivative(ot, { name: 'W_xh', idx: null }, null, true);
        if (want.shape.join() !== [p, n, d].join() || !within(pt.data, want.data, 1e-9)) return false;
        // seed 002: Σ_i ∂L/∂h_i · ∂⁺h_i/∂W_hh (immediate: one edge; only for the plain RNN, where h_i's equation holds W_hh)
        if (!net.gated) {
          const sum = new Float64Array(n * n);
          for (let i = 1; i <= net.T; i++) {
            const term = val(contract(deriv(m, L, 'h', idx(i)), deriv(m, ref(m, 'h', idx(i)), 'W_hh', null, 'immediate'), [n, n]));
            term.forEach((x, k) => {
              sum[k] += x;
            });
          }
          if (!within(sum, auto(L, 'W_hh', null), 1e-9)) return false;
        }
        // the same with the one-step derivative, which goes through the gates of a gated step
        const sum1 = new Float64Array(n * n);
        for (let i = 1; i <= net.T; i++) {
          const term = val(contract(deriv(m, L, 'h', idx(i)), deriv(m, ref(m, 'h', idx(i)), 'W_hh', null, 'oneStep'), [n, n]));
          term.forEach((x, k) => {
            sum1[k] += x;
          });
        }
        return within(sum1, auto(L, 'W_hh', null), 1e-9);
      }),
      { numRuns: 60, seed: 9 },
    );
  });
});

describe('one-step derivatives equal central differences with the other steps held fixed', { timeout: 120_000 }, () => {
  it('by a parameter, by the step before, by an input', () => {
    fc.assert(
      fc.property(arb, fc.nat(), (net, pick) => {
        const m = model(source(net));
        const run = forward(m);
        const t = 1 + (pick % net.T);
        const os = (wrt: string, step: number | null) =>
          run.derivativeAt(ref(m, 'h', idx(t)), { name: wrt, idx: step === null ? null : idx(step) }, {}, true, true).tensor.data;
        // relu has a kink: central differences are only meaningful away from it
        const tol = net.act === 'relu' ? 1e-5 : 1e-6;
        return (
          within(os('W_hh', null), oneStepCentral(m, run, 'h', t, 'W_hh'), tol) &&
          within(os('W_xh', null), oneStepCentral(m, run, 'h', t, 'W_xh'), tol) &&
          within(os('h', t - 1), oneStepCentral(m, run, 'h', t, `h@${t - 1}`), tol) &&
          within(os('x', t), oneStepCentral(m, run, 'h', t, `x@${t}`), tol)
        );
      }),
      { numRuns: 40, seed: 11 },
    );
  });
});
