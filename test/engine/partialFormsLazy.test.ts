// A quantity's partials carry their symbolic form, derived when first read (issue 11: printing every
// partial was a tenth of an analysis): the form read in any order, or cloned, is the one the JSON of
// the Report gives, and until it is read it is not derived.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import type { Form, PartialReport } from '../../src/report';

const dir = join(__dirname, '..', '..', 'examples');
const examples = readdirSync(dir)
  .filter((f) => f.endsWith('.rnn'))
  .sort()
  .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));

const partialsOf = (text: string): PartialReport[] => analyze(text).quantities.flatMap((q) => q.partials);

describe('partial forms on first read', () => {
  it.each(examples.map((e) => [e.name, e.text] as const))('%s: read backwards, the forms the serialised Report gives', (_n, text) => {
    const serialised = JSON.parse(JSON.stringify(partialsOf(text))) as PartialReport[];
    const lazy = partialsOf(text);
    expect(lazy.length).toBe(serialised.length);
    const backwards: Form[] = [];
    for (let i = lazy.length - 1; i >= 0; i--) backwards.unshift(lazy[i]!.form!);
    expect(backwards).toEqual(serialised.map((p) => p.form));
    expect(structuredClone(lazy)).toEqual(serialised);
    expect(serialised.some((p) => (p.form?.text.length ?? 0) > 0)).toBe(true);
  });

  it('are not derived until read, and are derived once', () => {
    const text = examples.find((e) => e.name.includes('sheet'))?.text ?? examples[0]!.text;
    const partials = partialsOf(text);
    expect(partials.length).toBeGreaterThan(0);
    const p = partials[0]!;
    expect(Object.getOwnPropertyDescriptor(p, 'form')?.get).toBeTypeOf('function');
    expect(Object.keys(p)).toEqual(['of', 'wrt', 'form', 'values']);
    expect(p.form).toBe(p.form);
  });
});
