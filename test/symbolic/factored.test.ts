// The factored chain form (issue 13): common prefixes pulled out and nested over the steps. It must be
// the same sum as the chain rule over paths: evaluated back at the run's values it equals the autodiff
// gradient within 1e-9 relative, on random scalar and vector networks (vanilla and gated) and on a
// scalar GRU at T = 3; it typesets in KaTeX and its lines are broken at the terms when long.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Expr } from '../../src/language/model';
import { analyze } from '../../src/analysis';
import { deriveForms, evaluateForm } from '../../src/engine/symbolic/index';
import { compileOk, forward, relClose, typesets } from './helpers';
import { rand, vectorNet } from '../engine/build';

const R = { line: 1, column: 1, endLine: 1, endColumn: 1 };
const ref = (name: string, idx: { v: string | null; k: number } | null = null): Expr => ({ k: 'ref', name, idx, shape: [], range: R });

/** A scalar network: vanilla, or gated (a GRU-like update gate u_t and candidate s_t), values given. */
function scalarNet(seed: number, T: number, gated: boolean, lossAll: boolean, h0: boolean): string {
  const r = rand(seed);
  const x = (): string => (r() * 1.6).toFixed(4);
  const seq = (): string => `[${Array.from({ length: T }, x).join(', ')}]`;
  return (
    [
      `T = ${T}`,
      `input x = ${seq()}`,
      `target y = ${seq()}`,
      `param w = ${x()}`,
      `param u = ${x()}`,
      `param v = ${x()}`,
      `h_0 = ${h0 ? x() : '0'}`,
      ...(gated
        ? ['z_t = σ(u h_{t-1} + u x_t)', 's_t = tanh(w h_{t-1} + x_t)', 'h_t = z_t h_{t-1} + (1 - z_t) s_t']
        : ['h_t = tanh(w h_{t-1} + u x_t)']),
      'o_t = v h_t',
      'L_t = (y_t - o_t)^2',
      lossAll ? 'loss L = Σ_t L_t' : 'loss L = L_T',
    ].join('\n') + '\n'
  );
}

/** Derive ∂L/∂wrt; when a factored form is given, it evaluates back to autodiff and typesets. */
function checkFactored(text: string, wrt: string): boolean {
  const model = compileOk(text);
  const run = forward(model);
  const of = ref(model.loss!);
  const forms = deriveForms(model, of, { name: wrt, idx: null }, true, null, run);
  if (!forms.factored) return false;
  const want = run.derivative(of, { name: wrt, idx: null }, null, true).data;
  const got = evaluateForm(forms, 'factored', run).data;
  if (!relClose(got, want))
    throw new Error(
      `factored ∂L/∂${wrt} evaluates to ${Array.from(got)}, autodiff gives ${Array.from(want)}\n${forms.factored.text}\n${text}`,
    );
  typesets(forms.factored.latex);
  for (const line of forms.factored.text.split('\n')) expect(line.length, line).toBeLessThanOrEqual(140);
  return true;
}

describe('the factored chain form', () => {
  it('evaluates back to the autodiff gradient on random scalar networks (vanilla and gated)', () => {
    let given = 0;
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 2, max: 5 }), fc.boolean(), fc.boolean(), fc.boolean(), (seed, T, gated, lossAll, h0) => {
        const text = scalarNet(seed, T, gated, lossAll, h0);
        for (const p of ['w', 'u']) if (checkFactored(text, p)) given++;
      }),
      { numRuns: 40, seed: 20261130 },
    );
    // the property is not vacuous: most of these derivatives have a nested form to give
    expect(given).toBeGreaterThan(30);
  }, 120_000);

  it('evaluates back to the autodiff gradient on random vector networks (vanilla and gated)', () => {
    let given = 0;
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 2, max: 4 }), fc.integer({ min: 2, max: 3 }), fc.boolean(), (seed, T, n, gated) => {
        const text = vectorNet(seed, T, n, 2, 2, 'tanh', gated);
        for (const p of ['W_xh', 'W_hh']) if (checkFactored(text, p)) given++;
      }),
      { numRuns: 20, seed: 20261131 },
    );
    expect(given).toBeGreaterThan(10);
  }, 120_000);

  it('nests the sheet-7 sum as the sheet writes it: ∂L₃/∂o₃·∂o₃/∂h₃·(∂⁺h₃/∂W + ∂h₃/∂h₂·(…))', () => {
    const text = scalarNet(3, 3, false, false, true);
    const model = compileOk(text);
    const run = forward(model);
    const f = deriveForms(model, ref(model.loss!), { name: 'w', idx: null }, true, null, run).factored!;
    expect(f.text.split('\n')[0]).toBe('∂L/∂w = ∂L₃/∂o₃·∂o₃/∂h₃·(∂⁺h₃/∂w + ∂h₃/∂h₂·(∂⁺h₂/∂w + ∂h₂/∂h₁·∂⁺h₁/∂w))');
    expect(f.latex).toContain('\\frac{\\partial h_{3}}{\\partial h_{2}} \\cdot \\left(');
  });

  it('gives a scalar GRU at T = 3 its form in the Report, evaluated back, with each state bracket once per use', () => {
    const text =
      [
        'T = 3',
        'input x = [0.5, -0.3, 0.8]',
        'target y = [0.2, 0.1, 0.6]',
        'param w = 0.7',
        'param u = -0.4',
        'h_0 = 0',
        'z_t = σ(u h_{t-1} + u x_t)',
        'g_t = tanh(w h_{t-1} + x_t)',
        'h_t = z_t h_{t-1} + (1 - z_t) g_t',
        'loss L = (y_T - h_T)^2',
        'derive ∂L/∂u',
        'derive ∂L/∂w',
      ].join('\n') + '\n';
    const r = analyze(text, { forms: true });
    for (const d of r.derives) {
      const f = d.results[0]!.forms?.factored;
      expect(f, d.query).toBeDefined();
      typesets(f!.latex);
      // the h₂ and h₁ brackets: each opened once (a path-by-path sum would repeat them)
      expect(f!.text.match(/∂h₂\/∂h₁/g)?.length ?? 0).toBeLessThanOrEqual(2);
      expect(f!.text).toMatch(/= −?\d/);
    }
    const model = compileOk(text);
    const run = forward(model);
    for (const p of ['u', 'w']) expect(checkFactored(text, p)).toBe(true);
    expect(run.derivative(ref(model.loss!), { name: 'u', idx: null }, null, true).data.length).toBe(1);
  });

  it('is not given where it would only repeat the chain form, nor past its size limit', () => {
    // one step: a single path, nothing to nest
    expect(checkFactored(scalarNet(5, 1, false, true, true), 'w')).toBe(false);
    // a two-state network over many steps: the nesting would repeat brackets exponentially
    const lstm =
      [
        'T = 8',
        'input x = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]',
        'param a = 0.5',
        'param b = 0.3',
        'h_0 = 0',
        'c_0 = 0',
        'c_t = σ(a h_{t-1}) c_{t-1} + tanh(b x_t)',
        'h_t = tanh(c_t) + a h_{t-1}',
        'loss L = h_T',
      ].join('\n') + '\n';
    expect(checkFactored(lstm, 'a')).toBe(false);
  });
});
