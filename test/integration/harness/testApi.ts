// Runs an extensionTestsPath suite in a workbench page the way VS Code's own browser integration tests do:
// the page gets window.codeAutomationLog/codeAutomationExit, and the workbench calls codeAutomationExit(code)
// when the suite's run() settles (0: resolved, 1: rejected or failed to load).
import type { Page } from 'playwright-core';
import { RESULT_PREFIX, type SuiteSummary, type TestRecord } from '../suite/reporter';
import { printResult } from './results';

export interface SuiteOutcome {
  exitCode: number | null;
  /** per-test records seen on the console (the Node host also writes them to a file) */
  tests: TestRecord[];
  summary?: { passed: number; failed: number };
}

export async function runSuiteInPage(page: Page, url: string, timeoutMs: number): Promise<SuiteOutcome> {
  const tests: TestRecord[] = [];
  let summary: SuiteOutcome['summary'];
  const seen = (text: string) => {
    const i = text.indexOf(RESULT_PREFIX);
    if (i < 0) return;
    const body = text.slice(i + RESULT_PREFIX.length);
    try {
      if (body.startsWith('SUMMARY ')) summary = JSON.parse(body.slice(8)) as SuiteSummary;
      else {
        const rec = JSON.parse(body) as TestRecord;
        if (!tests.some((t) => t.title === rec.title)) {
          tests.push(rec);
          printResult(rec);
        }
      }
    } catch {
      /* a line cut by the console: the results file has it */
    }
  };
  page.on('console', (m) => seen(m.text()));
  let exit!: (code: number) => void;
  const exited = new Promise<number>((res) => (exit = res));
  await page.exposeFunction('codeAutomationLog', (_type: string, args: unknown[]) => {
    for (const a of Array.isArray(args) ? args : [args]) seen(typeof a === 'string' ? a : JSON.stringify(a));
  });
  await page.exposeFunction('codeAutomationExit', (code: number) => exit(code));
  await page.goto(url);
  const timedOut = new Promise<null>((res) => setTimeout(() => res(null), timeoutMs));
  const exitCode = await Promise.race([exited, timedOut]);
  return { exitCode, tests, ...(summary ? { summary } : {}) };
}
