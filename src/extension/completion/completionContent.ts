// Name completions: the file's parameters, data and quantities (with how they are indexed), and the
// built-in functions. Pure (no 'vscode').

import type { Report } from '../../report';
import { shapeText } from '../shared/format';

export type NameKind = 'parameter' | 'data' | 'quantity' | 'function' | 'keyword';

export interface NameCompletion {
  label: string;
  /** what to insert: indexed names get their usual index, h → h_t */
  insertText: string;
  detail: string;
  kind: NameKind;
}

const FUNCTIONS = ['σ', 'tanh', 'relu', 'exp', 'log', 'sqrt', 'abs', 'softmax', 'sum', 'mean', 'diag', 'count'];
const KEYWORDS = ['param', 'input', 'target', 'loss', 'derive', 'check', 'for'];

/**
 * The completions for a position where `typed` is the word already written. A completion that would
 * insert exactly `typed` is left out: it adds nothing, and an open list on a finished word is what
 * made Enter at a line's end accept instead of breaking the line (issue 13).
 */
export function nameCompletions(report: Report, typed = ''): NameCompletion[] {
  return allNames(report).filter((c) => typed === '' || c.insertText !== typed);
}

function allNames(report: Report): NameCompletion[] {
  const out = new Map<string, NameCompletion>();
  for (const p of report.params) {
    const timed = report.graph?.rows.find((r) => r.name === p.name)?.timed ?? false;
    out.set(p.name, {
      label: p.name,
      insertText: timed ? `${p.name}_t` : p.name,
      detail: `param · ${shapeText(p.shape)}`,
      kind: 'parameter',
    });
  }
  for (const r of report.graph?.rows ?? []) {
    if (out.has(r.name) || (r.kind !== 'input' && r.kind !== 'target')) continue;
    out.set(r.name, { label: r.name, insertText: `${r.name}_t`, detail: `${r.kind} · ${shapeText(r.shape)}`, kind: 'data' });
  }
  for (const q of report.quantities) {
    const key = q.timed ? `${q.name}_t` : q.name;
    if (out.has(key) || (out.has(q.name) && !q.timed)) continue;
    out.set(key, { label: key, insertText: key, detail: `${q.kind} · ${shapeText(q.shape)} = ${q.equation}`, kind: 'quantity' });
  }
  for (const f of FUNCTIONS) out.set(`fn:${f}`, { label: f, insertText: f, detail: 'function', kind: 'function' });
  for (const k of KEYWORDS) out.set(`kw:${k}`, { label: k, insertText: k, detail: 'keyword', kind: 'keyword' });
  return [...out.values()];
}
