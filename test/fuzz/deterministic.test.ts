// Honest budgets (issue 11): every limit that decides what a Report contains is counted in operations,
// so the limits' cases give the very same Report on an idle machine and on one whose CPU is busy. The
// busy run has a worker thread spinning for its whole duration (on a 2-core box that halves this
// thread's share); a wall-clock budget would cut different questions in the two runs.

import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import type { Report } from '../../src/report';
import { loadExample } from '../examples/helpers';

const scalarRnn = (T: number) => `T = ${T}\nparam w = 0.5\ninput x = 0.1\nh_0 = 0\nh_t = tanh(w h_{t-1} + x_t)\nloss L = Σ_t h_t\n`;

// the pathological.test.ts cases that reach a limit, and legitimate files near one
const CASES: [string, string, boolean][] = [
  ['a double sum over the steps (T² terms)', scalarRnn(500) + 'check L = Σ_{i=1}^{T} Σ_{j=1}^{T} h_j / T\n', false],
  ['a sum of total derivatives (a sweep per term)', scalarRnn(1500) + 'check ∂L/∂w = Σ_{i=1}^{T} ∂L/∂h_i · ∂h_i/∂w\n', false],
  [
    'a product of one-step Jacobians and a derive per step',
    scalarRnn(1500) + 'check ∂h_T/∂h_1 = ∏_{j=2}^{T} ∂h_j/∂h_{j-1}\nderive ∂h_t/∂h_1\n',
    false,
  ],
  ['T = 10000, the limit itself, with forms asked for', scalarRnn(10_000) + 'derive ∂L/∂w\n', true],
  ['sheet 7 at T = 300 with every form', loadExample('sheet7-vanilla-rnn.rnn').replace('T = 3', 'T = 300'), true],
];

/** the Report without the one field that is a timing */
const content = (r: Report) => JSON.stringify({ ...r, elapsedMs: 0 });

function busy(): Worker {
  // a plain busy loop until terminated (eval'd worker source is a string given to Node, not user text)
  return new Worker('for (;;) {}', { eval: true });
}

describe('the same Report idle and under load', { timeout: 300_000 }, () => {
  const workers: Worker[] = [];
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.terminate()));
  });

  for (const [name, text, forms] of CASES) {
    it(name, async () => {
      const idle = content(analyze(text, { forms }));
      const w = busy();
      workers.push(w);
      await new Promise((r) => w.once('online', r));
      const loaded = content(analyze(text, { forms }));
      await w.terminate();
      expect(loaded).toBe(idle);
    });
  }

  it('the limits are reached by some of the cases (the test exercises them)', () => {
    const r = analyze(CASES[0]![1]);
    expect(r.diagnostics.some((d) => d.code === 'limit' && /operations/.test(d.message))).toBe(true);
  });
});
