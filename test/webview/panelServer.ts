// The built panel (dist/webview.js + media/) served to a real Chromium, for chromium.test.ts and
// panelWidth.test.ts: HTML pages registered by path, and only dist/ and media/ besides — like the
// webview's localResourceRoots. Needs `npm run build` and /usr/bin/chromium; `panelReady` says whether both are there.
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';
import { makeNonce, panelHtml, type PanelHtmlInput } from '../../src/extension/panel/panelHtml';

export const ROOT = join(__dirname, '..', '..');
export const CHROMIUM = '/usr/bin/chromium';
export const panelReady =
  existsSync(CHROMIUM) && existsSync(join(ROOT, 'dist', 'webview.js')) && existsSync(join(ROOT, 'media', 'katex', 'katex.min.css'));

const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.woff2': 'font/woff2',
  '.html': 'text/html',
  '.svg': 'image/svg+xml',
};

export interface PanelServer {
  /** http://127.0.0.1:port */
  origin: string;
  /** HTML pages by path ("/panel.html") */
  pages: Map<string, string>;
  close(): Promise<void>;
}

/** The panel's page as the extension writes it, its script and styles served by the server at `origin`. */
export function panelPage(origin: string, nonce = makeNonce(), more: Partial<PanelHtmlInput> = {}): string {
  return panelHtml({
    cspSource: origin,
    nonce,
    scriptUri: `${origin}/dist/webview.js`,
    styleUri: `${origin}/media/panel.css`,
    katexCssUri: `${origin}/media/katex/katex.min.css`,
    ...more,
  });
}

/** `root`: the repository (the bench, bundled into dist/, passes its working directory) */
export async function servePanel(root = ROOT): Promise<PanelServer> {
  const pages = new Map<string, string>();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204);
      res.end();
      return;
    }
    const page = pages.get(url.pathname);
    if (page) {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(page);
      return;
    }
    const path = normalize(join(root, url.pathname));
    // only dist/ and media/, like the webview's localResourceRoots
    if (!(path.startsWith(join(root, 'dist')) || path.startsWith(join(root, 'media'))) || !existsSync(path)) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.slice(path.lastIndexOf('.'))] ?? 'application/octet-stream' });
    res.end(readFileSync(path));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, pages, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** A headless Chromium through playwright-core. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function launchChromium(): Promise<any> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
}

/**
 * Let a page of the built panel (opened outside a webview) have its formulas typeset as the extension
 * host does: its 'typeset' requests answered with 'math' messages (src/extension/panel/typeset.ts).
 * Call before page.goto.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function standInHost(page: any): Promise<void> {
  const { typesetFormula } = await import('../../src/extension/panel/typeset');
  // one JSON string each way: Playwright's own serialiser walks a deep tree slowly (seconds for sheet 7)
  await page.exposeFunction('unrollTypesetForPage', (request: string) =>
    JSON.stringify((JSON.parse(request) as { latex: string; display: boolean }[]).map((f) => typesetFormula(f.latex, f.display))),
  );
  await page.addInitScript(() => {
    type W = { unrollTypesetForPage(f: string): Promise<string> };
    (window as unknown as { unrollHost: unknown }).unrollHost = {
      postMessage(m: { type: string; formulas?: unknown }): void {
        if (m.type === 'typeset')
          void (window as unknown as W)
            .unrollTypesetForPage(JSON.stringify(m.formulas))
            .then((formulas) => window.postMessage({ type: 'math', formulas: JSON.parse(formulas) as unknown }, '*'));
      },
    };
  });
}

/** The formulas the extension host sends ahead of a report, as the 'math' message it posts. */
export async function mathAhead(
  report: import('../../src/report').Report,
  cursor: import('../../src/protocol').CursorContext | null,
): Promise<unknown> {
  const { firstFormulas, typesetFormula } = await import('../../src/extension/panel/typeset');
  return { type: 'math', formulas: firstFormulas(report, cursor).map((f) => typesetFormula(f.latex, f.display)) };
}

/** The rest of the focused derivation the extension host sends after a report ('math' message). */
export async function mathLater(
  report: import('../../src/report').Report,
  cursor: import('../../src/protocol').CursorContext | null,
): Promise<unknown> {
  const { laterFormulas, typesetFormula } = await import('../../src/extension/panel/typeset');
  return { type: 'math', formulas: laterFormulas(report, cursor).map((f) => typesetFormula(f.latex, f.display)) };
}
