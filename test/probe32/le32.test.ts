// Probe 32 (session 47): Quoc V. Le's "A Tutorial on Deep Learning, Part 2" (2015), its RNN h_t = f(U x_t + V h_{t−1})
// with f the sigmoid and a softmax over W h_t, and BPTT in its letters. Everything read and was judged right; the
// outer product in the other order (h_t (p_t − y_t)ᵀ, a shape transposed) stays unjudged, as section 9 decided.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution';

const r = analyzeSolution(readFileSync(join(__dirname, 'fixtures', 'le-tutorial.md'), 'utf8'), 'markdown', { sidecar: null });
const v = Object.fromEntries(r.equations.map((e) => [e.tag, e]));
const msg = (tag: string) => {
  expect(v[tag]!.status, tag).toBe('fails');
  return v[tag]!.message;
};

describe('Le: the tutorial’s RNN', () => {
  it('the model and the correct gradients hold', () => {
    for (const tag of ['L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'L7', 'L8', 'L9', 'L10', 'L11', 'L12'])
      expect(v[tag]!.status, tag).toBe('holds');
    expect(v.L12!.message).toMatch(/the 6 of 9 pairs where its Σ\/∏ bounds run forward/);
  });
  it('the outer product in the other order is not judged, naming the transposed shape', () => {
    expect(v.LM1!.status).toBe('skipped');
    expect(v.LM1!.message).toMatch(/the left side's shape transposed/);
  });
  it('the mistakes fail, naming the culprit', () => {
    expect(msg('LM2')).toMatch(/opposite sign/);
    expect(msg('LM3')).toMatch(/V should be Vᵀ/);
    expect(msg('LM4')).toMatch(/∂J\/∂h_\{t\+1\} needs the factor σ'/);
    expect(msg('LM5')).toMatch(/leaves out the path through h_\{t\+1\}/);
    expect(msg('LM6')).toMatch(/The third h_t should be h_\{t-1\}/);
    expect(msg('LM7')).toMatch(/\(t = 2\.\.3\) leaves out its first term t = 1/);
    expect(msg('LM8')).toMatch(/leaves out the paths through h_1 and h_2/);
    expect(msg('LM9')).toMatch(/Every step of the right side should be one later/);
    expect(msg('LM10')).toMatch(/\(j = k\.\.t\) has one term too many, j = k/);
    expect(msg('LM11')).toMatch(/each h_t should be h_\{t\+1\}/);
    expect(msg('LM12')).toMatch(/∂J\/∂h_t needs the factor σ'/);
  });
});
