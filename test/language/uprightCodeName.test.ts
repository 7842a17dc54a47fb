// Trask's names written upright in a solution (probe 49): `\text{hidden}_t`, `\partial \text{decoder}`,
// `\cdot \text{recurrent}`, `= \text{decoder}\, \delta`. \text{…} is prose and was dropped, so `\text{hidden}_t` was
// "expected a value, found '_'" and `\cdot \text{recurrent}` a side that left the factor out. A word with a script on
// it, right after ∂ or an operator, or beside a product's dot is a name, as \mathrm{hidden}_t is; a remark in words
// (`\quad \text{for all } t`, `\text{ is given by (6)}`) stays prose. And Google Docs' Markdown download escapes every
// `_` of the text: `W\_{hh}`, `\sum\_{t=1}`, `h\_3` are the subscripts they were typed as.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { lex } from '../../src/language/lexer';

const NET = `T = 2
input embed : 1x2 = [[[0.5, -0.2]], [[0.1, 0.4]]]
param recurrent : 2x2 = [[0.5, 0.2], [-0.3, 0.4]]
param decoder : 2x2 = [[0.7, -0.4], [0.3, 0.6]]
hidden_0 = [[0.1, -0.1]]
hidden_t = hidden_{t-1} recurrent + embed_t
loss L = sum(hidden_T decoder)
`;

const status = (line: string) => analyze(`${NET}check ${line}\n`).checks.map((c) => c.status);
const names = (s: string) =>
  lex(s)
    .tokens.filter((t) => t.kind === 'name')
    .map((t) => t.text);

describe('a word of code in \\text', () => {
  it('with a script, after ∂ or an operator, or beside a dot, is a name', () => {
    expect(status(String.raw`\text{hidden}_t = \text{hidden}_{t-1} \cdot \text{recurrent} + \text{embed}_t`)).toEqual(['holds']);
    expect(status(String.raw`\frac{\partial L}{\partial \text{embed}_t} = \frac{\partial L}{\partial \text{hidden}_t}`)).toEqual(['holds']);
  });
  it('a remark in words stays prose', () => {
    expect(names(String.raw`a = b \quad \text{for all } t`)).toEqual(['a', 'b', 't']);
    expect(names(String.raw`a = b \quad \text{where} \quad c`)).toEqual(['a', 'b', 'c']);
    expect(names(String.raw`a \text{ is given by } b`)).toEqual(['a', 'b']);
  });
  it('an escaped underscore is the subscript it was typed as', () => {
    expect(names(String.raw`W\_{hh} + h\_3 + h\_t`)).toEqual(['W', 'hh', 'h_3', 'h_t']);
    expect(
      lex(String.raw`\sum\_{t=1}^{T}`)
        .tokens.map((t) => t.text)
        .slice(0, 3),
    ).toEqual(['sum', '_', '{']);
  });
});
