// Turning a Derivation into printed forms: rows of equations (lhs = rhs = … = value) rendered as
// Unicode text and as KaTeX LaTeX (aligned, long sums broken one term per line). Per-step lines and
// per-step terms that print the same relative to their own step are collapsed into one general line
// (δ_t = … for t = 1..T−1) or one sum (Σ_{t=1}^{T} …): the relative print is a faithful print of
// each concrete expression, so equal prints mean equal expressions up to the shift of the step.

import type { Form } from '../../report';
import { size, type Builder, type Label, type Node, type NodeName } from './ir';
import { printerOf, shownStep, type Printer, type PrintOpts } from './print';
import { explicitOf, recurrentStates, type AdjLine, type Derivation, type Recursion, type StepItem } from './derive';
import type { GNode } from './graph';
import type { Tensor } from './evaluate';
import { breakTerm, latexChars } from './latexBreak';

export type Term = { neg: boolean; s: string };
export interface Row {
  lhs: string;
  /** successive right-hand sides: lhs = alt₁ = alt₂ = … */
  alts: Term[][];
  /** a range note such as "for t = 1..2" (text, LaTeX) */
  note?: [string, string];
}
export interface Both<T> {
  text: T;
  latex: T;
}

const TEXT_WIDTH = 100;

export function mkPrinters(o: Omit<PrintOpts, 'latex'>): Both<Printer> {
  return { text: printerOf(o, false), latex: printerOf(o, true) };
}

export function renderText(rows: Row[]): string {
  const out: string[] = [];
  for (const r of rows) {
    const alts = r.alts.map((a) => joinTerms(a, false));
    const note = r.note ? `   ${r.note[0]}` : '';
    const one = `${r.lhs} = ${alts.join(' = ')}${note}`;
    if (one.length <= TEXT_WIDTH) {
      out.push(one);
      continue;
    }
    const pad = ' '.repeat(Math.min(r.lhs.length + 1, 12));
    r.alts.forEach((a, i) => {
      const lead = i === 0 ? `${r.lhs} = ` : `${pad}= `;
      if (alts[i].length + lead.length <= TEXT_WIDTH) {
        out.push(lead + alts[i]);
        return;
      }
      a.forEach((t, k) => {
        if (k === 0) out.push(lead + (t.neg ? '−' : '') + t.s);
        else out.push(`${pad}  ${t.neg ? '−' : '+'} ${t.s}`);
      });
    });
    if (note) out[out.length - 1] += note;
  }
  return out.join('\n');
}

/**
 * Past this many characters of its text twin (lhs = side, and the range note), a LaTeX row's sum is broken
 * at its terms: typeset, a text character is about 6 px, and the panel's derivation pane is ~500 px wide
 * (issue 13: no line wider than the panel). The LaTeX source's own length says little about its width.
 */
export const LATEX_LINE_CHARS = 72;
/**
 * The lines of a term broken inside (latexBreak.ts) are held to fewer: a vector network's explicit terms
 * (diag(…), ⊙, 1ᵀ, no stacked fractions) typeset at ~7.1 px per character of the text twin, 508–532 px
 * for lines of 72–74 characters in the 496 px pane.
 */
const TERM_LINE_CHARS = 66;

export function renderLatex(rows: Row[], textRows?: Row[]): string {
  const lines = rows.map((r, i) => {
    const twin = textRows?.[i];
    const alts = r.alts.map((a, j) => {
      const t = twin?.alts[j];
      if (!t || t.length !== a.length) {
        const joined = joinTerms(a, true);
        if ((a.length === 2 && !t) || joined.length <= 160) return joined;
      } else if (
        // the text twin's width, from its terms' lengths (its joined line is not needed here)
        twin!.lhs.length + 3 + joinedLength(t) + (j === r.alts.length - 1 && twin!.note ? twin!.note[0].length + 3 : 0) <=
        LATEX_LINE_CHARS
      )
        return joinTerms(a, true);
      // the lines start after the lhs column (aligned at "="): a term still too wide is broken inside
      // (latexBreak.ts), its further lines indented past the sum's own
      const base = (twin ? twin.lhs.length : latexChars(r.lhs)) + 3;
      const indent = ' \\\\ &\\quad\\quad ';
      return a
        .map((t, k) => {
          const sign = k === 0 ? (t.neg ? '-' : '') : `${t.neg ? '-' : '+'} `;
          const lines = breakTerm(sign + t.s, k === 0 ? base : base + 2, base + 4, TERM_LINE_CHARS);
          return (k === 0 ? '' : '\\\\ &\\quad ') + lines.join(indent);
        })
        .join(' ');
    });
    const note = r.note ? ` \\quad ${r.note[1]}` : '';
    return `${r.lhs} &= ${alts.join(' \\\\ &= ')}${note}`;
  });
  return `\\begin{aligned}${lines.join(' \\\\ ')}\\end{aligned}`;
}

/** joinTerms(ts, false).length: a sign '−' is one character, ' + ' and ' − ' three */
function joinedLength(ts: Term[]): number {
  let n = 0;
  for (let i = 0; i < ts.length; i++) n += ts[i].s.length + (i === 0 ? (ts[i].neg ? 1 : 0) : 3);
  return n;
}

function joinTerms(ts: Term[], latex: boolean): string {
  const minus = latex ? '-' : '−';
  return ts.map((t, i) => (i === 0 ? (t.neg ? minus : '') + t.s : `${t.neg ? ` ${minus} ` : ' + '}${t.s}`)).join('');
}

export function form(rows: Row[], latexRows: Row[]): Form {
  return { text: renderText(rows), latex: renderLatex(latexRows, rows) };
}

// ---- numbers -----------------------------------------------------------------------------------

export function numText(x: number, latex: boolean): string {
  if (Number.isNaN(x)) return latex ? '\\text{NaN}' : 'NaN';
  if (!Number.isFinite(x)) return latex ? (x > 0 ? '\\infty' : '-\\infty') : x > 0 ? '∞' : '−∞';
  const s = String(Number(x.toPrecision(6)));
  // (the replacements only where they apply: every entry of every value is written twice)
  if (!latex) return x < 0 ? `−${s.slice(1)}` : s;
  if (!s.includes('e')) return s;
  return s.replace(/e([+-]?\d+)$/, (_, e: string) => ` \\cdot 10^{${Number(e)}}`);
}

export function valueText(t: Tensor, shape: number[], latex: boolean): string {
  const xs = Array.from(t.data, (x) => numText(x, latex));
  if (shape.length === 0 || xs.length === 1) return xs[0];
  if (shape.length === 1) return latex ? `\\begin{bmatrix}${xs.join(' \\\\ ')}\\end{bmatrix}` : `[${xs.join(', ')}]`;
  if (shape.length === 3) return tensorText(xs, shape, latex);
  const c = shape[1];
  const rows: string[][] = [];
  for (let i = 0; i < xs.length; i += c) rows.push(xs.slice(i, i + c));
  return latex
    ? `\\begin{bmatrix}${rows.map((r) => r.join(' & ')).join(' \\\\ ')}\\end{bmatrix}`
    : `[${rows.map((r) => `[${r.join(', ')}]`).join(', ')}]`;
}

/** an n×m×k tensor (∂h_t/∂W_hh) as the list of its n matrices, as the number line prints it */
function tensorText(xs: string[], shape: number[], latex: boolean): string {
  const [, m, k] = shape as [number, number, number];
  const mats: string[] = [];
  for (let i = 0; i < xs.length; i += m * k) {
    const rows: string[][] = [];
    for (let j = i; j < i + m * k; j += k) rows.push(xs.slice(j, j + k));
    mats.push(
      latex
        ? `\\begin{bmatrix}${rows.map((r) => r.join(' & ')).join(' \\\\ ')}\\end{bmatrix}`
        : `[${rows.map((r) => `[${r.join(', ')}]`).join(', ')}]`,
    );
  }
  return latex ? `\\left[${mats.join(',\\ ')}\\right]` : `[${mats.join(', ')}]`;
}

export function exactLatex(s: string): string {
  const frac = (x: string): string => x.replace(/^(-?)(\d+)\/(\d+)$/, (_, m: string, n: string, d: string) => `${m}\\frac{${n}}{${d}}`);
  if (!s.startsWith('[')) return frac(s);
  const rows = s.startsWith('[[')
    ? (JSON.parse(s.replace(/(-?\d+\/\d+|-?\d+)/g, '"$1"')) as string[][])
    : [JSON.parse(s.replace(/(-?\d+\/\d+|-?\d+)/g, '"$1"')) as string[]];
  if (!s.startsWith('[[')) return `\\begin{bmatrix}${rows[0].map(frac).join(' \\\\ ')}\\end{bmatrix}`;
  return `\\begin{bmatrix}${rows.map((r) => r.map(frac).join(' & ')).join(' \\\\ ')}\\end{bmatrix}`;
}

// ---- grouping per-step items -------------------------------------------------------------------

interface Group {
  from: number | null;
  to: number | null;
  node: Node;
}

/** Runs of consecutive steps (stride ±1) whose items print alike relative to their own step. */
export function collapse(items: StepItem[], o: Omit<PrintOpts, 'latex' | 'anchor'>, key?: (it: StepItem) => string): Group[] {
  const groups: Group[] = [];
  let prevKey = '';
  for (const it of items) {
    const k = it.step === null ? null : key ? key(it) : printerOf({ ...o, anchor: it.step }, false).str(it.node);
    const g = groups[groups.length - 1];
    if (
      k !== null &&
      g &&
      g.to !== null &&
      it.step !== null &&
      prevKey === k &&
      Math.abs(it.step - g.to) === 1 &&
      (g.from === g.to || Math.sign(it.step - g.to) === Math.sign(g.to - g.from!))
    ) {
      g.to = it.step;
    } else groups.push({ from: it.step, to: it.step, node: it.node });
    prevKey = k ?? '';
  }
  return groups;
}

const rangeNote = (a: number, b: number): [string, string] => {
  const lo = shownStep(Math.min(a, b));
  const hi = shownStep(Math.max(a, b));
  if (lo === hi) return [`for t = ${lo}`, `\\text{for } t = ${lo}`];
  // a run of two or three steps is listed (`t = 1, 2`): `1, \dots, 2` promised steps between that are not there
  const steps = hi - lo <= 2 ? Array.from({ length: hi - lo + 1 }, (_, k) => lo + k).join(', ') : `${lo}, \\dots, ${hi}`;
  return [`for t = ${lo}..${hi}`, `\\text{for } t = ${steps}`];
};

/** A sum of per-step items, with runs written as Σ_{t=a}^{b}. */
export function sumTerms(items: StepItem[], o: Omit<PrintOpts, 'latex' | 'anchor'>): Both<Term[]> {
  // a sum commutes: gather each quantity's items (in order of first appearance) so their steps run
  const order = new Map<string, number>();
  for (const it of items) if (it.q !== undefined && !order.has(it.q)) order.set(it.q, order.size);
  const sorted = items
    .map((it, i) => ({ it, i }))
    .sort((x, y) => (order.get(x.it.q ?? '') ?? -1) - (order.get(y.it.q ?? '') ?? -1) || x.i - y.i)
    .map((x) => x.it);
  const groups = collapse(sorted, o);
  const text: Term[] = [];
  const latex: Term[] = [];
  for (const g of groups) {
    if (g.from === null || g.from === g.to) {
      const p = mkPrinters(o);
      text.push(...p.text.terms(g.node));
      latex.push(...p.latex.terms(g.node));
      continue;
    }
    const p = mkPrinters({ ...o, anchor: g.from });
    const lo = shownStep(Math.min(g.from, g.to!));
    const hi = shownStep(Math.max(g.from, g.to!));
    for (const [pr, out, latexMode] of [
      [p.text, text, false],
      [p.latex, latex, true],
    ] as const) {
      const ts = pr.terms(g.node);
      const sigma = latexMode ? `\\sum_{t=${lo}}^{${hi}} ` : `Σ_{t=${lo}}^{${hi}} `;
      if (ts.length === 1) out.push({ neg: ts[0].neg, s: sigma + ts[0].s });
      else out.push({ neg: false, s: sigma + (latexMode ? `\\left(${pr.joinTerms(ts)}\\right)` : `(${pr.joinTerms(ts)})`) });
    }
  }
  return { text, latex };
}

// ---- the forms ---------------------------------------------------------------------------------

function nodeName(g: Derivation['of']): NodeName {
  return g.kind === 'expr' ? { expr: g.eq! } : { name: g.name, step: g.step };
}

export function headerLabel(d: Derivation): Label {
  return { kind: 'jac', of: nodeName(d.of), wrt: nodeName(d.wrt), plus: !d.total };
}

/** a step's header: a side written at a fixed step (h_T in ∂h_T/∂h_t) printed with that step on its general line */
function stepHeaderLabel(d: Derivation): Label {
  const at = (g: Derivation['of'], fixed: boolean): NodeName =>
    fixed && g.kind !== 'expr' && g.step !== null ? { expr: d.b.leaf(g.name, g.step, g.leaf.shape, true) } : nodeName(g);
  return { kind: 'jac', of: at(d.of, d.fixed.of), wrt: at(d.wrt, d.fixed.wrt), plus: !d.total };
}

/** Named preactivations used by these nodes (not looking inside adjoint names), in first-use order. */
function preactivations(roots: Node[]): Node[] {
  return namedIn(roots, 'pre');
}

/**
 * The named subexpressions of this kind these nodes use, in first-use order, not looking inside adjoint names
 * or named total derivatives (∂h_{t-1}/∂W of a forward recursion stands for itself: its insides are its own line's).
 */
function namedIn(roots: Node[], kind: 'pre' | 'adj'): Node[] {
  const seen = new Set<number>();
  const out: Node[] = [];
  const stack = [...roots].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (seen.has(n.id)) continue;
    seen.add(n.id);
    if (n.op === 'sym') {
      if (n.label!.kind === kind) out.push(n);
      const l = n.label!;
      if (l.kind !== 'adj' && !(l.kind === 'jac' && l.named)) stack.push(n.def!);
      continue;
    }
    for (let i = n.args.length - 1; i >= 0; i--) stack.push(n.args[i]);
  }
  return out;
}

/** "where h̃_t = W_xh x_t + W_hh h_{t-1} + b_h": the named preactivations, collapsed over steps. */
export function whereRows(roots: Node[]): Both<Row[]> {
  const pres = preactivations(roots);
  const byQ = new Map<string, Node[]>();
  for (const p of pres) {
    const l = p.label as Extract<Label, { kind: 'pre' }>;
    const k = `${l.q}#${l.n}`;
    // appended in place: copying the list per item was quadratic in T
    const list = byQ.get(k);
    if (list) list.push(p);
    else byQ.set(k, [p]);
  }
  const text: Row[] = [];
  const latex: Row[] = [];
  for (const list of byQ.values()) {
    list.sort((a, z) => ((a.label as { step: number | null }).step ?? 0) - ((z.label as { step: number | null }).step ?? 0));
    const items = list.map((p) => ({ step: (p.label as { step: number | null }).step, node: p }));
    const groups = collapse(items, {}, (it) => printerOf({ anchor: it.step! }, false).str(it.node.def!));
    for (const g of groups) {
      const anchor = g.from !== null && g.from !== g.to ? g.from : undefined;
      const p = mkPrinters({ anchor });
      const note = anchor !== undefined ? rangeNote(g.from!, g.to!) : undefined;
      // the first named subexpression opens the "where" list
      const first = text.length === 0;
      text.push({ lhs: (first ? 'where ' : '') + p.text.str(g.node), alts: [p.text.terms(g.node.def!)], note });
      latex.push({ lhs: (first ? '\\text{where } ' : '') + p.latex.str(g.node), alts: [p.latex.terms(g.node.def!)], note });
    }
  }
  return { text, latex };
}

export interface ValueStrings {
  text: string;
  latex: string;
}

function withValue(rows: Both<Row[]>, v: ValueStrings | null): Both<Row[]> {
  if (!v || !rows.text.length) return rows;
  const last = rows.text.length - 1;
  // a form that is its value already (∂L/∂c = 3) is not written twice (∂L/∂c = 3 = 3)
  const alts = rows.text[last].alts;
  const shown = alts[alts.length - 1];
  if (shown && joinTerms(shown, false) === v.text) return rows;
  rows.text[last].alts.push([{ neg: false, s: v.text }]);
  rows.latex[last].alts.push([{ neg: false, s: v.latex }]);
  return rows;
}

/**
 * The general Σ/∏ shape of the chain form, printed with the step names t, k, j — or null when some
 * step's factor does not print like the others (then no general line is claimed).
 */
export function generalTerms(d: Derivation, explicit: boolean, shownOut?: Node[]): Both<Term[]> | null {
  const g = d.general;
  if (!g || (g.tops.length < 2 && g.state === null)) return null;
  // the explicit shape prints each partial's definition, simplified as one product
  const shown = new Map<number, Node>();
  const show = (n: Node): Node => {
    if (!explicit) return n;
    let e = shown.get(n.id);
    if (!e) {
      shown.set(n.id, (e = explicitOf(d.b, n)));
      shownOut?.push(e);
    }
    return e;
  };
  // every step must print alike (checked on the text, which is built first); LaTeX prints one of them
  const one = (items: [number, Node][], name: string, latex: boolean, loose = false): string | null => {
    let out: string | null = null;
    for (const [step, n] of latex ? items.slice(0, 1) : items) {
      const s = printerOf({ anchor: step, anchorName: name }, latex).factor(show(n), loose);
      if (out !== null && s !== out) return null;
      out = s;
    }
    return out;
  };
  const build = (latex: boolean): string | null => {
    const multi = g.tops.length > 1;
    const lo = shownStep(g.tops[0].t);
    const hi = shownStep(g.tops[g.tops.length - 1].t);
    const isOne = (n: Node): boolean => n.op === 'num' && n.num === 1;
    const prefix = multi
      ? one(
          g.tops.map((x) => [x.t, x.prefix]),
          't',
          latex,
          true,
        )
      : printerOf({}, latex).factor(show(g.tops[0].prefix), true);
    if (prefix === null) return null;
    const sum = (v: string, a: number | string, b: number | string): string =>
      latex ? `\\sum_{${v}=${a}}^{${b}} ` : `Σ_{${v}=${a}}^{${b}} `;
    const dot = explicit ? ' ' : latex ? ' \\cdot ' : '·';
    const pre = isOne(g.tops[0].prefix) ? '' : prefix + dot;
    let body: string;
    if (g.state === null) body = prefix;
    else {
      const top = multi ? 't' : String(hi);
      const J = g.J.size ? one([...g.J.entries()], 'j', latex) : '';
      const P = one([...g.P.entries()], 'k', latex);
      if (J === null || P === null) return null;
      const prod = g.J.size ? (latex ? `\\left(\\prod_{j=k+1}^{${top}} ${J}\\right) ` : `(∏_{j=k+1}^{${top}} ${J}) `) : '';
      body = pre + sum('k', shownStep(g.k0), top) + prod + P;
    }
    return multi ? sum('t', lo, hi) + body : body;
  };
  const text = build(false);
  const latex = build(true);
  if (text === null || latex === null) return null;
  return { text: [{ neg: false, s: text }], latex: [{ neg: false, s: latex }] };
}

export function chainForm(d: Derivation, v: ValueStrings | null): Form | undefined {
  const general = generalTerms(d, false);
  if (!d.chain && !general) return undefined;
  const p = mkPrinters({});
  // a single edge is its own chain: show what it is instead of repeating the header
  const chain = d.chain && d.chain.op === 'sym' && d.explicit ? d.explicit : d.chain;
  const alts: Both<Term[][]> = { text: [], latex: [] };
  if (chain) {
    alts.text.push(p.text.terms(chain));
    alts.latex.push(p.latex.terms(chain));
  }
  if (general && (!chain || chain === d.chain)) {
    alts.text.push(general.text);
    alts.latex.push(general.latex);
  }
  const rows = withValue(
    {
      text: [{ lhs: p.text.label(headerLabel(d)), alts: alts.text }],
      latex: [{ lhs: p.latex.label(headerLabel(d)), alts: alts.latex }],
    },
    v,
  );
  if (chain && chain !== d.chain) {
    const w = whereRows([chain]);
    rows.text.push(...w.text);
    rows.latex.push(...w.latex);
  }
  return form(rows.text, rows.latex);
}

export function explicitForm(d: Derivation, v: ValueStrings | null, node: Node | null, inlinePre = false): Form | undefined {
  // beyond the chain form's size limit, the general Σ/∏ shape written out
  const shown: Node[] = [];
  const general = !node && d.general ? generalTerms(d, true, shown) : null;
  if (!node && !general) return undefined;
  const p = mkPrinters({ inline: { pre: inlinePre } });
  const rows = withValue(
    {
      text: [{ lhs: p.text.label(headerLabel(d)), alts: [node ? p.text.terms(node) : general!.text] }],
      latex: [{ lhs: p.latex.label(headerLabel(d)), alts: [node ? p.latex.terms(node) : general!.latex] }],
    },
    v,
  );
  if (!inlinePre) {
    const w = whereRows(node ? [node] : shown);
    rows.text.push(...w.text);
    rows.latex.push(...w.latex);
  }
  return form(rows.text, rows.latex);
}

function shapeNote(shape: number[], latex: boolean): string {
  if (size(shape) === 1) return '';
  if (latex) return ` \\in \\mathbb{R}^{${shape.join(' \\times ')}}`;
  const sup = (n: number): string => String(n).replace(/\d/g, (c) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(c)]);
  return ` ∈ ℝ${shape.map(sup).join('ˣ')}`;
}

export function recursiveForm(d: Derivation, v: ValueStrings | null): Form | undefined {
  const r = d.recursive;
  if (!r) return undefined;
  const text: Row[] = [];
  const latex: Row[] = [];
  // group the adjoint lines by quantity, each run of steps that prints alike as one general line
  const byQ = new Map<string, AdjLine[]>();
  for (const l of r.lines) {
    const list = byQ.get(l.q);
    if (list) list.push(l);
    else byQ.set(l.q, [l]);
  }
  const ofName = nodeName(d.of);
  for (const [q, lines] of byQ) {
    const shape = lines[0].sym.shape;
    // δ_t := ∂L/∂h_t, stated once
    const anyStep = lines.find((l) => l.step !== null)?.step ?? undefined;
    const pd = mkPrinters(anyStep === undefined ? {} : { anchor: anyStep });
    // the numerator is a fixed node (h₄ in δ_t = ∂h₄/∂h_t): print it with its own step
    const ofFixed: NodeName =
      'name' in ofName && ofName.step !== null ? { expr: d.b.leaf(ofName.name, ofName.step, (d.of.eq ?? d.of.leaf).shape, true) } : ofName;
    const defLabel: Label = { kind: 'jac', of: ofFixed, wrt: { name: q, step: anyStep ?? null }, plus: false };
    const adjLabel: Label = { kind: 'adj', q, step: anyStep ?? null, letter: r.letter };
    text.push({ lhs: pd.text.label(adjLabel), alts: [[{ neg: false, s: pd.text.label(defLabel) + shapeNote(shape, false) }]] });
    latex.push({ lhs: pd.latex.label(adjLabel), alts: [[{ neg: false, s: pd.latex.label(defLabel) + shapeNote(shape, true) }]] });
    const items = lines.map((l) => ({ step: l.step, node: l.sym }));
    const keyOf = new Map(lines.map((l) => [l.sym.id, l]));
    const groups = collapse(items, {}, (it) => {
      const l = keyOf.get(it.node.id)!;
      const pr = printerOf({ anchor: it.step! }, false);
      return `${pr.str(l.explicit)}|${l.chain ? pr.str(l.chain) : ''}`;
    });
    for (const g of groups) {
      const l = keyOf.get(g.node.id)!;
      const general = g.from !== null && g.from !== g.to;
      const p = mkPrinters(general ? { anchor: g.from! } : {});
      const note = general ? rangeNote(g.from!, g.to!) : undefined;
      for (const [pr, out] of [
        [p.text, text],
        [p.latex, latex],
      ] as const) {
        const alts: Term[][] = [];
        if (l.chain) alts.push(pr.terms(l.chain));
        alts.push(pr.terms(l.explicit));
        if (alts.length === 2 && pr.joinTerms(alts[0]) === pr.joinTerms(alts[1])) alts.pop();
        out.push({ lhs: pr.str(g.node), alts, note });
      }
    }
  }
  // the result: a sum over the consumers of wrt
  const ex = sumTerms(r.result, {});
  const alts: Both<Term[][]> = { text: [], latex: [] };
  if (r.resultChain) {
    const ch = sumTerms(r.resultChain, {});
    alts.text.push(ch.text);
    alts.latex.push(ch.latex);
  }
  if (!alts.text.length || joinTerms(alts.text[0], false) !== joinTerms(ex.text, false)) {
    alts.text.push(ex.text);
    alts.latex.push(ex.latex);
  }
  const p = mkPrinters({});
  text.push({ lhs: p.text.label(headerLabel(d)), alts: alts.text });
  latex.push({ lhs: p.latex.label(headerLabel(d)), alts: alts.latex });
  const rows = withValue({ text, latex }, v);
  const w = whereRows([...r.lines.map((l) => l.explicit), ...r.result.map((x) => x.node)]);
  rows.text.push(...w.text);
  rows.latex.push(...w.latex);
  return form(rows.text, rows.latex);
}

export function zeroForm(d: Derivation): Form {
  const p = mkPrinters({});
  return { text: `${p.text.label(headerLabel(d))} = 0`, latex: `${p.latex.label(headerLabel(d))} = 0` };
}

// ---- one step of a free-t derive, for its general line (LANGUAGE.md §5) ----------------------------

/** the kinds of a step's forms that may be used (those that evaluated back to the number) */
export interface StepKinds {
  chain: boolean;
  explicit: boolean;
  recursive: boolean;
  /** the recursion through a named total derivative (stepRecursion) */
  named: boolean;
  /** a gradient's pullback at a step with no later step to recurse through (stepColumn), evaluated back */
  column?: boolean;
}

/**
 * A gradient at a step with nothing after it to recurse through (∂L/∂h_T beside the general line ∂L/∂h_t =
 * W_hhᵀ(δ_{t+1} ⊙ …)): its explicit form as the column the general line and the recursive form's δ_T are —
 * W_phᵀ(ŷ_T − y_T), not the numerator layout's row (ŷ_T − y_T)ᵀ W_ph. Null where the step recurses, the explicit form
 * is no row, or no state of the network lies on its paths (∂L/∂o_t's every line is the row, as its chain side is)
 */
export function stepColumn(d: Derivation): Node | null {
  const r = d.recursive;
  const x = d.explicit;
  if (!d.total || !d.vjp || !x || !r || r.lines.length || x.shape.length !== 2 || x.shape[0] !== 1 || x.shape[1] === 1) return null;
  return stateOnPath(d) ? transposed(d.b, x) : null;
}

/** a recurrent state at wrt's own step lies on a path from wrt to of (h_T itself; b_T's p_T): other steps recurse there */
function stateOnPath(d: Derivation): boolean {
  if (!d.paths || d.wrt.step === null) return false;
  const states = recurrentStates(d.model);
  const seen = new Set<GNode>();
  const stack: GNode[] = [d.of];
  while (stack.length) {
    const n = stack.pop()!;
    if (seen.has(n)) continue;
    seen.add(n);
    if (n.kind === 'quantity' && n.step === d.wrt.step && states.has(n.name)) return true;
    for (const e of d.paths.live(n)) stack.push(e.dep);
  }
  return false;
}

/** nᵀ with the transpose carried into products and sums: ((ŷ − y)ᵀ V)ᵀ = Vᵀ(ŷ − y), (aᵀ)ᵀ = a */
function transposed(b: Builder, n: Node): Node {
  if (n.op === 'T') return n.args[0]!;
  if (n.op === 'matmul') return b.matmul(transposed(b, n.args[1]!), transposed(b, n.args[0]!));
  if (n.op === 'add') return b.add(...n.args.map((a) => transposed(b, a)));
  // a coefficient times a row, and entrywise products: each factor's own transpose ((1/3)(ŷ − y)ᵀ V, a scalar kept)
  if (n.op === 'mul') return b.mul(...n.args.map((a) => (a.shape.length ? transposed(b, a) : a)));
  if (n.op === 'had') return b.had(transposed(b, n.args[0]!), transposed(b, n.args[1]!));
  return b.T(n);
}

/**
 * The recursion a free-t derive's general line is written with, through a named total derivative: backward
 * from a numerator at a fixed step (∂h_T/∂h_t = ∂h_T/∂h_{t+1}·∂h_{t+1}/∂h_t, backward.ts), else forward
 * (∂h_t/∂W = ∂⁺h_t/∂W + ∂h_t/∂h_{t-1}·∂h_{t-1}/∂W, forward.ts); null where neither exists.
 */
export function stepRecursion(d: Derivation): Recursion | null {
  if (d.fixed.of) return d.backward;
  // a forward recursion names ∂h_{t-1}/∂W for one W on every line: not with a denominator that moves with t (∂c_t/∂c_{t-1})
  return d.wrt.step === null || d.fixed.wrt ? d.forward : null;
}

/** The adjoints (δ_{t+1}, h̄_{t+1}) these nodes use, in first-use order, not looking inside them. */
function adjointsIn(roots: Node[]): Node[] {
  return namedIn(roots, 'adj');
}

/** "where h̃_{t+1} = …": each named preactivation printed with these printers (no collapsing over steps: one step's form). */
function whereRowsWith(roots: Node[], p: Both<Printer>): Both<Row[]> {
  const text: Row[] = [];
  const latex: Row[] = [];
  const seen = new Set<string>();
  for (const pre of preactivations(roots)) {
    const lhs = p.text.str(pre);
    if (seen.has(lhs)) continue;
    seen.add(lhs);
    const first = text.length === 0;
    text.push({ lhs: (first ? 'where ' : '') + lhs, alts: [p.text.terms(pre.def!)] });
    latex.push({ lhs: (first ? '\\text{where } ' : '') + p.latex.str(pre), alts: [p.latex.terms(pre.def!)] });
  }
  return { text, latex };
}

/**
 * One step's form without its value: printed relative to `anchor` (h_{t-1}, the general line of a free-t
 * derive) or, with no anchor, with the step's own numbers (a boundary step's own line). Steps whose
 * relative prints are equal are the same expression shifted by the step (the relative print is faithful),
 * so one line written with t stands for all of them. With a δ-recursion, the step's own line of it
 * (∂L/∂h_t = … + δ_{t+1} …, with δ_{t+1} = ∂L/∂h_{t+1}): the whole recursion printed at step 1 and at
 * step 2 differs only in how many later lines it has. Null where no usable form exists (then the step
 * joins no general line).
 */
export function stepForm(d: Derivation, anchor: number | undefined, use: StepKinds): StepRows | null {
  const o = anchor === undefined ? {} : { anchor };
  const p = mkPrinters(o);
  const header = stepHeaderLabel(d);
  const head: Both<string> = { text: p.text.label(header), latex: p.latex.label(header) };
  if (d.zero)
    return {
      text: [{ lhs: head.text, alts: [[{ neg: false, s: '0' }]] }],
      latex: [{ lhs: head.latex, alts: [[{ neg: false, s: '0' }]] }],
      main: 0,
    };
  const text: Row[] = [];
  const latex: Row[] = [];
  const alts: Both<Term[][]> = { text: [], latex: [] };
  /** a side, unless it prints as the header or as the side before it */
  const side = (n: Node | Node[], pr: Both<Printer> = p): void => {
    const ns = Array.isArray(n) ? n : [n];
    const t = ns.flatMap((x) => pr.text.terms(x));
    const s = joinTerms(t, false);
    if (s === head.text || (alts.text.length && joinTerms(alts.text[alts.text.length - 1], false) === s)) return;
    alts.text.push(t);
    alts.latex.push(ns.flatMap((x) => pr.latex.terms(x)));
  };
  let roots: Node[] = [];
  const r = d.recursive;
  if (!d.total) {
    // ∂⁺: the immediate partial, its preactivations written out (as the per-step form does)
    if (!use.explicit || !d.immediate) return null;
    side(d.immediate, mkPrinters({ ...o, inline: { pre: true } }));
  } else if (use.named && stepRecursion(d)) {
    // a recursion through a named total derivative: the same line at every step but a boundary one
    const rec = stepRecursion(d)!;
    // the other states it names at this step, each on its own line first (∂c_t/∂W = …, then ∂h_t/∂W = …)
    for (const cp of rec.companions) {
      const sides = [cp.chain, cp.explicit];
      text.push({ lhs: p.text.str(cp.sym), alts: sides.map((n) => p.text.terms(n)) });
      latex.push({ lhs: p.latex.str(cp.sym), alts: sides.map((n) => p.latex.terms(n)) });
      roots.push(cp.explicit);
    }
    side(rec.chain);
    side(rec.explicit);
    roots.push(rec.explicit);
  } else if (use.recursive && r && r.lines.length) {
    const result = r.result.map((x) => x.node);
    roots = result;
    // each adjoint the step's line uses, defined: relative to the step once for every step (δ_t = ∂L/∂h_t,
    // of which δ_{t+1} is one), else at its own step (δ₃ = ∂L/∂h₃)
    const ofName = nodeName(d.of);
    // a numerator that moves with t (c_t in ∂c_t/∂c_{t-1}) defines each adjoint at its own step relative to t
    // (h̄_{t-1} = ∂c_t/∂h_{t-1}); a fixed one (L, h_T) once for every step (δ_t = ∂L/∂h_t)
    const ofMoves = anchor !== undefined && !d.fixed.of && 'name' in ofName && ofName.step !== null;
    const ofFixed: NodeName =
      'name' in ofName && ofName.step !== null && !ofMoves
        ? { expr: d.b.leaf(ofName.name, ofName.step, (d.of.eq ?? d.of.leaf).shape, true) }
        : ofName;
    const defined = new Set<string>();
    for (const a of adjointsIn(result)) {
      const l = a.label as Extract<Label, { kind: 'adj' }>;
      const step = anchor !== undefined && l.step !== null && !ofMoves ? anchor : l.step;
      const adj: Label = { ...l, step };
      const def: Label = { kind: 'jac', of: ofFixed, wrt: { name: l.q, step }, plus: false };
      const lhs = p.text.label(adj);
      if (defined.has(lhs)) continue;
      defined.add(lhs);
      text.push({ lhs, alts: [[{ neg: false, s: p.text.label(def) }]] });
      latex.push({ lhs: p.latex.label(adj), alts: [[{ neg: false, s: p.latex.label(def) }]] });
    }
    // its chain side is the recursive form's own (shipped with it, whether or not the chain form is)
    if (r.resultChain) side(r.resultChain.map((x) => x.node));
    side(result);
  } else {
    const chain = use.chain ? d.chain : null;
    const explicit = use.explicit ? d.explicit : null;
    if (!chain && !explicit) return null;
    if (chain) side(chain);
    // (a gradient's last step: the column the general line is, stepColumn)
    const column = explicit && use.column ? stepColumn(d) : null;
    if (column) side(column);
    else if (explicit) side(explicit);
    roots = [column ?? explicit ?? chain!];
  }
  if (!alts.text.length) return null;
  const main = text.length;
  text.push({ lhs: head.text, alts: alts.text });
  latex.push({ lhs: head.latex, alts: alts.latex });
  const w = whereRowsWith(roots, p);
  text.push(...w.text);
  latex.push(...w.latex);
  return { text, latex, main };
}

/** a step's rows (stepForm); `main`: the row of the derivative itself */
export interface StepRows extends Both<Row[]> {
  main: number;
}

/** A step's rows printed, the derivative's own row noted with the run of steps it stands for (for t = 1..3). */
export function stepRowsForm(rows: StepRows, run?: [number, number]): Form {
  if (!run) return form(rows.text, rows.latex);
  const note = rangeNote(run[0], run[1]);
  const withNote = (rs: Row[]): Row[] => rs.map((r, i) => (i === rows.main ? { ...r, note } : r));
  return form(withNote(rows.text), withNote(rows.latex));
}
