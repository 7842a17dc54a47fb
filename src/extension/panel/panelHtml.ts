// The panel's HTML shell: a strict Content-Security-Policy with a per-load nonce, local resources only.
// Pure (no 'vscode' import): the host passes in the webview's cspSource and the asWebviewUri'd URLs.

import { INITIAL_ID, type ToWebview } from '../../protocol';

export interface PanelHtmlInput {
  /** webview.cspSource */
  cspSource: string;
  /** a fresh random nonce for this load */
  nonce: string;
  /** asWebviewUri(dist/webview.js) */
  scriptUri: string;
  /** asWebviewUri(media/panel.css) */
  styleUri: string;
  /** asWebviewUri(media/katex/katex.min.css); its fonts resolve relative to it, through the same scheme */
  katexCssUri: string;
  /**
   * The same files' contents, to put into the page itself (a cold open then fetches nothing but the
   * KaTeX fonts a formula uses: each fetch goes through the webview's service worker and the editor,
   * which under load costs more than parsing). The fonts are found at `fontsUri` (asWebviewUri of
   * media/katex/fonts). Absent, or not safe to inline, the page links the files.
   */
  inline?: { script: string; panelCss: string; katexCss: string; fontsUri: string };
  /**
   * Messages the page handles as soon as its script runs (the report and the formulas its first render
   * shows), written into the page as JSON data: a cold open then draws without waiting for the round trip
   * 'ready' → report message. Never run as script (type application/json, every `<` escaped).
   */
  initial?: readonly ToWebview[];
}

/**
 * KaTeX's fonts nearly every derivation uses (sheet 7: Main, Math italic, the large delimiters): fetched
 * while the page loads, not when the first formula is laid out — in VS Code each font crosses the
 * webview's service worker and the editor (0.6–2 s each under load, issue 13), and a formula's text is
 * invisible until its font has come.
 */
export const PRELOAD_FONTS = ['KaTeX_Main-Regular', 'KaTeX_Math-Italic', 'KaTeX_Size1-Regular', 'KaTeX_Size2-Regular'];

/**
 * JSON that can sit inside a <script> element: every `<` (so no `</script` and no `<!--`), `>` and `&`
 * written as a \u escape, which JSON.parse reads back as the same character; U+2028/2029 too.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Text that can sit inside a <script> or <style> element without ending it early. */
function inlineable(text: string, tag: 'script' | 'style'): boolean {
  return !new RegExp(`</${tag}|<!--`, 'i').test(text);
}

/** The inline parts, or null when one of them cannot be inlined safely. */
function inlineParts(p: PanelHtmlInput): { script: string; css: string[] } | null {
  const i = p.inline;
  if (!i || /["'()<>\\\s]/.test(i.fontsUri)) return null;
  // KaTeX's stylesheet names its fonts relative to itself (url(fonts/KaTeX_Main-Regular.woff2))
  const katexCss = i.katexCss.replace(/url\(fonts\//g, `url(${i.fontsUri}/`);
  // the bundle's source map comment would point next to the page, where there is no map
  const script = i.script.replace(/\n\/\/# sourceMappingURL=\S*\s*$/, '\n');
  if (!inlineable(script, 'script') || !inlineable(katexCss, 'style') || !inlineable(i.panelCss, 'style')) return null;
  return { script, css: [katexCss, i.panelCss] };
}

/** A nonce from a CSPRNG: 32 characters of [A-Za-z0-9]. */
export function makeNonce(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = random(new Uint8Array(32));
  let s = '';
  for (const b of bytes) s += alphabet[b % alphabet.length];
  return s;
}

function attr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${cspSource} data:`,
  ].join('; ');
}

export function panelHtml(p: PanelHtmlInput): string {
  const csp = contentSecurityPolicy(p.cspSource, p.nonce);
  const inline = inlineParts(p);
  const n = attr(p.nonce);
  const styles = inline
    ? inline.css.map((c) => `<style nonce="${n}">${c}</style>`).join('\n')
    : `<link rel="stylesheet" nonce="${n}" href="${attr(p.katexCssUri)}">\n<link rel="stylesheet" nonce="${n}" href="${attr(p.styleUri)}">`;
  const script = inline ? `<script nonce="${n}">${inline.script}</script>` : `<script nonce="${n}" src="${attr(p.scriptUri)}"></script>`;
  // the fonts' folder: the inline stylesheet names it; a linked one finds fonts/ beside itself
  const fontsUri = inline ? p.inline!.fontsUri : p.katexCssUri.replace(/\/[^/]*$/, '/fonts');
  const preload = PRELOAD_FONTS.map(
    (f) => `<link rel="preload" as="font" type="font/woff2" crossorigin nonce="${n}" href="${attr(`${fontsUri}/${f}.woff2`)}">`,
  ).join('\n');
  const initial = p.initial?.length ? `<script type="application/json" id="${INITIAL_ID}">${scriptJson(p.initial)}</script>\n` : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${preload}
${styles}
<title>Unroll</title>
</head>
<body>
<div id="app" role="main"><p class="empty">Open a .rnn file to see its unrolled graph.</p></div>
${initial}${script}
</body>
</html>`;
}
