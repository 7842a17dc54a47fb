// σ written where softmax is meant in a cross-entropy's gradient (session 31's leftover; session 33): an Elman
// network with ŷ_t = softmax(o_t) and E_t = −y_tᵀ log ŷ_t, and seed 002's logits p^{(T)} with the softmax written
// inside the loss. `∂E_t/∂o_t = σ(o_t) − y_t` failed with the two vectors only; it now names σ and the softmax meant.
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution/index';
import { ELMAN_SOFTMAX_BLOCK, example } from './helpers';

const ELMAN = `\n${ELMAN_SOFTMAX_BLOCK}`;

const checks = (md: string) => analyzeSolution(md, 'markdown').equations.map((e) => e.checks[0]!);

describe('σ for softmax in a cross-entropy gradient', () => {
  it("names σ(o_t) and the network's ŷ_t", () => {
    const [wrong, right] = checks(
      `# Elman\n${ELMAN}\n$$\\frac{\\partial E_t}{\\partial o_t} = \\sigma(o_t) - y_t$$\n\n$$\\frac{\\partial E_t}{\\partial o_t} = \\hat{y}_t - y_t$$\n`,
    );
    expect(wrong!.status).toBe('fails');
    expect(wrong!.message.normalize('NFC')).toMatch(/σ\(o_t\) should be softmax\(o_t\) \(ŷ_t in the network\): σ acts on each entry alone/);
    expect(wrong!.message).toMatch(/with softmax the check holds/);
    expect(right!.status).toBe('holds');
  });

  it("in seed 002's network, the softmax inside the loss", () => {
    const net = /```rnn[\s\S]*?```/.exec(example('002-vanilla-rnn-jacobians.md'))![0];
    const [wrong] = checks(
      `${net}\n\n$$\\frac{\\partial \\mathcal{L}^{(T)}}{\\partial \\mathbf{p}^{(T)}} = \\sigma(\\mathbf{p}^{(T)}) - \\mathbf{y}^{(T)}$$\n`,
    );
    expect(wrong!.status).toBe('fails');
    expect(wrong!.message).toMatch(/σ\(p_T\) should be softmax\(p_T\): σ acts on each entry alone/);
  });

  it('says nothing of σ where softmax does not mend the check', () => {
    const [wrong] = checks(`# Elman\n${ELMAN}\n$$\\frac{\\partial E_t}{\\partial o_t} = 2\\sigma(o_t) - y_t$$\n`);
    expect(wrong!.status).toBe('fails');
    expect(wrong!.message).not.toMatch(/softmax/);
  });
});
