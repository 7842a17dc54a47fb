// A generated text's Report mapped back to the solution: every range and line to the file, every message's names
// and line numbers to what the student wrote.

import type { Range, Report } from '../report';
import type { Claim } from './claim';
import { GeneratedText, LineIndex } from './sourcemap';

const isRange = (o: Record<string, unknown>): boolean =>
  typeof o.line === 'number' && typeof o.column === 'number' && typeof o.endLine === 'number' && typeof o.endColumn === 'number';

/**
 * the file line a claim's equation begins on: its first character that is not blank. A row of an align after an
 * unread row begins its text with the blank that was that row's line break, so `at[0]` (where the generated line's
 * `check ` is anchored) lies on the row before it
 */
export function claimLine(c: Claim, file: LineIndex): number {
  const k = c.text.chars.search(/\S/);
  return file.lineOf(c.text.at[k < 0 ? 0 : k] ?? c.text.at[0] ?? 0);
}

/** map every range (and every bare `line`) of a report from generated to file coordinates, in place */
export function mapReport(
  report: Report,
  gen: GeneratedText,
  file: LineIndex,
  keepLinesUpTo: number,
  claimLines: ReadonlyMap<number, number>,
): void {
  const seen = new Set<object>();
  const walk = (o: unknown): void => {
    if (!o || typeof o !== 'object' || seen.has(o)) return;
    seen.add(o);
    if (Array.isArray(o)) {
      if (o.length && typeof o[0] === 'number') return;
      for (const x of o) walk(x);
      return;
    }
    const r = o as Record<string, unknown>;
    // messages name places too ("the '(' at 17:20", "on line 7"): those are the file's as well
    if (typeof r.message === 'string') r.message = mapMessage(r.message, gen, file, keepLinesUpTo, claimLines);
    if (isRange(r)) {
      if ((r.line as number) > keepLinesUpTo) Object.assign(r, gen.mapRange(r as unknown as Range, file));
    } else if (typeof r.line === 'number' && (r.line as number) > keepLinesUpTo) {
      r.line = file.lineOf(gen.offsetAt(r.line as number, 1));
    }
    for (const v of Object.values(r)) if (v && typeof v === 'object') walk(v);
  };
  walk(report);
}

/** a message's places as the file's: "on line N" of a check is the line its equation begins on (claimLines) */
export function mapMessage(
  message: string,
  gen: GeneratedText,
  file: LineIndex,
  keep: number,
  claimLines: ReadonlyMap<number, number>,
): string {
  return (
    message
      .replace(/\bat (\d+):(\d+)\b/g, (all, l: string, c: string) => {
        if (+l <= keep) return all;
        const p = file.pos(gen.offsetAt(+l, +c));
        return `at ${p.line}:${p.column}`;
      })
      .replace(/\bon line (\d+)\b/g, (all, l: string) =>
        +l <= keep ? `${all} of the sidecar` : `on line ${claimLines.get(+l) ?? file.lineOf(gen.offsetAt(+l, 1))}`,
      )
      // "δ (line 16) has no step" (resolve/derived.ts): the line of a name's definition, which may be a claim's
      // (an inline `$δ_t = ∂L/∂h_t$`): it printed the generated text's line
      .replace(/\(line (\d+)([):])/g, (_all, l: string, end: string) =>
        +l <= keep ? `(line ${l} of the sidecar${end}` : `(line ${claimLines.get(+l) ?? file.lineOf(gen.offsetAt(+l, 1))}${end}`,
      )
  );
}
