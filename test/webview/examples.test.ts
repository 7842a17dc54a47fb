// @vitest-environment happy-dom
// The panel on every example in examples/, through the real analyze(): the graph has a column per step
// and a node per (quantity, step) showing the Report's numbers, and every derivation typesets in KaTeX.
import './setup-dom';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { analyze } from '../../src/analysis';
import { PanelApp } from '../../src/webview/app';
import { fmt } from '../../src/webview/format';
import { mathElement } from '../../src/webview/math';
import { derivationLatex } from '../../src/webview/derivation';
import { defaultScaleParam } from '../../src/webview/flowPlot';
import { cursorContext } from '../../src/extension/panel/panelCursor';
import type { Report } from '../../src/report';

// every mount typesets a derivation, and happy-dom builds KaTeX's DOM far slower than a browser
vi.setConfig({ testTimeout: 60_000 });

const DIR = join(__dirname, '..', '..', 'examples');
const examples = readdirSync(DIR)
  .filter((f) => f.endsWith('.rnn'))
  .sort();

function mount(report: Report, name: string, cursor: ReturnType<typeof cursorContext> | null = null) {
  document.body.innerHTML = '';
  const root = document.createElement('div');
  document.body.appendChild(root);
  const app = new PanelApp(
    document,
    root,
    { post: () => {}, setState: () => {} },
    { uri: null, selected: null, scaleParam: null, scaleFactor: 1 },
  );
  app.showReport({ doc: { uri: `file:///examples/${name}`, fileName: name, version: 1 }, report, cursor, postedAt: Date.now() });
  return { app, root };
}

test('there are examples to test', () => {
  expect(examples.length).toBeGreaterThan(0);
});

describe.each(examples)('%s', (name) => {
  const text = readFileSync(join(DIR, name), 'utf8');
  const report = analyze(text, { gradcheck: true, forms: true });

  test('the graph: one column per step, every node with its value and gradient', () => {
    const g = report.graph!;
    expect(g).not.toBeNull();
    const { root } = mount(report, name);
    const svg = root.querySelector('#graph svg')!;
    expect(svg.getAttribute('data-T')).toBe(String(report.T));
    const cols = Array.from(root.querySelectorAll('#graph g.column.step')).map((c) => Number(c.getAttribute('data-step')));
    expect(cols).toEqual(g.steps);
    // the steps are 0..T (and T+1 for a backward recurrence)
    expect(g.steps[0]).toBe(0);
    expect(g.steps).toContain(report.T);
    expect(root.querySelectorAll('#graph g.node')).toHaveLength(g.nodes.length);
    for (const n of g.nodes) {
      const el = root.querySelector(`#graph g.node[data-id="${CSS.escape(n.id)}"]`);
      expect(el, n.id).not.toBeNull();
      if (typeof n.value === 'number') expect(el!.querySelector('.value')!.textContent).toBe(fmt(n.value));
      else expect(JSON.parse(el!.querySelector('.heat.value')!.getAttribute('data-value')!)).toEqual(n.value);
      if (n.kind === 'target') continue;
      if (n.grad === null) expect(el!.querySelector('.grad')!.textContent).toBe('—');
      else if (typeof n.grad === 'number') expect(Number(el!.querySelector('.grad')!.getAttribute('data-grad'))).toBe(n.grad);
      else expect(JSON.parse(el!.querySelector('.heat.grad')!.getAttribute('data-grad')!)).toEqual(n.grad);
    }
    // every row of the Report, every quantity's node at every step it has
    const timedRows = g.rows.filter((r) => r.timed);
    for (const r of timedRows)
      expect(root.querySelectorAll(`#graph g.node[data-name="${CSS.escape(r.name)}"]:not([data-t=""])`).length).toBeGreaterThan(0);
    expect(root.querySelectorAll('#graph path.edge')).toHaveLength(g.edges.length);
  });

  test('every derivation typesets in KaTeX', () => {
    for (const d of report.derives) {
      expect(mathElement(document, d.queryLatex, false).classList.contains('katex-error'), d.queryLatex).toBe(false);
      for (const r of d.results) {
        for (const latex of [r.latex, r.forms?.chain?.latex, r.forms?.explicit?.latex, r.forms?.recursive?.latex]) {
          if (!latex) continue;
          const el = mathElement(document, latex, true);
          expect(el.classList.contains('katex-error'), `${name} line ${d.line}: ${latex}`).toBe(false);
          expect(el.querySelector('.katex')).not.toBeNull();
        }
      }
      // copy as LaTeX: every form verbatim (they typeset, above) and the number, which typesets too
      const copied = derivationLatex(d, d.results[0]);
      const blocks = copied
        .split('\n')
        .filter((l) => !l.startsWith('%'))
        .join('\n')
        .split(/\\\[|\\\]/)
        .map((x) => x.trim())
        .filter(Boolean);
      const forms =
        [d.results[0].forms?.chain, d.results[0].forms?.factored, d.results[0].forms?.explicit, d.results[0].forms?.recursive].filter(
          Boolean,
        ).length || 1;
      expect(blocks).toHaveLength(forms + 1);
      expect(mathElement(document, blocks[blocks.length - 1], true).classList.contains('katex-error')).toBe(false);
      // the cursor on the derive line designates it
      expect(cursorContext(report, d.line, 1).derive).toBe(report.derives.indexOf(d));
    }
    // through the panel: the cursor on the first derive line shows it, typeset
    const first = report.derives[0];
    if (first) {
      const { root } = mount(report, name, cursorContext(report, first.line, 1));
      expect(root.querySelector('#derivation .derive')!.getAttribute('data-line')).toBe(String(first.line));
      expect(root.querySelectorAll('#derivation .katex').length).toBeGreaterThan(0);
      expect(root.querySelectorAll('#derivation .katex-error')).toHaveLength(0);
    }
    // happy-dom builds KaTeX's DOM about 50× slower than a browser: a few seconds per example here
  }, 120_000);

  test('flow, gradient check and checks are listed', () => {
    const { root } = mount(report, name);
    expect(root.querySelectorAll('#checks li.check')).toHaveLength(report.checks.length);
    expect(root.querySelectorAll('#gradcheck tbody tr')).toHaveLength(report.gradcheck.length);
    expect(root.querySelectorAll('#flow .legend li')).toHaveLength(report.flow.length);
    if (report.flow.some((f) => f.norms.some((x) => x > 0))) expect(root.querySelector('#flow polyline.series')).not.toBeNull();
  });
});

test('the slider starts on the weight of the recurrence', () => {
  const expected: Record<string, string> = {
    'sheet7-vanilla-rnn.rnn': 'W_hh',
    'bidirectional-rnn.rnn': 'U_f',
    'binary-addition-rnn.rnn': 'W',
    'vector-rnn-bptt.rnn': 'W_hh',
  };
  for (const [name, param] of Object.entries(expected)) {
    if (!examples.includes(name)) continue;
    expect(defaultScaleParam(analyze(readFileSync(join(DIR, name), 'utf8'))), name).toBe(param);
  }
});
