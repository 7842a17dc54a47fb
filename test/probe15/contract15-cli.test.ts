// The command line as LANGUAGE.md §7 states it, one test per promise a test author would write (session 15,
// contract15): --help and -h exit 0 with the usage on stdout; usage errors exit 2; `check` exits 1 when a check
// does not hold (holds-as-one-step included) and 0 when every one holds; the JSON's fields.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bundleCli } from '../cliBundle';

vi.setConfig({ testTimeout: 60_000 });

let dir = '';
let cli = '';
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'contract15-cli-'));
  cli = await bundleCli(dir);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: dir });
const NET = `T = 3
input x = [0.5, -1.0, 2.0]
param w = 0.7
param b : 2 = 0
h_0 = 0
h_t = tanh(w h_{t-1} + x_t)
loss L = Σ_t h_t + sum(b)
`;

describe('unroll --help, -h, --version', () => {
  it('-h is --help: the usage on stdout, exit 0 (was "cannot read -h", exit 2)', () => {
    for (const flag of ['--help', '-h']) {
      const r = run([flag]);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/^usage:\n/);
    }
  });

  it('no argument, an unknown option: exit 2', () => {
    expect(run([]).status).toBe(2);
    expect(run(['check', 'x.rnn', '--bogus']).status).toBe(2);
    expect(run(['missing.rnn']).status).toBe(2);
  });
});

describe('unroll check FILE --json', () => {
  it('exit 0 when every check holds; the fields of §7 (params count, flow norms, t null)', () => {
    const f = join(dir, 'ok.rnn');
    writeFileSync(f, NET + 'derive ∂L/∂w\ncheck ∂L/∂h_3 = 1\n');
    const r = run(['check', f, '--json']);
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.params).toEqual([
      { name: 'w', shape: [], count: 1 },
      { name: 'b', shape: [2], count: 2 },
    ]);
    expect(j.flow.map((x: { name: string; norms: number[] }) => [x.name, x.norms.length])).toEqual([['h', 3]]);
    expect(j.derives[0].results[0].t).toBeNull();
    expect(j.checks[0]).toMatchObject({ line: 9, status: 'holds' });
  });

  it('exit 1 for a check that holds only as a one-step derivative, or fails', () => {
    const f = join(dir, 'onestep.rnn');
    writeFileSync(f, NET + "check ∂h_t/∂w = tanh'(w h_{t-1} + x_t) h_{t-1}\n");
    const r = run(['check', f, '--json']);
    expect(JSON.parse(r.stdout).checks[0].status).toBe('holds-as-one-step');
    expect(r.status).toBe(1);
  });
});

describe('unroll latex FILE', () => {
  it('names the errors as LaTeX comments, rather than printing nothing for a file whose derive cannot be read', () => {
    const f = join(dir, 'bad.rnn');
    writeFileSync(f, 'T = 2\ninput x = [1, 2]\nparam w = 0.5\nh_0 = 0\nh_t = tanh(w h_{t-1} + x_t +)\nloss L = Σ_t h_t\nderive ∂L/∂w\n');
    const r = run(['latex', f]);
    expect(r.stdout.split('\n').slice(0, 2)).toEqual([`% Unroll: derivations of ${f}`, "% error at line 5: expected a value, found ')'"]);
  });

  it('a file without errors is unchanged: no error line', () => {
    const f = join(dir, 'good.rnn');
    writeFileSync(f, NET + 'derive ∂L/∂w\n');
    const r = run(['latex', f]);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(/% error/);
    expect(r.stdout).toMatch(/% line 8: derive ∂L\/∂w/);
  });
});
