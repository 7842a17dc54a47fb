// A ```rnn block inside a block quote (an Obsidian callout, `> ```rnn`): its lines are the network without their `>`
// markers, on the file's own lines and columns. Session 30: every line was "a statement starts with a name …, not '>'".
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution/index';
import { slice } from './helpers';

const MD = [
  '> [!note] The network',
  '> ```rnn',
  '> T = 2',
  '> param v = 0.5',
  '>  g_0 = 1',
  '> g_t = v g_{t-1}',
  '> > loss M = g_T',
  '> ```',
  '',
  '$$\\frac{\\partial M}{\\partial v} = 2 v g_0 \\tag{1}$$',
  '',
  '> ```rnn',
  '> T = 2',
  '> param u = 0.5',
  '> k_0 = 1',
  '> k_t = u k_{t-1} + qq',
  '> loss N = k_T',
  '> ```',
  '',
].join('\n');

describe('a network block in a block quote', () => {
  const r = analyzeSolution(MD, 'markdown');

  it('reads as the network its lines hold, and the equations after it are checked against it', () => {
    expect(r.networks[0]!.report.T).toBe(2);
    expect(r.networks[0]!.report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.equations[0]).toMatchObject({ tag: '1', status: 'holds' });
  });

  it("its diagnostics point at the file's own text", () => {
    const d = r.diagnostics.find((x) => x.severity === 'error')!;
    expect(d.message).toBe('unknown name qq');
    expect(d.line).toBe(16);
    expect(slice(MD, d)).toBe('qq');
  });
});
