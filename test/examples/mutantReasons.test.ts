// Every holding check of the examples and every holding equation of the example solutions, with one slip a student
// makes put into its right side (a step moved, σ' for tanh', W_hh for W_xh, a + turned): each failing mutant's
// message must say why, not only the two values. Session 53 found 17 of 71 without a reason this way, and four
// hints came of it; this keeps the examples' mutants all explained.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/index';
import { analyzeSolution } from '../../src/solution';

const DIR = join(__dirname, '../../examples');

/** one slip, put in at the first place the right side allows it */
const SLIPS: [RegExp, string][] = [
  [/t-1/, 't'],
  [/t-1/, 't-2'],
  [/t\+1/, 't'],
  [/σ'/, 'σ'],
  [/\\sigma'/, "\\tanh'"],
  [/\\tanh'/, "\\sigma'"],
  [/W_\{?hh\}?/, 'W_xh'],
  [/W_\{?xh\}?/, 'W_hh'],
  [/ \+ /, ' - '],
];

/** a failing message that stops at the two values it compares: no reason given */
const unexplained = (m: string) => /difference [^)]*\)\.?$/.test(m);

/** the line's right side (after its first =) with each slip, where the slip changes it */
function mutants(line: string): string[] {
  const eq = line.indexOf('=');
  const rhs = line.slice(eq + 1);
  return SLIPS.map(([re, to]) => rhs.replace(re, to))
    .filter((r) => r !== rhs)
    .map((r) => line.slice(0, eq + 1) + r);
}

describe('one slip in a holding check of the examples', () => {
  it('every .rnn example’s failing mutant says why', () => {
    const silent: string[] = [];
    let failing = 0;
    for (const f of readdirSync(DIR).filter((x) => x.endsWith('.rnn'))) {
      const text = readFileSync(join(DIR, f), 'utf8');
      const lines = text.split('\n');
      for (const c of analyze(text, { graph: false }).checks) {
        const i = c.range.line - 1;
        if (c.status !== 'holds' || !/^check /.test(lines[i]!) || lines[i]!.split('=').length !== 2) continue;
        for (const m of mutants(lines[i]!)) {
          const edited = lines.map((l, k) => (k === i ? m : l)).join('\n');
          const c2 = analyze(edited, { graph: false }).checks.find((q) => q.range.line === c.range.line);
          if (c2?.status !== 'fails') continue;
          failing++;
          if (unexplained(c2.message)) silent.push(`${f}: ${m}`);
        }
      }
    }
    expect(failing).toBeGreaterThan(20);
    expect(silent).toEqual([]);
  }, 120_000);

  it('every example solution’s failing mutant says why', () => {
    const silent: string[] = [];
    let failing = 0;
    const dir = join(DIR, 'solutions');
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.md'))) {
      const text = readFileSync(join(dir, f), 'utf8');
      const lines = text.split('\n');
      for (const e of analyzeSolution(text, 'markdown', { sidecar: null }).equations) {
        if (e.status !== 'holds') continue;
        let i = -1;
        for (let k = e.range.line - 1; k <= e.range.endLine - 1 && i < 0; k++) if (lines[k]?.includes('=')) i = k;
        if (i < 0) continue;
        for (const m of mutants(lines[i]!)) {
          const edited = lines.map((l, k) => (k === i ? m : l)).join('\n');
          const e2 = analyzeSolution(edited, 'markdown', { sidecar: null }).equations.find((q) => q.range.line === e.range.line);
          if (e2?.status !== 'fails') continue;
          failing++;
          if (unexplained(e2.message ?? '')) silent.push(`${f}: ${m}`);
        }
      }
    }
    expect(failing).toBeGreaterThan(40);
    expect(silent).toEqual([]);
  }, 240_000);
});
