// One display equation as found in the file, and its folding into claims: the text a `check`
// line gets, with every character's file offset. Rows (`\\`) and alignment (`&`) are layout;
// labels (`\tag{…}`, a trailing `(n)`) are taken out and kept as the equation's label.
import { dropSoftHyphens } from './pdfPaste';
import { definitionAt, expandMacro, type Macro, matchBrace } from './macros';
import { physicsUse, type Rewrite } from './physics';
import { tagLabel } from '../language/tagLabel';
import { END_MARKS } from '../language/lexer';

/** a display equation found by a reader (Markdown or LaTeX) */
export interface Display {
  /** file offsets of the whole display, delimiters included (end exclusive) */
  start: number;
  end: number;
  /** file offsets of the math between the delimiters */
  contentStart: number;
  contentEnd: number;
  /** a label written outside the math: `$$ … $$ (19)` or `(19)` on the next line */
  outerTag: { text: string; start: number; end: number } | null;
  /** container markers inside the math (a block quote's `> ` on each later line): file offsets, never read */
  holes?: { start: number; end: number }[];
}

/** one claim's folded text: chars[i] came from file offset at[i] */
export interface Folded {
  chars: string;
  at: number[];
}

export interface FoldedDisplay {
  tag: string | null;
  /** the tag is a \label's name (no \tag, trailing `(n)` or label after the display names it): a printed label of a
   *  display a chain continues into is the link's before it */
  tagIsLabel: boolean;
  /** claims in this display; the first may continue the display before (see `continues`) */
  rows: Folded[];
  /** the first row begins with `=`, `+` or `−`: it belongs to the chain of the display before */
  continues: boolean;
  /** per claim of `rows`, the \tag{…} written in its own rows (an align with one \tag per equation) */
  rowTags: (string | null)[];
  /** per claim of `rows`, the name of the first \label{…} in its rows, where it has no \tag */
  rowLabels: (string | null)[];
  /** every row (`\\`): the file offset where it starts, and its own \tag (or \label) if it has one (a chain's later link's label) */
  rowStarts: { start: number; tag: string | null; label: string | null }[];
  /** the parts after an approximation or inequality (`= … \approx 0.445`), left out of the claim: file offsets */
  approximate: { start: number; end: number; relation: string }[];
  /** notation of the display that does not read (an evaluation bar it cannot bind): why its claims are skipped */
  unread: string | null;
  /** the macros it defines (`$$\newcommand{\pd}[2]{…}$$`, a Markdown solution's preamble), without the backslash */
  defines: string[];
}

/** environments whose `&` and `\\` are content, not layout (a matrix literal) */
const MATRIX_ENVS = /^(?:[bpvBV]?matrix|smallmatrix|array|cases)\*?$/;
/** wrappers that are only layout */
const LAYOUT_ENVS =
  /^(?:aligned|alignedat|split|gathered|align|align\*|equation|equation\*|displaymath|gather|gather\*|eqnarray|eqnarray\*|multline|multline\*|alignat|alignat\*|flalign|flalign\*)$/;
/** implications between two statements: each side is a claim of its own */
const IMPLIES = new Set(['Rightarrow', 'implies', 'Longrightarrow', 'iff', 'Leftrightarrow', 'Longleftrightarrow', 'therefore', 'because']);
/** a Σ, ∏ or operator a stacked label is a bound of (`\underset{t=1}{\sum}`, `\underset{W}{\arg\min}`) */
const BIG_OPERATOR = /\\(?:sum|prod|max|min|lim|arg|sup|inf|bigoplus|bigodot)(?![A-Za-z])|[Σ∑∏]|^\s*$/;

/** commands that frame or colour their content: `\boxed{X}`, `\textcolor{c}{X}`, `\colorbox{c}{X}` */
const WRAPPERS = new Set(['boxed', 'textcolor', 'colorbox']);

/**
 * commands that set their one argument as it is, only its spacing, overlap or strike changed: `\smash[b]{X}`,
 * `\mathrel{X}`, mathtools' `\mathrlap{X}`, the cancel package's `\cancel{X}` (a term struck through to show it cancels
 * is still written). Each was "unknown LaTeX command" and its equation skipped (session 30).
 */
const LAYOUT_WRAPPERS = new Set([
  'smash',
  'mathrel',
  'mathbin',
  'mathord',
  'mathpunct',
  'mathinner',
  'mathrlap',
  'mathllap',
  'mathclap',
  'rlap',
  'llap',
  'clap',
  'cancel',
  'bcancel',
  'xcancel',
  // eqnarray's long left side, `\lefteqn{∂L/∂h_3} \\ &= …`: it only lets the side run into the next columns
  'lefteqn',
]);

/** invisible: `\phantom{=}` sets only the space its content takes (`&\phantom{=} + …` aligns a continued row) */
const PHANTOMS = new Set(['phantom', 'hphantom', 'vphantom']);

/**
 * after `\begin{ENV}` at j: past the environment's own arguments, which are layout — alignat's column count
 * `{2}`, aligned's and gathered's position `[t]`
 */
function layoutArguments(text: string, env: string, j: number, end: number): number {
  if (/^(?:alignat\*?|alignedat|xalignat\*?)$/.test(env)) j = braced(text, j, end)?.end ?? j;
  if (/^(?:aligned|alignedat|gathered|split)$/.test(env)) {
    const pos = /^\s*\[[tbc]\]/.exec(text.slice(j, Math.min(end, j + 8)));
    if (pos) j += pos[0].length;
  }
  return j;
}

/**
 * `\forall t:`, `\text{for all } t \in \{1, \dots, T\}:`, `\forall t = 1, …, T,`, `∀t ∈ {1, …, T}:` — every step, before the
 * equation; a narrower range (`\{2, \dots, T\}`, `{1, …, T-1}`) has its bounds in groups 1 and 2
 */
const QUANTIFIER = new RegExp(
  String.raw`^(?:\\forall|∀|\\text\s*\{\s*[Ff]or\s+(?:all|every|each)\s*\})\s*t\s*` +
    String.raw`(?:(?:(?:\\in|∈)\s*\\?\{|=)\s*(\d+)\s*,\s*(?:\\[lc]?dots|…)\s*,\s*(T(?:\s*[-−]\s*\d+)?|\d+)\s*(?:\\?\})?\s*)?(?::|,|\\colon|\\quad|\\qquad)`,
);

/**
 * a leading quantifier's range as the check's own range written after the equation reads it (`\quad \forall t \in
 * \{2,\dots,T\}`), or '' for every step (1..T, or none written: the check's default)
 */
function leadRange(lead: RegExpExecArray): string {
  const [lo, hi] = [lead[1], lead[2]?.replace(/\s+/g, '').replace('−', '-')];
  if (lo === undefined || hi === undefined || (lo === '1' && hi === 'T')) return '';
  return ` \\quad \\forall t \\in \\{${lo},\\dots,${hi}\\} `;
}

/** relations that state an equality (a definition, an identity) */
const EQUALS_CMDS = new Set(['coloneqq', 'equiv', 'triangleq', 'eqqcolon', 'doteq']);
/** a range after a space: `t = 2, \dots, T` */
const SPACED_RANGE = /^(?:\s|\\[,;:! ]|\\q?quad|~)*[A-Za-z]\s*=\s*[^=,{}]+,\s*(?:\\[lc]?dots|…)\s*,\s*[^=,]+$/;
/** a row so far that ends with a clause word (`… \text{where}`): what follows is its clause, not a claim */
const CLAUSE_END = /(?:^|[^A-Za-z])(?:where|with|for|if|and|let|letting|using|given)\s*[,:]?\s*\}?\s*$/i;
/** space between two equations on one row */
const SPACERS = new Set(['quad', 'qquad', 'hspace', 'enspace', 'hfill']);
/** text boxes that may hold math: `\fbox{$…$}` */
const MATH_BOXES = new Set(['fbox', 'mbox', 'text', 'hbox', 'framebox', 'textrm', 'textnormal']);
/** commands whose argument is prose */
const TEXT_CMDS = new Set(['text', 'textrm', 'textnormal', 'mbox', 'textit', 'textup']);
/**
 * prose that joins two statements or adds a reason (`\text{since }`, `\text{, and }`, `\text{i.e. }`), or leads in the
 * answer restated (`\textbf{Answer: }`, also in bold: a bold word elsewhere may be a name, \textbf{W}); not `for`,
 * `where`, `with` or `if`, which the language reads as a check's range and clauses
 */
const CONNECTIVE =
  /^\s*[,;.]?\s*(?:since|because|as|so|and|hence|thus|therefore|then|i\.\s?e\.?|e\.\s?g\.?|using|by|giving|which gives|so that|and so|and thus|or|we get|we have|gives|answer|result)(?:\s|[,.:;]|$)/i;
/**
 * After a row that ends with a range at one step (`\text{for } t = 2`), a `\text{ and }` (or `or`) and the same letter
 * set to another step (`t = 3`): the length of `t =` after the word, to be read as the list's comma; else 0
 */
function nextStep(row: string, word: string, after: string): number {
  if (!/^\s*(?:and|or|,)\s*$/.test(word)) return 0;
  const range = /(?:\\text\s*\{\s*for\s*\}|\\forall|\bfor)\s*([A-Za-z])\s*=\s*(?:\d+|T(?:\s*-\s*\d+)?)\s*$/.exec(row);
  if (!range) return 0;
  const next = new RegExp(`^\\s*${range[1]}\\s*=(?=\\s*(?:\\d|T))`).exec(after);
  return next ? next[0].length : 0;
}

/**
 * an equation number in parentheses: (5), (3.2), (4b), (a), (iv); also (3'), an appendix's (A.3), a part's (a5) and a symbol,
 * (\star), (\ast), (*), (\dagger) (session 29: `\qquad (2')` was a factor 2ᵀ, `(\star)` an unknown command)
 */
const LABEL = /^\(\s*((?:\d+(?:\.\d+)*[a-z]?'*)|[A-Za-z]\.?\d+(?:\.\d+)*|[a-z]'*|[ivx]+|\\(?:star|ast|dagger|ddagger)|[*⋆∗†‡])\s*\)$/;

/** fold the math of a display (text = the whole file) into rows of claims */
export function foldDisplay(text: string, d: Display, macros: Map<string, Macro> = new Map()): FoldedDisplay {
  const chars: string[] = [];
  const at: number[] = [];
  const breaks: number[] = [];
  // the \tag of each row, by row number (breaks seen before it)
  const tagAt = new Map<number, string>();
  // the \label{…} of each row: its label where the row has no \tag and no trailing `(n)` (LaTeX prints no number of
  // its own for it, but the source names the equation by it: `\eqref{eq:grad-w}`)
  const labelAt = new Map<number, string>();
  let matrixDepth = 0;
  let braceDepth = 0;
  // ( and [ open at this point: a comma inside them is an argument list's, never between two equations
  let parenDepth = 0;
  // the rows that follow a connective in prose (by row number)
  const proseAt = new Set<number>();
  /** the rows that are a bound after a constant's definition, split at the comma: claims of their own */
  const boundAt = new Set<number>();
  const blank = (from: number, to: number) => {
    for (let k = from; k < to; k++) {
      chars.push(' ');
      at.push(k);
    }
  };
  /** where the current row begins in chars (after the last row break) */
  const rowStart = () => (breaks.length ? breaks[breaks.length - 1]! : 0);
  /**
   * the current row as far as it is folded, read on as characters are pushed: whether it is all blank, and its
   * first top-level `=` (topLevelEquals), each from where the last reading stopped. A row
   * of thousands of terms was read whole at each of them (3,000 `\quad (…)` remarks took half a minute); `edited()`
   * after any change to a character already pushed
   */
  let kept = { start: -1, len: 0, blank: true, depth: 0, skip: false, equals: -1 };
  const current = () => {
    const start = rowStart();
    if (kept.start !== start || kept.len > chars.length) kept = { start, len: start, blank: true, depth: 0, skip: false, equals: -1 };
    if (kept.len < chars.length) {
      const more = chars.slice(kept.len).join('');
      // topLevelEqualsSigns's scan, carried on: a command's next character skipped, brackets counted
      for (let k = 0; k < more.length; k++) {
        const c = more[k]!;
        if (kept.blank && !/\s/.test(c)) kept.blank = false;
        if (kept.equals >= 0) continue;
        if (kept.skip) kept.skip = false;
        else if (c === '\\') kept.skip = true;
        else if (c === '{' || c === '(' || c === '[') kept.depth++;
        else if (c === '}' || c === ')' || c === ']') kept.depth = Math.max(0, kept.depth - 1);
        else if ((c === '=' || c === '≈') && kept.depth === 0) kept.equals = kept.len - start + k;
      }
      kept.len = chars.length;
    }
    return kept;
  };
  /** nothing but spaces in the current row so far */
  const rowBlank = () => current().blank;
  /** the current row has an `=` outside brackets (topLevelEquals of its text) */
  const rowEquation = () => current().equals >= 0;
  const edited = () => {
    kept = { start: -1, len: 0, blank: true, depth: 0, skip: false, equals: -1 };
  };
  /**
   * characters the searches for a claim after a comma or a space may read in this display, each to the next comma
   * or row break: a bound (linear in the display) where thousands of them each read to its end
   */
  const scans = { left: 32 * (d.contentEnd - d.contentStart) + 4096 };
  /** the current row's last n characters at most (a test of how the row ends, in constant time per character) */
  const rowEnd = (n: number) => chars.slice(Math.max(rowStart(), chars.length - n)).join('');
  const end = d.contentEnd;
  // `\begin{alignat}{2}`: the environment's own column count is layout, not a factor of the first row
  const opener = /\\begin\{([A-Za-z]+\*?)\}$/.exec(text.slice(d.start, d.contentStart));
  let i = opener ? layoutArguments(text, opener[1]!, d.contentStart, end) : d.contentStart;
  blank(d.contentStart, i);
  // `\boxed{A = B}`: the closing braces of wrappers whose content is read as it is
  const unwrap = new Set<number>();
  // the physics package's commands, each read as the LaTeX it prints (physics.ts), by file offset
  const rewrites = new Map<number, Rewrite>();
  /** an implication of `len` characters at i: a break between two claims (nothing before it in its row: a lead-in) */
  const implication = (len: number) => {
    if (!rowBlank()) {
      breaks.push(chars.length);
      proseAt.add(breaks.length);
    }
    blank(i, i + len);
    i += len;
  };
  // a leading narrower range (`\forall t \in \{2, \dots, T\}:`), by row number: appended to its row as the range after
  // the equation, at the quantifier's place in the source
  const leadRanges = new Map<number, { text: string; at: number }>();
  // `A = B \approx 0.445`: from the relation to the end of its row is a rounded value, not part of the claim
  const approximate: { start: number; end: number; relation: string }[] = [];
  let cut: { start: number; end: number; relation: string } | null = null;
  /** the matrices open in the cut part */
  let cutMatrices = 0;
  // `\left. … \right|_{t=3}`: each \left's place in chars (a `\left.` opens an evaluated expression)
  const lefts: { dot: boolean; at: number }[] = [];
  // the open groups `{`: their places in chars (TeX's `{A \over B}` is a fraction of the group's two halves)
  const groups: number[] = [];
  let unread: string | null = null;
  const defines: string[] = [];
  /**
   * an evaluation bar `|_{t=3}` at j (the bar's own text before it): bind its step in chars[from…], or refuse. A bar
   * with no `\left.` (`opened` false) that ends its equation binds the whole equation, every side of a chain: a
   * teacher reads `∂L/∂o_t = -2(y_t - o_t)\Big|_{t=3}` at t = 3 on both sides (session 16: the left side's t stayed
   * free and the claim failed at t = 1)
   */
  const evaluate = (from: number, j: number, opened: boolean, pair = false): boolean => {
    const bar = evaluationBar(text, j, end);
    if (!bar) return false;
    if ('refused' in bar) unread ??= bar.refused;
    else if ('step' in bar) {
      // `\left.\frac{∂𝓛}{∂h}\right|_{t}`: the derivative by h at step t, ∂𝓛/∂h_t (a `\left| … \right|_2` closes a
      // norm's or an absolute value's pair: no bar to read a step from)
      unread ??= pair
        ? `an evaluation bar |_{${bar.step}} (only a step is read: |_{t=3}, |_{t=T})`
        : stepDenominator(chars, at, from, bar.step, { breaks, lefts, groups });
      edited();
    } else {
      const whole = !opened && barEndsEquation(text, bar.end, end) ? claimStart() : from;
      // a Σ/∏ of another side that binds the bar's letter: the bar keeps to its own side
      const shifts = { breaks, lefts, groups };
      const refused = whole < from ? bindStep(chars, at, whole, bar.variable, bar.value, shifts) : 'side';
      if (refused) unread ??= bindStep(chars, at, from, bar.variable, bar.value, shifts);
      edited();
    }
    blank(i, bar.end);
    i = bar.end;
    return true;
  };
  /** where the equation that the current row belongs to begins: the last row that starts a claim of its own */
  const claimStart = (): number => {
    for (let n = breaks.length; n > 0; n--) {
      const row = chars.slice(breaks[n - 1]!, n < breaks.length ? breaks[n]! : chars.length).join('');
      if (startsNewClaim(row)) return breaks[n - 1]!;
    }
    return 0;
  };
  /** where a bar without `\left.` begins its expression: after the row's last top-level `=` */
  const sideStart = (): number => {
    const from = rowStart();
    const eqs = topLevelEqualsSigns(chars.slice(from).join(''));
    return eqs.length ? from + eqs[eqs.length - 1]! + 1 : from;
  };
  // a block quote's `> ` at the start of each later line: layout of the Markdown around the math, blanked
  const holes = new Map((d.holes ?? []).map((h) => [h.start, h.end]));
  while (i < end) {
    const hole = holes.get(i);
    if (hole !== undefined) {
      blank(i, hole);
      i = hole;
      continue;
    }
    // a physics command's reading (`\pdv{L}{h}` as `\frac{\partial L}{\partial h}`): its characters at this place
    const rewrite = rewrites.get(i);
    if (rewrite) {
      rewrites.delete(i);
      for (const ch of rewrite.text) {
        chars.push(ch);
        at.push(i);
      }
      if (rewrite.matrix) matrixDepth = Math.max(0, matrixDepth + rewrite.matrix);
      i += rewrite.skip;
      continue;
    }
    // a wrapper's closing part (`\boxed{…}`'s `}`, `\fbox{$…$}`'s `$}`, a range's `\}`): blanked
    if (unwrap.has(i)) {
      blank(i, i + 1);
      i++;
      continue;
    }
    const c = text[i]!;
    // a matrix in the cut part (`≈ \begin{bmatrix} \tanh(0.5) \\ 0 \end{bmatrix}`): its `\\` are its rows, not the display's
    // (the cut ended at the first one and left `0 \end{bmatrix}` to read)
    if (cut && c === '\\') {
      const env = /^\\(begin|end)\s*\{\s*([A-Za-z]+\*?)\s*\}/.exec(text.slice(i, Math.min(end, i + 30)));
      if (env && MATRIX_ENVS.test(env[2]!)) cutMatrices = Math.max(0, cutMatrices + (env[1] === 'begin' ? 1 : -1));
    }
    // the cut part's own \tag still labels the row (and a row break ends the cut)
    if (
      cut &&
      !(
        c === '\\' &&
        ((text[i + 1] === '\\' && cutMatrices === 0) || /^\\(?:tag|label|nonumber|notag)(?![A-Za-z])/.test(text.slice(i, i + 10)))
      )
    ) {
      if (c === '{') braceDepth++;
      else if (c === '}') braceDepth = Math.max(0, braceDepth - 1);
      if (c.trim()) cut.end = i + 1;
      blank(i, i + 1);
      i++;
      continue;
    }
    if (cut && text[i + 1] === '\\') {
      approximate.push(cut);
      cut = null;
    }
    const relation = braceDepth === 0 && matrixDepth === 0 && parenDepth === 0 ? approximation(text, i, end) : null;
    // `A = B ≈ (0.5)(0.79) ≈ 0.40`: the expression after the first ≈ is cut, the written value after the last one is
    // still a link (the answer a teacher checks); the cut ends there, or at an implication (`… ≈ C \implies D = E`)
    if (relation && ROUNDING.test(relation) && !writtenValueFollows(text, i + relation.length, end)) {
      const stop = cutStop(text, i + relation.length, end);
      if (stop !== null && (stop.rounded || rowEquation())) {
        approximate.push({ start: i, end: stop.at, relation });
        blank(i, stop.at);
        i = stop.at;
        // its `=` is the ≈ cut: the value after it is judged to its digits
        if (stop.equals) {
          chars.push('≈');
          at.push(i);
          i++;
        }
        continue;
      }
    }
    // `A = B \approx 0.445` with a written value after it: a link of the chain, judged to its digits (the
    // check's ≈); the relation's text becomes ≈ at the relation's offset
    if (relation && ROUNDING.test(relation) && writtenValueFollows(text, i + relation.length, end)) {
      chars.push('≈');
      at.push(i);
      blank(i + 1, i + relation.length);
      i += relation.length;
      continue;
    }
    if (relation && rowEquation()) {
      cut = { start: i, end: i + relation.length, relation };
      cutMatrices = 0;
      blank(i, i + relation.length);
      i += relation.length;
      continue;
    }
    // `∀ t ∈ {1, …, T}:` before a row's equation, as `\forall t \in \{1, \dots, T\}:` below (after it, the lexer reads ∀ as \forall)
    if (c === '∀' && braceDepth === 0 && matrixDepth === 0 && rowBlank()) {
      const lead = QUANTIFIER.exec(text.slice(i, Math.min(end, i + 120)));
      if (lead) {
        const range = leadRange(lead);
        if (range) leadRanges.set(breaks.length, { text: range, at: i });
        blank(i, i + lead[0].length);
        i += lead[0].length;
        continue;
      }
    }
    if (c === '\\') {
      const m = /^\\(?:([A-Za-z]+)\*?|[\s\S])?/.exec(text.slice(i, Math.min(end, i + 40)))!;
      const word = m[1];
      if (text[i + 1] === '\\' && matrixDepth === 0) {
        // a row break, with its optional spacing `\\[2pt]`; `\\*` forbids a page break there (its `*` was read as a product)
        let j = text[i + 2] === '*' ? i + 3 : i + 2;
        const sp = /^\s*\[[^\]\n]{0,20}\]/.exec(text.slice(j, Math.min(end, j + 30)));
        if (sp) j += sp[0].length;
        if (braceDepth === 0) breaks.push(chars.length);
        blank(i, j);
        i = j;
        continue;
      }
      // the solution's own macro (`\pd{L}{h_t}` after `\newcommand{\pd}[2]{…}`): what it stands for
      if (word && macros.has(word) && !m[0].endsWith('*')) {
        const use = expandMacro(text, macros, word, i, i + m[0].length, end);
        if (use) {
          // offsets in file order, the last one the use's end: a side's range covers the whole use
          let run = i;
          use.at.forEach((o, k) => {
            run = Math.max(run, k === use.at.length - 1 ? use.end - 1 : o);
            chars.push(use.chars[k]!);
            at.push(run);
          });
          i = use.end;
          continue;
        }
      }
      // `\pdv{L}{h_t}`, `\qty(…)`, `\vb{h}`, `\mqty(…)` (the physics package): what each prints, its arguments folded on
      const physics = word && !macros.has(word) ? physicsUse(text, word, i, i + m[0].length, end, m[0].endsWith('*')) : null;
      if (physics) {
        for (const [k, r] of physics.rewrites) {
          // an insertion already waiting at k (an outer \pdv's ∂ before this command) goes first
          const had = rewrites.get(k);
          rewrites.set(k, had && had.skip === 0 && k !== i ? { ...r, text: had.text + r.text } : r);
        }
        continue;
      }
      // `\newcommand{\pd}[2]{…}` in a display (a Markdown solution's preamble): a definition, no part of the equation
      // (readMacros found it; it was "unknown LaTeX command \newcommand" and the equation after it skipped)
      const definition =
        word && /^(?:(?:re)?newcommand|providecommand|DeclareMathOperator|def|let|(?:New|Renew|Provide|Declare)DocumentCommand)$/.test(word)
          ? definitionAt(text, i, end)
          : null;
      if (definition) {
        defines.push(definition.name);
        blank(i, definition.end);
        i = definition.end;
        continue;
      }
      // `\newline` is a row break, as `\\` is; `\vspace{…}` is layout, and so is `{\color{red} …}`'s colour
      if (word === 'newline' && matrixDepth === 0) {
        if (braceDepth === 0) breaks.push(chars.length);
        blank(i, i + m[0].length);
        i += m[0].length;
        continue;
      }
      if (word === 'vspace' || word === 'color') {
        const arg = braced(text, i + m[0].length, end);
        // `\color{red}{A = B}` (as \textcolor is written): the group after the colour is its content, as written
        // (kept a group, its `=` was inside braces and the display "no equality to check")
        const content = arg && word === 'color' ? braced(text, arg.end, end) : null;
        if (content) {
          blank(i, content.start + 1);
          unwrap.add(content.end - 1);
          i = content.start + 1;
          continue;
        }
        if (arg) {
          blank(i, arg.end);
          i = arg.end;
          continue;
        }
      }
      // `A = B \qquad C = D`: two equations side by side, set apart by space only, are two claims (session 15: read as
      // one chain A = B·C = D, a false fails); a range or a clause after the space (`\quad t = 1, …, T`) is no claim
      if (word && SPACERS.has(word) && braceDepth === 0 && parenDepth === 0 && matrixDepth === 0) {
        const arg = word === 'hspace' ? braced(text, i + m[0].length, end) : null;
        const after = arg ? arg.end : i + m[0].length;
        // `… \quad t = 2, \dots, T`: the check's range, as `, t = 2, \dots, T` reads (the space stands for the comma)
        // (after a comma already written, `, \quad t = 1, \dots, T`, the range reads as it is)
        const equation = rowEquation();
        const written = equation ? rowEnd(TAIL) : '';
        if (equation && !/,\s*$/.test(written) && SPACED_RANGE.test(text.slice(after, Math.min(end, after + 80)))) {
          chars.push(',');
          at.push(i);
          blank(i + 1, after);
          i = after;
          continue;
        }
        // (not after a clause word: `\quad \text{where} \quad L_t = …` is the check's own `where` clause)
        if (equation && !CLAUSE_END.test(written) && commaStartsClaim(text, after, end, scans)) {
          breaks.push(chars.length);
          proseAt.add(breaks.length);
          blank(i, after);
          i = after;
          continue;
        }
      }
      if (word === 'tag' || word === 'label') {
        const arg = braced(text, i + m[0].length, end);
        if (arg) {
          // `\tag*{(3)}` prints its text as it is: the label is 3, as `\tag{3}` prints (3)
          const label = tagLabel(text.slice(arg.start + 1, arg.end - 1));
          const own = m[0].endsWith('*') ? label.replace(/^\((.*)\)$/, '$1').trim() : label;
          if (word === 'tag' && !tagAt.has(breaks.length)) tagAt.set(breaks.length, own);
          if (word === 'label' && own && !labelAt.has(breaks.length)) labelAt.set(breaks.length, own);
          blank(i, arg.end);
          i = arg.end;
          continue;
        }
      }
      // `\forall t:` or `\text{for all } t,` before a row's equation: every step, as a check is by default; a narrower
      // range, `t \in \{2, …, T\}`, is the check's range, put after the row's equation where the reader takes one
      if ((word === 'forall' || (word && TEXT_CMDS.has(word))) && braceDepth === 0 && matrixDepth === 0) {
        const lead = rowBlank() ? QUANTIFIER.exec(text.slice(i, Math.min(end, i + 120))) : null;
        if (lead) {
          const range = leadRange(lead);
          if (range) leadRanges.set(breaks.length, { text: range, at: i });
          blank(i, i + lead[0].length);
          i += lead[0].length;
          continue;
        }
      }
      // `A = B \quad\text{since } C = D`: a connective in prose ends the claim; what follows is a claim of its own
      // when it states an equality, else a remark that is not checked
      if (word && (TEXT_CMDS.has(word) || word === 'textbf') && braceDepth === 0 && matrixDepth === 0) {
        const arg = braced(text, i + m[0].length, end);
        const stated = !rowBlank();
        // `\text{for } t = 2 \text{ and } t = 3`: a second step of the range, not a claim `t = 3` of its own (it
        // failed as one); read as the list `t = 2, 3`
        const more = arg && stated ? nextStep(rowEnd(TAIL), text.slice(arg.start + 1, arg.end - 1), text.slice(arg.end, end)) : 0;
        if (more) {
          chars.push(',');
          at.push(arg!.start);
          blank(arg!.start + 1, arg!.end + more);
          i = arg!.end + more;
          continue;
        }
        const prose = arg ? text.slice(arg.start + 1, arg.end - 1) : '';
        // `\text{(since } h_0 = 0\text{)}`: a reason in parentheses opened inside the text; its closing `)` is dropped
        const opened = /^\s*\(/.test(prose) && CONNECTIVE.test(prose.replace(/^\s*\(/, ''));
        if (arg && stated && (opened || CONNECTIVE.test(prose))) {
          if (opened) for (const k of closingParen(text, arg.end, end)) unwrap.add(k);
          breaks.push(chars.length);
          proseAt.add(breaks.length);
          blank(i, arg.end);
          i = arg.end;
          continue;
        }
      }
      // `A = B \Rightarrow C = D`: an implication joins two statements as `\text{hence}` does (session 14: it was
      // an unknown command, and neither side was checked)
      // (at the start of a row, `\Rightarrow L_3 = …`, it only leads in)
      if (word && IMPLIES.has(word) && braceDepth === 0 && matrixDepth === 0) {
        implication(m[0].length);
        continue;
      }
      // `A \overset{(3)}{=} B`, `\stackrel{\text{def}}{=}`: an equality with a reason written over it (session 14:
      // "no equality to check"); `:=`, `\coloneqq`, `\equiv`, `\triangleq` state one too
      if (word && (word === 'overset' || word === 'stackrel' || word === 'underset') && braceDepth === 0 && matrixDepth === 0) {
        const over = braced(text, i + m[0].length, end);
        const base = over && braced(text, over.end, end);
        if (base && text.slice(base.start + 1, base.end - 1).trim() === '=') {
          blank(i, base.start + 1);
          chars.push('=');
          at.push(text.indexOf('=', base.start));
          blank(text.indexOf('=', base.start) + 1, base.end);
          i = base.end;
          continue;
        }
        // `\underset{\text{local error}}{\underbrace{…}}`, `\overset{(a)}{x_t}`: a label set under or over an expression
        // is a remark, the expression is read (it was "bounds stacked by hand"); over or under a Σ, ∏, max or lim the
        // label is a bound, the lexer's to refuse
        if (base && !BIG_OPERATOR.test(text.slice(base.start + 1, base.end - 1))) {
          blank(i, base.start + 1);
          unwrap.add(base.end - 1);
          i = base.start + 1;
          continue;
        }
      }
      if (word && LAYOUT_WRAPPERS.has(word)) {
        // `\smash[b]{…}`: its optional argument is layout too
        const opt = /^\s*\[[a-z]*\]/.exec(text.slice(i + m[0].length, Math.min(end, i + m[0].length + 8)));
        const arg = braced(text, i + m[0].length + (opt ? opt[0].length : 0), end);
        if (arg) {
          blank(i, arg.start + 1);
          unwrap.add(arg.end - 1);
          i = arg.start + 1;
          continue;
        }
      }
      if (word && PHANTOMS.has(word)) {
        const arg = braced(text, i + m[0].length, end);
        if (arg) {
          blank(i, arg.end);
          i = arg.end;
          continue;
        }
      }
      // `\boxed{…}` (a final answer), `\textcolor{red}{…}`, `\colorbox{…}{…}`: their content, as it is written
      if (word && WRAPPERS.has(word)) {
        const color = word === 'boxed' ? null : braced(text, i + m[0].length, end);
        const arg = braced(text, color ? color.end : i + m[0].length, end);
        if (arg && (color || word === 'boxed')) {
          blank(i, arg.start + 1);
          unwrap.add(arg.end - 1);
          i = arg.start + 1;
          continue;
        }
      }
      if (word && EQUALS_CMDS.has(word) && braceDepth === 0 && matrixDepth === 0) {
        chars.push('=');
        at.push(i);
        blank(i + 1, i + m[0].length);
        i += m[0].length;
        continue;
      }
      // amsmath's \intertext{…} (\shortintertext): prose between two rows of an align, a row break itself
      if ((word === 'intertext' || word === 'shortintertext') && matrixDepth === 0) {
        const arg = braced(text, i + m[0].length, end);
        if (arg) {
          if (braceDepth === 0) breaks.push(chars.length);
          blank(i, arg.end);
          i = arg.end;
          continue;
        }
      }
      // `\left. ∂L/∂o_t \right|_{t=3}`, `… \Big|_{t = T}`: the expression at that step (session 15: "expected '='
      // … found '|'"). The lexer reads `\left.` as nothing; its place bounds the expression the bar evaluates
      if (word === 'left') {
        lefts.push({ dot: /^\\left\s*\./.test(text.slice(i, i + 8)), at: chars.length });
      } else if (word === 'right' || (word && BIG.test(word))) {
        const delim = /^\\[A-Za-z]+\s*(\\[lr]?vert(?![A-Za-z])|\|)/.exec(text.slice(i, Math.min(end, i + 16)));
        const open = word === 'right' ? lefts.pop() : undefined;
        if (delim && evaluate(open?.dot ? open.at : sideStart(), i + delim[0].length, !!open?.dot, open !== undefined && !open.dot))
          continue;
      }
      // `{∂L \over ∂o_3}`: plain TeX's fraction, read as `\frac{∂L}{∂o_3}` — the group's `{` becomes `\frac{` and
      // the `\over` `}{`; outside a group (the whole formula over the rest) it stays an unknown command
      if (word === 'over' && groups.length) {
        const open = groups[groups.length - 1]!;
        const frac = '\\frac{'.split('');
        at.splice(open, 1, ...frac.map(() => at[open]!));
        chars.splice(open, 1, ...frac);
        edited();
        groups[groups.length - 1] = open + frac.length - 1;
        // row breaks after the group's `{` move with the inserted characters
        for (let k = 0; k < breaks.length; k++) if (breaks[k]! > open) breaks[k]! += frac.length - 1;
        for (const ch of '}{') {
          chars.push(ch);
          at.push(i);
        }
        blank(i + 1, i + m[0].length);
        i += m[0].length;
        continue;
      }
      // `\fbox{$A = B$}`, `\mbox{$…$}`, `\text{$…$}`: math set inside a text box is the math itself
      if (word && MATH_BOXES.has(word)) {
        const arg = braced(text, i + m[0].length, end);
        const inner = arg ? /^(\s*\$)([\s\S]*?)\$\s*$/.exec(text.slice(arg.start + 1, arg.end - 1)) : null;
        if (arg && inner) {
          const closeDollar = arg.start + 1 + inner[1]!.length + inner[2]!.length;
          for (let k = closeDollar; k < arg.end; k++) unwrap.add(k);
          blank(i, arg.start + 1 + inner[1]!.length);
          i = arg.start + 1 + inner[1]!.length;
          continue;
        }
      }
      // `\quad (t \in \{1, \dots, T\})`, `\forall t \in \{2, …, T\}` after the equation: the check's range, written
      // as the language writes it (`t = 1, \dots, T`); the set's braces are blanked
      // `… \in \mathbb{R}^q` after a side (d2l.ai states each gradient's space): a remark on its shape, no part of
      // the claim (session 16: "unknown LaTeX command \in" skipped the equation)
      const space = word === 'in' && braceDepth === 0 && matrixDepth === 0 ? REAL_SPACE.exec(text.slice(i, Math.min(end, i + 80))) : null;
      if (space) {
        // `…, \quad o_3 \in \mathbb{R}` (`\qquad h_t \in \mathbb{R}^n`): the remark names what it is about after a
        // comma or a wide space — that name is the remark's, not a factor of the side (it was, and the check failed)
        // read in the row's last characters (a remark's subject is short), its `=` before the subject
        const tail = rowEnd(TAIL);
        const subject = REMARK_SUBJECT.exec(tail);
        const from = subject ? chars.length - tail.length + subject.index : -1;
        const equals = current().equals;
        if (subject && equals >= 0 && rowStart() + equals < from) for (let k = from; k < chars.length; k++) chars[k] = ' ';
        edited();
        blank(i, i + space[0].length);
        i += space[0].length;
        continue;
      }
      if (word === 'in' && braceDepth === 0 && matrixDepth === 0) {
        const set = /^\\in\s*\\\{([^{}]*?)\\\}/.exec(text.slice(i, Math.min(end, i + 80)));
        if (set && /^\s*[^,]+,\s*(?:\\[lc]?dots|…)\s*,\s*[^,]+$/.test(set[1]!)) {
          const contentStart = i + set[0].indexOf('{') + 1;
          chars.push('=');
          at.push(i);
          blank(i + 1, contentStart);
          for (let k = contentStart + set[1]!.length; k < i + set[0].length; k++) unwrap.add(k);
          i = contentStart;
          continue;
        }
      }
      // an end-of-proof or done mark after the answer (`\qquad \blacksquare`, `\checkmark`): no part of the math
      if (word === 'nonumber' || word === 'notag' || (word && END_MARKS.has(word))) {
        blank(i, i + m[0].length);
        i += m[0].length;
        continue;
      }
      // amsmath's page breaking in a long derivation, `\displaybreak[0]`, `\allowbreak`: layout
      if (word === 'displaybreak' || word === 'allowbreak' || word === 'nobreak') {
        const opt = /^\s*\[\d\]/.exec(text.slice(i + m[0].length, Math.min(end, i + m[0].length + 6)));
        const j = i + m[0].length + (opt ? opt[0].length : 0);
        blank(i, j);
        i = j;
        continue;
      }
      if (word === 'begin' || word === 'end') {
        const arg = braced(text, i + m[0].length, end);
        const env = arg ? text.slice(arg.start + 1, arg.end - 1).trim() : '';
        if (arg && MATRIX_ENVS.test(env)) matrixDepth = Math.max(0, matrixDepth + (word === 'begin' ? 1 : -1));
        else if (arg && LAYOUT_ENVS.test(env)) {
          let j = arg.end;
          // alignedat{2}: its column count is layout too; so is aligned's position `[t]` (session 14: `[t]` was read
          // as a vector and a right equation failed)
          if (word === 'begin') j = layoutArguments(text, env, j, end);
          blank(i, j);
          i = j;
          continue;
        }
      }
      for (let k = 0; k < m[0].length; k++) {
        chars.push(text[i + k]!);
        at.push(i + k);
      }
      i += m[0].length;
      continue;
    }
    if (c === '|' && braceDepth === 0 && evaluate(sideStart(), i + 1, false)) continue;
    if (c === '%') {
      // a TeX comment, to the end of its line
      let j = i;
      while (j < end && text[j] !== '\n') j++;
      blank(i, j);
      i = j;
      continue;
    }
    // `\quad (\text{by the chain rule})`, `(\text{since } h_3 \text{ depends on } h_2)`: a remark in parentheses is
    // prose, as `\text{(by the chain rule)}` is (it was "expected a value" and the equation skipped)
    if ((c === '(' || c === '[') && braceDepth === 0 && matrixDepth === 0 && /(?:^|\s|\\q?quad)$/.test(rowEnd(6))) {
      const close = proseRemark(text, i, end);
      if (close > 0) {
        blank(i, close);
        i = close;
        continue;
      }
    }
    // a decimal comma (a German or French solution's 0{,}5, or 0,2913 as the value a side ends with): a decimal point
    const comma = c === '{' || c === ',' ? decimalComma(text, i, end, () => rowEnd(TAIL)) : null;
    if (comma !== null) {
      // the braces of `{,}` leave no space: the number reads on
      chars.push('.');
      at.push(comma);
      i = c === '{' ? i + 3 : i + 1;
      continue;
    }
    if (c === '{') {
      braceDepth++;
      groups.push(chars.length);
    } else if (c === '}') {
      braceDepth = Math.max(0, braceDepth - 1);
      groups.pop();
    } else if (c === '(' || c === '[') parenDepth++;
    else if (c === ')' || c === ']') parenDepth = Math.max(0, parenDepth - 1);
    // `L_1 = …, \quad L_2 = …`: two equations on one row, separated by a comma; each is a claim of its own
    // (a range `, t = 1, \dots, T` or a `where` clause stays the check's: see commaStartsClaim)
    // (`;` too: `A = B;\quad C = D`)
    else if (
      (c === ',' || c === ';') &&
      braceDepth === 0 &&
      parenDepth === 0 &&
      matrixDepth === 0 &&
      commaStartsClaim(text, i + 1, end, scans)
    ) {
      // (after a bound too: `‖diag(σ'(x_k))‖ ≤ γ, \quad γ = \frac{1}{4}`, the bound's constant defined beside it; and
      // after a value written with ≈: `\frac{θ}{‖g‖} g ≈ [0.07, …], \quad θ = 0.1`)
      if (rowEquation() || BOUND_SIGN.test(chars.slice(rowStart()).join('')) || APPROX_SIGN.test(chars.slice(rowStart()).join(''))) {
        breaks.push(chars.length);
        proseAt.add(breaks.length);
        blank(i, i + 1);
        i++;
        continue;
      }
    }
    // `γ = \frac{1}{4}, \quad ‖diag(σ'(x_k))‖ ≤ γ`: a constant's definition, then the bound that reads it — two claims
    // (after anything else a bound after a comma may be a range's condition, `, \quad 1 ≤ t < T`: it stays the check's)
    else if (
      c === ',' &&
      braceDepth === 0 &&
      parenDepth === 0 &&
      matrixDepth === 0 &&
      chars.length - rowStart() <= 40 &&
      CONSTANT_ROW.test(chars.slice(rowStart()).join('').replace(SPACING, ' ')) &&
      BOUND_SIGN.test(clauseAfter(text, i + 1, end, scans) ?? '')
    ) {
      breaks.push(chars.length);
      boundAt.add(breaks.length);
      blank(i, i + 1);
      i++;
      continue;
    }
    // `L := Σ_t L_t`: a definition states the equality
    if (c === ':' && text[i + 1] === '=' && braceDepth === 0) {
      blank(i, i + 1);
      i++;
      continue;
    }
    if ((c === '≔' || c === '≡' || c === '≜') && braceDepth === 0 && matrixDepth === 0) {
      chars.push('=');
      at.push(i);
      i++;
      continue;
    }
    if ((c === '⇒' || c === '⟹' || c === '∴') && braceDepth === 0 && matrixDepth === 0) {
      implication(1);
      continue;
    }
    // `= -0.0838 \text{ (4 d.p.)}`: a value the remark says is rounded is written as ≈ is (judged to its digits)
    if (c === '=' && braceDepth === 0 && matrixDepth === 0 && parenDepth === 0 && roundedByRemark(text, i + 1, end)) {
      chars.push('≈');
      at.push(i);
      i++;
      continue;
    }
    // `~` is TeX's unbreakable space (`L~=~…`), never an operator in math
    const keep = c === '\n' || c === '\r' || c === '\t' || c === '~' || (c === '&' && matrixDepth === 0) ? ' ' : c;
    chars.push(keep);
    at.push(i);
    i++;
  }
  if (cut) approximate.push(cut);
  // rows, then the label and punctuation at the very end
  const rows: Folded[] = [];
  let from = 0;
  for (const b of [...breaks, chars.length]) {
    rows.push({ chars: chars.slice(from, b).join(''), at: at.slice(from, b) });
    from = b;
  }
  // a trailing `(n)` labels its own row, not only the last one: an align writes `… \quad (1) \\ … \quad (2)`,
  // and a middle row's label read as a factor `(1)` would change the claim (session 14)
  rows.forEach((r, n) => {
    const trailing = trailingLabel(r.chars);
    if (!trailing) return;
    if (!tagAt.has(n)) tagAt.set(n, trailing.text);
    r.chars = r.chars.slice(0, trailing.start) + ' '.repeat(r.chars.length - trailing.start);
  });
  // punctuation ends a sentence at the end of every row, not only the last (`… h^{(t)\top}, \tag{10.24} \\`)
  // (the comma of a thin space `\,` that ends a row is no punctuation: taking it left a lone `\`); a Chinese or
  // Japanese text ends its sentence with the full-width ， 。 ； ． 、 typed beside the math
  for (const r of rows) r.chars = r.chars.replace(/(?<!\\)[,.;，。；．、]\s*$/, (s) => ' '.repeat(s.length));
  // (a soft hyphen a PDF set inside a word, copied with it: `tan­h`)
  for (const r of rows) dropSoftHyphens(r);
  for (const [n, range] of leadRanges) {
    const r = rows[n];
    if (!r) continue;
    r.chars += range.text;
    for (let k = 0; k < range.text.length; k++) r.at.push(range.at);
  }
  // the display's label: its first row's that has one (\tag or a trailing `(n)`), else one written after it, else
  // its first row's \label
  const firstRow = Math.min(...tagAt.keys());
  const printed = tagAt.get(firstRow) ?? d.outerTag?.text ?? null;
  const tag = printed ?? labelAt.get(Math.min(...labelAt.keys())) ?? null;
  // rows that begin a new equation (gather, align with several equations) become claims of their own
  const claims: Folded[] = [];
  const rowTags: (string | null)[] = [];
  const rowLabels: (string | null)[] = [];
  rows.forEach((r, n) => {
    const prev = claims[claims.length - 1];
    const own = tagAt.get(n) ?? null;
    const label = labelAt.get(n) ?? null;
    if (boundAt.has(n)) {
      claims.push({ chars: r.chars, at: [...r.at] });
      rowTags.push(own);
      rowLabels.push(label);
      return;
    }
    // `A = B \;\Rightarrow\; ‖A‖ ≤ ‖W‖` (an assistant's answer, probe 49): the bound the implication states is a claim of
    // its own, as a row of one is (it was dropped with the prose, unjudged and unsaid)
    if (proseAt.has(n) && prev && topLevelEquals(r.chars.trim()) < 0 && BOUND_SIGN.test(r.chars)) {
      claims.push({ chars: r.chars, at: [...r.at] });
      rowTags.push(own);
      rowLabels.push(label);
      return;
    }
    if (proseAt.has(n) && !startsNewClaim(r.chars)) return;
    // a row that is only `\vdots` (or `\dots`) between two equations says "and so on": layout, no part of either
    if (ELLIPSIS.test(r.chars.trim())) return;
    if (!prev || !startsNewClaim(r.chars)) {
      if (prev) {
        if (rowTags[rowTags.length - 1] === null) rowTags[rowTags.length - 1] = own;
        if (rowLabels[rowLabels.length - 1] === null) rowLabels[rowLabels.length - 1] = label;
        prev.chars += ' ' + r.chars;
        prev.at.push(r.at[0] ?? prev.at[prev.at.length - 1] ?? d.contentStart);
        for (const o of r.at) prev.at.push(o);
      } else {
        claims.push({ chars: r.chars, at: [...r.at] });
        rowTags.push(own);
        rowLabels.push(label);
      }
    } else {
      claims.push({ chars: r.chars, at: [...r.at] });
      rowTags.push(own);
      rowLabels.push(label);
    }
  });
  // `A = B = \dots = C`: a side that is only an ellipsis stands for steps not written; it is left out with its `=`,
  // and the written sides are judged (it was the whole equation skipped)
  for (const cl of claims) cl.chars = withoutEllipsisSides(cl.chars);
  // a label written after the whole display (`$$ … $$ (5)`) is its last equation's
  if (claims.length > 1 && d.outerTag && rowTags[rowTags.length - 1] === null) rowTags[rowTags.length - 1] = d.outerTag.text;
  const rowStarts = rows
    .filter((r) => r.at.length)
    .map((r) => ({ start: r.at[0]!, tag: tagAt.get(rows.indexOf(r)) ?? null, label: labelAt.get(rows.indexOf(r)) ?? null }));
  return {
    tag,
    tagIsLabel: printed === null && tag !== null,
    rows: claims,
    continues: continuesBefore(claims[0]?.chars ?? ''),
    rowTags,
    rowLabels,
    rowStarts,
    approximate,
    unread,
    defines,
  };
}

/**
 * a display that begins with =, + or − continues the one before (LANGUAGE.md §8), after any layout that sets the
 * sign in: `\qquad + w^2` (indented as the line above), `{} + w^2` and `{}={}` (TeX's idiom for a binary sign's
 * spacing), `\hphantom{A} = B`. Both were claims of their own: "no equality to check", or `\quad = 2` an error.
 */
const CONTINUES =
  /^(?:\s|&|\{\s*\}|\\(?:q?quad|displaystyle|[,;:! ])(?![A-Za-z])|\\(?:hspace\*?|h?phantom)\s*\{(?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*\})*(?:=|\+|-|−)/;

/**
 * whether a display continues the one before: it begins with =, + or − (after layout); but one that begins with a
 * negated derivative and states its own equality (`-\frac{\partial L}{\partial h_2} = -1 - w`, the descent direction)
 * is an equation of its own: it was glued to the last side before it, `… = 1 - ∂L/∂h_2 = -1 - w`, and a right
 * equation failed
 */
function continuesBefore(chars: string): boolean {
  if (!CONTINUES.test(chars)) return false;
  return !(NEGATED_DERIVATIVE.test(chars) && topLevelEquals(chars) >= 0);
}

const NEGATED_DERIVATIVE = /^\s*[-−]\s*(?:\\left\s*)?(?:\\[dt]?frac\s*\{\s*(?:\\partial|∂|d|\\mathrm\s*\{\s*d\s*\})|\\partial|∂|\\nabla|∇)/;

/**
 * how much of a row's end the tests of how it ends read (a number, a remark's subject, a range's `t = 1`): each ends
 * in a few dozen characters, and reading the whole row at each of thousands of terms was quadratic
 */
const TAIL = 200;

/** a name after a comma or a wide space at the end of a row, which a following `\in \mathbb{R}…` is said of */
const REMARK_SUBJECT =
  /(?:,\s*|\\q?quad(?![A-Za-z])\s*|\\[,;:]\s*)+(?:\\(?:mathbf|boldsymbol|bm)\s*\{[^{}]*\}|\\?[A-Za-z]+)(?:\s*(?:_|\^)\s*(?:\{[^{}]*\}|[A-Za-z0-9]))*\s*$/;
/** membership in a real space, `\in \mathbb{R}^{n \times m}` (also `ℝ^q`, `\R^n`): a note on a side's shape */
const REAL_SPACE =
  /^\\in\s*(?:\\mathbb\s*\{\s*R\s*\}|\\mathbb\s*R(?![A-Za-z])|ℝ|\\R(?![A-Za-z]))(?:\s*\^\s*(?:\{[^{}]*\}|\\?[A-Za-z0-9]+))?/;

/** an ellipsis alone: a row or a side that stands for what is not written */
const ELLIPSIS = /^(?:\\[vdcl]?dots[bcimo]?|\\ddots|…|⋮|⋯|\.\.\.)$/;

/** the chain with every side that is only an ellipsis blanked, with the `=` before it (same length) */
function withoutEllipsisSides(chars: string): string {
  const eqs = topLevelEqualsSigns(chars);
  if (eqs.length < 2) return chars;
  let out = chars;
  eqs.forEach((e, k) => {
    const next = k + 1 < eqs.length ? eqs[k + 1]! : chars.length;
    // the last side is never left out: a chain needs a side after its last `=`
    if (k + 1 < eqs.length && ELLIPSIS.test(chars.slice(e + 1, next).trim()))
      out = out.slice(0, e) + ' '.repeat(next - e) + out.slice(next);
  });
  return out;
}

/** delimiter sizes a bar may be written with: `\big|`, `\Big|`, `\bigg|`, `\Bigg|` (and their l/r/m forms) */
const BIG = /^[bB]igg?[lrm]?$/;
/** a step an evaluation bar binds: 3, T, T-1, and Goodfellow's τ (the last step, as the language reads it) */
const BAR_STEP = /^(?:\d+|(?:T|τ|\\tau)(?:\s*[-+−]\s*\d+)?)$/;

/**
 * `_{t=3}` after an evaluation bar at j: the variable and the step it binds, where the bar ends; a subscript that
 * binds no step (`|_{t=1..3}`, `|_{θ=θ_0}`) is refused by name; no `_`: not a bar (null)
 */
function evaluationBar(
  text: string,
  j: number,
  end: number,
): { variable: string; value: string; end: number } | { step: string; end: number } | { refused: string; end: number } | null {
  const m = /^\s*_\s*(?:\{([^{}]*)\}|([A-Za-z0-9]))/.exec(text.slice(j, Math.min(end, j + 60)));
  if (!m) return null;
  const sub = (m[1] ?? m[2]!).trim();
  const bind = /^([A-Za-z])\s*=\s*(.+)$/.exec(sub);
  const value = bind?.[2]!.replace(/\s+/g, '').replace('−', '-');
  // CS230's ∂L^{(T)}/∂W|_{(t)}, CS224n's ∂J/∂W_h|_{(i)}: the gradient by the step-t copy of a shared weight, no
  // evaluation bar — the language reads it (resolve/stepCopy.ts)
  if (/^\(\s*(?:[A-Za-z](?:\s*[-+−]\s*\d+)?|\d+)\s*\)$/.test(sub)) return null;
  // a step alone, |_{t}, |_{t+1}, |_{2}: the step of a derivative by a quantity written without one (stepDenominator)
  if (!bind && BAR_ALONE.test(sub)) return { step: sub.replace(/\s+/g, '').replace('−', '-'), end: j + m[0].length };
  if (!bind || !BAR_STEP.test(value!))
    return { refused: `an evaluation bar |_{${sub}} (only a step is read: |_{t=3}, |_{t=T})`, end: j + m[0].length };
  return { variable: bind[1]!, value: value!, end: j + m[0].length };
}

/** a step written alone under a bar: t, t±k, a number, T, T±k */
const BAR_ALONE = /^(?:\d+|[tT](?:\s*[-+−]\s*\d+)?)$/;

/** a derivative's denominator by a name with no step: `{\partial h}`, `{\partial \mathbf{h}}`, `/∂h` (not `∂h_t`) */
const BARE_DENOMINATOR =
  /(?:\{\s*(?:\\partial(?![A-Za-z])|∂|\\mathrm\s*\{\s*d\s*\}|d)\s*(?:\\(?:mathbf|boldsymbol|bm|mathit|vec)\s*\{\s*[A-Za-z]\s*\}|[A-Za-z])\s*(?=\})|\/\s*(?:\\partial(?![A-Za-z])|∂)\s*(?:\\(?:mathbf|boldsymbol|bm|mathit|vec)\s*\{\s*[A-Za-z]\s*\}|[A-Za-z])(?![A-Za-z_^{]))/g;

/**
 * `\left.\frac{∂𝓛}{∂h}\right|_{t}` (a student's "∂𝓛/∂h at step t"): chars[from…] is one derivative by a name written
 * with no step, which gets the bar's step, as ∂𝓛/∂h_t; null, or why not when the expression has no such derivative or
 * more than one (a step alone under any other expression names nothing to put it on)
 */
function stepDenominator(chars: string[], at: number[], from: number, step: string, shifts: Shifts): string | null {
  const expr = chars.slice(from).join('');
  const found = [...expr.matchAll(BARE_DENOMINATOR)];
  if (found.length !== 1)
    return `an evaluation bar |_{${step}} with a step alone (read under one derivative by a quantity written without its step, ∂L/∂h|_{${step}} for ∂L/∂h_{${step}}; a step bound to a letter is |_{t=3})`;
  const k = from + found[0]!.index! + found[0]![0].length;
  const put = `_{${step}}`.split('');
  chars.splice(k, 0, ...put);
  at.splice(k, 0, ...put.map(() => at[k - 1]!));
  shiftPlaces(shifts, k - 1, put.length);
  return null;
}

/**
 * The evaluated expression chars[from…] with its free step bound: every standalone `variable` (a letter with no
 * letter or backslash before it and no letter after it) becomes `{value}` at that letter's offset; null, or why
 * not when a Σ or ∏ in it binds the same letter
 */
function bindStep(chars: string[], at: number[], from: number, variable: string, value: string, shifts: Shifts): string | null {
  const expr = chars.slice(from).join('');
  if (new RegExp(`(?:sum|prod|Σ|∏|∑)\\s*_\\s*\\{?\\s*${variable}(?![A-Za-z])`).test(expr))
    return `an evaluation bar |_{${variable}=${value}} over a Σ or ∏ that binds ${variable} itself`;
  const letter = (s: string | undefined) => s !== undefined && /^[A-Za-z\\]$/.test(s);
  for (let k = chars.length - 1; k >= from; k--) {
    if (chars[k] !== variable || letter(chars[k - 1]) || (chars[k + 1] !== undefined && /^[A-Za-z]$/.test(chars[k + 1]!))) continue;
    const put = `{${value}}`.split('');
    chars.splice(k, 1, ...put);
    at.splice(k, 1, ...put.map(() => at[k]!));
    shiftPlaces(shifts, k, put.length - 1);
  }
  return null;
}

/** places in the folded characters that move when characters are inserted before them */
interface Shifts {
  breaks: number[];
  lefts: { at: number }[];
  groups: number[];
}

/** `by` characters were inserted at k: every row break, `\left` and open group after k moves with them */
function shiftPlaces(s: Shifts, k: number, by: number): void {
  for (let n = 0; n < s.breaks.length; n++) if (s.breaks[n]! > k) s.breaks[n]! += by;
  for (const l of s.lefts) if (l.at > k) l.at += by;
  for (let n = 0; n < s.groups.length; n++) if (s.groups[n]! > k) s.groups[n]! += by;
}

/** what may follow the bar that ends an equation: space, a label, a remark in text, punctuation, an environment's end, alignment */
const EQUATION_TAIL =
  /^(?:\s|&|[,.;，。；．、]|\\[,;:! ]|\\q?quad(?![A-Za-z])|\\(?:tag\*?|label|text|textrm|mbox)\s*\{[^{}]*\}|\\(?:nonumber|notag)(?![A-Za-z])|\\end\s*\{[^{}]*\}|\(\s*[0-9a-z.]{1,12}\s*\))*/;

/**
 * whether a bar ending at j ends its equation: nothing but layout follows to the display's end, or to a row break
 * after which a new equation (or nothing) begins — not a later side of the same chain (`\\ &= …`)
 */
function barEndsEquation(text: string, j: number, end: number): boolean {
  const rest = text.slice(j, Math.min(end, j + 400));
  const tail = EQUATION_TAIL.exec(rest)![0].length;
  if (j + tail >= end) return true;
  const brk = /^(?:\\\\(?:\s*\[[^\]\n]{0,20}\])?|\\newline(?![A-Za-z]))/.exec(rest.slice(tail));
  // `A = B \Big|_{t=T}, \qquad C = D`: a second equation on the row, after a comma or a space (as the fold splits them)
  if (!brk) return /[,;]|\\q?quad/.test(rest.slice(0, tail)) && commaStartsClaim(text, j + tail, end);
  const next = rest.slice(tail + brk[0].length);
  const row = next
    .slice(0, next.search(/\\\\|$/))
    .replace(/&/g, ' ')
    .replace(/\\end\s*\{[^{}]*\}/g, ' ');
  return row.trim() === '' || startsNewClaim(row);
}

/** ≈ and ≠ as LaTeX writes them: a relation no check states (a rounded value, a remark) */
const APPROX = /^(?:\\approx|\\simeq|\\neq|\\ne)(?![A-Za-z])|^[≈≠]/;

/** the relations of a rounded value (not ≠) */
const ROUNDING = /^(?:\\approx|\\simeq|≈)$/;
/** a number as a solution writes a rounded value: -0.193, 4.21 \times 10^{-2} */
const WRITTEN_VALUE =
  /^[-−]?\s*(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?(?:\s*(?:\\times|\\cdot|×|·)\s*10\s*\^\s*(?:\{\s*[-−]?\s*\d+\s*\}|[-−]?\d))?$/;

/**
 * the offsets of the `)` that closes a reason opened in a text command (`\text{(since } … \text{)}` or `… )`), from i
 * to the row's end: the whole `\text{)}` or the lone `)`; none when the row has no such `)`
 */
function closingParen(text: string, i: number, end: number): number[] {
  let depth = 0;
  for (let k = i; k < end; k++) {
    const c = text[k]!;
    if (c === '\\' && text[k + 1] === '\\') return [];
    const closer = /^\\(?:text|textrm|textit|textup|textnormal|mbox)\s*\{\s*\)\s*\}/.exec(text.slice(k, k + 20));
    if (closer && depth === 0) return Array.from({ length: closer[0].length }, (_, n) => k + n);
    if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0) return [k];
      depth--;
    }
  }
  return [];
}

/** how a value was rounded: 4 d.p., to 3 s.f., 3 sig. fig., rounded to 4 decimal places (the words of a remark) */
const ROUNDED_HOW = String.raw`(?:to\s+|rounded\s+to\s+)?\d+\s*(?:d\.\s?p\.?|dp|s\.\s?f\.?|sf|decimal\s+places?|decimals|sig(?:nificant|\.)?\s*fig(?:ures|s|\.)?)`;

/** a remark that a value is rounded: (4 d.p.), (to 3 s.f.), (3 sig. fig.), to 4 decimal places */
const ROUNDING_REMARK = new RegExp(
  String.raw`^\s*(?:\\q?quad|\\[,;: ]|\s)*\(?\s*\\(?:text|textrm|textit|mbox)\s*\{\s*\(?\s*${ROUNDED_HOW}\s*\)?\s*\}\s*\)?`,
  'i',
);
/** a parenthesised remark that is only how a value was rounded, `(\text{4 d.p.})` */
const ROUNDING_ONLY = new RegExp(String.raw`^${ROUNDED_HOW}$`, 'i');

/** from i: a written value (-0.0838) and then a remark that it is rounded */
function roundedByRemark(text: string, i: number, end: number): boolean {
  const rest = text.slice(i, Math.min(end, i + 120));
  const value = /^\s*[-−]?\s*(?:\d+\.?\d*|\.\d+)/.exec(rest);
  return !!value && ROUNDING_REMARK.test(rest.slice(value[0].length)) && writtenValueFollows(text, i, end);
}

/** one letter, as written (γ, \gamma, k): a range's or binding's variable, or a constant's name */
const LETTER = String.raw`(?:[A-Za-z]|\\[A-Za-z]+|[α-ωΑ-Ω])`;
/** a number no step can be: a fraction of two whole numbers or a decimal (`\frac{1}{4}`, `1/4`, `0.25`) */
const FRACTION = String.raw`(?:\\[dt]?frac\s*\{\s*\d+\s*\}\s*\{\s*\d+\s*\}|\d+\s*\/\s*\d+|\d*\.\d+)`;

/** prose after a written value: a text command (in parentheses or not) or an implication */
const REMARK_AFTER_VALUE = new RegExp(
  String.raw`(?:\(\s*)?\\(?:text|textrm|textit|textup|textnormal|textbf|mbox|emph)(?![A-Za-z])|\\(?:${[...IMPLIES].join('|')})(?![A-Za-z])|[⇒⟹∴]` +
    // a constant defined after the value, `≈ [0.07, …], \quad θ = 0.1` (a claim of its own: commaStartsClaim)
    String.raw`|,\s*(?:\\q?quad\s*)?${LETTER}\s*=\s*(?:${FRACTION}|\d+)\s*$`,
);

/**
 * whether the rest of the row from i is only a written value (before a row break, a \tag, a trailing (n) and
 * punctuation): a rounded result the check judges to its digits
 */
function writtenValueFollows(text: string, i: number, end: number): boolean {
  if (WRITTEN_VALUE.test(rowRest(text, i, end))) return true;
  // `≈ \begin{bmatrix} 0.4621 \\ 0 \end{bmatrix}`, `≈ (0.4621, 0)^T`: a vector or matrix of written values, judged entry by
  // entry to their digits as a number is (the literal read before the row's rest: its `\\` are its own rows)
  const literal = writtenLiteral(text, i, end);
  return literal >= 0 && rowRest(text, literal, end) === '';
}

/** the row from i as writtenValueFollows reads it: up to a row break or \tag, without a remark, a label or punctuation after it */
function rowRest(text: string, i: number, end: number): string {
  let rest = text.slice(i, Math.min(end, i + 200));
  const stop = /\\\\|\\(?:tag|label|nonumber|notag)(?![A-Za-z])/.exec(rest);
  if (stop) rest = rest.slice(0, stop.index);
  // a remark or a reason after the value (`≈ -0.08 \quad \text{(since } h_0 = 0\text{)}`, `(\text{as …})`, `\implies …`)
  // is read on its own: the value ends before it
  const remark = REMARK_AFTER_VALUE.exec(rest);
  if (remark) rest = rest.slice(0, remark.index).replace(/(?:\\q?quad|\\hfill|\\[,;: ]|\s)*$/, '');
  return withDecimalPoint(rest)
    .replace(/\\q?quad\s*\(\s*\d+[a-z]?\s*\)\s*$/, '')
    .replace(/\\[,;! ]/g, ' ')
    .replace(/[,.;]?\s*$/, '')
    .trim();
}

/** a transpose written after a literal: ^T, ^\top, ^{\top}, ^\intercal, ^⊤, ᵀ */
const LITERAL_TRANSPOSE =
  /^\s*(?:\^\s*(?:\{\s*(?:T|\\top|\\intercal|\\mathsf\s*\{\s*T\s*\}|⊤)\s*\}|T(?![A-Za-z])|\\top(?![A-Za-z])|\\intercal(?![A-Za-z])|⊤)|ᵀ)/;

/**
 * a vector or matrix of written values at i (after spaces): `\begin{bmatrix} 0.46 \\ 0 \end{bmatrix}` (pmatrix, matrix), or
 * `(0.46, 0)`, `[0.46, 0]` with two entries or more, each optionally transposed; where it ends, or −1
 */
function writtenLiteral(text: string, i: number, end: number): number {
  const stop = Math.min(end, i + 2000);
  let j = i;
  while (j < stop && /\s/.test(text[j]!)) j++;
  const entries = (body: string, sep: RegExp) =>
    body.split(sep).every((e) => WRITTEN_VALUE.test(withDecimalPoint(e.replace(/\\[,;! ]/g, ' ').trim())));
  let after = -1;
  const env = /^\\begin\s*\{\s*([bp]?matrix)\s*\}/.exec(text.slice(j, stop));
  if (env) {
    const close = new RegExp(String.raw`\\end\s*\{\s*${env[1]}\s*\}`).exec(text.slice(j + env[0].length, stop));
    if (!close) return -1;
    // a trailing `\\` before \end ends the last row, no row of its own
    const body = text.slice(j + env[0].length, j + env[0].length + close.index).replace(/\\\\\s*$/, '');
    if (!entries(body, /\\\\|&/)) return -1;
    after = j + env[0].length + close.index + close[0].length;
  } else if (text[j] === '(' || text[j] === '[') {
    const closer = text[j] === '(' ? ')' : ']';
    const k = text.indexOf(closer, j + 1);
    if (k < 0 || k >= stop) return -1;
    const body = text.slice(j + 1, k);
    if (!body.includes(',') || !entries(body, /,/)) return -1;
    after = k + 1;
  } else return -1;
  const t = LITERAL_TRANSPOSE.exec(text.slice(after, stop));
  return t ? after + t[0].length : after;
}

/**
 * A decimal comma at i, as a solution in German, French, … writes a number: where the fold puts its decimal point
 * (the comma's offset), or null. `0{,}5` (LaTeX's spelling: braces keep the comma from spacing) wherever a digit
 * stands on both sides; a bare `0,2913` only as the value a side ends with (after =, ≈, before the row's end), where
 * no list or argument can stand, and not as a thousands separator (1,000: three digits after a comma, not after 0)
 */
function decimalComma(text: string, i: number, end: number, rowTail: () => string): number | null {
  // the row's end read only at a comma before a digit: a '{' of a deep nesting read the whole row at every brace
  if (text.startsWith('{,}', i)) return /\d/.test(text[i + 3] ?? '') && /\d$/.test(rowTail()) ? i + 1 : null;
  if (text[i] !== ',' || !/\d/.test(text[i + 1] ?? '')) return null;
  const row = rowTail();
  const whole = /(?:=|≈)\s*[-−]?\s*(\d+)$/.exec(row);
  // `t = 1,2` (a range of steps, T = 2,3): a step or a count is a whole number, never a decimal
  if (!whole || /(?:^|[^\p{L}\p{N}_])[tkijnsTτ]\s*=\s*\d+$/u.test(row) || !writtenValueFollows(text, i + 1, end)) return null;
  const fraction = /^\d+/.exec(text.slice(i + 1, end))![0];
  return fraction.length === 3 && whole[1] !== '0' ? null : i;
}

/** a written value's decimal comma (0{,}5, or one bare one that is no thousands separator) as a decimal point */
function withDecimalPoint(s: string): string {
  const braced = s.replace(/(\d)\{,\}(?=\d)/g, '$1.');
  return braced.replace(/^(\s*[-−]?\s*(\d+)),(\d+)(?![\d,])/, (all, head: string, whole: string, fraction: string) =>
    fraction.length === 3 && whole !== '0' ? all : `${head}.${fraction}`,
  );
}

/**
 * where a cut after ≈ at i ends in its row: at a later ≈ followed only by a written value (rounded: the value is
 * judged), or at an implication (the statement after it is a claim of its own); null when neither comes
 */
function cutStop(text: string, i: number, end: number): { at: number; rounded: boolean; equals?: boolean } | null {
  let depth = 0;
  for (let j = i; j < end; j++) {
    const c = text[j]!;
    if (c === '{' || c === '(' || c === '[') depth++;
    else if (c === '}' || c === ')' || c === ']') depth = Math.max(0, depth - 1);
    if (depth > 0) continue;
    if (c === '⇒' || c === '⟹' || c === '∴') return { at: j, rounded: false };
    // `A = B ≈ 0.0205 − 0.0417 = −0.0212`: the value the arithmetic after ≈ ends in is the answer, rounded as that
    // arithmetic is (it was cut with it, and a wrong answer never judged)
    if (c === '=' && writtenValueFollows(text, j + 1, end)) return { at: j, rounded: true, equals: true };
    if (c !== '\\' && c !== '≈') continue;
    if (text[j + 1] === '\\' || /^\\(?:tag|label|end)(?![A-Za-z])/.test(text.slice(j, j + 8))) return null;
    const word = /^\\([A-Za-z]+)/.exec(text.slice(j, j + 20))?.[1];
    if (word && IMPLIES.has(word)) return { at: j, rounded: false };
    const relation = approximation(text, j, end);
    if (relation && ROUNDING.test(relation) && writtenValueFollows(text, j + relation.length, end)) return { at: j, rounded: true };
    if (word) j += word.length;
  }
  return null;
}

/** the approximation or inequality written at i, or null */
function approximation(text: string, i: number, end: number): string | null {
  const c = text[i]!;
  if (c !== '\\' && c !== '≈' && c !== '≠') return null;
  return APPROX.exec(text.slice(i, Math.min(end, i + 8)))?.[0] ?? null;
}

/** `{…}` starting at i (after optional spaces and a star: `\\tag*{…}`): its offsets, braces included */
function braced(text: string, i: number, end: number): { start: number; end: number } | null {
  let j = i;
  while (j < end && (text[j] === ' ' || text[j] === '*')) j++;
  return matchBrace(text, j, end);
}

const TRAILING_LABEL = /(^|\\q?quad|\\hfill|\s|\\[,;!])\s*(\(\s*(?:[0-9a-zA-Z.']{1,12}|\\[a-z]{3,7}|[*⋆∗†‡])\s*\))$/;
const TRAILING_LABEL_INSIDE = /(\\q?quad|\\hfill|\s|\\[,;!])\s*(\(\s*(?:[0-9a-zA-Z.']{1,12}|\\[a-z]{3,7}|[*⋆∗†‡])\s*\))$/;

/** a label `(n)` that ends the math, after `\quad`/`\qquad` or a space (seed 000 writes `… \quad (1)`) */
function trailingLabel(s: string): { text: string; start: number } | null {
  const written = writtenLabel(s);
  if (written) return written;
  // read in the row's end, trimmed (the pattern's runs of spaces made it quadratic on a long row of blanks); a label
  // is a few characters, and where the end read does not start the row `^` is no alternative
  const trimmed = s.trimEnd();
  const from = Math.max(0, trimmed.length - TAIL);
  const m = (from === 0 ? TRAILING_LABEL : TRAILING_LABEL_INSIDE).exec(trimmed.slice(from));
  if (!m) return null;
  m.index += from;
  const label = LABEL.exec(m[2]!.replace(/\s+/g, ''));
  if (!label) return null;
  // `σ' (z)` is an argument: a letter label needs `\quad` before it
  if (!/^\d/.test(label[1]!) && !m[1]!.startsWith('\\q')) return null;
  // `w (1)` could be a product: only a label when something separates it
  const start = m.index + (m[1]!.startsWith('\\') ? 0 : m[1]!.length);
  return { text: tagLabel(label[1]!), start };
}

/** prose commands a label may be written in: `\quad \text{(5)}`, `\textbf{(7)}` */
const LABEL_TEXT = String.raw`\\(?:text|textbf|textrm|textit|textup|textnormal|mathrm|mathbf|mbox)\s*`;
/** a label's content: 5, 3.2, 4b, a, iv — also `Eq. 8` */
const LABEL_BODY = String.raw`(?:eq\.?\s*)?(\d+(?:\.\d+)*[a-z]?|[a-z]|[ivx]+)`;
/**
 * labels written in other ways at the end of a row (session 14: `\textbf{(7)}` and `[6]` were read as factors of
 * the right side and a right equation failed; `\hfill (3)`, `\eqno(4)`, `(\text{a})` did not read)
 */
const WRITTEN_LABELS = [
  // plain TeX's \eqno (3) and \leqno
  new RegExp(String.raw`\\l?eqno\s*(?:\(\s*${LABEL_BODY}\s*\)|${LABEL_BODY})\s*$`, 'i'),
  // \text{(5)}, \textbf{(Eq. 7)} after a space
  new RegExp(String.raw`(?:^|(?<=\s|quad|hfill))${LABEL_TEXT}\{\s*\(\s*${LABEL_BODY}\s*\)\s*\}\s*$`, 'i'),
  // (\text{a})
  new RegExp(String.raw`(?<=\s|quad|hfill)\(\s*${LABEL_TEXT}\{\s*${LABEL_BODY}\s*\}\s*\)\s*$`, 'i'),
  // UnicodeMath's equation number, `h_t=tanh⁡(…)#(1)` (Word's linear format; `\#\left(1\right)` in its LaTeX): `#`
  // sets the number Word prints at the right margin
  new RegExp(
    String.raw`\\?#\s*(?:\\left\s*)?\(\s*((?:\d+(?:\.\d+)*[a-z]?'*)|[A-Za-z]\.?\d+(?:\.\d+)*|[a-z]|[ivx]+)\s*(?:\\right\s*)?\)\s*$`,
  ),
  // \quad [6]: brackets only after \quad (a vector literal is no label)
  new RegExp(String.raw`\\q?quad\s*\[\s*${LABEL_BODY}\s*\]\s*$`, 'i'),
];

/**
 * the end of a parenthesised remark at i, `(\text{since } h_3 \text{ depends on } h_2)`: a group that opens with prose
 * which is no range or clause of the check (`(\text{for } t < T)`, `(\text{where } …)`) and no label (`(\text{a})`);
 * -1 when there is none
 */
function proseRemark(text: string, i: number, end: number): number {
  const m = /^[([]\s*\\(text|textrm|textit|textup|textnormal|textbf|mbox|emph)\s*\{([^{}]*)\}/.exec(text.slice(i, Math.min(end, i + 200)));
  if (!m) return -1;
  // `(\text{goal}_T − \text{pred}_T)`: a word with a script on it is a name written upright (the lexer's), no remark
  if (/^[_^]/.test(text.slice(i + m[0].length, i + m[0].length + 1))) return -1;
  const words = m[2]!.trim();
  // `(\text{4 d.p.})`: how a value was rounded, a remark with no word of two letters
  const rounding = ROUNDING_ONLY.test(words);
  // a bold word of two letters may be a name (\textbf{W}, \textbf{Wx}): a bold remark has three or more
  if (
    !rounding &&
    (!(m[1] === 'textbf' ? /[A-Za-z]{3}/ : /[A-Za-z]{2}/).test(words) || /^[,;]?\s*(?:for|if|where|with|when)\b/i.test(words))
  )
    return -1;
  if (!rounding && new RegExp(String.raw`^${LABEL_BODY}$`, 'i').test(words)) return -1;
  // `[\text{chain rule}]` as `(\text{chain rule})`
  const open = text[i]!,
    close = open === '(' ? ')' : ']';
  let depth = 0;
  for (let k = i; k < end; k++) {
    const c = text[k]!;
    if (c === '\\') {
      // a row break ends the row before the remark closes: no remark
      if (text[k + 1] === '\\') return -1;
      k++;
    } else if (c === open || c === '{') depth++;
    else if (c === close || c === '}') {
      depth--;
      if (depth === 0) return c === close ? k + 1 : -1;
    } else if (c === '\n' && text[k + 1] === '\n') return -1;
  }
  return -1;
}

function writtenLabel(s: string): { text: string; start: number } | null {
  for (const re of WRITTEN_LABELS) {
    const m = re.exec(s);
    if (m) return { text: m[1]!, start: m.index };
  }
  return null;
}

/** spacing between two equations on one row (`,\quad`, `,\;`, `,~`) */
const SPACING = /\\(?:q?quad|[,;:! ])|~/g;

/**
 * whether the text after a top-level comma at i (up to the next top-level comma or row break) states an
 * equation of its own: it has its own `=`, and its left side is not a single letter (`, t = 1, \dots, T` is the
 * range of the check, `, c = 2` a value the language reads) nor a `for`/`where` clause
 */
function commaStartsClaim(text: string, i: number, end: number, scans?: { left: number }): boolean {
  // `…, \quad δ_t \equiv …`: a definition's sign is the fold's `=` (EQUALS_CMDS), so here too (probe 47: it was read as
  // the check's range, "write the range of t")
  const rest = clauseAfter(text, i, end, scans)?.replace(DEFINITION_SIGN, '=');
  if (rest === undefined) return false;
  const eq = topLevelEquals(rest);
  if (eq <= 0 || !startsNewClaim(rest)) return false;
  // (`&` is an align's column, layout: `…, && t = 1, \dots, T` is the check's range, written in a column of its own)
  const lhs = rest.slice(0, eq).replace(SPACING, ' ').replace(/&/g, ' ').trim();
  if (/(?:^|[^A-Za-z])(?:for|where|forall|with|if)(?![A-Za-z])/.test(lhs)) return false;
  // a letter alone is a range or a step's binding (`, t = 1, \dots, T`, `, k = 3`) — unless a fraction or a decimal
  // is its value, which no step is: a constant the equation before it reads (`≤ γ, \quad γ = \frac{1}{4}`); a Greek
  // letter but τ is no step's letter, so a whole number is its value too (`≤ (‖W‖ γ)^T, \quad γ = 1`)
  if (LONE_LETTER.test(lhs)) {
    // (a label after the value is the display's: `γ = \frac{1}{4} \tag{3}`)
    const value = rest
      .slice(eq + 1)
      .replace(TAG_OR_LABEL, ' ')
      .replace(SPACING, ' ')
      .trim();
    return NON_INTEGER.test(value) || (GREEK_CONSTANT.test(lhs) && WHOLE.test(value));
  }
  return true;
}

/** the signs that state an equality by definition: `\equiv`, `\coloneqq`, `:=`, `≡`, `\stackrel{\text{def}}{=}` */
const DEFINITION_SIGN =
  /\\(?:coloneqq|equiv|triangleq|eqqcolon|doteq)(?![A-Za-z])|:=|[≔≡≜]|\\(?:stackrel|overset)\s*\{(?:[^{}]|\{[^{}]*\})*\}\s*\{\s*=\s*\}/g;

/** a Greek letter as written (\gamma, γ), but τ (Goodfellow's last step, a Σ's variable) */
const GREEK_CONSTANT = /^(?:\\(?!tau$)[a-z]+|(?!τ)[α-ωΑ-Ω])$/;
/** a display's \tag{…} or \label{…} */
const TAG_OR_LABEL = /\\(?:tag\*?|label)\s*\{[^{}]*\}/g;
/** a whole number, as a constant's value */
const WHOLE = /^\d+$/;

const LONE_LETTER = new RegExp(`^${LETTER}$`);

/** an approximation's sign, as a row's text has it */
const APPROX_SIGN = /\\approx(?![A-Za-z])|≈/;

/** a bound's relation, as a row's text has it */
const BOUND_SIGN = /\\(?:le|leq|ge|geq|lt|gt)(?![A-Za-z])|[<>≤≥]/;

const NON_INTEGER = new RegExp(`^${FRACTION}$`);

/** a row that defines a constant: a letter alone equal to such a number (`\gamma = \frac{1}{4}`) */
const CONSTANT_ROW = new RegExp(String.raw`^\s*${LETTER}\s*=\s*${FRACTION}\s*$`);

/** the text from i to the next comma or row break outside braces, or null when the display's budget is spent */
function clauseAfter(text: string, i: number, end: number, scans?: { left: number }): string | null {
  let depth = 0;
  let j = i;
  for (; j < end; j++) {
    // a display's budget spent (thousands of spaces or commas, each scanning to the end): no more claims split off
    if (scans && --scans.left < 0) return null;
    const c = text[j]!;
    if (c === '\\') {
      if (text[j + 1] === '\\' && depth === 0) break;
      j++;
      continue;
    }
    if (c === '{' || c === '(' || c === '[') depth++;
    else if (c === '}' || c === ')' || c === ']') depth = Math.max(0, depth - 1);
    else if (c === ',' && depth === 0) break;
  }
  return text.slice(i, j);
}

/** a row of an align/gather that states a new equation (`y_t &= …` after `h_t &= …`) */
function startsNewClaim(row: string): boolean {
  const t = row.trim();
  if (!t || /^(?:=|\+|-|−|\\cdot|\\times|\\pm|\\mp)/.test(t)) return false;
  return topLevelEquals(t) > 0;
}

/** index of the first `=` outside braces and brackets (not `\leq`-like commands), or -1 */
export function topLevelEquals(s: string): number {
  return topLevelEqualsSigns(s, true)[0] ?? -1;
}

/** indices of the `=` (and a kept rounded value's `≈`) outside braces and brackets (a command's next character skipped): all, or only the first */
export function topLevelEqualsSigns(s: string, onlyFirst = false): number[] {
  const out: number[] = [];
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '{' || c === '(' || c === '[') depth++;
    else if (c === '}' || c === ')' || c === ']') depth = Math.max(0, depth - 1);
    else if ((c === '=' || c === '≈') && depth === 0) {
      out.push(i);
      if (onlyFirst) break;
    }
  }
  return out;
}

/** a standalone label line: `(19)`, `  (21)  ` */
export function labelLine(line: string): string | null {
  // `$$ … $$ (6).`: the sentence's full stop (or comma) after the label is no part of it
  const m = LABEL.exec(
    line
      .trim()
      .replace(/\s+/g, '')
      .replace(/[)）][.,;，。；．、]$/, ')'),
  );
  return m ? tagLabel(m[1]!) : null;
}
