// A hand-made Report for a two-step scalar RNN, typed by src/report.ts, for content tests that must not
// depend on the engine's numbers. Its numbers are self-consistent: ∂L/∂w = Σ_t ∂L/∂h_t · ∂⁺h_t/∂w.
//
//  1 T = 2
//  2 input x = [1, 2]
//  3 target y = [0, 1]
//  4 param w = 0.5
//  5 h_0 = 0
//  6 h_t = σ(w h_{t-1} + x_t)
//  7 L_t = (y_t - h_t)^2
//  8 loss L = Σ_t L_t
//  9 derive ∂L/∂w
// 10 check ∂h_t/∂h_{t-1} = w
// 11 derive ∂L/∂h_t
// 12 check ∂L/∂w = ∂L/∂h_2 · ∂⁺h_2/∂w

import type { PartialReport, Range, Report, SymbolOccurrence } from '../../src/report';

export const FIXTURE_TEXT = [
  'T = 2',
  'input x = [1, 2]',
  'target y = [0, 1]',
  'param w = 0.5',
  'h_0 = 0',
  'h_t = σ(w h_{t-1} + x_t)',
  'L_t = (y_t - h_t)^2',
  'loss L = Σ_t L_t',
  'derive ∂L/∂w',
  'check ∂h_t/∂h_{t-1} = w',
  'derive ∂L/∂h_t',
  'check ∂L/∂w = ∂L/∂h_2 · ∂⁺h_2/∂w',
].join('\n');

/** The range of the `occurrence`-th `needle` on 1-based `line` of FIXTURE_TEXT. */
export function rangeOf(line: number, needle: string, occurrence = 0): Range {
  const text = FIXTURE_TEXT.split('\n')[line - 1]!;
  let col = -1;
  for (let i = 0; i <= occurrence; i++) col = text.indexOf(needle, col + 1);
  if (col < 0) throw new Error(`${needle} not on line ${line}`);
  return { line, column: col + 1, endLine: line, endColumn: col + 1 + needle.length };
}

function sym(
  line: number,
  text: string,
  name: string,
  role: SymbolOccurrence['role'],
  extra: Partial<SymbolOccurrence> = {},
  occurrence = 0,
): SymbolOccurrence {
  return { ...rangeOf(line, text, occurrence), name, text, role, ...extra };
}

function lineRange(line: number): Range {
  return { line, column: 1, endLine: line, endColumn: FIXTURE_TEXT.split('\n')[line - 1]!.length + 1 };
}

/** ∂⁺h_t/∂wrt: its form [text, LaTeX] and its values at t = 1, 2 */
function partialOfH(wrt: string, [text, latex]: [string, string], [v1, v2]: [number, number]): PartialReport {
  return {
    of: 'h',
    wrt,
    form: { text, latex },
    values: [
      { t: 1, value: v1 },
      { t: 2, value: v2 },
    ],
  };
}

export function fixtureReport(): Report {
  return {
    diagnostics: [{ line: 10, column: 1, endLine: 10, endColumn: 5, severity: 'information', message: 'an information note' }],
    derives: [
      {
        line: 9,
        query: '∂L/∂w',
        queryLatex: '\\frac{\\partial L}{\\partial w}',
        range: lineRange(9),
        results: [
          {
            t: null,
            value: 0.05,
            text: '∂L/∂w = 0.05',
            latex: '\\frac{\\partial L}{\\partial w} = 0.05',
            forms: {
              chain: {
                text: '∂L/∂h_2 · ∂⁺h_2/∂w + ∂L/∂h_1 · ∂⁺h_1/∂w',
                latex:
                  '\\frac{\\partial L}{\\partial h_2}\\frac{\\partial^+ h_2}{\\partial w} + \\frac{\\partial L}{\\partial h_1}\\frac{\\partial^+ h_1}{\\partial w}',
              },
              explicit: { text: "-2(y_2 - h_2) σ'(w h_1 + x_2) h_1", latex: "-2(y_2 - h_2)\\sigma'(w h_1 + x_2) h_1" },
              recursive: { text: "Σ_t δ_t h_{t-1}, δ_t = ∂L/∂h_t σ'(z_t)", latex: '\\sum_t \\delta_t h_{t-1}' },
            },
          },
        ],
      },
      {
        line: 11,
        query: '∂L/∂h_t',
        queryLatex: '\\frac{\\partial L}{\\partial h_t}',
        range: lineRange(11),
        results: [
          { t: 1, value: 0.2, text: '∂L/∂h_1 = 0.2', latex: '\\frac{\\partial L}{\\partial h_1} = 0.2' },
          { t: 2, value: 0.5, text: '∂L/∂h_2 = 0.5', latex: '\\frac{\\partial L}{\\partial h_2} = 0.5' },
        ],
      },
    ],
    checks: [
      {
        line: 10,
        status: 'fails',
        message: 'fails at t = 2: left 0.1234 ≠ right 0.5',
        range: lineRange(10),
        equation: '∂h_t/∂h_{t-1} = w',
        steps: [
          { t: 1, lhs: 0.125, rhs: 0.5, ok: false },
          { t: 2, lhs: 0.1234, rhs: 0.5, ok: false },
        ],
        failingStep: 1,
      },
      {
        line: 12,
        status: 'holds-at-given-values',
        message: 'holds only for these values: vary h_0',
        range: lineRange(12),
        equation: '∂L/∂w = ∂L/∂h_2 · ∂⁺h_2/∂w',
        steps: [{ t: null, lhs: 0.05, rhs: 0.05, ok: true }],
      },
    ],
    params: [{ name: 'w', shape: [], count: 1 }],
    flow: [{ name: 'h', norms: [0.2, 0.5] }],
    T: 2,
    loss: { name: 'L', value: 0.75, line: 8 },
    sampled: [],
    quantities: [
      {
        name: 'h',
        kind: 'state',
        shape: [],
        timed: true,
        line: 6,
        equation: 'σ(w h_{t-1} + x_t)',
        grads: [
          { t: 1, value: 0.2 },
          { t: 2, value: 0.5 },
        ],
        partials: [
          partialOfH('w', ["σ'(w h_{t-1} + x_t) h_{t-1}", "\\sigma'(w h_{t-1} + x_t) h_{t-1}"], [0, 0.1]),
          partialOfH('h_{t-1}', ["σ'(w h_{t-1} + x_t) w", "\\sigma'(w h_{t-1} + x_t) w"], [0.125, 0.1234]),
          partialOfH('x_t', ["σ'(w h_{t-1} + x_t)", "\\sigma'(w h_{t-1} + x_t)"], [0.25, 0.2468]),
        ],
      },
      {
        name: 'L',
        kind: 'loss',
        shape: [],
        timed: false,
        line: 8,
        equation: 'Σ_t L_t',
        grads: [{ t: null, value: 1 }],
        partials: [],
      },
    ],
    symbols: [
      sym(4, 'w', 'w', 'declaration'),
      sym(6, 'h_t', 'h', 'definition', { offset: 0 }),
      sym(6, 'σ', 'σ', 'function'),
      sym(6, 'w', 'w', 'use', { inEquationOf: 'h' }),
      sym(6, 'h_{t-1}', 'h', 'use', { inEquationOf: 'h', offset: -1 }),
      sym(6, 'x_t', 'x', 'use', { inEquationOf: 'h', offset: 0 }),
      sym(5, 'h_0', 'h', 'definition', { step: 0 }),
      sym(8, 'L', 'L', 'definition'),
    ],
    graph: {
      T: 2,
      steps: [0, 1, 2],
      rows: [
        { name: 'w', kind: 'param', shape: [], timed: false, line: 4 },
        { name: 'x', kind: 'input', shape: [], timed: true, line: 2 },
        { name: 'h', kind: 'state', shape: [], timed: true, line: 6 },
      ],
      nodes: [
        { id: 'w', name: 'w', t: null, timed: false, kind: 'param', shape: [], value: 0.5, grad: 0.05, gradNorm: 0.05 },
        { id: 'x@1', name: 'x', t: 1, timed: true, kind: 'input', shape: [], value: 1, grad: 0.05, gradNorm: 0.05 },
        { id: 'x@2', name: 'x', t: 2, timed: true, kind: 'input', shape: [], value: 2, grad: 0.1234, gradNorm: 0.1234 },
        { id: 'h@1', name: 'h', t: 1, timed: true, kind: 'state', shape: [], value: 0.731, grad: 0.2, gradNorm: 0.2 },
        { id: 'h@2', name: 'h', t: 2, timed: true, kind: 'state', shape: [], value: 0.9, grad: 0.5, gradNorm: 0.5 },
      ],
      edges: [],
      truncated: false,
    },
    gradcheck: [{ name: 'w', autodiff: 0.05, numeric: 0.0500000001, relError: 1e-9, entries: [0] }],
    paramCount: 1,
    elapsedMs: 1.5,
  };
}
