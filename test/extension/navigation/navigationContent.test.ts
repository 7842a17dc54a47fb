import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analysis';
import { definitionAt, outline, referencesAt, renamePlan, renameProblem } from '../../../src/extension/navigation/navigationContent';

const text = readFileSync('examples/sheet7-vanilla-rnn.rnn', 'utf8');
const lines = text.split('\n');
const report = analyze(text);

/** 1-based position of `needle` on the first line matching `re`. */
function at(re: RegExp, needle: string, nth = 0): { line: number; column: number } {
  const l = lines.findIndex((x) => re.test(x));
  let c = -1;
  for (let i = 0; i <= nth; i++) c = lines[l]!.indexOf(needle, c + 1);
  return { line: l + 1, column: c + 1 };
}
const textOf = (r: { line: number; column: number; endColumn: number }) => lines[r.line - 1]!.slice(r.column - 1, r.endColumn - 1);

// sheet 7 in seed 001's notation: the recurrence is h̃_t = W_{xh}x_t + W_{hh}h_{t-1} + b_h, then h_t = σ(h̃_t)
const TILDE = /^\\tilde\{h\}_t =/;

describe('navigation (sheet 7)', () => {
  it('a parameter used in an equation goes to its declaration', () => {
    const defs = definitionAt(report, at(TILDE, 'W_{hh}'));
    expect(defs).toHaveLength(1);
    expect(defs[0]!.line).toBe(at(/^param\s+W_hh/, 'W_hh').line);
    expect(textOf(defs[0]!)).toBe('W_hh');
  });
  it('h_{t-1} and h_t go to the general equation of h', () => {
    const d = definitionAt(report, at(TILDE, 'h_{t-1}'));
    expect(d.map((r) => r.line)).toEqual([at(/^h_t =/, 'h_t').line]);
    const o = definitionAt(report, at(/^\\tilde\{y\}_t =/, 'h_t'));
    expect(o.map((r) => r.line)).toEqual([at(/^h_t =/, 'h_t').line]);
  });
  it("a use of one fixed step goes to that step's own equation when it has one", () => {
    const t = 'T = 2\nparam w = 0.5\nh_0 = 0.5\nh_t = w h_{t-1}\nloss L = h_2\ncheck h_0 = 0.5\ncheck h_1 = w h_0\n';
    const r = analyze(t);
    const ls = t.split('\n');
    const pos = (line: number, needle: string) => ({ line, column: ls[line - 1]!.indexOf(needle) + 1 });
    expect(definitionAt(r, pos(6, 'h_0')).map((x) => x.line)).toEqual([3]);
    expect(definitionAt(r, pos(7, 'h_1')).map((x) => x.line)).toEqual([4]);
    expect(definitionAt(r, pos(5, 'h_2')).map((x) => x.line)).toEqual([4]);
  });
  it('L_t and the loss L are told apart', () => {
    // the seed's \mathcal{L}_t and \mathcal{L}: the names L_t and L
    const inLoss = definitionAt(report, at(/^loss \\mathcal/, 'L}_t'));
    expect(inLoss.map((r) => r.line)).toEqual([at(/^\\mathcal\{L\}_t =/, 'L').line]);
    const inDerive = definitionAt(report, at(/^derive ∂L\/∂W_hh/, 'L'));
    expect(inDerive.map((r) => r.line)).toEqual([at(/^loss \\mathcal/, 'L').line]);
  });
  it('references of W_hh: its declaration (a write) and every use', () => {
    const refs = referencesAt(report, at(/^param\s+W_hh/, 'W_hh'));
    expect(refs.filter((r) => r.write)).toHaveLength(1);
    expect(refs.length).toBeGreaterThan(5);
    // declared W_hh, written W_{hh} in the seed's equations
    for (const r of refs) expect(textOf(r.range)).toMatch(/^W_\{?hh\}?$/);
  });
  it('functions are not navigated', () => {
    expect(definitionAt(report, at(/^h_t =/, '\\sigma'))).toEqual([]);
  });
  it('the outline lists horizon, declarations, equations and questions in order', () => {
    const o = outline(report);
    const kinds = new Set(o.map((i) => i.kind));
    expect([...kinds].sort()).toEqual(['check', 'data', 'derive', 'horizon', 'loss', 'parameter', 'quantity']);
    expect(o.find((i) => i.kind === 'loss')!.name).toBe('L');
    expect(o.find((i) => i.name === 'h_t')!.detail).toBe('= \\sigma(\\tilde{h}_t)');
    expect(o.find((i) => i.name === 'h\u0303_t')!.detail).toBe('= W_{xh}x_t + W_{hh}h_{t-1} + b_h');
    expect(o.filter((i) => i.kind === 'check')).toHaveLength(report.checks.length);
    for (let i = 1; i < o.length; i++) expect(o[i]!.range.line).toBeGreaterThanOrEqual(o[i - 1]!.range.line);
  });
  it('rename touches the name only, never the time index, and the result analyses the same', () => {
    const plan = renamePlan(report, at(TILDE, 'h_{t-1}'), (l) => lines[l - 1]!)!;
    expect(plan.name).toBe('h');
    const renamed = lines.slice();
    // apply right to left per line so columns stay valid
    for (const e of [...plan.edits].sort((a, b) => b.line - a.line || b.column - a.column)) {
      const l = renamed[e.line - 1]!;
      renamed[e.line - 1] = l.slice(0, e.column - 1) + 'state' + l.slice(e.endColumn - 1);
    }
    const after = renamed.join('\n');
    // h̃ is another name: \tilde{h} is left alone
    expect(after).toContain('\\tilde{h}_t = W_{xh}x_t + W_{hh}state_{t-1} + b_h');
    expect(after).toContain('state_t = \\sigma(\\tilde{h}_t)');
    expect(after).toContain('state_0 = 0');
    const r2 = analyze(after);
    expect(r2.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r2.loss!.value).toBe(report.loss!.value);
    expect(r2.checks.map((c) => c.status)).toEqual(report.checks.map((c) => c.status));
  });
  it('rename refuses functions, clashes, reserved words and time-index endings', () => {
    expect(renamePlan(report, at(/^h_t =/, '\\sigma'), (l) => lines[l - 1]!)).toBeNull();
    expect(renameProblem(report, 'W_hh', 'W_xh')).toMatch(/already used/);
    expect(renameProblem(report, 'W_hh', 'tanh')).toMatch(/reserved/);
    expect(renameProblem(report, 'W_hh', 'W_t')).toMatch(/time index/);
    expect(renameProblem(report, 'W_hh', '2x')).toMatch(/not a name/);
    expect(renameProblem(report, 'W_hh', 'U_rec')).toBeNull();
  });
});
