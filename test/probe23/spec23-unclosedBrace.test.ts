// LANGUAGE.md §8: "What does not read is skipped, never an error". A display equation with a brace left open
// (`$$ h_1 = x_1^{ $$`, the last of a solution) reads on to the end of the generated text, where its syntax error was
// said: past the last claim's line, so it was matched to no claim and leaked out as an error — `unroll check` exited
// 1 for a solution whose only problem was an unreadable equation, and the equation was "not checked: the equation
// does not read as a check" instead of the reason.
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution';

const block = [
  '```rnn',
  'T = 2',
  'param w = 0.5',
  'input x = [1, 2]',
  'h_0 = 0',
  'h_t = tanh(w h_{t-1} + x_t)',
  'loss L = Σ_t h_t',
  '```',
  '',
];

describe('an equation with a brace left open is skipped, with its reason, never an error', () => {
  it('as the last equation', () => {
    const r = analyzeSolution([...block, '$$ h_1 = \\tanh(w h_0 + x_1) $$', '', '$$ h_1 = x_1^{ $$', ''].join('\n'), 'markdown', {
      sidecar: null,
    });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.equations.map((e) => [e.status, e.message])).toEqual([
      ['holds', "holds at the file's values and 4 random draws"],
      ['skipped', 'not checked: expected a value, found the end of the line'],
    ]);
  });

  it('before another equation, which is judged', () => {
    const r = analyzeSolution([...block, '$$ h_1 = \\frac{x_1}{2 $$', '', '$$ h_1 = \\tanh(w h_0 + x_1) $$', ''].join('\n'), 'markdown', {
      sidecar: null,
    });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.equations.map((e) => e.status)).toEqual(['skipped', 'holds']);
    expect(r.equations[0]!.message).toMatch(/^not checked: expected '}' to close the '\{' at 10:20, found the end of the line$/);
  });
});

describe('a link that does not read is skipped, never an error, whatever the reason', () => {
  it('an index the language does not read (h_{t-1′}) in a later link: information, and the display says why', () => {
    const r = analyzeSolution(
      [...block, '$$ h_1 = \\tanh(w h_0 + x_1) $$', '', "$$ = \\tanh(w h_{t-1'} + x_1) $$", ''].join('\n'),
      'markdown',
      { sidecar: null },
    );
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.equations.map((e) => [e.status, e.message])).toEqual([
      ['holds', "holds at the file's values and 4 random draws"],
      ['skipped', 'not checked: a time index is t, t±k, a step number, T or T±k, or a Σ/∏ variable'],
    ]);
  });

  it('a step the network does not have still fails, where it is written', () => {
    const r = analyzeSolution([...block, '$$ h_1 = \\tanh(w h_0 + x_1) = \\tanh(w h_{-1} + x_1) $$', ''].join('\n'), 'markdown', {
      sidecar: null,
    });
    expect(r.equations.map((e) => e.status)).toEqual(['fails']);
    // a failing verdict (session 31: the resolver's undefined-step error until then), naming the step that mends it
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.code)).toEqual(['check-fails']);
    expect(errors[0]!.message).toMatch(
      /h_\{-1\} is not defined: step -1 is outside 0\.\.T\+1\. h_\{-1\} should be h_0: with that step the check holds/,
    );
  });
});
