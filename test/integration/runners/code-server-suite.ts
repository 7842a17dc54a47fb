// Runs the in-editor suite (test/integration/suite) in code-server's Node extension host, with the
// extension loaded from the repository as extensionDevelopmentPath. This is what CI runs.
import { existsSync, readFileSync, rmSync } from 'fs';
import { join } from 'path';
import { launch, type Session } from '../harness/browser';
import { startCodeServer, type CodeServer } from '../harness/codeServer';
import { printResult, writeResults, type Result } from '../harness/results';
import { runSuiteInPage } from '../harness/testApi';
import { extensionsWithStandIn } from '../harness/standIn';
import { needBuilt, REPO, RESULTS } from '../harness/tools';
import { runMain } from '../harness/runner';
import { makeWorkspace } from '../harness/workspace';
import { traceNetwork, traceSummary } from '../harness/netTrace';
import type { SuiteSummary } from '../suite/reporter';

const RUNNER = 'code-server-suite';
const TIMEOUT_MS = Number(process.env.UNROLL_SUITE_TIMEOUT_MS ?? 300000);

async function main(): Promise<number> {
  const t0 = Date.now();
  const secs = () => (Date.now() - t0) / 1000;
  const resultsFile = join(RESULTS, 'integration', `${RUNNER}.host.json`);
  rmSync(resultsFile, { force: true });
  let cs: CodeServer | undefined;
  let session: Session | undefined;
  try {
    needBuilt();
    const ws = makeWorkspace(RUNNER);
    cs = await startCodeServer({
      name: RUNNER,
      // LaTeX Workshop's stand-in, installed beside Unroll (the coexist suite)
      extensionsDir: await extensionsWithStandIn(RUNNER),
      env: {
        UNROLL_TEST_RESULTS: resultsFile,
        ...(process.env.UNROLL_TEST_GREP ? { UNROLL_TEST_GREP: process.env.UNROLL_TEST_GREP } : {}),
      },
    });
    console.log(`[${RUNNER}] code-server on ${cs.origin}, workspace ${ws}`);
    session = await launch();
    // every request of the workbench, its webviews and their service workers: what a slow panel open waits on
    const trace = traceNetwork(session.context, session.page);
    const url = cs.url(ws, [
      ['extensionDevelopmentPath', cs.remote(REPO)],
      ['extensionTestsPath', cs.remote(join(REPO, 'out/integration/suite/node.js'))],
    ]);
    const outcome = await runSuiteInPage(session.page, url, TIMEOUT_MS);
    console.log(`[${RUNNER}] network: ${traceSummary(trace)} (${trace.write(RUNNER)})`);
    // the host's own record is complete; the console copy is a fallback
    let tests: Result[] = outcome.tests;
    if (existsSync(resultsFile)) tests = (JSON.parse(readFileSync(resultsFile, 'utf8')) as SuiteSummary).tests;
    for (const t of tests) if (!outcome.tests.some((o) => o.title === t.title)) printResult(t);
    // the panel suite writes its measured open / re-show times into the workspace (reported, not asserted)
    const timings = join(ws, 'panel-timings.txt');
    if (existsSync(timings)) console.log(`[${RUNNER}] ${readFileSync(timings, 'utf8').trim()}`);
    // and the worker suite its hover latency during a 10,000-step analysis
    const workerTimings = join(ws, 'worker-timings.txt');
    if (existsSync(workerTimings)) for (const l of readFileSync(workerTimings, 'utf8').trim().split('\n')) console.log(`[${RUNNER}] ${l}`);
    let error: string | undefined;
    if (outcome.exitCode === null) error = `the suite did not finish within ${TIMEOUT_MS} ms`;
    else if (tests.length === 0) error = `the suite ran no test (exit code ${outcome.exitCode}): the extension or the suite failed to load`;
    else if (outcome.exitCode !== 0 && !tests.some((t) => t.state === 'failed')) error = `the workbench exited with ${outcome.exitCode}`;
    if (error) {
      const tail = session.console
        .filter((l) => /error|fail|exception/i.test(l))
        .slice(-15)
        .join('\n');
      console.log(`[${RUNNER}] page console (errors):\n${tail}`);
      console.log(`[${RUNNER}] code-server log tail:\n${cs.log().split('\n').slice(-15).join('\n')}`);
    }
    return writeResults(RUNNER, tests, secs(), error).failed === 0 ? 0 : 1;
  } catch (e) {
    return writeResults(RUNNER, [], secs(), (e as Error).message).failed === 0 ? 0 : 1;
  } finally {
    await session?.close();
    await cs?.stop();
  }
}

runMain(RUNNER, main);
