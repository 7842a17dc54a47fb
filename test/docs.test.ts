// The examples of docs/language.md are real: every ```rnn block analyses without an error, and the
// verdicts the page states are the ones Unroll gives.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/analysis';

const page = readFileSync(join(__dirname, '../docs/language.md'), 'utf8');

/** the top-level fenced blocks of a Markdown text with their info string (nested fences stay inside) */
function blocks(md: string): { info: string; text: string }[] {
  const out: { info: string; text: string }[] = [];
  let open: { fence: string; info: string; lines: string[] } | null = null;
  for (const line of md.split('\n')) {
    if (!open) {
      const m = /^(`{3,})(\w*)\s*$/.exec(line);
      if (m) open = { fence: m[1]!, info: m[2]!, lines: [] };
    } else if (line.trim() === open.fence) {
      out.push({ info: open.info, text: open.lines.join('\n') });
      open = null;
    } else open.lines.push(line);
  }
  return out;
}

const rnn = blocks(page).filter((b) => b.info === 'rnn');

describe('docs/language.md', () => {
  it('has rnn examples', () => expect(rnn.length).toBeGreaterThanOrEqual(4));

  it.each(rnn.map((b, i) => [i, b.text]))('example %i analyses without an error', (_i, text) => {
    const r = analyze(text as string, { symbolic: false });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('the verdicts of the check example are the ones the page states', () => {
    const ex = rnn.find((b) => b.text.includes('# one-step reading of ∂'))!;
    const r = analyze(ex.text, { symbolic: false });
    // the first is ∂ where the sheet means one step: not a plain "holds" (holds-as-one-step once the
    // engine gives that verdict; "fails" before)
    expect(r.checks[0]!.status).not.toBe('holds');
    expect(r.checks.slice(1).map((c) => c.status)).toEqual(['holds', 'holds']);
  });

  it('does not point to files a user of the repository does not have', () => {
    expect(page).not.toMatch(/\.\.\/shared|LANGUAGE\.md/);
    // the notes name the contract by its file name: they say at the top where its sections are in language.md
    const notes = readFileSync(join(__dirname, '../docs/language-notes.md'), 'utf8');
    expect(notes.slice(0, 1200)).toMatch(/"LANGUAGE\.md §n" on this page means: §1 .* → language\.md 1/s);
    expect(readFileSync(join(__dirname, '../README.md'), 'utf8')).not.toMatch(/\.\.\/shared/);
  });
});
