// Probe 49 (session 58): an AI assistant's Markdown answer to a BPTT exercise, pasted as it came — `\[ … \]` and
// `\( … \)`, **Step n:** headings, numbered lists with displays inside, `$$\begin{aligned} … &= … \end{aligned}$$`,
// `\boxed{…}`, `\quad\text{where}` clauses, `\;\Rightarrow\;` to a norm bound, `\underbrace{…}_{\text{step 3}}`,
// `\text{diag}`, `\checkmark` and emoji. It read already; it needed the earlier factor of a Jacobian chain moved as a
// whole (m8: ∂h_2/∂h_1 · ∂h_2/∂h_1, which gave two values) and a where clause that states no equation said as a
// remark ((11): "… \text{ is given by (6)}" was "expected '=' in a 'where' clause"); and (13)'s bound after
// `\;\Rightarrow\;` judged as a claim of its own (it was dropped with the implication, unjudged and unsaid).
import { describe, expect, it } from 'vitest';
import { read49 } from './read49';

describe('an assistant’s answer on a two-unit tanh RNN', () => {
  const { r, v } = read49('chatgpt-bptt.md');
  it('every equation reads and the correct ones hold', () => {
    expect(r.checked).toBe(27);
    expect(r.skipped).toBe(0);
    for (let n = 1; n <= 16; n++) expect(v[String(n)]!.status, String(n)).toBe('holds');
    expect(r.diagnostics.some((d) => /the clause .* states no equation \(a remark in words/.test(d.message))).toBe(true);
  });
  it('each mistake is named at its own equation', () => {
    for (const tag of ['m1', 'm2', 'm3', 'm5', 'm6', 'm7', 'm8', 'm9']) expect(v[tag]!.status, tag).toBe('fails');
    expect(v['m1']!.message).toMatch(/W_hh should be W_hhᵀ: with that transpose the check holds/);
    expect(v['m2']!.message).toMatch(/h_t should be h_\{t\+1\}: with that step the check holds/);
    expect(v['m3']!.message).toMatch(/σ' should be tanh': with that derivative the check holds/);
    expect(v['m5']!.message).toMatch(/h_\{t-1\} should be x_t: with that the check holds/);
    expect(v['m6']!.message).toMatch(/leaves out the path through h_\{t\+1\}/);
    expect(v['m7']!.message).toMatch(/opposite sign: a sign is wrong/);
    expect(v['m8']!.message).toMatch(/The first ∂h_2\/∂h_1 should be ∂h_3\/∂h_2: with that step the check holds/);
    expect(v['m9']!.message.normalize('NFC')).toMatch(/leaves out the path through ŷ_t/);
  });
  it('the sum started late holds at h_0 = 0 only, and says what it leaves out', () => {
    expect(v['m4']!.status).toBe('holds-at-given-values');
    expect(v['m4']!.message).toMatch(/leans on the given value of h_0 \(h_0 = 0\)/);
    expect(v['m4']!.message).toMatch(/leaves out its first term t = 1/);
  });
});
