// The prints kept per Builder (print.ts, withSharedPrints with a builder): the steps of a free-t derive
// and the derives of one file print many of the same nodes, which a later derivation takes from the store.
// Each derivation must print the same and be charged the same operations (they decide whether forms are
// given) as without the store, whatever was derived before it on the same model.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Budget, metered } from '../../src/engine/budget';
import { forward } from '../../src/engine/run';
import { deriveForms, type DeriveForms } from '../../src/engine/symbolic/index';
import { keepPrints } from '../../src/engine/symbolic/print';
import type { DeriveQuestion, Model } from '../../src/language/model';
import { compileOk } from './helpers';

const dir = join(__dirname, '..', '..', 'examples');
const examples = readdirSync(dir)
  .filter((f) => f.endsWith('.rnn'))
  .sort();

type Ask = { q: DeriveQuestion & { expr: { k: 'deriv' } }; t: number | null };

function asks(model: Model): Ask[] {
  const out: Ask[] = [];
  for (const q of model.questions) {
    if (q.kind !== 'derive' || q.expr.k !== 'deriv') continue;
    for (const t of q.freeT ? q.steps : [null]) out.push({ q: q as Ask['q'], t });
  }
  return out;
}

/** every ask's forms and the operations each was charged, in the order given, on one fresh model */
function derivations(
  text: string,
  order: (a: Ask[]) => Ask[],
  keep: boolean,
): { what: string; ops: number; forms: DeriveForms | string }[] {
  keepPrints(keep);
  const model = compileOk(text);
  const run = forward(model);
  return order(asks(model)).map((a) => {
    const b = new Budget();
    let forms: DeriveForms | string;
    try {
      forms = metered(b, () => deriveForms(model, a.q.expr.of, a.q.expr.wrt, a.q.expr.total, a.t, run));
    } catch (e) {
      forms = `threw: ${(e as Error).message}`;
    }
    return { what: `${a.q.text} at t = ${a.t}`, ops: b.ops, forms };
  });
}

afterEach(() => keepPrints(true));

describe('prints kept across the derivations of one model', { timeout: 120_000 }, () => {
  const orders: [string, (a: Ask[]) => Ask[]][] = [
    ['in file order', (a) => a],
    ['backwards', (a) => [...a].reverse()],
    ['one derivation at a time', (a) => a.slice(-1)],
  ];
  it.each(examples)('%s: each derivation prints and is charged the same with the store as without', (file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    let stored = 0;
    for (const [, order] of orders) {
      const kept = derivations(text, order, true);
      const plain = derivations(text, order, false);
      expect(kept.length).toBeGreaterThan(0);
      expect(kept.map((k) => k.what)).toEqual(plain.map((p) => p.what));
      kept.forEach((k, i) => {
        expect(k.forms, k.what).toEqual(plain[i]!.forms);
        expect(k.ops, k.what).toBe(plain[i]!.ops);
        if (typeof k.forms !== 'string') stored++;
      });
    }
    expect(stored).toBeGreaterThan(0);
  });

  it('a budget crossed while taking prints from the store is crossed as without it', () => {
    const text = readFileSync(join(dir, 'deep-sigmoid-mlp.rnn'), 'utf8');
    // the ops of the last step alone after the others, then that budget minus one: both ways must throw
    const all = derivations(text, (a) => a, false);
    const last = all[all.length - 1]!;
    for (const keep of [true, false]) {
      keepPrints(keep);
      const model = compileOk(text);
      const run = forward(model);
      const list = asks(model);
      for (const a of list.slice(0, -1)) deriveForms(model, a.q.expr.of, a.q.expr.wrt, a.q.expr.total, a.t, run);
      const a = list[list.length - 1]!;
      const tight = new Budget(last.ops - 1);
      expect(() => metered(tight, () => deriveForms(model, a.q.expr.of, a.q.expr.wrt, a.q.expr.total, a.t, run))).toThrow(/operations/);
      const enough = new Budget(last.ops);
      expect(metered(enough, () => deriveForms(model, a.q.expr.of, a.q.expr.wrt, a.q.expr.total, a.t, run)).best.text).toBe(
        (last.forms as DeriveForms).best.text,
      );
    }
  });
});
