// Quick fixes read off the diagnostics' own words: "did you mean W_hh?" replaces the unknown name,
// a check whose other side is the immediate partial ∂⁺ (or the total ∂) offers to ask for that one,
// and a missing initial state ("… (add `h_0 = 0`)") is added on its own line before the equation.
// Pure (no 'vscode').

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
  return fixes;
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
