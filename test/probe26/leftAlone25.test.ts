// Three readings session 25 noticed and left alone, each now read or refused by name.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const RNN =
  'T = 3\ninput x = [0.5, -1.0, 2.0]\nparam w = 0.7\nparam u = 0.4\nh_0 = 0.2\nh_t = tanh(w h_{t-1} + u x_t)\nloss L = \\sum_t h_t^2\n';

describe('left alone in session 25', () => {
  it('a listed shape past the size limit names the limit, as m x n does', () => {
    const r = analyze('T = 2\nparam W : [5000, 2]\nparam V : (2, 5000)\nparam U : 5000x2\n');
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.line, d.message, d.code])).toEqual([
      [2, 'a dimension above 4096 (limit)', 'limit'],
      [3, 'a dimension above 4096 (limit)', 'limit'],
      [4, 'a dimension above 4096 (limit)', 'limit'],
    ]);
  });

  it('a listed shape of something else than whole numbers is still the shape message', () => {
    const r = analyze('T = 2\nparam W : [2.5, 2]\n');
    expect(r.diagnostics.find((d) => d.severity === 'error')?.message).toContain("a shape is 'n' or 'm x n'");
  });

  it('an evaluation bar at a value of a subscripted name is refused by that name', () => {
    const r = analyze(
      `${RNN}param W_{hh} = 0.3\ncheck \\frac{\\partial L}{\\partial w} \\Big|_{W_{hh}=0.8} = 1\ncheck \\frac{\\partial L}{\\partial w} = 1\n`,
    );
    const e = r.diagnostics.find((d) => d.severity === 'error' && d.line === 9);
    expect(e?.message).toBe(
      'an evaluation bar |_{W_{hh}=0.8} at a value of W_{hh} is not read: a bar binds a step only; give W_{hh} that value where it is declared (param W_{hh} = 0.8) and write the check without the bar',
    );
    // the line after is judged
    expect(r.checks.map((c) => c.line)).toEqual([10]);
  });

  it("SLP3's δ_{out,t}: a word before the step in the subscript is part of the name", () => {
    const r = analyze(
      `${RNN}δ_{out,t} = \\frac{\\partial L}{\\partial h_t}\ncheck δ_{out,t} = 2 h_t + δ_{out,t+1} (1 - h_{t+1}^2) w for t = 1..2\ncheck δ_{out,t} = 2 h_t + δ_{out,t+1} w for t = 1..2\n`,
    );
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'fails']);
  });
});
