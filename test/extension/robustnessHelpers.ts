import type { Report } from '../../src/report';
import { nameCompletions } from '../../src/extension/completion/completionContent';

/** Name completions for a report: every item has a label and something to insert. */
export function completionsOk(report: Report): void {
  for (const c of nameCompletions(report)) {
    if (!c.label || !c.insertText) throw new Error(`empty completion ${JSON.stringify(c)}`);
  }
}
