// `∇_c L = Σ_t ŷ_t − y_t` (session 35): a Σ's body meant to run on, written without brackets. As read, y_t stands
// outside the sum at each t, so the check is read at each t and fails; it failed with the values alone. The hint
// names the brackets, once moving those terms into the Σ holds at the check's points and at a draw.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { analyzeSolution } from '../../src/solution/index';
import { CS231N_RNN } from '../solution/helpers';

const NET = CS231N_RNN;

// names print as the lexer reads them, ŷ as y and its combining circumflex: compared composed
const check = (line: string) => {
  const r = analyze(`${NET}check ${line}\n`).checks[0]!;
  return { status: r.status, message: r.message.normalize('NFC') };
};
const BRACKETS =
  /The Σ over t covers ŷ_t alone: y_t after it stands outside the sum, read at each t on its own\. With brackets, Σ_\{t=1\}\^\{3\} \(ŷ_t − y_t\), the check holds/;

describe('the terms after a Σ that read its variable', () => {
  it('are named as meant inside it', () => {
    const r = check('∂L/∂c = Σ_t ŷ_t - y_t');
    expect(r.status).toBe('fails');
    expect(r.message).toMatch(BRACKETS);
  });

  it('with the other terms left outside, and on the left side too', () => {
    expect(check('∂L/∂c = Σ_t ŷ_t - y_t + 0 c').message).toMatch(/covers ŷ_t alone: y_t after it stands outside/);
    expect(check('Σ_t ŷ_t - y_t = ∂L/∂c').message).toMatch(/covers ŷ_t alone: y_t after it stands outside/);
  });

  it('as a Markdown solution writes it', () => {
    const md = `\`\`\`rnn\n${NET}\`\`\`\n\n$$\\nabla_{c} L = \\sum_t \\hat y_t - y_t$$\n`;
    const eq = analyzeSolution(md, 'markdown').equations[0]!;
    expect(eq.status).toBe('fails');
    expect(eq.message.normalize('NFC')).toMatch(BRACKETS);
  });

  it('is not said when the brackets do not mend it, nor of a right equation', () => {
    const wrong = check('∂L/∂c = Σ_t ŷ_t + y_t');
    expect(wrong.status).toBe('fails');
    expect(wrong.message).not.toMatch(/covers ŷ_t alone/);
    expect(check('∂L/∂c = Σ_t (ŷ_t - y_t)').status).toBe('holds');
    expect(check('∂L/∂c = Σ_t ŷ_t - Σ_t y_t').status).toBe('holds');
  });
});
