// z = Wᵀp (seed 003's MLP written as steps, examples/mlp-layers-as-steps.rnn): ∂E/∂w_t has all its forms —
// the chain rule, the explicit one with ∂z_j/∂w_ij = p_i as (pᵀ ⊗ I), and the δ-recursion ending in
// p_{t-1} (δ_t ⊙ σ′(z_t))ᵀ — each evaluated back against autodiff, on the example and on random layers.

import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import type { Expr } from '../../src/language/model';
import { evaluateForm } from '../../src/engine/symbolic/index';
import { checkDerivative, compileOk, forward, relClose } from './helpers';

const R = { line: 1, column: 1, endLine: 1, endColumn: 1 };
const ref = (name: string): Expr => ({ k: 'ref', name, idx: null, shape: [], range: R });
const example = readFileSync(new URL('../../examples/mlp-layers-as-steps.rnn', import.meta.url), 'utf8');

/** Deterministic values in [-1, 1] with two decimals. */
function values(seed: number): () => string {
  let s = seed >>> 0 || 1;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return String(Math.round(((s / 2 ** 32) * 2 - 1) * 100) / 100);
  };
}

function layers(T: number, n: number, shared: boolean, seed: number): string {
  const v = values(seed);
  const vec = (): string => `[${Array.from({ length: n }, v).join(', ')}]`;
  const mat = (): string => `[${Array.from({ length: n }, vec).join(', ')}]`;
  const w = shared ? 'W' : 'w_t';
  const wT = shared ? 'Wᵀ' : '(w^{(t)})ᵀ';
  return [
    `T = ${T}`,
    `param ${w} : ${n}x${n} = ${shared ? mat() : `[${Array.from({ length: T }, mat).join(', ')}]`}`,
    `param b_t : ${n} = [${Array.from({ length: T }, vec).join(', ')}]`,
    `target d : ${n} = [${Array.from({ length: T }, vec).join(', ')}]`,
    `p_0 = ${vec()}`,
    `z^{(t)} = ${wT} p^{(t-1)} + b^{(t)}`,
    'p^{(t)} = σ(z^{(t)})',
    'loss E = 0.5 sum((p^{(T)} - d^{(T)})^2)',
    '',
  ].join('\n');
}

describe('∂E/∂w for z = wᵀp', () => {
  it('gives seed 003’s network every form of ∂E/∂w_t in the Report, none omitted', () => {
    const r = analyze(`${example}\nderive ∂E/∂w_t\n`, { forms: true, graph: false, gradcheck: false });
    const d = r.derives.find((x) => x.results.some((res) => res.forms?.chain?.text.startsWith('∂E/∂w')));
    expect(d, 'the derive of ∂E/∂w_t').toBeDefined();
    expect(d!.results).toHaveLength(4);
    for (const res of d!.results) {
      expect(res.formsOmitted, `t = ${res.t}`).toBeUndefined();
      // at the last layer no state lies in between: the δ form would only repeat the chain form (index.ts)
      const want = res.t === 4 ? ['chain', 'explicit'] : ['chain', 'explicit', 'recursive'];
      expect(Object.keys(res.forms!).filter((k) => ['chain', 'explicit', 'recursive'].includes(k))).toEqual(want);
    }
    const t2 = d!.results.find((res) => res.t === 2)!.forms!;
    expect(t2.explicit!.text).toContain('(p₁ᵀ ⊗ I₃)');
    expect(t2.recursive!.text).toContain('∂E/∂w₂ = p₁ (δ₂ ⊙ σ′(z₂))ᵀ');
  }, 60_000);

  it('evaluates every form back to autodiff at every step, for a shared W too, on random layers', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 2, max: 4 }), fc.boolean(), fc.integer(), (T, n, shared, seed) => {
        const text = layers(T, n, shared, seed);
        const model = compileOk(text);
        const run = forward(model);
        const E = ref(model.loss!);
        const wrts = shared ? [{ idx: null, t: null }] : Array.from({ length: T }, (_, i) => ({ idx: { v: null, k: i + 1 }, t: null }));
        for (const { idx, t } of wrts) {
          const { forms } = checkDerivative(model, run, E, { name: shared ? 'W' : 'w', idx }, true, t, text);
          expect(forms.chain ?? forms.explicit, text).toBeDefined();
          // a δ-recursion where a layer lies between w and the loss (else it would repeat the chain form)
          if (shared ? T > 1 : idx!.k < T) expect(forms.recursive, text).toBeDefined();
          if (forms.factored) {
            const want = run.derivative(E, { name: shared ? 'W' : 'w', idx }, t, true).data;
            expect(relClose(evaluateForm(forms, 'factored', run).data, want)).toBe(true);
          }
        }
        // the immediate partial ∂⁺z_t/∂w_t
        if (!shared)
          checkDerivative(
            model,
            run,
            { k: 'ref', name: 'z', idx: { v: 't', k: 0 }, shape: [], range: R },
            { name: 'w', idx: { v: 't', k: 0 } },
            false,
            1,
            text,
          );
      }),
      { numRuns: 30, seed: 20261130 },
    );
  }, 120_000);

  it('a non-square W (z = Wᵀp with W : 3×2) has its forms too', () => {
    const text =
      'param W : 3x2 = [[0.1, -0.4], [0.7, 0.2], [-0.5, 0.3]]\nparam p : 3 = [0.5, -1, 2]\nparam y : 2 = [1, 0]\nz = Wᵀ p\nq = σ(z)\nloss E = sum((q - y)^2)\n';
    const model = compileOk(text);
    const run = forward(model);
    const { forms } = checkDerivative(model, run, ref(model.loss!), { name: 'W', idx: null }, true, null, text);
    expect(forms.explicit!.text).toContain('⊗ I₂');
  }, 60_000);
});
