// A descent step typed as C or R types it (session 36, read35's leftover): `w \mathrel{-}= η ∂L/∂w` was "expected a
// value, found '='" (a solution unwraps \mathrel, so its lexer sees `- =`) or "unknown LaTeX command \mathrel" (a .rnn
// line), and ASCII `w <- w − η ∂L/∂w` was `<` then `−`: "an inequality (<)". Each now says what ← says.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { lex } from '../../src/language/lexer';
import { analyzeSolution } from '../../src/solution/index';

const NET = `T = 2
input x = [1, 2]
param w = 0.5
h_0 = 0
h_t = tanh(w h_{t-1} + x_t)
loss L = Σ_t h_t
`;

const update = (a: string) => `an update (${a}: w ← w − η ∂L/∂w) assigns a new value, as a descent step does: no equation of the network`;

const solve = (...eqs: string[]) =>
  analyzeSolution(`# Step\n\n\`\`\`rnn\n${NET}\`\`\`\n\n${eqs.map((e) => `$$${e}$$\n`).join('\n')}`, 'markdown').equations.map(
    (e) => e.message,
  );
const errors = (line: string) =>
  analyze(`${NET}check ${line}\n`)
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => d.message);

describe('a descent step written -= or <-', () => {
  it('+= written spaced (a solution unwraps \\mathrel{+}= to + =) is the accumulation, as += is', () => {
    expect(solve(String.raw`dW \mathrel{+}= 0.1`)).toEqual([expect.stringMatching(/^not checked: '\+=' \(code's accumulation/)]);
  });

  it('in a solution', () => {
    expect(
      solve(
        String.raw`w \mathrel{-}= \eta \frac{\partial L}{\partial w}`,
        String.raw`w -= 0.1 \frac{\partial L}{\partial w}`,
        String.raw`w <- w - \eta \frac{\partial L}{\partial w}`,
        String.raw`w <- w - \eta \frac{\partial L}{\partial w} = 0.5 - 0.1 \times 0.3 = 0.47`,
      ),
    ).toEqual([update('-='), update('-='), update('<-'), update('<-')].map((m) => `not checked: ${m}`));
  });

  it('in a .rnn check line', () => {
    expect(errors(String.raw`w \mathrel{-}= \eta \frac{\partial L}{\partial w}`)).toEqual([update('\\mathrel{-}=')]);
    // += is code's accumulation over the steps (min-char-rnn's dWxh += …), as the parser says of it
    expect(errors(String.raw`w \mathrel{+}= 0.1`)).toEqual([expect.stringMatching(/^'\+=' \(code's accumulation over the steps/)]);
    expect(errors('w -= 0.1 dL/dw')).toEqual([update('-=')]);
    expect(errors('w <- w - 0.1 dL/dw')).toEqual([update('<-')]);
  });

  it('\\mathrel{:}= is :=, the equals sign', () => {
    const a = analyze(`${NET}check h_1 \\mathrel{:}= tanh(w h_0 + x_1)\n`);
    expect(a.checks[0]!.status).toBe('holds');
  });

  it('< before a negative number stays a relation, and == stays an equals sign', () => {
    const ops = (s: string) =>
      lex(s)
        .tokens.map((t) => t.text)
        .slice(0, 4);
    expect(ops('t <-1')).toEqual(['t', '<', '-', '1']);
    expect(ops('t < -1')).toEqual(['t', '<', '-', '1']);
    expect(lex('a -== b').errors).toEqual([]);
  });
});
