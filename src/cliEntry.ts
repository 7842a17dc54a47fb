// `unroll` (dist/cli.js): the command line of cli.ts, bundled as dist/cli-core.js, loaded through its V8 code
// cache (codeCache.ts) so that a run on one file does not spend half its analysis compiling the engine.
import { join } from 'node:path';
import { loadWithCodeCache } from './codeCache';

loadWithCodeCache(join(__dirname, 'cli-core.js'));
