// Should the engine throw on one claim (a bug, not a verdict), that claim is skipped with the
// engine's message and every other claim is still judged.
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../src/analysis', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/analysis')>();
  return {
    ...real,
    analyze: (text: string, options?: Parameters<typeof real.analyze>[1]) => {
      if (text.includes('BOOM')) throw new Error('engine bug');
      return real.analyze(text, options);
    },
  };
});

const { analyzeSolution } = await import('../../src/solution/index');

const NET = '```rnn\nT = 3\ninput x = [1, 2, 3]\nparam w = 0.5\nh_0 = 0\nh_t = w h_{t-1} + x_t\n```\n';
const FAST = { draws: 1, graph: false, symbolic: false };

describe('an engine that throws', () => {
  it('isolates the claim that makes it throw', () => {
    const claims = ['h_1 = w h_0 + x_1', 'h_2 = BOOM', 'h_2 = w h_1 + x_2', 'h_3 = 0', 'h_3 = w h_2 + x_3'];
    const sol = analyzeSolution(NET + claims.map((c) => `\n$$ ${c} $$\n`).join(''), 'markdown', { analyze: FAST });
    expect(sol.equations.map((e) => e.status)).toEqual(['holds', 'skipped', 'holds', 'fails', 'holds']);
    expect(sol.equations[1]!.message).toBe('not checked: could not be analysed (engine bug)');
    expect(sol.diagnostics.find((d) => d.code === 'solution-skipped')).toMatchObject({ line: 11, severity: 'information' });
  });

  it('a network that makes it throw: one error, every claim skipped', () => {
    const sol = analyzeSolution('```rnn\nT = 2\nBOOM = 1\n```\n\n$$ a = 1 $$\n', 'markdown', { analyze: FAST });
    expect(sol.networks).toHaveLength(1);
    expect(sol.diagnostics.find((d) => d.severity === 'error')!.message).toBe('the network could not be analysed: engine bug');
    expect(sol.equations[0]!.status).toBe('skipped');
  });
});
