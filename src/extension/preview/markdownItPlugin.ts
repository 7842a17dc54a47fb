// The Markdown preview's side of solutions (package.json `markdown.markdownItPlugins`): ```rnn blocks
// highlighted, and every display equation of a solution marked with its verdict ✓ / ✗ / ⚠, the
// message on hover (a `title` on a wrapper). The math itself is left to whatever renders it (VS Code's
// markdown-math typesets `math_block` tokens with KaTeX): this plugin only adds tokens around them
// after parsing, so it works whichever plugin is loaded first. Pure (no 'vscode'): markdown-it is
// typed structurally here, the instance comes from VS Code (or from the tests).

import type { AnalyzeSolution, EquationResult, SolutionReport } from '../solution/core';
import { isMathInfo, isRnnInfo } from '../../solution/fenceInfo';
import { mayHoldNetwork } from '../solution/detect';
import { equationTitle } from '../solution/solutionContent';
import { escapeHtml, highlightRnn } from './rnnHighlight';

// ---- the parts of markdown-it this plugin uses -------------------------------------------------

export interface MdToken {
  type: string;
  tag: string;
  nesting: number;
  content: string;
  info: string;
  map: [number, number] | null;
  block: boolean;
  children: MdToken[] | null;
  attrs: [string, string][] | null;
}

interface MdState {
  src: string;
  tokens: MdToken[];
  Token: new (type: string, tag: string, nesting: number) => MdToken;
}

type RenderRule = (tokens: MdToken[], idx: number, options: unknown, env: unknown, self: MdRenderer) => string;

interface MdRenderer {
  rules: Record<string, RenderRule | undefined>;
  renderToken(tokens: MdToken[], idx: number, options: unknown): string;
}

export interface MarkdownItLike {
  core: { ruler: { push(name: string, rule: (state: MdState) => void): void } };
  renderer: MdRenderer;
}

// ---- analysis, cached per text -------------------------------------------------------------------

/**
 * The editor's report of a text the preview renders, where an open document has that text: its report when
 * finished, 'pending' while a worker is on it (no marks until then: the editor refreshes the preview when it is
 * done), undefined when no open solution has that text (the preview then analyses it itself).
 */
export type EditorReportOf = (src: string) => SolutionReport | 'pending' | undefined;

const MAX_CACHED = 8;

/** The plugin's analysis: the last few texts' reports, so re-rendering an unchanged text costs nothing. */
export class PreviewAnalysis {
  private readonly cache = new Map<string, SolutionReport>();
  constructor(private readonly analyze: AnalyzeSolution) {}

  of(src: string): SolutionReport {
    const hit = this.cache.get(src);
    if (hit) return hit;
    let sol: SolutionReport;
    try {
      sol = this.analyze(src, 'markdown', { analyze: { graph: false, symbolic: false } });
    } catch {
      // the preview must render whatever happens: no marks rather than no preview
      sol = { networks: [], equations: [], diagnostics: [], checked: 0, skipped: 0 };
    }
    if (this.cache.size >= MAX_CACHED) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(src, sol);
    return sol;
  }
}

// ---- marks ---------------------------------------------------------------------------------------

const MARK: Record<string, string> = { holds: '✓', fails: '✗', 'holds-at-given-values': '⚠', 'holds-as-one-step': '⚠', skipped: '' };
const CLASS: Record<string, string> = {
  holds: 'holds',
  fails: 'fails',
  'holds-at-given-values': 'warn',
  'holds-as-one-step': 'warn',
  skipped: 'skipped',
};

/** The hover text of an equation's mark: its verdict line, then the message. */
export function markTitle(e: EquationResult): string {
  if (e.status === 'skipped') return `Unroll: not checked — ${e.message}`;
  const title = equationTitle(e, 4);
  return e.message && !title.includes(e.message) ? `${title}\n${e.message}` : title;
}

function openHtml(e: EquationResult, inline: boolean): string {
  const cls = CLASS[e.status] ?? 'skipped';
  const mark = MARK[e.status] ?? '';
  const tag = inline ? 'span' : 'div';
  const badge = mark ? `<span class="unroll-mark" aria-label="${escapeHtml(cls)}">${mark}</span>` : '';
  return `<${tag} class="unroll-eq unroll-eq-${cls}" title="${escapeHtml(markTitle(e))}">${badge}`;
}

/** Display-math token types of markdown-it-katex (VS Code's markdown-math) and similar plugins. */
function isDisplayMath(t: MdToken): boolean {
  return (
    t.type === 'math_block' ||
    t.type === 'math_block_eqno' ||
    t.type === 'math_inline_block' ||
    t.type === 'math_inline_bare_block' ||
    // a ```math fence is a display equation of the solution (GitHub's notation)
    (t.type === 'fence' && isMathInfo(t.info))
  );
}

/** The equations whose first line (0-based) falls in [from, to), in order. */
function equationsIn(sol: SolutionReport, from: number, to: number, used: Set<EquationResult>): EquationResult[] {
  return sol.equations.filter((e) => !used.has(e) && e.range.line - 1 >= from && e.range.line - 1 < to);
}

/** Wrap each display-math token of `tokens` (block level or an inline token's children) with its equation's mark. */
function markTokens(
  state: MdState,
  tokens: MdToken[],
  sol: SolutionReport,
  used: Set<EquationResult>,
  inline: boolean,
  parentMap: [number, number] | null,
): MdToken[] {
  const out: MdToken[] = [];
  // inline children carry no line map: they take the equations of their paragraph, in order
  const pool = inline && parentMap ? equationsIn(sol, parentMap[0], parentMap[1], used) : [];
  for (const t of tokens) {
    if (!inline && t.type === 'inline' && t.children && t.map && t.children.some(isDisplayMath)) {
      t.children = markTokens(state, t.children, sol, used, true, t.map);
    }
    if (!isDisplayMath(t)) {
      out.push(t);
      continue;
    }
    const eq = inline ? pool.shift() : t.map ? equationsIn(sol, t.map[0], t.map[1], used)[0] : undefined;
    if (!eq) {
      out.push(t);
      continue;
    }
    used.add(eq);
    const type = inline ? 'html_inline' : 'html_block';
    const open = new state.Token(type, '', 0);
    open.content = openHtml(eq, inline);
    const close = new state.Token(type, '', 0);
    close.content = inline ? '</span>' : '</div>\n';
    out.push(open, t, close);
  }
  return out;
}

// ---- the plugin ------------------------------------------------------------------------------------

/**
 * Extend a markdown-it instance (VS Code's preview calls this through `extendMarkdownIt`). With `editor`, a text
 * an open solution has takes the editor's report, analysed in its worker, so that rendering never analyses on
 * the extension host's thread while the student types beside the preview.
 */
export function unrollMarkdownIt<M extends MarkdownItLike>(md: M, analyze: AnalyzeSolution, editor?: EditorReportOf): M {
  const analysis = new PreviewAnalysis(analyze);
  md.core.ruler.push('unroll_solution', (state) => {
    // an ordinary Markdown text is left alone after one substring test
    if (!mayHoldNetwork(state.src, 'markdown')) return;
    const fromEditor = editor?.(state.src);
    if (fromEditor === 'pending') return;
    const sol = fromEditor ?? analysis.of(state.src);
    if (sol.equations.length === 0) return;
    state.tokens = markTokens(state, state.tokens, sol, new Set(), false, null);
  });
  const previous = md.renderer.rules.fence;
  md.renderer.rules.fence = (tokens, idx, options, env, self) => {
    const t = tokens[idx]!;
    if (isRnnInfo(t.info)) {
      // keep the attributes other plugins set (VS Code's data-line and code-line class for scroll sync)
      const attrs = (t.attrs ?? []).filter(([k]) => /^[a-z][a-z0-9-]*$/i.test(k) && k !== 'class');
      const extra = (t.attrs ?? [])
        .filter(([k]) => k === 'class')
        .map(([, v]) => ` ${escapeHtml(v)}`)
        .join('');
      const attrHtml = attrs.map(([k, v]) => ` ${k}="${escapeHtml(v)}"`).join('');
      return `<pre class="unroll-rnn${extra}"${attrHtml}><code class="language-rnn">${highlightRnn(t.content)}</code></pre>\n`;
    }
    return previous ? previous(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options);
  };
  return md;
}
