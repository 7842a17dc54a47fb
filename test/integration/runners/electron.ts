// The same in-editor suite in desktop VS Code, for a contributor's machine: @vscode/test-electron
// downloads VS Code (or uses UNROLL_VSCODE_EXECUTABLE) and runs out/integration/suite/node.js in it.
// It cannot run on the offline CI machine (the download needs update.code.visualstudio.com; electron
// is not installable from npm or Debian there), so CI runs the code-server runner instead.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'fs';
import { join } from 'path';
import { writeResults } from '../harness/results';
import { LATEX_STAND_IN, needBuilt, REPO, runDir } from '../harness/tools';
import { runMain } from '../harness/runner';
import { makeWorkspace } from '../harness/workspace';
import type { SuiteSummary } from '../suite/reporter';

const RUNNER = 'electron-suite';
/** the VS Code the extension targets (engines.vscode ^1.100.0; @types/vscode 1.100) */
const VERSION = process.env.UNROLL_VSCODE_VERSION ?? '1.100.3';
const TIMEOUT_MS = 600000;

async function main(): Promise<number> {
  const t0 = Date.now();
  const resultsFile = join(REPO, 'test-results/integration', `${RUNNER}.host.json`);
  rmSync(resultsFile, { force: true });
  try {
    needBuilt();
    // @vscode/test-electron 2.5.x: the last line that runs on Node 20 (3.x needs Node 22)
    const { runTests } = require('@vscode/test-electron') as typeof import('@vscode/test-electron');
    const ws = makeWorkspace(RUNNER);
    const userDataDir = runDir(`${RUNNER}-user-data`);
    mkdirSync(userDataDir, { recursive: true });
    const run = runTests({
      ...(process.env.UNROLL_VSCODE_EXECUTABLE ? { vscodeExecutablePath: process.env.UNROLL_VSCODE_EXECUTABLE } : { version: VERSION }),
      // desktop VS Code loads several development paths: LaTeX Workshop's stand-in rides beside Unroll
      extensionDevelopmentPath: [REPO, LATEX_STAND_IN],
      extensionTestsPath: join(REPO, 'out/integration/suite/node.js'),
      launchArgs: [
        ws,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--user-data-dir',
        userDataDir,
      ],
      extensionTestsEnv: { UNROLL_TEST_RESULTS: resultsFile },
    }).catch((e: unknown) => {
      // a failing suite rejects too: the results file tells failing tests from a VS Code that did not start
      if (!existsSync(resultsFile)) throw e;
      return 1;
    });
    // a hung desktop VS Code must not hang the run
    const timeout = new Promise<never>((_, rej) =>
      setTimeout(() => rej(new Error(`VS Code did not finish within ${TIMEOUT_MS} ms`)), TIMEOUT_MS).unref(),
    );
    await Promise.race([run, timeout]);
    if (!existsSync(resultsFile)) throw new Error('the suite wrote no results');
    const summary = JSON.parse(readFileSync(resultsFile, 'utf8')) as SuiteSummary;
    return writeResults(RUNNER, summary.tests, (Date.now() - t0) / 1000).failed === 0 ? 0 : 1;
  } catch (e) {
    return writeResults(RUNNER, [], (Date.now() - t0) / 1000, `VS Code desktop could not run the suite: ${(e as Error).message}`).failed ===
      0
      ? 0
      : 1;
  }
}

runMain(RUNNER, main);
