// readSolution(): a solution's displays folded into claims (display.ts), per network, with what each claim's sides
// and clauses are; the relations that are no equality (≤, ≈, ←, ∈ an interval) said, inline definitions found.

import type { Span } from '../language/checkSides';
import { checkSides } from '../language/checkSides';
import { constantDefinition, derivativeDefinition, formulaDefinition } from '../language/index';
import { lex, updateText } from '../language/lexer';
import { LIMITS } from '../language/limits';
import { parse } from '../language/parser';
import type { Diagnostic, Range } from '../report';
import { accumulationText } from './accumulation';
import type { Claim, Network } from './claim';
import { MAX_READER_PROBLEMS, skippedLink } from './claim';
import { clauseWords } from './clauseWords';
import { conjunctions } from './conjunctions';
import { fullWidth } from './fullWidth';
import type { Display, Folded } from './display';
import { foldDisplay, topLevelEquals, topLevelEqualsSigns } from './display';
import { CONSTANT_NAME } from './generateChecks';
import type { SolutionKind } from './index';
import { readLatex } from './latex';
import type { Macro } from './macros';
import { readMacros } from './macros';
import { RNN_FENCE, readMarkdown } from './markdown';
import type { ReadResult } from './read';
import { LineIndex } from './sourcemap';
import { vectorForm } from './unitFormula';

/** the spacing that sets a second equation of a row apart (`A_t = 1 − u_t, \quad B_t = u_t`): no part of its text */
export const LEADING_SPACING = /^(?:\s|\\(?:q?quad|[,;:! ]|enspace|hfill)(?![A-Za-z]))*/;

/**
 * The left side of `A_t = 1 − u_t` when A is the unknown name the error is about: the student defines a
 * name of their own (seed 000 eq. (11)), which is no claim about the network.
 */
export function definedName(chars: string, why: Diagnostic): string | null {
  const name = why.code === 'unknown-name' ? /^unknown name (\S+)/.exec(why.message)?.[1] : undefined;
  // an upright name of code (\text{next\_delta}_t, Trask's) as the lexer reads it
  const lhs = chars
    .split('=')[0]!
    .replace(LEADING_SPACING, '')
    .replace(/\\(?:text|mathrm|texttt)\s*\{([^{}]*)\}/g, '$1')
    .replace(/\\_/g, '_')
    .trim();
  // (CS231n's dprev_s, the gradient of a state the network lacks, stays an unknown name: it is no definition)
  if (/^d?(?:prev|next)_/.test(lhs)) return null;
  return name && lhs.startsWith(name) && /^[^\s+\-*/·(){}]+(?:_\{[^{}=]*\}|_[^\s=]+)?$/.test(lhs) ? lhs : null;
}

/** ≤ ≥ < > as a bound writes them, outside braces and brackets (not the bounds of a Σ_{1≤t≤T}) */
const INEQUALITY = /^(?:\\(?:leqslant|geqslant|leq|geq|le|ge|lesssim|gtrsim|ll|gg)(?![A-Za-z])|[≤≥<>⩽⩾≲≳≪≫])/;

/** ≈ ≃ as an approximation writes them (a number after ≈ is a link of its own: display.ts) */
export const APPROX = /^(?:\\(?:approx|simeq|thickapprox)(?![A-Za-z])|[≈≃])/;

/** ≤ ≥ < > as a check line reads them between a bound's sides (not ≪ ≫ ≲ ≳: "much less" states no number) */
export const BOUND = /^(?:\\(?:leqslant|geqslant|leq|geq|le|ge|lt|gt)(?![A-Za-z])|[≤≥<>⩽⩾])/;

/** `w \leftarrow w − η ∂L/∂w`, ASCII `w <- …`: an update (its `<` is no bound) */
const UPDATE_ARROW = /\\(?:leftarrow|gets|longleftarrow)(?![A-Za-z])|[←⟵]|<-(?![\d.])/;

/** `σ'(z) \in (0, \tfrac14]`: a value in an interval, which the check line reads as the two-sided bound */
const IN_INTERVAL = /^(?:\\in(?![A-Za-z])|∈)\s*(?:\\(?:left|bigl?|Bigl?)\s*)?(?:\(|\[|\\lbrack(?![A-Za-z]))/;

/** an equation with no top-level `=` whose first top-level relation is a bound's (so its check line reads it) */
function isBound(s: string): boolean {
  if (UPDATE_ARROW.test(s)) return false;
  if (inInterval(s)) return true;
  const r = firstRelation(s);
  return r !== null && !r.approx && BOUND.test(r.text);
}

/** whether a top-level ∈ (outside braces and brackets) is followed by an interval */
function inInterval(s: string): boolean {
  return atTopLevel(s, (i) => ((s[i] === '∈' || s.startsWith('\\in', i)) && IN_INTERVAL.test(s.slice(i, i + 16)) ? true : null)) ?? false;
}

/**
 * what `at` finds at the first place outside braces, parentheses and brackets where it finds anything, or null; the
 * character after a command's backslash is skipped (`\{` opens nothing)
 */
function atTopLevel<R>(s: string, at: (i: number) => R | null): R | null {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '{' || c === '(' || c === '[') depth++;
    else if (c === '}' || c === ')' || c === ']') depth = Math.max(0, depth - 1);
    const found = depth > 0 ? null : at(i);
    if (found !== null) return found;
    if (c === '\\') i++;
  }
  return null;
}

/**
 * the first inequality or approximation outside braces and brackets, as written (`\le`, `≈`), or null (atTopLevel:
 * a command's next character skipped)
 */
function firstRelation(s: string): { text: string; approx: boolean } | null {
  return atTopLevel(s, (i) => {
    if (!(s[i] === '\\' || '≤≥<>⩽⩾≲≳≪≫≈≃'.includes(s[i]!))) return null;
    const m = INEQUALITY.exec(s.slice(i, i + 10));
    if (m) return { text: m[0], approx: false };
    const a = APPROX.exec(s.slice(i, i + 10));
    return a ? { text: a[0], approx: true } : null;
  });
}

/**
 * why an equation with no top-level `=` is not checked: a bound (‖∂h_t/∂h_k‖ ≤ (β_W β_h)^{t−k}, the
 * vanishing-gradient notes' inequalities) says so, naming its relation; anything else has no equality
 */
function noEquality(s: string): string {
  // `w \leftarrow w − η ∂L/∂w` (or ASCII `w <- …`) with no `=` after it: an update, as the lexer says of one with an `=`
  const arrow = UPDATE_ARROW.exec(s);
  if (arrow) return accumulationText(s, arrow) ?? updateText(arrow[0]);
  const r = firstRelation(s);
  if (r && !r.approx) return `an inequality (${r.text}), a bound: only equalities are checked`;
  if (r)
    return `an approximation (${r.text}) between expressions is no equality: only = is checked, and ≈ before a written number (judged to its digits)`;
  return unclosedBrace(s) ?? 'no equality to check';
}

/**
 * `\frac{\partial L}{\partial V = …`: a `{` never closed holds the `=` written after it, so the equation has none at its
 * top level; said with the text it opens, rather than "no equality to check" of an equation that plainly has one
 */
function unclosedBrace(s: string): string | null {
  const open: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\') i++;
    else if (c === '{') open.push(i);
    else if (c === '}') open.pop();
  }
  const first = open[0];
  if (first === undefined || !/(?<![<>!])=/.test(s.slice(first))) return null;
  const opened = s.slice(first, first + 16).trimEnd();
  return `the { of '${opened}${s.length > first + 16 ? '…' : ''}' is never closed: the = after it stands inside the braces, so no equation is read (a } missing?)`;
}

/** what the reader finds before any analysis: the networks, the equations and the claims (also
 *  what an editor needs to place marks without analysing); null when the file is not a solution */
export interface SolutionReading {
  file: LineIndex;
  displays: Display[];
  networks: Network[];
  /** printed: the label the page prints (its tag unless that is a \label's name) */
  equations: { range: Range; network: number; tag: string | null; printed: string | null }[];
  claims: Claim[];
  /** the reader's own problems (unclosed displays), or the file-size limit */
  diagnostics: Diagnostic[];
  /** the informations, here and after the analysis, that say a chain's link was not checked, with its link */
  skippedLinks: Map<Diagnostic, number>;
}

export function readSolution(text: string, kind: SolutionKind, sidecar: string | null = null): SolutionReading | null {
  const file = new LineIndex(text);
  if (text.length > LIMITS.maxFileBytes) {
    // too large to read at all; only a solution (by its sidecar or a quick look for ```rnn) says so
    if (!sidecar && !(kind === 'markdown' && RNN_FENCE.test(text.slice(0, LIMITS.maxFileBytes)))) return null;
    const diagnostics: Diagnostic[] = [
      {
        ...file.range(0, 0),
        severity: 'error',
        code: 'limit',
        message: `the file is larger than ${LIMITS.maxFileBytes.toLocaleString('en')} characters: not analysed (limit)`,
      },
    ];
    return { file, displays: [], networks: [], equations: [], claims: [], diagnostics, skippedLinks: new Map() };
  }
  const read: ReadResult = kind === 'markdown' ? readMarkdown(text) : readLatex(text);

  const networks: Network[] = [];
  if (sidecar !== null) networks.push({ fences: [], sidecar, start: -1 });
  for (const f of read.fences) {
    const last = networks[networks.length - 1];
    if (f.declaresT || !last) networks.push({ fences: [f], sidecar: null, start: f.start });
    else last.fences.push(f);
  }
  if (!networks.length) return null;

  const diagnostics: Diagnostic[] = [];
  const skippedLinks: SolutionReading['skippedLinks'] = new Map();
  // a reader's problems are listed up to a limit, then counted (a file of 80,000 unclosed `\[` stays usable)
  for (const p of read.problems.slice(0, MAX_READER_PROBLEMS))
    diagnostics.push({ ...file.range(p.start, p.end), severity: p.severity, message: p.message, code: 'solution' });
  if (read.problems.length > MAX_READER_PROBLEMS) {
    const p = read.problems[MAX_READER_PROBLEMS]!;
    diagnostics.push({
      ...file.range(p.start, p.end),
      severity: 'warning',
      code: 'limit',
      message: `${(read.problems.length - MAX_READER_PROBLEMS).toLocaleString('en')} more problems like the ones before are not listed (limit)`,
    });
  }

  // displays → equations and claims (a display beginning with =, + or − continues the claim before it)
  const equations: SolutionReading['equations'] = [];
  const claims: Claim[] = [];
  let network = 0;
  let previous: Claim | null = null;
  // the solution's own \newcommand macros, expanded where a display uses them
  const macros = readMacros(text);
  // (`\text{für } t = 1, \dots, T`: the range's words read as in English, every offset kept)
  // (and `（ ）`, `＝` typed full-width beside Chinese or Japanese prose: the ASCII they are forms of, fullWidth.ts)
  // (and a bare `\quad y \quad` between two equations, Spanish's "and", blanked: conjunctions.ts)
  const math = conjunctions(fullWidth(clauseWords(text)));
  read.displays.forEach((d, index) => {
    const folded = foldDisplay(math, d, macros);
    while (network + 1 < networks.length && networks[network + 1]!.start <= d.start) network++;
    equations.push({ range: file.range(d.start, d.end), network, tag: folded.tag, printed: folded.tagIsLabel ? null : folded.tag });
    // a rounded value or an inequality after the equation: said, since it is not judged
    for (const a of folded.approximate)
      diagnostics.push({
        ...file.range(a.start, a.end),
        severity: 'information',
        code: 'solution-skipped',
        message: `not checked: the part after ${a.relation} (a rounded value or an inequality is no equation); the equality before it is checked`,
      });
    folded.rows.forEach((row, r) => {
      if (r === 0 && folded.continues && previous && previous.network === network) {
        previous.text.chars += ' ' + row.chars;
        previous.text.at.push(row.at[0] ?? d.contentStart);
        for (const o of row.at) previous.text.at.push(o);
        previous.displays.push(index);
        previous.rowStarts?.push(...folded.rowStarts);
        return;
      }
      // a display that begins with `=` and has nothing before it to continue (the first of the file, or the first
      // after a new network): said so, rather than "expected a value, found '='"
      const orphan =
        r === 0 && folded.continues && /^[^=+\-−]*=/.test(row.chars)
          ? previous
            ? 'it begins with = and so continues the equation before it, which is about another network'
            : 'it begins with = and so continues an equation, but no equation comes before it'
          : null;
      previous = {
        text: { chars: row.chars, at: [...row.at] },
        displays: [index],
        network,
        skip: orphan,
        genLine: 0,
        sides: [],
        tag: folded.rows.length > 1 ? (folded.rowTags[r] ?? null) : null,
        named: folded.rows.length > 1 ? (folded.rowLabels[r] ?? null) : null,
        shared: folded.rows.length > 1,
        rowStarts: folded.rowStarts,
        ...(folded.unread ? { unread: folded.unread } : {}),
        ...(folded.defines.length ? { macros: folded.defines } : {}),
      };
      claims.push(previous);
    });
  });
  for (const c of claims) {
    if (c.skip) continue;
    if (!c.text.chars.trim())
      c.skip = c.macros
        ? `it defines ${c.macros.map((m) => `\\${m}`).join(', ')} for the equations that use ${c.macros.length > 1 ? 'them' : 'it'}: no equation to check`
        : 'an empty equation';
    // a bound (‖∂h_3/∂h_1‖ ≤ ‖W‖^2, 0 < σ'(z) ≤ 1/4) is checked as its check line is (engine/check/bound.ts)
    else if (topLevelEquals(c.text.chars) < 0 && !isBound(c.text.chars)) c.skip = noEquality(c.text.chars);
    else if (c.unread) c.skip = c.unread;
    else {
      const dropped = dropUnreadSide(c);
      if (dropped)
        diagnostics.push(
          skippedLink(skippedLinks, dropped.link, {
            ...file.range(dropped.start, dropped.end),
            severity: 'information',
            code: 'solution-skipped',
            message: `link ${dropped.link} not checked: ${dropped.why}`,
          }),
        );
    }
  }
  inlineDefinitions(math, read.inline, networks, macros, claims);
  return { file, displays: read.displays, networks, equations, claims, diagnostics, skippedLinks };
}

/**
 * the inline equations that define a name by a derivative (Let $\delta_t = \frac{\partial L}{\partial h_t}$), as
 * claims marked inline, in file order among the others: generate() makes them lines of their network, as it does a
 * display that defines one; any other inline math stays prose (LANGUAGE.md §8)
 */
export function inlineDefinitions(text: string, inline: Display[], networks: Network[], macros: Map<string, Macro>, claims: Claim[]): void {
  const found: Claim[] = [];
  let network = 0;
  for (const d of inline) {
    const folded = foldDisplay(text, d, macros);
    const row = folded.rows.length === 1 && !folded.unread ? folded.rows[0]! : null;
    // a name defined by a derivative (all of the row, or its chain's first link), or a letter by a formula or a
    // constant (all of it)
    const head = row && (definingHead(row.chars) ?? (inlineFormula(row) || inlineConstant(row.chars) ? row.chars.length : null));
    if (!row || head === null) continue;
    while (network + 1 < networks.length && networks[network + 1]!.start <= d.start) network++;
    found.push({
      text: { chars: row.chars.slice(0, head), at: row.at.slice(0, head) },
      displays: [],
      network,
      skip: null,
      genLine: 0,
      sides: [],
      inline: true,
    });
  }
  if (!found.length) return;
  const first = (c: Claim) => c.text.at[0] ?? 0;
  claims.push(...found);
  claims.sort((a, b) => first(a) - first(b));
}

/**
 * how much of an inline equation defines a name by a derivative: all of it, or the first link of a chain that goes on
 * to the derivative's formula ("Let $ε_t = ∂L/∂o_t = o_t − y_t$", as a display's label link is read: section 9); null
 * when it defines none. The rest of such a chain is inline math, not checked, as any is
 */
function definingHead(chars: string): number | null {
  if (derivativeDefinition(chars)) return chars.length;
  const eqs = topLevelEqualsSigns(chars).filter((k) => chars[k] === '=');
  return eqs.length >= 2 && derivativeDefinition(chars.slice(0, eqs[1])) ? eqs[1]! : null;
}

/**
 * Pearlmutter's `Let $z_i(t) = ∂E/∂y_i(t)$ and $e_i(t) = y_i(t) − d_i(t)$`: inline math defining a letter of the
 * solution's own at the general step (per unit or not) by a formula, as a display alone does (formulaDefinitions: only
 * where a later equation reads it). It was prose, and every equation reading e_i "unknown name e_i"
 */
export const INLINE_FORMULA_HEAD =
  /^(?:\\[A-Za-z]+|\p{L})(?:_\{?[a-su-z]\}?)?(?:_\{?(?:[tT]|\d+)\}?|\((?:[tT]|\d+)\)|\^\{\((?:[tT]|\d+)\)\})$/u;

/**
 * "with learning rate $\eta = 0.1$": a constant of the solution's own, one letter equal to a number (constantDefinition);
 * not a matrix written in prose (seed 004's $U = \begin{bmatrix}…$, which restates the network's values)
 */
export function inlineConstant(chars: string): string | null {
  const eqs = topLevelEqualsSigns(chars).filter((k) => chars[k] === '=');
  if (eqs.length !== 1 || !CONSTANT_NAME.test(chars.slice(0, eqs[0]).replace(/\s+/g, ''))) return null;
  return /^\s*-?\d+(?:\.\d+)?\s*$/.test(chars.slice(eqs[0]! + 1)) ? constantDefinition(chars) : null;
}

export function inlineFormula(text: Folded): string | null {
  const vector = vectorForm(text);
  const chars = vector?.chars ?? text.chars;
  const eqs = topLevelEqualsSigns(chars).filter((k) => chars[k] === '=');
  if (eqs.length !== 1 || !INLINE_FORMULA_HEAD.test(chars.slice(0, eqs[0]).replace(/\s+/g, ''))) return null;
  return formulaDefinition(chars);
}

/**
 * A chain E₀ = E₁ = … = Eₙ with one right side that does not read (an unknown command, a syntax slip): that side and
 * its `=` are left out (blanked, same length), so the other links are still judged, each with its written number, and
 * the side's own link is said not checked (LANGUAGE.md §5: every step of a derivation gets its own verdict). The whole
 * chain was skipped for it. Null when the chain reads, or no one side makes it read.
 */
export function dropUnreadSide(c: Claim): { link: number; start: number; end: number; why: string } | null {
  const chars = c.text.chars.replace(/[\r\n]/g, ' ');
  const eqs = topLevelEqualsSigns(chars).filter((k) => chars[k] === '=');
  // a range or a clause (`for t = 1, 3`, `where y_3 = …`) has `=` signs that are no sides: such a claim is left as it is
  if (eqs.length < 2 || /\b(?:for|where|with|if|when)\b|\\forall(?![A-Za-z])/.test(chars)) return null;
  const first = readError(chars);
  if (!first) return null;
  for (let k = 0; k < eqs.length; k++) {
    const from = eqs[k]!;
    const to = eqs[k + 1] ?? chars.length;
    const without = chars.slice(0, from) + ' '.repeat(to - from) + chars.slice(to);
    if (readError(without)) continue;
    c.text.chars = c.text.chars.slice(0, from) + ' '.repeat(to - from) + c.text.chars.slice(to);
    c.links = eqs.map((_, j) => j + 1).filter((j) => j !== k + 1);
    const side = chars.slice(from + 1, to);
    const lead = side.length - side.trimStart().length;
    const at = (i: number) => c.text.at[Math.min(i, c.text.at.length - 1)] ?? 0;
    const start = at(from + 1 + lead);
    return { link: k + 1, start, end: Math.max(start + 1, at(from + side.trimEnd().length) + 1), why: first };
  }
  return null;
}

/** the first thing in `check LINE` that does not lex or parse, or null when it reads */
function readError(line: string): string | null {
  const src = 'check ' + line;
  const lexed = lex(src);
  if (lexed.errors.length) return lexed.errors[0]!.message;
  const parsed = parse(lexed.tokens, src);
  // a note on how something was read (severity 'information') is no error
  return parsed.errors.find((e) => (e.severity ?? 'error') === 'error')?.message ?? null;
}

/**
 * the sides after the first of a chain E₀ = E₁ = …, as the parser reads them (a range or a where clause after the
 * last side is no part of it), and the where clauses checked on their own: file offsets of each
 */
export function sideSpans(t: Folded): Pick<Claim, 'sides' | 'clauses'> {
  const read = checkSides(t.chars);
  if (read)
    return {
      sides: read.sides.map((s) => fileSpan(t, s)),
      clauses: read.clauses.map((c) => ({ start: t.at[c.start] ?? -1, side: fileSpan(t, c.side) })),
    };
  // a claim that does not read as a check: its text between the '=' signs, trimmed
  const s = t.chars;
  const eqs = topLevelEqualsSigns(s);
  const sides = eqs.map((e, k) => {
    let a = e + 1,
      b = k + 1 < eqs.length ? eqs[k + 1]! : s.length;
    while (a < b && s[a] === ' ') a++;
    while (b > a && s[b - 1] === ' ') b--;
    return { start: t.at[a] ?? t.at[e]!, end: b > a ? t.at[b - 1]! + 1 : t.at[e]! + 1 };
  });
  return { sides, clauses: [] };
}

/** a [start, end) span of a claim's text as file offsets */
function fileSpan(t: Folded, [a, b]: Span): { start: number; end: number } {
  const start = t.at[a] ?? t.at[t.at.length - 1] ?? 0;
  return { start, end: b > a ? (t.at[b - 1] ?? start) + 1 : start };
}
