import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analysis';
import { snippetEscape, snippetsJson, TEMPLATES } from '../../../src/extension/commands/templates';

describe('network templates', () => {
  it('snippets/rnn.json is generated from the templates (regenerate it when they change)', () => {
    const onDisk = JSON.parse(readFileSync('snippets/rnn.json', 'utf8')) as unknown;
    expect(onDisk).toEqual(snippetsJson());
  });
  it("covers the seeds' networks", () => {
    expect(TEMPLATES.map((t) => t.id)).toEqual([
      'vanilla-rnn',
      'gru-one-weight',
      'lstm',
      'bidirectional-rnn',
      'deep-sigmoid-net',
      'binary-addition',
    ]);
    expect(new Set(TEMPLATES.map((t) => t.prefix)).size).toBe(TEMPLATES.length);
  });
  it('writes a cross-entropy loss only where the output is a probability', () => {
    const vanilla = TEMPLATES.find((t) => t.id === 'vanilla-rnn')!;
    expect(vanilla.text('crossEntropy')).toContain('L_t = -(y_t log(o_t) + (1 - y_t) log(1 - o_t))');
    expect(vanilla.text('squared')).toContain('L_t = (y_t - o_t)^2');
    const lstm = TEMPLATES.find((t) => t.id === 'lstm')!;
    expect(lstm.text('crossEntropy')).toBe(lstm.text('squared'));
  });
  it('escapes snippet syntax', () => {
    expect(snippetEscape('a $1 \\b }')).toBe('a \\$1 \\\\b }');
  });

  it.each(TEMPLATES.flatMap((t) => (['squared', 'crossEntropy'] as const).map((loss) => ({ id: t.id, loss, text: t.text(loss) }))))(
    '$id ($loss) is a valid .rnn program whose questions all get answers',
    ({ text }) => {
      const r = analyze(text);
      expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(r.loss).not.toBeNull();
      expect(r.derives.length).toBeGreaterThan(0);
      for (const d of r.derives) expect(d.results.length).toBeGreaterThan(0);
      for (const c of r.checks) expect(c.status).toBe('holds');
    },
  );
});
