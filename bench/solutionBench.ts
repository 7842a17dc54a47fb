// A solution edited in the editor: the time from the new text to its diagnostics and lenses (issue 10:
// target < 20 ms for a seed-sized solution, the debounce excluded) — the reader, analyze() of each network,
// the mapping back, and the editor's pure content (no VS Code in a bench). Each edit changes one equation
// to a text not seen before (spaces added after its first `=`, one more each time); the claims of the other
// equations come from the claim cache (src/solution/claimCache.ts), shown beside the same edits without it.

import { readFileSync, readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import { solutionDiagnosticItems, solutionLensItems } from '../src/extension/solution/solutionContent';
import { resetClaimCache } from '../src/solution/claimCache';
import { analyzeSolution, readSolution, solutionKindOf } from '../src/solution/index';
import { EXAMPLES_DIR } from './examplesBench';
import { fmtT, printTable, timeMedian } from './timing';

export function benchSolutions(): void {
  const dir = join(EXAMPLES_DIR, 'solutions');
  const rows: string[][] = [];
  for (const name of readdirSync(dir)
    .filter((f) => solutionKindOf(f))
    .sort()) {
    const text = readFileSync(join(dir, name), 'utf8');
    const kind = solutionKindOf(name)!;
    const side = join(dir, name.slice(0, name.length - extname(name).length) + '.rnn');
    let sidecar: string | null = null;
    try {
      sidecar = readFileSync(side, 'utf8');
    } catch {
      /* a Markdown solution carries its network */
    }
    // the equation edited: the middle one that has an `=` to put spaces after
    const reading = readSolution(text, kind, sidecar)!;
    const eqs = reading.displays.map((d) => text.indexOf('=', d.contentStart)).filter((i, k) => i >= 0 && i < reading.displays[k]!.end);
    const at = eqs[eqs.length >> 1] ?? text.length;
    let n = 0;
    // what the editor does after the debounce: the editor's options (4 draws, numbers only), then the content
    const edit = () => {
      const edited = text.slice(0, at + 1) + ' '.repeat(++n) + text.slice(at + 1);
      const sol = analyzeSolution(edited, kind, { sidecar, analyze: { draws: 4 } });
      solutionDiagnosticItems(sol, { hintForHolding: false });
      return solutionLensItems(sol, 4, 'file:///bench');
    };
    const sol = analyzeSolution(text, kind, { sidecar, analyze: { draws: 4 } });
    resetClaimCache(false);
    const without = timeMedian(edit, 9, 2);
    resetClaimCache(true);
    const t = timeMedian(edit, 15, 2);
    rows.push([name, `${sol.checked}/${sol.skipped}`, fmtT(without), fmtT(t), t.ownMs < 20 ? 'yes' : 'NO']);
  }
  printTable(
    'a solution edited (one equation changed): new text → its diagnostics and lenses (debounce excluded)',
    ['solution', 'checked/skipped', 'without claim cache', 'edit → diagnostics', '< 20 ms'],
    rows,
  );
}
