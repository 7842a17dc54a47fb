// Zoom and pan for the graph SVG through its viewBox: wheel zooms around the pointer, dragging the
// background pans, and the keyboard does both (+ − 0 and the arrow keys) when the graph has focus.

export interface ViewBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Zoom {
  get(): ViewBox;
  set(v: ViewBox): void;
  /** zoom by a factor around a point in graph coordinates (default: the centre) */
  zoom(factor: number, cx?: number, cy?: number): void;
  pan(dx: number, dy: number): void;
  reset(): void;
}

const MIN_SCALE = 0.05;
const MAX_SCALE = 8;

/** Pure: the view box after zooming by `factor` (>1 zooms in) around (cx, cy). */
export function zoomBox(v: ViewBox, factor: number, cx: number, cy: number, full: { w: number; h: number }): ViewBox {
  const scale = full.w / (v.w / factor);
  if (scale < MIN_SCALE || scale > MAX_SCALE) return v;
  const w = v.w / factor;
  const h = v.h / factor;
  return { x: cx - (cx - v.x) / factor, y: cy - (cy - v.y) / factor, w, h };
}

export function attachZoom(svg: SVGSVGElement, full: { w: number; h: number }, onChange?: (v: ViewBox) => void): Zoom {
  let view: ViewBox = { x: 0, y: 0, w: full.w, h: full.h };
  const apply = (): void => {
    svg.setAttribute('viewBox', `${view.x} ${view.y} ${view.w} ${view.h}`);
    onChange?.(view);
  };
  const z: Zoom = {
    get: () => ({ ...view }),
    set: (v) => {
      view = { ...v };
      apply();
    },
    zoom: (factor, cx = view.x + view.w / 2, cy = view.y + view.h / 2) => {
      view = zoomBox(view, factor, cx, cy, full);
      apply();
    },
    pan: (dx, dy) => {
      view = { ...view, x: view.x + dx, y: view.y + dy };
      apply();
    },
    reset: () => {
      view = { x: 0, y: 0, w: full.w, h: full.h };
      // Fit shows the whole graph in the element's width
      svg.style.height = '';
      svg.classList.remove('cropped');
      apply();
    },
  };
  apply();

  // screen pixels → graph units
  const unit = (): number => {
    const r = svg.getBoundingClientRect();
    return r.width > 0 ? view.w / r.width : 1;
  };
  const toGraph = (clientX: number, clientY: number): [number, number] => {
    const r = svg.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return [view.x + view.w / 2, view.y + view.h / 2];
    return [view.x + ((clientX - r.left) / r.width) * view.w, view.y + ((clientY - r.top) / r.height) * view.h];
  };

  svg.addEventListener(
    'wheel',
    (ev) => {
      ev.preventDefault();
      const [cx, cy] = toGraph(ev.clientX, ev.clientY);
      z.zoom(ev.deltaY < 0 ? 1.15 : 1 / 1.15, cx, cy);
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
    const u = unit();
    z.pan(-(ev.clientX - drag.x) * u, -(ev.clientY - drag.y) * u);
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
    const step = view.w / 10;
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
