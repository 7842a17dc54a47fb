// Probe 30 (session 46): Peter Roelants's "How to implement a recurrent neural network" (part 1), the linear RNN
// s_k = s_{k−1} w_rec + x_k w_x with y = s_n and ξ = (y − t)², and its backward pass ∂ξ/∂s_{k−1} = ∂ξ/∂s_k w_rec,
// ∂ξ/∂w_x = Σ_{k=0}^{n} ∂ξ/∂s_k x_k, ∂ξ/∂w_rec = Σ_{k=1}^{n} ∂ξ/∂s_k s_{k−1}, ∂ξ/∂s_0 = ∂ξ/∂y w_rec^n (Trask's
// "Anyone can learn to code an LSTM-RNN" writes the same recursion in code, no equations to paste).
// A reading added: n, the sequence's length, was a free step, and every Σ up to it "cut short" at n = 1, 2, 3
// (resolve/questions.ts, tauStep.ts sumsToN, timeIndex.ts LENGTH_LOWER_N, as Bishop's N). Where no Σ runs up to n,
// s_n stays a free step: a check that holds at n = T alone says what n is read as (engine/check/lastStepMeant.ts),
// and w_rec^n's unknown n says to write T (resolve/names.ts unknown).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSolution, type SolutionReport } from '../../src/solution';
import { analyze } from '../../src/analysis';

const read = (name: string): SolutionReport =>
  analyzeSolution(readFileSync(join(__dirname, 'fixtures', `${name}.md`), 'utf8'), 'markdown', { sidecar: null });
const verdicts = (r: SolutionReport) => Object.fromEntries(r.equations.map((e) => [e.tag, e]));

const NET = `T = 4
input x = [1, 0, 1, 1]
param w_x = 1.2
param w_rec = 0.9
s_0 = 0
s_t = s_{t-1} w_rec + x_t w_x
y = s_T
loss ξ = (y - 3)^2
`;

describe('Σ up to n, n the sequence’s length (regression)', () => {
  it('reads n as the last step (it was a free step: "cut short … up to k = T, the check holds")', () => {
    const r = analyze(
      `${NET}check ∂ξ/∂w_x = Σ_{k=1}^{n} ∂ξ/∂s_k x_k\ncheck ∂ξ/∂w_rec = Σ_{k=1}^{n} ∂ξ/∂s_k s_{k-1}\ncheck ∂ξ/∂w_rec = Σ_{k=1}^{n} ∂ξ/∂s_k s_k\n`,
    );
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds', 'fails']);
    expect(r.checks[2]!.message).toMatch(/s_k should be s_\{k-1\}: with that step the check holds/);
  });
  // a Σ whose variable picks entries keeps n as their number: test/probe12/probeB.test.ts pins it
});

describe('s_n with no Σ up to n: a free step that holds at n = T alone (regression)', () => {
  it('says what n is read as (it failed "at n = 1" with a reason about s_1)', () => {
    const r = analyze(`${NET}check ∂ξ/∂s_n = ∂ξ/∂y\ncheck ∂ξ/∂s_T = ∂ξ/∂y\n`);
    expect(r.checks.map((c) => c.status)).toEqual(['fails', 'holds']);
    expect(r.checks[0]!.message).toMatch(
      /n is read as a free step, judged at every step n = 1\.\.4; the check holds at n = T = 4 alone\. If n is the sequence's length, the last step, write T/,
    );
  });
  it('w_rec^n: the unknown n says to write T', () => {
    const r = analyze(`${NET}check ∂ξ/∂s_0 = ∂ξ/∂y w_rec^n\n`);
    expect(r.diagnostics.map((d) => d.message)).toContain(
      "unknown name n: if n is the sequence's length, the last step, write T (w^T, s_T); a Σ running up to n reads it so",
    );
  });
});

describe('Roelants, the linear RNN that counts ones', () => {
  const v = verdicts(read('roelants-linear'));
  it('the correct formulas hold', () => {
    for (const tag of ['R2', 'R4', 'R7', 'R8']) expect(v[tag]!.status, tag).toBe('holds');
  });
  it('y = s_n, ∂ξ/∂s_n = ∂ξ/∂y: n a free step, said so', () => {
    for (const tag of ['R1', 'R3']) {
      expect(v[tag]!.status, tag).toBe('fails');
      expect(v[tag]!.message).toMatch(/the check holds at n = T = 4 alone\. If n is the sequence's length, the last step, write T/);
    }
  });
  it('w_rec^n is not read, saying to write T', () => {
    for (const tag of ['R5', 'RM3']) {
      expect(v[tag]!.status, tag).toBe('skipped');
      expect(v[tag]!.message).toMatch(/unknown name n: if n is the sequence's length, the last step, write T/);
    }
  });
  it('the article’s Σ_{k=0}^{n} reads x_0, which the network does not have, and names the bound', () => {
    expect(v.R6!.status).toBe('fails');
    expect(v.R6!.message).toMatch(
      /the sum's lower bound k = 0 is outside the steps x has \(1\.\.4\): x_k reads x_0 there\. From k = 1 the check holds/,
    );
  });
  it('the mistakes fail, naming the culprit', () => {
    const msg = (tag: string) => {
      expect(v[tag]!.status, tag).toBe('fails');
      return v[tag]!.message;
    };
    expect(msg('RM1')).toMatch(/w_x should be w_rec/);
    expect(msg('RM2')).toMatch(/s_k should be s_\{k-1\}: with that step the check holds/);
    expect(msg('RM4')).toMatch(/The right side is the left side with the opposite sign/);
    expect(msg('RM5')).toMatch(/The right side is 0\.5 times the left side/);
    expect(msg('RM8')).toMatch(/∂ξ\/∂s_\{k\+1\} should be ∂ξ\/∂s_k: with that step the check holds/);
    expect(msg('RM9')).toMatch(/The factor w_rec should not be there: with that the check holds/);
  });
  it('the Σ of ∂ξ/∂s_n x_n left out, with n a free step, names the Σ (session 47: it failed with its values only)', () => {
    expect(v.RM6!.status).toBe('fails');
    expect(v.RM6!.message).toMatch(
      /^fails at n = 1: the left side is 0\.813938, the right side 0\.225698 \(difference 0\.5882\)\. A Σ_n is missing: the right side is the term of one step n, and Σ_n of it \(n = 1\.\.4\) is the left side$/,
    );
  });
  it('Σ_{k=2}^{n} holds only because s_0 = 0, and names the term left out at the draw', () => {
    expect(v.RM7!.status).toBe('holds-at-given-values');
    expect(v.RM7!.message).toMatch(/it leans on the given value of s_0 \(s_0 = 0\).*leaves out its first term k = 1/);
  });
});
