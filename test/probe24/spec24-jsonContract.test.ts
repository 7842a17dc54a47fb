// LANGUAGE.md §7's JSON object read field by field, as a conformance test would: the keys it names, in its order, with
// their types and value ranges, for a .rnn file and for a Markdown solution (`tag`, `link`, `equations`, …). The
// diagnostics of a check verdict and of a solution were built range first (line, column, …, severity, message), so
// one `diagnostics` array mixed two key orders; every diagnostic now prints in §7's (cli-render.ts jsonDiagnostic).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFile } from '../../src/cliFile';

const NET = String.raw`T = 3
input  x : 2 = [[1, 0], [0, 1], [1, 1]]
param  W : 2x2 = [[0.5, -0.3], [0.2, 0.4]]
param  U : 2x2 = [[0.1, 0.2], [0.3, 0.4]]
param  w = 0.7
h_0 = [0, 0]
h_t = tanh(W h_{t-1} + U x_t)
loss L = sum(h_T) + w
`;
const RNN = `${NET}derive ∂L/∂W\nderive ∂L/∂h_t\nderive ∂L/∂w\ncheck ∂L/∂w = 1\ncheck ∂L/∂w = 1 = 2\ncheck ∂L/∂h_3 = [1, 2]\nh = unknown_name\n`;
const MD = [
  '# Sheet',
  '',
  '```rnn',
  NET.trimEnd(),
  '```',
  '',
  '$$\\frac{\\partial L}{\\partial w} = 1 = 2 \\tag{3}$$',
  '',
  '$$ q = 1 $$',
  '',
].join('\n');

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'spec24-json-'));
  writeFileSync(join(dir, 'net.rnn'), RNN);
  writeFileSync(join(dir, 'sheet.md'), MD);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Obj = Record<string, unknown>;
const json = (name: string) => runFile(join(dir, name), 'check', true, false).json as Obj;
const DIAG_KEYS = ['severity', 'message', 'line', 'column', 'endLine', 'endColumn'];
const STATUSES = ['holds', 'fails', 'holds-at-given-values', 'holds-as-one-step'];

function expectContract(j: Obj, T: number): void {
  expect(Object.keys(j).slice(0, 6)).toEqual(['file', 'diagnostics', 'derives', 'checks', 'params', 'flow']);
  for (const d of j.diagnostics as Obj[]) {
    expect(Object.keys(d).slice(0, 6), String(d.message)).toEqual(DIAG_KEYS);
    expect(['error', 'warning', 'information', 'hint']).toContain(d.severity);
    for (const k of ['line', 'column', 'endLine', 'endColumn']) {
      expect(Number.isInteger(d[k])).toBe(true);
      expect(d[k] as number).toBeGreaterThanOrEqual(1);
    }
    expect((d.endLine as number) > (d.line as number) || (d.endColumn as number) >= (d.column as number)).toBe(true);
  }
  for (const d of j.derives as Obj[]) {
    expect(Object.keys(d).slice(0, 2)).toEqual(['line', 'query']);
    for (const r of d.results as Obj[]) {
      expect(Object.keys(r).slice(0, 4)).toEqual(['t', 'value', 'text', 'latex']);
      expect(r.t === null || Number.isInteger(r.t)).toBe(true);
      expect(typeof r.text).toBe('string');
      expect(typeof r.latex).toBe('string');
    }
  }
  for (const c of j.checks as Obj[]) {
    expect(Number.isInteger(c.line)).toBe(true);
    expect(STATUSES).toContain(c.status);
    expect(typeof c.message).toBe('string');
  }
  for (const p of j.params as Obj[]) {
    expect(Object.keys(p).slice(0, 3)).toEqual(['name', 'shape', 'count']);
    expect((p.shape as number[]).reduce((a, b) => a * b, 1)).toBe(p.count);
  }
  for (const f of j.flow as Obj[]) {
    expect(Object.keys(f).slice(0, 2)).toEqual(['name', 'norms']);
    expect(f.norms as number[]).toHaveLength(T);
    for (const n of f.norms as number[]) expect(n).toBeGreaterThanOrEqual(0);
  }
}

describe('§7 field by field', () => {
  it('a .rnn file: every key in its place, verdicts among the diagnostics in the same key order', () => {
    const j = json('net.rnn');
    expectContract(j, 3);
    const derives = j.derives as { query: string; results: { t: number | null; value: unknown }[] }[];
    expect(derives.map((d) => d.query)).toEqual(['∂L/∂W', '∂L/∂h_t', '∂L/∂w']);
    // a matrix is an array of rows, a vector an array, a scalar a number; t null without a free step
    expect(derives[0]!.results[0]!.t).toBeNull();
    expect(derives[0]!.results[0]!.value).toEqual([expect.any(Array), expect.any(Array)]);
    expect(derives[1]!.results.map((r) => r.t)).toEqual([1, 2, 3]);
    expect(derives[1]!.results[2]!.value).toEqual([1, 1]);
    expect(derives[2]!.results[0]!.value).toBe(1);
    const checks = j.checks as { status: string; link?: number }[];
    expect(checks.map((c) => c.status)).toEqual(['holds', 'holds', 'fails', 'fails']);
    expect(checks.map((c) => c.link)).toEqual([undefined, 1, 2, undefined]);
    expect(j.params).toEqual([
      { name: 'W', shape: [2, 2], count: 4 },
      { name: 'U', shape: [2, 2], count: 4 },
      { name: 'w', shape: [], count: 1 },
    ]);
    expect((j.flow as { name: string }[]).map((f) => f.name)).toEqual(['h']);
    const sev = (j.diagnostics as Obj[]).map((d) => d.severity);
    expect(sev.filter((s) => s === 'error').length).toBeGreaterThanOrEqual(3);
  });

  it('a Markdown solution: the same keys, then every check with tag and link, and the equations', () => {
    const j = json('sheet.md');
    expectContract(j, 3);
    expect(Object.keys(j)).toEqual([
      'file',
      'diagnostics',
      'derives',
      'checks',
      'params',
      'flow',
      'equations',
      'checked',
      'skipped',
      'networks',
    ]);
    const checks = j.checks as { line: number; status: string; tag: string | null; link: number }[];
    expect(checks.map((c) => [c.line, c.status, c.tag, c.link])).toEqual([
      [14, 'holds', '3', 1],
      [14, 'fails', '3', 2],
    ]);
    expect(j.checked).toBe(1);
    expect(j.skipped).toBe(1);
    const skipped = (j.diagnostics as Obj[]).find((d) => d.severity === 'information');
    expect(skipped?.message).toMatch(/^not checked: /);
  });
});
