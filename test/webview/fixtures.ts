// Hand-made Reports for the panel tests: the shape analyze() returns (src/report.ts), with numbers
// that are arbitrary but deterministic — the panel must show whatever numbers it is given.

import { nodeKey } from '../../src/ids';
import type { DeriveReport, GraphEdge, GraphNode, NodeKind, QuantityReport, Report, SymbolOccurrence, Value } from '../../src/report';

export interface RowSpec {
  name: string;
  kind: NodeKind;
  shape?: number[];
  timed: boolean;
  /** steps with a node (timed rows), default 1..T */
  steps?: number[];
  line: number;
}

/** A deterministic value of a shape, different per (name, step). */
export function valueOf(shape: number[], seed: number): Value {
  const x = (k: number): number => Number((Math.sin(seed * 12.9898 + k * 78.233) * 0.9).toFixed(6));
  if (shape.length === 0) return x(0);
  if (shape.length === 1) return Array.from({ length: shape[0] }, (_, i) => x(i + 1));
  return Array.from({ length: shape[0] }, (_, i) => Array.from({ length: shape[1] }, (_, j) => x(i * shape[1] + j + 1)));
}

function hash(s: string): number {
  let h = 7;
  for (const c of s) h = (h * 31 + c.charCodeAt(0)) % 10007;
  return h;
}

function range(line: number, column = 1, endColumn = 60) {
  return { line, column, endLine: line, endColumn };
}

export interface Spec {
  T: number;
  rows: RowSpec[];
  /** [from name, offset or null (shared), to name] : every step of `to` reads `from` at t+offset */
  uses: [string, number | null, string][];
  steps?: number[];
  loss?: string;
}

/** Builds graph nodes, edges (with flows), quantities, flow and gradcheck from a spec. */
export function buildReport(spec: Spec): Report {
  const { T } = spec;
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const stepsOf = (r: RowSpec): number[] => (r.timed ? (r.steps ?? Array.from({ length: T }, (_, i) => i + 1)) : []);
  for (const r of spec.rows) {
    const shape = r.shape ?? [];
    const mk = (t: number | null): GraphNode => {
      const seed = hash(r.name) + (t ?? 100);
      const grad = r.kind === 'target' ? null : valueOf(shape, seed + 0.5);
      return {
        id: nodeKey({ name: r.name, step: t }),
        name: r.name,
        t,
        timed: t !== null,
        kind: r.kind,
        shape,
        value: valueOf(shape, seed),
        grad,
        gradNorm: grad === null ? 0 : Math.abs(typeof grad === 'number' ? grad : 1),
      };
    };
    if (r.timed) for (const t of stepsOf(r)) nodes.push(mk(t));
    else nodes.push(mk(null));
  }
  const has = new Set(nodes.map((n) => n.id));
  for (const [from, off, to] of spec.uses) {
    // the equation of `to`: its timed row (every step 1..T) if it has one, else its untimed row
    const timed = spec.rows.some((x) => x.name === to && x.timed);
    const targets = nodes.filter((n) => n.name === to && (timed ? n.t !== null && n.t >= 1 && n.t <= T : n.t === null));
    for (const n of targets) {
      const fromId = off === null ? from : n.t === null ? null : `${from}@${n.t + off}`;
      if (fromId === null || !has.has(fromId)) continue;
      const k = hash(fromId + n.id);
      edges.push({ from: fromId, to: n.id, local: (k % 97) / 97, flow: k % 5 === 0 ? 0 : 10 ** -((k % 13) / 3) });
    }
  }
  // the loss sums L_t: for the sheet-7 shape, connect L@t → L
  const loss = spec.loss ?? null;
  const quantities: QuantityReport[] = spec.rows
    .filter((r) => r.kind === 'state' || r.kind === 'quantity' || r.kind === 'loss')
    .map((r) => ({
      name: r.name,
      kind: r.kind,
      shape: r.shape ?? [],
      timed: r.timed,
      line: r.line,
      equation: `${r.name} equation`,
      grads: nodes.filter((n) => n.name === r.name && (n.t !== null) === r.timed).map((n) => ({ t: n.t, value: n.grad ?? 0 })),
      partials: spec.uses
        .filter(([, , to]) => to === r.name)
        .map(([from, off]) => ({
          of: r.name,
          wrt: off === null ? from : off === 0 ? `${from}_t` : `${from}_{t${off}}`,
          form: {
            text: `∂⁺${r.name}_t/∂${from}`,
            latex: `\\frac{\\partial^{+} ${r.name}_t}{\\partial ${from.replace(/_(\w+)/, '_{$1}')}}`,
          },
          values: Array.from({ length: T }, (_, i) => ({ t: i + 1, value: valueOf([], hash(from + r.name) + i) })),
        })),
    }));
  const recurrent = spec.uses.filter(([from, off, to]) => from === to && off !== null && off !== 0).map(([n]) => n);
  const flow = [...new Set(recurrent)].map((name) => ({
    name,
    norms: Array.from({ length: T }, (_, i) => 10 ** -(T - i) * 0.5),
  }));
  const params = spec.rows.filter((r) => r.kind === 'param');
  return {
    diagnostics: [],
    derives: [],
    checks: [],
    params: params.map((p) => ({ name: p.name, shape: p.shape ?? [], count: (p.shape ?? []).reduce((a, b) => a * b, 1) })),
    flow,
    T,
    loss: loss ? { name: loss, value: 0.8123, line: spec.rows.find((r) => r.name === loss && !r.timed)?.line ?? 1 } : null,
    sampled: [],
    quantities,
    symbols: [],
    graph: {
      T,
      steps: spec.steps ?? Array.from({ length: T + 1 }, (_, i) => i),
      rows: spec.rows.map((r) => ({ name: r.name, kind: r.kind, shape: r.shape ?? [], timed: r.timed, line: r.line })),
      nodes,
      edges,
      truncated: false,
    },
    gradcheck: params.map((p, i) => ({
      name: p.name,
      autodiff: 0.1 * (i + 1),
      numeric: 0.1 * (i + 1) * (1 + 10 ** -(4 + 2 * i)),
      relError: 10 ** -(4 + 2 * i) / 2,
      entries: [0],
    })),
    paramCount: params.reduce((a, p) => a + (p.shape ?? []).reduce((x, y) => x * y, 1), 0),
    elapsedMs: 1.5,
  };
}

function sym(name: string, text: string, line: number, column: number, extra: Partial<SymbolOccurrence> = {}): SymbolOccurrence {
  return { name, text, line, column, endLine: line, endColumn: column + text.length, role: 'use', ...extra };
}

/** The sheet-7 vanilla RNN (examples/sheet7-vanilla-rnn.rnn), T = 3, with three derives and two checks. */
export function sheet7Report(): Report {
  const T = 3;
  const r = buildReport({
    T,
    loss: 'L',
    rows: [
      { name: 'W_xh', kind: 'param', timed: false, line: 12 },
      { name: 'W_hh', kind: 'param', timed: false, line: 13 },
      { name: 'b_h', kind: 'param', timed: false, line: 14 },
      { name: 'W_hy', kind: 'param', timed: false, line: 15 },
      { name: 'b_y', kind: 'param', timed: false, line: 16 },
      { name: 'x', kind: 'input', timed: true, line: 10 },
      { name: 'y', kind: 'target', timed: true, line: 11 },
      { name: 'h', kind: 'state', timed: true, steps: [0, 1, 2, 3], line: 19 },
      { name: 'o', kind: 'quantity', timed: true, line: 20 },
      { name: 'L', kind: 'quantity', timed: true, line: 21 },
      { name: 'L', kind: 'loss', timed: false, line: 22 },
    ],
    uses: [
      ['W_xh', null, 'h'],
      ['x', 0, 'h'],
      ['W_hh', null, 'h'],
      ['h', -1, 'h'],
      ['b_h', null, 'h'],
      ['W_hy', null, 'o'],
      ['h', 0, 'o'],
      ['b_y', null, 'o'],
      ['y', 0, 'L'],
      ['o', 0, 'L'],
    ],
  });
  // loss L = Σ_t L_t
  for (let t = 1; t <= T; t++) r.graph!.edges.push({ from: `L@${t}`, to: 'L', local: 1, flow: 1 });
  const chain = (t: string) => `\\sum_{${t}=1}^{3} \\frac{\\partial L}{\\partial h_${t}} \\frac{\\partial^{+} h_${t}}{\\partial W_{hh}}`;
  const derive = (line: number, query: string, queryLatex: string, results: DeriveReport['results']): DeriveReport => ({
    line,
    query,
    queryLatex,
    range: range(line, 1, 20),
    results,
  });
  r.derives = [
    derive(24, '∂L/∂W_hh', '\\frac{\\partial L}{\\partial W_{hh}}', [
      {
        t: null,
        value: 0.0421,
        text: 'Σ_t ∂L/∂h_t ∂⁺h_t/∂W_hh',
        latex: chain('t'),
        forms: {
          chain: { text: 'Σ_t ∂L/∂h_t ∂⁺h_t/∂W_hh', latex: chain('t') },
          explicit: { text: '…', latex: "\\sum_{t=1}^{3} \\delta_t \\, \\sigma'(W_{xh} x_t + W_{hh} h_{t-1} + b_h) \\, h_{t-1}" },
          recursive: {
            text: 'δ_t = …',
            latex: "\\delta_t = \\frac{\\partial L_t}{\\partial h_t} + \\delta_{t+1} \\sigma'(z_{t+1}) W_{hh}",
          },
        },
      },
    ]),
    derive(25, '∂L/∂W_xh', '\\frac{\\partial L}{\\partial W_{xh}}', [
      { t: null, value: -0.125, text: '…', latex: "\\sum_{t=1}^{3} \\delta_t \\sigma'(z_t) x_t" },
    ]),
    derive(
      26,
      '∂h_t/∂h_{t-1}',
      '\\frac{\\partial h_t}{\\partial h_{t-1}}',
      [1, 2, 3].map((t) => ({
        t,
        value: 0.1 * t,
        text: `σ'(z_${t}) W_hh`,
        latex: `\\sigma'(z_{${t}}) W_{hh}`,
        forms: { chain: { text: '…', latex: `\\sigma'(z_{${t}}) W_{hh}` } },
      })),
    ),
  ];
  r.checks = [
    {
      line: 30,
      status: 'holds',
      message: 'holds at every step and draw',
      range: range(30),
      equation: '∂L/∂o_3 = -2(y_3 - o_3)',
      steps: [],
    },
    {
      line: 56,
      status: 'fails',
      message: 'fails at t = 2: 0.12 ≠ 0.10',
      range: range(56),
      equation: "∂h_t/∂W_xh = σ'(…) x_t",
      steps: [],
      failingStep: 2,
    },
    {
      line: 64,
      status: 'holds-at-given-values',
      message: 'holds only because h_0 = 0',
      range: range(64),
      equation: '∂L/∂W_hh = ∂(L_2 + L_3)/∂W_hh',
      steps: [],
    },
  ];
  r.symbols = [
    sym('L', 'L', 24, 8),
    sym('W_hh', 'W_hh', 24, 11),
    sym('L', 'L', 25, 8),
    sym('W_xh', 'W_xh', 25, 11),
    sym('h', 'h_t', 26, 8, { offset: 0 }),
    sym('h', 'h_{t-1}', 26, 13, { offset: -1 }),
    sym('o', 'o_3', 30, 10, { step: 3 }),
    sym('h', 'h_t', 19, 1, { role: 'definition', offset: 0 }),
    sym('h', 'h_0', 17, 1, { role: 'definition', step: 0 }),
  ];
  return r;
}

/** A vector RNN over T steps: h ∈ R^n, W_hh n×n — for folding and timing. */
export function vectorReport(T: number, n = 4): Report {
  const r = buildReport({
    T,
    loss: 'L',
    rows: [
      { name: 'W_xh', kind: 'param', shape: [n, 2], timed: false, line: 4 },
      { name: 'W_hh', kind: 'param', shape: [n, n], timed: false, line: 5 },
      { name: 'b', kind: 'param', shape: [n], timed: false, line: 6 },
      { name: 'v', kind: 'param', shape: [1, n], timed: false, line: 7 },
      { name: 'x', kind: 'input', shape: [2], timed: true, line: 2 },
      { name: 'y', kind: 'target', timed: true, line: 3 },
      { name: 'h', kind: 'state', shape: [n], timed: true, steps: Array.from({ length: T + 1 }, (_, i) => i), line: 9 },
      { name: 'o', kind: 'quantity', timed: true, line: 10 },
      { name: 'L', kind: 'loss', timed: false, line: 11 },
    ],
    uses: [
      ['W_xh', null, 'h'],
      ['x', 0, 'h'],
      ['W_hh', null, 'h'],
      ['h', -1, 'h'],
      ['b', null, 'h'],
      ['v', null, 'o'],
      ['h', 0, 'o'],
    ],
  });
  for (let t = 1; t <= T; t++) r.graph!.edges.push({ from: `o@${t}`, to: 'L', local: 1, flow: 0.5 });
  return r;
}

export const PAYLOAD = '<img src=x onerror=alert(1)>';
export const SCRIPT_END = '</script><script>alert(2)</script>';

/** Every string field a .rnn file's text can reach, set to HTML payloads. */
export function hostileReport(): Report {
  const bad = `${PAYLOAD}${SCRIPT_END}`;
  const r = buildReport({
    T: 2,
    loss: `L${bad}`,
    rows: [
      { name: bad, kind: 'param', timed: false, line: 1 },
      { name: `h${PAYLOAD}`, kind: 'state', timed: true, steps: [0, 1, 2], line: 2 },
      { name: `L${bad}`, kind: 'loss', timed: false, line: 3 },
    ],
    uses: [
      [bad, null, `h${PAYLOAD}`],
      [`h${PAYLOAD}`, -1, `h${PAYLOAD}`],
    ],
  });
  r.graph!.edges.push({ from: `h${PAYLOAD}@2`, to: `L${bad}`, local: 1, flow: 1 });
  r.diagnostics = [{ severity: 'error', message: `unknown name ${bad}`, line: 4, column: 1, endLine: 4, endColumn: 5 }];
  r.derives = [
    {
      line: 5,
      query: `∂${bad}/∂${bad}`,
      queryLatex: `\\href{javascript:alert(3)}{x} \\text{${PAYLOAD}}`,
      range: range(5),
      results: [
        {
          t: null,
          value: 1,
          text: bad,
          latex: `\\url{javascript:alert(4)} \\htmlClass{x}{y} \\includegraphics{x.png}`,
          forms: { chain: { text: bad, latex: `\\text{${SCRIPT_END}}` }, explicit: { text: bad, latex: '\\frac{1}{' } },
          exact: bad,
        },
      ],
    },
  ];
  r.checks = [{ line: 6, status: 'fails', message: `fails: ${bad}`, range: range(6), equation: bad, steps: [] }];
  r.sampled = [bad];
  return r;
}
