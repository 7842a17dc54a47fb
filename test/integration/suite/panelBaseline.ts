// VS Code's own cost of a webview (issue 13): a cold open of an empty page — no script but a few lines
// that time it, nothing to fetch — in the same editor, column and window as the Unroll panel, with the
// panel's marks (unroll.panelTimings openPhases), so that an open time splits into "VS Code's webview"
// and "Unroll's own". Test-only: the panel suite opens it; the extension has no such command.
import * as vscode from 'vscode';

export interface BlankOpen {
  /** createWebviewPanel → the empty page painted (ms) */
  open: number;
  /** createWebviewPanel → the page starts loading (the editor creating the webview frame) */
  frame: number;
  /** page start → its script runs */
  load: number;
  /** of `load`: page start → its document arrived (the editor's own blank frame page) */
  html?: number;
  /** script start → painted */
  render: number;
}

function nonce(): string {
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(crypto.getRandomValues(new Uint8Array(32)), (b) => abc[b % abc.length]).join('');
}

/** Opens an empty webview beside the editor, waits for its first paint, closes it; null if it never painted. */
export async function blankWebviewOpen(timeoutMs = 60000): Promise<BlankOpen | null> {
  const n = nonce();
  const t0 = Date.now();
  const panel = vscode.window.createWebviewPanel(
    'unrollTest.blank',
    'Blank',
    { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
    { enableScripts: true },
  );
  try {
    const marks = new Promise<{ pageAt: number; scriptAt: number; htmlAt?: number; paintedAt: number }>((resolve) => {
      panel.webview.onDidReceiveMessage((m) => resolve(m as { pageAt: number; scriptAt: number; htmlAt?: number; paintedAt: number }));
    });
    // the same marks as the panel's page (src/webview/main.ts): navigation start, script start, the document's arrival, after the first paint
    panel.webview.html = `<!DOCTYPE html>
<html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-${n}'">
<title>Blank</title></head>
<body><p>An empty webview: VS Code's own cost.</p>
<script nonce="${n}">
const scriptAt = Date.now();
const pageAt = Math.round(performance.timeOrigin);
const nav = performance.getEntriesByType('navigation')[0];
const htmlAt = nav && nav.responseEnd > 0 ? Math.round(pageAt + nav.responseEnd) : undefined;
const api = acquireVsCodeApi();
requestAnimationFrame(() => setTimeout(() => api.postMessage({ pageAt, scriptAt, htmlAt, paintedAt: Date.now() }), 0));
</script></body></html>`;
    const m = await Promise.race([marks, new Promise<null>((r) => setTimeout(() => r(null), timeoutMs))]);
    if (!m) return null;
    return {
      open: m.paintedAt - t0,
      frame: m.pageAt - t0,
      load: m.scriptAt - m.pageAt,
      ...(m.htmlAt !== undefined ? { html: m.htmlAt - m.pageAt } : {}),
      render: m.paintedAt - m.scriptAt,
    };
  } finally {
    panel.dispose();
  }
}

/** "open 812 ms (frame 300, load 500, html 480, render 12)" */
export function describeOpen(open: number, phases: Record<string, number | undefined>): string {
  const parts = Object.entries(phases)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k} ${v}`);
  return `${open} ms (${parts.join(', ')})`;
}
