// A loss written out step by step that leaves out steps is named (check/writtenSum.ts): seed 001's (5) and (6),
// written for its T = 3, under a network of four steps failed with the values alone.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = (T: number) =>
  `T = ${T}\ninput x\ntarget y\nparam w = 0.5\nh_0 = 0\nh_t = tanh(w h_{t-1} + x_t)\nL_t = (y_t - h_t)^2\nloss L = Σ_{t=1}^{T} L_t\n`;
const check = (T: number, line: string) => analyze(`${NET(T)}check ${line}\n`).checks[0]!;

describe('a written-out loss that leaves out steps names them', () => {
  it('L = L_1 + L_2 + L_3 with T = 4 leaves out L_4; with T = 6, L_4 + L_5 + L_6', () => {
    expect(check(4, 'L = L_1 + L_2 + L_3').message).toMatch(/The right side leaves out L_4: L sums L_t over t = 1\.\.4$/);
    expect(check(6, 'L = L_1 + L_2 + L_3').message).toMatch(/leaves out L_4 \+ L_5 \+ L_6: L sums L_t over t = 1\.\.6$/);
  });
  it('a step left out in the middle, on the left side', () => {
    expect(check(5, 'L_1 + L_2 + L_4 + L_5 = L').message).toMatch(/The left side leaves out L_3: /);
  });
  it('the terms written out (seed 001 (6)): the last step, confirmed at a draw', () => {
    const c = check(4, 'L = (y_1 - h_1)^2 + (y_2 - h_2)^2 + (y_3 - h_3)^2');
    expect(c.status).toBe('fails');
    expect(c.message).toMatch(/The right side leaves out L_4: L sums L_t over t = 1\.\.4$/);
  });
  it('every step written holds; a step written twice or past the end is not called left out', () => {
    expect(check(3, 'L = L_1 + L_2 + L_3').status).toBe('holds');
    expect(check(3, 'L = (y_1 - h_1)^2 + (y_2 - h_2)^2 + (y_3 - h_3)^2').status).toBe('holds');
    expect(check(4, 'L = L_1 + L_2 + L_2 + L_4').message).not.toMatch(/leaves out/);
    // a wrong term (not a missing one) is not explained by the last steps
    expect(check(4, 'L = (y_1 - h_1)^2 + (y_2 - h_2)^2 + 2(y_3 - h_3)^2').message).not.toMatch(/leaves out L_4/);
  });
});
