// The command line and its JSON as LANGUAGE.md §7 and §8 state them, written blind from the contract (session 17,
// cli17): the shape of `--json` follows the command line (one file: one object; a folder or several files: an
// array, even of one), a folder check always reports its speed, one unreadable file among several does not stop
// the others, and words that look like options or commands are named as such.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bundleCli } from '../cliBundle';

vi.setConfig({ testTimeout: 60_000 });

let dir = '';
let cli = '';
const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: dir });

// a network of the test author's own: a scalar RNN with a tanh state
const NET = `T = 3
input x = [1, -0.5, 2]
param w = 0.5
param u = 0.8
h_0 = 0
h_t = tanh(u h_{t-1} + w x_t)
loss L = Σ_t h_t
`;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cli17-'));
  cli = await bundleCli(dir);
  writeFileSync(join(dir, 'good.rnn'), `${NET}check ∂L/∂h_3 = 1\n`);
  writeFileSync(join(dir, 'bad.rnn'), `${NET}check ∂L/∂h_3 = 2\n`);
  writeFileSync(join(dir, 'notes.md'), '# Notes\n\n$$ a = b $$\n');
  mkdirSync(join(dir, 'one'));
  writeFileSync(join(dir, 'one', 'only.rnn'), `${NET}check ∂L/∂h_3 = 1\n`);
  mkdirSync(join(dir, 'with space'));
  writeFileSync(join(dir, 'with space', 'my sheet.rnn'), `${NET}check ∂L/∂h_3 = 1\n`);
  writeFileSync(join(dir, '-dash.rnn'), `${NET}check ∂L/∂h_3 = 1\n`);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const parse = (s: string) => JSON.parse(s) as unknown;

describe('the shape of --json follows the command line', () => {
  it('one file: one object', () => {
    const r = run('check', 'good.rnn', '--json');
    expect(r.status).toBe(0);
    expect(Array.isArray(parse(r.stdout))).toBe(false);
    expect(parse(r.stdout)).toMatchObject({ file: 'good.rnn', checks: [{ status: 'holds' }] });
  });

  it("a folder holding one file: an array of one (it was that file's object), and the speed on stderr", () => {
    const r = run('check', 'one', '--json');
    expect(r.status).toBe(0);
    const j = parse(r.stdout);
    expect(Array.isArray(j)).toBe(true);
    expect(j).toMatchObject([{ file: 'one/only.rnn', checks: [{ status: 'holds' }] }]);
    expect(r.stderr).toMatch(/^unroll: 1 file in [\d.]+ s: [\d.]+ files\/s on 1 thread\n$/);
  });

  it('several files: an array in the order given', () => {
    const r = run('check', 'good.rnn', 'bad.rnn', '--json');
    expect(r.status).toBe(1);
    expect((parse(r.stdout) as { file: string }[]).map((o) => o.file)).toEqual(['good.rnn', 'bad.rnn']);
  });
});

describe('one file that cannot be read among several', () => {
  it('check --json: its entry is { file, error }, the others are checked, exit 2 (it printed nothing)', () => {
    const r = run('check', 'good.rnn', 'notes.md', 'bad.rnn', '--json');
    expect(r.status).toBe(2);
    const j = parse(r.stdout) as { file: string; error?: string; checks?: { status: string }[] }[];
    expect(j.map((o) => o.file)).toEqual(['good.rnn', 'notes.md', 'bad.rnn']);
    expect(j[1]!.error).toMatch(/notes\.md is not a solution: it has no ```rnn block and no notes\.rnn beside it/);
    expect(j[2]!.checks!.map((c) => c.status)).toEqual(['fails']);
    expect(r.stderr).toContain('unroll: notes.md is not a solution');
  });

  it('readable text: the files after it are still printed (it stopped at it)', () => {
    const r = run('good.rnn', 'notes.md', 'bad.rnn');
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('good.rnn');
    expect(r.stdout).toContain('bad.rnn');
    expect(r.stderr).toContain('notes.md is not a solution');
  });

  it('alone, it is a file error: exit 2, nothing on stdout', () => {
    for (const args of [['notes.md'], ['check', 'notes.md'], ['check', 'notes.md', '--json'], ['latex', 'notes.md']]) {
      const r = run(...args);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/not a solution/);
    }
  });
});

describe('options and commands', () => {
  it('a word beginning with - is an option: -j is an unknown option (it was "cannot read -j")', () => {
    const r = run('check', '-j', 'good.rnn');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^unroll: unknown option -j\nusage:/);
  });

  it('-- ends the options: a file may begin with -', () => {
    const r = run('check', '--', '-dash.rnn');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('-dash.rnn');
  });

  it('a misspelt command is named as one (it was "cannot read chek: no such file or folder")', () => {
    const r = run('chek', 'good.rnn');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^unroll: unknown command chek \(and no file or folder of that name\)\nusage:/);
  });

  it('--json without check says where it goes', () => {
    const r = run('good.rnn', '--json');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^unroll: unknown option --json \(it goes with check: unroll check FILE --json\)/);
  });

  it('--help wins over everything else and exits 0; --version prints the version', () => {
    const h = run('check', 'good.rnn', '--help');
    expect(h.status).toBe(0);
    expect(h.stdout).toMatch(/^usage:\n/);
    const v = run('--version');
    expect(v.status).toBe(0);
    expect(v.stdout).toMatch(/^unroll \d+\.\d+\.\d+\n$/);
  });
});

describe('exit statuses a test author expects', () => {
  it('a warning is no reason to exit 1; a check not plainly holding is', () => {
    writeFileSync(join(dir, 'warn.rnn'), `${NET}g_t = Σ_t h_t\ncheck ∂L/∂h_3 = 1\n`);
    const w = run('check', 'warn.rnn', '--json');
    expect(w.status).toBe(0);
    expect((parse(w.stdout) as { diagnostics: { severity: string }[] }).diagnostics.map((d) => d.severity)).toContain('warning');
    // leans on h_0 = 0: holds only for these values
    writeFileSync(join(dir, 'given.rnn'), `${NET}check ∂L/∂u = Σ_t ∂L/∂h_t ∂⁺h_t/∂u + 0 h_0\ncheck ∂⁺h_1/∂u = 0\n`);
    const g = run('check', 'given.rnn', '--json');
    expect((parse(g.stdout) as { checks: { status: string }[] }).checks.map((c) => c.status)).toEqual(['holds', 'holds-at-given-values']);
    expect(g.status).toBe(1);
  });

  it('the readable text and latex exit 0 whatever the verdicts (only check judges)', () => {
    expect(run('bad.rnn').status).toBe(0);
    expect(run('latex', 'bad.rnn').status).toBe(0);
    expect(run('check', 'bad.rnn').status).toBe(1);
  });

  it('an empty file: a warning (no horizon), nothing to judge, exit 0', () => {
    writeFileSync(join(dir, 'empty.rnn'), '');
    const r = run('check', 'empty.rnn', '--json');
    expect(r.status).toBe(0);
    expect(parse(r.stdout)).toMatchObject({ file: 'empty.rnn', derives: [], checks: [], params: [], flow: [] });
  });

  it('a path with spaces, a file with CRLF line ends: read as any other', () => {
    expect(run('check', 'with space/my sheet.rnn').status).toBe(0);
    writeFileSync(join(dir, 'crlf.rnn'), `${NET}check ∂L/∂h_3 = 1\n`.replace(/\n/g, '\r\n'));
    const r = run('check', 'crlf.rnn', '--json');
    expect(r.status).toBe(0);
    expect(parse(r.stdout)).toMatchObject({ checks: [{ line: 8, status: 'holds' }] });
  });
});

describe("a solution's network lines", () => {
  it('a sidecar\'s derive and check lines say they are the sidecar\'s (JSON "sidecar": true, text "sidecar line N")', () => {
    mkdirSync(join(dir, 'side'));
    writeFileSync(join(dir, 'side', 'ex.rnn'), `${NET}check ∂L/∂h_3 = 1\n`);
    writeFileSync(join(dir, 'side', 'ex.md'), '# Ex\n\n$$ \\frac{\\partial L}{\\partial h_3} = 1 \\tag{1} $$\n');
    const j = parse(run('check', 'side/ex.md', '--json').stdout) as { checks: { line: number; tag: string | null; sidecar?: boolean }[] };
    const claim = j.checks.find((c) => c.tag === '1')!;
    expect(claim).toMatchObject({ line: 3, link: 1 });
    expect(claim.sidecar).toBeUndefined();
    expect(j.checks.find((c) => c.tag === null)).toMatchObject({ line: 8, sidecar: true });
    const text = run('side/ex.md').stdout;
    expect(text).toMatch(/^ {2}sidecar line 8 +check ∂L\/∂h_3 = 1$/m);
    expect(text).toMatch(/^ {2}line 3 +\(1\) +✓ holds/m);
  });

  it("an rnn block's derive and check lines are printed in line order (derives came first)", () => {
    writeFileSync(join(dir, 'blk.md'), `# x\n\n\`\`\`rnn\n${NET}check ∂L/∂h_3 = 1\nderive ∂L/∂w\n\`\`\`\n`);
    const text = run('blk.md').stdout;
    expect(text.indexOf('line 11  check')).toBeGreaterThan(0);
    expect(text.indexOf('line 11  check')).toBeLessThan(text.indexOf('line 12  derive'));
  });
});

describe("a chain in a solution's network lines", () => {
  it('is one header with a verdict per link, as in a .rnn file (it was the header once per link)', () => {
    writeFileSync(join(dir, 'chainblk.md'), `\`\`\`rnn\n${NET}check ∂L/∂h_3 = 1 = 2\n\`\`\`\n`);
    const text = run('chainblk.md').stdout;
    expect(text.match(/check ∂L\/∂h_3 = 1 = 2/g)).toHaveLength(1);
    expect(text).toMatch(/^ {13}link 1 ✓ holds.*\n {13}link 2 ✗ fails/m);
    const rnn = run(join('one', 'only.rnn')).stdout;
    expect(rnn).toMatch(/^ {2}line 8 {3}check ∂L\/∂h_3 = 1\n {13}✓ holds/m);
  });
});

describe('a missing path among several', () => {
  it("is that file's error, in its turn: the others are checked, exit 2 (it stopped before any)", () => {
    const r = run('check', 'good.rnn', 'nope.rnn', 'bad.rnn', '--json');
    expect(r.status).toBe(2);
    const j = parse(r.stdout) as { file: string; error?: string }[];
    expect(j.map((o) => [o.file, o.error])).toEqual([
      ['good.rnn', undefined],
      ['nope.rnn', 'cannot read nope.rnn: no such file or folder'],
      ['bad.rnn', undefined],
    ]);
    // alone, it is the usage error it was
    const alone = run('check', 'nope.rnn');
    expect(alone.status).toBe(2);
    expect(alone.stderr).toBe('unroll: cannot read nope.rnn: no such file or folder\n');
  });
});

describe('a solution whose equations are all skipped', () => {
  it('checks clean (exit 0): skipped is information, never an error; the counts say 0 checked', () => {
    writeFileSync(join(dir, 'prose.md'), `\`\`\`rnn\n${NET}\`\`\`\n\n$$ \\mathcal{Q}_t = 1 $$\n\n$$ $$\n`);
    const r = run('check', 'prose.md', '--json');
    expect(r.status).toBe(0);
    const j = parse(r.stdout) as { checked: number; skipped: number; checks: unknown[]; diagnostics: { severity: string }[] };
    expect(j).toMatchObject({ checked: 0, skipped: 2, checks: [] });
    expect(j.diagnostics.map((d) => d.severity)).toEqual(['information', 'information']);
    expect(run('prose.md').stdout).toMatch(/2 equations: 0 checked, 2 skipped\n$/);
  });
});
