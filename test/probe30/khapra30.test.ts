// Probe 30 (session 46): Mitesh Khapra's CS7015 (IIT Madras) lecture 14, backpropagation through time, pasted as a
// student writes it: s_t = σ(U x_t + W s_{t−1} + b), y_t = O(V s_t + c), ℒ(θ) = Σ_t ℒ_t(θ), ∂ℒ_t(θ)/∂W =
// ∂ℒ_t(θ)/∂s_t ∂s_t/∂W with the explicit and implicit parts ∂s_4/∂W = ∂⁺s_4/∂W + ∂s_4/∂s_3 ∂s_3/∂W, unrolled to
// Σ_{k=1}^{t} ∂s_t/∂s_k ∂⁺s_k/∂W, ∂s_t/∂s_k = ∏_{j=k}^{t−1} ∂s_{j+1}/∂s_j, and the vanishing-gradient slide's a_j, the
// diag(σ'(a_j)) W Jacobian and its bounds.
// A reading added: ℒ(θ), ℒ_t(θ) (θ the parameters) read θ as a step ("L_θ is a scalar: it has no entries to pick", and
// ∂ℒ(θ)/∂W = ∂ℒ_T(θ)/∂W "fails at θ = 1"): language/resolve/parametersArgument.ts. Culprits named: the last step's
// term alone for the loss's gradient named only L_2's part, the draw refuting it (engine/check/hints.ts leftOutHint
// tries the parts 0 at the file's values too); Σ_k ∂s_4/∂s_k ∂s_k/∂W was "∂s_4/∂s_k is upside down", the flip only
// deleting terms (engine/check/inverted.ts forwardEverywhere), and now names the total ∂s_k/∂W
// (engine/check/earlierCounted.ts). A bound on the norm of a matrix reads the spectral norm (session 46, main).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSolution, type SolutionReport } from '../../src/solution';
import { analyze } from '../../src/analysis';

const read = (name: string): SolutionReport =>
  analyzeSolution(readFileSync(join(__dirname, 'fixtures', `${name}.md`), 'utf8'), 'markdown', { sidecar: null });
const verdicts = (r: SolutionReport) => Object.fromEntries(r.equations.map((e) => [e.tag, e]));

const NET = `T = 3
param w = 0.5
input x = [1, 2, 3]
h_0 = 0
h_t = tanh(w h_{t-1} + x_t)
L_t = h_t^2
loss L = Σ_t L_t
`;

describe('ℒ(θ), ℒ_t(θ): the loss as a function of the parameters θ (regression)', () => {
  it('reads θ as no step, with an information (it was a step: "L_θ is a scalar", "fails at θ = 1")', () => {
    const r = analyze(`${NET}check ∂L(θ)/∂w = Σ_t ∂L_t(θ)/∂w\ncheck L(\\theta) = Σ_t L_t(\\theta)\n`);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds']);
    expect(r.diagnostics.map((d) => d.message)).toContain('L(θ) is read as L: θ names the parameters it is a function of, not a step');
  });
  it('a wrong formula still fails, and no longer "at θ = 1"', () => {
    const r = analyze(`${NET}check ∂L(θ)/∂w = ∂L_3(θ)/∂w\n`);
    expect(r.checks[0]!.status).toBe('fails');
    expect(r.checks[0]!.message).not.toMatch(/θ = 1/);
  });
  it('a file that defines θ keeps its own reading (no information, θ is its name)', () => {
    const r = analyze(`${NET}param θ = 2\ncheck L(θ) = L\n`);
    expect(r.diagnostics.some((d) => /θ names the parameters/.test(d.message))).toBe(false);
  });
});

describe('the last step’s term alone for ∂L/∂w, a part 0 at the file’s values (regression)', () => {
  it('names every part left out (it failed with the values only: L_1’s part is 0 where h_0 = 0)', () => {
    const r = analyze(`${NET}check ∂L/∂w = ∂L_T/∂w\n`);
    expect(r.checks[0]!.status).toBe('fails');
    expect(r.checks[0]!.message).toMatch(/The right side leaves out ∂L_1\/∂w \+ ∂L_2\/∂w = 0\.05036/);
  });
});

describe('Σ_k ∂h_3/∂h_k ∂h_k/∂w, the total for the explicit part (regression)', () => {
  it('names the total derivative, not "∂h_3/∂h_k is upside down" (a flip that only deletes terms)', () => {
    const r = analyze(`${NET}check ∂h_3/∂w = Σ_{k=1}^{3} ∂h_3/∂h_k ∂h_k/∂w\ncheck ∂h_3/∂w = Σ_{k=1}^{3} ∂h_3/∂h_k ∂⁺h_k/∂w\n`);
    expect(r.checks.map((c) => c.status)).toEqual(['fails', 'holds']);
    expect(r.checks[0]!.message).not.toMatch(/upside down/);
    expect(r.checks[0]!.message).toMatch(
      /∂h_k\/∂w is the total derivative: it also counts w's paths through the steps before h_k, which the Σ's earlier terms count again\. With the immediate partial ∂⁺h_k\/∂w in its place the check holds/,
    );
  });
  // Pascanu's ∂x_k/∂x_t, written backward, is still named upside down: test/textbook/truncated.test.ts pins it
});

describe('a bound on the norm of a matrix (regression)', () => {
  it('the empty product’s identity has norm 1: the spectral norm (it failed in the Frobenius norm, ‖I_2‖ = √2)', () => {
    const r = analyze(`T = 3
param W : 2x2 = [[0.5, 0.1], [0.2, 0.4]]
input x : 2 = [[1, 0], [0, 1], [1, 1]]
h_0 = [0, 0]
h_t = tanh(W h_{t-1} + x_t)
loss L = Σ_t sum(h_t)
check ‖∂h_t/∂h_k‖ ≤ ∏_{j=k+1}^{t} ‖∂h_j/∂h_{j-1}‖
check ‖∂h_3/∂h_3‖ ≤ 1
check ‖∂h_3/∂h_3‖_F ≤ 1
`);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds', 'fails']);
  });
});

describe('Khapra, CS7015 lecture 14: BPTT with the explicit and implicit parts', () => {
  const v = verdicts(read('khapra-bptt'));
  it('the correct formulas hold, ℒ(θ) read as ℒ', () => {
    for (const tag of ['K1', 'K2', 'K3', 'K4', 'K5', 'K6', 'K7', 'K8', 'K9', 'K10', 'K11', 'K12', 'K13b'])
      expect(v[tag]!.status, tag).toBe('holds');
  });
  it('γλ, the slide’s bounds named in prose, is not read', () => {
    expect(v.K13!.status).toBe('skipped');
    expect(v.K13!.message).toMatch(/unknown name γ/);
  });
  it('‖∂s_t/∂s_k‖ ≤ ∏ ‖∂s_j/∂s_{j−1}‖ holds, at t = k too (a matrix’s norm is its spectral norm)', () => {
    expect(v.K14!.status).toBe('holds');
  });
  it('the mistakes fail, naming the culprit', () => {
    const msg = (tag: string) => {
      expect(v[tag]!.status, tag).toBe('fails');
      return v[tag]!.message;
    };
    // both paths left out, the one through s_1 0 at the file's values (s_0 = 0) and named with the draws (session 49;
    // it was "No term covers the path W → s_2 → s_3 → s_4", the one path the values showed)
    expect(msg('KM1')).toMatch(/leaves out the paths through s_1 and s_2: the terms ∂s_4\/∂s_1·∂⁺s_1\/∂W \+ ∂s_4\/∂s_2·∂⁺s_2\/∂W/);
    // s_4's own term is no path "through s_4" (session 56: said as the direct term)
    expect(msg('KM2')).toMatch(/leaves out the direct term ∂⁺s_4\/∂W, W's own appearance in s_4's equation/);
    expect(msg('KM3')).toMatch(/The Σ over k on the right side \(k = 1\.\.t−1\) leaves out its last term k = t: with it the check holds/);
    expect(msg('KM4')).toMatch(/The ∏ over j on the right side \(j = k\.\.t\) has one term too many, j = t: without it the check holds/);
    expect(msg('KM5')).toMatch(/The ∏ over j on the right side \(j = k\+1\.\.t−1\) leaves out its first term j = k/);
    expect(msg('KM8')).toMatch(/The right side leaves out ∂L_1\/∂W \+ ∂L_2\/∂W \+ ∂L_3\/∂W = \[\[/);
    expect(msg('KM10')).toMatch(/∂s_k\/∂W is the total derivative: .* With the immediate partial ∂⁺s_k\/∂W in its place the check holds/);
    expect(msg('KM6')).toMatch(/Wᵀ should be W: with that transpose the check holds/);
    expect(msg('KM7')).toMatch(/a_\{j-1\} should be a_j: with that step the check holds/);
    expect(msg('KM9')).toMatch(/the Jacobian of an elementwise function is written with diag, diag\(σ′\(a_j\)\) W/);
  });
});
