// @vitest-environment happy-dom
// A cold open fetches nothing but fonts (issue 13): the panel's page carries its bundle and styles
// inline, each with the page's nonce under the same strict CSP; KaTeX's fonts point to media/katex/fonts;
// anything that could end its element early is linked instead of inlined.
import './setup-dom';
import { describe, expect, test } from 'vitest';
import { contentSecurityPolicy, makeNonce, panelHtml, PRELOAD_FONTS } from '../../src/extension/panel/panelHtml';

const BASE = {
  cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
  scriptUri: 'https://r/dist/webview.js',
  styleUri: 'https://r/media/panel.css',
  katexCssUri: 'https://r/media/katex/katex.min.css',
};
const FILES = {
  script: 'console.log("panel");\n//# sourceMappingURL=webview.js.map\n',
  panelCss: 'body { color: red; }',
  katexCss:
    '@font-face{font-family:KaTeX_Main;src:url(fonts/KaTeX_Main-Regular.woff2) format("woff2")}.katex{font:normal 1.21em KaTeX_Main}',
  fontsUri: 'https://r/media/katex/fonts',
};

function parse(html: string): DocumentFragment {
  const tpl = document.createElement('template');
  tpl.innerHTML = html.replace(/^<!DOCTYPE html>/, '');
  return tpl.content;
}

describe('the panel page with its files inline', () => {
  test('script and styles inline, each with the nonce; the CSP unchanged (no unsafe-inline); nothing linked', () => {
    const nonce = makeNonce();
    const html = panelHtml({ ...BASE, nonce, inline: FILES });
    const doc = parse(html);
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')).toBe(
      contentSecurityPolicy(BASE.cspSource, nonce),
    );
    expect(html).not.toContain('unsafe-inline');
    const scripts = Array.from(doc.querySelectorAll('script'));
    expect(scripts).toHaveLength(1);
    expect(scripts[0]!.getAttribute('nonce')).toBe(nonce);
    expect(scripts[0]!.hasAttribute('src')).toBe(false);
    expect(scripts[0]!.textContent).toContain('console.log("panel")');
    // the map comment would send the browser looking next to the page
    expect(scripts[0]!.textContent).not.toContain('sourceMappingURL');
    const styles = Array.from(doc.querySelectorAll('style'));
    expect(styles).toHaveLength(2);
    for (const s of styles) expect(s.getAttribute('nonce')).toBe(nonce);
    expect(styles[0]!.textContent).toContain('url(https://r/media/katex/fonts/KaTeX_Main-Regular.woff2)');
    expect(styles[0]!.textContent).not.toContain('url(fonts/');
    // no stylesheet linked; only KaTeX's common fonts preloaded (the same URLs the stylesheet names), with the nonce
    const links = Array.from(doc.querySelectorAll('link'));
    expect(links.map((l) => l.getAttribute('rel'))).toEqual(PRELOAD_FONTS.map(() => 'preload'));
    expect(links.map((l) => l.getAttribute('href'))).toEqual(PRELOAD_FONTS.map((f) => `https://r/media/katex/fonts/${f}.woff2`));
    for (const l of links) {
      expect(l.getAttribute('as')).toBe('font');
      expect(l.getAttribute('nonce')).toBe(nonce);
    }
  });

  test('linked, the preloaded fonts are those beside the linked stylesheet', () => {
    const doc = parse(panelHtml({ ...BASE, nonce: makeNonce() }));
    const fonts = Array.from(doc.querySelectorAll('link[rel="preload"]')).map((l) => l.getAttribute('href'));
    expect(fonts).toEqual(PRELOAD_FONTS.map((f) => `https://r/media/katex/fonts/${f}.woff2`));
  });

  test('a bundle or stylesheet that would end its element early is linked instead', () => {
    for (const bad of [
      { script: 'x = "</script><script>alert(1)"' },
      { script: 'a <!-- b' },
      { panelCss: 'a{}</style><script>alert(1)</script>' },
      { katexCss: '</STYLE>' },
      { fontsUri: 'https://r/x") , url("evil' },
    ]) {
      const nonce = makeNonce();
      const html = panelHtml({ ...BASE, nonce, inline: { ...FILES, ...bad } });
      const doc = parse(html);
      const scripts = Array.from(doc.querySelectorAll('script'));
      expect(scripts, JSON.stringify(bad)).toHaveLength(1);
      expect(scripts[0]!.getAttribute('src')).toBe(BASE.scriptUri);
      expect(doc.querySelectorAll('style')).toHaveLength(0);
      expect(doc.querySelectorAll('link[rel="stylesheet"]')).toHaveLength(2);
      expect(html).not.toContain('alert(1)');
    }
  });
});
