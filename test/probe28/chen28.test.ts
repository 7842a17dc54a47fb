// Probe 28 (session 44): Gang Chen, "A Gentle Tutorial of Recurrent Neural Network with Error Backpropagation" (2016),
// pasted as a student writes it, with his indexing: h_{t+1} = tanh(W_hh h_t + W_xh x_{t+1} + b_h), z_t =
// softmax(W_hz h_t + b_z), ∂L/∂W_hz = Σ_t (z_t − y_t) h_tᵀ, ∂L/∂h_t's recursion through diag(1 − h_{t+1}²), ∂L/∂W_hh
// summed from t = 0 to T − 1, and ∂L_{t+1}/∂W_hh as Σ_{k=1}^{t+1} with ∂h_{t+1}/∂h_k = ∏_{j=k}^{t} ∂h_{j+1}/∂h_j.
// One reading added: the network's own equation written for the step ahead, h_{t+1} = f(h_t, x_{t+1}), was "the left
// side's index must be t …" and left every equation unchecked; it is now the general equation read one step back
// (resolve/stepAhead.ts), said by an information. One wrong formula left unchecked: ∏_{j=k}^{t+1} ∂h_{j+1}/∂h_j reads
// h_{T+1} at t = T − 1 only through a ∏ whose bound is the free k, which the search for undefined steps left unbound
// ("cannot evaluate: h_5 has no value"); the steps are now searched at every value of the free indices
// (questions.ts freeCombos), and the check fails at the steps it reads, naming the bound.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSolution, type SolutionReport } from '../../src/solution';
import { analyze } from '../../src/analysis';

const read = (name: string): SolutionReport =>
  analyzeSolution(readFileSync(join(__dirname, 'fixtures', `${name}.md`), 'utf8'), 'markdown', { sidecar: null });
const verdicts = (r: SolutionReport) => Object.fromEntries(r.equations.map((e) => [e.tag, e]));

describe('Gang Chen’s tutorial, h_{t+1} = tanh(W_hh h_t + W_xh x_{t+1} + b_h)', () => {
  const r = read('chen-gentle');
  const v = verdicts(r);
  it('the network written for the step ahead reads, with an information saying how', () => {
    expect(r.diagnostics.filter((d) => /index must be t|not available/.test(d.message))).toEqual([]);
    expect(r.skipped).toBe(0);
    expect(r.diagnostics.some((d) => d.severity === 'information' && /h_\{t\+1\} = … is read as h_t = …/.test(d.message))).toBe(true);
  });
  it('the correct formulas hold; Σ_k … ∂h_k/∂W_hh holds as a one-step derivative, as Chen means it', () => {
    for (const tag of ['C1', 'C2', 'C3', 'C4', 'C5', 'C7', 'C8', 'C9']) expect(v[tag]!.status, tag).toBe('holds');
    expect(v.C6!.status).toBe('holds-as-one-step');
  });
  it('the mistakes fail, naming the culprit', () => {
    const msg = (tag: string) => {
      expect(v[tag]!.status, tag).toBe('fails');
      return v[tag]!.checks[0]!.message;
    };
    expect(msg('CM1')).toMatch(/h_t should be h_tᵀ/);
    expect(msg('CM2')).toMatch(/∂L\/∂h_\{t\+1\} needs the factor tanh'\(W_hh h_t \+ W_xh x_\{t\+1\} \+ b_h\)/);
    expect(msg('CM3')).toMatch(/the Σ over k on the right side \(k = 1..t\) leaves out its last term k = t\+1/);
    expect(msg('CM4')).toMatch(/W_hh should be W_hhᵀ/);
    expect(msg('CM5')).toMatch(/The first h_t should be h_\{t\+1\}/);
    expect(msg('CM7')).toMatch(
      /The right side is the gradient by the softmax's argument \(W_hz h_t \+ b_z in z_t's equation\), not by its output z_t/,
    );
  });
  it('a ∏ one term too long, reading past the last step at t = T − 1, fails where it reads (t = 1..2), naming its bound', () => {
    expect(v.CM6!.status).toBe('fails');
    expect(v.CM6!.checks[0]!.message).toMatch(/The ∏ over j on the right side \(j = k..t\+1\) has one term too many, j = t\+1/);
  });
});

describe('an equation for the step ahead (regression)', () => {
  const ahead = `T = 3
param w = 0.5
input x = [1, 2, 3]
h_0 = 0.1
h_{t+1} = tanh(w h_t + x_{t+1})
loss L = Σ_t h_t^2
check ∂h_t/∂h_{t-1} = (1 - h_t^2) w
check h_2 = tanh(w h_1 + x_2)
`;
  it('is the general equation one step back', () => {
    const r = analyze(ahead);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds']);
    const same = analyze(ahead.replace('h_{t+1} = tanh(w h_t + x_{t+1})', 'h_t = tanh(w h_{t-1} + x_t)'));
    expect(r.checks.map((c) => c.steps)).toEqual(same.checks.map((c) => c.steps));
  });
  it('also with a superscript step, h^{(t+1)} = …', () => {
    const r = analyze(ahead.replace('h_{t+1} = tanh(w h_t + x_{t+1})', 'h^{(t+1)} = tanh(w h^{(t)} + x^{(t+1)})'));
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds']);
  });
  it('h_{t+2} is still refused', () => {
    const r = analyze(ahead.replace('h_{t+1} = tanh(w h_t + x_{t+1})', 'h_{t+2} = tanh(w h_t + x_{t+1})'));
    expect(r.diagnostics.some((d) => /the left side's index must be t/.test(d.message))).toBe(true);
  });
});

describe('a step past the end read through a free index’s range (regression)', () => {
  const NET = `T = 3
param w = 0.7
input x = [0.5, -1, 0.3]
h_0 = 0.2
h_t = tanh(w h_{t-1} + x_t)
loss L = Σ_t h_t^2
`;
  it('the steps where it reads past the end are left out, as with t alone, and it fails where it reads', () => {
    const r = analyze(`${NET}check ∂h_t/∂h_k = ∏_{j=k}^{t+1} (1 - h_j^2) w\ncheck ∂h_t/∂h_k = ∏_{j=k+1}^{t} (1 - h_j^2) w\n`);
    expect(r.checks.map((c) => c.status)).toEqual(['fails', 'holds']);
    expect(r.checks[0]!.message).toMatch(/^fails at t = 1/);
    expect(r.checks[0]!.message).not.toMatch(/cannot evaluate/);
  });
});
