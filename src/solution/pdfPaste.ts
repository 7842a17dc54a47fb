// An equation copied out of a PDF as plain text: the viewer drops the subscripts' layout, so h_{t−1} arrives as `ht−1`
// or `h t−1`, x_t as `xt`, δ_{t+1} as `δt+1`, o_T as `oT`; and a soft hyphen (U+00AD) the PDF set inside a word stays in
// it (`tan­h`). Such an equation has no LaTeX command and no script at all, so a step can only be written flattened: a
// sequence of the network (or a Greek letter it does not define, δt) followed by t or T, or by a step with no space,
// is that sequence at that step.
import type { Folded } from './display';

/** the text with every soft hyphen taken out (a hyphenation point: it joins the word it splits) */
export function dropSoftHyphens(r: Folded): void {
  if (!r.chars.includes('\u00ad')) return;
  const keep = [...r.chars].map((_, k) => k).filter((k) => r.chars[k] !== '\u00ad');
  r.chars = keep.map((k) => r.chars[k]).join('');
  r.at = keep.map((k) => r.at[k]!);
}

/** a flattened step (or a Σ's bounds) as written, and as read */
export interface Flattened {
  written: string;
  as: string;
}

const escape = (s: string) => s.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');

/**
 * The equation's flattened steps written as steps (`ht−1` → `h_{t-1}`), and what was read so, as written
 * (`ht−1`, `xt`); the text unchanged (and none) where it writes LaTeX or a script, or no such step
 */
export function flattenedSteps(
  text: Folded,
  sequences: readonly string[],
  defined: (name: string) => boolean,
  bounded = false,
): { text: Folded; read: Flattened[] } {
  const none = { text, read: [] };
  // (bounded: the text is this function's own, its Σ's bounds already written as scripts)
  if ((!bounded && /[\\_^]/.test(text.chars)) || !sequences.length) return none;
  const bounds = bounded ? { text, read: [] } : sumBounds(text);
  if (!bounded && bounds.read.length) {
    const rest = flattenedSteps(bounds.text, sequences, defined, true);
    return { text: rest.text, read: [...bounds.read, ...rest.read] };
  }
  const bases = [...sequences].sort((a, b) => b.length - a.length).map(escape);
  // the base, then t or T (after a space too: `h t−1`) or a whole number (no space: `h1`), then an offset with no
  // space before it (`t−1`, `t+1`: a minus with spaces around it is a difference, `ot − yt`)
  // (and Σt, the sum over t whose bound letter sat below the Σ)
  const step = new RegExp(
    `(?<![\\p{L}\\p{N}_'’])(${bases.join('|')}|[Σ∑∏](?=[a-zA-Z]))(?:[ \\u00a0]?([tT])((?:[−-]|\\+)\\d+)?|(\\d+))(?![\\p{L}\\p{Nd}_])`,
    'gu',
  );
  let chars = '';
  const at: number[] = [];
  const read: Flattened[] = [];
  let from = 0;
  for (const m of text.chars.matchAll(step)) {
    const [whole, base, letter, offset, number] = m as unknown as [string, string, string?, string?, string?];
    // a name the network has as written (`ht` where it defines ht) keeps its reading; t a name of its own (seed 001's
    // targets t_t) makes `ht` the product the language reads
    const sum = /^[Σ∑∏]$/.test(base);
    // (Σt=1..T, a bound written out on the line, is no PDF's Σ_t)
    const bound = /^\s*=/.test(text.chars.slice(m.index + whole.length));
    if (
      sum
        ? bound || /[ \u00a0]/.test(whole) || number !== undefined || offset !== undefined
        : defined(whole.replace(/\s/g, '')) || (letter && defined(letter))
    )
      continue;
    const k = m.index;
    chars += text.chars.slice(from, k);
    at.push(...text.at.slice(from, k));
    const written = `${base}_{${number ?? letter! + (offset ?? '').replace('−', '-')}}`;
    chars += written;
    for (let n = 0; n < written.length; n++) at.push(text.at[k + Math.min(n, whole.length - 1)]!);
    const index = number ?? letter! + (offset ?? '').replace('−', '-');
    read.push({ written: whole.replace(/\u00a0/g, ' '), as: index.length > 1 ? written : `${base}_${index}` });
    from = k + whole.length;
  }
  if (!read.length) return none;
  chars += text.chars.slice(from);
  at.push(...text.at.slice(from));
  return { text: { chars, at }, read };
}

/** a step a bound may be: t, T, a whole number, t−1, T−1 */
const BOUND = String.raw`(?:[tT](?:[−-]\d+)?|\d+)`;

/**
 * The bounds of a Σ or ∏ as a PDF lays them out on the line: `∑T t=1` (the upper bound, then the lower), `T ∑ t=1`
 * (the upper bound extracted before the sign), `∑t=1 T` — each is Σ_{t=1}^{T}; what was read so, as written
 */
function sumBounds(text: Folded): { text: Folded; read: Flattened[] } {
  const patterns = [
    new RegExp(String.raw`(?<![\p{L}\p{N}])([Σ∑∏])\s*(${BOUND})\s+([a-z])\s*=\s*(${BOUND})(?![\p{L}\p{Nd}])`, 'u'),
    new RegExp(String.raw`(?<![\p{L}\p{N}])(${BOUND})\s+([Σ∑∏])\s*([a-z])\s*=\s*(${BOUND})(?![\p{L}\p{Nd}])`, 'u'),
    new RegExp(String.raw`(?<![\p{L}\p{N}])([Σ∑∏])\s*([a-z])\s*=\s*(${BOUND})\s+([tT](?:[−-]\d+)?)(?![\p{L}\p{Nd}])`, 'u'),
  ];
  let chars = text.chars;
  let at = text.at;
  const read: Flattened[] = [];
  for (;;) {
    let m: RegExpExecArray | null = null;
    let which = -1;
    for (let n = 0; n < patterns.length && !m; n++) if ((m = patterns[n]!.exec(chars))) which = n;
    if (!m) break;
    const [whole, a, b, c, d] = m as unknown as [string, string, string, string, string];
    const [sign, up, v, low] = which === 0 ? [a, b, c, d] : which === 1 ? [b, a, c, d] : [a, d, b, c];
    const written = `${sign}_{${v}=${low.replace('−', '-')}}^{${up.replace('−', '-')}}`;
    const k = m.index;
    const places = Array.from({ length: written.length }, (_, n) => at[k + Math.min(n, whole.length - 1)]!);
    chars = chars.slice(0, k) + written + chars.slice(k + whole.length);
    at = [...at.slice(0, k), ...places, ...at.slice(k + whole.length)];
    read.push({ written: whole.replace(/\s+/g, ' '), as: written });
  }
  return { text: { chars, at }, read };
}
