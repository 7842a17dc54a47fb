// Pure formatting for hovers, inline results and the status bar: numbers, values, and
// Unicode math text (`∂L/∂W_hh`, `h_{t-1}`) as Markdown-safe HTML with real <sub>/<sup>.
// No 'vscode' import: unit-tested directly.

import { GREEK_COMMANDS } from '../../display/latex';
import { entriesOf, formatNumber, isMatrix, valueText as displayValueText } from '../../display/number';
import type { Value } from '../../report';

export { formatNumber, isMatrix, valueLatex } from '../../display/number';
export { shapeText } from '../../display/shape';

export function isScalar(v: Value): v is number {
  return typeof v === 'number';
}

/** Frobenius norm of a value. */
export function norm(v: Value): number {
  let s = 0;
  for (const x of flatten(v)) s += x * x;
  return Math.sqrt(s);
}

export const flatten = entriesOf;

/** One-line plain text: `0.5`, `[0.1, 0.2]`, `[[1, 2], [3, 4]]`; long vectors elided in the middle. */
export function valueText(v: Value, digits: number, maxItems = 8): string {
  return displayValueText(v, digits, maxItems);
}

/**
 * A value as hover HTML: scalars and vectors inline, matrices as a small table (rows and columns elided
 * past 8) set off as its own HTML block, or inline text where `inline` (inside another table).
 */
export function valueHtml(v: Value, digits: number, inline = false): string {
  if (!isMatrix(v) || inline) return `<code>${escapeHtml(valueText(v, digits))}</code>`;
  const max = 8;
  const rowIdx = elideIdx(v.length, max);
  const colIdx = elideIdx(v[0]!.length, max);
  const rows = rowIdx.map(
    (i) => `<tr>${colIdx.map((j) => `<td>${i < 0 || j < 0 ? '…' : escapeHtml(formatNumber(v[i]![j]!, digits))}</td>`).join('')}</tr>`,
  );
  return `\n\n<table>${rows.join('')}</table>\n\n`;
}

function elideIdx(n: number, max: number): number[] {
  const all = Array.from({ length: n }, (_, i) => i);
  if (n <= max) return all;
  const head = Math.ceil((max - 1) / 2);
  const tail = max - 1 - head;
  return [...all.slice(0, head), -1, ...all.slice(n - tail)];
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escape text for HTML (used inside tags and attributes). */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]!);
}

/**
 * Escape text for a Markdown paragraph that may contain HTML: HTML-special characters become
 * entities, Markdown-special ones are backslash-escaped, so user text can never become markup.
 */
export function escapeMarkdown(s: string): string {
  return s.replace(/[&<>"']|[\\`*_[\]|~#$]/g, (c) => HTML_ENTITIES[c] ?? `\\${c}`);
}

const NAME_CHAR = /[A-Za-z0-9\u0370-\u03FF]/;

/**
 * Unicode math text → Markdown-safe HTML with real sub- and superscripts:
 * `W_hh` → W<sub>hh</sub>, `h_{t-1}` → h<sub>t-1</sub>, `(y - o)^2` → (y - o)<sup>2</sup>, `h^(t)` → h<sup>(t)</sup>.
 * Everything else is escaped, so the text cannot inject markup.
 */
export function mathHtml(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if ((c === '_' || c === '^') && i > 0 && i + 1 < text.length) {
      const script = readScript(text, i + 1, c === '^');
      if (script) {
        const tag = c === '_' ? 'sub' : 'sup';
        out += `<${tag}>${mathHtml(script.content)}</${tag}>`;
        i = script.end;
        continue;
      }
    }
    out += escapeMarkdown(c);
    i++;
  }
  return out;
}

/** The script after `_` or `^` at `start`: a `{…}` group, a `(…)` group (superscripts), or a run of name characters. */
function readScript(text: string, start: number, sup: boolean): { content: string; end: number } | null {
  const open = text[start]!;
  if (open === '{' || (sup && open === '(')) {
    const close = open === '{' ? '}' : ')';
    let depth = 0;
    for (let j = start; j < text.length; j++) {
      if (text[j] === open) depth++;
      else if (text[j] === close && --depth === 0) {
        const inner = text.slice(start + 1, j);
        return { content: open === '{' ? inner : `(${inner})`, end: j + 1 };
      }
    }
    return null;
  }
  if (sup && (open === '+' || open === '-' || open === '*')) return { content: open, end: start + 1 };
  let j = start;
  while (j < text.length && NAME_CHAR.test(text[j]!)) j++;
  return j > start ? { content: text.slice(start, j), end: j } : null;
}

// the Greek letters of names (src/display/latex.ts), and the operators of math text (Σ is the sum here)
const GREEK_LATEX: Record<string, string> = {
  ...Object.fromEntries(Object.entries(GREEK_COMMANDS).map(([ch, name]) => [ch, `\\${name}`])),
  Σ: '\\sum',
  '∂': '\\partial',
  '∑': '\\sum',
  '∏': '\\prod',
  '·': '\\cdot',
  '⋅': '\\cdot',
  '⊙': '\\odot',
  '∘': '\\circ',
  '×': '\\times',
  '−': '-',
  ᵀ: '^{\\top}',
  '⁺': '^{+}',
  '≠': '\\neq',
  '≈': '\\approx',
  '‖': '\\|',
};

/**
 * Unicode math text → LaTeX, for copying results that come as text only (check equations, names).
 * Subscripts get braces (`W_hh` → `W_{hh}`), Greek and operators become commands, `tanh`/`relu`… upright.
 */
export function textToLatex(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if ((c === '_' || c === '^') && i > 0) {
      const script = readScript(text, i + 1, c === '^');
      if (script) {
        out += `${c}{${textToLatex(script.content)}}`;
        i = script.end;
        continue;
      }
    }
    const word = /^(tanh|relu|exp|log|sqrt|abs|softmax|sum|mean|diag)\b/.exec(text.slice(i));
    if (word && (i === 0 || !NAME_CHAR.test(text[i - 1]!))) {
      out += `\\operatorname{${word[1]}}`;
      i += word[1]!.length;
      continue;
    }
    const cmd = GREEK_LATEX[c];
    if (cmd) {
      out += /^\\[a-zA-Z]+$/.test(cmd) && i + 1 < text.length && /[A-Za-z]/.test(text[i + 1]!) ? `${cmd} ` : cmd;
    } else if (c === '#' || c === '%' || c === '&' || c === '$') {
      out += `\\${c}`;
    } else {
      out += c;
    }
    i++;
  }
  return out;
}

const BARS = '▁▂▃▄▅▆▇█';

/**
 * A sparkline of non-negative magnitudes (gradient norms over t), on a log scale so that vanishing and
 * exploding show as a slope; zeros are a space. Long series are sampled down to `width` bars.
 */
export function sparkline(values: readonly number[], width = 40): string {
  if (values.length === 0) return '';
  const picked =
    values.length <= width ? values : Array.from({ length: width }, (_, i) => values[Math.round((i * (values.length - 1)) / (width - 1))]!);
  const logs = picked.map((v) => (v > 0 && Number.isFinite(v) ? Math.log10(v) : null));
  const finite = logs.filter((x): x is number => x !== null);
  if (finite.length === 0) return ' '.repeat(picked.length);
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  return logs.map((x) => (x === null ? ' ' : BARS[hi - lo < 1e-12 ? 3 : Math.round(((x - lo) / (hi - lo)) * (BARS.length - 1))]!)).join('');
}
