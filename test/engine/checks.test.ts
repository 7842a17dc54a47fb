// Checks (LANGUAGE.md §5, issue 9 items 3 and 5): the one-step re-reading and its verdict, the wrong
// factor and the left-out part named, links/tags/free indices, and the bugs found on the way.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { answerCheck, Draws, type QuestionContext } from '../../src/engine/questions';
import { buildPlan } from '../../src/engine/plan';
import { forward } from '../../src/engine/run';
import type { CheckQuestion, Expr, Model } from '../../src/language/model';
import { SHEET7 } from '../language/helpers';
import { deriv, idx, model, num, ref, v } from './build';
import { GRU, LSTM } from './cells';

const check = (text: string) => {
  const r = analyze(text);
  expect(r.diagnostics.filter((d) => d.severity === 'error' && !/fails|cannot/.test(d.message)).map((d) => d.message)).toEqual([]);
  return r.checks[r.checks.length - 1]!;
};

function context(m: Model): QuestionContext {
  const plan = buildPlan(m);
  return {
    model: m,
    run: forward(m, undefined, { plan }),
    draws: new Draws(m, plan, new Map()),
    drawCount: 4,
    symbolic: null,
    diagnostics: [],
    termResults: 0,
  };
}

const R = { line: 1, column: 1, endLine: 1, endColumn: 2 };
function question(m: Model, lhs: Expr, rhs: Expr, extra: Partial<CheckQuestion> = {}): CheckQuestion {
  return {
    kind: 'check',
    lhs,
    rhs,
    freeT: true,
    steps: Array.from({ length: m.T }, (_, i) => i + 1),
    free: [],
    line: 1,
    range: R,
    rhsRange: R,
    link: 1,
    links: 1,
    text: 'hand-built',
    ...extra,
  };
}

const EQ32 = (d: string) =>
  `check ∂L/∂W_xh = ∂L_1/∂o_1 · ∂o_1/∂h_1 · ${d}h_1/∂W_xh + ∂L_2/∂o_2 · ∂o_2/∂h_2 · (${d}h_2/∂W_xh + ∂h_2/∂h_1 · ${d}h_1/∂W_xh) + ∂L_3/∂o_3 · ∂o_3/∂h_3 · (${d}h_3/∂W_xh + ∂h_3/∂h_2 · ${d}h_2/∂W_xh + ∂h_3/∂h_2 · ∂h_2/∂h_1 · ${d}h_2/∂W_xh)`;

describe('the one-step re-reading (holds-as-one-step)', () => {
  it('seed 001 eq. 26 with ∂: holds as one-step, naming the derivative and what the total adds', () => {
    const c = check(SHEET7 + "check ∂h_t/∂W_xh = σ'(W_xh x_t + W_hh h_{t-1} + b_h) x_t");
    expect(c.status).toBe('holds-as-one-step');
    expect(c.message).toContain('∂h_t/∂W_xh read as one-step derivative');
    expect(c.message).toMatch(/∂h_2\/∂W_xh adds 0\.024/);
    expect(c.message).toContain('4 random draws');
  });
  it('seed 001 eq. 28 (∂h_t/∂W_hh … h_{t-1}) likewise', () => {
    expect(check(SHEET7 + "check ∂h_t/∂W_hh = σ'(W_xh x_t + W_hh h_{t-1} + b_h) h_{t-1}").status).toBe('holds-as-one-step');
  });
  it('seed 001 eq. 32 written with ∂ everywhere names the wrong factor, as the ∂⁺ version does', () => {
    const d = check(SHEET7 + EQ32('∂'));
    expect(d.status).toBe('fails');
    expect(d.message).toContain('the last factor should be ∂h_1/∂W_xh');
    const p = check(SHEET7 + EQ32('∂⁺'));
    expect(p.status).toBe('fails');
    expect(p.message).toContain('the last factor should be ∂⁺h_1/∂W_xh');
  });
  it('a check that writes ∂⁺ keeps its ∂ total (it tells the two apart)', () => {
    const c = check(SHEET7 + 'check ∂⁺h_3/∂W_xh = ∂h_3/∂W_xh');
    expect(c.status).toBe('fails');
    expect(c.message).toContain('total derivative');
  });
  it("a re-reading that holds only at the file's values is holds-at-given-values and says both", () => {
    // the one-step reading holds while h_0 = 0 (the extra + h_0 vanishes); as total derivatives it fails at t = 2
    const c = check(SHEET7 + "check ∂h_t/∂W_hh = σ'(W_xh x_t + W_hh h_{t-1} + b_h) h_{t-1} + h_0");
    expect(c.status).toBe('holds-at-given-values');
    expect(c.message).toContain('only with ∂h_t/∂W_hh read as one-step derivative');
    expect(c.message).toContain('h_0 = 0');
    expect(c.message).toContain('As total derivatives it fails at t = 3'); // at t = 2 h_0 = 0 makes the two agree
  });
  it('the loss stays total: ∂L/∂W_xh is never re-read', () => {
    const c = check(SHEET7 + 'check ∂L/∂W_xh = Σ_t ∂L/∂h_t · ∂⁺h_t/∂W_xh');
    expect(c.status).toBe('holds');
  });
});

describe('the left-out part of a gradient is named with its value', () => {
  it('seed 001 eq. 33: the right side leaves out ∂L_1/∂W_hh, which is 0 only when h_0 = 0', () => {
    const c = check(SHEET7 + 'check ∂L/∂W_hh = ∂L_2/∂W_hh + ∂L_3/∂W_hh');
    expect(c.status).toBe('holds-at-given-values');
    expect(c.message).toMatch(/the right side leaves out ∂L_1\/∂W_hh = -?0\.\d+ at random draw \d, which is 0 only when h_0 = 0/i);
  });
  it("at the file's values too, when h_0 ≠ 0", () => {
    const c = check(SHEET7.replace('h_0 = 0', 'h_0 = 0.5') + 'check ∂L/∂W_hh = ∂L_2/∂W_hh + ∂L_3/∂W_hh');
    expect(c.status).toBe('fails');
    expect(c.message).toMatch(/The right side leaves out ∂L_1\/∂W_hh = -?0\.\d+/);
  });
});

describe('bugs found on the way (regressions)', () => {
  it('(a) draws that cannot be evaluated are counted; a check judged at no draw does not hold', () => {
    const c = check(SHEET7 + 'input k = [1, 2, 1]\ncheck x_t = x_t + 0 [1, 2][k_t]');
    expect(c.status).toBe('holds-at-given-values');
    expect(c.message).toContain('none of the 4 random draws could be evaluated');
    expect(c.message).toContain('an index must be a whole number');
  });
  it('(a) some draws skipped: said and counted, the rest judged', () => {
    const m = model(SHEET7 + 'input k = [-1, 0, -1]\n');
    const ctx = context(m);
    // 1 + relu(k_1) is a whole number where the drawn k_1 ≤ 0, not where it is positive
    const i: Expr = {
      k: 'add',
      a: num(1),
      b: { k: 'call', fn: 'relu', arg: ref(m, 'k', idx(1)), shape: [], range: R },
      shape: [],
      range: R,
    };
    const lhs: Expr = { k: 'index', a: { k: 'vec', items: [num(1), num(1)], shape: [2], range: R }, i, j: null, shape: [], range: R };
    const r = answerCheck(question(m, lhs, num(1), { freeT: false, steps: [] }), ctx);
    const judged = Number(/and (\d) random draws?/.exec(r.message)?.[1] ?? 0);
    const skipped = Number(/(\d) random draws? could not be evaluated/.exec(r.message)?.[1] ?? 0);
    expect(skipped).toBeGreaterThan(0);
    expect(judged).toBeGreaterThan(0);
    expect(judged + skipped).toBe(4);
    expect(r.status).toBe('holds');
    expect(r.message).toContain('an index must be a whole number');
  });
  it('(b) a silently zero ∂⁺h_t/∂b gets the zero hint, not "the other side is the …"', () => {
    const c = check(`T = 2
input x = [0.5, -1]
param w = 0.7
param b = 0.1
h_0 = 0
a_t = w x_t + w h_{t-1} + b
h_t = tanh(a_t)
loss L = Σ_t h_t^2
check ∂⁺h_t/∂b = tanh'(a_t)
`);
    expect(c.status).toBe('fails');
    expect(c.message).toContain("∂⁺h_1/∂b is 0: b does not appear directly in h_1's own equation");
    expect(c.message).toContain('through a_t');
    expect(c.message).not.toContain('The other side is');
  });
  // session 12: under a Σ (Pascanu's Σ_k ∂E_t/∂x_t ∂x_t/∂x_k ∂⁺x_k/∂θ) the zero ∂⁺ was not looked at, and the sum
  // of zeros "matched" the immediate partial ∂⁺L/∂W — of a W that does not appear in L's equation at all
  const VEC = `T = 3
input x : 2
param W : 3x3
param U : 3x2
param b : 3
h_0 = [0, 0, 0]
a_t = b + W h_{t-1} + U x_t
h_t = tanh(a_t)
loss L = Σ_t sum(h_t^2)
`;
  it.each([
    ['check ∂L/∂W = Σ_t ∂L/∂h_t ∂⁺h_t/∂W', '∂⁺h_t/∂W', 'h_t', 'a_t', 'W'],
    ['check ∂L/∂b = Σ_k ∂L/∂h_k ∂⁺h_k/∂b', '∂⁺h_k/∂b', 'h_k', 'a_k', 'b'],
    ['check ∂L/∂W = Σ_t Σ_{k=1}^{t} ∂L/∂h_t ∂h_t/∂h_k ∂⁺h_k/∂W', '∂⁺h_k/∂W', 'h_k', 'a_k', 'W'],
  ])('(b) under a Σ: %s names the zero ∂⁺, not "the immediate partial"', (line, term, of, via, wrt) => {
    const c = check(VEC + line);
    expect(c.status).toBe('fails');
    expect(c.message).toContain(`${term} is 0: ${wrt} does not appear directly in ${of}'s own equation`);
    expect(c.message).toContain(`through ${via}, so the derivative meant is ∂${of}/∂${wrt}`);
    expect(c.message).not.toContain('The other side is');
  });
  it('(b) a ∂⁺ that is 0 at some values of the Σ only is not called 0', () => {
    // ∂⁺a_k/∂h_1 is 0 for every k but 2: no zero hint for the term
    const c = check(VEC + 'check ∂L/∂h_1 = Σ_{k=2}^{T} ∂L/∂a_k ∂⁺a_k/∂h_1 + 1');
    expect(c.status).toBe('fails');
    expect(c.message).not.toContain('is 0:');
  });
  it('(c) GRU ∂h_t/∂h_{t-1} = 1 - z_t: the missing paths run through z_t and g_t, not earlier steps', () => {
    const c = check(GRU + 'check ∂h_t/∂h_{t-1} = 1 - z_t');
    expect(c.status).toBe('fails');
    expect(c.message).toContain('immediate partial ∂⁺h_t/∂h_{t-1}');
    expect(c.message).toContain('the paths through z_t and g_t');
    expect(c.message).not.toContain('earlier steps');
  });
});

describe('links, tags and free indices', () => {
  const m = model(`T = 2
input x : 3 = [[0.5, -1, 0.2], [0.1, 0.3, -0.4]]
param W : 3x3 = [[0.1, 0.2, 0.3], [-0.3, 0.4, 0.1], [0.5, -0.6, 0.2]]
h_0 = [0, 0, 0]
h_t = tanh(W h_{t-1} + x_t)
loss L = Σ_t sum(h_t)
`);
  const ctx = context(m);
  const at = (i: Expr): Expr => ({ k: 'index', a: ref(m, 'h', idx(0, 't')), i, j: null, shape: [], range: R });
  it("link and tag are on the report of a chain's link", () => {
    const r = answerCheck(question(m, at(v('i')), at(v('i')), { free: [{ v: 'i', values: [1, 2, 3] }], link: 2, links: 3, tag: '7' }), ctx);
    expect(r).toMatchObject({ status: 'holds', link: 2, tag: '7' });
    const one = answerCheck(question(m, at(num(1)), at(num(1))), ctx);
    expect(one.link).toBeUndefined();
    expect(one.tag).toBeUndefined();
  });
  it('a free entry index: the check holds when it holds for every value, and the failure names them', () => {
    const r = answerCheck(question(m, at(v('i')), at(num(1)), { free: [{ v: 'i', values: [1, 2, 3] }] }), ctx);
    expect(r.status).toBe('fails');
    expect(r.message).toMatch(/^fails at t = 1, i = 2:/);
    expect(r.failingStep).toBe(1);
    // one entry per value of i at every step, i in `at` (views13: it was one entry per step)
    expect(r.steps.map((s) => [s.t, s.at!.i])).toEqual([
      [1, 1],
      [1, 2],
      [1, 3],
      [2, 1],
      [2, 2],
      [2, 3],
    ]);
  });
});

describe("σ^{-1} written for σ' (seed 004)", () => {
  const m = model(GRU);
  const ctx = context(m);
  const z = ref(m, 'z', idx(0, 't'));
  const h = ref(m, 'h', idx(0, 't'));
  const zArg: Expr = {
    k: 'add',
    a: { k: 'mul', a: ref(m, 'u'), b: ref(m, 'h', idx(-1, 't')), shape: [], range: R },
    b: { k: 'mul', a: ref(m, 'w'), b: ref(m, 'x', idx(0, 't')), shape: [], range: R },
    shape: [],
    range: R,
  };
  it("a failing check says that it holds with σ' in σ^{-1}'s place", () => {
    // z_t(1 − z_t) = σ'(u h_{t-1} + w x_t), written with σ^{-1}
    const lhs: Expr = { k: 'mul', a: z, b: { k: 'sub', a: num(1), b: z, shape: [], range: R }, shape: [], range: R };
    const r = answerCheck(question(m, lhs, { k: 'call', fn: 'logit', arg: zArg, shape: [], range: R }), ctx);
    expect(r.status).toBe('fails');
    expect(r.message).toContain("with the derivative σ' in its place the check holds");
  });
  it('and that it fails too when it does', () => {
    const r = answerCheck(question(m, h, { k: 'call', fn: 'artanh', arg: zArg, shape: [], range: R }), ctx);
    expect(r.status).toBe('fails');
    expect(r.message).toContain("with the derivative tanh' in its place the check fails too");
  });
});

describe('a step off by one is named (seed 004: c̄ with f^{(t)} for f^{(t+1)})', () => {
  const m = model(LSTM);
  const ctx = context(m);
  const L = ref(m, m.loss!);
  const mul = (x: Expr, y: Expr): Expr => ({ k: 'mul', a: x, b: y, shape: [], range: R });
  const add = (x: Expr, y: Expr): Expr => ({ k: 'add', a: x, b: y, shape: [], range: R });
  const cbar = (k: number) => deriv(m, L, 'c', idx(k, 't'));
  // c̄_t = h̄_t ∂h_t/∂c_t + c̄_{t+1} f_{t+1}
  const rhs = (fStep: number) =>
    add(
      mul(deriv(m, L, 'h', idx(0, 't')), deriv(m, ref(m, 'h', idx(0, 't')), 'c', idx(0, 't'))),
      mul(cbar(1), ref(m, 'f', idx(fStep, 't'))),
    );
  it('the right recursion holds; with f_t it fails and the message says f_t should be f_{t+1}', () => {
    expect(answerCheck(question(m, cbar(0), rhs(1), { steps: [1, 2] }), ctx).status).toBe('holds');
    const r = answerCheck(question(m, cbar(0), rhs(0), { steps: [1, 2] }), ctx);
    expect(r.status).toBe('fails');
    expect(r.message).toContain('f_t should be f_{t+1}');
  });
});
