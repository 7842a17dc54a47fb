// The panel's browser entry (dist/webview.js): wires PanelApp to the VS Code webview API. Outside a
// webview (a plain page in the bench or a test browser) it still starts, and `window.unrollPanel`
// lets the caller feed Reports and read render timings.

import type { Report } from '../report';
import { asPanelState, INITIAL_ID, isToWebview, type FromWebview, type PanelState, type ReportMessage, type ToWebview } from '../protocol';
import { PanelApp, type RenderTimings } from './app';
import { setMathSource } from './math';

interface VsCodeApi {
  postMessage(m: unknown): void;
  getState(): unknown;
  setState(s: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

export interface PanelHooks {
  app: PanelApp;
  /** render a Report as if the extension had posted it; returns the timings */
  showReport(report: Report, fileName?: string): RenderTimings;
  /** the last render's timings */
  timings(): RenderTimings | null;
  /** messages the panel would have posted to the extension (standalone mode only) */
  outbox: FromWebview[];
  /** when the page started loading and this script started running (Date.now() clock) */
  started: { pageAt: number; scriptAt: number; htmlAt?: number };
}

/** when this script started running (page load → script is the cost of loading the bundle and styles) */
const scriptAt = Date.now();
/** when the page started loading (the navigation's time origin), on the same clock */
const pageAt = typeof performance !== 'undefined' && performance.timeOrigin ? Math.round(performance.timeOrigin) : scriptAt;
/**
 * when the page's document had arrived: in VS Code the frame first loads the editor's blank page (fake.html,
 * over the network or the editor's server) and then writes the panel's HTML into it, so page → script is
 * that fetch (the editor's) and then the panel's own HTML, styles and script
 */
const htmlAt = ((): number | undefined => {
  const nav =
    typeof performance !== 'undefined'
      ? (performance.getEntriesByType?.('navigation')[0] as PerformanceNavigationTiming | undefined)
      : undefined;
  return nav && nav.responseEnd > 0 ? Math.round(pageAt + nav.responseEnd) : undefined;
})();

function start(): void {
  const api: VsCodeApi | null = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : null;
  const outbox: FromWebview[] = [];
  // outside a webview, a page may stand in for the host (the tests and the bench: it typesets the formulas)
  const standIn = (window as unknown as { unrollHost?: { postMessage?: unknown } }).unrollHost;
  const toStandIn = typeof standIn?.postMessage === 'function' ? (standIn.postMessage as (m: FromWebview) => void).bind(standIn) : null;
  const send = (m: FromWebview): void => {
    if (api) api.postMessage(m);
    else {
      outbox.push(m);
      toStandIn?.(m);
    }
  };
  // the host typesets the formulas (the page carries no KaTeX); outside a webview, the caller answers the outbox
  setMathSource({ request: (formulas) => send({ type: 'typeset', formulas }) });
  let state: PanelState = asPanelState(api?.getState());
  const root = document.getElementById('app') ?? document.body.appendChild(document.createElement('div'));
  const app = new PanelApp(
    document,
    root,
    {
      post: send,
      setState: (s) => {
        state = s;
        api?.setState(s);
      },
      // after the next frame is painted (a frame callback runs before paint; the task after it, after)
      afterPaint: (fn) => requestAnimationFrame(() => setTimeout(fn, 0)),
    },
    state,
  );

  /** a report drawn: its timings go back to the host once the frame that shows it has been painted */
  const show = (m: ToWebview, inPage = false): void => {
    const receivedAt = Date.now();
    app.handle(m, inPage);
    if (m.type !== 'report' || !app.lastTimings || !api) return;
    const t = app.lastTimings;
    requestAnimationFrame(() =>
      setTimeout(() => {
        const paintedAt = Date.now();
        api.postMessage({
          type: 'rendered',
          postedAt: m.postedAt,
          latencyMs: Math.max(0, paintedAt - m.postedAt),
          graphMs: t.graphMs,
          totalMs: t.totalMs,
          receivedAt,
          paintedAt,
        } satisfies FromWebview);
      }, 0),
    );
  };
  window.addEventListener('message', (ev: MessageEvent) => {
    const m: unknown = ev.data;
    if (isToWebview(m)) show(m);
  });

  const hooks: PanelHooks = {
    app,
    showReport: (report, fileName = 'bench.rnn') =>
      app.showReport({ doc: { uri: `untitled:${fileName}`, fileName, version: 1 }, report, cursor: null, postedAt: Date.now() }),
    timings: () => app.lastTimings,
    outbox,
    started: { pageAt, scriptAt, htmlAt },
  };
  (window as unknown as { unrollPanel: PanelHooks }).unrollPanel = hooks;
  // the report (and its first formulas) the host wrote into the page: drawn now, without the round trip
  // 'ready' → report message; 'ready' says which one the page has, so the host does not post it again
  const initial = initialMessages(document);
  const report = initial.find((m): m is ReportMessage => m.type === 'report');
  api?.postMessage({
    type: 'ready',
    pageAt,
    scriptAt,
    htmlAt,
    ...(report ? { has: { uri: report.doc.uri, version: report.doc.version } } : {}),
  } satisfies FromWebview);
  for (const m of initial) show(m, true);
}

/**
 * The messages the host put into the page (src/extension/panel/panelHtml.ts, `initial`): a JSON array in a
 * <script type="application/json"> element, which is data, never run. Anything that is not a message is left out.
 */
function initialMessages(doc: Document): ToWebview[] {
  const text = doc.getElementById(INITIAL_ID)?.textContent;
  if (!text) return [];
  try {
    const list: unknown = JSON.parse(text);
    return Array.isArray(list) ? list.filter(isToWebview) : [];
  } catch {
    return [];
  }
}

start();
