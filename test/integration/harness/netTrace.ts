// A record of every request the workbench page, its frames (webviews) and their service workers make,
// with its duration and outcome, and every frame navigation — to see what a slow step waits on (issue 13:
// which request, if any, holds up a webview's first paint). Written to test-results/integration/<runner>.network.log.
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import type { BrowserContext, Page, Request } from 'playwright-core';
import { RESULTS } from './tools';

export interface TracedRequest {
  /** ms since the trace started */
  at: number;
  url: string;
  method: string;
  /** the frame's URL, or "service worker" for a worker's own fetch */
  from: string;
  /** ms to finish or fail; undefined while pending */
  ms?: number;
  failure?: string;
}

export interface NetTrace {
  requests: TracedRequest[];
  /** frame navigations and workbench console lines about webviews and service workers, timed */
  events: string[];
  /** requests to a host other than the editor's own (loopback): what would need the network */
  external(): TracedRequest[];
  /** requests that took at least `ms`, or are still pending */
  slow(ms: number): TracedRequest[];
  /** writes the log; returns its path */
  write(runner: string): string;
}

/** A host answered on this machine: loopback, or a webview's resource host (its service worker answers those). */
export function isLocalUrl(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return true;
  }
  if (!/^https?:$/.test(u.protocol) && u.protocol !== 'ws:' && u.protocol !== 'wss:') return true; // data:, blob:, about:
  const host = u.hostname;
  if (host === '127.0.0.1' || host === 'localhost' || host.endsWith('.localhost') || host === '[::1]') return true;
  // https://<scheme>+<authority>.vscode-resource.vscode-cdn.net/<path>: never leaves the browser, the webview's service worker answers it
  return /\.vscode-resource\.vscode-cdn\.net$/.test(host);
}

function short(url: string): string {
  return url.length > 180 ? `${url.slice(0, 177)}…` : url;
}

export function traceNetwork(context: BrowserContext, page: Page): NetTrace {
  const t0 = Date.now();
  const requests: TracedRequest[] = [];
  const events: string[] = [];
  const byRequest = new Map<Request, TracedRequest>();
  const from = (r: Request): string => {
    try {
      return r.frame().url() || 'about:blank';
    } catch {
      return 'service worker';
    }
  };
  context.on('request', (r) => {
    const rec: TracedRequest = { at: Date.now() - t0, url: r.url(), method: r.method(), from: from(r) };
    requests.push(rec);
    byRequest.set(r, rec);
  });
  context.on('requestfinished', (r) => {
    const rec = byRequest.get(r);
    if (rec) rec.ms = Date.now() - t0 - rec.at;
  });
  context.on('requestfailed', (r) => {
    const rec = byRequest.get(r);
    if (rec) {
      rec.ms = Date.now() - t0 - rec.at;
      rec.failure = r.failure()?.errorText ?? 'failed';
    }
  });
  page.on('framenavigated', (f) => {
    if (f !== page.mainFrame()) events.push(`${Date.now() - t0} ms frame ${short(f.url())}`);
  });
  page.on('frameattached', (f) => events.push(`${Date.now() - t0} ms frame attached (parent ${short(f.parentFrame()?.url() ?? '')})`));
  page.on('framedetached', (f) => events.push(`${Date.now() - t0} ms frame detached ${short(f.url())}`));
  page.on('console', (m) => {
    if (/service worker|webview|controllerchange|UNROLL-TEST|\[panel\]/i.test(m.text()))
      events.push(`${Date.now() - t0} ms console.${m.type()} ${m.text().slice(0, 300)}`);
  });
  return {
    requests,
    events,
    external: () => requests.filter((r) => !isLocalUrl(r.url)),
    slow: (ms) => requests.filter((r) => r.ms === undefined || r.ms >= ms),
    write: (runner) => {
      const dir = join(RESULTS, 'integration');
      mkdirSync(dir, { recursive: true });
      const path = join(dir, `${runner}.network.log`);
      const lines = requests.map(
        (r) =>
          `${r.at} ms ${r.method} ${short(r.url)} ← ${short(r.from)}: ${r.ms === undefined ? 'PENDING' : `${r.ms} ms`}${r.failure ? ` FAILED ${r.failure}` : ''}`,
      );
      writeFileSync(
        path,
        [`# times in ms since ${t0} (Date.now())`, ...lines, '', '# frames and webview console', ...events, ''].join('\n'),
      );
      return path;
    },
  };
}

/** One line for a runner's output: how many requests, which left the machine, which were slow. */
export function traceSummary(trace: NetTrace, slowMs = 1000): string {
  const ext = trace.external();
  const slow = trace.slow(slowMs);
  const list = (rs: TracedRequest[]) =>
    rs
      .slice(0, 8)
      .map((r) => `${short(r.url)} (${r.ms === undefined ? 'pending' : `${r.ms} ms`}${r.failure ? `, ${r.failure}` : ''})`)
      .join('; ');
  return (
    `${trace.requests.length} requests; ${ext.length} to other hosts${ext.length ? `: ${list(ext)}` : ''}; ` +
    `${slow.length} took ≥ ${slowMs} ms${slow.length ? `: ${list(slow)}` : ''}`
  );
}
