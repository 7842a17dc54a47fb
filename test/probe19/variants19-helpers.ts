// Session 19, variants19: a seed's equations as other students write them (issue 9). Each row is one display
// equation pasted under the seed's network (test/seeds/fixtures, its own check lines left out), judged as a
// Markdown solution ($$ … $$ under a ```rnn block) and as a LaTeX one (\begin{equation} … with a sidecar).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { CheckStatus } from '../../src/report';
import { analyzeSolution, type EquationResult } from '../../src/solution';

export interface Row {
  /** the display equation, as pasted */
  eq: string;
  status: CheckStatus | 'skipped';
  /** what its message must say (the culprit of a mistake, or why it is skipped) */
  says?: RegExp;
}

/** a seed fixture's network: its statements without the check lines (and comments) */
export function network(fixture: string): string {
  const text = readFileSync(join(__dirname, '..', 'seeds', 'fixtures', fixture), 'utf8');
  return text
    .split('\n')
    .filter((l) => !/^\s*(check|derive)\b/.test(l) && !/^\s*#/.test(l))
    .join('\n');
}

/** every row as a $$ display of one Markdown solution */
export function asMarkdown(net: string, rows: Row[]): EquationResult[] {
  const md = ['# Solution', '', '```rnn', net, '```', ''];
  for (const r of rows) md.push('By the chain rule:', '', '$$', r.eq, '$$', '');
  const report = analyzeSolution(md.join('\n'), 'markdown', { sidecar: null });
  expect(report.equations.length).toBe(rows.length);
  return report.equations;
}

/** every row as an equation environment of one LaTeX solution, the network its sidecar */
export function asLatex(net: string, rows: Row[]): EquationResult[] {
  const tex = ['\\documentclass{article}', '\\begin{document}', '\\section*{Solution}'];
  for (const r of rows) tex.push('By the chain rule,', '\\begin{equation}', r.eq, '\\end{equation}');
  tex.push('\\end{document}', '');
  const report = analyzeSolution(tex.join('\n'), 'latex', { sidecar: net });
  expect(report.equations.length).toBe(rows.length);
  return report.equations;
}

/** each equation has its row's verdict and says what the row says */
export function expectRows(rows: Row[], results: EquationResult[]): void {
  rows.forEach((r, i) => {
    const e = results[i]!;
    expect(e.status, `${r.eq}\n  → ${e.message}`).toBe(r.status);
    if (r.says) expect(e.message, r.eq).toMatch(r.says);
  });
}
