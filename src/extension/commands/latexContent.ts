// LaTeX that "Copy LaTeX" puts on the clipboard, ready to paste into a written solution.
// Pure (no 'vscode').

import type { CheckReport, DeriveReport, DeriveResult, Report } from '../../report';
import { textToLatex, valueLatex } from '../shared/format';

/**
 * One derive as LaTeX: per result (one per step with a free t), each distinct symbolic form
 * (chain rule, explicit, δ-recursion) as its own block, headed by a comment; forms that are bare
 * right-hand sides get the query and the number around them. Without forms, the combined LaTeX.
 */
export function deriveLatex(d: DeriveReport, digits: number, maxResults = Infinity): string {
  if (d.general) return generalLatex(d, digits, maxResults);
  const blocks = d.results.slice(0, maxResults).map((r) => resultLatex(d, r, digits));
  const more = d.results.length - blocks.length;
  // a limit left out some steps' forms: said once, before the steps (LaTeX comment)
  if (d.generalOmitted) blocks.unshift(`% ${oneLine(d.query)} (line ${d.line}): ${d.generalOmitted}`);
  if (more > 0)
    blocks.push(`% … ${more} more ${more === 1 ? 'step' : 'steps'}: "Unroll: Copy Derivation as LaTeX" on line ${d.line} copies them all`);
  return blocks.join('\n\n');
}

/**
 * A free-t derive written once for a general step t (LANGUAGE.md §5), as `unroll latex` writes it: each run
 * of steps sharing one form (a boundary step on its own), then the values at every step (at most maxResults).
 */
function generalLatex(d: DeriveReport, digits: number, maxResults: number): string {
  const head = `% ${oneLine(d.query)} (line ${d.line})`;
  const forms = d.general!.map((g) => `${head}, ${g.from === g.to ? `t = ${g.from}` : `t = ${g.from}..${g.to}`}\n${g.latex}`);
  const shown = d.results.slice(0, maxResults);
  const values = shown.map((r) => `t = ${r.t}\\colon\\ ${valueLatex(r.value, digits)}`).join(', \\quad ');
  const more = d.results.length - shown.length;
  const rest =
    more > 0
      ? `\n% … ${more} more ${more === 1 ? 'step' : 'steps'}: "Unroll: Copy Derivation as LaTeX" on line ${d.line} copies them all`
      : '';
  return [...forms, `${head}, values\n${values}${rest}`].join('\n\n');
}

function resultLatex(d: DeriveReport, r: DeriveResult, digits: number): string {
  const header = `% ${oneLine(d.query)}${r.t !== null ? ` at t = ${r.t}` : ''} (line ${d.line})`;
  const forms: [string, string][] = [];
  for (const [label, f] of [
    ['chain rule', r.forms?.chain],
    ['chain rule, factored', r.forms?.factored],
    ['explicit', r.forms?.explicit],
    ['δ-recursion', r.forms?.recursive],
  ] as const) {
    if (f?.latex && !forms.some(([, l]) => l === f.latex)) forms.push([label, f.latex]);
  }
  if (forms.length === 0) return `${header}\n${r.latex}`;
  const lhs = r.t !== null ? `${d.queryLatex || textToLatex(d.query)} \\Big|_{t=${r.t}}` : d.queryLatex || textToLatex(d.query);
  const value = r.exact ? exactLatex(r.exact) : valueLatex(r.value, digits);
  return forms
    .map(([label, latex]) => {
      // a complete form (its own aligned block, or already an equation) is copied as it is
      const complete = /\\begin\{aligned\}|&=/.test(latex) || /(^|[^<>])=(?!=)/.test(latex);
      const body = complete ? latex : `\\begin{aligned}\n${lhs} &= ${latex} \\\\\n &= ${value}\n\\end{aligned}`;
      return `${header}, ${label}\n${body}`;
    })
    .join('\n\n');
}

function exactLatex(exact: string): string {
  const m = /^(-?)(\d+)\/(\d+)$/.exec(exact.trim());
  return m ? `${m[1]}\\frac{${m[2]}}{${m[3]}}` : exact;
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ');
}

/** A check as LaTeX: its equation, and the verdict as a comment. */
export function checkLatex(c: CheckReport): string {
  // each status its own words (holds-as-one-step was "holds only for the given values")
  const verdict = {
    holds: 'holds',
    fails: 'fails',
    'holds-at-given-values': 'holds only for the given values',
    'holds-as-one-step': 'holds as a one-step derivative',
  }[c.status];
  return `% check (line ${c.line}): ${verdict}\n${textToLatex(c.equation)}`;
}

/** Every derive of the file, for "Copy Derivation as LaTeX" with nothing under the cursor. */
export function allDerivesLatex(report: Report, digits: number): string {
  return report.derives.map((d) => deriveLatex(d, digits)).join('\n\n');
}
