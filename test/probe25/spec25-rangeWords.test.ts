// A check's steps as sheets write them after the last side, with no `for` and no comma: `\qquad t = 1, 2, \ldots, T`,
// `\quad 1 \le t \le T`, `\qquad t < T`, `\quad t = 3`; as an interval, `t \in [1, T]`, `t \in [1, T)`; in words,
// `\text{for every } t`, `\text{for each } t`, `t = 1 \text{ to } T`; and from the top down, as a backward pass runs,
// `t = T-1, \dots, 1`, `t = T-1 \text{ down to } 1`. Before: the letter after the wide space was a factor of the last
// side (`\text{for every }` is prose, dropped), so `∂L/∂o_t = -2(y_t - o_t) \quad \text{for every } t` *failed* with
// "the factor t should not be there", the others were "expected a range of t after …" or "'≤' after the equation",
// `t = T-1, \dots, 1` "the range 2..1 … is empty", and `t = T-1 \text{ down to } 1` held for t = 2 alone.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { analyzeSolution } from '../../src/solution';
import { SIGMA_NET } from '../probe24/spec24b-network';

const DO = String.raw`\frac{\partial L}{\partial o_t} = -2(y_t - o_t)`;
const DH = String.raw`\frac{\partial L}{\partial h_t} = -2(y_t - o_t) o_t (1 - o_t) W_{hy} + \frac{\partial L}{\partial h_{t+1}} h_{t+1} (1 - h_{t+1}) W_{hh}`;

/** each written range, and the steps it states */
const CASES: [string, string][] = [
  [String.raw`${DO} \qquad t = 1, 2, \ldots, T`, '1..3'],
  [String.raw`${DO} \qquad t = 2, \ldots, T`, '2..3'],
  [String.raw`${DO} \quad t = 3`, '3'],
  [String.raw`${DO} \quad 1 \le t \le T`, '1..3'],
  [String.raw`${DO} \qquad t \geq 2`, '2..3'],
  [String.raw`${DO} \qquad t \in [1, T]`, '1..3'],
  [String.raw`${DO} \qquad \forall t \in [2, T]`, '2..3'],
  [String.raw`${DO} \quad t \in [1, 2]`, '1..2'],
  [String.raw`${DO} \quad \text{for every } t`, '1..3'],
  [String.raw`${DO} \quad \text{for each } t`, '1..3'],
  [String.raw`${DO} \quad \text{for } t = 1 \text{ to } T`, '1..3'],
  [String.raw`${DH} \qquad t < T`, '1..2'],
  [String.raw`${DH} \qquad 1 \le t < T`, '1..2'],
  [String.raw`${DH} \qquad t \in [1, T)`, '1..2'],
  [String.raw`${DH} \qquad \text{for } t = T-1, \dots, 1`, '1..2'],
  [String.raw`${DH} \qquad \text{for } t = T-1 \text{ down to } 1`, '1..2'],
];

describe('the steps of a check written after a space, as an interval, in words, from the top down', () => {
  const r = analyze([SIGMA_NET, ...CASES.map(([c]) => `check ${c}`)].join('\n'));

  it('every line reads', () => {
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it.each(CASES.map(([c, steps], n) => [c, steps, n] as const))('%s holds for t = %s', (_, steps, n) => {
    const c = r.checks[n]!;
    expect(c.status).toBe('holds');
    expect(c.message).toMatch(new RegExp(`^holds for t = ${steps.replace('.', '\\.')} at the file's values`));
  });

  it('the same in a Markdown solution', () => {
    const md = ['```rnn', SIGMA_NET, '```', ...CASES.map(([c]) => `\n$$${c}$$`)].join('\n');
    const s = analyzeSolution(md, 'markdown', { sidecar: null });
    expect(s.equations.map((e) => [e.status, e.message.replace(/ at the file.*$/, '')])).toEqual(
      CASES.map(([, steps]) => ['holds', `holds for t = ${steps}`]),
    );
  });

  it('a second equation after the space stays a side of the chain; a wrong step set stays refused', () => {
    const r2 = analyze(
      [
        SIGMA_NET,
        String.raw`check ${DO} \quad t \in [1, 5]`,
        String.raw`check ${DO} \quad \text{for } t = 3 \text{ to } 1`,
        String.raw`check ${DO} \quad = 2(o_t - y_t)`,
        String.raw`check W_{hh} = 0.8 \quad y = 3`,
      ].join('\n'),
    );
    expect(r2.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([
      'the range 1..5 is outside 0..T+1 (T = 3) or empty',
      'the range 3..1 is outside 0..T+1 (T = 3) or empty',
      // another letter set to one value is a side of the chain, not a range
      'y is a sequence: write y_t, y_{t-1} or a step such as y_1',
    ]);
    // (the chain's second link, W_hh = 3, is judged on its own)
    expect(r2.checks.map((c) => c.status)).toEqual(['holds', 'holds', 'fails']);
  });
});
