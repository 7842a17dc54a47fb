// Export the graph as a standalone SVG file: the live SVG takes its colours from the theme's CSS
// variables, which do not exist outside VS Code, so the computed colours are written onto a copy.

import type { GraphLayout } from './graphLayout';

const PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-opacity',
  'stroke-width',
  'stroke-dasharray',
  'font-family',
  'font-size',
  'font-weight',
  'opacity',
] as const;

export function exportSvg(doc: Document, svg: SVGSVGElement, layout: Pick<GraphLayout, 'width' | 'height'>): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const view = doc.defaultView;
  if (view) {
    const live = [svg, ...Array.from(svg.querySelectorAll('*'))];
    const copy = [clone, ...Array.from(clone.querySelectorAll('*'))];
    live.forEach((el, i) => {
      const target = copy[i];
      if (!target) return;
      const cs = view.getComputedStyle(el);
      for (const p of PROPS) {
        const v = cs.getPropertyValue(p);
        // attributes already on the element (per-edge widths, heat opacities) are the data: keep them
        if (v && !target.hasAttribute(p)) target.setAttribute(p, v.trim());
      }
    });
    const bg = view.getComputedStyle(doc.body).getPropertyValue('background-color').trim();
    if (bg) {
      const rect = doc.createElementNS('http://www.w3.org/2000/svg', 'rect');
      rect.setAttribute('width', '100%');
      rect.setAttribute('height', '100%');
      rect.setAttribute('fill', bg);
      clone.insertBefore(rect, clone.firstChild);
    }
  }
  // the whole graph, not the zoomed view; drop the interactive bits
  clone.setAttribute('viewBox', `0 0 ${layout.width} ${layout.height}`);
  clone.setAttribute('width', String(layout.width));
  clone.setAttribute('height', String(layout.height));
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  for (const el of Array.from(clone.querySelectorAll('[tabindex]'))) el.removeAttribute('tabindex');
  clone.removeAttribute('tabindex');
  const xml = new (view?.XMLSerializer ?? XMLSerializer)().serializeToString(clone);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${xml}\n`;
}
