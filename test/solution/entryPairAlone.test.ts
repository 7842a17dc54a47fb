// A derivative by a matrix entry on both sides, its two letters run together and never written alone (session 37b):
// `∂C/∂w^l_{jk} = ∂C/∂w^l_{kj}` was "unknown name w_jk" at the left side, which reads in `∂C/∂w^l_{jk} = a^{l-1}_k δ^l_j`
// (there j and k stand alone on the right). The letters of w_{jk} on a matrix are free entry indices wherever written.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { analyzeSolution } from '../../src/solution/index';
import { NIELSEN_NET } from './helpers';

const FAST = { draws: 2, graph: false };

describe('w_{jk} on both sides', () => {
  it('in a .rnn check: read as entries, judged (the transpose fails, naming the swap; the same entry holds)', () => {
    const r = analyze(`${NIELSEN_NET}check ∂C/∂w^l_{jk} = ∂C/∂w^l_{kj}\ncheck ∂C/∂w^l_{jk} = ∂C/∂w^l_{j,k}\n`, FAST);
    expect(r.diagnostics.filter((d) => d.severity === 'error' && d.code !== 'check-fails')).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['fails', 'holds']);
    expect(r.checks[0]!.message).toContain('should be (∂C/∂w_l)[j, k]: with its two indices swapped the check holds');
    expect(r.checks[1]!.message).toContain('j = 1..3 and k = 1..3');
  });

  it('in a solution', () => {
    const md = `# BP4\n\n\`\`\`rnn\n${NIELSEN_NET}\`\`\`\n\n$$\\frac{\\partial C}{\\partial w^l_{jk}} = \\frac{\\partial C}{\\partial w^l_{kj}}$$\n`;
    const [eq] = analyzeSolution(md, 'markdown', { analyze: FAST }).equations;
    expect(eq!.status).toBe('fails');
    expect(eq!.message).toContain('with its two indices swapped the check holds');
  });

  it('a name of two letters the file defines stays that name', () => {
    const net =
      'T = 2\nparam W_xh = 0.3\nparam W_hh = 0.8\ninput x = [1, 2]\nh_0 = 0\nh_t = tanh(W_xh x_t + W_hh h_{t-1})\nloss L = Σ_t h_t\n';
    expect(analyze(`${net}check ∂L/∂W_hh = ∂L/∂W_hh\n`, FAST).checks[0]!.status).toBe('holds');
  });
});
