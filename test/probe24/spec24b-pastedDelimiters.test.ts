// A student copies a display with its delimiters onto a check line of a .rnn file: `check $$\frac{∂L}{∂o_3} = …$$`,
// `check \[ … \]`, `check \boxed{… = …}`. Two gaps: the CLI sniffed a .rnn file holding `$$` as a Markdown solution
// and refused it whole ("x.rnn is not a solution: it has no ```rnn block and no x.rnn beside it", exit 2) — the
// sniffing of spec24 is for other extensions (.txt) only — and the lexer gave "unexpected character '$'" four times,
// "unknown LaTeX command \[", "unknown LaTeX command \boxed". Math shifts and display delimiters are layout on a
// check line (LANGUAGE.md §1: layout changes nothing), and \boxed is transparent, as a solution's reader reads them.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { analyze } from '../../src/analysis';
import { SIGMA_NET } from './spec24b-network';
import { bundleCli } from '../cliBundle';

vi.setConfig({ testTimeout: 60_000 });

const NET = SIGMA_NET;

const PASTED = [
  String.raw`check $$\frac{\partial L}{\partial o_3} = -2(y_3 - o_3)$$`,
  String.raw`check $\frac{\partial L}{\partial o_3} = -2(y_3 - o_3)$`,
  String.raw`check \[ \frac{\partial L}{\partial o_3} = -2(y_3 - o_3) \]`,
  String.raw`check \( \frac{\partial L}{\partial o_3} = -2(y_3 - o_3) \)`,
  String.raw`check \boxed{\frac{\partial L}{\partial o_3} = -2(y_3 - o_3)}`,
  String.raw`check $$\frac{\partial L}{\partial o_3} = 2(y_3 - o_3)$$`,
];

let dir = '';
let cli = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'spec24b-'));
  cli = await bundleCli(dir);
  writeFileSync(join(dir, 'pasted.rnn'), `${NET}\n${PASTED.join('\n')}\n`);
});

describe('a display pasted with its delimiters onto a check line', () => {
  it('analyze(): each reads, the right ones hold, the wrong sign fails by name', () => {
    const r = analyze(`${NET}\n${PASTED.join('\n')}`);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds', 'holds', 'holds', 'holds', 'fails']);
    expect(r.checks[5]!.message).toMatch(/opposite sign/);
  });

  it('the CLI reads a .rnn file holding $$ as a network, not as a solution', () => {
    const run = spawnSync(process.execPath, [cli, 'check', 'pasted.rnn', '--json'], { encoding: 'utf8', cwd: dir });
    expect(run.status).toBe(1);
    const out = JSON.parse(run.stdout) as { checks: { status: string }[] };
    expect(out.checks.map((c) => c.status)).toEqual(['holds', 'holds', 'holds', 'holds', 'holds', 'fails']);
  });
});
