import { describe, expect, it } from 'vitest';
import {
  ABBREVIATIONS,
  abbreviationsStartingWith,
  findReplacement,
  triggerOfChange,
} from '../../../src/extension/unicode/unicodeInputContent';

/** Simulates typing `typed` at the end of `line` one character at a time, applying replacements as the editor would. */
function typeInto(line: string, typed: string): string {
  let text = line;
  for (const ch of typed) {
    const col = text.length;
    text += ch;
    const trig = triggerOfChange(ch, col);
    if (!trig) continue;
    const rep = findReplacement(text, trig.end, trig.triggerLength);
    if (rep) text = text.slice(0, rep.start) + rep.symbol + text.slice(rep.end);
  }
  return text;
}

describe('Unicode abbreviations', () => {
  it('has the symbols the language uses', () => {
    expect(ABBREVIATIONS.sigma).toBe('σ');
    expect(ABBREVIATIONS.partial).toBe('∂');
    expect(ABBREVIATIONS.sum).toBe('Σ');
    expect(ABBREVIATIONS.prod).toBe('∏');
    expect(ABBREVIATIONS.odot).toBe('⊙');
    expect(ABBREVIATIONS.cdot).toBe('·');
    expect(ABBREVIATIONS.top).toBe('ᵀ');
    expect(ABBREVIATIONS.circ).toBe('∘');
    expect(ABBREVIATIONS.alpha).toBe('α');
    expect(ABBREVIATIONS.Omega).toBe('Ω');
  });

  it('replaces an abbreviation when a space is typed after it, consuming the space', () => {
    expect(typeInto('h_t = ', '\\sigma ')).toBe('h_t = σ');
    expect(typeInto('', 'derive \\partial L/\\partial W ')).toBe('derive ∂L/∂W ');
    expect(typeInto('loss L = ', '\\sum _t L_t')).toBe('loss L = Σ_t L_t');
  });

  it('keeps the space after a binary operator: \\odot then space gives "⊙ " (issue 13)', () => {
    expect(typeInto('c_t = f_t ', '\\odot h_{t-1}')).toBe('c_t = f_t ⊙ h_{t-1}');
    expect(typeInto('', 'a \\cdot b \\times c')).toBe('a · b × c');
    expect(typeInto('', 'x \\ne y')).toBe('x ≠ y');
    expect(findReplacement('a \\odot ', 8, 1)).toEqual({ start: 2, end: 7, symbol: '⊙', abbreviation: 'odot' });
    // names and functions still consume it
    expect(typeInto('', '\\sigma (x)')).toBe('σ(x)');
  });

  it('finds the abbreviation in a change that inserted it whole (editor.edit, paste)', () => {
    const line = 'h_t = \\sigma ';
    const trig = triggerOfChange('\\sigma ', 6)!;
    expect(trig).toEqual({ end: 13, triggerLength: 1 });
    expect(findReplacement(line, trig.end, trig.triggerLength)).toEqual({ start: 6, end: 13, symbol: 'σ', abbreviation: 'sigma' });
  });

  it('treats a Tab, or the spaces a Tab inserted, as one trigger', () => {
    expect(findReplacement('a \\tau\t', 7, 1)?.symbol).toBe('τ');
    const trig = triggerOfChange('  ', 6)!;
    expect(trig.triggerLength).toBe(2);
    expect(findReplacement('a \\tau  ', trig.end, trig.triggerLength)).toEqual({ start: 2, end: 8, symbol: 'τ', abbreviation: 'tau' });
  });

  it('leaves unknown abbreviations, escaped backslashes and mid-line spaces alone', () => {
    expect(findReplacement('\\nosuchthing ', 13, 1)).toBeNull();
    expect(findReplacement('\\\\sigma ', 8, 1)).toBeNull();
    expect(findReplacement('\\sigma x', 8, 1)).toBeNull();
    expect(findReplacement('\\sigma', 6, 1)).toBeNull();
    expect(triggerOfChange('\n', 3)).toBeNull();
    expect(triggerOfChange('x', 3)).toBeNull();
    expect(triggerOfChange('', 3)).toBeNull();
    expect(triggerOfChange('a \n ', 3)).toBeNull();
  });

  it('lists completions by prefix, shortest first', () => {
    const list = abbreviationsStartingWith('si');
    expect(list[0]).toEqual({ abbreviation: 'sig', symbol: 'σ' });
    expect(list.map((x) => x.abbreviation)).toContain('sigma');
    expect(abbreviationsStartingWith('zzz')).toEqual([]);
  });
});
