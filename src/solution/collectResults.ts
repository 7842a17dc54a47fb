// One network's mapped Report gathered into the solution's results: per equation its status, messages, skipped links
// and the notes of the readings used.

import type { CheckReport, Diagnostic, Report } from '../report';
import { verdictSeverity } from '../verdictDiagnostics';
import type { Claim, Network } from './claim';
import { rowTag, skippedLink } from './claim';
import type { Display } from './display';
import { entryFamilyDefinition, entryFamilyText, entryFamilyUseText } from './entrySensitivity';
import { GENERAL_STEP_NAME, readsName } from './generateChecks';
import type { SolutionReport } from './index';
import { labelText } from './label';
import { claimLine, mapReport } from './mapReport';
import type { SolutionReading } from './readSolution';
import { definedName } from './readSolution';
import { GeneratedText, LineIndex } from './sourcemap';

export function collect(
  report: Report,
  gen: GeneratedText,
  file: LineIndex,
  net: Network,
  networkLines: number,
  claims: Claim[],
  displays: Display[],
  out: SolutionReport,
  read: SolutionReading['equations'],
  skippedLinks: SolutionReading['skippedLinks'],
): void {
  const byLine = new Map<number, Claim>();
  for (const c of claims) byLine.set(c.genLine, c);
  // sort diagnostics and checks by their generated line before mapping
  const claimDiags = new Map<Claim, Diagnostic[]>();
  const claimChecks = new Map<Claim, CheckReport[]>();
  const keptDiags: Diagnostic[] = [];
  // a claim left with a brace open reads on to the end of the text (no later line starts a statement), where its
  // syntax error is said: past the last claim's line, a diagnostic is the last claim's
  const last = claims.reduce<Claim | null>((a, c) => (!c.defines && (!a || c.genLine > a.genLine) ? c : a), null);
  const chainLabels = new Map(claims.flatMap((c) => (c.label ? [[c.label.line, c.label] as const] : [])));
  for (const d of report.diagnostics) {
    // a chain label's definition that does not stand (δ_1^{(2)}): said at its link, not as the network's error
    const label = d.severity === 'error' ? chainLabels.get(d.line) : undefined;
    if (label) {
      label.problem ??= d.message;
      continue;
    }
    const c = byLine.get(d.line) ?? (last && d.line > last.genLine ? last : undefined);
    if (c) claimDiags.set(c, [...(claimDiags.get(c) ?? []), d]);
    else keptDiags.push(d);
  }
  const keptChecks: CheckReport[] = [];
  // the network's own `check` lines (in its rnn block or sidecar), as a .rnn file has them
  const ownChecks: CheckReport[] = [];
  for (const ch of report.checks) {
    const c = byLine.get(ch.line);
    if (c) claimChecks.set(c, [...(claimChecks.get(c) ?? []), ch]);
    else {
      keptChecks.push(ch);
      ownChecks.push(ch);
    }
  }
  // a sidecar's own lines have no place in the solution file: they keep the sidecar's coordinates
  const keep = net.sidecar !== null ? networkLines : 0;
  const sidecarDiags = keptDiags.filter((d) => d.line <= keep);
  const sidecarChecks = new Set(ownChecks.filter((ch) => ch.line <= keep));
  const claimLines = new Map(claims.filter((c) => c.genLine > 0).map((c) => [c.genLine, claimLine(c, file)] as const));
  mapReport(report, gen, file, keep, claimLines);

  const verdicts: Diagnostic[] = [];
  const solutionDiags: Diagnostic[] = [];
  // the failing links made of an error already said where it is written (an undefined step, sides of two shapes)
  const saidWhereWritten = new Set<CheckReport>();
  // each judged link's label by the line its equation begins on: a later equation that carries its mistake over
  // names it as a grader does, "(1) on line 21" (check/carried.ts says "the check on line 21, link 2")
  const labels = new Map<string, string>();
  const labelled = (message: string) =>
    message.replace(/\bthe check on line (\d+)(?:, link (\d+))?/g, (_all, l: string, k?: string) => {
      const tag = labels.get(`${l}:${k ?? 1}`);
      return tag ? `(${tag}) on line ${l}` : `the equation on line ${l}${k ? `, link ${k}` : ''}`;
    });
  /** the families over entries a skipped equation defined (p^k_{ij}(t) = ∂y_k(t)/∂w_{ij}), by letter, and the line */
  const families = new Map<string, { def: NonNullable<ReturnType<typeof entryFamilyDefinition>>; line: number }>();
  for (const c of claims) {
    if (c.skip) continue;
    const diags = claimDiags.get(c) ?? [];
    const all = claimChecks.get(c) ?? [];
    // `where h_0 = 0` (the exercise's own data, written down: check/premise.ts) is no claim to judge
    const usable = all.filter((ch) => !ch.message.startsWith('cannot evaluate') && !ch.premise);
    if (c.defines && !diags.some((d) => d.severity === 'error')) {
      const by = c.definedBy === 'formula' ? 'the formula after it' : c.definedBy === 'value' ? 'its value' : 'a derivative';
      c.skip =
        c.definedBy === 'activation'
          ? `it names the activation ${c.defines}, a function of the solution's own: the equations that write ${c.defines}(…) read it so`
          : `it defines ${c.defines} by ${by}, a name of the solution's own: the equations${c.definedBy === 'value' ? ' that read it' : ' after it'} use it as defined here`;
      continue;
    }
    // a step the network does not have (x_{t-1} summed from t = 1, o_{T-i}): the equation reads and is wrong,
    // so it fails on that link — neither skipped (a wrong equation is not "not checked") nor left without a verdict
    // so does an equation whose two sides read with shapes that cannot be equal (x_t for h_{t-1} in ∂L/∂W: a 3×3 matrix
    // against a 3×2): it reads, and is wrong — only a transposed shape, which a layout could explain, stays unjudged;
    // and so does a product inside a side that only a transpose of its matrix (or vector) lets form (V ∇_o L for
    // Vᵀ ∇_o L, V 2×3): no layout multiplies it as written, and the transpose is the mend
    // a link's number as the chain writes it (after a label's link, the chain's own numbering)
    const writtenLink = (link: number): number => c.links?.[link - 1] ?? link;
    // the link a diagnostic is written in: the last whose right side begins before it
    const linkAt = (d: Diagnostic): number => {
      const at = file.lineStart(d.line) + d.column - 1;
      let link = 1;
      c.sides.forEach((sd, k) => {
        if (sd.start <= at) link = k + 1;
      });
      return link;
    };
    for (const d of diags) {
      if (d.severity !== 'error' || !readsAndIsWrong(d)) continue;
      const link = linkAt(d);
      if (all.some((ch) => (ch.link ?? 1) === link)) continue;
      const side = c.sides[link - 1];
      const range = side
        ? file.range(side.start, side.end)
        : { line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn };
      const ch: CheckReport = {
        line: range.line,
        status: 'fails',
        message: `fails: ${d.message}`,
        link,
        range,
        equation: c.text.chars.trim(),
        steps: [],
      };
      all.push(ch);
      usable.push(ch);
      saidWhereWritten.add(ch);
    }
    // in the chain's order: a failing link made here sits among the judged ones (link 2 of three, not after link 3)
    const byLink = (a: CheckReport, b: CheckReport) => (a.link ?? 1) - (b.link ?? 1);
    all.sort(byLink);
    usable.sort(byLink);
    if (!usable.length) {
      // a size limit that stopped the claim is named first: the claim is unjudged, not unreadable; a name of the
      // network whose definition has an error is said as the .rnn says it at a use (§6: not available), once
      const why =
        diags.find((d) => d.code === 'limit') ?? diags.find((d) => d.severity === 'error') ?? diags.find((d) => d.code === 'unavailable');
      c.limit = why?.code === 'limit';
      const reason = why?.message ?? (all[0] ? skipText(all[0]) : 'the equation does not read as a check');
      // Williams & Zipser's p^k_{ij}(t) = ∂y_k(t)/∂w_{ij}, and every later equation that writes p: said why (entrySensitivity.ts)
      const unknown = /^unknown name (\S+?)(?:[ —:]|$)/.exec(reason)?.[1];
      const family = unknown ? entryFamilyDefinition(c.text.chars) : null;
      if (unknown && family && unknown.startsWith(family.letter)) {
        families.set(family.letter, { def: family, line: file.range(c.sides[0]?.start ?? 0, c.sides[0]?.start ?? 0).line });
        c.skip = entryFamilyText(family);
        continue;
      }
      const usedFamily = unknown ? families.get(/^\p{L}+/u.exec(unknown)?.[0] ?? '') : undefined;
      if (usedFamily) {
        c.skip = entryFamilyUseText(usedFamily.def, usedFamily.line);
        continue;
      }
      const defined = why ? definedName(c.text.chars, why) : null;
      // a name at a general step (A_t) is a definition wherever a later equation reads it (formulaDefinitions): the
      // student is told so, not sent to the rnn block (seed 000's A_t = 1 − u_t, which only its prose uses)
      const use =
        defined && GENERAL_STEP_NAME.test(defined.replace(/\s+/g, ''))
          ? `no equation after it reads ${defined}; one that does is checked with this definition`
          : 'to use it, define it in the rnn block';
      // Trask's hidden_delta_t = … + hidden_delta_{t+1} recurrentᵀ: a recursion that says nowhere which derivative its
      // name is (his prose does); named so, with what makes it a claim
      const base = defined ? /^[^_{}^]+(?:_[A-Za-z0-9]{2,})*/.exec(defined)?.[0] : undefined;
      const recursion = base !== undefined && readsName(c.text.chars.slice(c.text.chars.indexOf('=') + 1), base);
      c.skip = recursion
        ? `${defined} is not a name of the network: the equation defines it by itself at another step (a recursion) and nowhere says which derivative it is, so there is nothing to check (write ${defined} = ∂L/∂… before it and the recursion is checked)`
        : defined
          ? `${defined} is not a name of the network: the equation defines it, so there is nothing to check (${use})`
          : reason.replace(/^not analysed: /, '');
      continue;
    }
    // the label's link is not checked; said only when the chain after it is (a chain left unread says why itself)
    // (a label is no claim: its link is not listed among the links left unjudged)
    if (c.label) {
      const said: Diagnostic = {
        ...file.range(c.label.start, c.label.end),
        severity: 'information',
        code: 'solution-skipped',
        message: c.label.problem ? `link 1 not checked: ${c.label.problem}` : labelText(c.label.name, c.label.by, c.label.before),
      };
      solutionDiags.push(c.label.problem ? skippedLink(skippedLinks, 1, said) : said);
    }
    if (c.whereDefines)
      solutionDiags.push({
        ...file.range(c.whereDefines.start, c.whereDefines.end),
        severity: 'information',
        code: 'solution-skipped',
        message: `the where clause defines ${c.whereDefines.name} by its ${c.whereDefines.by}, a name of the solution's own: the equation is checked with it, and the equations after it use it as defined here`,
      });
    // a link that does not read (notation the language lacks, a name the network does not define, an index it
    // cannot take, a product it cannot form) is skipped like a whole equation would be: information, not an error,
    // while the other links are judged (LANGUAGE.md §8: never an error). What stays an error is what fails (a step
    // the network does not have, sides of two shapes: said where written) and a limit that stopped the analysis.
    // In a chain, the link it stops is named, as a link that reads but cannot be judged is: "✓ holds" beside an
    // unnamed "not checked" read as the whole chain holding (‖J‖ ≤ ‖W‖ ‖diag(…)‖ ≤ β_W β_h, session 47)
    const unjudged = (d: Diagnostic): Diagnostic => {
      const said: Diagnostic = { ...d, severity: 'information', code: 'solution-skipped', message: `not checked: ${d.message}` };
      const link = linkAt(d);
      if (c.sides.length < 2 || usable.some((ch) => (ch.link ?? 1) === link)) return said;
      const written = writtenLink(link);
      return skippedLink(skippedLinks, written, { ...said, message: `link ${written} not checked: ${d.message}` });
    };
    // a bound's link after a side that did not read (resolve/questions.ts) is such a link too, under its written number
    const afterUnread = (d: Diagnostic): Diagnostic => {
      const written = writtenLink(linkAt(d));
      return skippedLink(skippedLinks, written, {
        ...d,
        code: 'solution-skipped',
        message: d.message.replace(/^link \d+/, `link ${written}`),
      });
    };
    for (const d of diags)
      keptDiags.push(
        d.code === 'link-not-checked'
          ? afterUnread(d)
          : d.severity === 'error' && !(readsAndIsWrong(d) || d.code === 'limit')
            ? unjudged(d)
            : d,
      );
    for (const ch of all) {
      if (!usable.includes(ch)) {
        solutionDiags.push(
          skippedLink(skippedLinks, ch.link ?? 1, {
            ...ch.range,
            severity: 'information',
            code: 'solution-skipped',
            message: `link ${ch.link ?? 1} not checked: ${skipText(ch)}`,
          }),
        );
        continue;
      }
      const link = ch.link ?? 1;
      // a where clause checked on its own (`… \text{with } o_3 = σ(…)`) has its verdict on the clause's right side
      const begins = file.lineStart(ch.range.line) + ch.range.column - 1;
      const side = c.clauses?.find((k) => k.start === begins)?.side ?? c.sides[link - 1];
      if (side) {
        ch.range = file.range(side.start, side.end);
        ch.line = ch.range.line;
      }
      ch.link = writtenLink(link);
      ch.message = labelled(ch.message);
      keptChecks.push(ch);
      // a failing link made of an error already has it where it is written (the reference, the two sides)
      const severity = verdictSeverity(ch.status);
      if (severity && !saidWhereWritten.has(ch)) {
        // on the wrong term itself when the engine names one (seed 001 eq. 32's last factor, in its own display)
        verdicts.push({
          ...(ch.culprit ?? ch.range),
          severity,
          message: ch.message,
          code: `check-${ch.status}`,
        });
      }
      // the equation whose display holds this link's right side, and every later display the side spans (seed 001's `+ …` blocks)
      const start = side?.start ?? c.text.at[0] ?? 0;
      const end = side?.end ?? start;
      let target = c.displays[0]!;
      for (const d of c.displays) if (displays[d]!.start <= start) target = d;
      // the displays this link's right side spans: its own, and the `+ …` blocks continuing it
      const spans = c.displays.filter((d) => d === target || (d > target && displays[d]!.start < end));
      // a later link of a chain whose own row carries a \tag (`&= … \tag{5}` under `… \tag{4}`) is labelled by it;
      // else a display its side spans — never a later link's (seed 001's unnumbered `∂L/∂h_1 = ∂(L_1+L_2+L_3)/∂h_1`
      // took the (21) of the `= …` display after it)
      // a printed label (a \tag, a trailing (n)) first; else a \label's name, found the same way
      const tagged =
        (link > 1 ? rowTag(c, start) : null) ??
        c.tag ??
        (c.shared
          ? target !== c.displays[0]
            ? (read[target]?.printed ?? null)
            : null
          : spans.map((d) => read[d]?.printed ?? null).find((t) => t !== null)) ??
        (link > 1 ? rowTag(c, start, 'label') : null) ??
        c.named ??
        (c.shared
          ? target !== c.displays[0]
            ? out.equations[target]!.tag
            : null
          : spans.map((d) => out.equations[d]!.tag).find((t) => t !== null)) ??
        null;
      if (tagged !== null) {
        ch.tag = tagged;
        labels.set(`${claimLine(c, file)}:${link}`, tagged);
      }
      for (const d of spans) out.equations[d]!.checks.push(ch);
    }
  }
  // a display holding only the chain's first side (`$$ ∂L/∂h_1 $$` then `$$ = … $$`) shows the chain's links
  // — but a display holding a side of its own that was not checked (`$$ = Σ_t δ_t h_{t-1} $$` with δ unknown) is
  // not given the other links' verdicts: it is skipped, with its reason (session 12: it showed link 1's "holds")
  const unread = [...solutionDiags, ...keptDiags].filter((d) => d.code === 'solution-skipped');
  for (const c of claims) {
    if (c.skip) continue;
    const links = [...new Set(c.displays.flatMap((d) => out.equations[d]!.checks))];
    for (const d of c.displays) {
      const eq = out.equations[d]!;
      if (eq.checks.length) continue;
      const shown = displays[d]!;
      if (!c.sides.some((side) => side.start >= shown.start && side.start < shown.end)) eq.checks.push(...links);
      else {
        const where = file.range(shown.start, shown.end);
        const why = unread.find((x) => x.line >= where.line && x.line <= where.endLine);
        eq.message = why ? why.message.replace(/^link \d+ not checked: /, 'not checked: ') : 'not checked';
      }
    }
  }
  report.checks = keptChecks.sort((a, b) => a.line - b.line);
  report.diagnostics = keptDiags.sort((a, b) => a.line - b.line || a.column - b.column);
  for (const d of report.diagnostics) {
    if (sidecarDiags.includes(d)) {
      out.diagnostics.push({
        ...file.range(0, 0),
        severity: d.severity,
        code: d.code ?? 'sidecar',
        message: `in the sidecar .rnn, line ${d.line}: ${d.message}`,
      });
    } else out.diagnostics.push(d);
  }
  for (const d of [...solutionDiags, ...verdicts]) out.diagnostics.push(d);
  // a network's own check line that does not hold is an error (or a warning) on its line, as in a .rnn file (LANGUAGE.md
  // §5): a failing `check` in a solution's rnn block showed nowhere among the diagnostics (the editor had no squiggle)
  for (const ch of ownChecks) {
    const severity = verdictSeverity(ch.status);
    if (!severity) continue;
    out.diagnostics.push(
      sidecarChecks.has(ch)
        ? { ...file.range(0, 0), severity, code: `check-${ch.status}`, message: `in the sidecar .rnn, line ${ch.line}: ${ch.message}` }
        : { ...(ch.culprit ?? ch.range), severity, code: `check-${ch.status}`, message: ch.message },
    );
  }
}

/**
 * a solution of several exercises: an equation skipped for a name its network lacks, that another network defines,
 * was put after the wrong block (or the name belongs to the other exercise). Say so: "unknown name w" alone sent the
 * student looking for a typo in a name their own first block defines.
 */
export function otherNetworksNames(claims: Claim[], out: SolutionReport): void {
  if (out.networks.length < 2) return;
  const defined = out.networks.map(
    (n) => new Set(n.report.symbols.filter((s) => s.role === 'definition' || s.role === 'declaration').map((s) => s.name)),
  );
  for (const c of claims) {
    const name = c.skip && !c.quiet ? /^unknown name (\S+?)(?=$|[:;,. ])/.exec(c.skip)?.[1] : undefined;
    if (!name) continue;
    const owner = defined.findIndex((names, n) => n !== c.network && names.has(name));
    if (owner < 0) continue;
    const where = (n: number) => {
      const line = out.networks[n]!.range?.line;
      return `network ${n + 1}${line ? ` (the rnn block on line ${line})` : ''}`;
    };
    c.skip = `${c.skip}: ${name} is a name of ${where(owner)}, and this equation is read with ${where(c.network)}, the last block declaring T before it`;
  }
}

/** why a link is not judged: its message, or for a premise (h_0 = 0) what it is */
export function skipText(ch: CheckReport): string {
  return ch.premise ? `it ${ch.message.replace(/:.*$/, '')}, a premise of the solution, not a claim` : ch.message;
}

/**
 * an error of an equation that reads and is wrong (it fails where it is written, not "not checked"): a step the
 * network does not have, two sides whose shapes no layout makes equal (questions.ts: not their transposes), a
 * product that forms only with a transpose added or taken away (expressions.ts flipFits, transposeFits, the outer
 * product's ᵀ), a ∏ whose factor is a Jacobian written without its diag: each a diagnostic with its `fix`
 */
export function readsAndIsWrong(d: Diagnostic): boolean {
  // a step the network does not have; a free index that picks entries of two sizes (x_t[j] beside ŷ_t[j])
  if (d.code === 'undefined-step' || d.code === 'index-sizes') return true;
  if (d.code !== 'shape-mismatch') return false;
  if (d.message.startsWith('shape mismatch: the left side is')) return !d.message.includes('shape transposed');
  return d.fix !== undefined;
}

/** d before a name of the network (dc, dc̄, dW_f): code's gradient of it, never a name of the solution's own */
export function isCodeGradientName(name: string, network: ReadonlySet<string>): boolean {
  if (name.length < 2 || name[0] !== 'd') return false;
  const rest = name.slice(1);
  return network.has(rest) || network.has(rest.split('_')[0]!);
}
