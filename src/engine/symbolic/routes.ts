// Where a search for another route from a dependency to its consumer can lead (derive.ts needsPlus: an
// edge is written ∂⁺c/∂dep when dep reaches c by another route too). Read once per model from its equations,
// by name: which names a name's equations reach (directly or through others), and whether a path from a name
// can ever move to a later step or to an earlier one. A node that cannot reach the dependency's name, or
// whose paths only run backwards in time while the dependency lies later (or only forwards while it lies
// earlier), is not searched. The search then stays within the steps between the consumer and the
// dependency in a forward (or backward) recurrence, and its answer is the same at every step of the
// horizon's uniform middle, whatever T is (issue 13: the δ line printed twice, ∂⁺ from t = 15 on).

import { Memo } from '../memo';
import type { Expr, Model } from '../../language/model';
import { walkRefs } from '../../language/resolve';

export interface Routes {
  /** the names a name's equations reach, through any number of other equations */
  reach(name: string): ReadonlySet<string>;
  /** a path from the name (at some step) may reach a node at a later step */
  up(name: string): boolean;
  /** … at an earlier step */
  down(name: string): boolean;
}

interface Read {
  name: string;
  /** the step moves: to a later step, an earlier one, either (absolute or bound index), or not at all */
  up: boolean;
  down: boolean;
}

function readsOf(e: Expr, timed: boolean): Read[] {
  const out: Read[] = [];
  walkRefs(e, (r) => {
    if (!r.idx) out.push({ name: r.name, up: false, down: false });
    // in an untimed equation (Σ_t L_t) or with an absolute or bound index (h_0, y_T, h_i), any step may be read
    else if (!timed || r.idx.v !== 't' || r.idx.terms?.length) out.push({ name: r.name, up: true, down: true });
    else out.push({ name: r.name, up: r.idx.k > 0, down: r.idx.k < 0 });
  });
  return out;
}

const cache = new Memo<Model, Routes>();

export function routesOf(model: Model): Routes {
  const hit = cache.get(model);
  if (hit) return hit;
  const reads = new Map<string, Read[]>();
  for (const q of model.quantities.values()) {
    const rs: Read[] = [];
    if (q.general) rs.push(...readsOf(q.general, q.timed));
    for (const e of q.overrides.values()) rs.push(...readsOf(e, q.timed));
    reads.set(q.name, rs);
  }
  // what a name reaches: every name read from it through any number of equations (a walk per name,
  // rather than growing every set to a fixed point, copying each set on every pass)
  const reach = new Map<string, Set<string>>();
  for (const name of reads.keys()) {
    const set = new Set<string>();
    const stack = [name];
    while (stack.length) {
      for (const r of reads.get(stack.pop()!) ?? [])
        if (!set.has(r.name)) {
          set.add(r.name);
          stack.push(r.name);
        }
    }
    reach.set(name, set);
  }
  // where in time a path may go: a read of its own that moves, or one of a name it reaches
  const moves = (name: string, dir: 'up' | 'down'): boolean => (reads.get(name) ?? []).some((r) => r[dir]);
  const up = new Set<string>();
  const down = new Set<string>();
  for (const [name, set] of reach) {
    if (moves(name, 'up') || [...set].some((r) => moves(r, 'up'))) up.add(name);
    if (moves(name, 'down') || [...set].some((r) => moves(r, 'down'))) down.add(name);
  }
  const none: ReadonlySet<string> = new Set();
  const routes: Routes = { reach: (n) => reach.get(n) ?? none, up: (n) => up.has(n), down: (n) => down.has(n) };
  cache.set(model, routes);
  return routes;
}
