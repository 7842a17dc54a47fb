// extensionTestsPath entry for the Node extension host (code-server and @vscode/test-electron):
// VS Code calls run() once the extension under development is loaded, and exits with 1 if it rejects.
import * as fs from 'fs';
import * as path from 'path';
import { makeReporter } from './reporter';
import { registerSuites } from './register';

export function run(): Promise<void> {
  // mocha stays external: it is required from the repository's node_modules at run time
  const Mocha = require('mocha') as typeof import('mocha');
  const resultsFile = process.env.UNROLL_TEST_RESULTS;
  const reporter = makeReporter(`node ${process.versions.node}`, (summary) => {
    if (resultsFile) {
      fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
      fs.writeFileSync(resultsFile, JSON.stringify(summary, null, 2));
    }
  });
  const mocha = new Mocha({ ui: 'tdd', timeout: 30000, color: false, reporter: reporter as any });
  const grep = process.env.UNROLL_TEST_GREP;
  if (grep) mocha.grep(grep);
  mocha.suite.emit('pre-require', globalThis, 'unroll-integration', mocha);
  registerSuites();
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} integration test(s) failed`)) : resolve()));
  });
}
