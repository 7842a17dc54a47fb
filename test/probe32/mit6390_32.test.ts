// Probe 32 (session 47): MIT 6.390's RNN notes, the state machine s_t = f_1(W^{ss} s_{t−1} + W^{sx} x_t + W^{ss}_0),
// p_t = f_2(W^{o} s_t + W^{o}_0), and BPTT in their layout with the error δ^{s_t} = ∂L/∂s_t written over δ. δ^{s_t}
// was "unknown name δ: define the error it stands for on a line of its own", on the very line that defined it, and 15
// of 24 equations went unchecked; it is now the name δs at step t, as \delta s_t is (language/parser.ts deltaOverName).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution';

const read = (text: string) => analyzeSolution(text, 'markdown', { sidecar: null });
const r = read(readFileSync(join(__dirname, 'fixtures', 'mit6390-rnn.md'), 'utf8'));
const v = Object.fromEntries(r.equations.map((e) => [e.tag, e]));
const msg = (tag: string) => {
  expect(v[tag]!.status, tag).toBe('fails');
  return v[tag]!.message;
};

describe('MIT 6.390: the state machine and BPTT', () => {
  it('δ^{s_t} reads as the error at s_t: every equation is checked (15 were "unknown name δ")', () => {
    expect(r.skipped).toBe(0);
    for (const tag of ['N1', 'N2', 'N3', 'N4', 'N5', 'N8', 'N10', 'N11', 'N12', 'N13', 'N14']) expect(v[tag]!.status, tag).toBe('holds');
  });
  it('the notes’ layout: ∂s_t/∂s_{t−1} as W^{ss T} diag(f_1′) is named the denominator layout, and the recursion with it the missing transpose', () => {
    expect(msg('N6')).toMatch(/the denominator layout/);
    expect(msg('N7')).toMatch(/∂s_t\/∂s_\{t-1\} should be \(∂s_t\/∂s_\{t-1\}\)ᵀ: with that transpose the check holds/);
  });
  it('δ^{s_n} with n free: holds at n = T alone, said so', () => {
    expect(msg('N9')).toMatch(/the check holds at n = T = 3 alone/);
  });
  it('the last step alone written with a free n names the Σ missing (it failed with its values only)', () => {
    expect(msg('NM6')).toMatch(/A Σ_n is missing: the right side is the term of one step n, and Σ_n of it \(n = 1\.\.3\) is the left side/);
  });
  it('the mistakes fail, naming the culprit', () => {
    expect(msg('NM1')).toMatch(/W\^\{ss\} should be W\^\{ss\}ᵀ/);
    expect(msg('NM2')).toMatch(/leaves out the path through p_\{t-1\}/);
    expect(msg('NM3')).toMatch(/needs the factor tanh'/);
    expect(msg('NM4')).toMatch(/The second s_t should be s_\{t-1\}/);
    expect(msg('NM5')).toMatch(/\(t = 2\.\.3\) leaves out its first term t = 1/);
    expect(msg('NM7')).toMatch(/needs the factor tanh'/);
    expect(msg('NM8')).toMatch(/opposite sign/);
    expect(msg('NM9')).toMatch(/Every step of the right side should be one later/);
    expect(msg('NM10')).toMatch(/\(u = t\+1\.\.3\) leaves out its first term u = t/);
  });
  it('a display defining δ^{s_t} defines δs for the displays after it; δ^{(t)} keeps its reading', () => {
    const net = '```rnn\nT = 2\nparam w = 0.5\ninput x = [1, 2]\ns_0 = 0\ns_t = tanh(w s_{t-1} + x_t)\nloss L = Σ_t s_t^2\n```\n\n';
    const a = read(
      `${net}$$\\delta^{s_t} = \\frac{\\partial L}{\\partial s_t} \\tag{a}$$\n\n$$\\delta^{s_{t}} = 2 s_{t} + w (1 - s_{t+1}^2) \\delta^{s_{t+1}} \\tag{b}$$\n\n$$\\delta^{s_{t}} = 2 s_{t} + w \\delta^{s_{t+1}} \\tag{c}$$\n\n$$\\delta^{(t)} = 1 \\tag{d}$$\n`,
    );
    expect(a.equations.map((e) => e.status)).toEqual(['skipped', 'holds', 'fails', 'skipped']);
    expect(a.equations[0]!.message).toMatch(/it defines δs by a derivative/);
    expect(a.equations[3]!.message).toMatch(/unknown name δ/);
  });
});
