// The QRNN's Z = tanh(W_z ∗ X) beside the network's z_t: a paper's capital for every step at once. It said only
// "unknown name Z — did you mean z?"; the suggestion stays, and what Z is to the paper is said. A capital with a step
// (H_t) or one naming nothing of the kind keeps the plain suggestion.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = 'T = 3\ninput x = [1, 2, 3]\nparam w = 0.5\nh_0 = 0\nz_t = tanh(w x_t)\nh_t = z_t + w h_{t-1}\nloss L = Σ_t h_t\n';
const first = (line: string) => analyze(`${NET}${line}\n`).diagnostics.find((d) => d.severity === 'error')!.message;

describe("a capital for a sequence's every step", () => {
  it('is said as the matrix of every step, with the suggestion kept', () => {
    expect(first('check Z = tanh(w X)')).toBe(
      'unknown name Z — did you mean z? (z is a sequence, one value per step; a capital Z for all its steps at once, the matrix of every z_t, is not read — write the equation of one step, with z_t)',
    );
  });
  it('with a step, or where the lower case is no sequence, is the plain suggestion', () => {
    expect(first('check H_2 = z_2 + w h_1')).toMatch(/^unknown name H(_2)? — did you mean h(_2)?\?$/);
    expect(first('check ∂L/∂W = 1')).toMatch(/^unknown name W — did you mean w\?$/);
  });
});
