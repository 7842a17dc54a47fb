// A name applied to a parenthesised list, as d2l.ai writes f(x_t, h_{t-1}, w_h): the parser reads the list
// in one place (argumentList), whether it closes on its line, spans a line break, or lacks its ')'; the
// resolver alone names the undefined function, and an unclosed list is a missing ')' (not a comma in a product).
import { describe, expect, it } from 'vitest';
import { errors, run, SHEET7 } from './helpers';

const D2L = /^f\(…\): a name applied to arguments, as d2l\.ai writes f\(x_t, h_\{t-1\}, w_h\), is no function the file defines/;
const lineOfLast = (text: string) => text.split('\n').length - 1;

describe("d2l.ai's f(x_t, h_{t-1}, w_h)", () => {
  // arguments no equation of the network takes at one step (x_t with h_t): f is then no function of the file (session 13:
  // f(x_t, h_{t-1}), which h_t's equation takes, reads as h_t — test/probe13/notation13.test.ts)
  it('on one line: the resolver names the function the file does not define', () => {
    const r = run(SHEET7 + 'check f(x_t, h_t) = h_t\n');
    expect(errors(r).map((d) => d.message)).toEqual([expect.stringMatching(D2L)]);
  });

  it('with the list over a line break: the same message, on the line the name stands on', () => {
    const text = SHEET7 + 'check f(x_t,\n  h_t) = h_t\n';
    const r = run(text);
    expect(errors(r).map((d) => [d.line, d.message])).toEqual([[lineOfLast(text) - 1, expect.stringMatching(D2L)]]);
  });

  it("a list whose ')' is missing is that, at the end of its statement, and no d2l message", () => {
    const text = SHEET7 + 'check f(x_t, h_{t-1} = h_t\n';
    const r = run(text);
    const e = errors(r);
    expect(e.map((d) => d.message)).toEqual([expect.stringMatching(/^expected '\)' to close the arguments opened at \d+:8, found /)]);
    expect(e[0]!.line).toBe(lineOfLast(text));
    expect(e[0]!.message).not.toMatch(/d2l/);
  });

  it('the same on a name the file defines, and before the next statement (the list does not swallow it)', () => {
    const text = SHEET7 + 'check h_t(x_t, h_{t-1}\nderive ∂L/∂W_hh\n';
    const r = run(text);
    expect(errors(r).map((d) => [d.line, d.message])).toEqual([
      [lineOfLast(text) - 1, expect.stringMatching(/^expected '\)' to close the arguments opened at /)],
    ]);
    expect(r.derives.map((d) => d.query)).toEqual(['∂L/∂W_hh']);
  });

  // session 16 (text16): d2l.ai prints `l (\mathbf{o}_t, y_t)` with a space, which TeX ignores; a pair in parentheses
  // is no value, so after a name it is its arguments (it was a syntax error at the comma)
  it('a space before ( changes nothing: a comma there makes the arguments', () => {
    const r = run(SHEET7 + 'check h_t (x_t, h_t) = 1\n');
    expect(errors(r)).toEqual([]);
    expect(r.diagnostics.some((d) => /arguments in parentheses/.test(d.message))).toBe(true);
  });
});
