// A hint's first word is raised when it opens the message and lowered when it continues one (format.ts); a text
// that opens with an expression keeps its case either way: 'σ'.toUpperCase() is 'Σ', and w_ih is not W_ih.
import { describe, expect, it } from 'vitest';
import { midSentence, sentenceStart } from '../../src/engine/format';

describe('sentenceStart and midSentence', () => {
  it("raises the message's own first word", () => {
    expect(sentenceStart('the term 2 h_2 is no path')).toBe('The term 2 h_2 is no path');
    expect(sentenceStart('each h_{t+1} should be h_t')).toBe('Each h_{t+1} should be h_t');
    expect(sentenceStart('two things differ: …')).toBe('Two things differ: …');
    expect(sentenceStart('read with ∂h_t/∂W as a one-step derivative, …')).toBe('Read with ∂h_t/∂W as a one-step derivative, …');
    expect(sentenceStart('no term covers the path h_1 → L')).toBe('No term covers the path h_1 → L');
  });

  it('leaves a text that opens with an expression as it is', () => {
    for (const s of [
      "σ(z_t) should be σ'(z_t)",
      'tanh^{-1} is the inverse function',
      'w_ih should be w_fh',
      'a should be h',
      'theta_1 should be theta_2',
    ])
      expect(sentenceStart(s)).toBe(s);
  });

  it('is undone by midSentence for the words it raises', () => {
    for (const s of ['the term 1 should be ∂L_t/∂h_t', 'each x_t should be h_{t-1}', 'two things differ: a, and b'])
      expect(midSentence(sentenceStart(s))).toBe(s);
  });
});
