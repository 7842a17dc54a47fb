// What session 24 reuses (issue 11) carries nothing from one run to the next: accumulators lent across the runs of
// one budget and the analyses of one process give run A, then run B, then run A again the numbers of A; and the
// loss gradients on random networks are those of central differences.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { Budget } from '../../src/engine/budget';
import { forward } from '../../src/engine/run';
import type { Report } from '../../src/report';
import { model, rand, vectorNet } from '../engine/build';
import { cases, readings } from './tscale24-cases';

/** a report as text, without the time it took */
const text = (r: Report) => JSON.stringify({ ...r, elapsedMs: 0 });

describe('tscale24: reuse across runs', () => {
  it('runs sharing a budget: A, then B, then A again read alike (every value, gradient and derivative)', () => {
    const [a, b] = cases();
    const ma = model(a!.text),
      mb = model(b!.text);
    const shared = new Budget();
    const without = (r: Record<string, string>) => ({ ...r, ops: '' });
    const first = without(readings(ma, forward(ma, undefined, { budget: shared })));
    const other = without(readings(mb, forward(mb, undefined, { budget: shared })));
    const again = without(readings(ma, forward(ma, undefined, { budget: shared })));
    expect(again).toStrictEqual(first);
    expect(other).not.toStrictEqual(first);
    // and as a run of its own
    expect(without(readings(ma, forward(ma)))).toStrictEqual(first);
  });

  it('analyses one after another: A, then B, then A again give the same report', () => {
    const read = (f: string) => readFileSync(new URL(`../../examples/${f}`, import.meta.url), 'utf8');
    const A = read('vector-rnn-bptt.rnn'),
      B = read('gru-one-weight.rnn');
    const first = text(analyze(A));
    analyze(B);
    expect(text(analyze(A))).toBe(first);
  });

  it('loss gradients match central differences on random networks', () => {
    const r = rand(11);
    for (let k = 0; k < 6; k++) {
      const T = 1 + Math.floor((r() + 0.5) * 5);
      const n = 1 + Math.floor((r() + 0.5) * 4);
      const m = model(vectorNet(300 + k, T, n, 2, 2, k % 2 ? 'tanh' : 'σ', k % 3 === 0));
      const run = forward(m);
      for (const name of ['W_hh', 'W_xh', 'b_h', 'W_hy']) {
        const w = m.decls.get(name)!.values![0]!;
        const g = run.lossGrad(name, null)!.data;
        const lossAt = (i: number, delta: number) => {
          const v = w.slice();
          v[i]! += delta;
          return forward(m, new Map([[name, [v]]])).loss!.data[0]!;
        };
        const h = 1e-6;
        for (let i = 0; i < w.length; i++) {
          const fd = (lossAt(i, h) - lossAt(i, -h)) / (2 * h);
          expect(Math.abs(fd - g[i]!)).toBeLessThan(1e-5 * Math.max(1, Math.abs(fd)));
        }
      }
    }
  });
});
