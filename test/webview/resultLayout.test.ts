// One layout of a derivation result (src/display/compactForm.ts resultLayout) that the panel renders and
// the extension host typesets ahead: the page's first render typesets exactly the layout's first formulas.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyze } from '../../src/analysis';
import { firstLayoutFormulas, FOLD_ROWS, formRows, pickResult, resultLayout } from '../../src/display/compactForm';

const examples = readdirSync('examples').filter((f) => f.endsWith('.rnn'));

describe('resultLayout: what a derivation shows first, later and folded', () => {
  for (const name of examples) {
    test(name, () => {
      const report = analyze(readFileSync(`examples/${name}`, 'utf8'), { forms: true });
      for (const d of report.derives) {
        for (const r of d.results) {
          const layout = resultLayout(d, r);
          // exactly one block is read first: the factored form, the compact statement, the first form, or the number alone
          const firsts = layout.blocks.filter((b) => b.kind !== 'form' || b.first);
          expect(firsts, `${d.query} t=${r.t}`).toHaveLength(1);
          expect(layout.blocks[0]).toBe(firsts[0]);
          for (const b of layout.blocks)
            if (b.kind === 'form') {
              expect(b.folded).toBe(!b.first && formRows(b.latex) > FOLD_ROWS);
              expect(b.terms).toBe(b.key === 'chain');
            }
          // each form of the result once
          const keys = layout.blocks.flatMap((b) => (b.kind === 'form' ? [b.key] : []));
          expect(new Set(keys).size).toBe(keys.length);
          const have = (['chain', 'factored', 'explicit', 'recursive'] as const).filter((k) => r.forms?.[k]);
          expect([...keys].sort()).toEqual([...have].sort());
          expect(firstLayoutFormulas(layout)).toEqual([layout.query, { latex: firsts[0]!.latex, display: true }, layout.value]);
        }
      }
    });
  }

  test('pickResult: the result at the chosen step, else the first', () => {
    const report = analyze(readFileSync('examples/sheet7-vanilla-rnn.rnn', 'utf8'));
    const d = report.derives.find((x) => x.results.length > 1)!;
    expect(d).toBeDefined();
    const last = d.results[d.results.length - 1]!;
    expect(pickResult(d, last.t)).toBe(last);
    expect(pickResult(d, null)).toBe(d.results[0]);
    expect(pickResult(d, undefined)).toBe(d.results[0]);
    expect(pickResult(d, 9999)).toBe(d.results[0]);
  });
});
