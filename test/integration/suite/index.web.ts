// extensionTestsPath entry for the web-worker extension host (@vscode/test-web): mocha's browser build,
// bundled in; results go to the console, which the runner reads from the page.
import { makeReporter } from './reporter';
import { registerSuites } from './register';

export function run(): Promise<void> {
  const mocha = require('mocha/mocha.js') as BrowserMocha;
  mocha.setup({ ui: 'tdd', timeout: 30000, reporter: makeReporter('web worker', () => undefined) });
  registerSuites();
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} integration test(s) failed`)) : resolve()));
  });
}

interface BrowserMocha {
  setup(opts: { ui: string; timeout: number; reporter: unknown }): void;
  run(done: (failures: number) => void): unknown;
}
