// Quick fixes read off the diagnostics' own words: "did you mean W_hh?" replaces the unknown name,
// a check whose other side is the immediate partial ∂⁺ (or the total ∂) offers to ask for that one,
// a missing initial state ("… (add `h_0 = 0`)") is added on its own line before the equation, and a product that
// only a transpose forms ("Wᵀ (2×3 matrix) fits (a transpose missing?)") gets the ᵀ put in (or the one too many taken
// out) where the operand is written. Pure (no 'vscode').

import type { Range } from '../../report';
import type { DiagnosticItem } from '../diagnostics/diagnosticsContent';

export interface QuickFix {
  title: string;
  range: Range;
  newText: string;
  /** the fix the diagnostic itself names (shown first, applied by "auto fix") */
  preferred: boolean;
}

/**
 * `lineText` is the text of the diagnostic's first line (1-based `d.line`); `lines`, the document's
 * lines, lets a fix that adds a statement find where the diagnostic's statement begins.
 */
export function quickFixes(d: DiagnosticItem, lineText: string, lines?: readonly string[]): QuickFix[] {
  const fixes: QuickFix[] = [];
  const missing = /^missing (?:initial|terminal) state: .*\(add `([^`\n]+ = 0)`\)$/.exec(d.message);
  if (missing) {
    const start = lines ? statementStart(lines, d.line) : d.line;
    const indent = /^\s*/.exec(lines?.[start - 1] ?? lineText)![0];
    fixes.push({
      title: `Add \`${missing[1]}\` before this equation`,
      range: { line: start, column: 1, endLine: start, endColumn: 1 },
      newText: `${indent}${missing[1]}\n`,
      preferred: true,
    });
  }
  const mean = /did you mean (.+?)\?/.exec(d.message);
  if (mean && d.line === d.endLine) {
    for (const alt of mean[1]!.split(/,\s*|\s+or\s+/)) {
      const name = alt.trim();
      if (!/^[^\s<>]+$/.test(name)) continue;
      fixes.push({ title: `Change to ${name}`, range: rangeOnly(d), newText: name, preferred: fixes.length === 0 });
    }
  }
  // "… the immediate partial ∂⁺h_t/∂W_xh …, not the total derivative ∂h_t/∂W_xh …" and the reverse
  const imm = /immediate partial (∂⁺\S+?\/∂\S+?)[\s,.)(]/.exec(d.message);
  const tot = /total derivative (∂[^⁺\s]\S*?\/∂\S+?)[\s,.)(]/.exec(d.message);
  if (imm && tot) {
    const wantsImmediate = d.message.indexOf(imm[1]!) < d.message.indexOf(tot[1]!);
    const [from, to] = wantsImmediate ? [tot[1]!, imm[1]!] : [imm[1]!, tot[1]!];
    const col = lineText.indexOf(from);
    if (col >= 0) {
      fixes.push({
        title: wantsImmediate ? `Ask for the immediate partial ${to}` : `Ask for the total derivative ${to}`,
        range: { line: d.line, column: col + 1, endLine: d.line, endColumn: col + 1 + from.length },
        newText: to,
        preferred: false,
      });
    }
  }
  const flip = transposeFix(d, lineText, 'ᵀ');
  if (flip) fixes.push(flip);
  return fixes;
}

/** the ways a transpose is written after a name (ᵀ first: what the fix writes) */
const TRANSPOSE_MARKS = ['ᵀ', '^{\\top}', '^\\top', '^{T}', '^T', '^{\\intercal}', '^\\intercal'];

/**
 * A product's shape mismatch that a transpose mends, put in after a named operand or taken off it (the diagnostic's
 * `fix`, resolve/expressions.ts: "Wᵀ (…) fits (a transpose missing?)", "Wᵀ (…) would take it: …", "without its
 * transpose, W fits (a ᵀ too many?)"): the operand found in the product's own text, by the engine's spelling of its
 * name or with its subscript braced (W_hh, W_{hh}), once and only once there; nothing is offered where it is written
 * otherwise (a bracketed operand, a LaTeX accent). `mark` is the transpose the fix writes: ᵀ in a .rnn file, ^\\top
 * in a solution's LaTeX
 */
export function transposeFix(d: DiagnosticItem, lineText: string, mark: 'ᵀ' | '^\\top'): QuickFix | null {
  const fix = d.fix && 'transpose' in d.fix ? d.fix : null;
  const name = fix?.name;
  if (d.line !== d.endLine || !fix || !name || fix.transpose === 'move' || !/^[\p{L}][\p{L}\p{N}_]*$/u.test(name)) return null;
  const add = fix.transpose === 'add';
  const from = d.column - 1;
  const product = lineText.slice(from, d.endColumn - 1);
  const sub = name.indexOf('_');
  const spellings = sub > 0 ? [name, `${name.slice(0, sub)}_{${name.slice(sub + 1)}}`] : [name];
  const found: { at: number; length: number; mark: string }[] = [];
  for (const s of spellings)
    for (let at = product.indexOf(s); at >= 0; at = product.indexOf(s, at + 1)) {
      const rest = product.slice(at + s.length);
      const transposed = TRANSPOSE_MARKS.find((m) => rest.startsWith(m)) ?? '';
      // the whole name: W is not the W of W_hh, nor h of \hat (ᵀ is a letter to \p{L})
      if (/[\p{L}\p{N}\\]/u.test(product[at - 1] ?? '') || (!transposed && /[\p{L}\p{N}_{]/u.test(rest[0] ?? ''))) continue;
      found.push({ at, length: s.length, mark: transposed });
    }
  if (found.length !== 1) return null;
  const [f] = found as [(typeof found)[0]];
  const end = from + f.at + f.length + 1;
  if (add && !f.mark)
    return {
      title: `Transpose ${name} (write ${name}${mark})`,
      range: { line: d.line, column: end, endLine: d.line, endColumn: end },
      newText: mark,
      preferred: true,
    };
  if (!add && f.mark)
    return {
      title: `Take the transpose off ${name}`,
      range: { line: d.line, column: end, endLine: d.line, endColumn: end + f.mark.length },
      newText: '',
      preferred: true,
    };
  return null;
}

/**
 * The 1-based line where the statement containing `line` begins: a statement continues onto the next
 * lines while a `(` or `[` is open (comments do not count).
 */
export function statementStart(lines: readonly string[], line: number): number {
  let depth = 0;
  let start = 1;
  for (let i = 0; i < line - 1 && i < lines.length; i++) {
    if (depth <= 0) start = i + 1;
    for (const ch of lines[i]!.replace(/(#|\/\/).*$/, '')) {
      if (ch === '(' || ch === '[') depth++;
      else if ((ch === ')' || ch === ']') && depth > 0) depth--;
    }
  }
  return depth > 0 ? start : line;
}

function rangeOnly(r: Range): Range {
  return { line: r.line, column: r.column, endLine: r.endLine, endColumn: r.endColumn };
}
