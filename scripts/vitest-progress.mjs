// A vitest reporter for `npm test`: one line per test file started or ended and per test started, appended
// to a file as it happens (UNROLL_VITEST_PROGRESS, default test-results/vitest-progress.log). When vitest
// does not end within its time, scripts/test-all.mjs reads it to name the files and tests that were still
// running; vitest's own reporters print a file only when it ends, so a hang would leave no trace.
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';

const FILE = process.env.UNROLL_VITEST_PROGRESS ?? 'test-results/vitest-progress.log';

export default class Progress {
  constructor() {
    mkdirSync(dirname(FILE), { recursive: true });
    writeFileSync(FILE, '');
    this.t0 = Date.now();
  }
  line(kind, what) {
    appendFileSync(FILE, `${((Date.now() - this.t0) / 1000).toFixed(1)}\t${kind}\t${what}\n`);
  }
  name(m) {
    return relative(process.cwd(), m.moduleId);
  }
  onTestModuleStart(m) {
    this.line('start', this.name(m));
  }
  onTestModuleEnd(m) {
    this.line('end', this.name(m));
  }
  onTestCaseReady(c) {
    this.line('test', `${this.name(c.module)} > ${c.fullName}`);
  }
  onTestCaseResult(c) {
    this.line('done', `${this.name(c.module)} > ${c.fullName}`);
  }
}
