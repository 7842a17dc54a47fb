// @vitest-environment happy-dom
import './setup-dom';
import { expect, test } from 'vitest';
import { mathElement } from '../../src/webview/math';
import { derivationLatex, latexValue } from '../../src/webview/derivation';
import { sheet7Report } from './fixtures';

test('every derivation form of the fixture typesets without a KaTeX error', () => {
  const r = sheet7Report();
  let n = 0;
  for (const d of r.derives) {
    for (const latex of [d.queryLatex]) expect(mathElement(document, latex, false).querySelector('.katex')).not.toBeNull();
    for (const res of d.results) {
      const forms = [
        res.latex,
        res.forms?.chain?.latex,
        res.forms?.explicit?.latex,
        res.forms?.recursive?.latex,
        latexValue(res.value),
      ].filter((x): x is string => !!x);
      for (const f of forms) {
        const el = mathElement(document, f, true);
        expect(el.classList.contains('katex-error'), f).toBe(false);
        expect(el.querySelector('.katex-display')).not.toBeNull();
        n++;
      }
      // the copied LaTeX is itself valid KaTeX (display blocks without the \[ \] delimiters)
      for (const block of derivationLatex(d, res)
        .split('\n')
        .filter((l) => !l.startsWith('%'))
        .join('\n')
        .split(/\\\[|\\\]/)
        .map((x) => x.trim())
        .filter(Boolean)) {
        expect(mathElement(document, block, true).classList.contains('katex-error'), block).toBe(false);
      }
    }
  }
  expect(n).toBeGreaterThan(6);
});

test('values typeset as numbers and matrices', () => {
  expect(latexValue(0.5)).toBe('0.5');
  expect(latexValue(-1.5e-8)).toBe('-1.5 \\times 10^{-8}');
  expect(latexValue([1, 2])).toBe('\\begin{bmatrix} 1 \\\\ 2 \\end{bmatrix}');
  expect(
    latexValue([
      [1, 0],
      [0, 1],
    ]),
  ).toBe('\\begin{bmatrix} 1 & 0 \\\\ 0 & 1 \\end{bmatrix}');
});
