// `derive` and `check` (LANGUAGE.md §5): values per step, and verdicts over the file's values
// and seeded random draws of everything that can vary.

import * as ids from '../ids';
import type { CheckQuestion, DeriveQuestion, Expr, Model } from '../language/model';
import { exprLatex, exprText, refText } from '../language/print';
import type { CheckReport, CheckStep, Diagnostic, DeriveReport, DeriveResult, Range, Value } from '../report';
import { diag } from '../language/diagnostics';
import { fmt, isFiniteValue, valueLatex, valueText } from './format';
import type { Plan } from './plan';
import { drawDecl, drawState, variedNames } from './random';
import { forward, RunError, stepOf, type Env, type Run, type ValueOverrides } from './run';
import { bindVar } from './subst';
import { chainTerms, nodeLabel, termHint } from './paths';
import type { DeriveForms } from './symbolic';
import { toValue, type Tensor } from './tensor';
import { LimitError, type Budget } from './tape';

/** the symbolic forms of one result (one definition: the symbolic engine's DeriveForms) */
export type SymbolicForms = DeriveForms;

export type SymbolicHook = (of: Expr, wrt: { name: string; idx: import('../language/model').Idx | null }, total: boolean, t: number | null, value: Value) => SymbolicForms | null;

export class Draws {
  private runs = new Map<string, Run>();
  constructor(private model: Model, private plan: Plan, private base: ValueOverrides, private scale?: Record<string, number>, private budget?: Budget) {}

  /** every varied name redrawn with this seed (only: just that one name) */
  run(seed: number, only?: string): Run {
    const key = `${seed}:${only ?? '*'}`;
    let r = this.runs.get(key);
    if (!r) {
      r = forward(this.model, this.overrides(seed, only), { plan: this.plan, scale: this.scale, budget: this.budget });
      this.runs.set(key, r);
    }
    return r;
  }

  overrides(seed: number, only?: string): ValueOverrides {
    const m: ValueOverrides = new Map(this.base);
    for (const name of only ? [only] : variedNames(this.model)) {
      const id = ids.parseNodeKey(name);
      if (id.step === null) m.set(name, drawDecl(this.model.decls.get(name)!, this.model.T, seed));
      else {
        const q = this.model.quantities.get(id.name)!;
        m.set(name, [drawState(q.name, id.step, q.shape, seed)]);
      }
    }
    return m;
  }
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
}

const lineRange = (r: Range): Range => r;

export function answerDerive(q: DeriveQuestion, ctx: QuestionContext): DeriveReport {
  const steps: (number | null)[] = q.freeT ? q.steps : [null];
  const results: DeriveResult[] = [];
  const d = q.expr.k === 'deriv' ? q.expr : null;
  for (const t of steps) {
    const env: Env = t === null ? {} : { t };
    let value: Value;
    try {
      if (d) {
        const r = ctx.run.derivativeAt(d.of, d.wrt, env, d.total);
        value = toValue(r.tensor);
        if (!r.reached && t === steps[0]) {
          const bound = t === null ? d : (bindVar(d, 't', t) as typeof d);
          ctx.diagnostics.push(diag('hint', `${exprText(bound.of)} does not depend on ${refText(bound.wrt.name, bound.wrt.idx)}${d.total ? '' : ' directly (∂⁺ counts only its direct appearance)'}: the derivative is 0`, q.range, 'independent'));
        }
      } else value = toValue(ctx.run.evaluateAt(q.expr, env));
    } catch (e) {
      if (!(e instanceof RunError)) throw e;
      ctx.diagnostics.push(diag('error', e.message, q.range, 'runtime'));
      return { line: q.line, query: q.text, queryLatex: exprLatex(q.expr), range: q.range, results };
    }
    if (!isFiniteValue(value)) ctx.diagnostics.push(diag('warning', `the result is not a finite number${t === null ? '' : ` at t = ${t}`} (NaN or ∞): look for log of a non-positive number, a division by 0 or an overflow`, q.range, 'nan'));
    const bound = t === null ? q.expr : bindVar(q.expr, 't', t);
    const text = `${exprText(bound)} = ${valueText(value)}`;
    const latex = `${exprLatex(bound)} = ${valueLatex(value)}`;
    const result: DeriveResult = { t, value, text, latex };
    if (d && ctx.symbolic) {
      const forms = ctx.symbolic(d.of, d.wrt, d.total, t, value);
      if (forms) {
        result.forms = {
          ...(forms.chain ? { chain: forms.chain } : {}),
          ...(forms.explicit ? { explicit: forms.explicit } : {}),
          ...(forms.recursive ? { recursive: forms.recursive } : {}),
        };
        if (result.forms.chain && ++ctx.termResults <= 20) {
          const terms = chainTerms(ctx.run, d, env);
          if (terms) result.forms.chain = { ...result.forms.chain, terms };
        }
        result.text = forms.best.text;
        result.latex = forms.best.latex;
        if (forms.exact) result.exact = forms.exact;
      }
    }
    results.push(result);
  }
  return { line: q.line, query: q.text, queryLatex: exprLatex(q.expr), range: q.range, results };
}

/** |L − R| ≤ 1e-6·max(1, |L|, |R|) per entry (LANGUAGE.md §5) */
export function close(a: Float64Array, b: Float64Array): boolean {
  const n = Math.max(a.length, b.length);
  if (a.length !== b.length && a.length !== 1 && b.length !== 1) return false;
  for (let i = 0; i < n; i++) {
    const x = a.length === 1 ? a[0]! : a[i]!;
    const y = b.length === 1 ? b[0]! : b[i]!;
    if (!(Math.abs(x - y) <= 1e-6 * Math.max(1, Math.abs(x), Math.abs(y)))) return false;
  }
  return true;
}

interface Sides { t: number | null; l: Tensor; r: Tensor }

function evaluateSides(q: CheckQuestion, run: Run): Sides[] {
  const steps: (number | null)[] = q.freeT ? q.steps : [null];
  return steps.map((t) => {
    const env: Env = t === null ? {} : { t };
    return { t, l: run.evaluateAt(q.lhs, env), r: run.evaluateAt(q.rhs, env) };
  });
}

const at = (t: number | null) => (t === null ? '' : ` at t = ${t}`);

export function answerCheck(q: CheckQuestion, ctx: QuestionContext): CheckReport {
  const base = { line: q.line, range: lineRange(q.range), equation: q.text };
  let sides: Sides[];
  try {
    sides = evaluateSides(q, ctx.run);
  } catch (e) {
    if (!(e instanceof RunError)) throw e;
    return { ...base, status: 'fails', message: `cannot evaluate: ${e.message}`, steps: [], failingStep: null };
  }
  const steps: CheckStep[] = sides.map((s) => ({ t: s.t, lhs: toValue(s.l), rhs: toValue(s.r), ok: close(s.l.data, s.r.data) }));
  const bad = sides.find((s) => !close(s.l.data, s.r.data));
  const range = q.freeT ? ` for t = ${q.steps[0]}..${q.steps[q.steps.length - 1]}` : '';
  if (bad) {
    const l = toValue(bad.l);
    const r = toValue(bad.r);
    let message = `fails${at(bad.t)}: the left side is ${valueText(l)}, the right side ${valueText(r)}`;
    if (typeof l === 'number' && typeof r === 'number') message += ` (difference ${fmt(l - r, 4)})`;
    if (!isFiniteValue(l) || !isFiniteValue(r)) message += ' — not a finite number (NaN or ∞)';
    const hint = partialHint(q, ctx.run) ?? pathHint(q, ctx.run) ?? termsHint(q, ctx.run, bad.t);
    if (hint) message += `. ${hint}`;
    return { ...base, status: 'fails', message, steps, failingStep: bad.t };
  }
  // the file's values pass: try the draws
  for (let seed = 1; seed <= ctx.drawCount; seed++) {
    let drawSides: Sides[];
    try { drawSides = evaluateSides(q, ctx.draws.run(seed)); } catch (e) { if (e instanceof RunError) continue; throw e; }
    const miss = drawSides.find((s) => !close(s.l.data, s.r.data) && isFiniteValue(toValue(s.l)) && isFiniteValue(toValue(s.r)));
    if (!miss) continue;
    // name what to vary: each varied thing alone, at this draw
    const culprits: string[] = [];
    for (const name of variedNames(ctx.model)) {
      try {
        const ss = evaluateSides(q, ctx.draws.run(seed, name));
        if (ss.some((s) => !close(s.l.data, s.r.data))) culprits.push(name);
      } catch (e) { if (!(e instanceof RunError)) throw e; }
    }
    const nice = culprits.map((c) => ids.nodeLabel(ids.parseNodeKey(c)));
    const given = culprits.map((c) => givenText(ctx, c)).filter((x) => x);
    const lv = toValue(miss.l);
    const rv = toValue(miss.r);
    const what = nice.length ? `it leans on the given ${nice.length === 1 ? 'value of' : 'values of'} ${nice.join(', ')}${given.length ? ` (${given.join(', ')})` : ''}: vary ${nice.length === 1 ? 'it' : 'them'} and it fails` : 'with other values it fails';
    return {
      ...base, status: 'holds-at-given-values', steps, failingStep: null,
      message: `holds only for these values: ${what}${at(miss.t)} (left ${valueText(lv)}, right ${valueText(rv)} at random draw ${seed})`,
    };
  }
  return { ...base, status: 'holds', steps, failingStep: null, message: `holds${range} at the file's values and ${ctx.drawCount} random draws` };
}

function givenText(ctx: QuestionContext, c: string): string {
  const id = ids.parseNodeKey(c);
  if (id.step === null) {
    const d = ctx.model.decls.get(c);
    if (!d?.values) return '';
    const v = d.values[0]!;
    return d.perStep ? '' : `${c} = ${valueText(toValue({ shape: d.shape, data: v }))}`;
  }
  const q = ctx.model.quantities.get(id.name);
  const step = id.step;
  const n = ctx.run.value(q!.name, step);
  if (!n) return '';
  const all0 = n.data.every((x) => x === 0);
  return `${refText(q!.name, { v: null, k: step })} = ${all0 ? '0' : valueText(toValue(n))}`;
}

/** a failing ∂A/∂B whose other side is ∂⁺A/∂B (or the reverse): say so */
function partialHint(q: CheckQuestion, run: Run): string | null {
  for (const [d, other] of [[q.lhs, q.rhs], [q.rhs, q.lhs]] as const) {
    if (d.k !== 'deriv') continue;
    const alt: Expr = { ...d, total: !d.total };
    try {
      const steps: (number | null)[] = q.freeT ? q.steps : [null];
      const ok = steps.every((t) => {
        const env: Env = t === null ? {} : { t };
        return close(run.evaluateAt(alt, env).data, run.evaluateAt(other, env).data);
      });
      if (!ok) continue;
      const total = exprText(d.total ? d : alt);
      const imm = exprText(d.total ? alt : d);
      const wrt = refText(d.wrt.name, d.wrt.idx);
      return d.total
        ? `The other side is the immediate partial ${imm} (only ${wrt}'s direct appearance in ${exprText(d.of)}'s own equation), not the total derivative ${total}, which also counts every path through earlier steps`
        : `The other side is the total derivative ${total} (every path), not the immediate partial ${imm} (only ${wrt}'s direct appearance)`;
    } catch (e) {
      if (!(e instanceof RunError) && !(e instanceof LimitError)) throw e;
    }
  }
  return null;
}

/**
 * A failing ∂A/∂B whose other side is the total minus exactly one path family — the paths that leave B
 * through one node C (∂A/∂C·∂⁺C/∂B) — names that path: "it leaves out the path through u_t".
 */
function pathHint(q: CheckQuestion, run: Run): string | null {
  if (run.tape.nodes.length > 50_000) return null;
  for (const [d, other] of [[q.lhs, q.rhs], [q.rhs, q.lhs]] as const) {
    if (d.k !== 'deriv' || !d.total) continue;
    const steps: (number | null)[] = q.freeT ? q.steps : [null];
    // candidates keyed by quantity and offset from t, so that one explanation holds at every step
    let agreed: Map<string, { name: string; off: number | null; value: Tensor }> | null = null;
    try {
      for (const t of steps) {
        const env: Env = t === null ? {} : { t };
        const total = run.derivativeAt(d.of, d.wrt, env, true).tensor;
        const want = run.evaluateAt(other, env);
        const bStep = stepOf(d.wrt.idx, env);
        const B = run.node(d.wrt.name, bStep);
        if (!B) return null;
        const here = new Map<string, { name: string; off: number | null; value: Tensor }>();
        for (const c of run.quantityNodes()) {
          if (c.node.id <= B.id) continue;
          const J = run.immediate(c.node).get(B.id);
          if (!J || J.every((x) => x === 0)) continue;
          const viaC = run.derivativeAt(d.of, { name: c.name, idx: c.t === null ? null : { v: null, k: c.t } }, env, true);
          if (!viaC.reached) continue;
          const contrib = chainProduct(viaC.tensor.data, J, B.data.length, total.data.length);
          const rest = total.data.map((x, i) => x - contrib[i]!);
          if (!close(rest, want.data)) continue;
          const off = c.t === null ? null : t === null ? c.t : c.t - t;
          here.set(`${c.name}@${off}`, { name: c.name, off, value: { shape: total.shape, data: contrib } });
        }
        if (agreed === null) agreed = here;
        else for (const k of [...agreed.keys()]) if (!here.has(k)) agreed.delete(k);
        if (!agreed.size) break;
      }
    } catch (e) {
      if (e instanceof RunError || e instanceof LimitError) return null;
      throw e;
    }
    const hit = agreed && [...agreed.values()][0];
    if (!hit) continue;
    const cText = hit.off === null ? refText(hit.name, null) : q.freeT ? refText(hit.name, { v: 't', k: hit.off }) : refText(hit.name, { v: null, k: hit.off });
    const of = d.of.k === 'ref' ? exprText(d.of) : `(${exprText(d.of)})`;
    const wrt = refText(d.wrt.name, d.wrt.idx);
    const term = cText === of ? `∂⁺${of}/∂${wrt}` : `∂${of}/∂${cText}·∂⁺${cText}/∂${wrt}`;
    return `The other side leaves out the path through ${cText}: the term ${term}${q.freeT ? '' : ` = ${valueText(toValue(hit.value))}`}`;
  }
  return null;
}

/** (∂A/∂C as rows over A's entries) × (∂⁺C/∂B as rows over C's entries) → rows over A × B's entries */
function chainProduct(ac: Float64Array, cb: Float64Array, nB: number, outLen: number): Float64Array {
  const m = outLen / nB;
  const nC = cb.length / nB;
  const out = new Float64Array(outLen);
  for (let i = 0; i < m; i++) for (let k = 0; k < nC; k++) {
    const a = ac[i * nC + k]!;
    if (a === 0) continue;
    for (let j = 0; j < nB; j++) out[i * nB + j] += a * cb[k * nB + j]!;
  }
  return out;
}

/** a hand-written sum of chain products, matched against the paths of the graph, term by term */
function termsHint(q: CheckQuestion, run: Run, t: number | null): string | null {
  try {
    for (const [d, other] of [[q.lhs, q.rhs], [q.rhs, q.lhs]] as const) {
      if (d.k !== 'deriv') continue;
      const h = termHint(d, other, t === null ? {} : { t }, run, nodeLabel(run));
      if (h) return h;
    }
  } catch (e) {
    if (!(e instanceof RunError) && !(e instanceof LimitError)) throw e;
  }
  return null;
}
