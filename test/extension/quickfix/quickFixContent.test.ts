import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analysis';
import { diagnosticItems } from '../../../src/extension/diagnostics/diagnosticsContent';
import { quickFixes, transposeFix } from '../../../src/extension/quickfix/quickFixContent';
import { analyzeSolution } from '../../../src/solution';
import type { TransposeFix } from '../../../src/report';
import { transposeSolution } from '../../fixtures/transposeSolution';

function apply(text: string, line: number, fix: { range: { column: number; endColumn: number }; newText: string }): string {
  const lines = text.split('\n');
  const l = lines[line - 1]!;
  lines[line - 1] = l.slice(0, fix.range.column - 1) + fix.newText + l.slice(fix.range.endColumn - 1);
  return lines.join('\n');
}

describe('quick fixes', () => {
  it('an unknown name: change it to the suggested one, and the error goes away', () => {
    const text = 'T = 2\nparam W_hh = 0.5\nh_0 = 0\nh_t = W_hx h_{t-1} + 1\nloss L = h_2\n';
    const d = analyze(text).diagnostics.find((x) => x.code === 'unknown-name')!;
    expect(d).toBeDefined();
    const fixes = quickFixes(d, text.split('\n')[d.line - 1]!);
    expect(fixes.map((f) => f.title)).toEqual(['Change to W_hh']);
    expect(fixes[0]!.preferred).toBe(true);
    const fixed = apply(text, d.line, fixes[0]!);
    expect(fixed).toContain('h_t = W_hh h_{t-1} + 1');
    expect(analyze(fixed).diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
  });

  it('a check that mistakes the total derivative for the immediate partial: ask for ∂⁺, and it holds (a GRU)', () => {
    // sheet 7's (26) now holds as a one-step derivative (LANGUAGE.md v2 §5); the GRU's 1 − z_t is ∂⁺ only
    const text =
      'T = 3\ninput x = [0.5, -1, 0.25]\nparam w = 0.7\nparam u = -0.4\nh_0 = 0.3\nz_t = σ(u h_{t-1} + w x_t)\ng_t = tanh(w h_{t-1} + u x_t)\nh_t = (1 - z_t) h_{t-1} + z_t g_t\nloss L = Σ_t h_t^2\ncheck ∂h_t/∂h_{t-1} = 1 - z_t\n';
    const report = analyze(text);
    const check = report.checks.find((c) => c.status === 'fails' && c.message.includes('immediate partial'))!;
    expect(check).toBeDefined();
    const item = diagnosticItems(report, { hintForHolding: false }).find((i) => i.line === check.line && i.severity === 'error')!;
    const lineText = text.split('\n')[check.line - 1]!;
    const fixes = quickFixes(item, lineText);
    expect(fixes).toHaveLength(1);
    expect(fixes[0]!.title).toMatch(/^Ask for the immediate partial ∂⁺h_t\/∂h_\{t-1\}$/);
    const fixed = apply(text, check.line, fixes[0]!);
    expect(analyze(fixed).checks.find((c) => c.line === check.line)!.status).toBe('holds');
  });

  it('offers nothing for other messages', () => {
    expect(quickFixes({ line: 1, column: 1, endLine: 1, endColumn: 2, severity: 'error', message: 'shape mismatch: 3 vs 2' }, 'x')).toEqual(
      [],
    );
  });
});

describe('quick fix for a missing initial state (issue 13, item 6)', () => {
  it('adds `h_0 = 0` on its own line before the equation, and the error goes away', () => {
    const text = 'T = 2\nparam w = 0.5\ninput x = [1, 2]\nh_t = tanh(w h_{t-1} + x_t)\nloss L = h_2\n';
    const d = analyze(text).diagnostics.find((x) => x.code === 'initial-state')!;
    expect(d.message).toContain('add `h_0 = 0`');
    const lines = text.split('\n');
    const fixes = quickFixes(d, lines[d.line - 1]!, lines);
    expect(fixes.map((f) => f.title)).toEqual(['Add `h_0 = 0` before this equation']);
    expect(fixes[0]!.preferred).toBe(true);
    const fixed = apply(text, fixes[0]!.range.line, fixes[0]!);
    expect(fixed).toBe('T = 2\nparam w = 0.5\ninput x = [1, 2]\nh_0 = 0\nh_t = tanh(w h_{t-1} + x_t)\nloss L = h_2\n');
    expect(analyze(fixed).diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
  });

  it('an equation over several lines (an open bracket) gets the line before its first line, with its indentation', () => {
    const text = 'T = 2\nparam w = 0.5\ninput x = [1, 2]\n  h_t = tanh(w x_t +\n    w h_{t-1})\nloss L = h_2\n';
    const d = analyze(text).diagnostics.find((x) => x.code === 'initial-state');
    expect(d?.line).toBe(5);
    const lines = text.split('\n');
    const fix = quickFixes(d!, lines[d!.line - 1]!, lines)[0]!;
    expect(fix.range.line).toBe(4);
    expect(fix.newText).toBe('  h_0 = 0\n');
  });
});

describe('quick fix for a transpose left out of a product, or one too many (session 43)', () => {
  const net = (product: string) =>
    `T = 2\nparam W_{xh} = [[1, 2], [3, 4], [5, 6]]\nparam W_hh = [[0.5, 0], [0.1, 0.5]]\ninput x = [[1, 2, 3], [1, -1, 0.5]]\nh_0 = [0, 0]\nh_t = tanh(${product} + W_hh h_{t-1})\nloss L = Σ_t sum(h_t)\n`;
  const shapeError = (text: string) => analyze(text).diagnostics.find((x) => x.code === 'shape-mismatch')!;

  it.each([
    ['W_{xh} x_t', 'W_{xh}ᵀ x_t'],
    ['W_xh x_t', 'W_xhᵀ x_t'],
  ])('%s (W_xh a 3×2 matrix, x_t a vector of 3): the ᵀ is put in after the operand, and the network reads', (written, fixedProduct) => {
    const text = net(written);
    const d = shapeError(text);
    expect(d.message).toContain('fits (a transpose missing?)');
    const fixes = quickFixes(d, text.split('\n')[d.line - 1]!);
    expect(fixes.map((f) => [f.title, f.preferred])).toEqual([['Transpose W_xh (write W_xhᵀ)', true]]);
    const fixed = apply(text, d.line, fixes[0]!);
    expect(fixed).toBe(net(fixedProduct));
    expect(analyze(fixed).diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
  });

  it.each([['W_{xh}^\\top x_t'], ['W_xh^T x_t'], ['W_{xh}ᵀ x_t']])('%s with W_xh a 2×3 matrix: the ᵀ too many is taken off', (written) => {
    const text = net(written).replace('[[1, 2], [3, 4], [5, 6]]', '[[1, 2, 3], [4, 5, 6]]');
    const d = shapeError(text);
    expect(d.message).toContain('(a ᵀ too many?)');
    const fixes = quickFixes(d, text.split('\n')[d.line - 1]!);
    expect(fixes.map((f) => f.title)).toEqual(['Take the transpose off W_xh']);
    const fixed = apply(text, d.line, fixes[0]!);
    expect(fixed).toContain(`h_t = tanh(${written.replace(/(\^\\top|\^T|ᵀ)/, '')} + W_hh h_{t-1})`);
    expect(analyze(fixed).diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
  });

  it('nothing where the operand is not found once in the product (written twice, or not as the engine spells it)', () => {
    const msg = 'shape mismatch: cannot multiply W (3×2 matrix) and x_t (vector of 3); Wᵀ (2×3 matrix) fits (a transpose missing?)';
    const item = (fix?: TransposeFix) => ({ line: 1, column: 8, endLine: 1, endColumn: 17, severity: 'error' as const, message: msg, fix });
    const add = item({ transpose: 'add', name: 'W' });
    expect(quickFixes(add, 'h_t = (W x_t)').map((f) => f.title)).toEqual(['Transpose W (write Wᵀ)']);
    expect(quickFixes(add, 'h_t = (W W x_t)')).toEqual([]);
    expect(quickFixes(add, 'h_t = (\\mathbf{V} x_t)')).toEqual([]);
    // the W of W_hh is not W
    expect(quickFixes(add, 'h_t = (W_hh x_t)')).toEqual([]);
    // the fix is read off the diagnostic, never off its words: none given, none offered; nor for one with no operand
    // named (an outer product's vector) or a transpose moved
    expect(quickFixes(item(), 'h_t = (W x_t)')).toEqual([]);
    expect(quickFixes(item({ transpose: 'add', name: null }), 'h_t = (W x_t)')).toEqual([]);
    expect(quickFixes(item({ transpose: 'move', name: 'W' }), 'h_t = (W x_t)')).toEqual([]);
  });

  // the resolver gives each product's shape mismatch the transpose that mends it, or none (session 44: until then the
  // quick fix and the solution reader matched the message's words)
  it.each([
    ['W_xh x_t', { transpose: 'add', name: 'W_xh' }],
    ['(2 W_xh) x_t', { transpose: 'add', name: null }],
    ['x_t h_{t-1}', { transpose: 'add', name: null }],
    ['x_tᵀ h_{t-1}', { transpose: 'move', name: null }],
  ] as const)('%s: the diagnostic carries %o', (product, fix) => {
    const d = shapeError(net(product));
    expect(d.fix).toEqual(fix);
  });

  it('a ᵀ too many: remove, with the operand named', () => {
    const d = shapeError(net('W_{xh}ᵀ x_t').replace('[[1, 2], [3, 4], [5, 6]]', '[[1, 2, 3], [4, 5, 6]]'));
    expect(d.fix).toEqual({ transpose: 'remove', name: 'W_xh' });
  });
});

describe('quick fix for a loss that multiplies two vectors entry by entry (session 45)', () => {
  const net = (loss: string) =>
    `T = 2\ninput x_t : 2\ntarget y_t : 2\nparam V : 2x2\no_t = softmax(V x_t)\n${loss}\ncheck ∂L/∂o_1 = -y_1 / o_1\n`;

  it('loss L = −Σ_t y_t log(o_t): the fix transposes y_t, the loss is then one number and the check holds', () => {
    const text = net('loss L = -Σ_t y_t log(o_t)');
    const d = analyze(text).diagnostics.find((x) => x.code === 'shape-mismatch')!;
    expect(d.fix).toEqual({ transpose: 'add', name: 'y_t' });
    const fixes = quickFixes(d, text.split('\n')[d.line - 1]!);
    expect(fixes.map((f) => f.title)).toEqual(['Transpose y_t (write y_tᵀ)']);
    const fixed = apply(text, d.line, fixes[0]!);
    expect(fixed).toBe(net('loss L = -Σ_t y_tᵀ log(o_t)'));
    const report = analyze(fixed);
    expect(report.diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
    expect(report.checks.map((c) => c.status)).toEqual(['holds']);
  });

  it('a product written in a per-step loss on another line is named, with no fix on the loss line', () => {
    const d = analyze(net('E_t = -y_t · log(o_t)\nloss L = Σ_t E_t')).diagnostics.find((x) => x.code === 'shape-mismatch')!;
    expect(d.message).toContain('y_t ⊙ log(o_t) multiplies two vectors entry by entry');
    expect(d.fix).toBeUndefined();
  });
});

describe('the transpose fix in a Markdown solution (session 43)', () => {
  const solution = transposeSolution;

  it('V ∇_{o_2} L (V a 3×2 matrix) fails where it is written; the fix writes V^\\top, and the equation then holds', () => {
    const text = solution('V \\nabla_{o_2} L');
    const before = analyzeSolution(text, 'markdown');
    expect(before.equations[0]!.status).toBe('fails');
    const d = before.diagnostics.find((x) => x.code === 'shape-mismatch')!;
    const fix = transposeFix(d, text.split('\n')[d.line - 1]!, '^\\top')!;
    expect(fix.title).toBe('Transpose V (write V^\\top)');
    const fixed = apply(text, d.line, fix);
    expect(fixed).toBe(solution('V^\\top \\nabla_{o_2} L'));
    const after = analyzeSolution(fixed, 'markdown');
    expect(after.equations.map((e) => e.status)).toEqual(['holds']);
    expect(after.diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
  });

  it('the verdict\'s own diagnostic ("fails: shape mismatch …") offers nothing: the fix is offered once, on the error', () => {
    const text = solution('V \\nabla_{o_2} L');
    const fails = analyzeSolution(text, 'markdown').diagnostics.find((x) => x.message.startsWith('fails: shape mismatch'))!;
    expect(fails).toBeDefined();
    expect(transposeFix(fails, text.split('\n')[fails.line - 1]!, '^\\top')).toBeNull();
  });
});
