// A check's steps written as a set, `\quad \forall t \in \{1, \dots, T\}`, `t ∈ {1, 2, 3}`: a solution read it
// (session 15: the reader rewrites it as `t = 1, \dots, T`), a .rnn check line said "unknown LaTeX command \in" —
// twice, with "expected a range of t after '\forall'" — and lost the check. The set is now read by the check's
// range itself (parser.ts checkRange): a, …, b, or consecutive numbers listed.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { SIGMA_NET } from './spec24b-network';

const NET = SIGMA_NET;

describe('the steps of a check written as a set', () => {
  it('\\forall t \\in \\{1, \\dots, T\\}, t \\in \\{2, 3\\}, t ∈ {1, …, T-1}', () => {
    const r = analyze(
      [
        NET,
        String.raw`check ∂L/∂o_t = -2(y_t - o_t) \quad \forall t \in \{1, \dots, T\}`,
        String.raw`check ∂L/∂o_t = -2(y_t - o_t) \quad t \in \{2, 3\}`,
        String.raw`check ∂L/∂o_t = -2(y_t - o_t), \quad t ∈ {1, …, T-1}`,
        String.raw`check ∂L/∂o_t = 2(y_t - o_t) \quad \text{for } t \in \{1, \ldots, T\}`,
      ].join('\n'),
    );
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds', 'holds', 'fails']);
    expect(r.checks.map((c) => c.message.replace(/ at the file.*$/, ''))).toEqual([
      'holds for t = 1..3',
      'holds for t = 2..3',
      'holds for t = 1..2',
      expect.stringMatching(/^fails at t = 1/),
    ]);
  });

  it('steps that are not consecutive are refused, naming how to write them', () => {
    const r = analyze(`${NET}\ncheck ∂L/∂o_t = -2(y_t - o_t) \\quad t \\in \\{1, 3\\}`);
    expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([
      'the steps listed are not consecutive numbers: write the range as for t = a..b',
    ]);
  });
});
