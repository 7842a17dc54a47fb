// LANGUAGE.md §2 (declarations) and §3 (time indices).
import { describe, expect, it } from 'vitest';
import { derived, derivedAll, errors, lastCheck, near, run, SHEET7 } from './helpers';

describe('§2 declarations', () => {
  it('T = 3 sets the horizon', () => {
    expect(run(SHEET7).T).toBe(3);
    expect(derivedAll(SHEET7 + 'derive h_t')).toHaveLength(3);
  });

  it('no T: a warning once the file has a statement, none for a file with none yet (a new file, comments only)', () => {
    const horizon = (text: string) => run(text).diagnostics.filter((d) => d.code === 'horizon');
    expect(horizon('')).toEqual([]);
    expect(horizon('# exercise 3, to do\n\n')).toEqual([]);
    expect(horizon('param w = 1\n').map((d) => d.message)).toEqual([expect.stringMatching(/^no horizon given: using T = 3/)]);
  });

  it('param NAME [: SHAPE] [= VALUE] with scalar, vector and matrix values', () => {
    const r = run(
      'T = 1\nparam a = 2\nparam v : 3 = [1, 2, 3]\nparam M : 2x3 = [[1, 2, 3], [4, 5, 6]]\nparam N : 2×2 = 0.5\nparam k = [[1, 2]]\nderive M v',
    );
    expect(errors(r)).toEqual([]);
    expect(r.derives[0]!.results[0]!.value).toEqual([14, 32]);
    expect(r.params.map((p) => [p.name, p.shape, p.count])).toEqual([
      ['a', [], 1],
      ['v', [3], 3],
      ['M', [2, 3], 6],
      ['N', [2, 2], 4],
      ['k', [1, 2], 2],
    ]);
  });

  it('a single number fills a whole shape', () => {
    expect(derived('T = 1\nparam b : 3 = 0.5\nderive b')).toEqual([0.5, 0.5, 0.5]);
  });

  it('param NAME_t: one parameter per step (layers as steps)', () => {
    const text = 'T = 3\nparam w_t = [0.5, -1, 2]\np_0 = 1\np_t = w_t p_{t-1}\nloss E = p_T^2\nderive ∂E/∂w_t';
    const r = run(text);
    expect(errors(r)).toEqual([]);
    expect(r.params[0]).toEqual({ name: 'w', shape: [], count: 3 });
    // E = (w1 w2 w3)^2 → ∂E/∂w_1 = 2 w1 (w2 w3)^2
    expect(near(r.derives[0]!.results[0]!.value, 2 * 0.5 * 4)).toBe(true);
  });

  it('input and target: one value per step, used as NAME_t; one number fills every step', () => {
    expect(derivedAll('T = 3\ninput x = 0.1\nderive x_t')).toEqual([0.1, 0.1, 0.1]);
    expect(derivedAll('T = 2\ninput x : 2 = [[1, 0], [0, 1]]\nderive x_t')).toEqual([
      [1, 0],
      [0, 1],
    ]);
    expect(derivedAll('T = 2\ntarget y = [3, 4]\nderive y_t')).toEqual([3, 4]);
  });

  it('NAME_t = EXPR, NAME_k overrides, NAME = EXPR and loss NAME', () => {
    const r = run(SHEET7 + 'derive L');
    expect(r.loss?.name).toBe('L');
    expect(near(r.derives[0]!.results[0]!.value, r.loss!.value)).toBe(true);
    const q = r.quantities.map((x) => [x.name, x.timed]);
    expect(q).toEqual([
      ['h', true],
      ['o', true],
      ['L', true],
      ['L', false],
    ]);
  });

  it('without loss, the objective is the last untimed scalar', () => {
    const r = run(SHEET7.replace('loss L', 'L') + 'M = 2 L');
    expect(r.loss?.name).toBe('M');
  });

  it('no VALUE: deterministic sample values, and it says so', () => {
    const text = 'T = 3\ninput x\nparam w\nh_0 = 0\nh_t = tanh(w h_{t-1} + x_t)\nloss L = Σ_t h_t^2\nderive ∂L/∂w';
    const a = run(text);
    const b = run(text);
    expect(a.derives[0]!.results[0]!.value).toEqual(b.derives[0]!.results[0]!.value);
    expect(a.sampled).toEqual(['x', 'w']);
    expect(a.diagnostics.some((d) => d.severity === 'information' && d.message.includes('sample values'))).toBe(true);
  });

  it('vector and matrix literals are expressions; h_0 = 0 takes the shape of its quantity', () => {
    const pre = 'T = 2\nparam W : 2x2 = [[0.5, 0], [0, 0.5]]\ninput x : 2 = [[1, 2], [3, 4]]\n';
    const a = derivedAll(pre + 'h_0 = [0, 0]\nh_t = W h_{t-1} + x_t\nderive h_t');
    const b = derivedAll(pre + 'h_0 = 0\nh_t = W h_{t-1} + x_t\nderive h_t');
    expect(a).toEqual(b);
    expect(a[1]).toEqual([3.5, 5]);
  });

  it('T is inferred from the sequences when not given', () => {
    const r = run('input x = [1, 2, 3, 4]\nh_0 = 0\nh_t = h_{t-1} + x_t\nderive h_T');
    expect(r.T).toBe(4);
    expect(r.derives[0]!.results[0]!.value).toBe(10);
  });
});

describe('§3 time indices', () => {
  it('t, t±k, integers, T and T±k', () => {
    const text = 'T = 4\ninput x = [1, 2, 3, 4]\n';
    expect(derivedAll(text + 'derive x_{t+1}')).toEqual([2, 3, 4]);
    expect(derived(text + 'derive x_T')).toBe(4);
    expect(derived(text + 'derive x_{T-1}')).toBe(3);
    expect(derived(text + 'derive x_2')).toBe(2);
    expect(derivedAll(text + 'derive x_{t-1}')).toEqual([1, 2, 3]);
  });

  it('h_{t-1}, h^(t-1) and h^{(t-1)} are the same', () => {
    const a = derivedAll(SHEET7 + 'derive h_{t-1}');
    expect(derivedAll(SHEET7 + 'derive h^(t-1)')).toEqual(a);
    expect(derivedAll(SHEET7 + 'derive h^{(t-1)}')).toEqual(a);
  });

  it('a backward recurrence with a terminal state g_{T+1} (bidirectional)', () => {
    const text =
      'T = 3\ninput x = [1, 2, 3]\ng_{T+1} = 0\ng_t = 0.5 g_{t+1} + x_t\nh_0 = 0\nh_t = 0.5 h_{t-1} + x_t\no_t = h_t + g_t\nloss L = Σ_t o_t\nderive g_t';
    expect(derivedAll(text)).toEqual([1 + 1 + 0.75, 2 + 1.5, 3]);
    expect(lastCheck(text + '\ncheck o_2 = h_2 + g_2').status).toBe('holds');
  });

  it('a variable bound by Σ/∏ is a time index, and Σ_{i=1}^{t} runs to the free step', () => {
    const text = 'T = 3\ninput x = [1, 2, 3]\ns_t = Σ_{i=1}^{t} x_i\nderive s_t';
    expect(derivedAll(text)).toEqual([1, 3, 6]);
    expect(derived('T = 3\ninput x = [1, 2, 3]\nderive ∏_{j=1}^{T} x_j')).toBe(6);
  });

  it('h_1^{(t)}: entry 1 of h at step t', () => {
    const text = 'T = 2\ninput x : 2 = [[1, 2], [3, 4]]\nderive x_2^{(t)}';
    expect(derivedAll(text)).toEqual([2, 4]);
  });
});
