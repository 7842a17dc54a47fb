// Probe 34 (session 48): Jiang Guo's "BackPropagation Through Time" (2013) in its index notation — net_j(t) = Σ_i
// x_i(t) v_ji + Σ_h y_h(t−1) u_jh + θ_j, the output's θ_{o,k}, the training pattern p under every name (δ_pk, δ_pj(t),
// y_ph(t−1)) and Σ_p, f'(y_pj(t−1)) as the note prints it. Readings added: the pattern p over the network's one
// sequence (solution/patternIndex.ts; every equation with a p was "unknown name d_pk — did you mean δ_pk?" or "does not
// read as a check"), θ_{o,k} as entry k of θ_o (language/resolve/names.ts namedEntry; it was "θ is a vector of 2: pick
// an entry with one index"); f'(y) named as the notes' slope through the output (engine/check/outputSlope.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution';
import { analyze } from '../../src/analysis';

const r = analyzeSolution(readFileSync(join(__dirname, 'fixtures', 'guo-bptt.md'), 'utf8'), 'markdown', { sidecar: null });
const v = Object.fromEntries(r.equations.map((e) => [e.tag, e]));

describe('Guo’s BPTT note in index notation', () => {
  it('the forward pass, the errors with the pattern p, and the gradients summed over steps and patterns hold', () => {
    for (const tag of ['G1', 'G2', 'G3', 'G4', 'G5', 'G6', 'G8', 'G9']) expect(v[tag]!.status, tag).toBe('holds');
  });
  it('p is read as the training pattern, said once per equation (regression: "unknown name d_pk — did you mean δ_pk?")', () => {
    const said = r.diagnostics.filter((d) => d.code === 'pattern-index');
    expect(said.length).toBeGreaterThanOrEqual(8);
    expect(said[0]!.message).toBe(
      'p is read as the index of the training pattern (d_{pk}, as Rumelhart, Bodén and Guo write it): the network is one sequence, one pattern, so d_{pk} is d_k and a Σ_p is its one term',
    );
  });
  it('θ_{o,k} is entry k of θ_o (regression: "θ is a vector of 2: pick an entry with one index")', () => {
    expect(r.diagnostics.map((d) => d.message)).toContain('θ_{o,k} is read as entry k of θ_o');
  });
  it('f′(y_pj(t−1)) as printed fails, naming the argument and the notes’ convention', () => {
    expect(v.G7!.status).toBe('fails');
    expect(v.G7!.message).toMatch(
      /y_\{t-1\} should be net_\{t-1\}: with that the check holds\. σ'\(y_\{t-1\}\) is the slope at the unit's output; it is taken at its input, net_\{t-1\} \(y_\{t-1\} = σ\(net_\{t-1\}\)\)\. Bodén and Guo write f'\(y\) for that slope written through the output, y_\{t-1\}\(1 − y_\{t-1\}\) here: write that, or σ'\(net_\{t-1\}\)/,
    );
  });
  it('the slips name the culprit', () => {
    expect(v.G11!.message).toMatch(/the opposite sign: a sign is wrong/);
    expect(v.G12!.message).toMatch(/w\[j, k\] should be w\[k, j\]: with its two indices swapped the check holds/);
  });
  it('left alone: Δu = −η Σ …, a descent step', () => {
    expect(v.G10!.message).toMatch(/unknown name Δ: if Δw is a change of w/);
  });
});

describe('the same pattern p in Rumelhart, Hinton & Williams (1986)', () => {
  // probe 29's network, with the chapter's δ_pj, o_pj, net_pj and Δ_p w_ji as printed (probe 29 wrote them without p)
  const pdp = readFileSync(join(__dirname, '..', 'probe29', 'fixtures', 'rumelhart-pdp.md'), 'utf8');
  const net = pdp.slice(0, pdp.indexOf('Let $'));
  const eqs = analyzeSolution(
    net +
      [
        'Let $\\delta_{pj}(t) = -\\frac{\\partial E}{\\partial net_{pj}(t)}$.',
        '',
        '$$o_{pj}(t) = f_j(net_{pj}(t)) \\tag{R2}$$',
        '',
        "$$\\delta_{pj}(t) = f'_j(net_{pj}(t)) \\left( t_{pj}(t) - o_{pj}(t) + \\sum_k \\delta_{pk}(t+1) w_{kj} \\right) \\tag{R4}$$",
        '',
        '$$E = \\frac{1}{2} \\sum_p \\sum_t \\sum_j (t_{pj}(t) - o_{pj}(t))^2 \\tag{R6}$$',
        '',
        '$$\\Delta_p w_{ji} = \\eta \\sum_t \\delta_{pj}(t) o_{pi}(t-1) \\tag{R7}$$',
        '',
      ].join('\n'),
    'markdown',
    { sidecar: null },
  ).equations;
  const w = Object.fromEntries(eqs.map((e) => [e.tag, e]));
  it('o_pj, δ_pj(t) with the chapter’s recursion and E over the patterns hold; Δ_p w_ji is Δ’s descent step', () => {
    for (const tag of ['R2', 'R4', 'R6']) expect(w[tag]!.status, tag).toBe('holds');
    expect(w.R7!.message).toMatch(/unknown name Δ: if Δw is a change of w/);
  });
});

describe('the readings, in a .rnn file', () => {
  const net = (check: string) =>
    [
      'T = 2',
      'input x : 2 = [[1, 0], [0, 1]]',
      'param u : 2x2 = [[0.5, -0.3], [0.2, 0.4]]',
      'param θ : 2 = [0.1, -0.1]',
      'param θ_o : 2 = [0.3, 0.2]',
      'y_0 = [0, 0]',
      'y_t = σ(u y_{t-1} + x_t + θ)',
      'o_t = y_t + θ_o',
      'loss E = Σ_t sum(o_t)',
      check,
    ].join('\n');
  const one = (text: string) => analyze(text).checks[0]!;
  it('θ_{o,k} is entry k of θ_o, θ_{k} still θ’s', () => {
    expect(one(net('check o_{2,k} = y_{2,k} + θ_{o,k}')).status).toBe('holds');
    expect(one(net('check o_{2,k} = y_{2,k} + θ_{k}')).status).toBe('fails');
  });
  it('the slope at the output is named so only where the argument is the activation’s own output', () => {
    const units = (check: string) =>
      [
        'T = 3',
        'input x : 2 = [[1, 0], [0.5, -1], [-0.3, 0.8]]',
        'param u : 2x2 = [[0.1, 0.6], [-0.4, 0.3]]',
        'y_0 = [0, 0]',
        'net_t = u y_{t-1} + x_t',
        'y_t = σ(net_t)',
        'loss E = sum(y_T)',
        'δ_t = ∂E/∂net_t',
        check,
      ].join('\n');
    expect(one(units("check δ_{t-1,j} = Σ_h δ_{t,h} u_{h,j} σ'(y_{t-1,j})")).message).toMatch(
      /y_\{t-1\} should be net_\{t-1\}: with that the check holds\. σ'\(y_\{t-1\}\) is the slope at the unit's output; it is taken at its input, net_\{t-1\} \(y_\{t-1\} = σ\(net_\{t-1\}\)\)\. Bodén and Guo write f'\(y\) for that slope written through the output, y_\{t-1\}\(1 − y_\{t-1\}\) here: write that, or σ'\(net_\{t-1\}\)$/,
    );
    const step = one(units("check δ_{t-1,j} = Σ_h δ_{t,h} u_{h,j} σ'(net_{t-2,j})")).message;
    expect(step).toMatch(/net_\{t-2\} should be net_\{t-1\}: with that step the check holds$/);
  });
});
