// fast-check's seed for each test file: random, as fast-check's own default, but drawn here and written down
// before any property runs. A property that fails prints its seed; one that never ends (a loop on some input)
// prints nothing, so the seed goes to the progress log of `npm test` (scripts/vitest-progress.mjs), and
// UNROLL_FC_SEED=<seed> replays it. `npm test` gives one fixed seed (scripts/test-all.mjs), so that CI and a
// local run are the same run; UNROLL_FC_SEED=random draws. A property given its own `seed` keeps it.
import fc from 'fast-check';
import { appendFileSync } from 'node:fs';
import { relative } from 'node:path';
import { expect } from 'vitest';

const given = process.env.UNROLL_FC_SEED;
const seed = given && given !== 'random' ? Number(given) : Math.floor(Math.random() * 2 ** 31);
fc.configureGlobal({ seed });

const log = process.env.UNROLL_VITEST_PROGRESS;
const file = expect.getState().testPath;
if (log && file) appendFileSync(log, `-\tseed\t${relative(process.cwd(), file)}\tUNROLL_FC_SEED=${seed}\n`);
