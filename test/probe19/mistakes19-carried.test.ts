// A solution read as a whole (issue 9): one early equation wrong, the later ones copying its wrong form forward.
// The wrong equation is the one diagnosed (its culprit named); each later one fails too (each equation is its own
// claim, LANGUAGE.md §8), and says it carries the mistake of the earlier one — "as in (1)" — only when putting
// the earlier left side in place of the copied form makes it hold (here and at a draw). Run at the file's weights
// and at drawn ones, so no value decides.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { analyzeSolution, type SolutionReport } from '../../src/solution';
import { resetClaimCache } from '../../src/solution/claimCache';
import { GIVEN, otherWeights, scalarNetwork, type Weights } from './solutions';

const solve = (text: string): SolutionReport => analyzeSolution(text, 'markdown', { sidecar: null });
const tagged = (r: SolutionReport, tag: string) => r.equations.find((e) => e.tag === tag)!;

/** the loss's ½ dropped in (1); (2), (4), (5), (6), (7) copy 2(o − y) forward; (3), (8)–(10) are right */
const derivation = (w: Weights) => `${scalarNetwork(w)}
$$ \\frac{\\partial L}{\\partial o_t} = 2(o_t - y_t) \\tag{1} $$

$$ \\frac{\\partial L}{\\partial h_3} = \\frac{\\partial L}{\\partial o_3} W_{hy} = 2(o_3 - y_3) W_{hy} \\tag{2} $$

$$ \\frac{\\partial h_t}{\\partial h_{t-1}} = (1 - h_t^2) W_{hh} \\tag{3} $$

$$ \\frac{\\partial L}{\\partial h_2} = 2(o_2 - y_2) W_{hy} + \\frac{\\partial L}{\\partial h_3} (1 - h_3^2) W_{hh} \\tag{4} $$

$$ \\frac{\\partial L}{\\partial h_1} = 2(o_1 - y_1) W_{hy} + \\frac{\\partial L}{\\partial h_2} (1 - h_2^2) W_{hh} \\tag{5} $$

$$ \\frac{\\partial L}{\\partial W_{hy}} = \\sum_t 2(o_t - y_t) h_t \\tag{6} $$

$$ \\frac{\\partial L}{\\partial b_y} = \\sum_t 2 (o_t - y_t) \\tag{7} $$

$$ \\frac{\\partial L}{\\partial W_{hh}} = \\sum_t \\frac{\\partial L}{\\partial h_t} (1 - h_t^2) h_{t-1} \\tag{8} $$

$$ \\frac{\\partial L}{\\partial W_{xh}} = \\sum_t \\frac{\\partial L}{\\partial h_t} (1 - h_t^2) x_t \\tag{9} $$

$$ \\frac{\\partial L}{\\partial b_h} = \\sum_t \\frac{\\partial L}{\\partial h_t} (1 - h_t^2) \\tag{10} $$
`;

describe('one early mistake copied forward', () => {
  for (const [name, w] of [
    ['the given weights', GIVEN] as const,
    ...otherWeights(2).map((x, i) => [`drawn weights ${i + 1}`, x] as const),
  ]) {
    it(`${name}: (1) is diagnosed, the copies say "as in (1)"`, () => {
      const r = solve(derivation(w));
      const one = tagged(r, '1');
      expect(one.status).toBe('fails');
      expect(one.message).toMatch(/The factor 2 should not be there/);
      expect(one.message).not.toMatch(/carried over/);
      for (const [tag, step] of [
        ['2', '3'],
        ['4', '2'],
        ['5', '1'],
        ['6', 't'],
        ['7', 't'],
      ] as const) {
        const e = tagged(r, tag);
        expect(e.status, tag).toBe('fails');
        expect(e.message, tag).toContain(
          `This is the mistake of (1) on line ${one.range.line}, carried over: 2(o_${step} − y_${step}) is its wrong form of ∂L/∂o_${step}; with ∂L/∂o_${step} in its place it holds`,
        );
      }
      for (const tag of ['3', '8', '9', '10']) expect(tagged(r, tag).status, tag).toBe('holds');
    });
  }

  it('the copy is underlined where it is written, in the file', () => {
    const text = derivation(GIVEN);
    const r = solve(text);
    const two = r.networks[0]!.report.checks.find((c) => c.tag === '2' && c.link === 2)!;
    expect(two.culprit).toBeDefined();
    const line = text.split('\n')[two.culprit!.line - 1]!;
    // its own diagnosis underlines the 2 of the copy 2(o_3 - y_3), on (2)'s second side
    const copy = line.lastIndexOf('2(o_3 - y_3)') + 1;
    expect(line).toContain('\\tag{2}');
    expect(two.culprit!.column).toBe(copy);
    expect(line.slice(two.culprit!.column - 1, two.culprit!.endColumn - 1)).toBe('2');
  });

  it('an equation with a mistake of its own is not called a copy', () => {
    // (2) writes (1)'s form and also a wrong W_hh for W_hy: putting ∂L/∂o_3 back does not make it hold
    const text = derivation(GIVEN).replace('= 2(o_3 - y_3) W_{hy} \\tag{2}', '= 2(o_3 - y_3) W_{hh} \\tag{2}');
    const e = tagged(solve(text), '2');
    expect(e.status).toBe('fails');
    expect(e.message).not.toMatch(/carried over/);
  });

  it('a right (1) leaves the later ones diagnosed on their own', () => {
    const text = derivation(GIVEN).replace('= 2(o_t - y_t) \\tag{1}', '= o_t - y_t \\tag{1}');
    const r = solve(text);
    expect(tagged(r, '1').status).toBe('holds');
    for (const tag of ['2', '4', '6']) {
      expect(tagged(r, tag).status).toBe('fails');
      expect(tagged(r, tag).message).not.toMatch(/carried over/);
    }
  });

  it('a .rnn file says "the check on line N", with the link', () => {
    const net = scalarNetwork(GIVEN).replace(/```(rnn)?\n/g, '');
    const lines = net.split('\n').length;
    const r = analyze(`${net}check ∂L/∂o_t = ∂L_t/∂o_t = 2(o_t - y_t)\ncheck ∂L/∂h_3 = 2(o_3 - y_3) W_hy\n`);
    const later = r.checks.find((c) => c.line === lines + 1)!;
    expect(later.status).toBe('fails');
    expect(later.message).toContain(`This is the mistake of the check on line ${lines}, link 2, carried over`);
  });

  it('the claim cache keeps each claim under the failing claims before it: an edit of (1) changes (2)', () => {
    resetClaimCache();
    const wrong = derivation(GIVEN);
    const right = wrong.replace('= 2(o_t - y_t) \\tag{1}', '= o_t - y_t \\tag{1}');
    expect(right).not.toBe(wrong);
    const fresh = (text: string) => {
      resetClaimCache(false);
      const out = JSON.stringify(solve(text), (k, v: unknown) => (k === 'elapsedMs' ? 0 : v));
      resetClaimCache(true);
      return out;
    };
    const warm = (text: string) => JSON.stringify(solve(text), (k, v: unknown) => (k === 'elapsedMs' ? 0 : v));
    for (const [a, b] of [
      [wrong, right],
      [right, wrong],
    ]) {
      resetClaimCache();
      warm(a!);
      expect(warm(b!)).toBe(fresh(b!));
    }
    // an equation inserted before (1) moves it: the line the copies name moves with it
    const at = wrong.indexOf('$$ \\frac{\\partial L}{\\partial o_t} = 2');
    const moved = `${wrong.slice(0, at)}$$ L = \\sum_t L_t $$\n\n${wrong.slice(at)}`;
    expect(moved).not.toBe(wrong);
    resetClaimCache();
    warm(wrong);
    expect(warm(moved)).toBe(fresh(moved));
    expect(warm(moved)).toMatch(/mistake of \(1\) on line 19/);
  });
});
