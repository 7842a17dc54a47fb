import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { sampledNames } from '../../src/display/sampled';
import { sampledSentences } from '../../src/webview/sampled';
import { sampledNote } from '../../src/extension/hover/hoverPieces';

const BROKEN = 'T = 3\ninput x = [1, 2]\nparam w = 0.5\nh_0 = 0\nh_t = tanh(w h_{t-1} + x_t)\nloss L = Σ_t h_t\n';
const UNWRITTEN = 'T = 2\ninput x\nparam w = 0.5\nh_0 = 0\nh_t = tanh(w h_{t-1} + x_t)\nloss L = Σ_t h_t\n';

describe('sample values: given-but-broken is not "no value given" (issue 13, item 4)', () => {
  it('a value with an error on its line is refused, not unwritten; the panel and the hover say so', () => {
    const r = analyze(BROKEN);
    expect(r.sampled).toContain('x');
    expect(sampledNames(r)).toEqual({ unwritten: [], refused: ['x'] });
    const sentences = sampledSentences(r);
    expect(sentences.join(' ')).not.toContain('no value given');
    expect(sentences.join(' ')).toContain('The values given for x have errors');
    expect(sampledNote(r, true).join(' ')).not.toContain('no value given');
  });
  it('a name written without a value keeps the "no value given" note', () => {
    const r = analyze(UNWRITTEN);
    expect(sampledNames(r)).toEqual({ unwritten: ['x'], refused: [] });
    expect(sampledSentences(r)[0]).toContain('no value given in the file): x');
  });
});
