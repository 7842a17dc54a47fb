// Every parameter's autodiff gradient next to central differences of the loss: the check that
// the engine is right, shown to students in the panel (float64: relative errors near 1e-9).

import type { Model } from '../language/model';
import type { GradCheckReport } from '../report';
import type { Plan } from './plan';
import { forward, RunError, type Run, type ValueOverrides } from './run';
import { drawDecl } from './random';
import { toValue } from './tensor';

const MAX_ENTRIES = 12;
const MAX_WORK = 20_000_000;

export function gradCheck(model: Model, plan: Plan, run: Run, scale?: Record<string, number>): GradCheckReport[] {
  if (!run.loss || !model.loss) return [];
  const params = [...model.decls.values()].filter((d) => d.kind === 'param');
  const probes = params.reduce((n, d) => n + Math.min(MAX_ENTRIES, d.shape.reduce((a, b) => a * b, 1) * (d.perStep ? model.T : 1)), 0);
  if (plan.work * probes * 2 > MAX_WORK) return [];
  const out: GradCheckReport[] = [];
  for (const d of params) {
    const base = (d.values ?? drawDecl(d, model.T, 0)).map((v) => v.slice());
    const per = base[0]!.length;
    const total = per * base.length;
    const picks =
      total <= MAX_ENTRIES
        ? [...Array(total).keys()]
        : Array.from({ length: MAX_ENTRIES }, (_, k) => Math.floor((k * total) / MAX_ENTRIES));
    const auto: number[] = [];
    const numeric: number[] = [];
    let worst = 0;
    for (const flat of picks) {
      const step = Math.floor(flat / per);
      const i = flat % per;
      const g = run.lossGrad(d.name, d.perStep ? step + 1 : null);
      const a = g ? g.data[i]! : 0;
      const x = base[step]![i]!;
      // the run's own values are scaled (the panel's slider): perturb what the run saw
      const f = scale?.[d.name] ?? 1;
      const h = 1e-6 * Math.max(1, Math.abs(x * f));
      const lossAt = (v: number): number => {
        const vals = base.map((b) => b.slice());
        vals[step]![i] = v / f;
        const o: ValueOverrides = new Map([[d.name, vals]]);
        try {
          return forward(model, o, { plan, scale }).loss!.data[0]!;
        } catch (e) {
          if (e instanceof RunError) return NaN;
          throw e;
        }
      };
      const n = (lossAt(x * f + h) - lossAt(x * f - h)) / (2 * h);
      auto.push(a);
      numeric.push(n);
      const rel = Math.abs(a - n) / Math.max(1e-12, Math.abs(a) + Math.abs(n));
      if (Math.abs(a - n) > 1e-10) worst = Math.max(worst, rel);
    }
    const full = picks.length === total;
    out.push({
      name: d.name,
      autodiff: full && !d.perStep ? toValue({ shape: d.shape, data: Float64Array.from(auto) }) : auto,
      numeric: full && !d.perStep ? toValue({ shape: d.shape, data: Float64Array.from(numeric) }) : numeric,
      relError: worst,
      entries: picks,
    });
  }
  return out;
}
