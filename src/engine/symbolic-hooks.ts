// The symbolic engine, as the questions and the quantity reports use it. Every form is evaluated
// back at the run's values and compared with the autodiff number: a form that does not evaluate
// back is not shipped. Every limit here is counted (steps, entries, results, operations), never
// timed, so the same file gets the same forms on any machine; where forms are not given, the reason
// is recorded for the Report (DeriveResult.formsOmitted).
import type { Model } from '../language/model';
import type { Form, Value } from '../report';
import { Budget, LimitError, metered } from './budget';
import type { PartialFormHook } from './graph';
import type { SymbolicForms, SymbolicHook } from './questions';
import type { Run } from './run';
import { deriveForms, evaluateForm, evaluateRecursion, evaluateStepColumn, stepForms, Unsupported } from './symbolic/index';
import { partialForm } from './symbolic/index';

/** horizons beyond this get numbers without symbolic forms (a printed derivation that long is not read) */
export const MAX_SYMBOLIC_T = 1000;
/** symbolic results per question (a free-t derive gives one per step) */
export const MAX_SYMBOLIC_RESULTS = 200;
/** symbolic operations (IR constructions, entries evaluated back, printed nodes) per question: ∂L/∂W_hh
 *  of the sheet-7 network with all three forms takes ~0.04 million at T = 1000 on a proxy horizon
 *  (symbolic/horizon.ts; ~0.44 million derived on the real horizon, as gated networks still are); a
 *  64-unit network's ∂L/∂W_hh ~0.56 million at T = 20 (forms evaluated back included) */
export const MAX_SYMBOLIC_OPS = 1_000_000;
/** the same over a whole analysis that asks for every derive's forms ({ forms: true }) */
export const MAX_SYMBOLIC_OPS_TOTAL = 3_000_000;
/** entries of the largest tensor for which forms are derived and checked: a 64-unit network's W_hh.
 *  Its forms are evaluated back as row vectors times Jacobians from the loss side (diag and I ⊗ hᵀ act
 *  on the row), never as 64 × 4096 matrices, so the check stays within the operation budget */
export const MAX_SYMBOLIC_ENTRIES = 4096;

// a value as its entries in row-major order: a 3-tensor (∂h_t/∂W_hh, n×m×k) is nested three deep
const flat = (v: Value): number[] => (typeof v === 'number' ? [v] : ((v as unknown[]).flat(2) as number[]));
const en = (n: number) => n.toLocaleString('en');

function agrees(a: Float64Array, b: number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (!(Math.abs(a[i]! - b[i]!) <= 1e-9 * Math.max(1, Math.abs(a[i]!), Math.abs(b[i]!)))) return false;
  }
  return true;
}

function largest(model: Model): { name: string; n: number } {
  let best = { name: '', n: 0 };
  const see = (name: string, shape: number[]) => {
    const n = shape.reduce((a, b) => a * b, 1);
    if (n > best.n) best = { name, n };
  };
  for (const d of model.decls.values()) see(d.name, d.shape);
  for (const q of model.quantities.values()) see(q.name, q.shape);
  return best;
}

export interface SymbolicHooks {
  derive: SymbolicHook;
  partial: PartialFormHook;
  /** start a question: its own operation budget and result count. `alone` (a request for one derive's
   *  forms): the budget is the question's own, whatever was asked before, so the answer does not depend
   *  on the order of requests; else it is also bounded by what the analysis's earlier questions used */
  begin(alone?: boolean): void;
  /** per call of `derive` since the last begin(): null where forms were given, else why not */
  reasons: (string | null)[];
}

/** Why no forms at all can be derived for this model, or null. */
export function formsRefused(model: Model): string | null {
  if (model.T > MAX_SYMBOLIC_T)
    return `symbolic forms are written for horizons up to T = ${en(MAX_SYMBOLIC_T)} (here T = ${en(model.T)}); the number is exact (limit)`;
  const big = largest(model);
  if (big.n > MAX_SYMBOLIC_ENTRIES)
    return `symbolic forms are written for tensors of up to ${MAX_SYMBOLIC_ENTRIES} entries (${big.name} has ${en(big.n)}); the number is exact (limit)`;
  return null;
}

export function symbolicHooks(model: Model, run: Run): SymbolicHooks {
  const refused = formsRefused(model);
  let calls = 0;
  let budget = new Budget(MAX_SYMBOLIC_OPS);
  /** operations of the questions before this one (only { forms: true } asks for more than one) */
  let before = 0;
  const hooks: SymbolicHooks = {
    reasons: [],
    begin(alone = false) {
      calls = 0;
      if (alone) {
        budget = new Budget(MAX_SYMBOLIC_OPS);
      } else {
        before += budget.ops;
        budget = new Budget(Math.max(0, Math.min(MAX_SYMBOLIC_OPS, MAX_SYMBOLIC_OPS_TOTAL - before)));
      }
      hooks.reasons = [];
    },
    derive(of, wrt, total, t, value) {
      let why: string | null = refused;
      let out: SymbolicForms | null = null;
      if (!why && ++calls > MAX_SYMBOLIC_RESULTS)
        why = `symbolic forms are written for the first ${MAX_SYMBOLIC_RESULTS} steps of one question (limit)`;
      if (!why && budget.ops >= budget.limit) why = overBudget();
      if (!why) {
        try {
          out = metered(budget, () => deriveChecked(of, wrt, total, t, value));
          if (!out) why = 'no symbolic form evaluated back to the number';
        } catch (e) {
          if (e instanceof LimitError) why = overBudget();
          else if (e instanceof Unsupported) why = `the symbolic engine cannot write this derivative: ${e.message}`;
          // a form the symbolic engine cannot write (yet): the number still stands
          else why = 'the symbolic engine cannot write this derivative';
        }
      }
      hooks.reasons.push(out ? null : why);
      return out;
    },
    partial(quantity, wrt) {
      if (refused) return null;
      try {
        return partialForm(model, quantity, wrt);
      } catch {
        return null;
      }
    },
  };
  const overBudget = () =>
    budget.limit < MAX_SYMBOLIC_OPS
      ? `the symbolic forms of this file's derives passed ${en(MAX_SYMBOLIC_OPS_TOTAL)} operations; this one is given on demand (hover, panel) (limit)`
      : `the symbolic derivation passed ${en(MAX_SYMBOLIC_OPS)} operations for this question (limit)`;
  const deriveChecked: SymbolicHook = (of, wrt, total, t, value) => {
    const forms = deriveForms(model, of, wrt, total, t, run);
    const want = flat(value);
    const out: SymbolicForms = { best: forms.best };
    let bestKept = false;
    for (const k of ['chain', 'explicit', 'recursive', 'factored'] as const) {
      const f: Form | undefined = forms[k];
      if (!f) continue;
      let ok = false;
      try {
        ok = agrees(evaluateForm(forms, k, run).data, want);
      } catch (e) {
        if (e instanceof LimitError) throw e;
        ok = false;
      }
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
    // a free-t derive's step, for its general line: only from the forms that evaluated back
    if (t !== null) {
      const rec = evaluateRecursion(forms, run);
      const named =
        !!rec && rec.main.every((x) => agrees(x.data, want)) && rec.companions.every(([a, b]) => agrees(a.data, Array.from(b.data)));
      const col = evaluateStepColumn(forms, run);
      const column = !!col && agrees(col.data, want);
      const step = stepForms(forms, t, { chain: !!out.chain, explicit: !!out.explicit, recursive: !!out.recursive, named, column });
      if (step) out.step = step;
    }
    return out;
  };
  return hooks;
}
