// Loading a CommonJS bundle through V8's code cache. A process that runs one analysis (the CLI on one file)
// spends half of its first analysis compiling functions to bytecode; the bytecode of every function a run
// compiled, kept beside the bundle (FILE.cache) and handed back to V8, takes that away (issue 9: a cold
// analysis no slower than v1's). V8 checks the cache against the source and its own version and flags, and
// refuses one that does not match: the bundle then compiles as usual, and a fresh cache is written when the
// process exits (the CLI) or when the loader is told the bundle's hot code has run (the extension's analysis
// worker, which is terminated rather than exited). UNROLL_CODE_CACHE=0 turns it off.

import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

/** what the last load did with the cache: for the tests and the benchmark (UNROLL_CODE_CACHE_REPORT=1 prints it) */
export type CacheUse = 'accepted' | 'rejected' | 'absent' | 'off';

export interface Loaded {
  use: CacheUse;
  /** what the bundle exports */
  exports: unknown;
  /**
   * Write the cache now, with the bytecode of every function compiled so far, when there was no usable one
   * (a no-op otherwise, and after the first call). `write: 'exit'` calls it as the process exits.
   */
  writeCache: () => void;
}

/**
 * Run `file` (a CommonJS bundle) as a module of its own, with its code cache when there is a usable one.
 * `write`: when a missing or refused cache is written — as the process exits (the CLI), or only when the
 * caller calls writeCache (a worker thread, which may be terminated without an exit).
 */
export function loadWithCodeCache(file: string, write: 'exit' | 'when-told' = 'exit'): Loaded {
  const source = readFileSync(file, 'utf8');
  const cacheFile = `${file}.cache`;
  const off = process.env.UNROLL_CODE_CACHE === '0';
  let cached: Buffer | undefined;
  if (!off) {
    try {
      cached = readFileSync(cacheFile);
    } catch {
      cached = undefined;
    }
  }
  const script = new Script(Module.wrap(source), { filename: file, cachedData: cached });
  const use: CacheUse = off ? 'off' : cached === undefined ? 'absent' : script.cachedDataRejected ? 'rejected' : 'accepted';
  if (process.env.UNROLL_CODE_CACHE_REPORT === '1') process.stderr.write(`unroll: code cache ${use}\n`);
  let due = use === 'absent' || use === 'rejected';
  const writeCache = () => {
    if (!due) return;
    due = false;
    // written aside and renamed, so that two processes writing at once never leave half a file (an
    // unwritable folder: no cache)
    try {
      const part = `${cacheFile}.${process.pid}.${Date.now()}.part`;
      writeFileSync(part, script.createCachedData());
      renameSync(part, cacheFile);
    } catch {
      // a read-only install: every run compiles, as without the cache
    }
  };
  // at exit the cache holds the bytecode of every function this run compiled
  if (due && write === 'exit') process.once('exit', writeCache);
  const wrapper = script.runInThisContext() as (
    exports: unknown,
    require: NodeJS.Require,
    module: { exports: unknown },
    filename: string,
    dirname: string,
  ) => void;
  const mod = { exports: {} as unknown, filename: file, id: file };
  wrapper.call(mod.exports, mod.exports, createRequire(file), mod, file, dirname(file));
  return { use, exports: mod.exports, writeCache };
}
