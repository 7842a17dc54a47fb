// LANGUAGE.md §8: claims are checked by analyze() and every verdict, diagnostic and range lands on
// the solution file's own lines and columns — the failing link's own right side, even when the
// equation is folded from several lines or several displays.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution/index';
import { SHEET, SHEET7_BLOCK, slice } from './helpers';

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
const FAST = { draws: 2, graph: false, symbolic: false };

describe("verdicts at the file's own places", () => {
  const text = SHEET;
  const sol = analyzeSolution(text, 'markdown', { analyze: FAST });
  const byTag = (tag: string) => sol.equations.find((e) => e.tag === tag)!;

  it('one network, its report from the block; every equation in file order', () => {
    expect(sol.networks).toHaveLength(1);
    expect(sol.networks[0]!.range).toMatchObject({ line: 3, endLine: 17 });
    expect(sol.networks[0]!.report.T).toBe(3);
    expect(sol.equations.map((e) => e.range.line)).toEqual([21, 23, 26, 28, 30, 32, 34, 42, 44]);
  });

  it('a claim that holds, and one that fails with the error on its right side', () => {
    expect(byTag('1')).toMatchObject({ status: 'holds', network: 0 });
    const two = byTag('2');
    expect(two.status).toBe('fails');
    expect(two.message).toMatch(/^fails: the left side is -?\d/);
    const err = sol.diagnostics.find((d) => d.severity === 'error')!;
    expect(err).toMatchObject({ line: 23, code: 'check-fails', message: two.message });
    expect(slice(text, err)).toBe('2(t_3 - y_3)');
    expect(two.checks[0]).toMatchObject({ line: 23, link: 1, tag: '2', status: 'fails' });
  });

  it("seed 001 eq. (17) written with \\frac and σ' holds at every step", () => {
    expect(byTag('17').status).toBe('holds');
    expect(byTag('17').message).toMatch(/^holds for t = 1\.\.3/);
  });

  it('`+ …` displays continue the last side: 𝓛 = A + B + C holds, and each display shows it', () => {
    const [a, b, c] = [sol.equations[3]!, sol.equations[4]!, sol.equations[5]!];
    for (const e of [a, b, c]) expect(e.status).toBe('holds');
    expect(a.checks[0]).toBe(c.checks[0]);
    const link = a.checks[0]!;
    expect(link.tag).toBe('6');
    // the right side runs from the first display to the third
    expect(link.range).toMatchObject({ line: 28, endLine: 32 });
    expect(norm(slice(text, link.range))).toBe('(t_1 - y_1)^2$$ $$+ (t_2 - y_2)^2$$ $$+ (t_3 - y_3)^2');
  });

  it('an aligned equation over several lines: its verdict on its right side, lines and columns of the file', () => {
    const e = sol.equations[6]!;
    expect(e.status).toBe('fails');
    const d = sol.diagnostics.find((x) => x.line === 37 && x.severity === 'error')!;
    expect(d).toMatchObject({ line: 37, column: 6, endLine: 38, endColumn: 9 });
    expect(norm(slice(text, d))).toBe('2(t_2 - y_2)');
  });

  it('what does not read is skipped with an information diagnostic saying why', () => {
    const q = sol.equations[7]!;
    expect(q.status).toBe('skipped');
    expect(q.message).toMatch(/^not checked: unknown name Q/);
    expect(sol.diagnostics.find((d) => d.line === 42)).toMatchObject({
      severity: 'information',
      code: 'solution-skipped',
      column: 1,
      endColumn: 24,
    });
    // no error survives from the skipped claim
    expect(sol.diagnostics.filter((d) => d.line === 42)).toHaveLength(1);
  });

  it("an equation restating the network's definition (with a trailing comma) holds", () => {
    expect(sol.equations[8]!.status).toBe('holds');
  });

  it('counts: checked and skipped', () => {
    expect(sol.checked).toBe(8);
    expect(sol.skipped).toBe(1);
  });

  it("the network's own report is in file coordinates: symbols, quantities, loss", () => {
    const r = sol.networks[0]!.report;
    const decl = r.symbols.find((s) => s.name === 'W_hh' && s.role === 'declaration')!;
    expect(decl.line).toBe(8);
    expect(slice(text, decl)).toBe('W_hh');
    expect(r.quantities.find((q) => q.name === 'h')!.line).toBe(13);
    expect(r.loss!.line).toBe(16);
    // its checks are the claims' links, on the file's lines
    expect(r.checks.map((c) => c.line)).toEqual([21, 23, 26, 28, 37, 44]);
  });
});

describe('the network block', () => {
  it('an error in the block is reported at its own line in the file', () => {
    const text = '# x\n\n```rnn\nT = 2\nparam w = 0.5\nh_0 = 0\nh_t = w h_{t-1} + q\n```\n\n$$ h_1 = 0 $$\n';
    const sol = analyzeSolution(text, 'markdown', { analyze: FAST });
    const d = sol.diagnostics.find((x) => x.severity === 'error')!;
    expect(d.line).toBe(7);
    expect(slice(text, d)).toBe('q');
  });

  it("the block's own derive lines are answered too", () => {
    const text = '```rnn\nT = 2\nparam w = 0.5\nh_0 = 1\nh_t = w h_{t-1}\nloss L = h_T\nderive ∂L/∂w\n```\n';
    const sol = analyzeSolution(text, 'markdown', { analyze: FAST });
    expect(sol.networks[0]!.report.derives[0]).toMatchObject({ line: 7, query: '∂L/∂w' });
    // L = w² h_0: ∂L/∂w = 2w = 1
    expect(sol.networks[0]!.report.derives[0]!.results[0]!.value).toBeCloseTo(1, 12);
  });

  it('a sidecar network keeps its own lines; its problems are named at the top of the solution', () => {
    const sidecar = 'T = 2\nparam w = 0.5\nh_0 = 0\nh_t = w h_{t-1} + zz\n';
    const sol = analyzeSolution('\\begin{document}\n\\[ h_1 = 0 \\]\n\\end{document}\n', 'latex', { sidecar, analyze: FAST });
    expect(sol.networks[0]!.range).toBeNull();
    const d = sol.diagnostics.find((x) => x.severity === 'error')!;
    expect(d).toMatchObject({ line: 1, column: 1 });
    expect(d.message).toMatch(/^in the sidecar \.rnn, line 4: unknown name zz/);
  });
});

describe('ranges map back under any layout (property)', () => {
  it('the failing right side, folded from random spaces and line breaks, is found where it is written', () => {
    const space = fc.constantFrom(' ', '  ', '\n', ' \n  ', '\t');
    fc.assert(
      fc.property(fc.array(space, { minLength: 6, maxLength: 6 }), (ws) => {
        const parts = ['\\frac{\\partial \\mathcal{L}}{\\partial y_3}', '=', '2(t_3', '-', 'y_3)'];
        const math = ws[0] + parts.map((p, i) => p + ws[i + 1]).join('');
        const text = `${SHEET7_BLOCK}\nSome prose.\n\n$$${math}$$\n`;
        const sol = analyzeSolution(text, 'markdown', { analyze: { draws: 0, graph: false, symbolic: false } });
        const d = sol.diagnostics.find((x) => x.code === 'check-fails');
        expect(d).toBeDefined();
        expect(norm(slice(text, d!))).toBe('2(t_3 - y_3)');
        expect(sol.equations[0]!.range.line).toBe(19);
      }),
      { numRuns: 25 },
    );
  });
});

describe('a chain with one unreadable link', () => {
  // seed 001 eq. (1): h_t = σ(h̃_t) = σ(…) under a network that does not define h̃ — the first link does
  // not read (information, never an error), the second is still judged
  const text = `${SHEET7_BLOCK}

$$h_t = \\sigma(\\tilde{h}_t) = \\sigma(W_{xh}x_t + W_{hh}h_{t-1} + b_h) \\tag{1}$$
`;
  const sol = analyzeSolution(text, 'markdown', { analyze: FAST });

  it('the unreadable link is information, the readable one holds', () => {
    expect(sol.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const info = sol.diagnostics.find((d) => d.severity === 'information' && /h̃/.test(d.message));
    // the link it stops is named (session 47: an unnamed "not checked" beside "✓ holds" read as the whole chain holding)
    expect(info?.message).toMatch(/^link 1 not checked: unknown name h̃/);
    const eq = sol.equations.find((e) => e.tag === '1')!;
    expect(eq.checks.map((c) => [c.link, c.status])).toEqual([[2, 'holds']]);
    expect(eq.linksNotChecked?.map((l) => [l.link, l.message])).toEqual([[1, expect.stringMatching(/^not checked: unknown name h̃/)]]);
  });
});
