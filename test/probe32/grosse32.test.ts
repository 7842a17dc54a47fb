// Probe 32 (session 47): Roger Grosse's CSC321/CSC413 (Toronto) lectures on RNNs and on exploding and vanishing
// gradients, with the bar notation of his backprop (\overline{h^{(t)}} = \overline{r^{(t)}} v + \overline{z^{(t+1)}} w,
// \bar{h}^{(t)}, \overline{w} = Σ_t \overline{z^{(t+1)}} h^{(t)}), the univariate encoder's ∂h^{(T)}/∂h^{(1)} = w^{T−1}
// φ'(z^{(2)}) ⋯ φ'(z^{(T)}) and the linear RNN's W^{T−1}. Three mistakes failed with their values only: v and w
// exchanged (check/weightSwap.ts), w^T for w^{T−1} with w a scalar, and W^T for W^{T−1} (check/scalarTranspose.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution';

const r = analyzeSolution(readFileSync(join(__dirname, 'fixtures', 'grosse-bptt.md'), 'utf8'), 'markdown', { sidecar: null });
const v = Object.fromEntries(r.equations.map((e) => [e.tag, e]));
const msg = (tag: string) => {
  expect(v[tag]!.status, tag).toBe('fails');
  return v[tag]!.message;
};

describe('Grosse: backprop through time in bar notation', () => {
  it('the forward pass, the bars, the parameters’ gradients and the Jacobian products hold', () => {
    for (const tag of ['G1', 'G2', 'G3', 'G4', 'G5', 'G6', 'G7', 'G8', 'G9', 'G10', 'G11', 'G13', 'G14', 'G15', 'G17'])
      expect(v[tag]!.status, tag).toBe('holds');
    for (const tag of ['E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7', 'M1', 'M2', 'M3', 'M4', 'M5', 'M6'])
      expect(v[tag]!.status, tag).toBe('holds');
    expect(r.skipped).toBe(0);
  });
  it('\\overline{w} summed to T − 1 leans on h^{(0)} = 0, and says the term t = 0 it leaves out', () => {
    expect(v.G12!.status).toBe('holds-at-given-values');
    expect(v.G12!.message).toMatch(/leaves out its first term t = 0/);
  });
  it('left alone: the printed Σ_t over z̄^{(t+1)} h^{(t)} runs t = 1..T and names the range that holds', () => {
    expect(msg('G16')).toMatch(
      /z_\{t\+1\} reads z_4, outside the steps z has \(1\.\.3\)\. Over t = 0\.\.2, both bounds one step earlier, the check holds/,
    );
  });
  it('the mistakes fail, naming the culprit', () => {
    expect(msg('GM1')).toMatch(/leaves out the path through z_\{t\+1\}/);
    expect(msg('GM2')).toMatch(/∂L\/∂z_t should be ∂L\/∂z_\{t\+1\}/);
    expect(msg('GM3')).toMatch(/leaves out the factor tanh'/);
    expect(msg('GM4')).toMatch(/z_\{t-1\} should be z_t/);
    expect(msg('GM5')).toMatch(/h_t should be h_\{t-1\}/);
    expect(msg('GM6')).toMatch(/\(t = 2\.\.3\) leaves out its first term t = 1/);
    expect(msg('GM7')).toMatch(/leaves out the paths through r_1 and r_2/);
    expect(msg('GM8')).toMatch(/it has the wrong sign/);
    expect(msg('GM9')).toMatch(/opposite sign/);
    expect(msg('GM11')).toMatch(/The term ∂L\/∂h_\{t\+1\} w leaves out the factor tanh′\(z_\{t\+1\}\)/);
    expect(msg('GM12')).toMatch(/The term ∂L\/∂h_t x_t leaves out the factor tanh′\(z_t\)/);
    expect(msg('GM13')).toMatch(/The term ∂L\/∂y_t h_t leaves out the factor tanh′\(r_t\)/);
    expect(msg('EM1')).toMatch(/\(t = 1\.\.4\) has one term too many, t = 1/);
    expect(msg('EM3')).toMatch(/z_\{t-1\} should be z_t/);
    expect(msg('EM4')).toMatch(/\(t = 3\.\.4\) leaves out its first term t = 2/);
    expect(msg('MM2')).toMatch(/W should be Wᵀ/);
    expect(msg('MM3')).toMatch(/h_t should be h_\{t-1\}/);
  });
  it('v and w exchanged is named (it failed with its values only)', () => {
    expect(msg('GM10')).toMatch(/v and w are exchanged: with each in the other's place the check holds/);
  });
  it('w^T and W^T for the power T − 1 are named (they failed with their values only)', () => {
    expect(msg('EM2')).toMatch(
      /w\^T is read as a transpose, which leaves a scalar as it is; read as the power w\^4 \(T = 4\) it has one factor w too many: with w\^\{T-1\} = w\^3 the check holds/,
    );
    expect(msg('MM1')).toMatch(/W\^T is read as the transpose of W; read as the power W\^\{T-1\} = W\^2 \(T = 3\), the check holds/);
  });
});
