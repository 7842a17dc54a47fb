// The symbolic engine's public API: derivations of ∂A/∂B on the unrolled graph in three printed forms
// (chain rule, explicit, δ-recursion), each as Unicode text and KaTeX LaTeX, with the number; the
// immediate partial of a quantity's equation for hovers; and evaluation of every form back to numbers.

import { idxValue, idxVars } from '../../language/idx';
import type { Expr, Idx, Model } from '../../language/model';
import type { Form } from '../../report';
import { derive, type Derivation } from './derive';
import { Evaluator, type LeafValues, type Tensor } from './evaluate';
import { exactText, exactValue, polynomialModel } from './exact';
import { isShortDecimal } from '../../display/number';
import {
  chainForm,
  exactLatex,
  explicitForm,
  headerLabel,
  mkPrinters,
  recursiveForm,
  stepColumn,
  stepForm,
  stepRecursion,
  stepRowsForm,
  valueText,
  type StepKinds,
  zeroForm,
  type ValueStrings,
} from './forms';
import { factoredForm, factoredOf } from './factored';
import { asMat, fromMat, size, Unsupported, type Node } from './ir';
import { Unrolled } from './graph';
import { withSharedPrints, withStepMap } from './print';
import { Builder } from './ir';
import { Rules } from './rules';
import { horizonFor, proxyOf, realStep, searchesAgree, StretchedValues, type Horizon } from './horizon';
import { LimitError } from '../budget';

export { Unsupported } from './ir';
export type { Tensor } from './evaluate';

export interface DeriveForms {
  chain?: Form;
  explicit?: Form;
  recursive?: Form;
  /** the chain sum with common prefixes pulled out, nested over the steps (factored.ts) */
  factored?: Form;
  exact?: string;
  best: Form;
  /** a free-t derive's step (symbolic-hooks.ts): its form relative to the step (h_{t-1}) and with its own numbers */
  step?: StepForms;
}

/** one step of a free-t derive without its value, for the general line (stepForm) */
export interface StepForms {
  relative: Form;
  concrete: Form;
  /** the relative form noted with the run of steps it is written for (for t = 1..3) */
  over(from: number, to: number): Form;
}

/** What evaluateForm needs of a Run: the value of a node (t null: untimed quantity / shared param). */
export interface ValueSource {
  value(name: string, t: number | null): Tensor | undefined;
}

// What made a DeriveForms (its derivation, and the proxy horizon it was derived on) rides on it under symbols,
// not in module-level WeakMaps: V8's scavenger keeps a long-lived WeakMap's values alive until a full GC, so
// every minor GC promoted the derivations of finished analyses (src/engine/memo.ts). A symbol is no key of
// the object as JSON or a structured clone sees it.
const DERIVATION = Symbol('derivation');
const STRETCHED = Symbol('stretched');
const EVALUATORS = Symbol('evaluators');
type Hidden<T> = { [DERIVATION]?: Derivation; [STRETCHED]?: Stretched; [EVALUATORS]?: WeakMap<object, Evaluator> } & T;
const hide = (o: object, key: symbol, value: unknown): void => {
  Object.defineProperty(o, key, { value, configurable: true });
};
const derivationOf = (f: DeriveForms): Derivation | undefined => (f as Hidden<DeriveForms>)[DERIVATION];
const stretchedOf = (f: DeriveForms): Stretched | undefined => (f as Hidden<DeriveForms>)[STRETCHED];

function stepOf(idx: Idx | null, t: number | null): number | null {
  if (!idx) return null;
  const vars = idxVars(idx);
  if (!vars.length) return idx.k;
  if (t === null || vars.some((v) => v !== 't'))
    throw new Unsupported(`a free ${vars.find((v) => v !== 't') ?? vars[0]} with no step given`);
  return idxValue(idx, { t })!;
}

/** The values of a model computed from its own declared values (when every declaration has one). */
export function declaredValues(model: Model): LeafValues {
  const U = new Unrolled(model, new Builder());
  U.substituteConstants = false;
  const memo = new Map<string, Tensor>();
  const ev = new Evaluator((name, step) => get(name, step));
  function get(name: string, step: number | null): Tensor | undefined {
    const key = `${name}@${step}`;
    const hit = memo.get(key);
    if (hit) return hit;
    const d = model.decls.get(name);
    let v: Tensor | undefined;
    if (d) {
      const arr = d.values ? (d.perStep ? d.values[(step ?? 1) - 1] : d.values[0]) : undefined;
      v = arr ? { shape: d.shape, data: arr } : undefined;
    } else if (model.quantities.has(name)) v = ev.value(U.equation(name, step));
    if (v) memo.set(key, v);
    return v;
  }
  return get;
}

function leafValues(src: ValueSource): LeafValues {
  return (name, step) => src.value(name, step);
}

/** The shape a derivative is reported in: the gradient's (wrt's) for a scalar `of`, else Jacobian rows × columns. */
function resultShape(d: Derivation): number[] {
  const ofShape = (d.of.eq ?? d.of.leaf).shape;
  const wrtShape = d.wrt.leaf.shape;
  return size(ofShape) === 1 ? wrtShape : fromMat(size(ofShape), size(wrtShape));
}

/** the shape a value is printed in: a vector by a matrix is the n×m×k tensor the number line shows */
function printedShape(d: Derivation, shape: number[]): number[] {
  const ofShape = (d.of.eq ?? d.of.leaf).shape;
  const wrtShape = d.wrt.leaf.shape;
  return size(ofShape) > 1 && wrtShape.length === 2 && wrtShape[0]! > 1 && wrtShape[1]! > 1 ? [size(ofShape), ...wrtShape] : shape;
}

export type FormKind = 'chain' | 'explicit' | 'recursive' | 'factored';

function formNode(d: Derivation, kind: FormKind): Node | null {
  if (kind === 'factored') return d.total ? (factoredOf(d)?.node ?? null) : null;
  if (!d.total) return kind === 'recursive' ? null : d.immediate;
  if (kind === 'chain') return d.chain ?? d.general?.value ?? null;
  // the general explicit form is the general chain with each ∂ written as its definition — the very
  // expressions the chain's symbols evaluate through
  if (kind === 'explicit') return d.explicit ?? d.general?.value ?? null;
  return d.recursive?.value ?? null;
}

/** One evaluator per derivation and value source: the three forms share their subexpressions' values. */
function evaluatorFor(d: Derivation, src: object, leaf: LeafValues): Evaluator {
  let bySrc = (d as Hidden<Derivation>)[EVALUATORS];
  if (!bySrc) hide(d, EVALUATORS, (bySrc = new WeakMap()));
  let ev = bySrc.get(src);
  if (!ev) bySrc.set(src, (ev = new Evaluator(leaf)));
  return ev;
}

function evaluateNode(d: Derivation, n: Node, leaf: LeafValues, src?: object): Tensor {
  const ev = src ? evaluatorFor(d, src, leaf) : new Evaluator(leaf);
  // a scalar's chain of partials is evaluated from the output side (row vectors), never as full Jacobians
  const rowWise = d.vjp && asMat(n.shape)[0] === 1 && (n.op === 'add' || n.op === 'matmul' || n.op === 'mul' || n.op === 'sym');
  const t = rowWise ? { shape: n.shape, data: ev.rowTimes(Float64Array.of(1), n) } : ev.value(n);
  const shape = resultShape(d);
  if (t.data.length !== size(shape)) throw new Error(`form evaluates to ${t.data.length} entries, expected ${size(shape)}`);
  return { shape, data: Float64Array.from(t.data) };
}

/**
 * ∂of/∂wrt (total=true) or ∂⁺of/∂wrt, at step t (null when the query has no free t). `of` may be any
 * model Expr (usually a ref). `values` supplies the numbers (a Run); without it, the model's declared values.
 */
export function deriveForms(
  model: Model,
  of: Expr,
  wrt: { name: string; idx: Idx | null },
  total: boolean,
  t: number | null,
  values?: ValueSource,
  opts: { fullHorizon?: boolean } = {},
): DeriveForms {
  const ofArg = of.k === 'ref' ? { ref: { name: of.name, step: stepOf(of.idx, t) } } : { expr: of, t };
  const wrtStep = stepOf(wrt.idx, t);
  if (total && !opts.fullHorizon && of.k === 'ref' && of.idx === null && wrtStep === null) {
    const fast = deriveStretched(model, of.name, wrt.name, values, () => (values ? leafValues(values) : declaredValues(model)));
    if (fast) return fast;
  }
  const d = derive(model, ofArg, { name: wrt.name, step: stepOf(wrt.idx, t) }, total);
  // with a free t, which side is written at a fixed step (h_T in ∂h_T/∂h_t): its general line names that step
  if (t !== null) d.fixed = { of: of.k === 'ref' && fixedIdx(of.idx), wrt: fixedIdx(wrt.idx) };
  if (d.zero) {
    const z = zeroForm(d);
    const out: DeriveForms = { explicit: z, best: z };
    hide(out, DERIVATION, d);
    return out;
  }
  const leaf = values ? leafValues(values) : declaredValues(model);
  const main = formNode(d, 'recursive') ?? formNode(d, 'explicit') ?? formNode(d, 'chain');
  let v: ValueStrings | null = null;
  let exact: string | undefined;
  const shape = resultShape(d);
  if (main) {
    const val = evaluateNode(d, main, leaf, values);
    const ps = printedShape(d, shape);
    v = { text: valueText(val, ps, false), latex: valueText(val, ps, true) };
    // (exact values are written as vectors and matrices: a 3-tensor is given as its float only)
    const ex = ps.length === 3 ? null : exactValue(model, d.U, main, leaf);
    if (ex && ex.data.every((r) => r.toString().length <= MAX_EXACT_CHARS)) {
      exact = exactText(ex, shape);
      const float = Array.from(val.data);
      const same = ex.data.every((r, i) => (r.toNumber() === float[i] && String(float[i]).length <= 8) || isShortDecimal(r.toString()));
      if (!same) v = { text: `${exact} ≈ ${v.text}`, latex: `${exactLatex(exact)} \\approx ${v.latex}` };
    }
  }
  const out = printForms(d, v, total);
  if (exact !== undefined) out.exact = exact;
  hide(out, DERIVATION, d);
  return out;
}

/**
 * the longest exact entry shown (27/4000 and −7057/2000 are; 4102223949811441/16384000000000000, a fourth power of
 * decimals, is no easier to read than its 0.25038, which it would only precede)
 */
const MAX_EXACT_CHARS = 16;

/** an index with a step that does not move with t (h_3, h_T, h_0) */
const fixedIdx = (idx: Idx | null): boolean => idx !== null && !idxVars(idx).includes('t');

/** Every form of a derivation, printed (v: the value strings each form ends with). */
function printForms(d: Derivation, v: ValueStrings | null, total: boolean): DeriveForms {
  const out: DeriveForms = { best: { text: '', latex: '' } };
  // the forms print many of the same subexpressions at the same steps: one memo per print option
  withSharedPrints(() => {
    if (!total) {
      out.explicit = explicitForm(d, v, d.immediate, true);
      out.best = out.explicit!;
    } else {
      out.chain = chainForm(d, v);
      out.explicit = explicitForm(d, v, d.explicit);
      // with no recurrent state in between, the δ form would only repeat the chain form
      if (!out.chain || d.recursive?.lines.length) out.recursive = recursiveForm(d, v);
      out.factored = factoredForm(d, v);
      out.best = out.chain && out.chain.text.length <= 900 ? out.chain : (out.recursive ?? out.explicit ?? out.chain!);
    }
  }, d.b);
  for (const k of ['chain', 'explicit', 'recursive', 'factored'] as const) if (out[k] === undefined) delete out[k];
  return out;
}

// ---- a long horizon derived on a short proxy (horizon.ts) ----------------------------------------

interface Stretched {
  d: Derivation;
  h: Horizon;
  /** one evaluation per value source: the forms share their per-step values */
  bySrc: WeakMap<object, { sv: StretchedValues; general?: Float64Array; recursive?: Float64Array }>;
}

function stretchedValue(s: Stretched, kind: FormKind, leaf: LeafValues, src?: object): Tensor {
  let e = src ? s.bySrc.get(src) : undefined;
  if (!e) {
    e = { sv: new StretchedValues(s.d, s.h, leaf) };
    if (src) s.bySrc.set(src, e);
  }
  let data: Float64Array;
  if (kind === 'recursive') data = e.recursive ??= e.sv.recursive();
  else if (kind === 'chain' || kind === 'explicit') data = e.general ??= e.sv.general();
  else throw new Error(`evaluateForm: no ${kind} form`);
  const shape = resultShape(s.d);
  if (data.length !== size(shape)) throw new Error(`form evaluates to ${data.length} entries, expected ${size(shape)}`);
  return { shape, data: Float64Array.from(data) };
}

const sameForm = (a?: Form, b?: Form): boolean => a?.text === b?.text && a?.latex === b?.latex;

/**
 * ∂of/∂wrt for an untimed `of` and wrt (∂L/∂W_hh) on a network uniform over its steps, derived on a proxy
 * horizon of a few steps: null when the network is not such (then the real horizon is derived). The
 * forms are the proxy's printed with the real steps; a second proxy, its middle step one further from
 * either end, must print the same.
 */
function deriveStretched(
  model: Model,
  ofName: string,
  wrt: string,
  values: ValueSource | undefined,
  leaf: () => LeafValues,
): DeriveForms | null {
  if (polynomialModel(model)) return null;
  const h = horizonFor(model);
  if (!h) return null;
  try {
    const d = derive(proxyOf(model, h), { ref: { name: ofName, step: null } }, { name: wrt, step: null }, true);
    if (d.zero || !d.recursive || d.chain || d.explicit) return null;
    const s: Stretched = { d, h, bySrc: new WeakMap() };
    const shape = resultShape(d);
    const lv = leaf();
    const val = stretchedValue(s, 'recursive', lv, values);
    // the general chain's value too (kept for evaluateForm): a proxy that cannot give it falls back here
    // rather than dropping the chain and explicit forms later
    if (d.general) stretchedValue(s, 'chain', lv, values);
    const ps = printedShape(d, shape);
    const v: ValueStrings = { text: valueText(val, ps, false), latex: valueText(val, ps, true) };
    const out = withStepMap(
      (x) => realStep(h, x),
      () => printForms(d, v, true),
    );
    if (out.factored) return null;
    // a second proxy with one more step kept at the start and one more at the end: a middle step still
    // touched by either end prints a step differently in one of the two
    const h2: Horizon = { ...h, L: h.L + 1, Tp: h.Tp + 2, delta: h.delta - 2 };
    const d2 = derive(proxyOf(model, h2), { ref: { name: ofName, step: null } }, { name: wrt, step: null }, true);
    if (d2.zero || !d2.recursive || d2.chain || d2.explicit) return null;
    const out2 = withStepMap(
      (x) => realStep(h2, x),
      () => printForms(d2, v, true),
    );
    for (const k of ['chain', 'explicit', 'recursive', 'factored', 'best'] as const) if (!sameForm(out[k], out2[k])) return null;
    if (!searchesAgree(h, d.searches) || !searchesAgree(h2, d2.searches)) return null;
    hide(out, DERIVATION, d);
    hide(out, STRETCHED, s);
    return out;
  } catch (e) {
    if (e instanceof LimitError) throw e;
    // anything the proxy cannot stand for is derived on the real horizon
    return null;
  }
}

/** ∂⁺NAME_t/∂wrt symbolically in terms of the free t, e.g. "σ′(W_xh x_t + W_hh h_{t-1} + b_h) W_hh". */
export function partialForm(model: Model, quantity: string, wrt: { name: string; idx: Idx | null }): Form {
  const q = model.quantities.get(quantity);
  if (!q) throw new Unsupported(`${quantity} is not a quantity`);
  const anchor = q.timed ? model.T : null;
  const b = new Builder();
  const U = new Unrolled(model, b);
  U.substituteConstants = false;
  const eq = U.equation(quantity, anchor);
  // a name written without a step: a shared parameter or an untimed quantity (no step), else the step of the equation
  const decl = model.decls.get(wrt.name);
  const timedName = decl ? decl.kind !== 'param' || decl.perStep : (model.quantities.get(wrt.name)?.timed ?? false);
  const wstep = wrt.idx === null ? (timedName ? anchor : null) : stepOf(wrt.idx, anchor);
  const leaf = U.ref(wrt.name, wstep, false);
  const J = new Rules(b).jacobian(eq, leaf);
  const p = mkPrinters({ anchor: anchor ?? undefined, inline: { pre: true } });
  if (!J) return { text: '0', latex: '0' };
  return { text: p.text.str(J), latex: p.latex.str(J) };
}

/**
 * Step t's form of a free-t derive without its value, relative to t and with its own numbers, from the
 * kinds `use` allows (those that evaluated back); null where none applies or the forms were derived on a
 * proxy horizon.
 */
export function stepForms(forms: DeriveForms, t: number, use: StepKinds): StepForms | null {
  const d = derivationOf(forms);
  if (!d || stretchedOf(forms)) return null;
  return withSharedPrints(() => {
    const rel = stepForm(d, t, use);
    const con = rel && stepForm(d, undefined, use);
    if (!rel || !con) return null;
    return { relative: stepRowsForm(rel), concrete: stepRowsForm(con), over: (from, to) => stepRowsForm(rel, [from, to]) };
  }, d.b);
}

/** stepColumn's value at a run's values (null where these forms have no such column), for the step's general line */
export function evaluateStepColumn(forms: DeriveForms, run: ValueSource): Tensor | null {
  const d = derivationOf(forms);
  const n = d && !stretchedOf(forms) ? stepColumn(d) : null;
  return n && evaluateNode(d!, n, leafValues(run), run);
}

/** Evaluate one of the forms back numerically at a run's values. */
export function evaluateForm(forms: DeriveForms, kind: FormKind, run: ValueSource): Tensor {
  const s = stretchedOf(forms);
  if (s) return stretchedValue(s, kind, leafValues(run), run);
  const d = derivationOf(forms);
  if (!d) throw new Error('evaluateForm: these forms did not come from deriveForms');
  if (d.zero) return { shape: resultShape(d), data: new Float64Array(size(resultShape(d))) };
  const n = formNode(d, kind);
  if (!n) throw new Error(`evaluateForm: no ${kind} form`);
  return evaluateNode(d, n, leafValues(run), run);
}

/**
 * The two sides of the recursion a free-t derive's general line is written with (forms.ts stepRecursion),
 * evaluated at a run's values, and the two sides of each companion line (∂c_t/∂W beside ∂h_t/∂W, whose value
 * the main line's own goes through); null where these forms have none (or were derived on a proxy horizon).
 */
export function evaluateRecursion(forms: DeriveForms, run: ValueSource): { main: Tensor[]; companions: [Tensor, Tensor][] } | null {
  const d = derivationOf(forms);
  const rec = d && stepRecursion(d);
  if (!d || !rec || stretchedOf(forms)) return null;
  const leaf = leafValues(run);
  // the main line's evaluator: the companion's chain side is the definition its symbol was just evaluated through
  const ev = evaluatorFor(d, run, leaf);
  return {
    main: [evaluateNode(d, rec.chain, leaf, run), evaluateNode(d, rec.explicit, leaf, run)],
    companions: rec.companions.map((c) => [ev.value(c.chain), ev.value(c.explicit)]),
  };
}

/** The proxy horizon these forms were derived on (horizon.ts), or null (derived on the real one). */
export function proxyHorizon(forms: DeriveForms): { T: number; Tp: number } | null {
  const s = stretchedOf(forms);
  return s ? { T: s.h.T, Tp: s.h.Tp } : null;
}

/** For the benchmark: derive every form of ∂of/∂wrt and report the time and printed size. */
export function benchDerive(
  model: Model,
  of: Expr,
  wrt: { name: string; idx: Idx | null },
  t: number | null = null,
  values?: ValueSource,
  opts: { fullHorizon?: boolean } = {},
): { ms: number; chars: number; nodes: number } {
  const t0 = performance.now();
  const f = deriveForms(model, of, wrt, true, t, values, opts);
  const ms = performance.now() - t0;
  const chars =
    (f.chain?.text.length ?? 0) +
    (f.explicit?.text.length ?? 0) +
    (f.recursive?.text.length ?? 0) +
    (f.chain?.latex.length ?? 0) +
    (f.explicit?.latex.length ?? 0) +
    (f.recursive?.latex.length ?? 0);
  return { ms, chars, nodes: derivationOf(f)!.b.count };
}

/** The header of a derivative as printed (∂L/∂W_hh), for callers that build their own lines. */
export function derivativeLabel(forms: DeriveForms): Form | null {
  const d = derivationOf(forms);
  if (!d) return null;
  const p = mkPrinters({});
  return { text: p.text.label(headerLabel(d)), latex: p.latex.label(headerLabel(d)) };
}
