// Where a search for another route can lead (symbolic/routes.ts): the names a name's equations reach and
// whether its paths may move later or earlier in time. Worked out by one walk per name; it must say what
// growing every set to a fixed point said (the way it was first written), on every pinned text.

import { describe, expect, it } from 'vitest';
import { routesOf } from '../../src/engine/symbolic/routes';
import { walkRefs } from '../../src/language/resolve';
import { compile } from '../../src/language/index';
import type { Expr, Model } from '../../src/language/model';
import { reportCases } from '../analysis/reportCases';

/** the fixed point, as routes.ts computed it before */
function fixedPoint(model: Model) {
  const readsOf = (e: Expr, timed: boolean) => {
    const out: { name: string; up: boolean; down: boolean }[] = [];
    walkRefs(e, (r) => {
      if (!r.idx) out.push({ name: r.name, up: false, down: false });
      else if (!timed || r.idx.v !== 't' || r.idx.terms?.length) out.push({ name: r.name, up: true, down: true });
      else out.push({ name: r.name, up: r.idx.k > 0, down: r.idx.k < 0 });
    });
    return out;
  };
  const reach = new Map<string, Set<string>>();
  const up = new Set<string>();
  const down = new Set<string>();
  for (const q of model.quantities.values()) {
    const rs = [...(q.general ? readsOf(q.general, q.timed) : []), ...[...q.overrides.values()].flatMap((e) => readsOf(e, q.timed))];
    reach.set(q.name, new Set(rs.map((r) => r.name)));
    if (rs.some((r) => r.up)) up.add(q.name);
    if (rs.some((r) => r.down)) down.add(q.name);
  }
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
  return { reach, up, down };
}

describe('routesOf', () => {
  it('reaches the names, and moves in time, as the fixed point does on the pinned texts', () => {
    let names = 0;
    let moving = 0;
    for (const c of reportCases()) {
      const { model, fatal } = compile(c.text);
      if (fatal) continue;
      const want = fixedPoint(model);
      const got = routesOf(model);
      for (const name of [...model.quantities.keys(), ...model.decls.keys()]) {
        expect([...got.reach(name)].sort(), `${c.name}: ${name}`).toEqual([...(want.reach.get(name) ?? [])].sort());
        expect(got.up(name), `${c.name}: ${name} up`).toBe(want.up.has(name));
        expect(got.down(name), `${c.name}: ${name} down`).toBe(want.down.has(name));
        names++;
        if (want.up.has(name) || want.down.has(name)) moving++;
      }
    }
    expect(names).toBeGreaterThan(1000);
    expect(moving).toBeGreaterThan(200);
  }, 30_000);
});
