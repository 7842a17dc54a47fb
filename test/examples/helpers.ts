// Shared helpers for the example tests: load an example, find its lines, flatten values, and check a
// derive's numbers against central differences of the model re-run with perturbed values.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { analyze } from '../../src/analysis';
import { compile } from '../../src/language';
import type { Expr, Idx, Model } from '../../src/language/model';
import { forward } from '../../src/engine/run';
import type { CheckReport, CheckStatus, Report, Value } from '../../src/report';

export const EXAMPLES_DIR = join(__dirname, '..', '..', 'examples');

export function exampleNames(): string[] {
  return readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.rnn')).sort();
}

export function loadExample(name: string): string {
  return readFileSync(join(EXAMPLES_DIR, name), 'utf8');
}

/**
 * The 1-based line of `text` that starts with `prefix` (after indentation): the only such line, or with
 * `nth`, the nth (0-based) of them — for a seed's wrong equation followed by its correction.
 */
export function lineOf(text: string, prefix: string, nth?: number): number {
  const hits = text.split('\n').flatMap((l, i) => (l.trimStart().startsWith(prefix) ? [i + 1] : []));
  if (nth !== undefined) {
    if (nth >= hits.length) throw new Error(`no line #${nth} starting with ${JSON.stringify(prefix)}`);
    return hits[nth];
  }
  if (hits.length !== 1) throw new Error(`expected exactly one line starting with ${JSON.stringify(prefix)}, found ${hits.length}`);
  return hits[0];
}

export function flatten(v: Value): number[] {
  if (typeof v === 'number') return [v];
  return (v as (number | number[])[]).flatMap((r) => (typeof r === 'number' ? [r] : r));
}

export interface ExpectedCheck {
  /** the check line starts with this text (unique in the file, or the nth such line) */
  line: string;
  nth?: number;
  status: CheckStatus;
  /** for a failing check: the first failing step at the file's values */
  failingStep?: number | null;
  /** text the message must contain */
  mentions?: (string | RegExp)[];
}

/** Runs analyze() and asserts: no error diagnostics outside the expected ones, and one verdict per check line. */
export function expectChecks(text: string, expected: ExpectedCheck[]): Report {
  const report = analyze(text);
  const errors = report.diagnostics.filter((d) => d.severity === 'error');
  const failingLines = new Set(expected.filter((e) => e.status === 'fails').map((e) => lineOf(text, e.line, e.nth)));
  // the only errors allowed are the verdicts of the checks the seeds get wrong
  expect(errors.filter((d) => !failingLines.has(d.line)).map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([]);
  expect(report.checks.length).toBe(expected.length);
  const byLine = new Map<number, CheckReport>(report.checks.map((c) => [c.line, c]));
  for (const e of expected) {
    const line = lineOf(text, e.line, e.nth);
    const c = byLine.get(line);
    expect(c, `a check on line ${line} (${e.line})`).toBeDefined();
    expect({ line, status: c!.status, message: c!.message }).toMatchObject({ line, status: e.status });
    expect(c!.message.length).toBeGreaterThan(0);
    // the message names the first failing step and both values
    if (e.status === 'fails') {
      if (e.failingStep !== undefined) expect(c!.failingStep).toBe(e.failingStep);
      if (e.failingStep) expect(c!.message).toContain(`t = ${e.failingStep}`);
      expect(c!.message).toMatch(/left side .*right side/);
    }
    for (const m of e.mentions ?? []) {
      if (typeof m === 'string') expect(c!.message).toContain(m);
      else expect(c!.message).toMatch(m);
    }
  }
  return report;
}

const stepOf = (idx: Idx | null, t: number | null): number | null => {
  if (!idx) return null;
  if (idx.v === null) return idx.k;
  if (idx.v === 't' && t !== null) return t + idx.k;
  throw new Error(`index bound by ${idx.v} is not a step`);
};

export interface NumericCheck {
  query: string;
  t: number | null;
  entries: number;
  maxRelErr: number;
}

/**
 * For every derive ∂A/∂B of the file where B is a declared name (param, input, target) and A a named
 * node, compares each result with central differences: B's entries perturbed through ValueOverrides,
 * the model re-run with forward(), A's value read back. Returns what was compared.
 */
export function centralDifferenceChecks(text: string, report: Report): NumericCheck[] {
  const { model } = compile(text);
  const base = forward(model);
  const out: NumericCheck[] = [];
  const derives = model.questions.filter((q) => q.kind === 'derive');
  for (const q of derives) {
    const e = q.expr;
    if (e.k !== 'deriv' || !e.total || e.of.k !== 'ref') continue;
    const decl = model.decls.get(e.wrt.name);
    if (!decl) continue;
    const rep = report.derives.find((d) => d.line === q.line);
    if (!rep) throw new Error(`no derive result for line ${q.line}`);
    for (const res of rep.results) {
      const analytic = flatten(res.value);
      const numeric = numericDerivative(model, base, e.of, e.wrt, decl.perStep || decl.kind !== 'param', res.t);
      expect(analytic.length, `${rep.query} at t=${res.t}: entries`).toBe(numeric.length);
      let maxRelErr = 0;
      for (let i = 0; i < numeric.length; i++) {
        const a = analytic[i];
        const n = numeric[i];
        const err = Math.abs(a - n) / Math.max(1, Math.abs(a), Math.abs(n));
        maxRelErr = Math.max(maxRelErr, err);
      }
      expect(maxRelErr, `${rep.query} at t=${res.t}: autodiff vs central differences`).toBeLessThan(1e-6);
      out.push({ query: rep.query, t: res.t, entries: numeric.length, maxRelErr });
    }
  }
  return out;
}

type Run = ReturnType<typeof forward>;

function numericDerivative(
  model: Model,
  base: Run,
  of: Extract<Expr, { k: 'ref' }>,
  wrt: { name: string; idx: Idx | null },
  timed: boolean,
  t: number | null,
): number[] {
  const ofStep = stepOf(of.idx, t);
  const read = (run: Run) => {
    const v = run.value(of.name, ofStep);
    if (!v) throw new Error(`no value for ${of.name} at ${ofStep}`);
    return Array.from(v.data);
  };
  // the current values of the declaration, per step (timed) or one array
  const steps = timed ? Array.from({ length: model.T }, (_, i) => i + 1) : [null];
  const values = steps.map((s) => {
    const v = base.value(wrt.name, s);
    if (!v) throw new Error(`no value for ${wrt.name} at ${s}`);
    return Float64Array.from(v.data);
  });
  const which = timed ? stepOf(wrt.idx, t)! - 1 : 0;
  const target = values[which];
  const rows = read(base).length;
  const jac: number[][] = Array.from({ length: rows }, () => []);
  for (let j = 0; j < target.length; j++) {
    const v0 = target[j];
    const h = 1e-5 * Math.max(1, Math.abs(v0));
    const at = (x: number) => {
      target[j] = x;
      const r = read(forward(model, new Map([[wrt.name, values]])));
      target[j] = v0;
      return r;
    };
    const plus = at(v0 + h);
    const minus = at(v0 - h);
    for (let i = 0; i < rows; i++) jac[i].push((plus[i] - minus[i]) / (2 * h));
  }
  // a scalar numerator has the shape of B; otherwise Jacobian rows are the numerator's entries
  return jac.flat();
}
