// ∂⁺ or ∂ for an edge of the unrolled graph (derive.ts needsPlus) is chosen by where another route could
// lead, not by how many nodes a capped search met on its way down: before, a gated network's δ-recursion
// printed twice at T ≥ 25 ("for t = 16..29" with ∂⁺h_{t+1}/∂u_{t+1}, "for t = 1..15" with ∂h_{t+1}/∂u_{t+1}),
// the 64-node search running out from step 16 on. The recursion is now one line for every T, its symbols
// the same at every T, and every form still evaluates back to autodiff.
import { describe, expect, it } from 'vitest';
import type { Expr } from '../../src/language/model';
import { deriveForms } from '../../src/engine/symbolic/index';
import { checkDerivative, compileOk, forward, GRU_SEED_000, netText, type Net } from './helpers';

const R = { line: 1, column: 1, endLine: 1, endColumn: 1 };
const ref = (name: string): Expr => ({ k: 'ref', name, idx: null, shape: [], range: R });

/** the general lines of a recursive form: the ranges they hold for, in order */
const ranges = (text: string): string[] => [...text.matchAll(/for t = (\d+)\.\.(\d+)/g)].map((m) => `${m[1]}..${m[2]}`);

/** every ∂-symbol of the text, by what it differentiates: the set of ways (∂⁺ or ∂) it is written */
function symbols(text: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const m of text.matchAll(/∂(⁺?)([^∂/\s·]+)\/∂([^\s·)]+)/g)) {
    const key = `${m[2]}/${m[3]}`;
    if (!out.has(key)) out.set(key, new Set());
    out.get(key)!.add(m[1] ? '∂⁺' : '∂');
  }
  return out;
}

/** the symbols with steps written relative to t only (a boundary step written as a number is its own line) */
const general = (m: Map<string, Set<string>>): Map<string, Set<string>> =>
  new Map([...m].filter(([k]) => /_\{?t/.test(k) && !/[₀-₉]/.test(k)));

describe('∂⁺ or ∂ does not depend on the horizon', () => {
  it.each([3, 10, 24, 25, 30, 64, 100, 400])('seed 000 GRU at T = %i: one δ-recursion line, ∂h_t/∂u_t written alike at every step', (T) => {
    const model = compileOk(GRU_SEED_000(T));
    const run = forward(model);
    const { forms } = checkDerivative(model, run, ref(model.loss!), { name: 'w', idx: null }, true, null, `T=${T}`, false);
    const text = forms.recursive!.text;
    expect(ranges(text)).toEqual([`1..${T - 1}`, `1..${T}`]);
    for (const [k, ways] of general(symbols(text))) expect([...ways], `${k} at T = ${T}\n${text}`).toHaveLength(1);
    // no other route from u_t to h_t: its partial is the whole derivative, written ∂
    expect(text).toContain('∂h_{t+1}/∂u_{t+1}');
    expect(text).not.toContain('∂⁺h_{t+1}/∂u_{t+1}');
    // h_{t-1} reaches h_t through u_t and s_t too: ∂⁺
    expect(text).toContain('∂⁺h_{t+1}/∂h_t');
  });

  const nets: Net[] = [];
  for (const kind of ['gated', 'lstm'] as const)
    for (const n of [1, 2])
      for (const T of [6, 30, 70]) nets.push({ T, n, m: 1, act: 'tanh', outAct: 'none', kind, seed: 7 + n, lossAll: true, h0: true });

  it.each(nets.map((c) => [`${c.kind} n = ${c.n} T = ${c.T}`, c] as const))(
    '%s: every form equals autodiff, and each symbol is written one way',
    (_, c) => {
      const model = compileOk(netText(c));
      const run = forward(model);
      for (const wrt of ['W_h', 'U_h', 'U_f', 'W_g'].filter((w) => model.decls.has(w))) {
        const { forms } = checkDerivative(
          model,
          run,
          ref(model.loss!),
          { name: wrt, idx: null },
          true,
          null,
          `${c.kind} ∂L/∂${wrt}`,
          false,
        );
        for (const k of ['chain', 'recursive'] as const) {
          const f = forms[k];
          if (!f) continue;
          for (const [s, ways] of general(symbols(f.text))) expect([...ways], `${k} ${s}\n${f.text}`).toHaveLength(1);
        }
      }
    },
    60_000,
  );

  it('the recursion of a gated network reads the same at T = 30 and T = 300 (steps aside)', () => {
    const strip = (s: string) => s.replace(/[0-9₀-₉]+/g, '#');
    const text = (T: number) => {
      const model = compileOk(GRU_SEED_000(T));
      return deriveForms(model, ref(model.loss!), { name: 'w', idx: null }, true, null, forward(model)).recursive!.text;
    };
    expect(strip(text(300))).toBe(strip(text(30)));
  });
});
