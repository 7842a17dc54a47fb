// Probe 34 (session 48): Bodén's "A guide to recurrent neural networks and backpropagation" (2002) — the SRN in index
// notation with the pattern p, δ = −∂E/∂net (the descent direction), the error unfolded in time and the weight changes
// summed over the unfolded copies counted back from T by z: Σ_{z=0}^{T−1} δ_pj(T − z) y_ph(T − z − 1). Readings added:
// a step in parentheses with two letters, (T − z), (T − z − 1) (language/parser.ts stepInParens; it was "the left
// side is a scalar, the right side a vector": δ_j·(T − z)); prose's `$δ = −∂E/∂net$`, net written with no step, defines
// no δ (solution/analyze.ts setAsideInline; every equation was "δ (line 16) has no step", and that line was the
// generated text's: the message's "(line N)" is the file's now, mapMessage).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution';
import { analyze } from '../../src/analysis';

const text = readFileSync(join(__dirname, 'fixtures', 'boden-srn.md'), 'utf8');
const r = analyzeSolution(text, 'markdown', { sidecar: null });
const v = Object.fromEntries(r.equations.map((e) => [e.tag, e]));

describe('Bodén’s SRN unfolded in time', () => {
  it('every correct equation holds, the unfolded sums over z included (regression: "a scalar … a vector of 2 entries")', () => {
    for (const tag of ['B1', 'B2', 'B3', 'B4', 'B5', 'B6', 'B7']) expect(v[tag]!.status, tag).toBe('holds');
  });
  it('the guide’s bounds: Σ_h^m over the hidden units, Σ_p^n over the patterns (regression: Σ_p^n was read over the steps, "3 times the left")', () => {
    expect(text).toContain('\\sum_p^n \\delta_{pj}(T-z)');
    expect(v.B6!.status).toBe('holds');
  });
  it('the prose’s δ = −∂E/∂net defines nothing (regression: every equation "δ (line 16) has no step")', () => {
    expect(r.equations.every((e) => !/has no step: it is defined once/.test(e.message))).toBe(true);
  });
  it('the mistakes name the culprit', () => {
    expect(v.B8!.message).toMatch(/the opposite sign: a sign is wrong/);
    expect(v.B9!.message).toMatch(/y_\{3-z\} should be y_\{2-z\}: with that step the check holds/);
    expect(v.B10!.message).toMatch(/Each y_t should be y_\{t-1\}: with that the check holds/);
  });
  it('a name defined twice names the file’s line of its definition, not the generated one', () => {
    const twice = text.replace(
      '$\\delta_{pk} = -\\frac',
      '$\\delta = -\\frac{\\partial E}{\\partial neto(T)}$ and $\\delta_{pk} = -\\frac',
    );
    const lines = twice.split('\n');
    const at = lines.findIndex((l) => l.includes('\\delta = -\\frac{\\partial E}{\\partial neto(T)}')) + 1;
    const m = analyzeSolution(twice, 'markdown', { sidecar: null }).equations.find((e) => /\(line \d+\) has no step/.test(e.message));
    expect(m?.message).toMatch(new RegExp(`δ \\(line ${at}\\) has no step`));
  });
});

describe('a step counted back in parentheses, in a .rnn file', () => {
  const net = (check: string) =>
    [
      'T = 3',
      'input x = [1, -0.5, 0.3]',
      'param w = 0.7',
      'param u = 0.4',
      'h_0 = 0.2',
      'a_t = w h_{t-1} + u x_t',
      'h_t = tanh(a_t)',
      'loss L = Σ_t (h_t - 0.5)^2',
      check,
    ].join('\n');
  const one = (text: string) => analyze(text).checks[0]!;
  it('h(T − z), a(T − z − 1) are steps, as h_{T-z} is', () => {
    expect(one(net('check Σ_{z=0}^{T-1} h(T-z) = Σ_t h_t')).status).toBe('holds');
    expect(one(net('check ∂L/∂w = Σ_{z=0}^{T-1} ∂L/∂a(T-z) h(T-z-1)')).status).toBe('holds');
    expect(one(net('check ∂L/∂w = Σ_{z=0}^{T-1} ∂L/∂a(T-z) h(T-z)')).status).toBe('fails');
  });
  it('two letters neither of them a step letter stay a product', () => {
    expect(one(net('check w(u+u) = 2 w u')).status).toBe('holds');
  });
});
