// A defined quantity written out entry by entry (seed 004's h_1^{(t)} = x_1^{(t)} + x_2^{(t)} + h_1^{(t-1)} − 0.5,
// where W h^{(t-1)} with W all ones adds h_1 + h_2 + h_3 in every row) is compared with the network's own
// definition of that entry, expanded: the message names what the row misses, adds or weighs differently,
// and the term of the definition it comes from. Before, such a row failed with only the two values.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkOne as check } from './culpritNets';

const VECTOR = `T = 3
input x : 2 = [[1, 0], [0.5, 1], [-1, 2]]
param W_xh : 2x2 = [[0.3, -0.2], [0.5, 0.1]]
param W_hh : 2x2 = [[0.4, 0.7], [-0.6, 0.2]]
param b : 2 = [0.1, -0.3]
h_0 = [0.2, -0.1]
h_t = tanh(W_xh x_t + W_hh h_{t-1} + b)
z_t = W_hh h_{t-1} + b
y_t = h_t[1] - 2 h_t[2]
`;

describe('a row of a defined quantity, written out, is compared with its definition', () => {
  it('the written-out rows that are right hold (the control)', () => {
    expect(check(VECTOR, 'z_2^{(t)} = W_hh[2,1] h_1^{(t-1)} + W_hh[2,2] h_2^{(t-1)} + b[2]').status).toBe('holds');
    expect(
      check(VECTOR, 'h_1^{(t)} = tanh(W_xh[1,1] x_1^{(t)} + W_xh[1,2] x_2^{(t)} + W_hh[1,1] h_1^{(t-1)} + W_hh[1,2] h_2^{(t-1)} + b[1])')
        .status,
    ).toBe('holds');
  });

  it('a term of W_hh h_{t-1} left out inside tanh(…) is named, with the term of the definition it comes from', () => {
    const c = check(VECTOR, 'h_1^{(t)} = tanh(W_xh[1,1] x_1^{(t)} + W_xh[1,2] x_2^{(t)} + W_hh[1,1] h_1^{(t-1)} + b[1])');
    expect(c.status).toBe('fails');
    expect(c.message).toMatch(
      /inside tanh\(…\), the right side misses W_hh\[1, 2\] h_\{t-1\}\[2\] from W_hh h_\{t-1\}; with that put right the check holds/,
    );
  });

  it('a term too many and a coefficient changed are both named', () => {
    const c = check(VECTOR, 'z_2^{(t)} = W_hh[2,1] h_1^{(t-1)} + 2 W_hh[2,2] h_2^{(t-1)} + b[2] + x_1^{(t)}');
    expect(c.status).toBe('fails');
    expect(c.message).toMatch(/z_t\[2\] = W_hh\[2, 1\] h_\{t-1\}\[1\] \+ W_hh\[2, 2\] h_\{t-1\}\[2\] \+ b\[2\]/);
    expect(c.message).toMatch(/has x_t\[1\], which the definition does not/);
    expect(c.message).toMatch(/has 2 W_hh\[2, 2\] h_\{t-1\}\[2\] where the definition has W_hh\[2, 2\] h_\{t-1\}\[2\]/);
    expect(c.message).toMatch(/with that put right the check holds/);
  });

  it('at a fixed step, the wrong entry of b', () => {
    const c = check(VECTOR, 'z_2^{(3)} = W_hh[2,1] h_1^{(2)} + W_hh[2,2] h_2^{(2)} + b[1]');
    expect(c.message).toMatch(/By z_3's definition \(z_3 = W_hh h_2 \+ b\)/);
    expect(c.message).toMatch(/misses b\[2\] from b; has b\[1\], which the definition does not/);
  });

  it('a scalar quantity written out (no entry index) is compared the same way', () => {
    const c = check(VECTOR, 'y^{(t)} = h_1^{(t)} + 2 h_2^{(t)}');
    expect(c.status).toBe('fails');
    expect(c.message).toMatch(/has 2 h_t\[2\] where the definition has −2 h_t\[2\]/);
  });

  it('a claim with derivatives is left to the other hints', () => {
    const c = check(VECTOR, 'z_1^{(t)} = ∂z_1^{(t)}/∂b');
    expect(c.message).not.toMatch(/definition/);
  });
});

// The seed's network with its hand-set weights given as parameters (examples/binary-addition-rnn.rnn): a row
// written with the numbers substituted names no entry of U, W or b_h, so those are read at their given values
// (before, the message listed every U[i, j] x_t[j] and W[i, j] h_{t-1}[j] as missed and the student's
// x_t[1] + x_t[2] as terms the definition does not have).
const GIVEN = `T = 3
input x : 2 = [[1, 0], [1, 1], [0, 1]]
param U : 3x2 = [[1, 1], [1, 1], [1, 1]]
param W : 3x3 = [[1, 1, 1], [1, 1, 1], [1, 1, 1]]
param b_h : 3 = [-0.5, -1.5, -2.5]
h_0 = 0
h^{(t)} = U x^{(t)} + W h^{(t-1)} + b_h
`;

describe('a row written with the given weights substituted', () => {
  it("names only the terms the row misses, read with the given U, W and b_h (seed 004's rows)", () => {
    const c = check(GIVEN, 'h_1^{(t)} = x_1^{(t)} + x_2^{(t)} + h_1^{(t-1)} - 0.5');
    expect(c.status).toBe('fails');
    expect(c.message).toMatch(
      /By h_t's definition \(h_t = U x_t \+ W h_\{t-1\} \+ b_h\), with the given U, W and b_h, h_t\[1\] = x_t\[1\] \+ x_t\[2\] \+ h_\{t-1\}\[1\] \+ h_\{t-1\}\[2\] \+ h_\{t-1\}\[3\] − 0\.5: the right side misses h_\{t-1\}\[2\] \+ h_\{t-1\}\[3\] from W h_\{t-1\} \(row 1 of W is all ones\); with that put right the check holds$/,
    );
  });

  it('a changed coefficient is named against the given value', () => {
    const c = check(GIVEN, 'h_2^{(t)} = x_1^{(t)} + 3 x_2^{(t)} + h_1^{(t-1)} + h_2^{(t-1)} + h_3^{(t-1)} - 1.5');
    expect(c.status).toBe('fails');
    expect(c.message).toMatch(
      /with the given U, W and b_h, .*: the right side has 3 x_t\[2\] where the definition has x_t\[2\]; with that put right the check holds$/,
    );
  });

  it('a parameter the row writes entries of stays an entry (only the others are read at their values)', () => {
    const c = check(GIVEN, 'h_1^{(t)} = U[1,1] x_1^{(t)} + h_1^{(t-1)} + h_2^{(t-1)} + h_3^{(t-1)} - 0.5');
    expect(c.status).toBe('fails');
    expect(c.message).toMatch(/with the given W and b_h, h_t\[1\] = U\[1, 1\] x_t\[1\] \+ U\[1, 2\] x_t\[2\] \+ h_\{t-1\}\[1\]/);
    expect(c.message).toMatch(/the right side misses U\[1, 2\] x_t\[2\] from U x_t; with that put right the check holds$/);
  });

  it('a row with every entry written keeps the symbolic reading', () => {
    const c = check(GIVEN, 'h_1^{(t)} = U[1,1] x_1^{(t)} + U[1,2] x_2^{(t)} + W[1,1] h_1^{(t-1)} + b_h[1]');
    expect(c.status).toBe('fails');
    expect(c.message).not.toMatch(/with the given/);
    expect(c.message).toMatch(/misses W\[1, 2\] h_\{t-1\}\[2\] \+ W\[1, 3\] h_\{t-1\}\[3\] from W h_\{t-1\}/);
  });
});

describe('property: the terms a row leaves out are exactly the ones named, and adding them makes it hold', () => {
  it.each([
    // a right row holds for a constant W; for a parameter only at its given values (the numbers are substituted)
    ['a constant', (W: number[][]) => `W = \\begin{bmatrix} ${W.map((r) => r.join(' & ')).join(' \\\\ ')} \\end{bmatrix}`, 'holds'],
    [
      'a parameter with given values',
      (W: number[][]) => `param W : 3x3 = [${W.map((r) => `[${r.join(', ')}]`).join(', ')}]`,
      'holds-at-given-values',
    ],
  ] as const)('random W (entries −2..2) given as %s, random terms dropped from a row of W h_{t-1}', (_what, declare, right) => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: -2, max: 2 }), { minLength: 3, maxLength: 3 }), { minLength: 3, maxLength: 3 }),
        fc.integer({ min: 0, max: 2 }),
        fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
        (W, row, keep) => {
          const terms = W[row]!.map((w, j) => ({ w, j })).filter(({ w }) => w !== 0);
          const kept = terms.filter(({ j }) => keep[j]);
          const dropped = terms.filter(({ j }) => !keep[j]);
          const text = (ts: typeof terms) => ts.map(({ w, j }) => ` + (${w}) h_${j + 1}^{(t-1)}`).join('');
          const net = `T = 3
input x : 3 = [[1, 0, 2], [0.5, 1, -1], [2, -1, 0]]
${declare(W)}
h_0 = [0.3, -0.2, 0.5]
h^{(t)} = Wh^{(t-1)} + x^{(t)}
`;
          const written = `h_${row + 1}^{(t)} = x_${row + 1}^{(t)}${text(kept)}`;
          const c = check(net, written);
          if (!dropped.length) {
            expect(c.status).toBe(right);
            return;
          }
          expect(c.status).toBe('fails');
          const named = /misses (.*?)(?: from |;|$)/.exec(c.message)?.[1] ?? '';
          for (const { j } of dropped) expect(named).toContain(`h_{t-1}[${j + 1}]`);
          for (const { j } of kept) expect(named).not.toContain(`h_{t-1}[${j + 1}]`);
          expect(c.message).toMatch(/with that put right the check holds/);
          // and the row with the dropped terms put back holds, judged afresh
          expect(check(net, `${written}${text(dropped)}`).status).toBe(right);
        },
      ),
      { numRuns: 25, seed: 4 },
    );
  });
});
