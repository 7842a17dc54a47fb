// Probe 40 (session 53): seed 004's two questions handed in by two students — Ines's LSTM backward pass in the seed's
// adjoint notation (\overline{c^{(t)}}, an aligned chain, σ' written as σ'), Jonas's binary-addition RNN worked out by
// hand (bmatrix weights, states in numbers, Jacobians through time). Every right equation holds; each planted mistake
// fails, named. Fixed: a state written in numbers with one entry wrong said both vectors only (the entry is named), and
// v W U for ∂y^{(3)}/∂x^{(1)} = v W² U failed with its values only (the power is named).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { read40 } from './read40';

describe('Ines’s hand-in (LSTM, adjoints)', () => {
  const { r, v } = read40('lstm-ines.md');
  it('every equation is read; the right ones hold (the adjoint recursion with its Jacobian one-step)', () => {
    expect(r.skipped).toBe(0);
    for (const tag of ['2', '3', '4', '5', '6']) expect(v[tag]!.status, tag).toBe('holds');
    expect(v['1']!.status).toBe('holds-as-one-step');
  });
  it('each mistake is named', () => {
    expect(v['m1']!.message).toMatch(/f_t should be f_\{t\+1\}: with that step the check holds/);
    expect(v['m2']!.message).toMatch(/it has σ' where h_t's equation needs tanh'/);
    expect(v['m3']!.message).toMatch(/c_\{t\+1\} should be c_\{t-1\}: with that step the check holds/);
    expect(v['m4']!.message).toMatch(/\(y_t − h_t\) should be \(h_t − y_t\): with that the check holds/);
    for (const tag of ['m1', 'm2', 'm3', 'm4']) expect(v[tag]!.status, tag).toBe('fails');
  });
});

describe('Jonas’s hand-in (binary addition by hand)', () => {
  const { r, v } = read40('binadd-jonas.md');
  it('every equation is read; the right ones hold, the states without W h^{(0)} leaning on h_0 = 0', () => {
    expect(r.skipped).toBe(0);
    for (const tag of ['1', '4', '5', '6']) expect(v[tag]!.status, tag).toBe('holds');
    expect(v['2']!.status).toBe('holds-at-given-values');
    expect(v['2']!.message).toMatch(/leans on the given value of h_0/);
  });
  it('the output’s sign slip is named against its definition', () => {
    expect(v['m1']!.message).toMatch(/the right side has h_t\[2\] where the definition has −h_t\[2\]/);
  });
  it('the state worked out wrong is named by its entry', () => {
    expect(v['m2']!.status).toBe('fails');
    expect(v['m2']!.message).toMatch(/Entry 3 is -2\.5 as written, the left side's -2 \(the other entries agree\)/);
  });
  it('one step of the recurrence left out is named as W’s power', () => {
    expect(v['m3']!.status).toBe('fails');
    expect(v['m3']!.message).toMatch(/W should be W\^\(2\): with that power the check holds/);
  });
  it('the path through the recurrence forgotten is named, and the chain’s later side said to carry it', () => {
    const m4 = r.equations.find((e) => e.tag === 'm4')!;
    expect(m4.checks[0]!.message).toMatch(/The term ∂y_3\/∂h_3 should be ∂y_3\/∂h_3·∂⁺h_3\/∂h_2/);
    expect(m4.checks[1]!.message).toMatch(/which already fails: the mistake is made there and carried into this side/);
  });
});

describe('numbers worked out by hand, and a weight’s power, in check lines', () => {
  const NET = [
    'T = 3',
    'input x : 2 = [[1, 0], [1, 1], [0, 1]]',
    'W = [[0.5, 0.2], [0.1, 0.4]]',
    'U = [[1, 0], [0, 1]]',
    'h_0 = [0, 0]',
    'h_t = W h_{t-1} + U x_t',
  ];
  it('names the one wrong entry of a vector or matrix, and says nothing when every entry is off', () => {
    const a = analyze(
      [
        ...NET,
        'check h_1 = [1, 0]',
        'check h_2 = [1.5, 1.1]',
        'check h_2 = [1.5, 1.2]',
        'check W W = [[0.27, 0.18], [0.09, 0.16]]',
        'check h_2 = [2, 2]',
      ].join('\n'),
    );
    // the states lean on the given inputs (a draw varies them)
    expect(a.checks.map((c) => c.status)).toEqual(['holds-at-given-values', 'holds-at-given-values', 'fails', 'fails', 'fails']);
    expect(a.checks[2]!.message).toMatch(/Entry 2 is 1\.2 as written, the left side's 1\.1 \(the other entries agree\)/);
    expect(a.checks[3]!.message).toMatch(/Entry \(2, 2\) is 0\.16 as written, the left side's 0\.18/);
    expect(a.checks[4]!.message).not.toMatch(/Entry/);
  });
  it('names a square weight written once where two steps need it twice', () => {
    const a = analyze([...NET, 'check ∂h_3/∂x_1 = W^2 U', 'check ∂h_3/∂x_1 = W U', 'check ∂h_3/∂x_1 = W^3 U'].join('\n'));
    expect(a.checks.map((c) => c.status)).toEqual(['holds', 'fails', 'fails']);
    expect(a.checks[1]!.message).toMatch(/W should be W\^\(2\): with that power the check holds/);
    expect(a.checks[2]!.message).toMatch(/W\^\(3\) should be W\^\(2\): with that power the check holds/);
  });
});
