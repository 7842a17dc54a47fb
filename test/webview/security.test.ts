// @vitest-environment happy-dom
import './setup-dom';
import { describe, expect, test, vi } from 'vitest';
import { PanelApp } from '../../src/webview/app';
import { mathElement } from '../../src/webview/math';
import { panelHtml, contentSecurityPolicy, makeNonce } from '../../src/extension/panel/panelHtml';
import { hostileReport, PAYLOAD, SCRIPT_END } from './fixtures';
import type { Report } from '../../src/report';
import { analyze } from '../../src/analysis';
import { cursorContext } from '../../src/extension/panel/panelCursor';

/** A .rnn file whose comments and names carry HTML. */
const HOSTILE_RNN = [
  `# ${PAYLOAD} ${SCRIPT_END}`,
  'T = 2',
  `input x = [1, 2]   // ${PAYLOAD}`,
  'param W = 0.5',
  'h_0 = 0',
  'h_t = tanh(W h_{t-1} + x_t)   # </script>',
  'loss L = Σ_t h_t',
  `${PAYLOAD} = 3`,
  'h<img = 2',
  'derive ∂L/∂W',
  'derive ∂L/∂img',
  `check ∂L/∂W = 1 # ${SCRIPT_END}`,
  'check ∂L/∂W = </script>',
].join('\n');

/** Render a Report through the whole panel and return the root. */
function renderAll(report: Report): HTMLElement {
  document.body.innerHTML = '';
  const root = document.createElement('div');
  document.body.appendChild(root);
  const app = new PanelApp(
    document,
    root,
    { post: () => {}, setState: () => {} },
    { uri: null, selected: null, scaleParam: null, scaleFactor: 1 },
  );
  app.showReport({
    doc: { uri: `file:///w/${PAYLOAD}.rnn`, fileName: `${PAYLOAD}${SCRIPT_END}.rnn`, version: 1 },
    report,
    cursor: null,
    postedAt: Date.now(),
  });
  return root;
}

function assertInert(root: HTMLElement): void {
  expect(root.querySelectorAll('img, script, iframe, object, embed, a[href], foreignObject')).toHaveLength(0);
  for (const el of Array.from(root.querySelectorAll('*'))) {
    for (const a of Array.from(el.attributes)) {
      expect(a.name.startsWith('on'), `${el.tagName} ${a.name}`).toBe(false);
      expect(/javascript:/i.test(a.value) && a.name !== 'data-latex', `${el.tagName} ${a.name}=${a.value}`).toBe(false);
    }
  }
}

describe('user text is text', () => {
  test('names, messages, equations and file names with HTML render as text and run nothing', () => {
    const alert = vi.fn();
    (window as unknown as { alert: typeof alert }).alert = alert;
    const root = renderAll(hostileReport());
    assertInert(root);
    const text = root.textContent ?? '';
    expect(text).toContain(PAYLOAD); // shown literally…
    expect(text).toContain('</script>');
    expect(root.querySelector('#title')!.textContent).toBe(`${PAYLOAD}${SCRIPT_END}.rnn`);
    expect(root.querySelector('#checks .equation')!.textContent).toContain(PAYLOAD);
    expect(root.querySelector('#checks .diagnostics .message')!.textContent).toContain(PAYLOAD);
    // …in the graph too (SVG text, data attributes)
    const svg = root.querySelector('#graph svg')!;
    expect(svg.querySelectorAll('g.node').length).toBeGreaterThan(0);
    expect(svg.textContent).toContain('<img');
    // a node selected and hovered: the tooltip and the details are text as well
    const node = svg.querySelector('g.node')!;
    node.dispatchEvent(new MouseEvent('mouseenter'));
    node.dispatchEvent(new MouseEvent('click'));
    assertInert(root);
    expect(alert).not.toHaveBeenCalled();
  });

  test('a .rnn file with HTML in comments and names: the panel shows the analysis as text', () => {
    const report = analyze(HOSTILE_RNN, { gradcheck: true });
    // the analysis saw the payload (its messages quote it), so it does reach the panel
    expect(report.diagnostics.length).toBeGreaterThan(0);
    const alert = vi.fn();
    (window as unknown as { alert: typeof alert }).alert = alert;
    const root = renderAll(report);
    assertInert(root);
    const messages = Array.from(root.querySelectorAll('#checks .diagnostics .message')).map((m) => m.textContent);
    expect(messages).toEqual(
      report.diagnostics
        .filter((d) => d.severity === 'error' || d.severity === 'warning')
        .slice(0, 50)
        .map((d) => d.message),
    );
    // every derive line through the cursor, every node clicked
    for (const d of report.derives) {
      const app = new PanelApp(
        document,
        root,
        { post: () => {}, setState: () => {} },
        { uri: null, selected: null, scaleParam: null, scaleFactor: 1 },
      );
      app.showReport({
        doc: { uri: 'file:///x.rnn', fileName: 'x.rnn', version: 1 },
        report,
        cursor: cursorContext(report, d.line, 1),
        postedAt: Date.now(),
      });
      for (const n of Array.from(root.querySelectorAll('g.node'))) n.dispatchEvent(new MouseEvent('click'));
      assertInert(root);
    }
    expect(alert).not.toHaveBeenCalled();
  });

  test('KaTeX runs untrusted: \\href, \\url, \\htmlClass, \\includegraphics do not produce links, classes or images', () => {
    for (const latex of [
      '\\href{javascript:alert(1)}{x}',
      '\\url{javascript:alert(1)}',
      '\\htmlClass{evil}{x}',
      '\\htmlId{evil}{x}',
      '\\htmlStyle{color:red}{x}',
      '\\includegraphics{x.png}',
      `\\text{${PAYLOAD}}`,
    ]) {
      const el = mathElement(document, latex, true);
      document.body.appendChild(el);
      expect(el.querySelectorAll('a, img, .evil, #evil, script'), latex).toHaveLength(0);
      for (const e of Array.from(el.querySelectorAll('*')))
        for (const a of Array.from(e.attributes)) expect(a.name.startsWith('on')).toBe(false);
    }
    const t = mathElement(document, `\\text{${PAYLOAD}}`, false);
    expect(t.textContent).toContain(PAYLOAD);
    // unparseable LaTeX is shown as code text, not thrown
    const bad = mathElement(document, '\\frac{1}{', true);
    expect(bad.classList.contains('katex-error')).toBe(true);
    expect(bad.textContent).toBe('\\frac{1}{');
  });

  test('the HTML shell: strict CSP with a nonce, every script and stylesheet carries it, attributes escaped', () => {
    const nonce = makeNonce();
    expect(nonce).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(makeNonce()).not.toBe(nonce);
    const html = panelHtml({
      cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
      nonce,
      scriptUri: 'https://r/dist/webview.js',
      styleUri: 'https://r/media/panel.css',
      katexCssUri: 'https://r/media/katex/katex.min.css"><script>',
    });
    const csp = contentSecurityPolicy('https://file+.vscode-resource.vscode-cdn.net', nonce);
    expect(csp).toBe(
      `default-src 'none'; style-src https://file+.vscode-resource.vscode-cdn.net 'nonce-${nonce}'; font-src https://file+.vscode-resource.vscode-cdn.net; script-src 'nonce-${nonce}'; img-src https://file+.vscode-resource.vscode-cdn.net data:`,
    );
    expect(csp).not.toContain('unsafe');
    // parsed inert (a template's content loads nothing)
    const tpl = document.createElement('template');
    tpl.innerHTML = html.replace(/^<!DOCTYPE html>/, '');
    const doc = tpl.content;
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')).toBe(csp);
    const scripts = Array.from(doc.querySelectorAll('script'));
    expect(scripts).toHaveLength(1);
    expect(scripts[0].getAttribute('nonce')).toBe(nonce);
    for (const l of Array.from(doc.querySelectorAll('link'))) expect(l.getAttribute('nonce')).toBe(nonce);
    expect(html).toMatch(/^<!DOCTYPE html>/);
  });
});

describe('the report written into the page (panelHtml `initial`) is data, never markup', () => {
  test('hostile names, comments and file names stay inside the JSON and read back byte for byte', () => {
    const text = `${HOSTILE_RNN}\n# \u2028 \u2029 <!-- <script> ]]> & '"`;
    const report = analyze(text, { forms: true });
    const initial = [
      {
        type: 'report' as const,
        doc: { uri: `file:///w/${SCRIPT_END}.rnn`, fileName: `${PAYLOAD}.rnn`, version: 1 },
        report,
        cursor: cursorContext(report, 10, 1),
        editAt: 1,
        postedAt: 2,
      },
    ];
    const nonce = makeNonce();
    const html = panelHtml({
      cspSource: 'https://x.vscode-cdn.net',
      nonce,
      scriptUri: 'https://r/dist/webview.js',
      styleUri: 'https://r/media/panel.css',
      katexCssUri: 'https://r/media/katex/katex.min.css',
      initial,
    });
    const json = /<script type="application\/json" id="unroll-initial">([\s\S]*?)<\/script>/.exec(html)![1]!;
    // no markup can start inside the data: every <, > and & is a \u escape
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(initial)));
    const tpl = document.createElement('template');
    tpl.innerHTML = html.replace(/^<!DOCTYPE html>/, '');
    const scripts = Array.from(tpl.content.querySelectorAll('script'));
    // the data element and the nonce'd bundle, nothing else: no element, attribute or script from the payloads
    expect(scripts.map((s) => s.getAttribute('type'))).toEqual(['application/json', null]);
    expect(scripts[1]!.getAttribute('nonce')).toBe(nonce);
    expect(tpl.content.querySelectorAll('img, iframe, [onerror], [onload]')).toHaveLength(0);
    expect(JSON.parse(scripts[0]!.textContent!)).toEqual(JSON.parse(JSON.stringify(initial)));
  });
});
