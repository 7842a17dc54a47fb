// The panel: time from an edit to the report message being posted (analyze + cursor context + the JSON
// a webview message travels as; target < 100 ms per example), and the graph's render time in a
// browser-like DOM (happy-dom) for T = 3 and T = 50.

import { analyze } from '../src/analysis';
import { cursorContext } from '../src/extension/panel/panelCursor';
import { asPanelState, type ReportMessage } from '../src/protocol';
import { PanelApp } from '../src/webview/app';
import { loadExamples } from './examplesBench';
import { fmtMs, fmtT, median, printTable, timeMedian } from './timing';

function messageFor(text: string, fileName: string): ReportMessage {
  const report = analyze(text);
  const line = report.derives[0]?.line ?? 1;
  return {
    type: 'report',
    doc: { uri: `untitled:${fileName}`, fileName, version: 1 },
    report,
    cursor: cursorContext(report, line, 1),
    editAt: Date.now(),
    postedAt: Date.now(),
  };
}

export function benchPanelMessages(): void {
  const rows: string[][] = [];
  for (const { name, text } of loadExamples()) {
    let bytes = 0;
    const t = timeMedian(() => {
      bytes = JSON.stringify(messageFor(text, name)).length;
    }, 21, 3);
    rows.push([name, fmtT(t), `${(bytes / 1024).toFixed(0)} KB`, t.ownMs < 100 ? 'yes' : 'NO']);
  }
  printTable('Panel: edit → report message posted — median; target < 100 ms', ['example', 'latency', 'message', '< 100 ms'], rows);
  console.log('  latency = analyze() + cursorContext() + JSON serialisation of the message (how webview messages travel).');
}

/** The sheet-7 network over T steps (the panel's T = 50 case). */
function sheet7(T: number): string {
  const xs = Array.from({ length: T }, (_, t) => (Math.cos(t) * 0.9).toFixed(3));
  const ys = Array.from({ length: T }, (_, t) => String(t % 2));
  return `T = ${T}\ninput x = [${xs.join(', ')}]\ntarget y = [${ys.join(', ')}]\nparam W_xh = 0.3\nparam W_hh = 0.8\nparam b_h = 0.1\nparam W_hy = 1.5\nparam b_y = -0.2\nh_0 = 0\nh_t = σ(W_xh x_t + W_hh h_{t-1} + b_h)\no_t = σ(W_hy h_t + b_y)\nL_t = (y_t - o_t)^2\nloss L = Σ_t L_t\nderive ∂L/∂W_hh\n`;
}

export async function benchPanelRender(): Promise<void> {
  const { Window } = await import('happy-dom');
  const rows: string[][] = [];
  for (const T of [3, 50]) {
    const window = new Window();
    const doc = window.document as unknown as Document;
    const root = doc.body.appendChild(doc.createElement('div'));
    const app = new PanelApp(doc, root, { post: () => {}, setState: () => {} }, asPanelState(undefined));
    const m = messageFor(sheet7(T), `sheet7-T${T}.rnn`);
    const graph: number[] = [];
    const total: number[] = [];
    const t = timeMedian(() => {
      const r = app.showReport({ ...m, postedAt: Date.now() });
      graph.push(r.graphMs);
      total.push(r.totalMs);
    }, 15, 3, 8000);
    const last = app.lastTimings!;
    rows.push([`T = ${T}`, fmtMs(median(graph)), fmtMs(median(total)), fmtT(t), `${last.nodes}/${last.edges}`]);
    await window.happyDOM.close();
  }
  printTable(
    'Panel: rendering the sheet-7 network in happy-dom — median (graph and sections: the panel\'s own wall-clock timings)',
    ['', 'graph SVG', 'all sections', 'showReport()', 'nodes/edges'],
    rows,
  );
  console.log('  happy-dom builds the DOM without layout or paint; a real webview adds those.');
}
