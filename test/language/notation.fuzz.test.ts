// Fuzz: random concatenations of the v2 notation (and broken pieces of it) never make the lexer or the
// parser throw or hang, every diagnostic has a valid 1-based range, and a bad line never hides the next.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lex } from '../../src/language/lexer';
import { parse } from '../../src/language/parser';

const FRAGMENTS = [
  'w.h_{t-1}',
  '.',
  '..',
  '…',
  '\\cdots',
  '\\ldots',
  '\\tilde{h}_t',
  '\\tilde h',
  '\\tilde',
  '\\hat{y}',
  '\\hat{\\tau}',
  '\\tilde{\\delta}_t',
  'h\u0303',
  '\u0303',
  'X\u0304',
  '\\bar{X}',
  '\\bar',
  '\\overline{c^{(t)}}',
  '\\overline{h}^{(t)}',
  '\\bar{h}_t',
  '\\mathbf{W}_{hh}',
  '\\mathbf{',
  '\\boldsymbol{h}^{(t)}',
  '\\mathcal{L}_t',
  '\\operatorname{diag}',
  '\\mathrm{softmax}',
  'N_{\\text{hidden}}',
  '\\text{ so }',
  '\\left(',
  '\\right)',
  '\\left.',
  '\\right.',
  '\\big(',
  '\\,',
  '\\;',
  '\\quad',
  '\\qquad (3)',
  '&',
  '\\\\',
  '\\begin{aligned}',
  '\\end{aligned}',
  '\\begin{bmatrix}',
  '\\end{bmatrix}',
  '\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}',
  '\\begin{cases}',
  '\\underbrace{a}_{x}',
  '\\underbrace{',
  '\\overbrace{b}^{y}',
  '\\tag{1}',
  '\\tag',
  '\\label{eq}',
  '\\sigma^{-1}',
  'σ⁻¹',
  '\\tanh^{-1}',
  '\\tanh^2',
  '∇_W',
  '\\nabla_{\\mathbf W}',
  '∇',
  '\\frac{\\partial',
  '\\frac{\\partial \\sigma(z)}{\\partial z}',
  '\\frac{a}{\\partial b}',
  '\\frac{\\partial}{\\partial x}',
  '}{',
  '²',
  '⁻¹',
  '⁻',
  'h^{(t-1)\\top}',
  'h^{(t)T}',
  'Σ_{1≤t≤T}',
  '\\sum_{1 \\le t \\le T}',
  '∏_{t≥i>k}',
  '\\prod_{t \\ge i > k}',
  'Σ_{i,j}',
  'Σ_{i,',
  '≤',
  '≥',
  '<',
  '>',
  'w_{i,j}^{(k+1)}',
  'p_j^{(k+1)}',
  '1_{i=y}',
  '\\mathbb{1}_{',
  '𝟙_{i=y}',
  '𝟙',
  '\ud835',
  'onehot(k, 3)',
  'φ = tanh\n',
  "φ'(z)",
  'φ^{-1}',
  // session 13: the all-ones vector, sech/cosh/sinh, a value after ≈, papers' transposes and spacing, ⊗, dX,
  // d2l.ai's functions of their arguments
  '\\mathbf{1}',
  '\\mathbf{1}^\\top',
  '\\boldsymbol{1}',
  '\\operatorname{sech}^2(z)',
  '\\operatorname{sech}',
  '\\cosh',
  '\\sinh(',
  '\\approx 0.0421',
  '\\approx',
  '≈ -3.99 \\times 10^{-2}',
  '\\simeq',
  'x^{(t)}{}^\\top',
  '{}^',
  '^\\prime',
  'x_t^{\\prime}',
  '\\mkern-1.5mu',
  '\\kern',
  '\\hspace{1em}',
  '\\hspace{',
  '\\phantom{x}',
  '\\scriptscriptstyle',
  'a \\otimes b',
  '\\otimes',
  'dc_t',
  'dh_{t+1}',
  'dW_hh',
  'f(x_t, h_{t-1}, w_h)',
  'g(h_t, w_o)',
  'l(\\mathbf{o}_t, y_t)',
  '\\ell_t(t_t, y_t)',
  'f(',
  '=',
  'check ',
  'derive ',
  '\n',
  'for t = 1..3',
  '[1 \\quad -1]',
  '[0.5, -1, 2e-3]',
  '[[1, 2], [3, 4]]',
  '[1,',
  '[[',
  ']',
  '(',
  ')',
  '{',
  '}',
  '^',
  '_',
  'h_t',
  'x',
  '2',
  '-',
  '+',
  '*',
  '/',
  '\\foo',
  '\\',
  '∂',
  '∂⁺',
  'd',
  'L',
  '#',
  ' ',
  // sessions 17–18: lecture notes' and courses' notation (text17, text18) and class labels (lead18)
  'a^{⟨t⟩}',
  'a^{\\langle t-1 \\rangle}',
  'a^{<t>}',
  'a^{<t',
  '⟨',
  '⟩',
  '<',
  '>',
  '\\langle',
  '\\rangle',
  '∗',
  's(t)',
  's(t-1)',
  'W(t)',
  'W_f[a^{⟨t-1⟩}, x^{⟨t⟩}]',
  'dγ_o^{⟨t⟩}',
  'dp\\widetilde{c}^{⟨t⟩}',
  'T_x',
  '\\sum_{batch}',
  '\\overrightarrow{h}_t',
  '1[i \\ne k]',
  'e_{k_t}',
  "σ'_h(z_t)",
  '∂p_t[i]/∂h_t',
  '∂p_t[',
  '\\delta^{\\hat h}_t',
  'w_{hk}',
  'h^t',
  '½',
  'ŷ_{t, y_t}',
  '-\\log ŷ_{t,y_t}',
  '\\mathcal{L}(ŷ, y)',
];

function readSafely(text: string): string[] {
  const problems: string[] = [];
  try {
    const { tokens, errors } = lex(text);
    const r = parse(tokens, text);
    const lines = text.split(/\r\n|\r|\n/).length + 1;
    for (const e of [...errors, ...r.errors]) {
      const g = e.range;
      if (!(g.line >= 1 && g.column >= 1 && g.endLine >= g.line && g.line <= lines))
        problems.push(`bad range ${JSON.stringify(g)} for ${e.message}`);
      if (!e.message) problems.push('an empty message');
    }
  } catch (e) {
    problems.push(`threw: ${(e as Error).stack ?? e}`);
  }
  return problems;
}

describe('fuzz: the v2 notation', () => {
  it('random concatenations never throw', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 24 }),
        fc.constantFrom('', ' '),
        fc.constantFrom('', 'check ', 'derive ', 'h_t = '),
        (parts, sep, head) => {
          const text = head + parts.join(sep);
          expect(readSafely(text)).toEqual([]);
        },
      ),
      { numRuns: 3000, seed: 20261130 },
    );
  }, 60_000);

  it('a backslash before a line break does not join the lines', () => {
    const text = 'check \\\nderive a\n';
    const { tokens } = lex(text);
    const r = parse(tokens, text);
    expect(r.statements).toMatchObject([{ k: 'derive', range: { line: 2 } }]);
  });

  it('a broken line never hides the next one', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS.filter((f) => !f.includes('\n'))), { minLength: 1, maxLength: 12 }), (parts) => {
        const text = `check ${parts.join(' ')}\nderive \\tilde{h}_t + \\overline{c^{(t)}}\n`;
        const { tokens } = lex(text);
        const r = parse(tokens, text);
        const last = r.statements[r.statements.length - 1];
        // the second line is read unless the first left a bracket open (then it is recovered at the next statement start)
        expect(last && last.k === 'derive' && last.range.line === 2).toBe(true);
      }),
      { numRuns: 1000, seed: 7 },
    );
  }, 60_000);

  it('deep nesting of the new brackets is a limit, not a stack overflow', () => {
    for (const open of [
      '\\frac{d ',
      '\\frac{d x \\frac{d ',
      '\\mathbf{',
      '\\overline{',
      '\\left(',
      '\\begin{bmatrix} ',
      '\\frac{\\partial ',
      'Σ_{',
      '\\tilde{',
      'a^{⟨',
      'a^{\\langle ',
      's(',
      '∂p_t[',
    ]) {
      expect(readSafely('derive ' + open.repeat(5000) + 'x')).toEqual([]);
    }
  }, 60_000);

  it('long literals of numbers read fast and exactly', () => {
    const xs = Array.from({ length: 4000 }, (_, k) => ((k * 7919) % 20011) / 997 - 10);
    const text = `T = 1\nparam v : 4000 = [${xs.map((x) => x.toPrecision(17)).join(', ')}]\n`;
    const { tokens } = lex(text);
    const r = parse(tokens, text);
    expect(r.errors).toEqual([]);
    const st = r.statements[1]!;
    if (st.k !== 'decl' || !st.value || st.value.k !== 'list') throw new Error('no list');
    expect(st.value.items.map((a) => (a.k === 'num' ? a.value : NaN))).toEqual(xs.map((x) => Number(x.toPrecision(17))));
  });

  it('every number reads as the same double as Number(text), alone and in a literal', () => {
    const formats = (x: number) => [
      String(x),
      x.toExponential(),
      x.toExponential(3),
      x.toFixed(6),
      x.toPrecision(15),
      x.toPrecision(17),
      x.toFixed(0),
    ];
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e30, max: 1e30 }), (x) => {
        const texts = formats(Math.abs(x)).filter((t) => /^\d/.test(t));
        const text = `derive ${texts.join(' + ')}\nparam v = [${texts.map((t) => '-' + t).join(', ')}]\n`;
        const { tokens } = lex(text);
        const nums = tokens.filter((t) => t.kind === 'num').map((t) => t.value);
        expect(nums).toEqual(texts.map(Number));
        const lit = tokens.find((t) => t.kind === 'lit');
        const items = lit && lit.lit && lit.lit.k === 'list' ? lit.lit.items.map((a) => (a.k === 'num' ? a.value : NaN)) : [];
        expect(items).toEqual(texts.map((t) => -Number(t)));
        // and the packed entries declarations read (issue 11), the same doubles
        const packed = lit && lit.lit && lit.lit.k === 'list' ? lit.lit.packed : undefined;
        if (texts.length) expect(Array.from(packed?.data ?? [])).toEqual(texts.map((t) => -Number(t)));
      }),
      { numRuns: 3000, seed: 11 },
    );
    for (const t of [
      '0',
      '007',
      '.5',
      '1e3',
      '1E-3',
      '2.5e+2',
      '123456789012345678',
      '0.1',
      '0.30000000000000004',
      '9007199254740993',
      '1e22',
      '1e23',
      '4.9e-324',
      '1e400',
      '123456789012345.6',
    ]) {
      expect(lex(t).tokens[0]!.value).toBe(Number(t));
    }
  }, 60_000);

  it("a literal over several lines keeps every entry's line and column, and the lines after it", () => {
    const text = 'T = 2\nparam W : 2x2 = [[1, -2],\r\n   [3.5, 4e1]]\nderive W x\n';
    const { tokens } = lex(text);
    const r = parse(tokens, text);
    expect(r.errors).toEqual([]);
    const decl = r.statements[1]!;
    if (decl.k !== 'decl' || !decl.value || decl.value.k !== 'list') throw new Error('no list');
    expect(decl.value.range).toEqual({ line: 2, column: 17, endLine: 3, endColumn: 15 });
    const row2 = decl.value.items[1]!;
    if (row2.k !== 'list') throw new Error('no row');
    expect(row2.items.map((a) => [a.k === 'num' ? a.value : NaN, a.range.line, a.range.column, a.range.endColumn])).toEqual([
      [3.5, 3, 5, 8],
      [40, 3, 10, 13],
    ]);
    expect(r.statements[2]).toMatchObject({ k: 'derive', range: { line: 4, column: 1 } });
  });

  it('a literal with anything but numbers is read token by token, to the same tree', () => {
    const a = parse(lex('derive [[1, 2], [3, x]]').tokens, 'derive [[1, 2], [3, x]]').statements[0]!;
    expect(a).toMatchObject({
      k: 'derive',
      expr: {
        k: 'list',
        items: [
          { k: 'list', items: [{ value: 1 }, { value: 2 }] },
          { k: 'list', items: [{ value: 3 }, { k: 'name', raw: 'x' }] },
        ],
      },
    });
    // an index right after a name stays an index
    const b = parse(lex('derive v[2] + M[1, 2]').tokens, 'derive v[2] + M[1, 2]').statements[0]!;
    expect(b).toMatchObject({
      k: 'derive',
      expr: { k: 'bin', a: { k: 'index', args: [{ value: 2 }] }, b: { k: 'index', args: [{ value: 1 }, { value: 2 }] } },
    });
  });
});
