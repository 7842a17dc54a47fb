// The host-side typesetter (src/extension/panel/typeset.ts): KaTeX run into a stand-in document, the
// result plain data; locked down like the page used to be (trust off), errors as messages; the cache;
// and the formulas sent ahead of a report.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { firstFormulas, FormulaCache, typesetFormula } from '../../../src/extension/panel/typeset';
import { analyze } from '../../../src/analysis';
import type { MathTree } from '../../../src/protocol';

function walk(t: MathTree, f: (el: Exclude<MathTree, string>) => void): void {
  if (typeof t === 'string') return;
  f(t);
  for (const c of t.k ?? []) walk(c, f);
}

function text(t: MathTree): string {
  return typeof t === 'string' ? t : (t.k ?? []).map(text).join('');
}

describe('typesetFormula', () => {
  test('a formula becomes KaTeX nodes as data: display wrapper, MathML, styled spans, SVG; no global left behind', () => {
    const f = typesetFormula('\\frac{\\partial L}{\\partial W_{hh}} = \\sqrt{x}', true);
    expect(f.error).toBeNull();
    const tree = f.tree as Exclude<MathTree, string>;
    expect(tree.t).toBe('span');
    expect(tree.c).toBe('katex-display');
    const tags = new Set<string>();
    let styled = 0;
    walk(tree, (el) => {
      tags.add(`${el.n ?? 'h'}:${el.t}`);
      if (el.s) styled++;
    });
    expect([...tags]).toEqual(expect.arrayContaining(['h:span', 'm:math', 'm:mfrac', 'm:annotation', 's:svg', 's:path']));
    expect(styled).toBeGreaterThan(3);
    expect(JSON.parse(JSON.stringify(f))).toEqual(f);
    expect((globalThis as { document?: unknown }).document).toBeUndefined();
  });

  test('inline is not display', () => {
    const f = typesetFormula('x_t', false);
    expect((f.tree as Exclude<MathTree, string>).c).toBe('katex');
  });

  test('trust is off: \\href, \\url, \\includegraphics and \\htmlClass make no link, image or class of their own', () => {
    for (const latex of [
      '\\href{javascript:alert(1)}{x}',
      '\\url{https://example.com}',
      '\\includegraphics{x.png}',
      '\\htmlClass{evil}{x}',
    ]) {
      const f = typesetFormula(latex, false);
      const found: string[] = [];
      if (f.tree) walk(f.tree, (el) => (el.t === 'a' || el.t === 'img' || /evil/.test(el.c ?? '') ? found.push(el.t) : undefined));
      expect(found, latex).toEqual([]);
    }
  });

  test('user text stays text: a name with markup is a text node, never a tag', () => {
    const f = typesetFormula('\\text{<img src=x onerror=alert(1)>} + x', false);
    expect(f.error).toBeNull();
    const tags: string[] = [];
    walk(f.tree!, (el) => tags.push(el.t));
    expect(tags).not.toContain('img');
    expect(text(f.tree!)).toContain('<img src=x onerror=alert(1)>');
  });

  test("LaTeX that does not parse: no tree, KaTeX's message", () => {
    const f = typesetFormula('\\frac{', true);
    expect(f.tree).toBeNull();
    expect(f.error).toMatch(/KaTeX parse error/);
  });
});

test('FormulaCache typesets a formula once and is bounded by the LaTeX it holds', () => {
  const cache = new FormulaCache(40);
  const a = cache.get('x_{1} + y_{1}', true);
  expect(cache.get('x_{1} + y_{1}', true)).toBe(a);
  expect(cache.get('x_{1} + y_{1}', false)).not.toBe(a);
  for (let i = 2; i < 10; i++) cache.get(`x_{${i}} + y_{${i}}`, true);
  expect(cache.has('x_{1} + y_{1}', true)).toBe(false);
  expect(cache.has('x_{9} + y_{9}', true)).toBe(true);
});

describe('firstFormulas: what a report sends ahead', () => {
  const report = analyze(readFileSync('examples/sheet7-vanilla-rnn.rnn', 'utf8'), { forms: true });

  test('the first derive: its query, its value and its first form', () => {
    const list = firstFormulas(report, null);
    const d = report.derives[0]!;
    expect(list[0]).toEqual({ latex: d.queryLatex, display: false });
    expect(list.length).toBeGreaterThanOrEqual(3);
    expect(list.every((f) => f.latex.length > 0)).toBe(true);
  });

  test('the derive under the cursor; nothing for a node or a check', () => {
    const i = report.derives.length - 1;
    const line = report.derives[i]!.line;
    const at = (c: Partial<Parameters<typeof firstFormulas>[1] & object>) =>
      firstFormulas(report, { line, column: 1, derive: null, check: null, symbol: null, node: null, ...c });
    expect(at({ derive: i })[0]!.latex).toBe(report.derives[i]!.queryLatex);
    expect(at({ node: 'W_hh' })).toEqual([]);
    expect(at({ check: 0 })).toEqual([]);
  });
});
