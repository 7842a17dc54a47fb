// sideShiftHint (check/groupShift.ts): every step of one side off by the same amount — the formula of the step before
// copied, ∂L_3/∂h_3 = −2(y_2 − h_2) — is named with the steps it should have. No single reference moved mends such a
// side, and before it the line got its values only.

import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { BINARY, failingMessage } from './toyNets';

const NET = `T = 3
input  x = [0.5, -1.0, 2.0]
target y = [1, 0, 1]
param  w = 0.8
param  u = 0.3
h_0 = 0
h_t = tanh(w h_{t-1} + u x_t)
L_t = (y_t - h_t)^2
loss L = Σ_t L_t
`;

describe('every step of a side moved together', () => {
  it('names the steps a copied formula should have', () => {
    expect(failingMessage(NET, '∂L_3/∂h_3 = -2(y_2 - h_2)')).toMatch(
      /Every step of the right side should be one later \(y_2 and h_2 should be y_3 and h_3\): with those steps the check holds$/,
    );
    expect(failingMessage(NET, '∂L_t/∂h_t = -2(y_{t-1} - h_{t-1})')).toMatch(
      /Every step of the right side should be one later \(y_\{t-1\} and h_\{t-1\} should be y_t and h_t\)/,
    );
    expect(failingMessage(NET, '∂L/∂h_2 = -2(y_1 - h_1) - 2(y_2 - h_2)(1 - h_2^2) w')).toMatch(
      /should be one later \(y_1, h_1, y_2 and h_2 should be y_2, h_2, y_3 and h_3\)/,
    );
    expect(failingMessage(NET, '∂L_3/∂h_3 = -2(y_1 - h_1)')).toMatch(/should be two later \(y_1 and h_1 should be y_3 and h_3\)/);
    expect(failingMessage(NET, '-2(y_3 - h_3) = ∂L_2/∂h_2')).toMatch(/Every step of the left side should be one earlier/);
  });

  it('holds with 0/1 targets, where y_2 = y_3 at some draws: the move is a fix at every value', () => {
    expect(failingMessage(BINARY, '∂L_3/∂h_3 = -2(y_2 - h_2)')).toMatch(/y_2 and h_2 should be y_3 and h_3/);
  });

  it('says nothing where one reference alone is off (shiftHint names it), or no move mends the side', () => {
    expect(failingMessage(NET, '∂L_3/∂h_3 = -2(y_3 - h_2)')).toMatch(/h_2 should be h_3: with that step the check holds$/);
    expect(failingMessage(NET, '∂L_3/∂h_3 = -3(y_2 - h_2)')).not.toMatch(/Every step/);
    const r = analyze(`${NET}check ∂L_3/∂h_3 = -2(y_3 - h_3)\n`);
    expect(r.checks[0]!.status).toBe('holds');
  });
});
