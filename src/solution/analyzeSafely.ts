// analyze() on a network's generated text and its claims: cached per claim set, and should the engine throw (a bug,
// not a verdict), the claims that make it throw found by halving and skipped, so one claim never takes the others down.

import { analyze } from '../analysis';
import { Cancelled } from '../engine/budget';
import type { AnalyzeOptions, Report } from '../report';
import { emptyReport } from '../report';
import type { Claim } from './claim';
import type { NetworkFacts } from './networkFacts';
import { analyzeClaims, claimCacheEnabled } from './claimCache';
import { generate } from './generateChecks';

/** analyses the engine may attempt to find the claims that make it throw */
const MAX_ATTEMPTS = 24;

/** analyze() on the network and its claims; should the engine throw (a bug, not a verdict), the
 *  claims that make it throw are found by halving and skipped with its message, so one claim never
 *  takes the others down */
export function analyzeSafely(facts: NetworkFacts, claims: Claim[], options: AnalyzeOptions | undefined) {
  let attempts = 0;
  const attempt = (cs: Claim[]): Error | null => {
    attempts++;
    try {
      analyze(generate(facts, cs).gen.text, options);
      return null;
    } catch (e) {
      // the editor's worker dropping an outdated version: no claim is to blame
      if (e instanceof Cancelled) throw e;
      return e instanceof Error ? e : new Error(String(e));
    }
  };
  const fail = (cs: Claim[], e: Error) => {
    for (const c of cs) c.skip = `could not be analysed (${e.message})`;
  };
  const isolate = (cs: Claim[], e: Error): void => {
    if (cs.length === 1 || attempts >= MAX_ATTEMPTS) return fail(cs, e);
    const halves = [cs.slice(0, cs.length >> 1), cs.slice(cs.length >> 1)];
    for (const h of halves) {
      const err = attempt(h);
      if (err) isolate(h, err);
    }
  };
  for (;;) {
    const good = claims.filter((c) => !c.skip);
    const { gen, networkLines } = generate(facts, good);
    try {
      // the claims that define a name are lines of the network (generate)
      const checks = good.filter((c) => !c.defines && !c.inline).length;
      return { report: analyzeGenerated(gen.text, networkLines, checks, options), gen, networkLines, analysed: good };
    } catch (e) {
      if (e instanceof Cancelled) throw e;
      const err = e instanceof Error ? e : new Error(String(e));
      if (!good.length) {
        // the network alone: nothing to analyse, one error at its first line
        const report = emptyReport([
          {
            line: 1,
            column: 1,
            endLine: 1,
            endColumn: 2,
            severity: 'error',
            code: 'internal',
            message: `the network could not be analysed: ${err.message}`,
          },
        ]);
        return { report, gen, networkLines, analysed: good };
      }
      if (attempt([])) {
        fail(good, err);
        continue;
      }
      isolate(good, err);
      // claims that throw only together, or past the attempts: what is left unresolved is skipped too
      if (good.every((c) => !c.skip)) fail(good, err);
    }
  }
}

/** analyze() of a generated text, with the claims seen before taken from the cache (claimCache.ts) */
function analyzeGenerated(genText: string, networkLines: number, claims: number, options: AnalyzeOptions | undefined): Report {
  return symbolsInSourceOrder(analyzeOrCached(genText, networkLines, claims, options));
}

/**
 * the symbol occurrences in the order they are written: the resolver records them by its phases (a sidecar's own checks
 * after the network's definitions), and the claim cache puts a kept claim's back after the network's, so the two
 * orders differed where an edit changed which claims were analysed (claimCache.test.ts, seed 1708871764)
 */
function symbolsInSourceOrder(r: Report): Report {
  r.symbols.sort(
    (a, b) =>
      a.line - b.line ||
      a.column - b.column ||
      a.endLine - b.endLine ||
      a.endColumn - b.endColumn ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) ||
      (a.role < b.role ? -1 : a.role > b.role ? 1 : 0),
  );
  return r;
}

function analyzeOrCached(genText: string, networkLines: number, claims: number, options: AnalyzeOptions | undefined): Report {
  const lines = genText.split('\n');
  // one line per claim and a final newline, else (a claim spanning lines) the whole text as it is
  if (!claimCacheEnabled() || lines.length !== networkLines + claims + 1) return analyze(genText, options);
  return analyzeClaims(
    {
      network: lines
        .slice(0, networkLines)
        .map((l) => l + '\n')
        .join(''),
      claims: lines.slice(networkLines, networkLines + claims),
    },
    options,
  );
}
