// The suite files, in the order they run. Each is loaded after mocha has defined its globals (suite, test),
// which is why they are required here at run time rather than imported at the top.
export function registerSuites(): void {
  require('./activation.suite');
  require('./diagnostics.suite');
  require('./checks.suite');
  require('./hover.suite');
  require('./inline.suite');
  require('./examples.suite');
  require('./unicode.suite');
  require('./worker.suite');
  // before the panel suite: it leaves the panel on the sheet-7 example, which the web runner then reads
  require('./solution.suite');
  require('./notebook.suite');
  require('./quickfix.suite');
  require('./coexist.suite');
  require('./panel.suite');
}
