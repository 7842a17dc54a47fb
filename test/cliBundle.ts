// The CLI as users run it, bundled from src/cli.ts into a test's own folder (the CLI tests run it as a process:
// exit statuses, stdout/stderr, worker threads). One recipe for every such test.
import { join } from 'node:path';
import { build } from 'esbuild';

/** src/cli.ts bundled to DIR/cli.js; its path */
export async function bundleCli(dir: string): Promise<string> {
  const cli = join(dir, 'cli.js');
  await build({ entryPoints: ['src/cli.ts'], bundle: true, platform: 'node', format: 'cjs', outfile: cli, logLevel: 'error' });
  return cli;
}
