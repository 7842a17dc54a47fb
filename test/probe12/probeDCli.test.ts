// probeD (session 12): `unroll check` on a .tex solution with no sidecar names what is missing — a LaTeX file's
// network can only be a NAME.rnn beside it (LANGUAGE.md §8), so no ```rnn block is mentioned.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFile } from '../../src/cliFile';

describe('a file that is not a solution', () => {
  const dir = mkdtempSync(join(tmpdir(), 'probeD-'));
  it('.tex: names only the sidecar', () => {
    const f = join(dir, 'sheet.tex');
    writeFileSync(f, '\\begin{equation} a = b \\end{equation}\n');
    expect(runFile(f, 'check', true, false).error).toBe(`${f} is not a solution: it has no sheet.rnn beside it`);
  });
  it('.md: names the fenced block and the sidecar', () => {
    const f = join(dir, 'notes.md');
    writeFileSync(f, '$$ a = b $$\n');
    expect(runFile(f, 'check', true, false).error).toBe(`${f} is not a solution: it has no \`\`\`rnn block and no notes.rnn beside it`);
  });
});
