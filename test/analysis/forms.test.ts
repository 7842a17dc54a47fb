// Symbolic forms on demand (issue 11): analyze() is numeric by default; one derive's forms come from
// the Analysis (cached per question) and are the very ones analyze(text, { forms: true }) gives;
// where a limit withholds them, the result says why.

import { describe, expect, it } from 'vitest';
import { analyze, analyzeSession, formsFor } from '../../src/analysis';
import { loadExample } from '../examples/helpers';

const SHEET7 = loadExample('sheet7-vanilla-rnn.rnn');

describe('symbolic forms on demand', { timeout: 120_000 }, () => {
  it('the default Report has numbers and no forms; { forms: true } and the old { symbolic: true } have them', () => {
    const plain = analyze(SHEET7);
    expect(plain.derives.length).toBeGreaterThan(0);
    expect(plain.derives.every((d) => d.results.every((r) => r.forms === undefined && r.formsOmitted === undefined))).toBe(true);
    const full = analyze(SHEET7, { forms: true });
    expect(full.derives.some((d) => d.results.some((r) => r.forms?.chain))).toBe(true);
    const alias = analyze(SHEET7, { symbolic: true });
    expect(JSON.stringify({ ...alias, elapsedMs: 0 })).toBe(JSON.stringify({ ...full, elapsedMs: 0 }));
    // the numbers do not depend on whether forms were asked for
    expect(plain.derives.map((d) => d.results.map((r) => r.value))).toEqual(full.derives.map((d) => d.results.map((r) => r.value)));
    expect(plain.checks).toEqual(full.checks);
  });

  it('one derive on demand equals that derive in analyze(text, { forms: true }), in any order, cached', () => {
    const full = analyze(SHEET7, { forms: true });
    const a = analyzeSession(SHEET7);
    const lines = a.report.derives.map((d) => d.line).reverse();
    for (const line of lines) {
      const one = a.forms(line);
      expect(one).toEqual(full.derives.find((d) => d.line === line));
      expect(a.forms(line)).toBe(one);
    }
    expect(formsFor(SHEET7, lines[0]!)).toEqual(full.derives.find((d) => d.line === lines[0]));
  });

  it('an analysis made with { forms: true } answers forms() from its Report', () => {
    const a = analyzeSession(SHEET7, { forms: true });
    const d = a.report.derives[0]!;
    expect(a.forms(d.line)).toBe(d);
  });

  it('a line without a derive gives undefined', () => {
    const a = analyzeSession(SHEET7);
    expect(a.forms(1)).toBeUndefined();
    expect(analyzeSession('T = ').forms(1)).toBeUndefined();
  });

  it('past the horizon limit the result says why there are no forms', () => {
    const text = SHEET7.replace('T = 3', 'T = 1200');
    const a = analyzeSession(text);
    const line = a.report.derives[0]!.line;
    const r = a.forms(line)!.results[0]!;
    expect(r.forms).toBeUndefined();
    expect(r.formsOmitted).toMatch(/T = 1,000.*\(limit\)/);
    expect(r.value).toEqual(a.report.derives[0]!.results[0]!.value);
  });

  it('a free-t derive gets forms for its first steps, then the reason', () => {
    const text = SHEET7.replace('T = 3', 'T = 300') + '\nderive ∂L/∂h_t\n';
    const a = analyzeSession(text);
    const d = a.forms(a.report.derives[a.report.derives.length - 1]!.line)!;
    expect(d.results.length).toBe(300);
    expect(d.results[0]!.forms).toBeDefined();
    const cut = d.results.findIndex((r) => !r.forms);
    expect(cut).toBeGreaterThan(0);
    expect(d.results.slice(cut).every((r) => /\(limit\)/.test(r.formsOmitted ?? ''))).toBe(true);
  });

  it('a tensor past the entry limit for forms is named', () => {
    // past the 4,096 entries of a 64-unit W_hh
    const text = 'T = 2\nparam W : 80x80\ninput x : 80\nh_0 = 0\nh_t = tanh(W h_{t-1} + x_t)\nloss L = Σ_t sum(h_t)\nderive ∂L/∂W\n';
    const a = analyzeSession(text);
    const r = a.forms(a.report.derives[0]!.line)!.results[0]!;
    expect(r.forms).toBeUndefined();
    expect(r.formsOmitted).toMatch(/W has 6,400.*\(limit\)/);
  });
});
