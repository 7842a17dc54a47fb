// The extension's content on real analyze() output for every example in examples/.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { diagnosticItems } from '../../src/extension/diagnostics/diagnosticsContent';
import { contributions, hoverContent, paramGrad, type HoverOptions } from '../../src/extension/hover/hoverContent';
import { lensItems } from '../../src/extension/inline/inlineContent';
import { statusContent } from '../../src/extension/status/statusBarContent';
import { formatNumber, isScalar } from '../../src/extension/shared/format';
import type { Report } from '../../src/report';
import { mathKey, plain } from './plain';
import { wordAt } from './wordAt';

const OPTS: HoverOptions = { digits: 4, detail: 'full', uri: 'file:///x.rnn' };
const examples = readdirSync('examples')
  .filter((f) => f.endsWith('.rnn'))
  .sort()
  .map((name) => ({ name, text: readFileSync(join('examples', name), 'utf8') }));

/** Hover the way VS Code does: at a 1-based position, with the editor's word there. */
function hoverAt(report: Report, text: string, line: number, column: number, opts = OPTS) {
  const w = wordAt(text.split('\n')[line - 1]!, column);
  return hoverContent(report, { line, column }, { ...opts, ...(w ?? {}) });
}

function findPos(text: string, lineRe: RegExp, needle: string, offset = 0): { line: number; column: number } {
  const lines = text.split('\n');
  const l = lines.findIndex((x) => lineRe.test(x));
  expect(l, `a line matching ${lineRe}`).toBeGreaterThanOrEqual(0);
  const c = lines[l]!.indexOf(needle);
  expect(c, `${needle} on line ${l + 1}`).toBeGreaterThanOrEqual(0);
  return { line: l + 1, column: c + 1 + offset };
}

describe.each(examples)('$name', ({ text }) => {
  const report = analyze(text);

  it('every symbol and every derive/check line answers a hover without throwing, escaped', () => {
    let answered = 0;
    for (const s of report.symbols) {
      const h = hoverAt(report, text, s.line, s.column);
      if (h) {
        answered++;
        expect(h.markdown).not.toMatch(/<(?!\/?(?:sub|sup|code|table|tr|td|th|br)>)/);
      }
    }
    expect(answered).toBeGreaterThan(report.symbols.length / 2);
    for (const d of report.derives) expect(hoverAt(report, text, d.line, 1)).not.toBeNull();
    for (const c of report.checks) expect(hoverAt(report, text, c.line, 1)).not.toBeNull();
  });

  it('a derive line hover and its lens show its number', () => {
    const lenses = lensItems(report, 4, 'file:///x.rnn');
    for (const d of report.derives) {
      const r = d.results[0];
      if (!r || !isScalar(r.value)) continue;
      const shown = formatNumber(r.value, 4);
      expect(plain(hoverAt(report, text, d.line, 1)!.markdown)).toContain(shown);
      expect(
        lenses
          .filter((l) => l.range.line === d.line)
          .map((l) => l.title)
          .join(' '),
      ).toContain(shown);
    }
  });

  it('each check shows its verdict: failing ones as errors, leaning ones as warnings', () => {
    const items = diagnosticItems(report, { hintForHolding: false });
    for (const c of report.checks) {
      const on = items.filter((i) => i.line === c.line);
      if (c.status === 'fails') {
        expect(on.some((i) => i.severity === 'error')).toBe(true);
        if (c.failingStep != null) expect(on.find((i) => i.severity === 'error')!.message).toContain(String(c.failingStep));
      } else if (c.status === 'holds-at-given-values' || c.status === 'holds-as-one-step') {
        expect(on.some((i) => i.severity === 'warning')).toBe(true);
      } else {
        expect(on.filter((i) => i.severity === 'error' || i.severity === 'warning')).toEqual([]);
      }
      const hover = plain(hoverAt(report, text, c.line, 1)!.markdown);
      expect(hover).toContain({ holds: '✓', fails: '✗', 'holds-at-given-values': '⚠', 'holds-as-one-step': '⚠' }[c.status]);
    }
  });

  it("a scalar parameter's per-step δ terms add up to the engine's ∂L/∂W", () => {
    for (const p of report.params) {
      const g = paramGrad(report, p.name);
      if (g === undefined || !isScalar(g)) continue;
      const users = report.quantities
        .map((q) => ({ q, pr: q.partials.find((pr) => pr.wrt === p.name) }))
        .filter((u): u is { q: Report['quantities'][number]; pr: NonNullable<typeof u.pr> } => u.pr !== undefined);
      const terms = contributions(users);
      if (terms.length === 0) continue;
      const sum = terms.reduce((s, t) => s + t.value, 0);
      expect(Math.abs(sum - g)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(g)));
    }
  });

  it('the status bar names the loss value', () => {
    if (!report.loss) return;
    expect(statusContent(report, 4).text).toContain(`${report.loss.name} = ${formatNumber(report.loss.value, 4)}`);
  });
});

describe('sheet 7 (vanilla RNN)', () => {
  const text = readFileSync('examples/sheet7-vanilla-rnn.rnn', 'utf8');
  const report = analyze(text);
  const derive = report.derives.find((d) => mathKey(d.query) === mathKey('∂L/∂W_hh'))!;
  const value = derive.results[0]!.value as number;

  it('hovering the parameter declaration W_hh shows ∂L/∂W_hh and its value', () => {
    const h = hoverAt(report, text, findPos(text, /^param\s+W_hh/, 'W_hh').line, findPos(text, /^param\s+W_hh/, 'W_hh', 1).column)!;
    expect(mathKey(h.markdown)).toContain(mathKey(`∂L/∂W_hh = ${formatNumber(value, 4)}`));
    expect(plain(h.markdown)).toContain('1 number');
  });

  // the recurrence is the seed's pre-activation h̃_t = W_{xh}x_t + W_{hh}h_{t-1} + b_h (and h_t = σ(h̃_t))
  const TILDE = /^\\tilde\{h\}_t =/;
  const htilde = 'h\u0303';

  it('hovering W_{hh} in the recurrence shows ∂L/∂W_hh and the immediate partial ∂⁺h̃_t/∂W_hh per step', () => {
    const p = findPos(text, TILDE, 'W_{hh}');
    const h = hoverAt(report, text, p.line, p.column)!;
    expect(mathKey(h.markdown)).toContain(mathKey('∂⁺h̃_t/∂W_hh'));
    const pr = report.quantities.find((q) => q.name === htilde)!.partials.find((x) => x.wrt === 'W_hh')!;
    for (const v of pr.values) expect(plain(h.markdown)).toContain(formatNumber(v.value as number, 4));
  });

  it('hovering anywhere on h_{t-1} (even its index) shows ∂⁺h̃_t/∂h_{t-1} per step', () => {
    for (const offset of [0, 2, 4]) {
      const p = findPos(text, TILDE, 'h_{t-1}', offset);
      const h = hoverAt(report, text, p.line, p.column)!;
      expect(h, `hover at offset ${offset}`).not.toBeNull();
      expect(mathKey(h.markdown)).toContain(mathKey('∂⁺h̃_t/∂h_{t-1}'));
      const pr = report.quantities.find((q) => q.name === htilde)!.partials.find((x) => x.wrt === 'h_{t-1}')!;
      expect(plain(h.markdown)).toContain(formatNumber(pr.values[1]!.value as number, 4));
    }
  });

  it('hovering h_t on the left shows ∂L/∂h_t per step, L_t shows 1 per step, loss L its value', () => {
    const h = hoverAt(report, text, findPos(text, /^h_t =/, 'h_t').line, 1)!;
    const grads = report.quantities.find((q) => q.name === 'h' && q.timed)!.grads;
    for (const g of grads) expect(plain(h.markdown)).toContain(formatNumber(g.value as number, 4));
    // the seed's \mathcal{L}_t and \mathcal{L} are the names L_t and L
    const lt = hoverAt(report, text, findPos(text, /^\\mathcal\{L\}_t =/, 'L').line, findPos(text, /^\\mathcal\{L\}_t =/, 'L').column)!;
    expect(plain(lt.markdown)).not.toMatch(/the loss:/);
    expect(mathKey(lt.markdown)).toContain('∂L/∂Lt');
    const loss = hoverAt(report, text, findPos(text, /^loss \\mathcal/, 'L}').line, findPos(text, /^loss \\mathcal/, 'L}').column)!;
    expect(plain(loss.markdown)).toContain(`L = ${formatNumber(report.loss!.value, 4)}`);
  });

  it("hovering σ states σ' = σ(1 − σ)", () => {
    const p = findPos(text, /^h_t =/, 'sigma');
    expect(plain(hoverAt(report, text, p.line, p.column)!.markdown)).toContain("σ'(z) = σ(z)(1 - σ(z))");
  });

  it("the seeds' wrong checks are errors naming the culprit (seed 001 eq. 32: the last factor)", () => {
    const errors = diagnosticItems(report, { hintForHolding: false }).filter((d) => d.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.some((e) => /the last factor should be ∂h_1\/∂W_xh/.test(e.message))).toBe(true);
    // v2: (26) with ∂ holds as a one-step derivative; its warning names the step where the total derivative differs
    expect(diagnosticItems(report, { hintForHolding: false }).some((e) => e.severity === 'warning' && /t = 2/.test(e.message))).toBe(true);
  });
});
