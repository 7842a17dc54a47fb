// Session 19 (text19): LaTeX's X^S_Y is X_Y^S. For random names, steps and entries, the superscript written first
// reads as the entry written first (superscriptFirst.ts), so `check X^S_Y = X_Y^{(S)}` holds wherever it reads.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = [
  'T = 3',
  'param w_t : 2x2',
  'param b_t : 2',
  'a_0 = [0.5, -0.3]',
  'z_t = w_t a_{t-1} + b_t',
  'a_t = σ(z_t)',
  'loss C = sum(a_T)',
  '',
].join('\n');

describe('X^S_Y reads as X_Y^{(S)}', () => {
  it('for vectors and matrices at a step letter, a shifted step or L (T over a name is its transpose: x^T_t is x_tᵀ), and a number or letter entry', () => {
    const vec = fc.constantFrom('z', 'a', 'b');
    const step = fc.constantFrom(['l', 'l'], ['{l-1}', 'l-1'], ['{l+1}', 'l+1'], ['L', 'T'], ['k', 'k']);
    const entry = fc.constantFrom(['1', '1'], ['2', '2'], ['j', 'j'], ['{j}', 'j']);
    fc.assert(
      fc.property(vec, step, entry, fc.boolean(), (x, [s, plain], [e, plainE], matrix) => {
        // a matrix's two letters in one subscript (w_{jk}) are read only as letters: w_{1k} is no entry pair
        const left = matrix ? `w^${s}_{jk}` : `${x}^${s}_${e}`;
        const right = matrix ? `w_{j,k}^{(${plain})}` : `${x}_${plainE}^{(${plain})}`;
        const a = analyze(NET + `check ${left} = ${right}\n`, { draws: 1, graph: false });
        expect(a.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
        // a step past the network (z^{l+1} at l = T) leaves no step to judge; where it reads, it holds
        expect(a.checks.map((c) => c.status)).toEqual(['holds']);
      }),
      { numRuns: 40 },
    );
  });
});
