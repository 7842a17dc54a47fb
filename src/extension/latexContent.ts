// LaTeX that "Copy LaTeX" puts on the clipboard, ready to paste into a written solution.
// Pure (no 'vscode').

import type { CheckReport, DeriveReport, DeriveResult, Report } from '../report';
import { textToLatex, valueLatex } from './format';

/**
 * One derive as an aligned block: the query, then its chain-rule, explicit and δ-recursion forms
 * and its number, one `&=` line each (forms that are identical are written once).
 */
export function deriveLatex(d: DeriveReport, digits: number): string {
  const blocks = d.results.map((r) => resultLatex(d, r, digits));
  return blocks.join('\n\n');
}

function resultLatex(d: DeriveReport, r: DeriveResult, digits: number): string {
  const lhs = r.t !== null ? `${d.queryLatex || textToLatex(d.query)} \\Big|_{t=${r.t}}` : d.queryLatex || textToLatex(d.query);
  const rhs: string[] = [];
  const push = (s: string | undefined): void => {
    if (s && !rhs.includes(s)) rhs.push(s);
  };
  push(r.forms?.chain?.latex);
  push(r.forms?.explicit?.latex);
  push(r.forms?.recursive?.latex);
  if (rhs.length === 0) {
    // only the combined form: it may already read "query = value"
    return `% ${oneLine(d.query)}${r.t !== null ? ` at t = ${r.t}` : ''} (line ${d.line})\n${r.latex}`;
  }
  push(r.exact ? exactLatex(r.exact) : valueLatex(r.value, digits));
  const body = rhs.map((x, i) => `${i === 0 ? lhs : ''} &= ${x}`).join(' \\\\\n');
  return `% ${oneLine(d.query)}${r.t !== null ? ` at t = ${r.t}` : ''} (line ${d.line})\n\\begin{aligned}\n${body}\n\\end{aligned}`;
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
  const verdict = c.status === 'holds' ? 'holds' : c.status === 'fails' ? 'fails' : 'holds only for the given values';
  return `% check (line ${c.line}): ${verdict}\n${textToLatex(c.equation)}`;
}

/** Every derive of the file, for "Copy Derivation as LaTeX" with nothing under the cursor. */
export function allDerivesLatex(report: Report, digits: number): string {
  return report.derives.map((d) => deriveLatex(d, digits)).join('\n\n');
}
