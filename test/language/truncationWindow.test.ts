// Truncated BPTT's window, Σ_{k=t−τ}^{t} (session 33): τ was read as Goodfellow's last step everywhere, so t − τ was
// t − T, the truncated sum became the whole one, and `∂L_t/∂W = Σ_{k=t−τ}^{t} …` "held for t = 4" (the one step where
// t − T ≥ 0). τ after a step variable is now a window's length, refused saying so; τ alone, and τ − t, are the last
// step as before.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { analyzeSolution } from '../../src/solution/index';

import { TRUNCATION_NET as NET } from './helpers';

const FAST = { graph: false, symbolic: false } as const;

describe('τ in a step', () => {
  it('t − τ in a Σ bound is a window, refused saying so', () => {
    const md = `# tBPTT\n\n\`\`\`rnn\n${NET}\`\`\`\n\n$$\\frac{\\partial h_t}{\\partial w} = \\sum_{k=t-\\tau}^{t} \\frac{\\partial h_t}{\\partial h_k} \\frac{\\partial^+ h_k}{\\partial w}$$\n`;
    const eq = analyzeSolution(md, 'markdown').equations[0]!;
    expect(eq.status).toBe('skipped');
    expect(eq.message).toMatch(
      /τ after a step variable \(t − τ\) is a window's length \(truncated BPTT's Σ_\{k=t−τ\}\^\{t\}\), not the last step τ/,
    );
  });

  it('τ alone and τ − t are the last step', () => {
    const r = analyze(
      `${NET}check ∂L/∂h_1 = Σ_{k=1}^{τ} ∂h_k/∂h_1\ncheck ∂h_τ/∂h_t = w^{τ-t} ∏_{j=t+1}^{τ} (1 - h_j^2) for t = 1..3\n`,
      FAST,
    );
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds']);
  });
});
