// Probe 34 (session 48): a student's exam answer in Guo's notation, with the slips graders circle — the δ recursion
// without f', the recurrent weight's indices in the forward order (u_jh for u_hj), the Σ over steps from t = 2 — and
// the scalar output's pattern alone (d_p, o_p(T)), read as the pattern too (solution/patternIndex.ts). The Σ from
// t = 2 at y_0 = 0 "held only for these values: it leans on y_0"; it now says which term is left out (answer.ts
// leansText, bounds.ts boundHint at the draw).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution';

const text = readFileSync(join(__dirname, 'fixtures', 'guo-student-exam.md'), 'utf8');
const r = analyzeSolution(text, 'markdown', { sidecar: null });
const v = Object.fromEntries(r.equations.map((e) => [e.tag, e]));

describe('an exam answer in Guo’s notation', () => {
  it('the right answers hold, d_p and o_p(T) of the one output unit read as the pattern (regression: "d has no time index")', () => {
    for (const tag of ['a', 'd', 'b*']) expect(v[tag]!.status, tag).toBe('holds');
  });
  it('the slope f′ left out of the recursion is named', () => {
    expect(v.b!.message).toMatch(/σ'\(net_\{t-1\}\) = y_\{t-1\}\(1 − y_\{t-1\}\) — that factor is missing, and with it the check holds/);
  });
  it('u_jh for u_hj is named', () => {
    expect(v.b2!.message).toMatch(/u\[j, h\] should be u\[h, j\]: with its two indices swapped the check holds/);
  });
  it('both slips in one recursion are named (it failed with its values only)', () => {
    expect(v.b3!.message).toMatch(
      /Two things differ: u\[j, h\] should be u\[h, j\] \(its two indices swapped\), and the right side is ∂E\/∂y_\{t-1\}, the gradient at the output of y_\{t-1\} = σ\(net_\{t-1\}\): .* — that factor is missing: with both changed the check holds$/,
    );
  });
  it('Σ from t = 2 with y_0 = 0 names the term left out, and why it is 0 here', () => {
    expect(v.c!.status).toBe('holds-at-given-values');
    expect(v.c!.message).toMatch(
      /it leans on the given value of y_0 \(y_0 = 0\).*At random draw 1: the Σ over t on the right side \(t = 2\.\.4\) leaves out its first term t = 1: with it the check holds; at the file's values that term is 0, as y_0 = 0 makes it/,
    );
  });
  it('the note’s Σ back from the current step t, for the total: holds at t = T alone, said so (it failed with its values only)', () => {
    expect(v.c2!.status).toBe('fails');
    expect(v.c2!.message).toMatch(
      /The left side reads no step, and the right side's Σ runs with the step t: it is judged at every t = 1\.\.4, and holds at t = T = 4 alone\. If t is the last step there, the whole sequence, write T for it$/,
    );
  });
  it('with y_0 ≠ 0 the same Σ fails, naming its first term', () => {
    const eqs = analyzeSolution(text.replace('y_0 = [0, 0]', 'y_0 = [0.1, -0.2]'), 'markdown', { sidecar: null }).equations;
    const c = eqs.find((e) => e.tag === 'c')!;
    expect(c.status).toBe('fails');
    expect(c.message).toMatch(/leaves out its first term t = 1: with it the check holds$/);
  });
});

describe('where p is no pattern', () => {
  const net = (extra: string, claim: string) =>
    [
      '# p',
      '',
      '```rnn',
      'T = 2',
      'input x : 2 = [[1, 0], [0, 1]]',
      'param W : 2x2 = [[0.5, -0.3], [0.2, 0.4]]',
      extra,
      'h_0 = [0, 0]',
      'h_t = tanh(W h_{t-1} + x_t)',
      'loss L = sum(h_T)',
      '```',
      '',
      claim,
      '',
    ].join('\n');
  const one = (extra: string, claim: string) => analyzeSolution(net(extra, claim), 'markdown', { sidecar: null });
  it('a matrix’s W_{pj} is its entry (p, j), with no pattern said', () => {
    const s = one('', '$$h_{1,p} = \\tanh(\\sum_j W_{pj} h_{0,j} + x_{1,p}) \\tag{1}$$');
    expect(s.equations[0]!.status).toBe('holds');
    expect(s.diagnostics.some((d) => d.code === 'pattern-index')).toBe(false);
  });
  it('a network with a name p keeps its p', () => {
    const s = one('param p : 2 = [1, 2]', '$$h_{pj} = 0 \\tag{1}$$');
    expect(s.diagnostics.some((d) => d.code === 'pattern-index')).toBe(false);
  });
});
