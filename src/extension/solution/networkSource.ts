// The .rnn text of each network of a solution, in the order the solution reader numbers them
// (LANGUAGE.md §8): the sidecar's text first when there is one, then the ```rnn blocks of a Markdown
// text — a block that declares T starts a new network, a block that does not adds to the current one.
// The editor needs the text itself to answer a hover on a derivative: it asks analyze() to
// `derive` exactly what is under the cursor, with every symbolic form. Pure (no 'vscode').

import type { SolutionKind } from './core';

const OPEN = /^[ \t>]*(`{3,}|~{3,})[ \t]*rnn(?:\s|$)/;
const DECLARES_T = /^\s*T\s*=/m;

/** The ```rnn blocks' contents, in order (an unclosed block runs to the end of the text, as CommonMark says). */
export function rnnBlocks(text: string): string[] {
  const lines = text.split(/\r?\n/);
  const blocks: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = OPEN.exec(lines[i]!);
    if (!open) {
      // skip other fenced blocks whole: an ```rnn line inside them is their content
      const other = /^ {0,3}(`{3,}|~{3,})/.exec(lines[i]!);
      if (other) i = closingLine(lines, i + 1, other[1]!);
      continue;
    }
    const end = closingLine(lines, i + 1, open[1]!);
    blocks.push(lines.slice(i + 1, end).join('\n'));
    i = end;
  }
  return blocks;
}

function closingLine(lines: string[], from: number, fence: string): number {
  const close = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`);
  for (let j = from; j < lines.length; j++) if (close.test(lines[j]!)) return j;
  return lines.length;
}

/** The text of every network, numbered as SolutionReport.networks is. */
export function networkSources(text: string, kind: SolutionKind, sidecar: string | null): string[] {
  const blocks = kind === 'markdown' ? rnnBlocks(text) : [];
  // the sidecar is network 0; a block without T adds to the network before it (the sidecar's too)
  const nets: string[] = sidecar === null ? [] : [sidecar];
  for (const b of blocks) {
    if (nets.length === 0 || DECLARES_T.test(b)) nets.push(b);
    else nets[nets.length - 1] += `\n${b}`;
  }
  return nets;
}
