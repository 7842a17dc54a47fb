// `derive` and `check` (LANGUAGE.md §5): values per step, and verdicts over the file's values
// and seeded random draws of everything that can vary.

import { defineLazy } from '../language/lazy';
import * as ids from '../ids';
import type { DeriveQuestion, Expr, Model } from '../language/model';
import { exprLatex, exprText, refText } from '../language/print';
import type { Diagnostic, DeriveReport, DeriveResult, GeneralForm, Value } from '../report';
import { diag } from '../language/diagnostics';
import { valueTextAndLatex } from './format';
import type { Plan } from './plan';
import { drawDecl, drawState, variedNames } from './random';
import { forward, RunError, type Env, type Run, type ValueOverrides } from './run';
import { bindVar } from './subst';
import { chainTerms } from './paths';
import type { DeriveForms, StepForms } from './symbolic';
import { allFinite, toValue } from './tensor';
import type { Budget } from './tape';
import type { Failed } from './check/carried';

/** the symbolic forms of one result (one definition: the symbolic engine's DeriveForms) */
export type SymbolicForms = DeriveForms;

export type SymbolicHook = (
  of: Expr,
  wrt: { name: string; idx: import('../language/model').Idx | null },
  total: boolean,
  t: number | null,
  value: Value,
) => SymbolicForms | null;

export class Draws {
  private runs = new Map<string, Run>();
  constructor(
    private model: Model,
    private plan: Plan,
    private base: ValueOverrides,
    private scale?: Record<string, number>,
    private budget?: Budget,
  ) {}

  /** every varied name redrawn with this seed (only: just that name, or just those names; the others keep the file's) */
  run(seed: number, only?: string | readonly string[]): Run {
    const key = `${seed}:${only === undefined ? '*' : typeof only === 'string' ? only : only.join(',')}`;
    let r = this.runs.get(key);
    if (!r) {
      r = forward(this.model, this.overrides(seed, only), { plan: this.plan, scale: this.scale, budget: this.budget });
      this.runs.set(key, r);
    }
    return r;
  }

  /** the file's values with these names' values replaced (a hint's trial: one-hot targets) */
  runWith(values: ValueOverrides): Run {
    return forward(this.model, new Map([...this.base, ...values]), { plan: this.plan, scale: this.scale, budget: this.budget });
  }

  /** the sample values (seed 0) of the declarations given none: a run that redraws one name keeps the others' */
  private samples: [string, Float64Array[]][] | null = null;

  overrides(seed: number, only?: string | readonly string[]): ValueOverrides {
    const m: ValueOverrides = new Map(this.base);
    if (only !== undefined) {
      // drawn once for every such run (forward would draw them again for each: one run per varied name)
      this.samples ??= [...this.model.decls.values()]
        .filter((d) => !d.values && !this.base.has(d.name))
        .map((d) => [d.name, drawDecl(d, this.model.T, 0)]);
      for (const [name, v] of this.samples) m.set(name, v);
    }
    if (only === undefined) for (const v of this.variedList()) m.set(v.name, v.draw(seed));
    else
      for (const name of typeof only === 'string' ? [only] : only)
        m.set(name, (this.variedList().find((v) => v.name === name) ?? this.varying(name)).draw(seed));
    return m;
  }

  /** every varied name (random.ts variedNames) and how it is drawn, read once: each run of the draws asks again */
  private varied: Varied[] | null = null;

  private variedList(): Varied[] {
    return (this.varied ??= variedNames(this.model).map((name) => this.varying(name)));
  }

  private varying(name: string): Varied {
    const id = ids.parseNodeKey(name);
    const T = this.model.T;
    if (id.step === null) {
      const d = this.model.decls.get(name)!;
      return { name, draw: (seed) => drawDecl(d, T, seed) };
    }
    const q = this.model.quantities.get(id.name)!;
    const step = id.step;
    return { name, draw: (seed) => [drawState(q.name, step, q.shape, seed)] };
  }
}

/** a varied name and its values at a seed */
interface Varied {
  name: string;
  draw: (seed: number) => Float64Array[];
}

export interface QuestionContext {
  model: Model;
  run: Run;
  draws: Draws;
  drawCount: number;
  symbolic: SymbolicHook | null;
  diagnostics: Diagnostic[];
  /** derive results given chain-rule terms so far (they cost a path search each) */
  termResults: number;
  /** the checks answered so far that fail: a later one may carry their mistake over (check/carried.ts) */
  failed?: Failed[];
}

export function answerDerive(q: DeriveQuestion, ctx: QuestionContext): DeriveReport {
  const steps: (number | null)[] = q.freeT ? q.steps : [null];
  const results: DeriveResult[] = [];
  const d = q.expr.k === 'deriv' ? q.expr : null;
  /** each step's form without its value (a free t, forms asked for), for the general lines */
  const stepForms: (StepForms | null)[] = [];
  for (const t of steps) {
    const env: Env = t === null ? {} : { t };
    let value: Value;
    /** every entry finite: read on the tensor, not on the nested value (issue 11: 4,096 entries) */
    let finite: boolean;
    try {
      if (d) {
        const r = ctx.run.derivativeAt(d.of, d.wrt, env, d.total);
        value = toValue(r.tensor);
        finite = typeof value === 'number' ? Number.isFinite(value) : allFinite(r.tensor.data);
        if (!r.reached && t === steps[0]) {
          const bound = t === null ? d : (bindVar(d, 't', t) as typeof d);
          ctx.diagnostics.push(
            diag(
              'hint',
              `${exprText(bound.of)} does not depend on ${refText(bound.wrt.name, bound.wrt.idx)}${d.total ? '' : ' directly (∂⁺ counts only its direct appearance)'}: the derivative is 0`,
              q.range,
              'independent',
            ),
          );
        }
      } else {
        const r = ctx.run.evaluateAt(q.expr, env);
        value = toValue(r);
        finite = typeof value === 'number' ? Number.isFinite(value) : allFinite(r.data);
      }
    } catch (e) {
      if (!(e instanceof RunError)) throw e;
      ctx.diagnostics.push(diag('error', e.message, q.range, 'runtime'));
      return { line: q.line, query: q.text, queryLatex: exprLatex(q.expr), range: q.range, results };
    }
    if (!finite)
      ctx.diagnostics.push(
        diag(
          'warning',
          `the result is not a finite number${t === null ? '' : ` at t = ${t}`} (NaN or ∞): look for log of a non-positive number, a division by 0 or an overflow`,
          q.range,
          'nan',
        ),
      );
    // the query at this step (∂L/∂h_2), for the text written when first read
    const result = numericResult(t, value, () => (t === null ? q.expr : bindVar(q.expr, 't', t)));
    if (d && ctx.symbolic) {
      const forms = ctx.symbolic(d.of, d.wrt, d.total, t, value);
      if (forms) {
        result.forms = {
          ...(forms.chain ? { chain: forms.chain } : {}),
          ...(forms.explicit ? { explicit: forms.explicit } : {}),
          ...(forms.recursive ? { recursive: forms.recursive } : {}),
          ...(forms.factored ? { factored: forms.factored } : {}),
        };
        if (result.forms.chain && ++ctx.termResults <= 20) {
          const terms = chainTerms(ctx.run, d, env);
          if (terms) result.forms.chain = { ...result.forms.chain, terms };
        }
        result.text = forms.best.text;
        result.latex = forms.best.latex;
        if (forms.exact) result.exact = forms.exact;
      }
      stepForms.push(forms?.step ?? null);
    }
    results.push(result);
  }
  const out: DeriveReport = { line: q.line, query: q.text, queryLatex: exprLatex(q.expr), range: q.range, results };
  const general = q.freeT ? generalForms(steps as number[], stepForms) : null;
  if (general) out.general = general;
  return out;
}

/**
 * A free-t derive's steps grouped into runs of consecutive steps whose forms print alike relative to their
 * own step (LANGUAGE.md §5: written once for a general step t, a boundary step on its own line), or null
 * when no run spans two steps (or a step has no form: then every step keeps its own).
 */
export function generalForms(steps: number[], forms: (StepForms | null)[]): GeneralForm[] | null {
  if (forms.length !== steps.length || forms.some((f) => !f)) return null;
  const runs: { from: number; to: number; f: StepForms }[] = [];
  steps.forEach((t, i) => {
    const f = forms[i]!;
    const last = runs[runs.length - 1];
    if (last && t === last.to + 1 && f.relative.text === last.f.relative.text && f.relative.latex === last.f.relative.latex) last.to = t;
    else runs.push({ from: t, to: t, f });
  });
  if (!runs.some((r) => r.to > r.from)) return null;
  return runs.map((r) => {
    const shown = r.to > r.from ? r.f.over(r.from, r.to) : r.f.concrete;
    return { from: r.from, to: r.to, text: shown.text, latex: shown.latex };
  });
}

/**
 * A derive's result with its value written out (`query = value`, text and LaTeX) when first read: a 64×64
 * gradient is 4,096 numbers printed twice, which nothing of the analysis itself reads (issue 11). text and
 * latex are enumerable accessors in their places, so the result serialises, clones and compares as the
 * plain object it was; assigning them (a symbolic form replacing the number) works as before.
 */
function numericResult(t: number | null, value: Value, bound: () => Expr): DeriveResult {
  let shown: { text: string; latex: string } | undefined;
  const written = () => {
    if (!shown) {
      const v = valueTextAndLatex(value);
      const e = bound();
      shown = { text: `${exprText(e)} = ${v.text}`, latex: `${exprLatex(e)} = ${v.latex}` };
    }
    return shown;
  };
  const out = { t, value } as DeriveResult;
  defineLazy(out, 'text', () => written().text);
  defineLazy(out, 'latex', () => written().latex);
  return out;
}

export { answerCheck } from './check/answer';
export { close } from './check/points';
