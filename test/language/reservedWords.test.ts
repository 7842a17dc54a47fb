// The words the language never reads as a name (src/language/lexer.ts: isReservedWord) are the one list
// the editor's rename refuses and the preview highlights as functions. Before, each kept its own copy:
// rename allowed `ln`, `ReLU`, `count`, `onehot`, `prod` and `σ` (the renamed file then read a function
// where the name was), and the preview coloured `logit` and `artanh`, which the language reads as names.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { renameProblem } from '../../src/extension/navigation/navigationContent';
import { highlightRnn } from '../../src/extension/preview/rnnHighlight';
import { FUNCTIONS, isReservedWord, KEYWORDS, lex } from '../../src/language/lexer';

const NET = 'T = 2\ninput x = [1, 2]\nparam w = 0.5\nh_0 = 0\nh_t = tanh(w h_{t-1} + x_t)\nloss L = h_T^2\n';

describe('reserved words', () => {
  it('are exactly the words the lexer does not read as a name', () => {
    for (const w of [...KEYWORDS, ...Object.keys(FUNCTIONS), 'grad', 'w', 'logit', 'artanh', 'constructor', 'toString']) {
      const kind = lex(w).tokens[0]!.kind;
      expect(isReservedWord(w), `${w} lexes as ${kind}`).toBe(kind !== 'name');
    }
  });

  it('rename refuses each of them, and T and t', () => {
    const report = analyze(NET);
    for (const w of ['ln', 'ReLU', 'count', 'onehot', 'prod', 'σ', 'tanh', 'for', 'grad', 'T', 't'])
      expect(renameProblem(report, 'w', w), w).toBe(`${w} is reserved`);
    for (const w of ['logit', 'artanh', 'constructor', 'U']) expect(renameProblem(report, 'w', w), w).toBeNull();
  });

  it('the preview colours the functions the language reads, and names as names', () => {
    const html = highlightRnn('y_t = onehot(k, 3) + ln(x_t) + logit(x_t)');
    expect(html).toContain('<span class="unroll-function">onehot</span>');
    expect(html).toContain('<span class="unroll-function">ln</span>');
    expect(html).toContain('<span class="unroll-name">logit</span>');
    expect(highlightRnn('derive grad(L, w)')).toContain('<span class="unroll-function">grad</span>');
  });

  it("Object's own property names are names like any other (a param named constructor crashed analyze())", () => {
    for (const w of ['constructor', 'toString', 'valueOf', 'hasOwnProperty']) {
      const r = analyze(NET.replace(/\bw\b/g, w) + `derive ∂L/∂${w}\n`);
      expect(
        r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message),
        w,
      ).toEqual([]);
      expect(r.derives[0]!.results[0]!.value, w).toBe(analyze(NET + 'derive ∂L/∂w\n').derives[0]!.results[0]!.value);
      expect(
        lex(`\\${w}`).errors.map((e) => e.message),
        w,
      ).toEqual([`unknown LaTeX command \\${w}`]);
    }
  });
});
