// Probe 47 (an Obsidian export): `%% … %%` is Obsidian's comment, hidden in its preview; an old attempt commented out so
// was read as a claim and judged. A closed `%%` comment where a block starts is no part of the solution; an unclosed
// one, or one with text after its close, stays text, and a `%` inside a display is TeX's comment as before.
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution/index';
import { SHEET7_BLOCK } from './helpers';

const EQ = String.raw`$$\frac{\partial \mathcal{L}}{\partial y_3} = 3(t_3 - y_3) \tag{old}$$`;
const GOOD = String.raw`$$\frac{\partial \mathcal{L}}{\partial y_3} = -2(t_3 - y_3) % as in the lecture
\tag{new}$$`;
const tags = (body: string) =>
  analyzeSolution(`${SHEET7_BLOCK}\n${body}\n`, 'markdown', { sidecar: null }).equations.map((q) => `${q.tag}:${q.status}`);

describe('Obsidian comments', () => {
  it('hide what they enclose, as the preview does', () => {
    expect(tags(`%% an old attempt:\n${EQ}\n%%\n\n${GOOD}`)).toEqual(['new:holds']);
    expect(tags(`%% ${EQ} %%\n\n${GOOD}`)).toEqual(['new:holds']);
  });
  it('an unclosed %% is text', () => {
    expect(tags(`%% an old attempt:\n\n${EQ}`)).toEqual(['old:fails']);
  });
});
