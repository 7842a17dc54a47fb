// An evaluation bar `\left. ∂L/∂o_t \right|_{t=3}` (LANGUAGE.md §1: `\left`, `\right` change nothing; a student pastes
// a display of a solution into a check line): a solution read it (session 15), a `.rnn` check line was a syntax error
// ("expected '=' between the two sides of the check, found '|'"). A check line now reads it: bars of one step are the
// check's range (`for t = 3`); bars of two steps, or beside a written range, bind their own sides, as a solution
// binds them; a bar at anything but a step is refused, naming it.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { SIGMA_NET } from './spec24b-network';

const NET = SIGMA_NET;

const checks = (...lines: string[]) => {
  const r = analyze(`${NET}\n${lines.map((l) => `check ${l}`).join('\n')}`);
  return { r, errors: r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message) };
};

describe('evaluation bars on a check line', () => {
  it('\\left. … \\right|_{t=3}, \\Big|_{t=3} ending the equation, |_{t=T}: right ones hold at that step', () => {
    const { r, errors } = checks(
      String.raw`\left.\frac{\partial L}{\partial o_t}\right|_{t=3} = -2(y_3 - o_3)`,
      String.raw`\frac{\partial L}{\partial o_t} = -2(y_t - o_t)\Big|_{t=3}`,
      String.raw`\left.\frac{\partial L}{\partial o_t}\right|_{t=T} = -2(y_T - o_T)`,
      String.raw`\left.\frac{\partial L}{\partial o_t}\right|_{t=2} = -2(y_2 - o_2) \tag{4}`,
    );
    expect(errors).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds', 'holds', 'holds']);
    expect(r.checks[0]!.message).toMatch(/^holds for t = 3/);
    expect(r.checks[3]!.message).toMatch(/^holds for t = 2/);
    expect(r.checks[3]!.tag).toBe('4');
    // the check's text keeps the \left. it was written with
    expect(r.checks[0]!.equation).toBe(String.raw`\left.\frac{\partial L}{\partial o_t}\right|_{t=3} = -2(y_3 - o_3)`);
  });

  it('a wrong sign under a bar fails at that step, naming the sign', () => {
    const { r } = checks(String.raw`\frac{\partial L}{\partial o_t} = 2(y_t - o_t)\Big|_{t=3}`);
    expect(r.checks[0]!.status).toBe('fails');
    expect(r.checks[0]!.message).toMatch(/^fails at t = 3/);
    expect(r.checks[0]!.message).toMatch(/opposite sign/);
  });

  it('bars of two steps bind their own sides', () => {
    const { r, errors } = checks(
      String.raw`\left.\frac{\partial L}{\partial h_t}\right|_{t=T-1} = \left.\frac{\partial L}{\partial h_t}\right|_{t=2}`,
      String.raw`\left.\frac{\partial L}{\partial h_t}\right|_{t=1} = \left.\frac{\partial L}{\partial h_t}\right|_{t=2}`,
      String.raw`\left.\frac{\partial L}{\partial o_t}\right|_{t=3} = -2(y_3 - o_3) for t = 3`,
    );
    expect(errors).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'fails', 'holds']);
  });

  it('a bar at something other than a step is refused, naming it; the next line is judged', () => {
    const { r, errors } = checks(
      String.raw`\left.\frac{\partial L}{\partial o_t}\right|_{t=W_hh} = 1`,
      String.raw`∂L/∂o_3 = -2(y_3 - o_3)`,
    );
    expect(errors).toEqual([String.raw`an evaluation bar |_{t=W_hh} is not read: a bar binds a step only (|_{t=3}, |_{t=T}, |_{t=T-1})`]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds']);
  });

  it('an absolute value |…| is no bar', () => {
    const { r, errors } = checks(String.raw`|∂L/∂o_3| = |2(y_3 - o_3)|`);
    expect(errors).toEqual([]);
    expect(r.checks[0]!.status).toBe('holds');
  });

  it('a derive under a bar is told to name its step', () => {
    const r = analyze(`${NET}\nderive \\left.\\frac{\\partial L}{\\partial o_t}\\right|_{t=3}\nderive ∂L/∂o_3`);
    expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([
      'a derive is written at the step it asks for (derive ∂L/∂o_3), not under an evaluation bar |_{t=3}; with a free t it answers at every step',
    ]);
    expect(r.derives.map((d) => d.query)).toEqual(['∂L/∂o_3']);
  });
});
