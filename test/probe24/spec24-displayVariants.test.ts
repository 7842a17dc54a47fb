// LANGUAGE.md §8: every display equation is a claim — `$$ … $$`, `\[ … \]`, and `equation`, `align`, `aligned`,
// `split`, `gather` (starred or not) — and `&`, rows, `\tag`, `\label`, `\nonumber` are layout (a `\label` names the equation). A test author takes a
// seed solution as handed in and rewrites every one-line `$$ … $$` display in each of these forms, as another student
// would: every equation must get the same verdict, the same label and the same message.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution';

const SEEDS = ['000-gru-long-term-dependencies.md', '001-rnn-three-steps.md', '004-binary-addition-and-lstm.md'];
const read = (name: string) => readFileSync(join(__dirname, '..', '..', 'examples', 'solutions', name), 'utf8');

/** `&=` at the first `=`, as an align is written */
const amp = (m: string) => m.replace(/^(.*?)=/, '$1&=');

const WRAPS: Record<string, (m: string) => string> = {
  'brackets \\[ \\]': (m) => `\\[${m}\\]`,
  equation: (m) => `\\begin{equation}${m}\\end{equation}`,
  'equation*': (m) => `\\begin{equation*}${m}\\end{equation*}`,
  align: (m) => `\\begin{align}${amp(m)}\\end{align}`,
  'align*': (m) => `\\begin{align*}${amp(m)}\\end{align*}`,
  gather: (m) => `\\begin{gather}${m}\\end{gather}`,
  'aligned in $$': (m) => `$$\\begin{aligned}${amp(m)}\\end{aligned}$$`,
  'gathered in $$': (m) => `$$\\begin{gathered}${m}\\end{gathered}$$`,
  'split in equation': (m) => `\\begin{equation}\\begin{split}${amp(m)}\\end{split}\\end{equation}`,
  'a \\label and \\nonumber': (m) => `$$\\label{eq:x}${m}\\nonumber$$`,
};

const verdicts = (text: string) =>
  analyzeSolution(text, 'markdown', { sidecar: null }).equations.map((e) => ({
    line: e.range.line,
    tag: e.tag,
    status: e.status,
    message: e.message,
  }));

describe.each(SEEDS)('%s with its displays rewritten', (seed) => {
  const text = read(seed);
  const base = verdicts(text);

  it.each(Object.keys(WRAPS))('as %s: the same verdicts, labels and messages', (form) => {
    const wrap = WRAPS[form]!;
    const variant = text.replace(/^\$\$(.+?)\$\$/gm, (_, m: string) => wrap(m));
    expect(variant).not.toBe(text);
    // a \label names the equation where nothing printed does (session 43): the same verdicts and messages, and the
    // label eq:x where the seed's equation had none (a \tag or trailing (n) is kept)
    const labelled = form.includes('label') ? base.map((v) => ({ ...v, tag: v.tag ?? 'eq:x' })) : base;
    expect(verdicts(variant)).toEqual(labelled);
  });
});
