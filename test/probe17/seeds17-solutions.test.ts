// The five seeds read as whole solutions, as a blind test author would write them (session 17, seeds17): each
// seed's text verbatim with ```rnn blocks of our own (own values, shapes, T; one without values) inserted
// before each exercise. Every known mistake fails or warns naming its culprit at its equation; the right
// equations hold; a second network choice per seed gets the same verdicts (no lucky value).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSolution, type EquationResult, type SolutionReport } from '../../src/solution';
import type { CheckStatus } from '../../src/report';

const read = (name: string): { text: string; report: SolutionReport } => {
  const text = readFileSync(join(__dirname, 'fixtures', `seeds17-${name}.md`), 'utf8');
  return { text, report: analyzeSolution(text, 'markdown', { sidecar: null }) };
};

/** the equation labelled (tag) */
const tagged = (r: SolutionReport, tag: string): EquationResult => {
  const eqs = r.equations.filter((e) => e.tag === tag);
  expect(eqs.length, `one equation (${tag})`).toBe(1);
  return eqs[0]!;
};

/** the equation that starts on the only line containing `needle` */
const at = (s: { text: string; report: SolutionReport }, needle: string): EquationResult => {
  const lines = s.text.split('\n').flatMap((l, i) => (l.includes(needle) ? [i + 1] : []));
  expect(lines.length, needle).toBe(1);
  const eq = s.report.equations.find((e) => e.range.line === lines[0]);
  expect(eq, needle).toBeDefined();
  return eq!;
};

const is = (eq: EquationResult, status: CheckStatus | 'skipped', ...messages: RegExp[]) => {
  expect(eq.status, `${eq.tag ?? eq.range.line}: ${eq.message}`).toBe(status);
  for (const m of messages) expect(eq.message).toMatch(m);
};

const noErrors = (r: SolutionReport) =>
  expect(r.diagnostics.filter((d) => d.severity === 'error' && !/^fails/.test(d.message)).map((d) => d.message)).toEqual([]);

describe('seed 000 (GRU): eq. 5, 10, 14 leave out the path through u_t', () => {
  for (const name of ['000', '000b']) {
    it(`${name}: the mistakes named, the rest hold, (11)/(12) skipped as definitions`, () => {
      const { report } = read(name);
      noErrors(report);
      for (const t of ['5', '10', '14'])
        is(tagged(report, t), 'fails', /leaves out the path through u_t: the term ∂h_t\/∂u_t·∂⁺u_t\/∂h_\{t-1\}/);
      for (const t of ['1', '2', '3', '7', '8', '9', '13']) is(tagged(report, t), 'holds');
      for (const t of ['11', '12']) is(tagged(report, t), 'skipped', /is not a name of the network: the equation defines it/);
    });
  }
});

describe('seed 001 (vanilla RNN, three steps)', () => {
  it('(26), (28) hold as one-step; (32) fails at its last factor; (33)–(35) lean on h_0 = 0', () => {
    const { report } = read('001');
    noErrors(report);
    for (const t of ['26', '28']) is(tagged(report, t), 'holds-as-one-step', /read as one-step derivative/);
    is(tagged(report, '32'), 'fails', /the last factor should be ∂h_1\/∂W_xh/);
    is(tagged(report, '33'), 'holds-at-given-values', /h_0 = 0/, /leaves out ∂L_1\/∂W_hh/);
    for (const t of ['34', '35']) is(tagged(report, t), 'holds-at-given-values', /h_0 = 0/);
    for (const t of [
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '10',
      '11',
      '13',
      '14',
      '15',
      '16',
      '17',
      '18',
      '19',
      '20',
      '22',
      '23',
      '24',
      '25',
      '27',
    ])
      is(tagged(report, t), 'holds');
    // the culprit of (30)–(32) is put on (32), where the wrong factor is written
    const err = report.diagnostics.find((d) => d.severity === 'error' && /last factor/.test(d.message))!;
    expect(err.line).toBe(tagged(report, '32').range.line);
  });
  it('h_0 = 0.3: (33) fails naming ∂L_1/∂W_hh, (34)–(35) name the path through h_1', () => {
    const { report } = read('001b');
    is(tagged(report, '33'), 'fails', /leaves out ∂L_1\/∂W_hh/);
    for (const t of ['34', '35']) is(tagged(report, t), 'fails', /leaves out the path through h_1/);
    for (const t of ['26', '28']) is(tagged(report, t), 'holds-as-one-step');
  });
  it('T = 4 (the seed writes T = 3): (5), (6) leave out L_4', () => {
    const { report } = read('001c');
    for (const t of ['5', '6']) is(tagged(report, t), 'fails', /The right side leaves out L_4: L sums L_t over t = 1\.\.4/);
  });
});

describe('seed 002 (vector RNN; LSTM count)', () => {
  it('(a) holds, (b) holds as one-step, N_total fails naming the factor 4', () => {
    const s = read('002');
    noErrors(s.report);
    is(at(s, 'W}_{ph}} = \\frac'), 'holds');
    is(at(s, '\\begin{aligned}'), 'holds-as-one-step', /∂h_i\/∂W_hh read as one-step derivative/);
    is(at(s, 'N_{\\text{total}}'), 'fails', /The factor 4 multiplies N_output N_hidden \+ N_output too/);
  });
});

describe('seed 003 (MLP with layers as steps)', () => {
  it('the layered formula and its unfolding hold for every k and entry; the unlayered one is skipped (y_j)', () => {
    const s = read('003');
    noErrors(s.report);
    is(at(s, '\\frac{\\partial E}{\\partial p_i} = \\sum_j'), 'skipped', /y_j/);
    is(at(s, 'p_i^{(k)}} = \\sum_j'), 'holds');
    is(at(s, '\\begin{split}'), 'holds');
  });
});

describe('seed 004 (binary addition; LSTM backward)', () => {
  for (const name of ['004', '004b']) {
    it(`${name}: the rows, h̄, c̄ and f̄ fail naming the culprit; ḡ, ō, ī and the network hold`, () => {
      const s = read(name);
      noErrors(s.report);
      is(at(s, '$$h^{(t)} = Ux^{(t)}'), 'holds');
      is(at(s, 'h_1^{(t)} = x_1^{(t)}'), 'fails', /misses h_\{t-1\}\[2\] \+ h_\{t-1\}\[3\] from W h_\{t-1\}/);
      is(at(s, 'h_2^{(t)} = x_1^{(t)}'), 'fails', /misses h_\{t-1\}\[1\] \+ h_\{t-1\}\[3\]/);
      is(at(s, 'h_3^{(t)} = x_1^{(t)}'), 'fails', /misses h_\{t-1\}\[1\] \+ h_\{t-1\}\[2\]/);
      is(at(s, '$$h^{(t)} = 1 + i^{(t+1)}'), 'fails', /h̄_t = ∂L\/∂h_t is meant/);
      is(at(s, 'overline{c^{(t)}} &='), 'fails', /f_\{t\+1\} for f_t/);
      is(at(s, 'overline{f^{(t)}} &='), 'fails', /c_\{t\+1\} should be c_\{t-1\}/);
      is(at(s, '$$\\overline{g^{(t)}} ='), 'holds');
      is(at(s, 'overline{o^{(t)}} &='), 'holds');
      is(at(s, '$$\\overline{i^{(t)}} ='), 'holds');
      for (const def of ['$$c^{(t)} = f^{(t)}', '$$h^{(t)} = o^{(t)}', '$$i^{(t)} = \\sigma']) is(at(s, def), 'holds');
    });
  }
});
