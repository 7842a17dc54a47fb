// @vitest-environment happy-dom
import './setup-dom';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { PanelApp } from '../../src/webview/app';
import type { FromWebview, PanelState, ReportMessage } from '../../src/protocol';
import type { Report } from '../../src/report';
import { derivationLatex, derivesForNode } from '../../src/webview/derivation';
import { relErrorClass } from '../../src/webview/gradcheckView';
import { factorToSlider, sliderToFactor, SCALE_MAX, SCALE_MIN } from '../../src/webview/flowPlot';
import { sheet7Report, vectorReport } from './fixtures';

function msg(report: Report, extra: Partial<ReportMessage> = {}): ReportMessage {
  return {
    type: 'report',
    doc: { uri: 'file:///w/sheet7.rnn', fileName: 'sheet7.rnn', version: 1 },
    report,
    cursor: null,
    editAt: Date.now(),
    postedAt: Date.now(),
    ...extra,
  };
}

function mount(state: Partial<PanelState> = {}) {
  document.body.innerHTML = '';
  const root = document.createElement('div');
  root.id = 'app';
  document.body.appendChild(root);
  const posted: FromWebview[] = [];
  const states: PanelState[] = [];
  const app = new PanelApp(
    document,
    root,
    { post: (m) => posted.push(m), setState: (s) => states.push(s) },
    { uri: null, selected: null, scaleParam: null, scaleFactor: 1, ...state },
  );
  return { app, root, posted, states };
}

const cursorAt = (
  derive: number | null,
  node: string | null = null,
  symbol: { name: string; step: number | null; relative: boolean } | null = null,
) => ({ line: 1, column: 1, derive, check: null, symbol, node });

beforeEach(() => {
  vi.useRealTimers();
});

describe('panel', () => {
  test('a report fills every section', () => {
    const { app, root } = mount();
    const t = app.showReport(msg(sheet7Report()));
    expect(root.querySelector('#title')!.textContent).toBe('sheet7.rnn');
    expect(root.querySelector('#summary-T')!.textContent).toBe('T = 3');
    expect(root.querySelector('#graph svg')).not.toBeNull();
    expect(root.querySelectorAll('#derivation .katex').length).toBeGreaterThan(0);
    expect(root.querySelector('#flow svg.flow-plot polyline.series')).not.toBeNull();
    expect(root.querySelectorAll('#gradcheck tbody tr')).toHaveLength(5);
    expect(root.querySelectorAll('#checks li.check')).toHaveLength(3);
    expect(t.nodes).toBe(sheet7Report().graph!.nodes.length);
    expect(t.graphMs).toBeGreaterThanOrEqual(0);
    expect(t.totalMs).toBeGreaterThanOrEqual(t.graphMs);
  });

  test('the derive line under the cursor is the derivation shown; moving the cursor changes it', () => {
    const { app, root } = mount();
    const r = sheet7Report();
    app.handle(msg(r, { cursor: cursorAt(0) }));
    const derivation = root.querySelector('#derivation')!;
    expect(derivation.querySelector('.derive')!.getAttribute('data-line')).toBe('24');
    // chain, explicit and δ forms, each typeset, and the number
    expect(Array.from(derivation.querySelectorAll('.form')).map((f) => f.getAttribute('data-form'))).toEqual([
      'chain',
      'explicit',
      'recursive',
    ]);
    for (const f of Array.from(derivation.querySelectorAll('.form'))) expect(f.querySelector('.katex')).not.toBeNull();
    expect(JSON.parse(derivation.querySelector('.number')!.getAttribute('data-value')!)).toBe(0.0421);
    app.handle({ type: 'cursor', uri: 'file:///w/sheet7.rnn', cursor: cursorAt(1) });
    expect(derivation.querySelector('.derive')!.getAttribute('data-line')).toBe('25');
    // a cursor message for another document is ignored
    app.handle({ type: 'cursor', uri: 'file:///w/other.rnn', cursor: cursorAt(0) });
    expect(derivation.querySelector('.derive')!.getAttribute('data-line')).toBe('25');
  });

  test('a derive with a free t has a step picker; a step written at the cursor picks it', () => {
    const { app, root } = mount();
    app.handle(msg(sheet7Report(), { cursor: cursorAt(2) }));
    const select = root.querySelector('#derivation select.step-picker') as HTMLSelectElement;
    expect(select.options).toHaveLength(3);
    expect(root.querySelector('#derivation .result')!.getAttribute('data-t')).toBe('1');
    select.value = '3';
    select.dispatchEvent(new Event('change'));
    expect(root.querySelector('#derivation .result')!.getAttribute('data-t')).toBe('3');
    app.handle({ type: 'cursor', uri: 'file:///w/sheet7.rnn', cursor: cursorAt(2, null, { name: 'h', step: 2, relative: false }) });
    expect(root.querySelector('#derivation .result')!.getAttribute('data-t')).toBe('2');
  });

  test('the cursor on a check line shows its verdict and both sides per step', () => {
    const { app, root } = mount();
    const r = sheet7Report();
    r.checks[1].steps = [
      { t: 1, lhs: 0.5, rhs: 0.5, ok: true },
      { t: 2, lhs: 0.12, rhs: 0.1, ok: false },
    ];
    app.handle(msg(r));
    app.handle({
      type: 'cursor',
      uri: 'file:///w/sheet7.rnn',
      cursor: { line: 56, column: 1, derive: null, check: 1, symbol: null, node: null },
    });
    const d = root.querySelector('#derivation .check-details')!;
    expect(d.getAttribute('data-line')).toBe('56');
    expect(d.querySelector('.equation')!.textContent).toBe(`check ${r.checks[1].equation}`);
    const rows = Array.from(d.querySelectorAll('table.check-steps tbody tr'));
    expect(rows.map((x) => x.getAttribute('class'))).toEqual(['good', 'bad']);
    expect(rows[1].textContent).toContain('0.12');
    expect(root.querySelector('#checks li.check.cursor')!.getAttribute('data-line')).toBe('56');
  });

  test('clicking a node shows its details and the derives about it', () => {
    const { app, root, states } = mount();
    const r = sheet7Report();
    app.handle(msg(r));
    root.querySelector('g.node[data-id="W_hh"]')!.dispatchEvent(new MouseEvent('click'));
    const d = root.querySelector('#derivation')!;
    expect(d.querySelector('.node-details')!.getAttribute('data-node')).toBe('W_hh');
    // ∂L/∂W_hh is derived in the file: shown under the node
    expect(d.querySelector('.derive')!.getAttribute('data-line')).toBe('24');
    expect(root.querySelector('g.node[data-id="W_hh"]')!.classList.contains('selected')).toBe(true);
    expect(states[states.length - 1].selected).toBe('W_hh');
    // h@2: its immediate partials, typeset, and ∂h_t/∂h_{t-1} at t = 2
    app.select('h@2');
    expect(d.querySelectorAll('ul.partials li .katex').length).toBe(r.quantities.find((q) => q.name === 'h')!.partials.length);
    expect(d.querySelector('.derive')!.getAttribute('data-line')).toBe('26');
    expect(d.querySelector('.derive .result')!.getAttribute('data-t')).toBe('2');
    expect(d.querySelector('.node-grad')!.textContent).not.toBe('—');
    // a node no derive is about: a hint how to get one
    app.select('o@2');
    expect(d.querySelector('.derive')).toBeNull();
    expect(d.querySelector('.hint')!.textContent).toContain('derive ∂L/∂o_2');
  });

  test('derives are matched to the node they differentiate by', () => {
    const r = sheet7Report();
    const node = (id: string) => r.graph!.nodes.find((n) => n.id === id)!;
    expect(derivesForNode(r, node('W_hh'))).toEqual([{ index: 0, t: null }]);
    expect(derivesForNode(r, node('W_xh'))).toEqual([{ index: 1, t: null }]);
    expect(derivesForNode(r, node('h@2'))).toEqual([{ index: 2, t: 2 }]);
    expect(derivesForNode(r, node('o@2'))).toEqual([]);
  });

  test('chain-rule terms, when the Report provides them, are clickable and highlight their path', () => {
    const { app, root } = mount();
    const r = sheet7Report();
    const chain = r.derives[0].results[0].forms!.chain! as { text: string; latex: string; terms?: unknown };
    chain.terms = [
      {
        text: 'a',
        latex: '\\frac{\\partial L}{\\partial h_2}\\frac{\\partial^{+} h_2}{\\partial W_{hh}}',
        value: 0.03,
        path: ['W_hh', 'h@2', 'o@2', 'L@2', 'L'],
      },
      {
        text: 'b',
        latex: '\\frac{\\partial L}{\\partial h_3}\\frac{\\partial^{+} h_3}{\\partial W_{hh}}',
        value: 0.0121,
        path: ['W_hh', 'h@3', 'o@3', 'L@3', 'L'],
      },
    ];
    app.handle(msg(r, { cursor: cursorAt(0) }));
    const terms = Array.from(root.querySelectorAll('#derivation button.term')) as HTMLButtonElement[];
    expect(terms).toHaveLength(2);
    expect(terms[0].querySelector('.katex')).not.toBeNull();
    expect(root.querySelector('#derivation .terms .sum')!.textContent).toContain('0.0421');
    terms[1].click();
    const onPath = Array.from(root.querySelectorAll('#graph g.node.on-path')).map((g) => g.getAttribute('data-id'));
    expect(onPath.sort()).toEqual(['L', 'L@3', 'W_hh', 'h@3', 'o@3']);
    expect(root.querySelectorAll('#graph path.edge.on-path').length).toBeGreaterThan(0);
    expect(root.querySelector('#derivation button.term.active')!.getAttribute('data-term')).toBe('1');
    (root.querySelector('#derivation button.term.active') as HTMLButtonElement).click();
    expect(root.querySelectorAll('#graph g.node.on-path')).toHaveLength(0);
    // malformed terms are ignored, the form still shows
    chain.terms = [{ latex: 1 }];
    app.handle(msg(r, { cursor: cursorAt(0) }));
    expect(root.querySelectorAll('#derivation button.term')).toHaveLength(0);
    expect(root.querySelector('#derivation .form[data-form="chain"] .katex')).not.toBeNull();
  });

  test('copy LaTeX posts the whole derivation', () => {
    const { app, root, posted } = mount();
    const r = sheet7Report();
    app.handle(msg(r, { cursor: cursorAt(0) }));
    (root.querySelector('#derivation button.copy-latex') as HTMLButtonElement).click();
    const copy = posted.find((m) => m.type === 'copy');
    expect(copy).toBeDefined();
    const text = (copy as { text: string }).text;
    expect(text).toBe(derivationLatex(r.derives[0], r.derives[0].results[0]));
    expect(text).toContain(r.derives[0].results[0].forms!.chain!.latex);
    expect(text).toContain(r.derives[0].results[0].forms!.explicit!.latex);
    expect(text).toContain('0.0421');
  });

  test('check verdicts and line links post reveal', () => {
    const { app, root, posted } = mount();
    app.handle(msg(sheet7Report()));
    const items = Array.from(root.querySelectorAll('#checks li.check'));
    expect(items.map((i) => i.getAttribute('data-status'))).toEqual(['holds', 'fails', 'holds-at-given-values']);
    expect(items.map((i) => i.classList.contains('good') || i.classList.contains('bad') || i.classList.contains('warn'))).toEqual([
      true,
      true,
      true,
    ]);
    (items[1].querySelector('button.line-link') as HTMLButtonElement).click();
    expect(posted).toContainEqual({ type: 'reveal', line: 56 });
  });

  test('gradient check: relative error coloured by threshold', () => {
    expect(relErrorClass(1e-9)).toBe('good');
    expect(relErrorClass(1e-6)).toBe('warn');
    expect(relErrorClass(1e-2)).toBe('bad');
    expect(relErrorClass(NaN)).toBe('bad');
    const { app, root } = mount();
    const r = sheet7Report();
    app.handle(msg(r));
    const cells = Array.from(root.querySelectorAll('#gradcheck td.rel-error'));
    r.gradcheck.forEach((g, i) => expect(cells[i].classList.contains(relErrorClass(g.relError))).toBe(true));
  });

  test('a report without the gradient check shows it pending until the host sends it for that version', () => {
    const { app, root } = mount();
    const r = sheet7Report();
    const rows = r.gradcheck;
    r.gradcheck = [];
    app.handle(msg(r));
    expect(root.querySelector('#gradcheck .pending')).not.toBeNull();
    app.handle({ type: 'gradcheck', uri: 'file:///w/sheet7.rnn', version: 0, gradcheck: rows, error: null });
    expect(root.querySelector('#gradcheck .pending')).not.toBeNull();
    app.handle({ type: 'gradcheck', uri: 'file:///w/sheet7.rnn', version: 1, gradcheck: rows, error: null });
    expect(root.querySelectorAll('#gradcheck tbody tr')).toHaveLength(rows.length);
    expect(root.querySelector('#gradcheck tr[data-param="W_hh"] td.rel-error')!.getAttribute('data-rel-error')).toBe(
      String(rows[1].relError),
    );
  });

  test('the slider asks for a scaled report and draws it over the original', async () => {
    vi.useFakeTimers();
    const { app, root, posted } = mount();
    const r = sheet7Report();
    app.handle(msg(r));
    expect((root.querySelector('#scale-param') as HTMLSelectElement).value).toBe('W_hh');
    const slider = root.querySelector('#scale-slider') as HTMLInputElement;
    slider.value = String(factorToSlider(0.5));
    slider.dispatchEvent(new Event('input'));
    slider.value = String(factorToSlider(2));
    slider.dispatchEvent(new Event('input'));
    vi.advanceTimersByTime(100);
    const requests = posted.filter((m) => m.type === 'scale');
    // debounced: one request, for the last position
    expect(requests).toHaveLength(1);
    const req = requests[0] as { requestId: number; scale: Record<string, number> };
    expect(req.scale.W_hh).toBeCloseTo(2, 1);
    expect(root.querySelector('#scale-readout')!.textContent).toBe(`× ${sliderToFactor(Number(slider.value)).toFixed(2)}`);
    const scaled = sheet7Report();
    scaled.flow = [{ name: 'h', norms: [1, 2, 4] }];
    // a stale answer is dropped
    app.handle({ type: 'scaled', requestId: req.requestId - 1, scale: req.scale, report: scaled, error: null });
    expect(root.querySelector('#flow polyline.scaled')).toBeNull();
    app.handle({ type: 'scaled', requestId: req.requestId, scale: req.scale, report: scaled, error: null });
    expect(root.querySelector('#flow polyline.scaled')).not.toBeNull();
    expect(root.querySelector('#flow polyline.base.faded')).not.toBeNull();
    // the graph is redrawn from the scaled report, and says so
    expect(root.querySelector('#graph-scaled')!.textContent).toContain('W_hh ×');
    const scaledValue = scaled.graph!.nodes.find((n) => n.id === 'h@2')!;
    scaledValue.value = 0.987654;
    app.handle({ type: 'scaled', requestId: req.requestId, scale: req.scale, report: scaled, error: null });
    expect(root.querySelector('g.node[data-id="h@2"] .value')!.textContent).toBe('0.9877');
    // the slider kept its position (the controls are not rebuilt by the answer)
    expect(root.querySelector('#scale-slider')).toBe(slider);
    (root.querySelector('#scale-reset') as HTMLButtonElement).click();
    expect(root.querySelector('#flow polyline.scaled')).toBeNull();
    expect(root.querySelector('#graph-scaled')).toBeNull();
    expect(root.querySelector('g.node[data-id="h@2"] .value')!.textContent).not.toBe('0.9877');
    vi.useRealTimers();
  });

  test('slider maps ×0.1 … ×3 on a log scale', () => {
    expect(sliderToFactor(0)).toBeCloseTo(SCALE_MIN);
    expect(sliderToFactor(200)).toBeCloseTo(SCALE_MAX);
    for (const f of [0.1, 0.25, 0.5, 1, 2, 3]) expect(sliderToFactor(factorToSlider(f))).toBeCloseTo(f, 1);
  });

  test('export SVG posts a standalone SVG of the whole graph', () => {
    const { app, root, posted } = mount();
    app.handle(msg(sheet7Report()));
    (root.querySelector('#export-svg') as HTMLButtonElement).click();
    const m = posted.find((x) => x.type === 'exportSvg') as { svg: string } | undefined;
    expect(m).toBeDefined();
    const parsed = new DOMParser().parseFromString(m!.svg, 'image/svg+xml');
    expect(parsed.querySelectorAll('g.node')).toHaveLength(sheet7Report().graph!.nodes.length);
    expect(m!.svg).not.toContain('tabindex');
    expect(m!.svg).toContain('xmlns="http://www.w3.org/2000/svg"');
  });

  test('T = 50 renders folded; the toolbar unfolds; selecting a folded node unfolds', () => {
    const { app, root } = mount();
    app.handle(msg(vectorReport(50)));
    const stepCols = () => root.querySelectorAll('#graph g.column.step').length;
    expect(stepCols()).toBeLessThan(20);
    const fold = root.querySelector('#fold-toggle') as HTMLButtonElement;
    expect(fold.hidden).toBe(false);
    fold.click();
    expect(stepCols()).toBe(51);
    fold.click();
    expect(stepCols()).toBeLessThan(20);
    // the cursor on a folded node marks the fold
    app.handle({
      type: 'cursor',
      uri: 'file:///w/sheet7.rnn',
      cursor: { line: 9, column: 1, derive: null, check: null, symbol: { name: 'h', step: 25, relative: false }, node: 'h@25' },
    });
    expect(root.querySelector('#graph g.column.fold')!.classList.contains('cursor')).toBe(true);
    app.handle({ type: 'select', node: 'h@25' });
    expect(stepCols()).toBe(51);
    expect(root.querySelector('g.node[data-id="h@25"]')!.classList.contains('selected')).toBe(true);
    // three full renders of a 51-column graph in happy-dom: over 5 s on a loaded two-core machine
  }, 60000);

  test('a truncated graph says so', () => {
    const { app, root } = mount();
    const r = vectorReport(50);
    r.graph!.truncated = true;
    app.handle(msg(r));
    expect(root.querySelector('#graph-truncated')!.textContent).toContain('T = 50');
    app.handle(msg(vectorReport(50)));
    expect(root.querySelector('#graph-truncated')).toBeNull();
  });

  test('state survives a reload: selection and slider come back', () => {
    const { app, root } = mount({ selected: 'o@2', scaleParam: 'W_hy', scaleFactor: 0.5 });
    app.handle(msg(sheet7Report()));
    expect(root.querySelector('#derivation .node-details')!.getAttribute('data-node')).toBe('o@2');
    expect((root.querySelector('#scale-param') as HTMLSelectElement).value).toBe('W_hy');
    expect(root.querySelector('#scale-readout')!.textContent).toBe('× 0.50');
  });

  test('empty message hides the panel body', () => {
    const { app, root } = mount();
    app.handle(msg(sheet7Report()));
    app.handle({ type: 'empty', reason: 'Open a .rnn file.' });
    expect((root.querySelector('#panel-body') as HTMLElement).hidden).toBe(true);
    expect(root.querySelector('#empty')!.textContent).toBe('Open a .rnn file.');
  });
});
