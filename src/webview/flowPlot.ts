// Gradient flow: ‖∂L/∂h_t‖ over t on a log scale for each recurrent quantity (Report.flow), and a
// slider that scales one parameter — the extension re-runs analyze() with { scale } and the scaled
// curves are drawn over the file's own, so vanishing and exploding gradients can be watched.

import type { FlowReport, Report } from '../report';
import { clear, h, s } from './dom';
import { fmt } from './format';

export const SCALE_MIN = 0.1;
export const SCALE_MAX = 3;
const SLIDER_STEPS = 200;

/** Slider position (0…SLIDER_STEPS) ↔ factor, log-spaced so ×0.1…×1 and ×1…×3 both get room. */
export function sliderToFactor(pos: number): number {
  const a = Math.log(SCALE_MIN);
  const b = Math.log(SCALE_MAX);
  const f = Math.exp(a + (b - a) * (pos / SLIDER_STEPS));
  return Number(f.toPrecision(3));
}

export function factorToSlider(f: number): number {
  const a = Math.log(SCALE_MIN);
  const b = Math.log(SCALE_MAX);
  const clamped = Math.min(SCALE_MAX, Math.max(SCALE_MIN, f));
  return Math.round(((Math.log(clamped) - a) / (b - a)) * SLIDER_STEPS);
}

export interface FlowOptions {
  param: string | null;
  factor: number;
  /** the Report with the parameter scaled (null until it arrives, or at × 1) */
  scaled: Report | null;
  /** a scale request is in flight */
  pending: boolean;
  error: string | null;
  onScale(param: string, factor: number): void;
}

const W = 420;
const H = 200;
const M = { l: 52, r: 12, t: 12, b: 30 };

/** Decades spanned by the positive finite norms (for the y axis). */
export function logRange(series: FlowReport[]): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const f of series) {
    for (const x of f.norms) {
      if (x > 0 && Number.isFinite(x)) {
        lo = Math.min(lo, Math.log10(x));
        hi = Math.max(hi, Math.log10(x));
      }
    }
  }
  if (!Number.isFinite(lo)) return null;
  const a = Math.floor(lo);
  const b = Math.max(Math.ceil(hi), a + 1);
  return [a, b];
}

function plot(doc: Document, base: FlowReport[], scaled: FlowReport[] | null): SVGElement {
  const all = scaled ? [...base, ...scaled] : base;
  const range = logRange(all);
  const svg = s(doc, 'svg', {
    xmlns: 'http://www.w3.org/2000/svg',
    class: 'flow-plot',
    viewBox: `0 0 ${W} ${H}`,
    role: 'img',
    'aria-label': 'Gradient norm per step, log scale',
  });
  const n = Math.max(1, ...all.map((f) => f.norms.length));
  const px = (i: number): number => M.l + (n === 1 ? (W - M.l - M.r) / 2 : (i / (n - 1)) * (W - M.l - M.r));
  if (!range) {
    svg.appendChild(s(doc, 'text', { x: W / 2, y: H / 2, 'text-anchor': 'middle', class: 'axis-label' }, 'every gradient norm is 0'));
    return svg;
  }
  const [a, b] = range;
  const py = (x: number): number => M.t + ((b - Math.log10(x)) / (b - a)) * (H - M.t - M.b);
  const axes = s(doc, 'g', { class: 'axes' });
  const every = Math.max(1, Math.ceil((b - a) / 6));
  for (let d = a; d <= b; d += every) {
    const y = py(10 ** d);
    axes.appendChild(s(doc, 'line', { x1: M.l, x2: W - M.r, y1: y, y2: y, class: 'grid' }));
    axes.appendChild(s(doc, 'text', { x: M.l - 6, y: y + 4, 'text-anchor': 'end', class: 'tick' }, `1e${d}`.replace('-', '−')));
  }
  const xEvery = Math.max(1, Math.ceil(n / 10));
  for (let i = 0; i < n; i += xEvery) {
    axes.appendChild(s(doc, 'text', { x: px(i), y: H - M.b + 16, 'text-anchor': 'middle', class: 'tick' }, String(i + 1)));
  }
  axes.appendChild(s(doc, 'text', { x: W - M.r, y: H - 4, 'text-anchor': 'end', class: 'axis-label' }, 't'));
  svg.appendChild(axes);
  const draw = (f: FlowReport, k: number, cls: string): void => {
    const pts: string[] = [];
    const dots = s(doc, 'g', { class: `dots series-${k % 6} ${cls}` });
    f.norms.forEach((x, i) => {
      if (!(x > 0) || !Number.isFinite(x)) return;
      pts.push(`${px(i).toFixed(1)},${py(x).toFixed(1)}`);
      dots.appendChild(s(doc, 'circle', { cx: px(i), cy: py(x), r: 2.5 }, s(doc, 'title', {}, `‖∂L/∂${f.name}_${i + 1}‖ = ${fmt(x)}`)));
    });
    svg.appendChild(
      s(doc, 'polyline', { points: pts.join(' '), class: `series series-${k % 6} ${cls}`, 'data-name': f.name, fill: 'none' }),
    );
    svg.appendChild(dots);
  };
  base.forEach((f, k) => draw(f, k, scaled ? 'base faded' : 'base'));
  scaled?.forEach((f, k) => draw(f, k, 'scaled'));
  return svg;
}

/** The plot, legend and status line (re-rendered when a scaled Report arrives; the controls stay). */
export function renderFlowPlot(doc: Document, container: HTMLElement, report: Report, o: FlowOptions): void {
  clear(container);
  if (report.flow.length === 0) {
    container.appendChild(h(doc, 'p', { class: 'empty' }, 'No recurrent quantity with a loss: nothing flows back through time.'));
    return;
  }
  const scaledFlow = o.scaled && o.factor !== 1 ? o.scaled.flow : null;
  container.appendChild(plot(doc, report.flow, scaledFlow));
  const legend = h(doc, 'ul', { class: 'legend' });
  report.flow.forEach((f, k) => {
    const first = f.norms[0];
    const last = f.norms[f.norms.length - 1];
    legend.appendChild(
      h(
        doc,
        'li',
        { class: `series-${k % 6}`, 'data-name': f.name },
        h(doc, 'span', { class: 'swatch' }),
        `‖∂L/∂${f.name}_t‖ `,
        h(doc, 'code', {}, `t=1: ${fmt(first ?? 0, 3)} · t=${f.norms.length}: ${fmt(last ?? 0, 3)}`),
      ),
    );
  });
  container.appendChild(legend);
  const status = h(doc, 'div', { class: 'scale-status', role: 'status' });
  if (o.error) status.appendChild(h(doc, 'span', { class: 'error' }, o.error));
  else if (o.pending) status.textContent = 'recomputing…';
  else if (scaledFlow && o.scaled && o.param) {
    status.textContent = `${o.param} × ${o.factor.toFixed(2)}: loss ${o.scaled.loss ? fmt(o.scaled.loss.value) : '—'} (faded: the file's own values)`;
  }
  container.appendChild(status);
}

/** The parameter a fresh slider scales: the recurrent weight if one is recognisable. */
export function defaultScaleParam(report: Report): string | null {
  const params = report.params.map((p) => p.name);
  // the parameter written right before a recurrent quantity's previous step: W_hh in "W_hh h_{t-1}"
  for (const f of report.flow) {
    const q = report.quantities.find((x) => x.name === f.name && x.timed);
    if (!q) continue;
    // also as the seeds write it: W_{hh}h_{t-1}, Wh^{(t-1)} (names written together, superscript steps)
    const name = f.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const prev = new RegExp(
      `([A-Za-zΑ-ω](?:\\w|_\\{\\w+\\})*?)\\s*[·*@]?\\s*${name}(?:_\\{?t\\s*[-+]\\s*1\\}?|\\^\\{?\\(t\\s*-\\s*1\\)\\}?)`,
    );
    const m = prev.exec(q.equation);
    const p = m?.[1]?.replace(/_\{(\w+)\}/g, '_$1');
    if (p && params.includes(p)) return p;
  }
  return params.find((p) => /hh|rec/i.test(p)) ?? params.find((p) => /^(U|W)$/.test(p)) ?? params[0] ?? null;
}

/** Parameter picker, log-scaled slider (× 0.1 … × 3) and reset. */
export function renderFlowControls(
  doc: Document,
  container: HTMLElement,
  report: Report,
  o: Pick<FlowOptions, 'param' | 'factor' | 'onScale'>,
): void {
  clear(container);
  const params = report.params.map((p) => p.name);
  if (params.length === 0 || report.flow.length === 0) return;
  const param = o.param && params.includes(o.param) ? o.param : (defaultScaleParam(report) ?? params[0]);
  const pick = h(doc, 'select', { id: 'scale-param', 'aria-label': 'Parameter to scale' });
  for (const p of params) pick.appendChild(h(doc, 'option', { value: p }, p));
  pick.value = param;
  const slider = h(doc, 'input', {
    id: 'scale-slider',
    type: 'range',
    min: 0,
    max: SLIDER_STEPS,
    step: 1,
    value: factorToSlider(o.factor),
    'aria-label': 'Scale factor',
    'aria-valuetext': `times ${o.factor.toFixed(2)}`,
  });
  const readout = h(doc, 'output', { id: 'scale-readout', for: 'scale-slider' }, `× ${o.factor.toFixed(2)}`);
  const reset = h(doc, 'button', { type: 'button', id: 'scale-reset' }, 'reset');
  const show = (f: number): void => {
    readout.textContent = `× ${f.toFixed(2)}`;
    slider.setAttribute('aria-valuetext', `times ${f.toFixed(2)}`);
  };
  slider.addEventListener('input', () => {
    const f = sliderToFactor(Number(slider.value));
    show(f);
    o.onScale(pick.value, f);
  });
  pick.addEventListener('change', () => o.onScale(pick.value, sliderToFactor(Number(slider.value))));
  reset.addEventListener('click', () => {
    slider.value = String(factorToSlider(1));
    show(1);
    o.onScale(pick.value, 1);
  });
  container.append(h(doc, 'label', { for: 'scale-param' }, 'scale '), pick, slider, readout, reset);
}
