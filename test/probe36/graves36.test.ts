// Probe 36 (session 49): Graves's thesis (2012) §3.2.2, BPTT by units — a_h^t = Σ_i w_ih x_i^t + Σ_h' w_h'h b_h'^{t-1},
// δ_j^t = ∂O/∂a_j^t, δ_h^t = θ'(a_h^t)(Σ_k δ_k^t w_hk + Σ_h' δ_h'^{t+1} w_hh'), ∂O/∂w_ij = Σ_t δ_j^t b_i^t. Graves's
// primed unit h' was refused ("a primed index h' is not one"), δ_j^t = ∂O/∂a_j^t defined a name δ_j of its own (every
// δ_h "unknown name"), b_{h'}^{t-1} and δ_{h'}^{t+1} were no entries at a step, and δ_j^{T+1} = 0, δ_h^{(T)} did not read:
// 10 of the 13 equations unchecked.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution';
import { analyze } from '../../src/analysis';

const r = analyzeSolution(readFileSync(join(__dirname, 'fixtures', 'graves-bptt.md'), 'utf8'), 'markdown', { sidecar: null });
const v = Object.fromEntries(r.equations.map((e) => [e.tag, e]));

const NET = [
  'T = 3',
  'input x : 2 = [[0.5, -1], [1, 0.2], [-0.4, 0.9]]',
  'target z : 2 = [[0.3, -0.2], [0.1, 0.4], [-0.5, 0.2]]',
  'param U : 2x2 = [[0.6, -0.3], [0.2, 0.5]]',
  'param W : 2x2 = [[0.4, -0.2], [0.3, 0.1]]',
  'param V : 2x2 = [[0.7, -0.4], [0.2, 0.5]]',
  'θ = tanh',
  'b^0 = 0',
  'a^t = U^T x^t + W^T b^{t-1}',
  'b^t = θ(a^t)',
  'y^t = V^T b^t',
  'O^t = sum((y^t - z^t)^2) / 2',
  'loss O = Σ_t O^t',
];
const run = (...lines: string[]) => analyze([...NET, ...lines].join('\n'));
const statuses = (...lines: string[]) => run(...lines).checks.map((c) => c.status);

describe('Graves §3.2.2 by units', () => {
  it('every equation but the premise δ_j^{T+1} = 0 is judged, and the thesis’s formulas hold', () => {
    expect(r.skipped).toBe(1);
    expect(v['0']!.message).toMatch(/terminal condition of a backward recursion/);
    for (const tag of ['1', '2', '3', '4', '5', '7', '8']) expect(v[tag]!.status, tag).toBe('holds');
    // Graves's ∂a_j^t/∂w_ij is the step's own derivative: said so, and the chain's last link holds
    expect(v['6']!.status).toBe('holds-as-one-step');
  });
  it('each mistake is named', () => {
    expect(v['m1']!.message).toMatch(/The right side leaves out ∂O_2\/∂a_1 \+ ∂O_3\/∂a_1 \(its entry h\)/);
    expect(v['m2']!.message).toMatch(/W\[h′, h\] should be W\[h, h′\]: with its two indices swapped the check holds/);
    expect(v['m3']!.message).toMatch(/b_t should be b_\{t-1\}: with that step the check holds/);
    expect(v['m4']!.message).toMatch(/tanh'\(b_t\) is the slope at the unit's output/);
    expect(v['m5']!.message).toMatch(/leaves out its last term t = 3: with it the check holds/);
  });
  it('a primed Σ index over units the file does not name, its entry pairs W_{hh′}, W_{h′h} and its entries at a bare step', () => {
    expect(statuses("check a_h^t = Σ_{i=1}^{2} U_{ih} x_i^t + Σ_{h'=1}^{2} W_{h'h} b_{h'}^{t-1}")).toEqual(['holds']);
    const swapped = run("check a_h^t = Σ_{i=1}^{2} U_{ih} x_i^t + Σ_{h'=1}^{2} W_{hh'} b_{h'}^{t-1}").checks[0]!;
    expect(swapped.message).toMatch(/W\[h, h′\] should be W\[h′, h\]/);
  });
  it('a primed index over a name of the file stays refused (Σ_{h′} h_{h′} would read steps of h)', () => {
    const text = "T = 2\nparam w = 0.5\nh_0 = 0.1\nh_t = tanh(w h_{t-1})\nloss L = h_T\ncheck L = \\sum_{h'=1}^{2} h_{h'}\n";
    expect(analyze(text).diagnostics.some((d) => /a primed index h' is not one/.test(d.message))).toBe(true);
  });
  it('δ_j^t = ∂O/∂a_j^t defines δ for every unit, read at a bare step, a step in parentheses, T + 1 and a primed unit', () => {
    const def = 'δ_j^t = ∂O/∂a_j^t';
    expect(statuses(def, "check δ_h^t = θ'(a_h^t) (Σ_{k=1}^{2} (y_k^t - z_k^t) V_{hk} + Σ_{h'=1}^{2} δ_{h'}^{t+1} W_{hh'})")).toEqual([
      'holds',
    ]);
    expect(statuses(def, "check δ_h^{(T)} = θ'(a_h^{(T)}) Σ_{k=1}^{2} (y_k^{(T)} - z_k^{(T)}) V_{hk}")).toEqual(['holds']);
    expect(statuses(def, 'check δ_h^{(3)} = ∂O/∂a_h^{(3)}', 'check δ_h^{(2)} = ∂O/∂a_h^{(3)}')).toEqual(['holds', 'fails']);
    expect(run(def, 'check δ_j^{T+1} = 0').checks[0]!.message).toMatch(/terminal condition/);
  });
  it('left: Graves’s δ_k^t for the output layer is entry k of the hidden δ the solution defined (fails with its values)', () => {
    const out = run('δ_j^t = ∂O/∂a_j^t', 'check δ_k^t = y_k^t - z_k^t');
    expect(out.checks[0]!.status).toBe('fails');
    const rec = run('δ_j^t = ∂O/∂a_j^t', "check δ_h^t = θ'(a_h^t) (Σ_{k=1}^{2} δ_k^t V_{hk} + Σ_{h'=1}^{2} δ_{h'}^{t+1} W_{hh'})");
    expect(rec.checks[0]!.message).toMatch(/∂O\/∂a_t should be ∂O\/∂y_t: with that the check holds/);
  });
  it('left: a primed index no Σ binds is refused naming it, and δ_h^T with a bare T stays a transpose', () => {
    const free = run('δ_j^t = ∂O/∂a_j^t', "check ∂O/∂W_{h'h} = Σ_t δ_h^t b_{h'}^{t-1}");
    expect(free.diagnostics.some((d) => /h' is not bound here: a primed index \(Graves's h′\)/.test(d.message))).toBe(true);
    // Σ_k δ_k x_k^T is the transpose of x at step k: a bare ^T is never the last step
    expect(statuses('δ_j^t = ∂O/∂a_j^t', "check δ_h^T = θ'(a_h^T) Σ_{k=1}^{2} (y_k^T - z_k^T) V_{hk}")).toEqual(['fails']);
  });
});
