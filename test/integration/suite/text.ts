// Reading numbers and math names out of rendered text (hovers, CodeLens titles, the page). Pure: used by the
// in-editor suite and by the Playwright runners alike.

/** Flattens hover/lens/hint contents to plain text: HTML tags and Markdown escapes removed. */
export function plain(s: string): string {
  return s
    .replace(/<[^>]*>/g, ' ') // a space: table cells and blocks must not glue their numbers together
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1');
}

/** A name spelling-neutral form for comparing math text: W_hh, W<sub>hh</sub>, W_{hh} all become Whh. */
export function mathKey(s: string): string {
  return plain(s)
    .replace(/[\s_{}]/g, '')
    .replace(/−/g, '-');
}

/** Numbers written in a text, with the number of significant digits each was printed with. */
export function numbersIn(text: string): { value: number; digits: number; raw: string }[] {
  const t = plain(text).replace(/−/g, '-');
  const out: { value: number; digits: number; raw: string }[] = [];
  const re = /-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g;
  for (const m of t.matchAll(re)) {
    const raw = m[0];
    const mantissa = raw
      .replace(/[eE].*$/, '')
      .replace(/^-/, '')
      .replace('.', '')
      .replace(/^0+/, '');
    out.push({ value: Number(raw), digits: Math.max(1, mantissa.length), raw });
  }
  return out;
}

/** True when `text` shows `expected` to the precision it prints (half a unit in the last printed digit). */
export function showsNumber(text: string, expected: number): boolean {
  return numbersIn(text).some(({ value, digits }) => {
    if (!Number.isFinite(value)) return false;
    if (expected === 0) return value === 0;
    const exponent = value === 0 ? Math.floor(Math.log10(Math.abs(expected))) : Math.floor(Math.log10(Math.abs(value)));
    const halfUlp = 0.5 * Math.pow(10, exponent - digits + 1);
    return digits >= 2 && Math.abs(value - expected) <= halfUlp * 1.0001;
  });
}
