// Results of one runner, written to test-results/integration/<runner>.json for the combined summary
// (scripts/test-summary.mjs) and printed as one line per test.
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { RESULTS } from './tools';

export interface Result {
  title: string;
  state: 'passed' | 'failed';
  ms: number;
  error?: string;
}

export interface RunnerResults {
  runner: string;
  passed: number;
  failed: number;
  /** set when the runner itself could not start or finish (the tests it would have run count as failed) */
  error?: string;
  seconds: number;
  tests: Result[];
}

export function printResult(r: Result): void {
  console.log(`  ${r.state === 'passed' ? '✓' : '✗'} ${r.title} (${r.ms} ms)`);
  if (r.error)
    console.log(
      r.error
        .split('\n')
        .map((l) => '      ' + l)
        .join('\n'),
    );
}

export function writeResults(runner: string, tests: Result[], seconds: number, error?: string): RunnerResults {
  const failedTests = tests.filter((t) => t.state === 'failed').length;
  const res: RunnerResults = {
    runner,
    passed: tests.filter((t) => t.state === 'passed').length,
    // a runner that broke down counts as at least one failure, whatever it managed to run before
    failed: failedTests + (error && failedTests === 0 ? 1 : 0),
    seconds,
    tests,
    ...(error ? { error } : {}),
  };
  mkdirSync(join(RESULTS, 'integration'), { recursive: true });
  writeFileSync(join(RESULTS, 'integration', `${runner}.json`), JSON.stringify(res, null, 2));
  const status = res.failed === 0 ? 'OK' : 'FAILED';
  console.log(`[${runner}] ${status}: ${res.passed} passed, ${res.failed} failed in ${seconds.toFixed(1)} s${error ? ` — ${error}` : ''}`);
  return res;
}

/** Records named checks of a Playwright-driven run, each with its own timeout. */
export class Checks {
  readonly tests: Result[] = [];
  constructor(private readonly prefix: string) {}

  async run(title: string, timeoutMs: number, fn: () => Promise<void>): Promise<boolean> {
    const t0 = Date.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        fn(),
        new Promise((_, rej) => (timer = setTimeout(() => rej(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs))),
      ]);
      this.add({ title: `${this.prefix} ${title}`, state: 'passed', ms: Date.now() - t0 });
      return true;
    } catch (e) {
      const err = e instanceof Error ? (e.stack ?? e.message).split('\n').slice(0, 5).join('\n') : String(e);
      this.add({ title: `${this.prefix} ${title}`, state: 'failed', ms: Date.now() - t0, error: err });
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  private add(r: Result): void {
    this.tests.push(r);
    printResult(r);
  }
}
