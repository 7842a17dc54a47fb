// A name defined in prose's inline math — "Let $\delta_t = \frac{\partial L}{\partial h_t}$. Then …" — is read as a
// display that defines it is: the displays after it that use δ are checked (they were "unknown name δ: define the
// error it stands for on a line of its own"). Inline math is still no claim (LANGUAGE.md §8): nothing else of it
// is read, and it is said at its own text that it is not checked.
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution/index';
import { CS231N_RNN } from './helpers';

const NET = `\`\`\`rnn\n${CS231N_RNN}\`\`\`\n`;

const RECURSION = String.raw`$$\delta_t = W_{hy}^\top (\hat{y}_t - y_t) + W_{hh}^\top \big(\delta_{t+1} \odot (1 - h_{t+1}^2)\big)$$`;
const WHH = String.raw`$$\frac{\partial L}{\partial W_{hh}} = \sum_{t=1}^{T} \delta_t\, h_{t-1}^\top$$`;
const BIAS = String.raw`$$\frac{\partial L}{\partial b} = \sum_{t=1}^{T} \delta_t \odot (1 - h_t)^2$$`;
const WXH = String.raw`$$\frac{\partial L}{\partial W_{xh}} = \sum_{t=1}^{T} \left(\delta_t \odot (1 - h_t^2)\right) x_t^\top$$`;

const solve = (prose: string, ...eqs: string[]) => analyzeSolution(`# Homework\n\n${NET}\n${prose}\n\n${eqs.join('\n\n')}\n`, 'markdown');
const statuses = (sol: ReturnType<typeof solve>) => sol.equations.map((e) => e.status);

describe('a name defined in inline math', () => {
  const LET = String.raw`**2. Hidden state.** Let $\delta_t = \frac{\partial L}{\partial h_t}$. Then`;

  it('is read by the displays after it: each mistake named, the right ones hold', () => {
    const sol = solve(LET, RECURSION, WHH, BIAS, WXH);
    expect(statuses(sol)).toEqual(['holds', 'fails', 'fails', 'holds']);
    expect(sol.equations[1]!.message).toMatch(/needs the factor tanh'/);
    expect(sol.equations[2]!.message).toMatch(/\(1 − h_t\)\^2 should be 1 − h_t\^2/);
    expect(sol.skipped).toBe(0);
    // said at the inline math itself, which is no equation of the count
    const note = sol.diagnostics.find((d) => /^inline math is not checked; it defines δ/.test(d.message))!;
    expect(note).toMatchObject({ severity: 'information', line: 19 });
    expect(sol.equations).toHaveLength(4);
  });

  it('as a display defining it would be: the same verdicts', () => {
    const display = solve(String.raw`Let $$\delta_t = \frac{\partial L}{\partial h_t}$$ Then`, RECURSION, WHH, BIAS, WXH);
    expect(statuses(display).slice(1)).toEqual(statuses(solve(LET, RECURSION, WHH, BIAS, WXH)));
  });

  it('with the relations a definition is written with', () => {
    for (const rel of [':=', '\\coloneqq', '\\equiv', '\\triangleq'])
      expect(statuses(solve(`Let $\\delta_t ${rel} \\frac{\\partial L}{\\partial h_t}$. Then`, RECURSION, BIAS))).toEqual([
        'holds',
        'fails',
      ]);
  });

  it('in \\( … \\), and in a LaTeX solution', () => {
    expect(statuses(solve(String.raw`Let \(\delta_t = \frac{\partial L}{\partial h_t}\). Then`, BIAS))).toEqual(['fails']);
    const sidecar = CS231N_RNN;
    const tex = String.raw`\begin{document}
Let $\delta_t = \frac{\partial L}{\partial h_t}$ be the error of the hidden state. Then
\[ \frac{\partial L}{\partial b} = \sum_{t=1}^{T} \delta_t \odot (1 - h_t)^2 \]
and \( \epsilon_t = \frac{\partial L}{\partial o_t} \) gives
\[ \frac{\partial L}{\partial c} = \sum_{t=1}^{T} \epsilon_t \]
\end{document}
`;
    const sol = analyzeSolution(tex, 'latex', { sidecar });
    expect(statuses(sol)).toEqual(['fails', 'holds']);
    expect(sol.equations[0]!.message).toMatch(/should be 1 − h_t\^2/);
  });

  it('as the first link of a chain that goes on to its formula (regression: "unknown name ε" in every display)', () => {
    // Let $ε_t = ∂L/∂o_t = ŷ_t − y_t$: the name is defined as a display's label link defines it (section 9); the
    // rest of the chain is inline math, not checked
    const LET_CHAIN = String.raw`Let $\epsilon_t = \frac{\partial L}{\partial o_t} = \hat{y}_t - y_t$. Then`;
    const WHY = String.raw`$$\frac{\partial L}{\partial W_{hy}} = \sum_{t=1}^{T} \epsilon_t h_t^\top$$`;
    const C = String.raw`$$\frac{\partial L}{\partial c} = \sum_{t=1}^{T} \epsilon_t h_t$$`;
    const sol = solve(LET_CHAIN, WHY, C);
    expect(statuses(sol)).toEqual(['holds', 'fails']);
    expect(sol.equations[1]!.message).not.toMatch(/unknown name/);
    const note = sol.diagnostics.find((d) => /^inline math is not checked; it defines ε/.test(d.message))!;
    expect(note).toMatchObject({ severity: 'information', line: 19 });
    // a chain whose first link defines nothing stays prose
    expect(solve(String.raw`Let $\epsilon_t = \hat{y}_t - y_t = \frac{\partial L}{\partial o_t}$.`, C).equations[0]!.message).toMatch(
      /unknown name ε/,
    );
  });

  it('inline math that defines nothing of the solution stays prose: no claim, no word', () => {
    const restated = solve(
      String.raw`where $h_t = \tanh(W_{hh} h_{t-1} + W_{xh} x_t + b)$ as before, with $\delta_{T+1} = 0$; prices such as $5 and $10 = no math`,
      WHH,
    );
    expect(restated.equations).toHaveLength(1);
    expect(restated.equations[0]!.message).toMatch(/unknown name δ/);
    expect(restated.diagnostics.filter((d) => d.line === 19)).toEqual([]);
  });

  it('is read up to a limit, said once', () => {
    const many = Array.from({ length: 205 }, (_, k) => `$a_{${k}} = ${k}$`).join(' and ');
    const sol = solve(`${many}. Let $\\delta_t = \\frac{\\partial L}{\\partial h_t}$.`, BIAS);
    expect(
      sol.diagnostics.filter((d) => /equations in inline math: the ones from here on are not read .* \(limit\)/.test(d.message)),
    ).toHaveLength(1);
    // δ's definition came after the limit: not read, and the display says why
    expect(sol.equations[0]!.message).toMatch(/unknown name δ/);
  });
});
