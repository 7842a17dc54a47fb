// Where every node of the unrolled graph goes: one column per step, one row per quantity, shared
// parameters in a band above, untimed quantities (the loss) in a column after the last step.
// Pure geometry over Report.graph, so it is tested without a DOM. Long horizons fold their middle steps.

import type { GraphEdge, GraphNode, GraphReport, NodeKind } from '../report';

export const NODE_W = 104;
export const NODE_H = 50;
export const COL_W = 140;
export const ROW_H = 84;
export const LABEL_W = 84;
export const HEADER_H = 30;
export const PAD = 16;
/** shared parameters sit in their own lane above the time columns, this far apart */
export const PARAM_DX = NODE_W + 16;
/** room above the lane's first row for its label */
export const LANE_LABEL_H = 18;

export interface LayoutOptions {
  /** at most this many step columns before the middle ones fold into one "⋯" column */
  maxColumns: number;
  /** show every step however many there are (zoom/pan then does the work) */
  unfold: boolean;
}

export const DEFAULT_LAYOUT: LayoutOptions = { maxColumns: 13, unfold: false };

export interface LaidColumn {
  kind: 'step' | 'fold' | 'untimed';
  /** the step for a step column */
  step: number | null;
  /** the folded steps, for the fold column */
  folded: number[];
  x: number;
  label: string;
}

export interface LaidRow {
  name: string;
  kind: NodeKind;
  timed: boolean;
  line: number;
  y: number;
  /** the parameter band (shared parameters share band rows) */
  band: boolean;
}

export interface LaidNode {
  node: GraphNode;
  /** top-left corner */
  x: number;
  y: number;
}

export interface LaidEdge {
  edge: GraphEdge;
  from: LaidNode;
  to: LaidNode;
}

export interface GraphLayout {
  width: number;
  height: number;
  columns: LaidColumn[];
  rows: LaidRow[];
  nodes: Map<string, LaidNode>;
  edges: LaidEdge[];
  /** steps folded away (empty when every step is drawn) */
  folded: number[];
  /** nodes not drawn because their step is folded */
  hiddenNodes: number;
  /** the parameter lane (shared parameters, drawn apart from the time columns), or null without any */
  lane: { y: number; h: number } | null;
  /** top of the column headers (below the lane) */
  headerY: number;
}

/** Rows are keyed by name and timedness: `L_t` and `loss L` are different rows. */
export function rowKey(name: string, timed: boolean): string {
  return `${name}${timed ? '_t' : ''}`;
}

function isSharedParam(r: GraphReport['rows'][number]): boolean {
  return r.kind === 'param' && !r.timed;
}

/** The steps to draw, and the ones folded into the "⋯" column. */
export function visibleSteps(steps: number[], o: LayoutOptions): { shown: number[]; folded: number[]; foldAfter: number } {
  if (o.unfold || steps.length <= o.maxColumns) return { shown: steps, folded: [], foldAfter: -1 };
  const keep = Math.max(2, o.maxColumns - 1);
  const head = Math.ceil(keep / 2);
  const tail = keep - head;
  return {
    shown: [...steps.slice(0, head), ...steps.slice(steps.length - tail)],
    folded: steps.slice(head, steps.length - tail),
    foldAfter: head - 1,
  };
}

/**
 * Order rows so that within a step values flow downwards (z_t above p_t = σ(z_t)): a stable topological
 * sort over same-step edges (recurrences across steps do not constrain rows); a cycle keeps the given order.
 */
function topoRows(rows: GraphReport['rows'], g: GraphReport): GraphReport['rows'] {
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  const keys = rows.map((r) => rowKey(r.name, r.timed));
  const present = new Set(keys);
  const deps = new Map<string, Set<string>>(keys.map((k) => [k, new Set<string>()]));
  for (const e of g.edges) {
    const from = byId.get(e.from);
    const to = byId.get(e.to);
    if (!from || !to || (from.t !== null && to.t !== null && from.t !== to.t)) continue;
    const kf = rowKey(from.name, from.t !== null);
    const kt = rowKey(to.name, to.t !== null);
    if (kf !== kt && present.has(kf) && present.has(kt)) deps.get(kt)!.add(kf);
  }
  const out: GraphReport['rows'] = [];
  const placed = new Set<string>();
  const left = rows.map((r, i) => ({ r, k: keys[i] }));
  while (left.length) {
    let i = left.findIndex(({ k }) => [...deps.get(k)!].every((d) => placed.has(d)));
    if (i < 0) i = 0;
    const [{ r, k }] = left.splice(i, 1);
    out.push(r);
    placed.add(k);
  }
  return out;
}

/** Move each target row just above the first row that reads it (y_t next to L_t), so its edges stay short. */
function placeTargets(rows: GraphReport['rows'], g: GraphReport): GraphReport['rows'] {
  const nameOf = new Map(g.nodes.map((n) => [n.id, n]));
  const out = rows.filter((r) => r.kind !== 'target');
  for (const target of rows.filter((r) => r.kind === 'target')) {
    const readers = new Set<string>();
    for (const e of g.edges) {
      const from = nameOf.get(e.from);
      const to = nameOf.get(e.to);
      if (from && to && from.name === target.name && from.t !== null) readers.add(rowKey(to.name, to.t !== null));
    }
    const at = out.findIndex((r) => readers.has(rowKey(r.name, r.timed)));
    if (at < 0) out.push(target);
    else out.splice(at, 0, target);
  }
  return out;
}

export function layoutGraph(g: GraphReport, o: LayoutOptions = DEFAULT_LAYOUT): GraphLayout {
  const { shown, folded, foldAfter } = visibleSteps(g.steps, o);
  const hasUntimed = g.rows.some((r) => !r.timed && !isSharedParam(r));

  // columns: steps, the fold after the head, then the untimed column
  const columns: LaidColumn[] = [];
  let x = LABEL_W + PAD;
  shown.forEach((step, i) => {
    columns.push({ kind: 'step', step, folded: [], x, label: `t = ${step}` });
    x += COL_W;
    if (i === foldAfter) {
      columns.push({ kind: 'fold', step: null, folded, x, label: `⋯ ${folded.length} steps` });
      x += COL_W;
    }
  });
  if (hasUntimed) {
    columns.push({ kind: 'untimed', step: null, folded: [], x, label: 'untimed' });
    x += COL_W;
  }
  const stepX = new Map<number, number>();
  for (const c of columns) if (c.kind === 'step' && c.step !== null) stepX.set(c.step, c.x);
  const untimedX = columns.find((c) => c.kind === 'untimed')?.x ?? x;

  // rows: shared parameters in their own lane above the columns (they belong to no step), spread
  // over lane rows as wide as the drawn columns
  const rows: LaidRow[] = [];
  const nodesById = new Map(g.nodes.map((n) => [n.id, n]));
  const placed = new Map<string, LaidNode>();
  const shared = g.rows.filter(isSharedParam);
  const laneX = LABEL_W + PAD;
  const perBand = Math.max(1, Math.floor((x - laneX) / PARAM_DX));
  let y = PAD;
  let lane: GraphLayout['lane'] = null;
  if (shared.length) {
    const laneTop = y;
    y += LANE_LABEL_H;
    for (let i = 0; i < shared.length; i += perBand) {
      shared.slice(i, i + perBand).forEach((r, j) => {
        rows.push({ name: r.name, kind: r.kind, timed: false, line: r.line, y, band: true });
        const n = nodesById.get(r.name);
        if (n) placed.set(n.id, { node: n, x: laneX + j * PARAM_DX, y });
      });
      y += ROW_H;
    }
    y -= ROW_H - NODE_H - PAD / 2;
    lane = { y: laneTop, h: y - laneTop };
    y += PAD / 2;
  }
  const headerY = shared.length ? y : 0;
  y = headerY + HEADER_H + PAD;
  // per-step parameters stay in the band, then the rest in the Report's order
  const rest = g.rows.filter((r) => !isSharedParam(r));
  const ordered = placeTargets(topoRows([...rest.filter((r) => r.kind === 'param'), ...rest.filter((r) => r.kind !== 'param')], g), g);
  for (const r of ordered) {
    rows.push({ name: r.name, kind: r.kind, timed: r.timed, line: r.line, y, band: r.kind === 'param' });
    y += ROW_H;
  }
  // a name can have a timed row and an untimed one (L_t and loss L = Σ_t L_t)
  const rowY = new Map(rows.map((r) => [rowKey(r.name, r.timed), r.y]));

  let hiddenNodes = 0;
  for (const n of g.nodes) {
    if (placed.has(n.id)) continue;
    const ry = rowY.get(rowKey(n.name, n.t !== null)) ?? rowY.get(rowKey(n.name, n.t === null));
    if (ry === undefined) continue;
    let nx: number | undefined;
    if (n.t === null) nx = untimedX;
    else nx = stepX.get(n.t);
    if (nx === undefined) {
      hiddenNodes++;
      continue;
    }
    placed.set(n.id, { node: n, x: nx + (COL_W - NODE_W) / 2, y: ry });
  }

  const edges: LaidEdge[] = [];
  for (const e of g.edges) {
    const from = placed.get(e.from);
    const to = placed.get(e.to);
    if (from && to) edges.push({ edge: e, from, to });
  }

  return {
    width: x + PAD,
    height: y + PAD,
    columns,
    rows,
    nodes: placed,
    edges,
    folded,
    hiddenNodes,
    lane,
    headerY,
  };
}
