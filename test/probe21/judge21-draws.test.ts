// Draws reads its varied names (and how each is drawn) once, not at every run (judge21, speed): the same
// overrides as the names parsed per run, for every seed and every `only`, on the repository's models.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as ids from '../../src/ids';
import { compile } from '../../src/language/index';
import { buildPlan } from '../../src/engine/plan';
import { Draws } from '../../src/engine/questions';
import { drawDecl, drawState, variedNames } from '../../src/engine/random';
import type { Model } from '../../src/language/model';
import type { ValueOverrides } from '../../src/engine/run';

/** the overrides as Draws made them before (base empty) */
function parsedPerRun(model: Model, seed: number, only?: string): ValueOverrides {
  const m: ValueOverrides = new Map();
  if (only) for (const d of model.decls.values()) if (!d.values) m.set(d.name, drawDecl(d, model.T, 0));
  for (const name of only ? [only] : variedNames(model)) {
    const id = ids.parseNodeKey(name);
    if (id.step === null) m.set(name, drawDecl(model.decls.get(name)!, model.T, seed));
    else {
      const q = model.quantities.get(id.name)!;
      m.set(name, [drawState(q.name, id.step, q.shape, seed)]);
    }
  }
  return m;
}

function rnnFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? rnnFiles(join(dir, d.name)) : d.name.endsWith('.rnn') ? [join(dir, d.name)] : [],
  );
}

describe('Draws.overrides', () => {
  const files = ['examples', 'bench/fixtures', 'test/seeds/fixtures'].flatMap(rnnFiles);
  it.each(files)('draws %s as the names parsed per run did', (file) => {
    const { model, fatal } = compile(readFileSync(file, 'utf8'));
    if (fatal) return;
    let draws: Draws;
    try {
      draws = new Draws(model, buildPlan(model), new Map());
    } catch {
      return;
    }
    const names = variedNames(model);
    for (let seed = 1; seed <= 4; seed++) {
      expect(draws.overrides(seed)).toEqual(parsedPerRun(model, seed));
      for (const only of names) expect(draws.overrides(seed, only)).toEqual(parsedPerRun(model, seed, only));
    }
  });
});
