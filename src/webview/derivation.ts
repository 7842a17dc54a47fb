// The derivation pane: for the derive line under the cursor, or the node clicked in the graph, the
// chain-rule, explicit and δ-recursion forms typeset with KaTeX, and the number — all from the Report.

import type { DeriveReport, DeriveResult, GraphNode, Report, Value } from '../report';
import { button, clear, h, htmlName } from './dom';
import { numberLatex, valueLatex } from '../display/number';
import { fmtShape, fmtValue } from './format';
import { mathElement } from './math';
import { partialsCutNote, quantityOf } from './graphView';
import { renderCheckDetails } from './checksView';
import { chainTerms, type ChainTerm } from '../protocol';
import { formRows, generalLayout, pickResult, resultLayout, splitZeroTerms } from '../display/compactForm';

export type Focus = { kind: 'derive'; index: number } | { kind: 'node'; id: string } | { kind: 'check'; index: number };

export interface DerivationOptions {
  /** the step to show for a derive with a free t (null: the first result) */
  step: number | null;
  onStep(t: number | null): void;
  onCopy(text: string, what: string): void;
  onReveal(line: number): void;
  /** highlight a chain-rule term's path in the graph (empty: none) */
  onPath(path: string[]): void;
  /** the path highlighted now */
  path: string[];
  /**
   * Run a later piece of typesetting in a task of its own (the webview: after the first form is painted).
   * Absent (tests), everything is typeset at once.
   */
  later?(fn: () => void): void;
}

/**
 * A formula typeset now, or — with `o.later` — a placeholder typeset in a later task (skipped if the pane
 * was re-rendered meanwhile). The first form of a derivation is typeset now: it is what is read first.
 */
function lazyMath(doc: Document, latex: string, display: boolean, o: DerivationOptions, now: boolean): HTMLElement {
  if (now || !o.later) return mathElement(doc, latex, display);
  const holder = h(doc, display ? 'div' : 'span', { class: 'math pending', 'data-latex': latex }, '…');
  o.later(() => {
    if (holder.isConnected) holder.replaceWith(mathElement(doc, latex, display));
  });
  return holder;
}

/** A number as LaTeX: 0.0421, -1.5 \times 10^{-8} (src/display at six digits). */
export const latexNumber = (x: number, digits = 6): string => numberLatex(x, digits);

/** A Report value as LaTeX: a number, or a bmatrix (vectors as columns). */
export const latexValue = (v: Value): string => valueLatex(v, 6);

/** The whole derivation of one result as LaTeX display blocks, ready to paste into a solution. */
export function derivationLatex(d: DeriveReport, r: DeriveResult): string {
  const lhs = r.t === null ? d.queryLatex : `\\left.${d.queryLatex}\\right|_{t=${r.t}}`;
  const forms = [r.forms?.chain?.latex, r.forms?.factored?.latex, r.forms?.explicit?.latex, r.forms?.recursive?.latex].filter(
    (x): x is string => !!x,
  );
  if (forms.length === 0) forms.push(r.latex);
  // a form that is a whole equation (the symbolic forms are aligned blocks with their left side) stays
  // as it is; a bare right-hand side gets the query in front
  const blocks = forms.map((f) => (/(^|[^\\])=/.test(f) ? f : `${lhs} = ${f}`));
  blocks.push(`${lhs} ${typeof r.value === 'number' ? '\\approx' : '='} ${latexValue(r.value)}`);
  const head = `% derive ${d.query}${r.t === null ? '' : ` at t = ${r.t}`} (line ${d.line})`;
  return [head, ...blocks.map((b) => `\\[\n${b}\n\\]`)].join('\n');
}

/** Derives whose differentiation variable is this node (∂L/∂W_hh for W_hh, ∂L/∂h_t at h@2, ∂L/∂h_2 at h@2). */
export function derivesForNode(report: Report, n: GraphNode): { index: number; t: number | null }[] {
  const out: { index: number; t: number | null }[] = [];
  report.derives.forEach((d, index) => {
    const inside = report.symbols
      .filter((s) => s.role === 'use' && s.line >= d.range.line && s.line <= d.range.endLine)
      .sort((a, b) => a.line - b.line || a.column - b.column);
    const wrt = inside[inside.length - 1];
    if (!wrt || wrt.name !== n.name) return;
    if (typeof wrt.step === 'number') {
      if (wrt.step === n.t) out.push({ index, t: null });
    } else if (typeof wrt.offset === 'number') {
      if (n.t !== null && d.results.some((r) => r.t === n.t)) out.push({ index, t: n.t });
    } else if (n.t === null) {
      out.push({ index, t: null });
    }
  });
  return out;
}

function lineLink(doc: Document, line: number, o: DerivationOptions): HTMLButtonElement {
  return button(doc, `line ${line}`, () => o.onReveal(line), { class: 'link line-link', 'data-line': line, title: `Go to line ${line}` });
}

/**
 * The terms of the chain-rule sum as buttons: each shows its value and highlights its path in the graph.
 * Paths that are exactly 0 at these values are counted in one line ("3 paths are 0 because h_0 = 0"),
 * their buttons folded under it.
 */
function renderTerms(doc: Document, report: Report, terms: ChainTerm[], r: DeriveResult, o: DerivationOptions): HTMLElement {
  const list = h(doc, 'div', { class: 'terms', role: 'group', 'aria-label': 'Terms of the chain-rule sum' });
  const termButton = (term: ChainTerm, i: number): HTMLElement => {
    const active = term.path.length > 0 && term.path.join(' ') === o.path.join(' ');
    const b = h(
      doc,
      'button',
      {
        type: 'button',
        class: `term${active ? ' active' : ''}`,
        'aria-pressed': String(active),
        'data-term': i,
        title: `path: ${term.path.join(' → ')}`,
      },
      lazyMath(doc, term.latex, false, o, false),
      ' = ',
      h(doc, 'code', {}, fmtValue(term.value, 6, 6)),
    );
    b.addEventListener('click', () => o.onPath(active ? [] : term.path));
    return b;
  };
  const { shown, zero, because } = splitZeroTerms(report, terms);
  // with nothing but zeros there is nothing to fold them under
  const visible = shown.length ? shown : zero;
  visible.forEach(({ term, index }, k) => {
    if (k > 0) list.appendChild(h(doc, 'span', { class: 'plus' }, '+'));
    list.appendChild(termButton(term, index));
  });
  list.appendChild(h(doc, 'span', { class: 'sum' }, ' = ', h(doc, 'code', {}, fmtValue(r.value, 6, 6))));
  if (shown.length && zero.length) {
    const n = zero.length;
    const note = `${n} ${n === 1 ? 'path is' : 'paths are'} 0${because ? ` because ${because}` : ' at these values'}`;
    const fold = h(doc, 'details', { class: 'zero-terms', 'data-zero': n }, h(doc, 'summary', {}, note));
    zero.forEach(({ term, index }) => fold.appendChild(termButton(term, index)));
    list.appendChild(fold);
  }
  return list;
}

/**
 * Why a derivation shows only its number: the Report's own reason when it gives one (`formsOmitted`,
 * set where the analysis skipped the symbolic forms), otherwise what is known to leave them out.
 */
export function formsOmittedReason(report: Report, d: DeriveReport, r: DeriveResult): string {
  const given = [
    (r as { formsOmitted?: unknown }).formsOmitted,
    (d as { formsOmitted?: unknown }).formsOmitted,
    (report as { formsOmitted?: unknown }).formsOmitted,
  ].find((x): x is string => typeof x === 'string' && x.trim() !== '');
  if (given) return `Only the number: ${given}`;
  const long = report.T !== null && report.T > 100 ? ` (T = ${report.T})` : '';
  return `Only the number: no symbolic form was written for this derivative — forms are written for exercise-sized networks within a time budget, and this one is past it${long}. The value is computed by reverse-mode autodiff in float64.`;
}

/** A form: typeset, folded when long (the summary says how many lines it has). */
function formBlock(
  doc: Document,
  key: string,
  label: string,
  latex: string,
  folded: boolean,
  o: DerivationOptions,
  first: boolean,
): HTMLElement {
  if (!folded) {
    return h(
      doc,
      'div',
      { class: 'form', 'data-form': key },
      h(doc, 'div', { class: 'form-label' }, label),
      lazyMath(doc, latex, true, o, first),
    );
  }
  const fold = h(
    doc,
    'details',
    { class: 'form folded', 'data-form': key },
    h(doc, 'summary', { class: 'form-label' }, `${label} — ${formRows(latex)} lines`),
  );
  // typeset on first opening: a folded form costs nothing until it is read
  let typeset = false;
  fold.addEventListener('toggle', () => {
    if (typeset || !(fold as HTMLDetailsElement).open) return;
    typeset = true;
    fold.appendChild(mathElement(doc, latex, true));
  });
  return fold;
}

function renderResult(doc: Document, report: Report, d: DeriveReport, r: DeriveResult, o: DerivationOptions): HTMLElement {
  const box = h(doc, 'div', { class: 'result', 'data-t': r.t === null ? '' : r.t });
  // what is shown, in order, and what is typeset with the first paint: the layout the host typesets ahead
  const layout = resultLayout(d, r);
  for (const b of layout.blocks) {
    if (b.kind === 'compact') {
      box.appendChild(
        h(
          doc,
          'div',
          { class: 'form compact', 'data-form': 'compact' },
          h(doc, 'div', { class: 'form-label' }, 'In short (δ_t from the recursion below)'),
          mathElement(doc, b.latex, true),
        ),
      );
    } else if (b.kind === 'only-number') {
      box.appendChild(h(doc, 'div', { class: 'form', 'data-form': 'result' }, mathElement(doc, b.latex, true)));
      box.appendChild(h(doc, 'p', { class: 'hint forms-omitted' }, formsOmittedReason(report, d, r)));
    } else {
      box.appendChild(formBlock(doc, b.key, b.label, b.latex, b.folded, o, b.first));
      const terms = b.terms ? chainTerms(r) : null;
      if (terms) box.appendChild(renderTerms(doc, report, terms, r, o));
    }
  }
  const value = h(
    doc,
    'div',
    { class: 'number' },
    h(doc, 'span', { class: 'form-label' }, 'Value'),
    mathElement(doc, layout.value.latex, layout.value.display),
  );
  value.setAttribute('data-value', JSON.stringify(r.value));
  box.appendChild(value);
  if (r.exact) box.appendChild(h(doc, 'div', { class: 'exact' }, 'exactly ', h(doc, 'code', {}, r.exact)));
  const tools = h(doc, 'div', { class: 'tools' });
  tools.appendChild(
    button(doc, 'Copy LaTeX', () => o.onCopy(derivationLatex(d, r), `${d.query}${r.t === null ? '' : ` at t = ${r.t}`} as LaTeX`), {
      class: 'copy-latex',
    }),
  );
  box.appendChild(tools);
  return box;
}

/**
 * A free-t derive's general lines (DeriveReport.general): each run of steps sharing one form, typeset, its
 * steps named; or, when a limit left out some steps' forms, why there is no such line (generalOmitted).
 * Null when the derive has neither.
 */
export function renderGeneral(doc: Document, d: DeriveReport): HTMLElement | null {
  if (d.generalOmitted && !d.general)
    return h(doc, 'p', { class: 'hint general-omitted' }, `${d.generalOmitted[0]!.toUpperCase()}${d.generalOmitted.slice(1)}.`);
  const blocks = generalLayout(d);
  if (!blocks.length) return null;
  const box = h(doc, 'div', { class: 'general' });
  for (const g of blocks)
    box.appendChild(
      h(
        doc,
        'div',
        { class: 'form', 'data-form': 'general', 'data-from': g.from, 'data-to': g.to },
        h(doc, 'div', { class: 'form-label' }, g.label),
        mathElement(doc, g.formula.latex, g.formula.display),
      ),
    );
  return box;
}

/** One derive statement: its query, a step picker for a free t, and the selected result. */
export function renderDerive(doc: Document, report: Report, index: number, o: DerivationOptions): HTMLElement {
  const d = report.derives[index];
  const sec = h(doc, 'div', { class: 'derive', 'data-derive': index, 'data-line': d?.line ?? '' });
  if (!d) return sec;
  const head = h(doc, 'div', { class: 'derive-head' }, mathElement(doc, d.queryLatex || d.query, false), ' ', lineLink(doc, d.line, o));
  sec.appendChild(head);
  if (d.results.length === 0) {
    sec.appendChild(h(doc, 'p', { class: 'empty' }, 'No result: see the diagnostics on this line.'));
    return sec;
  }
  // written once for a general step t, then the chosen step's own derivation (LANGUAGE.md §5)
  const general = renderGeneral(doc, d);
  if (general) sec.appendChild(general);
  // results is not empty here: there is one
  const result = pickResult(d, o.step)!;
  if (d.results.length > 1) {
    const id = `derive-step-${index}`;
    const select = h(doc, 'select', { id, class: 'step-picker' });
    for (const r of d.results) select.appendChild(h(doc, 'option', { value: r.t === null ? '' : r.t }, r.t === null ? '—' : `t = ${r.t}`));
    select.value = result.t === null ? '' : String(result.t);
    select.addEventListener('change', () => o.onStep(select.value === '' ? null : Number(select.value)));
    head.appendChild(h(doc, 'label', { for: id, class: 'step-label' }, ' at '));
    head.appendChild(select);
  }
  sec.appendChild(renderResult(doc, report, d, result, o));
  return sec;
}

/** A node: its value, gradient, immediate partials at its step, and any derive about it. */
export function renderNodeDetails(doc: Document, report: Report, id: string, o: DerivationOptions): HTMLElement {
  const n = report.graph?.nodes.find((x) => x.id === id);
  const sec = h(doc, 'div', { class: 'node-details', 'data-node': id });
  if (!n) {
    sec.appendChild(h(doc, 'p', { class: 'empty' }, 'That node is not in the current graph.'));
    return sec;
  }
  const row =
    report.graph?.rows.find((r) => r.name === n.name && r.timed === (n.t !== null)) ?? report.graph?.rows.find((r) => r.name === n.name);
  sec.appendChild(
    h(
      doc,
      'div',
      { class: 'derive-head' },
      htmlName(doc, n.name, n.t),
      ` · ${n.kind} · ${fmtShape(n.shape)} `,
      row ? lineLink(doc, row.line, o) : null,
    ),
  );
  const q = quantityOf(report, n);
  if (q?.equation)
    sec.appendChild(h(doc, 'div', { class: 'equation' }, h(doc, 'code', {}, `${n.name}${q.timed ? '_t' : ''} = ${q.equation}`)));
  sec.appendChild(
    h(doc, 'div', { class: 'number' }, h(doc, 'span', { class: 'form-label' }, 'Value'), h(doc, 'code', {}, fmtValue(n.value, 16, 6))),
  );
  if (n.kind !== 'target') {
    sec.appendChild(
      h(
        doc,
        'div',
        { class: 'number' },
        h(doc, 'span', { class: 'form-label' }, `∂${report.loss?.name ?? 'loss'}/∂·`),
        h(doc, 'code', { class: 'node-grad' }, fmtValue(n.grad, 16, 6)),
      ),
    );
  }
  const partials = (q?.partials ?? []).map((p) => ({ p, v: p.values.find((x) => x.t === n.t) })).filter((x) => x.v !== undefined);
  if (partials.length) {
    sec.appendChild(h(doc, 'div', { class: 'form-label' }, 'Immediate partials'));
    const list = h(doc, 'ul', { class: 'partials' });
    for (const { p, v } of partials) {
      const label = `∂⁺${n.t === null ? n.name : `${n.name}_t`}/∂${p.wrt}`;
      list.appendChild(
        h(
          doc,
          'li',
          { 'data-wrt': p.wrt },
          h(doc, 'span', { class: 'wrt' }, `${label} = `),
          // no form yet (a numeric Report before its forms): the value alone
          ...(p.form ? [mathElement(doc, p.form.latex, false), ' = '] : []),
          h(doc, 'code', {}, fmtValue(v?.value, 8, 6)),
        ),
      );
    }
    sec.appendChild(list);
  } else {
    const cut = partialsCutNote(report, n);
    if (cut) sec.appendChild(h(doc, 'p', { class: 'hint truncated' }, `${cut[0]!.toUpperCase()}${cut.slice(1)}.`));
  }
  const related = derivesForNode(report, n);
  for (const r of related) sec.appendChild(renderDerive(doc, report, r.index, { ...o, step: r.t ?? o.step }));
  if (related.length === 0 && n.kind !== 'target' && report.loss) {
    const name = n.t === null ? n.name : `${n.name}_${n.t}`;
    sec.appendChild(
      h(
        doc,
        'p',
        { class: 'hint' },
        'For its derivation, add ',
        h(doc, 'code', {}, `derive ∂${report.loss.name}/∂${name}`),
        ' to the file.',
      ),
    );
  }
  return sec;
}

/** Fill the derivation pane for the current focus. */
export function renderDerivation(doc: Document, container: HTMLElement, report: Report, focus: Focus | null, o: DerivationOptions): void {
  clear(container);
  if (focus?.kind === 'node') {
    container.appendChild(renderNodeDetails(doc, report, focus.id, o));
    return;
  }
  if (focus?.kind === 'check' && report.checks[focus.index]) {
    container.appendChild(renderCheckDetails(doc, report, focus.index, o.onReveal));
    return;
  }
  const index = focus?.kind === 'derive' ? focus.index : report.derives.length ? 0 : -1;
  if (index < 0) {
    container.appendChild(
      h(
        doc,
        'p',
        { class: 'empty' },
        'No derive line in this file. Add one, e.g. ',
        h(doc, 'code', {}, 'derive ∂L/∂W_hh'),
        ', or click a node.',
      ),
    );
    return;
  }
  container.appendChild(renderDerive(doc, report, index, o));
}
