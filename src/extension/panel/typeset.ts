// The panel's formulas, typeset in the extension host (issue 13: a cold open carried KaTeX — 270 KB of
// the page's 320 KB — into the webview and typeset there, after the page had loaded). KaTeX runs here with
// the page's locked-down options (trust off: no \href, \url, \includegraphics, \html*), into a stand-in
// document that records the nodes KaTeX would create; the result travels as plain data (MathTree), and
// the page builds it with createElement / createTextNode from allow-lists (src/webview/math.ts) — no
// markup is ever parsed, on either side. Pure: no 'vscode' import (unit-tested, and used by the bench).

import katex from 'katex';
import type { MathEl, MathTree, TypesetFormula } from '../../protocol';
import type { CursorContext } from '../../protocol';
import type { DeriveReport, DeriveResult, Report } from '../../report';
import { firstLayoutFormulas, generalLayout, pickResult, resultLayout, type Formula } from '../../display/compactForm';
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
 * An element of the stand-in document: a MathEl (the plain data the page receives) whose prototype has
 * what KaTeX's toNode() calls on a real element — className, style, setAttribute, appendChild — writing
 * into MathEl's own fields. One type for both: plain() keeps the own fields and drops the prototype.
 */
type StandInElement = MathEl & ElementCalls;
interface ElementCalls {
  className: string;
  readonly style: Record<string, string>;
  setAttribute(name: string, value: unknown): void;
  appendChild(child: MathTree | StandInFragment): void;
}

const elementCalls: ElementCalls & ThisType<StandInElement> = {
  set className(c: string) {
    if (c) this.c = c;
    else delete this.c;
  },
  get className(): string {
    return this.c ?? '';
  },
  /** KaTeX assigns styles with Object.assign(node.style, …) and node.style.x = … */
  get style(): Record<string, string> {
    return (this.s ??= {});
  },
  setAttribute(name: string, value: unknown): void {
    (this.a ??= {})[name] = String(value);
  },
  appendChild(child: MathTree | StandInFragment): void {
    const kids = (this.k ??= []);
    if (child instanceof StandInFragment) kids.push(...child.k);
    else kids.push(child);
  },
};

function standInElement(tag: string, ns?: 's' | 'm'): StandInElement {
  const el = Object.create(elementCalls) as StandInElement;
  el.t = tag;
  if (ns) el.n = ns;
  return el;
}

class StandInFragment {
  k: MathTree[] = [];
  appendChild(child: MathTree | StandInFragment): void {
    if (child instanceof StandInFragment) this.k.push(...child.k);
    else this.k.push(child);
  }
}

const standInDocument = {
  createElement: (tag: string) => standInElement(tag),
  createElementNS: (ns: string, tag: string) => standInElement(tag, ns === SVG_NS ? 's' : ns === MATHML_NS ? 'm' : undefined),
  // a text node is its string (KaTeX only appends them)
  createTextNode: (text: string): string => String(text),
  createDocumentFragment: () => new StandInFragment(),
};

/** The stand-in's tree as plain data (MathEl), without the empty style objects KaTeX's Object.assign left. */
function plain(t: MathTree): MathTree {
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
    const built = (katex as unknown as { __renderToDomTree(l: string, o: object): { toNode(): MathTree | StandInFragment } })
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

/** The focused derive and its result, as src/webview's panel picks them (the derive under the cursor, else the first). */
function focusedResultOf(report: Report, cursor: CursorContext | null): { d: DeriveReport; r: DeriveResult | undefined } | null {
  // a check or a node under the cursor shows no derivation
  if (cursor && cursor.derive === null && (cursor.check !== null || cursor.node !== null)) return null;
  const d = report.derives[cursor?.derive ?? 0];
  return d ? { d, r: pickResult(d, cursor?.symbol?.step) } : null;
}

/**
 * The formulas a report's first render typesets at once: sent just before the report (or in the page
 * with it), so the page does not have to ask for them — the query, the first form (resultLayout), the value.
 */
export function firstFormulas(report: Report, cursor: CursorContext | null): Formula[] {
  const focus = focusedResultOf(report, cursor);
  if (!focus) return [];
  // a derive without a result shows its query alone
  if (!focus.r) return [{ latex: focus.d.queryLatex || focus.d.query, display: false }];
  // a free-t derive's general lines are shown above the step's own derivation, in the same first paint
  const general = generalLayout(focus.d).map((g) => g.formula);
  const [query, ...rest] = firstLayoutFormulas(resultLayout(focus.d, focus.r));
  return [query!, ...general, ...rest];
}

/**
 * The rest of what the focused derivation shows after its first paint — its other forms that are not
 * folded, and the chain-rule terms — sent after the report (in a task of its own), so that the page's
 * later typesetting usually finds them here instead of asking. Folded forms are typeset when opened (asked for).
 */
export function laterFormulas(report: Report, cursor: CursorContext | null): Formula[] {
  const focus = focusedResultOf(report, cursor);
  if (!focus?.r) return [];
  const out: Formula[] = [];
  for (const b of resultLayout(focus.d, focus.r).blocks) {
    if (b.kind !== 'form') continue;
    // the first form went ahead of the report; its terms (a chain form read first) did not
    if (!b.first && !b.folded) out.push({ latex: b.latex, display: true });
    if (b.terms) for (const t of chainTerms(focus.r) ?? []) out.push({ latex: t.latex, display: false });
  }
  return out;
}
