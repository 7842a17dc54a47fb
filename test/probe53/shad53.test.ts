// Probe 53 (session 60): a Russian course's BPTT (ШАД / Deep Learning School style) — Russian prose, decimal commas in
// the network (param c = -0,3) and in the displays (0{,}5), \operatorname{th} and \text{th} for tanh, th'(z) = 1 − th² z,
// σ'(z) = σ(z)(1 − σ(z)), and the clauses где, при t = 1, …, T − 1, для всех t. It needed: a decimal comma after
// `= -` (the whole network was refused over c); th, sh, ch upright as tanh, sinh, cosh; где/при/для всех as where and
// for. tg (the circular tangent) is named as a function the language lacks.
import { describe, expect, it } from 'vitest';
import { read53 } from './read53';

describe('a Russian seminar’s BPTT', () => {
  const { r, v, e } = read53('shad-bptt.md');
  it('the forward pass, the derivatives and the gradients hold', () => {
    expect(r.checked).toBe(23);
    for (const tag of ['1', '2', '3', '5', '6', '7', '8', '9', '10', '11', '12']) expect(v[tag]!.status, tag).toBe('holds');
    expect(v['8']!.message).toMatch(/t = 1\.\.2/);
    // the computation with numbers is that (probe 51's decision), and its rounded value holds
    expect(v['4']!.status).toBe('holds-at-given-values');
    expect(v['4']!.message).toMatch(/as a computation with numbers does/);
    // "при фиксированном h_{t−1}": the one-step derivative the prose says
    expect(v['13']!.status).toBe('holds-as-one-step');
  });
  it('each mistake is named at its own equation', () => {
    for (const tag of ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm8']) expect(v[tag]!.status, tag).toBe('fails');
    expect(v['m1']!.message).toMatch(/h_t \(1 − h_t\) should be 1 − h_t\^2/);
    expect(v['m2']!.message).toMatch(/the opposite sign: a sign is wrong/);
    expect(v['m3']!.message).toMatch(/leaves out the factor w: with that the check holds/);
    expect(v['m4']!.message).toMatch(/h_t should be h_\{t\+1\}: with that step the check holds/);
    expect(v['m5']!.message).toMatch(/has one term too many, i = k/);
    expect(v['m6']!.message).toMatch(/taken one-step .*leaves out the paths through the earlier steps/);
    expect(v['m8']!.message).toMatch(/rounds to 0\.5370, not 0\.4920/);
    expect(e['m7']!.status).toBe('skipped');
    expect(e['m7']!.message).toMatch(/unknown name tg: tg\(x\) is a trigonometric function.*write tanh/);
  });
});
