// The values a Σ/∏'s bound variables take around a derivative at one point: the hints that look inside a sum
// (a ∂⁺ that is 0 at every value, a one-step re-reading of each term) ask at each of them.

import type { Idx } from '../../language/model';
import { stepOf, type Env } from '../run';
import { withVar } from '../env';

/** a Σ/∏ around a derivative: its variable and bounds (the innermost last) */
export interface Binder {
  v: string;
  from: Idx;
  to: Idx;
}

/** every binding of the binders' variables over their ranges on top of env, at most `cap`; complete: none left out */
export function bindings(binders: Binder[], env: Env, cap: number): { envs: Env[]; complete: boolean } {
  let envs: Env[] = [env];
  let complete = true;
  for (const b of binders) {
    const next: Env[] = [];
    for (const e of envs) {
      const lo = stepOf(b.from, e)!;
      const hi = stepOf(b.to, e)!;
      for (let i = lo; i <= hi; i++) {
        if (next.length >= cap) {
          complete = false;
          break;
        }
        next.push(withVar(e, b.v, i));
      }
    }
    envs = next;
  }
  return { envs, complete };
}
