// Issue 13, items 3 and 5: hovers on gated networks start with the compact form and cap the rest with a
// link to the panel; every truncated list says that it is truncated and where the rest is.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analysis';
import { contributionsMd, hoverContent, type HoverOptions } from '../../../src/extension/hover/hoverContent';
import { compactRecursionText, formHtmlCapped, stepsHtml, stepsNote } from '../../../src/extension/hover/hoverPieces';
import type { QuantityReport } from '../../../src/report';
import { commandArgs, plain } from '../plain';

const full: HoverOptions = { digits: 4, detail: 'full', uri: 'file:///x.rnn' };

function paramLine(text: string, name: string): { line: number; column: number } {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => new RegExp(`^param\\s+${name}\\b`).test(l));
  return { line: i + 1, column: lines[i]!.indexOf(name) + 1 };
}

describe('gated networks: the compact form first, the rest capped (issue 13, item 3)', () => {
  for (const file of ['gru-one-weight', 'scalar-lstm-bptt']) {
    it(`${file}: every parameter hover starts with a form of at most a few lines and links to the rest`, () => {
      const text = readFileSync(`examples/${file}.rnn`, 'utf8');
      const r = analyze(text, { forms: true });
      for (const p of r.params) {
        const h = hoverContent(r, paramLine(text, p.name), full)!;
        const md = h.markdown;
        const firstForm = md.split('\n\n').find((part) => /_(in short|chain rule|δ-recursion|explicit)/.test(part));
        if (!firstForm) continue;
        // at most a few lines (after the label) before the next part
        expect(firstForm.split('<br>').length - 1).toBeLessThanOrEqual(4);
        // a capped form says how many lines it left and links to the panel
        for (const part of md.split('\n\n').filter((x) => x.includes('more lines'))) {
          expect(part).toMatch(/… \d+ more lines: \[the rest in the panel\]\(command:unroll\.openPanel/);
          expect(part.split('<br>').length).toBeLessThanOrEqual(8);
        }
      }
    });
  }
  it('the compact statement of a δ-recursion is its result line and continuation, without δ or where lines', () => {
    const text =
      'δ_t = ∂L/∂h_t\nδ₃ = −2(y₃ − h₃)\nδ_t = ∂L_t/∂h_t\n      + δ_{t+1} w\n∂L/∂w = Σ_t δ_t·∂⁺h_t/∂w\n       = Σ_t δ_t h_{t-1}\n       = 0.5\nwhere z̃_t = w h_{t-1}\ng̃_t = x_t';
    expect(compactRecursionText(text)).toBe('∂L/∂w = Σ_t δ_t·∂⁺h_t/∂w\n       = Σ_t δ_t h_{t-1}\n       = 0.5');
    expect(compactRecursionText('∂L/∂w = 3')).toBeNull();
  });
  it('a form longer than the cap shows the first lines, the count of the others and the link', () => {
    const html = formHtmlCapped('a\nb\nc\nd\ne', 2, 'LINK');
    expect(html.split('<br>')).toHaveLength(3);
    expect(html).toContain('… 3 more lines: LINK');
    expect(formHtmlCapped('a\nb', 2, 'LINK')).not.toContain('LINK');
  });
  it('the derive hover of a GRU links the rest to the panel at the derive line', () => {
    const text = readFileSync('examples/gru-one-weight.rnn', 'utf8');
    const r = analyze(text, { forms: true });
    const d = r.derives.find((x) => x.query === '∂L/∂w')!;
    const h = hoverContent(r, { line: d.line, column: 2 }, full)!;
    expect(plain(h.markdown)).toMatch(/^derive ∂L\/∂w\n+in short/m);
    expect(commandArgs(h.markdown, 'unroll.openPanel')).toContainEqual({ uri: full.uri, line: d.line });
  });
});

describe('truncated lists say so and where the rest is (issue 13, item 5)', () => {
  it('a per-step table past the listed steps says where it stops (t ≤ 100 of T = 5000)', () => {
    const entries = Array.from({ length: 100 }, (_, i) => ({ t: i + 1, value: i / 10 }));
    const html = stepsHtml(entries, full, 5000);
    expect(plain(html)).toContain('t = 12…99 left out here (88 steps)');
    expect(plain(html)).toContain('listed for t ≤ 100 of T = 5000');
    // a complete list says nothing
    expect(stepsNote(entries.slice(0, 5), 5, 5)).toBe('');
  });
  it('per-step terms of ∂L/∂W at a long T: first terms of how many, and what the rest add up to', () => {
    const T = 5000;
    const q = { name: 'h', timed: true } as QuantityReport;
    const contrib = Array.from({ length: 100 }, (_, i) => ({ label: `h_${i + 1}`, value: 0.1 }));
    const md = plain(contributionsMd(contrib, 543.8, [{ q }], T, 4));
    expect(md).toContain('12 of 100 terms shown');
    expect(md).toContain('first 100 of 5000 steps');
    // the listed terms and the rest add up to the total
    expect(md).toContain('add up to 10');
    expect(md).toContain('the other 4900 steps to 533.8');
    expect(md.match(/h\d+: /g)).toHaveLength(12);
  });
  it("a check's step table past 12 rows: how many more, which steps, and a link to the panel at the check", () => {
    const T = 30;
    const text = [
      `T = ${T}`,
      `input x = [${Array.from({ length: T }, (_, t) => (Math.cos(t) * 0.9).toFixed(3)).join(', ')}]`,
      'param w = 0.8',
      'h_0 = 0',
      'h_t = tanh(w h_{t-1} + x_t)',
      'loss L = Σ_t h_t^2',
      'check h_t = tanh(w h_{t-1} + x_t)',
      'check h_t = tanh(w h_{t-1} + x_t) for t = 3..14',
    ].join('\n');
    const r = analyze(text + '\n');
    const [all, some] = r.checks;
    const md = hoverContent(r, { line: all!.line, column: 2 }, full)!.markdown;
    expect(plain(md)).toContain('… 18 more steps (t = 13..30) not listed here: more in the panel');
    expect(commandArgs(md, 'unroll.openPanel')).toContainEqual({ uri: full.uri, line: all!.line });
    // 12 steps fit: no note
    expect(plain(hoverContent(r, { line: some!.line, column: 2 }, full)!.markdown)).not.toContain('more steps');
  });
  it('a derive with a vector per step past 12 steps: how many more, which, and a link to the panel at the derive', () => {
    const T = 20;
    const text = [
      `T = ${T}`,
      `input x : 2 = [${Array.from({ length: T }, (_, t) => `[${(Math.cos(t) * 0.9).toFixed(3)}, ${(Math.sin(t) * 0.5).toFixed(3)}]`).join(', ')}]`,
      'param W : 2x2 = [[0.5, -0.2], [0.1, 0.4]]',
      'h_0 = [0, 0]',
      'h_t = tanh(W h_{t-1} + x_t)',
      'loss L = Σ_t sum(h_t)',
      'derive ∂L/∂h_t',
    ].join('\n');
    const r = analyze(text + '\n');
    const d = r.derives[0]!;
    expect(d.results).toHaveLength(T);
    const md = hoverContent(r, { line: d.line, column: 2 }, full)!.markdown;
    expect(plain(md)).toContain('… 8 more steps (t = 13..20) not listed here: more in the panel');
    expect(commandArgs(md, 'unroll.openPanel')).toContainEqual({ uri: full.uri, line: d.line });
  });
});

describe('long hover lines break at the terms (issue 13, item 3)', () => {
  it('one term per line past the width, brackets kept whole', async () => {
    const { breakAtTerms, HOVER_LINE_CHARS } = await import('../../../src/extension/hover/hoverPieces');
    const long = `∂L/∂W = ${Array.from({ length: 8 }, (_, i) => `a_${i}·(b_${i} + c_${i})`).join(' + ')} − d`;
    const parts = breakAtTerms(long);
    expect(parts).toHaveLength(9);
    expect(parts[0]).toBe('∂L/∂W = a_0·(b_0 + c_0)');
    expect(parts[1]).toBe('+ a_1·(b_1 + c_1)');
    expect(parts[8]).toBe('− d');
    expect(parts.join(' ')).toBe(long);
    expect(breakAtTerms('a = b + c')).toEqual(['a = b + c']);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(HOVER_LINE_CHARS);
  });
});
