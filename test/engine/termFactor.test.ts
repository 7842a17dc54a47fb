// One term of a sum off by a constant factor (check/termFactor.ts): the own error of ∂L/∂h_t written (h_t − y_t)
// for 2(h_t − y_t), or 3(h_t − y_t), beside a right term for the next step. The sides are in no one ratio, so
// constantFactor.ts said nothing, and the term matcher reads the bracket's h_t and −y_t as two terms of no path:
// session 54 left Ines's h̄ line (probe 40) with its 2 dropped giving two numbers and no reason.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { analyzeSolution } from '../../src/solution';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const NET = `T = 3
input x = [0.5, -1.0, 2.0]
target y = [1, 0, 1]
param w = 0.6
param u = 0.4
h_0 = 0
h_t = tanh(w h_{t-1} + u x_t)
loss L = Σ_t (h_t - y_t)^2
`;
const last = (line: string) => {
  const r = analyze(NET + line);
  return r.checks[r.checks.length - 1]!;
};

describe('a term of a sum off by a constant factor', () => {
  it('names the bracket whose factor is missing, with the square that brings it', () => {
    const c = last('check ∂L/∂h_t = (h_t - y_t) + ∂L/∂h_{t+1} w (1 - h_{t+1}^2)');
    expect(c.status).toBe('fails');
    expect(c.message).toContain(
      'The term (h_t − y_t) should be 2(h_t − y_t) (the 2 that the square in L brings to its derivative): with that factor the check holds',
    );
    expect(c.culprit).toMatchObject({ column: 17, endColumn: 28 });
  });
  it('names the wrong number written in the term', () => {
    const c = last('check ∂L/∂h_t = 3 (h_t - y_t) + ∂L/∂h_{t+1} w (1 - h_{t+1}^2)');
    expect(c.message).toContain('In the term 3(h_t − y_t), the 3 should be 2: with it the check holds');
  });
  it('says nothing where no one term times a simple factor mends the check', () => {
    const c = last('check ∂L/∂h_t = (h_t - y_t) + 2 ∂L/∂h_{t+1} w (1 - h_{t+1}^2)');
    expect(c.status).toBe('fails');
    expect(c.message).not.toMatch(/with that factor|should be 2/);
  });
  it('says nothing of numbers the draws do not move (a parameter count: mutated 147 of reportCases)', () => {
    const c = last('check count(params) = 2 count(w) + count(u)');
    expect(c.status).toBe('fails');
    expect(c.message).not.toContain('should be');
  });
  it('the check as it should be written holds', () => {
    expect(last('check ∂L/∂h_t = 2 (h_t - y_t) + ∂L/∂h_{t+1} w (1 - h_{t+1}^2)').status).toBe('holds');
  });
  it("Ines's h̄ line (probe 40) with its 2 dropped is named", () => {
    const text = readFileSync(join(__dirname, '../probe40/fixtures/lstm-ines.md'), 'utf8').replace(
      '\\overline{h^{(t)}} = 2(h^{(t)} - y^{(t)}) + ',
      '\\overline{h^{(t)}} = (h^{(t)} - y^{(t)}) + ',
    );
    const r = analyzeSolution(text, 'markdown', { sidecar: null });
    const six = r.equations.find((q) => q.tag === '6')!;
    expect(six.checks[0]!.status).toBe('fails');
    expect(six.checks[0]!.message).toContain('The term (h_t − y_t) should be 2(h_t − y_t)');
  });
});
