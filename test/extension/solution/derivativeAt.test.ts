// The editor side of solutions, pure parts: which derivative is under the cursor in display math,
// which documents count as solutions (cheaply), and the networks' .rnn texts.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyze } from '../../../src/analysis';
import { derivativeAt } from '../../../src/extension/solution/derivativeAt';
import { documentKind, mayHoldNetwork, sidecarPath } from '../../../src/extension/solution/detect';
import { networkSources } from '../../../src/extension/solution/networkSource';

/** the derivative found with the cursor on the first character of `needle` in `text` */
function at(text: string, needle: string, shift = 0): string | null {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`${needle} not in ${text}`);
  return derivativeAt(text, i + shift)?.text ?? null;
}

describe('derivativeAt', () => {
  const eq7 = String.raw`\frac{\partial \mathcal{L}}{\partial y_3} = \frac{\partial \mathcal{L}}{\partial \mathcal{L}_3} \cdot \frac{\partial \mathcal{L}_3}{\partial y_3} \tag{7}`;

  it('finds each \\frac derivative of seed 001 eq. (7) from anywhere inside it', () => {
    expect(at(eq7, String.raw`\frac{\partial \mathcal{L}}{\partial y_3}`)).toBe(String.raw`\frac{\partial \mathcal{L}}{\partial y_3}`);
    expect(at(eq7, 'y_3}')).toBe(String.raw`\frac{\partial \mathcal{L}}{\partial y_3}`);
    expect(at(eq7, String.raw`\mathcal{L}_3} \cdot`)).toBe(String.raw`\frac{\partial \mathcal{L}}{\partial \mathcal{L}_3}`);
    expect(at(eq7, String.raw`\frac{\partial \mathcal{L}_3}`, 3)).toBe(String.raw`\frac{\partial \mathcal{L}_3}{\partial y_3}`);
  });

  it("finds the physics package's first derivatives, not its second ones", () => {
    const eq = String.raw`\pdv{\mathcal{L}}{y_3} = \dv{L}{h} + \pdv[2]{L}{b} + \pdv{f}{x}{y} + \pdv[1]{L}{c}`;
    expect(at(eq, 'y_3')).toBe(String.raw`\frac{\partial \mathcal{L}}{\partial y_3}`);
    expect(at(eq, String.raw`\dv`)).toBe(String.raw`\frac{\mathrm{d} L}{\mathrm{d} h}`);
    expect(at(eq, '[2]')).toBeNull();
    expect(at(eq, '{f}')).toBeNull();
    expect(at(eq, '{c}')).toBe(String.raw`\frac{\partial L}{\partial c}`);
  });

  it('finds nothing on = , \\cdot or the tag', () => {
    expect(at(eq7, '= ')).toBeNull();
    expect(at(eq7, String.raw`\cdot`)).toBeNull();
    expect(at(eq7, String.raw`\tag`)).toBeNull();
  });

  it('reads a numerator with a function or a sum, and \\dfrac', () => {
    const eq = String.raw`= \frac{\partial \mathcal{L}_3}{\partial y_3} \cdot \dfrac{\partial \sigma(W_{hy}h_3 + b_y)}{\partial h_3}`;
    expect(at(eq, 'W_{hy}')).toBe(String.raw`\dfrac{\partial \sigma(W_{hy}h_3 + b_y)}{\partial h_3}`);
    const sum = String.raw`\frac{\partial (\mathcal{L}_2 + \mathcal{L}_3)}{\partial h_2}`;
    expect(at(sum, '+')).toBe(sum);
  });

  it('finds slash derivatives in Unicode and LaTeX, with ∂⁺ and braces in indices', () => {
    const eq = 'check ∂L/∂W_hh = ∂⁺h_t/∂h_{t-1} · \\partial o_3 / \\partial h_3';
    expect(at(eq, 'W_hh')).toBe('∂L/∂W_hh');
    expect(at(eq, 'h_{t-1}')).toBe('∂⁺h_t/∂h_{t-1}');
    expect(at(eq, 'o_3')).toBe('\\partial o_3 / \\partial h_3');
  });

  it('takes the innermost derivative when one sits inside another', () => {
    const eq = String.raw`\frac{\partial}{\partial h_1}\left(\frac{\partial L}{\partial h_2}\right)`;
    expect(at(eq, 'L}')).toBe(String.raw`\frac{\partial L}{\partial h_2}`);
  });

  it('stays inside the bounds it is given', () => {
    const text = String.raw`prose $\frac{\partial L}{\partial h}$ and $$ x = 1 $$`;
    const inside = text.indexOf('x = 1');
    expect(derivativeAt(text, text.indexOf('L}'), inside, text.length)).toBeNull();
  });

  it('every derivative it finds in a seed-like equation is one analyze() can derive', () => {
    const net =
      'T = 3\ninput x = [0.5, -1, 2]\ntarget t = [1, 0, 1]\nparam W_xh = 0.3\nparam W_hh = 0.8\nparam b_h = 0.1\nparam W_hy = 1.5\nparam b_y = -0.2\nh_0 = 0\nh_t = σ(W_xh x_t + W_hh h_{t-1} + b_h)\ny_t = σ(W_hy h_t + b_y)\nL_t = (t_t - y_t)^2\nloss L = Σ_t L_t\n';
    const seen = new Set<string>();
    for (let i = 0; i < eq7.length; i++) {
      const d = derivativeAt(eq7, i);
      if (d) seen.add(d.text);
    }
    expect(seen.size).toBe(3);
    for (const d of seen) {
      const r = analyze(`${net}derive ${d}\n`);
      expect(
        r.diagnostics.filter((x) => x.severity === 'error'),
        d,
      ).toEqual([]);
      expect(r.derives.at(-1)?.results.length, d).toBeGreaterThan(0);
    }
  });

  it('never throws and answers within the text on arbitrary input', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom('\\frac', '{', '}', '(', ')', '∂', '\\partial', '/', ' ', 'h', '_', 't', '^', '+', '1'),
          maxLength: 40,
        }),
        fc.nat(),
        (s, n) => {
          const off = s.length === 0 ? 0 : n % s.length;
          const d = derivativeAt(s, off);
          if (d) {
            expect(d.start).toBeLessThanOrEqual(off);
            expect(d.end).toBeGreaterThan(off);
            expect(s.slice(d.start, d.end)).toBe(d.text);
          }
        },
      ),
    );
  });

  it('is fast on a long equation with many unclosed groups', () => {
    const eq = '\\frac{\\partial '.repeat(3000);
    const t0 = performance.now();
    derivativeAt(eq, eq.length - 5);
    expect(performance.now() - t0).toBeLessThan(500);
  });
});

describe('which documents are solutions', () => {
  it('kinds come from the language id, else the file name', () => {
    expect(documentKind('markdown', '/a/README.txt')).toBe('markdown');
    expect(documentKind('latex', '/a/x')).toBe('latex');
    expect(documentKind('plaintext', '/a/sheet.tex')).toBe('latex');
    expect(documentKind('plaintext', '/a/sheet.MD')).toBe('markdown');
    expect(documentKind('rnn', '/a/sheet.rnn')).toBeNull();
  });

  it('a plain-text document (a .txt hand-in, an untitled paste) is read by what it holds, as the CLI reads a .txt', () => {
    const latex = '\\documentclass{article}\n\\begin{document}\n$$x$$\n\\end{document}\n';
    expect(documentKind('plaintext', '/a/seed001.txt', () => latex)).toBe('latex');
    expect(documentKind('plaintext', '/a/seed000.txt', () => '# GRU\n\n$$x$$\n')).toBe('markdown');
    expect(documentKind('plaintext', 'Untitled-1', () => '```rnn\nT = 1\n```\n')).toBe('markdown');
    // a text is read only when the name says nothing, and only for plain text
    const never = () => {
      throw new Error('read');
    };
    expect(documentKind('plaintext', '/a/sheet.tex', never)).toBe('latex');
    expect(documentKind('python', '/a/train.txt', never)).toBeNull();
    // a notebook saved as .txt is JSON, not Markdown: its ```rnn sits in a JSON string, its places are a cell's
    const notebook = JSON.stringify({ nbformat: 4, cells: [{ cell_type: 'markdown', source: ['```rnn\n', 'T = 1\n', '```\n'] }] });
    expect(documentKind('plaintext', '/a/sol.txt', () => notebook)).toBeNull();
    // (a Markdown kind is a solution only with a fence or a sidecar: a note with no network is never analysed)
    expect(
      mayHoldNetwork(
        'todo: $$x = 1$$\n',
        documentKind('plaintext', '/a/notes.txt', () => 'todo')!,
      ),
    ).toBe(false);
  });

  it('only a Markdown text with an ```rnn fence may hold a network', () => {
    expect(mayHoldNetwork('# Title\n\n```rnn\nT = 1\n```\n', 'markdown')).toBe(true);
    expect(mayHoldNetwork('# README\n\n```js\nx\n```\n', 'markdown')).toBe(false);
    expect(mayHoldNetwork('```rnn', 'latex')).toBe(false);
  });

  it('the sidecar sits beside the document with the same base name', () => {
    expect(sidecarPath('/w/sheet7.md')).toBe('/w/sheet7.rnn');
    expect(sidecarPath('/w/a.b/sheet.tex')).toBe('/w/a.b/sheet.rnn');
    expect(sidecarPath('/w/.hidden')).toBeNull();
    expect(sidecarPath('/w/noext')).toBeNull();
  });
});

describe('network sources', () => {
  it('a block that declares T starts a network, a block that does not adds to it', () => {
    const md = 'Intro\n\n```rnn\nT = 2\nparam w = 1\n```\n\n$$ a $$\n\n```rnn\nh_t = w\n```\n\n```rnn\nT = 3\nparam v = 2\n```\n';
    expect(networkSources(md, 'markdown', null)).toEqual(['T = 2\nparam w = 1\nh_t = w\n', 'T = 3\nparam v = 2\n']);
  });

  it("an ```rnn line inside another fence is that fence's content", () => {
    const md = '````md\n```rnn\nT = 9\n```\n````\n\n```rnn\nT = 1\nparam w = 2\n```\n';
    expect(networkSources(md, 'markdown', null)).toEqual(['T = 1\nparam w = 2\n']);
  });

  it('the sidecar is network 0; LaTeX has only it; no network, no text', () => {
    expect(networkSources('# no blocks', 'markdown', 'T = 1')).toEqual(['T = 1\n']);
    expect(networkSources('\\begin{equation}x = 1\\end{equation}', 'latex', 'T = 2\n')).toEqual(['T = 2\n']);
    expect(networkSources('# nothing', 'markdown', null)).toEqual([]);
  });
});
