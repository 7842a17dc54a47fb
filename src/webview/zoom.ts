// Zoom and pan for the graph: the SVG is drawn at `scale` × its natural size inside a scrolling host,
// so panning is scrolling (scroll bars, wheel, dragging the background, the arrow keys) and zooming
// changes the drawn size. The scale never goes below 1: at 1 the smallest text is 11 px, and a graph
// wider than the panel is scrolled, never shrunk below legibility (issue 13). Fit shows what fits at a
// readable size and scrolls back to the start.

/** The view: the drawn scale and the host's scroll offsets in screen pixels. */
export interface ViewBox {
  scale: number;
  left: number;
  top: number;
}

export interface Zoom {
  get(): ViewBox;
  set(v: ViewBox): void;
  /** zoom by a factor around a point in graph coordinates (default: the visible centre) */
  zoom(factor: number, cx?: number, cy?: number): void;
  /** scroll by graph units */
  pan(dx: number, dy: number): void;
  /** Fit: the readable size (scale 1), scrolled to the start */
  reset(): void;
  /** scroll so that the box (graph units) is in view, as far as it fits */
  reveal(box: { x: number; y: number; w: number; h: number }): void;
}

/** Text is 11 px at scale 1: the smallest scale (issue 13: node text never below 11 px). */
export const MIN_SCALE = 1;
export const MAX_SCALE = 4;

/** Pure: the scale after zooming by `factor`, clamped to the readable range. */
export function nextScale(scale: number, factor: number): number {
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale * factor));
}

export function attachZoom(svg: SVGSVGElement, host: HTMLElement, full: { w: number; h: number }, onChange?: (v: ViewBox) => void): Zoom {
  let scale = MIN_SCALE;
  svg.setAttribute('viewBox', `0 0 ${full.w} ${full.h}`);
  const size = (): void => {
    svg.setAttribute('width', String(Math.round(full.w * scale)));
    svg.setAttribute('height', String(Math.round(full.h * scale)));
    svg.setAttribute('data-scale', String(scale));
  };
  const changed = (): void => onChange?.(z.get());
  const z: Zoom = {
    get: () => ({ scale, left: host.scrollLeft, top: host.scrollTop }),
    set: (v) => {
      scale = nextScale(v.scale, 1);
      size();
      host.scrollLeft = v.left;
      host.scrollTop = v.top;
      changed();
    },
    zoom: (factor, cx, cy) => {
      const before = scale;
      const px = cx === undefined ? host.scrollLeft + host.clientWidth / 2 : cx * before;
      const py = cy === undefined ? host.scrollTop + host.clientHeight / 2 : cy * before;
      scale = nextScale(scale, factor);
      size();
      // keep the point under the same place on screen
      const k = scale / before;
      host.scrollLeft = px * k - (px - host.scrollLeft);
      host.scrollTop = py * k - (py - host.scrollTop);
      changed();
    },
    pan: (dx, dy) => {
      host.scrollLeft += dx * scale;
      host.scrollTop += dy * scale;
      changed();
    },
    reset: () => {
      scale = MIN_SCALE;
      size();
      host.scrollLeft = 0;
      host.scrollTop = 0;
      changed();
    },
    reveal: (box) => {
      const x = box.x * scale;
      const y = box.y * scale;
      const w = box.w * scale;
      const h = box.h * scale;
      const cw = host.clientWidth;
      const ch = host.clientHeight;
      // the start of a box wider than the view, else the whole box as near the current view as possible
      if (w > cw || x < host.scrollLeft) host.scrollLeft = Math.max(0, x - 8);
      else if (x + w > host.scrollLeft + cw) host.scrollLeft = x + w - cw + 8;
      if (h > ch || y < host.scrollTop) host.scrollTop = Math.max(0, y - 8);
      else if (y + h > host.scrollTop + ch) host.scrollTop = y + h - ch + 8;
      changed();
    },
  };
  size();
  host.addEventListener('scroll', changed, { passive: true });

  // Ctrl + wheel zooms around the pointer; a plain wheel scrolls the host as usual
  svg.addEventListener(
    'wheel',
    (ev) => {
      if (!ev.ctrlKey) return;
      ev.preventDefault();
      const r = svg.getBoundingClientRect();
      z.zoom(ev.deltaY < 0 ? 1.15 : 1 / 1.15, (ev.clientX - r.left) / scale, (ev.clientY - r.top) / scale);
    },
    { passive: false },
  );

  let drag: { x: number; y: number; id: number } | null = null;
  svg.addEventListener('pointerdown', (ev) => {
    // nodes and buttons keep their clicks; only the background pans
    if ((ev.target as Element).closest?.('.node, .fold, .row-label')) return;
    drag = { x: ev.clientX, y: ev.clientY, id: ev.pointerId };
    svg.setPointerCapture?.(ev.pointerId);
    svg.classList.add('panning');
  });
  svg.addEventListener('pointermove', (ev) => {
    if (!drag || ev.pointerId !== drag.id) return;
    host.scrollLeft -= ev.clientX - drag.x;
    host.scrollTop -= ev.clientY - drag.y;
    drag = { ...drag, x: ev.clientX, y: ev.clientY };
  });
  const end = (ev: PointerEvent): void => {
    if (!drag || ev.pointerId !== drag.id) return;
    drag = null;
    svg.classList.remove('panning');
  };
  svg.addEventListener('pointerup', end);
  svg.addEventListener('pointercancel', end);

  svg.addEventListener('keydown', (ev) => {
    if (ev.target !== svg) return;
    const step = Math.max(40, host.clientWidth / 3) / scale;
    const keys: Record<string, () => void> = {
      '+': () => z.zoom(1.25),
      '=': () => z.zoom(1.25),
      '-': () => z.zoom(0.8),
      '0': () => z.reset(),
      ArrowLeft: () => z.pan(-step, 0),
      ArrowRight: () => z.pan(step, 0),
      ArrowUp: () => z.pan(0, -step),
      ArrowDown: () => z.pan(0, step),
    };
    const f = keys[ev.key];
    if (f) {
      ev.preventDefault();
      f();
    }
  });
  return z;
}
