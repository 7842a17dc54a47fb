// The panel: holds what the extension last sent (Report, cursor) and what the user chose (selected node,
// folded steps, slider), and renders the sections. It talks to the host only through `Host`, so the
// same code runs in the webview, in happy-dom tests and in the benchmark.

import type { GradCheckReport, Report } from '../report';
import type { CursorContext, DocumentInfo, FromWebview, PanelState, ReportMessage, ToWebview } from '../protocol';
import { button, clear, h } from './dom';
import { fmt } from './format';
import { DEFAULT_LAYOUT, NODE_H, NODE_W } from './graphLayout';
import { onRow, renderGraph, type GraphView } from './graphView';
import { renderDerivation, type Focus } from './derivation';
import { defaultScaleParam, renderFlowControls, renderFlowPlot } from './flowPlot';
import { renderGradcheck } from './gradcheckView';
import { renderChecks } from './checksView';
import { exportSvg } from './exportSvg';
import { sampledSentences } from './sampled';
import { receiveMath } from './math';

export interface Host {
  post(m: FromWebview): void;
  setState(s: PanelState): void;
  /**
   * Run `fn` after the browser has painted (the webview: next frame, then a task). Given, the first
   * report draws its header, graph and the derivation's first form at once and the side sections and the
   * derivation's later forms after that first paint; absent (tests, bench), all at once.
   */
  afterPaint?(fn: () => void): void;
}

export interface RenderTimings {
  /** ms building the graph SVG */
  graphMs: number;
  /** ms rendering every section */
  totalMs: number;
  /** ms from the extension posting the message to the render finishing (same machine clock) */
  latencyMs: number;
  nodes: number;
  edges: number;
}

const SCALE_DEBOUNCE_MS = 30;
/** how long one task may spend on typesetting left for later before it lets the browser paint */
const LATER_BUDGET_MS = 40;

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

export class PanelApp {
  private docInfo: DocumentInfo | null = null;
  private report: Report | null = null;
  private cursor: CursorContext | null = null;
  private focus: Focus | null = null;
  private selected: string | null;
  private unfold = false;
  private deriveSteps = new Map<number, number | null>();
  private scaleParam: string | null;
  private scaleFactor: number;
  private scaled: Report | null = null;
  /** null while the host is still computing it */
  private gradcheck: GradCheckReport[] | null = null;
  private gradcheckError: string | null = null;
  private scalePending = false;
  private scaleError: string | null = null;
  private requestId = 0;
  private scaleTimer: ReturnType<typeof setTimeout> | undefined;
  private graph: GraphView | null = null;
  /** the graph path of the chain-rule term clicked last */
  private path: string[] = [];
  lastTimings: RenderTimings | null = null;
  /** the sections a first report left for after its first paint (replaced by a newer report) */
  private pendingSections: (() => void) | null = null;
  /** typesetting waiting for a paint (see later()) */
  private laterQueue: (() => void)[] = [];
  private painted = false;

  private readonly el: {
    title: HTMLElement;
    summary: HTMLElement;
    graph: HTMLElement;
    derivation: HTMLElement;
    flowControls: HTMLElement;
    flow: HTMLElement;
    gradcheck: HTMLElement;
    checks: HTMLElement;
    fold: HTMLButtonElement;
    body: HTMLElement;
    empty: HTMLElement;
  };

  constructor(
    private readonly doc: Document,
    root: HTMLElement,
    private readonly host: Host,
    state: PanelState,
  ) {
    this.selected = state.selected;
    this.scaleParam = state.scaleParam;
    this.scaleFactor = state.scaleFactor;
    if (state.selected) this.focus = { kind: 'node', id: state.selected };
    const d = doc;
    const section = (id: string, title: string, ...content: HTMLElement[]): HTMLElement =>
      h(d, 'section', { id: `${id}-section`, 'aria-labelledby': `${id}-title` }, h(d, 'h2', { id: `${id}-title` }, title), ...content);
    const title = h(d, 'h1', { id: 'title' }, 'Unroll');
    const summary = h(d, 'div', { id: 'summary', class: 'summary' });
    const graph = h(d, 'div', { id: 'graph', class: 'graph-host' });
    const derivation = h(d, 'div', { id: 'derivation', 'aria-live': 'polite' });
    const flowControls = h(d, 'div', { id: 'flow-controls', class: 'scale-controls' });
    const flow = h(d, 'div', { id: 'flow' });
    const gradcheck = h(d, 'div', { id: 'gradcheck' });
    const checks = h(d, 'div', { id: 'checks' });
    const fold = button(d, 'Show every step', () => this.toggleFold(), { id: 'fold-toggle', 'aria-pressed': 'false' });
    const toolbar = h(
      d,
      'div',
      { class: 'toolbar', role: 'toolbar', 'aria-label': 'Graph' },
      button(d, '+', () => this.graph?.zoom.zoom(1.25), { id: 'zoom-in', 'aria-label': 'Zoom in', title: 'Zoom in (+)' }),
      button(d, '−', () => this.graph?.zoom.zoom(0.8), { id: 'zoom-out', 'aria-label': 'Zoom out', title: 'Zoom out (−)' }),
      button(d, 'Fit', () => this.graph?.zoom.reset(), { id: 'zoom-reset', title: 'Whole graph (0)' }),
      fold,
      button(d, 'Export SVG', () => this.exportGraph(), { id: 'export-svg' }),
    );
    const legend = h(
      d,
      'p',
      { class: 'graph-legend' },
      'Each node: value (top) and ∂loss/∂node (bottom, ∂); vectors as heat strips, ',
      h(d, 'span', { class: 'key pos' }, 'positive'),
      ' / ',
      h(d, 'span', { class: 'key neg' }, 'negative'),
      '. Edges are as thick as the gradient flowing back along them. Dashed boxes: inputs and targets.',
    );
    const body = h(
      d,
      'div',
      { id: 'panel-body' },
      section('graph', 'Unrolled graph', toolbar, graph, legend),
      h(
        d,
        'div',
        { class: 'panes' },
        section('derivation', 'Derivation', derivation),
        h(
          d,
          'div',
          { class: 'side' },
          section('flow', 'Gradient flow', flow, flowControls),
          section('gradcheck', 'Gradient check', gradcheck),
          section('checks', 'Checks', checks),
        ),
      ),
    );
    const empty = h(d, 'p', { id: 'empty', class: 'empty' }, 'Open a .rnn file to see its unrolled graph.');
    body.hidden = true;
    clear(root);
    root.append(h(d, 'header', {}, title, summary), empty, body);
    this.el = { title, summary, graph, derivation, flowControls, flow, gradcheck, checks, fold, body, empty };
  }

  /**
   * Dispatch a message from the extension. `inPage`: the message was written into the page by the host (a
   * cold open with its report ready), not posted to it — its first paint can carry the derivation's first
   * form too (see showReport).
   */
  handle(m: ToWebview, inPage = false): void {
    switch (m.type) {
      case 'report':
        this.showReport(m, inPage);
        return;
      case 'cursor':
        if (this.docInfo && m.uri === this.docInfo.uri) this.setCursor(m.cursor);
        return;
      case 'select':
        this.select(m.node);
        return;
      case 'scaled':
        if (m.requestId !== this.requestId) return; // a newer request is on its way
        this.scalePending = false;
        this.scaled = m.report;
        this.scaleError = m.error;
        this.renderFlowPlot();
        this.renderGraph();
        return;
      case 'gradcheck':
        if (!this.report || !this.docInfo || m.uri !== this.docInfo.uri || m.version !== this.docInfo.version) return;
        this.gradcheck = m.gradcheck;
        this.gradcheckError = m.error;
        this.renderGradcheck();
        return;
      case 'empty':
        this.showEmpty(m.reason);
        return;
      case 'math':
        receiveMath(this.doc, m.formulas);
        return;
    }
  }

  showEmpty(reason: string): void {
    this.report = null;
    this.el.body.hidden = true;
    this.el.empty.hidden = false;
    this.el.empty.textContent = reason;
    this.el.title.textContent = 'Unroll';
    clear(this.el.summary);
  }

  /** Render a Report; returns (and remembers) how long it took. */
  showReport(m: Pick<ReportMessage, 'doc' | 'report' | 'cursor' | 'postedAt'>, inPage = false): RenderTimings {
    const t0 = now();
    const sameDoc = this.docInfo?.uri === m.doc.uri;
    this.path = [];
    this.doc.getElementById('graph-section')?.classList.remove('pinned');
    if (!sameDoc) {
      this.deriveSteps.clear();
      if (this.docInfo) {
        this.selected = null;
        this.focus = null;
      }
    }
    this.docInfo = m.doc;
    this.report = m.report;
    // a scaled report of the previous text is stale; a new one is requested below
    this.scaled = null;
    this.el.body.hidden = false;
    this.el.empty.hidden = true;
    if (m.cursor) this.applyCursor(m.cursor);
    if (this.focus?.kind === 'derive' && !m.report.derives[this.focus.index]) this.focus = null;
    if (this.focus?.kind === 'check' && !m.report.checks[this.focus.index]) this.focus = null;
    if (this.focus?.kind === 'node' && !m.report.graph?.nodes.some((n) => n.id === (this.focus as { id: string }).id)) this.focus = null;
    if (!this.scaleParam || !m.report.params.some((p) => p.name === this.scaleParam)) this.scaleParam = defaultScaleParam(m.report);

    this.renderHeader();
    this.renderGraph();
    const graphMs = this.graph?.ms ?? 0;
    // the host sends the gradient check separately when the report left it out
    this.gradcheck =
      m.report.gradcheck.length > 0 || !m.report.loss || m.report.params.length === 0 || !m.report.graph ? m.report.gradcheck : null;
    this.gradcheckError = null;
    const report = m.report;
    const side = (): void => {
      renderFlowControls(this.doc, this.el.flowControls, report, {
        param: this.scaleParam,
        factor: this.scaleFactor,
        onScale: (p, f) => this.onScale(p, f),
      });
      this.renderFlowPlot();
      this.renderGradcheck();
      this.renderChecks();
    };
    const sections = (): void => {
      this.pendingSections = null;
      this.renderDerivation();
      side();
    };
    const afterPaint = this.host.afterPaint;
    if (!this.painted && afterPaint) {
      this.painted = true;
      // the side sections (gradient flow, check, checks) after a paint, queued before the derivation's later forms
      const sideLater = (): void => {
        this.pendingSections = side;
        afterPaint(() => {
          if (this.pendingSections === side && this.report === report) {
            this.pendingSections = null;
            side();
          }
        });
      };
      const first = (): void => {
        sideLater();
        this.renderDerivation();
      };
      if (inPage) {
        // a cold open with the report written into the page: the graph and the derivation's first form in
        // the first paint (its formulas came typeset with it), the rest after — one frame to what is read first
        first();
      } else {
        // a report posted to a page already loaded: the graph first, the derivation after its paint. Measured
        // (Chromium bench, sheet 7): painting the pair at once took 400–670 ms to the typeset form against
        // 280–320 ms one frame apart, the host's later formulas arriving between the two
        this.pendingSections = first;
        clear(this.el.derivation);
        this.el.derivation.appendChild(h(this.doc, 'p', { class: 'hint typesetting' }, 'Typesetting the derivation…'));
        afterPaint(() => {
          if (this.pendingSections === first && this.report === report) first();
        });
      }
    } else {
      this.painted = true;
      sections();
    }
    // the slider stays where it was across edits: ask for the edited file at the same scale
    if (this.scaleFactor !== 1 && this.scaleParam) this.requestScale();
    this.saveState();
    const totalMs = now() - t0;
    this.lastTimings = {
      graphMs,
      totalMs,
      latencyMs: Math.max(0, Date.now() - m.postedAt),
      nodes: this.graph ? this.graph.layout.nodes.size : 0,
      edges: this.graph ? this.graph.layout.edges.length : 0,
    };
    return this.lastTimings;
  }

  setCursor(c: CursorContext): void {
    const before = this.focus;
    this.applyCursor(c);
    this.updateHighlights();
    if (JSON.stringify(before) !== JSON.stringify(this.focus) || c.derive !== null) this.renderDerivation();
    if (this.report) this.renderChecks();
  }

  select(id: string): void {
    this.selected = id;
    this.focus = { kind: 'node', id };
    // a folded node cannot be seen: unfold to show it
    if (this.graph && !this.graph.layout.nodes.has(id) && this.report?.graph?.nodes.some((n) => n.id === id)) {
      this.unfold = true;
      this.renderGraph();
    } else {
      this.updateHighlights();
    }
    this.renderDerivation();
    this.saveState();
  }

  // ---- internals ---------------------------------------------------------------------------

  private applyCursor(c: CursorContext): void {
    this.cursor = c;
    if (c.derive !== null) {
      this.focus = { kind: 'derive', index: c.derive };
      // on a derive with a free t, a step written at the cursor picks the result
      if (c.symbol?.step !== null && c.symbol?.step !== undefined) this.deriveSteps.set(c.derive, c.symbol.step);
    } else if (c.check !== null) {
      this.focus = { kind: 'check', index: c.check };
    } else if (c.node !== null) {
      this.focus = { kind: 'node', id: c.node };
    }
  }

  private renderHeader(): void {
    const r = this.report;
    const d = this.docInfo;
    if (!r || !d) return;
    this.el.title.textContent = d.fileName;
    this.el.title.setAttribute('title', d.uri);
    const parts: (HTMLElement | string)[] = [];
    const errors = r.diagnostics.filter((x) => x.severity === 'error').length;
    parts.push(h(this.doc, 'span', { id: 'summary-T' }, r.T === null ? 'T unknown' : `T = ${r.T}`));
    if (r.loss) parts.push(h(this.doc, 'span', { id: 'summary-loss' }, `${r.loss.name} = ${fmt(r.loss.value, 6)}`));
    parts.push(h(this.doc, 'span', {}, `${r.paramCount} parameter${r.paramCount === 1 ? '' : 's'}`));
    if (errors) parts.push(h(this.doc, 'span', { class: 'bad' }, `${errors} error${errors === 1 ? '' : 's'}`));
    parts.push(h(this.doc, 'span', { class: 'muted' }, `analysed in ${fmt(r.elapsedMs, 3)} ms`));
    clear(this.el.summary);
    parts.forEach((p, i) => {
      if (i) this.el.summary.append(' · ');
      this.el.summary.append(p);
    });
    for (const sentence of sampledSentences(r)) this.el.summary.append(h(this.doc, 'div', { class: 'sampled' }, sentence));
  }

  /** The graph drawn is the scaled one while the slider is away from × 1 (its edges show the new flow). */
  private graphSource(): { report: Report; scaled: boolean } | null {
    if (!this.report) return null;
    if (this.scaled?.graph && this.scaleFactor !== 1) return { report: this.scaled, scaled: true };
    return { report: this.report, scaled: false };
  }

  private renderGraph(): void {
    const source = this.graphSource();
    if (!source) return;
    const r = source.report;
    const kept = this.graph?.zoom.get();
    const previousLayout = this.graph?.layout;
    this.graph = renderGraph(this.doc, this.el.graph, r, {
      layout: { ...DEFAULT_LAYOUT, unfold: this.unfold },
      selected: this.selected,
      cursorNode: this.cursor?.node ?? null,
      cursorRow: this.cursorRow(),
      path: this.path,
      onSelect: (id) => this.select(id),
      onToggleFold: () => this.toggleFold(),
      onReveal: (line) => this.host.post({ type: 'reveal', line }),
    });
    // an edit that keeps the graph's size keeps the user's zoom
    if (
      this.graph &&
      kept &&
      previousLayout &&
      previousLayout.width === this.graph.layout.width &&
      previousLayout.height === this.graph.layout.height
    ) {
      this.graph.zoom.set(kept);
    }
    if (source.scaled && this.scaleParam) {
      this.el.graph.insertBefore(
        h(
          this.doc,
          'p',
          { id: 'graph-scaled', class: 'hint' },
          `Drawn with ${this.scaleParam} × ${this.scaleFactor.toFixed(2)} (the gradient-flow slider below); reset it for the file's own values.`,
        ),
        this.el.graph.firstChild,
      );
    }
    if (r.graph?.truncated) {
      const shown = r.graph.steps.length;
      this.el.graph.insertBefore(
        h(
          this.doc,
          'p',
          { id: 'graph-truncated', class: 'hint' },
          `T = ${r.graph.T} is too long to list every step: the analysis sent ${shown} of the ${r.graph.T + 1} steps (the first and the last). The gradient flow below covers every step.`,
        ),
        this.el.graph.firstChild,
      );
    }
    this.updateHighlights();
    const foldable = (r.graph?.steps.length ?? 0) > DEFAULT_LAYOUT.maxColumns;
    this.el.fold.hidden = !foldable;
    this.el.fold.textContent = this.unfold ? 'Fold middle steps' : `Show all ${r.graph?.steps.length ?? 0} steps`;
    this.el.fold.setAttribute('aria-pressed', String(this.unfold));
  }

  private updateHighlights(): void {
    const svg = this.graph?.svg;
    if (!svg) return;
    const cursorNode = this.cursor?.node ?? null;
    const row = this.cursorRow();
    for (const g of Array.from(svg.querySelectorAll('g.node'))) {
      const id = g.getAttribute('data-id');
      const t = g.getAttribute('data-t');
      const n = { name: g.getAttribute('data-name') ?? '', t: t ? Number(t) : null };
      g.classList.toggle('selected', id === this.selected);
      g.classList.toggle('cursor', id === cursorNode || onRow(n, row));
      g.classList.toggle('on-path', id !== null && this.path.includes(id));
    }
    // the cursor's node folded away: mark the fold, which unfolds on a click
    const fold = svg.querySelector('g.column.fold');
    if (fold) fold.classList.toggle('cursor', cursorNode !== null && !this.graph!.layout.nodes.has(cursorNode));
    for (const e of Array.from(svg.querySelectorAll('path.edge'))) {
      e.classList.toggle(
        'on-path',
        this.path.includes(e.getAttribute('data-from') ?? '') && this.path.includes(e.getAttribute('data-to') ?? ''),
      );
    }
  }

  /**
   * A clicked chain term: its path scrolled into view in the graph, and the graph kept at the top of
   * the panel (sticky) while a path is shown, so that the term and its path are on screen together.
   */
  private showPath(): void {
    const section = this.doc.getElementById('graph-section');
    section?.classList.toggle('pinned', this.path.length > 0);
    const g = this.graph;
    if (!g || this.path.length === 0) return;
    const laid = this.path.map((id) => g.layout.nodes.get(id)).filter((n): n is NonNullable<typeof n> => n !== undefined);
    if (laid.length === 0) return;
    const x = Math.min(...laid.map((n) => n.x));
    const y = Math.min(...laid.map((n) => n.y));
    const right = Math.max(...laid.map((n) => n.x + NODE_W));
    const bottom = Math.max(...laid.map((n) => n.y + NODE_H));
    g.zoom.reveal({ x, y, w: right - x, h: bottom - y });
    // the pinned graph covers the top of the panel: bring the clicked term out from under it — once the
    // derivation's later forms are typeset, since they move the term (a long chain form broken into lines)
    const scroll = (): void => {
      const term = this.el.derivation.querySelector('button.term.active');
      const view = this.doc.defaultView;
      if (!term || !section || !view) return;
      const under = section.getBoundingClientRect().bottom + 8 - term.getBoundingClientRect().top;
      if (under > 0) view.scrollBy(0, -under);
      const below = term.getBoundingClientRect().bottom - view.innerHeight;
      if (below > 0) view.scrollBy(0, below + 8);
    };
    if (this.laterQueue.length) this.later(scroll);
    else scroll();
  }

  /** The row to mark when the cursor is on a name but not on one node (h_t, h_{t-1}, or a name with no node). */
  private cursorRow(): { name: string; timed: boolean | null } | null {
    const c = this.cursor;
    if (!c || c.node || !c.symbol) return null;
    return { name: c.symbol.name, timed: c.symbol.relative ? true : null };
  }

  private renderDerivation(): void {
    const r = this.report;
    if (!r) return;
    const index = this.focus?.kind === 'derive' ? this.focus.index : 0;
    renderDerivation(this.doc, this.el.derivation, r, this.focus, {
      step: this.deriveSteps.get(index) ?? null,
      onStep: (t) => {
        this.deriveSteps.set(index, t);
        this.renderDerivation();
      },
      onCopy: (text, what) => this.host.post({ type: 'copy', text, what }),
      onReveal: (line) => this.host.post({ type: 'reveal', line }),
      // in the webview, every form after the first is typeset after the first one has been painted
      ...(this.host.afterPaint ? { later: (fn: () => void) => this.later(fn) } : {}),
      path: this.path,
      onPath: (path) => {
        this.path = path;
        this.updateHighlights();
        this.renderDerivation();
        this.showPath();
      },
    });
  }

  /**
   * Typesetting left for later (the forms after a derivation's first): run after the next paint, as many
   * as fit in LATER_BUDGET_MS, the rest after the paint after that — the first form is on screen before
   * any of them is built, and a long derivation never holds a frame for long.
   */
  private later(fn: () => void): void {
    this.laterQueue.push(fn);
    if (this.laterQueue.length === 1) this.host.afterPaint?.(() => this.drainLater());
  }

  private drainLater(): void {
    const t0 = now();
    while (this.laterQueue.length && now() - t0 < LATER_BUDGET_MS) this.laterQueue.shift()!();
    if (this.laterQueue.length) this.host.afterPaint?.(() => this.drainLater());
  }

  private renderGradcheck(): void {
    if (!this.report) return;
    renderGradcheck(this.doc, this.el.gradcheck, this.report, this.gradcheck, this.gradcheckError);
  }

  private renderChecks(): void {
    if (!this.report) return;
    renderChecks(this.doc, this.el.checks, this.report, (line) => this.host.post({ type: 'reveal', line }), this.cursor?.check ?? null);
  }

  private renderFlowPlot(): void {
    if (!this.report) return;
    renderFlowPlot(this.doc, this.el.flow, this.report, {
      param: this.scaleParam,
      factor: this.scaleFactor,
      scaled: this.scaled,
      pending: this.scalePending,
      error: this.scaleError,
      onScale: (p, f) => this.onScale(p, f),
    });
  }

  private onScale(param: string, factor: number): void {
    this.scaleParam = param;
    this.scaleFactor = factor;
    this.saveState();
    if (factor === 1) {
      this.requestId++; // drop answers still on their way
      const wasScaled = this.scaled !== null;
      this.scaled = null;
      this.scalePending = false;
      this.scaleError = null;
      this.renderFlowPlot();
      if (wasScaled) this.renderGraph();
      return;
    }
    if (this.scaleTimer) clearTimeout(this.scaleTimer);
    this.scaleTimer = setTimeout(() => this.requestScale(), SCALE_DEBOUNCE_MS);
  }

  private requestScale(): void {
    this.scaleTimer = undefined;
    if (!this.scaleParam) return;
    this.scalePending = true;
    this.host.post({ type: 'scale', requestId: ++this.requestId, scale: { [this.scaleParam]: this.scaleFactor } });
  }

  private toggleFold(): void {
    this.unfold = !this.unfold;
    this.renderGraph();
  }

  private exportGraph(): void {
    if (!this.graph) return;
    this.host.post({ type: 'exportSvg', svg: exportSvg(this.doc, this.graph.svg, this.graph.layout) });
  }

  private saveState(): void {
    this.host.setState({
      uri: this.docInfo?.uri ?? null,
      selected: this.selected,
      scaleParam: this.scaleParam,
      scaleFactor: this.scaleFactor,
    });
  }
}
