// mapChildren (resolve/walk.ts) is the one structure-preserving map the engine's rewrites share (binding a step,
// σ^{-1} → σ', σ' ↔ tanh'): on every resolved expression of the examples, the identity map gives an equal
// tree and visits the children in forChildren's order (the order the rewrites count terms in).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/language/index';
import { forChildren, mapChildren } from '../../src/language/resolve';
import type { Expr } from '../../src/language/model';

const dir = join(__dirname, '..', '..', 'examples');
const exprs: Expr[] = [];
for (const f of readdirSync(dir).filter((n) => n.endsWith('.rnn'))) {
  const { model } = compile(readFileSync(join(dir, f), 'utf8'));
  for (const q of model.quantities.values()) if (q.general) exprs.push(q.general);
  for (const q of model.questions) if (q.kind === 'check') exprs.push(q.lhs, q.rhs);
}

describe('mapChildren', () => {
  it('the identity map copies every node of the examples’ equations and checks, children in forChildren’s order', () => {
    expect(exprs.length).toBeGreaterThan(50);
    let nodes = 0;
    const go = (x: Expr): Expr => {
      nodes++;
      const seen: Expr[] = [];
      forChildren(x, (c) => seen.push(c));
      const mapped: Expr[] = [];
      const y = mapChildren(x, (c) => (mapped.push(c), go(c)));
      expect(mapped).toEqual(seen);
      return y;
    };
    for (const e of exprs) expect(go(e)).toEqual(e);
    expect(nodes).toBeGreaterThan(500);
  });
});
