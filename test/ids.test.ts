import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/analysis';
import { isUntimedTwinKey, nameOfKey, nodeIdOf, nodeKey, nodeLabel, parseNodeKey, stepLabel, untimedTwinKey } from '../src/ids';
import { hoverContent } from '../src/extension/hover/hoverContent';
import { cursorContext } from '../src/extension/panel/panelCursor';

describe('node ids', () => {
  it('keys: h@2 for a step, the bare name without one', () => {
    expect(nodeKey({ name: 'h', step: 2 })).toBe('h@2');
    expect(nodeKey({ name: 'W_hh', step: null })).toBe('W_hh');
    expect(nodeKey({ name: 'h', step: 0 })).toBe('h@0');
  });

  it('parseNodeKey inverts nodeKey for every name and step', () => {
    const name = fc.stringMatching(/^[A-Za-zα-ω][A-Za-z0-9_α-ω′]{0,8}$/);
    const step = fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null });
    fc.assert(
      fc.property(name, step, (n, s) => {
        expect(parseNodeKey(nodeKey({ name: n, step: s }))).toEqual({ name: n, step: s });
      }),
    );
  });

  it('labels: h_2, h_{10}, W_hh', () => {
    expect(nodeLabel({ name: 'h', step: 2 })).toBe('h_2');
    expect(nodeLabel({ name: 'h', step: 10 })).toBe('h_{10}');
    expect(nodeLabel({ name: 'W_hh', step: null })).toBe('W_hh');
    expect(nodeLabel({ name: untimedTwinKey('L'), step: null })).toBe('L');
  });

  // session 30: Graves's s_c^t printed as s_c_t, a_ω^{t+1} as a_ω_{t+1} (the step ran into the name's own subscript)
  it('a name with a subscript of its own takes its step over it, as it reads back: s_c^t, a_ω^{t+1}, s_c^{(2)}', () => {
    expect(stepLabel('s_c', 't')).toBe('s_c^t');
    expect(stepLabel('a_ω', 't+1')).toBe('a_ω^{t+1}');
    expect(stepLabel('s_c', 't-1')).toBe('s_c^{t-1}');
    // a number over a name is a power (s_c^2), and a step beginning with one too (4-i)
    expect(nodeLabel({ name: 's_c', step: 2 })).toBe('s_c^{(2)}');
    expect(stepLabel('s_c', '4-i')).toBe('s_c^{(4-i)}');
    expect(stepLabel('h', 't-1')).toBe('h_{t-1}');
    // what is printed reads back as the same step (the messages' spelling can be pasted into a check)
    const net = 'T = 3\ninput x = [0.5, -0.8, 0.3]\nparam w = 0.4\ns_c_0 = 0.1\ns_c^t = tanh(w s_c^{t-1} + x^t)\nloss L = Σ_t s_c^t\n';
    for (const [printed, written] of [
      ['s_c^t', 's_c_t'],
      ['s_c^{t-1}', 's_c_{t-1}'],
      ['s_c^{(2)}', 's_c_2'],
    ])
      expect(analyze(`${net}check ${printed} = ${written}\n`).checks[0]!.status).toBe('holds');
  });

  it('the untimed twin of a timed name is known only by its model key', () => {
    expect(isUntimedTwinKey(untimedTwinKey('L'))).toBe(true);
    expect(isUntimedTwinKey('L')).toBe(false);
    expect(nameOfKey(untimedTwinKey('L'))).toBe('L');
    expect(nodeIdOf(untimedTwinKey('L'), null, true)).toEqual({ name: 'L', step: null, timed: false });
    expect(nodeIdOf('h', 3, true)).toEqual({ name: 'h', step: 3, timed: true });
  });
});

describe('the Report names nodes as written', () => {
  const text = readFileSync(join(__dirname, '../examples/bidirectional-rnn.rnn'), 'utf8');
  const report = analyze(text, { symbolic: false });

  it('no model key (L#) reaches symbols, graph nodes, edges or quantities', () => {
    const names = [
      ...report.symbols.flatMap((s) => [s.name, s.inEquationOf ?? '']),
      ...report.graph!.nodes.flatMap((n) => [n.id, n.name]),
      ...report.graph!.edges.flatMap((e) => [e.from, e.to]),
      ...report.quantities.map((q) => q.name),
    ];
    expect(names.filter((n) => n.includes('#'))).toEqual([]);
  });

  it('graph nodes carry { name, t, timed } and their id is nodeKey of them', () => {
    for (const n of report.graph!.nodes) expect(n.id).toBe(nodeKey({ name: n.name, step: n.t }));
    const L = report.graph!.nodes.filter((n) => n.name === 'L');
    expect(L.find((n) => n.t === null)).toMatchObject({ timed: false, kind: 'loss' });
    expect(L.filter((n) => n.t !== null).every((n) => n.timed)).toBe(true);
    expect(report.graph!.nodes.find((n) => n.name === 'W_f')).toMatchObject({ t: null, timed: false });
    const ids = new Set(report.graph!.nodes.map((n) => n.id));
    for (const e of report.graph!.edges) {
      expect(ids.has(e.from)).toBe(true);
      expect(ids.has(e.to)).toBe(true);
    }
  });

  it('symbols say timed: false for the untimed L and for uses in its equation', () => {
    const line = text.split('\n').findIndex((l) => l.startsWith('loss L')) + 1;
    const lossDef = report.symbols.filter((s) => s.line === line);
    const inSum = lossDef.find((s) => s.text === 'L_t')!;
    expect(inSum).toMatchObject({ name: 'L', inEquationOf: 'L', inEquationOfTimed: false });
    const deriveLine = text.split('\n').findIndex((l) => l.startsWith('derive ∂L/∂U_b')) + 1;
    const use = report.symbols.find((s) => s.line === deriveLine && s.text === 'L')!;
    expect(use).toMatchObject({ name: 'L', timed: false });
  });

  it('the cursor on the untimed L selects the node L, the hover shows the loss (regression: "#" was stripped by hand)', () => {
    const deriveLine = text.split('\n').findIndex((l) => l.startsWith('derive ∂L/∂U_b')) + 1;
    const use = report.symbols.find((s) => s.line === deriveLine && s.text === 'L')!;
    expect(cursorContext(report, use.line, use.column).node).toBe('L');
    const line = text.split('\n').findIndex((l) => l.startsWith('loss L')) + 1;
    const sumUse = report.symbols.find((s) => s.line === line && s.text === 'L_t')!;
    const h = hoverContent(report, { line, column: sumUse.column }, { digits: 4, detail: 'full', uri: 'file:///x.rnn' });
    expect(h).not.toBeNull();
    // a use inside L = Σ_t L_t: the partial of the untimed L (its owner), not of the timed L_t
    expect(h!.markdown).toContain('∂⁺L');
  });
});
