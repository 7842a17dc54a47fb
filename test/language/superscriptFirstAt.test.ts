// The parser makes the superscript-before-subscript pass only where superscriptFirstAt finds a place it rewrites
// (parser.ts rewritten): that look must say yes exactly when the pass changes the tokens, or a file would be read
// differently. Checked on the examples, the fixtures and notations written for it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lex } from '../../src/language/lexer';
import { subscriptAfterSuperscript, superscriptFirstAt } from '../../src/language/superscriptFirst';

const root = join(__dirname, '..', '..');
const files = ['examples', 'bench/fixtures/pre-v2', 'test/seeds/fixtures'].flatMap((d) =>
  readdirSync(join(root, d))
    .filter((f) => f.endsWith('.rnn'))
    .map((f) => readFileSync(join(root, d, f), 'utf8')),
);
const written = [
  'b^l_j = σ(z^l_j)',
  'w^{l+1}_{jk} = 1',
  'check z^L_j = a^{l-1}_k',
  'x^T_t + h^2_t',
  'δ^h_t = 1',
  'δ^t_j = 1',
  'e^x_t',
  'h^{(t)}_1 = h_1^{(t)}',
  'h_t^2 = h^{(t)}',
  'a^{l}_{j} + a^{l-1}_{j}',
];

describe('superscriptFirstAt', () => {
  it('finds a place exactly when subscriptAfterSuperscript rewrites', () => {
    for (const text of [...files, ...written]) {
      const { tokens } = lex(text);
      const found = tokens.some((_, q) => superscriptFirstAt(tokens, q));
      expect(subscriptAfterSuperscript(tokens) !== tokens, text.slice(0, 60)).toBe(found);
    }
    // the written notations include both answers
    expect(written.filter((t) => lex(t).tokens.some((_, q, ts) => superscriptFirstAt(ts, q))).length).toBeGreaterThan(3);
  });
});
