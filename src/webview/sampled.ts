// The panel header's sentences on the Report's sample-valued names (which ones: src/display/sampled.ts,
// shared with the hovers). Pure and DOM-free.

import { sampledNames } from '../display/sampled';
import type { Report } from '../report';

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
