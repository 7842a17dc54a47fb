// @vitest-environment happy-dom
// Issue 13, item 5: every list the panel cuts short says so and where the rest is — the problem list (past
// 50: the editor's Problems view has them all) and a check's step table (past 200 steps). Before these tests
// neither note was pinned.
import './setup-dom';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { renderCheckDetails, renderChecks } from '../../src/webview/checksView';
import { renderNodeDetails } from '../../src/webview/derivation';
import { fillTooltip } from '../../src/webview/graphView';

const net = (T: number): string =>
  [
    `T = ${T}`,
    `input x = [${Array.from({ length: T }, (_, t) => (Math.cos(t) * 0.9).toFixed(3)).join(', ')}]`,
    'param w = 0.8',
    'param u = 0.3',
    'h_0 = 0',
    'h_t = tanh(w h_{t-1} + u x_t)',
    'loss L = Σ_t h_t^2',
  ].join('\n') + '\n';

describe('the panel says where a cut list goes on', () => {
  it('60 problems: the first 50 listed, then how many there are and where all of them are', () => {
    const text = net(3) + Array.from({ length: 60 }, (_, i) => `check zz${i} = 1`).join('\n') + '\n';
    const r = analyze(text);
    const problems = r.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning');
    expect(problems.length).toBeGreaterThanOrEqual(60);
    const box = document.createElement('div');
    renderChecks(document, box, r, () => undefined, null);
    expect(box.querySelectorAll('ul.diagnostics li.diag')).toHaveLength(50);
    expect(box.querySelector('ul.diagnostics li.truncated')!.textContent).toBe(
      `… the first 50 of ${problems.length} problems: all of them are in the editor's Problems view`,
    );
  });

  it('a check over 300 steps: 200 rows, then how many steps there are and where the checked ones are named', () => {
    const r = analyze(net(300) + 'check h_t = tanh(w h_{t-1} + u x_t)\n');
    expect(r.checks[0]!.steps).toHaveLength(300);
    const el = renderCheckDetails(document, r, 0, () => undefined);
    expect(el.querySelectorAll('table.check-steps tbody tr')).toHaveLength(200);
    expect(el.querySelector('.truncated')!.textContent).toBe(
      'The first 200 of 300 steps are listed here; the message above says which steps were checked.',
    );
    expect(r.checks[0]!.message).toMatch(/^holds for t = 1\.\.300 /);
  });

  it('a check whose steps fit is not called cut', () => {
    const r = analyze(net(30) + 'check h_t = tanh(w h_{t-1} + u x_t)\n');
    const el = renderCheckDetails(document, r, 0, () => undefined);
    expect(el.querySelectorAll('table.check-steps tbody tr')).toHaveLength(30);
    expect(el.querySelector('.truncated')).toBeNull();
  });

  it('a check over t = 1..T-1 lists every step it checked and is not called cut (regression)', () => {
    // the panel said "Steps listed up to t = 29 of T = 30 (the analysis reports the first steps only)"
    const r = analyze(net(30) + 'check h_{t+1} = tanh(w h_t + u x_{t+1}) for t = 1..T-1\n');
    expect(r.checks[0]!.status).toBe('holds');
    expect(r.checks[0]!.steps).toHaveLength(29);
    const el = renderCheckDetails(document, r, 0, () => undefined);
    expect(el.querySelectorAll('table.check-steps tbody tr')).toHaveLength(29);
    expect(el.querySelector('.truncated')).toBeNull();
  });

  it('a node past the steps whose partials the Report lists says so, in its details and its tooltip (regression)', () => {
    // h_450 of a 500-step network showed no "Immediate partials" and no word why
    const r = analyze(net(500));
    const h = r.quantities.find((q) => q.name === 'h')!;
    const last = Math.max(...h.partials.flatMap((p) => p.values.map((v) => v.t)));
    expect(last).toBeLessThan(450);
    const o = {
      step: null,
      onStep: () => undefined,
      onCopy: () => undefined,
      onReveal: () => undefined,
      onPath: () => undefined,
      path: [],
    };
    const far = renderNodeDetails(document, r, 'h@450', o);
    expect(far.querySelector('ul.partials')).toBeNull();
    expect(far.querySelector('.truncated')!.textContent).toBe(`Immediate partials are listed for t ≤ ${last} only (T = 500).`);
    const near = renderNodeDetails(document, r, 'h@5', o);
    expect(near.querySelector('ul.partials')).not.toBeNull();
    expect(near.querySelector('.truncated')).toBeNull();
    const tip = document.createElement('div');
    const node = r.graph!.nodes.find((n) => n.name === 'h' && n.t !== null && n.t > last)!;
    fillTooltip(document, tip, r, node);
    expect(tip.querySelector('.truncated')!.textContent).toBe(`immediate partials are listed for t ≤ ${last} only (T = 500)`);
  });
});
