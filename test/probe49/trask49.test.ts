// Probe 49 (session 58): Trask's Grokking Deep Learning style — the recurrent layer's code lines written as math with
// his names upright (`\text{hidden}_t`, `\text{output\_delta}_t`, `\cdot \text{recurrent}`, `\partial \text{decoder}`),
// row vectors (declared 1×2), deltas defined by formulas. Before: nothing read (17 skipped: "expected a value, found
// '_'", "unknown name output_delta"). It needed a word of code in \text with a script, after ∂ or an operator, or beside
// a dot read as a name (lexer.ts); a name of code at the general step defined by a formula or a derivative (index.ts
// CODE_NAME, analyze.ts, letterOf.ts: hidden_grad's first word `hidden` is the network's, it is no δ_3); a name second
// in a chain labelling the derivative before it (label.ts secondSideLabel: ∂L/∂hidden_t = hidden_delta_t = …); a
// parenthesis opening with an upright name no remark (display.ts); and the code's recursion with no derivative said
// as one. Decided: ∂L/∂(hidden_t · decoder) stays skipped (a derivative by an expression), the update is no claim.
import { describe, expect, it } from 'vitest';
import { read49 } from './read49';

describe('Trask’s deltas written as math', () => {
  const { r, v, e } = read49('trask-grokking.md');
  it('the forward pass, the deltas and the weight deltas hold', () => {
    expect(r.checked).toBe(13);
    expect(r.skipped).toBe(4);
    for (const tag of ['1', '2', '5', '6', '7', '8', '9']) expect(v[tag]!.status, tag).toBe('holds');
    expect(r.diagnostics.some((d) => /hidden_delta names the derivative before it, a name of the solution's own/.test(d.message))).toBe(
      true,
    );
  });
  it('what is no claim says why', () => {
    expect(e['3']!.message).toMatch(/defines output_delta by the formula after it/);
    expect(e['4']!.message).toMatch(/differentiate with respect to a name .* not an expression/);
    expect(e['10']!.message).toMatch(/an update .* assigns a new value/);
    expect(e['11']!.message).toMatch(
      /hidden_grad_t is not a name of the network: the equation defines it by itself at another step \(a recursion\)/,
    );
  });
  it('each mistake is named at its own equation', () => {
    for (let n = 1; n <= 6; n++) expect(v[`m${n}`]!.status, `m${n}`).toBe('fails');
    expect(v['m1']!.message).toMatch(/opposite sign: a sign is wrong/);
    expect(v['m2']!.message).toMatch(/decoder should be decoderᵀ: with that transpose the check holds/);
    expect(v['m3']!.message).toMatch(/leaves out the path through hidden_\{t\+1\}/);
    expect(v['m4']!.message).toMatch(/hidden_\{t-1\} should be hidden_t: with that step the check holds/);
    expect(v['m5']!.message).toMatch(/leaves out its first term t = 1/);
    expect(v['m6']!.message).toMatch(/the factors of an outer product are in the wrong order/);
  });
});
