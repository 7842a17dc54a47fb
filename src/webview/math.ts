// The panel's formulas. The page carries no KaTeX (issue 13: it was 270 KB of the 320 KB page, parsed on
// every cold open, and typesetting ran in the page): the extension host typesets the Report's LaTeX with
// KaTeX, trust off (src/extension/panel/typeset.ts), and sends each formula as a tree of plain data. Here
// that tree becomes DOM nodes through createElement / createTextNode only — no markup is parsed — and
// only from allow-lists of KaTeX's own tags, attributes and style properties: anything else and the
// formula is shown as its source text. Styles are set through the CSSOM, which the strict CSP allows.
//
// mathElement() returns at once: the formula if it is here, else a placeholder that is filled when the
// host's answer arrives (the request is batched per task). Tests and the bench install a synchronous
// source (the same host-side typesetter) with setMathSource.

import { MAX_TYPESET, type MathEl, type MathTree, type TypesetFormula } from '../protocol';
import { h, SVG_NS } from './dom';

const MATHML_NS = 'http://www.w3.org/1998/Math/MathML';

/** Where formulas come from: typeset at once (tests, bench), or asked for (the webview: a message to the host). */
export interface MathSource {
  typeset?(latex: string, display: boolean): TypesetFormula;
  request?(formulas: { latex: string; display: boolean }[]): void;
}

let source: MathSource = {};

export function setMathSource(s: MathSource): void {
  source = s;
}

// ---- allow-lists: what KaTeX (trust off) produces ------------------------------------------------

const HTML_TAGS = new Set(['span']);
const SVG_TAGS = new Set(['svg', 'path', 'line']);
const MATHML_TAGS = new Set(
  (
    'math semantics annotation mrow mi mn mo ms mtext mspace msup msub msubsup mfrac msqrt mroot mover munder munderover ' +
    'mtable mtr mtd mlabeledtr mpadded mphantom mstyle menclose merror'
  ).split(' '),
);
const ATTRS: Record<'h' | 's' | 'm', Set<string>> = {
  h: new Set(['aria-hidden']),
  s: new Set(['width', 'height', 'viewBox', 'preserveAspectRatio', 'd', 'x1', 'x2', 'y1', 'y2', 'stroke-width', 'style']),
  m: new Set(
    (
      'xmlns display encoding mathvariant stretchy fence separator lspace rspace columnalign rowalign rowspacing ' +
      'columnspacing columnlines rowlines frame framespacing displaystyle scriptlevel linethickness accent accentunder ' +
      'minsize maxsize symmetric movablelimits notation width height depth voffset mathcolor mathbackground largeop form side'
    ).split(' '),
  ),
};
/** a style property KaTeX sets (camelCase) and a value that cannot fetch anything */
const STYLE_KEY = /^[a-zA-Z]{1,40}$/;
const SAFE_VALUE = (v: string): boolean => v.length <= 200 && !/url\(|expression|\\|[<>@]/i.test(v);

class Refused extends Error {}

function build(doc: Document, t: MathTree): Node {
  if (typeof t === 'string') return doc.createTextNode(t);
  const ns = t.n ?? 'h';
  const tags = ns === 's' ? SVG_TAGS : ns === 'm' ? MATHML_TAGS : HTML_TAGS;
  if (!tags.has(t.t)) throw new Refused(`tag ${t.t}`);
  const el = ns === 'h' ? doc.createElement(t.t) : doc.createElementNS(ns === 's' ? SVG_NS : MATHML_NS, t.t);
  if (t.c) el.setAttribute('class', t.c);
  for (const [k, v] of Object.entries(t.a ?? {})) {
    if (!ATTRS[ns].has(k)) throw new Refused(`attribute ${k}`);
    if (k === 'xmlns') continue; // createElementNS gave the namespace
    if (k === 'style') {
      // an SVG's width (KaTeX writes it as an attribute): set through the CSSOM, as the CSP requires
      if (!SAFE_VALUE(v)) throw new Refused('style');
      (el as HTMLElement).style.cssText = v;
      continue;
    }
    el.setAttribute(k, v);
  }
  const style = (el as HTMLElement).style;
  for (const [k, v] of Object.entries(t.s ?? {})) {
    if (!STYLE_KEY.test(k) || !SAFE_VALUE(v)) throw new Refused(`style ${k}`);
    (style as unknown as Record<string, string>)[k] = v;
  }
  for (const c of t.k ?? []) el.appendChild(build(doc, c));
  return el;
}

/** Fill a formula's holder: its nodes, or its source as text with KaTeX's message (class katex-error). */
function fill(doc: Document, holder: HTMLElement, f: TypesetFormula): void {
  while (holder.firstChild) holder.removeChild(holder.firstChild);
  holder.classList.remove('pending');
  let error = f.error;
  if (f.tree !== null) {
    try {
      holder.appendChild(build(doc, f.tree as MathEl));
      return;
    } catch (err) {
      while (holder.firstChild) holder.removeChild(holder.firstChild);
      error = `not shown (${err instanceof Refused ? err.message : String(err)} is not KaTeX's)`;
    }
  }
  holder.classList.add('katex-error');
  holder.setAttribute('title', error ?? 'not typeset');
  holder.appendChild(h(doc, 'code', {}, f.latex));
}

// ---- the page's formulas ---------------------------------------------------------------------------

const key = (latex: string, display: boolean): string => `${display ? 'D' : 'I'}${latex}`;

/**
 * Built formulas of this page, by (display, LaTeX), most recently used last: the panel re-renders its
 * derivation on every cursor move and edit, mostly with the same formulas, and a copy of the nodes is
 * cheaper than building them again. Bounded by the number of elements kept.
 */
const built = new Map<string, { doc: Document; node: HTMLElement; size: number }>();
let builtSize = 0;
let maxElements = 60000;
/** typeset formulas received and not built yet (sent ahead of the report that shows them) */
const received = new Map<string, TypesetFormula>();
/** placeholders waiting for a formula, by key */
const waiting = new Map<string, HTMLElement[]>();
/** asked for and not answered yet */
const asked = new Set<string>();
let batch: { latex: string; display: boolean }[] = [];

/** Forget every formula, and keep at most `max` built elements from now on (tests). */
export function clearMathCache(max = 60000): void {
  built.clear();
  builtSize = 0;
  maxElements = max;
  received.clear();
  waiting.clear();
  asked.clear();
  batch = [];
}

function holderFor(doc: Document, latex: string, display: boolean): HTMLElement {
  return h(doc, display ? 'div' : 'span', { class: display ? 'math display' : 'math', 'data-latex': latex });
}

function remember(k: string, doc: Document, holder: HTMLElement): void {
  const size = holder.getElementsByTagName('*').length + 1;
  if (size > maxElements / 4) return;
  const old = built.get(k);
  if (old) builtSize -= old.size;
  built.delete(k);
  built.set(k, { doc, node: holder.cloneNode(true) as HTMLElement, size });
  builtSize += size;
  for (const [x, v] of built) {
    if (builtSize <= maxElements) break;
    built.delete(x);
    builtSize -= v.size;
  }
}

/** Typeset formulas from the host: kept for the render that shows them, and put into their placeholders. */
export function receiveMath(doc: Document, formulas: TypesetFormula[]): void {
  for (const f of formulas) {
    if (typeof f?.latex !== 'string' || typeof f.display !== 'boolean') continue;
    const k = key(f.latex, f.display);
    asked.delete(k);
    const holders = waiting.get(k);
    waiting.delete(k);
    const live = (holders ?? []).filter((x) => x.isConnected && x.ownerDocument === doc);
    if (live.length === 0) {
      received.set(k, f);
      // sent ahead and never shown (a newer report came first): the oldest go
      if (received.size > 2000) received.delete(received.keys().next().value as string);
      continue;
    }
    fill(doc, live[0]!, f);
    remember(k, doc, live[0]!);
    for (const x of live.slice(1)) {
      while (x.firstChild) x.removeChild(x.firstChild);
      x.className = live[0]!.className;
      for (const c of Array.from(live[0]!.childNodes)) x.appendChild(c.cloneNode(true));
      if (live[0]!.hasAttribute('title')) x.setAttribute('title', live[0]!.getAttribute('title')!);
    }
  }
}

/** Typeset `latex` into a new element (class "math", plus "katex-error" when it would not parse). */
export function mathElement(doc: Document, latex: string, display: boolean): HTMLElement {
  const k = key(latex, display);
  const hit = built.get(k);
  if (hit && hit.doc === doc) {
    built.delete(k);
    built.set(k, hit);
    return hit.node.cloneNode(true) as HTMLElement;
  }
  const holder = holderFor(doc, latex, display);
  const f = received.get(k) ?? source.typeset?.(latex, display);
  if (f) {
    received.delete(k);
    fill(doc, holder, f);
    remember(k, doc, holder);
    return holder;
  }
  // not here yet: a placeholder, filled when the host answers
  holder.classList.add('pending');
  holder.textContent = '…';
  const list = waiting.get(k) ?? [];
  // placeholders of earlier renders that left the page are not kept (the new one is not in it yet)
  waiting.set(k, [...list.filter((x, i) => x.isConnected || i >= list.length - 8), holder]);
  if (!asked.has(k) && source.request) {
    asked.add(k);
    if (batch.length === 0) queueMicrotask(flush);
    batch.push({ latex, display });
  }
  return holder;
}

function flush(): void {
  const list = batch;
  batch = [];
  for (let i = 0; i < list.length; i += MAX_TYPESET) source.request?.(list.slice(i, i + MAX_TYPESET));
}

/** Formulas asked for and not answered (tests). */
export function pendingMath(): number {
  return asked.size;
}
