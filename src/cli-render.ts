// The CLI's two printed forms of a Report: readable text (the main job) and a LaTeX fragment.
import { formatNumber, isShortDecimal, valueLatex, valueText } from './display/number';
import type { CheckReport, CheckStatus, DeriveReport, DeriveResult, Diagnostic, Report } from './report';
import { equationRows, type EquationResult, type SolutionReport } from './solution/index';

const tty = typeof process !== 'undefined' && process.stdout?.isTTY && !process.env.NO_COLOR;
const paint = (code: number) => (s: string) => (tty ? `\x1b[${code}m${s}\x1b[0m` : s);
const red = paint(31),
  green = paint(32),
  yellow = paint(33),
  dim = paint(2),
  bold = paint(1);

/** `n thing` / `n things` */
export const count = (n: number, one: string, many = one + 's') => `${n} ${n === 1 ? one : many}`;

function summary(r: Report): string {
  const head = [`T = ${r.T ?? '?'}`];
  if (r.loss) head.push(`loss ${r.loss.name} = ${fmt(r.loss.value)}`);
  if (r.params.length) head.push(count(r.paramCount, 'parameter'));
  return head.join(', ');
}

const markOf = (s: CheckStatus | 'skipped') =>
  s === 'holds' ? green('✓') : s === 'fails' ? red('✗') : s === 'skipped' ? dim('–') : yellow('⚠');

export function renderText(file: string, r: Report, many = false): string {
  const out: string[] = [];
  out.push(`${bold(file)}  ${dim('(' + summary(r) + ')')}`);
  for (const d of r.diagnostics) {
    const sev = d.severity === 'error' ? red('error') : d.severity === 'warning' ? yellow('warning') : dim(d.severity);
    out.push(`  ${d.line}:${d.column} ${sev}: ${d.message}`);
  }
  const items: { line: number; lines: string[] }[] = [];
  for (const d of r.derives) {
    const lines = [`derive ${d.query}`];
    // a number printed without its derivation says why, once per derive (the reason is the same for every step)
    const omitted = d.results.find((res) => !res.forms && res.formsOmitted)?.formsOmitted;
    if (d.general) {
      lines.push(...generalLines(d));
      items.push({ line: d.line, lines });
      continue;
    }
    // some steps' forms left out by a limit: why there is no general line, before the steps it would have replaced
    if (d.generalOmitted) lines.push(dim(`(${d.generalOmitted})`));
    for (const res of d.results) {
      lines.push(res.text);
      if (res.exact) lines.push(dim('exact: ' + res.exact));
      if (res.forms && d.results.length === 1) {
        for (const [k, f] of Object.entries(res.forms)) if (f && f.text !== res.text) lines.push(`${dim(k + ' form:')}\n${f.text}`);
      }
    }
    if (omitted && !d.generalOmitted) lines.push(dim(`(only the number: ${omitted})`));
    items.push({ line: d.line, lines });
  }
  items.push(...checkItems(r.checks));
  items.sort((a, b) => a.line - b.line);
  for (const it of items) {
    out.push(`  ${dim(lineCol(it))}${it.lines[0]}`);
    // multi-line forms keep their own layout, indented under their question
    for (const l of it.lines.slice(1))
      for (const part of l.split('\n')) out.push(`  ${' '.repeat(9)}${part.startsWith('  ') ? part : '  ' + part}`);
  }
  if (r.checks.length) out.push(`  ${checksTally(r.checks)}`);
  if (r.sampled.length) out.push(dim(`  (sample values for ${r.sampled.join(', ')})`));
  return out.join('\n') + '\n' + (many ? '\n' : '');
}

/** the links of a chain (check A = B = C) share their line and equation: one header, then each link's verdict */
function checkItems(checks: readonly CheckReport[]): { line: number; cell?: number; lines: string[] }[] {
  const chains = new Map<string, CheckReport[]>();
  for (const c of checks) {
    const key = `${c.cell ?? ''}:${c.line}\u0000${c.equation}`;
    const links = chains.get(key);
    if (links) links.push(c);
    else chains.set(key, [c]);
  }
  return [...chains.values()].map((links) => {
    const c = links[0]!;
    const verdicts =
      links.length === 1 ? [`${markOf(c.status)} ${c.message}`] : links.map((l) => `link ${l.link ?? 1} ${markOf(l.status)} ${l.message}`);
    return { line: c.line, ...(c.cell !== undefined ? { cell: c.cell } : {}), lines: [`check ${c.equation}`, ...verdicts] };
  });
}

/** a step's value as the forms write it (6 digits, the typographic minus), its exact value first when it has one */
function stepValue(res: DeriveResult): string {
  const v = valueText(res.value, 6, Infinity, { unicodeMinus: true });
  return res.exact && res.exact !== v && !isShortDecimal(res.exact) ? `${res.exact} ≈ ${v}` : v;
}

/**
 * A free-t derive written once for a general step (LANGUAGE.md §5): each run of steps sharing one form
 * (written with t, its range noted; a boundary step with its own numbers), then every step's value on one line.
 */
function generalLines(d: DeriveReport): string[] {
  return [...d.general!.map((g) => g.text), d.results.map((res) => `t = ${res.t}: ${stepValue(res)}`).join(', ')];
}

/** "21 checks: 15 hold, 1 fails, …": a .rnn file's verdicts, as its text ends */
function checksTally(checks: readonly CheckReport[]): string {
  return `${count(checks.length, 'check')}: ${tallyText(verdictCounts(checks))}`;
}

/** how many of the results came out with each verdict */
function verdictCounts(results: readonly { status: CheckStatus }[]): Record<CheckStatus, number> {
  const tally: Record<CheckStatus, number> = { holds: 0, fails: 0, 'holds-at-given-values': 0, 'holds-as-one-step': 0 };
  for (const r of results) tally[r.status]++;
  return tally;
}

/** the checks a solution's equations made: a network's other checks are its own `check` lines (a block's, a sidecar's) */
const claimedChecks = (sol: SolutionReport): Set<object> => new Set(sol.equations.flatMap((e) => e.checks));

function tallyText(t: Record<CheckStatus, number>): string {
  const verb = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const parts = [
    verb(t.holds, 'holds', 'hold'),
    verb(t.fails, 'fails', 'fail'),
    verb(t['holds-at-given-values'], 'holds only for these values', 'hold only for these values'),
    verb(t['holds-as-one-step'], 'holds as a one-step derivative', 'hold as one-step derivatives'),
  ];
  // only the verdicts that occur
  return parts.filter((p) => !p.startsWith('0 ')).join(', ');
}

/** a solution (LANGUAGE.md §8): its networks, then every equation with its label and verdict, then the counts */
export function renderSolutionText(file: string, sol: SolutionReport, many = false): string {
  const out: string[] = [bold(file)];
  sol.networks.forEach((n, i) => {
    const where = n.range ? linePlace(n.range) : 'sidecar';
    out.push(`  ${dim(`network ${sol.networks.length > 1 ? `${i + 1} ` : ''}(${where}): ${summary(n.report)}`)}`);
  });
  // the diagnostics an equation does not already show
  for (const d of sol.diagnostics) {
    if (d.code === 'solution-skipped' || d.code?.startsWith('check-')) continue;
    const sev = d.severity === 'error' ? red('error') : d.severity === 'warning' ? yellow('warning') : dim(d.severity);
    out.push(`  ${d.cell !== undefined ? `cell ${d.cell}:` : ''}${d.line}:${d.column} ${sev}: ${d.message}`);
  }
  // the network blocks' own derive and check lines, as for a .rnn file: in the order of their lines; a sidecar's
  // are on the sidecar's lines, and say so (its `line 18` was read as line 18 of the solution)
  const claimed = claimedChecks(sol);
  for (const n of sol.networks) {
    const where = (at: Placed) => dim(n.range ? lineCol(at) : `sidecar ${lineCol(at)}`);
    const items: { line: number; cell?: number; lines: string[] }[] = [];
    for (const d of n.report.derives) {
      const shown = d.general
        ? generalLines(d)
        : [...(d.generalOmitted ? [`(${d.generalOmitted})`] : []), ...d.results.map((res) => res.text)];
      const body = shown.flatMap((l) => l.split('\n')).map((part) => `  ${' '.repeat(11)}${part}`);
      items.push({ line: d.line, cell: d.cell, lines: [`  ${where(d)}derive ${d.query}`, ...body] });
    }
    for (const it of checkItems(n.report.checks.filter((c) => !claimed.has(c)))) {
      const [head, ...verdicts] = it.lines;
      items.push({ ...it, lines: [`  ${where(it)}${head}`, ...verdicts.map((v) => `  ${' '.repeat(11)}${v}`)] });
    }
    for (const it of items.sort(inOrder)) out.push(...it.lines);
  }
  const at = equationPosition(sol);
  // one column for every result's position, as wide as the widest ("line 12:61" on a shared line)
  const width = Math.max(0, ...sol.equations.map((eq) => at(eq).length));
  // a side continued over `+ …` displays (seed 001's (30)–(32)) is one link: its verdict is printed once, at the
  // first display it spans, and the others point back to it (the JSON has the one entry)
  const shown = new Map<CheckReport, string>();
  for (const eq of sol.equations) out.push(...equationLines(eq, at(eq).padEnd(width), shown));
  out.push(`  ${equationsTally(sol, at)}`);
  return out.join('\n') + '\n' + (many ? '\n' : '');
}

/** where an equation of the solution is, "line 12 ": two on one line (`$$a = b$$ and $$c = d$$`) told apart by their column */
function equationPosition(sol: SolutionReport): (eq: EquationResult) => string {
  // (a notebook's lines are each cell's own: line 3 of two cells is no shared line)
  const key = (eq: EquationResult) => `${eq.range.cell ?? ''}:${eq.range.line}`;
  const perLine = new Map<string, number>();
  for (const eq of sol.equations) perLine.set(key(eq), (perLine.get(key(eq)) ?? 0) + 1);
  return (eq) => lineCol(eq.range, perLine.get(key(eq))! > 1 ? eq.range.column : null);
}

/**
 * "10 equations: 10 checked (4 hold, 6 fail), 0 skipped; first failing equation: line 21 (1)": a solution's counts, as
 * its text ends; `at` is where an equation is (its line, and its column where two share a line)
 */
function equationsTally(sol: SolutionReport, at: (eq: EquationResult) => string): string {
  // an align of equations counts each, as sol.checked does
  const tally = verdictCounts(sol.equations.filter((eq) => eq.status !== 'skipped').flatMap((eq) => equationRows(eq)));
  // where to start reading: the first equation that fails (later ones may carry its mistake over)
  const first = sol.equations.find((eq) => eq.status === 'fails');
  // an align whose rows carry their own \tag or are equations of their own: the row that fails, not the equation's
  // first (it said "line 3 (1)" of a derivation whose row (2), on line 5, is the wrong one)
  // (the first failing row: a later one whose tag differs was named where the first row, the equation's own tag, fails)
  const rows = first ? equationRows(first) : [];
  const failing = rows.length > 1 ? rows.find((r) => r.status === 'fails') : first?.checks.find((c) => c.status === 'fails' && c.tag);
  // (the first row is named as the display is: its line and tag)
  const row = failing && (rows.length > 1 ? failing !== rows[0] : failing.tag !== first!.tag) ? failing : undefined;
  const start = row
    ? `; first failing equation: ${linePlace(row)}${row.tag ? ` (${row.tag})` : ''}`
    : first
      ? `; first failing equation: ${at(first).trim()}${first.tag !== null ? ` (${first.tag})` : ''}`
      : '';
  const links = linksNotCheckedIn(sol);
  const partly = links ? `; ${count(links, 'link')} not checked` : '';
  return `${count(sol.checked + sol.skipped, 'equation')}: ${sol.checked} checked${sol.checked ? ` (${tallyText(tally)}${partly})` : ''}, ${sol.skipped} skipped${start}${ownChecksTally(sol)}`;
}

/**
 * "; the network's own checks: 1 fails": the `check` lines of a network block or sidecar, which are no equation
 * of the solution but decide its verdict too (a folder's summary marked ✗ a solution whose equations all held)
 */
function ownChecksTally(sol: SolutionReport): string {
  const claimed = claimedChecks(sol);
  const own = sol.networks.flatMap((n) => n.report.checks.filter((c) => !claimed.has(c)));
  return own.length ? `; the network's own checks: ${tallyText(verdictCounts(own))}` : '';
}

/** the links of checked equations left unjudged (an unknown letter in one side of a chain) */
const linksNotCheckedIn = (sol: SolutionReport): number => sol.equations.reduce((n, e) => n + (e.linksNotChecked?.length ?? 0), 0);

/** how one file of several came out, for the summary that ends their text (renderSummary) */
export interface FileTally {
  /** fails: an error or a failing check (or the file could not be read); mixed (warnings): a verdict other than holds, or an equation skipped */
  verdict: 'holds' | 'mixed' | 'fails';
  /** its counts, as its own text ends them, and its errors */
  text: string;
}

/** a .rnn file's tally: its checks' verdicts (or its derives), and its errors */
export function reportTally(r: Report): FileTally {
  const errors = r.diagnostics.filter((d) => d.severity === 'error').length;
  const parts = [r.checks.length ? checksTally(r.checks) : r.derives.length ? count(r.derives.length, 'derive') : 'no derive or check'];
  if (errors) parts.push(count(errors, 'error'));
  const verdict =
    errors || r.checks.some((c) => c.status === 'fails') ? 'fails' : r.checks.every((c) => c.status === 'holds') ? 'holds' : 'mixed';
  return { verdict, text: parts.join('; ') };
}

/** a solution's tally: its equations' counts and first failing equation, and its errors */
export function solutionTally(sol: SolutionReport): FileTally {
  const at = equationPosition(sol);
  // the errors beside the verdicts (a failing equation's verdict is an error diagnostic too: counted once, as failing)
  const errors = sol.diagnostics.filter((d) => d.severity === 'error' && !d.code?.startsWith('check-')).length;
  const others = sol.networks.flatMap((n) => n.report.checks);
  const fails = errors > 0 || others.some((c) => c.status === 'fails');
  const mixed = sol.skipped > 0 || linksNotCheckedIn(sol) > 0 || others.some((c) => c.status !== 'holds');
  return {
    verdict: fails ? 'fails' : mixed ? 'mixed' : 'holds',
    text: `${equationsTally(sol, at)}${errors ? `; ${count(errors, 'error')}` : ''}`,
  };
}

/** a row's place with its own \tag beside it, where it has one: `line 12 (b2)` */
const withTag = (place: string, tag: string | null | undefined): string => (tag ? `${place} (${tag})` : place);

/**
 * The lines that end the text of several files (a class folder): one per file, its mark and counts, the files that
 * fail first counted in the heading, so a teacher sees whose solution to open without reading every verdict
 */
export function renderSummary(files: readonly { file: string; tally?: FileTally; error?: string; crash?: string }[]): string {
  const mark = { holds: green('✓'), mixed: yellow('⚠'), fails: red('✗') };
  let failing = 0;
  let mixed = 0;
  const lines = files.map((f) => {
    const trouble = f.error ?? f.crash;
    const v = trouble || !f.tally ? 'fails' : f.tally.verdict;
    if (v === 'fails') failing++;
    else if (v === 'mixed') mixed++;
    return `  ${mark[v]} ${f.file}: ${trouble ? trouble : f.tally!.text}`;
  });
  const holding = files.length - failing - mixed;
  const parts = [
    `${mark.fails} ${failing} fail`,
    ...(mixed ? [`${mark.mixed} ${mixed} with warnings`] : []),
    `${mark.holds} ${holding} hold`,
  ];
  return `${bold(`summary of ${count(files.length, 'file')}`)}: ${parts.join(', ')}\n${lines.join('\n')}\n`;
}

function equationLines(eq: EquationResult, position: string, shown: Map<CheckReport, string>): string[] {
  const label = eq.tag !== null ? `(${eq.tag})` : '';
  const head = `  ${dim(position)}${label.padEnd(6)} ${markOf(eq.status)} `;
  if (eq.status === 'skipped') return [head + dim(eq.message)];
  const links = [...new Set(eq.checks)];
  const before = links.length === 1 ? shown.get(links[0]!) : undefined;
  const unread = eq.unread ?? [];
  const indent = `  ${' '.repeat(position.length + 7)}`;
  const unreadItems = unread.map((u) => ({
    line: u.line,
    cell: u.cell,
    text: `${indent}${dim(withTag(linePlace(u), u.tag))} ${markOf('skipped')} ${dim(u.message)}`,
  }));
  // a display that continues a side begun before it: that side's verdict is given there, and the display's rows not
  // read are still listed (they were lost beside the pointer back, though counted as skipped)
  if (before !== undefined)
    return [head + dim(`the side begun on ${before} continues here: its verdict is given there`), ...unreadItems.map((u) => u.text)];
  for (const c of links) if (!shown.has(c)) shown.set(c, linePlace(eq.range));
  // the links not checked, by their number among the judged ones (a row's unread equation is named by its line)
  const notChecked = (eq.linksNotChecked ?? []).map((l) => ({
    line: l.line,
    cell: l.cell,
    link: l.link,
    text: `${indent}${dim(unread.length ? linePlace(l) : `link ${l.link}`)} ${markOf('skipped')} ${dim(l.message)}`,
  }));
  if (links.length <= 1 && !unread.length && !notChecked.length) return [head + eq.message];
  // a chain: the equation's verdict, then each link's. Rows of an align that are equations of their own (each
  // its own link 1, often its own \tag) are told apart by their line and tag, not by a repeated "link 1"
  const rows = new Set(links.map((c) => c.link ?? 1)).size < links.length;
  // equations that share a line (`A = B, \qquad C = D`) are told apart by the column where each right side begins
  const onLine = (c: CheckReport) => links.filter((l) => l.line === c.line && l.cell === c.cell).length > 1;
  const where = (c: CheckReport) => linePlace(c, onLine(c) && c.range ? c.range.column : null);
  // a link on a row with its own \tag (an align's `&= … \tag{2}`) is told by it too, as the JSON's `tag` is
  const ownTag = (c: CheckReport) => (c.tag && c.tag !== eq.tag ? ` (${c.tag})` : '');
  const name = (c: CheckReport) => (rows ? `${where(c)}${c.tag ? ` (${c.tag})` : ''}` : `link ${c.link ?? 1}${ownTag(c)}`);
  // the rows not checked, among the links by their line (an align's rows are equations of their own)
  const items = [
    ...links.map((c) => ({
      line: c.line,
      cell: c.cell,
      link: c.link ?? 1,
      // among rows not read, a row is told by its line and its own \tag too (Farid's align lost every row's tag)
      text: `${indent}${dim(unread.length ? withTag(where(c), c.tag) : name(c))} ${markOf(c.status)} ${c.message}`,
    })),
    ...notChecked,
    ...unreadItems.map((u) => ({ ...u, link: Infinity })),
  ].sort((a, b) => inOrder(a, b) || a.link - b.link);
  return [head + eq.message, ...items.map((i) => i.text)];
}

/**
 * a diagnostic with its keys in the order LANGUAGE.md §7 prints them (severity, message, then the range), the extras
 * (`code`) after: a verdict's and a solution's diagnostics were built range first, so one array mixed two orders
 */
export function jsonDiagnostic({ severity, message, line, column, endLine, endColumn, ...extra }: Diagnostic): Diagnostic {
  return { severity, message, line, column, endLine, endColumn, ...extra };
}

/** the §7 object of a solution: its networks' answers together, plus "equations" and the counts */
export function solutionJson(sol: SolutionReport) {
  const reports = sol.networks.map((n) => n.report);
  // a sidecar's own derive and check lines keep the sidecar's line numbers: they say so, since every other
  // line of the object is one of the solution's
  const claimed = claimedChecks(sol);
  const inSidecar = new Set<object>(
    sol.networks.filter((n) => !n.range).flatMap((n) => [...n.report.checks.filter((c) => !claimed.has(c)), ...n.report.derives]),
  );
  const mark = <T extends object>(x: T) => (inSidecar.has(x) ? { ...x, sidecar: true } : x);
  // each entry names its network (the index `equations[].network` and `networks` use): a solution of two exercises
  // may have a W_hh in each, and a script could not tell whose params, flow or checks it reads
  const each = <T extends object, U extends object = T>(of: (r: Report) => T[], f: (x: T) => U = (x) => x as unknown as U) =>
    reports.flatMap((r, network) => of(r).map((x) => ({ ...f(x), network })));
  const checks = each(
    (r) => r.checks,
    (c) => ({ ...mark(c), tag: c.tag ?? null, link: c.link ?? 1 }),
  );
  return {
    diagnostics: sol.diagnostics.map(jsonDiagnostic),
    derives: each((r) => r.derives, mark),
    checks,
    params: each((r) => r.params),
    flow: each((r) => r.flow),
    equations: sol.equations.map((e) => ({
      line: e.range.line,
      column: e.range.column,
      endLine: e.range.endLine,
      endColumn: e.range.endColumn,
      ...inCell(e.range),
      tag: e.tag,
      network: e.network,
      status: e.status,
      message: e.message,
      links: [...new Set(e.checks)].map((c) => ({ link: c.link ?? 1, line: c.line, ...inCell(c), status: c.status, message: c.message })),
      ...(e.unread ? { unread: e.unread } : {}),
      ...(e.linksNotChecked ? { linksNotChecked: e.linksNotChecked } : {}),
    })),
    checked: sol.checked,
    skipped: sol.skipped,
    networks: sol.networks.map((n) => ({
      line: n.range?.line ?? null,
      ...(n.range ? inCell(n.range) : {}),
      T: n.report.T,
      loss: n.report.loss,
      paramCount: n.report.paramCount,
    })),
  };
}

export function renderLatex(file: string, r: Report): string {
  const out = [`% Unroll: derivations of ${file}`];
  latexErrors(r, out);
  if (!r.derives.length) out.push(NO_DERIVES('in the file'));
  latexDerives(r, out);
  return out.join('\n') + '\n';
}

/** "% nothing to derive …": an empty output would look like a failure (a solution's checks are `unroll check`'s) */
const NO_DERIVES = (where: string) =>
  `% nothing to derive ${where}: write a derive line (derive ∂L/∂W_hh) to get its derivation; \`unroll check\` judges the equations`;

/** an error can leave a derive out (its line, or a name it uses): say so rather than print nothing at all */
function latexErrors(r: Report, out: string[]): void {
  for (const e of r.diagnostics) if (e.severity === 'error') out.push(`% error at ${linePlace(e)}: ${e.message.replace(/\n/g, ' ')}`);
}

/**
 * A solution's derivations: its network blocks' derive lines, under one heading, each network named when there
 * are several (a heading per network repeated the file's name once per exercise)
 */
export function renderSolutionLatex(file: string, sol: SolutionReport): string {
  const out = [`% Unroll: derivations of ${file}`];
  sol.networks.forEach((n, i) => {
    const errors = n.report.diagnostics.some((e) => e.severity === 'error');
    if (!n.report.derives.length && !errors) return;
    if (sol.networks.length > 1) out.push(`% network ${i + 1} (${n.range ? linePlace(n.range) : 'sidecar'})`);
    latexErrors(n.report, out);
    latexDerives(n.report, out);
  });
  if (!sol.networks.some((n) => n.report.derives.length))
    out.push(NO_DERIVES(sol.networks.every((n) => !n.range) ? 'in the .rnn beside it' : 'in its ```rnn blocks'));
  return out.join('\n') + '\n';
}

function latexDerives(r: Report, out: string[]): void {
  for (const d of r.derives) {
    out.push(`% ${linePlace(d)}: derive ${d.query}`);
    if (d.general) {
      // written once for a general step t, a boundary step once, then the values at every step
      for (const g of d.general) out.push(`% ${g.from === g.to ? `t = ${g.from}` : `t = ${g.from}..${g.to}`}\n\\[\n${g.latex}\n\\]`);
      const values = d.results.map((res) => `t = ${res.t}\\colon\\ ${valueLatex(res.value, 6)}`).join(', \\quad ');
      out.push(`% values\n\\[\n${values}\n\\]`);
      continue;
    }
    if (d.generalOmitted) out.push(`% ${d.generalOmitted}`);
    for (const res of d.results) {
      const forms = res.forms ? Object.entries(res.forms).filter(([, f]) => f) : [];
      if (!forms.length) out.push(`\\[\n${res.latex}\n\\]`);
      for (const [k, f] of forms) out.push(`% ${k} form${res.t !== null ? `, t = ${res.t}` : ''}\n\\[\n${f!.latex}\n\\]`);
    }
  }
}

const fmt = (x: number): string => formatNumber(x, 6);

/** "line N" in a column of 9, always followed by a space (line 1000 and on: "line 4804 (12)", not "line 4804(12)");
 *  "line N:C" when another result shares the line */
function lineCol(at: Placed, column: number | null = null): string {
  return `${linePlace(at, column)} `.padEnd(9);
}

/** a line of the file (`line N`, `line N:C` with a column), or a notebook cell's (`cell 3:N`, `cell 3:N:C`: its cell and
 *  the line in it, as ruff and Jupyter's tracebacks count them; solution/cellPlaces.ts put `cell` there) */
interface Placed {
  line: number;
  cell?: number;
}
function linePlace(at: Placed, column: number | null = null): string {
  const col = column !== null ? `:${column}` : '';
  return at.cell !== undefined ? `cell ${at.cell}:${at.line}${col}` : `line ${at.line}${col}`;
}

/** in the order of the file: a notebook's by cell, then line */
const inOrder = (a: Placed, b: Placed): number => (a.cell ?? 0) - (b.cell ?? 0) || a.line - b.line;

/** a notebook's `cell` for the JSON, where a place has one */
const inCell = (at: { cell?: number }): { cell?: number } => (at.cell !== undefined ? { cell: at.cell } : {});
