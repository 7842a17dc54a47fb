// Probe 49 (session 58): study notes exported from Notion (Markdown & CSV) — `$$` blocks on lines of their own, inline
// `$…$` in table cells, `<aside>` callouts with emoji (a display inside one), toggles as list items with indented
// displays — and a part drafted in Google Docs and downloaded as Markdown, which escapes every `_` of the text:
// `\sum\_{t=1}^{T}`, `h\_t`, `h\_3`. The Notion part read already; the Google Docs part was "unknown LaTeX command \_"
// (4 equations skipped): an escaped underscore is the subscript it was typed as (lexer.ts).
import { describe, expect, it } from 'vitest';
import { read49 } from './read49';

describe('a Notion export and a Google Docs download', () => {
  const { r, v } = read49('notion-gdocs.md');
  it('every equation reads and the correct ones hold; the table’s inline math is not checked', () => {
    expect(r.checked).toBe(16);
    expect(r.skipped).toBe(0);
    for (let n = 1; n <= 10; n++) expect(v[String(n)]!.status, String(n)).toBe('holds');
  });
  it('each mistake is named at its own equation', () => {
    for (let n = 1; n <= 6; n++) expect(v[`m${n}`]!.status, `m${n}`).toBe('fails');
    expect(v['m1']!.message).toMatch(/1 − h_\{t\+1\}\^2 should be h_\{t\+1\} \(1 − h_\{t\+1\}\) \(that is tanh's slope/);
    expect(v['m2']!.message).toMatch(/h_t should be h_\{t-1\}: with that step the check holds/);
    expect(v['m3']!.message).toMatch(/leaves out the factor σ′\(w x_t \+ u h_\{t-1\} \+ b\)/);
    expect(v['m4']!.message).toMatch(/leaves out its last term t = 3/);
    expect(v['m5']!.message).toMatch(/opposite sign: a sign is wrong/);
    expect(v['m6']!.message).toMatch(/The right side is ∂h_3\/∂h_2, not ∂h_3\/∂h_1/);
  });
});
