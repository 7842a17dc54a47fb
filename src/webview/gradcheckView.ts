// The gradient check: every parameter's autodiff gradient next to central differences (Report.gradcheck),
// relative error coloured by the usual float64 thresholds.

import type { GradCheckReport, Report } from '../report';
import { clear, h, tableHead } from './dom';
import { fmt, fmtValue } from './format';

/** good < 1e-7 (float64 central differences agree), warn < 1e-4 (suspicious), else bad. */
export function relErrorClass(e: number): 'good' | 'warn' | 'bad' {
  if (!Number.isFinite(e)) return 'bad';
  if (e < 1e-7) return 'good';
  if (e < 1e-4) return 'warn';
  return 'bad';
}

/** `rows` null: the check is still being computed by the extension. */
export function renderGradcheck(
  doc: Document,
  container: HTMLElement,
  report: Report,
  rows: GradCheckReport[] | null = report.gradcheck,
  error: string | null = null,
): void {
  clear(container);
  if (error) {
    container.appendChild(h(doc, 'p', { class: 'error' }, `Gradient check failed to run: ${error}`));
    return;
  }
  if (rows === null) {
    container.appendChild(h(doc, 'p', { class: 'empty pending' }, 'Comparing with central differences…'));
    return;
  }
  if (rows.length === 0) {
    container.appendChild(h(doc, 'p', { class: 'empty' }, report.loss ? 'No parameters to check.' : 'No loss: nothing to check.'));
    return;
  }
  const table = h(doc, 'table', { class: 'gradcheck' });
  table.appendChild(tableHead(doc, 'parameter', 'autodiff', 'central differences', 'rel. error'));
  const body = h(doc, 'tbody');
  for (const g of rows) {
    const cls = relErrorClass(g.relError);
    body.appendChild(
      h(
        doc,
        'tr',
        { 'data-param': g.name, class: cls },
        h(doc, 'th', { scope: 'row' }, g.name),
        h(doc, 'td', {}, h(doc, 'code', {}, fmtValue(g.autodiff, 4, 6))),
        h(doc, 'td', {}, h(doc, 'code', {}, fmtValue(g.numeric, 4, 6))),
        h(
          doc,
          'td',
          {
            class: `rel-error ${cls}`,
            'data-rel-error': String(g.relError),
            title:
              cls === 'good'
                ? 'below 1e-7: agrees'
                : cls === 'warn'
                  ? 'between 1e-7 and 1e-4: suspicious'
                  : 'above 1e-4: the gradients disagree',
          },
          `${fmt(g.relError, 2)} ${cls === 'good' ? '✓' : cls === 'warn' ? '!' : '✗'}`,
        ),
      ),
    );
  }
  table.appendChild(body);
  container.appendChild(table);
}
