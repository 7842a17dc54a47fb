// A display pasted from a sentence ends with its punctuation: `… = -2(y_3 - o_3).` and `…,` were read as such
// (sessions 13, 15), `…;` was "unexpected character ';'" and the check was lost. A semicolon ending the line is now
// punctuation too; elsewhere (outside a literal's rows, [a; b]) it stays an error naming it.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = `T = 2
param w = 0.5
loss L = w^2`;

describe('a semicolon ending a check line is punctuation', () => {
  it('holds as without it, and the check text leaves it out', () => {
    const r = analyze(`${NET}\ncheck \\frac{\\partial L}{\\partial w} = 2\\cdot w;\ncheck ∂L/∂w = 2w;   `);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds']);
    expect(r.checks[1]!.equation).toBe('∂L/∂w = 2w');
  });

  it('a wrong one still fails; a semicolon inside the line is still an error', () => {
    const r = analyze(`${NET}\ncheck ∂L/∂w = 3w;\ncheck ∂L/∂w = 2w; 3`);
    expect(r.checks[0]!.status).toBe('fails');
    expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.line, d.message])).toEqual([[5, "unexpected character ';'"]]);
  });

  it('a literal keeps its rows', () => {
    const r = analyze(`T = 1\nparam M : 2x2 = [1, 2; 3, 4]\nloss L = sum(M)\ncheck ∂L/∂M = [1, 1; 1, 1];`);
    expect(r.checks.map((c) => c.status)).toEqual(['holds']);
  });
});
