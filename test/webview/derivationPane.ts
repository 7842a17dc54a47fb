// The panel mounted afresh on a report with the cursor on one derive, for the tests that read the
// derivation pane as the user sees it (derivationReadable, factoredForm). Needs the happy-dom environment.
import { PanelApp } from '../../src/webview/app';
import type { Report } from '../../src/report';

/** a fresh panel showing `report` with the cursor on its derive number `derive`: the derivation pane */
export function showDerivation(report: Report, derive: number): HTMLElement {
  document.body.innerHTML = '';
  const root = document.createElement('div');
  root.id = 'app';
  document.body.appendChild(root);
  const app = new PanelApp(
    document,
    root,
    { post: () => undefined, setState: () => undefined },
    { uri: null, selected: null, scaleParam: null, scaleFactor: 1 },
  );
  app.handle({
    type: 'report',
    doc: { uri: 'file:///w/x.rnn', fileName: 'x.rnn', version: 1 },
    report,
    cursor: { line: 1, column: 1, derive, check: null, symbol: null, node: null },
    editAt: Date.now(),
    postedAt: Date.now(),
  });
  return root.querySelector('#derivation') as HTMLElement;
}
