// Semantic colouring the grammar cannot know: which names are parameters, data (inputs, targets)
// or computed quantities, and which occurrence defines them. Pure (no 'vscode').

import type { NodeKind, Report } from '../../report';

export const TOKEN_TYPES = ['parameter', 'variable', 'function'] as const;
export const TOKEN_MODIFIERS = ['declaration', 'definition', 'readonly', 'defaultLibrary'] as const;

export interface SemanticToken {
  /** 0-based */
  line: number;
  /** 0-based */
  char: number;
  length: number;
  type: (typeof TOKEN_TYPES)[number];
  modifiers: (typeof TOKEN_MODIFIERS)[number][];
}

/** One token per single-line symbol occurrence, sorted, without overlaps. */
export function semanticTokens(report: Report): SemanticToken[] {
  const kinds = new Map<string, NodeKind>();
  for (const r of report.graph?.rows ?? []) kinds.set(r.name, r.kind);
  for (const q of report.quantities) if (!kinds.has(q.name)) kinds.set(q.name, q.kind);
  for (const p of report.params) kinds.set(p.name, 'param');
  const out: SemanticToken[] = [];
  for (const s of report.symbols) {
    if (s.line !== s.endLine || s.endColumn <= s.column) continue;
    const modifiers: SemanticToken['modifiers'] = [];
    if (s.role === 'declaration') modifiers.push('declaration');
    if (s.role === 'definition') modifiers.push('definition');
    let type: SemanticToken['type'];
    if (s.role === 'function') {
      type = 'function';
      modifiers.push('defaultLibrary');
    } else {
      const kind = kinds.get(s.name);
      if (kind === undefined) continue;
      if (kind === 'param') type = 'parameter';
      else {
        type = 'variable';
        if (kind === 'input' || kind === 'target' || kind === 'constant') modifiers.push('readonly');
      }
    }
    out.push({ line: s.line - 1, char: s.column - 1, length: s.endColumn - s.column, type, modifiers });
  }
  out.sort((a, b) => a.line - b.line || a.char - b.char);
  return out.filter((t, i) => i === 0 || t.line !== out[i - 1]!.line || t.char >= out[i - 1]!.char + out[i - 1]!.length);
}
