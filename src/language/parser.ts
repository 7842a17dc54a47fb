// Recursive-descent parser. One statement per line; a bad statement is reported and skipped to
// its line end, so the rest of the file still parses. The notation of LANGUAGE.md v2 §1/§3/§4 is read
// here into the AST of ast.ts (its header lists the conventions).

import type { Range } from '../report';
import type { Ast, ChainLink, ChainRelation, CheckRange, NameAst, Relation, Spelling, Statement } from './ast';
import { isAst, NORM, NORM_SQUARED, span } from './ast';
import { SIGMA_MAX, sigmaMaxEnd } from './sigmaMax';
import type { Token } from './lexer';
import { DERIVABLE, FONT_SWITCH_NAMES, ONES, UPRIGHT_D } from './lexer';
import { LIMITS } from './limits';
import { subscriptAfterSuperscript, superscriptFirstAt } from './superscriptFirst';
import { labelOverAt, labelsUnder } from './labelOver';
import { definedAt, glueLayerNames, glueSuperscriptNames, layerDefinedAt, layerNames, superscriptNames } from './superscriptNames';
import { firstSegment } from './segments';
import { unitSubscriptAt } from './unitSubscript';
import { glueWordAliases } from './wordAlias';
import { definedBases, glueLetterNames } from './letterBeforeStep';
import { codeGradientOfFunction } from './codeGradientOfFunction';
import { softmaxPrime } from './softmaxPrime';
import { bareFunctionDerivative } from './bareFunctionDerivative';
import { trailingDecimals } from './numberDigits';

export interface ParseError {
  message: string;
  range: Range;
  /** absent: an error. 'information': a note on how something was read (a \frac with ∂ only below) */
  severity?: 'error' | 'information';
}

const REL = new Set(['≤', '≥', '<', '>']);
/** the word after `for` that makes it every step: for all t, for every t, for each t, for any t */
const QUANTIFIER_WORDS = new Set(['all', 'every', 'each', 'any']);
/** a font command and its open brace ending the text before a statement's first token (textOf) */
const FONT_BEFORE = new RegExp(
  String.raw`(?:\\(?:math[a-z]+|text(?:bf|it|rm|sf|tt)|boldsymbol|bm|operatorname\*?)\s*\{|\{\s*\\(?:${FONT_SWITCH_NAMES.join('|')})\b)\s*$`,
);
/** a space other than ' ' (a tab, a line break, U+00A0, …): what folding changes, with two spaces in a row */
const OTHER_SPACE = /[^\S ]/;

/**
 * whether folding a text's spaces (each run to one, trimmed) changes it: a space at an end, two in a row, another
 * space. One character class and indexOf scan a long check line several times faster than a loop over its
 * characters, or than one expression with the four alternatives (measured on sheet 7's checks)
 */
/** a number token as a literal, with its decimals where its text writes more than its value shows (0.9510) */
function numberAst(t: Token): Ast & { k: 'num' } {
  const decimals = trailingDecimals(t.text, t.value);
  return decimals === undefined ? { k: 'num', value: t.value, range: t.range } : { k: 'num', value: t.value, range: t.range, decimals };
}

function needsFold(text: string): boolean {
  const last = text.length - 1;
  return text.charCodeAt(0) === 32 || text.charCodeAt(last) === 32 || OTHER_SPACE.test(text) || text.includes('  ');
}
/** a character /\s/ matches, by its code (no one-character string and expression per character) */
export function isSpaceCode(k: number): boolean {
  if (k <= 32) return k === 32 || (k >= 9 && k <= 13);
  if (k < 0xa0) return false;
  return (
    k === 0xa0 ||
    k === 0x1680 ||
    (k >= 0x2000 && k <= 0x200a) ||
    k === 0x2028 ||
    k === 0x2029 ||
    k === 0x202f ||
    k === 0x205f ||
    k === 0x3000 ||
    k === 0xfeff
  );
}
const FN_NAMES = new Set(['sigma', 'tanh', 'relu', 'exp', 'log', 'sqrt', 'abs', 'softmax', 'sum', 'mean', 'diag', 'count', 'onehot']);

/**
 * `\sigma_h`, `\sigma_{y}`, `σ_{h}`: a subscripted σ is a name, as the one word `σ_h` is (Elman's σ_h and σ_y,
 * named once with `σ_h = tanh`); the lexer reads `\sigma` as the function, so the subscript would be left over.
 * `σ'_h`, the prime written first, is `σ_h'`.
 */
function subscriptedSigmas(tokens: Token[]): Token[] {
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
function sigmaStepOver(tokens: Token[], q: number): boolean {
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
function sigmaSubscript(tokens: Token[], q: number): { name: string; end: number } | null {
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
function inSubscript(tokens: Token[], q: number): boolean {
  const at = (r: number, s: string) => r >= 0 && tokens[r]!.kind === 'op' && tokens[r]!.text === s;
  return at(q - 1, '_') || (at(q - 1, '{') && at(q - 2, '_'));
}

/** whether a tight '(' at q opens arguments separated by a comma at its own level: f(x_t, h_{t-1}, w_h) */
function severalArguments(tokens: Token[], q: number): boolean {
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
function applyAliases(given: Token[]): { tokens: Token[]; starts: Set<number> } {
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
function closedBefore(tokens: Token[], at: number): boolean {
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
function rewritten(given: Token[]): { tokens: Token[]; starts: Set<number> } {
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
function tightOp(t: Token | undefined, s: string): boolean {
  return t !== undefined && t.kind === 'op' && t.text === s && t.tight;
}

/** a step as a definition's superscript writes it: t, T, a whole number, t±k, T±k */
/** whether an expression writes the step t anywhere (h_t, x_{t-1}, h^{(t)}): a `+=`'s right side to sum over t */
function mentionsT(a: unknown): boolean {
  if (!a || typeof a !== 'object') return false;
  if (Array.isArray(a)) return a.some(mentionsT);
  const o = a as Record<string, unknown>;
  // (and dh_raw, dh: a loop's variable with no step is the loop's step, min-char-rnn's db_h += dh_raw)
  if (o.k === 'name' && typeof o.raw === 'string' && (o.raw === 't' || /_t$/.test(o.raw) || (/^d\p{L}/u.test(o.raw) && !o.sub && !o.sup)))
    return true;
  for (const key in o) if (key !== 'range' && key !== 'nameRange' && mentionsT(o[key])) return true;
  return false;
}

function isStepForm(a: Ast): boolean {
  if (a.k === 'num') return Number.isInteger(a.value) && a.value >= 0;
  // t, T, and another single letter (Nielsen's z^l = …), which the resolver refuses saying to write t for it
  if (a.k === 'name') return !a.sub && !a.sup && /^[A-Za-z]$/.test(a.raw);
  return a.k === 'bin' && (a.op === '+' || a.op === '-') && a.a.k === 'name' && isStepForm(a.a) && a.b.k === 'num' && isStepForm(a.b);
}

class Stop extends Error {
  constructor(public readonly diag: ParseError | null) {
    super(diag?.message ?? 'stop');
  }
}

/**
 * for tests: `alwaysTrackDepth` tracks every node's depth, as for a statement long enough to reach the limit;
 * `alwaysIndices` reads every name through indices()
 */
export interface ParseOptions {
  alwaysTrackDepth?: boolean;
  /** for tests: every name read through indices(), the general path of a name with nothing right on it */
  alwaysIndices?: boolean;
}

export function parse(
  input: Token[],
  src: string,
  options: ParseOptions = {},
): { statements: Statement[]; errors: ParseError[]; uprightD: boolean } {
  const { tokens, starts: aliasStarts } = rewritten(input);
  const statements: Statement[] = [];
  const errors: ParseError[] = [];
  // some derivative is written with an upright d (dL/dW): only then are a check's spellings compared (check/reread.ts)
  let uprightD = false;
  /** how a ∂ token is written: d (dL/dW) or ∂ */
  const spelling = (d: Token): Spelling => (d.value === UPRIGHT_D ? upright() : '∂');
  const upright = (): 'd' => {
    uprightD = true;
    return 'd';
  };
  let p = 0;
  let depth = 0;
  /** the depth at which a check's left side is read, where `+=` may follow an accumulator (accumulation); -1 elsewhere */
  let accumulateAt = -1;
  /** the names the file defines, looked up only for a primed Σ index (plainVar) */
  let fileNames: Set<string> | undefined;
  /** subscripts being read (a name's _{…}): 1_y reads as a one-hot vector only outside them */
  let inSubscript = 0;
  /**
   * the depth of the tree below a node: long chains (x + x + … 25,000 times) are deep too. A Map, not a
   * WeakMap: it lives as long as this parse, and a WeakMap's entries cost the garbage collector more.
   */
  const depthOf = new Map<object, number>();
  /**
   * whether this statement's nodes record their depth: every node deep() makes reads at least one token of
   * its own (an operator, a bracket, a function's name), so a statement of fewer tokens than half the limit
   * cannot reach it, and most statements skip the Map (issue 11)
   */
  let trackDepth = true;
  /** set by nameWithIndex when a superscript step carries a transpose: h^{(t-1)\top} */
  let supTransposed = false;
  // g^{(t)2}: a power written after the step, in the same superscript (handwritten notes' (g^{(t)})²)
  let supPower: Ast | null = null;
  /** subscripts()'s results: the name as extended, its index, where the name and the whole end */
  let subRaw = '';
  let subSub: Ast | null = null;
  let subEnd: Range = { line: 0, column: 0, endLine: 0, endColumn: 0 };
  let subNameEnd: Range = subEnd;
  /** the definition whose right side is being read: kept, marked broken, when that side does not parse */
  let brokenDef: (Statement & { k: 'def' }) | null = null;
  /** reading the lower end of `for t = a…b`, where an ellipsis is the range */
  let inRange = false;
  /** readings of \frac{d …}{d …} tried in this statement */
  let dTries = 0;
  /** the where clauses of a check that are equations of their own, pushed after it (whereClauses) */
  const queued: Statement[] = [];
  /** reading the inside of a norm ‖…‖ */
  let inNorm = false;
  /** reading the inside of an absolute value |…|: there a bar closes it, elsewhere one after an operand opens one (2|w|) */
  let inAbs = false;
  /** where a check's range written in parentheses at its end begins, "(t < T)": not a factor of the last side */
  let rangeGroup = -1;
  /**
   * found by statementTokens for the statement being read (parenthesisedRange and check's \tag ask, instead of
   * scanning its tokens again): the index of its newline (or eof, or the length), and whether a token up to it
   * carries a \tag
   */
  let statementEnd = 0;
  /** where 'quad' is written in src, in order (quadWithin); found when first asked */
  let quads: number[] | null = null;
  let statementTagged = false;
  /** where a check's range written after a wide space begins, "\qquad t = 1, …, T": not a factor of the last side */
  let rangeSpaced = -1;
  /** names defined by a derivative in a check's where clause, with the clause's text (one definition per name) */
  const whereDefined = new Map<string, string>();
  /** a function written with `·` for its argument (σ'(\cdot)) was read in this statement */
  let placeholders = false;

  const peek = (o = 0) => tokens[Math.min(p + o, tokens.length - 1)]!;
  const next = () => tokens[p++]!;
  const isOp = (t: Token, s: string) => t.kind === 'op' && t.text === s;
  const fail = (message: string, range: Range = peek().range): never => {
    throw new Stop({ message, range });
  };
  const describe = (t: Token) => {
    if (t.kind === 'newline' || t.kind === 'eof') return 'the end of the line';
    const text = src.slice(t.start, Math.min(t.end, t.start + 41));
    return `'${t.end - t.start > 40 ? text.slice(0, 37) + '…' : text}'`;
  };
  /**
   * the operator s next, taken; else undefined. `closer(s) ?? expectOp(s, message)`: the message (a template with
   * the opening's place, its range made for it) is made only when s is missing, not for every bracket read
   */
  const closer = (s: string): Token | undefined => (isOp(peek(), s) ? next() : undefined);
  const expectOp = (s: string, what?: string) => {
    const t = peek();
    if (!isOp(t, s)) {
      if (t.kind === 'error') throw new Stop(null);
      if (t.kind === 'op' && REL.has(t.text)) fail(`'${t.text}' is read only in the bounds of Σ and ∏ (Σ_{1≤t≤T})`);
      fail(`expected '${s}'${what ? ' ' + what : ''}, found ${describe(t)}`);
    }
    return next();
  };

  while (peek().kind !== 'eof') {
    if (peek().kind === 'newline') {
      p++;
      continue;
    }
    const start = p;
    // asked first: it finds statementEnd and statementTagged too
    const count = statementTokens(p);
    trackDepth = options.alwaysTrackDepth === true || count * 2 >= LIMITS.maxTreeDepth;
    try {
      const st = statement();
      if (peek().kind !== 'newline' && peek().kind !== 'eof') {
        const t = peek();
        if (t.kind === 'op' && REL.has(t.text))
          fail(`'${t.text}' is read only in the bounds of Σ and ∏ (Σ_{1≤t≤T}), found after the statement`);
        if (t.kind === 'kw' && t.text === 'for' && st.k === 'derive')
          fail('a derive answers at every step where it is defined: a range (for t …) is read on check lines');
        if (t.kind !== 'error') fail(`unexpected ${describe(t)} after the statement${strayCloser(t)}`);
        throw new Stop(null);
      }
      statements.push(st);
      // a where clause that is an equation of its own: checked after the statement that states it
      for (const q of queued) statements.push(q);
    } catch (e) {
      if (!(e instanceof Stop)) throw e;
      if (e.diag) errors.push(e.diag);
      if (brokenDef) statements.push(brokenDef);
      if (p === start) p++;
      while (peek().kind !== 'newline' && peek().kind !== 'eof') p++;
    }
    depth = 0;
    // setting an array's length is a call into the runtime, even to 0 when it is 0 (most statements queue nothing)
    if (queued.length) queued.length = 0;
    brokenDef = null;
    supTransposed = false;
    supPower = null;
    inRange = false;
    dTries = 0;
    placeholders = false;
  }
  return { statements, errors, uprightD };

  /**
   * the tokens from index s0 to the statement's end (its line's end: a statement's newline ends it); sets
   * statementEnd and statementTagged
   */
  function statementTokens(s0: number): number {
    let q = s0;
    let tag = false;
    for (; q < tokens.length; q++) {
      const t = tokens[q]!;
      if (t.tag !== null) tag = true;
      if (t.kind === 'newline' || t.kind === 'eof') break;
    }
    statementEnd = q;
    statementTagged = tag;
    return q - s0;
  }

  /** the source text from token index s0 to the last token read */
  function textFrom(s0: number): string {
    return textOf(s0, p);
  }

  /** the source text of tokens a..b-1, spaces folded */
  function textOf(a: number, b: number): string {
    if (b <= a) return '';
    let s = tokens[a]!.start;
    let e = tokens[b - 1]!.end;
    // a font around the first name leaves no token (\mathcal{L}_t starts at L): take the command along,
    // and the braces it leaves open at the end (\mathbf{W}), so the text is what was written. The
    // expression ends in '{': without one in the 40 characters before, it cannot match.
    if (braceWithin(s, 40)) for (let m; (m = FONT_BEFORE.exec(src.slice(Math.max(0, s - 40), s)));) s -= m[0].length;
    // `\left.` opening an evaluated side leaves no token: the text keeps it, as its `\right|_{t=3}` (a '.' before s
    // first: the expression ran on a slice at every call)
    if (dotBefore(s)) {
      const left = /\\left\.\s*$/.exec(src.slice(Math.max(0, s - 16), s));
      if (left) s -= left[0].length;
    }
    // an empty group leaves no token either (`{}^{t}W`, a transpose written on the left): the text keeps it
    let k = s - 1;
    while (k > 0 && src.charCodeAt(k) === 32) k--;
    if (src.charCodeAt(k) === 125) {
      const empty = /\{\s*\}\s*$/.exec(src.slice(Math.max(0, k - 8), s));
      if (empty) s -= empty[0].length;
    }
    // braces left open at the end: counted only when a '}' follows (one pass over the text was most of the cost)
    if (src.charCodeAt(e) === 125) {
      let open = 0;
      for (let i = s; i < e; i++) {
        const c = src.charCodeAt(i);
        if (c === 123) open++;
        else if (c === 125) open--;
      }
      while (open > 0 && src.charCodeAt(e) === 125) {
        e++;
        open--;
      }
    }
    const text = src.slice(s, e);
    // most statements are written with single spaces: their text is the slice as it is
    return needsFold(text) ? text.replace(/\s+/g, ' ').trim() : text;
  }

  /** whether the last character before s that is not a space is a '.' (of a `\left.`) */
  function dotBefore(s: number): boolean {
    let i = s - 1;
    while (i >= 0 && i >= s - 16 && isSpaceCode(src.charCodeAt(i))) i--;
    return src.charCodeAt(i) === 46;
  }

  /** a '{' among the n characters before s (a bounded look, not lastIndexOf's search to the file's start) */
  function braceWithin(s: number, n: number): boolean {
    for (let i = s - 1; i >= 0 && i >= s - n; i--) if (src.charCodeAt(i) === 123) return true;
    return false;
  }

  function statement(): Statement {
    const t = peek();
    if (t.kind === 'kw') {
      switch (t.text) {
        case 'param':
        case 'input':
        case 'target':
          return declaration();
        case 'loss': {
          next();
          const d = definition(true);
          return { ...d, isLoss: true, range: span(t.range, d.range) };
        }
        case 'derive': {
          next();
          const s0 = p;
          const e = expr();
          // `derive ∂L/∂o_t |_{t=3}`: a derive's forms are written at the step it names, not under a bar
          const bars: Bar[] = [];
          evaluationBar(0, bars);
          if (bars.length)
            fail(
              `a derive is written at the step it asks for (derive ∂L/∂o_3), not under an evaluation bar |_{${bars[0]!.v}=${bars[0]!.text}}; with a free ${bars[0]!.v} it answers at every step`,
              bars[0]!.range,
            );
          return { k: 'derive', expr: e, range: span(t.range, e.range), text: textFrom(s0) };
        }
        case 'check':
          return check();
        default:
          fail(`'${t.text}' cannot start a statement`);
      }
    }
    if (t.kind === 'name' && aliasStarts.has(p)) return alias();
    if (t.kind === 'name' || t.kind === 'bar') return definition();
    if (t.kind === 'error') throw new Stop(null);
    return fail(`a statement starts with a name, 'param', 'input', 'target', 'loss', 'derive' or 'check', not ${describe(t)}`);
  }

  /** φ = tanh (found by applyAliases) */
  /** `[n]`, `[t-1]` tight on a defined name and followed by '=': its step (null, nothing read, for anything else) */
  function bracketStep(): { step: Ast; end: Range } | null {
    if (!isOp(peek(), '[') || !peek().tight) return null;
    const save = p;
    next();
    const step = expr();
    if (isStepForm(step) && isOp(peek(), ']') && isOp(peek(1), '=')) return { step, end: next().range };
    p = save;
    return null;
  }

  function alias(): Statement {
    const t = next();
    next();
    const f = next();
    const name: NameAst = { k: 'name', raw: t.text, sub: null, sup: null, range: t.range, nameRange: t.range };
    return { k: 'alias', name, fn: f.text, range: span(t.range, f.range) };
  }

  /**
   * h^t = …, s_c^{t-1}, h^0 = 0 (Graves writes steps as bare superscripts): after a defined name, the step, as h^{(t)};
   * null (nothing read) for anything that is not a step (t, T, a number, t±k, T±k)
   */
  function bareStepSuperscript(): Ast | null {
    if (!isOp(peek(), '^') || !peek().tight) return null;
    const save = p;
    next();
    let sup: Ast | null = null;
    const o = peek();
    if (isOp(o, '{')) {
      next();
      sup = expr();
      if (!isOp(peek(), '}')) sup = null;
      else next();
    } else if (o.kind === 'num' || (o.kind === 'name' && /^[A-Za-z]$/.test(o.text))) {
      next();
      sup =
        o.kind === 'num'
          ? { k: 'num', value: o.value, range: o.range }
          : { k: 'name', raw: o.text, sub: null, sup: null, range: o.range, nameRange: o.range };
    }
    if (sup && isStepForm(sup)) return sup;
    p = save;
    return null;
  }

  function declaration(): Statement {
    const kw = next();
    const nt = peek();
    if (nt.kind !== 'name') fail(`expected a name after '${kw.text}', found ${describe(nt)}`);
    const name = nameWithIndex(false);
    // a declaration whose shape or value does not read still names its quantity: its uses say "not available"
    // (LANGUAGE.md §6: no cascades), as a definition's do, not "unknown name"
    if (name.raw !== 'T')
      brokenDef = {
        k: 'def',
        lhs: name,
        rhs: { k: 'num', value: 0, range: name.range },
        isLoss: false,
        range: name.range,
        rhsText: '',
        broken: true,
      };
    let shape: number[] | null = null;
    let shapeRange: Range | null = null;
    // `param W : 3 x 2`, or as a textbook declares it, `W \in \mathbb{R}^{3 \times 2}`
    if (isOp(peek(), ':') || isOp(peek(), '∈')) {
      next();
      [shape, shapeRange] = parseShape();
    }
    let value: Ast | null = null;
    if (isOp(peek(), '=')) {
      next();
      value = expr();
    }
    const end = value?.range ?? shapeRange ?? name.range;
    return { k: 'decl', kind: kw.text as 'param', name, shape, shapeRange, value, range: span(kw.range, end) };
  }

  /**
   * n, m x n, m×n, m \times n; also as a student writes a shape elsewhere: numpy's [m, n] or (m, n), and the set
   * ℝ^{m×n} (\mathbb{R}^{m \times n}, R^n)
   */
  function parseShape(): [number[], Range] {
    const first = peek();
    const real = first.kind === 'name' && (first.text === 'ℝ' || first.text === 'R');
    // w ∈ ℝ: a scalar
    if (real && !isOp(peek(1), '^') && (peek(1).kind === 'newline' || peek(1).kind === 'eof' || isOp(peek(1), '='))) {
      next();
      return [[], first.range];
    }
    if (real && isOp(peek(1), '^')) {
      next();
      next();
      const braced = isOp(peek(), '{');
      if (braced) next();
      const [dims] = shapeDims();
      const end = braced ? expectOp('}', `to close the dimensions of ${first.text}^{…}`) : tokens[p - 1]!;
      return [dims, span(first.range, end.range)];
    }
    const listed = listedShape();
    if (listed) return listed;
    return shapeDims();
  }

  function tooLarge(range: Range): never {
    return fail(`a dimension above ${LIMITS.maxDim} (limit)`, range);
  }

  function notAShape(t: Token): never {
    return fail(`a shape is 'n' or 'm x n' with positive integers, found ${describe(t)}`);
  }

  /** [m, n], [n], (m, n), (n,): the dimensions listed, as numpy prints a shape; null when the shape is not so written */
  function listedShape(): [number[], Range] | null {
    const t = peek();
    const bad = () => notAShape(t);
    const whole = (x: number) => Number.isInteger(x) && x >= 1;
    if (t.kind === 'lit' && t.lit?.k === 'list') {
      const packed = t.lit.packed;
      if (!packed || packed.shape.length !== 1 || packed.data.length > 2 || !packed.data.every(whole)) bad();
      // [5000, 2] names the limit, as 5000x2 does
      if (packed!.data.some((x) => x > LIMITS.maxDim)) tooLarge(t.range);
      next();
      return [Array.from(packed!.data, (x) => x | 0), t.range];
    }
    if (!isOp(t, '(')) return null;
    next();
    const [dims] = shapeDims(true);
    const close = expectOp(')', 'to close the shape (m, n)');
    return [dims, span(t.range, close.range)];
  }

  /** n or m x n (m×n, m \times n, m*n; `listed`: also m, n and n,) */
  function shapeDims(listed = false): [number[], Range] {
    const first = peek();
    const dims: number[] = [];
    const dim = () => {
      const t = peek();
      if (t.kind !== 'num' || !Number.isInteger(t.value) || t.value < 1) notAShape(t);
      next();
      // an int32 (SMI) entry: the lexer's number can be a heap double, and one double made this shape an array
      // of doubles where every other shape is of small integers (shape readers then saw two element kinds)
      dims.push(t.value <= LIMITS.maxDim ? t.value | 0 : t.value);
    };
    dim();
    let last = tokens[p - 1]!;
    const t = peek();
    if (t.kind === 'name' && /^x\d+$/.test(t.text)) {
      // "3x2" lexes as 3 and x2
      next();
      dims.push(Number(t.text.slice(1)));
      last = t;
    } else if ((t.kind === 'name' && t.text === 'x') || isOp(t, '*') || (listed && isOp(t, ','))) {
      next();
      // (n,): numpy's one-entry tuple
      if (!(listed && isOp(t, ',') && isOp(peek(), ')'))) dim();
      last = tokens[p - 1]!;
    }
    if (dims.some((d) => d > LIMITS.maxDim)) tooLarge(span(first.range, last.range));
    return [dims, span(first.range, last.range)];
  }

  function definition(isLoss = false): Statement & { k: 'def' } {
    const written = peek().kind === 'bar' ? barredName() : (deltaName() ?? nameWithIndex(false));
    // δ^{\hat h}_t = ∂L/∂ĥ_t: the name δ^ĥ a solution defines for a derivative (deltaSuperscript)
    const named = (written.k === 'name' && isOp(peek(), '^') && deltaSuperscript(written)) || written;
    const plain = named.k === 'name' && !named.sup && !named.sub;
    // Sherstinsky's ψ[n] = ∂E/∂s[n]: the step in square brackets, as h[t] reads on a sequence (a subscript step)
    const bracketed = plain ? bracketStep() : null;
    const step = plain && !bracketed ? bareStepSuperscript() : null;
    const lhs = bracketed
      ? { ...named, sub: bracketed.step, range: span(named.range, bracketed.end) }
      : step && named.k === 'name'
        ? { ...named, sup: step, range: span(named.range, step.range) }
        : named;
    const eq = peek();
    if (!isOp(eq, '='))
      fail(`expected '=' after ${src.slice(tokens[p - 1]!.start, tokens[p - 1]!.end)} to define it, found ${describe(eq)}`);
    next();
    const s0 = p;
    // a right side that does not parse still defines its name, so that its uses say "not available" (no cascade)
    if (lhs.raw !== 'T')
      brokenDef = { k: 'def', lhs, rhs: { k: 'num', value: 0, range: lhs.range }, isLoss, range: lhs.range, rhsText: '', broken: true };
    // brokenDef stays set until the statement is accepted: a right side that reads but is followed by what does
    // not (2 \| y_t: the unknown command after 2) is as broken as one that does not read
    const rhs = expr();
    return { k: 'def', lhs, rhs, isLoss: false, range: span(lhs.range, rhs.range), rhsText: textFrom(s0) };
  }

  /**
   * `\delta c_t = …` (Let $\delta c_t = \frac{\partial L}{\partial c_t}$): the name δc, as `δc_t` typed tight is. A
   * product δ·c_t defines nothing, so a δ and a name at a definition's start are one name (it was "expected '='")
   */
  function deltaName(): NameAst | null {
    const d = peek();
    if (d.kind !== 'name' || d.text !== 'δ') return null;
    // MIT 6.390's δ^{s_t} = ∂L/∂s_t: the name δs, as \delta s_t is
    const over = deltaOverName();
    if (over) return { ...over, raw: 'δ' + over.raw, range: span(d.range, over.range), nameRange: span(d.range, over.nameRange) };
    if (peek(1).kind !== 'name' && peek(1).kind !== 'bar') return null;
    next();
    // \delta \bar{o}^t (Greff et al.: δ of the pre-activation ō): the name δō, the bar the name's own
    const x = peek().kind === 'bar' ? barredName() : nameWithIndex(false);
    return { ...x, raw: 'δ' + x.raw, range: span(d.range, x.range), nameRange: span(d.range, x.nameRange) };
  }

  /**
   * δ^{s_t}, δ^{s_{t-1}}, δ^{s_n} at a δ token (MIT 6.390 writes the loss's gradient at the state s_t so): the name
   * under the δ, with its step, the δ and the braces consumed; null (nothing consumed) for any other superscript —
   * δ^{(t)} and δ^{l} (a step, a layer), δ^2, a name with no step under it (δ^{s}: the layer letter's reading)
   */
  function deltaOverName(): NameAst | null {
    if (!isOp(peek(1), '^') || !peek(1).tight || !isOp(peek(2), '{') || peek(3).kind !== 'name') return null;
    const p0 = p;
    p += 3;
    const x = nameWithIndex(false);
    if (isOp(peek(), '}') && (x.sub !== null || x.raw.includes('_'))) {
      next();
      return x;
    }
    p = p0;
    return null;
  }

  /** \bar{x}_t = … defines the name x̄_t (a defined name spelled with a bar is itself, not an adjoint) */
  function barredName(): NameAst {
    const a = adjoint().a;
    const cut = a.raw.indexOf('_');
    const raw = cut < 0 ? a.raw + '\u0304' : a.raw.slice(0, cut) + '\u0304' + a.raw.slice(cut);
    return { ...a, raw };
  }

  function check(): Statement {
    const k0 = p;
    const kw = next();
    const s0 = p;
    rangeGroup = parenthesisedRange(p);
    rangeSpaced = rangeGroup < 0 ? spacedRange(p) : -1;
    // `\left. ∂L/∂o_t \right|_{t=3}`, `… \Big|_{t=T}`: evaluation bars, as a solution writes them (below)
    const bars: Bar[] = [];
    accumulateAt = depth + 1;
    let lhs: Ast;
    try {
      lhs = expr();
    } finally {
      accumulateAt = -1;
    }
    // min-char-rnn's dW_hy += dy_t h_tᵀ: the loop's total, dW_hy = Σ_t dy_t h_tᵀ
    const accumulated = accumulation(lhs);
    evaluationBar(0, bars, s0);
    // A ≈ 0.0421: a value rounded to the digits written (the tolerance of each later side, null for '=')
    const rounded: (number[] | null)[] = [];
    let sideNo = 0;
    // a bound, `‖∂h_3/∂h_1‖ ≤ ‖W‖^2` or `0 < σ'(z) ≤ 1/4`, and a derivation that mixes equalities into it (Pascanu's
    // ‖∂h_t/∂h_k‖ = ‖∏ …‖ ≤ (β_W β_h)^{t−k}): each later side's relation to the side before it; = and ≈ alone have none
    const links: ChainLink[] = [];
    const side = (): Ast => {
      // `check w + 1) = 0`: the bracket is the mistake, not a missing '='
      if (strayCloser(peek())) fail(`unexpected ${describe(peek())} in the left side of the check${strayCloser(peek())}`);
      const bound = peek().kind === 'op' && REL.has(peek().text) ? next() : null;
      const rel = bound ?? (isOp(peek(), '≈') ? next() : expectOp('=', 'between the two sides of the check'));
      links.push(rel.text as ChainLink);
      const from = p;
      const e = expr();
      evaluationBar(++sideNo, bars, from);
      rounded.push(rel.text === '≈' ? roundedValue(e, from) : null);
      // ≈ (0.4621, 0)^T: the column the tuple already is (transposed, a row compared with a note)
      if (rel.text === '≈' && e.k === 'transpose' && e.a.k === 'list' && e.a.items.every((x) => x.k !== 'list'))
        return { ...e.a, range: e.range };
      return e;
    };
    // a chain A = B = C …: every later side is checked against the first; with a bound in it, against the one before
    const more: Ast[] = [];
    let rhs: Ast;
    if (isOp(peek(), '∈') && startsInterval(peek(1))) {
      // σ'(z) ∈ (0, 1/4]: a value in an interval is the two-sided bound 0 < σ'(z) ≤ 1/4, each end as its bracket says
      next();
      const iv = interval();
      [lhs, rhs] = [iv.lo, lhs];
      more.push(iv.hi);
      links.push(iv.loOpen ? '<' : '≤', iv.hiOpen ? '<' : '≤');
      rounded.push(null, null);
    } else if (accumulated) {
      rhs = accumulated;
      links.push('=');
      rounded.push(null);
    } else {
      rhs = side();
      while (isOp(peek(), '=') || isOp(peek(), '≈') || (peek().kind === 'op' && REL.has(peek().text))) more.push(side());
    }
    const sidesEnd = p;
    const remark = shapeRemark();
    const relations = links.some((l) => REL.has(l)) ? (links as ChainRelation[]) : null;
    if (relations) {
      // each side bounded by the next: the bounds all one way (0 < σ'(z) ≤ 1/4), the equalities between them steps of
      // the derivation; ≈ states no bound's number
      if (links.includes('≈'))
        fail(
          `'≈' in a bound's chain: each side is bounded by or equal to the next (a = b ≤ c); write the approximation as a check of its own`,
        );
      const bounds = relations.filter((r): r is Relation => r !== '=');
      const up = (r: Relation) => r === '≤' || r === '<';
      if (bounds.some((r) => up(r) !== up(bounds[0]!)))
        fail(`a bound's relations run one way (a ≤ b < c or a ≥ b > c), not ${bounds.join(' and ')}`);
    }
    let text = remark ? textOf(s0, sidesEnd) : textFrom(s0);
    let end = (more.length ? more[more.length - 1]! : rhs).range;
    const written = [lhs, rhs, ...more];
    const sides = ratiosAsDerivatives(written, s0);
    // the sides as written, most often (ratiosAsDerivatives returns them): nothing to put back
    if (sides !== written) {
      lhs = sides[0]!;
      rhs = sides[1]!;
      more.splice(0, more.length, ...sides.slice(2));
    }
    let forRange = checkRange();
    if (bars.length) {
      const barred = barredSides([lhs, rhs, ...more], bars, forRange);
      [lhs, rhs] = [barred.sides[0]!, barred.sides[1]!];
      more.splice(0, more.length, ...barred.sides.slice(2));
      forRange = barred.range;
    }
    if (forRange) {
      end = forRange.range;
      text = text.trimEnd().replace(/,$/, '');
    }
    rangeGroup = -1;
    rangeSpaced = -1;
    const where = isOp(peek(), ',') && peek(1).kind === 'kw' && peek(1).text === 'where' ? (next(), whereClauses()) : whereClauses();
    if (where?.length) end = where[where.length - 1]!.range;
    const st: Statement & { k: 'check' } = { k: 'check', lhs, rhs, more, range: span(kw.range, end), text, forRange };
    if (where?.length) st.where = where;
    if (rounded.some((r) => r !== null)) st.approx = rounded;
    if (relations) st.relations = relations;
    if (placeholders) st.placeholder = true;
    // \tag{…} anywhere in the statement: the lexer gave it to the token after it (perhaps the line's end)
    for (let q = k0; statementTagged && q <= p && q < tokens.length; q++) {
      const tag = tokens[q]!.tag;
      if (tag !== null) {
        st.tag = tag;
        break;
      }
    }
    return st;
  }

  /**
   * an evaluation bar `|_{t=3}` after a side (`\right|`, `\Big|`, a bare `|`; the lexer drops `\left.`): read into
   * `bars`. A solution binds the bar's letter in what `\left.` opened (src/solution/display.ts); a check line binds
   * it for the whole check, as `for t = 3` — the step a derivation writes its bar at is that of its every side.
   */
  /** how many tokens a subscript written at peek(k) takes (_x, _{…}); 0 when none is */
  function subscriptTokens(k: number): number {
    if (!isOp(peek(k), '_')) return 0;
    if (!isOp(peek(k + 1), '{')) return peek(k + 1).kind === 'eof' ? 0 : 2;
    let depth = 0;
    for (let q = k + 1; peek(q).kind !== 'eof' && peek(q).kind !== 'newline'; q++) {
      if (isOp(peek(q), '{')) depth++;
      else if (isOp(peek(q), '}') && --depth === 0) return q - k + 1;
    }
    return 0;
  }

  /** for t = 3, k = 1 (Pascanu et al.'s ∂x_t/∂x_k): a second letter given a value, refused by name */
  function secondLetter(v: string): void {
    if (isOp(peek(), ',') && peek(1).kind === 'name' && isOp(peek(2), '='))
      fail(
        `a check ranges over one letter, ${v}: a second letter set to a value (${peek(1).text} = …) is not read — write that value in its place in the check`,
        span(peek().range, peek(2).range),
      );
  }

  function evaluationBar(side: number, bars: Bar[], from = p): void {
    if (!(isOp(peek(), '|') && isOp(peek(1), '_') && isOp(peek(2), '{') && peek(3).kind === 'name')) return;
    // |_{W_{hh}=0.8}: the letter may carry a subscript (refused below by its name as written)
    const eq = 4 + subscriptTokens(4);
    if (!isOp(peek(eq), '=')) return;
    const bar = next();
    const v = eq === 4 ? peek(2).text : textOf(p + 2, p + eq - 1);
    p += eq;
    const at = p;
    const value = expr();
    const text = textOf(at, p);
    const close = expectOp('}', 'to close the evaluation bar |_{t=3}');
    const range = span(bar.range, close.range);
    // a step is a number, T or T±k (what a bar in a solution binds, too)
    const names: string[] = [];
    const walk = (a: Ast): void => {
      if (a.k === 'name') names.push(a.sub || a.sup ? '?' : a.raw);
      else if (a.k === 'bin' && (a.op === '+' || a.op === '-')) {
        walk(a.a);
        walk(a.b);
      } else if (a.k === 'neg') walk(a.a);
      else if (a.k !== 'num') names.push('?');
    };
    walk(value);
    // ∂L/∂w |_{w=1.5}: a derivative taken at a value of the quantity it is by, not at a step
    let by = false;
    for (let q = from; q < at && !by; q++)
      by = tokens[q]!.kind === 'partial' && tokens[q + 1]?.kind === 'name' && tokens[q + 1]!.text === v;
    if (by || (value.k === 'num' && !Number.isInteger(value.value)))
      fail(
        `an evaluation bar |_{${v}=${text}} at a value of ${v} is not read: a bar binds a step only; give ${v} that value where it is declared (param ${v} = ${text}) and write the check without the bar`,
        range,
      );
    if ([...v].length !== 1 || names.some((n) => n !== 'T'))
      fail(`an evaluation bar |_{${v}=${text}} is not read: a bar binds a step only (|_{t=3}, |_{t=T}, |_{t=T-1})`, range);
    bars.push({ side, v, value, range, text });
  }

  /**
   * a check's sides with their evaluation bars read: bars of one step on a check with no range of its own are its
   * range (`for t = 3`, every side at that step); bars of two steps, or beside a written range, bind their own
   * sides only, as a solution reads them (`∂L/∂h_t|_{t=1} = ∂L/∂h_t|_{t=2}` compares two steps): each such side
   * is Σ over its one step (Σ_{t=1}^{1} E is E at t = 1)
   */
  function barredSides(sides: Ast[], bars: Bar[], written: CheckRange | null): { sides: Ast[]; range: CheckRange | null } {
    const same = (b: Bar) => b.v === bars[0]!.v && b.text.replace(/\s+/g, '') === bars[0]!.text.replace(/\s+/g, '');
    if (!written && bars.every(same)) {
      const b = bars[0]!;
      return { sides, range: { v: b.v, from: b.value, to: b.value, range: b.range } };
    }
    const out = sides.slice();
    for (const b of bars) {
      const body = out[b.side]!;
      out[b.side] = { k: 'big', op: 'sum', v: b.v, vRange: b.range, from: b.value, to: b.value, body, range: span(body.range, b.range) };
    }
    return { sides: out, range: written };
  }

  /**
   * The side after ≈, a value as a solution rounds it: a number (0.0421, -3.2e-2), m × 10^{e}, or a literal of
   * them; each entry's tolerance is half a unit of its last written digit (0.0421: 0.00005). Anything else is
   * an error naming what ≈ takes.
   */
  function roundedValue(e: Ast, from: number): number[] {
    const bad = (): never =>
      fail(
        `after ≈ a check takes a value written to some digits (0.0421, -4.21 × 10^{-2}, or a list of numbers), judged to those digits; for an equation write =`,
        e.range,
      );
    const entry = (a: Ast): number => {
      if (a.k === 'neg') return entry(a.a);
      if (a.k === 'num' && !a.ones) return halfUnit(numberText(a, from));
      if (a.k === 'bin' && (a.op === '*' || a.op === 'juxt') && a.b.k === 'bin' && a.b.op === '^') {
        const ten = a.b.a;
        const ex = a.b.b.k === 'neg' ? a.b.b.a : a.b.b;
        if (ten.k === 'num' && ten.value === 10 && ex.k === 'num' && Number.isInteger(ex.value))
          return entry(a.a) * 10 ** (a.b.b.k === 'neg' ? -ex.value : ex.value);
      }
      return bad();
    };
    const entries = (l: Ast & { k: 'list' }) => l.items.flatMap((x) => (x.k === 'list' ? x.items.map(entry) : [entry(x)]));
    if (e.k === 'list') return entries(e);
    // (0.4621, 0)^T, a row of a bmatrix transposed: a vector, its entries in the order written (a matrix's would not be)
    if (e.k === 'transpose' && e.a.k === 'list') {
      const rows = e.a.items;
      if (rows.every((x) => x.k !== 'list' || x.items.length === 1) || (rows.length === 1 && rows[0]!.k === 'list')) return entries(e.a);
    }
    return [entry(e)];
  }

  /** a number's text as written (a literal's entries, read without tokens of their own, as the shortest text of their value) */
  function numberText(a: Ast & { k: 'num' }, from: number): string {
    for (let q = from; q < p; q++) {
      const t = tokens[q]!;
      if (t.kind === 'num' && t.range.line === a.range.line && t.range.column === a.range.column) return t.text;
    }
    return String(Math.abs(a.value));
  }

  /**
   * Seed 001's (27) writes \frac{h_t}{W_{hh}} = \frac{∂σ(…)}{∂W_{hh}}: a side that is only a ratio of two
   * names A/B, in a chain where another side differentiates by that very B, is the derivative ∂A/∂B with its
   * ∂ left off (as (4)'s numerator without ∂ is read), with a note; nobody equates a ratio with ∂…/∂B.
   * The reading depends on what is written, never on whether the check then holds.
   */
  function ratiosAsDerivatives(sides: Ast[], from: number): Ast[] {
    // only the first side, what the derivation computes; and not when another side writes ∂A/∂B itself,
    // where the ratio is a claim of its own (y/x = ∂y/∂x holds only for a line through 0)
    const side = sides[0]!;
    if (side.k !== 'bin' || side.op !== '/' || side.a.k !== 'name' || side.b.k !== 'name') return sides;
    if (side.a.args !== undefined || side.b.args !== undefined) return sides;
    const by = side.b;
    const of = side.a;
    const others = sides.slice(1);
    if (!others.some((o) => derivesBy(o, by)) || others.some((o) => derivesBy(o, by, of))) return sides;
    // the text as written, without \frac's braces around it
    const text = (a: Ast) => textIn(a.range, from).replace(/^\{\s*(.*?)\s*\}$/, '$1');
    errors.push({
      severity: 'information',
      message: `read as ∂${text(of)}/∂${text(by)}: the ∂ is missing (another side is a derivative by ${text(by)})`,
      range: side.range,
    });
    return [deep({ k: 'deriv', plus: false, of, wrt: by, range: side.range }, of, by), ...others];
  }

  /** whether e has a derivative ∂…/∂B (of A, when given; as written, ranges aside) */
  function derivesBy(e: Ast, b: NameAst, a?: NameAst): boolean {
    if (e.k === 'deriv' && sameAst(e.wrt, b) && (!a || sameAst(e.of, a))) return true;
    for (const v of Object.values(e) as unknown[]) {
      if (Array.isArray(v)) {
        if (v.some((x) => isAst(x) && derivesBy(x, b, a))) return true;
      } else if (isAst(v) && derivesBy(v, b, a)) return true;
    }
    return false;
  }

  /** the source text of the tokens within range r, from token index `from` on */
  function textIn(r: Range, from: number): string {
    let a = from;
    while (a < p && !within(tokens[a]!.range, r)) a++;
    let b = a;
    while (b < p && within(tokens[b]!.range, r)) b++;
    return textOf(a, b);
  }

  /**
   * `\text{where } c = 2, z_t = W x_t` after a check: a one-letter name set to a number holds that free index
   * at the number (returned); any other clause is an equation of its own, checked after this one (queued).
   */
  function whereClauses(): { v: string; value: Ast; range: Range }[] | null {
    if (!(peek().kind === 'kw' && peek().text === 'where')) return null;
    next();
    const out: { v: string; value: Ast; range: Range }[] = [];
    for (;;) {
      const s1 = p;
      const clause = whereClause();
      if (!clause) return out;
      const [l, r] = clause;
      // (a whole number: `where γ = 0.25` names a constant, no index's value — an equation of its own, as 1/4 is)
      const num = r.k === 'neg' ? r.a : r;
      const value = num.k === 'num' && Number.isInteger(num.value) ? r : null;
      if (isPlain(l) && [...(l as NameAst).raw].length === 1 && value)
        out.push({ v: (l as NameAst).raw, value, range: span(l.range, r.range) });
      // `\text{where } δ_t = ∂L/∂h_t ⊙ …`: a name for a derivative, which the check before it uses (a definition, as
      // on a line of its own; it was an equation of its own, and δ unknown in the check)
      else if (l.k === 'name' && mentionsDerivative(r)) {
        // the same clause under several checks defines the name once
        const clause = textFrom(s1);
        if (whereDefined.get(l.raw) !== clause) {
          if (!whereDefined.has(l.raw)) whereDefined.set(l.raw, clause);
          queued.push({
            k: 'def',
            lhs: l,
            rhs: r,
            isLoss: false,
            range: span(l.range, r.range),
            rhsText: clause.replace(/^[^=]*=\s*/, ''),
          });
        }
      } else queued.push({ k: 'check', lhs: l, rhs: r, more: [], range: span(l.range, r.range), text: textFrom(s1), forRange: null });
      if (isOp(peek(), ',')) next();
      if (peek().kind === 'kw' && peek().text === 'where') next();
      if (peek().kind === 'newline' || peek().kind === 'eof') return out;
    }
  }

  /** at token k: a one-letter name, '=', and a list of steps (`t = 1, \dots, T`, `t = 1, 2, 3`) to the line's end */
  function listedSteps(k: number): boolean {
    const v = tokens[k];
    if (!v || v.kind !== 'name' || [...v.text].length !== 1 || !isOp(tokens[k + 1]!, '=')) return false;
    let depth = 0;
    for (let j = k + 2; j < tokens.length; j++) {
      const x = tokens[j]!;
      if (x.kind === 'newline' || x.kind === 'eof') return false;
      if (isOp(x, '(') || isOp(x, '[') || isOp(x, '{')) depth++;
      else if (isOp(x, ')') || isOp(x, ']') || isOp(x, '}')) depth--;
      else if (depth === 0 && isOp(x, ',')) {
        const n = tokens[j + 1]!;
        return n.kind === 'num' || isOp(n, '…');
      } else if (depth === 0 && (isOp(x, '=') || x.kind === 'kw')) return false;
    }
    return false;
  }

  /**
   * one clause `A = B` after 'where'; null when it does not read (`\text{where } σ' = σ(1 − σ)`, a remark on the
   * notation, not an equation of the network's): it is dropped to the statement's end with an information, and the
   * check before it is judged without it (the whole check was refused over its remark)
   */
  function whereClause(): [Ast, Ast] | null {
    const s1 = p;
    const noted = errors.length;
    const d0 = depth;
    try {
      const l = expr();
      expectOp('=', "in a 'where' clause (where c = 2, where z_t = W x_t)");
      return [l, expr()];
    } catch (e) {
      if (!(e instanceof Stop) || !e.diag || e.diag.message.includes('(limit)')) throw e;
      errors.length = noted;
      depth = d0;
      let equals = false;
      while (peek().kind !== 'newline' && peek().kind !== 'eof') equals = isOp(next(), '=') || equals;
      // `\quad \text{where} \quad ∂L/∂h_t \text{ is given by (6)}`: no '=' at all, a remark in words (a parse error
      // named of it, "expected '='", read as a slip of the student's)
      const why = equals ? `is not read (${e.diag.message})` : 'states no equation (a remark in words, its = not written): it is not read';
      errors.push({
        severity: 'information',
        message: `the clause '${textOf(s1, p)}' ${why}: the equation before it is checked without it`,
        range: span(tokens[s1]!.range, tokens[p - 1]!.range),
      });
      return null;
    }
  }

  /**
   * The steps a check is stated for, after its last side (LANGUAGE.md §5 writes `for t = a..b`; sheets also
   * write `for t = 1, …, T-1`, `\text{for } t < T`, `\forall 1 ≤ t < T`, `, t = 1, \dots, T-1`, `(t < T)`).
   * An inequality that leaves an end open keeps the default there: the steps where both sides are defined.
   */
  /**
   * `∈ ℝ^q` after a check's last side (d2l.ai ends its (9.7.13) with `\in \mathbb{R}^q`): a remark on that side's
   * shape, its dimensions letters of the text as often as numbers — no part of the claim, taken and dropped, as a
   * solution's display drops it (solution/display.ts). ℝ as a plain R only where it can be nothing else: before ^ or
   * at the statement's end
   */
  function shapeRemark(): boolean {
    const r = peek(1);
    if (!isOp(peek(), '∈') || r.kind !== 'name') return false;
    const end = (t: Token) => t.kind === 'newline' || t.kind === 'eof';
    if (!(r.text === 'ℝ' || (r.text === 'R' && (isOp(peek(2), '^') || end(peek(2)))))) return false;
    next();
    next();
    if (!isOp(peek(), '^')) return true;
    next();
    if (!isOp(peek(), '{')) {
      if (!end(peek())) next();
      return true;
    }
    // ℝ^{m \times n}: the braces' content, whatever it is
    let open = 0;
    do {
      const t = next();
      if (isOp(t, '{')) open++;
      else if (isOp(t, '}')) open--;
    } while (open > 0 && !end(peek()));
    return true;
  }

  function checkRange(): CheckRange | null {
    const t0 = peek();
    // ", \text{where} …": the check's clauses, not a range
    if (isOp(t0, ',') && peek(1).kind === 'kw' && peek(1).text === 'where') return null;
    // a comma ending the equation is its punctuation, as a final full stop is (pasted from a sentence of a sheet)
    if (isOp(t0, ',') && (peek(1).kind === 'newline' || peek(1).kind === 'eof')) {
      next();
      return null;
    }
    const paren = p === rangeGroup;
    const spaced = p === rangeSpaced;
    if (paren || isOp(t0, ',')) next();
    let f = peek();
    // `\text{with } t = 1, \ldots, 3`, `where t = 1, 2, 3`: steps listed after a clause word are the check's range
    // (read as a clause, t was held at 1 and `\ldots, 3` refused)
    if (f.kind === 'kw' && f.text === 'where' && listedSteps(p + 1)) {
      next();
      f = peek();
    } else if (f.kind === 'kw' && f.text === 'for') {
      next();
      // "for all t" (also "for every t", "for each t", "for any t")
      if (peek().kind === 'name' && QUANTIFIER_WORDS.has(peek().text) && peek(1).kind === 'name') next();
    } else if (!paren && !spaced && !isOp(t0, ',') && !(f.kind === 'name' && isOp(peek(1), '∈'))) return null;
    const first = expr();
    const nx = peek();
    let r: CheckRange;
    if (isOp(nx, '=')) {
      next();
      const v = rangeVar(first);
      inRange = true;
      const from = expr();
      inRange = false;
      const end = peek();
      if (end.kind === 'newline' || end.kind === 'eof' || (paren && isOp(end, ')'))) {
        // "for t = 3": that one step, as a sheet states a check at one step
        r = { v: v.v, from, to: from, range: span(t0.range, from.range) };
      } else {
        // the steps listed, t = 1, 2, 3 (and t = 1, 2, …, T): consecutive numbers are the range from the first to the last
        const listed: Ast[] = [from];
        while (isOp(peek(), ',') && peek(1).kind === 'num') {
          next();
          listed.push(expr());
        }
        const stop = peek();
        if (listed.length > 1 && (stop.kind === 'newline' || stop.kind === 'eof' || (paren && isOp(stop, ')')))) {
          const last = listed[listed.length - 1]!;
          const where = span(t0.range, last.range);
          if (
            !listed.every(
              (x, n) =>
                x.k === 'num' && Number.isInteger(x.value) && (n === 0 || x.value === (listed[n - 1] as { value: number }).value + 1),
            )
          )
            fail(`the steps listed are not consecutive numbers: write the range as for t = a..b`, where);
          r = { v: v.v, from, to: last, range: where };
          if (paren) r.range = span(t0.range, expectOp(')', 'to close the range of t').range);
          return r;
        }
        secondLetter(v.v);
        // a, …, b and a..b
        if (isOp(peek(), ',')) next();
        const dots = isOp(peek(), '…');
        // `\text{ down to }`, read as '..' by the lexer, runs from the top down as a listing does
        const down = isOp(peek(), '..') && src.slice(peek().start, peek().end).includes('down');
        if (dots) next();
        else expectOp('..', "in 'for t = a..b'");
        if (isOp(peek(), ',')) next();
        const to = expr();
        secondLetter(v.v);
        r = { v: v.v, from, to, range: span(t0.range, to.range) };
        // t = T-1, …, 1: a backward pass's steps listed from the top down are the same steps
        if (dots || down) r.listed = true;
      }
    } else if (isOp(nx, '∈') && isPlain(first) && isReals(peek(1)) && endsRange(peek(2), paren)) {
      // `for all z ∈ ℝ`, `\forall z \in \mathbb{R}`: every value of a variable, as `for all z` (an identity's letter:
      // resolve/identity.ts; of t, every step)
      next();
      const set = next();
      r = { v: (first as NameAst).raw, from: null, to: null, range: span(t0.range, set.range) };
    } else if (isOp(nx, '∈') && startsStepSet(peek(1))) {
      // t ∈ {1, …, T}, t \in \{1, 2, 3\}, t ∈ [1, T), t ∈ [T]: the steps as a set or an interval
      next();
      const v = rangeVar(first);
      const set = stepSet();
      r = { v: v.v, from: set.from, to: set.to, range: span(t0.range, set.range) };
    } else if (nx.kind === 'op' && REL.has(nx.text)) {
      const terms = [first];
      const rels: string[] = [];
      while (peek().kind === 'op' && REL.has(peek().text)) {
        rels.push(next().text);
        terms.push(expr());
      }
      const where = span(t0.range, tokens[p - 1]!.range);
      if (terms.length > 3 || (terms.length === 3 ? !isPlain(terms[1]!) : !isPlain(terms[0]!) && !isPlain(terms[1]!)))
        fail('write the range of t as for t = a..b, for t < T or for 1 ≤ t ≤ T', where);
      const b = bounds(terms, rels, 'the range', where);
      r = { v: b.v.v, from: b.from, to: b.to, range: where };
    } else if (isPlain(first) && (nx.kind === 'newline' || nx.kind === 'eof' || (paren && isOp(nx, ')')))) {
      // "\forall t", "for all t": every step where both sides are defined, as with no range
      r = { v: (first as NameAst).raw, from: null, to: null, range: span(t0.range, first.range) };
    } else return fail(`expected a range of t after ${describe(f.kind === 'kw' ? f : t0)}: for t = a..b or for t < T`, nx.range);
    if (paren) r.range = span(t0.range, expectOp(')', 'to close the range of t').range);
    return r;
  }

  /** ℝ (\mathbb{R}, \R, R), the reals a variable ranges over */
  function isReals(t: Token): boolean {
    return t.kind === 'name' && (t.text === 'ℝ' || t.text === 'R');
  }

  /** the end of a range: the line's, or its closing parenthesis */
  function endsRange(t: Token, paren: boolean): boolean {
    return t.kind === 'newline' || t.kind === 'eof' || (paren && isOp(t, ')'));
  }

  /** an interval after a check's ∈: (a, b], [a, b] (a literal of two numbers to the lexer), [a, b), (a, b) */
  function startsInterval(t: Token): boolean {
    return isOp(t, '(') || isOp(t, '[') || (t.kind === 'lit' && (t.lit as { items?: Ast[] }).items?.length === 2);
  }

  /** the interval after a check's ∈, its ends and whether each is left out (a round bracket) */
  function interval(): { lo: Ast; hi: Ast; loOpen: boolean; hiOpen: boolean } {
    const open = next();
    if (open.kind === 'lit') {
      const [lo, hi] = (open.lit as Ast & { k: 'list' }).items as [Ast, Ast];
      return { lo, hi, loOpen: false, hiOpen: false };
    }
    const lo = expr();
    expectOp(',', 'between the ends of the interval');
    const hi = expr();
    const close = peek();
    if (!isOp(close, ']') && !isOp(close, ')')) fail(`expected ']' or ')' to close the interval, found ${describe(close)}`);
    next();
    return { lo, hi, loOpen: open.text === '(', hiOpen: close.text === ')' };
  }

  /** what may follow ∈ as a set of steps: {…}, (…), [a, b], [a, b), [T] */
  function startsStepSet(t: Token): boolean {
    return isOp(t, '{') || isOp(t, '(') || isOp(t, '[') || (t.kind === 'lit' && ((t.lit as { items?: Ast[] }).items?.length ?? 0) <= 2);
  }

  /**
   * The steps after ∈, from its opening bracket: a set, {1, …, T} or {1, 2, 3} (consecutive numbers; also in
   * parentheses); an interval of whole numbers, [1, T] or [1, T) (its upper end left out); [T] (and [3]), the steps
   * 1..T as papers write them. For a check's range and for the index of Σ/∏ alike.
   */
  function stepSet(): { from: Ast; to: Ast; range: Range } {
    const open = peek();
    if (open.kind === 'lit') {
      // [1, 5], [3]: a literal of numbers to the lexer
      next();
      const items = (open.lit as Ast & { k: 'list' }).items;
      const one: Ast = { k: 'num', value: 1, range: open.range };
      return items.length === 1 ? { from: one, to: items[0]!, range: open.range } : { from: items[0]!, to: items[1]!, range: open.range };
    }
    next();
    if (open.text === '[') {
      const from = expr();
      if (isOp(peek(), ']')) {
        // [T]: the steps 1..T
        const close = next();
        return { from: { k: 'num', value: 1, range: open.range }, to: from, range: span(open.range, close.range) };
      }
      expectOp(',', 'between the ends of the interval of steps ([1, T])');
      const to = expr();
      const close = peek();
      if (!isOp(close, ']') && !isOp(close, ')')) fail(`expected ']' or ')' to close the interval of steps, found ${describe(close)}`);
      next();
      const last: Ast = isOp(close, ')')
        ? { k: 'bin', op: '-', a: to, b: { k: 'num', value: 1, range: close.range }, range: to.range }
        : to;
      return { from, to: last, range: span(open.range, close.range) };
    }
    const was = inRange;
    inRange = true;
    const items: Ast[] = [expr()];
    let to: Ast | null = null;
    while (isOp(peek(), ',')) {
      next();
      if (isOp(peek(), '…')) {
        next();
        if (isOp(peek(), ',')) next();
        to = expr();
        break;
      }
      items.push(expr());
    }
    inRange = was;
    const close = expectOp(open.text === '{' ? '}' : ')', 'to close the set of steps');
    const range = span(open.range, close.range);
    if (!to) {
      const consecutive = items.every(
        (x, n) => x.k === 'num' && Number.isInteger(x.value) && (n === 0 || x.value === (items[n - 1] as { value: number }).value + 1),
      );
      if (!consecutive) fail(`the steps listed are not consecutive numbers: write the range as for t = a..b`, range);
      to = items[items.length - 1]!;
    }
    return { from: items[0]!, to, range };
  }

  function rangeVar(a: Ast): { v: string; range: Range } {
    if (!isPlain(a)) fail(`expected 'for t = a..b', found ${describe(tokens[p - 1]!)}`, a.range);
    return { v: (a as NameAst).raw, range: a.range };
  }

  function isPlain(a: Ast): boolean {
    return a.k === 'name' && !a.sub && !a.sup && a.args === undefined;
  }

  /**
   * Where a parenthesised range ends the statement, "… (t < T)" or "… (for t = 1..T-1)": the index of its '(',
   * or -1. One backward walk from the line's end, so a check costs no more with it.
   */
  function parenthesisedRange(from: number): number {
    // the statement's end, as statementTokens found it (from is in the statement)
    let q = from < tokens.length ? statementEnd : from;
    q--;
    if (q <= from || !isOp(tokens[q]!, ')')) return -1;
    let level = 0;
    let marked = false;
    for (; q > from; q--) {
      const x = tokens[q]!;
      if (x.kind === 'op' && (x.text === ')' || x.text === '}' || x.text === ']')) level++;
      else if (x.kind === 'op' && (x.text === '(' || x.text === '{' || x.text === '[')) {
        if (--level === 0) break;
      } else if (level === 1 && ((x.kind === 'op' && REL.has(x.text)) || (x.kind === 'kw' && x.text === 'for'))) marked = true;
    }
    // "(t = 1, …, T)": a lone letter and `=` right after the '(' state the range too (an `=` is never inside an operand)
    const byEquals = isOp(tokens[q + 2]!, '=') && tokens[q + 1]!.kind === 'name' && /^[a-zA-Z]$/.test(tokens[q + 1]!.text);
    return (marked || byEquals) && q > from && isOp(tokens[q]!, '(') ? q : -1;
  }

  /**
   * Where a check's range written after a wide space ends the statement with no `for` or comma — `… \qquad t = 1, 2,
   * …, T`, `\quad 1 \le t \le T`, `\qquad t < T`, `\quad t = 3` — the index of its first token, or -1. The space is
   * where the comma would be (the solution reader already read `\quad t = 2, \dots, T` so); without it the letter was
   * a factor of the last side and the range a side of the chain. A line with no \quad costs one search of its text.
   */
  function spacedRange(from: number): number {
    // the statement's end, as statementTokens found it (check() asks right after its keyword)
    const end = statementEnd;
    if (end - from < 3 || !quadWithin(tokens[from]!.start, tokens[end - 1]!.start)) return -1;
    const letter = (x: Token) => x.kind === 'name' && /^[a-zA-Z]$/.test(x.text);
    const rel = (x: Token) => x.kind === 'op' && REL.has(x.text);
    for (let q = from + 1; q < end - 1; q++) {
      const x = tokens[q]!;
      if (!/\\q?quad(?![a-zA-Z])/.test(src.slice(tokens[q - 1]!.end, x.start))) continue;
      const y = tokens[q + 1]!;
      // t < T, t ≥ 2; 1 ≤ t ≤ T, 2 ≤ t
      if ((letter(x) && rel(y)) || ((x.kind === 'num' || (x.kind === 'name' && x.text === 'T')) && rel(y) && letter(tokens[q + 2]!)))
        return q;
      // t = 1, 2, …, T; t = 2..T; t = 3: no second '=' after it (that would be another equation of the chain). A
      // letter other than t set to one value (`w = 0.5 \quad x = 3`) may be a second equation: only a list is a range
      if (letter(x) && isOp(y, '=')) {
        let more = false;
        let list = false;
        for (let k = q + 2; k < end && !more; k++) {
          const z = tokens[k]!;
          more = isOp(z, '=') || z.kind === 'partial' || z.kind === 'frac';
          list ||= isOp(z, '…') || isOp(z, '..') || isOp(z, ',');
        }
        if (!more && (list || x.text === 't')) return q;
      }
    }
    return -1;
  }

  /**
   * whether 'quad' (of \quad, \qquad) is written within src[a..b), as src.slice(a, b).includes('quad') says: the places
   * are searched once per parse (a slice and a search of every check line was a twentieth of parsing sheet 7), and the
   * first at or after a found by halving
   */
  function quadWithin(a: number, b: number): boolean {
    if (quads === null) {
      quads = [];
      for (let q = src.indexOf('quad'); q >= 0; q = src.indexOf('quad', q + 4)) quads.push(q);
    }
    let lo = 0;
    let hi = quads.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (quads[mid]! < a) lo = mid + 1;
      else hi = mid;
    }
    return lo < quads.length && quads[lo]! + 4 <= b;
  }

  /** node, one level above its children a and b (the tree's depth is checked against its limit) */
  function deep<A extends Ast>(node: A, a: Ast, b?: Ast): A {
    if (!trackDepth) return node;
    let d = depthOf.get(a) ?? 1;
    if (b !== undefined) d = Math.max(d, depthOf.get(b) ?? 1);
    return setDepth(node, d);
  }

  function deepAll<A extends Ast>(node: A, kids: Ast[]): A {
    if (!trackDepth) return node;
    let d = 0;
    for (let q = 0; q < kids.length; q++) {
      const x = depthOf.get(kids[q]!) ?? 1;
      if (x > d) d = x;
    }
    return setDepth(node, d);
  }

  /** records node's depth, one more than its deepest child's (d) */
  function setDepth<A extends Ast>(node: A, d: number): A {
    if (d + 1 > LIMITS.maxTreeDepth)
      fail(`expression too long: more than ${LIMITS.maxTreeDepth} operations in a chain (limit)`, node.range);
    depthOf.set(node, d + 1);
    return node;
  }

  /** one level deeper, at token t (its range is made only for the message) */
  function enter(t: Token) {
    if (++depth > LIMITS.maxNesting) fail(`expression nested more than ${LIMITS.maxNesting} levels deep (limit)`, t.range);
  }

  /** whether a is a gradient's name with no step, as code names one (dW_xh, db_h): what `+=` accumulates over the steps */
  function accumulator(a: Ast): boolean {
    return a.k === 'name' && !a.sub && !a.sup && !a.args && /^d(?:\p{L}|\\[A-Za-z])/u.test(a.raw) && !/_(?:t|\{t)/.test(a.raw);
  }

  /**
   * `dW_hy += dy_t h_tᵀ` (the `+=` at peek(), after a check's left side read as an accumulator): the loop's total over
   * the steps, Σ_t of the right side, as a student means it (min-char-rnn initialises every dW to zeros before the loop);
   * null where no `+=` follows, or the right side writes no step t (then the accumulation is refused as before)
   */
  function accumulation(lhs: Ast): Ast | null {
    if (!isOp(peek(), '+') || !isOp(peek(1), '=') || !accumulator(lhs)) return null;
    const at = p;
    const plus = next();
    next();
    const body = expr();
    if (!mentionsT(body)) {
      p = at;
      fail(
        `'+=' (code's accumulation over the steps, as min-char-rnn's dWxh += …) is no equation: write the whole sum, as in dW_xh = Σ_t dz_t x_tᵀ`,
        span(plus.range, peek(1).range),
      );
    }
    errors.push({
      severity: 'information',
      message: `${(lhs as NameAst).raw} += … is read as the loop's total over the steps, ${(lhs as NameAst).raw} = Σ_t (…), accumulated from 0 as code does`,
      range: span(lhs.range, body.range),
    });
    return { k: 'big', op: 'sum', v: 't', vRange: null, from: null, to: null, body, range: body.range };
  }

  function expr(): Ast {
    enter(peek());
    let a = term();
    for (;;) {
      const t = peek();
      if (isOp(t, '+') || isOp(t, '-')) {
        // min-char-rnn's dWxh += dhraw xᵀ: code's accumulation over the steps, which no equation states (spaced too: a
        // solution's \mathrel{+}= is `+ =` unwrapped; no equation has a sign before its =)
        if (isOp(peek(1), '=') && t.text === '+' && depth === accumulateAt && accumulator(a)) break;
        if (isOp(peek(1), '='))
          fail(
            `'${t.text}=' (code's accumulation over the steps, as min-char-rnn's dWxh += …) is no equation: write the whole sum, as in dW_xh = Σ_t dz_t x_tᵀ`,
            span(t.range, peek(1).range),
          );
        next();
        // a_1 + a_2 + … + a_T
        if (t.text === '+' && isOp(peek(), '…') && !inRange) {
          a = ellipsisSum(a, peek());
          continue;
        }
        const b = term();
        a = deep({ k: 'bin', op: t.text as '+', a, b, range: span(a.range, b.range) }, a, b);
      } else break;
    }
    depth--;
    return a;
  }

  function startsPrimary(t: Token): boolean {
    switch (t.kind) {
      case 'num':
      case 'name':
      case 'fn':
      case 'bigop':
      case 'partial':
      case 'frac':
      case 'grad':
      case 'nabla':
      case 'bar':
      case 'lit':
        return true;
      case 'op':
        // a norm's opening bar starts an operand (½‖y − ŷ‖²); inside a norm a bar closes it
        return t.text === '(' || t.text === '{' || t.text === '[' || t.text === 'mat[' || t.text === '⟨' || (t.text === '‖' && !inNorm);
      default:
        return false;
    }
  }

  /**
   * `{}^{t}W`, `{}^\top W`: the transpose written on the left, as French and some German texts do (the lexer drops the
   * empty `{}`, so a value starts with '^'). Anything else after a '^' with no base is said as such (it was "expected a
   * value, found '^'").
   */
  function leftTranspose(caret: Token): Ast {
    next();
    const t = peek();
    const x = peek(1);
    const mark = (k: Token) => isOp(k, 'ᵀ') || (k.kind === 'name' && (k.text === 't' || k.text === 'T'));
    const n = mark(t) ? 1 : isOp(t, '{') && mark(x) && isOp(peek(2), '}') ? 3 : 0;
    if (!n)
      return fail(
        'a superscript with nothing before it: only a transpose written on the left ({}^{t}W, which is Wᵀ) is read there',
        caret.range,
      );
    p += n;
    if (!startsPrimary(peek())) return fail(`expected the value the transpose {}^{${t.text === '{' ? x.text : t.text}} is of`);
    const a = postfix();
    return deep({ k: 'transpose', a, range: span(caret.range, a.range) }, a);
  }

  /** the message for an ellipsis: it stands for terms that are not written */
  function ellipsis(t: Token): never {
    const prev = tokens[p - 1];
    const after = prev && prev.kind === 'op' ? prev.text : '';
    if (after === '+' || after === '-') fail('an ellipsis (…) stands for terms that are not written: write the sum with Σ', t.range);
    if (after === ',' || after === '[' || after === '&')
      fail('an ellipsis (…) stands for entries that are not written: write every entry', t.range);
    return fail('an ellipsis (…) stands for terms that are not written: write the product with ∏', t.range);
  }

  function term(): Ast {
    let a = unary();
    for (;;) {
      const t = peek();
      let op: '*' | '/' | '⊙' | '@' | 'juxt' | null = null;
      if (t.kind === 'op') {
        if (t.text === '*' || t.text === '/' || t.text === '⊙' || t.text === '@') {
          next();
          op = t.text as '*';
        } else if (t.text === '.') {
          // w.h_{t-1}: a dot between two operands is a product; a final dot ends a sentence
          next();
          if (!startsPrimary(peek())) continue;
          op = '*';
        } else if (t.text === '…' && !inRange) {
          a = ellipsisProduct(a, t);
          continue;
        } else if (t.text === '⊗') {
          // a ⊗ b: the outer product of two vectors (the resolver checks the shapes), as call 'outer' of both
          next();
          const b = unary();
          const both: Ast = { k: 'list', items: [a, b], range: span(a.range, b.range) };
          a = deep({ k: 'call', fn: 'outer', arg: both, range: both.range, fnRange: t.range }, a, b);
          continue;
        }
      }
      // `… \quad t \in \{1, …, T\}`: a letter set in a set of steps is the check's range, no factor
      const ranged = t.kind === 'name' && isOp(peek(1), '∈');
      // 2|w|: a bar after an operand opens an absolute value, unless one is open (it closes it) or it is an
      // evaluation bar (…|_{t=3})
      const abs = isOp(t, '|') && !inAbs && !isOp(peek(1), '_');
      if (!op && (startsPrimary(t) || abs) && p !== rangeGroup && p !== rangeSpaced && !ranged) op = 'juxt';
      if (!op) break;
      // f₁ · f₂ · ⋯ · f_n: the ellipsis after a product sign
      if (op === '*' && isOp(peek(), '…') && !inRange) {
        a = ellipsisProduct(a, peek());
        continue;
      }
      const b = unary();
      a = deep({ k: 'bin', op, a, b, range: span(a.range, b.range) }, a, b);
    }
    return a;
  }

  /**
   * Seed 000's (13): ∂h_t/∂h_{t-1} · ∂h_{t-1}/∂h_{t-2} · ∂h_{t-2}/∂h_{t-3} ⋯ ∂h_1/∂h_0. The factors before
   * the ellipsis (two at least) step their indices by one, all alike; the factor after it is the same
   * pattern further on: the product over that pattern, as ∏ (a note says so). Anything else stays the
   * refusal that says to write ∏.
   */
  function ellipsisProduct(a: Ast, dots: Token): Ast {
    next();
    if (isOp(peek(), '*')) next();
    if (!startsPrimary(peek())) return ellipsis(dots);
    const last = unary();
    return ellipsisOver('prod', a, last, dots) ?? ellipsis(dots);
  }

  /** a_1 + a_2 + … + a_T: as ellipsisProduct, a Σ (seed 001's ∂L/∂W = ∂L_1/∂W + … + ∂L_T/∂W) */
  function ellipsisSum(a: Ast, dots: Token): Ast {
    const refuse = () => fail('an ellipsis (…) stands for terms that are not written: write the sum with Σ', dots.range);
    next();
    if (!isOp(peek(), '+')) return refuse();
    next();
    const last = term();
    return ellipsisOver('sum', a, last, dots) ?? refuse();
  }

  /**
   * the factors (terms) of a written before the ellipsis and the last one after it, read as ∏ (Σ) of their
   * pattern: the longest run of a's last factors that follows one, the factors before it kept as written;
   * null when none does
   */
  function ellipsisOver(op: 'prod' | 'sum', a: Ast, last: Ast, dots: Token): Ast | null {
    const items: Ast[] = [];
    const prefixes: Ast[] = [];
    let x = a;
    while (x.k === 'bin' && (op === 'sum' ? x.op === '+' : x.op === '*' || x.op === 'juxt')) {
      items.unshift(x.b);
      prefixes.unshift(x.a);
      x = x.a;
    }
    items.unshift(x);
    for (let i = 0; i < items.length; i++) {
      const run = items.slice(i);
      const found = ellipsisPattern(run, last);
      if (!found) continue;
      // a factor kept as written must be another expression, not one of the pattern's off its step (x_1 x_3 ⋯ x_4)
      if (i > 0 && alignSteps(items[i - 1]!, run[0]!)) return null;
      const v = freshVar();
      if (!v) return null;
      const body = shiftedCopy(run[0]!, found.moving, found.rel, v);
      const first = linAst(found.first, run[0]!.range);
      const end = linAst(found.last, last.range);
      const range = span(run[0]!.range, last.range);
      const node: Ast & { k: 'big' } = {
        k: 'big',
        op,
        v,
        vRange: dots.range,
        from: found.step < 0 ? end : first,
        to: found.step < 0 ? first : end,
        body,
        range,
      };
      if (found.step < 0) node.desc = true;
      const lo = linText(found.step < 0 ? found.last : found.first);
      const hi = linText(found.step < 0 ? found.first : found.last);
      const what = op === 'prod' ? "product of the factors' pattern, ∏" : "sum of the terms' pattern, Σ";
      errors.push({
        severity: 'information',
        message: `the ellipsis is read as the ${what} over ${v} = ${lo}..${hi}${found.step < 0 ? ' written from the upper bound down' : ''}: ${textIn(run[0]!.range, 0)} for ${v} = ${linText(found.first)}`,
        range,
      });
      const big = deep(node, body);
      if (i === 0) return big;
      const before = prefixes[i - 1]!;
      return deep({ k: 'bin', op: op === 'sum' ? '+' : '*', a: before, b: big, range: span(before.range, big.range) }, before, big);
    }
    return null;
  }

  /**
   * the pattern of factors f₁, f₂, …, (⋯) last: the index positions that move (by `step`, ±1, from each
   * factor to the next; in order of a walk of f₁), the pattern variable's value at f₁ (first) and at the
   * last factor (last); null when the factors do not follow one pattern
   */
  function ellipsisPattern(factors: Ast[], last: Ast): { moving: boolean[]; rel: number[]; step: number; first: Lin; last: Lin } | null {
    const f1 = factors[0]!;
    let moving: boolean[] | null = null;
    let step = factors.length === 1 ? oneFactorStep(f1, last) : 0;
    if (factors.length === 1) moving = alignSteps(f1, last)?.map((x) => x.a.base !== x.b.base || x.a.off !== x.b.off) ?? null;
    for (let q = 1; q < factors.length; q++) {
      const pos = alignSteps(f1, factors[q]!);
      if (!pos) return null;
      const here = pos.map((x) => x.a.base === x.b.base && x.a.off !== x.b.off);
      if (moving && here.some((m, i) => m !== moving![i])) return null;
      moving = here;
      for (let i = 0; i < pos.length; i++) {
        const { a: pa, b: pb } = pos[i]!;
        if (!here[i]) {
          if (pa.base !== pb.base || pa.off !== pb.off) return null;
          continue;
        }
        const d = (pb.off - pa.off) / q;
        if (Math.abs(d) !== 1 || (step !== 0 && d !== step)) return null;
        step = d;
      }
    }
    if (!moving || !moving.some((m) => m) || step === 0) return null;
    // the pattern variable is the first moving step; the others keep their distance to it (t and t-1)
    const at = (pos: { a: Lin; b: Lin }[], side: 'a' | 'b'): { v: Lin; rel: number[] } | null => {
      let v: Lin | null = null;
      const rel: number[] = [];
      for (let i = 0; i < pos.length; i++) {
        if (!moving![i]) continue;
        const l = pos[i]![side];
        v ??= l;
        if (l.base !== v.base) return null;
        rel.push(l.off - v.off);
      }
      return v ? { v, rel } : null;
    };
    const head = at(alignSteps(f1, f1)!, 'a');
    const pos = alignSteps(f1, last);
    if (!head || !pos) return null;
    for (let i = 0; i < pos.length; i++) {
      const { a: pa, b: pb } = pos[i]!;
      if (!moving[i] && (pa.base !== pb.base || pa.off !== pb.off)) return null;
    }
    const tail = at(pos, 'b');
    if (!tail || tail.rel.some((r, i) => r !== head.rel[i])) return null;
    // the last factor lies further on in the pattern's direction (when both ends are comparable)
    if (tail.v.base === head.v.base && Math.sign(tail.v.off - head.v.off) !== step) return null;
    return { moving, rel: head.rel, step, first: head.v, last: tail.v };
  }

  /**
   * a_t ⋯ a_1 (one factor before the ellipsis): the direction from the ends alone: down from t (or T) to a
   * number or another letter, up to t from them, or as the numbers go; 0 when it cannot be told
   */
  function oneFactorStep(f1: Ast, last: Ast): number {
    const pos = alignSteps(f1, last);
    const d = pos?.find((x) => x.a.base !== x.b.base || x.a.off !== x.b.off);
    if (!d) return 0;
    if (d.a.base === d.b.base) return Math.sign(d.b.off - d.a.off);
    // t (or T) is the later end: ∂h_t/∂h_{t-1} ⋯ ∂h_{k+1}/∂h_k goes down, as BPTT writes it
    const later = (b: string | null) => b === 't' || b === 'T';
    if (d.b.base === null || (later(d.a.base) && !later(d.b.base))) return -1;
    return d.a.base === null || (later(d.b.base) && !later(d.a.base)) ? 1 : 0;
  }

  /** the index positions of two trees written alike but for their steps, in walk order; null when they differ */
  function alignSteps(x: Ast, y: Ast): { a: Lin; b: Lin }[] | null {
    const out: { a: Lin; b: Lin }[] = [];
    return alignInto(x, y, out) ? out : null;
  }

  function alignInto(x: Ast, y: Ast, out: { a: Lin; b: Lin }[]): boolean {
    if (x.k !== y.k) return false;
    if (x.k === 'name' && y.k === 'name') {
      const sx = stepOfName(x);
      const sy = stepOfName(y);
      if (sx && sy && sx.stem === sy.stem && (sx.where === 'sup') === (sy.where === 'sup')) {
        out.push({ a: sx.lin, b: sy.lin });
        return true;
      }
      // a step that does not move is still a position (shiftedCopy counts every name with a step)
      if (!sameAst(x, y)) return false;
      if (sx) out.push({ a: sx.lin, b: sx.lin });
      return true;
    }
    for (const key of Object.keys(x) as (keyof typeof x)[]) {
      if (RANGE_KEYS.has(key as string)) continue;
      const u = x[key] as unknown;
      const w = (y as Record<string, unknown>)[key as string];
      if (Array.isArray(u)) {
        if (!Array.isArray(w) || u.length !== w.length) return false;
        for (let i = 0; i < u.length; i++) if (!(isAst(u[i]) && isAst(w[i]) && alignInto(u[i] as Ast, w[i] as Ast, out))) return false;
      } else if (isAst(u)) {
        if (!isAst(w) || !alignInto(u, w, out)) return false;
      } else if (u !== w) return false;
    }
    return true;
  }

  /** a name's step: h_t (in the word), h_{t-1} (a subscript), h^{(t)} (a superscript), as base + offset */
  function stepOfName(n: NameAst): { stem: string; where: 'word' | 'sub' | 'sup'; lin: Lin } | null {
    if (n.args !== undefined) return null;
    if (n.sub && !n.sup) {
      const lin = linOf(n.sub);
      return lin ? { stem: n.raw, where: 'sub', lin } : null;
    }
    if (n.sup && !n.sub) {
      const lin = linOf(n.sup);
      return lin ? { stem: n.raw, where: 'sup', lin } : null;
    }
    if (n.sub || n.sup) return null;
    const m = /^(.+)_([A-Za-z]|\d+)$/.exec(n.raw);
    if (!m) return null;
    const seg = m[2]!;
    return { stem: m[1]!, where: 'word', lin: /\d/.test(seg) ? { base: null, off: Number(seg) } : { base: seg, off: 0 } };
  }

  /** f₁ with its moving steps written over the pattern variable v (v + c, c its distance to the first) */
  function shiftedCopy(f: Ast, moving: boolean[], rel: number[], v: string): Ast {
    let i = 0;
    let m = 0;
    const walk = (x: Ast): Ast => {
      if (x.k === 'name') {
        const st = stepOfName(x);
        if (!st) return x;
        if (!moving[i++]) return x;
        const idx = linAst({ base: v, off: rel[m++]! }, x.range);
        if (st.where === 'sup') return { ...x, sup: idx };
        return { ...x, raw: st.stem, sub: idx };
      }
      const copy: Record<string, unknown> = { ...x };
      for (const key of Object.keys(x)) {
        if (RANGE_KEYS.has(key)) continue;
        const u = (x as Record<string, unknown>)[key];
        if (Array.isArray(u)) copy[key] = u.map((e) => (isAst(e) ? walk(e) : e));
        else if (isAst(u)) copy[key] = walk(u);
      }
      const out = copy as Ast;
      if (trackDepth) depthOf.set(out, depthOf.get(x) ?? 1);
      return out;
    };
    return walk(f);
  }

  /** a letter for the pattern variable that no name of the text uses (nor a name's stem: s in s_t) */
  function freshVar(): string | null {
    const used = new Set<string>();
    for (const t of tokens) if (t.kind === 'name') used.add(firstSegment(t.text));
    return ['k', 'j', 'i', 'm', 'n', 'q', 'r'].find((c) => !used.has(c)) ?? null;
  }

  function unary(): Ast {
    const t = peek();
    if (isOp(t, '-') || isOp(t, '+')) {
      next();
      enter(t);
      const a = unary();
      depth--;
      return t.text === '-' ? deep({ k: 'neg', a, range: span(t.range, a.range) }, a) : a;
    }
    return power();
  }

  function power(): Ast {
    let a = postfix();
    while (isOp(peek(), '^')) {
      const named = deltaSuperscript(a);
      if (named) {
        a = named;
        continue;
      }
      const caret = next();
      const t = peek();
      // (‖W‖ γ)^T, ‖W‖^{T}: a norm is a number no formula transposes, so the letter T over it (or over a product of it)
      // is the power T, as the bound on exploding gradients writes it; ^\top and ^ᵀ stay transposes
      const letterT = transposeAt(0) === 1 ? t : transposeAt(0) === 3 ? peek(1) : null;
      if (letterT?.kind === 'name' && letterT.text === 'T' && normFactor(a)) {
        p += transposeAt(0);
        const power: Ast = { k: 'name', raw: 'T', sub: null, sup: null, range: letterT.range, nameRange: letterT.range };
        errors.push({
          severity: 'information',
          message: `^T over a norm is read as the power T (the horizon): a norm is a number, which no formula transposes`,
          range: letterT.range,
        });
        a = deep({ k: 'bin', op: '^', a, b: power, range: span(a.range, tokens[p - 1]!.range) }, a, power);
        continue;
      }
      // transposes: ^T, ^{T}, ^\top, ^ᵀ, and ^\prime, ^{\prime} (x' after a value is its transpose)
      if (transposeAt(0) === 1) {
        next();
        a = subscriptAfter(a);
        a = { k: 'transpose', a: transposedStep(a), range: span(a.range, tokens[p - 1]!.range) };
        // Sherstinsky's s^T[n−1]: brackets tight after the transpose of a plain name hold its step or entry, as on the
        // name (resolve/expressions.ts readIndex); they were a bracketed factor, s^T (n − 1)
        if (a.a.k === 'name' && !a.a.sub && !a.a.sup && isOp(peek(), '[') && peek().tight) {
          next();
          a = entryOf(a);
        }
        continue;
      }
      if (transposeAt(0) === 3) {
        p += 3;
        a = subscriptAfter(a);
        a = { k: 'transpose', a: transposedStep(a), range: span(a.range, tokens[p - 1]!.range) };
        continue;
      }
      // a parenthesised superscript right on a bare name: h^(t-1), h^{(t)} — index or power, decided on resolution
      if (a.k === 'name' && !a.sup && caret.tight && (isOp(t, '(') || (isOp(t, '{') && isOp(peek(1), '(')))) {
        const braced = isOp(t, '{');
        next();
        if (braced) next();
        enter(t);
        const inner = expr();
        depth--;
        expectOp(')', 'to close the superscript');
        if (braced) expectOp('}', 'to close the superscript');
        a = { ...a, sup: inner, range: span(a.range, tokens[p - 1]!.range) };
        continue;
      }
      // the Hadamard power h_t^{\circ 2} (also ^{⊙ 2}): the entries squared, written as the product entry by entry
      // (on a matrix ^ is the matrix power, so it cannot stand for it)
      if (isOp(t, '{') && isOp(peek(1), '⊙')) {
        a = hadamardPower(a);
        continue;
      }
      const b = exponent();
      // Haykin's e_j²(n), y_j^2(n): a power written before the step in parentheses, (e_j(n))², not e_j² times n
      if (a.k === 'name' && !a.sup && !a.args && b.k === 'num' && isOp(peek(), '(') && peek().tight && stepInParens()) {
        const o = next();
        enter(o);
        const step = expr();
        depth--;
        const close = expectOp(')', 'to close the step').range;
        a = { ...a, sup: step, stepCall: true, range: span(a.range, close) };
        a = deep({ k: 'bin', op: '^', a, b, range: span(a.range, close) }, a, b);
        continue;
      }
      a = deep({ k: 'bin', op: '^', a, b, range: span(a.range, b.range) }, a, b);
    }
    return a;
  }

  /** after the '^' of X^{∘ k}: X ⊙ X ⊙ … (k times, a whole number 1..8 as written) */
  function hadamardPower(a: Ast): Ast {
    next();
    next();
    const n = peek();
    const k = n.kind === 'num' ? Number(n.text) : NaN;
    if (!Number.isInteger(k) || k < 1 || k > 8) fail(`a Hadamard power is written with a whole number, X^{\\circ 2}: found ${describe(n)}`);
    next();
    expectOp('}', 'to close the superscript');
    const range = span(a.range, tokens[p - 1]!.range);
    let out: Ast = a;
    for (let i = 1; i < k; i++) out = { k: 'bin', op: '⊙', a: out, b: a, range };
    return out;
  }

  /** a norm, or a product or quotient with a norm among its factors (‖W‖ γ, γ‖W‖, ‖W‖/4) */
  function normFactor(a: Ast): boolean {
    if (a.k === 'call') return a.fn === NORM;
    return a.k === 'bin' && (a.op === 'juxt' || a.op === '*' || a.op === '/') && (normFactor(a.a) || normFactor(a.b));
  }

  /**
   * After a '^' (at peek(o)): the tokens of a transpose written there — 1 for ^T, ^ᵀ, ^\top, ^' (x' after a
   * value is its transpose), 3 for ^{T}, ^{ᵀ}, ^{'} — else 0.
   */
  /**
   * Mandic & Chambers' uᵀ(k): a transpose written before the step in parentheses, (u(k))ᵀ, as Haykin's e²(n) is
   * (e(n))² (it was "u is a sequence"); `a` itself where no step in parentheses follows a bare name
   */
  function transposedStep(a: Ast): Ast {
    if (a.k !== 'name' || a.sup || a.args || !isOp(peek(), '(') || !peek().tight || !stepInParens()) return a;
    const o = next();
    enter(o);
    const step = expr();
    depth--;
    const close = expectOp(')', 'to close the step').range;
    return { ...a, sup: step, stepCall: true, range: span(a.range, close) };
  }

  function transposeAt(o: number): number {
    const t = peek(o);
    if (isOp(t, 'ᵀ') || (t.kind === 'name' && t.text === 'T') || isOp(t, "'")) return 1;
    const x = peek(o + 1);
    return isOp(t, '{') && ((x.kind === 'name' && x.text === 'T') || isOp(x, 'ᵀ') || isOp(x, "'")) && isOp(peek(o + 2), '}') ? 3 : 0;
  }

  /**
   * A power's exponent, after its '^' (a minus may lead: 2^-1). A tower is read from the top, as mathematics
   * reads it: 2^3^2 is 2^(3^2) = 512 (LaTeX writes it 2^{3^2}), never (2^3)^2. A braced exponent is closed
   * (e^{-w}^2 is (e^{-w})^2, as a reader of the LaTeX sees it); a transpose after the exponent (x^2^T) is the
   * whole power's, and a step superscript on a bare name (2^h^{(t)}) the name's: these are left to the
   * caller's loop.
   */
  function exponent(): Ast {
    const t = peek();
    const neg = isOp(t, '-');
    if (neg) next();
    const braced = isOp(peek(), '{');
    const e = postfix();
    let b: Ast = e;
    const stepSup = e.k === 'name' && !e.sup && peek().tight && (isOp(peek(1), '(') || (isOp(peek(1), '{') && isOp(peek(2), '(')));
    if (!braced && isOp(peek(), '^') && !transposeAt(1) && !stepSup && !(e.k === 'name' && e.raw.startsWith('δ'))) {
      next();
      const r = exponent();
      b = deep({ k: 'bin', op: '^', a: e, b: r, range: span(e.range, r.range) }, e, r);
    }
    return neg ? { k: 'neg', a: b, range: span(t.range, b.range) } : b;
  }

  /** W^T_{hh}, \mathbf{W}^\top_{ph}: a subscript right after a bare name's transpose is the name's (LaTeX takes either order) */
  function subscriptAfter(a: Ast): Ast {
    if (a.k !== 'name' || a.sub || a.sup || a.args || !isOp(peek(), '_') || !peek().tight) return a;
    const named = indices(a, false);
    return { ...named, range: span(a.range, named.range) };
  }

  /**
   * δ^{\hat h}_t, δ^h_t, δ_t^{o} (a δ whose superscript names the node it is the gradient at, as some notes write
   * it): the one name δ^ĥ_t, which the resolver refuses as it refuses δĥ_t, saying what to write (session 17: a
   * parse error at the '_'). With the '^' next after a bare δ (or δ_t): the name, else null. A superscript that is
   * a step (t, T, τ, k, Nielsen's layers l and L, a number, parentheses) stays what it was.
   */
  function deltaSuperscript(a: Ast): NameAst | null {
    if (a.k !== 'name' || a.sub || a.sup || a.args || !(a.raw === 'δ' || /^δ_[^_]+$/u.test(a.raw)) || !peek().tight) return null;
    const braced = isOp(peek(1), '{');
    const x = peek(braced ? 2 : 1);
    if (x.kind !== 'name' || (braced && !isOp(peek(3), '}'))) return null;
    const [node, seg] = x.text.split('_', 2) as [string, string | undefined];
    if (/^[tTτklL]$/u.test(node) || /\d/u.test(node) || (braced && seg !== undefined)) return null;
    p += braced ? 4 : 2;
    const step = a.raw === 'δ' ? '' : a.raw.slice(1);
    const raw = `δ^${node}${step}${seg !== undefined ? '_' + seg : ''}`;
    const range = span(a.range, tokens[p - 1]!.range);
    return indices({ k: 'name', raw, sub: null, sup: null, range, nameRange: range }, false);
  }

  function postfix(): Ast {
    let a = primary();
    for (;;) {
      const t = peek();
      // every form below starts with an operator: most operands have none after them
      if (t.kind !== 'op') break;
      // CS230's ∂L^{(T)}/∂W |_{(t)}: the derivative by W's copy at step t (a letter or a number in the parentheses)
      if (a.k === 'deriv' && !a.copyAt && isOp(t, '|') && isOp(peek(1), '_') && isOp(peek(2), '{') && isOp(peek(3), '(')) {
        const x = peek(4);
        if ((x.kind === 'name' || x.kind === 'num') && isOp(peek(5), ')') && isOp(peek(6), '}')) {
          p += 7;
          const at: Ast =
            x.kind === 'num'
              ? { k: 'num', value: x.value, range: x.range }
              : { k: 'name', raw: x.text, sub: null, sup: null, range: x.range, nameRange: x.range };
          a = { ...a, copyAt: at, range: span(a.range, tokens[p - 1]!.range) };
          continue;
        }
        // CS224n's |_{(t-1)}: the copy used one step back (a letter and a whole number after + or −)
        const sign = peek(5);
        const k = peek(6);
        if (x.kind === 'name' && (isOp(sign, '-') || isOp(sign, '+')) && k.kind === 'num' && isOp(peek(7), ')') && isOp(peek(8), '}')) {
          p += 9;
          const v: Ast = { k: 'name', raw: x.text, sub: null, sup: null, range: x.range, nameRange: x.range };
          const n: Ast = { k: 'num', value: k.value, range: k.range };
          const at: Ast = { k: 'bin', op: sign.text === '+' ? '+' : '-', a: v, b: n, range: span(x.range, k.range) };
          a = { ...a, copyAt: at, range: span(a.range, tokens[p - 1]!.range) };
          continue;
        }
      }
      if (isOp(t, 'ᵀ') || (isOp(t, "'") && t.tight)) {
        // L'(w), Lagrange's prime on a loss: a derivative, never the transpose of a number times w
        if (isOp(t, "'") && a.k === 'name' && !a.sub && !a.sup && LOSS_LETTERS.has(a.raw) && isOp(peek(1), '(') && peek(1).tight)
          lagrangePrime(a);
        next();
        // uᵀ(k) as u^T(k) (a prime stays f′(…), a derivative, where it is one: unnamedActivation)
        const stepped = isOp(t, 'ᵀ') ? transposedStep(a) : a;
        a =
          stepped === a
            ? deep({ k: 'transpose', a, range: span(a.range, t.range) }, a)
            : { k: 'transpose', a: stepped, range: stepped.range };
      } else if (
        isOp(t, '_') &&
        t.tight &&
        (isOp(tokens[p - 1]!, ')') || squareGroup(a)) &&
        (isOp(peek(1), '{') || ((peek(1).kind === 'name' || peek(1).kind === 'num') && peek(1).tight))
      ) {
        // (∇_o L)_i: an entry of a bracketed value, as v[i]; so is Cho et al.'s [W_r x]_j in square brackets
        next();
        const o = next();
        let args: Ast[];
        let end: Range;
        if (isOp(o, '{')) {
          enter(o);
          args = [expr()];
          while (isOp(peek(), ',')) {
            next();
            args.push(expr());
          }
          depth--;
          end = expectOp('}', 'to close the subscript').range;
        } else {
          args = [
            o.kind === 'num'
              ? { k: 'num', value: o.value, range: o.range }
              : { k: 'name', raw: o.text, sub: null, sup: null, range: o.range, nameRange: o.range },
          ];
          end = o.range;
        }
        a = deepAll({ k: 'index', a, args, range: span(a.range, end) }, [a, ...args]);
      } else if (isOp(t, '[') && t.tight) {
        next();
        a = entryOf(a);
      } else break;
    }
    return a;
  }

  /**
   * whether the value `a` just read is one expression in square brackets ([W_r x]_j), not a literal nor an entry: the
   * token before the cursor is the ']' whose '[' begins `a`
   */
  function squareGroup(a: Ast): boolean {
    if (!isOp(tokens[p - 1]!, ']') || a.k === 'list' || a.k === 'index' || a.k === 'num') return false;
    let level = 0;
    for (let q = p - 1; q >= 0; q--) {
      const x = tokens[q]!;
      if (isOp(x, ']')) level++;
      else if (isOp(x, '[') && --level === 0) return x.range.line === a.range.line && x.range.column === a.range.column;
    }
    return false;
  }

  /** a closing bracket left over after a whole statement: it has no opening one (\right) no \left() */
  function strayCloser(t: Token): string {
    const opener: Record<string, string> = { ')': '(', '}': '{', ']': '[' };
    if (t.kind !== 'op' || !opener[t.text]) return '';
    if (t.text === ')' && /\\right\s*$/.test(src.slice(Math.max(0, t.start - 12), t.start)))
      return ': a \\right) with no \\left( before it';
    return `: it closes no '${opener[t.text]}'`;
  }

  function group(open: Token): Ast {
    // ( … ) or { … } (LaTeX grouping)
    // a name right before a '(' with a comma inside was read by argumentList: f(x_t, h_{t-1}) never gets here
    enter(open);
    const e = expr();
    if (open.text === '(' && isOp(peek(), ',')) return tuple(open, e);
    depth--;
    const closing = open.text === '(' ? ')' : '}';
    // the message only when the group is not closed (its slice and expression were made for every group)
    const close = closer(closing) ?? expectOp(closing, unclosedGroup(open));
    return deep(withRange(e, span(open.range, close.range)), e);
  }

  /** what expectOp says of a group left open at `open` */
  function unclosedGroup(open: Token): string {
    // \left( leaves only its '(': the message names what was written, so \right) is what is looked for
    const before = src.slice(Math.max(0, open.start - 12), open.start);
    const left = open.text === '(' ? /\\left\s*$/.exec(before) : null;
    return left
      ? `(\\right)) to close the \\left( at ${open.range.line}:${open.range.column - (before.length - left.index)}`
      : `to close the '${open.text}' at ${open.range.line}:${open.range.column}`;
  }

  /** (a, b, c) and (a, b, c)ᵀ as papers write a vector: the literal [a, b, c], its first entry read (depth entered) */
  function tuple(open: Token, first: Ast): Ast {
    const items = [first];
    while (isOp(peek(), ',')) {
      next();
      items.push(expr());
      if (items.length > LIMITS.maxEntries) fail(`more than ${LIMITS.maxEntries} entries in a literal (limit)`);
    }
    const close = closer(')') ?? expectOp(')', `to close the '(' at ${open.range.line}:${open.range.column}`);
    depth--;
    return deepAll({ k: 'list', items, range: span(open.range, close.range) }, items);
  }

  /**
   * e with another range, its keys in the same order: the kinds a group mostly holds are written out (a
   * spread of a node of any kind is a slow generic copy), any other is spread
   */
  function withRange(e: Ast, range: Range): Ast {
    switch (e.k) {
      case 'bin':
        return { k: 'bin', op: e.op, a: e.a, b: e.b, range };
      case 'num':
        return e.ones ? { k: 'num', value: e.value, range, ones: true } : { k: 'num', value: e.value, range };
      case 'name':
        if (e.args === undefined) return { k: 'name', raw: e.raw, sub: e.sub, sup: e.sup, range, nameRange: e.nameRange };
        return { ...e, range };
      default:
        return { ...e, range } as Ast;
    }
  }

  function primary(): Ast {
    const t = peek();
    switch (t.kind) {
      case 'num':
        next();
        // 1_{i=y}, \mathbb{1}_{…}, 𝟙_{…}: the indicator
        if (t.value === 1 && isOp(peek(), '_') && peek().tight && isOp(peek(1), '{')) return indicator(t);
        // 1_y, \mathbb{1}_k: the one-hot vector with its place unbraced, as 1_{y} reads (it was "expected ')' … found '_'")
        // (not inside a subscript: h_{t-1_i) is a brace left open, not the step t − 1_i)
        if (t.value === 1 && !inSubscript && isOp(peek(), '_') && peek().tight && peek(1).kind === 'name' && peek(1).tight) {
          next();
          const n = next();
          const place: Ast = { k: 'name', raw: n.text, sub: null, sup: null, range: n.range, nameRange: n.range };
          return { k: 'name', raw: 'e', sub: place, sup: null, basis: true, range: span(t.range, n.range), nameRange: t.range };
        }
        // Iverson's 𝟙[i = k_t], \mathbb{1}\{i = k_t\}: the indicator with its condition in brackets
        if (t.value === 1 && (isOp(peek(), '[') || isOp(peek(), '(')) && peek().tight && bracketStatesEquality()) return iverson(t);
        // \mathbf{1}, 𝟙: the all-ones vector (the resolver sizes it)
        if (t.text === ONES) return { k: 'num', value: 1, range: t.range, ones: true };
        return numberAst(t);
      case 'name': {
        // 𝕀[z > 0], \mathbb{I}(i = k): the indicator written with an I (a bracket holding a comparison is no product)
        if (t.text === 'I' && (isOp(peek(1), '[') || isOp(peek(1), '(')) && peek(1).tight) {
          next();
          if (bracketStatesEquality()) return iverson(t);
          p--;
        }
        // MIT 6.390's δ^{s_t}, δ^{s_{t-1}} (the error at s_t written over δ): δ s_t, as \delta s_t reads
        const over = t.text === 'δ' ? deltaOverName() : null;
        if (over) return { k: 'adjoint', a: over, range: span(t.range, over.range), delta: t.range };
        // δc_t, \delta h_t (LSTM backward passes): the adjoint ∂loss/∂c_t, unless the file defines δ (resolver)
        if (t.text === 'δ' && (peek(1).kind === 'name' || peek(1).kind === 'bar')) {
          next();
          // δ\bar{o}^t: δ of the barred name ō (Greff's pre-activations), read as δō where the file defines it
          const x = peek().kind === 'bar' ? barredName() : nameWithIndex(false);
          return { k: 'adjoint', a: x, range: span(t.range, x.range), delta: t.range };
        }
        const a = nameWithIndex(true);
        if (supPower) {
          const b = supPower;
          supPower = null;
          return deep({ k: 'bin', op: '^', a, b, range: a.range }, a, b);
        }
        if (!supTransposed) return a;
        supTransposed = false;
        return deep({ k: 'transpose', a, range: a.range }, a);
      }
      case 'lit':
        next();
        return t.lit!;
      case 'fn':
        return call();
      case 'bigop':
        return bigOp();
      case 'partial':
        return derivative();
      case 'nabla':
        return nabla();
      case 'bar':
        return adjoint();
      case 'grad': {
        next();
        expectOp('(', `after grad${t.plus ? '+' : ''}`);
        const of = expr();
        expectOp(',', 'between the two arguments of grad(A, B)');
        const wrt = expr();
        const close = expectOp(')', 'to close grad(');
        return { k: 'deriv', plus: t.plus, of, wrt, range: span(t.range, close.range) };
      }
      case 'frac':
        return frac();
      case 'op':
        if (t.text === '(' && peek(1).kind === 'partial' && parenFraction()) return parenDerivative();
        if (t.text === '(' || t.text === '{') {
          next();
          return group(t);
        }
        if (t.text === '[') return listLiteral();
        if (t.text === 'mat[') return matrix();
        // a bar where an operand starts opens a norm, also inside one (‖θ/‖g‖_F g‖_F, the clipped gradient's): a
        // closing bar follows a value, and the juxtaposition after a value does not start an operand at it (startsPrimary)
        if (t.text === '‖') return norm(t);
        if (t.text === '⟨') return innerProduct(t);
        if (t.text === '⟩') fail(`'⟩' closes a step in a superscript (a^{⟨t⟩}) or an inner product ⟨u, v⟩, and none is open here`);
        if (t.text === '…') return ellipsis(t);
        if (t.text === '|') {
          next();
          // p_model(y^{(t)} | {x^{(1)}, …, x^{(t)}}) (Goodfellow's loss, Srihari's slides): a bar after a value that no
          // bar closes before the bracket around it does is the "given" of a conditional probability, no |…|
          if (conditionalBar()) {
            fail(
              `a bar between two values inside parentheses, as in p(y | x), is a conditional probability, which is not read: write the probability the network gives (the entry of its softmax output at the target, ŷ^{(t)}_{y^{(t)}})`,
              t.range,
            );
          }
          const e = insideBars('|');
          const close = expectOp('|', 'to close |…|');
          return { k: 'call', fn: 'abs', arg: e, range: span(t.range, close.range), fnRange: t.range };
        }
        if (REL.has(t.text)) fail(`'${t.text}' is read only in the bounds of Σ and ∏ (Σ_{1≤t≤T})`);
        if (t.text === '^') return leftTranspose(t);
        break;
      case 'error':
        throw new Stop(null);
      default:
        break;
    }
    return fail(`expected a value, found ${describe(t)}`);
  }

  /**
   * at a '|' just read (tokens[p − 1]): whether it stands after a value and no '|' closes it before the bracket around it
   * closes (or a comma at its level comes): the bar of p(y | x)
   */
  function conditionalBar(): boolean {
    const before = tokens[p - 2];
    if (!before || !(before.kind === 'name' || before.kind === 'num' || isOp(before, ')') || isOp(before, '}'))) return false;
    // an evaluation bar, |_{t=3}, is no conditional
    if (isOp(tokens[p], '_')) return false;
    let level = 0;
    for (let i = p; i < tokens.length && i < p + 200; i++) {
      const x = tokens[i]!;
      if (x.kind === 'newline' || x.kind === 'eof') return false;
      if (x.kind === 'op' && (x.text === '(' || x.text === '[' || x.text === '{')) level++;
      else if (x.kind === 'op' && (x.text === ')' || x.text === ']' || x.text === '}')) {
        if (level === 0) return true;
        level--;
      } else if (level === 0 && isOp(x, '|')) return false;
      else if (level === 0 && isOp(x, ',')) return true;
    }
    return false;
  }

  /** whether the bracket next holds a `=` of its own (outside inner brackets) before it closes */
  function bracketStatesEquality(): boolean {
    let level = 0;
    for (let i = p; i < tokens.length && i < p + 200; i++) {
      const x = tokens[i]!;
      if (x.kind === 'op' && (x.text === '(' || x.text === '[' || x.text === '{')) level++;
      else if (x.kind === 'op' && (x.text === ')' || x.text === ']' || x.text === '}')) {
        if (--level === 0) return false;
      } else if (level === 1 && (isOp(x, '=') || isOp(x, '≠') || (x.kind === 'op' && REL.has(x.text)))) return true;
      else if (x.kind === 'newline' || x.kind === 'eof') return false;
    }
    return false;
  }

  /** 𝟙[a = b] or 𝟙\{a = b\} after its 1: the indicator 1_{a=b} */
  function iverson(one: Token): Ast {
    const o = next();
    const closer = o.text === '[' ? ']' : ')';
    enter(o);
    const a = expr();
    if (peek().kind === 'op' && REL.has(peek().text)) {
      const step = stepIndicator(a);
      depth--;
      const close = expectOp(closer, 'to close the indicator 𝟙[a > b]');
      return { ...step, range: span(one.range, close.range) };
    }
    const ne = isOp(peek(), '≠');
    if (ne) next();
    else expectOp('=', 'in the indicator 𝟙[a = b]');
    const b = expr();
    depth--;
    const close = expectOp(closer, 'to close the indicator 𝟙[a = b]');
    return indicatorOf(a, b, ne, span(one.range, close.range));
  }

  /**
   * 1[a > b] (also <, ≥, ≤): ReLU's slope as notes write it, 𝟙[z > 0] = relu'(z), entry by entry. 1[a > b] is
   * relu'(a − b), 1[a < b] relu'(b − a); ≥ and ≤ are their complements, 1 − relu'(b − a) and 1 − relu'(a − b) (they
   * differ where a = b, which a ReLU's output meets: 1[h_t ≥ 0] is 1 everywhere, 1[h_t > 0] is not).
   */
  function stepIndicator(a: Ast): Ast {
    const rel = next();
    const b = expr();
    const range = span(a.range, b.range);
    // 1[x > y] is relu'(x − y); ≥ is 1 − 1[y > x]
    const [x, y] = rel.text === '>' || rel.text === '≤' ? [a, b] : [b, a];
    const zero = (e: Ast) => e.k === 'num' && e.value === 0 && !e.ones;
    const diff: Ast = zero(y) ? x : { k: 'bin', op: '-', a: x, b: y, range };
    const step = deep({ k: 'call', fn: 'drelu', arg: diff, range, fnRange: rel.range } as Ast, diff);
    if (rel.text === '>' || rel.text === '<') return step;
    return deep({ k: 'bin', op: '-', a: { k: 'num', value: 1, range }, b: step, range }, step);
  }

  /** 1[a = b], or for 1[a ≠ b] its complement 1 − 1[a = b] (no node of its own: the engine knows one indicator) */
  function indicatorOf(a: Ast, b: Ast, ne: boolean, range: Range): Ast {
    const eq = deep({ k: 'indicator', a, b, range }, a, b);
    if (!ne) return eq;
    const one: Ast = { k: 'num', value: 1, range };
    return deep({ k: 'bin', op: '-', a: one, b: eq, range }, eq);
  }

  /** 1_{a=b} after its 1 (also 1_{\{a = b\}}, the condition written as a set) */
  function indicator(one: Token): Ast {
    next();
    const o = next();
    if (isOp(peek(), '(') && bracketStatesEquality()) {
      const inner = iverson(one);
      const close = expectOp('}', 'to close the indicator 1_{a=b}');
      return { ...inner, range: span(one.range, close.range) };
    }
    enter(o);
    const a = expr();
    // 1_{z>0}: ReLU's slope
    if (peek().kind === 'op' && REL.has(peek().text)) {
      const step = stepIndicator(a);
      depth--;
      const close = expectOp('}', 'to close the indicator 1_{a>b}');
      return { ...step, range: span(one.range, close.range) };
    }
    // 1_{k_t}, 𝟙_{y}: the one-hot vector of k_t, read as e_{k_t} is: sized by what stands beside it (session 16 refused
    // it, "expected '=' … found '}'"; session 33: min-char-rnn's p_t − 1_{y_t} is e_{y_t}'s p_t − e_{y_t})
    if (isOp(peek(), '}')) {
      depth--;
      const close = next();
      const basis: Ast = { k: 'name', raw: 'e', sub: a, sup: null, basis: true, range: span(one.range, close.range), nameRange: one.range };
      return deep(basis, a);
    }
    const ne = isOp(peek(), '≠');
    // Goodfellow's 1_{i,y^{(t)}} (eq. 10.18): the two things compared, written with a comma as the Kronecker δ_{ij} is
    if (ne || isOp(peek(), ',')) next();
    else expectOp('=', 'in the indicator 1_{a=b} (or 1_{a,b})');
    const b = expr();
    depth--;
    const close = expectOp('}', 'to close the indicator 1_{a=b}');
    return indicatorOf(a, b, ne, span(one.range, close.range));
  }

  /**
   * A function and its argument. σ^{-1}, σ⁻¹ and tanh^{-1} are the inverse functions (logit,
   * artanh), with the spelling kept in `written`; tanh^2(z) is tanh(z)^2.
   */
  function call(): Ast {
    const t = next();
    if (t.text === SIGMA_MAX) {
      // σ_max(W), the largest singular value: the norm ‖W‖ (of a matrix, its spectral norm)
      const o = next();
      const x = group(o);
      return deep({ k: 'call', fn: NORM, arg: x, range: span(t.range, x.range), fnRange: t.range }, x);
    }
    let fn = t.text;
    let written: string | undefined;
    let pow: Ast | null = null;
    // σ^{\prime}(z), σ^\prime(z): the derivative, as σ'(z)
    // \operatorname{sigmoid}'(z), \mathrm{tanh}'(z): the prime after the font's closing brace
    if (DERIVABLE.has(fn) && isOp(peek(), "'")) {
      p++;
      fn = 'd' + fn;
    } else if (DERIVABLE.has(fn) && isOp(peek(), '^')) {
      const braced = isOp(peek(1), '{') && isOp(peek(2), "'") && isOp(peek(3), '}');
      if (braced || isOp(peek(1), "'")) {
        p += braced ? 4 : 2;
        fn = 'd' + fn;
      }
    }
    if (isOp(peek(), '^')) {
      const sup = fnSuperscript();
      if (sup) {
        if (sup.value === -1) {
          const inv = fn === 'sigma' ? 'logit' : fn === 'tanh' ? 'artanh' : null;
          written = src.slice(t.start, tokens[p - 1]!.end);
          if (!inv)
            fail(
              `${written}: the inverse of ${src.slice(t.start, t.end)} is not a function here (σ^{-1} and tanh^{-1} are)`,
              span(t.range, sup.range),
            );
          fn = inv!;
        } else pow = { k: 'num', value: sup.value, range: sup.range };
      }
    }
    let arg: Ast;
    const o = peek();
    if (fn === 'max') return maxCall(t);
    if (isOp(o, '(') && (fn === 'count' || fn === 'onehot' || fn === 'prod')) {
      // count(A, B, …), onehot(k, n) and d2l.ai's prod(A, B) take a list
      next();
      const items = [expr()];
      while (isOp(peek(), ',')) {
        next();
        items.push(expr());
      }
      const close = closer(')') ?? expectOp(')', `to close ${fn}(`);
      arg = { k: 'list', items, range: span(o.range, close.range) };
    } else if (isOp(o, '(') && isOp(peek(1), '*') && isOp(peek(2), ')') && /^(?:\\cdot|·|⋅)$/.test(src.slice(peek(1).start, peek(1).end))) {
      // σ'(\cdot), 1 - \tanh^2(\cdot): the argument left out, as notes write a slope "at its argument"; a check reads it
      // from the equation it differentiates (questions.ts placeholderArguments)
      next();
      const dot = next();
      const close = next();
      arg = { k: 'name', raw: '·', sub: null, sup: null, range: span(o.range, close.range), nameRange: dot.range };
      placeholders = true;
      const c: Ast & { k: 'call' } = { k: 'call', fn, arg, range: span(t.range, close.range), fnRange: t.range, placeholder: true };
      const r = deep(c, arg);
      return pow ? deep({ k: 'bin', op: '^', a: r, b: pow, range: span(r.range, pow.range) }, r) : r;
    } else if (isOp(o, '(') || isOp(o, '{')) {
      next();
      arg = group(o);
    } else if (startsPrimary(o)) arg = power();
    else {
      // deeplearning.ai's d\tanh (its code's dtanh = (1 − a²) * da): a gradient named after the function, no call
      const d = tokens[p - 2];
      if (d && d.kind === 'name' && d.text === 'd' && t.tight && DERIVABLE.has(t.text))
        return fail(codeGradientOfFunction(src.slice(d.start, t.end), t.text), span(d.range, t.range));
      // g'(o_t) with g = softmax (Sutskever's do_t = g'(o_t) dz_t): no elementwise slope, a Jacobian
      if (fn === 'softmax' && isOp(o, "'")) return fail(softmaxPrime(src.slice(t.start, t.end)), span(t.range, o.range));
      // \frac{\partial \sigma}{\partial z}: the function's derivative with no argument to take it at
      if (tokens[p - 2]?.kind === 'partial') return fail(bareFunctionDerivative(fn), t.range);
      return fail(`expected the argument of ${src.slice(t.start, tokens[p - 1]!.end)}, found ${describe(o)}`);
    }
    const c: Ast & { k: 'call' } = { k: 'call', fn, arg, range: span(t.range, arg.range), fnRange: t.range };
    if (written !== undefined) c.written = written;
    const r = deep(c, arg);
    return pow ? deep({ k: 'bin', op: '^', a: r, b: pow, range: span(r.range, pow.range) }, r) : r;
  }

  /** max(0, z), \max(z, 0): the ReLU, as notes define it; any other max is no function of the language */
  function maxCall(t: Token): Ast {
    const o = peek();
    const refuse = (r: Range): never => fail(`max is read only as max(0, z), the ReLU relu(z), entry by entry`, r);
    if (!isOp(o, '(')) return refuse(t.range);
    next();
    const items = [expr()];
    while (isOp(peek(), ',')) {
      next();
      items.push(expr());
    }
    const close = expectOp(')', 'to close max(');
    const range = span(t.range, close.range);
    const zero = (x: Ast) => x.k === 'num' && x.value === 0 && !x.ones;
    if (items.length !== 2 || zero(items[0]!) === zero(items[1]!)) return refuse(range);
    const arg = zero(items[0]!) ? items[1]! : items[0]!;
    return deep({ k: 'call', fn: 'relu', arg, range, fnRange: t.range }, arg);
  }

  /** ^{-1}, ^-1, ⁻¹, ^2, ^{2} right after a function; null (nothing read) for anything else */
  function fnSuperscript(): { value: number; range: Range } | null {
    const save = p;
    const caret = next();
    const braced = isOp(peek(), '{');
    if (braced) next();
    const neg = isOp(peek(), '-');
    if (neg) next();
    const num = peek();
    if (num.kind === 'num' && Number.isInteger(num.value)) {
      next();
      if (!braced || isOp(peek(), '}')) {
        if (braced) next();
        return { value: neg ? -num.value : num.value, range: span(caret.range, tokens[p - 1]!.range) };
      }
    }
    p = save;
    return null;
  }

  /** ∇_B A, \nabla_{\mathbf W} L: the gradient ∂A/∂B; A is the next power-level operand */
  function nabla(): Ast {
    const t = next();
    if (!isOp(peek(), '_')) fail(`write the gradient with its variable as the subscript: ∇_B A, found ${describe(peek())} after ∇`);
    const { wrt, of } = subscripted('∇');
    return deep({ k: 'deriv', plus: false, of, wrt, range: span(t.range, of.range), nabla: true }, of, wrt);
  }

  /** after ∇ or ∂, at its '_': the variable B of `_B` or `_{B}`, then A, the next power-level operand */
  function subscripted(op: '∇' | '∂'): { wrt: Ast; of: Ast } {
    next();
    let wrt: Ast;
    const o = peek();
    if (isOp(o, '{')) {
      next();
      enter(o);
      wrt = expr();
      depth--;
      if (!closer('}')) expectOp('}', `to close the subscript of ${op}`);
    } else if (o.kind === 'name') wrt = nameWithIndex(false);
    else wrt = fail(`expected the variable of ${op}_B A after '_', found ${describe(o)}`);
    if (!startsPrimary(peek())) fail(`expected what ${op}_… differentiates (${op}_B A), found ${describe(peek())}`);
    return { wrt, of: power() };
  }

  /** \bar{X}, \overline{c^{(t)}}, \bar{h}_t, \overline{h}^{(t)}: the adjoint of the indexed name */
  function adjoint(): Ast & { k: 'adjoint' } {
    const b = next();
    const cmd = `\\${b.text}`;
    const o = peek();
    let a: NameAst;
    if (isOp(o, '{')) {
      next();
      if (peek().kind !== 'name') fail(`${cmd}{…} is the adjoint of a name (${cmd}{h}), found ${describe(peek())}`);
      a = nameWithIndex(false);
      const close = closer('}') ?? expectOp('}', `to close ${cmd}{`);
      // indices written right after the bar belong to the name: \bar{h}_t
      a = indices({ ...a, range: span(a.range, close.range) }, false);
      if (a.range.endLine === close.range.endLine && a.range.endColumn === close.range.endColumn)
        a = { ...a, range: span(a.nameRange, lastNameEnd(a)) };
    } else if (o.kind === 'name') a = nameWithIndex(false);
    else return fail(`${cmd} is the adjoint of a name (${cmd}{h}), found ${describe(o)}`);
    return { k: 'adjoint', a, range: span(b.range, tokens[p - 1]!.range) };
  }

  /** the expression between a pair of bars, ‖…‖ or |…|, where a bar of that kind closes it (the outer state restored after) */
  function insideBars(bar: '‖' | '|'): Ast {
    const [norm, abs] = [inNorm, inAbs];
    if (bar === '‖') inNorm = true;
    else inAbs = true;
    try {
      return expr();
    } finally {
      [inNorm, inAbs] = [norm, abs];
    }
  }

  /**
   * ‖x‖ (‖x‖_2), ‖x‖_F and their squares ‖x‖²: read by the resolver (functions.ts readNorm), which knows whether x
   * is a matrix — then ‖x‖ is its spectral norm and ‖x‖_F its Frobenius norm — or a vector, whose norm both are
   */
  /**
   * ⟨u, v⟩ (also \langle u, v \rangle): the inner product, the sum of the entries of u ⊙ v — uᵀv of two vectors,
   * Lukoševičius's ⟨∂E/∂x(n), x̃(n) − x(n−1)⟩ (it was "'⟨' is read only around a step in a superscript")
   */
  function innerProduct(open: Token): Ast {
    next();
    enter(open);
    const a = expr();
    if (!isOp(peek(), ','))
      fail(
        `angle brackets are read around a step in a superscript (a^{⟨t⟩}) or around an inner product of two values, ⟨u, v⟩: expected ',' after the first, found ${describe(peek())}`,
      );
    next();
    const b = expr();
    depth--;
    const close = expectOp('⟩', 'to close the inner product ⟨u, v⟩');
    const arg = deep({ k: 'bin', op: '⊙', a, b, range: span(a.range, b.range) }, a, b);
    // marked: Greff et al.'s ⟨u, v⟩ is their outer product, which the resolver reads where the shapes ask it (angleOuter.ts)
    return deep({ k: 'call', fn: 'sum', arg, range: span(open.range, close.range), fnRange: open.range, angle: true }, arg);
  }

  function norm(open: Token): Ast {
    next();
    enter(open);
    const x = insideBars('‖');
    depth--;
    let close = closer('‖') ?? expectOp('‖', `to close the norm ‖…‖ opened at ${open.range.line}:${open.range.column}`);
    // the subscript: ‖x‖_2, ‖x‖_{2}, the Frobenius norm's ‖x‖_F
    let frobenius = false;
    if (isOp(peek(), '_')) {
      const braced = isOp(peek(1), '{');
      const sub = peek(braced ? 2 : 1);
      const two = sub.kind === 'num' && sub.value === 2;
      frobenius = sub.kind === 'name' && sub.text === 'F';
      if ((!two && !frobenius) || (braced && !isOp(peek(3), '}')))
        fail(
          `only the Euclidean norm ‖x‖_2 (of a matrix, its spectral norm) and the Frobenius norm ‖x‖_F are read, not the norm _${describe(sub)}`,
          sub.range,
        );
      p += braced ? 4 : 2;
      close = tokens[p - 1]!;
    }
    const c = peek();
    const two =
      isOp(c, '^') && c.tight
        ? peek(1).kind === 'num'
          ? 1
          : isOp(peek(1), '{') && peek(2).kind === 'num' && isOp(peek(3), '}')
            ? 2
            : 0
        : 0;
    const squared = two > 0 && peek(two).value === 2;
    if (squared) p += two === 1 ? 2 : 4;
    const r = span(open.range, squared ? tokens[p - 1]!.range : close.range);
    const n: Ast & { k: 'call' } = { k: 'call', fn: squared ? NORM_SQUARED : NORM, arg: x, range: r, fnRange: open.range };
    if (frobenius) n.written = 'F';
    return n;
  }

  /** the end of a name's last index (its own word when it has none) */
  function lastNameEnd(a: NameAst): Range {
    return a.sup ? a.sup.range : a.sub ? a.sub.range : a.nameRange;
  }

  /** \frac{A}{B}; \frac{∂A}{∂B} (A any expression) is a derivative, \frac{∂}{∂B} A too */
  function frac(): Ast {
    const t = next();
    // \frac12, \frac1T: TeX's one-character arguments (the lexer read 12 as one number)
    const d = peek();
    if (d.kind === 'num' && /^\d\d?$/.test(src.slice(d.start, d.end))) {
      const digits = src.slice(d.start, d.end);
      next();
      const num = (value: number, r: Range): Ast => ({ k: 'num', value, range: r });
      const a = num(Number(digits[0]), d.range);
      let b: Ast;
      if (digits.length === 2) b = num(Number(digits[1]), d.range);
      else if (isOp(peek(), '{')) b = group(next());
      else if ((peek().kind === 'name' && peek().text.length === 1) || peek().kind === 'num') b = nameOrNum();
      else return fail(`expected the denominator of \\frac${digits}, found ${describe(peek())}`);
      return deep({ k: 'bin', op: '/', a, b, range: span(t.range, tokens[p - 1]!.range) }, a, b);
    }
    const o1 = expectOp('{', 'after \\frac');
    const inner = bracesAroundPartial();
    if (peek().kind === 'partial') {
      const d = next();
      const plus = d.plus || eatPlus();
      noHigherOrder();
      if (isOp(peek(), '}')) {
        // the operator form \frac{∂}{∂B} A
        for (let k = 0; k < inner; k++) expectOp('}', 'to close the numerator of \\frac');
        next();
        const wrt = fracDenominator();
        if (!startsPrimary(peek())) fail(`expected what \\frac{∂}{∂…} differentiates, found ${describe(peek())}`);
        const of = power();
        return deep({ k: 'deriv', plus, of, wrt, range: span(t.range, of.range), spelled: spelling(d) }, of, wrt);
      }
      enter(d);
      const of = expr();
      depth--;
      for (let k = 0; k <= inner; k++) expectOp('}', 'to close the numerator of \\frac');
      // d2l.ai's \frac{∂l(o_t, y_t)}{T \cdot ∂o_t}: a constant factor before the ∂ of the denominator
      const scale = isOp(peek(), '{') && peek(1).kind !== 'partial' && wrappedPartial(1) === 0 ? denominatorFactor() : null;
      const wrt = fracDenominator(scale !== null);
      const dv = deep({ k: 'deriv', plus, of, wrt, range: span(t.range, tokens[p - 1]!.range), spelled: spelling(d) } as Ast, of, wrt);
      return scale ? deep({ k: 'bin', op: '/', a: dv, b: scale, range: dv.range }, dv, scale) : dv;
    }
    // \frac{d}{d w} L (a spaced d below; \frac{d}{dw} is read by the lexer): the operator form, as \frac{∂}{∂w} L
    const dName = (o: number) => peek(o).kind === 'name' && peek(o).text === 'd';
    if (dName(0) && isOp(peek(1), '}') && isOp(peek(2), '{') && dName(3) && startsPrimary(peek(4))) {
      p += 4;
      enter(o1);
      const wrt = expr();
      depth--;
      expectOp('}', 'to close the denominator of \\frac');
      if (!startsPrimary(peek())) fail(`expected what \\frac{d}{d…} differentiates, found ${describe(peek())}`);
      const of = power();
      return deep({ k: 'deriv', plus: false, of, wrt, range: span(t.range, of.range), spelled: upright() }, of, wrt);
    }
    // \frac{\mathrm{d} L}{\mathrm{d} W}, \frac{d L}{d W}: an upright (or spaced) d above and below is ∂
    // (the reading is tried, then undone: a bounded number of times per statement, so nested tries stay linear)
    if (peek().kind === 'name' && peek().text === 'd' && startsPrimary(peek(1)) && dTries++ < 16) {
      const save = p;
      const noted = errors.length;
      const d0 = depth;
      try {
        next();
        enter(o1);
        const of = expr();
        depth--;
        expectOp('}', 'to close the numerator of \\frac');
        expectOp('{', 'for the denominator of \\frac');
        if (peek().kind === 'name' && peek().text === 'd' && startsPrimary(peek(1))) {
          next();
          enter(o1);
          const wrt = expr();
          depth--;
          const close = expectOp('}', 'to close the denominator of \\frac');
          return deep({ k: 'deriv', plus: false, of, wrt, range: span(t.range, close.range), spelled: upright() }, of, wrt);
        }
      } catch (e) {
        if (!(e instanceof Stop) || e.diag?.message.includes('(limit)')) throw e;
      }
      // not a derivative after all: a fraction with a factor d
      p = save;
      errors.length = noted;
      depth = d0;
    }
    const n0 = p;
    const a = group(o1);
    const n1 = p - 1;
    const o2 = expectOp('{', 'for the denominator of \\frac');
    if (peek().kind === 'partial') {
      // ∂ in the denominator only (seed 000 eq. 4): the derivative of the numerator, with a note
      p--;
      const d0 = p + 2;
      const wrt = fracDenominator();
      const range = span(t.range, tokens[p - 1]!.range);
      errors.push({
        severity: 'information',
        message: `read as ∂(${textOf(n0, n1)})/∂${textOf(d0, p - 1)}: the numerator has no ∂`,
        range,
      });
      return deep({ k: 'deriv', plus: false, of: a, wrt, range }, a, wrt);
    }
    const b = group(o2);
    return deep({ k: 'bin', op: '/', a, b, range: span(t.range, b.range) }, a, b);
  }

  /**
   * the factor c of a denominator {c ∂B} or {c · ∂B} (a number or a name such as T), its '{' read:
   * fracDenominator(true) reads the ∂B after it
   */
  function denominatorFactor(): Ast {
    next();
    if (!startsPrimary(peek())) fail('the denominator of a derivative \\frac{∂A}{∂B} starts with ∂');
    const c = power();
    if (isOp(peek(), '*')) next();
    if (peek().kind !== 'partial')
      fail('the denominator of a derivative \\frac{∂A}{∂B} starts with ∂ (or a constant factor and ∂: {T · ∂B})');
    return c;
  }

  /** {∂B} of a \frac: the variable, any expression */
  function fracDenominator(opened = false): Ast {
    if (!opened) expectOp('{', 'for the denominator of \\frac');
    const inner = bracesAroundPartial();
    if (peek().kind !== 'partial') fail('the denominator of a derivative \\frac{∂A}{∂B} starts with ∂');
    const d = next();
    enter(d);
    const wrt = expr();
    depth--;
    for (let k = 0; k <= inner; k++) expectOp('}', 'to close the denominator of \\frac');
    return wrt;
  }

  /**
   * `\frac{{\partial L}}{{\partial o_3}}` (as Mathpix and Word's equation export write it): braces that enclose a whole
   * argument of \frac which begins with ∂ are taken (it was "expected '/' in ∂A/∂B"); how many, 0 when none
   */
  function bracesAroundPartial(): number {
    const n = wrappedPartial(0);
    p += n;
    return n;
  }

  /** how many braces at peek(k) enclose a whole argument that begins with ∂ (0 when none) */
  function wrappedPartial(k: number): number {
    let n = 0;
    while (isOp(peek(k + n), '{') && closesArgument(p + k + n)) n++;
    return n > 0 && peek(k + n).kind === 'partial' ? n : 0;
  }

  /** whether the group opened at token j closes right where the group around it closes */
  function closesArgument(j: number): boolean {
    let depth = 0;
    for (let q = j; q < tokens.length; q++) {
      const t = tokens[q]!;
      if (t.kind === 'newline' || t.kind === 'eof') return false;
      if (isOp(t, '{')) depth++;
      else if (isOp(t, '}') && --depth === 0) return isOp(tokens[q + 1] ?? t, '}') && q + 1 < tokens.length;
    }
    return false;
  }

  function eatPlus(): boolean {
    if (isOp(peek(), '⁺')) {
      next();
      return true;
    }
    if (isOp(peek(), '^') && isOp(peek(1), '+')) {
      p += 2;
      return true;
    }
    return false;
  }

  /** ∂²L/∂w², \partial^2 L: said as what it is, not as a missing name */
  function noHigherOrder(): void {
    const o = peek();
    if (isOp(o, '²') || isOp(o, '³') || isOp(o, '^'))
      fail('second and higher derivatives (∂²A/∂B²) are not in the language: it checks first derivatives, ∂A/∂B');
  }

  function derivOperand(): Ast {
    const o = peek();
    if (isOp(o, '(') || isOp(o, '{')) {
      next();
      return group(o);
    }
    // ∂σ(a_t)/∂a_t, ∂tanh(z)/∂z: a function applied, as \frac{\partial \sigma(a_t)}{…} reads it (it was "expected a name
    // after ∂, found 'σ'")
    if (o.kind === 'fn' && isOp(peek(1), '(')) return call();
    // ∂L/∂\bar{c}_t: the barred name c̄_t, as \frac{\partial L}{\partial \bar{c}_t} and a definition's left side read it
    // (after ∂ it names a variable, not the adjoint ∂L/∂c_t; it was "expected a name after ∂, found '\bar'")
    if (o.kind === 'bar') return barredName();
    if (o.kind === 'fn') fail(bareFunctionDerivative(o.text));
    if (o.kind !== 'name') fail(`expected a name after ∂, found ${describe(o)}`);
    let a: Ast = nameWithIndex(false);
    // Graves's ∂s_c^t/∂s_c^{t-1}: a bare step over the operand, read as \frac{∂s_c^t}{…} reads it (a letter over a
    // sequence is its step); it was "expected '/'"
    if (a.k === 'name' && !a.sup && isOp(peek(), '^') && peek().tight && stepOver()) {
      next();
      const b = exponent();
      a = deep({ k: 'bin', op: '^', a, b, range: span(a.range, b.range) }, a, b);
    }
    // ∂p_t[i]/∂h_t: an entry right on the name is the operand's, as in ∂(p_t[i]) (session 17: "expected '/'")
    if (!isOp(peek(), '[') || !peek().tight || !simpleEntry()) return a;
    next();
    return entryOf(a);
  }

  /** after a '^' (at peek()): a step written bare, t or {t-1} (a letter first, not T, which is a transpose there) */
  function stepOver(): boolean {
    const letter = (x: Token) => x.kind === 'name' && /^\p{L}$/u.test(x.text) && x.text !== 'T';
    return letter(peek(1)) || (isOp(peek(1), '{') && letter(peek(2)) && !transposeAt(1));
  }

  /** a[i] or a[i, j], the '[' read: the indices up to the closing ']' */
  function entryOf(a: Ast): Ast {
    const open = tokens[p - 1]!;
    // a[i:j], a[i..j]: the entries i to j (CS231n's a_i, the first H entries of the stacked gates); Python's a[:j], the
    // first j, is read too (its start kept as 0: the resolver says how it was read)
    // numpy's W[:, :2], M[1:2, :]: a block of a matrix, the rows' range and the columns' set apart by a comma
    const block = blockOf(a);
    if (block) return block;
    if (isOp(peek(), ':')) {
      const colon = next();
      const to = expr();
      const close = expectOp(']', 'to close the slice');
      return deepAll(
        { k: 'index', a, args: [{ k: 'num', value: 0, range: colon.range }, to], range: span(a.range, close.range), slice: true },
        [a, to],
      );
    }
    const args = [expr()];
    if (isOp(peek(), ':') || isOp(peek(), '..')) {
      next();
      const to = expr();
      const close = expectOp(']', 'to close the slice');
      return deepAll({ k: 'index', a, args: [args[0]!, to], range: span(a.range, close.range), slice: true }, [a, args[0]!, to]);
    }
    // Lukoševičius's W^{in}[1; u(n)]: a ';' sets rows apart, which no entry's indices have — the stacked column the
    // weight multiplies, as W^{in} [1; u(n)] reads (it was "expected ']' to close the index, found ';'"); the resolver
    // reads it so after a matrix alone (resolve/expressions.ts readIndex)
    const rowStarts: number[] = [];
    while (isOp(peek(), ',') || isOp(peek(), ';')) {
      if (isOp(peek(), ';')) rowStarts.push(args.length);
      next();
      args.push(expr());
    }
    const close = expectOp(']', 'to close the index');
    if (rowStarts.length) {
      const list = stackedRows(args, rowStarts, span(open.range, close.range));
      return deep({ k: 'index', a, args: [list], range: span(a.range, close.range), column: true }, a, list);
    }
    return deepAll({ k: 'index', a, args, range: span(a.range, close.range) }, [a, ...args]);
  }

  /**
   * M[rows, columns] with a range (`:`, `:j`, `i:j`, `i:`) in either place, the '[' read, or null (nothing read) where
   * the bracket holds no comma at its top level before a colon-range — every other bracket is read as before
   */
  function blockOf(a: Ast): Ast | null {
    // a cheap look ahead: a ':' and a ',' at depth 0 before the closing ']'
    let depth = 0;
    let colon = false;
    let comma = false;
    for (let q = 0; ; q++) {
      const t = peek(q);
      if (t.kind === 'eof' || t.kind === 'newline') return null;
      if (isOp(t, '(') || isOp(t, '[') || isOp(t, '{')) depth++;
      else if (isOp(t, ')') || isOp(t, '}')) depth--;
      else if (isOp(t, ']')) {
        if (depth === 0) break;
        depth--;
      } else if (depth === 0 && isOp(t, ':')) colon = true;
      else if (depth === 0 && isOp(t, ',')) comma = true;
      if (depth < 0) return null;
    }
    if (!colon || !comma) return null;
    const rows = blockRange(',');
    expectOp(',', 'between the rows and the columns of a block');
    const cols = blockRange(']');
    const close = expectOp(']', 'to close the block');
    const args = [...rows, ...cols];
    return deepAll({ k: 'index', a, args, range: span(a.range, close.range), block: true }, [a, ...args]);
  }

  /** one place of a block: `:` (all), `:j`, `i:`, `i:j` or `i` (i:i), up to the `end` token (not read) */
  function blockRange(end: string): [Ast, Ast] {
    const here = peek().range;
    const num = (value: number): Ast => ({ k: 'num', value, range: here });
    let from: Ast | null = null;
    if (!isOp(peek(), ':')) {
      from = expr();
      if (!isOp(peek(), ':')) return [from, from];
    }
    next();
    const to = isOp(peek(), end) ? num(-1) : expr();
    return [from ?? num(0), to];
  }

  /** whether the '(' next holds a step alone: a whole number, a letter, a letter ± a whole number — s(t), s(t-1) */
  function stepInParens(): boolean {
    const a = peek(1);
    if (a.kind === 'num') return Number.isInteger(a.value) && isOp(peek(2), ')');
    // (the lexer runs n_1 together: one name)
    if (a.kind === 'name' && (a.text === 'n_0' || a.text === 'n_1')) return isOp(peek(2), ')');
    if (a.kind !== 'name' || !/^\p{L}$/u.test(a.text)) return false;
    if (isOp(peek(2), ')')) return true;
    // Haykin's epoch ends, δ_j(n_1), v_j(n_0): n with a 0 or 1 under it (the resolver reads them: epochSteps.ts)
    if (a.text === 'n' && isOp(peek(2), '_')) {
      const end = (q: number) => peek(q).kind === 'num' && (peek(q).value === 0 || peek(q).value === 1);
      return (end(3) && isOp(peek(4), ')')) || (isOp(peek(3), '{') && end(4) && isOp(peek(5), '}') && isOp(peek(6), ')'));
    }
    const pm = (q: number) => isOp(peek(q), '+') || isOp(peek(q), '-');
    const whole = (q: number) => peek(q).kind === 'num' && Number.isInteger(peek(q).value);
    if (pm(2) && whole(3) && isOp(peek(4), ')')) return true;
    // Bodén's δ_pj(T − z), y_ph(T − z − 1): the step counted back by a Σ's variable from the last step (or from t, by
    // τ): two letters, one of them t, T or τ, and a whole number after them (it was "h is a sequence: write h_t")
    const b = peek(3);
    if (!pm(2) || b.kind !== 'name' || !/^\p{L}$/u.test(b.text) || ![a.text, b.text].some((x) => /^[tTτ]$/u.test(x))) return false;
    return isOp(peek(4), ')') || (pm(4) && whole(5) && isOp(peek(6), ')'));
  }

  /** whether the '[' next opens an entry of names and numbers ([i], [1, j], [k+1]) closed on the line */
  function simpleEntry(): boolean {
    for (let q = p + 1; q < tokens.length; q++) {
      const x = tokens[q]!;
      if (isOp(x, ']')) return q > p + 1;
      if (x.kind !== 'name' && x.kind !== 'num' && !isOp(x, ',') && !isOp(x, '+') && !isOp(x, '-')) return false;
    }
    return false;
  }

  function derivative(): Ast {
    const d = next();
    const plus = d.plus || eatPlus();
    noHigherOrder();
    // ∂_B A, \partial_{o_3} L: the subscript names the variable, as in ∇_B A (the notation of many lecture notes)
    if (isOp(peek(), '_')) return subscriptDerivative(d, plus);
    const of = derivOperand();
    expectOp('/', 'in ∂A/∂B');
    if (peek().kind !== 'partial') fail(`expected ∂ after '/' in ∂A/∂B, found ${describe(peek())}`);
    next();
    const wrt = derivOperand();
    return deep({ k: 'deriv', plus, of, wrt, range: span(d.range, wrt.range), spelled: spelling(d) }, of, wrt);
  }

  /**
   * whether the '(' next opens UnicodeMath's fraction of differentials, `(∂L)/(∂W_hh )` (Word's linear format: the
   * parentheses around a fraction's numerator and denominator are the fraction's, not printed): `( ∂ … ) / ( ∂`
   */
  function parenFraction(): boolean {
    let depth = 0;
    for (let q = 0; ; q++) {
      const x = peek(q);
      if (x.kind === 'eof' || x.kind === 'newline') return false;
      if (isOp(x, '(')) depth++;
      else if (isOp(x, ')') && --depth === 0) return isOp(peek(q + 1), '/') && isOp(peek(q + 2), '(') && peek(q + 3).kind === 'partial';
    }
  }

  /** `(∂A)/(∂B)`, as parenFraction found it: the derivative ∂A/∂B, each side any expression */
  function parenDerivative(): Ast {
    const open = next();
    const d = next();
    const plus = d.plus || eatPlus();
    noHigherOrder();
    enter(d);
    const of = expr();
    depth--;
    expectOp(')', 'to close the numerator (∂A) of (∂A)/(∂B)');
    expectOp('/', 'in (∂A)/(∂B)');
    expectOp('(', 'for the denominator (∂B) of (∂A)/(∂B)');
    const d2 = next();
    enter(d2);
    const wrt = expr();
    depth--;
    const close = expectOp(')', 'to close the denominator (∂B) of (∂A)/(∂B)');
    return deep({ k: 'deriv', plus, of, wrt, range: span(open.range, close.range), spelled: spelling(d) }, of, wrt);
  }

  /** ∂_B A (after the ∂ and a ⁺): ∂A/∂B, A the next power-level operand */
  function subscriptDerivative(d: Token, plus: boolean): Ast {
    const { wrt, of } = subscripted('∂');
    return deep({ k: 'deriv', plus, of, wrt, range: span(d.range, of.range), spelled: spelling(d) }, of, wrt);
  }

  /** one entry of a literal: a number (the common case, read without the expression descent) or an expression */
  function entry(): Ast {
    const t = peek();
    if (t.kind === 'num') {
      const u = peek(1);
      if (
        u.kind === 'op' &&
        (u.text === ',' || u.text === ']' || u.text === '&' || u.text === 'row' || u.text === 'mat]' || u.text === 'sep')
      ) {
        p++;
        return numberAst(t);
      }
    } else if (t.kind === 'op' && t.text === '-') {
      const v = peek(1);
      const u = peek(2);
      if (
        v.kind === 'num' &&
        u.kind === 'op' &&
        (u.text === ',' || u.text === ']' || u.text === '&' || u.text === 'row' || u.text === 'mat]' || u.text === 'sep')
      ) {
        p += 2;
        return { k: 'num', value: -v.value, range: span(t.range, v.range) };
      }
    }
    return expr();
  }

  function listLiteral(): Ast {
    const open = next();
    enter(open);
    const items: Ast[] = [];
    let commas = 0;
    // [a; b], [1, 2; 3, 4]: where each row (after a ';') begins in items
    const rowStarts: number[] = [];
    if (!isOp(peek(), ']')) {
      items.push(entry());
      // entries are separated by commas, or by \quad / \; in a row written [1 \quad -1 \quad 1]
      while (isOp(peek(), ',') || isOp(peek(), 'sep') || isOp(peek(), ';')) {
        if (isOp(peek(), ',')) commas++;
        if (isOp(peek(), ';')) rowStarts.push(items.length);
        next();
        if (isOp(peek(), ']')) break;
        items.push(entry());
        if (items.length > LIMITS.maxEntries) fail(`more than ${LIMITS.maxEntries} entries in a literal (limit)`);
      }
    }
    const close = closer(']') ?? expectOp(']', `to close the '[' at ${open.range.line}:${open.range.column}`);
    depth--;
    const range = span(open.range, close.range);
    // \left[ a + b \right], \Big[ ∏ … \Big]: one expression in brackets groups, as ( … ) does (the hints see its terms)
    if (items.length === 1 && rowStarts.length === 0 && commas === 0 && items[0]!.k !== 'num' && items[0]!.k !== 'list')
      return deep(withRange(items[0]!, range), items[0]!);
    if (rowStarts.length) return stackedRows(items, rowStarts, range);
    // entries set side by side with spaces only, as seed 004 writes v = [1 \quad -1 \quad 1], are a row: a 1×n matrix
    if (items.length > 1 && commas === 0) {
      const row = deepAll({ k: 'list', items, range } as Ast, items);
      return deepAll({ k: 'list', items: [row], range }, [row]);
    }
    return deepAll({ k: 'list', items, range }, items);
  }

  /**
   * a literal with rows set apart by ';' (MATLAB's and many papers' [h_{t-1}; x_t]): one entry a row is a column
   * (stacked, as a one-column bmatrix), more are the rows of a matrix
   */
  function stackedRows(items: Ast[], starts: number[], range: Range): Ast {
    const bounds = [0, ...starts, items.length];
    const rows = bounds
      .slice(1)
      .map((b, n) => items.slice(bounds[n]!, b))
      .filter((r) => r.length);
    // pushed, not map()ped, as matrix() does
    const lists: Ast[] = [];
    if (rows.every((r) => r.length === 1)) {
      for (const r of rows) lists.push(r[0]!);
      return deepAll({ k: 'list', items: lists, range, stacked: true }, items);
    }
    for (const r of rows) lists.push(rowList(r));
    return deepAll({ k: 'list', items: lists, range }, lists);
  }

  /** \begin{bmatrix} 1 & 2 \\ 3 & 4 \end{bmatrix}: a list of rows; one column is a vector */
  function matrix(): Ast {
    const open = next();
    enter(open);
    const rows: Ast[][] = [];
    for (;;) {
      if (isOp(peek(), 'mat]')) break;
      const row: Ast[] = [entry()];
      while (isOp(peek(), '&')) {
        next();
        row.push(entry());
      }
      rows.push(row);
      if (isOp(peek(), 'row')) {
        next();
        continue;
      }
      if (!isOp(peek(), 'mat]')) fail(`expected '&', '\\\\' or \\end{…} after an entry of the matrix, found ${describe(peek())}`);
    }
    const close = next();
    depth--;
    const range = span(open.range, close.range);
    if (!rows.length) fail('an empty matrix', range);
    const cols = rows[0]!.length;
    const badAt = rows.findIndex((r) => r.length !== cols);
    if (badAt >= 0) {
      // at the row that differs, which is named with its length and the first row's
      const bad = rows[badAt]!;
      const entriesText = (n: number) => `${n} ${n === 1 ? 'entry' : 'entries'}`;
      fail(
        `the rows of the matrix have different lengths (${cols} and ${bad.length}): row ${badAt + 1} has ${entriesText(bad.length)}, row 1 ${entriesText(cols)}`,
        span(bad[0]!.range, bad[bad.length - 1]!.range),
      );
    }
    // the items pushed, not map()ped: map()'s array has another elements kind once this is optimized, and what reads a
    // literal's items (constValue) was deoptimized meeting it
    const items: Ast[] = [];
    if (cols === 1) {
      for (const r of rows) items.push(r[0]!);
      return deepAll({ k: 'list', items, range, stacked: rows.length > 1 ? true : undefined }, items);
    }
    for (const r of rows) items.push(rowList(r));
    return deepAll({ k: 'list', items, range }, items);
  }

  /** a row of a matrix (or of stacked entries) as a list of its own */
  function rowList(r: Ast[]): Ast {
    return deepAll({ k: 'list', items: r, range: span(r[0]!.range, r[r.length - 1]!.range) } as Ast, r);
  }

  function bigOp(): Ast {
    const op = next();
    const sym = op.text === 'sum' ? 'Σ' : '∏';
    let vars: { v: string; range: Range }[] = [];
    let from: Ast | null = null;
    let to: Ast | null = null;
    let desc = false;
    /** Σ_{k ∈ 𝒜}: over a set of units written by one name (resolve/expressions.ts unitColumns) */
    let overSet = false;
    /** _{t=1}, _{1≤t≤T}, _{i,j}, _t: the index and its lower bound (from the '_') */
    const lower = () => {
      next();
      const o = peek();
      if (isOp(o, '{') || isOp(o, '(')) {
        next();
        const close = o.text === '{' ? '}' : ')';
        enter(o);
        const first = expr();
        const nx = peek();
        if (isOp(nx, '=')) {
          vars = [plainVar(first, sym)];
          next();
          const was = inRange;
          inRange = true;
          from = expr();
          inRange = was;
          // Σ_{t=1,…,T}, Σ_{t=1..T}: the upper bound in the index, as a range is written
          if (isOp(peek(), '..') || (isOp(peek(), ',') && isOp(peek(1), '…'))) {
            if (isOp(peek(), ',')) next();
            next();
            if (isOp(peek(), ',')) next();
            to = expr();
          }
        } else if (isOp(nx, '∈') && startsStepSet(peek(1))) {
          // Σ_{t ∈ \{1, …, T\}}, Σ_{t ∈ [T]}: the bounds as a set of steps
          vars = [plainVar(first, sym)];
          next();
          const set = stepSet();
          from = set.from;
          to = set.to;
        } else if (isOp(nx, '∈') && peek(1).kind === 'name' && isOp(peek(2), close)) {
          // Haykin's Σ_{k ∈ 𝒜} (the set of the network's neurons) over a set written by one name: Σ_k, every entry
          vars = [plainVar(first, sym)];
          next();
          const set = next();
          overSet = true;
          errors.push({
            severity: 'information',
            message: `${sym}_{${vars[0]!.v} ∈ ${set.text}} is read as ${sym}_${vars[0]!.v}, over all of ${vars[0]!.v}'s values: ${set.text} is taken as every unit (or step) it indexes`,
            range: span(first.range, set.range),
          });
        } else if (isOp(nx, ',')) {
          // Σ_{i,j}: one Σ per variable, no bounds
          vars = [plainVar(first, sym)];
          while (isOp(peek(), ',')) {
            next();
            vars.push(plainVar(expr(), sym));
          }
        } else if (REL.has(nx.kind === 'op' ? nx.text : '')) {
          const terms = [first];
          const rels: string[] = [];
          while (peek().kind === 'op' && REL.has(peek().text)) {
            rels.push(next().text);
            terms.push(expr());
          }
          const r = bounds(terms, rels, sym, span(o.range, tokens[p - 1]!.range));
          vars = [r.v];
          from = r.from;
          to = r.to;
          desc = r.desc;
        } else if (isOp(nx, close)) vars = [plainVar(first, sym)];
        else fail(`expected '=', ',', '≤' or '${close}' in the index of ${sym}, found ${describe(nx)}`);
        depth--;
        if (!closer(close)) expectOp(close, `to close the index of ${sym}`);
      } else if (o.kind === 'name') {
        next();
        vars = [{ v: o.text, range: o.range }];
      } else fail(`expected the index variable after '_', found ${describe(o)}`);
    };
    /** ^T, ^{T-1}: the upper bound (from the '^') */
    const upper = () => {
      next();
      const o = peek();
      if (isOp(o, '{') || isOp(o, '(')) {
        next();
        to = group(o);
      } else if (o.kind === 'name' || o.kind === 'num') to = nameOrNum();
      else fail(`expected the upper bound after '^', found ${describe(o)}`);
    };
    // either order, as LaTeX sets both the same: Σ_{t=1}^{T} and Σ^{T}_{t=1}
    if (isOp(peek(), '^')) {
      upper();
      if (isOp(peek(), '_')) lower();
    } else {
      if (isOp(peek(), '_')) lower();
      if (isOp(peek(), '^')) upper();
    }
    enter(op);
    let body = term();
    depth--;
    // a primed index t′: its uses, written t' (a transpose of t), in the body and the bounds inside it
    for (const v of vars) if (v.v.endsWith(PRIME)) body = renamePrimed(body, v.v.slice(0, -1));
    const range = span(op.range, body.range);
    if (!vars.length) return deep({ k: 'big', op: op.text as 'sum', v: null, vRange: null, from, to, body, range }, body);
    for (let q = vars.length - 1; q >= 0; q--) {
      const last = q === vars.length - 1;
      const node: Ast & { k: 'big' } = {
        k: 'big',
        op: op.text as 'sum',
        v: vars[q]!.v,
        vRange: vars[q]!.range,
        from: last ? from : null,
        to: last ? to : null,
        body,
        range,
      };
      if (desc) node.desc = true;
      if (overSet) node.overSet = true;
      body = deep(node, body);
    }
    return body;
  }

  /** the index variable of Σ/∏: a plain letter or word */
  /** L'(w): refused, naming what to write (read as Lᵀ times w, a scalar loss's L'(w) would be L·w) */
  function lagrangePrime(a: Ast & { k: 'name' }): void {
    // what it is taken by, as written (W_{hh}), when it is a short run of names and subscripts
    let by = '';
    for (let o = 2; o < 12 && !isOp(peek(o), ')'); o++) by += peek(o).kind === 'eof' ? '' : peek(o).text;
    if (!/^[\p{L}\w{}]+$/u.test(by)) by = 'w';
    const l = a.raw;
    fail(
      `${l}'(${by}), a prime for the derivative of the loss, is not read: write \\frac{\\partial ${l}}{\\partial ${by}} (∂${l}/∂${by})`,
      span(a.range, peek(1).range),
    );
  }

  function plainVar(a: Ast, sym: string): { v: string; range: Range } {
    // Σ_{t'=1}^{t}: a primed step letter (read as its transpose) is an index of its own, t′; bigOp renames its uses.
    // Only the letters steps are written with: Graves' Σ_{h'=1}^{H} runs over units of h, a name of the network
    const primed = a.k === 'transpose' && a.a.k === 'name' && !a.a.sub && !a.a.sup ? a.a.raw : null;
    if (primed && PRIMED_STEPS.has(primed)) return { v: primed + PRIME, range: a.range };
    // Graves's Σ_{h'=1}^{H} over hidden units, where the file names no h (its own h' would read as hᵀ, a step of h)
    if (primed && /^\p{Ll}$/u.test(primed) && !(fileNames ??= definedBases(tokens)).has(primed))
      return { v: primed + PRIME, range: a.range };
    if (primed)
      return fail(
        `the index of ${sym} is a plain name: a primed index ${primed}' is not one — use another letter (Σ_{j=1}^{H} for Σ_{${primed}'=1}^{H})`,
        a.range,
      );
    if (a.k !== 'name' || a.sub || a.sup) return fail(`the index of ${sym} is a plain name (Σ_{i=1}^{T}, Σ_{1≤t≤T}, Σ_{i,j})`, a.range);
    return { v: a.raw, range: a.nameRange };
  }

  /**
   * Bounds written as inequalities: 1 ≤ t ≤ T (from 1 to T), t ≥ i > k (i from k+1 up to t, the factors
   * written from t down: desc), i < t (up to t−1), i ≥ 2 (from 2).
   */
  function bounds(
    terms: Ast[],
    rels: string[],
    sym: string,
    where: Range,
  ): { v: { v: string; range: Range }; from: Ast | null; to: Ast | null; desc: boolean } {
    const up = rels.every((r) => r === '≤' || r === '<');
    const down = rels.every((r) => r === '≥' || r === '>');
    if (!up && !down) fail(`the bounds of ${sym} run one way: 1 ≤ t ≤ T or t ≥ i > k`, where);
    const plus = (e: Ast, d: number): Ast =>
      d === 0 ? e : { k: 'bin', op: d > 0 ? '+' : '-', a: e, b: { k: 'num', value: 1, range: e.range }, range: e.range };
    const strict = (r: string) => (r === '<' || r === '>' ? 1 : 0);
    const isVar = (a: Ast) => a.k === 'name' && !a.sub && !a.sup;
    if (terms.length === 3) {
      const v = plainVar(terms[1]!, sym);
      if (up) return { v, from: plus(terms[0]!, strict(rels[0]!)), to: plus(terms[2]!, -strict(rels[1]!)), desc: false };
      return { v, from: plus(terms[2]!, strict(rels[1]!)), to: plus(terms[0]!, -strict(rels[0]!)), desc: true };
    }
    if (terms.length === 2) {
      const r = rels[0]!;
      if (isVar(terms[0]!)) {
        const v = plainVar(terms[0]!, sym);
        return up
          ? { v, from: null, to: plus(terms[1]!, -strict(r)), desc: false }
          : { v, from: plus(terms[1]!, strict(r)), to: null, desc: true };
      }
      const v = plainVar(terms[1]!, sym);
      return up
        ? { v, from: plus(terms[0]!, strict(r)), to: null, desc: false }
        : { v, from: null, to: plus(terms[0]!, -strict(r)), desc: true };
    }
    return fail(`the bounds of ${sym} are one variable between two bounds: 1 ≤ t ≤ T`, where);
  }

  function nameOrNum(): Ast {
    const t = next();
    if (t.kind === 'num') return { k: 'num', value: t.value, range: t.range };
    return { k: 'name', raw: t.text, sub: null, sup: null, range: t.range, nameRange: t.range };
  }

  /**
   * A name with its subscript groups: W_hh, h_t, h_{t-1}, W_{xh}, w_{i,j} (a list), and a parenthesised
   * superscript step h^{(t)} (also h^{(t-1)\top}: with allowT, the transpose is flagged in supTransposed).
   */
  function nameWithIndex(allowT: boolean): NameAst {
    const t = next();
    const c = peek();
    // nothing right on the name (no _, ^ or ( tight after it), as most names are written (h_t is one token): the
    // name is its token, whose range it shares as a number does — no second node and no spans (issue 11)
    const tightIndex = c.kind === 'op' && c.tight && (c.text === '_' || c.text === '^' || c.text === '(');
    if (!tightIndex && !options.alwaysIndices && !(c.kind === 'op' && c.text === '(' && isArgumentList())) {
      const r = t.range;
      return { k: 'name', raw: t.text, sub: null, sup: null, range: r, nameRange: r };
    }
    return indices({ k: 'name', raw: t.text, sub: null, sup: null, range: t.range, nameRange: t.range }, allowT);
  }

  /** the indices written after a name (or after the bar of \bar{h}) */
  function indices(base: NameAst, allowT: boolean): NameAst {
    // W_{xh}: the braces are part of the name as written, so its range (hovers, renames, tokens) covers them
    subscripts(base.raw, base.sub, base.range, base.nameRange);
    let raw = subRaw;
    let sub = subSub;
    let end = subEnd;
    let nameEnd = subNameEnd;
    // a parenthesised superscript right on the name: h^(t-1), h^{(t)} — index or power, decided on resolution
    let sup = base.sup;
    const c = peek();
    if (!sup && isOp(c, '^') && c.tight && (isOp(peek(1), '(') || (isOp(peek(1), '{') && isOp(peek(2), '(')))) {
      const braced = isOp(peek(1), '{');
      p += braced ? 3 : 2;
      enter(c);
      sup = expr();
      depth--;
      end = expectOp(')', 'to close the superscript').range;
      if (braced) {
        // Goodfellow's h^{(t-1)\top}, h^{(t)T}: the step and a transpose
        const x = peek();
        const isT = (y: Token) => isOp(y, 'ᵀ') || (y.kind === 'name' && y.text === 'T') || isOp(y, "'");
        if (allowT && isT(x) && isOp(peek(1), '}')) {
          next();
          supTransposed = true;
        } else if (allowT && x.kind === 'num' && isOp(peek(1), '}')) {
          next();
          supPower = { k: 'num', value: x.value!, range: x.range };
        } else if (allowT && isOp(x, '^') && isT(peek(1)) && isOp(peek(2), '}')) {
          // h^{(t)^\top}, h^{(t-1)^T}: the transpose written as a superscript of the step
          p += 2;
          supTransposed = true;
        } else if (allowT && isOp(x, '^') && isOp(peek(1), '{') && isT(peek(2)) && isOp(peek(3), '}') && isOp(peek(4), '}')) {
          p += 4;
          supTransposed = true;
        }
        end = expectOp('}', 'to close the superscript').range;
      }
      // the entry after the step, as LaTeX allows either order: ŷ^{(t)}_{y^{(t)}} is ŷ_{y^{(t)}}^{(t)}
      if (!sub && raw === base.raw) {
        subscripts(raw, sub, end, nameEnd);
        raw = subRaw;
        sub = subSub;
        end = subEnd;
        nameEnd = subNameEnd;
      }
    }
    // Elman's and Mikolov's s(t), s(t-1), y(3): a step in parentheses right on the name (the resolver decides)
    let stepCall = false;
    if (!sup && isOp(peek(), '(') && peek().tight && stepInParens()) {
      const o = next();
      enter(o);
      sup = expr();
      depth--;
      end = expectOp(')', 'to close the step').range;
      stepCall = true;
    }
    const args = argumentList();
    if (args) end = args.range;
    const out: NameAst = { k: 'name', raw, sub, sup, range: span(base.range, end), nameRange: span(base.nameRange, nameEnd) };
    if (stepCall) out.stepCall = true;
    if (args) {
      out.args = span(args.range, args.range);
      out.argItems = args.items;
    }
    return out;
  }

  /**
   * The subscripts right on a name (indices() reads a name once per use: no closure per call). Its results
   * are written to subRaw … subNameEnd when it returns, after the expressions it reads (which may read
   * names of their own) are done.
   */
  function subscripts(raw: string, sub: Ast | null, end: Range, nameEnd: Range): void {
    while (isOp(peek(), '_') && peek().tight) {
      const u = peek();
      const o = peek(1);
      if (isOp(o, '{') || isOp(o, '(')) {
        // W_{xh} is the name W_xh; h_{t-1} is h with an index; w_{i,j} has a list of indices
        const close = o.text === '{' ? '}' : ')';
        const a = peek(2);
        if ((a.kind === 'name' || a.kind === 'num') && isOp(peek(3), close) && !sub) {
          raw += '_' + (a.kind === 'num' ? String(a.value) : a.text);
          p += 4;
          end = tokens[p - 1]!.range;
          nameEnd = end;
          continue;
        }
        // Graves's w_{h\iota}, w_{c\omega}: a letter and a Greek command right after it, two tokens the lexer could not
        // run together as it does w_{hk}, are the name w_hι the file declares
        const b = peek(3);
        const letter = (x: Token) => x.kind === 'name' && /^\p{L}$/u.test(x.text);
        if (!sub && letter(a) && letter(b) && b.tight && isOp(peek(4), close)) {
          raw += '_' + a.text + b.text;
          p += 5;
          end = tokens[p - 1]!.range;
          nameEnd = end;
          continue;
        }
        p += 2;
        if (sub) fail('a name takes one subscript group', u.range);
        // SLP3's δ_{out,t}: a word before the step names which δ (the name δ_out at step t); one letter before a
        // comma is an entry index (w_{i,j})
        if (a.kind === 'name' && /^\p{L}{2,}$/u.test(a.text) && isOp(peek(1), ',')) {
          raw += '_' + a.text;
          nameEnd = a.range;
          p += 2;
        }
        enter(o);
        inSubscript++;
        const first = expr();
        if (isOp(peek(), ',')) {
          const items = [first];
          while (isOp(peek(), ',')) {
            next();
            items.push(expr());
          }
          sub = deepAll({ k: 'list', items, range: span(first.range, items[items.length - 1]!.range) }, items);
        } else sub = first;
        inSubscript--;
        depth--;
        end = expectOp(close, 'to close the subscript').range;
        continue;
      }
      if ((o.kind === 'name' || o.kind === 'num') && o.tight) {
        raw += '_' + o.text;
        p += 2;
        end = o.range;
        nameEnd = end;
        continue;
      }
      break;
    }
    subRaw = raw;
    subSub = sub;
    subEnd = end;
    subNameEnd = nameEnd;
  }

  /**
   * ℒ_t(t_t, y_t): a name followed, with no space, by a parenthesised list of two or more arguments is the
   * quantity written as a function of what it depends on (a product would not hold a comma). The arguments
   * are read and dropped; the range of the list is returned. The resolver reads the list on a name it
   * knows and names d2l.ai's f(x_t, h_{t-1}, w_h) on one it does not: a list whose ')' is missing (the
   * statement ends first) is still a list, so the error is the missing ')', not a comma in a product.
   */
  function argumentList(): { range: Range; items: Ast[] } | null {
    const o = peek();
    if (!isArgumentList()) return null;
    next();
    enter(o);
    const items = [expr()];
    while (isOp(peek(), ',')) {
      next();
      items.push(expr());
    }
    depth--;
    return {
      range: span(o.range, (closer(')') ?? expectOp(')', `to close the arguments opened at ${o.range.line}:${o.range.column}`)).range),
      items,
    };
  }

  /** whether the `(` next is a list of arguments: a top-level comma inside, and (with a space before it) no range */
  function isArgumentList(): boolean {
    const o = peek();
    if (!isOp(o, '(')) return false;
    let level = 0;
    let comma = false;
    // `=` or `for` inside: a range written after the last side (`(t = 1, …, T)`), never arguments
    let range = false;
    for (let i = p; i < tokens.length; i++) {
      const x = tokens[i]!;
      if (x.kind === 'op' && (x.text === '(' || x.text === '[' || x.text === '{')) level++;
      else if (x.kind === 'op' && (x.text === ')' || x.text === ']' || x.text === '}')) {
        if (--level === 0) break;
      } else if (level === 1 && isOp(x, ',')) comma = true;
      else if (level === 1 && (isOp(x, '=') || (x.kind === 'name' && x.text === 'for'))) range = true;
      else if (x.kind === 'newline' || x.kind === 'eof') break;
    }
    // d2l.ai's `l (\mathbf{o}_t, y_t)`: a space before the arguments changes nothing in TeX (session 16: it was
    // "expected ')' … found ','"); a pair in parentheses is no value, so after a name it can only be arguments
    return comma && (o.tight || !range);
  }
}

/** half a unit of the last digit written: 0.0421 → 0.00005, 4.2e-3 → 0.00005, 12 → 0.5 */
function halfUnit(text: string): number {
  const m = /^\d*(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m) return 0;
  return 0.5 * 10 ** (Number(m[2] ?? 0) - (m[1]?.length ?? 0));
}

/** an Ast node (ranges and other fields are plain objects without a kind) */
/** the letters a loss is written with, where L'(w) is the derivative of the loss (Lagrange's notation) */
const LOSS_LETTERS = new Set(['L', 'E', 'J', 'ℓ', 'ℒ']);
/** the prime of an index variable t′ (Σ_{t'=1}^{t}) */
const PRIME = '′';
/** the letters a primed step index is written with (t′, s′, k′, i′, j′, τ′) */
const PRIMED_STEPS = new Set(['t', 's', 'k', 'i', 'j', 'τ']);

/** a with each t' (the transpose of a plain t) written as the index variable t′; untouched nodes kept */
function renamePrimed(a: Ast, letter: string): Ast {
  if (a.k === 'transpose' && a.a.k === 'name' && a.a.raw === letter && !a.a.sub && !a.a.sup)
    return { k: 'name', raw: letter + PRIME, sub: null, sup: null, range: a.range, nameRange: a.range };
  // Graves's w_{hh'} and w_{h'h}: an entry pair with the primed letter, read as the pair (h, h′) and (h′, h)
  if (a.k === 'name' && a.sub) {
    const pair = primedPair(a.sub, letter);
    if (pair) return { ...a, sub: { k: 'list', items: pair, range: a.sub.range } };
  }
  let out: Record<string, unknown> | null = null;
  for (const [key, v] of Object.entries(a) as [string, unknown][]) {
    let w: unknown = v;
    if (Array.isArray(v)) {
      const mapped = v.map((x: unknown) => (isAst(x) ? renamePrimed(x, letter) : x));
      if (mapped.some((x, n) => x !== v[n])) w = mapped;
    } else if (isAst(v)) w = renamePrimed(v, letter);
    if (w !== v) (out ??= { ...a })[key] = w;
  }
  return (out as Ast | null) ?? a;
}

/** a subscript of two letters with the primed one among them, hh′ (lexed (hh)ᵀ) or h′h (lexed hᵀ h): the two, in order */
function primedPair(sub: Ast, letter: string): Ast[] | null {
  const plain = (x: Ast): x is Ast & { k: 'name' } => x.k === 'name' && !x.sub && !x.sup;
  const one = (raw: string, range: Range): Ast => ({ k: 'name', raw, sub: null, sup: null, range, nameRange: range });
  if (sub.k === 'transpose' && plain(sub.a) && [...sub.a.raw].length === 2 && sub.a.raw.endsWith(letter)) {
    const first = [...sub.a.raw][0]!;
    return [one(first, sub.a.range), one(letter + PRIME, sub.range)];
  }
  if (
    sub.k === 'bin' &&
    sub.op === 'juxt' &&
    sub.a.k === 'transpose' &&
    plain(sub.a.a) &&
    sub.a.a.raw === letter &&
    plain(sub.b) &&
    [...sub.b.raw].length === 1
  )
    return [one(letter + PRIME, sub.a.range), sub.b];
  return null;
}

/** a derivative term (∂A/∂B, ∇_B A, an adjoint X̄) anywhere in a */
function mentionsDerivative(a: Ast): boolean {
  if (a.k === 'deriv' || a.k === 'adjoint') return true;
  for (const v of Object.values(a) as unknown[]) {
    if (Array.isArray(v)) {
      if (v.some((x) => isAst(x) && mentionsDerivative(x))) return true;
    } else if (isAst(v) && mentionsDerivative(v)) return true;
  }
  return false;
}

/** two trees written alike: the same nodes and texts, wherever they stand */
function sameAst(a: Ast, b: Ast): boolean {
  // a name's `args` is a range too; an index's `args` are trees
  const plain = (x: Ast) =>
    JSON.stringify(x, (k, v: unknown) => (RANGE_KEYS.has(k) || (k === 'args' && !Array.isArray(v)) ? undefined : v));
  return plain(a) === plain(b);
}

/** whether range x lies within range r */
function within(x: Range, r: Range): boolean {
  const startsIn = x.line > r.line || (x.line === r.line && x.column >= r.column);
  return startsIn && (x.endLine < r.endLine || (x.endLine === r.endLine && x.endColumn <= r.endColumn));
}

/** an index as a base letter plus an offset: t-1 is (t, -1), 3 is (null, 3) */
/** an evaluation bar |_{v=value} after side number `side` of a check (0: the left side) */
interface Bar {
  side: number;
  v: string;
  value: Ast;
  range: Range;
  text: string;
}

interface Lin {
  base: string | null;
  off: number;
}

const RANGE_KEYS = new Set(['range', 'nameRange', 'fnRange', 'vRange']);

function linOf(a: Ast): Lin | null {
  if (a.k === 'num') return Number.isInteger(a.value) ? { base: null, off: a.value } : null;
  if (a.k === 'name') return !a.sub && !a.sup && a.args === undefined && /^[A-Za-z]$/.test(a.raw) ? { base: a.raw, off: 0 } : null;
  if (a.k === 'bin' && (a.op === '+' || a.op === '-') && a.b.k === 'num' && Number.isInteger(a.b.value)) {
    const l = linOf(a.a);
    if (!l || l.base === null) return null;
    return { base: l.base, off: l.off + (a.op === '+' ? a.b.value : -a.b.value) };
  }
  return null;
}

/** base + off as a tree (t, t + 2, t - 1, 3) at range r */
function linAst(l: Lin, range: Range): Ast {
  if (l.base === null) return { k: 'num', value: l.off, range };
  const name: Ast = { k: 'name', raw: l.base, sub: null, sup: null, range, nameRange: range };
  if (l.off === 0) return name;
  return { k: 'bin', op: l.off > 0 ? '+' : '-', a: name, b: { k: 'num', value: Math.abs(l.off), range }, range };
}

function linText(l: Lin): string {
  if (l.base === null) return String(l.off);
  return l.off === 0 ? l.base : `${l.base}${l.off > 0 ? '+' : '-'}${Math.abs(l.off)}`;
}
