// Where a search for another route from a dependency to its consumer can lead (derive.ts needsPlus: an
// edge is written ∂⁺c/∂dep when dep reaches c by another route too). Read once per model from its equations,
// by name: which names a name's equations reach (directly or through others), and whether a path from a name
// can ever move to a later step or to an earlier one. A node that cannot reach the dependency's name, or
// whose paths only run backwards in time while the dependency lies later (or only forwards while it lies
// earlier), is not searched. The search then stays within the steps between the consumer and the
// dependency in a forward (or backward) recurrence, and its answer is the same at every step of the
// horizon's uniform middle, whatever T is (issue 13: the δ line printed twice, ∂⁺ from t = 15 on).

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

const cache = new WeakMap<Model, Routes>();

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
  const reach = new Map<string, Set<string>>();
  const up = new Set<string>();
  const down = new Set<string>();
  for (const [name, rs] of reads) {
    reach.set(name, new Set(rs.map((r) => r.name)));
    if (rs.some((r) => r.up)) up.add(name);
    if (rs.some((r) => r.down)) down.add(name);
  }
  // to a fixed point: what a read name reaches (and where in time it may go) its reader reaches too
  for (let changed = true; changed;) {
    changed = false;
    for (const [name, set] of reach)
      for (const r of [...set]) {
        for (const s of reach.get(r) ?? [])
          if (!set.has(s)) {
            set.add(s);
            changed = true;
          }
        if (up.has(r) && !up.has(name)) {
          up.add(name);
          changed = true;
        }
        if (down.has(r) && !down.has(name)) {
          down.add(name);
          changed = true;
        }
      }
  }
  const none: ReadonlySet<string> = new Set();
  const routes: Routes = { reach: (n) => reach.get(n) ?? none, up: (n) => up.has(n), down: (n) => down.has(n) };
  cache.set(model, routes);
  return routes;
}
