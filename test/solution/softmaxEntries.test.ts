// The softmax-with-cross-entropy gradient written entry by entry, as a student writes a component i of a step's
// vector (session 33): `∂E_t/∂o_{ti} = ŷ_{ti} − y_{ti}` was "unknown name o_ti" (a step and an entry letter run
// together are read as step then entry, but the letter i, written nowhere else, was no free index), and
// `∂E_t/∂o_t^{(i)} = ŷ_t^{(i)} − y_t^{(i)}` was entry t at step i (LANGUAGE.md §3's h_1^{(t)} order), which failed.
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution/index';
import { ELMAN_SOFTMAX_BLOCK } from './helpers';

const NET = ELMAN_SOFTMAX_BLOCK;

const solve = (eq: string) => {
  const r = analyzeSolution(`# Elman\n\n${NET}\n$$${eq}$$\n`, 'markdown');
  return { check: r.equations[0]!.checks[0]!, infos: r.diagnostics.filter((d) => d.code === 'entry-pair').map((d) => d.message) };
};

describe('a component i of a step’s vector', () => {
  it('o_{ti}: the entry letter run into the step is a free index', () => {
    const { check, infos } = solve(String.raw`\frac{\partial E_t}{\partial o_{ti}} = \hat y_{ti} - y_{ti}`);
    expect(check.status).toBe('holds');
    expect(check.message).toMatch(/for t = 1\.\.3 and i = 1\.\.3/);
    expect(infos[0]).toMatch(/^o_\{ti\} is read as entry i of o at step t/);
  });

  it('o_t^{(i)}: t below is the step, i above the entry', () => {
    const { check, infos } = solve(String.raw`\frac{\partial E_t}{\partial o_{t}^{(i)}} = \hat y_{t}^{(i)} - y_{t}^{(i)}`);
    expect(check.status).toBe('holds');
    expect(infos[0]).toMatch(/^o_t\^\{\(i\)\} is read as entry i of o at step t \(a subscript t is the step\): o_\{t,i\}$/);
  });

  it('a wrong component still fails', () => {
    const { check } = solve(String.raw`\frac{\partial E_t}{\partial o_{t}^{(i)}} = y_{t}^{(i)} - \hat y_{t}^{(i)}`);
    expect(check.status).toBe('fails');
  });

  it('an entry before a superscripted step keeps its reading (h_1^{(t)})', () => {
    const { check } = solve(String.raw`s_1^{(t)} = s_t[1]`);
    expect(check.status).toBe('holds');
  });
});
