// The graph's edge flows (the loss gradient pushed through a node's own equation into each input) are read off the
// node's local Jacobians, gᵀ J, where a node is narrow enough to have them kept (session 44): until then one more
// reverse sweep per node gave them. Both ways agree, on random networks with vector, gated and scalar steps, and a
// wide node (more than 16 entries) still sweeps.
import { describe, expect, it } from 'vitest';
import { graphReport } from '../../src/engine/graph';
import { buildPlan } from '../../src/engine/plan';
import { forward, type Run } from '../../src/engine/run';
import { nameOfKey, nodeKey } from '../../src/ids';
import { model, vectorNet } from './build';

/** every edge's flow as the sweep gives it: the node's loss gradient swept through its own equation */
function sweptFlows(m: ReturnType<typeof model>, run: Run): Map<string, number> {
  const out = new Map<string, number>();
  for (const pn of buildPlan(m).order) {
    const to = run.node(pn.name, pn.step)!;
    const g = run.lossGrad(pn.name, pn.step);
    if (!g || to.op === 'leaf') continue;
    const below = new Map<number, Float64Array>();
    run.tape.sweepTransient(to, g.data, to.start, below);
    for (const [id, row] of below) out.set(`${id}>${to.id}`, Math.hypot(...row));
  }
  return out;
}

describe('the graph’s edge flows', () => {
  it.each([
    ['a vector RNN', vectorNet(3, 3, 4, 3, 2)],
    ['a gated vector RNN', vectorNet(5, 3, 3, 2, 2, 'tanh', true)],
    ['a wide one (20 units: swept)', vectorNet(7, 2, 20, 3, 2)],
    [
      'a scalar one',
      'T = 3\ninput x = [0.5, -1, 2]\ntarget y = [0.1, 0.4, -0.2]\nparam w = 0.7\nparam u = -0.4\nh_0 = 0.3\nz_t = σ(u h_{t-1} + w x_t)\nh_t = (1 - z_t) h_{t-1} + z_t tanh(w x_t)\nloss L = Σ_t (y_t - h_t)^2\n',
    ],
  ])('%s: every edge’s flow is the swept one', (_, text) => {
    const m = model(text);
    const plan = buildPlan(m);
    const run = forward(m, undefined, { plan });
    const graph = graphReport(m, plan, run);
    const want = sweptFlows(m, forward(m, undefined, { plan }));
    // the graph's keys (the names as written: L, not the untimed twin's model key) to the run's nodes
    const byKey = new Map<string, number>();
    for (const d of m.decls.values())
      for (const t of d.perStep ? [1, 2, 3] : [null]) {
        const n = run.node(d.name, t);
        if (n) byKey.set(nodeKey({ name: nameOfKey(d.name), step: t }), n.id);
      }
    for (const pn of plan.order) byKey.set(nodeKey({ name: nameOfKey(pn.name), step: pn.step }), run.node(pn.name, pn.step)!.id);
    const ids = (key: string) => byKey.get(key)!;
    let compared = 0;
    for (const e of graph.edges) {
      const w = want.get(`${ids(e.from)}>${ids(e.to)}`) ?? 0;
      expect(Math.abs(e.flow - w)).toBeLessThanOrEqual(1e-12 * Math.max(1, w));
      if (w > 0) compared++;
    }
    expect(compared).toBeGreaterThan(5);
  });
});
