// buildPlan reads an equation with no Σ/∏ once and binds its references at every step (judge21, speed): the
// same order as the walk per (quantity, step) it replaces, on every model of the repository's .rnn files.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/language/index';
import { idxValue } from '../../src/language/idx';
import type { Expr, Model } from '../../src/language/model';
import { forChildren } from '../../src/language/resolve';
import { buildPlan, quantitySteps } from '../../src/engine/plan';

/** the order as buildPlan made it before: every (quantity, step)'s equation walked for its dependencies */
function walkedOrder(model: Model): string[] {
  const base = new Map<string, number>();
  let slots = 0;
  for (const q of model.quantities.values()) {
    base.set(q.name, slots);
    slots += q.timed ? model.T + 2 : 1;
  }
  const slotOf = (name: string, step: number | null) => (base.has(name) ? base.get(name)! + (step ?? 0) : -1);
  const names: (string | undefined)[] = new Array(slots);
  const deps: number[][] = new Array(slots);
  const walk = (e: Expr, env: Record<string, number>, out: number[]): void => {
    if (e.k === 'ref') {
      if (model.quantities.has(e.name)) out.push(slotOf(e.name, e.idx ? idxValue(e.idx, env)! : null));
      return;
    }
    if (e.k === 'sum' || e.k === 'prod') {
      for (let i = idxValue(e.from, env)!; i <= idxValue(e.to, env)!; i++) walk(e.body, { ...env, [e.v]: i }, out);
      return;
    }
    forChildren(e, (c) => walk(c, env, out));
  };
  for (const q of model.quantities.values())
    for (const [step, expr] of quantitySteps(q, model.T)) {
      const slot = slotOf(q.name, step);
      names[slot] = `${q.name}@${step}`;
      walk(expr, step === null ? {} : { t: step }, (deps[slot] = []));
    }
  const indeg = new Int32Array(slots);
  const users: number[][] = Array.from({ length: slots }, () => []);
  for (let i = 0; i < slots; i++)
    if (names[i])
      for (const d of deps[i]!)
        if (d >= 0 && names[d]) {
          indeg[i]!++;
          users[d]!.push(i);
        }
  const queue: number[] = [];
  for (let i = 0; i < slots; i++) if (names[i] && indeg[i] === 0) queue.push(i);
  for (let qi = 0; qi < queue.length; qi++) for (const v of users[queue[qi]!]!) if (--indeg[v]! === 0) queue.push(v);
  return queue.map((k) => names[k]!);
}

function rnnFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? rnnFiles(join(dir, d.name)) : d.name.endsWith('.rnn') ? [join(dir, d.name)] : [],
  );
}

describe('buildPlan', () => {
  const files = ['examples', 'bench/fixtures', 'test/seeds/fixtures'].flatMap(rnnFiles);
  it('finds the models', () => expect(files.length).toBeGreaterThan(20));
  it.each(files)('orders %s as the walk per step did', (file) => {
    const { model, fatal } = compile(readFileSync(file, 'utf8'));
    if (fatal) return;
    let order: string[];
    try {
      order = buildPlan(model).order.map((n) => `${n.name}@${n.step}`);
    } catch {
      return;
    }
    expect(order).toEqual(walkedOrder(model));
  });
});
