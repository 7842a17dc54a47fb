// The Markdown preview plugin on a seed-like solution, with plain markdown-it and a stand-in for VS
// Code's markdown-math (same token type, math_block, typeset by KaTeX): every checked display equation
// is wrapped with its verdict, the math inside still typeset, everything escaped.
import { createRequire } from 'node:module';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analysis';
import { unrollMarkdownIt, type MarkdownItLike, type MdToken } from '../../../src/extension/preview/markdownItPlugin';
import { analyzeSolution } from '../../../src/solution';

interface Md extends MarkdownItLike {
  render(src: string): string;
  block: {
    ruler: {
      after(
        name: string,
        rule: string,
        fn: (state: BlockState, start: number, end: number, silent: boolean) => boolean,
        opts: { alt: string[] },
      ): void;
    };
  };
}
interface BlockState {
  src: string;
  bMarks: number[];
  eMarks: number[];
  tShift: number[];
  line: number;
  push(type: string, tag: string, nesting: number): MdToken;
}

const MarkdownIt = createRequire(import.meta.url)('markdown-it') as new () => Md;

/** $$ … $$ blocks (one line or several) as math_block tokens, rendered by KaTeX — what markdown-math does */
function mathStandIn(md: Md): void {
  // registered as markdown-it-katex registers it: after blockquote, able to interrupt a paragraph or a list
  md.block.ruler.after(
    'blockquote',
    'math_block',
    (state, start, end, silent) => {
      const line = (i: number) => state.src.slice(state.bMarks[i]! + state.tShift[i]!, state.eMarks[i]);
      if (!line(start).startsWith('$$')) return false;
      if (silent) return true;
      let last = start;
      if (!(line(start).length > 2 && line(start).trimEnd().endsWith('$$'))) {
        for (last = start + 1; last < end && !line(last).includes('$$'); last++);
      }
      const body: string[] = [];
      for (let i = start; i <= Math.min(last, end - 1); i++) body.push(line(i));
      const t = state.push('math_block', 'math', 0);
      t.content = body.join('\n').replace(/^\$\$|\$\$\s*$/g, '');
      t.map = [start, last + 1];
      state.line = last + 1;
      return true;
    },
    { alt: ['paragraph', 'reference', 'blockquote', 'list'] },
  );
  md.renderer.rules.math_block = (tokens, idx) =>
    `<p class="katex-block">${katex.renderToString(tokens[idx]!.content, { displayMode: true, throwOnError: false })}</p>\n`;
}

const NETWORK =
  'T = 3\ninput x = [0.5, -1.0, 2.0]\ntarget t = [1, 0, 1]\nparam W_xh = 0.3\nparam W_hh = 0.8\nparam b_h = 0.1\nparam W_hy = 1.5\nparam b_y = -0.2\nh_0 = 0\nh_t = σ(W_xh x_t + W_hh h_{t-1} + b_h)\ny_t = σ(W_hy h_t + b_y)\nL_t = (t_t - y_t)^2\nloss L = Σ_t L_t';
const SOLUTION = [
  '## Exercise 1 <b>bold</b> & "quotes"',
  '',
  '```rnn',
  NETWORK,
  '# a comment with <script>alert(1)</script>',
  '```',
  '',
  String.raw`$$\frac{\partial \mathcal{L}}{\partial y_3} = \frac{\partial \mathcal{L}}{\partial \mathcal{L}_3} \cdot \frac{\partial \mathcal{L}_3}{\partial y_3} \tag{7}$$`,
  '',
  String.raw`$$\frac{\partial \mathcal{L}}{\partial y_3} = 2(t_3 - y_3) \tag{8}$$`,
  '',
  String.raw`$$\ell_t(t_t, y_t) = (t_t - y_t)^2 \tag{3}$$`,
  '',
  'Inline math $\\frac{\\partial L}{\\partial y_3}$ is not checked.',
  '',
].join('\n');

function render(src: string, withMath = true): string {
  const md = new MarkdownIt();
  if (withMath) mathStandIn(md);
  unrollMarkdownIt(md, analyzeSolution);
  return md.render(src);
}

/** [class, title] of every wrapper, in order */
function wrappers(html: string): { cls: string; title: string }[] {
  return [...html.matchAll(/<(?:div|span) class="unroll-eq unroll-eq-([a-z]+)" title="([^"]*)">/g)].map((m) => ({
    cls: m[1]!,
    title: m[2]!,
  }));
}

describe('the preview plugin', () => {
  it('the library agrees with the marks the fixture expects (the oracle)', () => {
    const r = analyze(`${NETWORK}\ncheck ∂L/∂y_3 = ∂L/∂L_3 · ∂L_3/∂y_3\ncheck ∂L/∂y_3 = 2(t_3 - y_3)\n`);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'fails']);
  });

  it('wraps each checked equation with ✓ / ✗ and its label and message, in order', () => {
    const html = render(SOLUTION);
    const sol = analyzeSolution(SOLUTION, 'markdown');
    const ws = wrappers(html);
    expect(ws.length).toBe(sol.equations.length);
    expect(ws[0]!.cls).toBe('holds');
    expect(ws[0]!.title).toContain('(7)');
    expect(ws[0]!.title).toContain('✓');
    expect(ws[1]!.cls).toBe('fails');
    expect(ws[1]!.title).toContain('(8)');
    expect(ws[1]!.title).toContain('✗');
    // the skipped one (ℓ is a name the network does not define) says why, with no mark
    expect(ws[2]!.cls).toBe('skipped');
    expect(ws[2]!.title).toMatch(/not checked/);
    expect(html).toMatch(/unroll-eq-fails" title="[^"]*"><span class="unroll-mark" aria-label="fails">✗<\/span><p class="katex-block">/);
  });

  it('marks equations in list items and over several lines, each with its own verdict, in file order', () => {
    const text = [
      '```rnn',
      NETWORK,
      '```',
      '',
      '1. The output',
      '   $$\\frac{\\partial \\mathcal{L}}{\\partial y_2} = -2(t_2 - y_2)$$',
      '2. Over lines:',
      '',
      '$$',
      '\\frac{\\partial \\mathcal{L}}{\\partial y_1}',
      '  = 2(t_1 - y_1)',
      '$$',
      '',
    ].join('\n');
    const sol = analyzeSolution(text, 'markdown');
    expect(sol.equations.map((e) => e.status)).toEqual(['holds', 'fails']);
    expect(wrappers(render(text)).map((w) => w.cls)).toEqual(['holds', 'fails']);
  });

  it('wraps the math rendering, never replaces it', () => {
    const html = render(SOLUTION);
    expect((html.match(/<p class="katex-block">/g) ?? []).length).toBe(3);
    expect(html).toContain('class="katex-display"');
  });

  it('inline math is neither checked nor marked', () => {
    const html = render(SOLUTION);
    const inlinePara = html.split('\n').find((l) => l.includes('Inline math'))!;
    expect(inlinePara).not.toContain('unroll-eq');
  });

  it('highlights the rnn block and escapes user text everywhere', () => {
    const html = render(SOLUTION);
    expect(html).toContain('<pre class="unroll-rnn"><code class="language-rnn">');
    expect(html).toContain('<span class="unroll-keyword">param</span>');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    for (const w of wrappers(html)) expect(w.title).not.toMatch(/[<>]/);
  });

  it('a title with quotes and angle brackets stays one attribute', () => {
    const evil = SOLUTION.replace('\\tag{8}', '\\tag{8"><img src=x onerror=alert(1)>}');
    const html = render(evil);
    expect(html).not.toMatch(/<img/);
    expect(wrappers(html).length).toBe(analyzeSolution(evil, 'markdown').equations.length);
  });

  it('leaves an ordinary Markdown text exactly as markdown-it renders it', () => {
    const readme = '# README\n\n$$ x = 1 $$\n\n```js\nlet a = "<b>";\n```\n';
    const plain = new MarkdownIt();
    mathStandIn(plain);
    expect(render(readme)).toBe(plain.render(readme));
  });

  it('without a math plugin the text renders as paragraphs and the rnn block is still highlighted', () => {
    const html = render(SOLUTION, false);
    expect(wrappers(html)).toEqual([]);
    expect(html).toContain('<span class="unroll-keyword">loss</span>');
  });

  it('another fence language goes to the renderer that was there before', () => {
    const html = render('```rnn\nT = 1\n```\n\n```python\nx = "<i>"\n```\n');
    expect(html).toContain('<pre><code class="language-python">x = &quot;&lt;i&gt;&quot;');
  });

  it('takes the editor’s report of a text an open solution has, renders no marks while it is pending, and analyses any other text itself', () => {
    const md = new MarkdownIt();
    mathStandIn(md);
    let calls = 0;
    let editor: ReturnType<typeof analyzeSolution> | 'pending' | undefined = 'pending';
    unrollMarkdownIt(
      md,
      (t, k, o) => {
        calls++;
        return analyzeSolution(t, k, o);
      },
      () => editor,
    );
    // pending: the editor's worker is on it; the preview neither marks nor analyses on the host's thread
    expect(md.render(SOLUTION)).not.toContain('unroll-eq');
    expect(calls).toBe(0);
    editor = analyzeSolution(SOLUTION, 'markdown');
    const marked = md.render(SOLUTION);
    expect(marked).toContain('unroll-eq-fails');
    expect(calls).toBe(0);
    // no open solution has this text: analysed here, with the same marks
    editor = undefined;
    expect(md.render(SOLUTION)).toBe(marked);
    expect(calls).toBe(1);
  });

  it('renders the same text twice from the cache, identically', () => {
    const md = new MarkdownIt();
    mathStandIn(md);
    let calls = 0;
    unrollMarkdownIt(md, (t, k, o) => {
      calls++;
      return analyzeSolution(t, k, o);
    });
    const a = md.render(SOLUTION);
    const b = md.render(SOLUTION);
    expect(a).toBe(b);
    expect(calls).toBe(1);
  });
});
