// The panel's HTML shell: a strict Content-Security-Policy with a per-load nonce, local resources only.
// Pure (no 'vscode' import): the host passes in the webview's cspSource and the asWebviewUri'd URLs.

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
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" nonce="${attr(p.nonce)}" href="${attr(p.katexCssUri)}">
<link rel="stylesheet" nonce="${attr(p.nonce)}" href="${attr(p.styleUri)}">
<title>Unroll</title>
</head>
<body>
<div id="app" role="main"><p class="empty">Open a .rnn file to see its unrolled graph.</p></div>
<script nonce="${attr(p.nonce)}" src="${attr(p.scriptUri)}"></script>
</body>
</html>`;
}
