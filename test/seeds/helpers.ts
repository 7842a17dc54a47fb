// Shared helpers for the seed tests: each seed's display equations, pasted into `check` lines under a
// network block in the seed's own notation (fixtures/seedNNN.rnn), and the seed as it stands with a
// network block (examples/solutions/*.md), must get the verdict a teacher would give.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { analyze } from '../../src/analysis';
import type { CheckReport, CheckStatus, Report } from '../../src/report';
import { analyzeSolution, type EquationResult, type SolutionReport } from '../../src/solution';

export function fixture(name: string): string {
  return readFileSync(join(__dirname, 'fixtures', name), 'utf8');
}

export function solution(name: string): string {
  return readFileSync(join(__dirname, '..', '..', 'examples', 'solutions', name), 'utf8');
}

export function analyzeFixture(name: string): Report {
  return analyze(fixture(name));
}

/** a seed solution as it stands; a .tex one with its sidecar NAME.rnn beside it */
export function analyzeSeedSolution(name: string): SolutionReport {
  const sidecar = name.replace(/\.tex$/, '.rnn');
  const path = join(__dirname, '..', '..', 'examples', 'solutions', sidecar);
  const kind = name.endsWith('.tex') ? 'latex' : 'markdown';
  return analyzeSolution(solution(name), kind, { sidecar: kind === 'latex' && existsSync(path) ? readFileSync(path, 'utf8') : null });
}

/** the links of the check labelled `tag` (\tag{…} in a fixture); at least one must exist */
export function linksOf(report: Report, tag: string): CheckReport[] {
  const links = report.checks.filter((c) => c.tag === tag);
  expect(links.length, `a check tagged (${tag})`).toBeGreaterThan(0);
  return links;
}

/** the worst status of a check's links: fails > holds-at-given-values > holds-as-one-step > holds */
export function worst(links: { status: CheckStatus }[]): CheckStatus {
  const order: CheckStatus[] = ['holds', 'holds-as-one-step', 'holds-at-given-values', 'fails'];
  return links.map((l) => l.status).reduce((a, b) => (order.indexOf(a) >= order.indexOf(b) ? a : b));
}

/** every link of the check tagged `tag` has `status` (and, for each regex, a message matching it) */
export function expectTag(report: Report, tag: string, status: CheckStatus, ...messages: RegExp[]): void {
  const links = linksOf(report, tag);
  for (const l of links) {
    expect(l.status, `(${tag}) link ${l.link ?? 1}: ${l.message}`).toBe(status);
    for (const m of messages) expect(l.message, `(${tag})`).toMatch(m);
  }
}

/** the seed solution's equation labelled `tag` (its own "(n)") */
export function equationOf(report: SolutionReport, tag: string): EquationResult {
  const eqs = report.equations.filter((e) => e.tag === tag);
  expect(eqs.length, `one equation labelled (${tag})`).toBe(1);
  return eqs[0]!;
}

/** the seed solution's equation starting on `line` */
export function equationAt(report: SolutionReport, line: number): EquationResult {
  const eq = report.equations.find((e) => e.range.line === line);
  expect(eq, `an equation on line ${line}`).toBeDefined();
  return eq!;
}

/** the 1-based line of the only line of `text` containing `needle` */
export function lineContaining(text: string, needle: string): number {
  const hits = text.split('\n').flatMap((l, i) => (l.includes(needle) ? [i + 1] : []));
  if (hits.length !== 1) throw new Error(`expected one line containing ${JSON.stringify(needle)}, found ${hits.length}`);
  return hits[0]!;
}

/** no error diagnostic other than the ones whose message matches one of `allowed` */
export function expectNoErrorsBut(report: Report, ...allowed: RegExp[]): void {
  const errors = report.diagnostics.filter((d) => d.severity === 'error' && !allowed.some((a) => a.test(d.message)));
  expect(errors.map((d) => `${d.line}: ${d.message}`)).toEqual([]);
}

/** link `link` (1-based) of the check tagged `tag` has `status` and messages matching every regex */
export function expectLink(report: Report, tag: string, link: number, status: CheckStatus, ...messages: RegExp[]): void {
  const l = linksOf(report, tag).find((c) => (c.link ?? 1) === link);
  expect(l, `(${tag}) link ${link}`).toBeDefined();
  expect(l!.status, `(${tag}) link ${link}: ${l!.message}`).toBe(status);
  for (const m of messages) expect(l!.message, `(${tag}) link ${link}`).toMatch(m);
}
