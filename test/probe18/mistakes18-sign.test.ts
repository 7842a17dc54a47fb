// A scalar name leading a negated product (−x_1 2(h_3 − y_3)): factorEdit dropped a leading name only when it
// stood bare (−2 x_1 (…) was named), so this one — with x_1 = 1, the sides opposite — had no hint at all once
// "a sign is wrong" needed a draw to agree (session 17). Now the name is dropped with its sign kept, as −2 x_1 reads.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = `T = 3\nparam w = 0.5\ninput x = [1, 2, 3]\ntarget y = [1, 0, 1]\nh_0 = 0\nh_t = tanh(w h_{t-1} + x_t)\nloss L = Σ_t (h_t - y_t)^2\n`;
// another network: sample values, T = 4, a weight on the output
const NET2 = `T = 4\nparam w\nparam v\ninput x\ntarget y\nh_0 = 0\nh_t = tanh(w h_{t-1} + x_t)\no_t = v h_t\nloss L = Σ_t (o_t - y_t)^2\n`;
const check = (net: string, line: string) => analyze(`${net}check ${line}\n`).checks[0]!;
const BOTH = (name: string) =>
  new RegExp(
    `The factor ${name} should not be there; with that the right side is the other side with the opposite sign: a sign is wrong too`,
  );

describe('a negated leading factor is named, with the sign', () => {
  it('−x_1 2(h_3 − y_3) reads as −2 x_1 (h_3 − y_3) does', () => {
    for (const line of ['∂L/∂h_3 = -x_1 2(h_3 - y_3)', '∂L/∂h_3 = -2 x_1 (h_3 - y_3)']) {
      const c = check(NET, line);
      expect(c.status).toBe('fails');
      expect(c.message).toMatch(BOTH('x_1'));
    }
  });
  it('−w 2(h_3 − y_3), and under another network −x_1 2(o_4 − y_4) v', () => {
    expect(check(NET, '∂L/∂h_3 = -w 2(h_3 - y_3)').message).toMatch(BOTH('w'));
    expect(check(NET2, '∂L/∂h_4 = -x_1 2(o_4 - y_4) v').message).toMatch(BOTH('x_1'));
  });
  it('the right one holds, and a plain sign is still a sign', () => {
    expect(check(NET, '∂L/∂h_3 = 2(h_3 - y_3)').status).toBe('holds');
    expect(check(NET, '∂L/∂h_3 = -2(h_3 - y_3)').message).toMatch(/with the opposite sign: a sign is wrong/);
  });
});
