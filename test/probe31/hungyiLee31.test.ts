// Probe 31 (session 46): Hung-yi Lee's (NTU) Machine Learning lecture on RNNs, steps as superscripts — a^t = σ(W^h
// a^{t−1} + W^i x^t), y^t = softmax(W^o a^t), ŷ^t the target (the lecture's reference vector), L = Σ_t C^t — with a
// student's BPTT in those letters; and the LSTM lecture (z, z^i, z^f, z^o, c^t, h^t), whose gates the slides print with
// their step implicit. Everything reads or says what to write; nothing to fix.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution';

const r = analyzeSolution(readFileSync(join(__dirname, 'fixtures', 'hungyi-lee-rnn.md'), 'utf8'), 'markdown', { sidecar: null });
const v = Object.fromEntries(r.equations.map((e) => [e.tag, e]));

describe('Hung-yi Lee, the RNN lecture', () => {
  it('the correct formulas hold', () => {
    for (const tag of ['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'H7', 'H8']) expect(v[tag]!.status, tag).toBe('holds');
  });
  it('the mistakes fail, naming the culprit', () => {
    const msg = (tag: string) => {
      expect(v[tag]!.status, tag).toBe('fails');
      return v[tag]!.message;
    };
    expect(msg('HM1')).toMatch(/the opposite sign: a sign is wrong/);
    expect(msg('HM2')).toMatch(/a_t should be a_\{t-1\}: with that step the check holds/);
    expect(msg('HM3')).toMatch(/a_t should be a_\{t\+1\}, both times it is written/);
    expect(msg('HM4')).toMatch(/W\^\{h\} should be W\^\{h\}ᵀ: with that transpose the check holds/);
    expect(msg('HM5')).toMatch(/leaves out the path through z_\{t\+1\}/);
    expect(msg('HM6')).toMatch(/\(t = 2\.\.3\) leaves out its first term t = 1/);
    expect(msg('HM7')).toMatch(/it leaves out the factor σ'\(…\) = a_t ⊙ \(1 − a_t\)/);
    expect(msg('HM8')).toMatch(/their outer product is written with the right one transposed/);
  });
});

const l = analyzeSolution(readFileSync(join(__dirname, 'fixtures', 'hungyi-lee-lstm.md'), 'utf8'), 'markdown', { sidecar: null });
const w = Object.fromEntries(l.equations.map((e) => [e.tag, e]));

describe('Hung-yi Lee, the LSTM lecture', () => {
  it('the gates with their step left implicit (z^f, as the slides print them) are not checked, saying to write the step', () => {
    for (const tag of ['HL1', 'HL2', 'HL3', 'HL4']) {
      expect(w[tag]!.status, tag).toBe('skipped');
      expect(w[tag]!.message, tag).toMatch(
        /z\^\{[fo]\} is a sequence: write z\^\{[fo]\}_t, z\^\{[fo]\}_\{t-1\} or a step such as z\^\{[fo]\}_1/,
      );
    }
  });
  it('with the steps written, the formulas hold and the mistakes name the step', () => {
    for (const tag of ['HL5', 'HL6', 'HL7']) expect(w[tag]!.status, tag).toBe('holds');
    expect(w.HLM1!.status).toBe('fails');
    expect(w.HLM1!.message).toMatch(/z\^\{f\}_t should be z\^\{f\}_\{t\+1\}: with that step the check holds/);
    expect(w.HLM2!.status).toBe('fails');
    expect(w.HLM2!.message).toMatch(/z_\{t-1\} should be z_t: with that step the check holds/);
  });
});
