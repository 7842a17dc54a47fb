// Check verdicts and the file's problems, each linking to its line.

import type { CheckStatus, Report } from '../report';
import { button, clear, h, tableHead } from './dom';
import { fmtValue } from './format';
import { stepLabel } from '../display/checkStep';

export const STATUS: Record<CheckStatus, { icon: string; label: string; cls: string }> = {
  holds: { icon: '✓', label: 'holds', cls: 'good' },
  fails: { icon: '✗', label: 'fails', cls: 'bad' },
  'holds-at-given-values': { icon: '!', label: 'holds only for these values', cls: 'warn' },
  'holds-as-one-step': { icon: '!', label: 'holds as a one-step derivative', cls: 'warn' },
};

export function renderChecks(
  doc: Document,
  container: HTMLElement,
  report: Report,
  onReveal: (line: number) => void,
  cursorCheck: number | null,
): void {
  clear(container);
  const errors = report.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning');
  if (errors.length) {
    const list = h(doc, 'ul', { class: 'diagnostics' });
    for (const d of errors.slice(0, 50)) {
      list.appendChild(
        h(
          doc,
          'li',
          { class: `diag ${d.severity}`, 'data-line': d.line },
          button(doc, `line ${d.line}`, () => onReveal(d.line), { class: 'link line-link', 'data-line': d.line }),
          ' ',
          h(doc, 'span', { class: 'message' }, d.message),
        ),
      );
    }
    if (errors.length > 50)
      list.appendChild(
        h(doc, 'li', { class: 'truncated' }, `… the first 50 of ${errors.length} problems: all of them are in the editor's Problems view`),
      );
    container.appendChild(list);
  }
  if (report.checks.length === 0) {
    container.appendChild(h(doc, 'p', { class: 'empty' }, 'No check lines in this file.'));
    return;
  }
  const list = h(doc, 'ul', { class: 'checks' });
  report.checks.forEach((c, i) => {
    const st = STATUS[c.status] ?? { icon: '?', label: c.status, cls: 'warn' };
    const li = h(
      doc,
      'li',
      { class: `check ${st.cls}${i === cursorCheck ? ' cursor' : ''}`, 'data-line': c.line, 'data-status': c.status },
      h(doc, 'span', { class: `verdict ${st.cls}`, title: st.label, 'aria-label': st.label }, st.icon),
      ' ',
      button(doc, `line ${c.line}`, () => onReveal(c.line), { class: 'link line-link', 'data-line': c.line }),
      ' ',
      h(doc, 'code', { class: 'equation' }, c.equation),
      h(doc, 'div', { class: 'message' }, c.message),
    );
    list.appendChild(li);
  });
  container.appendChild(list);
}

/** One check in the derivation pane (the cursor is on its line): verdict, message, both sides per step. */
export function renderCheckDetails(doc: Document, report: Report, index: number, onReveal: (line: number) => void): HTMLElement {
  const c = report.checks[index];
  const sec = h(doc, 'div', { class: 'check-details', 'data-check': index, 'data-line': c?.line ?? '' });
  if (!c) return sec;
  const st = STATUS[c.status] ?? { icon: '?', label: c.status, cls: 'warn' };
  sec.appendChild(
    h(
      doc,
      'div',
      { class: 'derive-head' },
      h(doc, 'span', { class: `verdict ${st.cls}` }, `${st.icon} ${st.label}`),
      ' ',
      button(doc, `line ${c.line}`, () => onReveal(c.line), { class: 'link line-link', 'data-line': c.line }),
    ),
  );
  sec.appendChild(h(doc, 'div', { class: 'equation' }, h(doc, 'code', {}, `check ${c.equation}`)));
  sec.appendChild(h(doc, 'p', { class: 'message' }, c.message));
  if (c.steps.length) {
    const table = h(doc, 'table', { class: 'check-steps' });
    table.appendChild(tableHead(doc, c.steps.some((s) => s.at) ? 'at' : 't', 'left side', 'right side', ''));
    const body = h(doc, 'tbody');
    for (const s of c.steps.slice(0, 200)) {
      body.appendChild(
        h(
          doc,
          'tr',
          { class: s.ok ? 'good' : 'bad', 'data-t': s.t === null ? '' : s.t, ...(s.at ? { 'data-at': JSON.stringify(s.at) } : {}) },
          // the step, or (free indices besides t) every index's value: "t = 2, k = 1"
          h(doc, 'td', {}, s.at ? stepLabel(s) : s.t === null ? '—' : String(s.t)),
          h(doc, 'td', {}, h(doc, 'code', {}, fmtValue(s.lhs, 6, 6))),
          h(doc, 'td', {}, h(doc, 'code', {}, fmtValue(s.rhs, 6, 6))),
          h(doc, 'td', { class: s.ok ? 'good' : 'bad' }, s.ok ? '✓' : '✗'),
        ),
      );
    }
    table.appendChild(body);
    sec.appendChild(h(doc, 'div', { class: 'form-label' }, "At the file's values"));
    sec.appendChild(table);
    // a check's report keeps every step it checked (a range like t = 1..T-1 stops before T by its own
    // writing): only the panel's cap of 200 rows leaves steps out
    if (c.steps.length > 200)
      sec.appendChild(
        h(
          doc,
          'p',
          { class: 'hint truncated' },
          `The first 200 of ${c.steps.length} steps are listed here; the message above says which steps were checked.`,
        ),
      );
  }
  return sec;
}
