// @vitest-environment happy-dom
// The page's formulas come from the host (issue 13: the page carries no KaTeX): a formula not here yet is
// a placeholder and a request, batched per task; the host's answer fills it. What the host sends is built
// from allow-lists only — a tree with anything KaTeX does not make is shown as its source text.
import './setup-dom';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { analyze } from '../../src/analysis';
import { cursorContext } from '../../src/extension/panel/panelCursor';
import { firstFormulas, laterFormulas, typesetFormula } from '../../src/extension/panel/typeset';
import { clearMathCache, mathElement, pendingMath, receiveMath, setMathSource } from '../../src/webview/math';
import { PanelApp } from '../../src/webview/app';
import type { MathTree, TypesetFormula } from '../../src/protocol';
import { hostileReport, PAYLOAD, SCRIPT_END, sheet7Report } from './fixtures';

type Req = { latex: string; display: boolean }[];

function asking(): Req[] {
  const requests: Req[] = [];
  clearMathCache();
  setMathSource({ request: (f) => requests.push(f) });
  return requests;
}

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

afterEach(() => {
  clearMathCache();
  setMathSource({ typeset: typesetFormula });
});

describe('formulas asked of the host', () => {
  test('a placeholder, one batched request per task, filled by the answer (every copy of it)', async () => {
    const requests = asking();
    const a = mathElement(document, 'x_t + 1', false);
    const b = mathElement(document, 'x_t + 1', false);
    const c = mathElement(document, '\\frac{a}{b}', true);
    document.body.append(a, b, c);
    expect(a.classList.contains('pending')).toBe(true);
    expect(a.textContent).toBe('…');
    await tick();
    expect(requests).toEqual([
      [
        { latex: 'x_t + 1', display: false },
        { latex: '\\frac{a}{b}', display: true },
      ],
    ]);
    expect(pendingMath()).toBe(2);
    receiveMath(
      document,
      requests[0]!.map((f) => typesetFormula(f.latex, f.display)),
    );
    for (const el of [a, b, c]) {
      expect(el.classList.contains('pending')).toBe(false);
      expect(el.querySelector('.katex')).not.toBeNull();
    }
    expect(c.querySelector('.katex-display')).not.toBeNull();
    expect(pendingMath()).toBe(0);
    // built once, copied after: no new request
    mathElement(document, 'x_t + 1', false);
    await tick();
    expect(requests).toHaveLength(1);
  });

  test('formulas sent ahead of a report are used without asking', async () => {
    const requests = asking();
    receiveMath(document, [typesetFormula('y^2', false)]);
    const el = mathElement(document, 'y^2', false);
    expect(el.querySelector('.katex')).not.toBeNull();
    await tick();
    expect(requests).toHaveLength(0);
  });

  test("the host's error: the source as text, with the message", async () => {
    asking();
    const el = mathElement(document, '\\frac{', true);
    document.body.append(el);
    receiveMath(document, [typesetFormula('\\frac{', true)]);
    expect(el.classList.contains('katex-error')).toBe(true);
    expect(el.querySelector('code')!.textContent).toBe('\\frac{');
    expect(el.getAttribute('title')).toMatch(/KaTeX parse error/);
  });
});

describe('the allow-lists: only what KaTeX makes is built', () => {
  const hostile: [string, MathTree][] = [
    ['an image', { t: 'span', k: [{ t: 'img', a: { src: 'x', onerror: 'alert(1)' } }] }],
    ['a script', { t: 'script', k: ['alert(1)'] }],
    ['a link', { t: 'a', a: { href: 'javascript:alert(1)' }, k: ['x'] }],
    ['an event handler', { t: 'span', a: { onclick: 'alert(1)' }, k: ['x'] }],
    ['an SVG foreignObject', { t: 'svg', n: 's', k: [{ t: 'foreignObject', n: 's' }] }],
    ['an SVG href', { t: 'svg', n: 's', k: [{ t: 'path', n: 's', a: { href: 'javascript:alert(1)' } }] }],
    ['a style that fetches', { t: 'span', s: { backgroundImage: 'url(https://example.com/x.png)' } }],
    ['an SVG style that fetches', { t: 'svg', n: 's', a: { style: 'background:url(https://example.com/x)' } }],
    ['a MathML href', { t: 'math', n: 'm', a: { href: 'javascript:alert(1)' } }],
  ];
  for (const [what, tree] of hostile) {
    test(`${what}: refused, the formula shown as its source text`, () => {
      asking();
      const latex = `x ${PAYLOAD}`;
      const el = mathElement(document, latex, false);
      document.body.append(el);
      receiveMath(document, [{ latex, display: false, tree, error: null } satisfies TypesetFormula]);
      expect(el.classList.contains('katex-error')).toBe(true);
      expect(el.querySelectorAll('img, script, a, foreignObject')).toHaveLength(0);
      expect(el.querySelector('code')!.textContent).toBe(latex);
      for (const x of Array.from(el.querySelectorAll('*')))
        for (const a of Array.from(x.attributes)) expect(a.name.startsWith('on')).toBe(false);
    });
  }

  test('text with markup in a tree stays text', () => {
    asking();
    const el = mathElement(document, 'z', false);
    document.body.append(el);
    receiveMath(document, [{ latex: 'z', display: false, tree: { t: 'span', c: 'katex', k: [`${PAYLOAD}${SCRIPT_END}`] }, error: null }]);
    expect(el.querySelectorAll('img, script')).toHaveLength(0);
    expect(el.textContent).toBe(`${PAYLOAD}${SCRIPT_END}`);
  });
});

describe('the formulas sent with a report are those its render shows (every example)', () => {
  const files = readdirSync('examples').filter((f) => f.endsWith('.rnn'));
  for (const file of files) {
    test(
      file,
      async () => {
        const report = analyze(readFileSync(join('examples', file), 'utf8'), { forms: true });
        const requests = asking();
        document.body.innerHTML = '';
        const root = document.body.appendChild(document.createElement('div'));
        const later: (() => void)[] = [];
        const app = new PanelApp(
          document,
          root,
          { post: () => {}, setState: () => {}, afterPaint: (fn) => later.push(fn) },
          { uri: null, selected: null, scaleParam: null, scaleFactor: 1 },
        );
        const d = report.derives[0];
        const cursor = d ? cursorContext(report, d.line, 1) : null;
        app.handle({ type: 'math', formulas: firstFormulas(report, cursor).map((f) => typesetFormula(f.latex, f.display)) });
        app.handle({
          type: 'report',
          doc: { uri: `file:///w/${file}`, fileName: file, version: 1 },
          report,
          cursor,
          editAt: 0,
          postedAt: Date.now(),
        });
        // the first paint: the derivation's first form, typeset at once from what was sent ahead
        later.shift()!();
        await tick();
        expect(requests, 'nothing asked for by the first form').toEqual([]);
        if (!d) return;
        expect(root.querySelector('#derivation .derive-head .math')!.classList.contains('pending')).toBe(false);
        const first = root.querySelector('#derivation .result > .form');
        expect(first!.querySelector('.math.pending'), first!.getAttribute('data-form')!).toBeNull();
        expect(first!.querySelector('.katex')).not.toBeNull();
        expect(root.querySelector('#derivation .number .math')!.classList.contains('pending')).toBe(false);
        // the rest, sent after the report: every later form and chain term drawn without asking
        app.handle({ type: 'math', formulas: laterFormulas(report, cursor).map((f) => typesetFormula(f.latex, f.display)) });
        for (let i = 0; i < later.length; i++) later[i]!();
        await tick();
        expect(requests, 'nothing asked for by the later forms').toEqual([]);
        expect(root.querySelectorAll('#derivation .math.pending')).toHaveLength(0);
      },
      60_000,
    );
  }
});

describe('the whole panel with its formulas from the host', () => {
  /** Render through PanelApp with an asking source, answering each request as the host does. */
  async function render(report: ReturnType<typeof sheet7Report>, sendAhead: boolean): Promise<{ root: HTMLElement; asked: number }> {
    const requests = asking();
    document.body.innerHTML = '';
    const root = document.body.appendChild(document.createElement('div'));
    const app = new PanelApp(
      document,
      root,
      { post: () => {}, setState: () => {} },
      { uri: null, selected: null, scaleParam: null, scaleFactor: 1 },
    );
    if (sendAhead) app.handle({ type: 'math', formulas: firstFormulas(report, null).map((f) => typesetFormula(f.latex, f.display)) });
    app.showReport({
      doc: { uri: `file:///w/${PAYLOAD}.rnn`, fileName: `${PAYLOAD}.rnn`, version: 1 },
      report,
      cursor: null,
      postedAt: Date.now(),
    });
    await tick();
    const asked = requests.reduce((n, r) => n + r.length, 0);
    for (let i = 0; i < requests.length; i++)
      app.handle({ type: 'math', formulas: requests[i]!.map((f) => typesetFormula(f.latex, f.display)) });
    return { root, asked };
  }

  test('sheet 7: the formulas sent ahead are all the first render needs; the rest is asked for and drawn', async () => {
    const report = sheet7Report();
    const ahead = await render(report, true);
    const without = await render(report, false);
    expect(ahead.asked).toBeLessThan(without.asked);
    expect(ahead.root.querySelectorAll('#derivation .math.pending')).toHaveLength(0);
    expect(ahead.root.querySelectorAll('#derivation .katex').length).toBeGreaterThan(0);
    expect(ahead.root.querySelectorAll('#derivation .katex-error')).toHaveLength(0);
  });

  test('a hostile report through the host path: names, comments and file name stay text', async () => {
    const { root } = await render(hostileReport(), false);
    expect(root.querySelectorAll('img, script, iframe, object, embed, a[href], foreignObject')).toHaveLength(0);
    for (const el of Array.from(root.querySelectorAll('*')))
      for (const a of Array.from(el.attributes)) expect(a.name.startsWith('on'), `${el.tagName} ${a.name}`).toBe(false);
    expect(root.querySelectorAll('#derivation .math.pending')).toHaveLength(0);
  });
});
