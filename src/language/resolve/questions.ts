// `derive` and `check` lines: their expressions, and the steps at which they are asked.

import { exampleLetter, exampleOnly } from './lastStepTarget';
import { outerFactorHint } from './outerFactor';
import { parametersArgument } from './parametersArgument';
import { placeholderArguments } from './placeholder';
import type { Range } from '../../report';
import { diag } from '../diagnostics';
import { LIMITS } from '../limits';
import type { Ast, Statement } from '../ast';
import type { CheckQuestion, Expr, FreeIndex, Idx, Question } from '../model';
import { same, shapeText } from '../shapes';
import { Abandoned, exprContext, type ExprContext } from './context';
import { readExpression } from './expressions';
import { entrySizes, unitColumns } from './readBig';
import { scaledIdentitySide } from './identityTerms';
import type { Scope } from './scope';
import { refWritten } from './text';
import { firstUndefined, flatProbes, UndefinedSearch, type Flat, type Undefined } from './timeChecks';
import { withinBounds } from '../idx';
import { isLastStep, LENGTH_LOWER_N, LENGTH_N, NIELSEN_L, tryTimeIndex } from './timeIndex';
import { constValue } from './values';
import { forChildren, hasDeriv, mapChildren, mapIndicesOf, mentionedVars, refsAny } from './walk';
import { displayName, exprText } from '../print';
import { firstSegment, lastUnderscore } from '../segments';
import { identityVariables, layerVariable, letterSegment, readIdentity, variableLetter } from './identity';
import { checkLabel, labelNote } from './checkLabel';
import { bareIdentity } from './identityMatrix';
import { zeroSide } from './zeroSide';
import { writesStepWords } from './stepWords';
import { writtenName } from './text';
import { span } from '../ast';
import { bindsTau, sumsToN, tauBeforeT } from './tauStep';
import { costDerivativeNote, ownFunctionDefined, ownFunctionDerived } from './ownFunction';
import { EPOCH_N, epochBound, epochEnds } from './epochSteps';
import { orderedMark, swapOrdered } from './ordered';
import { jacobianAsGradient } from './jacobianAsGradient';
import { stepNamedBy, timedEntry } from './entryAndStep';

/**
 * open: an end was left open (`for t < T`): steps where a side is undefined are left out there, as with no range.
 * v: the index it ranges, t or a free index of the check (`for k = 0..T-1`, seed 003's layers)
 */
type StepRange = {
  v: string;
  from: number;
  to: number;
  open: boolean;
  at: Range;
  /** bounds that read t (`for k = 1..t`, `for k ≤ t`): the index runs within them at each t */
  lo?: Idx;
  hi?: Idx;
};

export function readQuestions(statements: Statement[], scope: Scope): Question[] {
  const questions: Question[] = [];
  let fileSumsToN: boolean | undefined;
  let fileSumsOverTau: boolean | undefined;
  // by index: no iterator result per statement (the reader runs at every keystroke)
  for (let n = 0; n < statements.length; n++) {
    const st = statements[n]!;
    if (st.k !== 'derive' && st.k !== 'check') continue;
    if (scope.usedClauses.has(st)) continue;
    const sides = questionSides(st);
    // `1 ≤ k ≤ t` displayed on its own: the range of a derivation's indices, no bound of the network's values (judged,
    // it would fail wherever k > t)
    if (st.k === 'check' && st.relations && sides.every((a) => indexLike(scope, a))) {
      scope.error(
        `${st.text.trim()} relates indices only: a range, no bound to check (a check's range is written after it: for k = 1..t)`,
        st.range,
        'bound',
      );
      continue;
    }
    // LeCun's ℒ(W, U, h, λ) = …: a function of the solution's own, defined, not checked; ∂ℒ/∂W after it (ownFunction.ts)
    const own = st.k === 'check' ? ownFunctionDefined(scope, st) : null;
    if (own) {
      scope.ownFunctions.set(own, st.range.line);
      scope.error(
        `${own}(…) = … defines a function of the solution's own (${own} is no name of the network): not checked, and ∂${own}/∂… is no derivative of the network's; ${costDerivativeNote(scope)}`,
        st.k === 'check' ? st.lhs.range : st.range,
        'unknown-name',
      );
      continue;
    }
    const ownUsed = ownFunctionDerived(scope, sides);
    if (ownUsed) {
      scope.error(
        `∂${ownUsed}/∂…: ${ownUsed} is the function of the solution's own defined on line ${scope.ownFunctions.get(ownUsed)}, no quantity of the network; ${costDerivativeNote(scope)}`,
        st.range,
        'unknown-name',
      );
      continue;
    }
    const search = new LetterSearch(scope);
    for (let k = 0; k < sides.length; k++) search.go(sides[k]!, false);
    // Σ_{n=1}^{N} with no N of the file's: N is the last step (tauStep.ts sumsToN), no free index
    // and so where another question of the file sums up to it (Sherstinsky's χ[N] = r[N] − d[N] beside his Σ_{n=1}^{N}):
    // the file's own letter for the last step, asked only where a check writes N
    const lengthN =
      search.letters?.has('N') === true &&
      !scope.isKnown('N') &&
      (sumsToN(sides) || (fileSumsToN ??= someQuestion(statements, (sides) => sumsToN(sides))));
    // Roelants's Σ_{k=1}^{n}, n the sequence's length, likewise (a lowercase n no Σ binds and the file does not define)
    const lengthn = search.letters?.has('n') === true && !scope.isKnown('n') && !search.bound?.has('n') && sumsToN(sides, 'n');
    const frees = freeCandidates(scope, search, sides, () => (fileSumsOverTau ??= someQuestion(statements, bindsTau))).filter(
      (l) => (!lengthN || l !== 'N') && (!lengthn || l !== 'n'),
    );
    // `tanh'(z) = 1 − tanh(z)^2` with z no name of the network: an identity in z (identity.ts), when it reads nothing
    // else; z_i's i is a candidate free index only as the subscript of such a variable (then no index: z_i is one)
    const variables =
      st.k === 'check' && search.values && frees.every((f) => search.segments?.has(f))
        ? identityVariables(scope, search.values, search.bound)
        : null;
    const identity = variables && readIdentity(scope, st as Statement & { k: 'check' }, variables);
    if (identity) {
      questions.push(...identity);
      continue;
    }
    // t, the free letters, Nielsen's L: added in turn (no arrays spread into the Set per question)
    const vars = new Set(['t']);
    for (const f of frees) vars.add(f);
    if (!scope.isKnown('L')) vars.add(NIELSEN_L);
    if (lengthN) vars.add(LENGTH_N);
    if (lengthn) vars.add(LENGTH_LOWER_N);
    if (epochEnds(scope, st, sides)) vars.add(EPOCH_N);
    // no Set for a question with no free letter (most): ctx.free is only asked whether it has one
    const ctx = exprContext(scope, vars, false, null, true, true, frees.length ? new Set(frees) : undefined, undefined);
    try {
      if (st.k === 'derive') {
        const read = deriveFree(scope, readExpression(st.expr, ctx), st.range);
        if (!read) continue;
        const { e, freeT } = read;
        const steps = questionSteps(scope, [e], freeT, null, st.range);
        if (steps) questions.push({ kind: 'derive', expr: e, freeT, steps, free: [], line: st.range.line, range: st.range, text: st.text });
      } else {
        const first = questions.length;
        questions.push(...readCheck(scope, st, ctx));
        if (frees.includes('n') && !scope.isKnown('N') && (fileSumsToN ??= someQuestion(statements, (sides) => sumsToN(sides))))
          for (let i = first; i < questions.length; i++) (questions[i] as CheckQuestion).lengthN = true;
      }
    } catch (x) {
      if (!(x instanceof Abandoned)) throw x;
    }
  }
  return questions;
}

/** unitColumns over the sides together (a check's left side ε_k, its right side's w_lk) */
function unitsOf(sides: Expr[], v: string, sizes: Set<number>): number | null {
  const uses: { size: number; entry: Expr }[] = [];
  for (const e of sides) entrySizes(e, v, uses);
  return unitColumns(uses, sizes);
}

/** a derive's expression, a check's sides */
function questionSides(st: Statement & { k: 'derive' | 'check' }): Ast[] {
  return st.k === 'derive' ? [st.expr] : [st.lhs, st.rhs, ...st.more];
}

/**
 * whether some question of the file has sides `test` takes: a Σ/∏ over τ makes τ a running step in every question
 * (tauStep.ts bindsTau), a Σ/∏ up to a bare N makes N the last step (sumsToN)
 */
function someQuestion(statements: Statement[], test: (sides: Ast[]) => boolean): boolean {
  return statements.some((st) => (st.k === 'derive' || st.k === 'check') && test(questionSides(st)));
}

/**
 * A derive's free index (LANGUAGE.md §3): t, or one other letter in step positions only (seed 003's layers,
 * `derive ∂E/∂p^{(k)}`), which runs over the steps as t does and is read as t (an information says so: the
 * results and the general line are written with t). An entry index (`p_i`) or a second free letter has no
 * reading in a derive, which gives one whole derivative per step: an error that names it, instead of the
 * evaluator's "k is not bound" at run time. Null when reported.
 */
function deriveFree(scope: Scope, e: Expr, where: Range): { e: Expr; freeT: boolean } | null {
  const vars = mentionedVars(e);
  const others = [...vars].filter((v) => v !== 't');
  if (!others.length) return { e, freeT: vars.has('t') };
  const entry = others.find((v) => entrySizes(e, v).size > 0);
  if (entry || others.length > 1 || vars.has('t') || bindsT(e)) {
    const v = entry ?? others[others.length - 1]!;
    scope.error(
      entry
        ? `a derive gives the whole derivative: the free entry index ${v} has no reading here — derive the whole vector, or write an entry's number in place of ${v}`
        : `a derive has one free step, written t: ${v} is a second free index (a check reads several; derive one with the other given a number)`,
      where,
      'index',
    );
    return null;
  }
  const k = others[0]!;
  scope.diagnostics.push(
    diag('information', `${k} runs over the steps, as t does: one result per step, written with t`, where, 'free-step'),
  );
  return { e: renameVar(e, k, 't'), freeT: true };
}

/** whether a Σ/∏ of e binds t (renaming a free index to t there would be captured) */
function bindsT(e: Expr): boolean {
  if ((e.k === 'sum' || e.k === 'prod') && e.v === 't') return true;
  let found = false;
  forChildren(e, (c) => {
    found ||= bindsT(c);
  });
  return found;
}

function renameIdx(i: Idx, from: string, to: string): Idx {
  const v = i.v === from ? to : i.v;
  return i.terms ? { v, k: i.k, terms: i.terms.map((t) => (t.v === from ? { ...t, v: to } : t)) } : { v, k: i.k };
}

/** e with the free index `from` written `to` (a Σ/∏ that binds `from` itself shadows it in its body) */
function renameVar(e: Expr, from: string, to: string): Expr {
  return mapIndicesOf(e, from, (i) => renameIdx(i, from, to));
}

/**
 * check E₀ = E₁ = E₂ … : one CheckQuestion per link E₀ = Eₖ (LANGUAGE.md §5). A side that does not read
 * gets its diagnostic and drops its link; the other links still stand.
 */
function readCheck(scope: Scope, st: Statement & { k: 'check' }, outer: ExprContext): Question[] {
  // a product of a side that forms only with a transpose mended is read so (expressions.ts), its error said
  scope.mends = [];
  scope.stepFunction = writesStepWords(st);
  try {
    return readCheckSides(scope, st, outer);
  } finally {
    scope.mends = null;
    scope.entryCounts = null;
    scope.checkLeft = null;
    scope.checkSides = null;
    scope.stepFunction = false;
  }
}

function readCheckSides(scope: Scope, st: Statement & { k: 'check' }, outer: ExprContext): Question[] {
  // `δ_2 = (y_2 − d_2) y_2 (1 − y_2) = (0.6455 − 1)(…)`, δ a name of its own: the first link defines it and is not
  // checked; the chain is judged from its second side on, each link under its written number (checkLabel.ts)
  const label = checkLabel(scope, st);
  const offset = label ? 1 : 0;
  const left = readExpression(label ? st.rhs : st.lhs, outer);
  const leftMends = scope.mends!;
  scope.checkLeft = left.shape;
  scope.checkSides = label ? st.more : [st.rhs, ...st.more];
  if (label) scope.diagnostics.push(diag('information', labelNote(writtenName(label)), span(st.lhs.range, st.rhs.range), 'label'));
  // σ'(·) on a later side: the argument of σ in the equation the left side differentiates
  const ctx = st.placeholder
    ? exprContext(scope, outer.vars, outer.quiet, outer.of, outer.allowDeriv, outer.record, outer.free, placeholderArguments(left, scope))
    : outer;
  // the left side's variables serve every link of a chain
  const lhsVars = mentionedVars(left);
  const range = st.forRange ? readForRange(scope, st.forRange) : null;
  if (range === false) return [];
  const sides = chainSides(scope, label ? st.more : [st.rhs, ...st.more]);
  const links: Question[] = [];
  // the latest right side of names, as read: a later side of numbers was computed from it (perhaps through other sides
  // of numbers, 0.4611 − 1 = −0.5389)
  let before: Expr | null = null;
  // the side just read, when it is written in numbers alone: what the next side may round
  let numbersBefore: Expr | null = null;
  let orderedSaid = false;
  // a bound's side before this one: each of its sides is bounded by the next (0 < σ'(z) ≤ 1/4 is two bounds); null
  // when that side did not read
  let boundedBy: Expr | null = left;
  sides.forEach((side, n) => {
    let rhs: Expr;
    const prev = before;
    const previous = numbersBefore;
    numbersBefore = null;
    // in a chain with a bound every link relates the side before it (A = B ≤ C: B = A, C ≥ B); = is an equality
    const link = st.relations?.[n];
    const relation = link === '=' ? undefined : link;
    const sideBefore = boundedBy;
    scope.mends = [];
    try {
      // Clark's ∂z/∂b = I, Mikolov's αI: a side that is the bare identity (or a scale times it) takes its size from
      // the square matrix it equals
      rhs =
        (sideBefore &&
          (bareIdentity(side, sideBefore, '-', false, ctx) || scaledIdentitySide(side, sideBefore, ctx) || zeroSide(side, sideBefore))) ||
        readExpression(side, ctx);
    } catch (x) {
      if (!(x instanceof Abandoned)) throw x;
      boundedBy = null;
      return;
    }
    if (link) boundedBy = rhs;
    // the side before did not read: this link has no left side — judged against an earlier side it said "holds" of
    // ‖J‖ ≤ ‖Wᵀ‖ ‖diag(…)‖ < 1/γ γ < 1 (γ unknown) at its third link, which as written is 1 < 1, false (session 47)
    const linkLeft = st.relations ? sideBefore : left;
    if (!linkLeft) {
      scope.diagnostics.push(
        diag(
          'information',
          `link ${n + 1 + offset} not checked: the side before it does not read, and each link of a chain with a bound relates a side to the one before it`,
          side.range,
          'link-not-checked',
        ),
      );
      return;
    }
    let lhs = linkLeft;
    // a bound compares numbers: a vector or matrix side has no order (a norm or an entry is what a bound states)
    if (relation && (lhs.shape?.length || rhs.shape?.length)) {
      const what = lhs.shape?.length ? lhs : rhs;
      scope.error(
        `a bound (${relation}) compares two numbers, and ${lhs.shape?.length ? 'its left' : 'its right'} side is a ${shapeText(what.shape!)}: bound a norm (‖…‖) or an entry`,
        sides.length > 1 ? side.range : st.range,
        'shape-mismatch',
      );
      return;
    }
    const mended = leftMends.length || scope.mends.length ? [...leftMends, ...scope.mends] : null;
    // Werbos's ordered derivatives (∂⁺E/∂net_t, E reading no net): ∂⁺ is the total derivative, ∂ the direct one
    const ordered = orderedMark(scope, [lhs, rhs]);
    if (ordered) {
      lhs = swapOrdered(lhs);
      rhs = swapOrdered(rhs);
      if (!orderedSaid) {
        orderedSaid = true;
        scope.diagnostics.push(
          diag(
            'information',
            `read with Werbos's ordered derivatives: ∂⁺${displayName(ordered.of)}/∂${displayName(ordered.wrt)} is the derivative along every path and ∂ the direct one (in this language's reading ∂⁺ is the direct one, and ${displayName(ordered.of)} reads no ${displayName(ordered.wrt)} directly); its verdict writes them in this language's notation, ∂ for every path and ∂⁺ for the direct one`,
            st.range,
            'ordered-derivative',
          ),
        );
      }
    }
    if (hasDeriv(rhs) || refsAny(rhs)) before = rhs;
    else if (!rhs.shape?.length) numbersBefore = rhs;
    const asRow = rowAgainstVector(lhs.shape, rhs.shape);
    if (asRow) {
      // (∇_o L)ᵀ V, 1ᵀ diag(…) W: the gradient written as the row numerator layout makes it, against a vector
      // side: the same entries, so the row is compared as the vector (LANGUAGE.md §4 reads `v M` so already)
      const row = asRow === 'lhs' ? lhs : rhs;
      const vec = { k: 'transpose', a: row, shape: [row.shape[1]!], range: row.range } as Expr;
      if (asRow === 'lhs') lhs = vec;
      else rhs = vec;
      if (n === 0 || asRow === 'rhs')
        scope.diagnostics.push(
          diag(
            'information',
            `the ${shapeText(row.shape)} on ${asRow === 'lhs' ? 'the left side' : sides.length > 1 ? `side ${n + 2 + offset} of the chain` : 'the right side'} is a row (a gradient in numerator layout): it is compared entry by entry with the vector of ${row.shape[1]} on the other side`,
            asRow === 'lhs' ? st.lhs.range : side.range,
            'row-gradient',
          ),
        );
    }
    if (lhs.shape && rhs.shape && !same(lhs.shape, rhs.shape) && lhs.shape.length && rhs.shape.length) {
      const which = sides.length > 1 ? `side ${n + 2 + offset} of the chain` : 'the right side';
      scope.error(
        `shape mismatch: the left side is a ${shapeText(lhs.shape)}, ${which} a ${shapeText(rhs.shape)}${diagHint(lhs, rhs) || transposedShapes(lhs.shape, rhs.shape) || jacobianDiagonal(lhs, rhs) || jacobianAsGradient(lhs, rhs, scope.loss) || outerHint(lhs, rhs) || outerFactorHint(lhs, rhs, scope)}`,
        sides.length > 1 ? side.range : st.range,
        'shape-mismatch',
      );
      return;
    }
    // 1/H beside Σ_{i=1}^{H}: the letter a Σ read as its number of entries is that number on every side, no free index
    const counts = scope.entryCounts;
    if (counts) [lhs, rhs] = [counted(lhs, counts), counted(rhs, counts)];
    const rhsVars = mentionedVars(rhs);
    // a bound's left side is the side before this one (0 < ∂h_t/∂h_{t-1} ≤ w: link 2 reads t on its left)
    const leftVars = st.relations || counts ? mentionedVars(lhs) : lhsVars;
    const freeT = leftVars.has('t') || rhsVars.has('t');
    const where = sides.length > 1 ? side.range : st.range;
    const free = freeIndices(scope, [lhs, rhs], [leftVars, rhsVars], where, range);
    // a check at no free step that reads a step the network does not have (x_{t-1} summed from t = 1): a wrong
    // equation, judged by the engine as failing (with the step that mends it), not an error of its own
    let undefinedStep: CheckQuestion['undefinedStep'];
    const onUndefined: OnUndefined = (message, at, found, t) =>
      void (undefinedStep = { message, range: at, step: found.step, t, has: stepsOf(scope, found.ref.name) });
    let steps =
      free &&
      questionSteps(scope, [lhs, rhs], freeT, range?.v === 't' ? range : null, where, onUndefined, free, range?.v !== 't' ? range : null);
    if (!steps) return;
    if (st.where && !(steps = held(scope, st.where, steps, free!, freeT))) return;
    if (tooManyPoints(scope, steps, free!, freeT, where)) return;
    const within = range && (range.lo || range.hi) ? { v: range.v, lo: range.lo ?? null, hi: range.hi ?? null } : null;
    if (within && !freeT) {
      scope.error(
        `the range of ${range!.v} reads t, which is no free index of this check: write numbers (for ${range!.v} = 1..T)`,
        range!.at,
        'index',
      );
      return;
    }
    const approx = st.approx?.[n + offset];
    // the optional fields set one by one, in the order the spreads of an object each put them, text last (no object
    // made and copied per field: a tenth of this function's own time)
    const q: Omit<CheckQuestion, 'text'> & { text?: string } = {
      kind: 'check',
      lhs,
      rhs,
      freeT,
      steps,
      free: free!,
      line: side.range.line,
      range: st.range,
      rhsRange: side.range,
      link: n + 1 + offset,
      links: sides.length + offset,
    };
    if (st.tag !== undefined) q.tag = st.tag;
    if (approx) q.approx = approx;
    if (relation) q.relation = relation;
    if (undefinedStep) q.undefinedStep = undefinedStep;
    if (within) q.within = within;
    if (mended) q.mended = mended;
    if (prev) q.before = prev;
    if (previous) q.previous = previous;
    q.text = st.text;
    links.push(q as CheckQuestion);
  });
  return links;
}

/**
 * A check is judged at every step times every value of its other free indices: ∂h_t/∂h_k at T = 10,000 is
 * 10⁸ points, each at several draws. Past LIMITS.maxCheckPoints it is an error naming the count (reported),
 * not an analysis that never ends (LANGUAGE.md §6).
 */
function tooManyPoints(scope: Scope, steps: number[], free: FreeIndex[], freeT: boolean, where: Range): boolean {
  // the count first, in the message's order (t, then the free indices), with no array: every link of every check asks
  let count = freeT ? steps.length : 1;
  for (const f of free) count *= f.values.length;
  if (count <= LIMITS.maxCheckPoints) return false;
  const ranges = free.map((f) => ({ v: f.v, values: f.values }));
  if (freeT) ranges.unshift({ v: 't', values: steps });
  const text = ranges.map((f) => `${f.v} = ${f.values[0]}..${f.values[f.values.length - 1]}`).join(' × ');
  const held = free.length ? ` or hold an index (where ${free[free.length - 1]!.v} = …)` : '';
  scope.error(
    `this check is judged at ${count.toLocaleString('en')} points (${text}), more than ${LIMITS.maxCheckPoints.toLocaleString('en')} (limit): give a range (for t = a..b)${held}`,
    where,
    'limit',
  );
  return true;
}

/**
 * The sides after the first of a chain, at most LIMITS.maxChainLinks: each link is a check of its own,
 * with its own draws and its own entry in the JSON (which repeats the equation), so a chain of 20,000
 * sides took seconds and printed gigabytes. Past the limit an error names it; the first links are judged.
 */
function chainSides(scope: Scope, sides: Ast[]): Ast[] {
  if (sides.length <= LIMITS.maxChainLinks) return sides;
  const first = sides[LIMITS.maxChainLinks]!.range;
  const last = sides[sides.length - 1]!.range;
  scope.error(
    `this chain has ${sides.length.toLocaleString('en')} links, more than ${LIMITS.maxChainLinks} (limit): the links from here on are not judged`,
    { line: first.line, column: first.column, endLine: last.endLine, endColumn: last.endColumn },
    'limit',
  );
  return sides.slice(0, LIMITS.maxChainLinks);
}

/** which side is a 1×n row facing a vector of n on the other side (n > 1), if one is */
function rowAgainstVector(l: Expr['shape'] | null, r: Expr['shape'] | null): 'lhs' | 'rhs' | null {
  if (!l || !r) return null;
  const isRow = (a: Expr['shape'], b: Expr['shape']) => a.length === 2 && a[0] === 1 && b.length === 1 && a[1] === b[0];
  return isRow(l, r) ? 'lhs' : isRow(r, l) ? 'rhs' : null;
}

/** e with each free letter of `counts` (a Σ's number of entries) written as its number */
function counted(e: Expr, counts: ReadonlyMap<string, number>): Expr {
  if (e.k === 'var' && !e.idx.terms && e.idx.k === 0 && e.idx.v !== null && counts.has(e.idx.v))
    return { k: 'num', value: counts.get(e.idx.v)!, shape: [], range: e.range };
  return mapChildren(e, (x) => counted(x, counts));
}

/** one letter (one code point): a candidate free index */
const ONE_LETTER = /^\p{L}$/u;

/** numbers and letters the network does not define (k, t, T), added and subtracted: an index expression */
function indexLike(scope: Scope, a: Ast): boolean {
  if (a.k === 'num') return true;
  if (a.k === 'name') return !a.sub && !a.sup && !a.args && isOneLetter(a.raw) && (a.raw === 'T' || !scope.isKnown(a.raw));
  if (a.k === 'neg') return indexLike(scope, a.a);
  return a.k === 'bin' && (a.op === '+' || a.op === '-') && indexLike(scope, a.a) && indexLike(scope, a.b);
}

/** ONE_LETTER's test with the ASCII answer by code (every name of every question is asked; issue 11) */
export function isOneLetter(x: string): boolean {
  if (x.length === 1) {
    const c = x.charCodeAt(0);
    if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  }
  // two units are one letter only as a surrogate pair (a letter outside the BMP): no regular expression for W_xh's xh
  return x.length === 1 || (x.length === 2 && x.charCodeAt(0) >= 0xd800 && x.charCodeAt(0) <= 0xdbff) ? ONE_LETTER.test(x) : false;
}

/**
 * letters that may be free indices (LANGUAGE.md §3): single letters in an index position (a subscript, a
 * superscripted step, v[i], the segment of p_j) that the network does not define and no Σ/∏ of the question binds
 */
function freeCandidates(scope: Scope, search: LetterSearch, sides: Ast[], tauRuns: () => boolean): string[] {
  const letters = search.letters;
  if (letters === null) return [];
  const b = search.bound;
  // τ written as a step before t (∂a_t/∂a_τ = ∏_{k=τ+1}^{t} …, Bengio 1994) is a free step, not the last step (tauStep.ts);
  // so is τ where the file sums over it (Williams & Zipser's Σ_τ δ_i(τ) x_j(τ−1): τ runs over the epoch's steps)
  const tauFree = letters.has('τ') && (tauBeforeT(sides) || tauRuns());
  // the loss's example letter (ℓ_i: Prince's example i) is no step or entry to run over where it subscripts only the
  // loss and its one target (lastStepTarget.ts)
  const letter = exampleLetter(scope.loss);
  const example = letter !== null && letters.has(letter) && exampleOnly(letter, sides, scope) ? letter : null;
  return [...letters].filter(
    (l) =>
      l !== 't' &&
      l !== example &&
      (!isLastStep(l) || (l === 'τ' && tauFree)) &&
      !b?.has(l) &&
      !scope.isKnown(l) &&
      !scope.aliases.has(l) &&
      !scope.unavailable.has(l),
  );
}

/**
 * freeCandidates' walk: the letters in index positions, and the letters a Σ/∏ binds. A class with its two Sets (made
 * when a letter, a Σ/∏, is met: most questions have none, issue 11) and loops over lists, not a closure per question
 * and one per list walked.
 */
class LetterSearch {
  letters: Set<string> | null = null;
  bound: Set<string> | null = null;
  /** the names outside indices shaped as a free variable (z, x_1) that the file does not define: an identity's, perhaps (identity.ts) */
  values: Set<string> | null = null;
  /** the letters subscripting such names (z_i → i): no free index when the check is an identity */
  segments: Set<string> | null = null;
  constructor(private readonly scope: Scope) {}

  /** whether raw, a name the file does not define, is a vector sequence's name (before `cut`) with a segment after it */
  private timedVector(raw: string, cut: number): boolean {
    const base = raw.slice(0, cut);
    return !this.scope.isKnown(raw) && this.scope.isTimed(base) && this.scope.shapeOf(base)?.length === 1;
  }

  go(a: Ast, inIndex: boolean): void {
    switch (a.k) {
      case 'name': {
        if (inIndex && isOneLetter(a.raw)) (this.letters ??= new Set()).add(a.raw);
        else if (!inIndex && !a.sub && !a.sup && !a.args) {
          // the Set made only for a letter the network does not define (most checks read the network's names alone)
          const letter = variableLetter(a.raw);
          if (letter !== null && !this.scope.isKnown(letter) && !this.scope.isKnown(a.raw)) {
            (this.values ??= new Set()).add(a.raw);
            const seg = letterSegment(a.raw);
            if (seg !== null) (this.segments ??= new Set()).add(seg);
          }
          // a sequence written with no step, σ(x): an identity's letter, perhaps (identity.ts identityVariables)
          else if (letter === a.raw && this.scope.isTimed(a.raw)) (this.values ??= new Set()).add(a.raw);
        } else if (!inIndex && !a.sub && a.sup?.k === 'name' && !a.sup.sub && !a.sup.sup && isOneLetter(a.sup.raw)) {
          // z^{(l)} of a letter the network does not define: one variable at a layer of the student's own, perhaps
          if (variableLetter(a.raw) === a.raw && !this.scope.isKnown(a.raw)) {
            (this.values ??= new Set()).add(layerVariable(a.raw, a.sup.raw));
            (this.segments ??= new Set()).add(a.sup.raw);
          }
        }
        // the last segment (p_j → j), as /_([^_]+)$/ finds it
        const cut = lastUnderscore(a.raw);
        const segLength = a.raw.length - cut - 1;
        // only a segment of one or two units can be one letter: longer ones are not cut out
        if (cut >= 0 && segLength > 0 && segLength <= 2) {
          const seg = segLength === 1 ? a.raw.charAt(cut + 1) : a.raw.slice(cut + 1);
          // (not the letter of a name the file defines: y_H's H is the name's, no index)
          if (isOneLetter(seg)) {
            if (!this.scope.isKnown(a.raw)) (this.letters ??= new Set()).add(seg);
          }
          // o_{ti}, ŷ_{Ti}: a vector sequence's step and an entry letter run together (names.ts stepEntryPair) — the
          // entry letter is a candidate too (session 33: `∂E_t/∂o_{ti} = ŷ_{ti} − y_{ti}` was "unknown name o_ti")
          else if (segLength === 2 && (seg[0] === 't' || seg[0] === 'T') && isOneLetter(seg[1]!)) {
            if (this.timedVector(a.raw, cut)) (this.letters ??= new Set()).add(seg[1]!);
          }
          // α_{ij}: Bahdanau et al.'s step i and entry j run together on a vector sequence (names.ts stepLetterFirst):
          // both letters are candidates (it was "unknown name α_ij")
          else if (segLength === 2 && isOneLetter(seg[0]!) && isOneLetter(seg[1]!) && seg[0] !== seg[1] && this.timedVector(a.raw, cut))
            (this.letters ??= new Set()).add(seg[0]!).add(seg[1]!);
          // w_{jk}: a matrix entry's two letters run together (names.ts entryPair) are candidates too, also where
          // neither is written alone (∂C/∂w^l_{jk} = ∂C/∂w^l_{kj} was "unknown name w_jk")
          else if (segLength === 2 && isOneLetter(seg[0]!) && isOneLetter(seg[1]!) && !this.scope.isKnown(a.raw)) {
            if (this.scope.shapeOf(a.raw.slice(0, cut))?.length === 2) (this.letters ??= new Set()).add(seg[0]!).add(seg[1]!);
          }
        }
        // y_{H,2}, θ_{o,k}: a first item that completes a name the file defines (y_H) is that name's, no index
        // (names.ts namedEntry); it was a free index H, and y read as an unknown name
        if (a.sub?.k === 'list' && namesFirst(this.scope, a.raw, a.sub.items[0]!)) for (const x of a.sub.items.slice(1)) this.go(x, true);
        else if (a.sub) this.go(a.sub, true);
        // ℒ(θ): θ names the parameters, no free step (parametersArgument.ts)
        if (a.sup && !parametersArgument(a, this.scope)) this.go(a.sup, true);
        return;
      }
      case 'big':
        (this.bound ??= new Set()).add(a.v ?? 't');
        if (a.from) this.go(a.from, true);
        if (a.to) this.go(a.to, true);
        this.go(a.body, inIndex);
        return;
      case 'index':
        this.go(a.a, inIndex);
        for (const x of a.args) this.go(x, true);
        return;
      case 'list':
        for (const x of a.items) this.go(x, inIndex);
        return;
      case 'neg':
      case 'transpose':
      case 'adjoint':
        this.go(a.a, inIndex);
        return;
      case 'bin':
        this.go(a.a, inIndex);
        // Graves' h^t, Nielsen's z^l, w_{jk}^l, ∂C/∂z^l (read as (∂C/∂z)^l): a letter over a sequence is its step
        this.go(a.b, inIndex || (a.op === '^' && superscriptsSequence(this.scope, a.a)));
        return;
      case 'call':
        this.go(a.arg, inIndex);
        return;
      case 'deriv':
        this.go(a.of, inIndex);
        this.go(a.wrt, inIndex);
        return;
      case 'indicator':
        this.go(a.a, inIndex);
        this.go(a.b, inIndex);
        return;
      default:
        return;
    }
  }
}

/**
 * Bahdanau et al.'s e_{ij} = v_aᵀ tanh(W_a s_{i−1} + U_a h_j): j picks an entry of e_i (n of them) and is the step of
 * the encoder's h_j — one weight per encoder step. Read so where the sequence stepped by j (h) has not n units, so j
 * cannot be its unit (Cho et al.'s z_j beside h_j^{⟨t⟩}, z and h of one size, stays refused), and n steps exist.
 */
function entriesPerStep(scope: Scope, stepped: string, n: number): boolean {
  const shape = scope.shapeOf(stepped);
  if (!shape || n > scope.T) return false;
  return !shape.includes(n);
}

/** whether `first`, a subscript list's first item on the name `raw` the file does not define, makes a name it does (y_{H,2}: y_H) */
function namesFirst(scope: Scope, raw: string, first: Ast): boolean {
  return first.k === 'name' && !first.sub && !first.sup && !scope.isKnown(raw) && scope.isKnown(`${raw}_${first.raw}`);
}

/** whether a name (or the last name of ∂A/∂x) is a sequence's (or a δ's defined for every step), so that a bare superscript on it may be its step */
function superscriptsSequence(scope: Scope, a: Ast): boolean {
  const x = a.k === 'deriv' ? a.wrt : a;
  if (x.k !== 'name' || x.sup) return false;
  const seq = firstSegment(x.raw);
  return scope.isTimed(seq) || scope.derived.get(seq)?.timed === true;
}

/**
 * the free indices the resolved sides use (sideVars: mentionedVars of each side), with their values: a step index runs over the steps 1..T where the
 * sides are defined, an entry index over the entries it picks. null when one has no values (reported).
 */
function freeIndices(scope: Scope, sides: Expr[], sideVars: Set<string>[], where: Range, range: StepRange | null): FreeIndex[] | null {
  // made for a variable other than t: most questions have none
  let used: Set<string> | null = null;
  for (const vars of sideVars) for (const v of vars) if (v !== 't') (used ??= new Set()).add(v);
  const out: FreeIndex[] = [];
  const ranged = range && range.v !== 't' ? range : null;
  if (ranged && !used?.has(ranged.v)) {
    scope.error(
      `${ranged.v} is not a free index of this check: for ${ranged.v} = a..b ranges one of its letters (t, k, i)`,
      ranged.at,
      'index',
    );
    return null;
  }
  if (used === null) return out;
  for (const v of used as Set<string>) {
    let sizes = new Set<number>();
    // the entries v picks, listed once: their sizes, an entry at another step (timedEntry), the message naming each size
    const found: { size: number; entry: Expr }[] = [];
    for (const e of sides) for (const n of entrySizes(e, v, found)) sizes.add(n);
    // ε_k(τ−1) = e_k(τ−1) + Σ_l w_lk δ_l(τ), k a unit and w's columns the units' and the inputs' (Williams & Zipser)
    const units = sizes.size > 1 ? unitsOf(sides, v, sizes) : null;
    if (units !== null) {
      sizes = new Set([units]);
      scope.diagnostics.push(
        diag(
          'information',
          `the free index ${v} runs over the ${units} units the vectors it picks have (${v} = 1..${units}); in a matrix wider than that it picks the units' columns, as Williams & Zipser index x = (y, u), the units first`,
          where,
          'unit-columns',
        ),
      );
    }
    if (sizes.size > 1) {
      // the entries named by size, so the one written with the wrong index is found (x_t[j] of Σ_t (ŷ_t[j] − y_t[j]) x_t[j]);
      // its own code: the equation reads and is wrong (a solution fails there, as for sides of two shapes)
      const uses = new Map<number, string[]>();
      for (const u of found) {
        const text = exprText(u.entry);
        if (!uses.get(u.size)?.includes(text)) uses.set(u.size, [...(uses.get(u.size) ?? []), text]);
      }
      const which = [...uses].map(([n, xs]) => `${n} in ${xs.join(', ')}`).join('; ');
      scope.error(`the free index ${v} picks entries of different sizes (${[...sizes].join(' and ')}): ${which}`, where, 'index-sizes');
      return null;
    }
    const own = ranged?.v === v ? ranged : null;
    const picked = sizes.size === 1 ? timedEntry(found, v) : null;
    const asStep = picked ? stepNamedBy(sides, v) : null;
    const perStep = picked && asStep ? entriesPerStep(scope, asStep.name, [...sizes][0]!) : false;
    if (perStep && picked && asStep)
      scope.diagnostics.push(
        diag(
          'information',
          `the free index ${v} picks an entry (${exprText(picked)}) and is the step of ${asStep.text}: ${v} = 1..${[...sizes][0]!}, one entry per step of ${asStep.name} (as attention weighs each encoder step; ${asStep.name} has no ${[...sizes][0]!} units for ${v} to be one of)`,
          where,
          'entry-per-step',
        ),
      );
    else if (picked && asStep) {
      scope.error(
        `the free index ${v} picks an entry (${exprText(picked)}) and is the step of ${asStep.text}: a letter is one or the other — where ${v} is the unit, write the step too (${asStep.name}_{t,${v}}, ${asStep.name}_${v}^{⟨t⟩})`,
        where,
        'index',
      );
      return null;
    }
    if (sizes.size === 1 && perStep && !own) {
      // a step as well as an entry: the entries where every step it writes is defined (h_{j+1} at j < T), as a step's
      const search = stepSearch(scope);
      const env = { [v]: 0 };
      const values: number[] = [];
      for (let u = 1; u <= [...sizes][0]!; u++) {
        env[v] = u;
        if (!firstOf(search, sides, env)) values.push(u);
      }
      if (!values.length) {
        scope.error(`there is no step ${v} where ${sides.length > 1 ? 'both sides are' : 'this is'} defined`, where, 'index');
        return null;
      }
      out.push({ v, values });
      continue;
    }
    if (sizes.size === 1) {
      const n = [...sizes][0]!;
      if (own && (own.to > n || own.from < 1)) {
        scope.error(`the range ${own.from}..${own.to} of ${v} is outside the entries it picks (1..${n})`, own.at, 'index');
        return null;
      }
      const first = own ? own.from : 1;
      out.push({ v, values: Array.from({ length: (own ? own.to : n) - first + 1 }, (_, i) => first + i) });
      continue;
    }
    const values: number[] = [];
    const search = stepSearch(scope);
    const env = { [v]: 0 };
    for (let u = own ? own.from : 1; u <= (own ? own.to : scope.T); u++) {
      env[v] = u;
      const p = firstOf(search, sides, env);
      if (!p) values.push(u);
      else if (own && !own.open) {
        // a closed range promises every step in it, as `for t = a..b` does
        scope.error(
          `${refWritten(p.ref)} at ${v} = ${u} is not defined: ${describeUndefined(scope, p.ref.name, p.step)}`,
          p.ref.range,
          'index',
        );
        return null;
      }
    }
    if (!values.length) {
      scope.error(`there is no step ${v} where ${sides.length > 1 ? 'both sides are' : 'this is'} defined`, where, 'index');
      return null;
    }
    out.push({ v, values });
  }
  return out;
}

/**
 * `\text{where } c = 2`: each named free index (or t) held at its value; the steps left, or null when a
 * clause names no free index of the check or a value it does not take (reported)
 */
function held(
  scope: Scope,
  where: NonNullable<(Statement & { k: 'check' })['where']>,
  steps: number[],
  free: { v: string; values: number[] }[],
  freeT: boolean,
): number[] | null {
  for (const w of where) {
    const value = constValue(w.value, scope.T);
    const f = w.v === 't' && freeT ? { v: 't', values: steps } : free.find((x) => x.v === w.v);
    if (!f) {
      scope.error(
        `${w.v} is not a free index of this check: where ${w.v} = … holds one of its letters (i, k, t) at a value`,
        w.range,
        'index',
      );
      return null;
    }
    if (typeof value !== 'number' || !f.values.includes(value)) {
      scope.error(
        `${w.v} = ${typeof value === 'number' ? value : '…'} is not among the values ${w.v} takes here (${f.values[0]}..${f.values[f.values.length - 1]})`,
        w.range,
        'index',
      );
      return null;
    }
    if (w.v === 't' && freeT) steps = [value];
    else f.values = [value];
  }
  return steps;
}

/** the scope's step-by-step search, made once */
function stepSearch(scope: Scope): UndefinedSearch {
  return (scope.stepSearch ??= new UndefinedSearch(scope, false, true));
}

/** the first undefined reference of any side at env, or null */
function firstOf(search: UndefinedSearch, sides: Expr[], env: Record<string, number>): Undefined | null {
  for (const e of sides) {
    const p = search.first(e, env);
    if (p) return p;
  }
  return null;
}

/** `for t = a..b`, or `for k = a..b` of a free index k (checked against the check's letters later); false when it does not read (reported) */
function readForRange(scope: Scope, f: NonNullable<(Statement & { k: 'check' })['forRange']>): StepRange | false {
  const T = scope.T;
  const v = f.v;
  // a name the network defines (the input x) cannot be a free index: the range of t was meant
  if (v !== 't' && (!isOneLetter(v) || scope.isKnown(v))) {
    scope.error(`write the range of t: for t = a..b`, f.range);
    return false;
  }
  // a bound that reads t (Pascanu's ∂h_t/∂h_k … for k = 1..t, for k ≤ t): the index within it at each t, its values
  // the whole range; only for an index other than t, with t itself free in the check (said at the check)
  const lo = v !== 't' && f.from ? boundByT(f.from, T) : null;
  const hi = v !== 't' && f.to ? boundByT(f.to, T) : null;
  if (lo || hi) {
    const from = lo ? 0 : f.from ? constValue(f.from, T) : 1;
    const to = hi ? T + 1 : f.to ? constValue(f.to, T) : T;
    if (typeof from === 'number' && typeof to === 'number' && Number.isInteger(from) && Number.isInteger(to))
      return { v, from: Math.max(from, 0), to: Math.min(to, T + 1), open: true, at: f.range, ...(lo ? { lo } : {}), ...(hi ? { hi } : {}) };
  }
  // (Haykin's for n_0 < n < n_1: the epoch's ends, epochSteps.ts)
  let a = f.from ? (epochBound(f.from, scope) ?? constValue(f.from, T)) : 1;
  let b = f.to ? (epochBound(f.to, scope) ?? constValue(f.to, T)) : T;
  // t = T-1, …, 1 (a backward pass listed from its last step): the steps 1..T-1
  if (f.listed && typeof a === 'number' && typeof b === 'number' && a > b) [a, b] = [b, a];
  if (typeof a !== 'number' || typeof b !== 'number' || !Number.isInteger(a) || !Number.isInteger(b)) {
    scope.error(`the range of ${v} must be integers (T may be used): for ${v} = 1..T-1`, f.range, 'index');
    return false;
  }
  if (a < 0 || b > T + 1 || a > b) {
    scope.error(`the range ${a}..${b} is outside 0..T+1 (T = ${T}) or empty`, f.range, 'index');
    return false;
  }
  return { v, from: a, to: b, open: !f.from || !f.to, at: f.range };
}

const T_ONLY = new Set(['t']);

/** t, t − c or t + c as an index of t (the index reader's own reading of it); null for anything else */
function boundByT(a: Ast, T: number): Idx | null {
  const idx = tryTimeIndex(a, T_ONLY, T);
  return idx?.v === 't' && !idx.terms?.length ? idx : null;
}

/** a check's undefined reference passed on to its verdict: the message, where, what was found, at which t (null: none) */
type OnUndefined = (message: string, at: Range, found: Undefined, t: number | null) => void;

/** the steps 0..T+1 at which the name has a value (what a Σ bound outside them is told: sumBound.ts) */
function stepsOf(scope: Scope, name: string): number[] {
  const out: number[] = [];
  for (let s = 0; s <= scope.T + 1; s++) if (scope.defined(name, s)) out.push(s);
  return out;
}

/** the steps where every expression is defined ([] with no free t); null when none (reported) */
function questionSteps(
  scope: Scope,
  es: Expr[],
  freeT: boolean,
  range: StepRange | null,
  where: Range,
  onUndefined?: OnUndefined,
  free: FreeIndex[] = [],
  freeRange: StepRange | null = null,
): number[] | null {
  // with an unusable horizon no step can be judged (the horizon carries the error; the engine will not run)
  if (scope.fatal) return [];
  if (!freeT) {
    for (const e of es) {
      const p = firstUndefined(scope, e, {});
      if (p) {
        const message = `${refWritten(p.ref)} is not defined: ${describeUndefined(scope, p.ref.name, p.step)}`;
        // a check's: said by its verdict (answer.ts), where the step that mends it is named
        if (onUndefined) {
          onUndefined(message, p.ref.range, p, null);
          return [];
        }
        scope.error(message, p.ref.range, 'undefined-step');
        return null;
      }
    }
    return [];
  }
  const steps: number[] = [];
  const from = range ? range.from : 1;
  const to = range ? range.to : scope.T;
  const search = stepSearch(scope);
  // the sides' Flats made here: asked of at every step of this question only, they stay out of the scope's Map
  // pushed, not map()ped (the elements kind of map()'s array differs once optimized: a deoptimization here)
  const flats: (Flat | null)[] = [];
  for (let k = 0; k < es.length; k++) flats.push(flatProbes(es[k]!, null));
  const env = { t: 0 };
  let first: { p: Undefined; t: number } | null = null;
  const combos = freeCombos(free);
  for (let t = from; t <= to; t++) {
    let p: Undefined | null = null;
    env.t = t;
    if (combos) p = firstAtCombos(search, es, flats, t, combos, freeRange);
    else for (let k = 0; k < es.length && !p; k++) p = search.first(es[k]!, env, undefined, flats[k]);
    if (!p) steps.push(t);
    else if (range && !range.open) {
      const message = `${refWritten(p.ref)} at t = ${t} is not defined: ${describeUndefined(scope, p.ref.name, p.step)}`;
      // a check's: it fails at the steps it promises, with the step that mends it (as at no free step above)
      if (onUndefined) {
        onUndefined(message, p.ref.range, p, t);
        return Array.from({ length: to - from + 1 }, (_, k) => from + k);
      }
      scope.error(message, p.ref.range, 'undefined-step');
      return null;
    } else first ??= { p, t };
  }
  if (!steps.length) {
    // name the reference that rules every step out (a wrong step offset such as o_{T-i}), not just the fact
    const why = first
      ? `: ${refWritten(first.p.ref)} at t = ${first.t} is not defined (${describeUndefined(scope, first.p.ref.name, first.p.step)})`
      : '';
    scope.error(
      `there is no step where ${es.length > 1 ? 'both sides are' : 'this is'} defined${why}`,
      first ? first.p.ref.range : where,
      'undefined-step',
    );
    return null;
  }
  return steps;
}

/**
 * every value of the other free indices, as environments, when there are some and not too many (else null: a step is
 * searched with them unbound, as before). Chen's ∂h_{t+1}/∂h_k = ∏_{j=k}^{t+1} ∂h_{j+1}/∂h_j reads h_{T+1} at t = T − 1
 * only through the ∏ over j from k: with k unbound the search reads nothing there, and the check could not be evaluated
 */
function freeCombos(free: FreeIndex[]): Record<string, number>[] | null {
  if (!free.length) return null;
  let count = 1;
  for (const f of free) count *= f.values.length;
  if (!count || count > MAX_FREE_COMBOS) return null;
  let out: Record<string, number>[] = [{}];
  for (const f of free) out = out.flatMap((e) => f.values.map((v) => ({ ...e, [f.v]: v })));
  return out;
}
const MAX_FREE_COMBOS = 1000;

/**
 * the first undefined reference of the sides at step t and some value of the free indices (within their range where
 * it reads t: `for k = 1..t`); a step where one is undefined is left out, as a step with t alone is
 */
function firstAtCombos(
  search: UndefinedSearch,
  es: Expr[],
  flats: (Flat | null)[],
  t: number,
  combos: Record<string, number>[],
  within: StepRange | null,
): Undefined | null {
  for (const c of combos) {
    const env: Record<string, number> = { ...c, t };
    // (the free index's values are its range's already: only bounds that read t exclude)
    if (within && !withinBounds(within, env)) continue;
    for (let k = 0; k < es.length; k++) {
      const p = search.first(es[k]!, env, undefined, flats[k]);
      if (p) return p;
    }
  }
  return null;
}

function describeUndefined(scope: Scope, name: string, step: number | null): string {
  if (step === null) return `${name} needs a step`;
  if (step < 0 || step > scope.T + 1) return `step ${step} is outside 0..T+1`;
  return `${name} has no value at step ${step}`;
}

/**
 * A Jacobian written as an elementwise derivative times a matrix, σ'(z) W_hh (a vector RNN's ∂h_t/∂h_{t-1} as
 * the scalar sheet writes it): the product of a vector and a matrix is a vector, and the Jacobian is
 * diag(σ'(z)) W_hh. Said after the shape mismatch, when the left side is a matrix and the right side one
 * such product.
 */
function diagHint(lhs: Expr, rhs: Expr): string {
  if (lhs.shape.length !== 2 || rhs.shape.length !== 1) return '';
  if (rhs.k !== 'contract' && rhs.k !== 'matmul' && rhs.k !== 'mul') return '';
  // diag(u) (1 − h_t ⊙ h_t): a diagonal times a vector is a vector, where IndRNN's Jacobian is the product of two
  // diagonals (a matrix W times a vector, W σ'(…), is a product of its own and gets no hint: probe12)
  const [d, w] = [rhs.a, rhs.b];
  if (d.k === 'call' && d.fn === 'diag' && w.shape.length === 1 && same(d.shape, lhs.shape)) {
    return ` (a diagonal matrix times a vector is a vector: the Jacobian of an elementwise function is written with diag, ${exprText(d)} diag(${exprText(w)}))`;
  }
  // the vector first, as the chain rule writes the factors (M v is a plain matrix-vector product)
  const [v, m] = [rhs.a, rhs.b];
  if (v.shape.length !== 1 || m.shape.length !== 2) return '';
  return ` (a vector times a matrix is a vector: the Jacobian of an elementwise function is written with diag, diag(${exprText(v)}) ${exprText(m)})`;
}

/**
 * ∂h_t/∂a_t = 1 − h_t², as many texts print the derivative of an elementwise function: the Jacobian of vectors is a
 * square matrix (§4), the vector at most its diagonal. Said conditionally — the vector may be wrong as well.
 */
function jacobianDiagonal(lhs: Expr, rhs: Expr): string {
  const [j, v] = lhs.shape.length === 2 ? [lhs, rhs] : [rhs, lhs];
  if (
    j.k !== 'deriv' ||
    j.of.shape.length !== 1 ||
    j.shape.length !== 2 ||
    v.shape.length !== 1 ||
    j.shape[0] !== j.shape[1] ||
    j.shape[0] !== v.shape[0]
  )
    return '';
  // a matrix times a vector (W_hh σ'(…)) is a product of its own, not a diagonal (probe12's pinned message)
  if (v.k === 'matmul' || v.k === 'contract') return '';
  const text = v.k === 'ref' || v.k === 'call' ? exprText(v) : `(${exprText(v)})`;
  return `: ${exprText(j)} is a Jacobian, a ${shapeText(j.shape)}; where it is diagonal (an elementwise function) it is written diag${text.startsWith('(') ? text : `(${text})`}, the vector on its diagonal`;
}

/** the outer product x yᵀ (x ⊗ y) of two vectors in a matrix side against a vector side: ⊙ is the product entry by entry */
function outerHint(lhs: Expr, rhs: Expr): string {
  const [v, m] = lhs.shape.length === 1 ? [lhs, rhs] : [rhs, lhs];
  if (v.shape.length !== 1 || m.shape.length !== 2) return '';
  let found: (Expr & { k: 'matmul' }) | null = null;
  const look = (e: Expr): void => {
    if (found || e.k === 'deriv') return;
    if (e.k === 'matmul' && e.a.shape.length === 1 && e.b.k === 'transpose' && e.b.a.shape.length === 1 && same(e.a.shape, e.b.a.shape))
      found = e;
    else forChildren(e, look);
  };
  look(m);
  if (!found) return forgottenTranspose(v, m);
  const { a, b } = found as Expr & { k: 'matmul'; b: Expr & { k: 'transpose' } };
  return `: ${exprText(a)} ⊗ ${exprText(b.a)} is their outer product, a matrix; the product entry by entry is written ⊙ (${exprText(a)} ⊙ ${exprText(b.a)})`;
}

/**
 * the other way round: a matrix side against a vector side that multiplies two vectors side by side whose outer
 * product has the matrix's shape — the weight gradient δ_t h_{t-1}ᵀ written δ_t h_{t-1}, which multiplies entry by
 * entry (§4) and so gives a vector; the message names the factor that needs its ᵀ
 */
function forgottenTranspose(v: Expr, m: Expr): string {
  let found: (Expr & { k: 'mul' | 'hadamard' }) | null = null;
  const look = (e: Expr): void => {
    // nor inside a matrix product or a function's argument, which give the side its shape whatever their factors:
    // diag(u) (1 − h_t ⊙ h_t) is a vector for its diag(u) times a vector, not for h_t ⊙ h_t (session 42 read "h_t should
    // be h_tᵀ" there)
    if (found || e.k === 'deriv' || e.k === 'matmul' || e.k === 'contract' || e.k === 'call') return;
    // the outermost such product: Σ_t (δ_t ⊙ (1 − h_t²)) h_{t-1} forgets the ᵀ of h_{t-1}, not of (1 − h_t²)
    if (
      (e.k === 'hadamard' || e.k === 'mul') &&
      e.a.shape.length === 1 &&
      e.b.shape.length === 1 &&
      e.a.shape[0] === m.shape[0] &&
      e.b.shape[0] === m.shape[1]
    )
      found = e;
    else forChildren(e, look);
  };
  look(v);
  if (!found) return '';
  const product = found as Expr & { k: 'mul' };
  // the gradient's factor stands first (δ_t h_{t-1}ᵀ): h_{t-1} δ_t written for a square weight is that order reversed
  const gradientOf = (e: Expr): boolean => {
    let d = false;
    const see = (x: Expr): void => {
      if (x.k === 'deriv') d = true;
      else forChildren(x, see);
    };
    see(e);
    return d;
  };
  const swap = !gradientOf(product.a) && gradientOf(product.b) && product.a.shape[0] === m.shape[1] && product.b.shape[0] === m.shape[0];
  const [a, b] = swap ? [product.b, product.a] : [product.a, product.b];
  const bare = (e: Expr) => e.k === 'ref' || e.k === 'deriv' || e.k === 'call';
  const right = bare(b) ? exprText(b) : `(${exprText(b)})`;
  const left = bare(a) || a.k === 'matmul' || a.k === 'contract' ? exprText(a) : `(${exprText(a)})`;
  if (swap)
    return `: the outer product is written with the gradient first and the other factor transposed, ${left} ${right}ᵀ (a ${shapeText(m.shape)}; ${right} ${left}, a column times the gradient as a row, is 11-785's ∇_W, in the transposed weight's shape); two vectors multiplied without ᵀ give a vector, entry by entry`;
  return `: ${right} should be ${right}ᵀ — ${left} ${right}ᵀ is their outer product, a ${shapeText(m.shape)}; two vectors multiplied without ᵀ give a vector, entry by entry`;
}

/** two matrix shapes that are each other's transpose (∂L/∂W written as an outer product the other way round, x hᵀ) */
function transposedShapes(a: readonly number[], b: readonly number[]): string {
  if (a.length !== 2 || b.length !== 2 || a[0] !== b[1] || a[1] !== b[0]) return '';
  return ": the left side's shape transposed — the right side transposed (ᵀ), or its outer product in the other order, would match";
}
