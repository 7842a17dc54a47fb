// analyzeSolution(): read the file, build one generated .rnn text per network (its blocks' lines,
// then one `check` line per claim), run analyze() on it, and map everything back to the file.
import { analyze } from '../analysis';
import { checkSides, type Span } from '../language/checkSides';
import { lex, updateText } from '../language/lexer';
import { accumulationText } from './accumulation';
import { parse } from '../language/parser';
import {
  compile,
  constantDefinition,
  letterDefinition,
  definedNameWritten,
  deltaOfParameterLine,
  derivativeDefinition,
  formulaDefinition,
  lastLayerEntry,
} from '../language/index';
import { LIMITS } from '../language/limits';
import type { AnalyzeOptions, CheckReport, CheckStatus, Diagnostic, Range, Report } from '../report';
import { emptyReport } from '../report';
import { Cancelled } from '../engine/budget';
import { andList } from '../engine/format';
import { analyzeClaims, claimCacheEnabled } from './claimCache';
import { type Display, type Folded, foldDisplay, topLevelEquals, topLevelEqualsSigns } from './display';
import type { EquationResult, SolutionKind, SolutionReport } from './index';
import { readLatex } from './latex';
import { readMacros, type Macro } from './macros';
import { dropPatternIndex } from './patternIndex';
import { vectorForm } from './unitFormula';
import { activationAlias } from './activationAlias';
import { renamedStep } from './stepLetter';
import { chainLabel, labelText, type ChainLabel } from './label';
import { letterOf } from './letterOf';
import { entryFamilyDefinition, entryFamilyText, entryFamilyUseText } from './entrySensitivity';
import { readMarkdown, RNN_FENCE } from './markdown';
import { clauseWords } from './clauseWords';
import { flattenedSteps } from './pdfPaste';
import { descentChange } from './descentChange';
import { pairDefinition, pairRange, writePairs, type PairLetter } from './pairStepLetter';
import { GREEK_LETTERS } from '../display/latex';
import type { Fence, ReadResult } from './read';
import { GeneratedText, LineIndex } from './sourcemap';
import { verdictSeverity } from '../verdictDiagnostics';
import { untimedTwinKey } from '../ids';

/** claims checked per network: one analysis stays within the statement limit of a .rnn file */
export const MAX_CLAIMS_PER_NETWORK = Math.floor(LIMITS.maxStatements / 2);
/** reader problems (unclosed displays) listed one by one */
export const MAX_READER_PROBLEMS = 100;
/** networks analysed per file: each analysis has its own time budget */
export const MAX_NETWORKS = 20;

export interface Network {
  fences: Fence[];
  sidecar: string | null;
  start: number;
}

export interface Claim {
  text: Folded;
  /** indices into the file's displays: the first, and any that continue it */
  displays: number[];
  network: number;
  /** why it is not handed to analyze(), or why it was not judged */
  skip: string | null;
  /** skipped for the count of equations or networks: one error covers all of them */
  quiet?: boolean;
  /** stopped by a size limit (its skip names it): an unjudged claim, so an error, never a quiet "not checked" */
  limit?: boolean;
  /** generated line of its check statement */
  genLine: number;
  /** for each side after the first: its file offsets (start, end) */
  sides: { start: number; end: number }[];
  /** its where clauses checked as equations of their own: where each begins, and its right side (file offsets) */
  clauses?: { start: number; side: { start: number; end: number } }[];
  /** its own \tag in a display of several equations (align rows tagged one by one); else null */
  tag?: string | null;
  /** it is one of several equations of its display: only its own rows' labels are its (session 14: an align's
   *  one \tag labelled every row) */
  shared?: boolean;
  /** the rows of its displays, in file order: where each starts and its own \tag (a later link's label) */
  rowStarts?: { start: number; tag: string | null; label: string | null }[];
  /** the claim's \label{…} name, where it has no printed tag (`tag` is then null): its label after every printed one */
  named?: string | null;
  /** notation of its display that does not read (an evaluation bar it cannot bind): skipped, saying so */
  unread?: string;
  /** the written link of each link read, when a side that does not read was left out (dropUnreadSide) */
  links?: number[];
  /** the name it defines by a derivative (δ_t = ∂L/∂a_t): a line of the network, read by the claims after it */
  defines?: string;
  /** what `defines` is defined by, when not a derivative (δ_3 = 1 − s_3² alone on its line) */
  definedBy?: 'formula' | 'value' | 'activation';
  /**
   * its first link labels a derivative (CS224n's δ_1 = ∂J/∂θ_2 = …): the name, that link's file span, its generated
   * line in the network, and the error that line met (δ_1^{(2)}, a derivative's name at one step), if any
   */
  label?: { name: string; by: ChainLabel['by']; start: number; end: number; line: number; problem?: string; before?: true };
  /** the macros its display defines (`$$\newcommand{\pd}…$$`), without the backslash */
  macros?: string[];
  /** written in inline math (Let $δ_t = ∂L/∂h_t$): no claim, read only for the name it defines (displays: none) */
  inline?: boolean;
  /**
   * its where clause defines a letter it reads (`… \quad \text{where } e_t = d_t − h_t`): the name, and the clause's
   * file span (the clause is a line of the network, blanked in the check)
   */
  whereDefines?: { name: string; start: number; end: number; by: 'formula' | 'value' };
}

/** the spacing that sets a second equation of a row apart (`A_t = 1 − u_t, \quad B_t = u_t`): no part of its text */
const LEADING_SPACING = /^(?:\s|\\(?:q?quad|[,;:! ]|enspace|hfill)(?![A-Za-z]))*/;

/**
 * The left side of `A_t = 1 − u_t` when A is the unknown name the error is about: the student defines a
 * name of their own (seed 000 eq. (11)), which is no claim about the network.
 */
function definedName(chars: string, why: Diagnostic): string | null {
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

const ORDER: Record<CheckStatus, number> = { holds: 0, 'holds-as-one-step': 1, 'holds-at-given-values': 2, fails: 3 };

/** ≤ ≥ < > as a bound writes them, outside braces and brackets (not the bounds of a Σ_{1≤t≤T}) */
const INEQUALITY = /^(?:\\(?:leqslant|geqslant|leq|geq|le|ge|lesssim|gtrsim|ll|gg)(?![A-Za-z])|[≤≥<>⩽⩾≲≳≪≫])/;

/** ≈ ≃ as an approximation writes them (a number after ≈ is a link of its own: display.ts) */
const APPROX = /^(?:\\(?:approx|simeq|thickapprox)(?![A-Za-z])|[≈≃])/;

/** ≤ ≥ < > as a check line reads them between a bound's sides (not ≪ ≫ ≲ ≳: "much less" states no number) */
const BOUND = /^(?:\\(?:leqslant|geqslant|leq|geq|le|ge|lt|gt)(?![A-Za-z])|[≤≥<>⩽⩾])/;

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
  const math = clauseWords(text);
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
function inlineDefinitions(text: string, inline: Display[], networks: Network[], macros: Map<string, Macro>, claims: Claim[]): void {
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
const INLINE_FORMULA_HEAD = /^(?:\\[A-Za-z]+|\p{L})(?:_\{?[a-su-z]\}?)?(?:_\{?(?:[tT]|\d+)\}?|\((?:[tT]|\d+)\)|\^\{\((?:[tT]|\d+)\)\})$/u;

/**
 * "with learning rate $\eta = 0.1$": a constant of the solution's own, one letter equal to a number (constantDefinition);
 * not a matrix written in prose (seed 004's $U = \begin{bmatrix}…$, which restates the network's values)
 */
function inlineConstant(chars: string): string | null {
  const eqs = topLevelEqualsSigns(chars).filter((k) => chars[k] === '=');
  if (eqs.length !== 1 || !CONSTANT_NAME.test(chars.slice(0, eqs[0]).replace(/\s+/g, ''))) return null;
  return /^\s*-?\d+(?:\.\d+)?\s*$/.test(chars.slice(eqs[0]! + 1)) ? constantDefinition(chars) : null;
}

function inlineFormula(text: Folded): string | null {
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
function dropUnreadSide(c: Claim): { link: number; start: number; end: number; why: string } | null {
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

/** the \tag of the row (of the claim's displays) where file offset `at` lies, if that row has one */
function rowTag(c: Claim, at: number, which: 'tag' | 'label' = 'tag'): string | null {
  let found: string | null = null;
  let best = -1;
  for (const r of c.rowStarts ?? [])
    if (r.start <= at && r.start > best) {
      best = r.start;
      found = r[which];
    }
  return found;
}

export function analyzeSolution(
  text: string,
  kind: SolutionKind,
  options: { sidecar?: string | null; analyze?: AnalyzeOptions } = {},
): SolutionReport {
  const reading = readSolution(text, kind, options.sidecar ?? null);
  const out: SolutionReport = { networks: [], equations: [], diagnostics: [], checked: 0, skipped: 0 };
  if (!reading) return out;
  const { file, networks, claims } = reading;
  out.diagnostics.push(...reading.diagnostics);
  for (const e of reading.equations) {
    // networks past the limit are not analysed: their equations belong to none
    out.equations.push({
      range: e.range,
      network: e.network < MAX_NETWORKS ? e.network : null,
      tag: e.tag,
      status: 'skipped',
      message: '',
      checks: [],
    });
  }

  const limitWarned = new Set<number>();
  let networksWarned = false;
  networks.forEach((net, n) => {
    patternIndex(
      text,
      net,
      claims.filter((c) => c.network === n && !c.skip),
      file,
      out,
    );
    descentChanges(
      text,
      net,
      claims.filter((c) => c.network === n && !c.skip && !c.inline),
      file,
      out,
    );
    pdfSteps(
      text,
      net,
      claims.filter((c) => c.network === n && !c.skip),
      file,
      out,
    );
    pairLetters(
      text,
      net,
      claims.filter((c) => c.network === n && !c.skip),
      file,
      out,
    );
    setAsideInline(
      text,
      net,
      claims.filter((c) => c.network === n && c.inline && !c.skip),
    );
    const mine = claims.filter((c) => c.network === n && !c.skip);
    mine.slice(MAX_CLAIMS_PER_NETWORK).forEach((c, k) => {
      c.skip = `more than ${MAX_CLAIMS_PER_NETWORK.toLocaleString('en')} equations for one network (limit)`;
      c.quiet = true;
      c.limit = true;
      if (k === 0) limitWarned.add(claims.indexOf(c));
    });
    if (n >= MAX_NETWORKS) {
      for (const c of mine) {
        c.skip = `more than ${MAX_NETWORKS} networks in one file (limit)`;
        c.quiet = true;
        c.limit = true;
      }
      // one warning for all of them, at the first equation not analysed
      if (mine[0] && !networksWarned) limitWarned.add(claims.indexOf(mine[0]));
      if (mine[0]) networksWarned = true;
      return;
    }
    const { report, gen, networkLines, analysed } = analyzeSafely(text, net, mine.slice(0, MAX_CLAIMS_PER_NETWORK), options.analyze);
    out.networks.push({ report, range: net.fences[0] ? file.range(net.fences[0].start, net.fences[0].end) : null });
    collect(report, gen, file, net, networkLines, analysed, reading.displays, out, reading.equations, reading.skippedLinks);
  });

  otherNetworksNames(claims, out);

  // equations: their links, status and message
  const skippedClaims = claims.filter((c) => c.skip);
  const definitionsOf = new Map<number, Claim[]>();
  for (const c of skippedClaims) {
    for (const d of c.displays) {
      const eq = out.equations[d]!;
      if (eq.checks.length) continue;
      eq.message = `not checked: ${c.skip}`;
      if (c.defines && c.definedBy !== 'activation') definitionsOf.set(d, [...(definitionsOf.get(d) ?? []), c]);
    }
  }
  // Greff's δy^t = ∂L/∂y^t, \qquad δc^t = ∂L/∂c^t, … in one display: every name it defines said, not the last alone
  for (const [d, cs] of definitionsOf) {
    if (cs.length < 2 || cs.some((c) => c.definedBy !== cs[0]!.definedBy)) continue;
    const by = cs[0]!.definedBy === 'formula' ? 'the formulas after them' : cs[0]!.definedBy === 'value' ? 'their values' : 'derivatives';
    out.equations[d]!.message =
      `not checked: it defines ${andList(cs.map((c) => c.defines!))} by ${by}, names of the solution's own: the equations${cs[0]!.definedBy === 'value' ? ' that read them' : ' after it'} use them as defined here`;
  }
  for (const eq of out.equations) {
    if (!eq.checks.length) {
      eq.status = 'skipped';
      if (!eq.message) eq.message = 'not checked';
      continue;
    }
    const worst = eq.checks.reduce((a, b) => (ORDER[b.status] > ORDER[a.status] ? b : a));
    eq.status = worst.status;
    // the message explains the status shown beside it: the first link with the worst verdict
    eq.message = worst.message;
  }
  const claimsOf = new Map<number, number>();
  for (const c of claims) for (const d of c.displays) claimsOf.set(d, (claimsOf.get(d) ?? 0) + 1);
  claims.forEach((c, i) => {
    if (!c.skip) return;
    // an align's rows past a limit, beside its checked rows: counted and listed as the skipped equations they are
    // ("1000 equations: 1000 checked, 0 skipped" was said of 1,100 rows, the last 100 unjudged)
    if (c.quiet && c.limit) unreadBeside(c, reading.displays, out, file);
    if (c.quiet && !limitWarned.has(i)) return;
    if (c.quiet) {
      const first = reading.displays[c.displays[0]!]!;
      // a limit that stops equations leaves claims unjudged: an error, so `unroll check` cannot pass them
      out.diagnostics.push({
        ...file.range(first.start, first.end),
        severity: 'error',
        code: 'limit',
        message: `this and the following equations are not checked: ${c.skip}`,
      });
      return;
    }
    // a definition in inline math: said at its own text, which is no equation of the count
    if (c.inline) {
      const at = c.text.at.filter((_, k) => c.text.chars[k]!.trim());
      if (at.length)
        out.diagnostics.push({
          ...file.range(Math.min(...at), Math.max(...at) + 1),
          severity: 'information',
          code: 'solution-skipped',
          message: `inline math is not checked; ${c.skip}`,
        });
      return;
    }
    // one information per skipped equation: a chain spread over several displays gets one on each
    c.displays.forEach((d, k) => {
      const shown = reading.displays[d]!;
      // in a display of several equations (`A = B, \quad C = D`, an align's rows), on this one's own text: the
      // whole display said "not checked" of equations beside it that were checked
      const own = (claimsOf.get(d) ?? 0) > 1 ? ownSpan(c, shown) : null;
      const range = own ? file.range(own.start, own.end) : file.range(shown.start, shown.end);
      out.diagnostics.push({
        ...range,
        severity: c.limit ? 'error' : 'information',
        code: c.limit ? 'limit' : 'solution-skipped',
        message: `not checked: ${c.skip}`,
      });
      // beside equations of its display that were checked, it is shown and counted as the equation it is: an align's
      // unread row vanished behind its neighbours' "✓ holds", and "1 equation: 1 checked, 0 skipped" (session 41)
      const eq = out.equations[d]!;
      if (k === 0 && eq.status !== 'skipped')
        (eq.unread ??= []).push({ line: range.line, ...(c.tag ? { tag: c.tag } : {}), message: `not checked: ${c.skip}` });
    });
  });
  linksNotChecked(out, reading.skippedLinks);
  for (const eq of out.equations) {
    if (eq.status === 'skipped') out.skipped++;
    else out.checked += equationRows(eq).length;
    out.skipped += eq.unread?.length ?? 0;
  }
  out.diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  return out;
}

/**
 * Each checked equation's links that were not checked, from the informations that say so where they are written
 * (`link 2 not checked: …`): its verdict is its judged links', and the text and JSON list these beside them — an
 * equation shown "✓ holds" hid a link left unjudged (the CLI's text shows no such information on its own)
 */
function linksNotChecked(out: SolutionReport, skippedLinks: SolutionReading['skippedLinks']): void {
  const before = (a: { line: number; column: number }, b: { line: number; column: number }) =>
    a.line < b.line || (a.line === b.line && a.column <= b.column);
  for (const d of out.diagnostics) {
    const link = skippedLinks.get(d);
    if (link === undefined) continue;
    const eq = out.equations.find(
      (e) => e.status !== 'skipped' && before(e.range, d) && before(d, { line: e.range.endLine, column: e.range.endColumn }),
    );
    if (!eq || eq.checks.some((ch) => (ch.link ?? 1) === link)) continue;
    (eq.linksNotChecked ??= []).push({ link, line: d.line, column: d.column, message: d.message.replace(/^link \d+ /, '') });
  }
}

/**
 * the equations of a checked display, each with its verdict (the worst of its links), line and tag: an align whose
 * rows have their own left sides (each row's first link is a link 1) is that many equations, as its unread rows are
 * counted one each ("2 equations: 1 checked (1 holds), 1 skipped" was said of five rows, four judged, one failing);
 * any other display is one, with the display's verdict
 */
export function equationRows(eq: EquationResult): { status: CheckStatus; line: number; tag: string | null; cell?: number }[] {
  const rows: CheckReport[][] = [];
  for (const c of new Set(eq.checks))
    if ((c.link ?? 1) === 1 || !rows.length) rows.push([c]);
    else rows.at(-1)!.push(c);
  // a notebook's: the cell of the line (cellPlaces.ts)
  const cell = (x: { cell?: number }) => (x.cell !== undefined ? { cell: x.cell } : {});
  if (rows.length < 2 || eq.status === 'skipped')
    return [{ status: eq.status as CheckStatus, line: eq.range.line, tag: eq.tag, ...cell(eq.range) }];
  return rows.map((r) => ({
    status: r.reduce((a, b) => (ORDER[b.status] > ORDER[a.status] ? b : a)).status,
    line: r[0]!.line,
    tag: r[0]!.tag ?? null,
    ...cell(r[0]!),
  }));
}

/** a claim left unjudged in a display whose other claims were checked: one of the display's unread rows, on its own line */
function unreadBeside(c: Claim, displays: SolutionReading['displays'], out: SolutionReport, file: LineIndex): void {
  const d = c.displays[0];
  const eq = d === undefined ? undefined : out.equations[d];
  if (!eq?.checks.length) return;
  const shown = displays[d!]!;
  const own = ownSpan(c, shown) ?? shown;
  (eq.unread ??= []).push({
    line: file.range(own.start, own.end).line,
    ...(c.tag ? { tag: c.tag } : {}),
    message: `not checked: ${c.skip}`,
  });
}

/** an information that says a chain's link was not checked, marked with its link (a label's definition is no such link) */
const skippedLink = (links: SolutionReading['skippedLinks'], link: number, d: Diagnostic): Diagnostic => (links.set(d, link), d);

/** the file span of a claim's own written text inside one display (its first to its last character there), or null */
function ownSpan(c: Claim, shown: { start: number; end: number }): { start: number; end: number } | null {
  let start = -1,
    end = -1;
  const lead = LEADING_SPACING.exec(c.text.chars)![0].length;
  c.text.at.forEach((o, k) => {
    if (k < lead || o < shown.start || o >= shown.end || !c.text.chars[k]?.trim()) return;
    if (start < 0 || o < start) start = o;
    if (o + 1 > end) end = o + 1;
  });
  return start < 0 ? null : { start, end };
}

/**
 * `Δw = −η ∂E/∂w` where the network names the learning rate: Δw is the change gradient descent makes (descentChange.ts),
 * said in an information
 */
function descentChanges(text: string, net: Network, mine: Claim[], file: LineIndex, out: SolutionReport): void {
  let known: { params: Set<string>; names: Set<string>; loss: string | null } | null = null;
  for (const c of mine) {
    if (!/^\s*(?:\\Delta|Δ)/.test(c.text.chars)) continue;
    if (!known) {
      const network = networkText(text, net);
      const { names, params } = networkNames(network);
      known = { names, params, loss: compile(network).model.loss?.replace(/#$/, '') ?? null };
    }
    const d = descentChange(c.text, known.params, known.names, known.loss);
    if (!d) continue;
    c.text = d.text;
    const at = d.text.at.filter((_, k) => d.text.chars[k]!.trim());
    out.diagnostics.push({
      ...file.range(Math.min(...at), Math.max(...at) + 1),
      severity: 'information',
      code: 'solution-descent-change',
      message: `${d.read}: the change a step of gradient descent makes, with the network's learning rate`,
    });
  }
}

/** Greek letters a solution names its errors with (δt, εt pasted from a PDF): σ and π are functions and constants */
const ERROR_LETTERS = [...'αβγδεζηθικλμνξρτυφχψω'];

/**
 * Equations pasted from a PDF as plain text (pdfPaste.ts): `ht−1`, `h t`, `δt+1` read as h_{t-1}, h_t, δ_{t+1}, with
 * an information on each saying what was read so
 */
function pdfSteps(text: string, net: Network, mine: Claim[], file: LineIndex, out: SolutionReport): void {
  let seqs: string[] | null = null;
  let names: ReadonlySet<string> | null = null;
  for (const c of mine) {
    if (/[\\_^]/.test(c.text.chars)) continue;
    if (!seqs) {
      const network = networkText(text, net);
      names = networkNames(network).names;
      const timed = timedNames(network);
      // (the targets too: `yt` is y_t as `xt` is x_t)
      const { model } = compile(network);
      const seq = (n: string) => timed(n) || model.decls.get(n)?.kind === 'target';
      seqs = [...names].filter((n) => !n.includes('_') && seq(n)).concat(ERROR_LETTERS.filter((g) => !names!.has(g)));
    }
    const known = names!;
    const { text: read, read: what } = flattenedSteps(c.text, seqs, (n) => known.has(n));
    if (!what.length) continue;
    c.text = read;
    const at = read.at.filter((_, k) => read.chars[k]!.trim());
    const shown = what.filter((w, k) => what.findIndex((x) => x.written === w.written) === k);
    out.diagnostics.push({
      ...file.range(Math.min(...at), Math.max(...at) + 1),
      severity: 'information',
      code: 'solution-flattened-step',
      message: `${andList(shown.slice(0, 4).map((w) => `${w.written} is read as ${w.as}`))}${shown.length > 4 ? ', …' : ''}: a step written on the line, as text copied from a PDF has its subscripts`,
    });
  }
}

/**
 * Letters with two steps defined by a derivative (`δ_{t,k} = ∂L_t/∂z_k`, pairStepLetter.ts): each later use is written
 * out as the derivative it names. The definition is no claim (inline, it is set aside; a display's first side is
 * dropped, so its chain begins at the derivative), and an information there says how the letter is read
 */
function pairLetters(text: string, net: Network, mine: Claim[], file: LineIndex, out: SolutionReport): void {
  const pairs: PairLetter[] = [];
  let names: ReadonlySet<string> | null = null;
  for (const c of mine) {
    const d = pairDefinition(c.text.chars);
    const letter = d && (d.pair.letter.startsWith('\\') ? (GREEK_LETTERS[d.pair.letter.slice(1)] ?? d.pair.letter) : d.pair.letter);
    // (a letter the network defines keeps its reading; one defined before and restated is its definition again)
    names ??= d ? networkNames(networkText(text, net)).names : null;
    if (d && letter && !names?.has(letter)) {
      if (!pairs.some((p) => p.letter === d.pair.letter)) {
        pairs.push(d.pair);
        const at = c.text.at.slice(0, d.end).filter((_, k) => c.text.chars[k]!.trim());
        if (at.length)
          out.diagnostics.push({
            ...file.range(Math.min(...at), Math.max(...at) + 1),
            severity: 'information',
            code: 'solution-pair-letter',
            message: `${letter} with two steps is read as ${d.pair.shown} wherever it is written (a derivative of the loss at one step by another step: no quantity of the network has two steps), for the steps it reaches (${d.pair.shown.replace(/.*_(\w)\/.*_(\w)$/, '$2 ≤ $1')})`,
          });
      }
      if (c.inline) {
        c.skip = 'inline math: it defines a letter with two steps';
        c.quiet = true;
        continue;
      }
      // the chain goes on from the derivative
      c.text = { chars: ' '.repeat(d.head) + c.text.chars.slice(d.head), at: c.text.at };
      if (!c.text.chars.slice(d.end).trim()) {
        c.skip = `it defines ${letter} with two steps as ${d.pair.shown}: no equation to check`;
        continue;
      }
    }
    const uses: [string, string][] = [];
    for (const p of pairs) c.text = writePairs(c.text, p, uses);
    const range = uses.length ? pairRange(c.text.chars, uses) : null;
    if (!range) continue;
    // written after the claim, its characters on the claim's last
    const tail = ` \\quad \\text{for } ${range}`;
    const last = c.text.at[c.text.at.length - 1] ?? 0;
    c.text = {
      chars: c.text.chars.replace(/\s+$/, '') + tail,
      at: [...c.text.at.slice(0, c.text.chars.replace(/\s+$/, '').length), ...tail.split('').map(() => last)],
    };
  }
}

/**
 * inline definitions of a name the network has (where $h_t = …$ restating an equation of the block): no definition
 * of the solution's own, and inline math is no claim, so they are set aside, silently
 */
function setAsideInline(text: string, net: Network, inline: Claim[]): void {
  if (!inline.length) return;
  const network = networkText(text, net);
  const names = networkNames(network).names;
  let timed: ((name: string) => boolean) | null = null;
  for (const c of inline) {
    const name = derivativeDefinition(c.text.chars) ?? inlineFormula(c.text) ?? inlineConstant(c.text.chars);
    // prose saying what δ stands for, Bodén's `$δ = −∂E/∂net$` with net a sequence written with no step, defines no δ
    // (it made δ one value, and every later δ_{pj}(t) "δ has no step: it is defined once")
    if (!name || names.has(name) || names.has(letterOf(name)) || stepless(c.text.chars, (timed ??= timedNames(network)))) {
      c.skip = 'inline math, not a definition of the solution';
      c.quiet = true;
    }
  }
}

/** the network's sequences */
function timedNames(network: string): (name: string) => boolean {
  const { model } = compile(network);
  // (not a name that is also one value: MIT's loss L beside its steps L_t, `∂L/∂s_t`)
  return (name) =>
    (model.quantities.get(name)?.timed === true && !model.quantities.has(untimedTwinKey(name))) || model.decls.get(name)?.kind === 'input';
}

/** a derivative's ∂X written with X a sequence of the network and no step, index or superscript after it */
function stepless(chars: string, timed: (name: string) => boolean): boolean {
  for (const m of chars.matchAll(/\\partial\s*(\\?[A-Za-z]+)(?![A-Za-z_^({['])/g)) if (timed(m[1]!.replace(/^\\/, ''))) return true;
  return false;
}

/**
 * Rumelhart's, Bodén's and Guo's training pattern p (δ_{pj}, Σ_p) read over the network's one sequence
 * (patternIndex.ts), each claim that writes it said so at its first p; not where the network has a name p
 */
function patternIndex(text: string, net: Network, claims: Claim[], file: LineIndex, out: SolutionReport): void {
  if (!claims.some((c) => /_\{p[A-Za-su-z]\}/.test(c.text.chars))) return;
  const { model } = compile(networkText(text, net));
  if (model.decls.has('p') || model.quantities.has('p')) return;
  for (const c of claims) {
    const read = dropPatternIndex(c.text, (name) => {
      const shape = model.decls.get(name)?.shape ?? model.quantities.get(name)?.shape;
      return shape ? shape.length : null;
    });
    if (!read) continue;
    out.diagnostics.push({
      ...file.range(read.at, read.at + 1),
      severity: 'information',
      code: 'pattern-index',
      message: `p is read as the index of the training pattern (${read.example}, as Rumelhart, Bodén and Guo write it): the network is one sequence, one pattern, so ${read.example} is ${read.example.replace(/_\{p(.)\}/, '_$1')} and a Σ_p is its one term`,
    });
  }
}

/** analyses the engine may attempt to find the claims that make it throw */
const MAX_ATTEMPTS = 24;

/** analyze() on the network and its claims; should the engine throw (a bug, not a verdict), the
 *  claims that make it throw are found by halving and skipped with its message, so one claim never
 *  takes the others down */
function analyzeSafely(text: string, net: Network, claims: Claim[], options: AnalyzeOptions | undefined) {
  let attempts = 0;
  const attempt = (cs: Claim[]): Error | null => {
    attempts++;
    try {
      analyze(generate(text, net, cs).gen.text, options);
      return null;
    } catch (e) {
      // the editor's worker dropping an outdated version: no claim is to blame
      if (e instanceof Cancelled) throw e;
      return e instanceof Error ? e : new Error(String(e));
    }
  };
  const fail = (cs: Claim[], e: Error) => {
    for (const c of cs) c.skip = `could not be analysed (${e.message})`;
  };
  const isolate = (cs: Claim[], e: Error): void => {
    if (cs.length === 1 || attempts >= MAX_ATTEMPTS) return fail(cs, e);
    const halves = [cs.slice(0, cs.length >> 1), cs.slice(cs.length >> 1)];
    for (const h of halves) {
      const err = attempt(h);
      if (err) isolate(h, err);
    }
  };
  for (;;) {
    const good = claims.filter((c) => !c.skip);
    const { gen, networkLines } = generate(text, net, good);
    try {
      // the claims that define a name are lines of the network (generate)
      const checks = good.filter((c) => !c.defines && !c.inline).length;
      return { report: analyzeGenerated(gen.text, networkLines, checks, options), gen, networkLines, analysed: good };
    } catch (e) {
      if (e instanceof Cancelled) throw e;
      const err = e instanceof Error ? e : new Error(String(e));
      if (!good.length) {
        // the network alone: nothing to analyse, one error at its first line
        const report = emptyReport([
          {
            line: 1,
            column: 1,
            endLine: 1,
            endColumn: 2,
            severity: 'error',
            code: 'internal',
            message: `the network could not be analysed: ${err.message}`,
          },
        ]);
        return { report, gen, networkLines, analysed: good };
      }
      if (attempt([])) {
        fail(good, err);
        continue;
      }
      isolate(good, err);
      // claims that throw only together, or past the attempts: what is left unresolved is skipped too
      if (good.every((c) => !c.skip)) fail(good, err);
    }
  }
}

/** analyze() of a generated text, with the claims seen before taken from the cache (claimCache.ts) */
function analyzeGenerated(genText: string, networkLines: number, claims: number, options: AnalyzeOptions | undefined): Report {
  return symbolsInSourceOrder(analyzeOrCached(genText, networkLines, claims, options));
}

/**
 * the symbol occurrences in the order they are written: the resolver records them by its phases (a sidecar's own checks
 * after the network's definitions), and the claim cache puts a kept claim's back after the network's, so the two
 * orders differed where an edit changed which claims were analysed (claimCache.test.ts, seed 1708871764)
 */
function symbolsInSourceOrder(r: Report): Report {
  r.symbols.sort(
    (a, b) =>
      a.line - b.line ||
      a.column - b.column ||
      a.endLine - b.endLine ||
      a.endColumn - b.endColumn ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) ||
      (a.role < b.role ? -1 : a.role > b.role ? 1 : 0),
  );
  return r;
}

function analyzeOrCached(genText: string, networkLines: number, claims: number, options: AnalyzeOptions | undefined): Report {
  const lines = genText.split('\n');
  // one line per claim and a final newline, else (a claim spanning lines) the whole text as it is
  if (!claimCacheEnabled() || lines.length !== networkLines + claims + 1) return analyze(genText, options);
  return analyzeClaims(
    {
      network: lines
        .slice(0, networkLines)
        .map((l) => l + '\n')
        .join(''),
      claims: lines.slice(networkLines, networkLines + claims),
    },
    options,
  );
}

/** the generated .rnn text: the network's lines, then one check line per claim */
function generate(text: string, net: Network, claims: Claim[]): { gen: GeneratedText; networkLines: number } {
  const gen = new GeneratedText();
  // the network's own names, read once and only when a claim may define a name of its own
  let network: NetworkNames | null = null;
  const names = () => (network ??= networkNames(networkText(text, net)));
  // an equation that names a derivative (δ_t = ∂L/∂a_t, a name the network does not have) joins the network,
  // so that the equations after it read δ as it is defined (language-notes, "Names defined by a derivative")
  // (not δp_i = Σ_t … with p_i a parameter: Greff's gradient ∂L/∂p_i, a claim — resolve/names.ts deltaOfParameter)
  const own = claims.map((c) => {
    const name = derivativeDefinition(c.text.chars);
    if (name && name.startsWith('δ') && deltaOfParameterLine(c.text.chars, names().params)) return null;
    // code's dc_t = dh_t ⊙ o_t ⊙ … + f_{t+1} ⊙ ∂L/∂c_{t+1} (Kouridi's backward step): dc is ∂L/∂c already (resolve/names.ts
    // codeGradient), so a display is a claim about it, as dv_t = ŷ_t − y_t is. Inline math that says what dX means
    // (Sutskever's "$du_t = \frac{∂L}{∂u_t}$") still defines it: the messages then write du_t as the student does
    // (dW_x = Σ_t … with W_x a parameter: its base dW is no name of the network, the name written is W_x's gradient)
    const code = (n: string) => isCodeGradientName(n, names().names);
    return name && !c.inline && (code(name) || (name.startsWith('d') && code(definedNameWritten(c.text.chars) ?? name))) ? null : name;
  });
  // δ^L_j = … (Nielsen's BP1, entry j) where the network defines δ_t: a claim about it. So is a name the solution
  // defined before (Let $δc_t = ∂L/∂c_t$, then $$δc_t = δh_t o_t … + δc_{t+1} f_{t+1}$$): it was "defined twice"
  const defined = new Set<string>();
  // (and δ^L_j = … after the solution's own δ^l_j ≡ ∂C/∂z^l_j: BP1 by entry, at the last layer, under the δ defined)
  const entryOfDefined = (name: string, chars: string) => defined.has(name.split('_')[0]!) && lastLayerEntry(chars);
  const defines = own.map((name, i) => {
    if (
      !name ||
      defined.has(name) ||
      names().names.has(name) ||
      names().names.has(letterOf(name)) ||
      entryOfDefined(name, claims[i]!.text.chars)
    )
      return null;
    defined.add(name);
    return name;
  });
  const labels = chainLabels(
    claims.filter((_, i) => !defines[i]),
    (n) => defined.has(n) || names().names.has(n),
    (n) => names().params.has(n),
  );
  // `δ_3 = 1 − s_3²` alone on its line: a name of the solution's own defined by a formula of the network's names at a
  // step, as a chain's first link defines it (label.ts), for the equations after it (session 41: "unknown name δ" on
  // every later line, where the same with `= …` after it defined δ_3). One definition per name as written (δ_3, δ_2)
  // (not a name the network writes, its definition broken or not: `o_2 = 2 h_2` is about o, "not available")
  // (nor a letter the solution defined before at an entry: Jaeger's `δ_j(t) = −∂E/∂net_j(t)` defines δ for every unit,
  // and his vector form `δ(t) = f'(net(t)) ⊙ […]` after it is a claim about it)
  const definedBases = new Set([...defined].map((n) => n.split('_')[0]!));
  let sequences: ((name: string) => boolean) | null = null;
  const formulas = formulaDefinitions(
    claims,
    defines,
    labels,
    (n) => defined.has(n) || definedBases.has(n) || names().written.has(n),
    (n) => (sequences ??= timedNames(networkText(text, net)))(n),
  );
  // a label's line defines a name with no step of the network's (δ_2 is a name of its own): were the objective left
  // unmarked, that line, the last scalar with no time index, would take its place — so it is marked as it is read
  const pin = labels.some((l) => l.label.by === 'formula') || formulas ? names().unmarkedObjective : 0;
  if (net.sidecar !== null) {
    const sidecar = net.sidecar.endsWith('\n') ? net.sidecar : net.sidecar + '\n';
    sidecar.split(/(?<=\n)/).forEach((l) => {
      if (gen.currentLine === pin) gen.pushAt('loss ', 0);
      gen.push(l, () => 0);
    });
  }
  for (const f of net.fences) {
    for (const l of f.lines) {
      if (gen.currentLine === pin) gen.pushAt('loss ', l.start);
      gen.push(text.slice(l.start, l.end) + '\n', (i) => l.start + i);
    }
  }
  claims.forEach((c, i) => {
    const name = defines[i];
    if (!name) return;
    c.defines = name;
    const by = formulas?.get(c);
    if (by) c.definedBy = by;
    c.genLine = gen.currentLine;
    const at = c.text.at;
    gen.push(c.text.chars, (k) => at[k]!);
    gen.pushAt('\n', (at[at.length - 1] ?? at[0] ?? 0) + 1);
    c.sides = [];
  });
  for (const { claim, label } of labels) pushLabel(claim, label, gen);
  // `… \quad \text{where } e_t = d_t − h_t` (Williams & Zipser): a where clause defining a letter of the solution's own
  // that the claim reads joins the network, as the row form `…, \qquad e_t = d_t − h_t` does (formulaDefinitions)
  for (const c of claims) {
    if (c.defines || c.inline || c.skip || c.label || !/where|with/.test(c.text.chars)) continue;
    const w = whereDefinition(c.text.chars, (n) => defined.has(n) || defines.includes(n) || names().written.has(n));
    if (!w) continue;
    const { chars, at } = c.text;
    gen.push(chars.slice(w.start, w.end), (k) => at[w.start + k]!);
    gen.pushAt('\n', at[w.end - 1]! + 1);
    c.text.chars = chars.slice(0, w.from) + ' '.repeat(w.end - w.from) + chars.slice(w.end);
    c.whereDefines = { name: w.name, start: at[w.start]!, end: at[w.end - 1]! + 1, by: w.by };
    defined.add(w.name);
  }
  const networkLines = gen.currentLine - 1;
  for (const c of claims) {
    if (c.defines || c.inline) continue;
    c.genLine = gen.currentLine;
    const at = c.text.at;
    const anchor = at[0] ?? 0;
    gen.pushAt('check ', anchor);
    gen.push(c.text.chars, (i) => at[i]!);
    gen.pushAt('\n', (at[at.length - 1] ?? anchor) + 1);
    // each side's file span, to put a link's verdict on its own right side
    Object.assign(c, sideSpans(c.text));
  }
  return { gen, networkLines };
}

/** a network's own text, as generate() writes it before the claims: its sidecar, then its blocks' lines */
function networkText(text: string, net: Network): string {
  const sidecar = net.sidecar === null ? '' : net.sidecar.endsWith('\n') ? net.sidecar : net.sidecar + '\n';
  return sidecar + net.fences.map((f) => f.lines.map((l) => text.slice(l.start, l.end) + '\n').join('')).join('');
}

/**
 * CS224n's `δ_1 = ∂J/∂θ_2 = ŷ_2 − y_2` and `δ_2 = (y_2 − d_2) y_2 (1 − y_2) = (0.6455 − 1)(…)` (solution/label.ts): the
 * chains whose first link, a label, defines a name of the solution's own (`known`: a name the network has)
 */
function chainLabels(
  claims: Claim[],
  known: (name: string) => boolean,
  isParam: (name: string) => boolean,
): { claim: Claim; label: ChainLabel }[] {
  const out: { claim: Claim; label: ChainLabel }[] = [];
  // a label written again (δ_1 = ∂J/∂θ_2 = … restated) is the name as defined: that chain is a claim about it
  const heads = new Set<string>();
  for (const c of claims) {
    if (c.skip || c.inline) continue;
    const chars = c.text.chars;
    const label = chainLabel(chars, known, isParam);
    const head = label && chars.slice(0, label.first).replace(/\s+/g, '');
    if (!label || !head || heads.has(head)) continue;
    heads.add(head);
    out.push({ claim: c, label });
  }
  // a name labelled by a derivative somewhere (δ_t = ∂L/∂h_t = …) and by a formula elsewhere (δ_2 = (y_2 − d_2) … =
  // (0.6455 − 1)(…)), before or after it: the derivative defines it, and the formula's chain is a claim about δ_2 as
  // defined (both joined the network, and δ was "not available", or "unknown name δ" after a formula's δ_2)
  const byDerivative = new Set(out.flatMap((l) => (l.label.by === 'derivative' ? [l.label.name] : [])));
  return byDerivative.size ? out.filter((l) => l.label.by === 'derivative' || !byDerivative.has(l.label.name)) : out;
}

/** a letter alone (γ, \gamma, c): the left side of a constant's definition */
const CONSTANT_NAME = /^(?:\\[A-Za-z]+|\p{L})$/u;
/**
 * a letter (or a Greek command) at a numbered step, δ_3, δ_{3}, δ^{(3)}: a general step's `A_t = 1 − u_t` stays "not a
 * name of the network: the equation defines it" (seed 000's (11), pinned so)
 */
const STEP_NAME = /^(?:\\[A-Za-z]+|\p{L})(?:_\{?\(?\d+\)?\}?|\^\{\(\d+\)\})$/u;

/**
 * the same letter at a general step (e_t, e_{t-1}, e^{(t)}, e_T, and Mikolov's e(t)): a definition where an equation
 * reads it (formulaDefinitions)
 */
const GENERAL_STEP_NAME = /^(?:\\[A-Za-z]+|\p{L})(?:_\{?[tT](?:[+-]\d+)?\}?|\^\{\([tT](?:[+-]\d+)?\)\}|\([tT](?:[+-]\d+)?\))$/u;
/**
 * a name of code at the general step, upright or not (Trask's \text{output\_delta}_t, hidden_delta_t): defined by a
 * formula as a letter's e_t is (formulaDefinition's CODE_NAME says which names)
 */
const CODE_STEP_NAME = /^(?:\\(?:text|mathrm|texttt)\{)?[A-Za-z]{3,}(?:\\?_[A-Za-z0-9]+)+\}?_\{?[tT](?:[+-]\d+)?\}?$/;
/** Rojas's D^{(2)}_t, D_t^{(1)}: the letter with a layer's tag at the general step (formulaDefinition reads it so) */
const LAYER_STEP_NAME = /^(?:\\[A-Za-z]+|\p{L})(?:\^\{\(\d+\)\}_\{?[tT]\}?|_\{?[tT]\}?\^\{\(\d+\)\})$/u;

/**
 * a left side with its font commands taken off, \mathbf{D}_t as D_t (Lukoševičius's bold letters in a where clause,
 * `…, \quad \mathbf{D}_t = \mathrm{diag}(…)`: the head tests above saw no letter, and D was "unknown name")
 */
const unfonted = (head: string): string =>
  head.replace(/\\(?:mathbf|boldsymbol|bm|mathrm|mathit|mathsf|mathnormal|symbf|symit|symup)\s*\{([^{}]*)\}/g, '$1');

/** whether an equation's text writes the name (a name token of it, or it with a step glued on: e_t) */
function readsName(chars: string, name: string): boolean {
  // a layer's tag is no part of a name token (D^{(2)}: the parser glues it, superscriptNames.ts): as written, then
  if (name.includes('^')) return chars.replace(/\s+/g, '').includes(name);
  const { tokens } = lex(chars);
  return tokens.some((t) => t.kind === 'name' && (t.text === name || t.text.startsWith(`${name}_`)));
}

/**
 * equations of one link that define a name of the solution's own by a formula (formulaDefinition: δ_3 = 1 − s_3²),
 * marked in `defines` (by their base name) and returned with how each defines (a formula, or a constant's value), or
 * null when there is none: not a name the network or an earlier
 * definition has, nor one a chain labels, and each left side as written once (a later δ_3 = … is a claim about it)
 */
function formulaDefinitions(
  claims: Claim[],
  defines: (string | null)[],
  labels: { claim: Claim; label: ChainLabel }[],
  known: (name: string) => boolean,
  timed: (name: string) => boolean,
): Map<Claim, 'formula' | 'value' | 'activation'> | null {
  const labelled = new Set(labels.map((l) => l.label.name));
  const claimed = new Set(labels.map((l) => l.claim));
  const heads = new Set<string>();
  let out: Map<Claim, 'formula' | 'value' | 'activation'> | null = null;
  /** the left side of a claim of one equation, as written (spaces and leading spacing commands dropped) */
  const headOf = (chars: string): string | null => {
    const eqs = topLevelEqualsSigns(chars).filter((k) => chars[k] === '=');
    if (eqs.length !== 1) return null;
    // the spacing before it dropped first: with the spaces gone, `\quad B_t` would read as a command \quadB
    return unfonted(chars.slice(0, eqs[0]).replace(LEADING_SPACING, '').replace(/\s+/g, ''));
  };
  claims.forEach((c, i) => {
    if (defines[i] || claimed.has(c) || c.skip) return;
    // Pearlmutter's e_i(t) = y_i(t) − d_i(t), unit by unit: its vector form e(t) = y(t) − d(t) (unitFormula.ts)
    const vector = vectorForm(c.text);
    let chars = vector && formulaDefinition(vector.chars) ? vector.chars : c.text.chars;
    let head = headOf(chars);
    if (head === null) return;
    // Arjovsky's D_k = diag(σ'(z_k)): the general step named k, read as t (stepLetter.ts)
    const renamed = c.inline || GENERAL_STEP_NAME.test(head) ? null : renamedStep(chars, head, timed);
    if (renamed !== null) [chars, head] = [renamed, headOf(renamed)!];
    const define = (name: string, by: 'formula' | 'value' | 'activation') => {
      heads.add(head!);
      defines[i] = name;
      if (vector && chars === vector.chars) c.text = vector;
      else if (renamed !== null) c.text = { ...c.text, chars: renamed };
      (out ??= new Map()).set(c, by);
    };
    // CS230's row `g_1 = \tanh` beside `a^{<t>} = g_1(…)`: the activation named, a line of the network (activationAlias.ts)
    const alias = c.inline || head.length > 20 ? null : activationAlias(chars);
    if (alias !== null) {
      if (!known(alias)) define(alias, 'activation');
      return;
    }
    // inline math (inlineDefinitions): a letter at the general step, per unit or not, where a later equation reads it
    if (c.inline) {
      const formula = INLINE_FORMULA_HEAD.test(head) && !heads.has(head) ? formulaDefinition(chars) : null;
      // "with learning rate $\eta = 0.1$": a constant of the solution's own, as a display alone defines one
      const constant =
        formula === null && head.length <= 40 && CONSTANT_NAME.test(head) && !heads.has(head) ? constantDefinition(chars) : null;
      const name = formula ?? constant;
      if (!name || labelled.has(name) || known(name) || known(letterOf(name))) return;
      if (!claims.slice(i + 1).some((d) => !d.inline && readsName(d.text.chars, name))) return;
      // a constant a display defines too (I2DL's "where $\gamma = 1$", then `…, \quad γ = 1 \tag{b1}`): the display's
      // definition, as before inline constants were read
      const again = `${head}=`;
      if (constant && claims.slice(i + 1).some((d) => !d.inline && d.text.chars.replace(/\s+/g, '').includes(again))) return;
      define(name, constant ? 'value' : 'formula');
      return;
    }
    // a cheap screen before a lex and a parse (STEP_NAME; N_{\text{total}} names a size, not this name at a step);
    // at a general step (e_t = d_t − h_t) as a where-clause, after an equation of its display that reads it
    // (Williams & Zipser's `∂E_t/∂w = −e_t ∂h_t/∂w, \qquad e_t = d_t − h_t`), or alone before an equation that reads
    // it ("Define $$e_t = d_t − h_t$$, then $$∂L/∂h_3 = −e_3$$": session 44; it was "define it in the rnn block", a
    // translation asked of the student). Seed 000's `A_t = 1 − u_t`, which no equation after it reads, defines
    // nothing and stays said so
    const prev = i > 0 ? claims[i - 1]! : null;
    const general =
      !STEP_NAME.test(head) &&
      (GENERAL_STEP_NAME.test(head) || LAYER_STEP_NAME.test(head) || (head.length <= 40 && CODE_STEP_NAME.test(head)));
    // a constant of the solution's own (Pascanu's `‖diag(σ'(x_k))‖ ≤ γ, \quad γ = 1/4`): a letter alone equal to numbers,
    // defined as a general step's name is, where an equation reads it (it was a range "for γ = 1..T−1", or unknown)
    const constant = !general && head.length <= 40 && CONSTANT_NAME.test(head) ? constantDefinition(chars) : null;
    // a letter with no step defined by a formula (`\vb{r} \triangleq \operatorname{softmax}(\vb{p}^{(T)}) − \vb{y}^{(T)}`, then
    // `∂L/∂b_p = r`): the solution's own name where an equation reads it, as a general step's is (probe 47: "unknown name r")
    const letter = !general && constant === null && head.length <= 40 && CONSTANT_NAME.test(head) ? letterDefinition(chars) : null;
    const clause = (general || constant !== null || letter !== null) && prev !== null && prev.displays.includes(c.displays[0]!);
    if (head.length > 40 || heads.has(head) || (!general && !constant && !letter && !STEP_NAME.test(head))) return;
    const name = constant ?? letter ?? formulaDefinition(chars);
    if (!name || labelled.has(name) || known(name) || known(letterOf(name))) return;
    // a later equation that reads it and does not define it again (a row's `e_t = d_t − h_t`, seed 000's answer
    // restated: `A_t = 1 − u_t, \qquad B_t = u_t (11)`)
    const again = `${head}=`;
    // (a letter's later equation reads it right of its first =: `A_t = 1 − u_t` after `A = 1 − u_1` defines A_t, it reads
    // no A, and taken as a use it was "A has no time index")
    const used = (chars: string) => (letter === null ? chars : chars.slice(chars.indexOf('=') + 1));
    const readLater = () =>
      claims
        .slice(i + 1)
        .some((d) => !d.inline && !unfonted(d.text.chars.replace(/\s+/g, '')).includes(again) && readsName(used(d.text.chars), name));
    if ((general || constant || letter) && !(clause && readsName(prev.text.chars, name)) && !readLater()) return;
    define(name, constant ? 'value' : 'formula');
  });
  return out;
}

/**
 * the where clause of a claim that defines a letter of the solution's own by a formula (formulaDefinition) which the
 * claim before it reads, and no name `known`: the clause's span, and where its `where` (with the spacing and comma
 * before it) begins. Only a claim's one clause, last on it
 */
function whereDefinition(
  chars: string,
  known: (name: string) => boolean,
): { name: string; from: number; start: number; end: number; by: 'formula' | 'value' } | null {
  const read = checkSides(chars);
  if (!read || read.clauses.length !== 1) return null;
  const { start, side } = read.clauses[0]!;
  const end = side[1];
  if (chars.slice(end).trim() !== '') return null;
  const formula = formulaDefinition(chars.slice(start, end));
  const name = formula ?? constantDefinition(chars.slice(start, end));
  if (!name || known(name) || known(letterOf(name)) || !readsName(chars.slice(0, start), name)) return null;
  const word = /(?:,\s*)?(?:\\(?:q?quad|[,;:! ])\s*)*(?:\\text\{\s*,?\s*(?:where|with)\s*\}|\b(?:where|with)\b)\s*$/.exec(
    chars.slice(0, start),
  );
  return word ? { name, from: word.index, start, end, by: formula ? 'formula' : 'value' } : null;
}

/** a label's first link joins the network as the name's definition, and is blanked (same length) in its chain */
function pushLabel(c: Claim, label: ChainLabel, gen: GeneratedText): void {
  const chars = c.text.chars;
  const at = c.text.at;
  // a step of gradient descent defines nothing (the network has one w): no line of the network, so no line's errors
  const line = label.by === 'step' ? -1 : gen.currentLine;
  if (label.second_side) {
    // ∂L/∂h_t = δ_t = …: the network reads `δ_t = ∂L/∂h_t`, each character at its place; the chain loses `= δ_t`
    const name = chars.slice(label.first + 1, label.second);
    gen.push(name, (k) => at[label.first + 1 + k]!);
    gen.push('=', () => at[label.first]!);
    gen.push(chars.slice(0, label.first), (k) => at[k]!);
    gen.pushAt('\n', at[label.second - 1]! + 1);
    const start = name.length - name.trimStart().length;
    const end = at[label.first + name.trimEnd().length]! + 1;
    c.label = { name: label.name, by: label.by, start: at[label.first + 1 + start]!, end, line, before: true };
    c.text.chars = chars.slice(0, label.first) + ' '.repeat(label.second - label.first) + chars.slice(label.second);
    c.links = label.links;
    return;
  }
  if (label.by !== 'step') {
    gen.push(chars.slice(0, label.second), (k) => at[k]!);
    gen.pushAt('\n', at[label.second - 1]! + 1);
  }
  const link = chars.slice(0, label.second);
  const start = link.length - link.trimStart().length;
  c.label = { name: label.name, by: label.by, start: at[start]!, end: at[link.trimEnd().length - 1]! + 1, line };
  c.text.chars = ' '.repeat(label.first + 1) + chars.slice(label.first + 1);
  c.links = label.links;
}

interface NetworkNames {
  /** the names it declares or defines (as written: an untimed twin L# is L), and those its lines define by a derivative */
  names: Set<string>;
  /** names as its lines write them, a definition with an error among them (o_t = 2 h_t under a broken h_t) */
  written: Set<string>;
  /** the line of its objective's equation when no `loss` marks it (the last scalar with no time index), else 0 */
  unmarkedObjective: number;
  /** its parameters (`param`): δ before one is the loss's gradient by it, no name a solution defines */
  params: Set<string>;
}

/** what a network's text names, and its objective when unmarked */
function networkNames(text: string): NetworkNames {
  const { model, symbols } = compile(text);
  const names = new Set([...model.decls.keys(), ...[...model.quantities.keys()].map((k) => k.replace(/#$/, ''))]);
  // every name its lines define or declare, those whose definition has an error too (no quantity of the model)
  const written = new Set(names);
  for (const s of symbols) if (s.role === 'definition' || s.role === 'declaration') written.add(s.name);
  // and the names its own lines define by a derivative (δ_t = ∂C/∂z_t), which are no quantities
  for (const line of text.split('\n')) {
    const d = line.includes('=') ? derivativeDefinition(line) : null;
    if (d) names.add(d);
  }
  const objective = model.loss ? model.quantities.get(model.loss) : undefined;
  const params = new Set([...model.decls.values()].filter((d) => d.kind === 'param').map((d) => d.name));
  return { names, written, unmarkedObjective: objective && !objective.isLoss ? objective.line : 0, params };
}

/**
 * the sides after the first of a chain E₀ = E₁ = …, as the parser reads them (a range or a where clause after the
 * last side is no part of it), and the where clauses checked on their own: file offsets of each
 */
function sideSpans(t: Folded): Pick<Claim, 'sides' | 'clauses'> {
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

const isRange = (o: Record<string, unknown>): boolean =>
  typeof o.line === 'number' && typeof o.column === 'number' && typeof o.endLine === 'number' && typeof o.endColumn === 'number';

/**
 * the file line a claim's equation begins on: its first character that is not blank. A row of an align after an
 * unread row begins its text with the blank that was that row's line break, so `at[0]` (where the generated line's
 * `check ` is anchored) lies on the row before it
 */
function claimLine(c: Claim, file: LineIndex): number {
  const k = c.text.chars.search(/\S/);
  return file.lineOf(c.text.at[k < 0 ? 0 : k] ?? c.text.at[0] ?? 0);
}

/** map every range (and every bare `line`) of a report from generated to file coordinates, in place */
function mapReport(
  report: Report,
  gen: GeneratedText,
  file: LineIndex,
  keepLinesUpTo: number,
  claimLines: ReadonlyMap<number, number>,
): void {
  const seen = new Set<object>();
  const walk = (o: unknown): void => {
    if (!o || typeof o !== 'object' || seen.has(o)) return;
    seen.add(o);
    if (Array.isArray(o)) {
      if (o.length && typeof o[0] === 'number') return;
      for (const x of o) walk(x);
      return;
    }
    const r = o as Record<string, unknown>;
    // messages name places too ("the '(' at 17:20", "on line 7"): those are the file's as well
    if (typeof r.message === 'string') r.message = mapMessage(r.message, gen, file, keepLinesUpTo, claimLines);
    if (isRange(r)) {
      if ((r.line as number) > keepLinesUpTo) Object.assign(r, gen.mapRange(r as unknown as Range, file));
    } else if (typeof r.line === 'number' && (r.line as number) > keepLinesUpTo) {
      r.line = file.lineOf(gen.offsetAt(r.line as number, 1));
    }
    for (const v of Object.values(r)) if (v && typeof v === 'object') walk(v);
  };
  walk(report);
}

/** a message's places as the file's: "on line N" of a check is the line its equation begins on (claimLines) */
function mapMessage(message: string, gen: GeneratedText, file: LineIndex, keep: number, claimLines: ReadonlyMap<number, number>): string {
  return (
    message
      .replace(/\bat (\d+):(\d+)\b/g, (all, l: string, c: string) => {
        if (+l <= keep) return all;
        const p = file.pos(gen.offsetAt(+l, +c));
        return `at ${p.line}:${p.column}`;
      })
      .replace(/\bon line (\d+)\b/g, (all, l: string) =>
        +l <= keep ? `${all} of the sidecar` : `on line ${claimLines.get(+l) ?? file.lineOf(gen.offsetAt(+l, 1))}`,
      )
      // "δ (line 16) has no step" (resolve/derived.ts): the line of a name's definition, which may be a claim's
      // (an inline `$δ_t = ∂L/∂h_t$`): it printed the generated text's line
      .replace(/\(line (\d+)([):])/g, (_all, l: string, end: string) =>
        +l <= keep ? `(line ${l} of the sidecar${end}` : `(line ${claimLines.get(+l) ?? file.lineOf(gen.offsetAt(+l, 1))}${end}`,
      )
  );
}

function collect(
  report: Report,
  gen: GeneratedText,
  file: LineIndex,
  net: Network,
  networkLines: number,
  claims: Claim[],
  displays: Display[],
  out: SolutionReport,
  read: SolutionReading['equations'],
  skippedLinks: SolutionReading['skippedLinks'],
): void {
  const byLine = new Map<number, Claim>();
  for (const c of claims) byLine.set(c.genLine, c);
  // sort diagnostics and checks by their generated line before mapping
  const claimDiags = new Map<Claim, Diagnostic[]>();
  const claimChecks = new Map<Claim, CheckReport[]>();
  const keptDiags: Diagnostic[] = [];
  // a claim left with a brace open reads on to the end of the text (no later line starts a statement), where its
  // syntax error is said: past the last claim's line, a diagnostic is the last claim's
  const last = claims.reduce<Claim | null>((a, c) => (!c.defines && (!a || c.genLine > a.genLine) ? c : a), null);
  const chainLabels = new Map(claims.flatMap((c) => (c.label ? [[c.label.line, c.label] as const] : [])));
  for (const d of report.diagnostics) {
    // a chain label's definition that does not stand (δ_1^{(2)}): said at its link, not as the network's error
    const label = d.severity === 'error' ? chainLabels.get(d.line) : undefined;
    if (label) {
      label.problem ??= d.message;
      continue;
    }
    const c = byLine.get(d.line) ?? (last && d.line > last.genLine ? last : undefined);
    if (c) claimDiags.set(c, [...(claimDiags.get(c) ?? []), d]);
    else keptDiags.push(d);
  }
  const keptChecks: CheckReport[] = [];
  // the network's own `check` lines (in its rnn block or sidecar), as a .rnn file has them
  const ownChecks: CheckReport[] = [];
  for (const ch of report.checks) {
    const c = byLine.get(ch.line);
    if (c) claimChecks.set(c, [...(claimChecks.get(c) ?? []), ch]);
    else {
      keptChecks.push(ch);
      ownChecks.push(ch);
    }
  }
  // a sidecar's own lines have no place in the solution file: they keep the sidecar's coordinates
  const keep = net.sidecar !== null ? networkLines : 0;
  const sidecarDiags = keptDiags.filter((d) => d.line <= keep);
  const sidecarChecks = new Set(ownChecks.filter((ch) => ch.line <= keep));
  const claimLines = new Map(claims.filter((c) => c.genLine > 0).map((c) => [c.genLine, claimLine(c, file)] as const));
  mapReport(report, gen, file, keep, claimLines);

  const verdicts: Diagnostic[] = [];
  const solutionDiags: Diagnostic[] = [];
  // the failing links made of an error already said where it is written (an undefined step, sides of two shapes)
  const saidWhereWritten = new Set<CheckReport>();
  // each judged link's label by the line its equation begins on: a later equation that carries its mistake over
  // names it as a grader does, "(1) on line 21" (check/carried.ts says "the check on line 21, link 2")
  const labels = new Map<string, string>();
  const labelled = (message: string) =>
    message.replace(/\bthe check on line (\d+)(?:, link (\d+))?/g, (_all, l: string, k?: string) => {
      const tag = labels.get(`${l}:${k ?? 1}`);
      return tag ? `(${tag}) on line ${l}` : `the equation on line ${l}${k ? `, link ${k}` : ''}`;
    });
  /** the families over entries a skipped equation defined (p^k_{ij}(t) = ∂y_k(t)/∂w_{ij}), by letter, and the line */
  const families = new Map<string, { def: NonNullable<ReturnType<typeof entryFamilyDefinition>>; line: number }>();
  for (const c of claims) {
    if (c.skip) continue;
    const diags = claimDiags.get(c) ?? [];
    const all = claimChecks.get(c) ?? [];
    // `where h_0 = 0` (the exercise's own data, written down: check/premise.ts) is no claim to judge
    const usable = all.filter((ch) => !ch.message.startsWith('cannot evaluate') && !ch.premise);
    if (c.defines && !diags.some((d) => d.severity === 'error')) {
      const by = c.definedBy === 'formula' ? 'the formula after it' : c.definedBy === 'value' ? 'its value' : 'a derivative';
      c.skip =
        c.definedBy === 'activation'
          ? `it names the activation ${c.defines}, a function of the solution's own: the equations that write ${c.defines}(…) read it so`
          : `it defines ${c.defines} by ${by}, a name of the solution's own: the equations${c.definedBy === 'value' ? ' that read it' : ' after it'} use it as defined here`;
      continue;
    }
    // a step the network does not have (x_{t-1} summed from t = 1, o_{T-i}): the equation reads and is wrong,
    // so it fails on that link — neither skipped (a wrong equation is not "not checked") nor left without a verdict
    // so does an equation whose two sides read with shapes that cannot be equal (x_t for h_{t-1} in ∂L/∂W: a 3×3 matrix
    // against a 3×2): it reads, and is wrong — only a transposed shape, which a layout could explain, stays unjudged;
    // and so does a product inside a side that only a transpose of its matrix (or vector) lets form (V ∇_o L for
    // Vᵀ ∇_o L, V 2×3): no layout multiplies it as written, and the transpose is the mend
    // a link's number as the chain writes it (after a label's link, the chain's own numbering)
    const writtenLink = (link: number): number => c.links?.[link - 1] ?? link;
    // the link a diagnostic is written in: the last whose right side begins before it
    const linkAt = (d: Diagnostic): number => {
      const at = file.lineStart(d.line) + d.column - 1;
      let link = 1;
      c.sides.forEach((sd, k) => {
        if (sd.start <= at) link = k + 1;
      });
      return link;
    };
    for (const d of diags) {
      if (d.severity !== 'error' || !readsAndIsWrong(d)) continue;
      const link = linkAt(d);
      if (all.some((ch) => (ch.link ?? 1) === link)) continue;
      const side = c.sides[link - 1];
      const range = side
        ? file.range(side.start, side.end)
        : { line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn };
      const ch: CheckReport = {
        line: range.line,
        status: 'fails',
        message: `fails: ${d.message}`,
        link,
        range,
        equation: c.text.chars.trim(),
        steps: [],
      };
      all.push(ch);
      usable.push(ch);
      saidWhereWritten.add(ch);
    }
    // in the chain's order: a failing link made here sits among the judged ones (link 2 of three, not after link 3)
    const byLink = (a: CheckReport, b: CheckReport) => (a.link ?? 1) - (b.link ?? 1);
    all.sort(byLink);
    usable.sort(byLink);
    if (!usable.length) {
      // a size limit that stopped the claim is named first: the claim is unjudged, not unreadable; a name of the
      // network whose definition has an error is said as the .rnn says it at a use (§6: not available), once
      const why =
        diags.find((d) => d.code === 'limit') ?? diags.find((d) => d.severity === 'error') ?? diags.find((d) => d.code === 'unavailable');
      c.limit = why?.code === 'limit';
      const reason = why?.message ?? (all[0] ? skipText(all[0]) : 'the equation does not read as a check');
      // Williams & Zipser's p^k_{ij}(t) = ∂y_k(t)/∂w_{ij}, and every later equation that writes p: said why (entrySensitivity.ts)
      const unknown = /^unknown name (\S+?)(?:[ —:]|$)/.exec(reason)?.[1];
      const family = unknown ? entryFamilyDefinition(c.text.chars) : null;
      if (unknown && family && unknown.startsWith(family.letter)) {
        families.set(family.letter, { def: family, line: file.range(c.sides[0]?.start ?? 0, c.sides[0]?.start ?? 0).line });
        c.skip = entryFamilyText(family);
        continue;
      }
      const usedFamily = unknown ? families.get(/^\p{L}+/u.exec(unknown)?.[0] ?? '') : undefined;
      if (usedFamily) {
        c.skip = entryFamilyUseText(usedFamily.def, usedFamily.line);
        continue;
      }
      const defined = why ? definedName(c.text.chars, why) : null;
      // a name at a general step (A_t) is a definition wherever a later equation reads it (formulaDefinitions): the
      // student is told so, not sent to the rnn block (seed 000's A_t = 1 − u_t, which only its prose uses)
      const use =
        defined && GENERAL_STEP_NAME.test(defined.replace(/\s+/g, ''))
          ? `no equation after it reads ${defined}; one that does is checked with this definition`
          : 'to use it, define it in the rnn block';
      // Trask's hidden_delta_t = … + hidden_delta_{t+1} recurrentᵀ: a recursion that says nowhere which derivative its
      // name is (his prose does); named so, with what makes it a claim
      const base = defined ? /^[^_{}^]+(?:_[A-Za-z0-9]{2,})*/.exec(defined)?.[0] : undefined;
      const recursion = base !== undefined && readsName(c.text.chars.slice(c.text.chars.indexOf('=') + 1), base);
      c.skip = recursion
        ? `${defined} is not a name of the network: the equation defines it by itself at another step (a recursion) and nowhere says which derivative it is, so there is nothing to check (write ${defined} = ∂L/∂… before it and the recursion is checked)`
        : defined
          ? `${defined} is not a name of the network: the equation defines it, so there is nothing to check (${use})`
          : reason.replace(/^not analysed: /, '');
      continue;
    }
    // the label's link is not checked; said only when the chain after it is (a chain left unread says why itself)
    // (a label is no claim: its link is not listed among the links left unjudged)
    if (c.label) {
      const said: Diagnostic = {
        ...file.range(c.label.start, c.label.end),
        severity: 'information',
        code: 'solution-skipped',
        message: c.label.problem ? `link 1 not checked: ${c.label.problem}` : labelText(c.label.name, c.label.by, c.label.before),
      };
      solutionDiags.push(c.label.problem ? skippedLink(skippedLinks, 1, said) : said);
    }
    if (c.whereDefines)
      solutionDiags.push({
        ...file.range(c.whereDefines.start, c.whereDefines.end),
        severity: 'information',
        code: 'solution-skipped',
        message: `the where clause defines ${c.whereDefines.name} by its ${c.whereDefines.by}, a name of the solution's own: the equation is checked with it, and the equations after it use it as defined here`,
      });
    // a link that does not read (notation the language lacks, a name the network does not define, an index it
    // cannot take, a product it cannot form) is skipped like a whole equation would be: information, not an error,
    // while the other links are judged (LANGUAGE.md §8: never an error). What stays an error is what fails (a step
    // the network does not have, sides of two shapes: said where written) and a limit that stopped the analysis.
    // In a chain, the link it stops is named, as a link that reads but cannot be judged is: "✓ holds" beside an
    // unnamed "not checked" read as the whole chain holding (‖J‖ ≤ ‖W‖ ‖diag(…)‖ ≤ β_W β_h, session 47)
    const unjudged = (d: Diagnostic): Diagnostic => {
      const said: Diagnostic = { ...d, severity: 'information', code: 'solution-skipped', message: `not checked: ${d.message}` };
      const link = linkAt(d);
      if (c.sides.length < 2 || usable.some((ch) => (ch.link ?? 1) === link)) return said;
      const written = writtenLink(link);
      return skippedLink(skippedLinks, written, { ...said, message: `link ${written} not checked: ${d.message}` });
    };
    // a bound's link after a side that did not read (resolve/questions.ts) is such a link too, under its written number
    const afterUnread = (d: Diagnostic): Diagnostic => {
      const written = writtenLink(linkAt(d));
      return skippedLink(skippedLinks, written, {
        ...d,
        code: 'solution-skipped',
        message: d.message.replace(/^link \d+/, `link ${written}`),
      });
    };
    for (const d of diags)
      keptDiags.push(
        d.code === 'link-not-checked'
          ? afterUnread(d)
          : d.severity === 'error' && !(readsAndIsWrong(d) || d.code === 'limit')
            ? unjudged(d)
            : d,
      );
    for (const ch of all) {
      if (!usable.includes(ch)) {
        solutionDiags.push(
          skippedLink(skippedLinks, ch.link ?? 1, {
            ...ch.range,
            severity: 'information',
            code: 'solution-skipped',
            message: `link ${ch.link ?? 1} not checked: ${skipText(ch)}`,
          }),
        );
        continue;
      }
      const link = ch.link ?? 1;
      // a where clause checked on its own (`… \text{with } o_3 = σ(…)`) has its verdict on the clause's right side
      const begins = file.lineStart(ch.range.line) + ch.range.column - 1;
      const side = c.clauses?.find((k) => k.start === begins)?.side ?? c.sides[link - 1];
      if (side) {
        ch.range = file.range(side.start, side.end);
        ch.line = ch.range.line;
      }
      ch.link = writtenLink(link);
      ch.message = labelled(ch.message);
      keptChecks.push(ch);
      // a failing link made of an error already has it where it is written (the reference, the two sides)
      const severity = verdictSeverity(ch.status);
      if (severity && !saidWhereWritten.has(ch)) {
        // on the wrong term itself when the engine names one (seed 001 eq. 32's last factor, in its own display)
        verdicts.push({
          ...(ch.culprit ?? ch.range),
          severity,
          message: ch.message,
          code: `check-${ch.status}`,
        });
      }
      // the equation whose display holds this link's right side, and every later display the side spans (seed 001's `+ …` blocks)
      const start = side?.start ?? c.text.at[0] ?? 0;
      const end = side?.end ?? start;
      let target = c.displays[0]!;
      for (const d of c.displays) if (displays[d]!.start <= start) target = d;
      // the displays this link's right side spans: its own, and the `+ …` blocks continuing it
      const spans = c.displays.filter((d) => d === target || (d > target && displays[d]!.start < end));
      // a later link of a chain whose own row carries a \tag (`&= … \tag{5}` under `… \tag{4}`) is labelled by it;
      // else a display its side spans — never a later link's (seed 001's unnumbered `∂L/∂h_1 = ∂(L_1+L_2+L_3)/∂h_1`
      // took the (21) of the `= …` display after it)
      // a printed label (a \tag, a trailing (n)) first; else a \label's name, found the same way
      const tagged =
        (link > 1 ? rowTag(c, start) : null) ??
        c.tag ??
        (c.shared
          ? target !== c.displays[0]
            ? (read[target]?.printed ?? null)
            : null
          : spans.map((d) => read[d]?.printed ?? null).find((t) => t !== null)) ??
        (link > 1 ? rowTag(c, start, 'label') : null) ??
        c.named ??
        (c.shared
          ? target !== c.displays[0]
            ? out.equations[target]!.tag
            : null
          : spans.map((d) => out.equations[d]!.tag).find((t) => t !== null)) ??
        null;
      if (tagged !== null) {
        ch.tag = tagged;
        labels.set(`${claimLine(c, file)}:${link}`, tagged);
      }
      for (const d of spans) out.equations[d]!.checks.push(ch);
    }
  }
  // a display holding only the chain's first side (`$$ ∂L/∂h_1 $$` then `$$ = … $$`) shows the chain's links
  // — but a display holding a side of its own that was not checked (`$$ = Σ_t δ_t h_{t-1} $$` with δ unknown) is
  // not given the other links' verdicts: it is skipped, with its reason (session 12: it showed link 1's "holds")
  const unread = [...solutionDiags, ...keptDiags].filter((d) => d.code === 'solution-skipped');
  for (const c of claims) {
    if (c.skip) continue;
    const links = [...new Set(c.displays.flatMap((d) => out.equations[d]!.checks))];
    for (const d of c.displays) {
      const eq = out.equations[d]!;
      if (eq.checks.length) continue;
      const shown = displays[d]!;
      if (!c.sides.some((side) => side.start >= shown.start && side.start < shown.end)) eq.checks.push(...links);
      else {
        const where = file.range(shown.start, shown.end);
        const why = unread.find((x) => x.line >= where.line && x.line <= where.endLine);
        eq.message = why ? why.message.replace(/^link \d+ not checked: /, 'not checked: ') : 'not checked';
      }
    }
  }
  report.checks = keptChecks.sort((a, b) => a.line - b.line);
  report.diagnostics = keptDiags.sort((a, b) => a.line - b.line || a.column - b.column);
  for (const d of report.diagnostics) {
    if (sidecarDiags.includes(d)) {
      out.diagnostics.push({
        ...file.range(0, 0),
        severity: d.severity,
        code: d.code ?? 'sidecar',
        message: `in the sidecar .rnn, line ${d.line}: ${d.message}`,
      });
    } else out.diagnostics.push(d);
  }
  for (const d of [...solutionDiags, ...verdicts]) out.diagnostics.push(d);
  // a network's own check line that does not hold is an error (or a warning) on its line, as in a .rnn file (LANGUAGE.md
  // §5): a failing `check` in a solution's rnn block showed nowhere among the diagnostics (the editor had no squiggle)
  for (const ch of ownChecks) {
    const severity = verdictSeverity(ch.status);
    if (!severity) continue;
    out.diagnostics.push(
      sidecarChecks.has(ch)
        ? { ...file.range(0, 0), severity, code: `check-${ch.status}`, message: `in the sidecar .rnn, line ${ch.line}: ${ch.message}` }
        : { ...(ch.culprit ?? ch.range), severity, code: `check-${ch.status}`, message: ch.message },
    );
  }
}

/**
 * a solution of several exercises: an equation skipped for a name its network lacks, that another network defines,
 * was put after the wrong block (or the name belongs to the other exercise). Say so: "unknown name w" alone sent the
 * student looking for a typo in a name their own first block defines.
 */
function otherNetworksNames(claims: Claim[], out: SolutionReport): void {
  if (out.networks.length < 2) return;
  const defined = out.networks.map(
    (n) => new Set(n.report.symbols.filter((s) => s.role === 'definition' || s.role === 'declaration').map((s) => s.name)),
  );
  for (const c of claims) {
    const name = c.skip && !c.quiet ? /^unknown name (\S+?)(?=$|[:;,. ])/.exec(c.skip)?.[1] : undefined;
    if (!name) continue;
    const owner = defined.findIndex((names, n) => n !== c.network && names.has(name));
    if (owner < 0) continue;
    const where = (n: number) => {
      const line = out.networks[n]!.range?.line;
      return `network ${n + 1}${line ? ` (the rnn block on line ${line})` : ''}`;
    };
    c.skip = `${c.skip}: ${name} is a name of ${where(owner)}, and this equation is read with ${where(c.network)}, the last block declaring T before it`;
  }
}

/** why a link is not judged: its message, or for a premise (h_0 = 0) what it is */
function skipText(ch: CheckReport): string {
  return ch.premise ? `it ${ch.message.replace(/:.*$/, '')}, a premise of the solution, not a claim` : ch.message;
}

/**
 * an error of an equation that reads and is wrong (it fails where it is written, not "not checked"): a step the
 * network does not have, two sides whose shapes no layout makes equal (questions.ts: not their transposes), a
 * product that forms only with a transpose added or taken away (expressions.ts flipFits, transposeFits, the outer
 * product's ᵀ), a ∏ whose factor is a Jacobian written without its diag: each a diagnostic with its `fix`
 */
function readsAndIsWrong(d: Diagnostic): boolean {
  // a step the network does not have; a free index that picks entries of two sizes (x_t[j] beside ŷ_t[j])
  if (d.code === 'undefined-step' || d.code === 'index-sizes') return true;
  if (d.code !== 'shape-mismatch') return false;
  if (d.message.startsWith('shape mismatch: the left side is')) return !d.message.includes('shape transposed');
  return d.fix !== undefined;
}

/** d before a name of the network (dc, dc̄, dW_f): code's gradient of it, never a name of the solution's own */
function isCodeGradientName(name: string, network: ReadonlySet<string>): boolean {
  if (name.length < 2 || name[0] !== 'd') return false;
  const rest = name.slice(1);
  return network.has(rest) || network.has(rest.split('_')[0]!);
}
