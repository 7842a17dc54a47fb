// Probe 34 (session 48): Pearlmutter's survey (1995), BPTT in adjoint form — s_i(t) = Σ_j w_ij y_j(t) + x_i(t),
// y_i(t+1) = σ(s_i(t)), z_i(t) = ∂E/∂y_i(t) = e_i(t) + Σ_j w_ji σ'(s_j(t)) z_j(t+1), ∂E/∂w_ij = Σ_t z_i(t+1) σ'(s_i(t))
// y_j(t). Readings added: `Let … and $e_i(t) = y_i(t) − d_i(t)$`, a letter defined per unit by a formula in inline
// math (or a display), is its vector form e(t) = y(t) − d(t) (solution/unitFormula.ts, analyze.ts inlineDefinitions and
// formulaDefinitions; every equation reading e_i was "unknown name e_i", the display "e_i(t) is not a name of the
// network"); σ'(s_i(t)) for σ'(s_j(t)) is named (engine/check/factorEdit.ts, an entry picked by another index letter;
// it failed with its values only).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution';

const r = analyzeSolution(readFileSync(join(__dirname, 'fixtures', 'pearlmutter-adjoint.md'), 'utf8'), 'markdown', {
  sidecar: null,
});
const v = Object.fromEntries(r.equations.map((e) => [e.tag, e]));

describe('Pearlmutter’s adjoint form of BPTT', () => {
  it('the forward equations, the adjoint recursion with e_i(t) and the gradient hold (regression: "unknown name e_i")', () => {
    for (const tag of ['P1', 'P2', 'P3', 'P4', 'P5']) expect(v[tag]!.status, tag).toBe('holds');
  });
  it('z_i(T+1) = 0, one unit’s terminal condition, is a premise (regression: "y_5 is not defined")', () => {
    expect(v.P0!.status).toBe('skipped');
    expect(v.P0!.message).toMatch(
      /it states the terminal condition of a backward recursion \(y has no step 5 for anything to flow back from, T = 4, so ∂E\/∂y_5 is 0 by convention\), a premise of the solution/,
    );
  });
  it('the mistakes name the culprit', () => {
    expect(v.P7!.message).toMatch(/w\[i, j\] should be w\[j, i\]: with its two indices swapped the check holds/);
    expect(v.P8!.message).toMatch(/s_t\[i\] should be s_t\[j\]: with that the check holds$/);
    expect(v.P9!.message).toMatch(/z_t should be z_\{t\+1\}: with that step the check holds/);
  });
  it('left alone: Σ_t as printed, whose last term reads z_i(T + 1), stated 0 in the prose', () => {
    expect(v.P6!.status).toBe('fails');
    expect(v.P6!.message).toMatch(
      /at the sum's upper bound t = 4 \(T\), y_\{t\+1\} reads y_5, outside the steps y has \(1\.\.4\)\. Up to t = 3 \(T − 1\) the check holds/,
    );
  });
});

describe('a letter defined per unit', () => {
  const net = [
    '# e',
    '',
    '```rnn',
    'T = 3',
    'input x : 2 = [[0.5, -0.2], [0.1, 0.8], [-0.7, 0.3]]',
    'target d : 2 = [[0.3, 0.6], [0.7, 0.2], [0.4, 0.5]]',
    'param w : 2x2 = [[0.4, -0.7], [0.6, 0.3]]',
    'y_0 = [0.2, -0.1]',
    'y_t = σ(w y_{t-1} + x_t)',
    'loss E = 1/2 Σ_t Σ_i (y_{t,i} - d_{t,i})^2',
    '```',
    '',
  ].join('\n');
  const solve = (rest: string) => analyzeSolution(net + rest, 'markdown', { sidecar: null }).equations;
  it('in a display of its own, then read by the equations after it', () => {
    const eqs = solve('$$e_i(t) = y_i(t) - d_i(t)$$\n\n$$\\frac{\\partial E}{\\partial y_i(T)} = e_i(T) \\tag{1}$$\n');
    expect(eqs[0]!.message).toMatch(/it defines e by the formula after it/);
    expect(eqs[1]!.status).toBe('holds');
  });
  it('inline, and wrong where the formula is', () => {
    const eqs = solve('Let $e_i(t) = d_i(t) - y_i(t)$.\n\n$$\\frac{\\partial E}{\\partial y_i(T)} = e_i(T) \\tag{1}$$\n');
    expect(eqs[0]!.status).toBe('fails');
    expect(eqs[0]!.message).toMatch(/opposite sign/);
  });
  it('not where the letter is used otherwise on the right (a Σ_i)', () => {
    const eqs = solve('$$e_i(t) = \\sum_i y_i(t)$$\n\n$$\\frac{\\partial E}{\\partial y_i(T)} = e_i(T) \\tag{1}$$\n');
    expect(eqs[1]!.message).toMatch(/unknown name e_i/);
  });
});
