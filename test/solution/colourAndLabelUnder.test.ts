// Probe 47 (Overleaf typography): `\color{red}{A = B}` kept its group, whose `=` was inside braces ("no equality to
// check"); `\underset{\text{local error}}{\underbrace{…}}`, a label set under an expression, was refused as "bounds
// stacked by hand". The coloured group is its content; a label under or over an expression is a remark, the
// expression read — under or over a Σ, ∏, max it stays the lexer's refusal of bounds stacked by hand.
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution/index';
import { SHEET7_BLOCK } from './helpers';

const read = (eq: string) => analyzeSolution(`${SHEET7_BLOCK}\n$$${eq}$$\n`, 'markdown', { sidecar: null }).equations[0]!;

describe('colour and labels set under an expression', () => {
  it('reads \\color{red}{…} as its content', () => {
    expect(read(String.raw`\color{red}{\frac{\partial \mathcal{L}}{\partial y_3} = -2(t_3 - y_3)}`).status).toBe('holds');
    expect(read(String.raw`\color{red}{\frac{\partial \mathcal{L}}{\partial y_3} = 2(t_3 - y_3)}`).status).toBe('fails');
  });
  it('reads the expression a label is set under or over', () => {
    const under = String.raw`\frac{\partial \mathcal{L}}{\partial y_3} = \underset{\text{the error}}{\underbrace{-2(t_3 - y_3)}}`;
    expect(read(under).status).toBe('holds');
    expect(read(String.raw`\frac{\partial \mathcal{L}}{\partial y_3} = \overset{\text{slope}}{-2}(t_3 - y_3)`).status).toBe('holds');
  });
  it('still refuses bounds stacked over a Σ by hand', () => {
    const q = read(String.raw`L = \overset{T}{\underset{t=1}{\sum}} L_t`);
    expect(q.status).toBe('skipped');
    expect(q.message).toMatch(/bounds stacked by hand/);
  });
});
