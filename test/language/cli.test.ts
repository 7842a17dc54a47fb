// LANGUAGE.md §7: the command line — text, check with exit status and JSON, latex; exit 2 for usage/file errors.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import katex from 'katex';
import { beforeAll, describe, expect, it } from 'vitest';
import { SHEET7 } from './helpers';
import { bundleCli } from '../cliBundle';

let dir = '';
let cli = '';
const unroll = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: dir });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'unroll-cli-'));
  cli = await bundleCli(dir);
  writeFileSync(join(dir, 'good.rnn'), SHEET7 + 'derive ∂L/∂W_hh\ncheck ∂L/∂o_3 = -2(y_3 - o_3)\n');
  // wrong from t = 2 (h_0 = 0 hides the extra term at t = 1); with ∂ it would hold as a one-step derivative (v2)
  writeFileSync(join(dir, 'bad.rnn'), SHEET7 + "check ∂⁺h_t/∂W_xh = σ'(W_xh x_t + W_hh h_{t-1} + b_h) x_t + h_{t-1}\n");
  writeFileSync(join(dir, 'broken.rnn'), SHEET7 + 'derive ∂L/∂W_zz\n');
  // solutions (LANGUAGE.md §8) in a folder of their own
  const sol = join(dir, 'solutions');
  mkdirSync(sol);
  writeFileSync(
    join(sol, 'good.md'),
    `# Sheet 7\n\n\`\`\`rnn\n${SHEET7}\`\`\`\n\n$$\\frac{\\partial L}{\\partial o_3} = -2(y_3 - o_3) \\tag{1}$$\n\n$$ \\mathcal{Q} = 1 $$\n`,
  );
  writeFileSync(join(sol, 'bad.md'), `\`\`\`rnn\n${SHEET7}\`\`\`\n\n$$\\frac{\\partial L}{\\partial o_3} = 2(y_3 - o_3)$$\n(7)\n`);
  writeFileSync(join(sol, 'README.md'), '# Not a solution\n\n$$ a = b $$\n');
  writeFileSync(
    join(sol, 'sheet.tex'),
    '\\documentclass{article}\n\\begin{document}\n% \\[ o_3 = 5 \\]\n\\begin{equation}\n  \\frac{\\partial L}{\\partial o_3} = -2(y_3 - o_3) \\tag{4}\n\\end{equation}\n\\end{document}\n',
  );
  writeFileSync(join(sol, 'sheet.rnn'), SHEET7);
  writeFileSync(join(sol, 'alone.tex'), '\\begin{document}\\[ a = b \\]\\end{document}\n');
  writeFileSync(join(dir, 'one.rnn'), 'T = 2\nparam w = 0.5\nh_0 = 1\nh_t = w h_{t-1}\nloss L = h_T\n');
  cpSync(join(__dirname, '..', '..', 'examples', 'solutions'), join(dir, 'examples'), { recursive: true });
}, 60_000);

describe('§7 unroll', { timeout: 60_000 }, () => {
  it('unroll FILE prints every derive and check as text', () => {
    const r = unroll('good.rnn');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('derive ∂L/∂W_hh');
    expect(r.stdout).toMatch(/✓ holds/);
  });

  it('unroll check: exit 0 when every check holds, 1 when one fails or an error is reported', () => {
    expect(unroll('check', 'good.rnn').status).toBe(0);
    const bad = unroll('check', 'bad.rnn');
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('✗ fails at t = 2');
    expect(unroll('check', 'broken.rnn').status).toBe(1);
  });

  it('unroll check --json prints the §7 object', () => {
    const r = unroll('check', 'bad.rnn', '--json');
    expect(r.status).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j).slice(0, 6)).toEqual(['file', 'diagnostics', 'derives', 'checks', 'params', 'flow']);
    expect(j.file).toBe('bad.rnn');
    expect(j.checks[0]).toMatchObject({ line: 14, status: 'fails' });
    expect(j.params.map((p: { name: string }) => p.name)).toEqual(['W_xh', 'W_hh', 'b_h', 'W_hy', 'b_y']);
    expect(j.flow[0].name).toBe('h');
    expect(j.flow[0].norms).toHaveLength(3);
    const g = JSON.parse(unroll('check', 'good.rnn', '--json').stdout);
    expect(g.derives[0]).toMatchObject({ line: 14, query: '∂L/∂W_hh' });
    expect(g.derives[0].results[0].t).toBeNull();
    expect(typeof g.derives[0].results[0].value).toBe('number');
    const d = JSON.parse(unroll('check', 'broken.rnn', '--json').stdout).diagnostics[0];
    expect(d).toMatchObject({ severity: 'error', line: 14, column: 12, endLine: 14, endColumn: 16 });
  });

  it("a check's verdict is among the JSON's diagnostics: fails an error on its line, holds only for these values a warning (§5)", () => {
    const j = JSON.parse(unroll('check', 'bad.rnn', '--json').stdout);
    expect(j.diagnostics).toContainEqual(
      expect.objectContaining({ severity: 'error', line: 14, code: 'check-fails', message: j.checks[0].message }),
    );
    // a check that leans on h_0 = 0, and one that holds: a warning for the first, nothing for the second
    writeFileSync(
      join(dir, 'given.rnn'),
      'T = 2\nparam w = 0.5\ninput x = [1, 2]\nh_0 = 0\nh_t = w h_{t-1} + x_t\nloss L = h_T\ncheck ∂L/∂w = h_1\ncheck ∂L/∂x_2 = 1\n',
    );
    const g = JSON.parse(unroll('check', 'given.rnn', '--json').stdout);
    expect(g.checks.map((c: { status: string }) => c.status)).toEqual(['holds-at-given-values', 'holds']);
    expect(g.diagnostics.filter((d: { code?: string }) => d.code?.startsWith('check-'))).toEqual([
      expect.objectContaining({ severity: 'warning', line: 7, code: 'check-holds-at-given-values', message: g.checks[0].message }),
    ]);
    // in the file's order, as a solution's
    const lines = JSON.parse(unroll('check', 'broken.rnn', '--json').stdout).diagnostics.map((d: { line: number }) => d.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });

  it('a folder stands for every .rnn file in it', () => {
    const r = unroll('check', '.');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('good.rnn');
    expect(r.stdout).toContain('bad.rnn');
  });

  it('unroll latex prints derivations that typeset', () => {
    const r = unroll('latex', 'good.rnn');
    expect(r.status).toBe(0);
    const blocks = [...r.stdout.matchAll(/\\\[\n([\s\S]*?)\n\\\]/g)].map((m) => m[1]!);
    expect(blocks.length).toBeGreaterThan(0);
    for (const b of blocks) expect(() => katex.renderToString(b, { throwOnError: true, displayMode: true })).not.toThrow();
  });

  it('exit 2 for usage and file errors', () => {
    expect(unroll().status).toBe(2);
    expect(unroll('check', 'missing.rnn').status).toBe(2);
    expect(unroll('check', 'good.rnn', '--bogus').status).toBe(2);
  });

  it('--help prints the usage and exits 0; --version prints the package version', () => {
    const h = unroll('--help');
    expect(h.status).toBe(0);
    expect(h.stdout).toMatch(/^usage:/);
    expect(h.stdout).toContain('unroll check FILE [--json]');
    const v = unroll('--version');
    expect(v.status).toBe(0);
    const { version } = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));
    expect(v.stdout.trim()).toBe(`unroll ${version}`);
  });

  it('"1 parameter", not "1 parameters"', () => {
    const r = unroll('one.rnn');
    expect(r.stdout).toContain('1 parameter)');
    expect(r.stdout).not.toContain('1 parameters');
    expect(unroll('good.rnn').stdout).toContain('5 parameters');
  });
});

describe('§7/§8 unroll on Markdown and LaTeX solutions', { timeout: 60_000 }, () => {
  it('unroll FILE.md: each equation with its label and mark, and the counts', () => {
    const r = unroll('solutions/good.md');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/line 19 +\(1\) +✓ holds/);
    expect(r.stdout).toMatch(/line 21 +– not checked: unknown name Q/);
    expect(r.stdout).toContain('2 equations: 1 checked (1 holds), 1 skipped');
  });

  it('unroll check FILE.md: exit 1 when a claim fails, with the verdict at its equation', () => {
    const r = unroll('check', 'solutions/bad.md');
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/line 17 +\(7\) +✗ fails/);
    expect(unroll('check', 'solutions/good.md').status).toBe(0);
  });

  it('unroll check --json: the §7 object plus equations; each check carries tag and link', () => {
    const r = unroll('check', 'solutions/bad.md', '--json');
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j).slice(0, 7)).toEqual(['file', 'diagnostics', 'derives', 'checks', 'params', 'flow', 'equations']);
    expect(j.checks).toHaveLength(1);
    expect(j.checks[0]).toMatchObject({ line: 17, status: 'fails', tag: '7', link: 1 });
    expect(j.equations[0]).toMatchObject({ line: 17, column: 1, tag: '7', status: 'fails', network: 0 });
    expect(j.equations[0].links).toEqual([{ link: 1, line: 17, status: 'fails', message: j.checks[0].message }]);
    expect(j.diagnostics.find((d: { severity: string }) => d.severity === 'error')).toMatchObject({ line: 17, column: 37, endColumn: 49 });
    expect(j.params.map((p: { name: string }) => p.name)).toEqual(['W_xh', 'W_hh', 'b_h', 'W_hy', 'b_y']);
    expect(j).toMatchObject({ checked: 1, skipped: 0 });
  });

  it('unroll check FILE.tex reads its sidecar; a .tex or .md with no network is a file error', () => {
    const r = unroll('check', 'solutions/sheet.tex', '--json');
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.equations).toHaveLength(1);
    expect(j.equations[0]).toMatchObject({ line: 4, endLine: 6, tag: '4', status: 'holds' });
    const alone = unroll('check', 'solutions/alone.tex');
    expect(alone.status).toBe(2);
    expect(alone.stderr).toMatch(/not a solution/);
    expect(unroll('solutions/README.md').status).toBe(2);
  });

  it('a folder means every .rnn, every .md with an rnn block and every .tex with a sidecar under it', () => {
    const r = unroll('check', 'solutions');
    expect(r.status).toBe(1);
    for (const f of ['bad.md', 'good.md', 'sheet.tex']) expect(r.stdout).toContain(`solutions/${f}`);
    // sheet.rnn is sheet.tex's network, read in its report (test/cli/folderSidecar.test.ts)
    expect(r.stdout).not.toContain('solutions/sheet.rnn');
    expect(r.stdout).not.toContain('README.md');
    expect(r.stdout).not.toContain('alone.tex');
    const j = JSON.parse(unroll('check', 'solutions', '--json').stdout);
    expect(j.map((o: { file: string }) => o.file)).toEqual(['solutions/bad.md', 'solutions/good.md', 'solutions/sheet.tex']);
  });

  it('the seed examples: every one reads, the seed-000 GRU mistake is flagged at eq. (5)', () => {
    const r = unroll('check', 'examples', '--json');
    expect(r.status).toBe(1);
    const files = JSON.parse(r.stdout) as { file: string; equations: { tag: string | null; status: string; line: number }[] }[];
    expect(files.map((f) => f.file.replace('examples/', ''))).toEqual([
      '000-gru-long-term-dependencies.md',
      '001-rnn-three-steps-latex.tex',
      '001-rnn-three-steps.md',
      '002-vanilla-rnn-jacobians.md',
      '003-mlp-layers-as-steps.md',
      '004-binary-addition-and-lstm.md',
    ]);
    const gru = files[0]!.equations.find((e) => e.tag === '5')!;
    expect(gru).toMatchObject({ line: 50, status: 'fails' });
  });

  it("unroll latex FILE.md prints the network blocks' derivations", () => {
    writeFileSync(join(dir, 'solutions', 'derive.md'), `\`\`\`rnn\n${SHEET7}derive ∂L/∂W_hh\n\`\`\`\n`);
    const r = unroll('latex', 'solutions/derive.md');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('% line 15: derive ∂L/∂W_hh');
    // and as text, with the block's own check lines
    writeFileSync(join(dir, 'solutions', 'derive.md'), `\`\`\`rnn\n${SHEET7}derive ∂L/∂W_hh\ncheck ∂L/∂o_3 = 2(y_3 - o_3)\n\`\`\`\n`);
    const t = unroll('solutions/derive.md');
    expect(t.stdout).toMatch(/line 15 +derive ∂L\/∂W_hh/);
    expect(t.stdout).toMatch(/line 16 +check ∂L\/∂o_3 = 2\(y_3 - o_3\)\n +✗ fails/);
    expect(t.stdout).toContain('0 equations: 0 checked, 0 skipped');
  });
});
