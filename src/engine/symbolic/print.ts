// Printers for the symbolic IR: Unicode text (h₂, W_hh, σ′, ∂L/∂h₂, ∂⁺h₁/∂W_xh, ⊙, ᵀ) for hovers and
// the terminal, and LaTeX that KaTeX typesets (\frac{\partial …}{\partial …}, h_{t-1}, \sigma', \odot,
// ^\top, \operatorname{diag}). Time indices print either as concrete steps or relative to an anchor
// step (h_{t-1}); the relative print is also how per-step lines are recognised as one general line.

import { Memo } from '../memo';
import { BoundedCache } from '../../display/boundedCache';
import { nameCharsLatex } from '../../display/latex';
import { nameOfKey, stepLabel } from '../../ids';
import { charge } from '../budget';
import type { Label, Node, NodeName } from './ir';

export interface PrintOpts {
  latex: boolean;
  /** print steps relative to this one (as `t`, `t-1`, …); undefined: concrete steps */
  anchor?: number;
  /** the letter for the anchor step: `t` (default) or `T` */
  anchorName?: string;
  /** print these named subexpressions by their definition rather than their name */
  inline?: { pre?: boolean; jac?: boolean; adj?: boolean };
}

const SUB = '₀₁₂₃₄₅₆₇₈₉';
const SUP = '⁰¹²³⁴⁵⁶⁷⁸⁹';
/** n's digits (a minus sign kept as it is) as sub- or superscript digits: a loop, as this runs for every printed step */
function digitsIn(n: number, table: string): string {
  const s = String(n);
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i) - 48;
    out += c >= 0 && c <= 9 ? table[c] : s[i];
  }
  return out;
}
const subDigits = (n: number): string => digitsIn(n, SUB);
const supDigits = (n: number): string => digitsIn(n, SUP);

/** Name characters as LaTeX: Greek letters as commands, a multi-letter word as one italic symbol. */
function latexWord(w: string, sub = false): string {
  if (!sub && /^[A-Za-z]{2,}$/.test(w)) return `\\mathit{${w}}`;
  return nameCharsLatex(w);
}

/** `W_hh` → base `W`, sub `hh`. */
function splitName(name: string): { base: string; sub: string | null } {
  const i = name.indexOf('_');
  return i < 0 ? { base: name, sub: null } : { base: name.slice(0, i), sub: name.slice(i + 1) };
}

/** A model key's name split into base and subscript, as text and as LaTeX (the LaTeX base undecorated). */
interface NameParts {
  base: string;
  sub: string | null;
  latexBase: string;
  latexSub: string | null;
}
// one entry per model key printed: the same few names are printed at every step of every form
const nameParts = new BoundedCache<NameParts>(4096);
function partsOf(key: string): NameParts {
  const hit = nameParts.get(key);
  if (hit) return hit;
  const { base, sub } = splitName(nameOfKey(key));
  return nameParts.set(key, { base, sub, latexBase: latexWord(base), latexSub: sub === null ? null : latexWord(sub, true) });
}

// A print is a pure function of the node and the options. Forms print the same subexpressions relative
// to the same step many times (each per-step item is printed to see whether the items print alike, then
// the where-rows of two forms again): within withSharedPrints, printers with equal options share one memo.
// Node ids are per Builder, so the scope is one derivation's printing.
let sharedMemos: Map<string, Map<number, Printed>> | null = null;
/** the current printing, numbered: a stored print marked with it counts as printed in this printing */
let sharedScope = 0;
let scopes = 0;

/** A printed node with its precedence, and the nodes its print printed directly (ids; kept with a store). */
interface Printed {
  s: string;
  p: number;
  deps?: number[];
  /** with a store: the printing (withSharedPrints scope) that last printed or adopted it */
  scope?: number;
}

// Across the printings of one Builder's derivations (the steps of a free-t derive, the derives of a file
// with { forms: true }), the same nodes are printed again: a store per Builder and options keeps their
// prints. A print taken from the store is charged as if printed (charge(4) for it and for every node its
// print printed that this printing has not), so a derivation's operation count — which decides whether
// its forms are given — is what it was without the store.
type Store = Map<string, Map<number, Printed>>;
const stores = new Memo<object, Store>();
let sharedStore: Store | null = null;
let storesOn = true;
/** Keep prints per Builder (the default) or not: the tests compare what both print and charge. */
export function keepPrints(on: boolean): void {
  storesOn = on;
}
/** the direct prints of the node being printed (recorded when a store is kept) */
let recording: number[] | null = null;
/** and the printers themselves, by the same key (printerOf): a form asks for one per step it prints */
let sharedPrinters: Map<string, Printer> | null = null;
/** the printers with no options but an anchor (undefined: NO_ANCHOR, a small integer no step is), by it */
const NO_ANCHOR = -(2 ** 30);
let sharedByStep: { text: Map<number, Printer>; latex: Map<number, Printer> } | null = null;
/** the printers of a store's printings (withSharedPrints) */
const printersOf = new Memo<Store, { all: Map<string, Printer>; byStep: { text: Map<number, Printer>; latex: Map<number, Printer> } }>();

/** The options' key: printers with equal keys print every node alike. */
function optionsKey(o: Omit<PrintOpts, 'latex'>, latex: boolean): string {
  const i = o.inline;
  return `${latex ? 1 : 0}|${o.anchor ?? ''}|${o.anchorName ?? ''}|${i?.pre ? 1 : 0}${i?.jac ? 1 : 0}${i?.adj ? 1 : 0}`;
}

/** A printer with these options: within withSharedPrints the one already made, else a new one. */
export function printerOf(o: Omit<PrintOpts, 'latex'>, latex: boolean): Printer {
  if (!sharedPrinters) return new Printer({ ...o, latex });
  // most printers differ only in their anchor step: found by it without building the options' key
  const plain = o.inline === undefined && o.anchorName === undefined;
  const byStep = plain ? (latex ? sharedByStep!.latex : sharedByStep!.text) : null;
  const step = o.anchor ?? NO_ANCHOR;
  if (byStep) {
    const hit = byStep.get(step);
    if (hit) return hit;
  }
  const k = optionsKey(o, latex);
  let p = sharedPrinters.get(k);
  if (!p) sharedPrinters.set(k, (p = new Printer({ ...o, latex }, k)));
  byStep?.set(step, p);
  return p;
}

// A derivation written on a shorter proxy horizon (horizon.ts) prints its concrete steps as the steps of the
// real horizon: the steps near the end are moved by the difference. Relative steps (t-1) never move.
let stepMap: ((s: number) => number) | null = null;

/** A concrete step as printed: through the step map of the enclosing withStepMap, if any. */
export function shownStep(s: number): number {
  return stepMap ? stepMap(s) : s;
}

/** Run f with every concrete step printed through `map` (a proxy horizon's steps as the real ones). */
export function withStepMap<T>(map: ((s: number) => number) | null, f: () => T): T {
  const outer = stepMap;
  stepMap = map;
  try {
    return f();
  } finally {
    stepMap = outer;
  }
}

/**
 * Run f with printers of equal options sharing their memo (nodes of one Builder only). `builder`: the
 * Builder of the nodes printed, whose store of prints f reads and adds to (not when steps are printed
 * through a step map: those prints hold the map's steps).
 */
export function withSharedPrints<T>(f: () => T, builder?: object): T {
  const outer = sharedMemos;
  const outerPrinters = sharedPrinters;
  const outerByStep = sharedByStep;
  const outerStore = sharedStore;
  const outerScope = sharedScope;
  sharedMemos = outer ?? new Map();
  if (!outer) sharedScope = ++scopes;
  if (!outer) {
    const keep = builder && storesOn && !stepMap ? builder : null;
    let st = keep ? stores.get(keep) : undefined;
    if (keep && !st) stores.set(keep, (st = new Map()));
    sharedStore = st ?? null;
    // with a store, the printers too are the Builder's: a printer holds nothing of one printing (which
    // prints are this printing's is the scope's mark), so the next printing of its nodes takes them as they are
    let ps = st ? printersOf.get(st) : undefined;
    if (st && !ps) printersOf.set(st, (ps = { all: new Map(), byStep: { text: new Map(), latex: new Map() } }));
    sharedPrinters = ps?.all ?? new Map();
    sharedByStep = ps?.byStep ?? { text: new Map(), latex: new Map() };
  }
  try {
    return f();
  } finally {
    sharedMemos = outer;
    sharedScope = outerScope;
    sharedPrinters = outerPrinters;
    sharedByStep = outerByStep;
    sharedStore = outerStore;
  }
}

// A name's base with a tilde (preactivation) or bar (adjoint): NFC gives õ, ū as one character where
// Unicode has one (h̃ stays h + combining tilde). Normalising is slow next to the rest of a name, and the
// same few bases are decorated at every step: kept per base.
const decorated = new BoundedCache<string>(1024);
function textMark(b: string, mark: string): string {
  const key = b + mark;
  return (
    decorated.get(key) ??
    decorated.set(
      key,
      onStem(b, (x) => (x + mark).normalize('NFC')),
    )
  );
}
/** the accent on a name's letter, not on a superscript that is part of the name (h̃^{(2)} of h^{(2)}: superscriptNames.ts) */
function onStem(b: string, accent: (stem: string) => string): string {
  const sup = b.indexOf('^{');
  return sup > 0 ? accent(b.slice(0, sup)) + b.slice(sup) : accent(b);
}
const textTilde = (b: string): string => textMark(b, '\u0303');
/** does a name's base carry an accent already (c̃, ŷ, ō: a combining mark, precomposed or not)? */
const accentedBases = new BoundedCache<boolean>(1024);
function hasAccent(b: string): boolean {
  return accentedBases.get(b) ?? accentedBases.set(b, /[\u0300-\u036f]/.test(b.normalize('NFD')));
}
const textBar = (b: string): string => textMark(b, '\u0304');
const latexTilde = (b: string): string => onStem(b, (x) => `\\tilde{${x}}`);
const latexBar = (b: string): string => onStem(b, (x) => `\\bar{${x}}`);

/** functions' names as text and as LaTeX (one table, not one built per call) */
const FN_NAMES: Record<string, [string, string]> = {
  sigma: ['σ', '\\sigma'],
  dsigma: ['σ′', "\\sigma'"],
  tanh: ['tanh', '\\tanh'],
  dtanh: ['tanh′', "\\tanh'"],
  relu: ['relu', '\\operatorname{relu}'],
  drelu: ['relu′', "\\operatorname{relu}'"],
  exp: ['exp', '\\exp'],
  log: ['log', '\\log'],
  sign: ['sign', '\\operatorname{sign}'],
  softmax: ['softmax', '\\operatorname{softmax}'],
  sumall: ['sum', '\\operatorname{sum}'],
  mean: ['mean', '\\operatorname{mean}'],
  diag: ['diag', '\\operatorname{diag}'],
  vecop: ['vec', '\\operatorname{vec}'],
};

export class Printer {
  /** this printing's prints (without a store: with one, a stored print marked with the scope is one) */
  private memo: Map<number, Printed> | null = null;
  /** prints of earlier printings with these options (withSharedPrints with a builder), or null */
  private store: Map<number, Printed> | null = null;
  /** `key`: optionsKey(o), when the caller has it */
  constructor(
    readonly o: PrintOpts,
    key?: string,
  ) {
    if (sharedMemos) {
      const k = key ?? optionsKey(o, o.latex);
      if (sharedStore) {
        let st = sharedStore.get(k);
        if (!st) sharedStore.set(k, (st = new Map()));
        this.store = st;
      } else {
        let m = sharedMemos.get(k);
        if (!m) sharedMemos.set(k, (m = new Map()));
        this.memo = m;
      }
    } else this.memo = new Map();
  }

  /** A name with an optional step, e.g. h₂, h_{t-1}, W_hh (text) or h_{2}, W_{hh} (LaTeX). */
  name(key: string, step: number | null, abs = false, decorate?: (base: string) => string): string {
    const { base, sub, latexBase, latexSub } = partsOf(key);
    // a time index: concrete, or relative to the anchor (no object per name: this runs for every name printed)
    const rel = step !== null && this.o.anchor !== undefined && !abs;
    const shown = step === null || rel ? 0 : shownStep(step);
    const st = step === null ? null : rel ? this.relStep(step) : String(shown);
    if (!this.o.latex) {
      const b = decorate ? decorate(base) : base;
      const head = sub === null ? b : `${b}_${sub}`;
      if (st === null) return head;
      if (!rel) return head + subDigits(shown);
      // a step relative to the anchor prints as messages print it (s_c^t for a name with a subscript of its own)
      return stepLabel(head, st);
    }
    const lb = decorate ? decorate(latexBase) : latexBase;
    if (latexSub === null) return st !== null ? `${lb}_{${st}}` : lb;
    return st !== null ? `${lb}_{${latexSub},${st}}` : `${lb}_{${latexSub}}`;
  }

  /**
   * The preactivation of a name that already carries an accent (an LSTM's c̃_t, a GRU's h̃_t): a second tilde
   * (c̃̃_t) reads as a misprint, so it is a_{c̃,t} — Goodfellow's letter for a preactivation, the name as its
   * index. Null for a plain name (h̃_t).
   */
  private preOfAccented(q: string, step: number | null, mark: string): string | null {
    const { base, sub, latexBase } = partsOf(q);
    if (sub !== null || !hasAccent(base)) return null;
    const rel = step !== null && this.o.anchor !== undefined;
    const st = step === null ? null : rel ? this.relStep(step) : String(shownStep(step));
    const inner = this.o.latex ? latexBase : base;
    return `a${mark}_{${inner}${st === null ? '' : `,${st}`}}`;
  }

  /** a step relative to the anchor: t, t+1, t-2 (or T, T-1) */
  private relStep(step: number): string {
    const d = step - this.o.anchor!;
    const a = this.o.anchorName ?? 't';
    return d === 0 ? a : d > 0 ? `${a}+${d}` : `${a}-${-d}`;
  }

  nodeName(n: NodeName): string {
    if ('expr' in n) {
      const inner = this.print(n.expr);
      return inner.p >= 4 ? inner.s : this.o.latex ? `\\left(${inner.s}\\right)` : `(${inner.s})`;
    }
    return this.name(n.name, n.step);
  }

  label(l: Label): string {
    const L = this.o.latex;
    switch (l.kind) {
      case 'pre': {
        const mark = l.n === 0 ? '' : L ? `^{(${l.n + 1})}` : `⁽${supDigits(l.n + 1)}⁾`;
        const accented = this.preOfAccented(l.q, l.step, mark);
        if (accented !== null) return accented;
        // NFC: õ, ũ as one character where Unicode has one (h̃ stays h + combining tilde)
        const nm = this.name(l.q, l.step, false, L ? latexTilde : textTilde);
        if (!mark) return nm;
        return L ? nm.replace(/^(\\tilde\{[^}]*\})/, `$1${mark}`) : nm.replace(/^(\S+?\u0303)/, `$1${mark}`);
      }
      case 'adj':
        if (l.letter === 'delta') return this.name(L ? 'δ' : 'δ', l.step);
        return this.name(l.q, l.step, false, L ? latexBar : textBar);
      case 'jac': {
        const d = L ? '\\partial ' : '∂';
        const plus = l.plus ? (L ? '^{+} ' : '⁺') : '';
        const of = this.nodeName(l.of);
        const wrt = this.nodeName(l.wrt);
        return L ? `\\frac{${d.trim()}${plus ? plus : ' '}${of}}{${d}${wrt}}` : `${d}${plus}${of}/${d}${wrt}`;
      }
    }
  }

  /** The printed node with its precedence: 0 sum, 1 ⊙/⊗, 2 product, 3 postfix, 4 atom. */
  print(n: Node): { s: string; p: number } {
    if (!this.store) {
      const memo = this.memo!;
      const hit = memo.get(n.id);
      if (hit) {
        recording?.push(n.id);
        return hit;
      }
      const r = this.printNode(n);
      memo.set(n.id, r);
      return r;
    }
    recording?.push(n.id);
    const kept = this.store.get(n.id);
    if (kept) {
      // printed earlier in this printing (a memo hit), or in an earlier one: taken in, charged as printed
      if (kept.scope !== sharedScope) this.adopt(kept);
      return kept;
    }
    const outer = recording;
    const deps: number[] = [];
    recording = deps;
    let r: Printed;
    try {
      const x = this.printNode(n);
      r = { s: x.s, p: x.p, deps, scope: sharedScope };
    } finally {
      recording = outer;
    }
    this.store.set(n.id, r);
    return r;
  }

  /** A stored print taken into this printing: charged and marked as printNode would have been, with what it printed. */
  private adopt(kept: Printed): void {
    charge(4);
    kept.scope = sharedScope;
    for (const d of kept.deps!) {
      const dep = this.store!.get(d)!;
      if (dep.scope !== sharedScope) this.adopt(dep);
    }
  }

  str(n: Node): string {
    return this.print(n).s;
  }

  /** n as a factor of a product (bracketed when it is a sum); `loose`: a leading minus may stay. */
  factor(n: Node, loose = false): string {
    return this.at(n, loose ? 1 : 2);
  }

  private paren(s: string): string {
    return this.o.latex ? `\\left(${s}\\right)` : `(${s})`;
  }
  private at(n: Node, min: number): string {
    const r = this.print(n);
    return r.p >= min ? r.s : this.paren(r.s);
  }

  private numStr(v: number, coefficient = false): string {
    // a repeating decimal that is a small fraction (1/T of a mean, 1/3) as that fraction: 0.3333333333333333 is no
    // number a sheet writes
    const f = fraction(v);
    if (f) {
      const [n, d] = f;
      const sign = n < 0 ? (this.o.latex ? '-' : '−') : '';
      if (this.o.latex) return `${sign}\\frac{${Math.abs(n)}}{${d}}`;
      return coefficient ? `${sign}(${Math.abs(n)}/${d})` : `${sign}${Math.abs(n)}/${d}`;
    }
    const s = String(v);
    return this.o.latex ? s.replace(/e([+-]?\d+)$/, (_, e: string) => ` \\cdot 10^{${Number(e)}}`) : s.replace(/^-/, '−');
  }

  /** The terms of a sum, each with its sign, for printing and for breaking long sums into lines. */
  terms(n: Node): { neg: boolean; s: string }[] {
    const list = n.op === 'add' ? n.args : [n];
    return list.map((t) => {
      const neg = isNegative(t);
      return { neg, s: neg ? this.negated(t) : this.at(t, 1) };
    });
  }

  /** A negative term printed without its sign. */
  private negated(t: Node): string {
    if (t.op === 'num') return this.numStr(-t.num!);
    // t is a product with a negative leading coefficient
    const c = -t.args[0].num!;
    return this.product(c, t.args.slice(1));
  }

  joinTerms(ts: { neg: boolean; s: string }[]): string {
    const minus = this.o.latex ? '-' : '−';
    return ts.map((t, i) => (i === 0 ? (t.neg ? `${minus}${t.s}` : t.s) : `${t.neg ? ` ${minus} ` : ' + '}${t.s}`)).join('');
  }

  private isJac(n: Node): boolean {
    return n.op === 'sym' && n.label!.kind === 'jac' && !this.o.inline?.jac;
  }

  private product(coef: number, factors: readonly Node[]): string {
    const L = this.o.latex;
    // concatenated as it goes (no list of parts to join): every product of every form is printed here
    let body = '';
    let first = '';
    let prevJac = false;
    for (let i = 0; i < factors.length; i++) {
      const s = this.at(factors[i], 2);
      const jac = this.isJac(factors[i]);
      if (i === 0) body = first = s;
      else body += (jac || prevJac ? (L ? ' \\cdot ' : '·') : ' ') + s;
      prevJac = jac;
    }
    if (coef === 1) return body;
    if (coef === -1) return (L ? '-' : '−') + body;
    const c = this.numStr(coef, true);
    const glue = first.startsWith('(') || first.startsWith('\\left(') ? '' : L ? ' \\, ' : ' ';
    return c + (L && /^\d/.test(first) ? ' \\cdot ' : glue) + body;
  }

  private fnName(fn: string): string {
    return (FN_NAMES[fn] ?? [fn, `\\operatorname{${fn}}`])[this.o.latex ? 1 : 0];
  }

  private postfixBase(n: Node): string {
    const s = this.at(n, 3);
    return this.o.latex && /\^/.test(s) && !s.startsWith('\\left(') ? `{${s}}` : s;
  }

  private printNode(n: Node): { s: string; p: number } {
    charge(4);
    const L = this.o.latex;
    switch (n.op) {
      case 'num':
        return { s: this.numStr(n.num!), p: n.num! < 0 || fraction(n.num!) ? 2 : 4 };
      case 'zero':
        return { s: '0', p: 4 };
      case 'ones':
        // a row of ones is 𝟏ᵀ
        if (n.shape.length === 2 && n.shape[0] === 1) return { s: L ? '\\mathbf{1}^{\\top}' : '𝟏ᵀ', p: 3 };
        return { s: L ? '\\mathbf{1}' : '𝟏', p: 4 };
      case 'eye':
        return { s: L ? `I_{${n.shape[0]}}` : `I${subDigits(n.shape[0])}`, p: 4 };
      case 'leaf':
        return { s: this.name(n.name!, n.step ?? null, n.abs), p: 4 };
      case 'vec':
      case 'mat': {
        const items = n.args.map((a) => this.str(a));
        if (n.op === 'vec') return { s: L ? `\\begin{bmatrix}${items.join(' \\\\ ')}\\end{bmatrix}` : `[${items.join(', ')}]`, p: 4 };
        const c = n.shape[1];
        const rows: string[][] = [];
        for (let i = 0; i < items.length; i += c) rows.push(items.slice(i, i + c));
        return L
          ? { s: `\\begin{bmatrix}${rows.map((r) => r.join(' & ')).join(' \\\\ ')}\\end{bmatrix}`, p: 4 }
          : { s: `[${rows.map((r) => `[${r.join(', ')}]`).join(', ')}]`, p: 4 };
      }
      case 'add':
        return { s: this.joinTerms(this.terms(n)), p: 0 };
      case 'mul': {
        const hasCoef = n.args[0].op === 'num';
        const coef = hasCoef ? n.args[0].num! : 1;
        return { s: this.product(coef, hasCoef ? n.args.slice(1) : n.args), p: coef < 0 ? 1 : 2 };
      }
      case 'had':
        return { s: n.args.map((a) => this.at(a, 2)).join(L ? ' \\odot ' : ' ⊙ '), p: 1 };
      case 'kron':
        return { s: n.args.map((a) => this.at(a, 2)).join(L ? ' \\otimes ' : ' ⊗ '), p: 1 };
      case 'matmul': {
        // a chain of products prints flat (matrix products associate)
        const fs: Node[] = [];
        const flat = (x: Node): void => {
          if (x.op === 'matmul') x.args.forEach(flat);
          else fs.push(x);
        };
        flat(n);
        return { s: this.product(1, fs), p: 2 };
      }
      case 'T':
        return { s: this.postfixBase(n.args[0]) + (L ? '^{\\top}' : 'ᵀ'), p: 3 };
      case 'pow': {
        const e = n.args[1];
        const base = this.postfixBase(n.args[0]);
        if (L) return { s: `${base}^{${this.str(e)}}`, p: 3 };
        if (e.op === 'num' && Number.isInteger(e.num) && e.num! >= 0) return { s: base + supDigits(e.num!), p: 3 };
        return { s: `${base}^${this.at(e, 4)}`, p: 3 };
      }
      case 'div':
        if (L) return { s: `\\frac{${this.str(n.args[0])}}{${this.str(n.args[1])}}`, p: 4 };
        // below a product, so q₄ᵀ (y₄/q₄) keeps its brackets
        return { s: `${this.at(n.args[0], 3)}/${this.at(n.args[1], 3)}`, p: 1 };
      case 'call': {
        const a = this.str(n.args[0]);
        if (n.fn === 'abs') return { s: L ? `\\left|${a}\\right|` : `|${a}|`, p: 4 };
        if (n.fn === 'sqrt') return { s: L ? `\\sqrt{${a}}` : `√(${a})`, p: 4 };
        return { s: `${this.fnName(n.fn!)}${this.paren(a)}`, p: 4 };
      }
      case 'softmax':
      case 'sumall':
      case 'mean':
      case 'diag':
      case 'vecop':
        return { s: `${this.fnName(n.op)}${this.paren(this.str(n.args[0]))}`, p: 4 };
      case 'pick':
        return {
          s: L ? `\\left[${this.str(n.args[0])}\\right]_{${this.str(n.args[1])}}` : `${this.at(n.args[0], 3)}[${this.str(n.args[1])}]`,
          p: 3,
        };
      case 'basis':
        return { s: `e_{${this.str(n.args[0])}}`, p: 4 };
      case 'index': {
        const ij = n.j === null || n.j === undefined ? `${n.i}` : `${n.i},${n.j}`;
        return { s: L ? `\\left[${this.str(n.args[0])}\\right]_{${ij}}` : `${this.at(n.args[0], 3)}[${ij}]`, p: 3 };
      }
      case 'sym': {
        const l = n.label!;
        const inl = this.o.inline ?? {};
        if ((l.kind === 'pre' && inl.pre) || (l.kind === 'jac' && inl.jac && !l.named) || (l.kind === 'adj' && inl.adj))
          return this.print(n.def!);
        return { s: this.label(l), p: 4 };
      }
    }
  }
}

export function isNegative(t: Node): boolean {
  return (t.op === 'num' && t.num! < 0) || (t.op === 'mul' && t.args[0].op === 'num' && t.args[0].num! < 0);
}

/**
 * v as n/d with d ≤ 1000 when its shortest decimal is long (1/3, 2/7) and n/d is exactly v in floating point;
 * null for a short decimal (0.5, 0.25, 0.1 stay as written) or no such fraction
 */
export function fraction(v: number): [number, number] | null {
  if (Number.isInteger(v) || !Number.isFinite(v) || String(v).replace(/^-?0?\.?/, '').length <= 8) return null;
  for (let d = 2; d <= 1000; d++) {
    const n = Math.round(v * d);
    if (n !== 0 && n / d === v) return [n, d];
  }
  return null;
}
