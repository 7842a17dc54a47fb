import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analysis';
import { diagnosticItems } from '../../../src/extension/diagnostics/diagnosticsContent';
import { quickFixes } from '../../../src/extension/quickfix/quickFixContent';

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
