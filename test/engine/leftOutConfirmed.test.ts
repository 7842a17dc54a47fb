// A path family or an input's part named as left out is found by value at the file's values, and named only if the
// other side leaves the same out at a draw too. With h_0 = 0 and x_1 = 1, `∂L/∂w = 2 h_0`, `w − 0.5` and `x_1 − 1` are
// all 0 — ∂L/∂w less the path through h_2 (1) — and each was told "the other side leaves out the path through h_2";
// `h_0 + ∂L/∂h_2 h_1 + ∂L/∂h_1 h_0 − 1` writes that very path, and its −1 is what is wrong (session 40).

import { describe, expect, it } from 'vitest';
import { checkPoints, close, evaluateSides } from '../../src/engine/check/points';
import { leftOutHint, pathHint } from '../../src/engine/check/hints';
import { buildPlan } from '../../src/engine/plan';
import { Draws } from '../../src/engine/questions';
import { forward } from '../../src/engine/run';
import { compile } from '../../src/language/index';
import type { CheckQuestion } from '../../src/language/model';
import { failingMessage, TOY } from './toyNets';

const NET = TOY;
const message = (check: string): string => failingMessage(TOY, check);

/** the hints asked directly: at the file's values alone, and confirmed at draw 1 */
function hints(check: string) {
  const text = `${NET}check ${check}\n`;
  const model = compile(text).model;
  const q = model.questions[0] as CheckQuestion;
  const plan = buildPlan(model);
  const run = forward(model, undefined, { plan });
  const draws = new Draws(model, plan, new Map());
  const points = checkPoints(q);
  const bad = evaluateSides(points, q.lhs, q.rhs, run).find((s) => !close(s.l.data, s.r.data))!;
  const claim = { lhs: q.lhs, rhs: q.rhs, points, freeT: q.freeT };
  const draw = () => draws.run(1);
  return {
    path: [pathHint(claim, run), pathHint(claim, run, draw)],
    left: [leftOutHint(claim, bad, run)?.text ?? null, leftOutHint(claim, bad, run, draw)?.text ?? null],
  };
}

describe('a path or an input’s part left out, confirmed at a draw', () => {
  it('is not named where the other side is the total less it at the file’s values only', () => {
    for (const check of ['∂L/∂w = 2 h_0', '∂L/∂w = w - 0.5', '∂L/∂w = x_1 - 1']) {
      const { path, left } = hints(check);
      // found at the file's values alone, refuted at the draw
      expect(path[0], check).toMatch(/leaves out the path through h_2/);
      expect(path[1], check).toBeNull();
      expect(left[0], check).toMatch(/leaves out ∂h_2\/∂w = 1/);
      expect(left[1], check).toBeNull();
      expect(message(check), check).not.toMatch(/leaves out/);
    }
    // what is wrong is said instead: the −1, which no path is
    const m = message('∂L/∂w = h_0 + ∂L/∂h_2 h_1 + ∂L/∂h_1 h_0 - 1');
    expect(m).not.toMatch(/leaves out the path/);
    expect(m).toMatch(/the term −1 \(= -1\) is no path from w to L/i);
  });

  it('is named where the side leaves it out whatever the values', () => {
    // the path through h_2 left out: ∂L/∂h_1·∂⁺h_1/∂w is the rest of the total at any values
    const path = hints('∂L/∂w = ∂L/∂h_1 h_0');
    expect(path.path[0]).toMatch(/leaves out the path through h_2/);
    expect(path.path[1]).toBe(path.path[0]);
    // as L's input h_2 left out it is a coincidence of h_0 = 0 (L less the part through h_2 is ∂h_1/∂w = h_0, not (1 + w) h_0)
    expect(path.left[0]).toMatch(/leaves out ∂h_2\/∂w = 1/);
    expect(path.left[1]).toBeNull();
    expect(message('∂L/∂w = ∂L/∂h_1 h_0')).toMatch(/leaves out the path through h_2: the term ∂L\/∂h_2·∂⁺h_2\/∂w = 1$/);
    // L's input h_2 left out: the part through h_1 is the rest of the total at any values
    const input = hints('∂L/∂w = ∂h_1/∂w');
    expect(input.left[0]).toMatch(/leaves out ∂h_2\/∂w = 1/);
    expect(input.left[1]).toBe(input.left[0]);
  });
});
