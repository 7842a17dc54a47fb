// How one entry of a check's `steps` is named where it is shown (hover, panel, inline verdict): its step
// and the values of the check's other free indices (LANGUAGE.md §3), "t = 2, k = 1", "i = 3", or "".

import type { CheckStep } from '../report';

export function stepLabel(s: Pick<CheckStep, 't' | 'at'>): string {
  const parts = s.t === null ? [] : [`t = ${s.t}`];
  for (const [v, x] of Object.entries(s.at ?? {})) parts.push(`${v} = ${x}`);
  return parts.join(', ');
}

/** the values an index or step takes, as runs: `1..4`, `2`, `1..3, 5`, `201..300` */
export function runsText(values: number[]): string {
  const runs: [number, number][] = [];
  for (const v of values) {
    const last = runs[runs.length - 1];
    if (last && v === last[1] + 1) last[1] = v;
    else runs.push([v, v]);
  }
  return runs.map(([a, b]) => (a === b ? `${a}` : `${a}..${b}`)).join(', ');
}
