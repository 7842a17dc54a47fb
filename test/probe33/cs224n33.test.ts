// Probe 33 (session 47): a student's CS224n (2017/2018) assignment 2, problem 3 — the RNN language model in the
// handout's row-vector convention, e^{(t)} = x^{(t)} L, h^{(t)} = σ(h^{(t-1)} H + e^{(t)} I + b_1), ŷ^{(t)} =
// softmax(h^{(t)} U + b_2), J^{(t)} = CE(y^{(t)}, ŷ^{(t)}), and the gradients of one step's loss: ∂J/∂U, ∂J/∂b_2, δ^{(t)},
// ∂J/∂H|_{(t)}, ∂J/∂h^{(t-1)}, δ^{(t-1)}. Readings added: the softmax of a row (it was "softmax takes a vector, not a
// 1×4 matrix", every equation unchecked: resolve/functions.ts, symbolic/rules.ts), the derivative of a row by a matrix
// (∂J/∂H|_{(t)} = Σ ∂J/∂z_t ∂⁺z_t/∂H with z_t a 1×2 row: resolve/calculus.ts derivativeShape, engine/run.ts
// derivShape), the step copy one back |_{(t-1)} (parser.ts postfix, solution/display.ts evaluationBar,
// resolve/stepCopy.ts); a defined δ moved at one end only is written out (engine/check/textbook.ts moved), and δ
// defined again one step off says so (resolve/definitions.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution';
import { analyze } from '../../src/analysis';

const r = analyzeSolution(readFileSync(join(__dirname, 'fixtures', 'cs224n-rnnlm.md'), 'utf8'), 'markdown', { sidecar: null });
const v = Object.fromEntries(r.equations.map((e) => [e.tag, e]));

describe('CS224n’s RNN language model, row vectors', () => {
  it('reads the network: the softmax of a row (regression: "softmax takes a vector, not a 1×4 matrix")', () => {
    expect(r.diagnostics.filter((d) => d.severity === 'error' && !d.code?.startsWith('check'))).toEqual([]);
    expect(v.b1!.status).toBe('holds');
  });
  it('the correct gradients hold, with the step copies |_{(t)} and |_{(t-1)} of H, I and b_1', () => {
    for (const tag of ['a1', 'b1', 'b2', 'b3', 'b4', 'b5', 'b6', 'b7', 'b8', 'b9', 'c1']) expect(v[tag]!.status, tag).toBe('holds');
  });
  it('the slips fail, naming the culprit', () => {
    const msg = (tag: string) => {
      expect(v[tag]!.status, tag).toBe('fails');
      return v[tag]!.message;
    };
    expect(msg('s2')).toMatch(/the opposite sign: a sign is wrong/);
    expect(msg('s3')).toMatch(/leaves out the factor \(1 − h_t\): with that the check holds/);
    expect(msg('s4')).toMatch(/H should be Hᵀ: with that transpose the check holds/);
    expect(msg('s5')).toMatch(/h_t should be h_\{t-1\}: with that step the check holds/);
    // the total by H written as one step's copy (regression: it failed with its values only)
    expect(msg('s6')).toMatch(
      /The right side is ∂J_t\/∂H\|_\{\(t\)\}, the derivative by H's copy at step t alone \(H's use in that step's own equations\): ∂J_t\/∂H also counts H's uses at the earlier steps, which reach J_t through the states, ∂J_t\/∂H = Σ_\{k=1\}\^\{t\} ∂J_t\/∂H\|_\{\(k\)\}/,
    );
  });
  it('δ^{(t-1)} of c2 is δ defined in b4, one step back: the message writes the derivative meant, not δ_t', () => {
    expect(v.c2!.status).toBe('fails');
    expect(v.c2!.message).toMatch(/δ_\{t-1\} should be ∂J_t\/∂z_\{t-1\}: with that step the check holds/);
    expect(v.c2!.message).not.toMatch(/should be δ_t/);
  });
  it('c1 defining δ again one step off says so', () => {
    const d = r.diagnostics.find((x) => /defines δ again, one step off/.test(x.message));
    expect(d?.message).toMatch(
      /δ_\{t-1\} is that definition with every t moved to t-1; a derivative it does not give needs a name of its own/,
    );
  });
  it('y^{(t)}_j, one index on a row, is its entry j (regression: "y_t is a 1×4 matrix: pick an entry with two indices")', () => {
    expect(v.a3!.status).toBe('holds');
  });
  it('left alone: the perplexity PP (no name of the network), an outer product in the transposed order', () => {
    expect(v.a2!.status).toBe('skipped');
    expect(v.a4!.message).toMatch(/unknown name PP/);
    expect(v.s1!.message).toMatch(/the left side's shape transposed/);
  });
});

describe('the readings, in a .rnn file', () => {
  const net = (check: string) =>
    [
      'T = 2',
      'input x : 1x2 = [[[1, 0]], [[0, 1]]]',
      'param H : 2x2 = [[0.5, -0.3], [0.2, 0.4]]',
      'param U : 2x3 = [[0.6, -0.2, 0.3], [-0.1, 0.4, -0.3]]',
      'h_0 = [[0.1, -0.2]]',
      'z_t = h_{t-1} H + x_t',
      'h_t = σ(z_t)',
      'p_t = softmax(h_t U)',
      'loss J = Σ_t p_t[1, 1]',
      check,
    ].join('\n');
  const status = (text: string) => analyze(text).checks.map((c) => c.status);
  it('softmax of a 1×n row, and ∂ of a row by a matrix', () => {
    expect(status(net('check ∂J/∂H = Σ_t h_{t-1}ᵀ ∂J/∂z_t'))).toEqual(['holds']);
    expect(status(net('check ∂J/∂H|_{(t)} = h_{t-1}ᵀ ∂J/∂z_t'))).toEqual(['holds']);
    expect(status(net('check ∂J/∂H|_{(t-1)} = h_{t-2}ᵀ ∂J/∂z_{t-1}'))).toEqual(['holds']);
  });
  it('the step copy written for the total is named; the total and other slips are not so named', () => {
    const vanilla = (check: string) =>
      [
        'T = 3',
        'input x = [1, -0.5, 0.3]',
        'param w = 0.7',
        'param u = 0.4',
        'h_0 = 0.2',
        'a_t = w h_{t-1} + u x_t',
        'h_t = tanh(a_t)',
        'L_t = (h_t - 0.5)^2',
        'loss L = Σ_t L_t',
        check,
      ].join('\n');
    const one = (text: string) => analyze(text).checks[0]!;
    expect(one(vanilla('check ∂L_t/∂w = ∂L_t/∂a_t h_{t-1}')).message).toMatch(/the derivative by w's copy at step t alone/);
    expect(one(vanilla('check ∂L_t/∂w = Σ_{k=1}^{t} ∂L_t/∂a_k h_{k-1}')).status).toBe('holds');
    expect(one(vanilla('check ∂L_t/∂w = ∂L_t/∂a_t h_t')).message).not.toMatch(/copy at step/);
  });
  it('one index on a row or a column picks its entry; past its entries it is an error', () => {
    expect(status(net('check J = Σ_t p_t[1]'))).toEqual(['holds']);
    expect(status(net('check p_2[2] = p_2[1, 2]'))).toEqual(['holds']);
    expect(status(net('check h_1ᵀ[2] = h_1[1, 2]'))).toEqual(['holds']);
    expect(analyze(net('check p_2[4] = 0')).diagnostics.map((d) => d.message)).toContain('index 4 is outside 1..3');
  });
});
