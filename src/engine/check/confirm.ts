// An edit a hint found at one set of values (the file's) is a culprit only if it also holds at other values: with
// one point to judge, a value of the file can match by coincidence (x_3 = 2 times T = 3 "explained" a written 3 that
// should be 2). The hint's edited check is evaluated once more at a random draw before it is named.

import type { Expr } from '../../language/model';
import type { Run } from '../run';
import { guard } from './guard';
import { closeScaled, type Point, type Scale } from './points';

/**
 * where an edit is confirmed: another run of the network (a draw), made only when an edit is found; `again`, a second
 * draw, where the network's targets are drawn from a few values (0/1: seed 001's t_t), at which one draw agrees with
 * the file's values often (y_2 = y_3 "confirmed" h_2 for h_3 in −2(y_2 − h_2) for ∂L_3/∂h_3)
 */
export type OtherValues = ((() => Run) & { again?: () => Run }) | null;

/** the draws of `other` each pass `test`; what cannot be evaluated at a draw refutes nothing */
export function atDraws(other: OtherValues, test: (run: Run) => boolean): boolean {
  if (!other) return true;
  for (const draw of other.again ? [other, other.again] : [other]) if (guard(() => test(draw())) === false) return false;
  return true;
}

/**
 * The edited check holds at every point of `other` (with the edited side's constant factor taken out when the edit
 * explained all but one). A point that cannot be evaluated there refutes nothing.
 */
export function confirmed(other: OtherValues, l: Expr, r: Expr, points: readonly Point[], scale: Scale | null = null): boolean {
  return atDraws(other, (run) =>
    points.every((p) => {
      const lv = run.evaluateShared(l, p.env).data;
      const rv = run.evaluateShared(r, p.env).data;
      return closeScaled(lv, rv, scale);
    }),
  );
}
