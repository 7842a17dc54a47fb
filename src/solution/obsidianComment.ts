// Obsidian's comment, `%% … %%` (one line or a block): hidden in its preview, as an HTML comment is everywhere. A student
// who comments out an old attempt so (`%%\n$$ … $$\n%%`) does not hand it in: it was read as a claim and judged
// (probe 47). A markdown-it block rule: only where a block starts (never inside a display, whose `%` is TeX's
// comment, nor inside code), and only a comment that is closed — an unclosed `%%` stays text.
import type StateBlock from 'markdown-it/lib/rules_block/state_block.mjs';

export function obsidianComment(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
  const pos = state.bMarks[startLine]! + state.tShift[startLine]!;
  if (state.src.charCodeAt(pos) !== 37 || state.src.charCodeAt(pos + 1) !== 37) return false;
  const close = state.src.indexOf('%%', pos + 2);
  if (close < 0) return false;
  let line = startLine;
  while (line < endLine && state.eMarks[line]! < close) line++;
  if (line >= endLine) return false;
  // the closing `%%` ends its line (what follows it on that line would be text the preview shows)
  if (state.src.slice(close + 2, state.eMarks[line]!).trim()) return false;
  if (silent) return true;
  state.line = line + 1;
  const token = state.push('obsidian_comment', '', 0);
  token.map = [startLine, state.line];
  return true;
}
