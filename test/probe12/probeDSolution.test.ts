// probeD (session 12): a Markdown/LaTeX solution as a user writes it (LANGUAGE.md §8) — prose connectives inside a
// display, a \tag on each row of a chain, a step the network does not have.
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution/index';

const NET = [
  '```rnn',
  'T = 3',
  'input x = [1.0, -0.5, 0.25]',
  'target y = [0.5, 0.1, -0.3]',
  'param w = 0.7',
  'param u = 0.4',
  'h_0 = 0',
  'h_t = tanh(w h_{t-1} + u x_t)',
  'L_t = \\frac{1}{2}(h_t - y_t)^2',
  'loss L = \\sum_t L_t',
  '```',
  '',
].join('\n');

const checks = (md: string, kind: 'markdown' | 'latex' = 'markdown') => analyzeSolution(md, kind).networks.flatMap((n) => n.report.checks);

describe('prose inside a display', () => {
  it('`\\text{since}` ends a claim; the equality after it is a claim of its own', () => {
    const md = NET + String.raw`$$ \frac{\partial L}{\partial h_3} = h_3 - y_3 \quad\text{since } L_3 = \tfrac12 (h_3-y_3)^2 $$` + '\n';
    expect(checks(md).map((c) => c.status)).toEqual(['holds', 'holds']);
  });

  it('`\\text{and}` between two claims: each is judged (the wrong one fails)', () => {
    const md =
      NET +
      String.raw`$$ \frac{\partial L}{\partial h_3} = h_3 - y_3 \quad\text{and}\quad \frac{\partial L}{\partial y_3} = h_3 + y_3 $$` +
      '\n';
    expect(checks(md).map((c) => c.status)).toEqual(['holds', 'fails']);
  });

  it('a reason with no equality after the connective is a remark, not part of the claim', () => {
    const md = NET + String.raw`$$ \frac{\partial L}{\partial h_3} = h_3 - y_3 \qquad \text{by the chain rule} $$` + '\n';
    const sol = analyzeSolution(md, 'markdown');
    expect(sol.equations.map((e) => e.status)).toEqual(['holds']);
  });

  it('a display that is only prose is still "no equality to check"; \\text{for } keeps its meaning', () => {
    const md =
      NET +
      String.raw`$$ \text{by the chain rule, everything follows} $$` +
      '\n\n' +
      String.raw`$$ \frac{\partial L}{\partial h_t} = h_t - y_t + \frac{\partial L}{\partial h_{t+1}} (1-h_{t+1}^2) w \quad \text{for } t < T $$` +
      '\n';
    const sol = analyzeSolution(md, 'markdown');
    expect(sol.equations.map((e) => [e.status, e.message])).toEqual([
      ['skipped', 'not checked: no equality to check'],
      ['holds', expect.stringMatching(/^holds for t = 1\.\.2 /)],
    ]);
  });
});

describe('a \\tag on each row of a chain labels that link', () => {
  it('align rows `&= … \\tag{5}` under `… \\tag{4}`: link 2 is (5), link 3 is (6)', () => {
    const md =
      NET +
      String.raw`\begin{align}
\frac{\partial L}{\partial u} &= \sum_t \frac{\partial L}{\partial h_t}\,(1 - h_t^2)\, x_t \tag{4} \\
&= \sum_{t=1}^{3} \frac{\partial L}{\partial h_t}\,(1 - h_t^2)\, x_{t} \tag{5} \\
&= \sum_{t=1}^{3} \frac{\partial L}{\partial h_t}\,(1 - h_t)\, x_{t} \tag{6}
\end{align}` +
      '\n';
    expect(checks(md).map((c) => [c.link, c.tag, c.status])).toEqual([
      [1, '4', 'holds'],
      [2, '5', 'holds'],
      [3, '6', 'fails'],
    ]);
  });

  it('a single \\tag at the end of a chain labels every link, as before', () => {
    const md =
      NET +
      String.raw`\begin{align}
\frac{\partial L}{\partial u} &= \sum_t \frac{\partial L}{\partial h_t}\,(1 - h_t^2)\, x_t \\
&= \sum_{t=1}^{3} \frac{\partial L}{\partial h_t}\,(1 - h_t^2)\, x_{t} \tag{7}
\end{align}` +
      '\n';
    expect(checks(md).map((c) => c.tag)).toEqual(['7', '7']);
  });
});

describe('a step the network does not have', () => {
  it('x_{t-1} summed from t = 1 fails (not "not checked"), on its own link and tag', () => {
    const md =
      NET +
      String.raw`$$ \frac{\partial L}{\partial u} = \sum_t \frac{\partial L}{\partial h_t}\,(1 - h_t^2)\, x_{t-1} \tag{5} $$` +
      '\n\n' +
      String.raw`\begin{align}
\frac{\partial L}{\partial u} &= \sum_t \frac{\partial L}{\partial h_t}\,(1 - h_t^2)\, x_t \tag{6} \\
&= \sum_t \frac{\partial L}{\partial h_t}\,(1 - h_t^2)\, x_{t-1} \tag{7}
\end{align}` +
      '\n';
    const sol = analyzeSolution(md, 'markdown');
    expect(sol.equations.map((e) => e.status)).toEqual(['fails', 'fails']);
    expect(sol.skipped).toBe(0);
    const cs = sol.networks.flatMap((n) => n.report.checks);
    expect(cs.map((c) => [c.tag, c.link, c.status])).toEqual([
      ['5', 1, 'fails'],
      ['6', 1, 'holds'],
      ['7', 2, 'fails'],
    ]);
    // with the step a grader writes beside it (session 31: the message stopped at the undefined step)
    const said = 'fails: x_{t-1} is not defined: x has no value at step 0. x_{t-1} should be x_t: with that step the check holds';
    expect(cs[0]!.message).toBe(said);
    expect(cs[2]!.message).toBe(said);
    // one error each, at the reference itself (no second one for the verdict)
    const errors = sol.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.message, md.split('\n')[d.line - 1]!.slice(d.column - 1, d.endColumn - 1)])).toEqual([
      [said, 'x_{t-1}'],
      [said, 'x_{t-1}'],
    ]);
  });
});

describe('\\intertext between rows of an align', () => {
  it('is prose: the rows on both sides are judged (a new equation, or the chain continued)', () => {
    const md =
      NET +
      String.raw`\begin{align*}
\frac{\partial L}{\partial h_3} &= h_3 - y_3 \\
\intertext{and, by the chain rule,}
\frac{\partial L}{\partial h_2} &= h_2 - y_2 + \frac{\partial L}{\partial h_3} (1 - h_3^2) w
\shortintertext{that is}
&= h_2 - y_2 + (h_3 - y_3) (1 - h_3^2)
\end{align*}` +
      '\n';
    const cs = checks(md);
    expect(cs.map((c) => [c.link, c.status])).toEqual([
      [1, 'holds'],
      [1, 'holds'],
      [2, 'fails'],
    ]);
    expect(analyzeSolution(md, 'markdown').diagnostics.filter((d) => /intertext/.test(d.message))).toEqual([]);
  });
});

describe("Goodfellow's eqs. 10.24–10.26 as an align: h^{(t)^\\top} and a comma before each \\tag", () => {
  const GF = [
    '```rnn',
    'T = 3',
    'input x : 2',
    'target y = [1, 3, 2]',
    'param U : 3x2',
    'param W : 3x3',
    'param b : 3',
    'param V : 3x3',
    'param c : 3',
    'h^{(0)} = [0, 0, 0]',
    'a^{(t)} = b + W h^{(t-1)} + U x^{(t)}',
    'h^{(t)} = tanh(a^{(t)})',
    'o^{(t)} = c + V h^{(t)}',
    '\\hat{y}^{(t)} = softmax(o^{(t)})',
    'L^{(t)} = -\\log \\hat{y}^{(t)}_{y^{(t)}}',
    'loss L = \\sum_t L^{(t)}',
    '```',
    '',
  ].join('\n');
  it('every link reads and holds, with its own tag', () => {
    const md =
      GF +
      String.raw`\begin{align}
\nabla_{\boldsymbol{V}} L &= \sum_t \sum_i \left( \frac{\partial L}{\partial o_i^{(t)}} \right) \nabla_{\boldsymbol{V}^{(t)}} o_i^{(t)} = \sum_t (\nabla_{\boldsymbol{o}^{(t)}} L) \boldsymbol{h}^{(t)^\top}, \tag{10.24}\\
\nabla_{\boldsymbol{W}} L &= \sum_t \sum_i \left( \frac{\partial L}{\partial h_i^{(t)}} \right) \nabla_{\boldsymbol{W}^{(t)}} h_i^{(t)} \tag{10.25}\\
&= \sum_t \text{diag}\left( 1 - \left( \boldsymbol{h}^{(t)} \right)^2 \right) (\nabla_{\boldsymbol{h}^{(t)}} L) \boldsymbol{h}^{(t-1)^\top}, \tag{10.26}
\end{align}` +
      '\n';
    const sol = analyzeSolution(md, 'markdown');
    expect(sol.skipped).toBe(0);
    expect(sol.networks.flatMap((n) => n.report.checks).map((c) => [c.tag, c.link, c.status])).toEqual([
      ['10.24', 1, 'holds'],
      ['10.24', 2, 'holds'],
      ['10.25', 1, 'holds'],
      ['10.26', 2, 'holds'],
    ]);
  });
});

describe('a rounded value or an inequality after the equation', () => {
  // session 13 (notation13): a written value after ≈ is judged to its digits (a link of the chain), no longer left
  // out; an inequality (≠) and an ≈ before an expression are still left out, with the note
  it('`= h_3 − y_3 \\approx 0.445`: the equality is checked, and so is the rounded value; the part after ≠ is said to be left out', () => {
    const md =
      NET +
      String.raw`\begin{align}
\frac{\partial L}{\partial h_3} &= h_3 - y_3 \approx 0.445 \tag{1} \\
\frac{\partial L}{\partial h_2} &= h_2 - y_2 + (h_3 - y_3)(1 - h_3^2) w \approx 0.3 \tag{2} \\
\frac{\partial L}{\partial h_1} &= h_1 - y_1 \neq 0 \tag{3}
\end{align}` +
      '\n';
    const sol = analyzeSolution(md, 'markdown');
    expect(sol.networks.flatMap((n) => n.report.checks).map((c) => [c.tag, c.status])).toEqual([
      ['1', 'holds'],
      ['1', 'holds'],
      ['2', 'holds'],
      ['2', 'holds'],
      ['3', 'fails'],
    ]);
    const notes = sol.diagnostics.filter((d) => /the part after/.test(d.message));
    expect(notes.map((d) => [d.severity, d.message.slice(0, 35)])).toEqual([['information', 'not checked: the part after \\neq (a']]);
  });

  it('a display with only ≈ and a written value is a claim, judged to the digits written', () => {
    const sol = analyzeSolution(NET + String.raw`$$ \frac{\partial L}{\partial h_3} \approx 0.445 $$` + '\n', 'markdown');
    expect(sol.equations[0]!.status).toBe('holds');
  });

  it('≈ before an expression is still left out with its note', () => {
    const md = NET + String.raw`$$ \frac{\partial L}{\partial h_3} = h_3 - y_3 \approx 2 \cdot 0.22 $$` + '\n';
    const sol = analyzeSolution(md, 'markdown');
    expect(sol.equations[0]!.status).toBe('holds');
    expect(sol.diagnostics.some((d) => /not checked: the part after \\approx/.test(d.message))).toBe(true);
  });
});
