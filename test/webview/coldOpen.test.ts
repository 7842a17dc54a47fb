// @vitest-environment happy-dom
// A cold open of the panel (issue 13): a first report written into the page draws the graph and the
// derivation's first form at once (its formulas come typeset from the host), the side sections and the later
// forms after that first paint; a first report posted to a loaded page draws the graph first and the
// derivation after its paint; a newer report replaces what was pending.
import './setup-dom';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyze } from '../../src/analysis';
import { PanelApp } from '../../src/webview/app';
import type { ReportMessage } from '../../src/protocol';
import type { Report } from '../../src/report';

function message(report: Report, version: number): ReportMessage {
  return {
    type: 'report',
    doc: { uri: 'file:///w/x.rnn', fileName: 'x.rnn', version },
    report,
    cursor: null,
    editAt: Date.now(),
    postedAt: Date.now(),
  };
}

function app(): { app: PanelApp; root: HTMLElement; later: (() => void)[] } {
  document.body.innerHTML = '';
  const root = document.body.appendChild(document.createElement('div'));
  const later: (() => void)[] = [];
  const a = new PanelApp(
    document,
    root,
    { post: () => undefined, setState: () => undefined, afterPaint: (fn) => later.push(fn) },
    { uri: null, selected: null, scaleParam: null, scaleFactor: 1 },
  );
  return { app: a, root, later };
}

/** Runs the after-paint callbacks in order, with the ones they add, as paints would. */
function flush(later: (() => void)[]): void {
  for (let i = 0; i < later.length; i++) {
    if (i > 1000) throw new Error('after-paint callbacks keep adding more');
    later[i]!();
  }
  later.length = 0;
}

describe("cold open: the graph and the derivation's first form in the first paint, the rest after it", () => {
  const report = analyze(readFileSync('examples/sheet7-vanilla-rnn.rnn', 'utf8'), { forms: true });

  test("a first report written into the page draws the graph and the derivation's first form in one paint; the side sections after it", () => {
    const { app: a, root, later } = app();
    a.handle(message(report, 1), true);
    expect(root.querySelector('#graph svg')).not.toBeNull();
    // the first form is typeset with the graph (its formulas came with the report): one frame to what is read first
    const first = root.querySelector('#derivation .result > .form')!;
    expect(first.querySelector('.katex')).not.toBeNull();
    expect(root.querySelector('#derivation .derive-head .katex')).not.toBeNull();
    expect(root.querySelector('#derivation .number .katex')).not.toBeNull();
    expect(root.querySelector('#derivation .typesetting')).toBeNull();
    // the side sections after that paint, queued before the derivation's later forms
    expect(root.querySelector('#checks')!.textContent).toBe('');
    expect(root.querySelectorAll('#derivation .math.pending').length).toBeGreaterThan(0);
    expect(later).toHaveLength(2);
    later[0]!();
    expect(root.querySelector('#checks')!.textContent!.length).toBeGreaterThan(0);
    expect(root.querySelector('#flow svg')).not.toBeNull();
    expect(root.querySelectorAll('#derivation .math.pending').length).toBeGreaterThan(0);
    // later reports render whole at once (the panel is painted already), the later forms after a paint
    flush(later);
    a.handle(message(report, 2));
    expect(root.querySelector('#derivation .katex')).not.toBeNull();
    expect(root.querySelector('#checks')!.textContent!.length).toBeGreaterThan(0);
    expect(root.querySelectorAll('#derivation .math.pending').length).toBeGreaterThan(0);
    flush(later);
    expect(root.querySelectorAll('#derivation .math.pending')).toHaveLength(0);
  }, 30000);

  test('the first form is typeset at once; the forms and chain terms after it in later tasks', () => {
    const { app: a, root, later } = app();
    const i = report.derives.findIndex((d) => d.query === '∂L/∂W_hh');
    a.handle(
      {
        ...message(report, 1),
        cursor: { line: report.derives[i]!.line, column: 1, derive: i, check: null, symbol: null, node: null },
      },
      true,
    );
    const forms = Array.from(root.querySelectorAll('#derivation .result > .form'));
    expect(forms[0]!.getAttribute('data-form')).toBe('factored');
    expect(forms[0]!.querySelector('.katex')).not.toBeNull();
    expect(root.querySelectorAll('#derivation .math.pending').length).toBeGreaterThan(0);
    flush(later);
    expect(root.querySelectorAll('#derivation .math.pending')).toHaveLength(0);
    for (const f of forms) expect(f.querySelector('.katex'), f.getAttribute('data-form')!).not.toBeNull();
    expect(root.querySelectorAll('#derivation .terms button.term .katex').length).toBe(
      report.derives[i]!.results[0]!.forms!.chain!.terms!.length,
    );
  }, 30000);

  test('a first report posted to a loaded page: the graph first, the derivation and its first form after that paint, the side sections after the next', () => {
    const { app: a, root, later } = app();
    a.handle(message(report, 1));
    expect(root.querySelector('#graph svg')).not.toBeNull();
    expect(root.querySelector('#derivation .typesetting')).not.toBeNull();
    expect(root.querySelector('#derivation .katex')).toBeNull();
    expect(root.querySelector('#checks')!.textContent).toBe('');
    expect(later).toHaveLength(1);
    later[0]!();
    expect(root.querySelector('#derivation .typesetting')).toBeNull();
    expect(root.querySelector('#derivation .result > .form .katex')).not.toBeNull();
    expect(root.querySelector('#checks')!.textContent).toBe('');
    flush(later);
    expect(root.querySelector('#checks')!.textContent!.length).toBeGreaterThan(0);
    expect(root.querySelectorAll('#derivation .math.pending')).toHaveLength(0);
  }, 30000);

  test('a newer report before the paint: the pending sections of the old one are dropped', () => {
    const { app: a, root, later } = app();
    a.handle(message(report, 1));
    const other = analyze(readFileSync('examples/gru-one-weight.rnn', 'utf8'), { forms: true });
    a.handle({ ...message(other, 2), doc: { uri: 'file:///w/g.rnn', fileName: 'g.rnn', version: 2 } });
    // the newer report rendered whole; the old pending callback does nothing
    const shown = root.querySelector('#derivation')!.innerHTML;
    later[0]!();
    expect(root.querySelector('#derivation')!.innerHTML).toBe(shown);
    expect(root.querySelector('#derivation .katex')).not.toBeNull();
  }, 30000);
});
