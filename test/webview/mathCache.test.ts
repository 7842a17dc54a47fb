// @vitest-environment happy-dom
// The panel's built-formula cache (issue 13: the derivation is re-rendered on every cursor move): a
// formula built once is copied, not typeset again; the copy is the same markup, its own nodes, and a
// mistyped formula stays the escaped source text.
import './setup-dom';
import { afterEach, expect, test, vi } from 'vitest';
import { typesetFormula } from '../../src/extension/panel/typeset';
import { clearMathCache, mathElement, setMathSource } from '../../src/webview/math';

function countingSource(): { calls: () => number } {
  const spy = vi.fn(typesetFormula);
  setMathSource({ typeset: spy });
  return { calls: () => spy.mock.calls.length };
}

afterEach(() => {
  clearMathCache();
  setMathSource({ typeset: typesetFormula });
});

test('the second typesetting of a formula is a copy of the first: same markup, not typeset again, its own nodes', () => {
  const src = countingSource();
  const latex = '\\frac{\\partial L}{\\partial W_{hh}} = \\sum_{t=1}^{3} \\delta_t h_{t-1}';
  const a = mathElement(document, latex, true);
  expect(src.calls()).toBe(1);
  expect(a.querySelector('.katex-display .katex-html')).not.toBeNull();
  const b = mathElement(document, latex, true);
  expect(src.calls()).toBe(1);
  expect(b.outerHTML).toBe(a.outerHTML);
  expect(b).not.toBe(a);
  // what one caller does to its copy does not reach the next
  a.classList.add('changed');
  a.querySelector('.katex')!.remove();
  const c = mathElement(document, latex, true);
  expect(c.outerHTML).toBe(b.outerHTML);
  // inline and display are different formulas
  const inline = mathElement(document, latex, false);
  expect(src.calls()).toBe(2);
  expect(inline.querySelector('.katex-display')).toBeNull();
});

test('a formula that does not parse: its source as text, cached as such, never markup', () => {
  const latex = '\\frac{<img src=x onerror=alert(1)>}{';
  for (let i = 0; i < 2; i++) {
    const el = mathElement(document, latex, true);
    expect(el.classList.contains('katex-error')).toBe(true);
    expect(el.querySelector('img')).toBeNull();
    expect(el.querySelector('code')!.textContent).toBe(latex);
  }
});

test('the cache is bounded: a stream of distinct formulas does not keep them all', () => {
  const src = countingSource();
  const size = mathElement(document, 'x_{0} + y^{0}', false).getElementsByTagName('*').length + 1;
  // room for about ten such formulas: after forty more the first is typeset again, the last is not
  clearMathCache(size * 10);
  for (let i = 0; i < 40; i++) mathElement(document, `x_{${i}} + y^{${i}}`, false);
  const calls = src.calls();
  mathElement(document, 'x_{39} + y^{39}', false);
  expect(src.calls()).toBe(calls);
  mathElement(document, 'x_{0} + y^{0}', false);
  expect(src.calls()).toBe(calls + 1);
});
