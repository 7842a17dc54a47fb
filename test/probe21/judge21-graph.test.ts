// graphReport reads a node's loss gradient once and pushes it through the node's equation with a transient
// sweep, after its local Jacobians (judge21, speed): the same report as with a kept sweep per node, on the
// repository's models.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/language/index';
import { buildPlan } from '../../src/engine/plan';
import { forward } from '../../src/engine/run';
import { graphReport } from '../../src/engine/graph';

function rnnFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? rnnFiles(join(dir, d.name)) : d.name.endsWith('.rnn') ? [join(dir, d.name)] : [],
  );
}

describe('graphReport', () => {
  const files = ['examples', 'bench/fixtures', 'test/seeds/fixtures'].flatMap(rnnFiles);
  it.each(files)('gives %s the report of a kept sweep per node', (file) => {
    const { model, fatal } = compile(readFileSync(file, 'utf8'));
    if (fatal) return;
    let plan: ReturnType<typeof buildPlan>;
    try {
      plan = buildPlan(model);
    } catch {
      return;
    }
    const report = graphReport(model, plan, forward(model, undefined, { plan }));
    // the sweep as it was: kept (its result and accumulators its own), the other sweeps as they are
    const kept = forward(model, undefined, { plan });
    const transient = kept.tape.sweepTransient.bind(kept.tape);
    kept.tape.sweepTransient = (root, seed, lo, below, cross, only, keepBelow) =>
      cross === undefined && only === undefined && keepBelow === undefined
        ? kept.tape.sweep(root, seed, lo, below)
        : transient(root, seed, lo, below, cross, only, keepBelow);
    expect(graphReport(model, plan, kept)).toEqual(report);
    expect(report.edges.some((e) => e.flow > 0) || !kept.loss).toBe(true);
  });
});
