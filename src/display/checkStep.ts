// How one entry of a check's `steps` is named where it is shown (hover, panel, inline verdict): its step
// and the values of the check's other free indices (LANGUAGE.md §3), "t = 2, k = 1", "i = 3", or "".

import type { CheckStep } from '../report';

export function stepLabel(s: Pick<CheckStep, 't' | 'at'>): string {
  const parts = s.t === null ? [] : [`t = ${s.t}`];
  for (const [v, x] of Object.entries(s.at ?? {})) parts.push(`${v} = ${x}`);
  return parts.join(', ');
}
