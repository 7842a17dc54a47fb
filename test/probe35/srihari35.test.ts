// Probe 35 (session 48): Srihari's CSE676 slides on BPTT in Goodfellow's notation (eqs. 10.17–10.26 with per-unit
// indices, ∇, diag, the copies W^{(t)} and the last step τ), pasted under a network block, with typical mistakes.
// The indicator 1_{i,y^{(t)}} as the slides print it (a comma between the two things compared) was "expected '=' in
// the indicator 1_{a=b}, found ','" (language/parser.ts indicator); ∇_W L = Σ_t ∇_{W^{(t)}} L, a copy in the gradient of
// L, was refused ("read only in the derivative of a quantity at the same step": resolve/calculus.ts stepCopy).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution';
import { analyze } from '../../src/analysis';

const r = analyzeSolution(readFileSync(join(__dirname, 'fixtures', 'srihari-bptt.md'), 'utf8'), 'markdown', { sidecar: null });
const v = Object.fromEntries(r.equations.map((e) => [e.tag, e]));

describe('Srihari’s slides on BPTT, Goodfellow’s notation as printed', () => {
  it('every equation of the slides holds, each link judged', () => {
    for (const tag of ['10.17', '10.18', '10.19', '10.20', '10.21', 'copies', '10.22', '10.23', '10.24', '10.25', '10.26', "10.18'"])
      expect(v[tag]!.status, tag).toBe('holds');
    expect(r.equations.every((e) => e.status !== 'skipped')).toBe(true);
  });
  it('1_{i,y^{(t)}} is the indicator of i = y^{(t)} (regression: "expected \'=\' in the indicator")', () => {
    expect(r.networks[0]!.report.checks.filter((c) => c.tag === '10.18').map((c) => c.status)).toEqual(['holds', 'holds', 'holds']);
    expect(v['m5']!.message).toMatch(/The right side is the left side with the opposite sign: a sign is wrong/);
  });
  it('the sum of the copies’ gradients is the gradient (regression: refused as "read only … at the same step")', () => {
    expect(v['copies']!.status).toBe('holds');
    expect(r.diagnostics.map((d) => d.message)).toContain(
      "W^{(t)} is read as W's copy used at step t alone (the shared W's use in that step's own equations): the derivative by it is ∂A/∂a_t ∂⁺a_t/∂W",
    );
  });
  it('each mistake is named', () => {
    expect(v['m1']!.message).toMatch(/h_t should be h_\{t\+1\}: with that step the check holds/);
    expect(v['m2']!.message).toMatch(/W should be Wᵀ: with that transpose the check holds/);
    expect(v['m3']!.message).toMatch(/leaves out the path through o_t/);
    expect(v['m4']!.message).toMatch(/The second h_t should be h_\{t-1\}/);
    expect(v['m6']!.message).toMatch(/A Σ_t is missing/);
  });
  it('1_{a,b} reads in a .rnn check as 1_{a=b} does', () => {
    const net = ['T = 2', 'input x : 3', 'target y = [2, 3]', 'loss L = -Σ_t log(softmax(x_t)[y_t])'].join('\n');
    for (const one of ['1_{i,y_t}', '1_{i=y_t}', '\\mathbf{1}_{i, y_t}'])
      expect(
        analyze(`${net}\ncheck ∂L/∂x_{t,i} = softmax(x_t)[i] - ${one}\n`).checks.map((c) => c.status),
        one,
      ).toEqual(['holds']);
    expect(analyze(`${net}\ncheck ∂L/∂x_{t,i} = 1_{i,y_t} - softmax(x_t)[i]\n`).checks.map((c) => c.status)).toEqual(['fails']);
  });
});

describe('the slides’ loss written as a conditional probability', () => {
  const NET = ['T = 2', 'input x = [1, 2]', 'param w = 0.5', 'h_0 = 0', 'h_t = tanh(w h_{t-1} + x_t)', 'loss L = Σ_t h_t^2'];
  const errors = (c: string) =>
    analyze([...NET, `check ${c}`].join('\n'))
      .diagnostics.filter((d) => d.severity === 'error')
      .map((d) => d.message);
  it('p(y | x) is named as a conditional probability (regression: "expected \'|\' to close |…|", or the ellipsis)', () => {
    for (const c of [
      'L = -\\sum_t \\log p(h_t \\mid x_t)',
      'L = -\\sum_t \\log p(h_t | \\{x_1, \\dots, x_t\\})',
      'L = -\\log p(h_1 | x_1, x_2)',
    ])
      expect(errors(c), c).toEqual([
        expect.stringMatching(/^a bar between two values inside parentheses, as in p\(y \| x\), is a conditional probability/),
      ]);
    // in the slides' (10.14): the first link holds, the second names the conditional
    expect(v['10.14']!.status).toBe('holds');
    expect(r.diagnostics.map((d) => d.message)).toContainEqual(
      expect.stringMatching(/^link 2 not checked: a bar between two values inside parentheses/),
    );
  });
  it('absolute values beside a value keep their reading', () => {
    expect(analyze([...NET, 'check |w| (2 |x_1|) = 1', 'check (w |x_1 - 3|) = 1'].join('\n')).checks.map((c) => c.status)).toEqual([
      'holds-at-given-values',
      'holds-at-given-values',
    ]);
  });
});
