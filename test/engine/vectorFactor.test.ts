// The wrong factor of a hand-written chain rule is named for vector networks too (issue 9, LANGUAGE.md §5:
// "the last factor should be ∂h_1/∂W_xh"): the terms are written in numerator layout, as seed 002 writes
// them (a gradient left of a Jacobian acts as a row, ∂h^{(i)}/∂W_hh a 3-index tensor), and matched against
// the graph's paths as tensors. Before, the matcher took scalar networks only and such a line failed with
// its two values alone.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

// the network of examples/vector-rnn-bptt.rnn (seed 002's), without its questions, and with h_0 ≠ 0 so that
// every path from W_hh counts (with h_0 = 0 the one through h_1 is 0: no term is needed for it)
const example = readFileSync('examples/vector-rnn-bptt.rnn', 'utf8');
const NET = example.slice(0, example.indexOf('\nderive')).replace(/\nh_0 = 0\n/, '\nh_0 = [0.2, -0.1, 0.3]\n') + '\n';

const HEAD = 'check ∂L^{(T)}/∂W_hh = ∂L^{(T)}/∂p^{(T)} ∂p^{(T)}/∂h^{(T)} (∂h^{(4)}/∂W_hh + ∂h^{(4)}/∂h^{(3)} ∂h^{(3)}/∂W_hh + ';
const chain = (third: string, fourth: string) =>
  `${HEAD}∂h^{(4)}/∂h^{(3)} ∂h^{(3)}/∂h^{(2)} ${third} + ∂h^{(4)}/∂h^{(3)} ∂h^{(3)}/∂h^{(2)} ∂h^{(2)}/∂h^{(1)} ${fourth})`;

function verdict(net: string, line: string) {
  const r = analyze(`${net}${line}\n`, { draws: 2 });
  expect(r.checks.length, JSON.stringify(r.diagnostics.filter((d) => d.severity === 'error'))).toBe(1);
  return r.checks[0]!;
}

describe('the wrong factor of a vector chain rule', () => {
  it('the right sum over the paths holds as one-step derivatives (the control)', () => {
    expect(verdict(NET, chain('∂h^{(2)}/∂W_hh', '∂h^{(1)}/∂W_hh')).status).toBe('holds-as-one-step');
  });

  it('∂h^{(2)}/∂W_hh last, where the path needs ∂h^{(1)}/∂W_hh (seed 001 eq. 32, with tensors)', () => {
    const line = chain('∂h^{(2)}/∂W_hh', '∂h^{(2)}/∂W_hh');
    const c = verdict(NET, line);
    expect(c.status).toBe('fails');
    expect(c.message).toMatch(/no term covers the path W_hh → h_1 → h_2 → h_3 → h_4 → p_4 → .{1,2}_4 → L_4/u);
    expect(c.message).toMatch(/: the last factor should be ∂h_1\/∂W_hh/);
    // located on the wrong term's own factors
    expect(c.culprit).toBeDefined();
    expect(line.slice(c.culprit!.column - 1, c.culprit!.endColumn - 1)).toBe(
      '∂h^{(4)}/∂h^{(3)} ∂h^{(3)}/∂h^{(2)} ∂h^{(2)}/∂h^{(1)} ∂h^{(2)}/∂W_hh',
    );
  });

  it('a Jacobian of the wrong steps in the middle is named with its position', () => {
    const c = verdict(
      NET,
      `${HEAD}∂h^{(4)}/∂h^{(3)} ∂h^{(4)}/∂h^{(3)} ∂h^{(2)}/∂W_hh + ∂h^{(4)}/∂h^{(3)} ∂h^{(3)}/∂h^{(2)} ∂h^{(2)}/∂h^{(1)} ∂h^{(1)}/∂W_hh)`,
    );
    expect(c.message).toMatch(/factor 4 should be ∂h_3\/∂h_2/);
  });

  it('a gradient by a vector: the last Jacobian of the wrong steps', () => {
    const c = verdict(
      NET,
      'check ∂L^{(T)}/∂h^{(2)} = ∂L^{(T)}/∂p^{(T)} ∂p^{(T)}/∂h^{(T)} ∂h^{(4)}/∂h^{(3)} ∂h^{(4)}/∂h^{(3)} + 0 ∂L^{(T)}/∂h^{(3)}',
    );
    expect(c.message).toMatch(/the last factor should be ∂h_3\/∂h_2/);
  });

  it('two wrong factors are not guessed at', () => {
    const c = verdict(NET, chain('∂h^{(3)}/∂W_hh', '∂h^{(2)}/∂W_hh'));
    expect(c.status).toBe('fails');
    expect(c.message).not.toMatch(/should be/);
  });
});

describe('property: on random weights, the wrong last factor of the vector chain is the one named', () => {
  it('random W_hh and h_0 (entries in ±[0.1, 0.9]: a zero h_0 entry or row of W_hh makes a path vanish)', () => {
    const entry = fc.oneof(fc.double({ min: 0.1, max: 0.9, noNaN: true }), fc.double({ min: -0.9, max: -0.1, noNaN: true }));
    fc.assert(
      fc.property(
        fc.array(fc.array(entry, { minLength: 3, maxLength: 3 }), { minLength: 3, maxLength: 3 }),
        fc.array(entry, { minLength: 3, maxLength: 3 }),
        (W, h0) => {
          const net = NET.replace(/param {2}W_hh : 3x3 = .*\n/, `param  W_hh : 3x3 = ${JSON.stringify(W)}\n`).replace(
            /h_0 = .*\n/,
            `h_0 = ${JSON.stringify(h0)}\n`,
          );
          expect(net).toContain(JSON.stringify(W));
          expect(net).toContain(`h_0 = ${JSON.stringify(h0)}`);
          const c = verdict(net, chain('∂h^{(2)}/∂W_hh', '∂h^{(2)}/∂W_hh'));
          expect(c.status, c.message).toBe('fails');
          expect(c.message).toMatch(/the last factor should be ∂h_1\/∂W_hh/);
        },
      ),
      { numRuns: 8, seed: 2 },
    );
  });
});
