// LANGUAGE.md §8: the reader on every seed solution — networks, equation ranges, labels,
// continuations, and the equations it skips before any analysis (with their reasons).
import { describe, expect, it } from 'vitest';
import { isSolution, readSolution, solutionKindOf } from '../../src/solution/index';
import { example, reading } from './helpers';

describe('which files are solutions', () => {
  it('kinds by file name', () => {
    expect(solutionKindOf('sheet7.md')).toBe('markdown');
    expect(solutionKindOf('a/b/Notes.MARKDOWN')).toBe('markdown');
    expect(solutionKindOf('sol.tex')).toBe('latex');
    expect(solutionKindOf('sheet7.rnn')).toBeNull();
    expect(solutionKindOf('README')).toBeNull();
  });

  it('a Markdown file is a solution only with an rnn block or a sidecar; a .tex only with a sidecar', () => {
    expect(isSolution('# Notes\n\n$$ h_t = 1 $$\n', 'markdown', false)).toBe(false);
    expect(isSolution('```rnn\nT = 2\n```\n', 'markdown', false)).toBe(true);
    expect(isSolution('~~~ rnn\nT = 2\n~~~\n', 'markdown', false)).toBe(true);
    expect(isSolution('# Notes\n', 'markdown', true)).toBe(true);
    expect(isSolution('\\begin{document}\\end{document}', 'latex', false)).toBe(false);
    expect(isSolution('\\begin{document}\\end{document}', 'latex', true)).toBe(true);
    // the characters of a fence inside another code block are not a network block
    expect(isSolution('````\n```rnn\nT = 2\n```\n````\n', 'markdown', false)).toBe(false);
    expect(isSolution('```python\nprint(1)\n```\n', 'markdown', false)).toBe(false);
  });

  it('no rnn block and no sidecar: nothing is read', () => {
    expect(reading('# README\n\n$$ a = b $$\n')).toBeNull();
  });
});

describe('seed 000 (GRU): labels written `\\quad (n)` inside the math', () => {
  const r = reading(example('000-gru-long-term-dependencies.md'))!;
  it('one network; fourteen equations, each with its own label, on its own line', () => {
    expect(r.networks).toBe(1);
    expect(r.equations.map((e) => e.tag)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14']);
    expect(r.equations.map((e) => e.line)).toEqual([38, 40, 42, 46, 50, 54, 56, 58, 60, 64, 68, 70, 76, 80]);
  });
  it('the label is taken out of the math; `$$(6)$$` is an empty equation', () => {
    expect(r.claims[0]!.text).toBe('u_t = \\sigma(w.h_{t-1} + w.x_t)');
    expect(r.claims.find((c) => c.displays[0] === 5)!.skip).toBe('an empty equation');
  });
  it('`$$= w \\quad (9)$$` continues the chain of eq. (8)', () => {
    const c = r.claims.find((x) => x.displays.includes(8))!;
    expect(c.displays).toEqual([7, 8]);
    expect(c.text).toBe('\\frac{\\partial s_t}{\\partial h_{t-1}} = w.\\frac{\\partial h_{t-1}}{\\partial h_{t-1}} + 0 = w');
  });
});

describe('seed 001 (vanilla RNN, three steps)', () => {
  const r = reading(example('001-rnn-three-steps.md'))!;
  const eq = (tag: string) => r.equations.findIndex((e) => e.tag === tag);
  it('labels from \\tag{…} and from `(n)` on the line after the display', () => {
    expect(r.equations).toHaveLength(38);
    expect(r.equations[eq('1')]).toMatchObject({ line: 31, endLine: 31 });
    // `$$ … $$\n(6)` and `$$ … $$\n (19)`: the label on the next line
    expect(r.equations[eq('6')]!.line).toBe(41);
    expect(r.equations[eq('19')]!.line).toBe(90);
    expect(r.equations[eq('21')]!.line).toBe(100);
    // `(9)` two lines below eq. (8) is prose, not a label
    expect(eq('9')).toBe(-1);
    expect(eq('12')).toBe(-1);
  });
  it('eq. (4)–(6): one chain 𝓛 = Σ 𝓛_t = (𝓛_1 + 𝓛_2 + 𝓛_3) = …', () => {
    const c = r.claims.find((x) => x.displays.includes(eq('5')))!;
    expect(c.displays).toEqual([eq('4'), eq('5'), eq('6')]);
    expect(c.text).toBe(
      '\\mathcal{L} = \\sum_{t=1}^{T} \\mathcal{L}_t = (\\mathcal{L}_1 + \\mathcal{L}_2 + \\mathcal{L}_3) = (t_1 - y_1)^2 + (t_2 - y_2)^2 + (t_3 - y_3)^2',
    );
  });
  it('eq. (29)–(32): `= A (30)`, `+ B (31)`, `+ C (32)` make one last side A + B + C', () => {
    const c = r.claims.find((x) => x.displays.includes(eq('32')))!;
    expect(c.displays).toEqual([eq('29') - 1, eq('29'), eq('30'), eq('31'), eq('32')]);
    const sides = c.text.split(' = ');
    expect(sides).toHaveLength(4);
    expect(sides[3]!.startsWith('\\frac{\\partial \\mathcal{L}_1}{\\partial y_1}')).toBe(true);
    expect(sides[3]).toContain(' +\\frac{\\partial \\mathcal{L}_2}{\\partial y_2}');
    expect(sides[3]!.endsWith('\\frac{\\partial h_2}{\\partial W_{xh}}\\right)')).toBe(true);
  });
  it('a display with no equality is not a claim; each such display is skipped with its reason', () => {
    const questions = r.claims.filter((c) => c.skip === 'no equality to check');
    expect(questions.map((c) => r.equations[c.displays[0]!]!.line)).toEqual([54, 114, 117]);
  });
  it('math in inline $…$ is never read', () => {
    // line 46 holds $\sigma'(x)$ inline; line 163 the answer with inline derivatives
    expect(r.equations.some((e) => e.line === 46 || e.line === 44)).toBe(false);
  });
});

describe('seed 002: multi-line aligned, rows and & are layout', () => {
  const r = reading(example('002-vanilla-rnn-jacobians.md'))!;
  it('three equations; the aligned one (two rows) is one chain of four sides', () => {
    expect(r.equations.map((e) => e.line)).toEqual([37, 43, 102]);
    const aligned = r.claims[1]!;
    expect(aligned.text.split(' = ')).toHaveLength(4);
    expect(aligned.text).not.toContain('&');
    expect(aligned.text).not.toContain('\\\\');
    expect(aligned.text).not.toContain('aligned');
  });
  it('the \\underbrace formula split by `\\\\` is one claim (the row with no = continues it)', () => {
    expect(r.claims[2]!.displays).toEqual([2]);
    expect(r.claims).toHaveLength(3);
  });
});

describe('seed 003: split environments inside $$', () => {
  it('three equations, the split one a single chain of four sides', () => {
    const r = reading(example('003-mlp-layers-as-steps.md'))!;
    expect(r.equations.map((e) => e.line)).toEqual([50, 67, 73]);
    expect(r.claims[2]!.text.split(' = ')).toHaveLength(4);
    expect(r.claims[2]!.text).not.toMatch(/split|&/);
  });
});

describe('seed 004: two networks in one file', () => {
  const r = reading(example('004-binary-addition-and-lstm.md'))!;
  it('a block that declares T starts a network; equations after it are about it', () => {
    expect(r.networks).toBe(2);
    const firstLstm = r.equations.findIndex((e) => e.line === 83);
    expect(r.equations.slice(0, firstLstm).every((e) => e.network === 0)).toBe(true);
    expect(r.equations.slice(firstLstm).every((e) => e.network === 1)).toBe(true);
    expect(r.equations).toHaveLength(24);
  });
  it('inline $U = \\begin{bmatrix}…$ is prose; the $$W = …$$ matrix keeps its & and \\\\', () => {
    expect(r.equations[0]!.line).toBe(31);
    expect(r.claims[0]!.text).toBe('W = \\begin{bmatrix} 1 & 1 & 1 \\\\ 1 & 1 & 1 \\\\ 1 & 1 & 1 \\end{bmatrix}');
  });
  it('`$$= \\overline{c^{(t)}} i^{(t)}$$` continues ḡ across blank lines', () => {
    const c = r.claims.find((x) => x.text.startsWith('\\overline{g^{(t)}}'))!;
    expect(c.displays).toHaveLength(2);
    expect(c.text.endsWith('= \\overline{c^{(t)}} i^{(t)}')).toBe(true);
  });
});

describe('reader details', () => {
  const NET = (T: number) => `\`\`\`rnn\nT = ${T}\nparam w = 1\nh_0 = 0\nh_t = w h_{t-1} + 1\n\`\`\`\n`;

  it('a continuation never reaches back into another network', () => {
    const r = reading(`${NET(2)}\n$$ h_1 = 1 $$\n\n${NET(3)}\n$$ = 1 $$\n`)!;
    expect(r.networks).toBe(2);
    expect(r.claims.map((c) => [c.displays, c.text])).toEqual([
      [[0], 'h_1 = 1'],
      [[1], '= 1'],
    ]);
  });

  it('rnn blocks without T add to the network before; equations before the first block belong to it', () => {
    const r = reading(`$$ h_1 = 1 $$\n\n${NET(2)}\n\`\`\`rnn\nloss L = h_T\n\`\`\`\n\n$$ L = 2 $$\n`)!;
    expect(r.networks).toBe(1);
    expect(r.equations.map((e) => e.network)).toEqual([0, 0]);
  });

  it("labels: (a) only after \\quad, so σ'(z) stays an argument; \\tag* and a trailing comma", () => {
    const r = reading(`${NET(2)}\n$$ h_1 = w \\quad (a) $$\n\n$$ h_1 = \\sigma' (z) $$\n\n$$ h_2 = 2, \\tag*{ii} $$\n`)!;
    expect(r.equations.map((e) => e.tag)).toEqual(['a', null, 'ii']);
    expect(r.claims.map((c) => c.text)).toEqual(['h_1 = w', "h_1 = \\sigma' (z)", 'h_2 = 2']);
  });

  it('a display in a list item and in a block quote keeps its own columns', () => {
    const text = `${NET(2)}\n1. first\n\n   $$ h_1 = 1 $$\n\n> $$ h_2 = 2 $$\n`;
    const r = readSolutionRanges(text);
    expect(r).toEqual([
      { line: 10, column: 4 },
      { line: 12, column: 3 },
    ]);
  });
});

function readSolutionRanges(text: string) {
  return readSolution(text, 'markdown')!.equations.map((e) => ({ line: e.range.line, column: e.range.column }));
}
