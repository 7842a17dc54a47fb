// A LaTeX form's sum is broken at its terms when its typeset width would pass the panel's (~500 px), judged
// by its text twin's length — not by the LaTeX source's, which says little about the width (issue 13).
import { describe, expect, it } from 'vitest';
import type { Expr } from '../../src/language/model';
import { deriveForms } from '../../src/engine/symbolic/index';
import { compileOk, forward, GRU_SEED_000 } from './helpers';

const R = { line: 1, column: 1, endLine: 1, endColumn: 1 };
const ref = (name: string): Expr => ({ k: 'ref', name, idx: null, shape: [], range: R });

describe('LaTeX rows break at the terms by their typeset width (issue 13: no line wider than the panel)', () => {
  it("the GRU's δ-recursion: the general line's three terms on three rows (it was one 571-px row)", () => {
    const text = GRU_SEED_000(4);
    const model = compileOk(text);
    const f = deriveForms(
      model,
      { k: 'ref', name: 'h', idx: { v: null, k: 4 }, shape: [], range: R },
      { name: 'h', idx: { v: null, k: 0 } },
      true,
      null,
      forward(model),
    );
    const latex = f.recursive!.latex;
    expect(latex).toContain(
      String.raw`&= \delta_{t+1} \left(h_{t} - s_{t+1}\right) \sigma'\left(\tilde{u}_{t+1}\right) w \\ &\quad + \delta_{t+1} \left(1 - u_{t+1}\right) w \\ &\quad + \delta_{t+1} u_{t+1} \quad \text{for } t = 1, 2`,
    );
    // the text form keeps its own layout (one line up to 100 characters)
    expect(f.recursive!.text).toContain(
      '= δ_{t+1} (h_t − s_{t+1}) σ′(ũ_{t+1}) w + δ_{t+1} (1 − u_{t+1}) w + δ_{t+1} u_{t+1}   for t = 1..2',
    );
  });

  it('a short sum stays on one row', () => {
    const model = compileOk(GRU_SEED_000(4));
    const f = deriveForms(model, ref(model.loss!), { name: 'w', idx: null }, true, null, forward(model));
    expect(f.recursive!.latex).toContain(String.raw`\text{where } \tilde{u}_{t} &= w h_{t-1} + w x_{t} \quad`);
  });
});

describe("the factored form's LaTeX is laid out for the panel, its text for the terminal", () => {
  it("the GRU's ∂L/∂w: the text keeps 100-character lines, the LaTeX breaks the brackets' sums sooner", () => {
    const model = compileOk(GRU_SEED_000(4));
    const f = deriveForms(model, ref(model.loss!), { name: 'w', idx: null }, true, null, forward(model)).factored!;
    const textLines = f.text.split('\n');
    const rows = f.latex.replace(/^\\begin\{aligned\}|\\end\{aligned\}$/g, '').split(' \\\\ ');
    expect(Math.max(...textLines.map((l) => l.length))).toBeGreaterThan(72);
    expect(rows.length).toBeGreaterThan(textLines.length);
    // the same terms, in the same order: only the line breaks differ
    const count = (s: string, x: string) => s.split(x).length - 1;
    expect(count(f.latex, '\\partial^{+}')).toBe(count(f.text, '∂⁺'));
    expect(count(f.latex, '\\frac{\\partial')).toBe(count(f.text, '/∂'));
  });
});
