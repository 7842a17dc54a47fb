// A mistake carried over from an earlier equation (issue 9: each mistake named at the equation where it is made).
// A solution derives step by step: when (1) writes ∂L/∂o_t = 2(o_t − y_t) with the loss's ½ dropped, (2) and (4)
// copy 2(o_3 − y_3) forward where ∂L/∂o_3 belongs. Each is its own claim about the network and fails (LANGUAGE.md
// §8), with its own diagnosis; a grader adds "as in (1)", which is said after it. Two relations are sought, only
// for a check that fails:
// - a later check writes an earlier failing check's right side (at some step) where that check's left side
//   belongs: with the left side in its place the later check holds, here and at a draw;
// - a later link of a chain equals the link before it, which fails: the mistake was made there and simplified on.

import { bindIdxVar } from '../../language/idx';
import type { CheckQuestion, Expr, Idx } from '../../language/model';
import { exprText, refText } from '../../language/print';
import { midSentence } from '../format';
import { Memo } from '../memo';
import { forChildren, mapIndicesOf, VALUE_CHILDREN } from '../../language/resolve';
import type { Range } from '../../report';
import type { Run } from '../run';
import { bindVar } from '../subst';
import { confirmed, type OtherValues } from './confirm';
import type { Claim } from './hints';
import { replacing } from './replacing';
import { holdsWith } from './textbook';
import { underMinus } from './signedCopy';

/** an earlier check that failed, as the later ones may have copied it */
export interface Failed {
  q: CheckQuestion;
  /** the steps at which it failed at the file's values (a check with a free t); where it held, its form is no mistake */
  failing?: ReadonlySet<number>;
}

/** steps of an earlier check tried as the step its form was copied at: past this many, only t itself and t ± 1 */
const MAX_STEPS = 24;

/** how a check is named in another's message: its label when it has one; "on line N" is mapped to a solution's own line */
function named(q: CheckQuestion): string {
  return q.tag ? `(${q.tag}) on line ${q.line}` : `the check on line ${q.line}${q.links > 1 ? `, link ${q.link}` : ''}`;
}

/** e with its free step t moved by d (a δ recursion copies δ_t's form at t + 1) */
function shifted(e: Expr, d: number): Expr {
  return mapIndicesOf(e, 't', (i) => (i.v === 't' && !i.terms?.length ? { ...i, k: i.k + d } : i));
}

/** where an instance of an earlier check stands: as written (null), its free step t moved by d, or t bound to a step */
type At = { shift: number } | { bind: number } | null;

/**
 * the steps at which a later check may have copied the earlier one (t kept, t ± 1, each step at which it failed:
 * `∂L/∂h_t = 2 h_t` is wrong at t = 1 but right at t = T, so 2 h_T copied is no mistake carried)
 */
function instanceSteps(q: CheckQuestion, T: number, failing?: ReadonlySet<number>): At[] {
  const out: At[] = [null];
  if (!q.freeT) return out;
  for (const d of [1, -1]) out.push({ shift: d });
  const steps = q.steps.length <= MAX_STEPS ? q.steps : [];
  for (const s of steps) if (s >= 1 && s <= T && (!failing || failing.has(s))) out.push({ bind: s });
  return out;
}

/** a side of the earlier check written at `at` */
const sideAt = (e: Expr, at: At): Expr => (at === null ? e : 'shift' in at ? shifted(e, at.shift) : bindVar(e, 't', at.bind));

/** a reference's step in the instance at `at`: the index map shifted() and bindVar give every reference (mapIndicesOf) */
function idxAt(i: Idx | null, at: At): Idx | null {
  if (!i || at === null) return i;
  if ('shift' in at) return i.v === 't' && !i.terms?.length ? { ...i, k: i.k + at.shift } : i;
  return bindIdxVar(i, 't', at.bind);
}

/**
 * an instance of an earlier check's form, made and printed only when a later side may write it: `refs` are its
 * references as printed, each of which its text (and a factor's that holds it) writes whole (exprText prints every
 * child as it prints alone, a reference as refText)
 */
interface Form {
  at: At;
  refs: string[];
  sides?: { wrong: Expr; meant: Expr };
  text?: string;
  factorTexts?: string[];
}

/** the references of e as printed, each once (every child, into derivatives, index positions and exponents) */
function refTexts(e: Expr, out = new Set<string>()): Set<string> {
  if (e.k === 'ref') out.add(refText(e.name, e.idx));
  forChildren(e, (c) => refTexts(c, out));
  return out;
}

/** the references of e (every child, as refTexts walks), and whether a Σ/∏ stands in it (it may bind t: then its body keeps its steps) */
function refsOf(e: Expr, out: { refs: (Expr & { k: 'ref' })[]; bound: boolean }) {
  if (e.k === 'ref') out.refs.push(e);
  if (e.k === 'sum' || e.k === 'prod') out.bound = true;
  forChildren(e, (c) => refsOf(c, out));
  return out;
}

/** the instances of an earlier failing check, made once: every later failing check of the analysis asks for them */
const formsOf = new Memo<CheckQuestion, Form[]>();

function forms(f: Failed, T: number): Form[] {
  let out = formsOf.get(f.q);
  if (out) return out;
  const { refs, bound } = refsOf(f.q.rhs, { refs: [], bound: false });
  // each instance's references as printed, from the written ones' steps moved as the instance moves them: the
  // instance itself is made only for a side that prints them all (issue 9: most later checks print none)
  out = instanceSteps(f.q, T, f.failing).map((at): Form => {
    if (!bound) return { at, refs: [...new Set(refs.map((r) => refText(r.name, idxAt(r.idx, at))))] };
    const sides = { wrong: sideAt(f.q.rhs, at), meant: sideAt(f.q.lhs, at) };
    return { at, refs: [...refTexts(sides.wrong)], sides };
  });
  formsOf.set(f.q, out);
  return out;
}

/** a side's value nodes by their printed text (not into a derivative, which names its own operands) */
function nodesByText(e: Expr, out = new Map<string, Expr[]>()): Map<string, Expr[]> {
  const text = exprText(e);
  out.set(text, [...(out.get(text) ?? []), e]);
  if (e.k !== 'deriv') forChildren(e, (c) => nodesByText(c, out), VALUE_CHILDREN);
  return out;
}

/** the factors of a product of scalars, in order (juxtaposition, ·): a(bc) and (ab)c alike */
function factors(e: Expr, out: Expr[] = []): Expr[] {
  if (e.k === 'mul' && !e.shape.length) {
    factors(e.a, out);
    factors(e.b, out);
  } else out.push(e);
  return out;
}

/**
 * a scalar product of the side whose factors include the earlier form's as a run, in order: (h_3 − y_3) o_3 (1 − tanh(c_3))
 * writes o_3 (1 − tanh(c_3)) though the parse groups ((h_3 − y_3) o_3)(1 − tanh(c_3)). The product with that run
 * replaced by `by`, and the run's first factor (the culprit shown); null when no product has it.
 */
function inProduct(side: Expr, wrong: Expr, want: readonly string[], by: Expr): { side: Expr; range: Range } | null {
  if (want.length < 2 || wrong.shape.length) return null;
  const hits: { node: Expr; rebuilt: Expr; range: Range }[] = [];
  const go = (e: Expr, parentIsProduct: boolean): void => {
    if (hits.length || e.k === 'deriv') return;
    const product = e.k === 'mul' && !e.shape.length;
    if (product && !parentIsProduct) {
      const fs = factors(e);
      const texts = fs.map(exprText);
      for (let j = 0; j + want.length <= fs.length && fs.length > want.length; j++) {
        if (!want.every((w, k) => texts[j + k] === w)) continue;
        const kept = [...fs.slice(0, j), by, ...fs.slice(j + want.length)];
        const rebuilt = kept.reduce((a, b): Expr => ({ k: 'mul', a, b, shape: [], range: e.range }));
        const first = fs[j]!.range;
        const last = fs[j + want.length - 1]!.range;
        hits.push({
          node: e,
          rebuilt,
          range: { line: first.line, column: first.column, endLine: last.endLine, endColumn: last.endColumn },
        });
        return;
      }
    }
    forChildren(e, (c) => go(c, product), VALUE_CHILDREN);
  };
  go(side, false);
  const hit = hits[0];
  return hit ? { side: replacing(side, hit.node, hit.rebuilt), range: hit.range } : null;
}

/** node is a term of a sum in side (a direct operand of + or −, through the sum's other terms and a minus) */
function isAddend(side: Expr, node: Expr): boolean {
  let found = false;
  const go = (e: Expr): void => {
    if (found || e.k === 'deriv') return;
    if (e.k === 'add' || e.k === 'sub') {
      const term = (x: Expr) => x === node || (x.k === 'neg' && x.a === node);
      if (term(e.a) || term(e.b)) {
        found = true;
        return;
      }
    }
    forChildren(e, go, VALUE_CHILDREN);
  };
  go(side);
  return found;
}

/** a form too small to be a copied mistake (a lone name or number): matching it would replace every use of it */
const trivial = (e: Expr) => e.k === 'ref' || e.k === 'num' || e.k === 'var' || e.k === 'deriv';

/**
 * "This is the mistake of eq. (1) on line 21, carried over: 2(o_3 − y_3) is its right side for ∂L/∂o_3, which it gets
 * wrong; with ∂L/∂o_3 in its place this check holds". Only the formula side (the right) is searched; each earlier
 * failing check is asked once per form of its right side the later check writes (a text match), one evaluation each.
 */
export function carriedHint(
  c: Claim,
  q: CheckQuestion,
  failed: readonly Failed[],
  run: Run,
  other: OtherValues,
  explain: ((rhs: Expr) => string | null) | null = null,
): { text: string; culprit: Range | null } | null {
  if (!failed.length) return null;
  // every value node of the side prints as a piece of the side's text (exprText writes each child's text whole), so a
  // form with a reference (or whose text, or a factor's text) not in it is written nowhere in the side: the forms and
  // the side's nodes are printed only when one may be (issue 11: printing them all was most of this hint's time)
  let sideText: string | null = null;
  let written: Map<string, Expr[]> | null = null;
  let lhsText: string | null = null;
  // a copy that leaves a second mistake: what is still wrong with the copy mended, asked of the first such copy only
  let second: { text: string; culprit: Range | null } | null = null;
  for (const f of failed) {
    if (f.q === q || trivial(f.q.rhs)) continue;
    for (const form of forms(f, run.model.T)) {
      const side = (sideText ??= exprText(c.rhs));
      if (!form.refs.every((r) => side.includes(r))) continue;
      const { wrong, meant } = (form.sides ??= { wrong: sideAt(f.q.rhs, form.at), meant: sideAt(f.q.lhs, form.at) });
      const text = (form.text ??= exprText(wrong));
      const at = side.includes(text) ? (written ??= nodesByText(c.rhs)).get(text) : undefined;
      let rhs = c.rhs;
      let culprit: Range | null = at ? at[0]!.range : null;
      if (at) for (const node of at) rhs = replacing(rhs, node, meant);
      else {
        // written as a run of a longer product's factors
        const want = (form.factorTexts ??= factors(wrong).map(exprText));
        if (!want.every((w) => side.includes(w))) continue;
        const run = inProduct(c.rhs, wrong, want, meant);
        if (!run) continue;
        rhs = run.side;
        culprit = run.range;
      }
      // the same equation written again (its right side the earlier one's wrong form, its left that one's left): with the
      // left side in its place it "holds" only as A = A, which names nothing
      if (rhs === c.rhs || exprText(rhs) === (lhsText ??= exprText(c.lhs))) continue;
      const copy = `${text} is its wrong form of ${exprText(meant)}`;
      if (holdsWith(c, c.lhs, rhs, run) && confirmed(other, c.lhs, rhs, c.points))
        return {
          text: `This is the mistake of ${named(f.q)}, carried over: ${copy}; with ${exprText(meant)} in its place it holds`,
          culprit,
        };
      if (second || !explain) continue;
      // an earlier side that left a term out, written here as one term of a sum (Vᵀ ∇_o L beside Wᵀ … ∇_{h_{t+1}} L):
      // the sum adds what it left out, so it is no copy of that mistake; what this side gets wrong is its own
      if (at && at.some((n) => isAddend(c.rhs, n))) continue;
      // an earlier slip that only dropped a sign (t_t − y_t for −(t_t − y_t)), written here under a minus: the right form
      const negMeant: Expr = { k: 'neg', a: meant, shape: meant.shape, range: meant.range };
      const everyStep = Array.from({ length: run.model.T }, (_, k) => ({ t: k + 1, env: { t: k + 1 }, label: '' }));
      if (at && at.every((n) => underMinus(c.rhs, n)) && holdsWith({ ...c, points: everyStep }, wrong, negMeant, run)) continue;
      const why = explain(rhs);
      second = why
        ? {
            text: `It carries over the mistake of ${named(f.q)} (${copy}), and with ${exprText(meant)} in its place it still fails: ${midSentence(why)}`,
            culprit,
          }
        : { text: '', culprit: null };
    }
  }
  return second?.text ? second : null;
}

/**
 * A chain's later link that equals the link before it, which fails (A = B = C with B wrong, C simplified from B): the
 * mistake is made at B. Judged here and at a draw, so a coincidence of the file's values is not called so.
 */
export function fromPreviousLink(c: Claim, q: CheckQuestion, failed: readonly Failed[], run: Run, other: OtherValues): string | null {
  if (q.link < 2) return null;
  const same = (a: Range, b: Range) => a.line === b.line && a.column === b.column;
  const prev = failed.find((f) => same(f.q.range, q.range) && f.q.link === q.link - 1) ?? null;
  if (!prev) return null;
  if (!holdsWith(c, prev.q.rhs, c.rhs, run) || !confirmed(other, prev.q.rhs, c.rhs, c.points)) return null;
  return `It equals the side before it (link ${prev.q.link}), which already fails: the mistake is made there and carried into this side`;
}
