// @vitest-environment happy-dom
import './setup-dom';
import { describe, expect, test, vi } from 'vitest';
import { layoutGraph, visibleSteps, DEFAULT_LAYOUT, HEADER_H, NODE_H } from '../../src/webview/graphLayout';
import { renderGraph, flowStrength, columnsText, offscreenColumns, type GraphViewOptions } from '../../src/webview/graphView';
import { fmt } from '../../src/webview/format';
import type { Report } from '../../src/report';
import { sheet7Report, vectorReport } from './fixtures';

function opts(extra: Partial<GraphViewOptions> = {}): GraphViewOptions {
  return {
    layout: DEFAULT_LAYOUT,
    selected: null,
    cursorNode: null,
    cursorRow: null,
    path: [],
    onSelect: () => {},
    onToggleFold: () => {},
    onReveal: () => {},
    ...extra,
  };
}

function draw(report: Report, extra: Partial<GraphViewOptions> = {}) {
  const host = document.createElement('div');
  host.id = 'graph';
  document.body.appendChild(host);
  const view = renderGraph(document, host, report, opts(extra));
  return { host, view };
}

describe('layout', () => {
  test('one column per step, an untimed column, params in a band above', () => {
    const r = sheet7Report();
    const l = layoutGraph(r.graph!);
    expect(l.columns.filter((c) => c.kind === 'step').map((c) => c.step)).toEqual([0, 1, 2, 3]);
    expect(l.columns.some((c) => c.kind === 'untimed')).toBe(true);
    expect(l.nodes.size).toBe(r.graph!.nodes.length);
    const band = l.rows.filter((x) => x.band);
    const others = l.rows.filter((x) => !x.band);
    expect(band.map((x) => x.name)).toEqual(['W_xh', 'W_hh', 'b_h', 'W_hy', 'b_y']);
    expect(Math.max(...band.map((x) => x.y))).toBeLessThan(Math.min(...others.map((x) => x.y)));
    // same step → same column; same quantity → same row
    expect(l.nodes.get('h@2')!.x).toBe(l.nodes.get('o@2')!.x);
    expect(l.nodes.get('h@1')!.y).toBe(l.nodes.get('h@3')!.y);
    // L_t and loss L are different rows
    expect(l.nodes.get('L@1')!.y).not.toBe(l.nodes.get('L')!.y);
    expect(l.edges.length).toBe(r.graph!.edges.length);
    // the target y sits just above L_t, the row that reads it
    const order = others.map((x) => `${x.name}${x.timed ? '_t' : ''}`);
    expect(order.indexOf('y_t') + 1).toBe(order.indexOf('L_t'));
    expect(order.indexOf('x_t')).toBeLessThan(order.indexOf('h_t'));
  });

  test('long horizons fold their middle steps, unfold shows all', () => {
    const steps = Array.from({ length: 51 }, (_, i) => i);
    const v = visibleSteps(steps, DEFAULT_LAYOUT);
    expect(v.shown.length + v.folded.length).toBe(51);
    expect(v.shown[0]).toBe(0);
    expect(v.shown[v.shown.length - 1]).toBe(50);
    expect(v.shown.length).toBeLessThan(DEFAULT_LAYOUT.maxColumns);
    expect(visibleSteps(steps, { ...DEFAULT_LAYOUT, unfold: true }).shown).toEqual(steps);
    const g = vectorReport(50).graph!;
    const l = layoutGraph(g);
    expect(l.columns.filter((c) => c.kind === 'fold')).toHaveLength(1);
    expect(l.hiddenNodes + l.nodes.size).toBe(g.nodes.length);
    // no edge is drawn to a folded node
    for (const e of l.edges) expect(l.nodes.has(e.edge.from) && l.nodes.has(e.edge.to)).toBe(true);
  });
});

describe('SVG', () => {
  test('sheet 7: T+1 step columns, every node with its value and gradient', () => {
    const r = sheet7Report();
    const { host, view } = draw(r);
    const svg = host.querySelector('svg')!;
    expect(svg.getAttribute('data-columns')).toBe('4');
    expect(host.querySelectorAll('g.column.step')).toHaveLength(4);
    expect(host.querySelectorAll('g.node')).toHaveLength(r.graph!.nodes.length);
    for (const n of r.graph!.nodes) {
      const g = host.querySelector(`g.node[data-id="${n.id}"]`)!;
      expect(g, n.id).not.toBeNull();
      expect(g.getAttribute('data-kind')).toBe(n.kind);
      expect(g.querySelector('.value')!.textContent).toBe(fmt(n.value as number));
      if (n.kind === 'target') expect(g.querySelector('.grad')).toBeNull();
      else expect(g.querySelector('.grad')!.textContent).toBe(n.grad === null ? '—' : fmt(n.grad as number));
    }
    expect(host.querySelectorAll('path.edge')).toHaveLength(r.graph!.edges.length);
    expect(view!.ms).toBeGreaterThanOrEqual(0);
  });

  test('vectors and matrices draw heat strips with one cell per entry', () => {
    const r = vectorReport(3, 4);
    const { host } = draw(r);
    const h2 = host.querySelector('g.node[data-id="h@2"]')!;
    const value = h2.querySelector('g.heat.value')!;
    expect(value.querySelectorAll('rect.cell')).toHaveLength(4);
    expect(JSON.parse(value.getAttribute('data-value')!)).toEqual(r.graph!.nodes.find((n) => n.id === 'h@2')!.value);
    const w = host.querySelector('g.node[data-id="W_hh"] g.heat.value')!;
    expect(w.querySelectorAll('rect.cell')).toHaveLength(16);
    // sign → class, magnitude → opacity
    const cells = Array.from(value.querySelectorAll('rect.cell'));
    const v = r.graph!.nodes.find((n) => n.id === 'h@2')!.value as number[];
    cells.forEach((c, i) => expect(c.getAttribute('class')).toContain(v[i] >= 0 ? 'pos' : 'neg'));
  });

  test('edges are sized by the gradient flowing back', () => {
    expect(flowStrength(1, 1)).toBe(1);
    expect(flowStrength(0, 1)).toBe(0);
    expect(flowStrength(1e-3, 1)).toBeCloseTo(0.5);
    expect(flowStrength(1e-9, 1)).toBe(0);
    const { host } = draw(sheet7Report());
    const widths = Array.from(host.querySelectorAll('path.edge')).map((p) => [
      Number(p.getAttribute('data-flow')),
      Number(p.getAttribute('stroke-width')),
    ]);
    const strong = widths.filter(([f]) => f === 1).map(([, w]) => w);
    const zero = widths.filter(([f]) => f === 0).map(([, w]) => w);
    expect(strong.length).toBeGreaterThan(0);
    expect(zero.length).toBeGreaterThan(0);
    expect(Math.min(...strong)).toBeGreaterThan(Math.max(...zero));
  });

  test('T = 50 folds: the fold column unfolds on click and on Enter', () => {
    const onToggleFold = vi.fn();
    const { host } = draw(vectorReport(50), { onToggleFold });
    const fold = host.querySelector('g.column.fold')!;
    expect(fold.textContent).toContain('steps');
    fold.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    fold.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(onToggleFold).toHaveBeenCalledTimes(2);
    const all = draw(vectorReport(50), { layout: { ...DEFAULT_LAYOUT, unfold: true } }).host;
    expect(all.querySelectorAll('g.column.step')).toHaveLength(51);
    expect(all.querySelectorAll('g.node[data-name="h"]')).toHaveLength(51);
  });

  test('hover shows value, gradient and immediate partials; click and Enter select', () => {
    const r = sheet7Report();
    const onSelect = vi.fn();
    const { host } = draw(r, { onSelect });
    const node = host.querySelector('g.node[data-id="h@2"]')!;
    node.dispatchEvent(new MouseEvent('mouseenter'));
    const tip = host.querySelector('#graph-tooltip') as HTMLElement;
    expect(tip.hidden).toBe(false);
    const n = r.graph!.nodes.find((x) => x.id === 'h@2')!;
    expect(tip.textContent).toContain(fmt(n.value as number, 4).slice(0, 4));
    const partials = r.quantities.find((q) => q.name === 'h')!.partials;
    for (const p of partials) expect(tip.textContent).toContain(p.form!.text);
    node.dispatchEvent(new MouseEvent('mouseleave'));
    expect(tip.hidden).toBe(true);
    node.dispatchEvent(new MouseEvent('click'));
    node.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    expect(onSelect).toHaveBeenCalledWith('h@2');
    expect(onSelect).toHaveBeenCalledTimes(2);
    expect(node.getAttribute('tabindex')).toBe('0');
  });

  test('arrow keys move the focus between nodes: along the steps and between rows', () => {
    const { host } = draw(sheet7Report());
    const node = (id: string) => host.querySelector(`g.node[data-id="${id}"]`) as unknown as HTMLElement;
    const press = (id: string, key: string) => node(id).dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    press('h@1', 'ArrowRight');
    expect(document.activeElement).toBe(node('h@2'));
    press('h@2', 'ArrowLeft');
    expect(document.activeElement).toBe(node('h@1'));
    press('h@2', 'ArrowDown');
    expect(document.activeElement).toBe(node('o@2'));
    press('o@2', 'ArrowUp');
    expect(document.activeElement).toBe(node('h@2'));
  });

  test('cursor and selection mark nodes', () => {
    const { host } = draw(sheet7Report(), { selected: 'W_hh', cursorRow: { name: 'h', timed: true } });
    expect(host.querySelector('g.node[data-id="W_hh"]')!.classList.contains('selected')).toBe(true);
    expect(host.querySelectorAll('g.node.cursor')).toHaveLength(4);
  });

  test('keyboard zoom changes the drawn size, never below the readable scale; 0 (Fit) goes back to it', () => {
    const { host } = draw(sheet7Report());
    const svg = host.querySelector('svg')!;
    const w0 = Number(svg.getAttribute('width'));
    // the whole graph in graph units, drawn at scale 1 (11 px text)
    expect(svg.getAttribute('viewBox')).toBe(`0 0 ${w0} ${svg.getAttribute('height')}`);
    svg.dispatchEvent(new KeyboardEvent('keydown', { key: '+', bubbles: true }));
    expect(Number(svg.getAttribute('width'))).toBeGreaterThan(w0);
    svg.dispatchEvent(new KeyboardEvent('keydown', { key: '0', bubbles: true }));
    expect(Number(svg.getAttribute('width'))).toBe(w0);
    for (let i = 0; i < 5; i++) svg.dispatchEvent(new KeyboardEvent('keydown', { key: '-', bubbles: true }));
    expect(Number(svg.getAttribute('width'))).toBe(w0);
    expect(svg.getAttribute('data-scale')).toBe('1');
  });

  test('shared parameters are drawn in their own lane, above every time column', () => {
    const { host, view } = draw(sheet7Report());
    const lane = view!.layout.lane!;
    expect(lane).not.toBeNull();
    const columnTop = view!.layout.headerY + HEADER_H;
    for (const n of view!.layout.nodes.values()) {
      if (n.node.kind !== 'param' || n.node.t !== null) continue;
      expect(n.y).toBeGreaterThanOrEqual(lane.y);
      expect(n.y + NODE_H).toBeLessThanOrEqual(lane.y + lane.h);
      expect(n.y + NODE_H).toBeLessThan(columnTop);
    }
    for (const n of view!.layout.nodes.values()) if (n.node.t !== null) expect(n.y).toBeGreaterThan(columnTop);
    expect(host.querySelector('.param-lane .lane-label')!.textContent).toContain('parameters');
  });

  test('the edge labels name the columns off-screen', () => {
    const { view } = draw(sheet7Report());
    const layout = view!.layout;
    // a view 300 px wide at the start: the later columns are off to the right
    const off = offscreenColumns(layout, 0, 300, 1);
    expect(off.left).toEqual([]);
    expect(columnsText(off.right)).toMatch(/^t = \d+\.\.\d+, untimed$/);
    // scrolled to the end: the first columns are off to the left
    const end = offscreenColumns(layout, layout.width - 300, 300, 1);
    expect(columnsText(end.left)).toMatch(/^t = 0/);
    expect(end.right).toEqual([]);
  });

  test('no graph: says why', () => {
    const r = sheet7Report();
    r.graph = null;
    const { host, view } = draw(r);
    expect(view).toBeNull();
    expect(host.textContent).toContain('No graph');
  });
});
