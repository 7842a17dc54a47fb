// Pathological inputs (issue #2): each answered quickly — with results where the input is legitimate,
// with an error naming the limit where it passes one. The 2 s bound (the smaller of wall and CPU time, so a busy
// machine does not make it flake — see cpuTime.ts) is a hang guard; the real timings belong to `npm run bench`.

import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import type { Report } from '../../src/report';
import { loadExample } from '../examples/helpers';
import { cpuMs } from './cpuTime';
import { reportProblems } from './validate';

const LIMIT_MS = 2000;

function timed(text: string): { report: Report; ms: number } {
  const { value: report, ms } = cpuMs(() => analyze(text));
  expect(reportProblems(text, report)).toEqual([]);
  return { report, ms };
}

const errors = (r: Report) => r.diagnostics.filter((d) => d.severity === 'error');
const SHEET7 = loadExample('sheet7-vanilla-rnn.rnn');

// each case may take long when the engine regresses; the assertion on `ms` is the verdict, not the timeout
describe('pathological inputs', { timeout: 300_000 }, () => {
  it('T = 100000: an error on the horizon naming the limit 10,000', () => {
    const text = SHEET7.replace('T = 3', 'T = 100000');
    const { report, ms } = timed(text);
    const line = text.split('\n').findIndex((l) => l.startsWith('T = 100000')) + 1;
    const e = errors(report).find((d) => d.line === line);
    expect(e, JSON.stringify(report.diagnostics)).toBeDefined();
    expect(e!.message).toMatch(/10[,. ]?000/);
    expect(ms).toBeLessThan(LIMIT_MS);
  });

  it('T = 10000 (the limit itself) is accepted', () => {
    const text = 'T = 10000\ninput x = 0.1\nparam w = 0.5\nh_0 = 0\nh_t = tanh(w h_{t-1} + x_t)\nloss L = Σ_t h_t^2\nderive ∂L/∂w\n';
    const { report, ms } = timed(text);
    expect(errors(report)).toEqual([]);
    expect(Number.isFinite(report.derives[0].results[0].value as number)).toBe(true);
    expect(ms).toBeLessThan(LIMIT_MS);
  });

  it('brackets nested 10,000 deep: an error, no stack overflow, and the other lines still answer', () => {
    const deep = '('.repeat(10_000) + 'x_t' + ')'.repeat(10_000);
    const text = `T = 3\ninput x = [1, 2, 3]\nparam w = 0.5\nh_0 = 0\nz_t = ${deep}\nh_t = tanh(w h_{t-1} + x_t)\nloss L = Σ_t h_t^2\nderive ∂L/∂w\n`;
    const { report, ms } = timed(text);
    expect(errors(report).some((d) => d.line === 5)).toBe(true);
    expect(report.derives.length).toBe(1);
    expect(report.derives[0].results.length).toBe(1);
    expect(ms).toBeLessThan(LIMIT_MS);
  });

  it('square brackets nested 10,000 deep in a value', () => {
    const text = `T = 3\nparam w = ${'['.repeat(10_000)}1${']'.repeat(10_000)}\nloss L = w^2\n`;
    const { report, ms } = timed(text);
    expect(errors(report).length).toBeGreaterThan(0);
    expect(ms).toBeLessThan(LIMIT_MS);
  });

  it('unclosed brackets 10,000 deep', () => {
    const { report, ms } = timed(`T = 3\nh_t = ${'('.repeat(10_000)}\nloss L = 1\n`);
    expect(errors(report).length).toBeGreaterThan(0);
    expect(ms).toBeLessThan(LIMIT_MS);
  });

  it('a 1 MB file of an example plus comments still gives the example’s results', () => {
    const pad = '# ' + 'padding '.repeat(12) + '\n';
    const text = SHEET7 + pad.repeat(Math.ceil(1_000_000 / pad.length));
    expect(text.length).toBeGreaterThan(1_000_000);
    const plain = analyze(SHEET7);
    const { report, ms } = timed(text);
    expect(report.checks.map((c) => c.status)).toEqual(plain.checks.map((c) => c.status));
    expect(report.loss!.value).toBe(plain.loss!.value);
    expect(ms).toBeLessThan(LIMIT_MS);
  });

  it('a 1 MB file of equations: answered, limits named where passed', () => {
    const lines = ['T = 3', 'input x = [1, 2, 3]', 'param w = 0.5', 'h_0 = 0', 'h_t = tanh(w h_{t-1} + x_t)'];
    let i = 0;
    let size = lines.join('\n').length;
    while (size < 1_000_000) {
      lines.push(`q${i}_t = σ(w h_{t-1} + x_t) + tanh(w h_t - x_t) * ${i % 7} + h_{t-1}^2`);
      lines.push(`derive ∂q${i}_3/∂w`);
      size += lines[lines.length - 1]!.length + lines[lines.length - 2]!.length + 2;
      i++;
    }
    lines.push('loss L = Σ_t h_t^2');
    const text = lines.join('\n');
    const { report, ms } = timed(text);
    // the loss is the file's last line: past the statement limit it is not reached, and the limit says so
    const limitNamed = report.diagnostics.some((d) => d.severity === 'error' && /\(limit\)/.test(d.message));
    expect(report.loss !== null || limitNamed).toBe(true);
    // either every derive answered or the time/size limit is named in a diagnostic
    const answered = report.derives.filter((d) => d.results.length > 0).length;
    if (answered < i) expect(report.diagnostics.some((d) => /limit|budget|too (large|many|long)/i.test(d.message))).toBe(true);
    // since the limits are counted (issue 11) the ~1,000 derives past the statement limit's cut are all
    // answered, where a 1 s wall-clock budget used to drop some: ≈1 s of CPU idle, twice the bound of the rest
    expect(ms).toBeLessThan(2 * LIMIT_MS);
  });

  it('one line of 100,000 characters: a long sequence literal is legitimate and gets results', () => {
    const T = 10_000;
    const xs = Array.from({ length: T }, (_, t) => (Math.sin(t) * 0.5).toFixed(6));
    const seqLine = `input x = [${xs.join(', ')}]`;
    expect(seqLine.length).toBeGreaterThanOrEqual(100_000);
    const text = `T = ${T}\n${seqLine}\nparam w = 0.5\nparam u = 0.3\nh_0 = 0\nh_t = tanh(w h_{t-1} + u x_t)\nloss L = Σ_t h_t^2\nderive ∂L/∂u\n`;
    const { report, ms } = timed(text);
    expect(errors(report)).toEqual([]);
    expect(report.derives.map((d) => d.results.length)).toEqual([1]);
    expect(Number.isFinite(report.derives[0].results[0].value as number)).toBe(true);
    expect(Number.isFinite(report.loss!.value)).toBe(true);
    expect(ms).toBeLessThan(LIMIT_MS);
  });

  it('one line of 100,000 characters that is not legitimate: an error, quickly', () => {
    const text = `T = 3\nh_t = ${'x + '.repeat(25_000)}1\nloss L = 1\n`;
    const { report, ms } = timed(text);
    expect(errors(report).length).toBeGreaterThan(0);
    expect(ms).toBeLessThan(LIMIT_MS);
  });
  // Questions whose own work grows with T²: each Σ term is a sweep over the steps before it. At T = 10,000
  // (a legal horizon) they ran out of memory and killed the process; sizes here stay around 1 GB when
  // unbounded. Either they are answered quickly or a limit says why not.
  const answeredOrLimited = (r: Report) =>
    r.checks.every((c) => c.message.length > 0) && (r.checks.length > 0 || r.diagnostics.some((d) => /\(limit\)/.test(d.message)));
  const scalarRnn = (T: number) => `T = ${T}\nparam w = 0.5\ninput x = 0.1\nh_0 = 0\nh_t = tanh(w h_{t-1} + x_t)\nloss L = Σ_t h_t\n`;

  it('a double sum over the steps (T² terms) in a check', () => {
    const { report, ms } = timed(scalarRnn(500) + 'check L = Σ_{i=1}^{T} Σ_{j=1}^{T} h_j / T\n');
    expect(answeredOrLimited(report)).toBe(true);
    expect(ms).toBeLessThan(LIMIT_MS);
  });

  it('a sum over the steps of total derivatives (a sweep per term)', () => {
    const { report, ms } = timed(scalarRnn(1500) + 'check ∂L/∂w = Σ_{i=1}^{T} ∂L/∂h_i · ∂h_i/∂w\n');
    expect(answeredOrLimited(report)).toBe(true);
    expect(ms).toBeLessThan(LIMIT_MS);
  });

  it('a product of one-step Jacobians over the steps, and a derive with one result per step', () => {
    const { report, ms } = timed(scalarRnn(1500) + 'check ∂h_T/∂h_1 = ∏_{j=2}^{T} ∂h_j/∂h_{j-1}\nderive ∂h_t/∂h_1\n');
    expect(answeredOrLimited(report)).toBe(true);
    expect(ms).toBeLessThan(LIMIT_MS);
  });

  it('a shape past the entry limit (4096 × 4096 = 16.7 million entries) is refused by name', () => {
    const { report, ms } = timed('T = 3\nparam W : 4096x4096\nloss L = sum(W)\n');
    expect(errors(report).some((d) => /limit/.test(d.message))).toBe(true);
    expect(ms).toBeLessThan(LIMIT_MS);
  });
});
