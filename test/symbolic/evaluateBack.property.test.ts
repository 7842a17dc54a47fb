// Evaluate-back on random networks, through the same path the Report takes: every symbolic form
// (chain, explicit, δ-recursion) of every parameter gradient, evaluated back numerically, equals the
// engine's autodiff gradient to 1e-9 relative — for scalar networks, small vector networks and a
// 64-unit one (W_hh with 4,096 entries), whose forms used to be skipped. And analyze() keeps every
// form it wrote (the hook's own check agrees), instead of giving a reason for leaving them out.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import type { Expr } from '../../src/language/model';
import { vectorNet } from '../engine/build';
import { checkDerivative, compileOk, forward } from './helpers';

const R = { line: 1, column: 1, endLine: 1, endColumn: 1 };
const lossRef = (name: string): Expr => ({ k: 'ref', name, idx: null, shape: [], range: R });
const PARAMS = ['W_xh', 'W_hh', 'b_h', 'W_hy'];

/** Every parameter gradient's forms evaluated back against autodiff; returns the kinds checked per parameter. */
function checkAll(text: string, params = PARAMS, typeset = true): Map<string, string[]> {
  const model = compileOk(text);
  const run = forward(model);
  const out = new Map<string, string[]>();
  for (const p of params) {
    const { kinds } = checkDerivative(model, run, lossRef(model.loss!), { name: p, idx: null }, true, null, text.slice(0, 200), typeset);
    out.set(p, kinds);
  }
  return out;
}

/** analyze() with forms: every derive has forms, none omitted */
function analyzedForms(text: string, params = PARAMS): { kinds: string[]; omitted: string | undefined }[] {
  const r = analyze(text + params.map((p) => `derive ∂L/∂${p}\n`).join(''), { forms: true, graph: false, gradcheck: false, draws: 1 });
  return r.derives.map((d) => ({
    kinds: Object.keys(d.results[0]?.forms ?? {}).filter((k) => k !== 'best' && k !== 'exact'),
    omitted: d.results[0]?.formsOmitted,
  }));
}

describe('forms evaluated back on random networks', () => {
  it('scalar and small vector networks (vanilla and gated; σ, tanh, relu): every form equals autodiff to 1e-9', () => {
    fc.assert(
      fc.property(
        fc.record({
          seed: fc.integer({ min: 1, max: 1_000_000 }),
          T: fc.integer({ min: 1, max: 6 }),
          n: fc.integer({ min: 1, max: 5 }),
          d: fc.integer({ min: 1, max: 4 }),
          p: fc.integer({ min: 1, max: 3 }),
          act: fc.constantFrom('tanh', 'σ', 'relu'),
          gated: fc.boolean(),
        }),
        (c) => {
          const text = vectorNet(c.seed, c.T, c.n, c.d, c.p, c.act, c.gated);
          const kinds = checkAll(text);
          for (const p of PARAMS) expect(kinds.get(p)!.length, p).toBeGreaterThan(0);
          // past one step W_hh's gradient goes through the recurrent state: the δ-recursion is written
          if (c.T >= 2) expect(kinds.get('W_hh')).toContain('recursive');
        },
      ),
      { numRuns: 10, seed: 20261130 },
    );
  }, 120_000);

  it('a 64-unit network (W_hh 64×64, inputs of 32): every form of ∂L/∂W_hh and ∂L/∂W_xh equals autodiff, and analyze() keeps them', () => {
    // the two wide gradients (4,096 and 2,048 entries, Jacobians of 64 × 4,096 and 64 × 2,048 per step)
    const wide = ['W_hh', 'W_xh'];
    const text = vectorNet(11, 3, 64, 32, 4);
    // (KaTeX on a 64 × 64 value matrix is slow and is tested on small networks above)
    const kinds = checkAll(text, wide, false);
    for (const p of wide) expect(kinds.get(p)!.length, p).toBeGreaterThanOrEqual(2);
    const derives = analyzedForms(text, ['W_hh']);
    expect(derives).toHaveLength(1);
    for (const d of derives) {
      expect(d.omitted).toBeUndefined();
      expect(d.kinds.length).toBeGreaterThanOrEqual(2);
    }
  }, 60_000);

  it('past 4,096 entries the forms are still refused with the reason (the limit is where it says)', () => {
    const text = vectorNet(3, 2, 65, 2, 1);
    const [d] = analyzedForms(text, ['W_hh']);
    expect(d.kinds).toEqual([]);
    expect(d.omitted).toMatch(/W_hh has 4,225.*\(limit\)/);
  });
});
