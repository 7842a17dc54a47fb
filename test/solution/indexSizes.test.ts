// A free index that picks entries of two sizes in a solution's equation (session 43): `∂L/∂W_{jk} = Σ_t (ŷ_{t,j} −
// y_{t,j}) x_{t,j}` (x_{t,k} meant; W 3×2, x of 2) was "– not checked: the free index j picks entries of different
// sizes (3 and 2)", counted among the skipped, so `unroll check` passed the solution. The equation reads and is wrong:
// it fails where it is written, and the message says which entries are of which size.
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution/index';

const NET = [
  '```rnn',
  'T = 2',
  'input x : 2 = [[0.5, -1.0], [2.0, 0.1]]',
  'target y : 3 = [[0, 1, 0], [1, 0, 0]]',
  'param W : 3x2 = [[0.3, -0.2], [0.1, 0.4], [0.5, 0.2]]',
  'o_t = W x_t',
  '\\hat{y}_t = softmax(o_t)',
  'loss L = -\\sum_t \\sum_i y_{t,i} \\log \\hat{y}_{t,i}',
  '```',
  '',
].join('\n');

describe('a free index over entries of two sizes in a solution', () => {
  it('fails where it is written, naming the entries of each size; the right index holds', () => {
    const s = analyzeSolution(
      `${NET}$$ \\frac{\\partial L}{\\partial W_{jk}} = \\sum_t (\\hat{y}_{t,j} - y_{t,j}) x_{t,k} $$\n\n$$ \\frac{\\partial L}{\\partial W_{jk}} = \\sum_t (\\hat{y}_{t,j} - y_{t,j}) x_{t,j} $$\n`,
      'markdown',
    );
    expect(s.equations.map((e) => e.status)).toEqual(['holds', 'fails']);
    expect(s.equations[1]!.message.normalize('NFC')).toBe(
      'fails: the free index j picks entries of different sizes (3 and 2): 3 in (∂L/∂W)[j, k], ŷ_t[j], y_t[j]; 2 in x_t[j]'.normalize(
        'NFC',
      ),
    );
    expect([s.checked, s.skipped]).toEqual([2, 0]);
    const d = s.diagnostics.find((x) => x.code === 'index-sizes')!;
    expect([d.severity, d.line]).toEqual(['error', 12]);
  });
});
