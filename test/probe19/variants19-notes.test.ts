// What a variant of a seed equation cannot mean as written gets a diagnostic that says so: Newton's dot on σ for
// σ' (an accent makes a new name), a ∏ or Σ with its bounds written from the top down (empty: 1 or 0), y^3 on a
// sequence. Seed 001's network.
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution';
import { asMarkdown, expectRows, network, type Row } from './variants19-helpers';

const NET = network('seed001.rnn');

describe('variants that do not mean what they say', () => {
  it("σ̇ (\\dot{\\sigma}) for σ': skipped, saying to write σ'", () => {
    const rows: Row[] = [
      {
        eq: '\\frac{\\partial h_t}{\\partial h_{t-1}} = \\dot{\\sigma}(\\tilde{h}_t)W_{hh}',
        status: 'skipped',
        says: /unknown name σ̇: a dot over σ is not read as its derivative — write σ'\(…\)/,
      },
      { eq: "\\frac{\\partial h_t}{\\partial h_{t-1}} = \\sigma'(\\tilde{h}_t)W_{hh}", status: 'holds' },
    ];
    expectRows(rows, asMarkdown(NET, rows));
  });

  it('∏_{j=3}^{2}: empty, so 1 — the check fails and an information says how the product over 2..3 is written', () => {
    const md = [
      '```rnn',
      NET,
      '```',
      '',
      '$$',
      '\\frac{\\partial h_3}{\\partial h_1} = \\prod_{j=3}^{2} \\frac{\\partial h_j}{\\partial h_{j-1}}',
      '$$',
      '',
      '$$',
      '\\frac{\\partial h_3}{\\partial h_1} = \\prod_{j=2}^{3} \\frac{\\partial h_j}{\\partial h_{j-1}}',
      '$$',
      '',
    ].join('\n');
    const r = analyzeSolution(md, 'markdown', { sidecar: null });
    expect(r.equations.map((e) => e.status)).toEqual(['fails', 'holds']);
    const notes = r.diagnostics.filter((d) => d.code === 'empty-range');
    expect(notes.map((d) => [d.severity, d.message])).toEqual([
      [
        'information',
        '∏_{j=3}^{2} is empty (its lower bound 3 is above its upper bound 2), so it is 1 (the identity): over j = 2..3 it is written ∏_{j=2}^{3}',
      ],
    ]);
    expect(notes[0]!.line).toBe(r.equations[0]!.range.line + 1);
  });

  it('Σ_{t=T}^{1}: empty, so 0, said the same way; an ascending Σ says nothing', () => {
    const md = [
      '```rnn',
      NET,
      '```',
      '',
      '$$ \\mathcal{L} = \\sum_{t=T}^{1} \\mathcal{L}_t $$',
      '',
      '$$ \\mathcal{L} = \\sum_{t=1}^{T} \\mathcal{L}_t $$',
      '',
    ].join('\n');
    const r = analyzeSolution(md, 'markdown', { sidecar: null });
    expect(r.equations.map((e) => e.status)).toEqual(['fails', 'holds']);
    expect(r.diagnostics.filter((d) => d.code === 'empty-range').map((d) => d.message)).toEqual([
      'Σ_{t=3}^{1} is empty (its lower bound 3 is above its upper bound 1), so it is 0: over t = 1..3 it is written Σ_{t=1}^{3}',
    ]);
  });
});
