// A term too many in a sum is named at it (check/factorEdit.ts termDrops): session 16 left
// `∂L/∂h_3 = 2(h_3 − y_3) + 0.5 y_3` with no hint, and an extra 2(h_1 − y_1) in ∂L/∂h_2 was named as a
// coincidence ("h_1 should be y_1", which makes the term 0) instead of the term itself.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = `T = 3\nparam w = 0.5\ninput x = [1, 2, 3]\ntarget y = [1, 0, 1]\nh_0 = 0\nh_t = tanh(w h_{t-1} + x_t)\nloss L = Σ_t (h_t - y_t)^2\n`;
const check = (line: string) => analyze(`${NET}check ${line}\n`);

describe('a term that should not be there is named', () => {
  it('2(h_3 − y_3) + 0.5 y_3, in either order, names 0.5 y_3 and puts the error at it', () => {
    for (const rhs of ['2(h_3 - y_3) + 0.5 y_3', '0.5 y_3 + 2(h_3 - y_3)']) {
      const r = check(`∂L/∂h_3 = ${rhs}`);
      const c = r.checks[0]!;
      expect(c.status).toBe('fails');
      expect(c.message).toMatch(/The term 0\.5 y_3 should not be there: with that the check holds/);
      // the culprit (where the editor and a solution put the error) is the term itself
      const col = `check ∂L/∂h_3 = ${rhs}`.indexOf('0.5') + 1;
      expect([c.culprit?.line, c.culprit?.column, c.culprit?.endColumn]).toEqual([8, col, col + '0.5 y_3'.length]);
    }
  });
  it('a subtracted term: 2(h_3 − y_3) − h_3', () => {
    expect(check('∂L/∂h_3 = 2(h_3 - y_3) - h_3').checks[0]!.message).toMatch(/The term h_3 should not be there/);
  });
  it('∂L/∂h_2 with L_1’s term added: the term, not "h_1 should be y_1"', () => {
    const c = check('∂L/∂h_2 = 2(h_2 - y_2) + 2(h_3 - y_3)(1 - h_3^2) w + 2(h_1 - y_1)').checks[0]!;
    expect(c.message).toMatch(/The term 2\(h_1 − y_1\) should not be there/);
    expect(c.message).not.toMatch(/should be y_1/);
  });
  it('a right formula still holds, and a term that is wrong (not extra) is not called extra', () => {
    expect(check('∂L/∂h_3 = 2(h_3 - y_3)').checks[0]!.status).toBe('holds');
    const c = check('∂L/∂h_2 = 2(h_2 - y_2) + 3(h_3 - y_3)(1 - h_3^2) w').checks[0]!;
    expect(c.status).toBe('fails');
    expect(c.message).not.toMatch(/should not be there: with that/);
  });
});
