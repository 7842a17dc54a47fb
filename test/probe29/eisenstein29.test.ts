// Probe 29 (session 45): Eisenstein, "Introduction to Natural Language Processing" §6.3, backpropagation through time
// for the Elman RNN language model, h_m = g(Θ h_{m−1} + x_m), with the step written m (a free index that runs over the
// steps) and the loss ℓ_m. The matrix forms read and are judged; the book's own entry-wise recursion, ∂h_{m,k}/∂θ_{k,k'}
// with θ_{k,k'} the entries of Θ (a lowercase letter for the entries of the uppercase matrix) and θ_k its rows, is not
// read ("unknown name θ — did you mean Θ?"), pinned here and left (language-notes, session 45).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution';

const r = analyzeSolution(readFileSync(join(__dirname, 'fixtures', 'eisenstein-nlp.md'), 'utf8'), 'markdown', { sidecar: null });
const v = Object.fromEntries(r.equations.map((e) => [e.tag, e]));

describe('Eisenstein §6.3, the Elman RNN LM', () => {
  it('the matrix forms hold, at every step m', () => {
    for (const tag of ['E1', 'E3', 'E4', 'E5']) {
      expect(v[tag]!.status, tag).toBe('holds');
      expect(v[tag]!.message, tag).toMatch(/^holds for m = 1\.\.3/);
    }
  });
  it('θ_{k,k′} for the entries of Θ is not read (left: it should be entry (k, k′) of Θ)', () => {
    expect(v.E2!.status).toBe('skipped');
    expect(v.E2!.message).toBe('not checked: unknown name θ — did you mean Θ?');
  });
  it('the mistakes fail, naming the culprit', () => {
    const msg = (tag: string) => {
      expect(v[tag]!.status, tag).toBe('fails');
      return v[tag]!.message;
    };
    expect(msg('EM1')).toMatch(/Θᵀ should be Θ: with that transpose the check holds/);
    expect(msg('EM2')).toMatch(/βᵀ \(2×3 matrix\) fits \(a transpose missing\?\)\. With βᵀ for β: holds/);
    expect(msg('EM3')).toMatch(/Every step of the right side should be one later/);
  });
});
