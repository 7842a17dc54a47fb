// The hovers' "Learn more" link: the section of the language reference (docs/language.md, shipped in the
// extension) that explains what is under the mouse — derive and check lines, functions, declarations,
// time-indexed equations. Pure (no 'vscode'): hover.ts hands over the reference's location and text.

import type { Report } from '../../report';
import { checkAtLine, deriveAtLine, symbolAt, type Position } from '../reports/reportQuery';
import type { HoverContent } from './hoverContent';

/** The headings of docs/language.md a hover can point to (a test checks each is in the file). */
export const REFERENCE_HEADINGS = {
  declarations: '## 2. Declarations',
  time: '## 3. Time indices',
  expressions: '## 4. Expressions',
  derive: '### derive',
  check: '### check',
} as const;

export type ReferenceSection = keyof typeof REFERENCE_HEADINGS;

/** Which section explains what is at p (null: none in particular). */
export function referenceSection(report: Report, p: Position): ReferenceSection | null {
  if (deriveAtLine(report, p.line)) return 'derive';
  if (checkAtLine(report, p.line)) return 'check';
  const sym = symbolAt(report, p);
  if (!sym) return null;
  switch (sym.role) {
    case 'function':
      return 'expressions';
    case 'declaration':
      return 'declarations';
    case 'definition':
      return 'time';
    case 'use':
      return null;
  }
}

/**
 * The link to a section: the reference's URI with the heading's line (`#L42`, which VS Code opens at that
 * line), or the bare URI while the reference's text is not known.
 */
export function referenceLink(referenceUri: string, referenceText: string | undefined, section: ReferenceSection): string {
  const heading = REFERENCE_HEADINGS[section];
  const line = referenceText?.split('\n').findIndex((l) => l.trimEnd() === heading) ?? -1;
  const target = line >= 0 ? `${referenceUri}#L${line + 1}` : referenceUri;
  return `[Learn more: ${heading.replace(/^#+\s*/, '')}](${target})`;
}

/** The hover with its "Learn more" link appended (unchanged where no section applies). */
export function withLearnMore(
  content: HoverContent,
  report: Report,
  p: Position,
  referenceUri: string,
  referenceText: string | undefined,
): HoverContent {
  const section = referenceSection(report, p);
  if (!section) return content;
  return { ...content, markdown: `${content.markdown}\n\n${referenceLink(referenceUri, referenceText, section)}` };
}
