// Nielsen's BP4 with its two entry letters exchanged (session 37): ∂C/∂w^l_{jk} = a^{l-1}_j ∂C/∂z^l_k for
// a^{l-1}_k ∂C/∂z^l_j failed with its values only. The letters exchanged throughout the right side are tried (one
// evaluation per pair) and named when the check then holds.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { analyzeSolution } from '../../src/solution/index';
import { NIELSEN_NET } from './helpers';

const NET = NIELSEN_NET;

const HINT = 'The right side has j and k exchanged: with them swapped, a_{l-1}[k] (∂C/∂z_l)[j], the check holds';

describe("Nielsen's BP4 with j and k exchanged", () => {
  it('in a .rnn check', () => {
    const c = analyze(`${NET}check ∂C/∂w^l_{jk} = a^{l-1}_j ∂C/∂z^l_k\n`).checks[0]!;
    expect(c.status).toBe('fails');
    expect(c.message).toMatch(/^fails at l = 1, j = 1, k = 2: /);
    expect(c.message).toContain(HINT);
    // the right one holds, and says nothing of letters
    expect(analyze(`${NET}check ∂C/∂w^l_{jk} = a^{l-1}_k ∂C/∂z^l_j\n`).checks[0]!.status).toBe('holds');
  });

  it('in a solution', () => {
    const md = `# BP4\n\n\`\`\`rnn\n${NET}\`\`\`\n\n$$\\frac{\\partial C}{\\partial w^l_{jk}} = a^{l-1}_j \\frac{\\partial C}{\\partial z^l_k}$$\n`;
    const [eq] = analyzeSolution(md, 'markdown').equations;
    expect(eq!.status).toBe('fails');
    expect(eq!.message).toContain(HINT);
  });

  it('no exchange mends a wrong factor: no word of letters', () => {
    const c = analyze(`${NET}check ∂C/∂w^l_{jk} = a^{l}_k ∂C/∂z^l_j\n`).checks[0]!;
    expect(c.status).toBe('fails');
    expect(c.message).not.toContain('exchanged');
  });
});
