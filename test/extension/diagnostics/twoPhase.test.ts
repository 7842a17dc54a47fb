// Two-phase diagnostics (issue 13): what a .rnn file shows once its new text's reading is known, before its
// Report. Pure functions (twoPhase.ts) on the real analysis's diagnostics: the reading's problems at once,
// the analysis's moved with their lines or dropped with them, nothing published when nothing changes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analysis';
import { diagnosticItems, type DiagnosticItem } from '../../../src/extension/diagnostics/diagnosticsContent';
import { afterRead, moveWithLines, shownAfterReport } from '../../../src/extension/diagnostics/twoPhase';
import { compile } from '../../../src/language/index';
import { TWO_STEP_BROKEN as broken, TWO_STEP_FIXED as fixed } from '../../fixtures/twoStepRnn';

const items = (text: string) => diagnosticItems(analyze(text), { hintForHolding: false });
const shownFor = (text: string) => shownAfterReport(items(text), compile(text).diagnostics, text)!;

describe('two-phase diagnostics', () => {
  it('tells the reading’s problems from the analysis’s in a Report', () => {
    const shown = shownFor(broken);
    expect(shown.read.map((i) => i.line)).toEqual([9]);
    expect(shown.read[0]!.severity).toBe('error');
    expect(shown.analysed.some((i) => i.line === 10 && i.code === 'check-fails')).toBe(true);
    expect([...shown.read, ...shown.analysed]).toHaveLength(items(broken).length);
    // a Report without its reading (computed on the host thread): not split
    expect(shownAfterReport(items(broken), undefined, broken)).toBeUndefined();
  });

  it('clears a fixed error at once and keeps the failing check, moved to its new line, until the Report', () => {
    const next = afterRead(shownFor(broken), fixed, compile(fixed).diagnostics)!;
    expect(next.items.filter((i) => i.severity === 'error' && i.code !== 'check-fails')).toEqual([]);
    const check = next.items.find((i) => i.code === 'check-fails')!;
    expect(check.line).toBe(11);
    // where the Report then puts it
    expect(items(fixed).find((i) => i.code === 'check-fails')!.line).toBe(11);
  });

  it('shows a new reading error at once, and publishes nothing when the reading’s problems are unchanged', () => {
    const shown = shownFor(fixed);
    const typo = fixed.replace('derive ∂L/∂w', 'derive ∂L/∂q');
    const next = afterRead(shown, typo, compile(typo).diagnostics)!;
    expect(next.items.some((i) => i.line === 9 && i.severity === 'error')).toBe(true);
    // a comment typed: the same reading, nothing to publish
    const comment = `${fixed}# a note\n`;
    expect(afterRead(shown, comment, compile(comment).diagnostics)).toBeUndefined();
  });

  it('drops an analysis problem whose line was changed', () => {
    const shown = shownFor(fixed);
    const edited = fixed.replace('check ∂h_t/∂h_{t-1} = w', 'check ∂h_t/∂h_{t-1} = 2 w');
    const typo = edited.replace('derive ∂L/∂w', 'derive ∂L/∂q');
    const next = afterRead(shown, typo, compile(typo).diagnostics)!;
    expect(next.items.some((i) => i.code === 'check-fails')).toBe(false);
  });

  it('moves every item to the nearest place its lines read the same, for any lines inserted or removed', () => {
    const lines = Array.from({ length: 30 }, (_, i) => `line ${i % 7}`);
    fc.assert(
      fc.property(
        fc.nat(29),
        fc.integer({ min: 0, max: 30 }),
        fc.array(fc.constantFrom('new', 'line 3', ''), { maxLength: 4 }),
        fc.nat(3),
        (at, where, inserted, removed) => {
          const item: DiagnosticItem = { line: at + 1, column: 1, endLine: at + 1, endColumn: 4, severity: 'error', message: 'm' };
          const after = [...lines];
          after.splice(where, Math.min(removed, 30 - where), ...inserted);
          const [moved] = moveWithLines([item], lines.join('\n'), after.join('\n'));
          const same = after.flatMap((l, i) => (l === lines[at] ? [i] : []));
          if (same.length === 0) {
            expect(moved).toBeUndefined();
            return;
          }
          expect(after[moved!.line - 1]).toBe(lines[at]);
          const nearest = Math.min(...same.map((i) => Math.abs(i - at)));
          expect(Math.abs(moved!.line - 1 - at)).toBe(nearest);
          expect(moved!.endLine - moved!.line).toBe(0);
        },
      ),
    );
  });
});
