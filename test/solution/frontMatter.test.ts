// Probe 47 (an Obsidian export): YAML front matter is metadata; a `summary: "… $$\bar{h}$$ …"` in it was read as a
// display equation ("not checked: no equality to check"). It is blanked, lines kept; a rule `---` at the top of a
// document with no key after it is no front matter.
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution/index';
import { blankFrontMatter } from '../../src/solution/frontMatter';
import { SHEET7_BLOCK } from './helpers';

describe('front matter', () => {
  it('is not read as the document', () => {
    const text = `---\ntitle: "Sheet 7"\nsummary: "the gradient $$\\bar{h}$$ by steps"\n---\n\n${SHEET7_BLOCK}\n$$\\frac{\\partial \\mathcal{L}}{\\partial y_3} = -2(t_3 - y_3)$$\n`;
    const r = analyzeSolution(text, 'markdown', { sidecar: null });
    expect(r.equations).toHaveLength(1);
    expect(r.equations[0]!.status).toBe('holds');
    expect(r.equations[0]!.range.line).toBe(22);
  });
  it('keeps every offset and line; TOML too; a rule at the top is no front matter', () => {
    const yaml = '---\ntitle: x\n...\nbody';
    expect(blankFrontMatter(yaml)).toBe('   \n        \n   \nbody');
    expect(blankFrontMatter('+++\ntitle = "x"\n+++\nbody')).toBe('   \n           \n   \nbody');
    // a file saved with \r\n line ends (a Windows editor): the same, its \r blanked too (lines are counted by \n)
    expect(blankFrontMatter('---\r\ntitle: x\r\n---\r\nbody')).toBe('   \r\n        \r\n   \r\nbody'.replace(/\r/g, ' '));
    const rule = '---\n$$a = b$$\n---\n';
    expect(blankFrontMatter(rule)).toBe(rule);
  });
});
