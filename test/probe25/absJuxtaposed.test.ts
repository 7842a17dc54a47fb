// `2|w|`, `|w| |v|`, `3|w − v|`: a bar after an operand opens an absolute value (a product by juxtaposition, as
// `2(w)` is), unless an absolute value is open (then it closes it) or it is an evaluation bar `…|_{t=3}`. It was
// "unexpected '|' after the statement", and every use of the loss then "not available".
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = 'T = 2\nparam w = -1.5\nparam v = 0.5\n';

describe('an absolute value after an operand', () => {
  it('2|w|, |w| |v| + 3|w − v| read as products, and their checks are judged', () => {
    const r = analyze(
      `${NET}loss L = 2|w| + |w| |v| + 3|w - v|\ncheck L = 2 \\cdot 1.5 + 1.5 \\cdot 0.5 + 3 \\cdot 2\ncheck L = 2 |w| + |v||w| + 3 |v - w|\n`,
    );
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds-at-given-values', 'holds']);
  });

  it('the evaluation bar after a derivative is still one (\\right|_{t=2})', () => {
    const r = analyze(
      'T = 2\ninput x = [1, 2]\nparam w = 0.5\nh_0 = 0\nh_t = tanh(w h_{t-1} + x_t)\nloss L = \\sum_t h_t\ncheck \\left. \\frac{\\partial h_t}{\\partial x_t} \\right|_{t=2} = 1 - h_2^2\n',
    );
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds']);
  });

  it('an unclosed bar is said as such', () => {
    const r = analyze(`${NET}loss L = 2|w + v\n`);
    expect(r.diagnostics.find((d) => d.severity === 'error')?.message).toContain('to close |…|');
  });
});
