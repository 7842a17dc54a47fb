// Goodfellow §10.2.2 as a Markdown solution (fixtures/goodfellow-10.md): the network in an ```rnn block, the
// book's eqs. 10.17–10.28 as display equations ($$…$$, aligned, an align with one \tag per row), and two
// slips. Read through the solution reader and through the CLI's own function, with the same verdicts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFile } from '../../src/cliFile';
import { analyzeSolution } from '../../src/solution';

const FILE = join(__dirname, 'fixtures', 'goodfellow-10.md');
const TEXT = readFileSync(FILE, 'utf8');
const lineOf = (needle: string) => {
  const hits = TEXT.split('\n').flatMap((l, i) => (l.includes(needle) ? [i + 1] : []));
  expect(hits, needle).toHaveLength(1);
  return hits[0]!;
};

describe('Goodfellow §10.2.2 as a Markdown solution', () => {
  const sol = analyzeSolution(TEXT, 'markdown', { sidecar: null });

  it('one network, every display equation checked, none skipped, no error but the two slips', () => {
    expect(sol.networks).toHaveLength(1);
    expect(sol.skipped).toBe(0);
    // equations: the align of 10.22–10.24 is three (since session 48; it was counted as one display)
    expect(sol.checked).toBe(11);
    const errors = sol.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning');
    expect(errors.map((d) => d.line)).toEqual([lineOf('\\tag{S1}'), lineOf('\\tag{S2}')]);
  });

  it("the book's equations hold, the slips fail with the culprit named", () => {
    const byTag = Object.fromEntries(sol.equations.map((e) => [e.tag, e]));
    for (const tag of ['10.17', '10.18', '10.19', '10.21', '10.22', '10.26', '10.28'])
      expect(byTag[tag]!.status, `${tag}: ${byTag[tag]!.message}`).toBe('holds');
    expect(byTag.S1!.status).toBe('fails');
    expect(byTag.S1!.message).toMatch(/leaves out the path through a_\{t\+1\}/);
    expect(byTag.S2!.status).toBe('fails');
    expect(byTag.S2!.message).toMatch(/h_t should be h_\{t-1\}: with that step the check holds/);
  });

  it("each claim is mapped to its own line: a chain's links to their right sides, an align's rows to their own \\tag", () => {
    const checks = sol.networks[0]!.report.checks;
    const at = (tag: string) => checks.filter((c) => c.tag === tag).map((c) => [c.line, c.link, c.status]);
    // (10.21) written over two rows of an aligned: link 1 on the first row, link 2 on the second
    expect(at('10.21')).toEqual([
      [lineOf('&= \\left(\\frac{\\partial \\boldsymbol{h}^{(t+1)}}'), 1, 'holds'],
      [lineOf('&= \\boldsymbol{W}^\\top'), 2, 'holds'],
    ]);
    // the align: three equations, each with its own \tag on its own row
    expect(at('10.22')).toEqual([
      [lineOf('\\tag{10.22}'), 1, 'holds'],
      [lineOf('\\tag{10.22}'), 2, 'holds'],
    ]);
    expect(at('10.23')).toEqual([
      [lineOf('\\tag{10.23}'), 1, 'holds'],
      [lineOf('\\tag{10.23}'), 2, 'holds'],
    ]);
    expect(at('10.24')).toEqual([[lineOf('\\tag{10.24}'), 1, 'holds']]);
    expect(at('S1')).toEqual([[lineOf('\\tag{S1}'), 1, 'fails']]);
    // a failing link is reported on its own right side
    const s2 = sol.diagnostics.find((d) => d.line === lineOf('\\tag{S2}'))!;
    expect(TEXT.split('\n')[s2.line - 1]!.slice(s2.column - 1)).toMatch(/^\\sum_t/);
  });

  it("the CLI's function gives the same verdicts and exits as failing (two slips)", () => {
    const out = runFile(FILE, 'check', true, false);
    expect(out.error).toBeUndefined();
    expect(out.bad).toBe(true);
    const json = out.json as { equations: { tag: string | null; status: string }[]; checked: number; skipped: number };
    expect(json.equations.map((e) => [e.tag, e.status])).toEqual(sol.equations.map((e) => [e.tag, e.status]));
    expect([json.checked, json.skipped]).toEqual([11, 0]);
  });

  it('without the slips, the solution passes the CLI check', () => {
    const clean = TEXT.slice(0, TEXT.indexOf('## Two slips'));
    const s = analyzeSolution(clean, 'markdown', { sidecar: null });
    expect(s.equations.every((e) => e.status === 'holds')).toBe(true);
    expect(s.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});
