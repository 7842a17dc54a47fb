// What every Report must look like, whatever text produced it: the arrays of §7, and 1-based ranges
// that lie inside the text (end not before start).

import type { Range, Report } from '../../src/report';

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint']);
const STATUSES = new Set(['holds', 'fails', 'holds-at-given-values', 'holds-as-one-step']);

function checkRange(r: Range, lines: string[], what: string): string[] {
  const bad: string[] = [];
  const ints = [r.line, r.column, r.endLine, r.endColumn].every((x) => Number.isInteger(x) && x >= 1);
  if (!ints) return [`${what}: range not 1-based integers ${JSON.stringify(r)}`];
  if (r.endLine < r.line || (r.endLine === r.line && r.endColumn < r.column))
    bad.push(`${what}: range ends before it starts ${JSON.stringify(r)}`);
  if (r.line > lines.length || r.endLine > lines.length)
    bad.push(`${what}: range past the last line (${lines.length}) ${JSON.stringify(r)}`);
  else {
    // columns count UTF-16 code units of the line; the end may sit one past the last character
    const maxStart = lines[r.line - 1].length + 1;
    const maxEnd = lines[r.endLine - 1].length + 1;
    if (r.column > maxStart) bad.push(`${what}: column ${r.column} past the end of line ${r.line} (${maxStart - 1} chars)`);
    if (r.endColumn > maxEnd + 1) bad.push(`${what}: endColumn ${r.endColumn} past the end of line ${r.endLine} (${maxEnd - 1} chars)`);
  }
  return bad;
}

/** Problems with a Report for this text; empty when it is well formed. */
export function reportProblems(text: string, report: Report): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  const bad: string[] = [];
  if (!report || typeof report !== 'object') return ['no Report'];
  for (const k of ['diagnostics', 'derives', 'checks', 'params', 'flow'] as const) {
    if (!Array.isArray(report[k])) bad.push(`${k} is not an array`);
  }
  if (bad.length) return bad;
  for (const d of report.diagnostics) {
    if (!SEVERITIES.has(d.severity)) bad.push(`diagnostic severity ${d.severity}`);
    if (typeof d.message !== 'string' || d.message.length === 0) bad.push('diagnostic without a message');
    bad.push(...checkRange(d, lines, `diagnostic "${d.message}"`));
  }
  for (const d of report.derives) {
    if (!Number.isInteger(d.line) || d.line < 1 || d.line > lines.length) bad.push(`derive line ${d.line}`);
    bad.push(...checkRange(d.range, lines, `derive ${d.query}`));
  }
  for (const c of report.checks) {
    if (!STATUSES.has(c.status)) bad.push(`check status ${c.status}`);
    if (!Number.isInteger(c.line) || c.line < 1 || c.line > lines.length) bad.push(`check line ${c.line}`);
    bad.push(...checkRange(c.range, lines, `check on line ${c.line}`));
  }
  for (const s of report.symbols ?? []) bad.push(...checkRange(s, lines, `symbol ${s.text}`));
  // the Report is plain data: it must survive JSON (the CLI and the panel's messages)
  try {
    JSON.stringify(report);
  } catch (e) {
    bad.push(`not JSON-able: ${(e as Error).message}`);
  }
  return bad;
}
