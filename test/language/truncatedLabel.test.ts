// A truncated gradient labelled by a subscript (session 35): `(\frac{∂L}{∂w})_{\text{trunc}} = Σ_{k=2}^{3} …` was
// "unknown name trunc". It names an approximation, which is not checked as an equation; the message says so, and how
// to see what the window leaves out (as session 33's τ window does).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { analyzeSolution } from '../../src/solution/index';

import { TRUNCATION_NET as NET } from './helpers';

const SUM = String.raw`\sum_{k=2}^{3} \frac{\partial L}{\partial h_k} \frac{\partial^+ h_k}{\partial w}`;

describe('(∂L/∂w)_{trunc}', () => {
  for (const label of [String.raw`\text{trunc}`, String.raw`\mathrm{truncated}`, 'TBPTT'])
    it(label, () => {
      const md = `# tBPTT\n\n\`\`\`rnn\n${NET}\`\`\`\n\n$$\\left(\\frac{\\partial L}{\\partial w}\\right)_{${label}} = ${SUM}$$\n`;
      const eq = analyzeSolution(md, 'markdown').equations[0]!;
      expect(eq.status).toBe('skipped');
      expect(eq.message).toMatch(
        /^not checked: \(∂L\/∂w\)_\{(?:trunc|truncated|TBPTT)\} is a truncated gradient, which approximates ∂L\/∂w: the language has no notation for it \(a truncated sum leaves terms out; check ∂L\/∂w = … with the window's bounds as numbers/,
      );
    });

  it('a file that names trunc indexes with it as before', () => {
    const r = analyze(`${NET}param v : 2 = [1, 2]\ntrunc = 2\ncheck (v)_{trunc} = v[2]\n`);
    expect(r.checks[0]!.status).toBe('holds');
  });
});
