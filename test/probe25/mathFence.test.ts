// GitHub and GitLab render a ```math fence as a display equation, so a solution written for them keeps its equations
// there. LANGUAGE.md §8 lists `$$ … $$`, `\[ … \]` and the display environments; a student pasting such a solution
// expects its ```math blocks checked as well (they were read as code: no claim, nothing said). See
// docs/language-notes.md.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { unrollMarkdownIt, type MarkdownItLike } from '../../src/extension/preview/markdownItPlugin';
import { isMathInfo } from '../../src/solution/fenceInfo';
import { analyzeSolution } from '../../src/solution';

const NET = '```rnn\nT = 2\nparam w = 1.5\nloss L = w^2\n```\n';

describe('```math fences are display equations', () => {
  it('each one is a claim, judged, at its fence, with its \\tag', () => {
    const text = `${NET}\n\`\`\`math\n\\frac{\\partial L}{\\partial w} = 2 w\n\`\`\`\n\ntext\n\n~~~math\n\\frac{\\partial L}{\\partial w} = 3 w \\tag{2}\n~~~\n`;
    const r = analyzeSolution(text, 'markdown', { sidecar: null });
    expect(r.equations.map((e) => [e.status, e.range.line, e.tag ?? null])).toEqual([
      ['holds', 7, null],
      ['fails', 13, '2'],
    ]);
    expect(r.equations[1]!.message).toContain('The 3 should be 2');
  });

  it('a chain over several lines, inside a block quote, reads as one equation', () => {
    const text = `${NET}\n> \`\`\`math\n> \\frac{\\partial L}{\\partial w}\n> = 2 w\n> = 2 \\cdot 1.5\n> \`\`\`\n`;
    const r = analyzeSolution(text, 'markdown', { sidecar: null });
    // both links read: 2w holds, 2 · 1.5 only at the file's value of w
    expect(r.equations.map((e) => e.status)).toEqual(['holds-at-given-values']);
    expect(r.equations[0]!.message).toMatch(/w/);
  });

  it("MyST's ```{math} with a :label: option reads the math only", () => {
    const text = `${NET}\n\`\`\`{math}\n:label: eq-grad\n\\frac{\\partial L}{\\partial w} = 2 w\n\`\`\`\n`;
    const r = analyzeSolution(text, 'markdown', { sidecar: null });
    expect(r.equations.map((e) => [e.status, e.range.line])).toEqual([['holds', 7]]);
  });

  it('an empty ```math block, a ```mathematica block and ```python are no claim', () => {
    const text = `${NET}\n\`\`\`math\n\`\`\`\n\n\`\`\`mathematica\nD[w^2, w] == 2 w\n\`\`\`\n\n\`\`\`python\nL = w**2\n\`\`\`\n`;
    expect(analyzeSolution(text, 'markdown', { sidecar: null }).equations).toEqual([]);
    expect(['math', 'MATH', '{math}', 'latex-math', 'math title="x"'].map(isMathInfo)).toEqual([true, true, true, true, true]);
    expect(['mathematica', 'maths', 'python', 'rnn', ''].map(isMathInfo)).toEqual([false, false, false, false, false]);
  });

  it("the preview marks a ```math fence with its equation's verdict", () => {
    const MarkdownIt = createRequire(import.meta.url)('markdown-it') as new () => MarkdownItLike & { render(s: string): string };
    const md = unrollMarkdownIt(new MarkdownIt(), analyzeSolution);
    const html = md.render(`${NET}\n\`\`\`math\n\\frac{\\partial L}{\\partial w} = 3 w\n\`\`\`\n`);
    expect(html).toMatch(/unroll-eq[^>]*fails|fails[^>]*unroll-eq/);
    expect(html).toContain('language-math');
  });
});
