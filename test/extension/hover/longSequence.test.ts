// Issue 13 item 5 on a 5,000-step file: every list that stops early says so and where the rest is, and a
// derivation shown as a bare number says why (hover, CLI).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analysis';
import { hoverContent } from '../../../src/extension/hover/hoverContent';
import { stepsNote } from '../../../src/extension/hover/hoverPieces';
import { renderText } from '../../../src/cli-render';
import { plain } from '../plain';
import { longRnn } from '../../fixtures/longRnn';

const T = 5000;
const TEXT = longRnn(T, ['derive ∂L/∂W_hh']);

describe('a 5,000-step file: truncations say so', () => {
  const report = analyze(TEXT, { forms: true });
  const opts = { digits: 4, detail: 'full' as const, uri: 'file:///long.rnn' };

  it('the derive hover gives the number and why there is no derivation', () => {
    const d = report.derives[0]!;
    expect(d.results[0]!.forms).toBeUndefined();
    expect(d.results[0]!.formsOmitted).toMatch(/T = 1,000/);
    const h = hoverContent(report, { line: d.line, column: 3 }, opts)!;
    expect(plain(h.markdown)).toMatch(/only the number: symbolic forms are written for horizons up to T = 1,000 \(here T = 5,000\)/);
  });

  it('the values of h: the gap in the table counts steps, and says the analysis lists only some of them', () => {
    const line = TEXT.split('\n').findIndex((l) => l.startsWith('h_t =')) + 1;
    const text = plain(hoverContent(report, { line, column: 1 }, opts)!.markdown);
    const gap = /t = (\d+)…(\d+) left out here \((\d+) steps; the analysis lists (\d+) of them/.exec(text);
    expect(gap, text).not.toBeNull();
    const [from, to, span, listed] = gap!.slice(1).map(Number);
    expect(span).toBe(to! - from! + 1);
    expect(listed).toBeLessThan(span!);
  });

  it('stepsNote: a gap in a complete list counts its entries; in a thinned one, its steps', () => {
    const all = Array.from({ length: 20 }, (_, i) => ({ t: i + 1 }));
    expect(stepsNote(all, 11, 20)).toBe('_(t = 12…19 left out here (8 steps))_');
    const thinned = [...all.slice(0, 12), { t: 4990 }, { t: 5000 }];
    expect(stepsNote(thinned, 11, 5000)).toBe(
      '_(t = 12…4990 left out here (4979 steps; the analysis lists 2 of them, the first and last steps of a long sequence))_',
    );
  });

  it('the CLI says why a derive has only its number', () => {
    const out = renderText('long.rnn', report);
    expect(out).toMatch(/∂L\/∂W_hh = 105\.\d+/);
    expect(out).toContain('only the number: symbolic forms are written for horizons up to T = 1,000');
  });
});
