// @vitest-environment happy-dom
// The panel's typeset-formula cache (issue 13: the derivation is re-rendered on every cursor move):
// a formula typeset once is copied, not typeset again; the copy is the same markup, its own nodes,
// and a mistyped formula stays the escaped source text.
import './setup-dom';
import katex from 'katex';
import { afterEach, expect, test, vi } from 'vitest';
import { clearMathCache, mathElement } from '../../src/webview/math';

afterEach(() => {
  clearMathCache();
  vi.restoreAllMocks();
});

test('the second typesetting of a formula is a copy of the first: same markup, no KaTeX call, its own nodes', () => {
  const render = vi.spyOn(katex, 'render');
  const latex = '\\frac{\\partial L}{\\partial W_{hh}} = \\sum_{t=1}^{3} \\delta_t h_{t-1}';
  const a = mathElement(document, latex, true);
  expect(render).toHaveBeenCalledTimes(1);
  const b = mathElement(document, latex, true);
  expect(render).toHaveBeenCalledTimes(1);
  expect(b.outerHTML).toBe(a.outerHTML);
  expect(b).not.toBe(a);
  // what one caller does to its copy does not reach the next
  a.classList.add('changed');
  a.querySelector('.katex')!.remove();
  const c = mathElement(document, latex, true);
  expect(c.outerHTML).toBe(b.outerHTML);
  // inline and display are different formulas
  const inline = mathElement(document, latex, false);
  expect(render).toHaveBeenCalledTimes(2);
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
  const render = vi.spyOn(katex, 'render');
  const size = mathElement(document, 'x_{0} + y^{0}', false).getElementsByTagName('*').length + 1;
  // room for about ten such formulas: after forty more the first is typeset again, the last is not
  clearMathCache(size * 10);
  for (let i = 0; i < 40; i++) mathElement(document, `x_{${i}} + y^{${i}}`, false);
  const calls = render.mock.calls.length;
  mathElement(document, 'x_{39} + y^{39}', false);
  expect(render.mock.calls.length).toBe(calls);
  mathElement(document, 'x_{0} + y^{0}', false);
  expect(render.mock.calls.length).toBe(calls + 1);
});
