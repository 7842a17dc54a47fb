// The quick fix finds the transpose fix a diagnostic carried by its range and message (VS Code hands the provider
// plain diagnostics), from the publication shown last (session 44).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analysis';
import { diagnosticItems } from '../../../src/extension/diagnostics/diagnosticsContent';
import { PublishedFixes } from '../../../src/extension/quickfix/publishedFixes';

const text = (product: string) =>
  `T = 2\nparam W_xh = [[1, 2], [3, 4], [5, 6]]\ninput x = [[1, 2, 3], [1, -1, 0.5]]\nh_0 = [0, 0]\nh_t = tanh(${product})\nloss L = Σ_t sum(h_t)\n`;

describe('the fixes published with the diagnostics', () => {
  it('are found by range and message, and a later publication replaces them', () => {
    const fixes = new PublishedFixes();
    const items = diagnosticItems(analyze(text('W_xh x_t')), { hintForHolding: false });
    const d = items.find((i) => i.code === 'shape-mismatch')!;
    expect(d.fix).toEqual({ transpose: 'add', name: 'W_xh' });
    fixes.set('file:///a.rnn', items);
    const plain = { line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn, message: d.message };
    expect(fixes.get('file:///a.rnn', plain)).toEqual(d.fix);
    // another document, another place or another message: none
    expect(fixes.get('file:///b.rnn', plain)).toBeUndefined();
    expect(fixes.get('file:///a.rnn', { ...plain, column: plain.column + 1 })).toBeUndefined();
    expect(fixes.get('file:///a.rnn', { ...plain, message: `${plain.message}.` })).toBeUndefined();
    // the file mended: its diagnostics carry no fix, and the old one is gone
    fixes.set('file:///a.rnn', diagnosticItems(analyze(text('W_xhᵀ x_t')), { hintForHolding: false }));
    expect(fixes.get('file:///a.rnn', plain)).toBeUndefined();
    fixes.set('file:///a.rnn', items);
    fixes.delete('file:///a.rnn');
    expect(fixes.get('file:///a.rnn', plain)).toBeUndefined();
  });
});
