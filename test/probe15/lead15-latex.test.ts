// `unroll latex` of a solution (LANGUAGE.md §7: every command takes .md and .tex solutions): one heading for the
// file, each network's derive lines under its name when there are several, and a line saying there is nothing to
// derive when no block has a derive line (the output was the heading alone, repeated once per network).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runFile } from '../../src/cliFile';

const dir = mkdtempSync(join(tmpdir(), 'lead15-latex-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const NET = (extra: string) =>
  `T = 3\ninput x = [1, 2, 3]\nparam w = 0.5\nh_0 = 0\nh_t = tanh(w h_{t-1} + x_t)\nloss L = Σ_t h_t^2\n${extra}`;
const fence = (body: string) => '```rnn\n' + body + '```\n';

function latexOf(name: string, text: string): string {
  const f = join(dir, name);
  writeFileSync(f, text);
  const o = runFile(f, 'latex', false, false);
  expect(o.error).toBeUndefined();
  return o.out;
}

describe('unroll latex of a Markdown solution', () => {
  it('two networks without derive lines: one heading and a line that says why nothing follows', () => {
    const out = latexOf('two.md', `# Sheet\n${fence(NET(''))}\n$$\\frac{\\partial L}{\\partial h_3} = 2 h_3$$\n\n${fence(NET(''))}`);
    const lines = out.trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('% Unroll: derivations of'))).toHaveLength(1);
    expect(lines[1]).toMatch(/^% nothing to derive in its ```rnn blocks: write a derive line \(derive ∂L\/∂W_hh\)/);
    expect(lines).toHaveLength(2);
  });

  it('the derive line of the second of two networks, under that network’s name', () => {
    const out = latexOf('second.md', `${fence(NET(''))}\ntext\n\n${fence(NET('derive ∂L/∂w\n'))}`);
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^% Unroll: derivations of /);
    expect(lines[1]).toBe('% network 2 (line 12)');
    expect(lines[2]).toMatch(/^% line \d+: derive ∂L\/∂w$/);
    expect(out).toContain('\\frac{\\partial L}{\\partial w}');
    expect(out).not.toContain('nothing to derive');
  });

  it('a LaTeX solution whose sidecar has no derive line says where derive lines go', () => {
    writeFileSync(join(dir, 'sheet.rnn'), NET(''));
    const out = latexOf('sheet.tex', '\\begin{equation}\\frac{\\partial L}{\\partial h_3} = 2 h_3\\end{equation}\n');
    expect(out).toContain('% nothing to derive in the .rnn beside it');
  });

  it('a .rnn file with no derive line says so', () => {
    const out = latexOf('plain.rnn', NET('check ∂L/∂h_3 = 2 h_3\n'));
    expect(out.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^% Unroll: derivations of /),
      expect.stringMatching(/^% nothing to derive in the file/),
    ]);
  });
});
