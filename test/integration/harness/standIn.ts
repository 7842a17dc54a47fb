// LaTeX Workshop's stand-in, installed the way a user installs an extension (a .vsix into the extensions
// folder): code-server's server loads one extensionDevelopmentPath only, so it cannot ride beside Unroll there.
import { execFileSync } from 'child_process';
import { mkdirSync, readdirSync, rmSync } from 'fs';
import { join } from 'path';
import { codeServerCli } from './codeServer';
import { LATEX_STAND_IN, REPO, runDir } from './tools';

/** An extensions folder holding the stand-in, installed from its own freshly packed .vsix. */
export async function extensionsWithStandIn(name: string): Promise<string> {
  const dir = runDir(`${name}-extensions`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const vsix = join(dir, 'latex-workshop-stand-in.vsix');
  execFileSync(
    join(REPO, 'node_modules/.bin/vsce'),
    ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', vsix],
    { cwd: LATEX_STAND_IN, stdio: ['ignore', 'pipe', 'pipe'], timeout: 120000 },
  );
  await codeServerCli(['--extensions-dir', dir, '--install-extension', vsix]);
  if (!readdirSync(dir).some((d) => d.startsWith('unroll-tests.latex-workshop-stand-in-')))
    throw new Error(`the LaTeX Workshop stand-in was not installed into ${dir}`);
  return dir;
}
