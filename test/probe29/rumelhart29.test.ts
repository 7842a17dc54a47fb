// Probe 29 (session 45): Rumelhart, Hinton & Williams (1986), "Learning internal representations by error
// propagation" (PDP ch. 8), pasted as a student writes it for their recurrent net unrolled in time: net_j(t) =
// Σ_i w_{ji} o_i(t−1) + Σ_i u_{ji} x_i(t), o_j(t) = f_j(net_j(t)) with the logistic f, E = ½ Σ_t Σ_j (t_j(t) − o_j(t))²,
// δ_j(t) = −∂E/∂net_j(t) by the generalized delta rule (the output's error and Σ_k δ_k(t+1) w_{kj}, times f'_j(net_j(t))),
// and ∂E/∂w_{ji} = −Σ_t δ_j(t) o_i(t−1), the same weights at every step.
// A reading added: f'_j(net_j(t)), unit j's activation written with the unit's letter under it, was "expected the
// argument of f', found '_'" (language/unitSubscript.ts, used by parser.ts applyAliases). A culprit named: δ_j(T) =
// t_j(T) − o_j(T), f' left out, failed with its values only; the slope left out is now named for a negated derivative
// (δ = −∂E/∂net) and at an entry of one, as for ∂E/∂net_T (engine/check/slopeTwice.ts derivOf). Another: Σ_k δ_k(t)
// w_{kj} for δ_k(t+1) failed with its values only, the step search not looking inside an entry of a derivative; it
// does now, and says the steps it holds at by t alone (engine/check/textbook.ts derivStepHint, DERIV_WALK). And δ_j(t)
// = f'_j(net_j(t)) Σ_k δ_k(t+1) w_{kj}, the output's own error left out, failed with its values only: the path left out
// is named for −∂E/∂net and an entry of it, as for ∂E/∂net (engine/check/hints.ts leftOutHint, Sided).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSolution, type SolutionReport } from '../../src/solution';
import { analyze } from '../../src/analysis';

const read = (name: string): SolutionReport =>
  analyzeSolution(readFileSync(join(__dirname, 'fixtures', `${name}.md`), 'utf8'), 'markdown', { sidecar: null });
const verdicts = (r: SolutionReport) => Object.fromEntries(r.equations.map((e) => [e.tag, e]));

const NET = `T = 3
input x : 2 = [[1, 0], [0, 1], [1, 1]]
target t : 2 = [[1, 0], [0, 1], [1, 0]]
param w : 2x2 = [[0.5, -0.3], [0.2, 0.4]]
f = σ
o_0 = [0, 0]
net_t = w o_{t-1} + x_t
o_t = f(net_t)
loss E = 1/2 Σ_t Σ_j (t_{t,j} - o_{t,j})^2
`;

describe("f_j(…), f'_j(…): unit j's activation, the file's alias f (regression)", () => {
  it('reads as f and f′ wherever the subscript is a unit’s letter', () => {
    const r = analyze(
      `${NET}check o_{T,j} = f_j(net_{T,j})\ncheck o_{T,j} (1 - o_{T,j}) = f'_j(net_{T,j})\ncheck o_{T,j} (1 - o_{T,j}) = f'_{j}(net_{T,j})\ncheck o_{T,j} = f_{j}(net_{T,j})\n`,
    );
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds', 'holds', 'holds']);
  });
  it('a wrong slope still fails', () => {
    const r = analyze(`${NET}check o_{T,j} = f'_j(net_{T,j})\n`);
    expect(r.checks[0]!.status).toBe('fails');
  });
  it('a step letter under it is no unit: f_t(…) stays f at step t, as before (no value)', () => {
    const r = analyze(`${NET}check o_T = f_t(net_T)\n`);
    expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual(['unknown name f']);
  });
});

describe('−∂E/∂net_T, δ the negated gradient, with the slope left out (regression)', () => {
  it('names the missing f′, as it does for ∂E/∂net_T, also at an entry j (it failed with the values only)', () => {
    const r = analyze(
      `${NET}check -∂E/∂net_T = t_T - o_T\ncheck -∂E/∂net_{T,j} = t_{T,j} - o_{T,j}\ncheck -∂E/∂net_T = (t_T - o_T) ⊙ o_T ⊙ (1 - o_T)\n`,
    );
    expect(r.checks.map((c) => c.status)).toEqual(['fails', 'fails', 'holds']);
    for (const c of r.checks.slice(0, 2))
      expect(c.message).toMatch(
        /The right side is −∂E\/∂o_3, the gradient at the output of o_3 = σ\(net_3\): −∂E\/∂net_3 is −∂E\/∂o_3 times σ'\(net_3\)/,
      );
  });
});

describe('δ_k(t) for δ_k(t+1) inside Σ_k δ_k w_{kj}, an entry of the derivative (regression)', () => {
  it('names the step, judged by the step alone (it failed with the values only: the walk stopped at the entry)', () => {
    const r = analyze(
      `${NET}check -∂E/∂net_{t,j} = o_{t,j} (1 - o_{t,j}) (t_{t,j} - o_{t,j} + Σ_k (-∂E/∂net_{t,k}) w_{kj})\ncheck -∂E/∂net_{t,j} = o_{t,j} (1 - o_{t,j}) (t_{t,j} - o_{t,j} + Σ_k (-∂E/∂net_{t+1,k}) w_{kj})\n`,
    );
    expect(r.checks.map((c) => c.status)).toEqual(['fails', 'holds']);
    expect(r.checks[0]!.message).toMatch(
      /∂E\/∂net_t should be ∂E\/∂net_\{t\+1\}: with that step the check holds for t = 1\.\.2 \(at t = 3 it reads/,
    );
  });
});

describe('the output’s own error left out of δ = −∂E/∂net (regression)', () => {
  it('names the path left out, with its sign, for the vector and for an entry (it failed with the values only)', () => {
    const r = analyze(
      `${NET}check -∂E/∂net_t = o_t ⊙ (1 - o_t) ⊙ (w^T (-∂E/∂net_{t+1}))\ncheck -∂E/∂net_{t,j} = o_{t,j} (1 - o_{t,j}) (Σ_k (-∂E/∂net_{t+1,k}) w_{kj})\ncheck ∂E/∂net_t = o_t ⊙ (1 - o_t) ⊙ (w^T ∂E/∂net_{t+1})\n`,
    );
    expect(r.checks.map((c) => c.status)).toEqual(['fails', 'fails', 'fails']);
    expect(r.checks[0]!.message).toMatch(/The right side leaves out −∂E\/∂o_1·∂o_1\/∂net_1 = \[/);
    expect(r.checks[1]!.message).toMatch(/The right side leaves out −∂E\/∂o_1·∂o_1\/∂net_1 \(its entry j\) = /);
    expect(r.checks[2]!.message).toMatch(/The right side leaves out ∂E\/∂o_1·∂o_1\/∂net_1 = \[/);
  });
});

describe('Rumelhart, Hinton & Williams, the generalized delta rule unrolled in time', () => {
  const v = verdicts(read('rumelhart-pdp'));
  it('the correct formulas hold', () => {
    for (const tag of ['R1', 'R2', 'R4', 'R5', 'R6', 'R7', 'R9', 'R10']) expect(v[tag]!.status, tag).toBe('holds');
  });
  it('Δw = η Σ_t δ_j(t) o_i(t−1), a descent step, is no equation of the network (said so)', () => {
    expect(v.R8!.status).toBe('skipped');
    expect(v.R8!.message).toMatch(/if Δw is a change of w \(a descent step, −η ∂L\/∂w\), it is no value of the network/);
  });
  it('the mistakes fail, naming the culprit', () => {
    const msg = (tag: string) => {
      expect(v[tag]!.status, tag).toBe('fails');
      return v[tag]!.message;
    };
    expect(msg('RM1')).toMatch(
      /The right side is −∂E\/∂o_3, the gradient at the output of o_3 = σ\(net_3\): .* times σ'\(net_3\) = o_3\(1 − o_3\) — that factor is missing/,
    );
    expect(msg('RM2')).toMatch(/The right side is the left side with the opposite sign/);
    expect(msg('RM3')).toMatch(/w\[j, k\] should be w\[k, j\]: with its two indices swapped the check holds/);
    // named by the δ written, −∂E/∂net behind its sign (session 49; it was "∂E/∂net_t should be ∂E/∂net_{t+1}")
    expect(msg('RM4')).toMatch(
      /δ_t should be δ_\{t\+1\}: with that step the check holds for t = 1\.\.2 \(at t = 3 it reads ∂E\/∂net_4, past the network's steps/,
    );
    expect(msg('RM5')).toMatch(/o_t should be o_\{t-1\}/);
    expect(msg('RM7')).toMatch(/The right side leaves out −∂E\/∂o_1·∂o_1\/∂net_1 \(its entry j\) = 0\.1185/);
    expect(msg('RM8')).toMatch(/o_\{T-1\} should be o_T/);
  });
  it('Σ_{t=2}^{T} for Σ_{t=1}^{T} holds only because o_0 = 0, and says so', () => {
    expect(v.RM6!.status).toBe('holds-at-given-values');
    expect(v.RM6!.message).toMatch(/it leans on the given value of o_0 \(o_0 = 0\)/);
  });
});
