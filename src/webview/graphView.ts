// The unrolled graph as SVG: nodes show their value and ∂loss/∂node (numbers for scalars, heat strips
// for vectors and matrices), edges are sized and coloured by the gradient flowing back along them.
// Everything displayed comes from Report.graph / Report.quantities; nothing is recomputed here.

import type { GraphNode, Report, Value } from '../report';
import { h, s, svgName, clear, htmlName } from './dom';
import { entries, fmt, fmtShape, fmtValue, isMatrix, maxAbs } from './format';
import {
  COL_W,
  HEADER_H,
  LABEL_W,
  NODE_H,
  NODE_W,
  PAD,
  layoutGraph,
  rowKey,
  type GraphLayout,
  type LaidNode,
  type LayoutOptions,
} from './graphLayout';
import { attachZoom, type Zoom } from './zoom';

export interface GraphViewOptions {
  layout: LayoutOptions;
  /** the selected node id (clicked, or from the command argument) */
  selected: string | null;
  /** the node under the editor cursor, or a whole row when the cursor is on h_t / h_{t-1} (timed) or a name */
  cursorNode: string | null;
  cursorRow: { name: string; timed: boolean | null } | null;
  /** nodes (and the edges between them) to emphasise, e.g. a chain-rule path */
  path: string[];
  onSelect(id: string): void;
  onToggleFold(): void;
  onReveal(line: number): void;
}

export interface GraphView {
  svg: SVGSVGElement;
  layout: GraphLayout;
  zoom: Zoom;
  /** ms spent building the SVG */
  ms: number;
}

const STRIP_MAX = 128;

/** 0 … 1: how strongly an edge carries gradient, on a log scale relative to the strongest edge. */
export function flowStrength(flow: number, maxFlow: number): number {
  if (!(flow > 0) || !(maxFlow > 0) || !Number.isFinite(flow)) return 0;
  return Math.min(1, Math.max(0, 1 + Math.log10(flow / maxFlow) / 6));
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

/** A heat strip (vector) or grid (matrix): red positive, blue negative, opacity by magnitude. */
function heat(doc: Document, v: Value, scale: number, x: number, y: number, w: number, hgt: number, cls: string): SVGElement {
  const g = s(doc, 'g', { class: `heat ${cls}` });
  const rows = isMatrix(v) ? v.length : 1;
  const flat = entries(v);
  const cols = isMatrix(v) ? (v[0]?.length ?? 1) : flat.length;
  if (flat.length > STRIP_MAX) {
    g.appendChild(
      s(doc, 'text', { x, y: y + hgt - 1, class: 'num' }, `${fmtShape(isMatrix(v) ? [rows, cols] : [cols])}, max |·| ${fmt(maxAbs(v), 3)}`),
    );
    return g;
  }
  const cw = w / Math.max(1, cols);
  const ch = hgt / Math.max(1, rows);
  flat.forEach((val, k) => {
    const r = Math.floor(k / cols);
    const c = k % cols;
    const mag = scale > 0 && Number.isFinite(val) ? Math.min(1, Math.abs(val) / scale) : 0;
    g.appendChild(
      s(doc, 'rect', {
        x: x + c * cw,
        y: y + r * ch,
        width: Math.max(cw - (cols > 1 ? 0.5 : 0), 0.5),
        height: Math.max(ch - (rows > 1 ? 0.5 : 0), 0.5),
        class: Number.isFinite(val) ? (val >= 0 ? 'cell pos' : 'cell neg') : 'cell nan',
        'fill-opacity': (0.12 + 0.88 * mag).toFixed(3),
      }),
    );
  });
  g.appendChild(s(doc, 'rect', { x, y, width: w, height: hgt, class: 'heat-frame' }));
  return g;
}

function edgePath(a: LaidNode, b: LaidNode): string {
  const ax = a.x + NODE_W / 2;
  const ay = a.y + NODE_H / 2;
  const bx = b.x + NODE_W / 2;
  const by = b.y + NODE_H / 2;
  const dx = bx - ax;
  const dy = by - ay;
  if (Math.abs(dx) >= Math.abs(dy)) {
    const sx = dx >= 0 ? a.x + NODE_W : a.x;
    const ex = dx >= 0 ? b.x : b.x + NODE_W;
    const mx = (sx + ex) / 2;
    return `M${sx},${ay} C${mx},${ay} ${mx},${by} ${ex},${by}`;
  }
  const sy = dy >= 0 ? a.y + NODE_H : a.y;
  const ey = dy >= 0 ? b.y : b.y + NODE_H;
  const my = (sy + ey) / 2;
  return `M${ax},${sy} C${ax},${my} ${bx},${my} ${bx},${ey}`;
}

/** Is the node on the highlighted row (timed null: any row of that name)? */
export function onRow(n: Pick<GraphNode, 'name' | 't'>, row: GraphViewOptions['cursorRow']): boolean {
  return row !== null && n.name === row.name && (row.timed === null || row.timed === (n.t !== null));
}

function nodeLabel(n: GraphNode): string {
  const name = n.t === null ? n.name : `${n.name}_${n.t}`;
  const grad = n.kind === 'target' ? '' : `, ∂loss/∂${name} ${fmtValue(n.grad, 4, 3)}`;
  return `${name} (${n.kind}): value ${fmtValue(n.value, 4, 3)}${grad}`;
}

function drawNode(doc: Document, ln: LaidNode, scales: Map<string, { v: number; g: number }>, o: GraphViewOptions): SVGElement {
  const n = ln.node;
  const classes = ['node', `kind-${n.kind}`];
  if (n.id === o.selected) classes.push('selected');
  if (n.id === o.cursorNode || onRow(n, o.cursorRow)) classes.push('cursor');
  if (o.path.includes(n.id)) classes.push('on-path');
  const g = s(doc, 'g', {
    class: classes.join(' '),
    transform: `translate(${ln.x},${ln.y})`,
    'data-id': n.id,
    'data-name': n.name,
    'data-t': n.t === null ? '' : n.t,
    'data-kind': n.kind,
    tabindex: 0,
    role: 'button',
    'aria-label': nodeLabel(n),
  });
  g.appendChild(s(doc, 'rect', { class: 'box', width: NODE_W, height: NODE_H, rx: n.kind === 'param' ? 10 : 4 }));
  g.appendChild(svgName(doc, n.name, n.t, { x: 6, y: 14, class: 'label' }));
  const sc = scales.get(rowKey(n.name, n.t !== null)) ?? { v: 0, g: 0 };
  // value row
  if (typeof n.value === 'number') {
    g.appendChild(
      s(doc, 'text', { x: NODE_W - 6, y: 14, class: 'num value', 'text-anchor': 'end', 'data-value': String(n.value) }, fmt(n.value)),
    );
  } else {
    const strip = heat(doc, n.value, sc.v, 6, 20, NODE_W - 12, 10, 'value');
    strip.setAttribute('data-value', JSON.stringify(n.value));
    g.appendChild(strip);
  }
  // gradient row (targets carry no gradient)
  if (n.kind !== 'target') {
    g.appendChild(s(doc, 'text', { x: 6, y: NODE_H - 6, class: 'grad-mark' }, '∂'));
    if (n.grad === null) {
      g.appendChild(s(doc, 'text', { x: NODE_W - 6, y: NODE_H - 6, class: 'num grad none', 'text-anchor': 'end' }, '—'));
    } else if (typeof n.grad === 'number') {
      g.appendChild(
        s(doc, 'text', { x: NODE_W - 6, y: NODE_H - 6, class: 'num grad', 'text-anchor': 'end', 'data-grad': String(n.grad) }, fmt(n.grad)),
      );
    } else {
      const strip = heat(doc, n.grad, sc.g, 18, NODE_H - 15, NODE_W - 24, 10, 'grad');
      strip.setAttribute('data-grad', JSON.stringify(n.grad));
      g.appendChild(strip);
    }
  } else {
    g.appendChild(s(doc, 'text', { x: NODE_W - 6, y: NODE_H - 6, class: 'tag', 'text-anchor': 'end' }, 'target'));
  }
  return g;
}

/** Arrow keys move between nodes: ←/→ along the row (the steps), ↑/↓ to the nearest node above/below. */
export function neighbour(layout: GraphLayout, from: LaidNode, key: string): LaidNode | null {
  let best: LaidNode | null = null;
  let bestScore = Infinity;
  for (const n of layout.nodes.values()) {
    if (n === from) continue;
    const dx = n.x - from.x;
    const dy = n.y - from.y;
    let score = Infinity;
    if (key === 'ArrowRight' && dy === 0 && dx > 0) score = dx;
    else if (key === 'ArrowLeft' && dy === 0 && dx < 0) score = -dx;
    else if (key === 'ArrowDown' && dy > 0) score = dy * 1000 + Math.abs(dx);
    else if (key === 'ArrowUp' && dy < 0) score = -dy * 1000 + Math.abs(dx);
    if (score < bestScore) {
      bestScore = score;
      best = n;
    }
  }
  return best;
}

/** The quantity a node belongs to (a name can be both timed, L_t, and untimed, loss L). */
export function quantityOf(report: Report, n: Pick<GraphNode, 'name' | 't'>): Report['quantities'][number] | undefined {
  return report.quantities.find((x) => x.name === n.name && x.timed === (n.t !== null)) ?? report.quantities.find((x) => x.name === n.name);
}

/**
 * Why a node shows no immediate partials although its quantity has some: the Report lists partials for the
 * first steps only (LIMITS.maxPartialSteps), and a node past them must say so rather than show nothing.
 */
export function partialsCutNote(report: Report, n: Pick<GraphNode, 'name' | 't'>): string | null {
  const q = quantityOf(report, n);
  if (!q || n.t === null || q.partials.length === 0) return null;
  let last = -Infinity;
  for (const p of q.partials) for (const v of p.values) if (v.t > last) last = v.t;
  if (!Number.isFinite(last) || n.t <= last) return null;
  return `immediate partials are listed for t ≤ ${last} only${report.T === null ? '' : ` (T = ${report.T})`}`;
}

/** The tooltip: value, gradient and the immediate partials of a node at its step, as text. */
export function fillTooltip(doc: Document, tip: HTMLElement, report: Report, n: GraphNode): void {
  clear(tip);
  tip.appendChild(h(doc, 'div', { class: 'tip-title' }, htmlName(doc, n.name, n.t), ` · ${n.kind} · ${fmtShape(n.shape)}`));
  tip.appendChild(h(doc, 'div', {}, 'value ', h(doc, 'code', {}, fmtValue(n.value, 6))));
  if (n.kind !== 'target') tip.appendChild(h(doc, 'div', {}, '∂loss/∂· ', h(doc, 'code', {}, fmtValue(n.grad, 6))));
  const q = quantityOf(report, n);
  const partials = (q?.partials ?? []).map((p) => ({ p, v: p.values.find((x) => x.t === n.t) })).filter((x) => x.v !== undefined);
  if (partials.length) {
    const list = h(doc, 'ul', { class: 'tip-partials' });
    for (const { p, v } of partials) {
      // the form is the partial's expression; say what it differentiates by
      const label = `∂⁺${n.t === null ? n.name : `${n.name}_t`}/∂${p.wrt}`;
      const form = p.form?.text && p.form.text !== label ? ` = ${p.form.text}` : '';
      list.appendChild(h(doc, 'li', {}, `${label}${form} = `, h(doc, 'code', {}, fmtValue(v?.value, 6))));
    }
    tip.appendChild(h(doc, 'div', { class: 'tip-sub' }, 'immediate partials'));
    tip.appendChild(list);
  } else {
    const cut = partialsCutNote(report, n);
    if (cut) tip.appendChild(h(doc, 'div', { class: 'tip-sub truncated' }, cut));
  }
}

/** "t = 3..5, untimed" for the columns of `cols`, or '' for none. */
export function columnsText(cols: GraphLayout['columns']): string {
  const steps = cols.filter((c) => c.kind === 'step' && c.step !== null).map((c) => c.step as number);
  const folded = cols.filter((c) => c.kind === 'fold').flatMap((c) => c.folded);
  const all = [...steps, ...folded].sort((a, b) => a - b);
  const parts: string[] = [];
  if (all.length) parts.push(all.length === 1 ? `t = ${all[0]}` : `t = ${all[0]}..${all[all.length - 1]}`);
  if (cols.some((c) => c.kind === 'untimed')) parts.push('untimed');
  return parts.join(', ');
}

/**
 * The columns mostly outside the visible part of the scroller (left and right), in graph units.
 * Pure, for the edge labels: "← t = 0..1" and "t = 3..5, untimed →".
 */
export function offscreenColumns(
  layout: GraphLayout,
  scrollLeft: number,
  clientWidth: number,
  scale: number,
): { left: GraphLayout['columns']; right: GraphLayout['columns'] } {
  const x0 = scrollLeft / scale;
  const x1 = (scrollLeft + clientWidth) / scale;
  // a column counts as off-screen when less than half of its node box is visible
  const margin = (COL_W - NODE_W) / 2 + NODE_W / 2;
  return {
    left: layout.columns.filter((c) => c.x + margin < x0),
    right: layout.columns.filter((c) => c.x + margin > x1),
  };
}

function updateOffscreen(layout: GraphLayout, scroller: HTMLElement, scale: number, left: HTMLElement, right: HTMLElement): void {
  const cw = scroller.clientWidth;
  if (cw <= 0) return;
  const off = offscreenColumns(layout, scroller.scrollLeft, cw, scale);
  const l = columnsText(off.left);
  const r = columnsText(off.right);
  left.hidden = l === '';
  right.hidden = r === '';
  left.textContent = l ? `← ${l}` : '';
  right.textContent = r ? `${r} →` : '';
  left.setAttribute('aria-label', l ? `Scroll left: ${l} off-screen` : '');
  right.setAttribute('aria-label', r ? `Scroll right: ${r} off-screen` : '');
}

/** Build the graph SVG into `container` (replacing what was there). */
export function renderGraph(doc: Document, container: HTMLElement, report: Report, o: GraphViewOptions): GraphView | null {
  const t0 = now();
  clear(container);
  const g = report.graph;
  if (!g || g.nodes.length === 0) {
    container.appendChild(
      h(
        doc,
        'p',
        { class: 'empty' },
        report.graph ? 'The graph is empty.' : 'No graph: the file has errors that stop it from being unrolled.',
      ),
    );
    return null;
  }
  const layout = layoutGraph(g, o.layout);

  // per-row scales so heat strips compare steps of the same quantity
  const scales = new Map<string, { v: number; g: number }>();
  for (const n of g.nodes) {
    const key = rowKey(n.name, n.t !== null);
    const sc = scales.get(key) ?? { v: 0, g: 0 };
    sc.v = Math.max(sc.v, maxAbs(n.value));
    sc.g = Math.max(sc.g, maxAbs(n.grad));
    scales.set(key, sc);
  }
  const maxFlow = g.edges.reduce((m, e) => (Number.isFinite(e.flow) ? Math.max(m, e.flow) : m), 0);

  const svg = s(doc, 'svg', {
    xmlns: 'http://www.w3.org/2000/svg',
    class: 'graph',
    width: layout.width,
    height: layout.height,
    tabindex: 0,
    // a group, not an image: its nodes are focusable buttons
    role: 'group',
    'aria-label': `Unrolled graph over ${g.steps.length} steps: ${g.nodes.length} nodes, ${g.edges.length} edges. Arrow keys pan, + and − zoom, 0 resets.`,
    'data-T': g.T,
    'data-columns': layout.columns.filter((c) => c.kind === 'step').length,
  }) as SVGSVGElement;
  const defs = s(doc, 'defs');
  defs.appendChild(
    // fixed-size heads: with the default markerUnits they would grow with the edge's width
    s(
      doc,
      'marker',
      {
        id: 'arrow',
        viewBox: '0 0 10 10',
        refX: 9,
        refY: 5,
        markerWidth: 8,
        markerHeight: 8,
        markerUnits: 'userSpaceOnUse',
        orient: 'auto-start-reverse',
      },
      s(doc, 'path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrowhead' }),
    ),
  );
  svg.appendChild(defs);

  // column headers and guides
  const cols = s(doc, 'g', { class: 'columns' });
  for (const c of layout.columns) {
    const col = s(doc, 'g', { class: `column ${c.kind}`, 'data-step': c.step ?? '' });
    const top = layout.headerY + HEADER_H;
    col.appendChild(s(doc, 'rect', { class: 'column-bg', x: c.x, y: top, width: COL_W, height: layout.height - top - PAD / 2 }));
    col.appendChild(s(doc, 'text', { class: 'column-label', x: c.x + COL_W / 2, y: top - 10, 'text-anchor': 'middle' }, c.label));
    if (c.kind === 'fold') {
      col.setAttribute('class', 'column fold');
      col.setAttribute('tabindex', '0');
      col.setAttribute('role', 'button');
      col.setAttribute('aria-label', `Show the ${c.folded.length} folded steps`);
      col.appendChild(s(doc, 'text', { class: 'fold-hint', x: c.x + COL_W / 2, y: top + 24, 'text-anchor': 'middle' }, 'click to unfold'));
      const activate = (): void => o.onToggleFold();
      col.addEventListener('click', activate);
      col.addEventListener('keydown', (ev) => {
        if ((ev as KeyboardEvent).key === 'Enter' || (ev as KeyboardEvent).key === ' ') {
          ev.preventDefault();
          activate();
        }
      });
    }
    cols.appendChild(col);
  }
  svg.appendChild(cols);
  if (layout.lane) {
    // the parameters' own lane: shared by every step, so drawn apart from the time columns
    const lane = s(doc, 'g', { class: 'param-lane' });
    lane.appendChild(
      s(doc, 'rect', {
        class: 'lane-bg',
        x: LABEL_W + PAD / 2,
        y: layout.lane.y,
        width: layout.width - LABEL_W - PAD,
        height: layout.lane.h,
        rx: 6,
      }),
    );
    lane.appendChild(s(doc, 'text', { class: 'lane-label', x: LABEL_W + PAD, y: layout.lane.y + 13 }, 'parameters — shared by every step'));
    svg.appendChild(lane);
  }

  // row labels (link to the line that defines the row)
  const rowLabels = s(doc, 'g', { class: 'rows' });
  const seenBand = new Set<number>();
  for (const r of layout.rows) {
    if (r.band && !r.timed) {
      if (seenBand.has(r.y)) continue;
      seenBand.add(r.y);
      rowLabels.appendChild(s(doc, 'text', { class: 'row-label band', x: PAD, y: r.y + NODE_H / 2 + 4 }, 'params'));
      continue;
    }
    const label = svgName(doc, r.name, null, {
      class: `row-label kind-${r.kind}`,
      x: PAD,
      y: r.y + NODE_H / 2 + 4,
      tabindex: 0,
      role: 'link',
      'data-row': r.name,
      'data-line': r.line,
      'aria-label': `${r.name}, line ${r.line}`,
    });
    // L_t and loss L share a name: say which row is which
    if (!r.timed)
      label.appendChild(
        s(doc, 'tspan', { class: 'row-kind', x: PAD, dy: 14, 'font-size': '0.75em' }, r.kind === 'loss' ? 'loss' : 'untimed'),
      );
    label.addEventListener('click', () => o.onReveal(r.line));
    label.addEventListener('keydown', (ev) => {
      if ((ev as KeyboardEvent).key === 'Enter') o.onReveal(r.line);
    });
    rowLabels.appendChild(label);
  }
  svg.appendChild(rowLabels);

  // edges under nodes
  const edges = s(doc, 'g', { class: 'edges' });
  for (const le of layout.edges) {
    const st = flowStrength(le.edge.flow, maxFlow);
    const onPath = o.path.includes(le.edge.from) && o.path.includes(le.edge.to);
    const path = s(doc, 'path', {
      d: edgePath(le.from, le.to),
      class: `edge${st === 0 ? ' zero' : ''}${le.from.node.kind === 'param' ? ' from-param' : ''}${onPath ? ' on-path' : ''}`,
      'stroke-width': (0.6 + 3.4 * st).toFixed(2),
      'stroke-opacity': (0.2 + 0.8 * st).toFixed(2),
      'marker-end': 'url(#arrow)',
      'data-from': le.edge.from,
      'data-to': le.edge.to,
      'data-flow': String(le.edge.flow),
      'data-local': String(le.edge.local),
    });
    path.appendChild(
      s(doc, 'title', {}, `${le.edge.from} → ${le.edge.to}: local ${fmt(le.edge.local)}, gradient flow ${fmt(le.edge.flow)}`),
    );
    edges.appendChild(path);
  }
  svg.appendChild(edges);

  const tip = h(doc, 'div', { id: 'graph-tooltip', class: 'tooltip', role: 'tooltip', hidden: true });
  const nodes = s(doc, 'g', { class: 'nodes' });
  const elements = new Map<string, SVGElement>();
  for (const ln of layout.nodes.values()) {
    const el = drawNode(doc, ln, scales, o);
    const show = (): void => {
      fillTooltip(doc, tip, report, ln.node);
      tip.hidden = false;
      const box = (el as unknown as SVGGraphicsElement).getBoundingClientRect?.();
      const host = container.getBoundingClientRect?.();
      if (box && host) {
        // below the node, or above it when it would be cut off at the bottom of the graph
        const below = box.bottom - host.top + 4;
        const above = box.top - host.top - tip.offsetHeight - 4;
        tip.style.left = `${Math.max(0, Math.min(box.left - host.left, host.width - tip.offsetWidth - 4))}px`;
        tip.style.top = `${below + tip.offsetHeight > host.height && above >= 0 ? above : below}px`;
      }
    };
    const hide = (): void => {
      tip.hidden = true;
    };
    el.addEventListener('mouseenter', show);
    el.addEventListener('focus', show);
    el.addEventListener('mouseleave', hide);
    el.addEventListener('blur', hide);
    el.addEventListener('click', () => o.onSelect(ln.node.id));
    el.addEventListener('keydown', (ev) => {
      const k = (ev as KeyboardEvent).key;
      if (k === 'Enter' || k === ' ') {
        ev.preventDefault();
        o.onSelect(ln.node.id);
        return;
      }
      const next = neighbour(layout, ln, k);
      if (next) {
        ev.preventDefault();
        (elements.get(next.node.id) as unknown as HTMLElement | undefined)?.focus();
      }
    });
    elements.set(ln.node.id, el);
    nodes.appendChild(el);
  }
  svg.appendChild(nodes);

  // the graph scrolls inside its host at a readable size; the edges say what is off-screen
  const scroller = h(doc, 'div', { class: 'graph-scroll' });
  scroller.appendChild(svg);
  container.appendChild(scroller);
  const offLeft = h(doc, 'button', { type: 'button', class: 'offscreen left', hidden: true });
  const offRight = h(doc, 'button', { type: 'button', class: 'offscreen right', hidden: true });
  offLeft.addEventListener('click', () =>
    zoom.pan(-Math.max(COL_W, scroller.clientWidth * 0.8) / Number(svg.getAttribute('data-scale') ?? 1), 0),
  );
  offRight.addEventListener('click', () =>
    zoom.pan(Math.max(COL_W, scroller.clientWidth * 0.8) / Number(svg.getAttribute('data-scale') ?? 1), 0),
  );
  container.appendChild(offLeft);
  container.appendChild(offRight);
  container.appendChild(tip);
  svg.setAttribute('preserveAspectRatio', 'xMinYMin meet');
  const update = (): void => updateOffscreen(layout, scroller, Number(svg.getAttribute('data-scale') ?? 1), offLeft, offRight);
  const zoom = attachZoom(svg, scroller, { w: layout.width, h: layout.height }, update);
  // after the first layout (reading sizes now would force one in the middle of rendering)
  const win = doc.defaultView;
  if (win?.requestAnimationFrame) win.requestAnimationFrame(update);
  else update();
  win?.addEventListener?.('resize', update);
  return { svg, layout, zoom, ms: now() - t0 };
}
