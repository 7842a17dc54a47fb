// LANGUAGE.md §8 for LaTeX: display math in the body only, comments and verbatim never read,
// the display environments (starred or not), rows of align/gather, the network from a sidecar.
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution/index';
import { example, reading, slice } from './helpers';

const SIDECAR = `T = 3
input  x = [0.5, -1.0, 2.0]
param  w = 0.8
h_0 = 0
h_t = w h_{t-1} + x_t
loss L = Σ_t h_t
`;

const TEX = String.raw`\documentclass{article}
\newcommand{\half}{$\frac12$} % preamble: $$ h_1 = 99 $$ is never read
\begin{document}
Inline $h_1 = 7$ and \(h_2 = 8\) are prose. A price of 5\% is not a comment.
% a commented display: \[ h_1 = 42 \]
\[ h_1 = 0.5 \] % a comment after the display
\begin{equation}
  h_2 = w h_1 + x_2 \label{eq:h2} \tag{A}
\end{equation}
\begin{equation*}
  h_3 = 0.8 \cdot 0.5 % the step before
    + 2 % the input
\end{equation*}
\begin{align}
  h_1 &= x_1 \nonumber \\
  h_2 &= w h_1 + x_2 \\
      &= w x_1 + x_2
\end{align}
\begin{gather*}
  L = h_1 + h_2 + h_3 \\
  h_3 = 1
\end{gather*}
\begin{eqnarray}
  h_1 &=& x_1
\end{eqnarray}
$$ h_2 = 1 $$
\begin{verbatim}
\[ h_1 = 1000 \]
\end{verbatim}
\begin{lstlisting}
$$ h_2 = 1000 $$
\end{lstlisting}
\begin{equation} h_3 = \text{never closed}

\end{document}
`;

describe('the LaTeX reader', () => {
  const r = reading(TEX, 'latex', SIDECAR)!;

  it('nothing after \\end{document} is read, as TeX reads nothing there (session 29: scratch notes were checked)', () => {
    const after = reading(`${TEX}Scratch: $$ h_1 = 99 $$\n\\[ h_2 = 98 \\]\n`, 'latex', SIDECAR)!;
    expect(after.equations.map((e) => e.line)).toEqual(r.equations.map((e) => e.line));
    expect(after.diagnostics).toEqual(r.diagnostics);
  });

  it('\\iffalse … \\fi is never read, as TeX skips it; its \\else branch and what follows are (session 30)', () => {
    // an Overleaf document comments out an old attempt this way: its stale display was checked and failed
    const body = String.raw`\iffalse
\[ h_1 = 96 \]
\ifx\a\b \[ h_1 = 95 \] \fi
\else
\[ h_1 = x_1 \]
\fi
\[ h_2 = w h_1 + x_2 \]
\ifthenelse{\boolean{x}}{a}{b}
\[ h_1 = 0.5 \]
`;
    const skipped = reading(`\\begin{document}\n${body}\\end{document}\n`, 'latex', SIDECAR)!;
    expect(skipped.claims.map((c) => c.text)).toEqual(['h_1 = x_1', 'h_2 = w h_1 + x_2', 'h_1 = 0.5']);
    expect(skipped.equations.map((e) => e.line)).toEqual([6, 8, 10]);
  });

  it('reads only display math of the body, never comments, the preamble or verbatim', () => {
    expect(r.equations.map((e) => e.line)).toEqual([6, 7, 10, 14, 19, 23, 26]);
    expect(r.claims.map((c) => c.text).join(' | ')).not.toMatch(/42|99|1000|[78]$/);
  });

  it('\\label and \\nonumber are layout, \\tag the label, % comments inside an equation are blanked', () => {
    expect(r.equations[1]!.tag).toBe('A');
    expect(r.claims[1]!.text).toBe('h_2 = w h_1 + x_2');
    expect(r.claims[2]!.text).toBe('h_3 = 0.8 \\cdot 0.5 + 2');
  });

  it('align: a row stating a new equation is its own claim, a row beginning with = continues it', () => {
    const align = r.claims.filter((c) => c.displays[0] === 3);
    expect(align.map((c) => c.text)).toEqual(['h_1 = x_1', 'h_2 = w h_1 + x_2 = w x_1 + x_2']);
    expect(r.claims.filter((c) => c.displays[0] === 4).map((c) => c.text)).toEqual(['L = h_1 + h_2 + h_3', 'h_3 = 1']);
    expect(r.claims.find((c) => c.displays[0] === 5)!.text).toBe('h_1 = x_1');
  });

  it('an environment never closed is a warning at its opening, and the rest still reads', () => {
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ line: 33, column: 1, severity: 'warning' });
    expect(r.diagnostics[0]!.message).toMatch(/never closed/);
  });

  it("verdicts with the sidecar network, on the file's own lines", () => {
    const sol = analyzeSolution(TEX, 'latex', { sidecar: SIDECAR, analyze: { draws: 2, graph: false, symbolic: false } });
    const status = sol.equations.map((e) => e.status);
    // h_1 = 0.5 holds only at the given x; h_2 = w h_1 + x_2 holds; h_3 = 0.8·0.5 + 2 is only these values
    expect(status[0]).toBe('holds-at-given-values');
    expect(status[1]).toBe('holds');
    // the link's range is its right side, between the = and the \label
    const h2 = sol.equations[1]!.checks[0]!;
    expect(h2).toMatchObject({ line: 8, tag: 'A', link: 1 });
    expect(slice(TEX, h2.range)).toBe('w h_1 + x_2');
    // the align's first row (h_1 = x_1 leans on h_0 = 0) is judged on its own, on its own line
    const row = sol.equations[3]!.checks[0]!;
    expect(row).toMatchObject({ line: 15, status: 'holds-at-given-values' });
    expect(slice(TEX, row.range)).toBe('x_1');
    // $$ h_2 = 1 $$ is false at the file's values: an error on "1"
    const err = sol.diagnostics.find((d) => d.code === 'check-fails' && d.line === 26)!;
    expect(slice(TEX, err)).toBe('1');
  });

  it('without a sidecar a .tex file is not a solution', () => {
    expect(reading(TEX, 'latex')).toBeNull();
    expect(analyzeSolution(TEX, 'latex')).toEqual({ networks: [], equations: [], diagnostics: [], checked: 0, skipped: 0 });
  });
});

describe('the LaTeX example: seed 001 with its sidecar', () => {
  const tex = example('001-rnn-three-steps-latex.tex');
  const r = reading(tex, 'latex', example('001-rnn-three-steps-latex.rnn'))!;
  it('the same 38 equations as the Markdown seed, with the same labels and chains', () => {
    const md = reading(example('001-rnn-three-steps.md'))!;
    expect(r.equations.map((e) => e.tag)).toEqual(md.equations.map((e) => e.tag));
    expect(r.claims.map((c) => c.displays)).toEqual(md.claims.map((c) => c.displays));
    expect(r.claims.map((c) => c.text)).toEqual(md.claims.map((c) => c.text));
  });
  it('the commented and verbatim displays are not read', () => {
    expect(r.claims.some((c) => /h_t = 0|x = 1|42/.test(c.text))).toBe(false);
  });
});
