// Which of the Report's sample-valued names were written without a value and which had a value the
// analysis refused (an error on the declaration's line): "no value given" would mislead for the second.
// One reading for the panel's header (src/webview/sampled.ts) and the hovers (src/extension/hover/hoverPieces.ts).
// Imports nothing but the Report's types, so the webview bundle can use it too.

import type { Report } from '../report';

export interface SampledNames {
  /** declared without a value: the numbers use deterministic sample values */
  unwritten: string[];
  /** a value was written but refused (see the error on its line): sample values stand in for it */
  refused: string[];
}

export function sampledNames(report: Report): SampledNames {
  const errorLines = new Set(report.diagnostics.filter((d) => d.severity === 'error').map((d) => d.line));
  const out: SampledNames = { unwritten: [], refused: [] };
  for (const name of report.sampled) {
    const decl = report.symbols.find((s) => s.role === 'declaration' && s.name === name);
    (decl && errorLines.has(decl.line) ? out.refused : out.unwritten).push(name);
  }
  return out;
}
