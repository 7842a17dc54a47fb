// The Report: everything analyze() answers about one .rnn text, as plain JSON-able data.
// The CLI prints it (LANGUAGE.md §7), the extension and the panel only display it.
// Fields beyond §7 (marked "extra") are additive: §7 consumers can ignore them.

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** 1-based, end exclusive (endColumn is the column just past the last character). */
export interface Range {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** extra, in a notebook's solution: the 1-based cell (counting every cell) the lines and columns are in */
  cell?: number;
}

export interface Diagnostic extends Range {
  severity: Severity;
  message: string;
  /** extra: a stable code such as "unknown-name", "shape-mismatch", "limit". */
  code?: string;
  /**
   * extra, on an equation that reads and is wrong in its shapes: the edit that mends it, a transpose (the quick fix
   * writes it) or a diag
   */
  fix?: DiagnosticFix;
}

/** the edit that mends a diagnostic's equation: a transpose, or a diag */
export type DiagnosticFix = TransposeFix | DiagFix;

/** ∏_j (1 − s_j²) W: a Jacobian of an elementwise function written without its diag, `diag` the vector to put under it */
export interface DiagFix {
  diag: string;
}

/**
 * A transpose that mends a product (V ∇_o L for Vᵀ ∇_o L): `add` one after the operand `name`, `remove` the one it
 * has, or `move` it (an outer product written with its ᵀ on the left vector). `name` is the operand as the engine
 * spells it (W_xh), null where the product names none (an expression, an outer product's vector).
 */
export interface TransposeFix {
  transpose: 'add' | 'remove' | 'move';
  name: string | null;
}

/** a number, a vector, the rows of a matrix, or a list of matrices (∂ of a vector by a matrix, LANGUAGE.md §4) */
export type Value = number | number[] | number[][] | number[][][];

export interface Form {
  text: string;
  latex: string;
  /** extra, on a chain-rule form: its terms, one per path through the unrolled graph (they sum to the value) */
  terms?: ChainTerm[];
}

/** one term of a chain-rule sum: the product of immediate partials along one path */
export interface ChainTerm {
  text: string;
  latex: string;
  /** its value at the file's values, in the result's shape */
  value: Value;
  /** graph node keys (src/ids.ts nodeKey) from the variable differentiated by to the quantity differentiated */
  path: string[];
}

export interface DeriveResult {
  /** the step for a query with a free t; null otherwise */
  t: number | null;
  value: Value;
  /** the most useful form, Unicode text (hovers, terminal) */
  text: string;
  /** the same, LaTeX that typesets in KaTeX */
  latex: string;
  /** extra: the three symbolic forms (symbolic issue); absent where not derived */
  forms?: { chain?: Form; explicit?: Form; recursive?: Form; factored?: Form };
  /** extra: exact rational value where every input is rational and the network polynomial */
  exact?: string;
  /** extra: why `forms` is absent although forms were asked for (a size limit, a derivative the symbolic engine cannot write) */
  formsOmitted?: string;
}

export interface DeriveReport {
  line: number;
  /** extra, in a notebook's solution: the cell `line` is in (Range.cell) */
  cell?: number;
  query: string;
  /** extra */
  queryLatex: string;
  /** extra: range of the whole derive statement */
  range: Range;
  results: DeriveResult[];
  /**
   * extra, for a derive with a free t whose forms were asked for: its symbolic form written once per run of
   * consecutive steps that print alike relative to their own step (from..to, the form written with t, no
   * value), and a step whose form differs (t = 1 with a numeric h_0, the last step of a backward
   * recurrence) on its own (from = to, written with its own steps). Present only when some run spans two
   * steps or more; the values stay in `results`.
   */
  general?: GeneralForm[];
  /**
   * extra, for a derive with a free t whose forms were asked for: why `general` is absent when a limit left
   * out the forms of some steps (not all): the steps it left out and the reason their results give in
   * `formsOmitted`
   */
  generalOmitted?: string;
}

/** one run of steps of a free-t derive sharing one symbolic form (DeriveReport.general) */
export interface GeneralForm {
  from: number;
  to: number;
  text: string;
  latex: string;
}

/** holds-as-one-step: holds when its ∂ are read as one-step derivatives (LANGUAGE.md §5), a warning */
export type CheckStatus = 'holds' | 'fails' | 'holds-at-given-values' | 'holds-as-one-step';

export interface CheckStep {
  /** the step (a free t), or null */
  t: number | null;
  /**
   * extra, for a check with free indices other than t (`k`, `i`, LANGUAGE.md §3): their values at this
   * entry, `{ "k": 2 }`; absent otherwise. Such a check has one entry per combination of t and their values
   * (docs/language-notes.md)
   */
  at?: Record<string, number>;
  lhs: Value;
  rhs: Value;
  ok: boolean;
}

/** how a bound's left side compares with its right one (LANGUAGE.md §5 as docs/language.md "Bounds" reads it) */
export type Relation = '≤' | '<' | '≥' | '>';

export interface CheckReport {
  /** where this link's right side begins */
  line: number;
  /** extra, in a notebook's solution: the cell `line` is in (Range.cell) */
  cell?: number;
  status: CheckStatus;
  message: string;
  /** for a chain E₀ = E₁ = …: the 1-based link (1 for E₀ = E₁); absent for a one-link check */
  link?: number;
  /** the equation's label (\tag{…} or a solution's "(n)") */
  tag?: string | null;
  /** extra */
  range: Range;
  /** extra: the source text of the equation */
  equation: string;
  /** extra: per-step values at the file's values */
  steps: CheckStep[];
  /** extra: where the term the message names as wrong is written (a hand-written chain rule's bad term) */
  culprit?: Range;
  /** extra: first failing step at the file's values (fails) */
  failingStep?: number | null;
  /** extra: the check states a value the network gives (h_0 = 0): a solution's premise, not checked there */
  premise?: true;
  /** a bound (`A ≤ B`): the left side is this to the right one; absent for an equality */
  relation?: Relation;
}

export interface ParamReport {
  name: string;
  shape: number[];
  count: number;
}

export interface FlowReport {
  name: string;
  norms: number[];
}

// ---- extra: the unrolled graph, for hovers and the panel --------------------------------

export type NodeKind = 'param' | 'input' | 'target' | 'state' | 'quantity' | 'loss' | 'constant';

export interface GraphNode {
  /** the node's key, nodeKey({ name, step: t }) from src/ids.ts: "h@2" for h_2, "W_hh", "L" */
  id: string;
  /** the name as written (an untimed L beside L_t is "L" with t null, never a model key) */
  name: string;
  /** the step, or null for untimed quantities and shared parameters */
  t: number | null;
  /** whether the name is a sequence (h_t, x_t, a per-step parameter); false for W_hh and the untimed L */
  timed: boolean;
  kind: NodeKind;
  shape: number[];
  value: Value;
  /** ∂loss/∂node (total); null where the loss does not depend on it or there is no loss */
  grad: Value | null;
  /** Frobenius norm of grad (0 when null) */
  gradNorm: number;
}

export interface GraphEdge {
  /** node keys (GraphNode.id; parseNodeKey in src/ids.ts reads them back): `from` appears in the equation of `to` */
  from: string;
  to: string;
  /** ‖∂⁺to/∂from‖ at the current values (Frobenius norm of the immediate Jacobian) */
  local: number;
  /** ‖the part of ∂loss/∂from that flows back along this edge‖ */
  flow: number;
}

export interface GraphReport {
  T: number;
  /** steps drawn as columns, e.g. [0,1,2,3] or [0..T+1] for backward recurrences */
  steps: number[];
  /** quantities in row order: params first, then inputs, states, quantities, loss */
  rows: { name: string; kind: NodeKind; shape: number[]; timed: boolean; line: number }[];
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** true when the graph was truncated to a limit (very large T): only a window is listed */
  truncated: boolean;
}

/** extra: a quantity's immediate partial with respect to something in its own equation */
export interface PartialReport {
  /** the quantity defined, e.g. "h" (its step is the free t) */
  of: string;
  /** what it is differentiated by, as written: "h_{t-1}", "W_hh" */
  wrt: string;
  /**
   * symbolic ∂⁺of_t/∂wrt, text and LaTeX. Absent only from the editor's numeric Report (its worker sends the
   * partials' forms with the derives' forms, in the complete Report that follows).
   */
  form?: Form;
  /** per step t = first..T: its value */
  values: { t: number; value: Value }[];
}

/** extra: one symbol occurrence in the text, for hovers */
export interface SymbolOccurrence extends Range {
  /** the base name as written, e.g. "h" (never the model's "#" key of an untimed twin) */
  name: string;
  /** false when the name is the untimed quantity that shares its name with a timed one (loss L beside L_t) */
  timed?: boolean;
  /** the text as written, e.g. "h_{t-1}" */
  text: string;
  role: 'definition' | 'use' | 'function' | 'declaration';
  /** for a use inside an equation: the quantity whose equation it is in */
  inEquationOf?: string;
  /** false when that quantity is the untimed one sharing its name with a timed one (the equation of L beside L_t) */
  inEquationOfTimed?: boolean;
  /** time offset relative to t for uses like h_{t-1} (-1), null if absolute/untimed */
  offset?: number | null;
  /** absolute step for uses like h_3 */
  step?: number | null;
}

export interface QuantityReport {
  name: string;
  kind: NodeKind;
  shape: number[];
  timed: boolean;
  line: number;
  /** the defining equation's right side as written (for timed quantities, the general one) */
  equation: string;
  /** ∂loss/∂NAME_t (total) per step (timed) or one entry (untimed; t null) */
  grads: { t: number | null; value: Value }[];
  /** immediate partials with respect to each distinct reference in the equation */
  partials: PartialReport[];
}

export interface GradCheckReport {
  name: string;
  autodiff: Value;
  numeric: Value;
  /** max over entries of |a-n| / max(1e-12, |a|+|n|) (differences below 1e-10 count as 0) */
  relError: number;
  /** flat indices (over steps × entries for per-step parameters) that were checked; autodiff and
   *  numeric are lists over these when not every entry was checked, else in the parameter's shape */
  entries: number[];
}

export interface Report {
  diagnostics: Diagnostic[];
  derives: DeriveReport[];
  checks: CheckReport[];
  params: ParamReport[];
  flow: FlowReport[];
  // ---- extra ----
  /** the horizon, null if it could not be read */
  T: number | null;
  loss: { name: string; value: number; line: number } | null;
  /** names whose numbers are deterministic sample values (no VALUE given) */
  sampled: string[];
  quantities: QuantityReport[];
  symbols: SymbolOccurrence[];
  graph: GraphReport | null;
  gradcheck: GradCheckReport[];
  /** total parameter count */
  paramCount: number;
  /** milliseconds analyze() took */
  elapsedMs: number;
}

/** A Report with nothing in it but these diagnostics: where a text is not (or not yet) analysed. */
export function emptyReport(diagnostics: Diagnostic[] = [], T: number | null = null, symbols: SymbolOccurrence[] = []): Report {
  return {
    diagnostics,
    derives: [],
    checks: [],
    params: [],
    flow: [],
    T,
    loss: null,
    sampled: [],
    quantities: [],
    symbols,
    graph: null,
    gradcheck: [],
    paramCount: 0,
    elapsedMs: 0,
  };
}

export interface AnalyzeOptions {
  /** multiply a parameter's values by a factor (the panel's gradient-flow slider) */
  scale?: Record<string, number>;
  /** number of random draws for checks (default 4) */
  draws?: number;
  /** derive the symbolic forms of every derive (default false: diagnostics, CodeLens and the status bar
   *  need only numbers; a hover or the panel asks for one derive's forms with Analysis.forms) */
  forms?: boolean;
  /** the old name of `forms` (kept as an alias) */
  symbolic?: boolean;
  /** include the graph (default true) */
  graph?: boolean;
  /** include the central-difference gradient check (default false: it costs two forward passes per probed entry; the panel asks for it) */
  gradcheck?: boolean;
}
