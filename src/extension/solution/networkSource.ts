// The .rnn text of each network of a solution, numbered as SolutionReport.networks is: the solution
// reader's own reading (readSolution: the sidecar first when there is one, then the ```rnn blocks — a
// block that declares T starts a network, one that does not adds to the one before), its lines
// joined as the reader joins them for analyze(). The editor needs the text itself to answer a hover
// on a derivative: it asks analyze() to `derive` exactly what is under the cursor. Pure (no 'vscode').

import { readSolution, type SolutionKind } from './core';

let last: { text: string; kind: SolutionKind; sidecar: string | null; nets: string[] } | undefined;

/** The text of every network (the last answer is kept: hovers over one version ask again and again). */
export function networkSources(text: string, kind: SolutionKind, sidecar: string | null): string[] {
  if (last && last.text === text && last.kind === kind && last.sidecar === sidecar) return last.nets;
  const reading = readSolution(text, kind, sidecar);
  const nets = (reading?.networks ?? []).map((n) => {
    let s = n.sidecar === null ? '' : n.sidecar.endsWith('\n') ? n.sidecar : `${n.sidecar}\n`;
    for (const f of n.fences) for (const l of f.lines) s += `${text.slice(l.start, l.end)}\n`;
    return s;
  });
  last = { text, kind, sidecar, nets };
  return nets;
}
