// A Markdown solution's front matter (Obsidian's, Jekyll's, Hugo's: YAML between `---` lines, or TOML between `+++`,
// at the top of the file; a Windows editor's \r\n too) is metadata, not the document: a `summary: "… $$\bar{h}$$ …"` in it was read as a display
// equation and reported "not checked: no equality to check" (probe 47). Blanked to spaces of the same length, its
// line breaks kept, so that every offset after it still points into the file.

const OPENING = /^(---|\+\+\+)[ \t]*\r?\n/;

/** the text with its front matter (when it has one, closed) blanked, offsets and lines unchanged */
export function blankFrontMatter(text: string): string {
  const open = OPENING.exec(text);
  if (!open) return text;
  // YAML closes with `---` or `...`, TOML with `+++`
  const close = open[1] === '---' ? /^(?:---|\.\.\.)[ \t]*\r?$/m : /^\+\+\+[ \t]*\r?$/m;
  const rest = text.slice(open[0].length);
  const m = close.exec(rest);
  // a horizontal rule at the top of a document is no front matter: its first line is a key (`title:`, `title =`)
  if (!m || !/^\s*[A-Za-z_][\w-]*[ \t]*[:=]/.test(rest.slice(0, m.index))) return text;
  const end = open[0].length + m.index + m[0].length;
  return text.slice(0, end).replace(/[^\n]/g, ' ') + text.slice(end);
}
