// The symbolic engine, as the questions and the quantity reports use it. Every form is evaluated
// back at the run's values and compared with the autodiff number: a form that does not evaluate
// back is not shipped.
import type { Model } from '../language/model';
import type { Form, Value } from '../report';
import type { PartialFormHook } from './graph';
import type { SymbolicForms, SymbolicHook } from './questions';
import type { Run } from './run';
import { deriveForms, evaluateForm, partialForm } from './symbolic/index';

/** horizons beyond this get numbers without symbolic forms (a printed derivation that long is not read) */
const MAX_SYMBOLIC_T = 1000;
/** symbolic results per analysis (a free-t derive gives one per step) */
const MAX_SYMBOLIC_RESULTS = 200;
/** milliseconds of symbolic work per analysis */
const MAX_SYMBOLIC_MS = 300;

const flat = (v: Value): number[] => (typeof v === 'number' ? [v] : (v as (number | number[])[]).flat());

function agrees(a: Float64Array, b: number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (!(Math.abs(a[i]! - b[i]!) <= 1e-9 * Math.max(1, Math.abs(a[i]!), Math.abs(b[i]!)))) return false;
  }
  return true;
}

/** entries of the largest tensor for which forms are derived and checked (checking evaluates dense Jacobians) */
const MAX_SYMBOLIC_ENTRIES = 256;

function largest(model: Model): number {
  let n = 0;
  for (const d of model.decls.values()) n = Math.max(n, d.shape.reduce((a, b) => a * b, 1));
  for (const q of model.quantities.values()) n = Math.max(n, q.shape.reduce((a, b) => a * b, 1));
  return n;
}

export function symbolicHooks(model: Model, run: Run, deadline: number): { derive: SymbolicHook; partial: PartialFormHook } | null {
  // exercise-sized networks get written derivations; wide layers get numbers (the forms would read the same)
  if (largest(model) > MAX_SYMBOLIC_ENTRIES) return null;
  let calls = 0;
  let spent = 0;
  const derive: SymbolicHook = (of, wrt, total, t, value) => {
    // symbolic forms are for reading: long horizons, long per-step lists and files with hundreds
    // of questions get numbers only past a budget
    if (Date.now() > deadline || model.T > MAX_SYMBOLIC_T || ++calls > MAX_SYMBOLIC_RESULTS || spent > MAX_SYMBOLIC_MS) return null;
    const t0 = Date.now();
    try {
      return deriveChecked(of, wrt, total, t, value);
    } finally {
      spent += Date.now() - t0;
    }
  };
  const deriveChecked: SymbolicHook = (of, wrt, total, t, value) => {
    let forms;
    try {
      forms = deriveForms(model, of, wrt, total, t, run);
    } catch {
      // a form the symbolic engine cannot write (yet): the number still stands
      return null;
    }
    const want = flat(value);
    const out: SymbolicForms = { best: forms.best };
    let bestKept = false;
    for (const k of ['chain', 'explicit', 'recursive'] as const) {
      const f: Form | undefined = forms[k];
      if (!f) continue;
      let ok = false;
      try { ok = agrees(evaluateForm(forms, k, run).data, want); } catch { ok = false; }
      if (!ok) continue;
      out[k] = f;
      if (f === forms.best) bestKept = true;
    }
    if (!bestKept) {
      const next = out.chain ?? out.recursive ?? out.explicit;
      if (!next) return null;
      out.best = next;
    }
    if (forms.exact) out.exact = forms.exact;
    return out;
  };
  const partial: PartialFormHook = (quantity, wrt) => {
    if (Date.now() > deadline || model.T > MAX_SYMBOLIC_T) return null;
    try { return partialForm(model, quantity, wrt); } catch { return null; }
  };
  return { derive, partial };
}
