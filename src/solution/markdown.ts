// The Markdown reader: markdown-it (the parser VS Code's own preview uses) finds the blocks, so
// fenced and indented code, HTML blocks and inline code are never read as math. A block rule of
// ours recognises display math where a block may start: `$$ … $$`, `\[ … \]` and the display
// environments of LANGUAGE.md §8. Inline `$ … $` is prose, not a claim.
import { codeBlockEquation, codeSpanEquations, MAX_CODE_EQUATION_NOTES } from './codeEquation';
import { blankFrontMatter } from './frontMatter';
import { obsidianComment } from './obsidianComment';
import { isMathInfo, isRnnInfo, RNN_FENCE_OPENING } from './fenceInfo';
import { inlineEquations, keepInline } from './inlineMath';
import MarkdownIt from 'markdown-it';
import type StateBlock from 'markdown-it/lib/rules_block/state_block.mjs';
import { type Display, labelLine } from './display';
import type { Fence, ReadResult } from './read';
import { DISPLAY_ENVS, forwardSearch, matchingEnd } from './read';

interface MathMeta {
  display: Display | null;
  unclosed: { start: number; end: number; opener: string } | null;
  /** the rest of the closing line after the display (`$$a = b$$ and $$c = d$$`): read for more `$$ … $$` */
  rest?: { start: number; end: number };
}

let parser: MarkdownIt | null = null;
function markdown(): MarkdownIt {
  if (parser) return parser;
  const md = new MarkdownIt({ html: true });
  md.block.ruler.after('fence', 'unroll_math', displayMath, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  md.block.ruler.after('unroll_math', 'obsidian_comment', obsidianComment, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  // only blocks matter (math starts a block; code spans cannot hide it): skipping inline parsing
  // makes reading a seed-sized solution several times faster
  md.core.ruler.disable(['inline', 'linkify', 'replacements', 'smartquotes', 'text_join'], true);
  parser = md;
  return md;
}

const OPEN = new RegExp(`^(?:\\$\\$|\\\\\\[|\\\\begin\\{(${DISPLAY_ENVS})\\})`);

function displayMath(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  // four spaces in is indented code, not math
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
  const src = state.src;
  const pos = state.bMarks[startLine]! + state.tShift[startLine]!;
  const lineEnd = state.eMarks[startLine]!;
  const m = OPEN.exec(src.slice(pos, Math.min(lineEnd, pos + 40)));
  if (!m) return false;
  if (silent) return true;
  const closer = m[0] === '$$' ? '$$' : m[0] === '\\[' ? '\\]' : `\\end{${m[1]}}`;
  const contentStart = pos + m[0].length;
  // display math ends before a blank line (as in LaTeX, where a paragraph break inside it is an
  // error): an unclosed `$$` then costs one line, not the rest of the document
  const env = state.env as { unrollFind?: ReturnType<typeof forwardSearch>; unrollBlank?: { from: number; at: number } };
  const last = Math.min(endLine, nextBlankLine(state, env, startLine)) - 1;
  const limit = state.eMarks[last]!;
  const find = (env.unrollFind ??= forwardSearch(src));
  let close = find(closer, contentStart);
  // an environment's own name may nest (`equation` inside is rare, but `\begin{aligned}` twice is not): match depth
  if (m[1] && close >= 0 && close <= limit) close = matchingEnd(find, contentStart, m[1], limit);
  const token = state.push('unroll_math', '', 0);
  let closeLine = startLine;
  if (close < 0 || close > limit) {
    // unclosed: only the opening line is taken, so the rest of the document still reads
    token.meta = { display: null, unclosed: { start: pos, end: pos + m[0].length, opener: m[0] } } satisfies MathMeta;
  } else {
    while (closeLine + 1 < endLine && state.bMarks[closeLine + 1]! <= close) closeLine++;
    const end = close + closer.length;
    // a label after the display on its own line, or on the line after it (seed 001 writes `$$ … $$\n (19)`)
    const rest = src.slice(end, state.eMarks[closeLine]!);
    let outerTag: Display['outerTag'] = null;
    const same = labelLine(rest);
    if (same) outerTag = { text: same, start: end, end: state.eMarks[closeLine]! };
    else if (!rest.trim() && closeLine + 1 < endLine) {
      const next = labelLine(src.slice(state.bMarks[closeLine + 1]!, state.eMarks[closeLine + 1]!));
      if (next) {
        outerTag = { text: next, start: state.bMarks[closeLine + 1]!, end: state.eMarks[closeLine + 1]! };
        closeLine++;
      }
    }
    const after = outerTag ? undefined : { start: end, end: state.eMarks[closeLine]! };
    const holes = quoteMarkers(src, pos, close);
    token.meta = {
      display: { start: pos, end, contentStart, contentEnd: close, outerTag, ...(holes.length ? { holes } : {}) },
      unclosed: null,
      rest: after,
    } satisfies MathMeta;
  }
  token.map = [startLine, closeLine + 1];
  state.line = closeLine + 1;
  return true;
}

/** the first blank line after `line` (or the end); the last answer is reused while it lies ahead */
function nextBlankLine(state: StateBlock, env: { unrollBlank?: { from: number; at: number } }, line: number): number {
  const c = env.unrollBlank;
  if (c && c.from <= line && c.at > line) return c.at;
  let at = line + 1;
  while (at < state.lineMax && !state.isEmpty(at)) at++;
  // a container's last line is not a blank line: only a real one (or the document's end) is kept
  if (at < state.lineMax || !state.parentType || state.parentType === 'root') env.unrollBlank = { from: line, at };
  return at;
}

/** markdown-it turns CR LF into LF; a same-length copy keeps its offsets the file's */
function sameLength(text: string): string {
  // a byte-order mark would hide a fence on the first line from markdown-it: a space of the same length
  const t = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
  return blankFrontMatter(t.includes('\r') ? t.replace(/\r\n/g, ' \n').replace(/\r/g, '\n') : t);
}

/** fenced blocks marked rnn, quickly: a file without one is not a solution and costs nothing more */
export const RNN_FENCE = RNN_FENCE_OPENING;

export function readMarkdown(text: string, wantMath = true): ReadResult {
  const result: ReadResult = { fences: [], displays: [], problems: [], inline: [] };
  const src = sameLength(text);
  const tokens = markdown().parse(src, {});
  const lineStarts: number[] = [0];
  for (let i = 0; i < src.length; i++) if (src.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const lineEnd = (l: number) => (l + 1 < lineStarts.length ? lineStarts[l + 1]! - 1 : src.length);
  /** the informations on equations written in code (codeEquation.ts), counted against their cap */
  let codeNotes = 0;
  const inlineCap = { said: false };
  const noteCode = (p: ReadResult['problems'][number] | null) => {
    if (p && codeNotes++ < MAX_CODE_EQUATION_NOTES) result.problems.push(p);
  };
  for (const t of tokens) {
    if (
      wantMath &&
      t.map &&
      (t.type === 'code_block' ||
        (t.type === 'fence' && !isRnnInfo(t.info) && !isMathInfo(t.info) && /^(?:|text|txt|plain|plaintext)$/i.test(t.info.trim())))
    ) {
      // an equation in an indented block or a plain fence: not read, and said so
      const first = t.type === 'fence' ? t.map[0] + 1 : t.map[0];
      noteCode(codeBlockEquation(src, lineStarts[first] ?? src.length, lineEnd(Math.max(first, t.map[1] - 1))));
      continue;
    }
    if (t.type === 'fence' && isRnnInfo(t.info) && t.map) {
      // content lines are the lines after the opening fence, as many as markdown-it's content holds
      const count = t.content ? t.content.split('\n').length - 1 : 0;
      const lines: Fence['lines'] = [];
      // in a block quote (an Obsidian callout, `> ```rnn`) every line starts with its `>` markers: no part of the
      // network (each line was "a statement starts with a name …, not '>'")
      const quoted = /^[ \t]*>/.test(src.slice(lineStarts[t.map[0]]!, lineEnd(t.map[0])));
      for (let l = t.map[0] + 1; l < t.map[0] + 1 + count && l < lineStarts.length; l++) {
        const start = lineStarts[l]!;
        const marker = quoted ? (/^[ \t]*(?:>[ \t]?)+/.exec(src.slice(start, lineEnd(l)))?.[0].length ?? 0) : 0;
        lines.push({ start: start + marker, end: lineEnd(l) });
      }
      result.fences.push({
        start: lineStarts[t.map[0]]!,
        end: lineEnd(Math.max(t.map[0], t.map[1] - 1)),
        lines,
        declaresT: /^\s*T\s*=/m.test(t.content),
      });
      // a fence never closed runs to the end of the file: the equations after it are read as network lines (each
      // `$$` an "unexpected character"), so say where the cause is
      if (!fenceClosed(src, t.map, t.markup, lineStarts, lineEnd))
        result.problems.push({
          start: lineStarts[t.map[0]]!,
          end: lineEnd(t.map[0]),
          severity: 'warning',
          message: `this ${t.markup}rnn block is never closed: it runs to the end of the file, and the equations after it are read as lines of the network`,
        });
    } else if (t.type === 'fence' && wantMath && isMathInfo(t.info) && t.map) {
      // GitHub's and GitLab's ```math block is display math as their previews show it: one claim, as `$$ … $$` is
      const display = mathFence(src, t.map, fenceClosed(src, t.map, t.markup, lineStarts, lineEnd), lineStarts, lineEnd);
      if (display) result.displays.push(display);
    } else if (t.type === 'unroll_math' && wantMath) {
      const meta = t.meta as MathMeta;
      if (meta.display) {
        result.displays.push(meta.display);
        // the rest of its closing line: `$$a = b$$ and $$c = d$$`
        if (meta.rest) result.displays.push(...midLineDisplays(src, meta.rest.start, meta.rest.end, false));
      } else if (meta.unclosed) {
        result.problems.push({
          ...meta.unclosed,
          severity: 'warning',
          message: `${meta.unclosed.opener} is never closed: this equation is not checked`,
        });
      }
    } else if (wantMath && t.map && (t.type === 'inline' || t.type === 'tr_open' || t.type === 'html_block')) {
      // `… is $$ a = b $$ as usual`: VS Code's preview shows a `$$` pair inside prose (a paragraph, a heading, a
      // table row, a Jupyter `<div>`) as display math, so it is a claim. Across lines only where no container
      // marker (`>`, a list's indent) can sit inside the math; raw HTML (`<pre>`, `<script>`, comments) never
      if (t.type === 'html_block' && RAW_HTML.test(t.content)) continue;
      const from = lineStarts[t.map[0]]!;
      const to = lineEnd(Math.max(t.map[0], t.map[1] - 1));
      const found = midLineDisplays(src, from, to, t.type !== 'tr_open');
      // Jupyter's MathJax renders `\[ … \]` and `\begin{equation}` inside a `<details>` or `<div>`, or after words
      // on a line, as it does `$$`
      if (t.type !== 'tr_open') found.push(...texDisplays(src, from, to, found, result.problems, t.type === 'inline'));
      else for (const d of found) escapedPipes(src, d);
      result.displays.push(...found);
      if (t.type === 'inline') inlineIn(src, from, to, found, result, inlineCap);
      if (t.type === 'inline' && !found.length) {
        const lone = loneInlineEquation(src, from, to);
        if (lone) result.problems.push(lone);
        for (const p of codeSpanEquations(src, from, to, MAX_CODE_EQUATION_NOTES - codeNotes)) noteCode(p);
      }
    }
  }
  result.displays.sort((a, b) => a.start - b.start);
  return result;
}

/**
 * a table cell's `\|` is GFM's escaped pipe, which the preview shows as `|` inside math too (the table is split
 * before the math is read): its backslash is a hole, so `$$\left.\frac{∂L}{∂h}\right\|_{3}$$` in a cell is the bar
 * it shows, not a norm's `\|`
 */
function escapedPipes(src: string, d: Display): void {
  const holes = d.holes ?? [];
  for (let k = src.indexOf('\\|', d.contentStart); k >= 0 && k < d.contentEnd; k = src.indexOf('\\|', k + 2))
    holes.push({ start: k, end: k + 1 });
  if (holes.length) d.holes = holes.sort((a, b) => a.start - b.start);
}

/**
 * the inline equations of a paragraph or heading (inlineMath.ts), outside its `$$ … $$` displays and code spans, up
 * to the file's cap (inlineMath.ts keepInline); one whose math runs on into a quoted line is left alone
 */
function inlineIn(src: string, from: number, to: number, displays: Display[], result: ReadResult, cap: { said: boolean }): void {
  for (const d of inlineEquations(maskCodeSpans(src.slice(from, to)), from))
    if (!displays.some((x) => x.start < d.end && d.start < x.end) && !/\n[ \t]*>/.test(src.slice(d.start, d.end)))
      keepInline(result, d, cap);
}

/** a fence's last line closes it: its character, at least as many times as it was opened with (CommonMark) */
function fenceClosed(src: string, map: [number, number], markup: string, lineStarts: number[], lineEnd: (l: number) => number): boolean {
  const last = map[1] - 1;
  if (last <= map[0]) return false;
  return new RegExp(`^[ \\t>]*${markup[0] === '~' ? '~' : '`'}{${markup.length},}[ \\t]*$`).test(
    src.slice(lineStarts[last]!, lineEnd(last)),
  );
}

/** the display of a ```math fence: its content lines (an unclosed fence runs to the file's end, as markdown-it reads it) */
function mathFence(
  src: string,
  map: [number, number],
  closed: boolean,
  lineStarts: number[],
  lineEnd: (l: number) => number,
): Display | null {
  const [open, after] = map;
  const last = after - 1;
  // MyST's directive options (`:label: eq-1`) open its block: not math
  let first = open + 1;
  while (first < last && /^[ \t>]*:[A-Za-z-]+:/.test(src.slice(lineStarts[first]!, lineEnd(first)))) first++;
  const contentStart = lineStarts[first] ?? src.length;
  const contentEnd = closed ? lineStarts[last]! - 1 : lineEnd(last);
  if (contentStart >= contentEnd || !src.slice(contentStart, contentEnd).trim()) return null;
  const holes = quoteMarkers(src, lineEnd(open), contentEnd);
  return {
    start: lineStarts[open]!,
    end: lineEnd(last),
    contentStart,
    contentEnd,
    outerTag: null,
    ...(holes.length ? { holes } : {}),
  };
}

/**
 * A paragraph that is one inline `$ … $` holding an equation (`$\frac{\partial L}{\partial w} = 0.3$` on a line of
 * its own, or after a part's label, `**(b)** $…$`, `(b) $…$`) is a student's equation written with one `$` too few: not
 * checked (LANGUAGE.md §8), and said so, since otherwise a solution written this way reads "0 equations" with no word why
 */
function loneInlineEquation(src: string, from: number, to: number): ReadResult['problems'][number] | null {
  const text = src.slice(from, to);
  const m =
    /^([ \t>]*(?:(?:[-*+]|\d{1,3}[.)])[ \t]+)?(?:(?:\*\*|__|\*|_)?\(?[a-z0-9]{1,4}\)(?:\*\*|__|\*|_)?[ \t]+)?)(\$(?!\$)((?:\\.|[^$\\])+)\$)[ \t]*[.,;:]?[ \t]*$/.exec(
      text,
    );
  if (!m || !/(?<![<>!:\\])=(?!=)/.test(m[3]!)) return null;
  const start = from + m[1]!.length;
  return {
    start,
    end: start + m[2]!.length,
    severity: 'information',
    message: 'not checked: inline math ($ … $) is prose; to check this equation, write it as a display, $$ … $$',
  };
}

/** HTML blocks whose content is raw text, never math: `<pre>`, `<script>`, `<style>`, `<textarea>`, comments */
const RAW_HTML = /^\s*<(?:pre|script|style|textarea)(?:\s|>|$)|^\s*<!--/i;

/**
 * The `$$ … $$` pairs inside prose between from and to (file offsets), code spans left out. A closing `$$` followed
 * by a digit is a price (`costs $$5 and $$10`), not math: no pair; an escaped `\$$` or a run of three `$` is no
 * delimiter; an empty pair is prose.
 */
function midLineDisplays(src: string, from: number, to: number, multiline: boolean): Display[] {
  const text = src.slice(from, to);
  if (!text.includes('$$')) return [];
  const masked = maskCodeSpans(text);
  const out: Display[] = [];
  const delimiter = (k: number) => masked.startsWith('$$', k) && masked[k - 1] !== '\\' && masked[k - 1] !== '$' && masked[k + 2] !== '$';
  let i = masked.indexOf('$$');
  while (i >= 0) {
    if (!delimiter(i)) {
      i = masked.indexOf('$$', i + 1);
      continue;
    }
    let j = masked.indexOf('$$', i + 2);
    while (j >= 0 && !delimiter(j)) j = masked.indexOf('$$', j + 1);
    if (j < 0) break;
    const content = masked.slice(i + 2, j);
    if (/^\d/.test(masked[j + 2] ?? '') || !content.trim() || (!multiline && content.includes('\n'))) {
      // not a pair: the closing `$$` may open the next one
      i = j;
      continue;
    }
    out.push(displayOf(text, masked, from, i, i + 2, j, j + 2));
    i = masked.indexOf('$$', j + 2);
  }
  return out;
}

/**
 * The display whose opener starts at k, its content at contentStart..close and its closer ending at closeEnd (offsets
 * in text, which begins at file offset from; masked: text with its code spans masked): a label after it on its line
 * (`$$ … $$ (6)`) is its tag, and a block quote's markers inside it are holes.
 */
function displayOf(text: string, masked: string, from: number, k: number, contentStart: number, close: number, closeEnd: number): Display {
  const rest = text.slice(closeEnd, indexOrEnd(text, '\n', closeEnd));
  const label = labelLine(rest);
  const holes = quoteMarkers(masked, k, close, from);
  const end = from + closeEnd;
  return {
    ...(holes.length ? { holes } : {}),
    start: from + k,
    end,
    contentStart: from + contentStart,
    contentEnd: from + close,
    outerTag: label ? { text: label, start: end, end: end + rest.length } : null,
  };
}

/** `\[` (not the `\\[` of a row break) or `\begin{env}` of a display environment, anywhere on a line */
const TEX_OPEN = new RegExp(`(?<!\\\\)\\\\\\[|\\\\begin\\{(${DISPLAY_ENVS})\\}`, 'g');
/** in prose, also `\\[`: Markdown's escaped backslash, which the page shows as `\[` (so MathJax sets a display) */
const PROSE_OPEN = new RegExp(`\\\\\\\\\\[|${TEX_OPEN.source}`, 'g');

/**
 * The `\[ … \]` and display environments between from and to (file offsets) that a block rule never saw, outside the
 * `$$` pairs found there (`taken`): in an HTML block (markdown-it gives it as raw HTML) and in prose (`Hence
 * \begin{align} …` after words on the line). Jupyter's MathJax renders them where they stand. In prose a `\[ … \]`
 * is a claim only when it holds an `=` (`\[1\]` is Markdown's escaped brackets), and one left open says nothing.
 */
function texDisplays(src: string, from: number, to: number, taken: Display[], problems: ReadResult['problems'], prose: boolean): Display[] {
  const text = maskCodeSpans(src.slice(from, to));
  if (!text.includes('\\[') && !text.includes('\\begin')) return [];
  const out: Display[] = [];
  const inside = (k: number) => taken.some((d) => d.start <= from + k && from + k < d.end);
  const find = (w: string, f: number) => text.indexOf(w, f);
  const open = prose ? PROSE_OPEN : TEX_OPEN;
  open.lastIndex = 0;
  for (let m = open.exec(text); m; m = open.exec(text)) {
    // inside a `$ … $` of prose it is inline math, not checked (LANGUAGE.md §8)
    if (inside(m.index) || (prose && inInlineMath(text, m.index))) continue;
    const contentStart = m.index + m[0].length;
    const closer = m[1] ? `\\end{${m[1]}}` : m[0] === '\\[' ? '\\]' : '\\\\]';
    const close = m[1] ? matchingEnd(find, contentStart, m[1]) : text.indexOf(closer, contentStart);
    if (close < 0 || (prose && !m[1] && !text.slice(contentStart, close).includes('='))) {
      if (close < 0 && (m[1] || !prose))
        problems.push({
          start: from + m.index,
          end: from + contentStart,
          severity: 'warning',
          message: `${m[0]} is never closed: this equation is not checked`,
        });
      continue;
    }
    const closeEnd = close + closer.length;
    out.push(displayOf(text, text, from, m.index, contentStart, close, closeEnd));
    open.lastIndex = closeEnd;
  }
  return out;
}

/** whether offset k of prose lies inside an inline `$ … $`: an odd count of lone, unescaped `$` before it */
function inInlineMath(text: string, k: number): boolean {
  let odd = false;
  for (let j = text.indexOf('$'); j >= 0 && j < k; j = text.indexOf('$', j + 1))
    if (text[j - 1] !== '\\' && text[j - 1] !== '$' && text[j + 1] !== '$') odd = !odd;
  return odd;
}

/**
 * Inside a block quote each later line of the math starts with `> ` (with the indent around it): those markers, in
 * s[from, to), are no part of it. File offsets (s's own plus `offset`).
 */
function quoteMarkers(s: string, from: number, to: number, offset = 0): { start: number; end: number }[] {
  const holes: { start: number; end: number }[] = [];
  for (let k = s.indexOf('\n', from); k >= 0 && k < to; k = s.indexOf('\n', k + 1)) {
    const prefix = /^[ \t>]*/.exec(s.slice(k + 1, to))![0];
    if (prefix.includes('>')) holes.push({ start: offset + k + 1, end: offset + k + 1 + prefix.length });
  }
  return holes;
}

/** the text with inline code spans (`` `$$x$$` ``) blanked, same length */
function maskCodeSpans(text: string): string {
  if (!text.includes('`')) return text;
  return text.replace(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g, (m) => m.replace(/[^\n]/g, ' '));
}

function indexOrEnd(s: string, what: string, from: number): number {
  const i = s.indexOf(what, from);
  return i < 0 ? s.length : i;
}

/** does the text have a ```rnn block (and not merely the characters inside other code)? */
export function hasRnnFence(text: string): boolean {
  // a fence is ``` or ~~~: a long .rnn text of numbers is not scanned line by line by the pattern (issue 11)
  if (!text.includes('```') && !text.includes('~~~')) return false;
  if (!RNN_FENCE.test(text)) return false;
  return readMarkdown(text, false).fences.length > 0;
}
