// Probe 28 (session 44): Lipton, Berkowitz & Elkan, "A Critical Review of Recurrent Neural Networks for Sequence
// Learning" (2015), pasted as a student writes it: h^{(t)} = σ(W^{hx} x^{(t)} + W^{hh} h^{(t-1)} + b_h), ŷ^{(t)} =
// softmax(W^{yh} h^{(t)} + b_y), the weights named by a superscript word, and the BPTT recursions in that notation.
// One reading added: the transpose written inside the name's superscript, W^{yh\top} (as W^{(2)\top} on a layer), was
// "unknown name W" and left every recursion unchecked; it is now W^{yh}ᵀ (superscriptNames.ts overAt).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSolution, type SolutionReport } from '../../src/solution';
import { analyze } from '../../src/analysis';

const read = (name: string): SolutionReport =>
  analyzeSolution(readFileSync(join(__dirname, 'fixtures', `${name}.md`), 'utf8'), 'markdown', { sidecar: null });
const verdicts = (r: SolutionReport) => Object.fromEntries(r.equations.map((e) => [e.tag, e]));

describe('Lipton et al., superscript weight names', () => {
  const v = verdicts(read('lipton-review'));
  it('the correct formulas hold, W^{yh\\top} and W^{hh\\top} read as transposes', () => {
    for (const tag of ['L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'L7', 'L8', 'L9', 'L10']) expect(v[tag]!.status, tag).toBe('holds');
  });
  it('the mistakes fail, naming the culprit', () => {
    const msg = (tag: string) => {
      expect(v[tag]!.status, tag).toBe('fails');
      return v[tag]!.checks[0]!.message;
    };
    expect(msg('LM1')).toMatch(/W\^\{hh\} should be W\^\{hh\}ᵀ: with that transpose the check holds/);
    expect(msg('LM2')).toMatch(/The third h_t should be h_\{t-1\}/);
    expect(msg('LM3')).toMatch(/∂L\/∂h_\{t\+1\} needs the factor σ'\(W\^\{hx\} x_\{t\+1\} \+ W\^\{hh\} h_t \+ b_h\)/);
    expect(msg('LM4')).toMatch(/leaves out the path through .+_t: the term ∂L\/∂.+_t·∂⁺.+_t\/∂h_t/);
    expect(msg('LM5')).toMatch(/h_\{t-1\} should be h_\{t-1\}ᵀ/);
  });
});

describe('a transpose inside a worded superscript (regression)', () => {
  const NET = `T = 2
input x : 2 = [[1, 0], [0, 1]]
param W^{hx} : 2x2 = [[0.2, -0.4], [0.5, 0.3]]
param W^{hh} : 2x2 = [[0.6, -0.3], [0.2, 0.4]]
h_0 = [0.1, 0]
h_t = tanh(W^{hx} x_t + W^{hh} h_{t-1})
loss L = Σ_t sum(h_t)
`;
  it('W^{hh\\top} is W^{hh}ᵀ, as (W^{hh})^\\top is', () => {
    const r = analyze(`${NET}check W^{hh\\top} = (W^{hh})^\\top\ncheck ∂L/∂h_1 = 𝟏 + W^{hh\\top} ((1 - h_2^2) ⊙ 𝟏)\n`);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds']);
  });
  it('so is W^{hh\\,T} (W^{hh T}), a T apart from the word', () => {
    const r = analyze(`${NET}check W^{hh\\,T} = (W^{hh})^\\top\ncheck W^{hh T} = (W^{hh})^\\top\n`);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds']);
  });
  it('without the transpose the second check fails, naming it', () => {
    const r = analyze(`${NET}check ∂L/∂h_1 = 𝟏 + W^{hh} ((1 - h_2^2) ⊙ 𝟏)\n`);
    expect(r.checks[0]!.status).toBe('fails');
    expect(r.checks[0]!.message).toMatch(/W\^\{hh\} should be W\^\{hh\}ᵀ/);
  });
});
