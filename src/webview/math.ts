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

/** Typeset `latex` into a new element; returns it (class "math", plus "katex-error" when it would not parse). */
export function mathElement(doc: Document, latex: string, display: boolean): HTMLElement {
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
