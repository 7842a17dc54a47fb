import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumber, numberLatex, valueLatex, valueText } from '../src/display/number';
import { nameCharsLatex } from '../src/display/latex';
import { shapeText } from '../src/display/shape';
import { nameLatex } from '../src/language/print';
import { textToLatex } from '../src/extension/shared/format';
import { fmt as engineFmt, valueText as engineValueText } from '../src/engine/format';
import { formatNumber as extensionFormat, shapeText as extensionShape } from '../src/extension/shared/format';
import { shapeText as languageShape } from '../src/language/shapes';
import { fmt as webviewFmt, fmtShape as webviewShape, fmtValue } from '../src/webview/format';

describe('one number format for the engine, the extension and the panel', () => {
  it('−∞, ∞ and NaN', () => {
    expect(formatNumber(-Infinity, 4)).toBe('-∞');
    expect(formatNumber(Infinity, 4)).toBe('∞');
    expect(formatNumber(NaN, 4)).toBe('NaN');
    // the three consumers agree on the sign of −∞ (the engine used to print "−∞", the extension "-∞")
    expect(engineFmt(-Infinity)).toBe('-∞');
    expect(extensionFormat(-Infinity, 4)).toBe('-∞');
    // the panel's typographic minus applies to −∞ as to every negative number
    expect(webviewFmt(-Infinity)).toBe('−∞');
    expect(webviewFmt(-2.5)).toBe('−2.5');
    expect(webviewFmt(-1.5e-8)).toBe('−1.5e−8');
    expect(numberLatex(-Infinity, 4)).toBe('-\\infty');
    expect(numberLatex(NaN, 4)).toBe('\\text{NaN}');
  });

  it('precision: significant digits, trailing zeros dropped, exponent outside [1e-4, 1e6)', () => {
    expect(formatNumber(0.0421337, 4)).toBe('0.04213');
    expect(formatNumber(123.456, 2)).toBe('120');
    expect(formatNumber(1.234e-7, 3)).toBe('1.23e-7');
    expect(formatNumber(2e6, 2)).toBe('2e6');
    expect(formatNumber(-0, 4)).toBe('0');
    expect(formatNumber(0.5, 40)).toBe('0.5');
    expect(formatNumber(1 / 3, 0)).toBe('0.3');
    // the engine's messages: six digits, the same rules (its exponent used to keep only three)
    expect(engineFmt(1.2345678e-7)).toBe('1.23457e-7');
    expect(engineFmt(0.000123456789)).toBe('0.000123457');
    // the panel: four digits, the same range as everywhere else (it used to switch at 1e-3 and 1e5)
    expect(webviewFmt(0.0005)).toBe('0.0005');
    expect(webviewFmt(123456)).toBe('123500');
  });

  it('every finite number reads back within its precision, the same in every layer', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, min: -1e300, max: 1e300 }), fc.integer({ min: 1, max: 15 }), (x, d) => {
        const s = formatNumber(x, d);
        if (x === 0) {
          expect(s).toBe('0');
          return;
        }
        expect(Math.abs(Number(s) - x)).toBeLessThanOrEqual(Math.abs(x) * 10 ** (1 - d));
        expect(extensionFormat(x, d)).toBe(s);
        expect(engineFmt(x, d)).toBe(s);
        expect(webviewFmt(x, d)).toBe(s.replace(/-/g, '−'));
      }),
    );
  });

  it('values: whole in messages, elided in the middle where asked', () => {
    expect(
      valueText(
        [
          [1, -2],
          [3, 4],
        ],
        4,
      ),
    ).toBe('[[1, -2], [3, 4]]');
    expect(engineValueText(Array.from({ length: 12 }, (_, i) => i))).toBe('[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]');
    expect(
      valueText(
        Array.from({ length: 12 }, (_, i) => i),
        4,
        5,
      ),
    ).toBe('[0, 1, …, 10, 11]');
    expect(fmtValue(null)).toBe('—');
    expect(fmtValue([-1, 2])).toBe('[−1, 2]');
    expect(valueLatex([1, 2], 4)).toBe('\\begin{bmatrix} 1 \\\\ 2 \\end{bmatrix}');
    expect(valueLatex(2.5e-9, 2)).toBe('2.5 \\times 10^{-9}');
  });
});

describe('one shape vocabulary', () => {
  it('scalar, vector of n, m×n matrix — in diagnostics, hovers and the panel alike', () => {
    for (const f of [shapeText, extensionShape, languageShape, webviewShape]) {
      expect(f([])).toBe('scalar');
      expect(f([3])).toBe('vector of 3');
      expect(f([2, 3])).toBe('2×3 matrix');
    }
    expect(shapeText(null)).toBe('unknown');
  });
});

describe('one Greek table for LaTeX', () => {
  it('the model printer, the symbolic printer and the hovers agree on Greek names', () => {
    expect(nameCharsLatex('α')).toBe('\\alpha');
    expect(nameCharsLatex('βx')).toBe('\\beta x');
    expect(nameCharsLatex('é')).toBe('\\text{é}');
    expect(nameLatex('W_α')).toBe('W_{\\alpha}');
    expect(nameLatex('Ω')).toBe('\\Omega');
    expect(textToLatex('Ω')).toBe('\\Omega');
    // in math text Σ is the sum operator, in a name the letter
    expect(textToLatex('Σ_t L_t')).toBe('\\sum_{t} L_{t}');
  });
});
