// Probe 40 (session 53): seed 001's three-step RNN handed in by two students — Carla in Markdown ($$ … $$, \frac, an
// align* pasted in, chains), Dmitri as a LaTeX document with a sidecar naming the pre-activations z_t and a_t. Every
// right equation holds; each planted mistake fails at its equation, named. Fixed: the factor 2 of the square's
// derivative left out (∂𝓛/∂y_2 = −(t_2 − y_2)) was said only as "0.5 times the left side"; it now says the 2 is missing.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { read40 } from './read40';

describe('Carla’s hand-in (Markdown, align*, chains)', () => {
  const { r, v } = read40('rnn-carla.md');
  it('every equation is read; the right ones hold', () => {
    expect(r.skipped).toBe(0);
    for (const tag of ['a3', 'a5']) expect(v[tag]!.status, tag).toBe('holds');
  });
  it('the sign slip fails at its own link, the chain’s first link holding', () => {
    const a1 = r.equations.find((e) => e.tag === 'a1')!;
    expect(a1.checks.map((c) => c.status)).toEqual(['holds', 'fails']);
    expect(a1.checks[1]!.message).toMatch(/with the opposite sign: a sign is wrong/);
  });
  it('the missing factor 2 is said to be the square’s 2', () => {
    expect(v['a2']!.status).toBe('fails');
    expect(v['a2']!.message).toMatch(
      /The right side is 0\.5 times the left side: a factor 2 is missing \(the 2 that the square in L_t brings to its derivative\)/,
    );
  });
  it('σ′ of the state for σ′ of its pre-activation is named', () => {
    expect(v['a4']!.status).toBe('fails');
    expect(v['a4']!.message).toMatch(/σ′\(h_t\) should be σ′\(W_xh x_t \+ W_hh h_\{t-1\} \+ b_h\)/);
  });
  it('the path through h_3 left out of ∂𝓛/∂h_1 is named', () => {
    expect(v['a6']!.status).toBe('fails');
    expect(v['a6']!.message).toMatch(/No term covers the path h_1 → h_2 → h_3 → y_3 → L_3 → L/);
  });
  it('t_3 = 1 substituted leans on the target; the rounded value holds to its digits; a wrong one fails', () => {
    const b1 = r.equations.find((e) => e.tag === 'b1')!;
    expect(b1.checks.map((c) => c.status)).toEqual(['holds-at-given-values', 'holds']);
    expect(b1.checks[0]!.message).toMatch(/leans on the given value of t/);
    expect(v['b2']!.status).toBe('fails');
    expect(v['b2']!.message).toMatch(/rounds to -0\.1840, not -0\.1893 as written/);
  });
});

describe('Carla’s hand computation: a wrong y_1 carried into ∂𝓛/∂y_1', () => {
  const { r } = read40('rnn-carla.md');
  const eq = (tag: string) => r.equations.find((e) => e.tag === tag)!;
  it('the wrong value fails where it is worked out', () => {
    expect(eq('c1').checks.map((c) => c.status)).toEqual(['holds', 'fails']);
    expect(eq('c1').checks[1]!.message).toMatch(/rounds to 0\.6555, not 0\.6631 as written/);
  });
  it('the side that puts it in names it; the rounded value after it says it is carried (it said the values only)', () => {
    const c2 = eq('c2').checks;
    expect(c2.map((c) => c.status)).toEqual(['holds', 'fails', 'fails']);
    expect(c2[1]!.message).toMatch(/0\.6631 is not y_1 = 0\.655491/);
    expect(c2[2]!.message).toMatch(
      /The side before it, \(−2\) \(1 − 0\.6631\) = -0\.6738, is worked out right, but its 0\.6631 should be 0\.6555, the value of y_1: .* carried into this value/,
    );
  });
});

describe('Dmitri’s hand-in (LaTeX document, sidecar network)', () => {
  const { r, v } = read40('rnn-dmitri.tex');
  it('every equation is read; the right ones hold', () => {
    expect(r.skipped).toBe(0);
    expect(r.equations[0]!.status).toBe('holds');
    for (const tag of ['2', '4', '5']) expect(v[tag]!.status, tag).toBe('holds');
  });
  it('each mistake is named at its own row', () => {
    expect(v['3m']!.message).toMatch(/h_t should be h_\{t-1\}: with that step the check holds/);
    expect(v['4m']!.message).toMatch(/The Σ over t on the right side \(t = 1\.\.2\) leaves out its last term t = 3/);
    expect(v['5m']!.message).toMatch(/it leaves out the paths through the earlier steps, where W_xh acts too/);
    expect(v['6m']!.message).toMatch(/rounds to 0\.0405, not 0\.0450 as written/);
    for (const tag of ['3m', '4m', '5m', '6m']) expect(v[tag]!.status, tag).toBe('fails');
  });
});

describe('a side half the other under a squared loss, in check lines', () => {
  const NET = (loss: string) =>
    ['T = 2', 'input x = [0.5, -1]', 'target y = [1, 0]', 'param w = 0.8', 'h_0 = 0', 'h_t = σ(w h_{t-1} + x_t)', loss].join('\n');
  it('names the square’s 2 where the loss has no ½, and says only the ratio where it has one', () => {
    const plain = analyze([NET('loss L = Σ_t (y_t - h_t)^2'), 'check ∂L/∂h_2 = -(y_2 - h_2)', 'check ∂L/∂h_2 = (y_2 - h_2)'].join('\n'));
    expect(plain.checks[0]!.message).toMatch(/0\.5 times the left side: a factor 2 is missing \(the 2 that the square in L brings/);
    expect(plain.checks[1]!.message).toMatch(/-0\.5 times the left side: a factor 2 is missing .*, and a sign is wrong/);
    // no square in the loss: the ratio alone
    const linear = analyze([NET('loss L = Σ_t 3 h_t'), 'check ∂L/∂h_2 = 1.5'].join('\n'));
    expect(linear.checks[0]!.message).toMatch(/0\.5 times the left side/);
    expect(linear.checks[0]!.message).not.toMatch(/factor 2 is missing/);
  });
});

describe('a number carried wrong into a rounded value, in check lines', () => {
  const NET = ['T = 1', 'input x = [0.5]', 'target y = [1]', 'param w = 0.8', 'h_0 = 0', 'h_t = σ(w h_{t-1} + x_t)'];
  it('names the number and the value it stands for, only where the arithmetic from it is right', () => {
    const a = analyze(
      [
        ...NET,
        'loss L = Σ_t (y_t - h_t)^2',
        // h_1 = σ(0.5) = 0.6225; 0.6300 carried in: −2(1 − 0.63) = −0.74
        'check ∂L/∂h_1 = -2(1 - 0.6225) ≈ -0.7551',
        'check ∂L/∂h_1 = -2(1 - 0.6300) ≈ -0.7400',
        'check ∂L/∂h_1 = -2(1 - 0.6300) ≈ -0.7500',
      ].join('\n'),
    );
    // each line's link 1 is = with rounded numbers (fails, said so), link 2 the value after ≈
    expect(a.checks.map((c) => c.status)).toEqual(['fails', 'holds', 'fails', 'fails', 'fails', 'fails']);
    expect(a.checks[3]!.message).toMatch(/its 0\.6300 should be 0\.6225, the value of h_1: .* carried into this value/);
    // −0.7500 is not −2(1 − 0.6300) worked out: a slip of its own, no carried number
    expect(a.checks[5]!.message).not.toMatch(/carried/);
  });
});
