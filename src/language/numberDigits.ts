// A number's decimals as written: 0.9510 has four, though its value prints 0.951. A hand computation keeps every
// number to the same digits, and the rounding hints (engine/check/roundedEquals.ts) judge a number by the digits its
// writer gave it: read from the value alone, 0.6590 would be "rounded to 3 decimals", its rounding ten times wider.

/**
 * the decimals of a number token's text where they are more than its value shows (trailing zeros: `0.9510`, the
 * decimal comma `0{,}50`), else undefined: the value alone says them
 */
export function trailingDecimals(text: string, value: number): number | undefined {
  if (!text.endsWith('0')) return undefined;
  const m = /(?:\.|\{,\}|,)(\d+)$/.exec(text);
  if (!m || !Number.isFinite(value)) return undefined;
  const shown = /\.(\d+)$/.exec(String(Math.abs(value)))?.[1]?.length ?? 0;
  return m[1]!.length > shown ? m[1]!.length : undefined;
}
