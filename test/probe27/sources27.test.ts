// Probe 27 (session 43): GRU backward passes in both conventions (h_t = (1 − z_t) ⊙ h_{t−1} + z_t ⊙ h̃_t as in Chung
// et al. and most blogs; h_t = z_t ⊙ h_{t−1} + (1 − z_t) ⊙ h̃_t as in d2l.ai), and Mikolov's RNNLM with a softmax
// output (e_o(t) = d(t) − y(t), e_h(t) = d_h(e_o(t)ᵀ V, t)) and Sutskever's thesis (Alg. 1, dX gradients), pasted as
// students write them. Each correct formula holds
// and each typical mistake fails naming its culprit. One refusal fixed: Mikolov's e_o(t)ᵀ V ⊙ s(t) ⊙ (1 − s(t)), a
// row a product makes ⊙ a vector, was "⊙ needs equal shapes"; the vector is now read as a row beside it
// (resolve/expressions.ts rowBesideVector), and the row side is compared with the vector entry by entry.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSolution, type SolutionReport } from '../../src/solution';

const read = (name: string): SolutionReport =>
  analyzeSolution(readFileSync(join(__dirname, 'fixtures', `${name}.md`), 'utf8'), 'markdown', { sidecar: null });

const verdicts = (r: SolutionReport) => Object.fromEntries(r.equations.map((e) => [e.tag, e]));

describe('GRU, convention h_t = (1 − z_t) ⊙ h_{t−1} + z_t ⊙ h̃_t', () => {
  const v = verdicts(read('gru-convention-a'));
  it('the gates’, the candidate’s and the state’s gradients hold', () => {
    for (const tag of ['A1', 'A2', 'A3', 'A4', 'A6', 'A7', 'A8']) expect(v[tag]!.status, tag).toBe('holds');
  });
  it('∂L/∂h_{t−1} from the four paths alone leaves out o_{t−1}’s loss: named', () => {
    expect(v.A5!.status).toBe('fails');
    expect(v.A5!.checks[0]!.message).toMatch(/leaves out the path through o_\{t-1\}/);
  });
  it('the mistakes are named', () => {
    expect(v.A9!.checks[0]!.message).toMatch(/it has the wrong sign/);
    expect(v.A10!.checks[0]!.message).toMatch(/leaves out the factor r_t/);
    expect(v.A11!.checks[0]!.message).toMatch(/z_t should be 1 − z_t/);
    expect(v.A12!.checks[0]!.message).toMatch(/leaves out the factor h_\{t-1\}/);
  });
});

describe('GRU, d2l’s convention h_t = z_t ⊙ h_{t−1} + (1 − z_t) ⊙ h̃_t, with δ names', () => {
  const v = verdicts(read('gru-d2l-convention'));
  it('holds where right', () => {
    for (const tag of ['B1', 'B2', 'B3', 'B4', 'B6', 'B7', 'B8']) expect(v[tag]!.status, tag).toBe('holds');
  });
  it('a derivative by an expression is refused with its reason', () => {
    expect(v.B5!.status).toBe('skipped');
    expect(v.B5!.message).toMatch(/differentiate with respect to a name/);
  });
  it('the mistakes are named', () => {
    expect(v.B9!.checks[0]!.message).toMatch(/z_t should be 1 − z_t/);
    expect(v.B10!.checks[0]!.message).toMatch(/h_\{t-1\} needs the factor r_t/);
    expect(v.B11!.checks[0]!.message).toMatch(/it has the wrong sign/);
    expect(v.B12!.checks[0]!.message).toMatch(/leaves out the factor z_t/);
  });
});

describe('Mikolov’s RNNLM', () => {
  const v = verdicts(read('rnnlm-mikolov'));
  it('holds where right; e_o(t) defined in prose is said not to be a name of the network', () => {
    for (const tag of ['M4', 'M5', 'M6', 'M7']) expect(v[tag]!.status, tag).toBe('holds');
    expect(v.M1!.message).toMatch(/e_o\(t\) is not a name of the network/);
  });
  it('the mistakes are named', () => {
    expect(v.M8!.checks[0]!.message).toMatch(/opposite sign/);
    expect(v.M9!.checks[0]!.message).toMatch(/W should be Wᵀ/);
    expect(v.M10!.checks[0]!.message).toMatch(/s_t should be s_\{t-1\}/);
  });

  const r = verdicts(read('rnnlm-mikolov-rows'));
  it('e_o(t)ᵀ V ⊙ s(t) ⊙ (1 − s(t)), a row, reads and holds', () => {
    for (const tag of ['R1', 'R2', 'R3', 'R4', 'R6']) expect(r[tag]!.status, tag).toBe('holds');
  });
  it('its mistakes are named', () => {
    expect(r.R5!.checks[0]!.message).toMatch(/leaves out the factor \(1 − s_t\)/);
    expect(r.R7!.checks[0]!.message).toMatch(/opposite sign/);
  });
});

describe('Sutskever’s thesis, Alg. 1 (code-style dX gradients, e the activation named in the network)', () => {
  const v = verdicts(read('sutskever-thesis'));
  it('holds where right', () => {
    for (const tag of ['S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7']) expect(v[tag]!.status, tag).toBe('holds');
  });
  it('the mistakes are named', () => {
    expect(v.S8!.checks[0]!.message).toMatch(/∂L\/∂z_t should be ∂L\/∂z_\{t\+1\}/);
    expect(v.S9!.checks[0]!.message).toMatch(/h_t should be h_\{t-1\}/);
    expect(v.S10!.checks[0]!.message).toMatch(/opposite sign/);
  });
});
