// dist/worker.js, the analysis worker the desktop extension starts (a worker_threads Worker): it loads the
// worker's bundle, dist/worker-core.js (entry.ts), through V8's code cache, as `unroll` loads its own
// (src/codeCache.ts, issue 9: the first analysis of a session no slower than v1's). The worker is
// terminated, not exited, so the cache is written once its first complete Report is out; V8 refuses the
// build's cache in an editor whose Node differs from the build's, and the first session there replaces it.
import { join } from 'node:path';
import { loadWithCodeCache } from '../../codeCache';

const { exports, writeCache } = loadWithCodeCache(join(__dirname, 'worker-core.js'), 'when-told');
(exports as { afterFirstReport?: (listener: () => void) => void }).afterFirstReport?.(writeCache);
