// run.ts envKey, the key of an evaluation's bindings in a run's memo: two bindings get one key exactly when
// they bind the same variables, in the same order, to the same values (a shared key would hand one point's
// value to another), whether packed into a number or written out as text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compile } from '../../src/language/index';
import { envKey, forward, type Env } from '../../src/engine/run';

const names = ['t', 'k', 'i', 'j', 'r', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'm', 'n', 'p', 'q', 's', 'u', 'v', 'w'];
const value = fc.oneof(fc.integer({ min: -70, max: 460 }), fc.integer({ min: -3000, max: 3000 }), fc.double({ noNaN: false }));
const env = fc
  .uniqueArray(fc.constantFrom(...names), { maxLength: 6 })
  .chain((vs) => fc.tuple(...vs.map((v) => value.map((x) => [v, x] as const))))
  .map((pairs) => Object.fromEntries(pairs) as Env);
const sameBindings = (a: Env, b: Env) => {
  const ea = Object.entries(a);
  const eb = Object.entries(b);
  return ea.length === eb.length && ea.every(([v, x], i) => eb[i]![0] === v && Object.is(eb[i]![1] === 0 ? 0 : eb[i]![1], x === 0 ? 0 : x));
};

/** b made from a by one small change (or none): the near-collisions a packed key could get wrong */
const nearby = (a: Env) =>
  fc.tuple(fc.nat(5), fc.nat(100), fc.constantFrom(...names), fc.constantFrom(1, -1, 512, -512, 8192, 0.5)).map(([how, at, name, d]) => {
    const e = Object.entries(a);
    const i = e.length ? at % e.length : 0;
    if (how === 1 && e.length && !(name in a)) e[i] = [name, e[i]![1]];
    else if (how === 2 && e.length) e[i] = [e[i]![0], e[i]![1] + d];
    else if (how === 3 && e.length > 1) [e[0], e[i]] = [e[i]!, e[0]!];
    else if (how === 4 && e.length) e.pop();
    else if (how === 5 && !(name in a)) e.push([name, at - 20]);
    return Object.fromEntries(e) as Env;
  });

describe('envKey', () => {
  // first: the names of a check's points get their packed ids before the property below meets twenty names
  it('tells apart points that differ in one index only, and the same values bound in another order', () => {
    const keys: Env[] = [
      { t: 2, i: 3 },
      { t: 2, i: 4 },
      { t: 3, i: 3 },
      { i: 3, t: 2 },
      { t: 2 },
      { t: 2, i: 3, j: 1 },
      { t: 2, k: 3 },
      {},
    ];
    expect(new Set(keys.map(envKey)).size).toBe(keys.length);
    expect(envKey({ t: 2, i: 3 })).toBe(envKey({ t: 2, i: 3 }));
  });

  it('gives two bindings one key exactly when they are the same, in the same order', () => {
    fc.assert(
      fc.property(
        env.chain((a) => fc.tuple(fc.constant(a), fc.oneof(env, nearby(a)))),
        ([a, b]) => {
          expect(envKey(a) === envKey(b)).toBe(sameBindings(a, b));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it("memoizes each point's own value: a side read at every point of a run, in any order", () => {
    const m = compile(readFileSync(join(__dirname, '../../examples/vector-rnn-bptt.rnn'), 'utf8')).model;
    const q = m.questions.find((x) => x.kind === 'check' && x.freeT);
    if (q?.kind !== 'check') throw new Error('vector-rnn-bptt.rnn has a check with a free t');
    const side = q.rhs;
    const run = forward(m);
    const envs: Env[] = [];
    for (let t = 1; t <= 3; t++) for (let i = 1; i <= 2; i++) envs.push({ t, i }, { i, t }, { t });
    const first = envs.map((e) => Array.from(run.evaluateShared(side, e).data));
    const again = [...envs].reverse().map((e) => Array.from(run.evaluateShared(side, e).data));
    expect(again.reverse()).toEqual(first);
    envs.forEach((e, n) => expect(first[n]).toEqual(Array.from(run.evaluateOnTape(side, e).data)));
    expect(first[0]).not.toEqual(first[first.length - 1]);
  });
});
