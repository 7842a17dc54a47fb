// Koutník et al.'s Clockwork RNN names its hidden state y_H; a student writes one module's unit as y_{H,2}^{(3)} and a
// weight as W_{H,11}: the name's own subscript first, then the entry, in one pair of braces, the step above. Both were
// "unknown name y" / "unknown name W" (the H was taken for a free entry index, which also kept namedEntry from seeing
// it; a sequence was refused there). Now entry 2 of y_H at step 3 and entry (1, 1) of W_H, each said in an information.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = `T = 3
input x = [0.5, -1.0, 0.3]
param W_H : 2x2 = [[0.5, 0.3], [0, 0.7]]
param W_I : 2 = [0.6, -0.4]
y_H^{(0)} = [0.1, -0.2]
y_H^{(t)} = tanh(W_H y_H^{(t-1)} + W_I x^{(t)})
loss E = sum(y_H^{(T)})
`;

describe('a name’s own subscript before the entry, the step above', () => {
  it('reads as the entry of the sequence at that step', () => {
    const r = analyze(`${NET}check y_{H,2}^{(3)} = y_H^{(3)}[2]\n`);
    expect(r.checks.map((c) => c.status)).toEqual(['holds']);
    expect(r.diagnostics.map((d) => d.message)).toContain('y_{H,2} is read as entry 2 of y_H at step 3');
  });
  it('reads in a derivative too, and a matrix’s two digits are its row and column', () => {
    const r = analyze(`${NET}check ∂y_{H,1}^{(2)}/∂y_{H,2}^{(1)} = (1 - y_H^{(2)}[1]^2) W_{H,12}\n`);
    expect(r.checks.map((c) => c.status)).toEqual(['holds']);
    expect(r.diagnostics.map((d) => d.message)).toContain('W_{H,12} is read as entry (1, 2) of W_H');
  });
  it('a name that is no sequence keeps its reading with no step (θ_{o,k} of Guo’s)', () => {
    const r = analyze(`${NET}check W_{H,21} = 0\n`);
    expect(r.checks[0]!.status).toBe('holds-at-given-values');
  });
});
