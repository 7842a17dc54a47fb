// Probe 27 (session 43): Werbos (1990), "Backpropagation through time: what it does and how to do it", pasted as a
// student writes it. Werbos's ∂⁺E/∂x ("ordered derivative", his F_x) counts every path and his plain ∂E/∂x is the
// direct one — the other way round from LANGUAGE.md §5. Read as this language's ∂⁺, his ∂⁺E/∂net_{t+1} was 0: the
// correct chain rule W1 failed, W3 failed, and the mistakes W6 (w left out) and W7 (x_t for x_{t-1}) held as 0 = 0.
// A check whose left side is a ∂⁺ of the objective and which writes ∂⁺ of it by a name its equation does not read is
// now read in Werbos's convention (resolve/ordered.ts), said by an information note; so is one that writes ∂⁺E/∂x at
// another step than its left side's (W8, W9). W5, written in this language's convention, is read as before.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSolution, type EquationResult } from '../../src/solution';
import { expectVerdicts } from '../textbook/verdicts';

const text = readFileSync(join(__dirname, 'fixtures', 'werbos1990.md'), 'utf8');
const report = analyzeSolution(text, 'markdown', { sidecar: null });
const eq = (tag: string): EquationResult => report.equations.find((e) => e.tag === tag)!;

describe("Werbos's ordered derivatives", () => {
  it('his chain rule, F_net and the weight gradient hold', () => {
    for (const tag of ['W1', 'W2', 'W3', 'W4', 'W8']) expect(eq(tag).status, tag).toBe('holds');
  });

  it('the same recursion in this language’s convention holds as written', () => {
    expect(eq('W5').status).toBe('holds');
  });

  it('the mistakes fail, naming the culprit', () => {
    expect(eq('W6').status).toBe('fails');
    expect(eq('W6').checks[0]!.message).toMatch(/leaves out the factor w/);
    expect(eq('W7').status).toBe('fails');
    expect(eq('W7').checks[0]!.message).toMatch(/x_t should be x_\{t-1\}/);
    expect(eq('W9').status).toBe('fails');
    expect(eq('W9').checks[0]!.message).toMatch(/leaves out the factor tanh′\(net_\{t\+1\}\)/);
  });

  it('the reading is said, once per equation read so', () => {
    const notes = report.diagnostics.filter((d) => d.message.startsWith("read with Werbos's ordered derivatives"));
    const lines = text.split('\n');
    const werbos = lines.flatMap((l, i) => (/^\$\$\\frac\{\\partial\^\+ E\}/.test(l) ? [i + 1] : []));
    expect(notes.map((d) => d.line).sort((a, b) => a - b)).toEqual(werbos);
    expect(notes[0]!.message).toMatch(/∂⁺E\/∂net is the derivative along every path and ∂ the direct one/);
  });
});

describe('this language’s ∂⁺ where Werbos’s reading does not apply', () => {
  const NET =
    'T = 4\ninput u = [0.5, -1.0, 0.8, 0.3]\ntarget d = [0.2, -0.4, 0.5, 0.1]\nparam w = 0.6\nparam v = 0.9\nx_0 = 0\nnet_t = w x_{t-1} + v u_t\nx_t = tanh(net_t)\nloss E = Σ_t 0.5 (x_t - d_t)^2\n';
  it('∂⁺E/∂w = 0 alone (no ∂⁺ of E on its right side) is the direct partial, and holds', () => {
    expectVerdicts(NET, [
      { check: '∂⁺E/∂w = 0', status: 'holds' },
      { check: '∂E/∂x_t = ∂⁺E/∂x_t + w (1 - x_{t+1}^2) ∂E/∂x_{t+1} for t = 1..3', status: 'holds' },
    ]);
  });
});
