// analyzeSolution(): read the file, build one generated .rnn text per network (its blocks' lines,
// then one `check` line per claim), run analyze() on it, and map everything back to the file.
import { andList } from '../engine/format';
import type { AnalyzeOptions, CheckReport, CheckStatus } from '../report';
import { analyzeSafely } from './analyzeSafely';
import type { Claim } from './claim';
import { MAX_CLAIMS_PER_NETWORK, MAX_NETWORKS } from './claim';
import { descentChanges, pairLetters, patternIndex, pdfSteps, setAsideInline } from './claimReadings';
import { collect, otherNetworksNames } from './collectResults';
import type { EquationResult, SolutionKind, SolutionReport } from './index';
import type { SolutionReading } from './readSolution';
import { LEADING_SPACING, readSolution } from './readSolution';
import { NetworkFacts } from './networkFacts';
import { LineIndex } from './sourcemap';

const ORDER: Record<CheckStatus, number> = { holds: 0, 'holds-as-one-step': 1, 'holds-at-given-values': 2, fails: 3 };

export function analyzeSolution(
  text: string,
  kind: SolutionKind,
  options: { sidecar?: string | null; analyze?: AnalyzeOptions } = {},
): SolutionReport {
  const reading = readSolution(text, kind, options.sidecar ?? null);
  const out: SolutionReport = { networks: [], equations: [], diagnostics: [], checked: 0, skipped: 0 };
  if (!reading) return out;
  const { file, networks, claims } = reading;
  out.diagnostics.push(...reading.diagnostics);
  for (const e of reading.equations) {
    // networks past the limit are not analysed: their equations belong to none
    out.equations.push({
      range: e.range,
      network: e.network < MAX_NETWORKS ? e.network : null,
      tag: e.tag,
      status: 'skipped',
      message: '',
      checks: [],
    });
  }

  const limitWarned = new Set<number>();
  let networksWarned = false;
  networks.forEach((net, n) => {
    const facts = new NetworkFacts(text, net);
    patternIndex(
      facts,
      claims.filter((c) => c.network === n && !c.skip),
      file,
      out,
    );
    descentChanges(
      facts,
      claims.filter((c) => c.network === n && !c.skip && !c.inline),
      file,
      out,
    );
    pdfSteps(
      facts,
      claims.filter((c) => c.network === n && !c.skip),
      file,
      out,
    );
    pairLetters(
      facts,
      claims.filter((c) => c.network === n && !c.skip),
      file,
      out,
    );
    setAsideInline(
      facts,
      claims.filter((c) => c.network === n && c.inline && !c.skip),
    );
    const mine = claims.filter((c) => c.network === n && !c.skip);
    mine.slice(MAX_CLAIMS_PER_NETWORK).forEach((c, k) => {
      c.skip = `more than ${MAX_CLAIMS_PER_NETWORK.toLocaleString('en')} equations for one network (limit)`;
      c.quiet = true;
      c.limit = true;
      if (k === 0) limitWarned.add(claims.indexOf(c));
    });
    if (n >= MAX_NETWORKS) {
      for (const c of mine) {
        c.skip = `more than ${MAX_NETWORKS} networks in one file (limit)`;
        c.quiet = true;
        c.limit = true;
      }
      // one warning for all of them, at the first equation not analysed
      if (mine[0] && !networksWarned) limitWarned.add(claims.indexOf(mine[0]));
      if (mine[0]) networksWarned = true;
      return;
    }
    const { report, gen, networkLines, analysed } = analyzeSafely(facts, mine.slice(0, MAX_CLAIMS_PER_NETWORK), options.analyze);
    out.networks.push({ report, range: net.fences[0] ? file.range(net.fences[0].start, net.fences[0].end) : null });
    collect(report, gen, file, net, networkLines, analysed, reading.displays, out, reading.equations, reading.skippedLinks);
  });

  otherNetworksNames(claims, out);

  // equations: their links, status and message
  const skippedClaims = claims.filter((c) => c.skip);
  const definitionsOf = new Map<number, Claim[]>();
  for (const c of skippedClaims) {
    for (const d of c.displays) {
      const eq = out.equations[d]!;
      if (eq.checks.length) continue;
      eq.message = `not checked: ${c.skip}`;
      if (c.defines && c.definedBy !== 'activation') definitionsOf.set(d, [...(definitionsOf.get(d) ?? []), c]);
    }
  }
  // Greff's δy^t = ∂L/∂y^t, \qquad δc^t = ∂L/∂c^t, … in one display: every name it defines said, not the last alone
  for (const [d, cs] of definitionsOf) {
    if (cs.length < 2 || cs.some((c) => c.definedBy !== cs[0]!.definedBy)) continue;
    const by = cs[0]!.definedBy === 'formula' ? 'the formulas after them' : cs[0]!.definedBy === 'value' ? 'their values' : 'derivatives';
    out.equations[d]!.message =
      `not checked: it defines ${andList(cs.map((c) => c.defines!))} by ${by}, names of the solution's own: the equations${cs[0]!.definedBy === 'value' ? ' that read them' : ' after it'} use them as defined here`;
  }
  for (const eq of out.equations) {
    if (!eq.checks.length) {
      eq.status = 'skipped';
      if (!eq.message) eq.message = 'not checked';
      continue;
    }
    const worst = eq.checks.reduce((a, b) => (ORDER[b.status] > ORDER[a.status] ? b : a));
    eq.status = worst.status;
    // the message explains the status shown beside it: the first link with the worst verdict
    eq.message = worst.message;
  }
  const claimsOf = new Map<number, number>();
  for (const c of claims) for (const d of c.displays) claimsOf.set(d, (claimsOf.get(d) ?? 0) + 1);
  claims.forEach((c, i) => {
    if (!c.skip) return;
    // an align's rows past a limit, beside its checked rows: counted and listed as the skipped equations they are
    // ("1000 equations: 1000 checked, 0 skipped" was said of 1,100 rows, the last 100 unjudged)
    if (c.quiet && c.limit) unreadBeside(c, reading.displays, out, file);
    if (c.quiet && !limitWarned.has(i)) return;
    if (c.quiet) {
      const first = reading.displays[c.displays[0]!]!;
      // a limit that stops equations leaves claims unjudged: an error, so `unroll check` cannot pass them
      out.diagnostics.push({
        ...file.range(first.start, first.end),
        severity: 'error',
        code: 'limit',
        message: `this and the following equations are not checked: ${c.skip}`,
      });
      return;
    }
    // a definition in inline math: said at its own text, which is no equation of the count
    if (c.inline) {
      const at = c.text.at.filter((_, k) => c.text.chars[k]!.trim());
      if (at.length)
        out.diagnostics.push({
          ...file.range(Math.min(...at), Math.max(...at) + 1),
          severity: 'information',
          code: 'solution-skipped',
          message: `inline math is not checked; ${c.skip}`,
        });
      return;
    }
    // one information per skipped equation: a chain spread over several displays gets one on each
    c.displays.forEach((d, k) => {
      const shown = reading.displays[d]!;
      // in a display of several equations (`A = B, \quad C = D`, an align's rows), on this one's own text: the
      // whole display said "not checked" of equations beside it that were checked
      const own = (claimsOf.get(d) ?? 0) > 1 ? ownSpan(c, shown) : null;
      const range = own ? file.range(own.start, own.end) : file.range(shown.start, shown.end);
      out.diagnostics.push({
        ...range,
        severity: c.limit ? 'error' : 'information',
        code: c.limit ? 'limit' : 'solution-skipped',
        message: `not checked: ${c.skip}`,
      });
      // beside equations of its display that were checked, it is shown and counted as the equation it is: an align's
      // unread row vanished behind its neighbours' "✓ holds", and "1 equation: 1 checked, 0 skipped" (session 41)
      const eq = out.equations[d]!;
      if (k === 0 && eq.status !== 'skipped')
        (eq.unread ??= []).push({ line: range.line, ...(c.tag ? { tag: c.tag } : {}), message: `not checked: ${c.skip}` });
    });
  });
  linksNotChecked(out, reading.skippedLinks);
  for (const eq of out.equations) {
    if (eq.status === 'skipped') out.skipped++;
    else out.checked += equationRows(eq).length;
    out.skipped += eq.unread?.length ?? 0;
  }
  out.diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  return out;
}

/**
 * Each checked equation's links that were not checked, from the informations that say so where they are written
 * (`link 2 not checked: …`): its verdict is its judged links', and the text and JSON list these beside them — an
 * equation shown "✓ holds" hid a link left unjudged (the CLI's text shows no such information on its own)
 */
export function linksNotChecked(out: SolutionReport, skippedLinks: SolutionReading['skippedLinks']): void {
  const before = (a: { line: number; column: number }, b: { line: number; column: number }) =>
    a.line < b.line || (a.line === b.line && a.column <= b.column);
  for (const d of out.diagnostics) {
    const link = skippedLinks.get(d);
    if (link === undefined) continue;
    const eq = out.equations.find(
      (e) => e.status !== 'skipped' && before(e.range, d) && before(d, { line: e.range.endLine, column: e.range.endColumn }),
    );
    if (!eq || eq.checks.some((ch) => (ch.link ?? 1) === link)) continue;
    (eq.linksNotChecked ??= []).push({ link, line: d.line, column: d.column, message: d.message.replace(/^link \d+ /, '') });
  }
}

/**
 * the equations of a checked display, each with its verdict (the worst of its links), line and tag: an align whose
 * rows have their own left sides (each row's first link is a link 1) is that many equations, as its unread rows are
 * counted one each ("2 equations: 1 checked (1 holds), 1 skipped" was said of five rows, four judged, one failing);
 * any other display is one, with the display's verdict
 */
export function equationRows(eq: EquationResult): { status: CheckStatus; line: number; tag: string | null; cell?: number }[] {
  const rows: CheckReport[][] = [];
  for (const c of new Set(eq.checks))
    if ((c.link ?? 1) === 1 || !rows.length) rows.push([c]);
    else rows.at(-1)!.push(c);
  // a notebook's: the cell of the line (cellPlaces.ts)
  const cell = (x: { cell?: number }) => (x.cell !== undefined ? { cell: x.cell } : {});
  if (rows.length < 2 || eq.status === 'skipped')
    return [{ status: eq.status as CheckStatus, line: eq.range.line, tag: eq.tag, ...cell(eq.range) }];
  return rows.map((r) => ({
    status: r.reduce((a, b) => (ORDER[b.status] > ORDER[a.status] ? b : a)).status,
    line: r[0]!.line,
    tag: r[0]!.tag ?? null,
    ...cell(r[0]!),
  }));
}

/** a claim left unjudged in a display whose other claims were checked: one of the display's unread rows, on its own line */
function unreadBeside(c: Claim, displays: SolutionReading['displays'], out: SolutionReport, file: LineIndex): void {
  const d = c.displays[0];
  const eq = d === undefined ? undefined : out.equations[d];
  if (!eq?.checks.length) return;
  const shown = displays[d!]!;
  const own = ownSpan(c, shown) ?? shown;
  (eq.unread ??= []).push({
    line: file.range(own.start, own.end).line,
    ...(c.tag ? { tag: c.tag } : {}),
    message: `not checked: ${c.skip}`,
  });
}

/** the file span of a claim's own written text inside one display (its first to its last character there), or null */
function ownSpan(c: Claim, shown: { start: number; end: number }): { start: number; end: number } | null {
  let start = -1,
    end = -1;
  const lead = LEADING_SPACING.exec(c.text.chars)![0].length;
  c.text.at.forEach((o, k) => {
    if (k < lead || o < shown.start || o >= shown.end || !c.text.chars[k]?.trim()) return;
    if (start < 0 || o < start) start = o;
    if (o + 1 > end) end = o + 1;
  });
  return start < 0 ? null : { start, end };
}
