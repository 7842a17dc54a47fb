// LANGUAGE.md §8: the network is "the text of the solution's fenced blocks marked ```rnn". CommonMark fences are three
// or more backticks or tildes — a student who shows ``` inside their notes opens the block with ````rnn — and a Quarto
// or R Markdown user marks a chunk ```{rnn}; a language name is read in any case (```RNN) as GitHub and VS Code read
// ```Python. Those files were "not a solution: it has no ```rnn block". One test for the reader, the editor's
// detection and the preview (src/solution/fenceInfo.ts).
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { unrollMarkdownIt, type MarkdownItLike } from '../../src/extension/preview/markdownItPlugin';
import { mayHoldNetwork } from '../../src/extension/solution/detect';
import { analyzeSolution, isSolution } from '../../src/solution';

const NET = 'T = 2\nparam w = 1.5\nloss L = w^2';
const doc = (open: string, close: string) =>
  `${open}\n${NET}\n${close}\n\n$$\\frac{\\partial L}{\\partial w} = 2 w$$\n\n$$\\frac{\\partial L}{\\partial w} = 3 w$$\n`;

const NETWORK_BLOCKS: [string, string][] = [
  ['```rnn', '```'],
  ['````rnn', '````'],
  ['~~~~rnn', '~~~~'],
  ['```RNN', '```'],
  ['```{rnn}', '```'],
  ['```{rnn, echo=FALSE}', '```'],
  ['```rnn title="sheet 7"', '```'],
];

describe('the fences that hold a network', () => {
  it.each(NETWORK_BLOCKS)('%s … %s is the network: both equations judged', (open, close) => {
    const text = doc(open, close);
    expect(isSolution(text, 'markdown', false)).toBe(true);
    expect(mayHoldNetwork(text, 'markdown')).toBe(true);
    const r = analyzeSolution(text, 'markdown', { sidecar: null });
    expect(r.equations.map((e) => e.status)).toEqual(['holds', 'fails']);
  });

  it('a block of another language is none (```rnnx, ```python, an rnn inside a ````markdown block)', () => {
    for (const text of [doc('```rnnx', '```'), doc('```python', '```'), `\`\`\`\`markdown\n\`\`\`rnn\n${NET}\n\`\`\`\n\`\`\`\`\n`]) {
      expect(isSolution(text, 'markdown', false), text).toBe(false);
    }
  });

  it('the preview highlights a ````rnn block as the network', () => {
    const MarkdownIt = createRequire(import.meta.url)('markdown-it') as new () => MarkdownItLike & { render(s: string): string };
    const md = unrollMarkdownIt(new MarkdownIt(), analyzeSolution);
    expect(md.render(doc('````rnn', '````'))).toContain('<pre class="unroll-rnn"><code class="language-rnn">');
  });
});
