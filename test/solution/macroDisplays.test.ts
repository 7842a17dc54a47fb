// A solution's macros as a Markdown solution defines them — in a display, since Markdown has no preamble — and macros
// that never end (session 29: `\newcommand{\a}{\a}` crashed the reader with "Maximum call stack size exceeded").
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution/index';
import { expandMacro, readMacros } from '../../src/solution/macros';
import { SHEET7_BLOCK } from './helpers';

const FAST = { draws: 2, graph: false, symbolic: false };
const solve = (math: string[]) =>
  analyzeSolution(`${SHEET7_BLOCK}\n${math.map((m) => `$$${m}$$`).join('\n\n')}\n`, 'markdown', { analyze: FAST });

describe('macros defined in a display', () => {
  it('a display of definitions is no equation: skipped saying what it defines; the equations after it use them', () => {
    const sol = solve([
      '\\newcommand{\\pd}[2]{\\frac{\\partial #1}{\\partial #2}} \\def\\L{\\mathcal{L}}',
      '\\pd{\\L}{y_3} = -2(t_3 - y_3)',
      '\\newcommand{\\Why}{W_{hy}} \\pd{y_3}{h_3} = y_3 (1 - y_3) \\Why',
    ]);
    expect(sol.equations.map((e) => e.status)).toEqual(['skipped', 'holds', 'holds']);
    expect(sol.equations[0]!.message).toBe('not checked: it defines \\pd, \\L for the equations that use them: no equation to check');
  });

  it('a macro defined by itself, or two by each other, is named, never a crash', () => {
    const sol = solve(['\\newcommand{\\rec}{\\rec} \\rec = 1', '\\newcommand{\\a}{\\b}\\newcommand{\\b}{\\a} y_3 = \\a']);
    expect(sol.equations.map((e) => e.status)).toEqual(['skipped', 'skipped']);
    expect(sol.equations[0]!.message).toMatch(/unknown LaTeX command \\rec/);
  });

  it('a use that would expand past its limit is left unexpanded', () => {
    const text = '\\newcommand{\\x}[1]{#1#1#1#1#1#1#1#1} ' + '\\x{'.repeat(9) + '1' + '}'.repeat(9);
    const at = text.indexOf('\\x{');
    expect(expandMacro(text, readMacros(text), 'x', at, at + 2, text.length)).toBeNull();
  });
});

describe('the other ways a preamble defines a macro (session 30: each use was "unknown LaTeX command")', () => {
  const tex = (defs: string, eq: string) =>
    analyzeSolution(`\\documentclass{article}\n${defs}\n\\begin{document}\n\\[ ${eq} \\]\n\\end{document}\n`, 'latex', {
      sidecar: SHEET7_BLOCK.replace(/```(rnn)?\n/g, ''),
      analyze: FAST,
    }).equations[0]!;

  it.each([
    ['\\providecommand{\\T}{3}', '\\frac{\\partial \\mathcal{L}}{\\partial y_\\T} = -2(t_3 - y_3)'],
    ['\\def\\pd#1#2{\\frac{\\partial #1}{\\partial #2}}', '\\pd{\\mathcal{L}}{y_3} = -2(t_3 - y_3)'],
    ['\\let\\del\\partial', '\\frac{\\del \\mathcal{L}}{\\del y_3} = -2(t_3 - y_3)'],
    ['\\let\\del=\\partial', '\\frac{\\del \\mathcal{L}}{\\del y_3} = -2(t_3 - y_3)'],
    ['\\NewDocumentCommand{\\grad}{m m}{\\frac{\\partial #1}{\\partial #2}}', '\\grad{\\mathcal{L}}{y_3} = -2(t_3 - y_3)'],
    ['\\newcommand{\\pdd}[3][]{\\frac{\\partial^{#1} #2}{\\partial #3}}', '\\pdd{\\mathcal{L}}{y_3} = -2(t_3 - y_3)'],
  ])('%s', (defs, eq) => {
    expect(tex(defs, eq)).toMatchObject({ status: 'holds' });
  });

  it("an optional argument given in brackets replaces its default, and is the file's own text", () => {
    const eq = tex('\\newcommand{\\pdd}[3][]{\\frac{\\partial^{#1} #2}{\\partial #3}}', '\\pdd[2]{\\mathcal{L}}{y_3} = 2');
    expect(eq.status).toBe('skipped');
    expect(eq.message).toMatch(/second and higher derivatives/);
  });

  it('a \\NewDocumentCommand with an argument other than m is not read (its use is named)', () => {
    const eq = tex('\\NewDocumentCommand{\\grad}{o m}{\\frac{\\partial #2}{\\partial y_3}}', '\\grad{\\mathcal{L}} = 1');
    expect(eq.message).toMatch(/unknown LaTeX command \\grad/);
  });
});
