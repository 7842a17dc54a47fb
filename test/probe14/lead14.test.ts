// Lead fixes of session 14, each with the case that showed it.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/index';
import { hoverContent, type HoverOptions } from '../../src/extension/hover/hoverContent';

const full: HoverOptions = { digits: 4, detail: 'full', uri: 'file:///free.rnn' };
const plain = (md: string) => md.replace(/<[^>]+>/g, '').replace(/\\(.)/g, '$1');

describe("a check's hover with free indices besides t", () => {
  it('counts the values it leaves out, not steps, and names the first and the last', () => {
    const text = [
      'T = 6',
      'input x : 3',
      'param W : 3x3',
      'h_0 = [0.1, 0.2, 0.3]',
      'h_t = tanh(W h_{t-1} + x_t)',
      'loss L = sum(h_T)',
      'check h_i^{(t)} = tanh(Σ_j W_{i,j} h_j^{(t-1)} + x_i^{(t)})',
    ].join('\n');
    const r = analyze(text);
    const c = r.checks[0]!;
    // one entry per (t, i): 6 × 3
    expect(c.steps).toHaveLength(18);
    const md = plain(hoverContent(r, { line: c.line, column: 3 }, full)!.markdown);
    expect(md).toContain('6 more values (t = 5, i = 1 to t = 6, i = 3) not listed here');
    expect(md).not.toContain('more steps');
  });
});

describe('a derivative inside a check that is 0 because its numerator does not depend on it (LANGUAGE.md §6)', () => {
  const text = [
    'T = 3',
    'input x = [1, 2, 3]',
    'param w = 0.5',
    'param c = 1',
    'param b = 0.2',
    'h_0 = 0',
    'a_t = w h_{t-1} + x_t + b',
    'h_t = tanh(a_t)',
    'loss L = Σ_t h_t^2',
    'check ∂L/∂c = 0',
    'check ∂⁺h_t/∂b = 0',
    "check ∂h_t/∂b = tanh'(a_t)(1 + w ∂h_{t-1}/∂b)",
    'check ∂L/∂c = ∂L/∂c = 0',
  ].join('\n');
  const r = analyze(text);
  const hints = r.diagnostics.filter((d) => d.code === 'independent');
  it('is a hint at the derivative, as on a derive line, and the check still holds', () => {
    expect(hints.map((d) => [d.severity, d.line, d.column, d.message])).toEqual([
      ['hint', 10, 7, 'L does not depend on c: the derivative is 0'],
      ['hint', 11, 7, 'h_t does not depend on b directly (∂⁺ counts only its direct appearance): the derivative is 0'],
      // a chain: each derivative once, though both links read the first
      ['hint', 13, 7, 'L does not depend on c: the derivative is 0'],
      ['hint', 13, 15, 'L does not depend on c: the derivative is 0'],
    ]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds', 'holds', 'holds', 'holds']);
  });
  it('is not given where the derivative is 0 at some steps only (∂h_0/∂b at t = 1)', () => {
    expect(hints.some((d) => d.line === 12)).toBe(false);
  });
});

describe('a whole side negated is named as a sign, also where a target is 0 at the file values (found by sol14)', () => {
  it("∂L_2/∂o_2 = 2(y_2 − o_2) with y_2 = 0: 'a sign is wrong', not a term of o_2 that is no path", () => {
    const net = [
      'T = 3',
      'input x = [1, 2, 3]',
      'target y = [1, 0, 1]',
      'param W_xh = 0.5',
      'param W_hh = -0.3',
      'param b_h = 0.1',
      'param W_hy = 0.8',
      'h_0 = 0',
      'h_t = σ(W_xh x_t + W_hh h_{t-1} + b_h)',
      'o_t = W_hy h_t',
      'L_t = (y_t - o_t)^2',
      'loss L = Σ_t L_t',
    ];
    const r = analyze(
      [...net, 'check ∂L_2/∂o_2 = 2(y_2 - o_2)', 'check ∂L_3/∂o_3 = 2(y_3 - o_3)', 'check ∂L_2/∂o_2 = -2(y_2 - o_2)'].join('\n'),
    );
    const [zero, one, right] = r.checks;
    expect(zero!.status).toBe('fails');
    expect(zero!.message).toContain('The right side is the left side with the opposite sign: a sign is wrong');
    expect(zero!.message).not.toContain('no path');
    expect(one!.message).toContain('a sign is wrong');
    expect(right!.status).toBe('holds');
  });
});

describe('∂_B A, the subscript notation of a partial derivative (found by sol14: "expected a name after ∂")', () => {
  const net = [
    'T = 3',
    'input x = [1, 2, 3]',
    'target y = [1, 0, 1]',
    'param W_xh = 0.5',
    'param W_hh = -0.3',
    'param b_h = 0.1',
    'param W_hy = 0.8',
    'h_0 = 0',
    'h_t = σ(W_xh x_t + W_hh h_{t-1} + b_h)',
    'o_t = W_hy h_t',
    'L_t = (y_t - o_t)^2',
    'loss L = Σ_t L_t',
  ];
  it('reads as ∂A/∂B, with ⁺ and in LaTeX, and binds tighter than a product', () => {
    const r = analyze(
      [
        ...net,
        'check \\partial_{o_3} L = -2(y_3 - o_3)',
        'check ∂_{o_t} L_t = -2(y_t - o_t)',
        'check ∂_{W_hy} L = Σ_t ∂_{o_t} L_t h_t',
        "check \\partial^+_{h_{t-1}} h_t = σ'(W_xh x_t + W_hh h_{t-1} + b_h) W_hh",
        'check ∂_{o_3} L = 2(y_3 - o_3)',
      ].join('\n'),
    );
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds', 'holds', 'holds', 'fails']);
    expect(r.checks[4]!.message).toContain('a sign is wrong');
  });
  it('a subscript that is not a variable is refused by name', () => {
    const r = analyze([...net, 'check ∂_{2} L = 0'].join('\n'));
    expect(r.diagnostics.some((d) => d.severity === 'error' && d.line === 13)).toBe(true);
  });
});

describe('a second derivative is refused as what it is (found by errors14: "expected a name after ∂, found \'²\'")', () => {
  it('∂²L/∂w² and \\frac{\\partial^2 L}{\\partial w^2} say second derivatives are not in the language; ∂^+ still reads', () => {
    const r = analyze(
      [
        'T = 2',
        'param w = 0.5',
        'input x = [1, 2]',
        'h_0 = 0',
        'h_t = tanh(w h_{t-1} + x_t)',
        'loss L = Σ_t h_t^2',
        'check ∂²L/∂w² = 0',
        'check \\frac{\\partial^2 L}{\\partial w^2} = 0',
        "check \\frac{\\partial^{+} h_t}{\\partial h_{t-1}} = tanh'(w h_{t-1} + x_t) w",
      ].join('\n'),
    );
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.line)).toEqual([7, 8]);
    for (const e of errors) expect(e.message).toContain('second and higher derivatives (∂²A/∂B²) are not in the language');
    expect(r.checks.map((c) => [c.line, c.status])).toEqual([[9, 'holds']]);
  });
});
