// A folder's NAME.rnn beside a solution listed with it is that solution's network: the solution's report reads it,
// its own derive and check lines included ("sidecar": true). Listed again, it was a second file of the folder, "no
// derive or check" in the summary, or its own checks counted twice.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CliFolder } from '../cliBundle';

const at = new CliFolder('unroll-sidecar-');
const run = at.run;

const NET = 'T = 2\nparam w = 0.5\nh_0 = 1\nh_t = w h_{t-1}\nloss L = h_T\n';
const OWN_CHECK = 'check ∂L/∂w = 2 w h_0\n';
const FAILS = 'So\n\n$$\\frac{\\partial L}{\\partial w} = 3 w h_0$$\n';

beforeAll(() => {
  const cls = at.path('class');
  mkdirSync(cls);
  mkdirSync(join(cls, 'sub'));
  // a Markdown solution and a LaTeX one, each with its network (and one own check) beside it
  writeFileSync(join(cls, 'anna.md'), FAILS);
  writeFileSync(join(cls, 'anna.rnn'), NET + OWN_CHECK);
  writeFileSync(join(cls, 'ben.tex'), '\\begin{equation}\\frac{\\partial L}{\\partial w} = 2 w h_0\\end{equation}\n');
  writeFileSync(join(cls, 'ben.rnn'), NET);
  // a network whose namesake is no solution (a script), and one in another folder than its namesake
  writeFileSync(join(cls, 'train.py'), 'print(1)\n');
  writeFileSync(join(cls, 'train.rnn'), NET + OWN_CHECK);
  writeFileSync(join(cls, 'sub', 'anna.rnn'), NET + OWN_CHECK);
});

describe('a folder’s sidecar networks', { timeout: 60_000 }, () => {
  it('are read with their solutions, not listed again', () => {
    const r = run('check', 'class');
    expect(r.status).toBe(1);
    const summary = r.stdout.slice(r.stdout.indexOf('summary of'));
    expect(summary).toMatch(/^summary of 4 files: ✗ 1 fail, ✓ 3 hold/);
    // anna.md's own equation, and its sidecar's check counted once, with it
    expect(summary).toContain(
      "✗ class/anna.md: 1 equation: 1 checked (1 fails), 0 skipped; first failing equation: line 3; the network's own checks: 1 holds",
    );
    expect(summary).toContain('✓ class/ben.tex: 1 equation: 1 checked (1 holds), 0 skipped\n');
    expect(summary).toContain('✓ class/train.rnn: 1 check: 1 holds');
    expect(summary).toContain('✓ class/sub/anna.rnn: 1 check: 1 holds');
    expect(r.stdout).not.toMatch(/class\/anna\.rnn|class\/ben\.rnn/);
  });

  it('--json lists each solution once, its sidecar’s check inside it', () => {
    const files = JSON.parse(run('check', '--json', 'class').stdout) as { file: string; checks: { sidecar?: boolean }[] }[];
    expect(files.map((f) => f.file)).toEqual(['class/anna.md', 'class/ben.tex', 'class/sub/anna.rnn', 'class/train.rnn']);
    expect(files[0]!.checks.filter((c) => c.sidecar)).toHaveLength(1);
  });

  it('a solution whose own equations hold is marked by its network’s failing check, and says why', () => {
    writeFileSync(at.path('class', 'ben.rnn'), NET + 'check ∂L/∂w = 3 w h_0\n');
    const r = run('check', 'class');
    writeFileSync(at.path('class', 'ben.rnn'), NET);
    expect(r.stdout).toContain("✗ class/ben.tex: 1 equation: 1 checked (1 holds), 0 skipped; the network's own checks: 1 fails");
  });

  it('a sidecar named on the command line is still read as the file it is', () => {
    const r = run('check', 'class/anna.rnn');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('class/anna.rnn');
  });
});
