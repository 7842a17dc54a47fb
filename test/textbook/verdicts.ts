// The gated-network textbook tests (gatedGru, gatedLstm) state their checks as a list of expectations: one
// check line per expectation after the network, each with the verdict and the words its message must say.
import { expect } from 'vitest';
import { analyze } from '../../src/analysis';
import type { CheckReport, CheckStatus, Report } from '../../src/report';

/** one check line and the verdict it must get (a failing one may carry an error diagnostic on its line) */
export interface Expect {
  check: string;
  status: CheckStatus;
  says?: RegExp[];
}

/** the network with one check line per expectation; every check gets the expected verdict and message */
export function expectVerdicts(net: string, cases: Expect[]): Report {
  const text = net + cases.map((c) => `check ${c.check}`).join('\n') + '\n';
  const report = analyze(text);
  const first = net.split('\n').length;
  const failing = new Set(cases.flatMap((c, i) => (c.status === 'fails' ? [first + i] : [])));
  const errors = report.diagnostics.filter((d) => d.severity === 'error' && !failing.has(d.line));
  expect(errors.map((d) => `${d.line}: ${d.message}`)).toEqual([]);
  const byLine = new Map<number, CheckReport>(report.checks.map((c) => [c.line, c]));
  cases.forEach((c, i) => {
    const got = byLine.get(first + i);
    expect(got, c.check).toBeDefined();
    expect({ check: c.check, status: got!.status, message: got!.message }).toMatchObject({ check: c.check, status: c.status });
    for (const re of c.says ?? []) expect(got!.message, c.check).toMatch(re);
  });
  return report;
}
