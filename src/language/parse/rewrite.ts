// Token rewrites made once before parsing: a subscripted σ as a name (σ_h), σ_max, a step over σ, and the file's
// name aliases (wordAlias.ts) substituted, with where each alias starts.

import { span } from '../ast';
import { labelOverAt, labelsUnder } from '../labelOver';
import { glueLetterNames } from '../letterBeforeStep';
import type { Token } from '../lexer';
import { DERIVABLE } from '../lexer';
import { SIGMA_MAX, sigmaMaxEnd } from '../sigmaMax';
import { subscriptAfterSuperscript, superscriptFirstAt } from '../superscriptFirst';
import { definedAt, glueLayerNames, glueSuperscriptNames, layerDefinedAt, layerNames, superscriptNames } from '../superscriptNames';
import { unitSubscriptAt } from '../unitSubscript';
import { glueWordAliases } from '../wordAlias';

export const FN_NAMES = new Set([
  'sigma',
  'tanh',
  'relu',
  'exp',
  'log',
  'sqrt',
  'abs',
  'softmax',
  'sum',
  'mean',
  'diag',
  'count',
  'onehot',
]);

/**
 * `\sigma_h`, `\sigma_{y}`, `σ_{h}`: a subscripted σ is a name, as the one word `σ_h` is (Elman's σ_h and σ_y,
 * named once with `σ_h = tanh`); the lexer reads `\sigma` as the function, so the subscript would be left over.
 * `σ'_h`, the prime written first, is `σ_h'`.
 */
export function subscriptedSigmas(tokens: Token[]): Token[] {
  let out: Token[] | null = null;
  for (let q = 0; q < tokens.length; q++) {
    const t = tokens[q]!;
    // σ_max(W): the largest singular value, the spectral norm (sigmaMax.ts)
    const top = sigmaMaxEnd(tokens, q);
    if (top !== null) {
      out ??= tokens.slice(0, q);
      const last = tokens[top]!;
      out.push({ ...t, kind: 'fn', text: SIGMA_MAX, end: last.end, range: span(t.range, last.range) });
      q = top;
      continue;
    }
    const m = t.kind === 'fn' && (t.text === 'sigma' || t.text === 'dsigma') ? sigmaSubscript(tokens, q) : null;
    // Ba, Kiros & Hinton's σ^t, the layer's standard deviation at step t: a σ with a step over it and no argument
    // after is a name (the resolver reads it as the sequence σ the file defines, or says σ is none)
    if (!m && t.kind === 'fn' && t.text === 'sigma' && sigmaStepOver(tokens, q)) {
      out ??= tokens.slice(0, q);
      out.push({ ...t, kind: 'name', text: 'σ', range: t.range });
      continue;
    }
    if (!m) {
      out?.push(t);
      continue;
    }
    out ??= tokens.slice(0, q);
    const last = tokens[m.end]!;
    out.push({ ...t, kind: 'name', text: 'σ_' + m.name, end: last.end, range: span(t.range, last.range) });
    // σ'_h(z), the prime before the subscript (session 17's leftover): σ_h'(z), the derivative of the activation σ_h
    if (t.text === 'dsigma') out.push({ ...last, kind: 'op', text: "'", tight: true, range: last.range });
    q = m.end;
  }
  return out ?? tokens;
}

/** σ^t, σ^{t-1}, σ^{(t)} at q: a step over σ (t or T, ± a number, in braces or not) with no '(' or '[' after it */
export function sigmaStepOver(tokens: Token[], q: number): boolean {
  const u = tokens[q + 1];
  if (!u || u.kind !== 'op' || u.text !== '^' || !u.tight) return false;
  const isOp = (x: Token | undefined, s: string) => x !== undefined && x.kind === 'op' && x.text === s;
  const step = (x: Token | undefined) => x !== undefined && x.kind === 'name' && (x.text === 't' || x.text === 'T');
  let end: number;
  if (step(tokens[q + 2])) end = q + 2;
  else if (isOp(tokens[q + 2], '{')) {
    let k = q + 3;
    if (isOp(tokens[k], '(')) k++;
    if (!step(tokens[k])) return false;
    k++;
    if ((isOp(tokens[k], '-') || isOp(tokens[k], '+')) && tokens[k + 1]?.kind === 'num') k += 2;
    if (isOp(tokens[q + 3], '(')) {
      if (!isOp(tokens[k], ')')) return false;
      k++;
    }
    if (!isOp(tokens[k], '}')) return false;
    end = k;
  } else return false;
  const after = tokens[end + 1];
  return !(isOp(after, '(') || isOp(after, '['));
}

/** the name in σ_h or σ_{h} right after the σ at q (a run of letters), and the index of its last token */
export function sigmaSubscript(tokens: Token[], q: number): { name: string; end: number } | null {
  const u = tokens[q + 1];
  if (!u || u.kind !== 'op' || u.text !== '_' || !u.tight) return null;
  const a = tokens[q + 2];
  if (a && a.kind === 'name' && a.tight && /^\p{L}+$/u.test(a.text)) return { name: a.text, end: q + 2 };
  const b = tokens[q + 3];
  const c = tokens[q + 4];
  if (
    a &&
    a.kind === 'op' &&
    a.text === '{' &&
    b &&
    b.kind === 'name' &&
    /^\p{L}+$/u.test(b.text) &&
    c &&
    c.kind === 'op' &&
    c.text === '}'
  )
    return { name: b.text, end: q + 4 };
  return null;
}

/** whether the name at q opens a subscript, w_{h\iota} beside h = tanh (Graves's h the cell output's activation): a letter there */
export function inSubscript(tokens: Token[], q: number): boolean {
  const at = (r: number, s: string) => r >= 0 && tokens[r]!.kind === 'op' && tokens[r]!.text === s;
  return at(q - 1, '_') || (at(q - 1, '{') && at(q - 2, '_'));
}

/** whether a tight '(' at q opens arguments separated by a comma at its own level: f(x_t, h_{t-1}, w_h) */
export function severalArguments(tokens: Token[], q: number): boolean {
  const o = tokens[q];
  if (!o || o.kind !== 'op' || o.text !== '(' || !o.tight) return false;
  let depth = 0;
  for (let r = q; r < tokens.length; r++) {
    const x = tokens[r]!;
    if (x.kind === 'newline' || x.kind === 'eof') return false;
    if (x.kind !== 'op') continue;
    if (x.text === '(' || x.text === '[' || x.text === '{') depth++;
    else if (x.text === ')' || x.text === ']' || x.text === '}') {
      if (--depth === 0) return false;
    } else if (x.text === ',' && depth === 1) return true;
  }
  return false;
}

/**
 * Activation aliases (`φ = tanh` on a line of its own): the token index of each alias statement, and
 * the tokens with every other use of the name turned into the function (φ'(z) into its derivative).
 * The whole file is scanned first, so a use before the alias line reads too.
 */
export function applyAliases(given: Token[]): { tokens: Token[]; starts: Set<number> } {
  // Gers's f_{in} = σ: the word under the name glued first, so the alias is one name (wordAlias.ts)
  const tokens = glueWordAliases(given, (t) => t.kind === 'fn' && FN_NAMES.has(t.text));
  const starts = new Set<number>();
  const map = new Map<string, string>();
  /** a clause after the equation, CS230's `a^{<t>} = g_1(…), \qquad g_1 = \tanh`: its tokens, the comma's first */
  const clauses = new Set<number>();
  for (let q = 0; q + 3 < tokens.length; q++) {
    const t = tokens[q]!;
    const clause = q > 1 && tokens[q - 1]!.kind === 'op' && tokens[q - 1]!.text === ',';
    if (t.kind !== 'name' || (q > 0 && tokens[q - 1]!.kind !== 'newline' && !clause)) continue;
    const eq = tokens[q + 1]!;
    const f = tokens[q + 2]!;
    const end = tokens[q + 3]!;
    if (eq.kind === 'op' && eq.text === '=' && f.kind === 'fn' && FN_NAMES.has(f.text) && (end.kind === 'newline' || end.kind === 'eof')) {
      if (clause && !closedBefore(tokens, q - 1)) continue;
      if (clause) for (let k = q - 1; k < q + 3; k++) clauses.add(k);
      else starts.add(q);
      map.set(t.text, f.text);
    }
  }
  if (!map.size) return { tokens, starts };
  const out: Token[] = [];
  const moved = new Set<number>();
  for (let q = 0; q < tokens.length; q++) {
    const t = tokens[q]!;
    if (clauses.has(q)) continue;
    if (starts.has(q)) moved.add(out.length);
    // Rumelhart's f_j(net_j), f'_j(net_j): unit j's activation is the alias (unitSubscript.ts)
    const unit = starts.has(q) ? null : unitSubscriptAt(tokens, q, map);
    if (unit && (!unit.prime || DERIVABLE.has(unit.fn))) {
      const last = tokens[unit.end]!;
      out.push({
        ...t,
        kind: 'fn',
        text: (unit.prime ? 'd' : '') + unit.fn,
        value: 0,
        end: last.end,
        lit: null,
        range: span(t.range, last.range),
      });
      q = unit.end;
      continue;
    }
    // Murphy's and d2l's f(x_t, h_{t-1}, w_h) beside f = tanh: an activation takes one argument, so the name applied to
    // several is the transition function of the recurrence (resolve/argumentFunction.ts), not tanh of their concatenation
    const fn =
      t.kind === 'name' && !starts.has(q) && !severalArguments(tokens, q + 1) && !inSubscript(tokens, q) ? map.get(t.text) : undefined;
    if (!fn) {
      out.push(t);
      continue;
    }
    const prime = tokens[q + 1];
    if (prime && prime.kind === 'op' && prime.text === "'" && prime.tight && DERIVABLE.has(fn)) {
      out.push({
        kind: 'fn',
        text: 'd' + fn,
        value: 0,
        plus: false,
        tight: t.tight,
        start: t.start,
        end: prime.end,
        tag: t.tag,
        lit: null,
        range: span(t.range, prime.range),
      });
      q++;
    } else
      out.push({
        kind: 'fn',
        text: fn,
        value: 0,
        plus: false,
        tight: t.tight,
        start: t.start,
        end: t.end,
        tag: t.tag,
        lit: null,
        range: t.range,
      });
  }
  return { tokens: out, starts: moved };
}

/** whether every bracket opened on the line before token `at` is closed there: a comma between statements' parts */
export function closedBefore(tokens: Token[], at: number): boolean {
  let depth = 0;
  for (let k = at - 1; k >= 0 && tokens[k]!.kind !== 'newline'; k--) {
    const t = tokens[k]!;
    if (t.kind !== 'op') continue;
    if (t.text === ')' || t.text === ']' || t.text === '}') depth++;
    else if (t.text === '(' || t.text === '[' || t.text === '{') depth--;
  }
  return depth === 0;
}

/**
 * applyAliases(subscriptAfterSuperscript(subscriptedSigmas(input))), each pass made only where one look over the tokens
 * finds a place it rewrites: a σ with a tight '_' after it (the subscripted σ), a name whose superscript and subscript
 * move (superscriptFirstAt; asked again of the σ pass's tokens when that pass changed any), an '=' then a function alone
 * on the rest of its line (an alias: a superset of what applyAliases rewrites, as neither pass before it makes or
 * moves an '=' with a function after it). A look that asked less (any σ, any '^', any '=' before a function) sent most
 * files through passes that changed nothing: a tenth of parsing sheet 7. Before them all, where a statement defines a
 * name with a word over it (y^{in}(t) = …) or a deep RNN's layer tag (h_t^{(1)} = …), every such spelling of a name the
 * file so defines is glued into one name (superscriptNames.ts).
 */
export function rewritten(given: Token[]): { tokens: Token[]; starts: Set<number> } {
  // SLP3's δ_{h,t}: a letter the file defines, before a step, is part of the name (letterBeforeStep.ts)
  let input = glueLetterNames(given);
  let sigma = false;
  let caret = false;
  let alias = false;
  let worded = false;
  let layered = false;
  let labelled = false;
  for (let q = 0; q < input.length; q++) {
    const t = input[q]!;
    if (t.kind === 'fn') {
      if (t.text === 'sigma' || t.text === 'dsigma')
        sigma ||= tightOp(input[q + 1], '_') || (t.text === 'sigma' && sigmaStepOver(input, q));
    } else if (t.kind === 'name') {
      // σ_max(W) typed as one word (sigmaMax.ts)
      if (t.text === 'σ_max' || t.text === 'sigma_max') sigma ||= tightOp(input[q + 1], '(');
      // a deep RNN's layer tag (h_t^{(1)} = …, param W_{xh}^{(1)}: superscriptNames.ts), asked of a statement's first
      // name only
      const prev = input[q - 1];
      layered ||= (q === 0 || prev!.kind === 'newline' || prev!.kind === 'kw') && layerDefinedAt(input, q) !== null;
      // the '^' first: most names have none after them
      if (!tightOp(input[q + 1], '^')) continue;
      caret ||= superscriptFirstAt(input, q);
      // a statement defining a name with a word over it (y^{in}_t = …: superscriptNames.ts): glued first, and the
      // superscripts looked at again (y^c_t is no step c moved after its subscript then)
      worded ||= definedAt(input, q) !== null;
      // Mitchell's W^{ob}_{kh} beside the file's W_ob (labelOver.ts)
      labelled ||= labelOverAt(input, q) !== null;
    } else if (t.kind === 'op' && t.text === '=') {
      const f = input[q + 1];
      const end = input[q + 2];
      alias ||= f?.kind === 'fn' && FN_NAMES.has(f.text) && (end?.kind === 'newline' || end?.kind === 'eof');
    }
  }
  if (layered) input = glueLayerNames(input, layerNames(input));
  if (worded) input = glueSuperscriptNames(input, superscriptNames(input));
  if (labelled) input = labelsUnder(input);
  if (worded || layered) caret = input.some((t, q) => t.kind === 'name' && tightOp(input[q + 1], '^') && superscriptFirstAt(input, q));
  const sigmas = sigma ? subscriptedSigmas(input) : input;
  if (sigmas !== input) caret = sigmas.some((t, q) => t.kind === 'name' && superscriptFirstAt(sigmas, q));
  const moved = caret ? subscriptAfterSuperscript(sigmas) : sigmas;
  return alias ? applyAliases(moved) : { tokens: moved, starts: new Set() };
}

/** an operator token s written right after the token before it */
export function tightOp(t: Token | undefined, s: string): boolean {
  return t !== undefined && t.kind === 'op' && t.text === s && t.tight;
}
