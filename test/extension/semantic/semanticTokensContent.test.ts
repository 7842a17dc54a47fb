import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analysis';
import { semanticTokens } from '../../../src/extension/semantic/semanticTokensContent';
import { fixtureReport } from '../fixture';

describe('semantic tokens', () => {
  it('tells parameters, data and quantities apart, and marks where they are introduced', () => {
    const toks = semanticTokens(fixtureReport());
    const at = (line: number, char: number) => toks.find((t) => t.line === line - 1 && t.char === char - 1);
    expect(at(4, 7)).toMatchObject({ type: 'parameter', modifiers: ['declaration'] });
    expect(at(6, 1)).toMatchObject({ type: 'variable', modifiers: ['definition'] });
    expect(at(6, 7)).toMatchObject({ type: 'function', modifiers: ['defaultLibrary'] });
    expect(at(6, 9)).toMatchObject({ type: 'parameter', modifiers: [] });
    expect(at(6, 21)).toMatchObject({ type: 'variable', modifiers: ['readonly'] });
  });
  it('is sorted and never overlaps on the examples', () => {
    const text = readFileSync('examples/sheet7-vanilla-rnn.rnn', 'utf8');
    const toks = semanticTokens(analyze(text));
    expect(toks.length).toBeGreaterThan(20);
    for (let i = 1; i < toks.length; i++) {
      const a = toks[i - 1]!;
      const b = toks[i]!;
      expect(b.line > a.line || (b.line === a.line && b.char >= a.char + a.length)).toBe(true);
    }
    const lines = text.split('\n');
    // W_hh as declared, W_{hh} as the seed's equations write it
    const whh = toks.filter((t) => /^W_\{?hh\}?$/.test(lines[t.line]!.slice(t.char, t.char + t.length)));
    expect(whh.length).toBeGreaterThan(2);
    expect(whh.every((t) => t.type === 'parameter')).toBe(true);
  });
});
