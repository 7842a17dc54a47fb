import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analysis';
import { nameCompletions } from '../../../src/extension/completion/completionContent';

describe('name completions', () => {
  it("offers the file's names with their usual index, and the functions", () => {
    const r = analyze(readFileSync('examples/sheet7-vanilla-rnn.rnn', 'utf8'));
    const byLabel = new Map(nameCompletions(r).map((c) => [c.label, c]));
    expect(byLabel.get('W_hh')).toMatchObject({ insertText: 'W_hh', kind: 'parameter', detail: 'param · scalar' });
    expect(byLabel.get('x')).toMatchObject({ insertText: 'x_t', kind: 'data' });
    expect(byLabel.get('h_t')).toMatchObject({ insertText: 'h_t', kind: 'quantity' });
    expect(byLabel.get('L_t')).toMatchObject({ kind: 'quantity' });
    expect(byLabel.get('L')).toMatchObject({ insertText: 'L', kind: 'quantity' });
    expect(byLabel.get('σ')).toMatchObject({ kind: 'function' });
    expect(byLabel.get('derive')).toMatchObject({ kind: 'keyword' });
  });
  it('per-step parameters complete with their index', () => {
    const r = analyze(readFileSync('examples/deep-sigmoid-mlp.rnn', 'utf8'));
    expect(nameCompletions(r).find((c) => c.label === 'w')).toMatchObject({ insertText: 'w_t', kind: 'parameter' });
  });
});

describe('Enter never joins lines (issue 13, item 1)', () => {
  it('a completion equal to the word already typed is not offered', () => {
    const r = analyze(readFileSync('examples/gru-one-weight.rnn', 'utf8'));
    for (const typed of ['w', 'L', 'derive', 'h_t']) {
      const offered = nameCompletions(r, typed).map((c) => c.insertText);
      expect(offered).not.toContain(typed);
      // the rest of the list stays
      expect(offered.length).toBe(nameCompletions(r).length - 1);
    }
  });
  it('[rnn] turns acceptSuggestionOnEnter off, so Enter at a line end always starts a new line', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    expect(pkg.contributes.configurationDefaults['[rnn]']['editor.acceptSuggestionOnEnter']).toBe('off');
  });
});
