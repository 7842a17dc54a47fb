// Seed 000 answers "comparing it with the required form A_t·w + B_t" on two lines, (11) and (12); a student as often
// writes both on one row, `$$A_t = 1 - u_t, \quad B_t = u_t$$`. The row is two equations (sol14), each defining a name
// of the student's own: the first was said so ("A_t is not a name of the network: the equation defines it"), the
// second "unknown name B" — its left side was read with the `\quad` before it (analyze.ts definedName).
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution';

const SOLUTION = [
  '```rnn',
  'T = 3',
  'input x = [0.5, -1.0, 2.0]',
  'param w = 0.7',
  'h_0 = 0.2',
  'u_t = σ(w h_{t-1} + w x_t)',
  's_t = w (h_{t-1} + x_t)',
  'h_t = u_t h_{t-1} + (1 - u_t) s_t',
  '```',
  '',
  '> **Answer.** $$A_t = 1 - u_t, \\quad B_t = u_t$$',
  '',
  '$$A_t = 1 - u_t, \\qquad B_t = u_t \\quad (11)$$',
  '',
].join('\n');

describe('two definitions of the student’s own names on one row', () => {
  it('each is said to define its name, neither is an unknown name', () => {
    const r = analyzeSolution(SOLUTION, 'markdown', { sidecar: null });
    expect(r.equations.map((e) => e.status)).toEqual(['skipped', 'skipped']);
    const said = r.diagnostics.map((d) => d.message);
    for (const name of ['A_t', 'B_t'])
      expect(said.filter((m) => m.startsWith(`not checked: ${name} is not a name of the network: the equation defines it`))).toHaveLength(
        2,
      );
    expect(said.filter((m) => /unknown name/.test(m))).toEqual([]);
    expect(r.diagnostics.filter((d) => d.severity !== 'information')).toEqual([]);
  });

  // session 45: the message said "(to use it, define it in the rnn block)", stale since a later equation that reads a
  // name at a general step makes it a definition (session 44); a name with no step still has only the rnn block
  it('says that a later equation reading it would be checked with it; a name with no step is sent to the rnn block', () => {
    const said = analyzeSolution(SOLUTION, 'markdown', { sidecar: null }).diagnostics.map((d) => d.message);
    expect(said).toContain(
      'not checked: A_t is not a name of the network: the equation defines it, so there is nothing to check (no equation after it reads A_t; one that does is checked with this definition)',
    );
    const bare = analyzeSolution(SOLUTION.replace('A_t = 1 - u_t, \\quad B_t = u_t', 'A = 1 - u_1'), 'markdown', { sidecar: null });
    expect(bare.diagnostics.map((d) => d.message)).toContainEqual(
      expect.stringMatching(/^not checked: A is not a name of the network: .*\(to use it, define it in the rnn block\)$/),
    );
  });

  // session 44: a later equation that reads them makes them definitions — seed 000's answer form checked with the
  // student's own A_t and B_t (the row's second, after \quad, was read as a command \quadB once the spaces were gone)
  const asked = (a: string) =>
    SOLUTION.split('\n').slice(0, 10).join('\n') +
    `\n$$A_t = ${a}, \\quad B_t = u_t$$\n\n$$\\frac{\\partial h_t}{\\partial h_{t-1}} = A_t w + B_t$$\n`;
  it('used after them in ∂h_t/∂h_{t-1} = A_t w + B_t: the seed’s A_t fails, the corrected one holds', () => {
    const wrong = analyzeSolution(asked('1 - u_t'), 'markdown', { sidecar: null });
    expect(wrong.equations.map((e) => e.status)).toEqual(['skipped', 'fails']);
    expect(wrong.diagnostics.map((d) => d.message)).toContainEqual(expect.stringMatching(/it defines A by the formula after it/));
    expect(wrong.diagnostics.map((d) => d.message)).toContainEqual(expect.stringMatching(/it defines B by the formula after it/));
    const right = analyzeSolution(asked("1 - u_t + \\sigma'(w h_{t-1} + w x_t)(h_{t-1} - s_t)"), 'markdown', { sidecar: null });
    expect(right.equations.map((e) => e.status)).toEqual(['skipped', 'holds']);
  });
});
