// The CLI as users run it, bundled from src/cli.ts into a test's own folder (the CLI tests run it as a process:
// exit statuses, stdout/stderr, worker threads). One recipe for every such test.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll } from 'vitest';

/** src/cli.ts bundled to DIR/cli.js; its path */
export async function bundleCli(dir: string): Promise<string> {
  const cli = join(dir, 'cli.js');
  await build({ entryPoints: ['src/cli.ts'], bundle: true, platform: 'node', format: 'cjs', outfile: cli, logLevel: 'error' });
  return cli;
}

/**
 * A test file's own temporary folder with the CLI bundled in it (before the file's own beforeAll hooks, which write
 * its fixtures there; removed after its tests), and `run(...args)`: the CLI run there as a user runs it, uncoloured.
 */
export class CliFolder {
  dir = '';
  private cli = '';

  constructor(prefix: string) {
    beforeAll(async () => {
      this.dir = mkdtempSync(join(tmpdir(), prefix));
      this.cli = await bundleCli(this.dir);
    }, 60_000);
    afterAll(() => rmSync(this.dir, { recursive: true, force: true }));
  }

  /** a path inside the folder */
  path = (...parts: string[]): string => join(this.dir, ...parts);

  run = (...args: string[]): SpawnSyncReturns<string> =>
    spawnSync(process.execPath, [this.cli, ...args], { encoding: 'utf8', cwd: this.dir, env: { ...process.env, NO_COLOR: '1' } });
}
