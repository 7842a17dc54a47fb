// A derive with a free t is written once for a general step t, then the value at every step (LANGUAGE.md
// §5, issue 9): DeriveReport.general groups the steps whose forms print alike relative to their own step;
// a boundary step whose form differs (the last step of a backward recurrence) keeps its own line.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { renderLatex, renderText } from '../../src/cli-render';
import { compile } from '../../src/language/index';
import type { DeriveQuestion } from '../../src/language/model';
import { forward } from '../../src/engine/run';
import { deriveForms, stepForms } from '../../src/engine/symbolic/index';
import type { DeriveReport, GeneralForm } from '../../src/report';

const GRU = `T = 3
input x = [0.5, -1.0, 2.0]
param w = 0.8
h_0 = 0
u_t = σ(w h_{t-1} + w x_t)
s_t = w (h_{t-1} + x_t)
h_t = u_t h_{t-1} + (1 - u_t) s_t
loss L = Σ_t h_t^2
derive ∂h_t/∂h_{t-1}
check ∂h_t/∂h_{t-1} = u_t + (h_{t-1} - s_t) σ'(w h_{t-1} + w x_t) w + (1 - u_t) w
`;

const SHEET7 = readFileSync(join(__dirname, '..', '..', 'examples', 'sheet7-vanilla-rnn.rnn'), 'utf8');

const VECTOR = `T = 4
input  x : 2 = [[1, 0], [0.5, -1], [-0.3, 0.8], [0.2, 0.4]]
target y : 3 = [[1, 0, 0], [0, 1, 0], [0, 0, 1], [0, 1, 0]]
param  U : 3x2 = [[0.5, -0.3], [0.2, 0.8], [-0.6, 0.1]]
param  W : 3x3 = [[0.4, -0.2, 0.1], [0.3, 0.5, -0.4], [-0.1, 0.2, 0.6]]
param  V : 3x3 = [[0.7, -0.5, 0.2], [-0.3, 0.4, 0.6], [0.5, 0.1, -0.8]]
h_0 = 0
h_t = tanh(U x_t + W h_{t-1})
o_t = softmax(V h_t)
loss L = -Σ_t sum(y_t ⊙ log(o_t))
derive ∂L/∂h_t
derive ∂h_t/∂h_{t-1}
`;

function deriveAt(text: string, line: number): DeriveReport {
  const r = analyze(text, { forms: true });
  const d = r.derives.find((x) => x.line === line);
  if (!d) throw new Error(`no derive on line ${line}`);
  return d;
}

const lineOf = (text: string, start: string): number => text.split('\n').findIndex((l) => l.startsWith(start)) + 1;
const runs = (g: GeneralForm[] | undefined) => g?.map((x) => [x.from, x.to]);
/** a concrete step's subscript digits (h₂) or a LaTeX step number (h_{2}) */
const CONCRETE_STEP = /[₀-₉]|_\{\d+\}/;

/** every general (multi-step) entry: written with t and no concrete step; a one-step entry with its own step */
function wellWritten(d: DeriveReport): void {
  for (const g of d.general!) {
    if (g.to > g.from) {
      expect(g.text).toMatch(/_t\b|_\{t[+-]\d\}/);
      expect(g.text).not.toMatch(CONCRETE_STEP);
      expect(g.latex).not.toMatch(CONCRETE_STEP);
      expect(g.text).toContain(`for t = ${g.from}..${g.to}`);
    } else expect(g.text).toMatch(CONCRETE_STEP);
  }
  // the runs cover every step once, in order; the values stay per step
  expect(d.general!.flatMap((g) => Array.from({ length: g.to - g.from + 1 }, (_, i) => g.from + i))).toEqual(d.results.map((r) => r.t));
}

/** each step of a run really prints as the run's form relative to its own step (derived again, step by step) */
function eachStepPrintsAlike(text: string, line: number, d: DeriveReport): void {
  const { model } = compile(text);
  const q = model.questions.find((x): x is DeriveQuestion => x.kind === 'derive' && x.line === line)!;
  if (q.expr.k !== 'deriv') throw new Error('not a derivative');
  const run = forward(model);
  const all = { chain: true, explicit: true, recursive: true, named: true };
  for (const g of d.general!) {
    if (g.to === g.from) continue;
    for (let t = g.from; t <= g.to; t++) {
      const s = stepForms(deriveForms(model, q.expr.of, q.expr.wrt, q.expr.total, t, run), t, all);
      expect(s?.over(g.from, g.to).text, `t = ${t}`).toBe(g.text);
    }
  }
}

describe('derive with a free t: written once for a general step', () => {
  it("a GRU-like step's ∂h_t/∂h_{t-1}: one general line for t = 1..3 (h_0 = 0 is printed as h_{t-1}, not a boundary)", () => {
    const d = deriveAt(GRU, 9);
    expect(runs(d.general)).toEqual([[1, 3]]);
    wellWritten(d);
    expect(d.general![0].text).toContain('∂h_t/∂h_{t-1} = ∂⁺h_t/∂h_{t-1} + ∂h_t/∂u_t·∂u_t/∂h_{t-1} + ∂h_t/∂s_t·∂s_t/∂h_{t-1}');
    expect(d.general![0].text).toContain('= u_t + (h_{t-1} − s_t) σ′(ũ_t) w + (1 − u_t) w');
    expect(d.general![0].text).toContain('where ũ_t = w h_{t-1} + w x_t');
    eachStepPrintsAlike(GRU, 9, d);
    // results per step are unchanged: one per step, each with its own form and value
    expect(d.results.map((r) => r.t)).toEqual([1, 2, 3]);
    expect(d.results[1].text).toContain('∂h₂/∂h₁');
    // the general form, written by hand as a check, holds at every step and draw
    const c = analyze(GRU).checks[0];
    expect(c.status).toBe('holds');
  });

  it('the readable CLI and unroll latex write the general form once, then the values at every step', () => {
    const r = analyze(GRU, { forms: true });
    const out = renderText('gru.rnn', r);
    expect(out).toContain('for t = 1..3');
    expect(out).not.toContain('∂h₂/∂h₁');
    expect(out).toMatch(/t = 1: 0\.842854, t = 2: 1\.01661, t = 3: 0\.729255/);
    const tex = renderLatex('gru.rnn', r);
    expect(tex.match(/\\frac\{\\partial h_\{t\}\}\{\\partial h_\{t-1\}\} &=/g)).toHaveLength(1);
    expect(tex).not.toContain('h_{2}');
    expect(tex).toContain('t = 2\\colon\\ 1.01661');
  });

  it("sheet 7's ∂h_t/∂h_{t-1}: σ′(h̃_t) W_hh for t = 1..3", () => {
    const line = lineOf(SHEET7, 'derive ∂h_t/∂h_{t-1}');
    const d = deriveAt(SHEET7, line);
    expect(runs(d.general)).toEqual([[1, 3]]);
    wellWritten(d);
    expect(d.general![0].text).toBe('∂h_t/∂h_{t-1} = ∂h_t/∂h̃_t·∂h̃_t/∂h_{t-1} = σ′(h̃_t) W_hh   for t = 1..3');
    eachStepPrintsAlike(SHEET7, line, d);
  });

  it("sheet 7's ∂L/∂h_t: the δ-recursion's line for t = 1..2, t = T on its own", () => {
    const line = lineOf(SHEET7, 'derive ∂L/∂h_t');
    const d = deriveAt(SHEET7, line);
    expect(runs(d.general)).toEqual([
      [1, 2],
      [3, 3],
    ]);
    wellWritten(d);
    const [g, last] = d.general!;
    expect(g.text).toContain('δ_t = ∂L/∂h_t');
    // (ỹ is one character or y + a combining tilde: compared as NFC)
    expect(g.text.normalize()).toContain('= −2(t_t − y_t) σ′(ỹ_t) W_hy + δ_{t+1} σ′(h̃_{t+1}) W_hh   for t = 1..2'.normalize());
    expect(last.text.normalize()).toBe('∂L/∂h₃ = ∂L₃/∂y₃·∂y₃/∂ỹ₃·∂ỹ₃/∂h₃ = −2(t₃ − y₃) σ′(ỹ₃) W_hy'.normalize());
    eachStepPrintsAlike(SHEET7, line, d);
    // the general line, written by hand as a check (δ_{t+1} as ∂L/∂h_{t+1}), holds at t = 1..2
    const text = `${SHEET7}\ncheck ∂L/∂h_t = -2(t_t - y_t) σ'(\\tilde{y}_t) W_{hy} + ∂L/∂h_{t+1} σ'(\\tilde{h}_{t+1}) W_{hh} for t = 1..2\n`;
    const c = analyze(text).checks.at(-1)!;
    expect(c.status, c.message).toBe('holds');
  });

  it('a vector RNN: ∂L/∂h_t general for t = 1..3 with W written out, ∂h_t/∂h_{t-1} for every step', () => {
    const dh = deriveAt(VECTOR, 11);
    expect(runs(dh.general)).toEqual([
      [1, 3],
      [4, 4],
    ]);
    wellWritten(dh);
    expect(dh.general![0].text).toContain('δ_{t+1}');
    eachStepPrintsAlike(VECTOR, 11, dh);
    const dj = deriveAt(VECTOR, 12);
    expect(runs(dj.general)).toEqual([[1, 4]]);
    wellWritten(dj);
    expect(dj.general![0].text).toContain('tanh′(h̃_t)');
    eachStepPrintsAlike(VECTOR, 12, dj);
    // vector values on the values line
    expect(renderText('v.rnn', analyze(VECTOR, { forms: true }))).toMatch(/t = 1: \[[^\]]+\], t = 2: \[/);
  });

  it('only where forms are asked for: the plain analysis has no general field', () => {
    expect(analyze(GRU).derives[0].general).toBeUndefined();
    // a derive without a free t has none either
    const r = analyze(`${GRU}derive ∂L/∂w\n`, { forms: true });
    expect(r.derives[1].general).toBeUndefined();
  });
});
