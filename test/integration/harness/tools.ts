// Where the editor-test tools live (installed by scripts/setup-editor-tests.sh) and how to load them.
// A missing tool is a loud failure naming the set-up script, never a skipped test.
import { existsSync, readdirSync, rmSync } from 'fs';
import { createRequire } from 'module';
import { join, resolve } from 'path';

/** The repository root: the bundles run from out/integration/runners/. */
export const REPO = resolve(__dirname, '../../..');
export const TOOLS = resolve(process.env.UNROLL_EDITOR_TESTS_DIR ?? join(REPO, '.editor-tests'));
export const RESULTS = join(REPO, 'test-results');
/** A stand-in for LaTeX Workshop (owns the latex language, hovers, lint diagnostics), loaded beside Unroll. */
export const LATEX_STAND_IN = join(REPO, 'test/integration/fixtures/latex-workshop-stand-in');
export const SCREENSHOTS = join(RESULTS, 'screenshots');
export const CHROMIUM = process.env.UNROLL_CHROMIUM ?? '/usr/bin/chromium';

export class SetupError extends Error {}

/**
 * This process's scratch folder under .editor-tests/run/ (per process id, so two runs never share
 * a user-data dir or a workspace). Folders of processes that are gone are removed on first use.
 */
export function runDir(name: string): string {
  const root = join(TOOLS, 'run');
  if (!cleaned) {
    cleaned = true;
    for (const d of existsSync(root) ? readdirSync(root) : []) {
      const pid = Number(/-(\d+)$/.exec(d)?.[1]);
      if (pid && pid !== process.pid && !alive(pid)) rmSync(join(root, d), { recursive: true, force: true });
    }
  }
  return join(root, `${name}-${process.pid}`);
}
let cleaned = false;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function need(path: string, what: string): string {
  if (!existsSync(path)) {
    throw new SetupError(`${what} is not installed (${path} is missing): run scripts/setup-editor-tests.sh`);
  }
  return path;
}

/** require() a package installed in one of the tool folders (cs: code-server, web: test-web). */
export function requireTool<T>(folder: 'cs' | 'web', name: string): T {
  const pkg = need(join(TOOLS, folder, 'package.json'), `the editor-test tools (${folder})`);
  try {
    return createRequire(pkg)(name) as T;
  } catch (e) {
    throw new SetupError(
      `${name} cannot be loaded from ${join(TOOLS, folder)}: run scripts/setup-editor-tests.sh (${(e as Error).message})`,
    );
  }
}

export function codeServerBin(): string {
  return need(join(TOOLS, 'cs/node_modules/.bin/code-server'), 'code-server');
}

/** The built extension and suite must exist: the runners test what `npm run build` produced. */
export function needBuilt(): void {
  need(join(REPO, 'dist/extension.js'), 'the extension bundle dist/extension.js (run `npm run build`)');
  need(join(REPO, 'dist/index.js'), 'the library bundle dist/index.js (run `npm run build`)');
  need(join(REPO, 'out/integration/suite/node.js'), 'the integration suite (run `npm run build:integration`)');
}

/**
 * A runner never outlives `ms`: on timeout or SIGTERM/SIGINT it exits (exit handlers stop code-server),
 * so a hung browser or editor cannot hang CI.
 */
export function watchdog(runner: string, ms: number): void {
  setTimeout(() => {
    console.error(`[${runner}] gave up after ${ms} ms (watchdog)`);
    process.exit(1);
  }, ms).unref();
  for (const sig of ['SIGTERM', 'SIGINT'] as const) {
    process.once(sig, () => {
      console.error(`[${runner}] ${sig}: stopping`);
      process.exit(1);
    });
  }
}
