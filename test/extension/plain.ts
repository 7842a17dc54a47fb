// Hover Markdown flattened to the text a reader sees: tags dropped, entities and escapes undone.
export function plain(s: string): string {
  return s
    .replace(/\[([^\]]*)\]\(command:[^)]*\)/g, '$1')
    .replace(/<\/?(?:code|sub|sup|b|i|em|strong|span)>/g, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/(?<!\\)\*\*/g, '')
    .replace(/(?<![\\\w])_|(?<!\\)_(?!\w)/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\\([\\`*_{}[\]()#+\-.!|~$])/g, '$1');
}

/** Spelling-neutral math: W_hh, W<sub>hh</sub> and W_{hh} all become Whh. */
export function mathKey(s: string): string {
  return plain(s).replace(/[\s_{}]/g, '');
}

/** The arguments of every command link of a given command in a Markdown string. */
export function commandArgs(md: string, command: string): unknown[] {
  const re = new RegExp(`\\(command:${command.replace('.', '\\.')}\\?([^)]*)\\)`, 'g');
  return [...md.matchAll(re)].map((m) => (JSON.parse(decodeURIComponent(m[1]!)) as unknown[])[0]);
}
