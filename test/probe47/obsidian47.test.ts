// Probe 47 (session 57): seed 004's scalar LSTM backward pass in Markdown editors' exports — YAML front matter, `> $$`
// in a block quote and in an Obsidian callout, `$$` inside numbered and nested bulleted lists, in a table's cell, a
// ```math fence (GitHub's), a Notion one-line `$$\begin{aligned}…\end{aligned}$$`, `$$ … $$` inside a paragraph, an
// HTML comment and an Obsidian `%% … %%` comment each holding an old (wrong) display, `\$` escapes, and inline `$…$`
// (not checked, LANGUAGE.md §8). Before: all read but the front matter, whose `$$\overline{h^{(t)}}$$` was a display
// "not checked: no equality to check", and the Obsidian comment, whose display was judged (and failed); front matter is
// now blanked (solution/frontMatter.ts) and an Obsidian comment hidden as the preview hides it (obsidianComment.ts).
import { describe, expect, it } from 'vitest';
import { read47 } from './read47';

describe('an Obsidian/Typora/Notion export', () => {
  const { r, v } = read47('obsidian-lstm.md');
  it('every display reads wherever the editor put it; comments, inline maths and front matter are not claims', () => {
    expect(r.checked).toBe(18);
    expect(r.skipped).toBe(0);
    expect(r.equations.some((q) => q.range.line < 6)).toBe(false);
    expect(r.equations.some((q) => q.tag === 'x1' || q.tag === 'x2')).toBe(false);
    for (const tag of ['2', '3', '4', '5', '6', '7', '8', '9', '10', '11']) expect(v[tag]!.status, tag).toBe('holds');
    // the seed's c̄ = h̄ ∂h/∂c + c̄_{t+1} ∂c_{t+1}/∂c_t: one-step partials, as the seed means them
    expect(v['1']!.status).toBe('holds-as-one-step');
  });
  it('each mistake is named at its own equation', () => {
    for (const tag of ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7']) expect(v[tag]!.status, tag).toBe('fails');
    expect(v['m1']!.message).toMatch(/c_\{t\+1\} should be c_\{t-1\}: with that step the check holds/);
    expect(v['m2']!.message).toMatch(/f_t should be f_\{t\+1\}: with that step the check holds/);
    expect(v['m3']!.message).toMatch(/tanh\^\{-1\} is the inverse function; with the derivative tanh' in its place the check holds/);
    expect(v['m4']!.message).toMatch(/g_t \(1 − g_t\) should be 1 − g_t\^2 \(that is σ's slope/);
    expect(v['m5']!.message).toMatch(/leaves out the path through o_\{t\+1\}/);
    expect(v['m6']!.message).toMatch(/leaves out its last term t = 3/);
    expect(v['m7']!.message).toMatch(/the opposite sign: a sign is wrong/);
  });
});
