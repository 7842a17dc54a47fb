// A tiny mocha reporter that works in both extension hosts (Node and web worker): one line per test,
// prefixed so the runner can pick the results out of the console, and a final summary line.
// Mocha's own reporters assume a terminal (Node) or a DOM (browser); the web worker has neither.

export const RESULT_PREFIX = 'UNROLL-TEST ';

export interface TestRecord {
  title: string;
  state: 'passed' | 'failed';
  ms: number;
  error?: string;
}

export interface SuiteSummary {
  host: string;
  passed: number;
  failed: number;
  tests: TestRecord[];
}

interface MochaTest {
  fullTitle(): string;
  duration?: number;
}
interface MochaRunner {
  on(event: string, fn: (...args: any[]) => void): void;
}

/** Returns a mocha reporter constructor; `onEnd` receives the summary (the Node host also writes it to a file). */
export function makeReporter(host: string, onEnd: (s: SuiteSummary) => void) {
  return function UnrollReporter(runner: MochaRunner) {
    const tests: TestRecord[] = [];
    const emit = (r: TestRecord) => {
      tests.push(r);
      console.log(RESULT_PREFIX + JSON.stringify(r));
    };
    runner.on('pass', (t: MochaTest) => emit({ title: t.fullTitle(), state: 'passed', ms: t.duration ?? 0 }));
    runner.on('fail', (t: MochaTest, err: unknown) =>
      emit({ title: t.fullTitle(), state: 'failed', ms: t.duration ?? 0, error: errorText(err) }),
    );
    runner.on('end', () => {
      const summary: SuiteSummary = {
        host,
        passed: tests.filter((t) => t.state === 'passed').length,
        failed: tests.filter((t) => t.state === 'failed').length,
        tests,
      };
      console.log(RESULT_PREFIX + 'SUMMARY ' + JSON.stringify({ host, passed: summary.passed, failed: summary.failed }));
      onEnd(summary);
    });
  };
}

function errorText(err: unknown): string {
  if (err instanceof Error) return (err.stack ?? err.message).split('\n').slice(0, 6).join('\n');
  return String(err);
}
