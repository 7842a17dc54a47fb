import { describe, expect, it } from 'vitest';
import { diagnosticItems } from '../../../src/extension/diagnostics/diagnosticsContent';
import { checkTitle, deriveTitle, lensItems } from '../../../src/extension/inline/inlineContent';
import { statusContent } from '../../../src/extension/status/statusBarContent';
import { deriveLatex, checkLatex, allDerivesLatex } from '../../../src/extension/commands/latexContent';
import { fixtureReport } from '../fixture';

describe('diagnostics', () => {
  it('keeps the Report diagnostics and adds check verdicts by severity', () => {
    const items = diagnosticItems(fixtureReport(), { hintForHolding: false });
    expect(items.map((i) => [i.line, i.severity])).toEqual([
      [10, 'information'],
      [10, 'error'],
      [12, 'warning'],
    ]);
    expect(items[1]!.message).toContain('fails at t = 2');
    expect(items[1]!.code).toBe('check-fails');
  });
  it('shows holding checks as hints only when asked', () => {
    const r = fixtureReport();
    r.checks[1]!.status = 'holds';
    expect(diagnosticItems(r, { hintForHolding: false }).filter((i) => i.line === 12)).toEqual([]);
    const hint = diagnosticItems(r, { hintForHolding: true }).filter((i) => i.line === 12);
    expect(hint.map((i) => i.severity)).toEqual(['hint']);
  });
  it('does not repeat a verdict the Report already lists as a diagnostic', () => {
    const r = fixtureReport();
    r.diagnostics.push({ ...r.checks[0]!.range, severity: 'error', message: r.checks[0]!.message });
    expect(diagnosticItems(r, { hintForHolding: false }).filter((i) => i.severity === 'error')).toHaveLength(1);
  });
});

describe('inline results', () => {
  it('derive lines: the value, or the values per step', () => {
    const r = fixtureReport();
    expect(deriveTitle(r.derives[0]!, 4)).toBe('= 0.05');
    expect(deriveTitle(r.derives[1]!, 4)).toBe('2 steps: 0.2 · 0.5');
    const long = { ...r.derives[1]!, results: Array.from({ length: 9 }, (_, i) => ({ t: i + 1, value: i / 10, text: '', latex: '' })) };
    expect(deriveTitle(long, 4)).toBe('9 steps: 0 · 0.1 · 0.2 · … · 0.7 · 0.8');
    const mat = {
      ...r.derives[0]!,
      results: [
        {
          t: null,
          value: [
            [3, 0],
            [0, 4],
          ],
          text: '',
          latex: '',
        },
      ],
    };
    expect(deriveTitle(mat, 4)).toBe('= 2×2 matrix, ‖·‖ = 5');
  });
  it('check lines: the verdict with the failing step and both values', () => {
    const r = fixtureReport();
    expect(checkTitle(r.checks[0]!, 4)).toBe('✗ fails at t = 1: 0.125 ≠ 0.5');
    expect(checkTitle(r.checks[1]!, 4)).toBe('⚠ holds only for these values');
    expect(checkTitle({ ...r.checks[1]!, status: 'holds' }, 4)).toBe('✓ holds');
  });
  it('one lens per check, two per derive (result, Copy LaTeX), in line order, with their commands', () => {
    const items = lensItems(fixtureReport(), 4, 'file:///a.rnn');
    expect(items.map((i) => [i.range.line, i.command])).toEqual([
      [9, 'unroll.openPanel'],
      [9, 'unroll.copyLatex'],
      [10, 'unroll.openPanel'],
      [11, 'unroll.openPanel'],
      [11, 'unroll.copyLatex'],
      [12, 'unroll.openPanel'],
    ]);
    expect(items[0]!.arg).toEqual({ uri: 'file:///a.rnn', line: 9 });
  });
});

describe('status bar', () => {
  it('shows the loss and the tally of verdicts', () => {
    const s = statusContent(fixtureReport(), 3);
    expect(s.text).toBe('$(pulse) L = 0.75  ✗1 ⚠1');
    expect(s.tooltip).toContain('0 hold, 1 fail, 1 hold only');
  });
  it('counts errors', () => {
    const r = fixtureReport();
    r.diagnostics.push({ line: 2, column: 1, endLine: 2, endColumn: 3, severity: 'error', message: 'x' });
    r.loss = null;
    expect(statusContent(r, 3).text).toBe('$(pulse) ✗1 ⚠1  $(error) 1');
  });
});

describe('LaTeX', () => {
  it('a derive: each distinct form as its own block, with the query and the number around bare forms', () => {
    const tex = deriveLatex(fixtureReport().derives[0]!, 4);
    const blocks = tex.split('\n\n');
    expect(blocks.map((b) => b.split('\n')[0])).toEqual([
      '% ∂L/∂w (line 9), chain rule',
      '% ∂L/∂w (line 9), explicit',
      '% ∂L/∂w (line 9), δ-recursion',
    ]);
    for (const b of blocks) {
      expect(b).toContain('\\begin{aligned}');
      expect(b).toContain('\\frac{\\partial L}{\\partial w} &= ');
      expect(b).toContain('&= 0.05');
    }
  });
  it('complete forms (their own aligned equations) are copied unchanged', () => {
    const d = fixtureReport().derives[0]!;
    const full = '\\begin{aligned}\\frac{\\partial L}{\\partial w} &= x \\\\ &= 0.05\\end{aligned}';
    d.results[0]!.forms = { chain: { text: 'x', latex: full }, explicit: { text: 'x', latex: full } };
    expect(deriveLatex(d, 4)).toBe(`% ∂L/∂w (line 9), chain rule\n${full}`);
  });
  it('a derive without symbolic forms keeps its combined LaTeX, one block per step', () => {
    const tex = deriveLatex(fixtureReport().derives[1]!, 4);
    expect(tex).toContain('\\frac{\\partial L}{\\partial h_1} = 0.2');
    expect(tex).toContain('at t = 2');
  });
  it('a long per-step derive is cut where a hover carries it, and the cut says how to copy it all', () => {
    const d = fixtureReport().derives[1]!;
    d.results = Array.from({ length: 50 }, (_, i) => ({ t: i + 1, value: i, text: '', latex: `x_{${i + 1}} = ${i}` }));
    const cut = deriveLatex(d, 4, 12);
    expect(cut.match(/^% /gm)).toHaveLength(13);
    expect(cut).toContain('38 more steps');
    expect(deriveLatex(d, 4)).toContain('x_{50} = 49');
  });
  it('a check: its equation and the verdict as a comment', () => {
    expect(checkLatex(fixtureReport().checks[0]!)).toBe('% check (line 10): fails\n\\partial h_{t}/\\partial h_{t-1} = w');
  });
  it('all derives of a file', () => {
    // three form blocks for ∂L/∂w, one combined block per step for ∂L/∂h_t
    expect(allDerivesLatex(fixtureReport(), 4).split('\n% ').length).toBe(5);
  });
});
