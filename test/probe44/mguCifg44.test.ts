// Probe 44 (session 56): Zhou et al.'s minimal gated unit (MGU) in its concatenation notation [h_{t−1}, x_t], and Greff
// et al.'s coupled-gate LSTM (CIFG, f^t = 1 − i^t) in that paper's notation (bars, bare superscript steps, δ for the
// gradient, its g and h named once in the rnn block). It needed: a factor left out of one part of a concatenation named
// (factorEdit.ts parts; g1 gave two values), a difference reversed inside diag(…) named (innerSign.ts; g3 was "no path
// … the last factor should be ∂h_1/∂f_1"), Greff's ⟨u, v⟩ read as his outer product where the shapes ask it
// (angleOuter.ts; it failed "the shapes differ"), and a display defining five deltas saying all five.
import { describe, expect, it } from 'vitest';
import { read44 } from './read44';

const nfd = (text: string) => new RegExp(text.normalize('NFD').replace(/[()[\]{}^+*?.|\\/]/g, '\\$&'));

describe('the MGU and the CIFG LSTM', () => {
  const { r, v, e } = read44('mgu-cifg.md');
  it('the MGU’s cell and backward pass hold as written', () => {
    for (const tag of ['1', '2', '3', '4', '5', '6', '7', '8']) expect(v[tag]!.status, tag).toBe('holds');
  });
  it('each MGU mistake is named at its own equation', () => {
    for (const tag of ['g1', 'g2', 'g3', 'g4', 'g5', 'g6']) expect(v[tag]!.status, tag).toBe('fails');
    expect(v['g1']!.message).toMatch(/h_\{t-1\} needs the factor f_t: with that the check holds/);
    expect(v['g2']!.message).toMatch(/leaves out the path through h̃_t/);
    expect(v['g3']!.message).toMatch(/\(h_\{t-1\} − h̃_t\) should be \(h̃_t − h_\{t-1\}\): with that the check holds/);
    expect(v['g4']!.message).toMatch(/1 − f_t should be f_t/);
    expect(v['g5']!.message).toMatch(/h̃_t ⊙ \(1 − h̃_t\) should be 1 − h̃_t\^2/);
    expect(v['g6']!.message).toMatch(/The first h_t should be h_\{t-1\}: with that the check holds/);
  });
  it('the CIFG’s forward pass and deltas hold in Greff’s notation', () => {
    expect(r.checked).toBe(32);
    expect(r.skipped).toBe(1);
    for (const tag of ['10', '11', '12', '13', '16', '17', '18', '19', '20', '21', '22', '23', '24'])
      expect(v[tag]!.status, tag).toBe('holds');
    // (the barred names printed with a combining bar: NFD on both sides)
    expect(e['14']!.message.normalize('NFD')).toMatch(nfd("it defines δy, δc, δz̄, δī and δō by derivatives, names of the solution's own"));
    expect(r.diagnostics.some((d) => /⟨u, v⟩ is read as the outer product u vᵀ/.test(d.message))).toBe(true);
  });
  it('each CIFG mistake is named at its own equation', () => {
    for (const tag of ['k1', 'k2', 'k3', 'k4', 'k5']) expect(v[tag]!.status, tag).toBe('fails');
    expect(v['k1']!.message).toMatch(/leaves out the paths through f_t/);
    expect(v['k2']!.message).toMatch(/f_t should be f_\{t\+1\}: with that step the check holds/);
    expect(v['k3']!.message.normalize('NFD')).toMatch(nfd('leaves out the path through ō_t'));
    expect(v['k4']!.message).toMatch(/c_t should be c_\{t-1\}: with that step the check holds/);
    expect(v['k5']!.message).toMatch(/R_i should be R_iᵀ: with that transpose the check holds/);
  });
});
