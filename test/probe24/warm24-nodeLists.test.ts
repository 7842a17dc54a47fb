// textbook.ts keeps each right side's node list for the analysis (its hints each walked the same side): a text edited
// between two analyses gets the edited side's hint, and two checks of one analysis each get their own.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { VECTOR } from '../engine/culpritNets';

const message = (text: string, line: number) => analyze(text).checks.find((c) => c.line === line)!.message;

describe("textbook hints' node lists", () => {
  it('an edited text is walked again: the transpose named is the edited side’s', () => {
    const a = `${VECTOR}check ∂L/∂h_1 = W (1 - h_2^2)\n`;
    expect(message(a, 8)).toMatch(/W should be Wᵀ: with that transpose the check holds/);
    const b = `${VECTOR}check ∂L/∂h_1 = Wᵀ (1 - h_2^2)\n`;
    expect(analyze(b).checks[0]!.status).toBe('holds');
    const c = `${VECTOR}check ∂L/∂h_1 = W (1 - h_2^2)\ncheck ∂L/∂h_1 = Wᵀ (1 - h_2^2)\n`;
    expect(message(c, 8)).toMatch(/W should be Wᵀ/);
    expect(analyze(c).checks[1]!.status).toBe('holds');
    expect(message(a, 8)).toBe(message(c, 8));
  });
});
