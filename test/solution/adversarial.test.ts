// Hostile Markdown and LaTeX: answered with diagnostics within the limits of a .rnn file, never
// a crash or a hang (LANGUAGE.md §6, §8).
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/language/limits';
import { analyzeSolution, MAX_CLAIMS_PER_NETWORK, MAX_NETWORKS } from '../../src/solution/index';
import { reading } from './helpers';

const NET = '```rnn\nT = 3\ninput x = [1, 2, 3]\nparam w = 0.5\nh_0 = 0\nh_t = w h_{t-1} + x_t\nloss L = Σ_t h_t\n```\n';
const FAST = { draws: 1, graph: false, symbolic: false };
const SIDECAR = 'T = 3\ninput x = [1, 2, 3]\nparam w = 0.5\nh_0 = 0\nh_t = w h_{t-1} + x_t\n';

function timed<T>(f: () => T): { value: T; ms: number } {
  const t0 = Date.now();
  const value = f();
  return { value, ms: Date.now() - t0 };
}

describe('adversarial Markdown', () => {
  it('an unclosed $$ is a warning on its line; the equations after it still read', () => {
    const text = NET + '\n$$ h_1 = x_1\n\nSome prose.\n\n$$ h_1 = w h_0 + x_1 $$\n';
    const sol = analyzeSolution(text, 'markdown', { analyze: FAST });
    expect(sol.diagnostics.find((d) => d.severity === 'warning')).toMatchObject({
      line: 10,
      column: 1,
      endColumn: 3,
      message: '$$ is never closed: this equation is not checked',
    });
    expect(sol.equations).toHaveLength(1);
    expect(sol.equations[0]).toMatchObject({ status: 'holds', range: { line: 14 } });
  });

  it('math inside fenced code, indented code, code spans and HTML is never read', () => {
    const text =
      NET +
      [
        '```',
        '$$ h_1 = 5 $$',
        '```',
        '',
        '~~~python',
        '$$ h_1 = 6 $$',
        '~~~',
        '',
        '    $$ h_1 = 7 $$',
        '',
        '`$$ h_1 = 8 $$` and ``$$ h_1 = 9 $$``',
        '',
        '<!--',
        '$$ h_1 = 10 $$',
        '-->',
        '',
        '> $$ h_1 = w h_0 + x_1 $$',
        '',
        '- item',
        '',
        '  $$ h_2 = w h_1 + x_2 $$',
        '',
      ].join('\n');
    const r = reading(text)!;
    // only the block-quoted one and the one in the list item are math
    expect(r.claims.map((c) => c.text)).toEqual(['h_1 = w h_0 + x_1', 'h_2 = w h_1 + x_2']);
    expect(r.equations.map((e) => e.line)).toEqual([25, 29]);
    // the list item's display keeps its own columns
    const sol = analyzeSolution(text, 'markdown', { analyze: FAST });
    expect(sol.equations[1]!.range).toMatchObject({ line: 29, column: 3 });
    expect(sol.equations.map((e) => e.status)).toEqual(['holds', 'holds']);
  });

  it('CR LF line ends keep every column', () => {
    const text = (NET + '\n$$ h_1 = 2 $$\n').replace(/\n/g, '\r\n');
    const sol = analyzeSolution(text, 'markdown', { analyze: FAST });
    const d = sol.diagnostics.find((x) => x.code === 'check-fails')!;
    expect(d).toMatchObject({ line: 10, column: 10, endLine: 10, endColumn: 11 });
  });

  it('10,000 equations: the first ones are checked, the rest skipped with one limit warning, in bounded time', () => {
    const text = NET + Array.from({ length: 10_000 }, (_, i) => `$$ h_1 = ${i % 3} $$`).join('\n\n');
    const { value: sol, ms } = timed(() => analyzeSolution(text, 'markdown', { analyze: FAST }));
    expect(ms).toBeLessThan(20_000);
    expect(sol.equations).toHaveLength(10_000);
    // the first 1,000 are handed to the engine; on a loaded machine its time budget may stop it
    // earlier, and each equation it did not reach says so
    expect(sol.checked).toBeGreaterThan(0);
    expect(sol.checked).toBeLessThanOrEqual(MAX_CLAIMS_PER_NETWORK);
    expect(sol.checked + sol.skipped).toBe(10_000);
    for (const e of sol.equations.slice(0, MAX_CLAIMS_PER_NETWORK)) {
      if (e.status === 'skipped') expect(e.message).toMatch(/time budget .*\(limit\)/);
    }
    const limit = sol.diagnostics.filter((d) => d.code === 'limit');
    expect(limit).toHaveLength(1);
    expect(limit[0]!.message).toMatch(/more than 1,000 equations for one network \(limit\)/);
    expect(limit[0]!.line).toBe(sol.equations[MAX_CLAIMS_PER_NETWORK]!.range.line);
    expect(sol.equations.slice(MAX_CLAIMS_PER_NETWORK).every((e) => /equations for one network \(limit\)$/.test(e.message))).toBe(true);
  }, 60_000);

  it('an align of 1,100 rows: the 100 past the per-network limit are counted and listed as skipped, not dropped', () => {
    // regression: "1000 equations: 1000 checked, 0 skipped" was said of 1,100 rows, the last 100 never judged
    const rows = Array.from({ length: MAX_CLAIMS_PER_NETWORK + 100 }, (_, i) => `h_1 &= w h_0 + x_1 \\tag{r${i}}`);
    const text = NET + '\n$$\\begin{align}\n' + rows.join('\\\\\n') + '\n\\end{align}$$\n';
    const sol = analyzeSolution(text, 'markdown', { analyze: FAST });
    expect(sol.equations).toHaveLength(1);
    // (rows the time budget stopped on a loaded machine are unread rows too, each saying so)
    const unread = (sol.equations[0]!.unread ?? []).filter((u) => /equations for one network/.test(u.message));
    expect(sol.checked + sol.skipped).toBe(MAX_CLAIMS_PER_NETWORK + 100);
    expect(unread).toHaveLength(100);
    expect(unread[0]).toMatchObject({
      tag: `r${MAX_CLAIMS_PER_NETWORK}`,
      message: expect.stringMatching(/equations for one network \(limit\)$/),
    });
    expect(unread[0]!.line).toBe(sol.equations[0]!.range.line + 1 + MAX_CLAIMS_PER_NETWORK);
    expect(sol.diagnostics.filter((d) => d.code === 'limit')).toHaveLength(1);
  }, 60_000);

  it('a 1 MB file of prose, inline math and code spans: read in bounded time, nothing checked', () => {
    const text = NET + 'Prose with $a = b$ inline and `$$ x = 1 $$` in code.\n\n'.repeat(20_000);
    expect(text.length).toBeGreaterThan(1_000_000);
    const { value: sol, ms } = timed(() => analyzeSolution(text, 'markdown', { analyze: FAST }));
    expect(ms).toBeLessThan(20_000);
    expect(sol.equations).toHaveLength(0);
    expect(sol.networks).toHaveLength(1);
  }, 60_000);

  it("one 1 MB equation is skipped with the engine's limit, not a crash", () => {
    const text = NET + '$$ h_1 = ' + 'x_1 + '.repeat(170_000) + 'x_1 $$\n';
    const { value: sol, ms } = timed(() => analyzeSolution(text, 'markdown', { analyze: FAST }));
    expect(ms).toBeLessThan(20_000);
    expect(sol.equations[0]!.status).toBe('skipped');
    expect(sol.equations[0]!.message).toMatch(/limit/);
  }, 60_000);

  it('a file over the size limit is one error, not read', () => {
    const text = NET + 'x'.repeat(LIMITS.maxFileBytes);
    const sol = analyzeSolution(text, 'markdown');
    expect(sol.diagnostics).toHaveLength(1);
    expect(sol.diagnostics[0]!.message).toMatch(/larger than .* \(limit\)/);
    // and a huge file that is not a solution costs nothing
    expect(analyzeSolution('y'.repeat(LIMITS.maxFileBytes + 1), 'markdown').diagnostics).toHaveLength(0);
  });

  it('70,000 unclosed \\[ and 200,000 $$ stay linear; the warnings are capped', () => {
    const a = timed(() => analyzeSolution(NET + '\\[ h_1 = x_1 \n'.repeat(70_000), 'markdown', { analyze: FAST }));
    expect(a.ms).toBeLessThan(20_000);
    expect(a.value.diagnostics.length).toBeLessThanOrEqual(101);
    expect(a.value.diagnostics.at(-1)!.message).toMatch(/not listed \(limit\)/);
    const b = timed(() => analyzeSolution(NET + '$$'.repeat(200_000), 'markdown', { analyze: FAST }));
    expect(b.ms).toBeLessThan(20_000);
  }, 60_000);

  it('deep nesting and endless braces are diagnostics of the claim', () => {
    for (const math of ['('.repeat(5000) + 'x_1' + ')'.repeat(5000), '{'.repeat(50_000), '\\frac{'.repeat(3000)]) {
      const sol = analyzeSolution(`${NET}\n$$ h_1 = ${math} $$\n`, 'markdown', { analyze: FAST });
      expect(sol.equations[0]!.status).toBe('skipped');
      expect(sol.equations[0]!.message.length).toBeGreaterThan(13);
    }
  }, 60_000);

  // each of these was read whole at each of its terms (quadratic or worse: 8,000 `\quad (\text{a})` remarks took five
  // minutes, 8,000 decimal commas half a minute); the reader's work is now linear in the display
  it('a display of 8,000 terms of one kind is read in time linear in its size', () => {
    const kinds = [
      'x_1 \\approx ',
      '1,5 + ',
      '0{,}5 + ',
      '\\quad (\\text{a}) ',
      '\\forall z ',
      '\\tag{1} ',
      'x_1 & = ',
      '\\delta c_t = ',
      '{',
    ];
    for (const kind of kinds) {
      const sol = analyzeSolution(`${NET}\n$$ h_1 = ${kind.repeat(8000)} 1 $$\n`, 'markdown', { analyze: FAST });
      expect(sol.equations).toHaveLength(1);
    }
  }, 60_000);

  it(`more than ${MAX_NETWORKS} networks: the rest are not analysed, with one warning`, () => {
    const text = '```rnn\nT = 2\nparam w = 1\nh_0 = 0\nh_t = w h_{t-1} + 1\n```\n\n$$ h_1 = 1 $$\n\n'.repeat(MAX_NETWORKS + 5);
    const sol = analyzeSolution(text, 'markdown', { analyze: FAST });
    expect(sol.networks).toHaveLength(MAX_NETWORKS);
    expect(sol.equations.slice(MAX_NETWORKS).every((e) => e.network === null && e.status === 'skipped')).toBe(true);
    expect(sol.diagnostics.filter((d) => d.code === 'limit')).toHaveLength(1);
  });
});

describe('adversarial LaTeX', () => {
  it('unclosed environments, verbatim without end, a flood of inline $: bounded time, capped warnings', () => {
    for (const text of [
      '\\begin{equation} h_1 = 1 \\begin{equation}\n'.repeat(20_000),
      '\\begin{verbatim} '.repeat(60_000),
      '$ a $ '.repeat(150_000),
      '\\[ h_1 = x_1 '.repeat(80_000),
      '% only a comment $$ h_1 = 3 $$\n'.repeat(30_000),
    ]) {
      const { value: sol, ms } = timed(() => analyzeSolution(text, 'latex', { sidecar: SIDECAR, analyze: FAST }));
      expect(ms).toBeLessThan(20_000);
      expect(sol.diagnostics.length).toBeLessThanOrEqual(101);
      expect(sol.checked).toBe(0);
    }
  }, 120_000);
});
