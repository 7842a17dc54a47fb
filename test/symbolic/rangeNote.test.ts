// The LaTeX range of a general-step form lists a short run (read31): with T = 4 the GRU's δ-recursion read
// `\text{for } t = 1, \dots, 2`, promising steps between 1 and 2 that are not there.
import { describe, expect, it } from 'vitest';
import { deriveForms } from '../../src/engine/symbolic/index';
import { stepRowsForm } from '../../src/engine/symbolic/forms';
import { compileOk, forward, GRU_SEED_000 } from './helpers';

const R = { line: 1, column: 1, endLine: 1, endColumn: 1 };

function recursionRange(T: number): { latex: string; text: string } {
  const model = compileOk(GRU_SEED_000(T));
  const f = deriveForms(
    model,
    { k: 'ref', name: 'h', idx: { v: null, k: T }, shape: [], range: R },
    { name: 'h', idx: { v: null, k: 0 } },
    true,
    null,
    forward(model),
  );
  return {
    latex: /\\text\{for \} t = [\d, ]*\d(?:, \\dots, \d+)?/.exec(f.recursive!.latex)![0],
    text: /for t = [\d.]+/.exec(f.recursive!.text)![0],
  };
}

describe("a general step's range in LaTeX", () => {
  it.each([
    [4, '\\text{for } t = 1, 2', 'for t = 1..2'],
    [5, '\\text{for } t = 1, 2, 3', 'for t = 1..3'],
    [6, '\\text{for } t = 1, \\dots, 4', 'for t = 1..4'],
  ])('T = %i: %s', (T, latex, text) => {
    expect(recursionRange(T)).toEqual({ latex, text });
  });

  it('a run of one step is that step', () => {
    const row = { lhs: 'x', alts: [[{ neg: false, s: '1' }]] };
    const f = stepRowsForm({ text: [row], latex: [row], main: 0 }, [2, 2]);
    expect(f.latex).toContain('\\text{for } t = 2');
    expect(f.latex).not.toContain('\\dots');
    expect(f.text).toContain('for t = 2');
    expect(f.text).not.toContain('2..2');
  });
});
