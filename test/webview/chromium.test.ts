// The built panel (dist/webview.js + media/) in real Chromium, behind the same Content-Security-Policy
// the extension sets: no CSP violation, no script error, the graph and KaTeX (with its local fonts) render.
// Needs `npm run build` and /usr/bin/chromium (installed by the editor-tests setup); skipped without them.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { analyze } from '../../src/analysis';
import { makeNonce } from '../../src/extension/panel/panelHtml';
import { cursorContext } from '../../src/extension/panel/panelCursor';
import type { ReportMessage } from '../../src/protocol';

import { launchChromium, mathAhead, panelPage, panelReady as ready, ROOT, servePanel, standInHost, type PanelServer } from './panelServer';

describe.skipIf(!ready)('the built panel in Chromium', () => {
  let server: PanelServer;
  let origin = '';
  let pages: Map<string, string>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let browser: any;

  beforeAll(async () => {
    server = await servePanel();
    origin = server.origin;
    pages = server.pages;
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(name: string, theme: 'light' | 'dark') {
    const nonce = makeNonce();
    let html = panelPage(origin, nonce);
    // VS Code gives the page the theme's colours as --vscode-* variables; a dark theme's few that matter
    // here, in a stylesheet carrying the nonce (an inline style attribute would be refused by the CSP)
    const vars =
      theme === 'dark'
        ? '--vscode-editor-background:#1e1e1e;--vscode-editor-foreground:#d4d4d4;--vscode-editorWidget-background:#252526;--vscode-descriptionForeground:#9d9d9d;--vscode-panel-border:#80808059'
        : '';
    html = html.replace('</head>', `<style nonce="${nonce}">html{${vars}}</style>\n</head>`);
    pages.set(`/${name}.html`, html);
    const page = await browser.newPage({ viewport: { width: 1200, height: 1400 } });
    const problems: string[] = [];
    page.on('console', (m: { type(): string; text(): string }) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
    });
    page.on('pageerror', (e: Error) => problems.push(e.message));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
    });
    await standInHost(page);
    await page.goto(`${origin}/${name}.html`);
    return { page, problems };
  }

  test('sheet 7: graph, typeset derivation, no CSP violation; screenshots light and dark', async () => {
    const text = readFileSync(join(ROOT, 'examples', 'sheet7-vanilla-rnn.rnn'), 'utf8');
    const report = analyze(text, { gradcheck: true, forms: true });
    const derive = report.derives[0];
    const msg: ReportMessage = {
      type: 'report',
      doc: { uri: 'file:///examples/sheet7-vanilla-rnn.rnn', fileName: 'sheet7-vanilla-rnn.rnn', version: 1 },
      report,
      cursor: cursorContext(report, derive.line, 1),
      editAt: Date.now(),
      postedAt: Date.now(),
    };
    mkdirSync(join(ROOT, 'test-results'), { recursive: true });
    for (const theme of ['light', 'dark'] as const) {
      const { page, problems } = await open(`sheet7-${theme}`, theme);
      await page.evaluate((m: unknown) => window.postMessage(m, '*'), await mathAhead(msg.report, msg.cursor));
      await page.evaluate((m: unknown) => window.postMessage(m, '*'), JSON.parse(JSON.stringify(msg)));
      await page.waitForSelector('#graph svg g.node[data-id="h@2"]');
      await page.waitForSelector('#derivation .katex');
      await page.evaluate(() => document.fonts.ready);
      expect(await page.locator('#graph svg g.column.step').count()).toBe(report.graph!.steps.length);
      expect(await page.locator('#graph svg g.node').count()).toBe(report.graph!.nodes.length);
      expect(await page.locator('#derivation .derive').getAttribute('data-line')).toBe(String(derive.line));
      // KaTeX's fonts came from media/katex/fonts through the CSP's font-src
      const fonts: string[] = await page.evaluate(() => {
        const loaded: string[] = [];
        document.fonts.forEach((f) => {
          if (f.status === 'loaded') loaded.push(f.family);
        });
        return loaded;
      });
      expect(fonts.some((f: string) => f.includes('KaTeX'))).toBe(true);
      // layout: nodes have real boxes
      const box = await page.locator('#graph svg g.node[data-id="h@2"]').boundingBox();
      expect(box!.width).toBeGreaterThan(20);
      // hover → tooltip
      await page.locator('#graph svg g.node[data-id="h@2"]').hover();
      expect(await page.locator('#graph-tooltip').isVisible()).toBe(true);
      await page.screenshot({ path: join(ROOT, 'test-results', `panel-sheet7-${theme}.png`), fullPage: true });
      // export SVG: a standalone file with the theme's colours written in (no var(--vscode-…) left)
      await page.locator('#export-svg').click();
      const svg: string = await page.evaluate(() => {
        const out = (window as unknown as { unrollPanel: { outbox: { type: string; svg?: string }[] } }).unrollPanel.outbox;
        return out.filter((m) => m.type === 'exportSvg').pop()?.svg ?? '';
      });
      expect(svg.startsWith('<?xml')).toBe(true);
      expect(svg).not.toContain('var(');
      const fills: string[] = await page.evaluate((text: string) => {
        const d = new DOMParser().parseFromString(text, 'image/svg+xml');
        return Array.from(d.querySelectorAll('g.node rect.box')).map((r) => r.getAttribute('fill') ?? '');
      }, svg);
      expect(fills.length).toBe(report.graph!.nodes.length);
      for (const f of fills) expect(f).toMatch(/^rgb/);
      expect(problems).toEqual([]);
      await page.close();
    }
  }, 60_000);

  test('render time of the graph for T = 3 and T = 50 (timing hook); T = 50 folds and unfolds', async () => {
    const sheet7 = (T: number): string => {
      const xs = Array.from({ length: T }, (_, t) => (Math.cos(t) * 0.9).toFixed(3));
      const ys = Array.from({ length: T }, (_, t) => String(t % 2));
      return `T = ${T}\ninput x = [${xs.join(', ')}]\ntarget y = [${ys.join(', ')}]\nparam W_xh = 0.3\nparam W_hh = 0.8\nparam b_h = 0.1\nparam W_hy = 1.5\nparam b_y = -0.2\nh_0 = 0\nh_t = σ(W_xh x_t + W_hh h_{t-1} + b_h)\no_t = σ(W_hy h_t + b_y)\nL_t = (y_t - o_t)^2\nloss L = Σ_t L_t\nderive ∂L/∂W_hh\n`;
    };
    const { page, problems } = await open('timing', 'light');
    type Hook = { unrollPanel: { showReport(r: unknown, f?: string): { graphMs: number; totalMs: number } } };
    const medians: Record<number, number> = {};
    const totals: Record<number, number> = {};
    for (const T of [3, 50]) {
      const report = JSON.parse(JSON.stringify(analyze(sheet7(T))));
      const ms: [number, number][] = await page.evaluate(
        (r: unknown) =>
          Array.from({ length: 9 }, (_, i) => {
            const t = (window as unknown as Hook).unrollPanel.showReport(r, `t${i}.rnn`);
            return [t.graphMs, t.totalMs] as [number, number];
          }),
        report,
      );
      medians[T] = ms.map((x) => x[0]).sort((a, b) => a - b)[4];
      totals[T] = ms.map((x) => x[1]).sort((a, b) => a - b)[4];
    }
    console.log(
      `render in Chromium, median of 9 — graph: T = 3 ${medians[3].toFixed(1)} ms, T = 50 (folded) ${medians[50].toFixed(1)} ms; ` +
        `whole panel (its formulas asked of the stand-in host): T = 3 ${totals[3].toFixed(1)} ms, T = 50 ${totals[50].toFixed(1)} ms`,
    );
    expect(medians[3]).toBeLessThan(500);
    expect(medians[50]).toBeLessThan(500);
    const T = 50;
    expect(await page.locator('#graph svg g.column.fold').count()).toBe(1);
    await page.locator('#fold-toggle').click();
    expect(await page.locator('#graph svg g.column.step').count()).toBe(T + 1);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);
});
