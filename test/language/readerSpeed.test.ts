// The reader's shortcuts (issue 11) give what the slower code they replaced gave:
// - the lexer classifies characters by code through a table filled from the Unicode regular expressions,
//   not by one-character strings: every BMP unit is checked here against those expressions;
// - inferQuantityShapes reads an equation again only when a shape it asked for changed: equations whose
//   shapes are learned backwards, one pass after another, still end with the shapes every pass agrees on;
// - textOf looks for a font command before a statement in a bounded window: the text is as written;
// - a question's free-index candidates are told one letter by code for ASCII: as the regular expression tells them.
// - a statement's text is its slice when no space needs folding: as the regular expression folds it.

import { describe, expect, it } from 'vitest';
import { compile } from '../../src/language/index';
import fc from 'fast-check';
import { isReservedWord, lex } from '../../src/language/lexer';
import { parse } from '../../src/language/parser';
import { isOneLetter } from '../../src/language/resolve/questions';
import { isScriptLetter } from '../../src/language/unicodeScripts';

/** what the lexer reads a name of (LANGUAGE.md §1): letters start one, marks continue it */
const LETTER = /^\p{L}$/u;
const LETTER_OR_MARK = /^[\p{L}\p{M}]$/u;
/** letters the lexer keeps as operators: ᵀ (transpose), Σ and ∑ (the sum) */
const OPERATOR_LETTERS = new Set([0x1d40, 0x3a3, 0x2211]);

describe('characters by code', () => {
  it('starts a name at exactly the letters, and continues one at exactly the letters and marks, over the whole BMP', () => {
    const starts: number[] = [];
    const continues: number[] = [];
    for (let k = 0x80; k < 0x10000; k++) {
      // lone surrogates, and the no-break space (a space), are not names
      if ((k >= 0xd800 && k <= 0xdfff) || k === 0xa0) continue;
      // the superscript and subscript letters (ᵗ ₜ ʰ ⱼ: modifier letters to Unicode) are scripts, h⁽ᵗ⁾ is h^{(t)}
      // (unicodeScripts.ts, probe 47; test/language/unicodeScripts.test.ts pins them)
      if (isScriptLetter(k)) continue;
      const c = String.fromCharCode(k);
      const alone = lex(c).tokens[0]!;
      const isStart = alone.kind === 'name' && alone.end === 1;
      // a letter that is a word of its own (σ, the function) makes its own token, as before
      if (isStart !== (LETTER.test(c) && !OPERATOR_LETTERS.has(k) && !isReservedWord(c))) starts.push(k);
      // after a letter: one name of both characters exactly when c continues a name
      const after = lex('a' + c).tokens[0]!;
      const isContinued = after.kind === 'name' && after.end === 2;
      // subscript digits ₀…₉ continue it too (h₂ is h_2)
      const subscriptDigit = k >= 0x2080 && k <= 0x2089;
      if (isContinued !== ((LETTER_OR_MARK.test(c) && !OPERATOR_LETTERS.has(k)) || subscriptDigit)) continues.push(k);
    }
    expect(starts.map((k) => k.toString(16))).toEqual([]);
    expect(continues.map((k) => k.toString(16))).toEqual([]);
  });

  it('a combining mark with no letter before it is named by its code point', () => {
    const { errors } = lex('x = \u0301');
    expect(errors.map((e) => e.message)).toEqual(['a combining mark (U+0301) with no letter before it']);
  });

  it('names after σ, ∂ and Σ (a file that is not Latin-1) read as in an ASCII file', () => {
    const names = (src: string) =>
      lex(src)
        .tokens.filter((t) => t.kind === 'name')
        .map((t) => t.text);
    expect(names('h_t = σ(W_hh h_{t-1}) + ∂x₂/∂y + Σ_t αβ_t')).toEqual(['h_t', 'W_hh', 'h', 't', 'x_2', 'y', 't', 'αβ_t']);
    expect(names('h_t = s(W_hh h_{t-1}) + x₂ + αβ_t')).toEqual(['h_t', 's', 'W_hh', 'h', 't', 'x_2', 'αβ_t']);
  });

  it('a comment ends at \\n, at \\r\\n and at a lone \\r alike', () => {
    for (const nl of ['\n', '\r\n', '\r']) {
      const { tokens } = lex(`a = 1 # one${nl}b = 2 // two${nl}c = 3`);
      expect(tokens.filter((t) => t.kind === 'name').map((t) => t.text)).toEqual(['a', 'b', 'c']);
      expect(tokens.filter((t) => t.kind === 'name').map((t) => t.range.line)).toEqual([1, 2, 3]);
    }
  });
});

describe('shapes learned backwards', () => {
  it('reads each equation again until the shapes it uses settle (c learns b, b learns a, a learns W x)', () => {
    const text = `T = 2
param W : 3x2 = [[1, 0], [0, 1], [1, 1]]
input x : 2 = [[1, 2], [3, 4]]
c_t = b_t + c_{t-1}
c_0 = 0
b_t = 2 a_t
a_t = W x_t
loss L = Σ_t sum(c_t)
`;
    const { model, diagnostics } = compile(text);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(model.quantities.get('a')!.shape).toEqual([3]);
    expect(model.quantities.get('b')!.shape).toEqual([3]);
    expect(model.quantities.get('c')!.shape).toEqual([3]);
  });

  it('a shape that stays unknown leaves the quantity a scalar, as before', () => {
    const { model } = compile('T = 2\nu_t = u_{t-1}\nu_0 = 0\nloss L = Σ_t u_t\n');
    expect(model.quantities.get('u')!.shape).toEqual([]);
  });
});

describe('statement text', () => {
  it('takes a font command before the first name along, and finds none 40 characters back or before the file start', () => {
    const base = 'T = 1\nparam W = 2\nh_t = W\nloss L = Σ_t h_t\n';
    const texts = (src: string) => compile(src).model.questions.map((q) => q.text);
    expect(texts(`${base}check \\mathbf{h}_1 = 2\n`)).toEqual(['\\mathbf{h}_1 = 2']);
    expect(texts(`${base}check \\mathbf{ h}_1 = 2\n`)).toEqual(['\\mathbf{ h}_1 = 2']);
    // a brace further back than 40 characters is not looked for
    expect(texts(`${base}check \\mathbf{${' '.repeat(45)}h}_1 = 2\n`)).toEqual(['h}_1 = 2']);
    expect(texts('h_1 = 2\ncheck h_1 = 2')).toEqual(['h_1 = 2']);
  });
});

describe('free-index candidates by code', () => {
  it('isOneLetter answers as /^\\p{L}$/u on every BMP unit, on surrogate pairs and on longer names', () => {
    const ONE = /^\p{L}$/u;
    const wrong: string[] = [];
    for (let k = 0; k < 0x10000; k++) {
      const c = String.fromCharCode(k);
      if (isOneLetter(c) !== ONE.test(c)) wrong.push(k.toString(16));
    }
    for (const x of ['𝒜', '𝑥', '😀', 'ab', 'a_', 'ij', 'xyz', '', 'h̃'])
      if (isOneLetter(x) !== (x.length <= 2 && ONE.test(x))) wrong.push(x);
    expect(wrong).toEqual([]);
  });
});

describe('statement text without a regular expression', () => {
  it("a definition's text is its right side with spaces folded, whatever the spaces", () => {
    const pieces = ['W', 'h_{t-1}', '+', '(W x_t)', 'σ(x_t)', '\\mathbf{U}', 'x_t', '2', '·', 'b', '-'];
    const spaces = ['', ' ', '  ', '\t', '\u00a0', ' \t '];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...pieces), fc.constantFrom(...spaces)), { minLength: 1, maxLength: 8 }),
        fc.constantFrom(...spaces),
        (parts, lead) => {
          // parentheses balanced around the whole (a newline inside them continues the statement)
          const rhs = `(${lead}${parts.map(([p, s]) => p + s).join(' ')}\n  ${lead}x)`;
          const src = `T = 2\nparam W : 2x2\nparam U : 2x2\nparam b : 2\ninput x : 2\nh_0 = 0\nq_t = ${rhs}\n`;
          const parsed = parse(lex(src).tokens, src);
          // a right side that does not parse (a dangling +) keeps no text
          if (parsed.errors.length) return;
          const def = parsed.statements.find((s) => s.k === 'def' && s.lhs.k === 'name' && s.lhs.raw === 'q_t');
          if (!def || def.k !== 'def') throw new Error('no definition of q_t');
          expect(def.rhsText).toBe(rhs.replace(/\s+/g, ' ').trim());
        },
      ),
      { numRuns: 400, seed: 5 },
    );
  });
});
