// An edit a hint found at one set of values (the file's) is a culprit only if it also holds at other values: with
// one point to judge, a value of the file can match by coincidence (x_3 = 2 times T = 3 "explained" a written 3 that
// should be 2). The hint's edited check is evaluated once more at a random draw before it is named.

import type { Expr } from '../../language/model';
import type { Run } from '../run';
import { guard } from './guard';
import { closeScaled, type Point, type Scale } from './points';

/** where an edit is confirmed: another run of the network (a draw), made only when an edit is found */
export type OtherValues = (() => Run) | null;

/**
 * The edited check holds at every point of `other` (with the edited side's constant factor taken out when the edit
 * explained all but one). A point that cannot be evaluated there refutes nothing.
 */
export function confirmed(other: OtherValues, l: Expr, r: Expr, points: readonly Point[], scale: Scale | null = null): boolean {
  if (!other) return true;
  const run = other();
  const ok = guard(() =>
    points.every((p) => {
      const lv = run.evaluateShared(l, p.env).data;
      const rv = run.evaluateShared(r, p.env).data;
      return closeScaled(lv, rv, scale);
    }),
  );
  return ok !== false;
}
