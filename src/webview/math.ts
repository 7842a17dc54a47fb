// KaTeX, locked down: the LaTeX comes from the Report (analyze() prints it from the model, and user
// names end up inside it), so it is rendered with trust off — \href, \url, \includegraphics, \html*
// are refused — and into DOM nodes (katex.render) rather than an HTML string, so no markup is parsed.
// On a parse error the source is shown as plain text.

import katex from 'katex';
import { h } from './dom';

const OPTIONS = {
  throwOnError: true,
  trust: false,
  strict: 'ignore' as const,
  maxSize: 30,
  maxExpand: 1000,
  output: 'htmlAndMathml' as const,
};

/**
 * Typeset formulas of this page, by (display, LaTeX): the panel re-renders its derivation on every cursor
 * move and edit, mostly with the same formulas, and a copy of the nodes costs a fraction of typesetting
 * them again. Bounded by the number of elements kept (a long explicit form has thousands).
 */
const typeset = new Map<string, { doc: Document; node: HTMLElement; size: number }>();
let typesetSize = 0;
let maxElements = 60000;

/** Forget every cached formula, and keep at most `max` elements from now on (tests). */
export function clearMathCache(max = 60000): void {
  typeset.clear();
  typesetSize = 0;
  maxElements = max;
}

/** Typeset `latex` into a new element; returns it (class "math", plus "katex-error" when it would not parse). */
export function mathElement(doc: Document, latex: string, display: boolean): HTMLElement {
  const key = `${display ? 'D' : 'I'}${latex}`;
  const hit = typeset.get(key);
  if (hit && hit.doc === doc) {
    // most recently used last
    typeset.delete(key);
    typeset.set(key, hit);
    return hit.node.cloneNode(true) as HTMLElement;
  }
  const holder = typesetNow(doc, latex, display);
  const size = holder.getElementsByTagName('*').length + 1;
  if (size <= maxElements / 4) {
    if (hit) typesetSize -= hit.size;
    typeset.set(key, { doc, node: holder.cloneNode(true) as HTMLElement, size });
    typesetSize += size;
    for (const [k, v] of typeset) {
      if (typesetSize <= maxElements) break;
      typeset.delete(k);
      typesetSize -= v.size;
    }
  }
  return holder;
}

function typesetNow(doc: Document, latex: string, display: boolean): HTMLElement {
  const holder = h(doc, display ? 'div' : 'span', { class: display ? 'math display' : 'math', 'data-latex': latex });
  // KaTeX builds its nodes with the global `document`. In the webview that is `doc`; in Node (the bench
  // renders the panel into a happy-dom Window) there is none, so lend it `doc` for the call.
  const g = globalThis as { document?: Document };
  const lend = g.document === undefined;
  if (lend) g.document = doc;
  try {
    katex.render(latex, holder, { ...OPTIONS, displayMode: display });
  } catch (err) {
    while (holder.firstChild) holder.removeChild(holder.firstChild);
    holder.classList.add('katex-error');
    holder.setAttribute('title', err instanceof Error ? err.message : String(err));
    holder.appendChild(h(doc, 'code', {}, latex));
  } finally {
    if (lend) delete g.document;
  }
  return holder;
}
