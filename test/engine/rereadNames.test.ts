// The one-step verdict names the derivatives whose reading matters: those whose one-step and total values
// differ at the file's values or at a random draw. ∂h_j/∂h_{j-1} from one step to the next is the same read
// either way and is not named (seed 002 (b) as printed named it beside ∂h_i/∂W_hh).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const example = (name: string) => readFileSync(join(__dirname, '..', '..', 'examples', name), 'utf8');
const checkOn = (text: string, start: string) => {
  const c = analyze(text).checks.find((x) => x.equation.startsWith(start));
  if (!c) throw new Error(`no check ${start}`);
  return c;
};

describe('which derivatives the one-step reading names', () => {
  it('seed 002 (b) as printed: ∂h_i/∂W_hh, not the step-to-step Jacobians', () => {
    const c = checkOn(example('vector-rnn-bptt.rnn'), '∂L^{(T)}/∂W_hh = Σ_{i=0}');
    expect(c.status).toBe('holds-as-one-step');
    expect(c.message).toMatch(/^holds as a one-step derivative, with ∂h_i\/∂W_hh read as one-step derivative \(/);
  });

  it("sheet 7: ∂h_2/∂W_hh is named though h_0 = 0 hides its difference at the file's values (a draw shows it)", () => {
    const text = example('sheet7-vanilla-rnn.rnn');
    const hh = analyze(text).checks.filter((x) => x.status === 'holds-at-given-values' && x.message.includes('one-step'));
    expect(hh.length).toBeGreaterThan(0);
    for (const c of hh) {
      expect(c.message).toContain('only with ∂h_2/∂W_hh and ∂h_3/∂W_hh read as one-step derivatives');
      expect(c.message).not.toContain('∂h_3/∂h_2 read');
    }
    const xh = analyze(text).checks.find((x) => x.status === 'holds-as-one-step' && x.message.includes('∂h_3/∂W_xh'));
    // ∂h_1/∂W_xh (h_0 given) and ∂h_2/∂h_1 are the same either way: not named
    expect(xh!.message).toContain('with ∂h_2/∂W_xh and ∂h_3/∂W_xh read as one-step derivatives');
  });

  it('a re-read derivative that never differs is named when no other does (nothing is left unnamed)', () => {
    // ∂h_1/∂h_0 one step: equal either way; the check still gets its re-reading named
    const text = `T = 2
param w = 0.5
param u = 0.3
input x = [1, 2]
h_0 = 0
h_t = tanh(w h_{t-1} + u x_t)
loss L = h_T
check ∂h_2/∂u = tanh'(w h_1 + u x_2) x_2
`;
    const c = analyze(text).checks[0]!;
    expect(c.status).toBe('holds-as-one-step');
    expect(c.message).toContain('with ∂h_2/∂u read as one-step derivative');
  });
});
