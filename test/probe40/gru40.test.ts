// Probe 40 (session 53): seed 000's GRU exercise handed in by two students — Anna in Markdown with \[ … \] and the
// symbols typed (σ, ∂, −, ∏), Ben as a LaTeX document with a sidecar network and a loss of his own. Every right
// equation holds; each planted mistake fails at its own equation, named. Fixed: Ben's recursion with the Jacobian one
// step early (∂L/∂h_{t+1} ∂h_t/∂h_{t-1}) failed with its values only; the factor is now named, ∂h_{t+1}/∂h_t.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { read40 } from './read40';

describe('Anna’s hand-in (Markdown, Unicode typed)', () => {
  const { r, v } = read40('gru-anna.md');
  it('every equation is read; the right ones hold', () => {
    expect(r.skipped).toBe(0);
    for (const tag of ['1', '2', '3', '4', '6', '7', '8', '10']) expect(v[tag]!.status, tag).toBe('holds');
  });
  it('σ′ at the gate’s output is named', () => {
    expect(v['5']!.status).toBe('fails');
    expect(v['5']!.message).toMatch(/σ′\(u_t\) should be σ′\(w h_\{t-1\} \+ w x_t\): with that the check holds/);
  });
  it('the seed’s own mistake, the path through the gate left out, is named', () => {
    expect(v['7m']!.status).toBe('fails');
    expect(v['7m']!.message).toMatch(/leaves out the path through u_t: the term ∂h_t\/∂u_t·∂⁺u_t\/∂h_\{t-1\}/);
  });
  it('the product starting one step late is named', () => {
    expect(v['9']!.status).toBe('fails');
    expect(v['9']!.message).toMatch(/The ∏ over k on the right side \(k = 2\.\.4\) leaves out its first term k = 1/);
  });
  it('the number worked out wrong is judged to its digits', () => {
    expect(v['11']!.status).toBe('fails');
    expect(v['11']!.message).toMatch(/rounds to 0\.9455, not 0\.9545 as written/);
  });
});

describe('Ben’s hand-in (LaTeX document, sidecar network)', () => {
  const { r, v } = read40('gru-ben.tex');
  it('every equation is read; the right ones hold, the local derivative of w as one-step', () => {
    expect(r.skipped).toBe(0);
    for (const tag of ['2', '3', '4', '5a', '5']) expect(v[tag]!.status, tag).toBe('holds');
    expect(v['6']!.status).toBe('holds-as-one-step');
    expect(v['7']!.status).toBe('holds-as-one-step');
  });
  it('the sign slip is named', () => {
    expect(v['1m']!.status).toBe('fails');
    expect(v['1m']!.message).toMatch(/with the opposite sign: a sign is wrong/);
  });
  it('the Jacobian one step early in the recursion is named (it failed with its values only)', () => {
    expect(v['5m']!.status).toBe('fails');
    expect(v['5m']!.message).toMatch(/∂h_t\/∂h_\{t-1\} should be ∂h_\{t\+1\}\/∂h_t: with that step the check holds/);
  });
  it('the total derivative written d where the sum needs the local one is named', () => {
    expect(v['7d']!.status).toBe('fails');
    expect(v['7d']!.message).toMatch(/dh_t\/dw is the total derivative: it also counts w's paths through the steps before h_t/);
  });
  it('the gradient of w without the path through the recurrence is named', () => {
    expect(v['7m']!.status).toBe('fails');
    expect(v['7m']!.message).toMatch(/leaves out the paths through the earlier steps, where w acts too/);
  });
});

describe('a Jacobian of the chain one step off as a whole, in check lines', () => {
  // Ben's network: the GRU's gate gives ∂h_{t+1}/∂h_t paths no single-step term hint names
  const NET = readFileSync(join(__dirname, 'fixtures', 'gru-ben.rnn'), 'utf8');
  it('is named, one step early or one step late', () => {
    const a = analyze(
      [
        NET,
        'check ∂L/∂h_t = (h_t - y_t) + ∂L/∂h_{t+1} ∂h_{t+1}/∂h_t',
        'check ∂L/∂h_t = (h_t - y_t) + ∂L/∂h_{t+1} ∂h_t/∂h_{t-1}',
        'check ∂L/∂h_t = (h_t - y_t) + ∂L/∂h_{t+1} ∂h_{t+2}/∂h_{t+1} for t = 1..2',
      ].join('\n'),
    );
    expect(a.checks.map((c) => c.status)).toEqual(['holds', 'fails', 'fails']);
    expect(a.checks[1]!.message).toMatch(/∂h_t\/∂h_\{t-1\} should be ∂h_\{t\+1\}\/∂h_t: with that step the check holds/);
    expect(a.checks[2]!.message).toMatch(/∂h_\{t\+2\}\/∂h_\{t\+1\} should be ∂h_\{t\+1\}\/∂h_t: with that step the check holds/);
  });
});
