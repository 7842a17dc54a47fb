// Messages between the extension host (src/extension/panel*.ts) and the panel webview (src/webview/*).
// Both sides import these types; both sides validate what they receive with the guards below, because
// a webview message is untrusted input on the extension side and stale input on the webview side.

import type { ChainTerm, DeriveResult, GradCheckReport, Report, Value } from './report';

export { nodeKey, parseNodeKey, nodeLabel, type NodeId } from './ids';

/** What is under the editor cursor, resolved against the Report the panel shows. */
export interface CursorContext {
  /** 1-based line and column of the cursor */
  line: number;
  column: number;
  /** index into report.derives of the derive statement under the cursor, or null */
  derive: number | null;
  /** index into report.checks of the check statement under the cursor, or null */
  check: number | null;
  /** the name under the cursor and, when the text fixes it, its step (h_2 → 2; h_{t-1} → null, relative) */
  symbol: { name: string; step: number | null; relative: boolean } | null;
  /** the graph node key the cursor designates ("h@2", "W_hh", "L"; src/ids.ts), when it designates exactly one */
  node: string | null;
}

/** The document the panel follows. */
export interface DocumentInfo {
  uri: string;
  /** the file name for the title bar (display only) */
  fileName: string;
  version: number;
}

// ---- extension → webview -------------------------------------------------------------------

export interface ReportMessage {
  type: 'report';
  doc: DocumentInfo;
  report: Report;
  cursor: CursorContext | null;
  /** Date.now() on the extension side when the edit that produced this report happened (or when posted) */
  editAt: number;
  /** Date.now() on the extension side when the message was posted */
  postedAt: number;
}

export interface CursorMessage {
  type: 'cursor';
  uri: string;
  cursor: CursorContext;
}

/** The argument of the `unroll.openPanel` command: a target from a CodeLens or hover link. */
export interface OpenPanelArgs {
  uri?: string;
  line?: number;
  /** a graph node key (src/ids.ts) to select */
  node?: string;
}

/** Select a node (the `unroll.openPanel` command's `node` argument, or a click elsewhere). */
export interface SelectMessage {
  type: 'select';
  node: string;
}

/** The answer to a ScaleRequest: the Report of the same text with one parameter scaled. */
export interface ScaleResponse {
  type: 'scaled';
  requestId: number;
  scale: Record<string, number>;
  report: Report | null;
  error: string | null;
}

/**
 * The gradient check of a posted report (central differences cost two forward passes per entry, so the
 * host computes it after posting the report, off the edit → panel path).
 */
export interface GradcheckMessage {
  type: 'gradcheck';
  uri: string;
  version: number;
  gradcheck: GradCheckReport[];
  error: string | null;
}

/** No .rnn document to follow (yet). */
export interface EmptyMessage {
  type: 'empty';
  reason: string;
}

/**
 * A formula typeset by KaTeX in the extension host, as the nodes KaTeX made: an element is its tag, its
 * namespace (s: SVG, m: MathML, absent: HTML), class, attributes, style properties (camelCase, as
 * element.style takes them) and children; a string is a text node. The page builds it from allow-lists.
 */
export interface MathEl {
  t: string;
  n?: 's' | 'm';
  c?: string;
  a?: Record<string, string>;
  s?: Record<string, string>;
  k?: MathTree[];
}
export type MathTree = string | MathEl;

/** One typeset formula: its tree, or (tree null) KaTeX's message when the LaTeX does not parse. */
export interface TypesetFormula {
  latex: string;
  display: boolean;
  tree: MathTree | null;
  error: string | null;
}

/** Typeset formulas: sent before a report (those its first render shows) and in answer to a TypesetRequest. */
export interface MathMessage {
  type: 'math';
  formulas: TypesetFormula[];
}

/**
 * The id of the <script type="application/json"> element in which the host writes the first messages
 * (the report and its first formulas) into the panel's page, so a cold open draws without a round trip.
 */
export const INITIAL_ID = 'unroll-initial';

export type ToWebview = ReportMessage | CursorMessage | SelectMessage | ScaleResponse | GradcheckMessage | EmptyMessage | MathMessage;

// ---- webview → extension -------------------------------------------------------------------

/** The webview has loaded (or reloaded after being hidden) and wants the current state. */
export interface ReadyMessage {
  type: 'ready';
  /** when the webview's page started loading and its script started (Date.now() clock, ms; for timings) */
  pageAt?: number;
  scriptAt?: number;
  /** when the page's document had arrived (navigation responseEnd; in VS Code the editor's blank frame page, before it writes the panel's HTML in) */
  htmlAt?: number;
  /** the report the page carried in itself and has drawn (panelHtml's `initial`): the host need not post it again */
  has?: { uri: string; version: number };
}

/** Re-analyse the followed document with parameters scaled (the gradient-flow slider). */
export interface ScaleRequest {
  type: 'scale';
  requestId: number;
  scale: Record<string, number>;
}

/** Move the editor to a line (check verdicts, derivations, graph rows link to their lines). */
export interface RevealMessage {
  type: 'reveal';
  line: number;
}

/** Put text on the clipboard (copy a derivation as LaTeX). */
export interface CopyMessage {
  type: 'copy';
  text: string;
  what: string;
}

/** Save the graph as an SVG file. */
export interface ExportSvgMessage {
  type: 'exportSvg';
  svg: string;
}

/** Timings measured in the webview, reported back so the host and tests can read them. */
export interface RenderedMessage {
  type: 'rendered';
  /** postedAt of the ReportMessage that was rendered */
  postedAt: number;
  /** ms from the message being posted to the webview having rendered it */
  latencyMs: number;
  /** ms the graph SVG took to build */
  graphMs: number;
  /** ms the whole panel took to render */
  totalMs: number;
  /** Date.now() in the page when the report arrived and when its render had been painted (for the open timings) */
  receivedAt?: number;
  paintedAt?: number;
}

/** Typeset these formulas (the page carries no KaTeX: the host typesets, see MathMessage). */
export interface TypesetRequest {
  type: 'typeset';
  formulas: { latex: string; display: boolean }[];
}

/** At most this many formulas per TypesetRequest, each at most MAX_FORMULA characters. */
export const MAX_TYPESET = 500;
export const MAX_FORMULA = 1_000_000;

export type FromWebview = ReadyMessage | ScaleRequest | RevealMessage | CopyMessage | ExportSvgMessage | RenderedMessage | TypesetRequest;

/** The state the webview persists (vscode.setState) and the serializer receives after a reload. */
export interface PanelState {
  uri: string | null;
  selected: string | null;
  scaleParam: string | null;
  scaleFactor: number;
}

// ---- chain-rule terms ---------------------------------------------------------------------------

// A chain-rule form carries its terms (src/report.ts ChainTerm: text, LaTeX, value, and the path of node
// keys it follows); the panel makes each term clickable. A stale Report may lack them or be malformed.
export type { ChainTerm };

function isValue(x: unknown): x is Value {
  if (typeof x === 'number') return true;
  if (!Array.isArray(x)) return false;
  return x.every((r) => typeof r === 'number' || (Array.isArray(r) && r.every((v) => typeof v === 'number')));
}

/** The chain-rule terms of a result, if the Report provides them (validated), else null. */
export function chainTerms(r: DeriveResult): ChainTerm[] | null {
  const terms: unknown = (r.forms?.chain as { terms?: unknown } | undefined)?.terms;
  if (!Array.isArray(terms) || terms.length === 0) return null;
  const ok = terms.every(
    (x) =>
      isObj(x) &&
      typeof x.latex === 'string' &&
      typeof x.text === 'string' &&
      isValue(x.value) &&
      Array.isArray(x.path) &&
      x.path.every((p) => typeof p === 'string'),
  );
  return ok ? (terms as ChainTerm[]) : null;
}

// ---- guards ----------------------------------------------------------------------------------

const MAX_TEXT = 5_000_000;

function isObj(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isFiniteNum(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

function isScale(x: unknown): x is Record<string, number> {
  if (!isObj(x)) return false;
  const entries = Object.entries(x);
  return entries.length <= 64 && entries.every(([k, v]) => k.length <= 200 && isFiniteNum(v) && v > 0 && v <= 1e6);
}

/** Validate a message the webview sent; anything else is dropped by the host. */
export function isFromWebview(x: unknown): x is FromWebview {
  if (!isObj(x) || typeof x.type !== 'string') return false;
  switch (x.type) {
    case 'ready':
      return true;
    case 'scale':
      return Number.isInteger(x.requestId) && isScale(x.scale);
    case 'reveal':
      return Number.isInteger(x.line) && (x.line as number) >= 1;
    case 'copy':
      return typeof x.text === 'string' && x.text.length <= MAX_TEXT && typeof x.what === 'string';
    case 'exportSvg':
      return typeof x.svg === 'string' && x.svg.length <= MAX_TEXT;
    case 'rendered':
      return (
        isFiniteNum(x.postedAt) &&
        isFiniteNum(x.latencyMs) &&
        isFiniteNum(x.graphMs) &&
        isFiniteNum(x.totalMs) &&
        (x.receivedAt === undefined || isFiniteNum(x.receivedAt)) &&
        (x.paintedAt === undefined || isFiniteNum(x.paintedAt))
      );
    case 'typeset':
      return (
        Array.isArray(x.formulas) &&
        x.formulas.length <= MAX_TYPESET &&
        x.formulas.every((f) => isObj(f) && typeof f.latex === 'string' && f.latex.length <= MAX_FORMULA && typeof f.display === 'boolean')
      );
    default:
      return false;
  }
}

/** Validate a message the host sent (shape only: the Report itself comes from analyze()). */
export function isToWebview(x: unknown): x is ToWebview {
  if (!isObj(x) || typeof x.type !== 'string') return false;
  switch (x.type) {
    case 'report':
      return isObj(x.doc) && isObj(x.report) && isFiniteNum(x.postedAt);
    case 'cursor':
      return typeof x.uri === 'string' && isObj(x.cursor);
    case 'select':
      return typeof x.node === 'string';
    case 'scaled':
      return Number.isInteger(x.requestId) && (x.report === null || isObj(x.report));
    case 'gradcheck':
      return typeof x.uri === 'string' && Number.isInteger(x.version) && Array.isArray(x.gradcheck);
    case 'empty':
      return typeof x.reason === 'string';
    case 'math':
      return Array.isArray(x.formulas);
    default:
      return false;
  }
}

/** Validate persisted state (it survives extension updates, so its shape may be old). */
export function asPanelState(x: unknown): PanelState {
  const s: PanelState = { uri: null, selected: null, scaleParam: null, scaleFactor: 1 };
  if (!isObj(x)) return s;
  if (typeof x.uri === 'string') s.uri = x.uri;
  if (typeof x.selected === 'string') s.selected = x.selected;
  if (typeof x.scaleParam === 'string') s.scaleParam = x.scaleParam;
  if (isFiniteNum(x.scaleFactor) && x.scaleFactor > 0) s.scaleFactor = x.scaleFactor;
  return s;
}
