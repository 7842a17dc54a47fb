// The panel's analyses beside the cached Report (panel/asideAnalyses.ts): the gradient check and the slider's scaled
// report go to the analysis pool under keys of their own, never run on the host's thread, and are dropped when the
// document changes; for a solution they analyse its network's text, not the Markdown (read as a .rnn file before,
// its prose a syntax error), and the scaled graph's rows keep the document's lines.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { analyze } from '../../../src/analysis';
import type { AnalyzeOptions, Report } from '../../../src/report';
import { analyzeSolution } from '../../../src/solution';
import { EventEmitter as Emitter, fake, resetFake, Uri, type FakePanel } from '../fake/vscode';
import { lastOf, openPanelOn } from './openPanel';

vi.mock('vscode', async () => (await import('../fake/vscode')).vscodeModule);

const { registerPanel } = await import('../../../src/extension/panel/panel');
const { networkSources } = await import('../../../src/extension/solution/networkSource');

const ROOT = join(__dirname, '..', '..', '..');
const RNN = readFileSync(join(ROOT, 'examples', 'sheet7-vanilla-rnn.rnn'), 'utf8');
const MD = readFileSync(join(ROOT, 'examples', 'solutions', '001-rnn-three-steps.md'), 'utf8');

class Doc {
  isClosed = false;
  lineCount: number;
  constructor(
    public text: string,
    public languageId: string,
    public uri: InstanceType<typeof Uri>,
    public version = 1,
  ) {
    this.lineCount = text.split('\n').length;
  }
  getText(): string {
    return this.text;
  }
  lineAt(l: number) {
    return { range: { start: { line: l, character: 0 }, end: { line: l, character: 1 } } };
  }
}

interface Asked {
  key: string;
  version: number;
  text: string;
  options: AnalyzeOptions;
}

let asked: Asked[];
let forgotten: string[];
const updates = new Emitter<{ document: unknown; report: Report }>();
const context = { subscriptions: [] as { dispose(): void }[], extensionUri: Uri.parse('file:///ext') };

/** the pool's side: each request recorded and answered by the library, as a worker answers it */
function register(reports: { get(d: unknown): Report; follows?(d: unknown): boolean; networkText?(d: unknown): string | undefined }) {
  registerPanel(context as never, { ...reports, onDidUpdate: updates.event } as never, {
    analyse: (key, version, text, options) => {
      asked.push({ key, version, text, options });
      return Promise.resolve(analyze(text, options));
    },
    forget: (key) => void forgotten.push(key),
  });
}

beforeEach(() => {
  vi.useFakeTimers();
  resetFake();
  asked = [];
  forgotten = [];
  context.subscriptions = [];
  updates.listeners = [];
});

afterEach(() => {
  for (const d of context.subscriptions) d.dispose();
  vi.useRealTimers();
});

const openOn = (doc: Doc): Promise<FakePanel> => openPanelOn(doc);

async function settled(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

describe('the panel’s gradient check and slider', () => {
  test('go to the analysis pool under keys of their own, and are dropped when the document changes', async () => {
    const doc = new Doc(RNN, 'rnn', Uri.parse('file:///w/sheet7.rnn'));
    register({ get: (d) => analyze((d as Doc).getText()) });
    const panel = await openOn(doc);
    vi.advanceTimersByTime(400);
    await settled();
    expect(asked.map((a) => [a.key, a.version])).toEqual([['file:///w/sheet7.rnn#gradcheck', 1]]);
    expect(asked[0]!.options).toMatchObject({ gradcheck: true, draws: 0 });
    expect(
      lastOf(panel, 'gradcheck')!
        .gradcheck.map((g) => g.name)
        .sort(),
    ).toEqual(['W_hh', 'W_hy', 'W_xh', 'b_h', 'b_y']);
    // two slider moves: each a newer version of the scale job, the later superseding the earlier
    panel.webview.receive.fire({ type: 'scale', requestId: 1, scale: { W_hh: 2 } });
    panel.webview.receive.fire({ type: 'scale', requestId: 2, scale: { W_hh: 3 } });
    await settled();
    const scales = asked.filter((a) => a.key === 'file:///w/sheet7.rnn#scale');
    expect(scales.map((a) => a.version)).toEqual([1, 2]);
    expect(scales[1]!.options.scale).toEqual({ W_hh: 3 });
    expect(lastOf(panel, 'scaled')!.requestId).toBe(2);
    // an edit: what the pool works out for the text before it is stale
    fake.events.change.fire({ document: doc, contentChanges: [{}] });
    expect(forgotten).toEqual(['file:///w/sheet7.rnn#gradcheck', 'file:///w/sheet7.rnn#scale']);
    // the panel moves to another file: what it asked for this one is dropped too
    const other = new Doc(RNN, 'rnn', Uri.parse('file:///w/other.rnn'));
    forgotten.length = 0;
    fake.events.activeEditor.fire({ document: other, selection: { active: { line: 0, character: 0 } }, viewColumn: 1 });
    expect(forgotten).toEqual(['file:///w/sheet7.rnn#gradcheck', 'file:///w/sheet7.rnn#scale']);
  });

  test('a superseded request posts nothing: the newer one answers', async () => {
    const doc = new Doc(RNN, 'rnn', Uri.parse('file:///w/sheet7.rnn'));
    registerPanel(context as never, { get: (d: unknown) => analyze((d as Doc).getText()), onDidUpdate: updates.event } as never, {
      analyse: () => Promise.resolve(undefined),
      forget: () => undefined,
    });
    const panel = await openOn(doc);
    panel.webview.receive.fire({ type: 'scale', requestId: 1, scale: { W_hh: 2 } });
    vi.advanceTimersByTime(400);
    await settled();
    expect(lastOf(panel, 'scaled')).toBeUndefined();
    expect(lastOf(panel, 'gradcheck')).toBeUndefined();
  });

  test('of a Markdown solution: its network’s text is analysed, and the scaled graph’s rows keep the document’s lines', async () => {
    const doc = new Doc(MD, 'markdown', Uri.parse('file:///w/sol.md'));
    const shown = analyzeSolution(MD, 'markdown', { sidecar: null }).networks[0]!.report;
    const network = networkSources(MD, 'markdown', null)[0]!;
    register({ get: () => shown, follows: () => true, networkText: () => network });
    const panel = await openOn(doc);
    vi.advanceTimersByTime(400);
    await settled();
    expect(asked[0]!.text).toBe(network);
    const g = lastOf(panel, 'gradcheck')!;
    expect(g.error).toBeNull();
    expect(g.gradcheck.map((x) => x.name).sort()).toEqual(shown.params.map((p) => p.name).sort());
    expect(g.gradcheck.every((x) => x.relError < 1e-6)).toBe(true);
    panel.webview.receive.fire({ type: 'scale', requestId: 4, scale: { W_hh: 3 } });
    await settled();
    const scaled = lastOf(panel, 'scaled')!.report!;
    expect(scaled.flow[0]!.norms).toEqual(analyze(network, { scale: { W_hh: 3 } }).flow[0]!.norms);
    // the network's own text puts its rows elsewhere; the page reveals the rows' lines in the document
    const own = analyze(network).graph!.rows;
    expect(own.map((r) => r.line)).not.toEqual(shown.graph!.rows.map((r) => r.line));
    expect(scaled.graph!.rows.map((r) => [r.name, r.line])).toEqual(shown.graph!.rows.map((r) => [r.name, r.line]));
  });

  test('a network changed under the same document version (its sidecar edited) gets its gradient check again', async () => {
    const doc = new Doc('See sol.rnn.\n', 'markdown', Uri.parse('file:///w/sol.md'));
    let network = 'T = 2\nparam w = 0.5\nh_0 = 1\nh_t = w h_{t-1}\nloss L = h_T\n';
    let shown = analyze(network);
    register({ get: () => shown, follows: () => true, networkText: () => network });
    const panel = await openOn(doc);
    vi.advanceTimersByTime(400);
    await settled();
    expect(asked.map((a) => a.text)).toEqual([network]);
    // the sidecar edited: a new report of the same document version, of another network
    network = network.replace('0.5', '0.7');
    shown = analyze(network);
    updates.fire({ document: doc, report: shown });
    vi.advanceTimersByTime(400);
    await settled();
    expect(asked.map((a) => a.text)).toEqual([network.replace('0.7', '0.5'), network]);
    const g = lastOf(panel, 'gradcheck')!;
    expect(g.gradcheck.map((x) => x.autodiff)).toEqual(analyze(network, { gradcheck: true }).gradcheck.map((x) => x.autodiff));
  });

  test('a solution showing no network: the slider says so, and no gradient check is asked', async () => {
    const doc = new Doc('# Notes\n', 'markdown', Uri.parse('file:///w/notes.md'));
    const shown = analyze(RNN);
    register({ get: () => shown, follows: () => true, networkText: () => undefined });
    const panel = await openOn(doc);
    vi.advanceTimersByTime(400);
    panel.webview.receive.fire({ type: 'scale', requestId: 9, scale: { W_hh: 2 } });
    await settled();
    expect(asked).toEqual([]);
    expect(lastOf(panel, 'scaled')).toMatchObject({ requestId: 9, report: null, error: 'no network is shown' });
  });
});
