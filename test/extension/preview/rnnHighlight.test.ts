// ```rnn blocks in the Markdown preview: highlighted, and every character of the source escaped.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { escapeHtml, highlightRnn } from '../../../src/extension/preview/rnnHighlight';

/** the text a browser would show for the HTML (tags dropped, entities decoded) */
function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

describe('highlightRnn', () => {
  const src = 'T = 3 # horizon\nparam W_hh = 0.8\nh_t = σ(W_xh x_t + W_hh h_{t-1} + b_h)\nloss L = Σ_t L_t\nderive ∂L/∂W_hh';

  it('wraps keywords, functions, names, numbers and comments', () => {
    const html = highlightRnn(src);
    expect(html).toContain('<span class="unroll-keyword">param</span>');
    expect(html).toContain('<span class="unroll-keyword">loss</span>');
    expect(html).toContain('<span class="unroll-keyword">derive</span>');
    expect(html).toContain('<span class="unroll-function">σ</span>');
    expect(html).toContain('<span class="unroll-name">W_hh</span>');
    expect(html).toContain('<span class="unroll-name">h_{t-1}</span>');
    expect(html).toContain('<span class="unroll-number">0.8</span>');
    expect(html).toContain('<span class="unroll-comment"># horizon</span>');
  });

  it('keeps the text exactly', () => {
    expect(textOf(highlightRnn(src))).toBe(src);
  });

  it('escapes markup in names, comments and stray characters', () => {
    const evil = 'param w = 1 # <img src=x onerror=alert(1)>\n<script>alert("x")</script> & \'q\'';
    const html = highlightRnn(evil);
    expect(html).not.toMatch(/<(img|script)/i);
    expect(textOf(html)).toBe(evil);
  });

  it('any text round-trips and never yields a tag other than its spans', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        const html = highlightRnn(s);
        expect(textOf(html)).toBe(s);
        for (const tag of html.match(/<[^>]*>/g) ?? []) expect(tag).toMatch(/^<(span class="unroll-[a-z]+"|\/span)>$/);
      }),
    );
  });

  it('escapeHtml escapes the five characters that matter', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});
