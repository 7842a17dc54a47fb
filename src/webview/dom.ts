// Tiny DOM builders. Every piece of text goes in through textContent or setAttribute — never as HTML —
// so names, comments and messages from a .rnn file can never become markup.

export const SVG_NS = 'http://www.w3.org/2000/svg';

type Attrs = Record<string, string | number | boolean | null | undefined>;

function setAttrs(e: Element, attrs: Attrs | undefined): void {
  if (!attrs) return;
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    e.setAttribute(k, v === true ? '' : String(v));
  }
}

/** An HTML element with attributes and text (or children). */
export function h<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attrs?: Attrs,
  ...children: (Node | string | null | undefined)[]
): HTMLElementTagNameMap[K] {
  const e = doc.createElement(tag);
  setAttrs(e, attrs);
  append(e, children);
  return e;
}

/** A table head of column headers (each a `th scope="col"`). */
export function tableHead(doc: Document, ...titles: string[]): HTMLTableSectionElement {
  return h(doc, 'thead', {}, h(doc, 'tr', {}, ...titles.map((t) => h(doc, 'th', { scope: 'col' }, t))));
}

/** An SVG element with attributes and text (or children). */
export function s(doc: Document, tag: string, attrs?: Attrs, ...children: (Node | string | null | undefined)[]): SVGElement {
  const e = doc.createElementNS(SVG_NS, tag) as SVGElement;
  setAttrs(e, attrs);
  append(e, children);
  return e;
}

export function append(parent: Node, children: (Node | string | null | undefined)[]): void {
  const doc = parent.ownerDocument ?? (parent as Document);
  for (const c of children) {
    if (c === null || c === undefined) continue;
    parent.appendChild(typeof c === 'string' ? doc.createTextNode(c) : c);
  }
}

export function clear(e: Element): void {
  while (e.firstChild) e.removeChild(e.firstChild);
}

/** A button that runs `onClick`; keyboard reachable like every button. */
export function button(doc: Document, label: string, onClick: () => void, attrs?: Attrs): HTMLButtonElement {
  const b = h(doc, 'button', { type: 'button', ...attrs }, label);
  b.addEventListener('click', (ev) => {
    ev.stopPropagation();
    onClick();
  });
  return b;
}

/** Subscript-aware label: "W_hh" → W with subscript hh, as SVG tspans. */
export function svgName(doc: Document, name: string, step: number | null, attrs?: Attrs): SVGElement {
  const i = name.indexOf('_');
  const base = i > 0 ? name.slice(0, i) : name;
  const subParts = [i > 0 ? name.slice(i + 1) : null, step === null ? null : String(step)].filter((x): x is string => x !== null);
  const text = s(doc, 'text', attrs, base);
  if (subParts.length) text.appendChild(s(doc, 'tspan', { class: 'sub', dy: 4, 'font-size': '0.75em' }, subParts.join(',')));
  return text;
}

/** The same label as HTML: base + <sub>. */
export function htmlName(doc: Document, name: string, step: number | null): HTMLSpanElement {
  const i = name.indexOf('_');
  const base = i > 0 ? name.slice(0, i) : name;
  const subParts = [i > 0 ? name.slice(i + 1) : null, step === null ? null : String(step)].filter((x): x is string => x !== null);
  return h(doc, 'span', { class: 'name' }, base, subParts.length ? h(doc, 'sub', {}, subParts.join(',')) : null);
}
