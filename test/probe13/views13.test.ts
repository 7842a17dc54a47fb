// views13: a free-t derive's general line (DeriveReport.general, LANGUAGE.md §5) in the editor's hover and its
// Copy LaTeX, and the reason it is absent when a limit left out some steps' forms (generalOmitted) in the CLI,
// `unroll latex`, the hover and the Report; free indices other than t named in a check's verdict, with one
// `steps` entry per value (LANGUAGE.md §3, docs/language-notes.md).

import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { renderLatex, renderText } from '../../src/cli-render';
import { deriveLatex } from '../../src/extension/commands/latexContent';
import { hoverContent, type HoverOptions } from '../../src/extension/hover/hoverContent';
import { checkTitle } from '../../src/extension/inline/inlineContent';
import { stepLabel } from '../../src/display/checkStep';
import type { DeriveReport, Report } from '../../src/report';
import { mathKey, plain } from '../extension/plain';

const full: HoverOptions = { digits: 4, detail: 'full', uri: 'file:///gen.rnn' };
const brief: HoverOptions = { ...full, detail: 'brief' };

/** a scalar RNN of my own: a forward recurrence (one general line) and ∂L/∂h_t (a boundary step of its own) */
const NET = `T = 4
input x = [0.5, -1.0, 2.0, 0.3]
target y = [1, 0, 1, 0]
param w = 0.7
param u = 0.4
param b = 0.1
param v = 1.2
h_0 = 0
h_t = tanh(w h_{t-1} + u x_t + b)
o_t = v h_t
L_t = (y_t - o_t)^2
loss L = Σ_t L_t
derive ∂h_t/∂h_{t-1}
derive ∂L/∂h_t
`;

const lineOf = (text: string, start: string): number => text.split('\n').findIndex((l) => l.startsWith(start)) + 1;

/** a long sequence: the symbolic forms stop at MAX_SYMBOLIC_RESULTS (200) steps of one question */
function longNet(T: number): string {
  const xs = Array.from({ length: T }, (_, t) => (Math.cos(t) * 0.9).toFixed(3)).join(', ');
  return `T = ${T}\ninput x = [${xs}]\nparam w = 0.8\nparam u = 0.3\nh_0 = 0\nh_t = tanh(w h_{t-1} + u x_t)\nloss L = Σ_t h_t^2\nderive ∂h_t/∂h_{t-1}\n`;
}

describe('hover on a free-t derive: written once for a general step t', () => {
  const r = analyze(NET, { forms: true });
  const forward = r.derives.find((d) => d.line === lineOf(NET, 'derive ∂h_t'))!;
  const backward = r.derives.find((d) => d.line === lineOf(NET, 'derive ∂L'))!;

  it('the Report has the general lines the hover is to show', () => {
    expect(forward.general?.map((g) => [g.from, g.to])).toEqual([[1, 4]]);
    expect(backward.general?.map((g) => [g.from, g.to])).toEqual([
      [1, 3],
      [4, 4],
    ]);
  });

  it('the general form with t, its range, no concrete step form, then every step’s number', () => {
    for (const opts of [full, brief]) {
      const h = hoverContent(r, { line: forward.line, column: 3 }, opts)!;
      const key = mathKey(h.markdown);
      expect(key).toContain(mathKey('∂h_t/∂h_{t-1} = tanh′(h̃_t) w   for t = 1..4'));
      expect(key).toContain(mathKey('where h̃_t = w h_{t-1} + u x_t + b'));
      // the first step's own form is not the statement any more
      expect(plain(h.markdown)).not.toMatch(/h₁|h₀/);
      expect(plain(h.markdown)).not.toContain('t = 1: ∂');
      // every step's number
      const text = plain(h.markdown);
      for (const res of forward.results) expect(text).toContain(`t = ${res.t}`);
      expect(text).toContain('0.6406');
      expect(text).toContain('0.4457');
    }
  });

  it('a boundary step keeps its own line, after the general one', () => {
    const h = hoverContent(r, { line: backward.line, column: 3 }, full)!;
    const key = mathKey(h.markdown);
    const general = key.indexOf(mathKey('for t = 1..3'));
    const last = key.indexOf(mathKey('∂L/∂h₄ = ∂L₄/∂o₄·∂o₄/∂h₄'));
    expect(general).toBeGreaterThan(0);
    expect(last).toBeGreaterThan(general);
    expect(key).toContain(mathKey('δ_{t+1}'));
  });

  it('user text in a general line is escaped (Markdown and HTML)', () => {
    const d: DeriveReport = {
      ...forward,
      general: [{ from: 1, to: 4, text: 'a_t = <b>x</b> *y* [z](command:evil)   for t = 1..4', latex: 'a_t' }],
    };
    const md = hoverContent({ ...r, derives: [d] }, { line: d.line, column: 3 }, full)!.markdown;
    expect(md).not.toContain('<b>');
    // the link's brackets escaped: no link is made
    expect(md).not.toContain('[z](command:evil)');
    expect(md).toContain('\\[z\\](command:evil)');
    expect(md).toContain('&lt;b&gt;');
  });

  it('Copy LaTeX: the general lines once, then the values at every step', () => {
    const latex = deriveLatex(backward, 6);
    expect(latex).toContain(backward.general![0]!.latex);
    expect(latex).toContain(backward.general![1]!.latex);
    expect(latex).toContain('t = 1..3');
    expect(latex).toMatch(/t = 4\\colon\\ /);
    // not one block per step any more
    expect(latex).not.toContain('at t = 2');
    // the hover's link carries at most its steps, and says where the rest are
    expect(deriveLatex(backward, 6, 2)).toContain('2 more steps');
    expect(hoverContent(r, { line: backward.line, column: 3 }, full)!.latex).toBe(deriveLatex(backward, 4, 12));
  });

  it('a derive without a free t is unchanged (no general line)', () => {
    const text = NET + 'derive ∂L/∂w\n';
    const rr = analyze(text, { forms: true });
    const d = rr.derives.find((x) => x.line === lineOf(text, 'derive ∂L/∂w'))!;
    expect(d.general).toBeUndefined();
    expect(d.generalOmitted).toBeUndefined();
    expect(plain(hoverContent(rr, { line: d.line, column: 3 }, full)!.markdown)).toContain('chain rule');
  });
});

describe('a limit left some steps without forms: the general line is absent, and the reason is given', () => {
  const text = longNet(210);
  const r = analyze(text, { forms: true });
  const d = r.derives[0]!;

  it('the Report says which steps and why (generalOmitted)', () => {
    expect(d.general).toBeUndefined();
    expect(d.results.filter((x) => x.forms)).toHaveLength(200);
    expect(d.generalOmitted).toBe(
      'written step by step, not once for a general step t: t = 201..210 have only their numbers — symbolic forms are written for the first 200 steps of one question (limit)',
    );
  }, 60_000);

  it('the CLI says it once, before the steps, and not "only the number" for a derive that has forms', () => {
    const out = renderText('long.rnn', r);
    expect(out).toContain(`(${d.generalOmitted})`);
    expect(out.indexOf(d.generalOmitted!)).toBeLessThan(out.indexOf('∂h₁/∂h₀'));
    expect(out).not.toContain('(only the number:');
    expect(renderLatex('long.rnn', r)).toContain(`% ${d.generalOmitted}`);
  });

  it('the hover and Copy LaTeX say it', () => {
    const h = hoverContent(r, { line: d.line, column: 3 }, full)!;
    expect(plain(h.markdown)).toContain('not once for a general step t: t = 201..210 have only their numbers');
    expect(deriveLatex(d, 6)).toContain(d.generalOmitted!);
    // the step count after the reason is right: all 210 steps when nothing is capped
    expect(deriveLatex(d, 6)).not.toContain('more steps');
    expect(deriveLatex(d, 6, 12)).toContain('198 more steps');
  });

  it('no reason where every step has its form, nor where none has (that one says "only the number")', () => {
    const short = analyze(longNet(6), { forms: true }).derives[0]!;
    expect(short.general).toBeDefined();
    expect(short.generalOmitted).toBeUndefined();
    const none = analyze(longNet(6), { forms: false }).derives[0]!;
    expect(none.generalOmitted).toBeUndefined();
  });
});

/** a vector net of my own with a scalar side chain, for the free indices k (steps) and i (entries) */
const FREE = `T = 4
input x : 2 = [[1, 0], [0.5, -1], [-0.3, 0.8], [0.2, 0.4]]
param U : 3x2 = [[0.5, -0.3], [0.2, 0.8], [-0.6, 0.1]]
param W : 3x3 = [[0.4, -0.2, 0.1], [0.3, 0.5, -0.4], [-0.1, 0.2, 0.6]]
param w = 0.7
input z = [0.5, -1.0, 2.0, 0.3]
h_0 = 0
g_0 = 0
h_t = tanh(U x_t + W h_{t-1})
g_t = tanh(w g_{t-1} + z_t)
loss L = Σ_t sum(h_t) + Σ_t g_t
check ∂g_k/∂g_{k-1} = (1 - g_k^2) w
check ∂g_k/∂g_{k-1} = (1 - g_k^2) w for k = 2..3
check ∂g_k/∂g_{k-1} = (1 - g_k^2) w + [0, 1, 0, 0][k]
check h_k[i] = tanh(U x_k + W h_{k-1})[i]
check h_t[i] = tanh(U x_t + W h_{t-1})[i]
check h_t[i] = tanh(U x_t + W h_{t-1})[i] + [0, 0, 1][i]
check ∂g_t/∂g_k = ∏_{j=k+1}^{t} (1 - g_j^2) w
check ∂g_t/∂g_{t-1} = (1 - g_t^2) w
`;

describe('free indices besides t are named in the verdict, and each value is an entry of steps', () => {
  const r = analyze(FREE);
  const check = (start: string) => {
    const c = r.checks.find((x) => x.line === lineOf(FREE, start) && x.equation.startsWith(start.slice(6)));
    if (!c) throw new Error(`no check ${start}`);
    return c;
  };
  const checks = r.checks;

  it('k over steps: "holds for k = 1..4", one entry per k with t null and at.k', () => {
    const c = checks[0]!;
    expect(c.status).toBe('holds');
    expect(c.message).toBe("holds for k = 1..4 at the file's values and 4 random draws");
    expect(c.steps.map((s) => [s.t, s.at])).toEqual([
      [null, { k: 1 }],
      [null, { k: 2 }],
      [null, { k: 3 }],
      [null, { k: 4 }],
    ]);
    // the values are the derivative at each k: ∂g_1/∂g_0 = (1 − g_1²) w
    expect(c.steps.every((s) => s.ok && s.lhs === s.rhs)).toBe(true);
  });

  it('for k = 2..3: the range written is the range named', () => {
    const c = checks[1]!;
    expect(c.message).toBe("holds for k = 2..3 at the file's values and 4 random draws");
    expect(c.steps.map((s) => s.at)).toEqual([{ k: 2 }, { k: 3 }]);
  });

  it('a failing k: "fails at k = 2", its entry not ok and the others ok', () => {
    const c = checks[2]!;
    expect(c.status).toBe('fails');
    expect(c.message).toMatch(/^fails at k = 2: the left side is 0\.456948, the right side 1\.45695/);
    expect(c.steps.map((s) => s.ok)).toEqual([true, false, true, true]);
    expect(checkTitle(c, 4)).toBe('✗ fails at k = 2: 0.4569 ≠ 1.457');
  });

  it('k over steps and i over entries: both named; one entry per (k, i)', () => {
    const c = checks[3]!;
    expect(c.message).toBe("holds for k = 1..4 and i = 1..3 at the file's values and 4 random draws");
    expect(c.steps).toHaveLength(12);
    expect(c.steps[4]).toMatchObject({ t: null, at: { k: 2, i: 2 }, ok: true });
    expect(typeof c.steps[4]!.lhs).toBe('number');
  });

  it('t with an entry index i: t keeps its field, i is in at', () => {
    const c = checks[4]!;
    expect(c.message).toBe("holds for t = 1..4 and i = 1..3 at the file's values and 4 random draws");
    expect(c.steps.map((s) => [s.t, s.at!.i]).slice(0, 4)).toEqual([
      [1, 1],
      [1, 2],
      [1, 3],
      [2, 1],
    ]);
    const bad = checks[5]!;
    expect(bad.message).toMatch(/^fails at t = 1, i = 3: /);
    expect(bad.steps.filter((s) => !s.ok).map((s) => stepLabel(s))).toEqual([
      't = 1, i = 3',
      't = 2, i = 3',
      't = 3, i = 3',
      't = 4, i = 3',
    ]);
    expect(checkTitle(bad, 4)).toMatch(/^✗ fails at t = 1, i = 3: /);
  });

  it('indices a ∏ relates: the pairs judged are said to be those where its bounds run forward', () => {
    const c = checks[6]!;
    expect(c.message).toBe(
      "holds for t = 1..4 and k = 1..4 (the 10 of 16 pairs where its Σ/∏ bounds run forward) at the file's values and 4 random draws",
    );
    expect(c.steps).toHaveLength(10);
    expect(c.steps.every((s) => s.at!.k <= s.t!)).toBe(true);
  });

  it('a check with t alone is unchanged: no at, one entry per step', () => {
    const c = checks[7]!;
    expect(c.message).toBe("holds for t = 1..4 at the file's values and 4 random draws");
    expect(c.steps.map((s) => s.t)).toEqual([1, 2, 3, 4]);
    expect(c.steps.every((s) => !('at' in s))).toBe(true);
    expect(check('check ∂g_t/∂g_{t-1}')).toBe(c);
  });

  it('the hover names each entry by its indices', () => {
    const c = checks[2]!;
    const h = hoverContent(r, { line: c.line, column: 2 }, full)!;
    const text = plain(h.markdown);
    expect(text).toContain('k = 1');
    expect(text).toContain('k = 4');
    expect(text).toMatch(/✗ fails at k = 2/);
  });

  it('past 1,000 points: one entry per step, as a check with t alone', () => {
    const n = 40;
    const big = `T = 2
param A : ${n}x${n} = 0.01
input x : ${n} = 0.5
h_0 = 0
h_t = tanh(A h_{t-1} + x_t)
loss L = Σ_t sum(h_t)
check h_t[i] = tanh(A h_{t-1} + x_t)[i] + 0 * A[i, j]
`;
    const rb: Report = analyze(big, { draws: 1 });
    const c = rb.checks[0]!;
    expect(c.message).toMatch(/^holds for t = 1, 2 and i = 1\.\.40, j = 1\.\.40|^holds for t = 1\.\.2, i = 1\.\.40 and j = 1\.\.40/);
    expect(c.steps.map((s) => s.t)).toEqual([1, 2]);
    expect(c.steps[0]!.at).toEqual({ i: 1, j: 1 });
  }, 60_000);
});

describe('a derive with a free step index other than t (seed 003 numbers its layers k)', () => {
  const text = `T = 3
input z = [0.5, -1.0, 2.0]
param w = 0.7
g_0 = 0
g_t = tanh(w g_{t-1} + z_t)
loss L = Σ_t g_t
derive ∂g_k/∂g_{k-1}
derive ∂L/∂g_k
derive ∂g_t/∂g_{t-1}
`;
  const r = analyze(text, { forms: true });

  it('k runs over the steps as t does: the same results and general line, an information saying so', () => {
    const [k, , t] = r.derives;
    expect(k!.query).toBe('∂g_k/∂g_{k-1}');
    expect(k!.results.map((x) => [x.t, x.value])).toEqual(t!.results.map((x) => [x.t, x.value]));
    expect(k!.general).toEqual(t!.general);
    const info = r.diagnostics.filter((d) => d.code === 'free-step');
    expect(info.map((d) => [d.line, d.severity, d.message])).toEqual([
      [7, 'information', 'k runs over the steps, as t does: one result per step, written with t'],
      [8, 'information', 'k runs over the steps, as t does: one result per step, written with t'],
    ]);
    // never the evaluator's "k is not bound"
    expect(r.diagnostics.some((d) => d.message.includes('not bound'))).toBe(false);
    expect(r.derives[1]!.results.map((x) => x.t)).toEqual([1, 2, 3]);
  });

  it('an entry index or a second free index: an error that names it', () => {
    const bad = `T = 3
param w_t : 2x2 = 0.5
p_0 = [0.5, -0.2]
p^{(t)} = σ((w^{(t)})ᵀ p^{(t-1)})
loss E = sum(p^{(T)})
derive ∂E/∂p_i^{(k)}
derive ∂p^{(k)}/∂p^{(j)}
`;
    const rb = analyze(bad);
    const errors = rb.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.line, d.message]);
    expect(errors).toEqual([
      [
        6,
        "a derive gives the whole derivative: the free entry index i has no reading here — derive the whole vector, or write an entry's number in place of i",
      ],
      [
        7,
        'a derive has one free step, written t: k is a second free index (a check reads several; derive one with the other given a number)',
      ],
    ]);
    expect(rb.derives).toHaveLength(0);
  });
});

describe('Copy LaTeX of a check', () => {
  it('a holds-as-one-step check is called so (it was "holds only for the given values")', async () => {
    const { checkLatex } = await import('../../src/extension/commands/latexContent');
    const base = analyze(NET + 'check ∂h_t/∂h_{t-1} = tanh′(w h_{t-1} + u x_t + b) w\n').checks[0]!;
    expect(checkLatex({ ...base, status: 'holds-as-one-step' })).toMatch(/^% check \(line \d+\): holds as a one-step derivative\n/);
    expect(checkLatex({ ...base, status: 'holds-at-given-values' })).toMatch(/: holds only for the given values\n/);
    expect(checkLatex(base)).toMatch(/: holds\n/);
  });
});
