// Lead fixes of session 14, each with the case that showed it.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/index';
import { hoverContent, type HoverOptions } from '../../src/extension/hover/hoverContent';

const full: HoverOptions = { digits: 4, detail: 'full', uri: 'file:///free.rnn' };
const plain = (md: string) => md.replace(/<[^>]+>/g, '').replace(/\\(.)/g, '$1');

describe("a check's hover with free indices besides t", () => {
  it('counts the values it leaves out, not steps, and names the first and the last', () => {
    const text = [
      'T = 6',
      'input x : 3',
      'param W : 3x3',
      'h_0 = [0.1, 0.2, 0.3]',
      'h_t = tanh(W h_{t-1} + x_t)',
      'loss L = sum(h_T)',
      'check h_i^{(t)} = tanh(Σ_j W_{i,j} h_j^{(t-1)} + x_i^{(t)})',
    ].join('\n');
    const r = analyze(text);
    const c = r.checks[0]!;
    // one entry per (t, i): 6 × 3
    expect(c.steps).toHaveLength(18);
    const md = plain(hoverContent(r, { line: c.line, column: 3 }, full)!.markdown);
    expect(md).toContain('6 more values (t = 5, i = 1 to t = 6, i = 3) not listed here');
    expect(md).not.toContain('more steps');
  });
});
