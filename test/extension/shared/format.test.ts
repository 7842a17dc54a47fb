import { describe, expect, it } from 'vitest';
import {
  escapeMarkdown,
  formatNumber,
  mathHtml,
  sparkline,
  textToLatex,
  valueHtml,
  valueLatex,
  valueText,
} from '../../../src/extension/shared/format';

describe('formatNumber', () => {
  it('keeps the requested significant digits and drops trailing zeros', () => {
    expect(formatNumber(0.0421337, 4)).toBe('0.04213');
    expect(formatNumber(0.5, 4)).toBe('0.5');
    expect(formatNumber(-2, 4)).toBe('-2');
    expect(formatNumber(123.456, 2)).toBe('120');
    expect(formatNumber(1 / 3, 15)).toBe('0.333333333333333');
  });
  it('switches to an exponent for tiny and huge numbers', () => {
    expect(formatNumber(1.234e-7, 3)).toBe('1.23e-7');
    expect(formatNumber(-5e12, 4)).toBe('-5e12');
    expect(formatNumber(2e6, 2)).toBe('2e6');
  });
  it('names the non-finite values', () => {
    expect(formatNumber(NaN, 4)).toBe('NaN');
    expect(formatNumber(Infinity, 4)).toBe('∞');
    expect(formatNumber(-Infinity, 4)).toBe('-∞');
    expect(formatNumber(0, 4)).toBe('0');
    expect(formatNumber(-0, 4)).toBe('0');
  });
  it('never prints more digits than asked for', () => {
    for (const x of [Math.PI, -Math.E * 1e-3, 98765.4321, 1e-4, 999999]) {
      const mant = formatNumber(x, 3).replace(/e.*$/, '').replace(/[-.]/g, '').replace(/^0+/, '').replace(/0+$/, '');
      expect(mant.length).toBeLessThanOrEqual(3);
      expect(Math.abs(Number(formatNumber(x, 3)) - x) / Math.abs(x)).toBeLessThan(5e-3);
    }
  });
});

describe('values', () => {
  it('writes scalars, vectors and matrices on one line', () => {
    expect(valueText(0.25, 4)).toBe('0.25');
    expect(valueText([1, -0.5], 4)).toBe('[1, -0.5]');
    expect(
      valueText(
        [
          [1, 2],
          [3, 4],
        ],
        4,
      ),
    ).toBe('[[1, 2], [3, 4]]');
  });
  it('elides long vectors in the middle', () => {
    const t = valueText(
      Array.from({ length: 20 }, (_, i) => i),
      4,
      5,
    );
    expect(t).toBe('[0, 1, …, 18, 19]');
  });
  it('renders matrices as an HTML table, elided past 8 rows', () => {
    const m = Array.from({ length: 10 }, (_, i) => [i, -i]);
    const html = valueHtml(m, 3);
    // a block of its own (blank lines around), so Markdown leaves the table as HTML
    expect(html.startsWith('\n\n<table>')).toBe(true);
    expect(html.endsWith('</table>\n\n')).toBe(true);
    expect(valueHtml(m, 3, true)).toMatch(/^<code>\[\[0, 0\], /);
    expect(html.match(/<tr>/g)!.length).toBe(8);
    expect(html).toContain('<td>…</td>');
    expect(html).toContain('<td>-9</td>');
  });
  it('writes LaTeX matrices and exponents', () => {
    expect(
      valueLatex(
        [
          [1, 2],
          [3, 4],
        ],
        4,
      ),
    ).toBe('\\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}');
    expect(valueLatex([1, 2], 4)).toBe('\\begin{bmatrix} 1 \\\\ 2 \\end{bmatrix}');
    expect(valueLatex(2.5e-9, 2)).toBe('2.5 \\times 10^{-9}');
  });
});

describe('mathHtml', () => {
  it('turns subscripts and superscripts into real <sub>/<sup>', () => {
    expect(mathHtml('W_hh')).toBe('W<sub>hh</sub>');
    expect(mathHtml('h_{t-1}')).toBe('h<sub>t-1</sub>');
    expect(mathHtml('∂L/∂W_hh')).toBe('∂L/∂W<sub>hh</sub>');
    expect(mathHtml('(y_3 - o_3)^2')).toBe('(y<sub>3</sub> - o<sub>3</sub>)<sup>2</sup>');
    expect(mathHtml('h^(t-1)')).toBe('h<sup>(t-1)</sup>');
    expect(mathHtml('∂⁺h_t/∂W_xh')).toBe('∂⁺h<sub>t</sub>/∂W<sub>xh</sub>');
  });
  it('nests scripts inside groups', () => {
    expect(mathHtml('Σ_{i=1}^{T}')).toBe('Σ<sub>i=1</sub><sup>T</sup>');
  });
  it('escapes HTML and Markdown in everything else', () => {
    const evil = '<img src=x onerror=alert(1)> *bold* [x](y) `c`';
    const out = mathHtml(evil);
    expect(out).not.toMatch(/<img/);
    expect(out).toContain('&lt;img');
    expect(out).toContain('\\*bold\\*');
    expect(out).toContain('\\[x\\]');
    expect(out).toContain('\\`c\\`');
    expect(mathHtml('a_{<script>}')).toBe('a<sub>&lt;script&gt;</sub>');
  });
  it('leaves a lone script character as text', () => {
    expect(mathHtml('_')).toBe('\\_');
    expect(mathHtml('x_')).toBe('x\\_');
    expect(escapeMarkdown('a|b')).toBe('a\\|b');
  });
});

describe('textToLatex', () => {
  it('braces subscripts and names Greek letters and operators', () => {
    expect(textToLatex('∂L/∂W_hh')).toBe('\\partial L/\\partial W_{hh}');
    expect(textToLatex("σ'(z) W_hh")).toBe("\\sigma'(z) W_{hh}");
    expect(textToLatex('a ⊙ b · cᵀ')).toBe('a \\odot b \\cdot c^{\\top}');
    expect(textToLatex('tanh(z) + h_{t-1}')).toBe('\\operatorname{tanh}(z) + h_{t-1}');
    expect(textToLatex('σx')).toBe('\\sigma x');
  });
  it('escapes LaTeX specials from comments', () => {
    expect(textToLatex('50% & #1')).toBe('50\\% \\& \\#1');
  });
});

describe('sparkline', () => {
  it('draws magnitudes on a log scale: a geometric decay is an even slope', () => {
    expect(sparkline([1, 0.1, 0.01, 0.001])).toBe('█▆▃▁');
    expect(sparkline([1e-6, 1, 1e6])).toBe('▁▅█');
  });
  it('handles zeros, constants, emptiness and long series', () => {
    expect(sparkline([0, 1, 10])).toBe(' ▁█');
    expect(sparkline([2, 2, 2])).toBe('▄▄▄');
    expect(sparkline([])).toBe('');
    expect(sparkline([0, 0])).toBe('  ');
    expect(
      sparkline(
        Array.from({ length: 1000 }, (_, i) => i + 1),
        40,
      ),
    ).toHaveLength(40);
  });
});
