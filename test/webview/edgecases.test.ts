// @vitest-environment happy-dom
// Files the panel must survive while a student is typing: empty, half-written, broken, without a loss,
// one step, many steps. Each goes through analyze() and the whole panel; nothing may throw.
import './setup-dom';
import { describe, expect, test, vi } from 'vitest';

// each click typesets a derivation; happy-dom builds KaTeX's DOM slowly
vi.setConfig({ testTimeout: 60_000 });
import { analyze } from '../../src/analysis';
import { PanelApp } from '../../src/webview/app';
import { cursorContext } from '../../src/extension/panel/panelCursor';

function render(text: string) {
  const report = analyze(text, { gradcheck: true, forms: true });
  document.body.innerHTML = '';
  const root = document.createElement('div');
  document.body.appendChild(root);
  const app = new PanelApp(
    document,
    root,
    { post: () => {}, setState: () => {} },
    { uri: null, selected: null, scaleParam: null, scaleFactor: 1 },
  );
  const lines = text.split('\n').length;
  app.showReport({
    doc: { uri: 'file:///e.rnn', fileName: 'e.rnn', version: 1 },
    report,
    cursor: cursorContext(report, lines, 1),
    postedAt: Date.now(),
  });
  // the cursor visits every line, every node gets clicked
  for (let l = 1; l <= lines; l++) app.setCursor(cursorContext(report, l, 3));
  for (const n of Array.from(root.querySelectorAll('g.node')).slice(0, 12)) n.dispatchEvent(new MouseEvent('click'));
  return { report, root };
}

const RNN = (T: number, extra = '') =>
  `T = ${T}\ninput x = 0.5\nparam w = 0.9\nparam u = 0.4\nh_0 = 0\nh_t = tanh(w h_{t-1} + u x_t)\nloss L = Σ_t h_t^2\n${extra}`;

describe('the panel survives', () => {
  test('an empty file', () => {
    const { root } = render('');
    expect(root.querySelector('#panel-body')).not.toBeNull();
    expect(root.textContent).toContain('No derive line');
  });

  test('a file that does not parse', () => {
    const { report, root } = render('T = 3\nh_t = σ(W h_{t-1}\nderive ∂L/∂W\n');
    expect(report.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    expect(root.querySelectorAll('#checks .diagnostics li').length).toBeGreaterThan(0);
  });

  test('a network without a loss', () => {
    const { root } = render('T = 2\ninput x = [1, 2]\nparam w = 0.5\nh_0 = 0\nh_t = w h_{t-1} + x_t\nderive ∂h_2/∂w\n');
    expect(root.querySelector('#gradcheck')!.textContent).toContain('No loss');
    expect(root.querySelector('#summary-loss')).toBeNull();
  });

  test('one step', () => {
    const { report, root } = render(RNN(1, 'derive ∂L/∂w\n'));
    expect(root.querySelectorAll('#graph g.column.step')).toHaveLength(report.graph!.steps.length);
  });

  test('many steps: folded, with a free-t derive over every step', () => {
    const { report, root } = render(RNN(120, 'derive ∂L/∂h_t\ncheck ∂h_t/∂h_{t-1} = (1 - h_t^2) w\n'));
    expect(root.querySelectorAll('#graph g.column.fold')).toHaveLength(1);
    expect(root.querySelectorAll('#graph g.node').length).toBeLessThan(report.graph!.nodes.length);
    const picker = root.querySelector('#derivation select.step-picker') as HTMLSelectElement | null;
    if (picker) expect(picker.options.length).toBe(report.derives[0].results.length);
  });

  test('vectors and matrices with sample values', () => {
    const { report, root } = render(
      'T = 3\ninput x : 2\nparam W : 3x3\nparam U : 3x2\nh_0 = [0, 0, 0]\nh_t = tanh(W h_{t-1} + U x_t)\nloss L = sum(h_3)\nderive ∂L/∂W\n',
    );
    expect(report.sampled.length).toBeGreaterThan(0);
    expect(root.querySelector('.sampled')!.textContent).toContain(report.sampled[0]);
    expect(root.querySelectorAll('g.node[data-id="W"] g.heat.value rect.cell')).toHaveLength(9);
  });
});
