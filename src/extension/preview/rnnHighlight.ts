// Highlighting of ```rnn blocks in the Markdown preview: a small tokenizer that wraps keywords,
// functions, names, numbers, operators and comments in <span class="unroll-…">, escaping every
// character of the source (the preview shows a student's text: nothing in it may become markup).
// Pure (no 'vscode').

import { isReservedWord, KEYWORDS } from '../../language/lexer';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** one token kind per rule, tried in order at each position (sticky regexes) */
const RULES: { kind: string; re: RegExp }[] = [
  { kind: 'comment', re: /(?:#|\/\/|%).*/y },
  { kind: 'number', re: /(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/y },
  { kind: 'command', re: /\\[A-Za-z]+/y },
  { kind: 'name', re: /[\p{L}][\p{L}\p{M}\p{N}]*(?:_(?:\{[^{}\n]*\}|[\p{L}\p{N}]+))*['′]?/uy },
  { kind: 'operator', re: /[∂Σ∑∏∇⊙∘·⋅ᵀ⁺=+\-*/^@]+/y },
];

function classOf(kind: string, text: string): string | null {
  if (kind !== 'name') return kind === 'command' ? (/^\\(sigma|tanh|exp|log|sqrt)$/.test(text) ? 'function' : 'operator') : kind;
  const base = text.replace(/['′]$/, '');
  // the language's own words (src/language/lexer.ts): keywords, then function spellings and grad
  if (KEYWORDS.has(base)) return 'keyword';
  if (isReservedWord(base)) return 'function';
  if (base === 'T') return 'keyword';
  return 'name';
}

/** The block's HTML: every character escaped, tokens wrapped in spans. */
export function highlightRnn(code: string): string {
  let out = '';
  let plain = '';
  let i = 0;
  const flush = (): void => {
    out += escapeHtml(plain);
    plain = '';
  };
  while (i < code.length) {
    let matched = false;
    for (const { kind, re } of RULES) {
      re.lastIndex = i;
      const m = re.exec(code);
      if (!m || m[0].length === 0) continue;
      flush();
      const cls = classOf(kind, m[0]);
      out += cls ? `<span class="unroll-${cls}">${escapeHtml(m[0])}</span>` : escapeHtml(m[0]);
      i += m[0].length;
      matched = true;
      break;
    }
    if (!matched) plain += code[i++];
  }
  flush();
  return out;
}
