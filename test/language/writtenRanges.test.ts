// How sheets state the steps of an equation, a derivative written \frac{dL}{dW}, and square brackets used as
// brackets: each read as the student means it (docs/language-notes.md, "Ranges, d-fractions and brackets").
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { errors, lastCheck, run, SHEET7 } from './helpers';

/** the backward recurrence of sheet 7: defined for t = 1..T-1 (h_{t+1}), so every range below is about t */
const REC = String.raw`∂L/∂h_t = ∂L_t/∂h_t + ∂L/∂h_{t+1} ∂h_{t+1}/∂h_t`;
const stepsOf = (tail: string) => {
  const c = lastCheck(SHEET7 + `check ${REC}${tail}`);
  expect(c.status, c.message).toBe('holds');
  return c.steps.map((s) => s.t);
};

describe('the steps of a check, as sheets write them', () => {
  it.each([
    [' for t = 1..T-1', [1, 2]],
    [' for t = 1, …, T-1', [1, 2]],
    [String.raw` \quad \text{for } t = 1, \dots, T-1`, [1, 2]],
    [String.raw`, \quad t = 2, \ldots, T-1`, [2]],
    [' for t < T', [1, 2]],
    [String.raw` \quad \text{for } t < T`, [1, 2]],
    [String.raw` \qquad (t < T)`, [1, 2]],
    [String.raw` \quad (\text{for } 2 \le t < T)`, [2]],
    [String.raw` \quad \forall\, 1 \le t \le T-1`, [1, 2]],
    [' for t ≥ 2', [2]],
    [String.raw` \quad \text{if } t > 1`, [2]],
    [String.raw` \quad \forall t`, [1, 2]],
    [' for all t', [1, 2]],
    // one step, written as a sheet states it (session 12: "expected '..'" before)
    [' for t = 2', [2]],
    [String.raw` \quad (\text{for } t = 1)`, [1]],
    [' for t = T-1', [2]],
  ])('%s', (tail, steps) => expect(stepsOf(tail)).toEqual(steps));

  it('an inequality that leaves an end open keeps the default there (steps where both sides are defined)', () => {
    // t ≥ 1 runs to T by default, where h_{T+1} is not defined: left out, as with no range at all
    expect(stepsOf(' for t ≥ 1')).toEqual([1, 2]);
    // both ends written: every step of the range must be defined, and the one that is not is named — as the check's
    // failing verdict (an error of its own until session 31), which says where it reads it holds
    const r = run(SHEET7 + `check ${REC} for 1 ≤ t ≤ T`);
    expect(errors(r)).toEqual([]);
    expect(r.checks.map((c) => [c.status, c.message])).toEqual([
      [
        'fails',
        'fails: h_{t+1} at t = 3 is not defined: h has no value at step 4. At t = 1..2, where it is defined, it holds: the range promises a step it cannot read',
      ],
    ]);
  });

  it('the equation text leaves the range out; a parenthesised factor with no condition is still a factor', () => {
    const c = lastCheck(SHEET7 + String.raw`check ${REC} \qquad (t < T)`);
    expect(c.equation).toBe(REC);
    expect(lastCheck(SHEET7 + 'check 2 L = L (1 + 1)').status).toBe('holds');
    // Σ's bounds inside the last factor are not the check's range
    expect(lastCheck(SHEET7 + 'check 2 L = (Σ_{1≤t≤T} L_t + L)').status).toBe('holds');
  });

  it('a derive takes no range, and says so', () => {
    expect(errors(run(SHEET7 + 'derive ∂L/∂h_t \\quad \\text{for } t < T')).map((d) => d.message)).toEqual([
      'a derive answers at every step where it is defined: a range (for t …) is read on check lines',
    ]);
  });

  it('what is not a range of t is named', () => {
    expect(errors(run(SHEET7 + `check ${REC} for x < 3`)).map((d) => d.message)).toEqual(['write the range of t: for t = a..b']);
    expect(errors(run(SHEET7 + `check ${REC}, t`)).length).toBe(0);
    expect(errors(run(SHEET7 + `check ${REC}, and more`)).map((d) => d.message)).toEqual([
      expect.stringMatching(/^expected a range of t after ','/),
    ]);
    expect(errors(run(SHEET7 + `check ${REC} for t < T < 4 < 5`)).map((d) => d.message)).toEqual([
      'write the range of t as for t = a..b, for t < T or for 1 ≤ t ≤ T',
    ]);
  });
});

describe('\\frac{dL}{dW}: the d run into the name', () => {
  it('is the derivative, as \\frac{d L}{d W} and dL/dW are', () => {
    const spaced = lastCheck(SHEET7 + String.raw`check \frac{d L}{d W_{hh}} = ∂L/∂W_hh`);
    const run_ = lastCheck(SHEET7 + String.raw`check \frac{dL}{dW_{hh}} = ∂L/∂W_hh`);
    expect(run_.status).toBe('holds');
    expect(run_.steps).toEqual(spaced.steps);
    expect(lastCheck(SHEET7 + String.raw`check \frac{dh_t}{dh_{t-1}} = ∂h_t/∂h_{t-1}`).status).toBe('holds');
    expect(lastCheck(SHEET7 + String.raw`check \dfrac{dL_3}{do_3} = -2(y_3 - o_3)`).status).toBe('holds');
  });

  it('a fraction of names that only start with d stays a fraction when its denominator does not', () => {
    const r = analyze('T = 1\nparam da = 6\nparam b = 3\ncheck \\frac{da}{b} = 2\ncheck \\frac{da}{b} = da / b');
    expect(errors(r)).toEqual([]);
    // 6 / 3 = 2 at the file's values only: a division, not a derivative (which would be 0)
    expect(r.checks.map((c) => c.status)).toEqual(['holds-at-given-values', 'holds']);
  });
});

describe('square brackets around one vector or matrix are brackets', () => {
  const VEC = `T = 2
input x : 2 = [[1, 0], [0.5, -1]]
param W : 2x2 = [[0.4, -0.2], [0.3, 0.5]]
param U : 2x2 = [[1, 2], [3, 4]]
h_0 = 0
h_t = tanh(W h_{t-1} + U x_t)
loss L = sum(h_T)
`;
  it.each([
    String.raw`check ∂L/∂h_1 = W^\top [(1 - h_2 \odot h_2) \odot 1]`,
    String.raw`check ∂L/∂h_1 = W^\top \left[(1 - h_2 \odot h_2) \odot 1\right]`,
    String.raw`check ∂L/∂h_1 = W^\top \big[(1 - h_2 \odot h_2)\big]`,
  ])('%s', (line) => {
    const r = analyze(VEC + line);
    expect(errors(r)).toEqual([]);
    expect(r.checks[0]!.status, r.checks[0]!.message).toBe('holds');
  });

  it('a literal stays a literal: numbers, one number, rows', () => {
    const r = analyze(VEC + 'check U [1, 1] = [3, 7]\ncheck [2] = 2\ncheck [[1, 2], [3, 4]] = U');
    expect(errors(r)).toEqual([]);
    // U's values are redrawn: the first and last hold at the file's values only, read as literals
    expect(r.checks.map((c) => c.status)).toEqual(['holds-at-given-values', 'holds', 'holds-at-given-values']);
  });
});

describe('\\text{where} clauses after a check', () => {
  const VEC = `T = 3
input  x : 2 = [[1, 0], [0.5, -1], [-0.3, 0.8]]
target y : 3 = [[1, 0, 0], [0, 1, 0], [0, 1, 0]]
param  W : 3x2 = [[0.5, -0.3], [0.2, 0.8], [-0.6, 0.1]]
param  V : 3x3 = [[0.4, -0.2, 0.1], [0.3, 0.5, -0.4], [-0.1, 0.2, 0.6]]
h_0 = 0
h_t = tanh(W x_t + V h_{t-1})
p_t = V h_t
ŷ_t = softmax(p_t)
L_t = -sum(y_t ⊙ log(ŷ_t))
loss L = Σ_t L_t
`;
  it('a one-letter free index set to a number is held there; t too', () => {
    const r = analyze(
      VEC +
        String.raw`check L_T = -\log \hat{y}^{(T)}_{c} \quad \text{where } c = 2` +
        '\n' +
        String.raw`check ∂L/∂h_t = V^\top ∂L/∂p_t + ∂L/∂h_{t+1} ∂h_{t+1}/∂h_t, \quad \text{where } t = 2`,
    );
    expect(errors(r)).toEqual([]);
    const [c, t] = r.checks;
    // ŷ_T[2] is the probability of the target class at T: -log of it is L_T at the file's targets only
    expect(c!.status).toBe('holds-at-given-values');
    expect(c!.steps).toHaveLength(1);
    expect(t!.status).toBe('holds');
    expect(t!.message).toMatch(/^holds for t = 2 at the file's values/);
    expect(t!.equation).not.toMatch(/where/);
  });

  it('any other clause is an equation of its own, checked after the one that states it', () => {
    const r = analyze(VEC + String.raw`check ∂L/∂p_T = ŷ_T - y_T \quad \text{with } p_T = V h_T, \; ŷ_T = softmax(p_T)`);
    expect(errors(r)).toEqual([]);
    expect(r.checks.map((c) => [c.equation, c.status])).toEqual([
      ['∂L/∂p_T = ŷ_T - y_T', 'holds'],
      ['p_T = V h_T', 'holds'],
      ['ŷ_T = softmax(p_T)', 'holds'],
    ]);
  });

  it('a letter that is no free index of the check, or a value it does not take, is named', () => {
    const bad = (clause: string) =>
      errors(analyze(VEC + String.raw`check L_T = -\log \hat{y}^{(T)}_{c} \quad \text{where } ${clause}`)).map((d) => d.message);
    expect(bad('q = 2')).toEqual(['q is not a free index of this check: where q = … holds one of its letters (i, k, t) at a value']);
    expect(bad('c = 7')).toEqual(['c = 7 is not among the values c takes here (1..3)']);
  });
});
