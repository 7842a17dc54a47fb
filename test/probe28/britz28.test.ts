// Probe 28 (session 44): Denny Britz's WildML tutorial, part 3 (2015), pasted as a student writes it: s_t = tanh(U x_t
// + W s_{t-1}), ŷ_t = softmax(V s_t), E_t = −y_t log ŷ_t, with ∂E_3/∂V = (ŷ_3 − y_3) ⊗ s_3, the chain rule through
// ∂s_3/∂W (total), its sum over k whose ∂s_k/∂W is the one-step derivative (holds as one), and ∂s_3/∂s_k as a ∏.
// One wrong verdict fixed: ∂s_3/∂s_k = ∏_{j=k+1}^{3} ∂s_j/∂s_{j-1} failed at k = 4 of four steps (∂s_3/∂s_4 = 0
// against a range 5..3, which says nothing): a range between a free index and a fixed step is now judged where it
// runs forward (engine/check/points.ts relates), as Pascanu's k + 1..t was; the one-term-too-many ∏_{j=k}^{3} then
// names its bound. And ∏_{j=k+1}^{3} (1 − s_j²) W, diag left out inside the ∏, was not checked ("∏ of vectors is not
// defined"): it now fails, naming diag (expressions.ts, solution/analyze.ts readsAndIsWrong).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSolution, type SolutionReport } from '../../src/solution';
import { analyze } from '../../src/analysis';

const read = (name: string): SolutionReport =>
  analyzeSolution(readFileSync(join(__dirname, 'fixtures', `${name}.md`), 'utf8'), 'markdown', { sidecar: null });
const verdicts = (r: SolutionReport) => Object.fromEntries(r.equations.map((e) => [e.tag, e]));

describe('Britz, WildML RNN tutorial part 3', () => {
  const v = verdicts(read('britz-wildml'));
  it('the correct formulas hold; Σ_k ∂s_k/∂W holds as a one-step derivative, as Britz means it', () => {
    for (const tag of ['B1', 'B2', 'B3', 'B5', 'B6', 'B7', 'B8', 'B9', 'B10', 'B11']) expect(v[tag]!.status, tag).toBe('holds');
    expect(v.B4!.status).toBe('holds-as-one-step');
    expect(v.B4!.checks[0]!.message).toMatch(/with ∂s_k\/∂W read as one-step derivative/);
  });
  it('its diagnostic carries the fix, the vector to put under diag (what the solution reader asks, not the words)', () => {
    const r = read('britz-wildml');
    const d = r.diagnostics.find((x) => x.message.startsWith('∏ of vectors is not defined: its factor'));
    expect(d?.fix).toEqual({ diag: '1 − s_j^2' });
  });
  it('a ∏ of (1 − s_j²) W, diag left out inside it, fails naming diag (it was not checked: ∏ of vectors)', () => {
    expect(v.BM12!.status).toBe('fails');
    expect(v.BM12!.checks[0]!.message).toMatch(
      /its factor \(1 − s_j\^2\) W is a vector times a matrix, a vector: the Jacobian of an elementwise function is written with diag, diag\(1 − s_j\^2\) W/,
    );
  });
  it('∂s_3/∂s_k = ∏_{j=k+1}^{3} is judged where its range runs forward (k ≤ 3)', () => {
    expect(v.B5!.checks[0]!.message).toMatch(/^holds for k = 1..3/);
  });
  it('the mistakes fail, naming the culprit', () => {
    const msg = (tag: string) => {
      expect(v[tag]!.status, tag).toBe('fails');
      return v[tag]!.checks[0]!.message;
    };
    expect(msg('BM1')).toMatch(/The ∏ over j on the right side \(j = k..3\) has one term too many, j = k/);
    expect(msg('BM2')).toMatch(/No term covers the path W → s_3 → .+ → E_3/);
    expect(msg('BM3')).toMatch(/s_\{j-1\} should be s_j/);
    expect(msg('BM4')).toMatch(/leaves out the paths through s_1 and s_2/);
    expect(msg('BM5')).toMatch(/Vᵀ \(2×3 matrix\) fits \(a transpose missing\?\)\. With Vᵀ for V: holds/);
    expect(msg('BM6')).toMatch(/s_2 should be s_3/);
    expect(msg('BM7')).toMatch(/written with diag, diag\(1 − s_j\^2\) W/);
    expect(msg('BM10')).toMatch(/gradient by the softmax's argument \(V s_t in .+_t's equation\), not by its output .+_3/);
    expect(msg('BM11')).toMatch(/is \(∂s_j\/∂s_\{j-1\}\)ᵀ at every j: the denominator layout/);
    expect(msg('BM8')).toMatch(/The second s_k should be s_\{k-1\}/);
    expect(msg('BM9')).toMatch(/s_\{j-1\} should be s_j: .*This is the mistake of \(BM3\) on line 47, carried over/);
  });
});

describe('a Σ/∏ between a free index and a fixed step (regression)', () => {
  const NET = `T = 4
param w = 0.7
input x = [0.5, -1, 0.3, 0.8]
h_0 = 0.2
h_t = tanh(w h_{t-1} + x_t)
loss L = Σ_t h_t^2
`;
  it('is judged where it runs forward: ∂h_3/∂h_k at k ≤ 3, not at k = 4 (a range 5..3)', () => {
    const r = analyze(`${NET}check ∂h_3/∂h_k = ∏_{j=k+1}^{3} ∂h_j/∂h_{j-1}\ncheck ∂h_k/∂h_1 = ∏_{j=2}^{k} (1 - h_j^2) w\n`);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds']);
    expect(r.checks[0]!.message).toMatch(/^holds for k = 1..3/);
  });
  it('a wrong lower bound still fails, and names the term too many', () => {
    const r = analyze(`${NET}check ∂h_3/∂h_k = ∏_{j=k}^{3} ∂h_j/∂h_{j-1}\n`);
    expect(r.checks[0]!.status).toBe('fails');
    expect(r.checks[0]!.message).toMatch(/has one term too many, j = k: without it the check holds/);
  });
});

describe('∂L/∂ŷ_t = ŷ_t − y_t, the gradient by a softmax’s argument written for its output (regression)', () => {
  const NET = `T = 2
input x : 2 = [[1, 0], [0, 1]]
target y : 3 = [[0, 1, 0], [1, 0, 0]]
param W : 2x2 = [[0.5, -0.2], [0.3, 0.4]]
param V : 3x2 = [[0.6, -0.4], [-0.1, 0.8], [0.3, 0.2]]
h_0 = [0, 0]
h_t = tanh(W h_{t-1} + x_t)
o_t = V h_t
p_t = softmax(o_t)
loss L = -Σ_t y_t^T log(p_t)
`;
  it('names the gradient it is', () => {
    const r = analyze(`${NET}check ∂L/∂p_t = p_t - y_t\ncheck ∂L/∂o_t = p_t - y_t\n`);
    expect(r.checks.map((c) => c.status)).toEqual(['fails', 'holds']);
    expect(r.checks[0]!.message).toMatch(
      /The right side is the gradient by the softmax's argument \(o_t\), not by its output p_t: .*; it is ∂L\/∂o_t/,
    );
  });
  it('says nothing of the kind where the right side is no such gradient', () => {
    const r = analyze(`${NET}check ∂L/∂p_t = y_t - p_t\n`);
    expect(r.checks[0]!.status).toBe('fails');
    expect(r.checks[0]!.message).not.toMatch(/softmax's argument/);
  });
});
