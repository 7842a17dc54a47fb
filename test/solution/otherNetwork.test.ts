// A solution of two exercises (two ```rnn blocks declaring T): an equation that uses a name of the other exercise's
// network is skipped (LANGUAGE.md §8: a name the network does not define), and says whose name it is. Session 30:
// "unknown name w" alone, of a name the student's own first block defines.
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution/index';

const GRU = '```rnn\nT = 3\ninput x = [0.5, -1.0, 2.0]\nparam w = 0.7\nh_0 = 0.2\nh_t = w h_{t-1} + x_t\nloss L = Σ_t h_t\n```\n';
const RNN =
  '```rnn\nT = 2\ninput x = [1, 2]\nparam W_hy = 1.5\nparam W_hh = 0.5\ng_0 = 0\ng_t = W_hh g_{t-1} + x_t\nloss E = W_hy g_T\n```\n';

describe('an equation with a name of the other network', () => {
  const md = `# Exercise 1\n\n${GRU}\n# Exercise 2\n\n${RNN}\n$$\\frac{\\partial h_t}{\\partial h_{t-1}} = w$$\n\n$$\\frac{\\partial E}{\\partial g_2} = W_{hy}$$\n\n$$\\frac{\\partial E}{\\partial g_2} = V$$\n`;
  const eqs = analyzeSolution(md, 'markdown').equations;

  it('is skipped, naming the network that has it and the one it is read with', () => {
    expect(eqs[0]).toMatchObject({ status: 'skipped', network: 1 });
    expect(eqs[0]!.message).toBe(
      'not checked: unknown name h: h is a name of network 1 (the rnn block on line 3), and this equation is read with network 2 (the rnn block on line 14), the last block declaring T before it',
    );
  });

  it('the other equations are as before: a name of its own network holds, a name of none is only unknown', () => {
    expect(eqs[1]!.status).toBe('holds');
    expect(eqs[2]!.message).toBe('not checked: unknown name V');
  });

  it('a file of one network is unchanged', () => {
    const one = analyzeSolution(`${GRU}\n$$\\frac{\\partial L}{\\partial h_3} = V$$\n`, 'markdown').equations[0]!;
    expect(one.message).toBe('not checked: unknown name V');
  });
});
