// A gradient stated with its δ defined after it, as textbooks write it: `∂L/∂W_hh = Σ_t δ_t h_{t-1} \quad \text{where }
// δ_t = ∂L/∂h_t h_t (1 − h_t)`. The clause was read as an equation of its own (δ unknown there) and the check said
// "unknown name δ" twice. A where clause whose right side holds a derivative term defines a name for a derivative, as
// that equation on a line of its own does (session 9), and the check uses it; the same clause under several checks
// defines it once, a different one is "defined twice". In a solution the equations after it use it too.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { analyzeSolution } from '../../src/solution';
import { SIGMA_NET } from '../probe24/spec24b-network';

const DELTA = String.raw`\delta_t = \frac{\partial L}{\partial h_t} h_t (1 - h_t)`;

describe('a where clause that names a derivative', () => {
  it('defines the name for the check before it, once for several checks', () => {
    const r = analyze(
      [
        SIGMA_NET,
        String.raw`check \frac{\partial L}{\partial W_{hh}} = \sum_{t} \delta_t h_{t-1} \quad \text{where } ${DELTA}`,
        String.raw`check \frac{\partial L}{\partial W_{hh}} = \sum_{t} \delta_t h_t, \quad \text{where } ${DELTA}`,
      ].join('\n'),
    );
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'fails']);
    expect(r.checks[1]!.message).toContain('h_t should be h_{t-1}');
  });

  it('another definition of the same name is refused as defined twice', () => {
    const r = analyze(
      [
        SIGMA_NET,
        String.raw`check \frac{\partial L}{\partial W_{hh}} = \sum_{t} \delta_t h_{t-1} \quad \text{where } ${DELTA}`,
        String.raw`check \frac{\partial L}{\partial W_{hh}} = \sum_{t} \delta_t h_{t-1} \quad \text{where } \delta_t = \frac{\partial L}{\partial h_t}`,
      ].join('\n'),
    );
    expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([
      expect.stringMatching(/^δ is defined twice/),
    ]);
  });

  it('in a Markdown solution, and in the equations after it', () => {
    const md = [
      '```rnn',
      SIGMA_NET,
      '```',
      '',
      String.raw`$$\frac{\partial L}{\partial W_{hh}} = \sum_{t} \delta_t h_{t-1} \quad \text{where } ${DELTA} \tag{1}$$`,
      '',
      String.raw`$$\frac{\partial L}{\partial W_{hh}} = \sum_{t=1}^{T} \delta_t h_t \tag{2}$$`,
    ].join('\n');
    const s = analyzeSolution(md, 'markdown', { sidecar: null });
    expect(s.equations.map((e) => [e.tag, e.status])).toEqual([
      ['1', 'holds'],
      ['2', 'fails'],
    ]);
  });
});
