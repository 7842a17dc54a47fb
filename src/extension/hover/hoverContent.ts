// What a hover says, as a Markdown string (with HTML <sub>/<sup>/<table>), computed from a Report
// and a position only. No 'vscode' import: hover.ts is the thin adapter, this is unit-tested.

import type {
  CheckReport,
  CheckStep,
  DeriveReport,
  DeriveResult,
  QuantityReport,
  Range,
  Report,
  SymbolOccurrence,
  Value,
} from '../../report';
import { nodeKey } from '../../ids';
import type { OpenPanelArgs } from '../../protocol';
import {
  escapeHtml,
  escapeMarkdown,
  formatNumber,
  isScalar,
  mathHtml,
  shapeText,
  textToLatex,
  valueHtml,
  valueLatex,
} from '../shared/format';
import {
  checkAtLine,
  deriveAtLine,
  isIndexed,
  lossDeriveFor,
  nodeOf,
  paramNamed,
  partialFor,
  quantityNamed,
  sameText,
  symbolAt,
  type Position,
} from '../reports/reportQuery';
import { deriveLatex, checkLatex } from '../commands/latexContent';
import { functionKey, IDENTITIES } from './functionRules';
import { factoredFirst } from '../../display/forms';
import {
  compactRecursionText,
  flowHint,
  formHtml,
  formHtmlCapped,
  HOVER_FORM_LINES,
  HOVER_LATEX_STEPS,
  latexSteps,
  nodeSeries,
  sampledNote,
  stepsHtml,
} from './hoverPieces';
import { COMMANDS } from '../commands/ids';
import { stepLabel } from '../../display/checkStep';

export { flowHint, functionKey, stepsHtml };

export type HoverDetail = 'brief' | 'full';

export interface HoverOptions {
  /** significant digits */
  digits: number;
  detail: HoverDetail;
  /** the document's URI, passed to the command links */
  uri: string;
  /** the word under the cursor as the editor sees it: a fallback where the Report lists no symbol */
  word?: string;
  /** 1-based column where that word starts (a symbol starting there is the one meant) */
  wordColumn?: number;
}

export interface HoverContent {
  markdown: string;
  /** the source range the hover is about (1-based, end exclusive) */
  range: Range;
  /** what "Copy LaTeX" copies */
  latex: string;
}

/** A Markdown command link; arguments travel JSON-encoded in the URI, as VS Code expects. */
export function commandLink(label: string, command: string, args: unknown): string {
  // parentheses and quotes are left alone by encodeURIComponent but would end the Markdown link
  const query = encodeURIComponent(JSON.stringify([args])).replace(/[()'!*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `[${escapeMarkdown(label)}](command:${command}?${query})`;
}

function links(opts: HoverOptions, panel: OpenPanelArgs, latex: string): string {
  return `${commandLink('Open in Unroll panel', COMMANDS.openPanel, { uri: opts.uri, ...panel })} · ${commandLink('Copy LaTeX', COMMANDS.copyLatex, { latex })}`;
}

/** The hover at position p (1-based), or null when there is nothing to say there. */
export function hoverContent(report: Report, p: Position, opts: HoverOptions): HoverContent | null {
  const derive = deriveAtLine(report, p.line);
  if (derive) return deriveHover(report, derive, opts);
  const check = checkAtLine(report, p.line);
  if (check) return checkHover(report, check, opts);
  const sym =
    symbolAt(report, p) ??
    (opts.wordColumn === undefined ? undefined : report.symbols.find((s) => s.line === p.line && s.column === opts.wordColumn));
  if (!sym) return opts.word ? wordHover(report, opts.word, p, opts) : null;
  switch (sym.role) {
    case 'function':
      return functionHover(sym, opts);
    case 'declaration':
      return declarationHover(report, sym, opts);
    case 'definition':
      return definitionHover(report, sym, opts);
    case 'use':
      return useHover(report, sym, opts);
  }
}

function rangeOnly(r: Range): Range {
  return { line: r.line, column: r.column, endLine: r.endLine, endColumn: r.endColumn };
}

/** The range returned when only the editor's word range is known (the adapter substitutes it). */
export const WORD_RANGE: Range = { line: 0, column: 0, endLine: 0, endColumn: 0 };

/** A hover from the word under the cursor alone: a parameter or a quantity named by it. */
function wordHover(report: Report, word: string, p: Position, opts: HoverOptions): HoverContent | null {
  const m = /^(.*?)(?:_(?:\{[^{}]*\}|[tT]|\d+)|\^\{?\([^()]*\)\}?)$/.exec(word);
  const names = m && m[1] ? [word, m[1]] : [word];
  for (const name of names) {
    const sym: SymbolOccurrence = {
      name,
      text: word,
      role: 'use',
      line: p.line,
      column: p.column,
      endLine: p.line,
      endColumn: p.column + 1,
    };
    let h: HoverContent | null = null;
    if (paramNamed(report, name)) h = paramHover(report, sym, opts, null);
    else if (quantityNamed(report, name)) h = useHover(report, sym, opts);
    if (h) return { ...h, range: WORD_RANGE };
  }
  return null;
}

// ---- derive and check lines --------------------------------------------------------------

/**
 * The steps a hover's list leaves out, and where they are (issue 13, item 5: a truncated list says so):
 * "18 more steps (t = 13..30) not listed here: more in the panel", the link opening the panel at `line`.
 */
function moreSteps(rest: Pick<CheckStep, 't' | 'at'>[], line: number, opts: HoverOptions): string {
  const more = commandLink('more in the panel', COMMANDS.openPanel, { uri: opts.uri, line });
  const first = rest[0];
  const last = rest[rest.length - 1];
  // a check with free indices besides t lists one entry per value of them (t = 2, i = 3), not per step
  if (first?.at && last?.at) {
    const span = rest.length === 1 ? stepLabel(first) : `${stepLabel(first)} to ${stepLabel(last)}`;
    return `${rest.length} more ${rest.length === 1 ? 'value' : 'values'} (${escapeMarkdown(span)}) not listed here: ${more}`;
  }
  const a = first?.t ?? null;
  const z = last?.t ?? null;
  const span = a !== null && z !== null ? ` (t = ${a}${z !== a ? `..${z}` : ''})` : '';
  return `${rest.length} more ${rest.length === 1 ? 'step' : 'steps'}${span} not listed here: ${more}`;
}

function deriveHover(report: Report, d: DeriveReport, opts: HoverOptions): HoverContent {
  const parts = [`**derive** ${mathHtml(d.query)}`];
  const rest = commandLink('the rest in the panel', COMMANDS.openPanel, { uri: opts.uri, line: d.line });
  const perStep = d.results.length > 1 || (d.results[0]?.t ?? null) !== null;
  if (d.results.length === 0) parts.push('_no result: see the problems on this line_');
  if (d.general) {
    // written once for a general step t (LANGUAGE.md §5), a boundary step on its own, then every step's number
    for (const g of d.general) parts.push(formHtmlCapped(g.text, HOVER_FORM_LINES, rest));
    parts.push(stepValuesMd(report, d, opts));
  } else if (!perStep || d.results.length === 1) {
    for (const r of d.results) parts.push(resultMd(r, perStep, opts, rest));
  } else {
    // one result per step: the forms of the first step (the others have the same shape), then every step's number
    const first = d.results[0]!;
    parts.push(resultMd(first, true, opts, rest));
    // a limit left out some steps' forms: why the derive is not written once for a general step
    if (d.generalOmitted) parts.push(`_${escapeMarkdown(d.generalOmitted)}_`);
    parts.push(stepValuesMd(report, d, opts, 1));
  }
  const shown = d.results.map((r) => r.value);
  parts.push(...sampledNote(report, shown.length > 0));
  const latex = deriveLatex(d, opts.digits, HOVER_LATEX_STEPS);
  parts.push(links(opts, { line: d.line }, latex));
  return { markdown: parts.join('\n\n'), range: d.range, latex };
}

/**
 * Every step's number: a table of scalars, else one line per step from `from` (the steps before it are shown
 * with their forms), at most 4 (12 in full detail) and then where the rest are.
 */
function stepValuesMd(report: Report, d: DeriveReport, opts: HoverOptions, from = 0): string {
  if (d.results.every((r) => isScalar(r.value))) return `_every step:_ ${stepsHtml(d.results, opts, report.T)}`;
  const max = opts.detail === 'full' ? 12 : 4;
  const lines = d.results.slice(from, max).map((r) => `**t = ${r.t}**: = ${valueHtml(r.value, opts.digits)}`);
  if (d.results.length > max) lines.push(`_… ${moreSteps(d.results.slice(max), d.line, opts)}_`);
  return lines.join('\n\n');
}

function resultMd(r: DeriveResult, perStep: boolean, opts: HoverOptions, rest: string): string {
  const lines: string[] = [];
  const step = perStep && r.t !== null ? `**t = ${r.t}**: ` : '';
  const forms = r.forms ?? {};
  const shown = new Set<string>();
  const add = (label: string, text: string | undefined): void => {
    if (!text || shown.has(text)) return;
    shown.add(text);
    lines.push(`${label} ${formHtmlCapped(text, HOVER_FORM_LINES, rest)}`);
  };
  if (opts.detail === 'full') {
    // the compact statement first — the factored chain form where it is short and the path sum long,
    // else the δ-recursion's ∂L/∂w = Σ_t δ_t·… — then the forms, each capped
    if (factoredFirst(forms)) add('_chain rule, factored:_', forms.factored?.text);
    const compact = forms.recursive && !factoredFirst(forms) ? compactRecursionText(forms.recursive.text) : null;
    if (compact) lines.push(`_in short (δ from the recursion below):_ ${formHtml(compact)}`);
    add('_chain rule:_', forms.chain?.text);
    add('_explicit:_', forms.explicit?.text);
    add('_δ-recursion:_', forms.recursive?.text);
  }
  // the combined text often ends in its own rounding of the value: the value line below says it once
  if (lines.length === 0) add('', r.text.replace(/\s*=\s*[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?\s*$/i, ''));
  // a number without its derivation says why (a size limit: T = 5000 is past the symbolic forms' horizon)
  if (!r.forms && r.formsOmitted) lines.push(`_only the number: ${escapeMarkdown(r.formsOmitted)}_`);
  let value = `= ${valueHtml(r.value, opts.digits)}`;
  if (r.exact) value += ` (exactly ${escapeMarkdown(r.exact)})`;
  lines.push(value);
  return step + lines.join('\n\n');
}

/** Statuses shown as a problem on the check's line (diagnosticsContent.ts): the editor puts that problem in the hover. */
const HAS_PROBLEM: ReadonlySet<CheckReport['status']> = new Set(['fails', 'holds-at-given-values', 'holds-as-one-step']);

const VERDICT: Record<CheckReport['status'], { mark: string; word: string }> = {
  holds: { mark: '✓', word: 'holds' },
  fails: { mark: '✗', word: 'fails' },
  'holds-at-given-values': { mark: '⚠', word: 'holds only for these values' },
  'holds-as-one-step': { mark: '⚠', word: 'holds as a one-step derivative' },
};

/**
 * The verdict once: "✗ **fails** at t = 1", not "✗ fails: fails at t = 1" (the messages begin with their
 * verdict). Where the check is a problem on its line, the editor shows that problem (the whole message)
 * in the same hover: the reason is not repeated, the hover points to it.
 */
export function verdictMd(c: CheckReport): string {
  const { mark, word } = VERDICT[c.status];
  const msg = c.message.trim();
  const colon = msg.indexOf(': ');
  const head = colon < 0 ? msg : msg.slice(0, colon);
  const rest = colon < 0 ? '' : msg.slice(colon + 2);
  const verb = word.split(' ')[0]!;
  const why = (text: string): string =>
    HAS_PROBLEM.has(c.status) ? ' _(why: the problem on this line, shown with this hover)_' : `: ${escapeMarkdown(text)}`;
  if (!head.toLowerCase().startsWith(verb)) return msg ? `${mark} **${word}**${why(msg)}` : `${mark} **${word}**`;
  const n = head.toLowerCase().startsWith(word) ? word.length : verb.length;
  const verdict = `${mark} **${escapeMarkdown(head.slice(0, n))}**${escapeMarkdown(head.slice(n))}`;
  return rest ? verdict + why(rest) : verdict;
}

function checkHover(report: Report, c: CheckReport, opts: HoverOptions): HoverContent {
  const parts = [`**check** ${mathHtml(c.equation)}`, verdictMd(c)];
  if (opts.detail === 'full' && c.steps.length > 0) {
    const rows = c.steps
      .slice(0, 12)
      .map(
        (s) =>
          `<tr><td>${escapeHtml(stepLabel(s))}</td><td>${valueHtml(s.lhs, opts.digits, true)}</td><td>${valueHtml(s.rhs, opts.digits, true)}</td><td>${s.ok ? '✓' : '✗'}</td></tr>`,
      );
    parts.push(`<table><tr><th></th><th>left</th><th>right</th><th></th></tr>${rows.join('')}</table>`);
    if (c.steps.length > 12) parts.push(`_… ${moreSteps(c.steps.slice(12), c.line, opts)}_`);
    parts.push(...sampledNote(report, true));
  }
  const latex = checkLatex(c);
  parts.push(links(opts, { line: c.line }, latex));
  return { markdown: parts.join('\n\n'), range: c.range, latex };
}

function horizonHover(report: Report, sym: SymbolOccurrence): HoverContent {
  const md =
    `**horizon** T = ${report.T} — the time index t runs 1..${report.T}; h<sub>0</sub>-style initial states sit at t = 0` +
    (report.paramCount
      ? `\n\n${report.paramCount} trainable ${report.paramCount === 1 ? 'number' : 'numbers'} in ${report.params.length} ${report.params.length === 1 ? 'parameter' : 'parameters'}`
      : '');
  return { markdown: md, range: rangeOnly(sym), latex: `T = ${report.T}` };
}

// ---- functions ------------------------------------------------------------------------------

function functionHover(sym: SymbolOccurrence, opts: HoverOptions): HoverContent | null {
  const key = functionKey(sym.text) ?? functionKey(sym.name);
  if (!key) return null;
  const id = IDENTITIES[key]!;
  const parts = [`**${escapeMarkdown(sym.text)}** — its derivative`, mathHtml(id.text)];
  if (key === 'sigma')
    parts.push("Never above 1/4 (at z = 0): a chain of σ' factors shrinks the gradient. Type σ as `\\sigma` and a space.");
  if (key === 'tanh')
    parts.push("Never above 1 (at z = 0): a chain of tanh' factors can only shrink the gradient unless the weights grow it.");
  parts.push(links(opts, { line: sym.line }, id.latex));
  return { markdown: parts.join('\n\n'), range: rangeOnly(sym), latex: id.latex };
}

// ---- names --------------------------------------------------------------------------------

function declarationHover(report: Report, sym: SymbolOccurrence, opts: HoverOptions): HoverContent | null {
  if (paramNamed(report, sym.name)) return paramHover(report, sym, opts, null);
  const q = quantityNamed(report, sym.name);
  const row = report.graph?.rows.find((r) => r.name === sym.name);
  const kind = q?.kind ?? row?.kind;
  if (!kind) return null;
  const parts = [`**${kind}** ${mathHtml(sym.name)} · ${escapeHtml(shapeText(q?.shape ?? row?.shape ?? []))}`];
  const values = nodeSeries(report, sym.name, 'value');
  if (values.length > 0) parts.push(`_values:_ ${stepsHtml(values, opts, report.T)}`);
  const grads = q ? q.grads.filter((g) => g.value !== null) : nodeSeries(report, sym.name, 'grad');
  if (kind === 'input' && grads.length > 0 && report.loss) {
    parts.push(`${mathHtml(`∂${report.loss.name}/∂${sym.name}_t`)}: ${stepsHtml(grads, opts, report.T)}`);
  }
  if (kind === 'target') parts.push('_a training target: no gradient is shown for it_');
  parts.push(...sampledNote(report, values.length > 0, sym.name));
  const latex = `${textToLatex(sym.name)}_t`;
  parts.push(links(opts, { line: sym.line, node: sym.name }, latex));
  return { markdown: parts.join('\n\n'), range: rangeOnly(sym), latex };
}

function definitionHover(report: Report, sym: SymbolOccurrence, opts: HoverOptions): HoverContent | null {
  if (sym.name === 'T' && report.T !== null) return horizonHover(report, sym);
  const q = quantityNamed(report, sym.name, isIndexed(sym));
  if (!q) return null;
  const loss = report.loss?.name;
  const step = sym.step ?? null;
  const written = q.timed ? `${q.name}_${step === null ? 't' : step}` : q.name;
  const parts = [`**${escapeHtml(q.kind)}** ${mathHtml(written)} = ${mathHtml(q.equation)} · ${escapeHtml(shapeText(q.shape))}`];
  let latex: string;
  if (loss && q.name === loss && !q.timed && report.loss) {
    parts.push(`_the loss:_ ${mathHtml(loss)} = <code>${formatNumber(report.loss.value, opts.digits)}</code>`);
    latex = `${textToLatex(loss)} = ${valueLatex(report.loss.value, opts.digits)}`;
  } else if (loss) {
    const grads = q.grads.filter((g) => step === null || g.t === step);
    const lhs = q.timed ? `∂${loss}/∂${q.name}_${step === null ? 't' : step}` : `∂${loss}/∂${q.name}`;
    parts.push(
      `${mathHtml(lhs)} _(total: every path to the loss)_: ${grads.length ? stepsHtml(grads, opts, step === null && q.timed ? report.T : null) : '0 (the loss does not depend on it)'}`,
    );
    if (step === null) {
      const hint = flowHint(report, q.name, opts.digits);
      if (hint) parts.push(hint);
    }
    latex = latexSteps(`\\frac{\\partial ${textToLatex(loss)}}{\\partial ${textToLatex(q.name)}_{${step ?? 't'}}}`, grads, opts.digits);
  } else {
    parts.push('_no loss in this file: declare one with_ `loss L = …`');
    latex = textToLatex(`${written} = ${q.equation}`);
  }
  const isTheLoss = loss !== undefined && q.name === loss && !q.timed;
  if (opts.detail === 'full' && !isTheLoss) {
    const values = nodeSeries(report, q.name, 'value').filter((v) => (step === null || v.t === step) && (v.t !== null) === q.timed);
    if (values.length > 0) parts.push(`_values:_ ${stepsHtml(values, opts, step === null && q.timed ? report.T : null)}`);
  }
  parts.push(...sampledNote(report, loss !== undefined));
  parts.push(links(opts, { line: sym.line, node: nodeKey({ name: q.name, step }) }, latex));
  return { markdown: parts.join('\n\n'), range: rangeOnly(sym), latex };
}

function useHover(report: Report, sym: SymbolOccurrence, opts: HoverOptions): HoverContent | null {
  const isParam = paramNamed(report, sym.name) !== undefined;
  const owner = sym.inEquationOf ? quantityNamed(report, sym.inEquationOf, sym.inEquationOfTimed) : undefined;
  const partial = owner ? partialFor(report, owner, sym) : undefined;
  if (isParam) return paramHover(report, sym, opts, partial && owner ? { owner, partial } : null);
  if (partial && owner) {
    const { md, latex } = partialMd(owner, partial, opts, report.T);
    const parts = [md];
    const q = quantityNamed(report, sym.name, isIndexed(sym));
    if (q && report.loss && opts.detail === 'full') {
      const grads = q.grads;
      if (grads.length > 0)
        parts.push(
          `${mathHtml(`∂${report.loss.name}/∂${q.timed ? `${q.name}_t` : q.name}`)} _(total)_: ${stepsHtml(grads, opts, q.timed ? report.T : null)}`,
        );
    }
    parts.push(...sampledNote(report, true));
    parts.push(links(opts, { line: sym.line, node: owner.name }, latex));
    return { markdown: parts.join('\n\n'), range: rangeOnly(sym), latex };
  }
  // a use outside any equation: the node's value and gradient
  const q = quantityNamed(report, sym.name, isIndexed(sym));
  if (!q) return declarationHover(report, sym, opts);
  const node =
    sym.step !== undefined && sym.step !== null ? nodeOf(report, q.name, sym.step) : !q.timed ? nodeOf(report, q.name, null) : undefined;
  const parts = [`**${escapeHtml(q.kind)}** ${mathHtml(sym.text)} · ${escapeHtml(shapeText(q.shape))}`];
  if (node) {
    parts.push(`_value:_ ${valueHtml(node.value, opts.digits)}`);
    if (node.grad !== null && report.loss)
      parts.push(`${mathHtml(`∂${report.loss.name}/∂${sym.text}`)} = ${valueHtml(node.grad, opts.digits)}`);
  } else if (report.loss && q.grads.length > 0) {
    parts.push(
      `${mathHtml(`∂${report.loss.name}/∂${q.timed ? `${q.name}_t` : q.name}`)}: ${stepsHtml(q.grads, opts, q.timed ? report.T : null)}`,
    );
  }
  const latex = textToLatex(sym.text);
  parts.push(links(opts, { line: sym.line, node: node?.id ?? q.name }, latex));
  return { markdown: parts.join('\n\n'), range: rangeOnly(sym), latex };
}

function partialMd(
  owner: QuantityReport,
  pr: QuantityReport['partials'][number],
  opts: HoverOptions,
  horizon: number | null,
): { md: string; latex: string } {
  const of = owner.timed ? `${owner.name}_t` : owner.name;
  const lhs = `∂⁺${of}/∂${pr.wrt}`;
  // no form yet (the editor's numeric Report, before its forms): the values alone
  const form = pr.form;
  const rhs = form?.text && !sameText(form.text, lhs) ? ` = ${formHtml(form.text)}` : '';
  const lines = [
    `**immediate partial** ${mathHtml(lhs)}${rhs}`,
    `_only this appearance in ${mathHtml(of)}'s equation; everything else held fixed_`,
  ];
  // an untimed owner (the loss) has one value: its step label means nothing
  const values = owner.timed ? pr.values : pr.values.slice(0, 1).map((v) => ({ t: null, value: v.value }));
  if (values.length > 0)
    lines.push(`${owner.timed ? '_per step:_ ' : '_value:_ '}${stepsHtml(values, opts, owner.timed ? horizon : null)}`);
  const lhsLatex = `\\frac{\\partial^{+} ${textToLatex(of)}}{\\partial ${textToLatex(pr.wrt)}}`;
  return { md: lines.join('\n\n'), latex: form?.latex ? `${lhsLatex} = ${form.latex}` : latexSteps(lhsLatex, values, opts.digits) };
}

interface PartialCtx {
  owner: QuantityReport;
  partial: QuantityReport['partials'][number];
}

function paramHover(report: Report, sym: SymbolOccurrence, opts: HoverOptions, ctx: PartialCtx | null): HoverContent {
  const s = paramSection(report, sym.name, opts);
  const parts = [s.md];
  let latex = s.latex;
  if (ctx && opts.detail === 'full') {
    const pm = partialMd(ctx.owner, ctx.partial, opts, report.T);
    parts.push(pm.md);
  }
  parts.push(...sampledNote(report, true, sym.name));
  if (ctx && opts.detail === 'brief') latex = partialMd(ctx.owner, ctx.partial, opts, report.T).latex;
  parts.push(links(opts, { line: sym.line, node: sym.name }, latex));
  return { markdown: parts.join('\n\n'), range: rangeOnly(sym), latex };
}

/** ∂L/∂W for a parameter: shape and count, δ-form, value, per-step contributions, gradient check. */
export function paramSection(
  report: Report,
  name: string,
  opts: Pick<HoverOptions, 'digits' | 'detail'> & { uri?: string },
): { md: string; latex: string } {
  const p = paramNamed(report, name);
  const lines: string[] = [];
  const count = p ? ` · ${p.count} ${p.count === 1 ? 'number' : 'numbers'}` : '';
  lines.push(`**param** ${mathHtml(name)} · ${escapeHtml(shapeText(p?.shape ?? []))}${count}`);
  const loss = report.loss?.name;
  if (!loss) {
    lines.push('_no loss in this file: declare one with_ `loss L = …`');
    return { md: lines.join('\n\n'), latex: textToLatex(name) };
  }
  const perStep = report.graph?.rows.find((r) => r.name === name)?.timed ?? false;
  if (perStep) return perStepParamSection(report, name, loss, lines, opts);
  const lhs = `∂${loss}/∂${name}`;
  const lhsLatex = `\\frac{\\partial ${textToLatex(loss)}}{\\partial ${textToLatex(name)}}`;
  const derive = lossDeriveFor(report, name);
  const grad = paramGrad(report, name);
  const users = report.quantities
    .map((q) => ({ q, pr: q.partials.find((pr) => pr.wrt === name) }))
    .filter((u): u is { q: QuantityReport; pr: QuantityReport['partials'][number] } => u.pr !== undefined);
  const delta = users.map(({ q }) =>
    q.timed ? `Σ_t ∂${loss}/∂${q.name}_t · ∂⁺${q.name}_t/∂${name}` : `∂${loss}/∂${q.name} · ∂⁺${q.name}/∂${name}`,
  );
  const forms = derive?.results[0]?.forms;
  const value = grad === undefined ? '' : ` = ${valueHtml(grad, opts.digits)}`;
  lines.push(`${mathHtml(lhs)}${value}`);
  // the panel has every form whole: a hover shows the compact statement first and caps the rest
  const rest =
    derive && opts.uri
      ? commandLink('the rest in the panel', COMMANDS.openPanel, { uri: opts.uri, line: derive.line })
      : 'the rest in the panel';
  // the factored chain form first where it is short and the path sum long (factoredFirst)
  const factored = factoredFirst(forms) ? forms!.factored! : null;
  if (factored) lines.push(`_chain rule, factored:_<br>${formHtmlCapped(factored.text, HOVER_FORM_LINES, rest)}`);
  const compact = forms?.recursive && !factored ? compactRecursionText(forms.recursive.text) : null;
  if (compact) lines.push(`_in short (δ from the recursion below):_<br>${formHtml(compact)}`);
  if (opts.detail === 'full' && forms?.chain) lines.push(`_chain rule:_<br>${formHtmlCapped(forms.chain.text, HOVER_FORM_LINES, rest)}`);
  if (forms?.recursive) lines.push(`_δ-recursion:_<br>${formHtmlCapped(forms.recursive.text, HOVER_FORM_LINES, rest)}`);
  else if (delta.length > 0) lines.push(`_by the δ's of the quantities using it:_ ${mathHtml(`${lhs} = ${delta.join(' + ')}`)}`);
  if (opts.detail === 'full' && grad !== undefined && isScalar(grad)) {
    const contrib = contributions(users);
    if (contrib.length > 1) lines.push(contributionsMd(contrib, grad, users, report.T, opts.digits));
  }
  const gc = report.gradcheck.find((g) => g.name === name);
  if (gc && opts.detail === 'full') {
    const ok = gc.relError < 1e-6 ? '✓' : '✗';
    lines.push(`_gradient check against central differences:_ relative error ${formatNumber(gc.relError, 2)} ${ok}`);
  }
  const latex = derive
    ? deriveLatex(derive, opts.digits, HOVER_LATEX_STEPS)
    : grad === undefined
      ? lhsLatex
      : `${lhsLatex} = ${valueLatex(grad, opts.digits)}`;
  return { md: lines.join('\n\n'), latex };
}

/** A parameter with one value per step (`param w_t`): ∂L/∂w_t for each t, and the file's derive of it. */
function perStepParamSection(
  report: Report,
  name: string,
  loss: string,
  lines: string[],
  opts: Pick<HoverOptions, 'digits' | 'detail'>,
): { md: string; latex: string } {
  const grads = nodeSeries(report, name, 'grad').filter((g) => g.t !== null);
  const lhs = `∂${loss}/∂${name}_t`;
  lines.push(`${mathHtml(lhs)} _(one parameter per step)_: ${grads.length ? stepsHtml(grads, opts, report.T) : '—'}`);
  const derive = lossDeriveFor(report, `${name}_t`);
  const forms = derive?.results[0]?.forms;
  if (forms?.recursive) lines.push(`_δ-recursion:_<br>${formHtml(forms.recursive.text)}`);
  const lhsLatex = `\\frac{\\partial ${textToLatex(loss)}}{\\partial ${textToLatex(name)}_t}`;
  return {
    md: lines.join('\n\n'),
    latex: derive ? deriveLatex(derive, opts.digits, HOVER_LATEX_STEPS) : latexSteps(lhsLatex, grads, opts.digits),
  };
}

/** The gradient of the loss with respect to a parameter, from the graph (or the quantities). */
export function paramGrad(report: Report, name: string): Value | undefined {
  const node = nodeOf(report, name, null);
  if (node && node.grad !== null) return node.grad;
  const q = report.quantities.find((x) => x.name === name);
  const g = q?.grads.find((x) => x.t === null);
  if (g) return g.value;
  const d = lossDeriveFor(report, name);
  const r = d?.results.length === 1 ? d.results[0] : undefined;
  return r?.value;
}

/** Per-step terms shown in a hover; past that, how many there are and what the rest add up to. */
const HOVER_TERMS = 12;

/**
 * The per-step terms δ_t·∂⁺q_t/∂W, the first few of them, saying how many steps they cover of how many
 * and, when the Report lists per-step partials for the first steps only (long sequences), what the
 * steps not listed contribute (the total minus the listed terms), so that the numbers add up.
 */
export function contributionsMd(
  contrib: { label: string; value: number }[],
  total: number,
  users: { q: QuantityReport }[],
  T: number | null,
  digits: number,
): string {
  const shown = contrib.slice(0, HOVER_TERMS);
  const terms = shown.map((c) => `${mathHtml(c.label)}: <code>${formatNumber(c.value, digits)}</code>`);
  const timedUsers = users.filter((u) => u.q.timed).length;
  const listedSteps = timedUsers ? Math.round(contrib.length / timedUsers) : contrib.length;
  const listedSum = contrib.reduce((a, c) => a + c.value, 0);
  const notes: string[] = [];
  if (contrib.length > shown.length) notes.push(`${shown.length} of ${contrib.length} terms shown; the rest in the panel`);
  if (T !== null && timedUsers && listedSteps < T) {
    notes.push(
      `per-step terms are listed for the first ${listedSteps} of ${T} steps: they add up to <code>${formatNumber(listedSum, digits)}</code>, the other ${T - listedSteps} steps to <code>${formatNumber(total - listedSum, digits)}</code>`,
    );
  }
  return `_per step:_ ${terms.join(' · ')}${notes.length ? `<br>_(${notes.join('; ')})_` : ''}`;
}

/**
 * For scalar quantities and a scalar parameter: the terms δ_t · ∂⁺q_t/∂W of the gradient, one per step and user.
 * They add up to ∂L/∂W (the tests check that against the engine's own total).
 */
export function contributions(users: { q: QuantityReport; pr: QuantityReport['partials'][number] }[]): { label: string; value: number }[] {
  const out: { label: string; value: number }[] = [];
  for (const { q, pr } of users) {
    const byStep = new Map(q.grads.map((g) => [g.t, g]));
    for (const pv of pr.values) {
      const g = byStep.get(pv.t) ?? (q.timed ? undefined : q.grads[0]);
      if (!g || !isScalar(g.value) || !isScalar(pv.value)) return [];
      out.push({ label: q.timed ? `${q.name}_${pv.t}` : q.name, value: g.value * pv.value });
    }
  }
  return out;
}
