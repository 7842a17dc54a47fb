// Long horizons derived on a short proxy (src/engine/symbolic/horizon.ts): on random scalar and vector
// networks at several T, the forms derived on the proxy are the very forms derived on the real horizon
// (text and LaTeX of every form), and every form evaluates back to the autodiff value within 1e-9 — and
// to the real horizon's own evaluation. Networks the proxy cannot stand for are derived on the real one.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Expr } from '../../src/language/model';
import { deriveForms, evaluateForm, proxyHorizon, type DeriveForms } from '../../src/engine/symbolic/index';
import { compileOk, forward, netText, relClose, type Net } from './helpers';
import { scalarRnnText } from '../../bench/symbolicBench';

const R = { line: 1, column: 1, endLine: 1, endColumn: 1 };
const ref = (name: string): Expr => ({ k: 'ref', name, idx: null, shape: [], range: R });
const KINDS = ['chain', 'explicit', 'recursive', 'factored'] as const;

function printed(f: DeriveForms): string {
  return JSON.stringify({ ...Object.fromEntries(KINDS.map((k) => [k, f[k] ?? null])), best: f.best, exact: f.exact ?? null });
}

/** Every parameter's ∂L/∂W on the proxy and on the real horizon: the same forms, the same numbers. */
function compare(text: string): { proxied: number; params: number } {
  const model = compileOk(text);
  const run = forward(model);
  let proxied = 0;
  let params = 0;
  for (const d of model.decls.values()) {
    if (d.kind !== 'param') continue;
    params++;
    const wrt = { name: d.name, idx: null };
    const fast = deriveForms(model, ref(model.loss!), wrt, true, null, run);
    // a fresh model: the real horizon's derivation shares nothing with the proxy's
    const full = compileOk(text);
    const fullRun = forward(full);
    const slow = deriveForms(full, ref(full.loss!), wrt, true, null, fullRun, { fullHorizon: true });
    expect(proxyHorizon(slow)).toBeNull();
    if (proxyHorizon(fast)) proxied++;
    expect(printed(fast), `${d.name}\n${text}`).toBe(printed(slow));
    const want = run.derivative(ref(model.loss!), wrt, null, true).data;
    for (const k of KINDS) {
      if (!fast[k]) continue;
      const got = evaluateForm(fast, k, run).data;
      expect(relClose(got, want), `${k} of ∂L/∂${d.name}: ${Array.from(got)} vs autodiff ${Array.from(want)}\n${text}`).toBe(true);
      expect(relClose(got, evaluateForm(slow, k, fullRun).data, 1e-12), `${k} of ∂L/∂${d.name} vs the real horizon`).toBe(true);
    }
  }
  return { proxied, params };
}

const arbNet: fc.Arbitrary<Net> = fc.record({
  T: fc.constantFrom(25, 31, 48),
  n: fc.integer({ min: 1, max: 3 }),
  m: fc.integer({ min: 1, max: 2 }),
  act: fc.constantFrom('σ', 'tanh'),
  outAct: fc.constantFrom('σ', 'tanh', 'none'),
  kind: fc.constantFrom('vanilla', 'gated', 'lstm'),
  seed: fc.integer(),
  lossAll: fc.boolean(),
  h0: fc.boolean(),
}) as fc.Arbitrary<Net>;

describe('a long horizon derived on a proxy', () => {
  it('gives the real horizon’s forms and numbers on random scalar and vector networks', () => {
    let proxied = 0;
    let params = 0;
    fc.assert(
      fc.property(arbNet, (net) => {
        const r = compare(netText(net));
        proxied += r.proxied;
        params += r.params;
      }),
      { numRuns: 16, seed: 20261130 },
    );
    // the property is not vacuous: many derivatives went through the proxy (gated and LSTM-like networks
    // mostly do not: their ∂⁺ searches walk back to h_0, see horizon.ts searchesAgree)
    expect(proxied).toBeGreaterThan(params / 4);
  }, 600_000);

  it('derives the sheet-7 network at T = 1000 on a proxy of a few steps, with the real steps printed', () => {
    const model = compileOk(scalarRnnText(1000));
    const run = forward(model);
    const f = deriveForms(model, ref(model.loss!), { name: 'W_hh', idx: null }, true, null, run);
    const h = proxyHorizon(f);
    expect(h?.T).toBe(1000);
    expect(h!.Tp).toBeLessThan(20);
    expect(f.chain!.text).toContain('Σ_{t=1}^{1000}');
    expect(f.recursive!.text).toContain('δ₁₀₀₀ = ');
    expect(f.recursive!.text).toContain('for t = 1..999');
    const want = run.derivative(ref(model.loss!), { name: 'W_hh', idx: null }, null, true).data;
    for (const k of ['chain', 'explicit', 'recursive'] as const) expect(relClose(evaluateForm(f, k, run).data, want)).toBe(true);
  }, 60_000);

  it('is not used where steps differ in the middle (t as a number, a Σ up to t): the real horizon is derived', () => {
    const base = scalarRnnText(40).split('\n');
    for (const change of [
      'h_t = σ(W_xh x_t + W_hh h_{t-1} + b_h + 0.01 t)',
      'h_t = σ(W_xh x_t + W_hh h_{t-1} + b_h + 0.01 Σ_{i=1}^{t} x_i)',
    ]) {
      const text = base.map((l) => (l.startsWith('h_t = ') ? change : l)).join('\n');
      const model = compileOk(text);
      const f = deriveForms(model, ref(model.loss!), { name: 'W_hh', idx: null }, true, null, forward(model));
      expect(proxyHorizon(f), change).toBeNull();
      // the other parameters' forms may well be uniform (∂L/∂W_hy reads h_t as a value): the same as derived on T
      compare(text);
    }
  }, 120_000);

  it('stands for the real horizon where a Σ up to t lies outside every derivative (h_t = σ(…) + 0.01 Σ_{i≤t} x_i)', () => {
    // ∂L/∂W_hh never reads the Σ of inputs: its forms are uniform, and the search for another route (∂⁺ or
    // ∂) does not walk the inputs x_1..x_t (they lead nowhere), so the proxy may stand for T
    const text = scalarRnnText(40)
      .split('\n')
      .map((l) => (l.startsWith('h_t = ') ? 'h_t = σ(W_xh x_t + W_hh h_{t-1} + b_h) + 0.01 Σ_{i=1}^{t} x_i' : l))
      .join('\n');
    const { proxied } = compare(text);
    expect(proxied).toBeGreaterThan(0);
  }, 120_000);
});
