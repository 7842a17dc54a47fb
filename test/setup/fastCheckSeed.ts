// fast-check's seed for each test file: random, as fast-check's own default, but drawn here and written down
// before any property runs. A property that fails prints its seed; one that never ends (a loop on some input)
// prints nothing, so the seed goes to the progress log of `npm test` (scripts/vitest-progress.mjs), and
// UNROLL_FC_SEED=<seed> replays it. A property given its own `seed` keeps it.
import fc from 'fast-check';
import { appendFileSync } from 'node:fs';
import { relative } from 'node:path';
import { expect } from 'vitest';

const seed = process.env.UNROLL_FC_SEED ? Number(process.env.UNROLL_FC_SEED) : Math.floor(Math.random() * 2 ** 31);
fc.configureGlobal({ seed });

const log = process.env.UNROLL_VITEST_PROGRESS;
const file = expect.getState().testPath;
if (log && file) appendFileSync(log, `-\tseed\t${relative(process.cwd(), file)}\tUNROLL_FC_SEED=${seed}\n`);
