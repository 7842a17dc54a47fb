// Probe 35 (session 48): an I2DL-style (TU Munich) homework on exploding gradients and clipping for h_t = tanh(W h_{t−1}
// + U x_t): ∂h_T/∂h_0 as a ∏, the bound (‖W‖ γ)^T with γ = 1 named beside it, the clipping rule g ← (θ/‖g‖) g on numbers,
// and the mistakes (Wᵀ for W, the ∏ over k = 0..T−1, the power T − 1, the factor upside down, ‖g‖ for ‖g‖_F). Four
// readings were missing: `, \quad γ = 1 \tag{b1}` (an integer, and a \tag after it) left γ unknown (solution/display.ts
// commaStartsClaim); (‖W‖ γ)^T was the transpose of a number, so the correct bound failed (parser.ts normFactor); a norm
// inside a norm, ‖θ/‖g‖_F g‖_F, was "expected a value, found '\|'" (parser.ts primary); and `≈ [matrix], \quad θ = 0.1`
// was "an approximation between expressions" (display.ts REMARK_AFTER_VALUE, the comma after ≈).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution';
import { analyze } from '../../src/analysis';

const r = analyzeSolution(readFileSync(join(__dirname, 'fixtures', 'i2dl-clipping.md'), 'utf8'), 'markdown', { sidecar: null });
const v = Object.fromEntries(r.equations.map((e) => [e.tag, e]));
const links = (tag: string) => r.networks[0]!.report.checks.filter((c) => c.tag === tag || c.line === v[tag]!.range.line);

describe('exploding gradients and clipping, an I2DL-style answer', () => {
  it('the Jacobians, the bounds and the clipped gradient hold', () => {
    for (const tag of ['a1', 'a2', 'b1', 'b2', 'c1', 'c2', 'c3']) expect(v[tag]!.status, tag).toBe('holds');
  });
  it('γ = 1 after a comma, before a \\tag, defines γ (regression: "unknown name γ")', () => {
    expect(r.diagnostics.some((d) => /unknown name γ/.test(d.message))).toBe(false);
    expect(r.diagnostics.map((d) => d.message)).toContain(
      "not checked: it defines γ by its value, a name of the solution's own: the equations that read it use it as defined here",
    );
  });
  it('(‖W‖ γ)^T is the power T (regression: the transpose of a number, the bound failed)', () => {
    expect(links('b1').map((c) => c.status)).toEqual(['holds', 'holds']);
    expect(r.diagnostics.map((d) => d.message)).toContain(
      '^T over a norm is read as the power T (the horizon): a norm is a number, which no formula transposes',
    );
  });
  it('a norm inside a norm reads, and ≈ a matrix before a constant is judged to its digits', () => {
    expect(r.diagnostics.some((d) => /expected a value, found/.test(d.message))).toBe(false);
    expect(v['c3']!.message).toMatch(/holds to the digits written/);
  });
  it('each mistake fails', () => {
    expect(v['m1']!.message).toMatch(/Wᵀ should be W: with that transpose the check holds/);
    expect(v['m2']!.message).toMatch(/h_k should be h_\{k\+1\}: with that step the check holds/);
    expect(v['m3']!.message).toMatch(/\(1\.65652 ≤ 1\.45 is false\)/);
    expect(v['m4']!.message).toMatch(/‖∂L\/∂W‖_F\/θ is upside down: with θ\/‖∂L\/∂W‖_F the check holds/);
    expect(v['m5']!.message).toMatch(
      /rounds to 0\.1703, not 0\.1798 as written\. With the Frobenius norm \(of the entries\) ‖∂L\/∂W‖_F for ‖∂L\/∂W‖ it holds: ‖·‖ of a matrix is read as its spectral norm/,
    );
    // the update (an assignment) and the two constants' definitions
    expect(r.skipped).toBe(3);
    expect(r.diagnostics.map((d) => d.message)).toContainEqual(expect.stringMatching(/^not checked: an update \(\\leftarrow/));
  });
  const NET = [
    'T = 3',
    'param w = 1.2',
    'param u = 0.4',
    'input x = [0.1, -0.2, 0.05]',
    'h_0 = 0.1',
    'h_t = tanh(w h_{t-1} + u x_t)',
    'loss L = h_T',
  ];
  const status = (c: string) => analyze([...NET, `check ${c}`].join('\n')).checks.map((k) => k.status);
  it('^T over a norm or a product of one is the power; over a name, and ^\\top, the transpose', () => {
    expect(status('|∂h_3/∂h_0| ≤ (‖w‖)^T')).toEqual(['holds']);
    expect(status('‖w‖^{T} = |w|^3')).toEqual(['holds']);
    expect(status('(2 ‖w‖)^T = 8 |w|^3')).toEqual(['holds']);
    // w^T stays the transpose of w (session 41): w, not w^3
    expect(status('w^T = w')).toEqual(['holds']);
    expect(status('‖w‖^\\top = |w|')).toEqual(['holds']);
  });
  it('a quotient turned over is named, and a number that is the Frobenius norm too (fractionFlipped.ts, rounded.ts)', () => {
    const one = (c: string) => analyze([...NET, `check ${c}`].join('\n')).checks[0]!.message;
    expect(one('∂L/∂u = (u / w) ∂L/∂u · w / u')).toMatch(/^holds/);
    expect(one('u = w / (u w)')).toMatch(/w\/\(u w\) is upside down: with u w\/w the check holds/);
    const mat = ['T = 1', 'param W : 2x2 = [[1, 2], [0, 1]]', 'input x : 2 = [[1, 1]]', 'h_0 = [0, 0]', 'h_t = W x_t', 'loss L = sum(h_T)'];
    const frob = analyze([...mat, 'check ‖W‖ ≈ 2.4495'].join('\n')).checks[0]!.message;
    expect(frob).toMatch(/With the Frobenius norm \(of the entries\) ‖W‖_F for ‖W‖ it holds/);
    // the spectral norm written to its digits holds, and a number that is neither norm gets no such sentence
    expect(analyze([...mat, 'check ‖W‖ ≈ 2.4142'].join('\n')).checks[0]!.status).toBe('holds');
    expect(analyze([...mat, 'check ‖W‖ ≈ 3.1'].join('\n')).checks[0]!.message).not.toMatch(/Frobenius/);
  });
  it('nested norms read wherever an operand starts', () => {
    expect(status('‖(1/‖w‖) w‖ = 1')).toEqual(['holds']);
    expect(status('‖u / ‖w‖‖ = |u| / |w|')).toEqual(['holds']);
  });
});
