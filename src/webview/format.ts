// Number, value and shape formatting for the panel: src/display at four significant digits with the
// typographic minus (display only: the numbers come from the Report).

import { entriesOf, formatNumber, valueText } from '../display/number';
import type { Value } from '../report';

export { isMatrix } from '../display/number';
export { shapeText as fmtShape } from '../display/shape';

const STYLE = { unicodeMinus: true };

/** A number in at most `digits` significant digits, with a real minus sign; exponents for tiny/huge ones. */
export function fmt(x: number, digits = 4): string {
  return formatNumber(x, digits, STYLE);
}

/** All entries of a value, row-major. */
export const entries = entriesOf;

/** A value as one line of text: 0.5, [0.1, 0.2], [[1, 0], [0, 1]] — long ones elided with "…"; none is "—". */
export function fmtValue(v: Value | null | undefined, maxEntries = 8, digits = 4): string {
  if (v === null || v === undefined) return '—';
  return valueText(v, digits, maxEntries, STYLE);
}

/** Largest absolute entry (0 for empty). */
export function maxAbs(v: Value | null | undefined): number {
  if (v === null || v === undefined) return 0;
  let m = 0;
  for (const x of entriesOf(v)) if (Number.isFinite(x)) m = Math.max(m, Math.abs(x));
  return m;
}
