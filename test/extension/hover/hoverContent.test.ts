import { describe, expect, it } from 'vitest';
import { contributions, functionKey, hoverContent, WORD_RANGE, type HoverOptions } from '../../../src/extension/hover/hoverContent';
import { fixtureReport, rangeOf } from '../fixture';
import { commandArgs, mathKey, plain } from '../plain';

const full: HoverOptions = { digits: 4, detail: 'full', uri: 'file:///sheet.rnn' };
const brief: HoverOptions = { ...full, detail: 'brief' };

function at(line: number, needle: string, occurrence = 0): { line: number; column: number } {
  const r = rangeOf(line, needle, occurrence);
  return { line: r.line, column: r.column };
}

describe('hover on a parameter', () => {
  it('declaration: ∂L/∂w with its value, shape, count, δ-form, per-step terms and gradient check', () => {
    const h = hoverContent(fixtureReport(), at(4, 'w'), full)!;
    expect(h).not.toBeNull();
    expect(h.range).toEqual(rangeOf(4, 'w'));
    const text = plain(h.markdown);
    expect(mathKey(h.markdown)).toContain('∂L/∂w=0.05');
    expect(text).toContain('scalar');
    expect(text).toContain('1 number');
    // the δ-recursion form of the file's own derive
    expect(mathKey(h.markdown)).toContain(mathKey('Σ_t δ_t h_{t-1}'));
    // per-step contributions δ_t · ∂⁺h_t/∂w: 0.2·0 and 0.5·0.1
    expect(text).toMatch(/h1:\s*0\b/);
    expect(text).toMatch(/h2:\s*0\.05/);
    expect(text).toContain('relative error 1e-9');
    expect(h.markdown).toContain('<sub>');
  });

  it('declaration links open the panel on the parameter and copy its derivation', () => {
    const h = hoverContent(fixtureReport(), at(4, 'w'), full)!;
    expect(commandArgs(h.markdown, 'unroll.openPanel')).toEqual([{ uri: 'file:///sheet.rnn', line: 4, node: 'w' }]);
    const [copy] = commandArgs(h.markdown, 'unroll.copyLatex') as { latex: string }[];
    expect(copy!.latex).toBe(h.latex);
    expect(h.latex).toContain('\\begin{aligned}');
    expect(h.latex).toContain('\\frac{\\partial L}{\\partial w}');
  });

  it('use inside an equation: the parameter and its immediate partial in that equation', () => {
    const h = hoverContent(fixtureReport(), at(6, 'w'), full)!;
    const key = mathKey(h.markdown);
    expect(key).toContain('∂L/∂w=0.05');
    expect(key).toContain(mathKey("∂⁺h_t/∂w = σ'(w h_{t-1} + x_t) h_{t-1}"));
    expect(plain(h.markdown)).toContain('0.1');
  });

  it('brief detail leaves out the per-step terms and the gradient check', () => {
    const h = hoverContent(fixtureReport(), at(4, 'w'), brief)!;
    expect(plain(h.markdown)).not.toContain('relative error');
    expect(plain(h.markdown)).not.toContain('per step');
    expect(mathKey(h.markdown)).toContain('∂L/∂w=0.05');
  });

  it('contributions add up to the gradient', () => {
    const r = fixtureReport();
    const h = r.quantities[0]!;
    const users = [{ q: h, pr: h.partials[0]! }];
    const c = contributions(users);
    expect(c.map((x) => x.label)).toEqual(['h_1', 'h_2']);
    expect(c.reduce((s, x) => s + x.value, 0)).toBeCloseTo(0.05, 15);
  });
});

describe('hover on quantities', () => {
  it('a use inside an equation: the immediate partial, symbolic and per step', () => {
    const h = hoverContent(fixtureReport(), at(6, 'h_{t-1}'), full)!;
    expect(h.range).toEqual(rangeOf(6, 'h_{t-1}'));
    const key = mathKey(h.markdown);
    expect(key).toContain(mathKey("∂⁺h_t/∂h_{t-1} = σ'(w h_{t-1} + x_t) w"));
    expect(plain(h.markdown)).toContain('0.125');
    expect(plain(h.markdown)).toContain('0.1234');
    expect(h.markdown).toContain('immediate partial');
    expect(h.latex).toBe("\\frac{\\partial^{+} h_{t}}{\\partial h_{t-1}} = \\sigma'(w h_{t-1} + x_t) w");
  });

  it('a use inside an equation before the forms have come (the editor’s numeric Report): the values alone', () => {
    const r = fixtureReport();
    const numeric = {
      ...r,
      quantities: r.quantities.map((q) => ({ ...q, partials: q.partials.map(({ of, wrt, values }) => ({ of, wrt, values })) })),
    };
    const h = hoverContent(numeric, at(6, 'h_{t-1}'), full)!;
    expect(mathKey(h.markdown)).toContain(mathKey('∂⁺h_t/∂h_{t-1}'));
    expect(mathKey(h.markdown)).not.toContain(mathKey("σ'(w h_{t-1} + x_t) w"));
    expect(plain(h.markdown)).toContain('0.125');
    expect(h.latex).toContain('\\frac{\\partial^{+} h_{t}}{\\partial h_{t-1}}');
  });

  it('the name on the left of its equation: ∂L/∂h_t per step and the flow of the gradient', () => {
    const h = hoverContent(fixtureReport(), at(6, 'h_t'), full)!;
    const text = plain(h.markdown);
    expect(mathKey(h.markdown)).toContain('∂L/∂ht');
    expect(text).toContain('0.2');
    expect(text).toContain('0.5');
    expect(text).toContain('total');
    // norms grow from 0.2 at t = 1 to 0.5 at t = 2: not a tenfold change → stable
    expect(text).toMatch(/gradient flow: stable/);
    expect(commandArgs(h.markdown, 'unroll.openPanel')).toEqual([{ uri: 'file:///sheet.rnn', line: 6, node: 'h' }]);
  });

  it('says vanishing or exploding when the norms change tenfold', () => {
    const r = fixtureReport();
    r.flow = [{ name: 'h', norms: [0.001, 0.5] }];
    expect(plain(hoverContent(r, at(6, 'h_t'), full)!.markdown)).toContain('vanishing');
    r.flow = [{ name: 'h', norms: [40, 0.5] }];
    expect(plain(hoverContent(r, at(6, 'h_t'), full)!.markdown)).toContain('exploding');
  });

  it('an initial state definition shows its own step', () => {
    const h = hoverContent(fixtureReport(), at(5, 'h_0'), full)!;
    expect(mathKey(h.markdown)).toContain('∂L/∂h0');
    expect(commandArgs(h.markdown, 'unroll.openPanel')).toEqual([{ uri: 'file:///sheet.rnn', line: 5, node: 'h@0' }]);
  });

  it('the loss shows its value', () => {
    const h = hoverContent(fixtureReport(), at(8, 'L'), full)!;
    expect(plain(h.markdown)).toMatch(/L = 0\.75/);
  });
});

describe('hover on functions', () => {
  it('σ: its derivative identity', () => {
    const h = hoverContent(fixtureReport(), at(6, 'σ'), full)!;
    expect(plain(h.markdown)).toContain("σ'(z) = σ(z)(1 - σ(z))");
    expect(h.latex).toContain("\\sigma'(z)");
  });
  it('knows every spelling', () => {
    expect(functionKey('σ')).toBe('sigma');
    expect(functionKey('\\sigma')).toBe('sigma');
    expect(functionKey('sigmoid')).toBe('sigma');
    expect(functionKey("σ'")).toBe('dsigma');
    expect(functionKey('dtanh')).toBe('dtanh');
    expect(functionKey('relu')).toBe('relu');
    expect(functionKey('count')).toBe('count');
    expect(functionKey('nope')).toBeNull();
    // Object's own property names are not rules (`key in IDENTITIES` found them)
    for (const w of ['constructor', 'toString', "constructor'", 'hasOwnProperty']) expect(functionKey(w), w).toBeNull();
  });
});

describe('hover on derive and check lines', () => {
  it('a derive without a free t: every form and the number', () => {
    const h = hoverContent(fixtureReport(), { line: 9, column: 3 }, full)!;
    const text = plain(h.markdown);
    expect(text).toContain('chain rule');
    expect(text).toContain('explicit');
    expect(text).toContain('δ-recursion');
    expect(text).toMatch(/= 0\.05/);
    expect(h.range.line).toBe(9);
    expect(commandArgs(h.markdown, 'unroll.openPanel')).toEqual([{ uri: 'file:///sheet.rnn', line: 9 }]);
  });
  it('a derive with a free t: one result per step', () => {
    const h = hoverContent(fixtureReport(), { line: 11, column: 9 }, full)!;
    const text = plain(h.markdown);
    expect(text).toContain('t = 1');
    expect(text).toContain('t = 2');
    expect(text).toContain('0.2');
    expect(text).toContain('0.5');
  });
  it('a failing check: the verdict, the message and the values per step', () => {
    const h = hoverContent(fixtureReport(), { line: 10, column: 2 }, full)!;
    const text = plain(h.markdown);
    expect(text).toContain('✗');
    expect(text).toContain('fails at t = 2');
    expect(text).toContain('0.1234');
    expect(h.markdown).toContain('<table>');
  });
  it("a check that holds only for these values: the verdict, the reason left to the line's problem", () => {
    const h = hoverContent(fixtureReport(), { line: 12, column: 2 }, full)!;
    expect(plain(h.markdown)).toContain('⚠ holds only for these values');
    expect(plain(h.markdown)).not.toContain('vary h_0');
  });
  it('the verdict word once, and the message once in the hover the editor shows (issue 13, item 4)', async () => {
    const { readFileSync } = await import('node:fs');
    const { analyze } = await import('../../../src/analysis');
    const { diagnosticItems } = await import('../../../src/extension/diagnostics/diagnosticsContent');
    for (const file of ['gru-one-weight', 'sheet7-vanilla-rnn', 'scalar-lstm-bptt']) {
      const r = analyze(readFileSync(`examples/${file}.rnn`, 'utf8'));
      const problems = diagnosticItems(r, { hintForHolding: false });
      for (const c of r.checks) {
        const text = plain(hoverContent(r, { line: c.line, column: c.range.column }, full)!.markdown);
        expect(text).not.toMatch(/\b(fails|holds)\b[^\n]*?: \1\b/);
        expect(text).not.toMatch(/fails: fails|holds: holds/);
        // the editor shows the line's problem in the same hover: the hover itself does not repeat it
        const problem = problems.find((p) => p.line === c.range.line && p.message === c.message);
        const body = c.message.slice(c.message.indexOf(': ') + 2);
        if (problem && body.length > 20) expect(text).not.toContain(body.slice(0, 40));
        if (c.status === 'fails') expect(text).toMatch(/✗ fails( at t = \d+)?/);
      }
    }
  });
  it('a check that holds keeps its whole message (it is no problem, so the editor shows nothing else)', () => {
    const r = fixtureReport();
    r.checks[0] = { ...r.checks[0]!, status: 'holds', message: "holds for t = 1..2 at the file's values and 4 random draws" };
    const text = plain(hoverContent(r, { line: 10, column: 2 }, full)!.markdown);
    expect(text).toContain("✓ holds for t = 1..2 at the file's values and 4 random draws");
  });
});

describe('hover on a per-step parameter', () => {
  it('shows ∂L/∂w_t for every step from the graph', () => {
    const r = fixtureReport();
    r.graph!.rows[0] = { name: 'w', kind: 'param', shape: [], timed: true, line: 4 };
    r.graph!.nodes = r.graph!.nodes.filter((n) => n.name !== 'w');
    r.graph!.nodes.push(
      { id: 'w@1', name: 'w', t: 1, timed: true, kind: 'param', shape: [], value: 0.5, grad: 0.01, gradNorm: 0.01 },
      { id: 'w@2', name: 'w', t: 2, timed: true, kind: 'param', shape: [], value: 0.6, grad: -0.02, gradNorm: 0.02 },
    );
    const h = hoverContent(r, at(4, 'w'), full)!;
    expect(mathKey(h.markdown)).toContain('∂L/∂wt');
    expect(plain(h.markdown)).toContain('one parameter per step');
    expect(plain(h.markdown)).toContain('0.01');
    expect(plain(h.markdown)).toContain('-0.02');
  });
});

describe('hover safety and fallbacks', () => {
  it('nothing where there is nothing', () => {
    expect(hoverContent(fixtureReport(), { line: 1, column: 1 }, full)).toBeNull();
  });
  it('falls back to the editor word for parameters the Report lists no symbol for', () => {
    const r = fixtureReport();
    r.symbols = [];
    const h = hoverContent(r, { line: 4, column: 7 }, { ...full, word: 'w' })!;
    expect(h.range).toEqual(WORD_RANGE);
    expect(mathKey(h.markdown)).toContain('∂L/∂w=0.05');
    const q = hoverContent(r, { line: 7, column: 14 }, { ...full, word: 'h_t' })!;
    expect(mathKey(q.markdown)).toContain('∂L/∂ht');
  });
  it('escapes user text: messages, equations and names never become HTML', () => {
    const r = fixtureReport();
    const evil = '<img src=x onerror=alert(1)>';
    r.checks[0]!.message = `bad ${evil}`;
    r.checks[0]!.equation = `${evil} = 1`;
    const h = hoverContent(r, { line: 10, column: 2 }, full)!;
    expect(h.markdown).not.toContain('<img');
    expect(h.markdown).toContain('&lt;img');
    r.quantities[0]!.equation = '</table><script>alert(1)</script>';
    const d = hoverContent(r, at(6, 'h_t'), full)!;
    expect(d.markdown).not.toContain('<script>');
  });
  it('notes sample values when the file gave none', () => {
    const r = fixtureReport();
    r.sampled = ['w'];
    expect(plain(hoverContent(r, at(4, 'w'), full)!.markdown)).toContain('sample values');
  });
});
