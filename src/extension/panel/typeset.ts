// The panel's formulas, typeset in the extension host (issue 13: a cold open carried KaTeX — 270 KB of
// the page's 320 KB — into the webview and typeset there, after the page had loaded). KaTeX runs here with
// the page's locked-down options (trust off: no \href, \url, \includegraphics, \html*), into a stand-in
// document that records the nodes KaTeX would create; the result travels as plain data (MathTree), and
// the page builds it with createElement / createTextNode from allow-lists (src/webview/math.ts) — no
// markup is ever parsed, on either side. Pure: no 'vscode' import (unit-tested, and used by the bench).

import katex from 'katex';
import type { MathEl, MathTree, TypesetFormula } from '../../protocol';
import type { CursorContext } from '../../protocol';
import type { Report } from '../../report';
import { factoredFirst } from '../../display/forms';
import { valueLatex } from '../../display/number';
import { compactRecursion, FOLD_ROWS, formRows } from '../../display/compactForm';
import { chainTerms } from '../../protocol';

const OPTIONS = {
  throwOnError: true,
  trust: false,
  strict: 'ignore' as const,
  maxSize: 30,
  maxExpand: 1000,
  output: 'htmlAndMathml' as const,
};

const SVG_NS = 'http://www.w3.org/2000/svg';
const MATHML_NS = 'http://www.w3.org/1998/Math/MathML';

/**
 * An element of the stand-in document: what KaTeX's toNode() sets on a real one (className, style,
 * attributes, children), kept in MathEl's own fields. A class with plain fields: KaTeX creates thousands.
 */
class StandInElement {
  t: string;
  n?: 's' | 'm';
  c?: string;
  a?: Record<string, string>;
  s?: Record<string, string>;
  k?: MathTree[];
  constructor(tag: string, ns?: 's' | 'm') {
    this.t = tag;
    if (ns) this.n = ns;
  }
  set className(c: string) {
    if (c) this.c = c;
    else delete this.c;
  }
  get className(): string {
    return this.c ?? '';
  }
  /** KaTeX assigns styles with Object.assign(node.style, …) and node.style.x = … */
  get style(): Record<string, string> {
    return (this.s ??= {});
  }
  setAttribute(name: string, value: unknown): void {
    (this.a ??= {})[name] = String(value);
  }
  appendChild(child: MathTree | StandInFragment): void {
    const kids = (this.k ??= []);
    if (child instanceof StandInFragment) kids.push(...child.k);
    else kids.push(child);
  }
}

class StandInFragment {
  k: MathTree[] = [];
  appendChild(child: MathTree | StandInFragment): void {
    if (child instanceof StandInFragment) this.k.push(...child.k);
    else this.k.push(child);
  }
}

const standInDocument = {
  createElement: (tag: string) => new StandInElement(tag),
  createElementNS: (ns: string, tag: string) => new StandInElement(tag, ns === SVG_NS ? 's' : ns === MATHML_NS ? 'm' : undefined),
  // a text node is its string (KaTeX only appends them)
  createTextNode: (text: string): string => String(text),
  createDocumentFragment: () => new StandInFragment(),
};

/** The stand-in's tree as plain data (MathEl), without the empty style objects KaTeX's Object.assign left. */
function plain(t: MathTree | StandInElement): MathTree {
  if (typeof t === 'string') return t;
  const el: MathEl = { t: t.t };
  if (t.n) el.n = t.n;
  if (t.c) el.c = t.c;
  if (t.a) el.a = t.a;
  if (t.s) {
    let any = false;
    for (const k in t.s) {
      const v = t.s[k];
      if (v === undefined || v === '') delete t.s[k];
      else any = true;
    }
    if (any) el.s = t.s;
  }
  if (t.k && t.k.length) el.k = t.k.map(plain);
  return el;
}

/** Typeset one formula: its node tree, or KaTeX's message when the LaTeX does not parse. */
export function typesetFormula(latex: string, display: boolean): TypesetFormula {
  const g = globalThis as { document?: unknown };
  const had = Object.prototype.hasOwnProperty.call(g, 'document');
  const saved = g.document;
  try {
    // KaTeX builds its nodes with the global `document`: lend it the stand-in for this call only
    g.document = standInDocument;
    const built = (
      katex as unknown as { __renderToDomTree(l: string, o: object): { toNode(): MathTree | StandInElement | StandInFragment } }
    )
      .__renderToDomTree(latex, { ...OPTIONS, displayMode: display })
      .toNode();
    const trees = built instanceof StandInFragment ? built.k.map(plain) : [plain(built)];
    return { latex, display, tree: trees.length === 1 ? trees[0]! : { t: 'span', k: trees }, error: null };
  } catch (err) {
    return { latex, display, tree: null, error: err instanceof Error ? err.message : String(err) };
  } finally {
    if (had) g.document = saved;
    else delete g.document;
  }
}

export const formulaKey = (latex: string, display: boolean): string => `${display ? 'D' : 'I'}${latex}`;

/** Typeset formulas by (display, LaTeX), most recently used last, bounded by the LaTeX they hold. */
export class FormulaCache {
  private readonly map = new Map<string, TypesetFormula>();
  private chars = 0;
  constructor(private readonly maxChars = 4_000_000) {}

  get(latex: string, display: boolean): TypesetFormula {
    const key = formulaKey(latex, display);
    const hit = this.map.get(key);
    if (hit) {
      this.map.delete(key);
      this.map.set(key, hit);
      return hit;
    }
    const made = typesetFormula(latex, display);
    this.map.set(key, made);
    this.chars += latex.length;
    for (const [k, v] of this.map) {
      if (this.chars <= this.maxChars || k === key) break;
      this.map.delete(k);
      this.chars -= v.latex.length;
    }
    return made;
  }

  has(latex: string, display: boolean): boolean {
    return this.map.has(formulaKey(latex, display));
  }
}

type Formula = { latex: string; display: boolean };

/** The focused derivation's result, as src/webview's panel picks it (the derive under the cursor, else the first). */
function focusedResult(report: Report, cursor: CursorContext | null) {
  // a check or a node under the cursor shows no derivation
  if (cursor && cursor.derive === null && (cursor.check !== null || cursor.node !== null)) return null;
  const d = report.derives[cursor?.derive ?? 0];
  if (!d) return null;
  const step = cursor?.symbol?.step;
  const r = d.results.find((x) => step !== null && step !== undefined && x.t === step) ?? d.results[0];
  return { d, r };
}

/**
 * The formulas a report's first render typesets at once: sent just before the report, so the page does
 * not have to ask for them. They mirror what src/webview/derivation.ts renders first — the query, the
 * factored chain form when it is read first, else the compact δ-statement, else the first form; the value.
 */
export function firstFormulas(report: Report, cursor: CursorContext | null): Formula[] {
  const focus = focusedResult(report, cursor);
  if (!focus) return [];
  const { d, r } = focus;
  const out: Formula[] = [{ latex: d.queryLatex || d.query, display: false }];
  if (!r) return out;
  const forms = r.forms;
  const compact = factoredFirst(forms) ? null : compactRecursion(d, r);
  if (factoredFirst(forms)) out.push({ latex: forms!.factored!.latex, display: true });
  else if (compact) out.push({ latex: compact.latex, display: true });
  else {
    const first = forms?.chain ?? forms?.factored ?? forms?.explicit ?? forms?.recursive;
    out.push({ latex: first ? first.latex : r.latex, display: true });
  }
  out.push({ latex: valueLatex(r.value, 6), display: typeof r.value !== 'number' });
  return out;
}

/**
 * The rest of what the focused derivation shows after its first paint — its other forms that are not
 * folded, and the chain-rule terms — sent after the report (in a task of its own), so that the page's
 * later typesetting usually finds them here instead of asking. Folded forms are typeset when opened (asked for).
 */
export function laterFormulas(report: Report, cursor: CursorContext | null): Formula[] {
  const focus = focusedResult(report, cursor);
  if (!focus?.r) return [];
  const { d, r } = focus;
  const forms = r.forms;
  const factored = factoredFirst(forms) ? forms!.factored! : null;
  const compact = factored ? null : compactRecursion(d, r);
  const out: Formula[] = [];
  let any = factored !== null;
  for (const key of ['chain', 'factored', 'explicit', 'recursive'] as const) {
    const f = forms?.[key];
    if (!f || f === factored) continue;
    const first = !any && !compact;
    if (!first && formRows(f.latex) <= FOLD_ROWS) out.push({ latex: f.latex, display: true });
    any = true;
    if (key === 'chain') for (const t of chainTerms(r) ?? []) out.push({ latex: t.latex, display: false });
  }
  return out;
}
