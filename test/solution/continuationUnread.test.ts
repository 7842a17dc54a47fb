// A chain spread over displays (`$$ A = B $$` then `$$ = C $$`) whose later side does not read: that display is
// skipped with its reason, never shown with the first link's verdict (session 12: it read "✓ holds").
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution/index';

const NET = [
  '```rnn',
  'T = 3',
  'input x = [0.5, -1.0, 2.0]',
  'param w = 0.8',
  'h_0 = 0',
  'h_t = tanh(w h_{t-1} + x_t)',
  'loss L = \\sum_t h_t^2',
  '```',
  '',
].join('\n');

const status = (md: string) => analyzeSolution(md, 'markdown').equations.map((e) => [e.range.line, e.status, e.message] as const);

describe('a continuation display whose side does not read', () => {
  it('is skipped with its reason; the display before it keeps its own verdict', () => {
    const md =
      NET +
      '$$\n\\frac{\\partial L}{\\partial w} = \\sum_{t=1}^{3} \\frac{\\partial L}{\\partial h_t} (1 - h_t^2) h_{t-1}\n$$\n$$\n= \\sum_{t=1}^{3} \\delta_t h_{t-1}\n$$\n';
    const eqs = status(md);
    expect(eqs[0]![1]).toBe('holds');
    expect(eqs[1]).toEqual([12, 'skipped', expect.stringMatching(/^not checked: unknown name δ: define the error it stands for/)]);
  });

  it('a display holding only the first side still shows the chain (seed 001 eq. 30–32)', () => {
    const md = NET + '$$\n\\frac{\\partial L}{\\partial h_3}\n$$\n$$\n= 2 h_3\n$$\n';
    const eqs = status(md);
    expect(eqs.map((e) => e[1])).toEqual(['holds', 'holds']);
  });

  it('a continuation that reads is judged as its own link', () => {
    const md = NET + '$$\n\\frac{\\partial L}{\\partial h_3} = 2 h_3\n$$\n$$\n= 3 h_3\n$$\n';
    const eqs = status(md);
    expect(eqs.map((e) => e[1])).toEqual(['holds', 'fails']);
  });
});
