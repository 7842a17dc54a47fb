// The Greek letters as LaTeX commands are one table (src/display/latex.ts) read both ways: the printers write
// GREEK_COMMANDS, the lexer and Unicode input read GREEK_LETTERS. They agree with each other and with what
// the lexer and \-abbreviations do with each command.
import { describe, expect, it } from 'vitest';
import { GREEK_COMMANDS, GREEK_LETTERS, nameCharsLatex } from '../src/display/latex';
import { ABBREVIATIONS } from '../src/extension/unicode/unicodeInputContent';
import { lex } from '../src/language/lexer';

const commands = Object.entries(GREEK_LETTERS);

describe('Greek letters and their LaTeX commands', () => {
  it('GREEK_LETTERS reads back what GREEK_COMMANDS writes; the var- forms are the same letters', () => {
    expect(commands.length).toBeGreaterThanOrEqual(Object.keys(GREEK_COMMANDS).length + 4);
    for (const [letter, command] of Object.entries(GREEK_COMMANDS)) expect(GREEK_LETTERS[command]).toBe(letter);
    for (const [command, letter] of commands) {
      if (command.startsWith('var')) expect(GREEK_LETTERS[command.slice(3)], command).toBe(letter);
      expect(nameCharsLatex(letter), command).toBe(`\\${command.replace(/^var/, '')}`);
    }
  });

  it('the lexer reads each command in a name as its letter (\\sigma is the function; \\Sigma is refused, the sum is \\sum)', () => {
    for (const [command, letter] of commands) {
      const { tokens, errors } = lex(`\\${command}`);
      if (command === 'Sigma') {
        expect(errors.map((e) => e.message)).toEqual(['unknown LaTeX command \\Sigma']);
        continue;
      }
      expect(errors, command).toEqual([]);
      if (command === 'sigma') expect(tokens[0]).toMatchObject({ kind: 'fn', text: 'sigma' });
      else expect(tokens[0], command).toMatchObject({ kind: 'name', text: letter });
    }
  });

  it('Unicode input turns every command into its letter', () => {
    for (const [command, letter] of commands) expect(ABBREVIATIONS[command], command).toBe(letter);
  });
});
