// A factor written over more terms than it multiplies (seed 002's LSTM count: the 4 of the gates also
// multiplies the output layer): the failing check names the terms that lie outside the factor, and the
// split it names is verified — the check written that way holds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const net = (k: number, a: number, b: number, c: number) => `a = ${a}\nb = ${b}\nc = ${c}\nn = ${k}(a + b) + c\n`;

describe('a factor over too many terms', () => {
  it('names the term outside the factor and the terms inside it', () => {
    const r = analyze(`${net(4, 6, 9, 3)}check n = 4(a + b + c)\n`);
    expect(r.checks[0]!.status).toBe('fails');
    expect(r.checks[0]!.message).toMatch(/The factor 4 multiplies c too: applied to a \+ b only, the check holds/);
  });

  it('the fewest terms outside first; a factor written on the right is found too', () => {
    const r = analyze(`a = 2\nb = 5\nc = 7\nd = 11\nn = (a + b)·3 + c - d\ncheck n = (a + b + c - d)·3\n`);
    expect(r.checks[0]!.message).toMatch(/The factor 3 multiplies c − d too: applied to a \+ b only/);
  });

  it('says nothing when no split holds (a wrong factor is another mistake)', () => {
    const r = analyze(`${net(4, 6, 9, 3)}check n = 5(a + b + c)\n`);
    expect(r.checks[0]!.status).toBe('fails');
    expect(r.checks[0]!.message).not.toMatch(/The factor/);
  });

  it('property: whenever it names a split, the check written with that split holds', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 9 }),
        fc.integer({ min: -20, max: 20 }),
        fc.integer({ min: -20, max: 20 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 0, max: 2 }),
        (k, a, b, c, wrong) => {
          // wrong = 0: the factor over c too (named); 1: an extra constant (no split holds); 2: the right split (holds)
          const rhs = [`${k}(a + b + c)`, `${k}(a + b + c) + 1`, `${k}(a + b) + c`][wrong]!;
          const r = analyze(`${net(k, a, b, c)}check n = ${rhs}\n`);
          const check = r.checks[0]!;
          if (wrong === 2) return check.status === 'holds';
          expect(check.status).toBe('fails');
          const m = /The factor (\S+) multiplies (.+) too: applied to (.+) only, the check holds/.exec(check.message);
          // the check always says why; an earlier hint may speak first when the numbers allow another reading
          // (a + b = 0: the sides differ by the factor alone; a ratio of exactly T reads as a missing 1/T)
          if (wrong === 0) expect(check.message, check.message).toMatch(/\(difference [^)]*\)\. \S/);
          if (!m) return true;
          const split = rhs.replace(`${k}(a + b + c)`, `${m[1]}(${m[3]}) + ${m[2]!.replace(/−/g, '-')}`);
          const again = analyze(`${net(k, a, b, c)}check n = ${split}\n`);
          expect(again.checks[0]!.status, again.checks[0]!.message).toBe('holds');
          return true;
        },
      ),
      { numRuns: 60 },
    );
  });
});
