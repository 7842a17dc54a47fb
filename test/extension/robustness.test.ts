// Whatever the text (an example with random edits, as while typing), the editor content functions answer
// without throwing, and hovers never let markup through other than their own few tags.
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { diagnosticItems } from '../../src/extension/diagnostics/diagnosticsContent';
import { hoverContent } from '../../src/extension/hover/hoverContent';
import { lensItems } from '../../src/extension/inline/inlineContent';
import { definitionAt, outline, referencesAt, renamePlan } from '../../src/extension/navigation/navigationContent';
import { quickFixes } from '../../src/extension/quickfix/quickFixContent';
import { semanticTokens } from '../../src/extension/semantic/semanticTokensContent';
import { statusContent } from '../../src/extension/status/statusBarContent';
import { completionsOk } from './robustnessHelpers';
import { wordAt } from './wordAt';

const examples = readdirSync('examples')
  .filter((f) => f.endsWith('.rnn'))
  .map((f) => readFileSync(`examples/${f}`, 'utf8'));
const ALLOWED_TAG = /<(?!\/?(?:sub|sup|code|table|tr|td|th|br)>)/;
const SNIPPETS = [
  'σ(',
  ')',
  '_{t-1}',
  '∂',
  '/∂',
  '<img src=x onerror=alert(1)>',
  '\n',
  '=',
  'W_hh',
  ' ',
  '[1, 2]',
  'check ',
  'derive ',
  '^2',
  '#',
  '}',
];

const edit = fc.record({
  at: fc.nat(),
  del: fc.nat({ max: 6 }),
  ins: fc.constantFrom(...SNIPPETS),
});

describe('editor content on edited examples', () => {
  it('never throws and never lets markup through', () => {
    fc.assert(
      fc.property(fc.nat({ max: examples.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 3 }), (which, edits) => {
        let text = examples[which]!;
        for (const e of edits) {
          const at = e.at % (text.length + 1);
          text = text.slice(0, at) + e.ins + text.slice(at + e.del);
        }
        const report = analyze(text);
        const lines = text.split('\n');
        const items = diagnosticItems(report, { hintForHolding: true });
        for (const d of items) quickFixes(d, lines[d.line - 1] ?? '');
        lensItems(report, 4, 'file:///x.rnn');
        semanticTokens(report);
        outline(report);
        statusContent(report, 4);
        completionsOk(report);
        // every 7th column of every line, as a hover would ask, with the editor's word there
        lines.forEach((lineText, i) => {
          for (let c = 1; c <= lineText.length; c += 7) {
            const p = { line: i + 1, column: c };
            const h = hoverContent(report, p, { digits: 4, detail: 'full', uri: 'file:///x.rnn', ...(wordAt(lineText, c) ?? {}) });
            if (h) expect(h.markdown).not.toMatch(ALLOWED_TAG);
            definitionAt(report, p);
            referencesAt(report, p);
            renamePlan(report, p, (l) => lines[l - 1] ?? '');
          }
        });
      }),
      { numRuns: 20, seed: 4 },
    );
  }, 120000);
});
