// Which of the Report's sample-valued names were written without a value and which had a value the
// analysis refused (an error on the declaration's line): "no value given" would mislead for the second.
// Pure and DOM-free: the panel's header and the hovers both use it.

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

/** One sentence per group, for the panel's header (plain text). */
export function sampledSentences(report: Report): string[] {
  const { unwritten, refused } = sampledNames(report);
  const out: string[] = [];
  if (unwritten.length)
    out.push(`Sample values (no value given in the file): ${unwritten.join(', ')}. The symbolic forms do not depend on them.`);
  if (refused.length)
    out.push(
      `The values given for ${refused.join(', ')} have errors (see Problems): sample values stand in for them until they are fixed.`,
    );
  return out;
}
