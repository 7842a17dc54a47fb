// Lead fixes of session 13, each a regression test.
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution';

const NET = [
  '# x',
  '',
  '```rnn',
  'T = 3',
  'input x = [0.5, -1.0, 2.0]',
  'target t = [1, 0, 1]',
  'param w = 0.8',
  'h_0 = 0',
  'h_t = σ(w h_{t-1} + x_t)',
  'E_t = (t_t - h_t)^2',
  'loss E = Σ_t E_t',
  '```',
  '',
].join('\n');

describe('a name applied to arguments that the network does not define (LANGUAGE.md §8)', () => {
  it('ℒ_t(t_t, h_t) under a loss named E is skipped, naming ℒ_t — not guessed as E_t', () => {
    const sol = analyzeSolution(`${NET}$$\\mathcal{L}_t(t_t, h_t) = (t_t - h_t)^2 \\tag{3}$$\n`, 'markdown');
    expect(sol.equations).toHaveLength(1);
    const eq = sol.equations[0]!;
    expect(eq.status).toBe('skipped');
    expect(eq.message).toMatch(/L_t is no name of the network/);
  });

  it("a bare f(…) (d2l.ai's notation) is still read as the quantity whose equation takes its arguments", () => {
    const sol = analyzeSolution(`${NET}$$\\ell(t_t, h_t) = (t_t - h_t)^2$$\n`, 'markdown');
    expect(sol.equations[0]!.status).toBe('holds');
  });
});

describe('a group the lexer skips ends with its line (found by the notation fuzz)', () => {
  it('\\hspace{ with a backslash before the line break does not swallow the next line', async () => {
    const { lex } = await import('../../src/language/lexer');
    const { parse } = await import('../../src/language/parser');
    for (const open of ['\\hspace{ \\', '\\phantom{x \\', '\\label{eq \\']) {
      const text = `check ${open}\nderive \\tilde{h}_t + \\overline{c^{(t)}}\n`;
      const r = parse(lex(text).tokens, text);
      expect(r.statements.at(-1)).toMatchObject({ k: 'derive', range: { line: 2 } });
    }
  });
});
