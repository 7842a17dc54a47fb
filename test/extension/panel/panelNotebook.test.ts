// The panel on a notebook (PanelReports.shownDocument): it follows the cell that holds the network's ```rnn block, not
// the cell being edited, and moves to the other network's cell when the cursor goes to an equation about it.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { analyze } from '../../../src/analysis';
import type { Report } from '../../../src/report';
import { EventEmitter as Emitter, fake, resetFake, Uri } from '../fake/vscode';
import { lastOf, openPanelOn } from './openPanel';

vi.mock('vscode', async () => (await import('../fake/vscode')).vscodeModule);

const { registerPanel } = await import('../../../src/extension/panel/panel');

class Cell {
  isClosed = false;
  version = 1;
  languageId = 'markdown';
  lineCount = 5;
  constructor(
    public uri: InstanceType<typeof Uri>,
    public text: string,
  ) {}
  getText(): string {
    return this.text;
  }
  lineAt(l: number) {
    return { range: { start: { line: l, character: 0 }, end: { line: l, character: 1 } } };
  }
}

const cell = (n: number, text: string) => new Cell(Uri.parse(`vscode-notebook-cell:/w/nb.ipynb#c${n}`), text);
// cells 1 and 3 hold networks A and B; cells 2 and 4 their equations; the cursor's line decides nothing here
const [netA, eqA, netB, eqB] = [cell(1, 'A'), cell(2, 'about A'), cell(3, 'B'), cell(4, 'about B')];
const REPORT = {
  A: analyze('T = 2\nparam w = 0.5\nh_0 = 1\nh_t = w h_{t-1}\nloss L = h_T'),
  B: analyze('T = 3\nparam u = 0.2\ns_0 = 1\ns_t = tanh(u s_{t-1})\nloss J = s_T'),
};
const shown = (d: Cell) => (d === eqA ? netA : d === eqB ? netB : d);
const reportOf = (d: Cell): Report => (shown(d) === netA ? REPORT.A : REPORT.B);

const updates = new Emitter<{ document: unknown; report: Report }>();
const context = { subscriptions: [] as { dispose(): void }[], extensionUri: Uri.parse('file:///ext') };

beforeEach(() => {
  vi.useFakeTimers();
  resetFake();
  context.subscriptions = [];
  registerPanel(
    context as never,
    {
      get: (d: unknown) => reportOf(d as Cell),
      follows: () => true,
      shownDocument: (d: unknown) => shown(d as Cell),
      networkText: () => undefined,
      onDidUpdate: updates.event,
    } as never,
  );
});

afterEach(() => {
  for (const d of context.subscriptions) d.dispose();
  vi.useRealTimers();
});

const editorOn = (d: Cell) => ({ document: d, selection: { active: { line: 0, character: 0 } }, viewColumn: 1 });

describe('the panel on a notebook', () => {
  test('follows the network’s cell, and moves to the other network’s when the cursor goes to its equation', async () => {
    const panel = await openPanelOn(eqA, [netA, eqA, netB, eqB]);
    expect(lastOf(panel, 'report')!.doc.uri).toBe(netA.uri.toString());
    expect(lastOf(panel, 'report')!.report.loss?.name).toBe('L');
    // the cursor into cell 4 (an equation about B), its editor active: the panel moves to cell 3
    fake.activeTextEditor = editorOn(eqB);
    fake.events.selection.fire({ textEditor: fake.activeTextEditor });
    expect(lastOf(panel, 'report')!.doc.uri).toBe(netB.uri.toString());
    expect(lastOf(panel, 'report')!.report.loss?.value).toBe(REPORT.B.loss?.value);
    // B's own cell: already shown, nothing posted again
    const posted = panel.webview.posted.length;
    fake.activeTextEditor = editorOn(netB);
    fake.events.selection.fire({ textEditor: fake.activeTextEditor });
    fake.events.activeEditor.fire(fake.activeTextEditor);
    expect(panel.webview.posted.filter((m) => m.type === 'report')).toHaveLength(
      panel.webview.posted.slice(0, posted).filter((m) => m.type === 'report').length,
    );
    // the notebook analysed again: the report told for the cell shown is posted
    const again = analyze('T = 3\nparam u = 0.3\ns_0 = 1\ns_t = tanh(u s_{t-1})\nloss J = s_T');
    updates.fire({ document: netB, report: again });
    expect(lastOf(panel, 'report')!.report.loss?.value).toBe(again.loss?.value);
    expect(again.loss?.value).not.toBe(REPORT.B.loss?.value);
    const n = panel.webview.posted.length;
    updates.fire({ document: eqA, report: REPORT.A });
    expect(panel.webview.posted).toHaveLength(n);
  });
});
