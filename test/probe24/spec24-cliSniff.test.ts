// The seeds are saved as .txt (/work/shared/seeds/*.txt): a student runs `unroll check seed.txt` on the solution as
// handed in. LANGUAGE.md §7 names .rnn, .md and .tex; it is silent on other extensions, and the library's analyze()
// reads a text by what it holds (an ```rnn block makes it a Markdown solution). The CLI read any other extension as
// a .rnn file: a verbatim seed beside its network NAME.rnn gave a syntax error on every line of prose ("expected '='
// after Abdalla to define it, found 'Arafa'"), and exit status 0 for `unroll` over a page of errors. Now such a file
// is read by what it holds (src/cliFile.ts sniffedKind): with an ```rnn block or a NAME.rnn beside it, a Markdown
// solution (a \begin{document} file, a LaTeX one); display math with neither, "not a solution" (exit 2); else a
// .rnn network, as before.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bundleCli } from '../cliBundle';

vi.setConfig({ testTimeout: 60_000 });

let dir = '';
let cli = '';
const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: dir });
const fixture = (name: string) => join(__dirname, 'fixtures', name);
const example = (name: string) => join(__dirname, '..', '..', 'examples', 'solutions', name);

interface Eq {
  tag: string | null;
  status: string;
  message: string;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'spec24-'));
  cli = await bundleCli(dir);
  for (const f of ['seed000.txt', 'seed000.rnn', 'seed001.txt', 'seed001.rnn']) copyFileSync(fixture(f), join(dir, f));
  copyFileSync(fixture('seed000.txt'), join(dir, 'alone.txt'));
  copyFileSync(example('000-gru-long-term-dependencies.md'), join(dir, 'withblock.txt'));
  writeFileSync(join(dir, 'net.txt'), 'T = 2\nparam w = 1.5\nloss L = w^2\ncheck ∂L/∂w = 2 w\n');
  writeFileSync(
    join(dir, 'doc.txt'),
    '\\documentclass{article}\n\\newcommand{\\pd}[2]{\\frac{\\partial #1}{\\partial #2}}\n\\begin{document}\n% $$ \\pd{L}{w} = 5 $$\n\\begin{equation}\n\\pd{L}{w} = 2 w\n\\end{equation}\n\\end{document}\n',
  );
  writeFileSync(join(dir, 'doc.rnn'), 'T = 2\nparam w = 1.5\nloss L = w^2\n');
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function equations(file: string): { status: number | null; eqs: Eq[]; json: Record<string, unknown> } {
  const r = run('check', file, '--json');
  const json = JSON.parse(r.stdout) as Record<string, unknown>;
  return { status: r.status, eqs: json.equations as Eq[], json };
}

describe('a solution saved as .txt, as the seeds are', () => {
  it('seed 000 verbatim beside its network seed000.rnn: read as the Markdown solution it is, each mistake at its equation', () => {
    const { status, eqs, json } = equations('seed000.txt');
    expect(status).toBe(1);
    expect(json.file).toBe('seed000.txt');
    expect(json.checked).toBe(11);
    expect(json.skipped).toBe(3);
    // the same verdicts, equation by equation, as the seed with its network written in an ```rnn block
    const md = spawnSync(process.execPath, [cli, 'check', example('000-gru-long-term-dependencies.md'), '--json'], { encoding: 'utf8' });
    const mdEqs = (JSON.parse(md.stdout) as { equations: Eq[] }).equations;
    expect(eqs.map((e) => [e.tag, e.status, e.message])).toEqual(mdEqs.map((e) => [e.tag, e.status, e.message]));
    expect(eqs.filter((e) => e.status === 'fails').map((e) => e.tag)).toEqual(['5', '10', '14']);
    const diags = json.diagnostics as { severity: string; message: string }[];
    expect(diags.some((d) => /Abdalla|expected '='/.test(d.message))).toBe(false);
  });

  it('seed 001 verbatim beside its network: its 38 equations read, the wrong eq. (21) and (29)–(32) fail', () => {
    const { status, eqs, json } = equations('seed001.txt');
    expect(status).toBe(1);
    expect(eqs).toHaveLength(38);
    expect((json.checked as number) + (json.skipped as number)).toBe(38);
    const fails = eqs.filter((e) => e.status === 'fails').map((e) => e.tag);
    expect(fails).toEqual(['21', '29', '30', '31', '32']);
    for (const tag of ['1', '2', '7', '8', '25', '27']) expect(eqs.find((e) => e.tag === tag)?.status, `(${tag})`).toBe('holds');
  });

  it('the readable text of `unroll seed000.txt` is the solution summary, not a page of syntax errors', () => {
    const r = run('seed000.txt');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/14 equations: 11 checked \(8 hold, 3 fail\), 3 skipped; first failing equation: line 39 \(5\)/);
    expect(r.stdout).not.toMatch(/error: expected '='/);
  });

  it('a .txt holding an ```rnn block is a Markdown solution, as analyze() reads the same text', () => {
    const { status, json } = equations('withblock.txt');
    expect(status).toBe(1);
    expect(json.checked).toBe(11);
    expect(json.networks).toHaveLength(1);
  });

  it('a seed verbatim with no network anywhere is "not a solution" (exit 2), not read as a .rnn file', () => {
    const r = run('check', 'alone.txt');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('unroll: alone.txt is not a solution: it has no ```rnn block and no alone.rnn beside it\n');
    expect(r.stdout).toBe('');
  });

  it('a LaTeX document saved as .txt is read as LaTeX with its sidecar: preamble macros expand, % comments are no claims', () => {
    const { status, eqs } = equations('doc.txt');
    expect(status).toBe(0);
    expect(eqs.map((e) => e.status)).toEqual(['holds']);
  });

  it('a network saved as .txt stays a network', () => {
    const r = run('check', 'net.txt', '--json');
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as { checks: { status: string }[]; equations?: unknown };
    expect(json.checks.map((c) => c.status)).toEqual(['holds']);
    expect(json.equations).toBeUndefined();
  });

  it('the fixtures are the seeds verbatim', () => {
    // the seed beside its network: no ```rnn block was added to it
    expect(readFileSync(fixture('seed000.txt'), 'utf8')).not.toMatch(/```rnn/);
    expect(readFileSync(fixture('seed001.txt'), 'utf8')).not.toMatch(/```rnn/);
  });
});
