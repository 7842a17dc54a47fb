// What a solution shows in the editor, computed from its SolutionReport only: the problems (the
// reader's diagnostics, which carry every link's verdict that is not "holds"), the
// result line above each checked equation, and which network a line belongs to (for hovers and
// the panel). Pure (no 'vscode'): the adapters beside it map these onto VS Code's types.

import type { CheckReport, Range } from '../../report';
import type { DiagnosticItem, DiagnosticOptions } from '../diagnostics/diagnosticsContent';
import { checkTitle, type LensItem } from '../inline/inlineContent';
import type { EquationResult, SolutionReport } from './core';
import { COMMANDS } from '../commands/ids';
import { andList } from '../../engine/format';

/**
 * The problems of a solution: the reader's own list (it already holds one per link that does not
 * hold, on the link's right side), plus a hint on each holding link when the setting asks for them.
 */
export function solutionDiagnosticItems(sol: SolutionReport, opts: DiagnosticOptions): DiagnosticItem[] {
  const items: DiagnosticItem[] = sol.diagnostics.map((d) => ({ ...d }));
  if (opts.hintForHolding) {
    for (const c of sol.equations.flatMap((e) => e.checks)) {
      if (c.status === 'holds') items.push({ ...c.range, severity: 'hint', message: c.message || 'check holds', code: 'check-holds' });
    }
  }
  return items;
}

const SEVERITY_ORDER: Record<CheckReport['status'], number> = {
  holds: 0,
  'holds-as-one-step': 1,
  'holds-at-given-values': 2,
  fails: 3,
};

/** The link that decides an equation's verdict: the worst one (the first of equals). */
export function worstLink(e: EquationResult): CheckReport | undefined {
  let worst: CheckReport | undefined;
  for (const c of e.checks) if (!worst || SEVERITY_ORDER[c.status] > SEVERITY_ORDER[worst.status]) worst = c;
  return worst;
}

/** "(8) ✗ fails at t = 3: 0.12 ≠ 0.5" — the label first, as the solution prints it. */
export function equationTitle(e: EquationResult, digits: number): string {
  return `${verdictTitle(e, digits)}${unjudgedLinks(e)}`;
}

function verdictTitle(e: EquationResult, digits: number): string {
  const label = e.tag ? `(${e.tag}) ` : '';
  const worst = worstLink(e);
  if (worst) return `${label}${checkTitle(worst, digits)}`;
  if (e.status === 'holds') return `${label}✓ holds`;
  if (e.status === 'fails') return `${label}✗ fails`;
  return `${label}⚠ ${e.message || e.status}`;
}

/** " · link 2 not checked": a chain's link left unjudged, beside the others' verdict (it read as the whole chain's) */
function unjudgedLinks(e: EquationResult): string {
  const links = (e.linksNotChecked ?? []).map((l) => l.link);
  if (!links.length) return '';
  return ` · link${links.length > 1 ? 's' : ''} ${andList(links.map(String))} not checked`;
}

/** One lens per checked equation (skipped ones say why in their information diagnostic instead). */
export function solutionLensItems(sol: SolutionReport, digits: number, uri: string): LensItem[] {
  return sol.equations
    .filter((e) => e.status !== 'skipped')
    .map((e) => ({
      range: e.range,
      title: equationTitle(e, digits),
      tooltip: e.message || worstLink(e)?.message || '',
      command: COMMANDS.openPanel,
      arg: { uri, line: e.range.line },
    }));
}

function onLines(r: Range, line: number): boolean {
  return line >= r.line && line <= r.endLine;
}

/** The equation whose lines include `line` (1-based). */
export function equationAtLine(sol: SolutionReport, line: number): EquationResult | undefined {
  return sol.equations.find((e) => onLines(e.range, line));
}

/**
 * The network a line is about: its equation's; else the network whose block holds the line or the
 * last one whose block starts before it (equations follow their network); else the first.
 */
export function networkAtLine(sol: SolutionReport, line: number): number | null {
  if (sol.networks.length === 0) return null;
  const eq = equationAtLine(sol, line);
  if (eq && eq.network !== null && eq.network < sol.networks.length) return eq.network;
  let best = 0;
  sol.networks.forEach((n, i) => {
    if (n.range && n.range.line <= line) best = i;
  });
  return best;
}
