// The index of Σ/∏ written as a set or a range, as papers write it: `\sum_{t \in \{1, \dots, T\}}`, `\sum_{t \in [T]}`
// ([T] = {1, …, T}), `\sum_{t \in [2, T]}`, `\sum_{t \in [1, T)}`, `\sum_{t=1,\dots,T}`, `\sum_{t=1..T}`,
// `\prod_{j=2,\dots,3}`. They were "expected '=', ',', '≤' or '}' in the index of Σ, found '\in'" (or "… found ','").
// The set is read by the same code as a check's steps (parser.ts stepSet); steps listed that are not consecutive are
// refused as they are there.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { SIGMA_NET } from '../probe24/spec24b-network';

describe('the index of Σ and ∏ as a set of steps', () => {
  it('reads each form', () => {
    const r = analyze(
      [
        SIGMA_NET,
        String.raw`check L = \sum_{t \in \{1, \dots, T\}} L_t`,
        String.raw`check L = \sum_{t\in\{1,2,3\}} L_t`,
        String.raw`check L = \sum_{t \in [T]} L_t`,
        String.raw`check L = \sum_{t \in [2, T]} L_t + L_1`,
        String.raw`check L = \sum_{t \in [1, T)} L_t + L_3`,
        String.raw`check L = \sum_{t=1,\dots,T} L_t`,
        String.raw`check L = \sum_{t=1..T} L_t`,
        String.raw`check \frac{\partial h_3}{\partial h_1} = \prod_{j=2,\dots,3} \frac{\partial h_j}{\partial h_{j-1}}`,
        String.raw`check \frac{\partial h_3}{\partial h_1} = \prod_{j \in \{2, \dots, 3\}} \frac{\partial h_j}{\partial h_{j-1}}`,
      ].join('\n'),
    );
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(Array(9).fill('holds'));
  });

  it('a wrong set is a wrong sum; steps that are not consecutive are refused', () => {
    const r = analyze(
      [SIGMA_NET, String.raw`check L = \sum_{t \in [2, T]} L_t`, String.raw`check L = \sum_{t \in \{1, 3\}} L_t`].join('\n'),
    );
    expect(r.checks.map((c) => c.status)).toEqual(['fails']);
    expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([
      'the steps listed are not consecutive numbers: write the range as for t = a..b',
    ]);
  });
});
