// An exam's hand computation on a T = 2 scalar network (session 34): the answer after a chain of ≈ is judged, and a
// reason after it (`\text{(since } h_0 = 0\text{)}`, `(\text{since …})`, `\quad \text{since } …`) does not hide it.
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution/index';

const NET = String.raw`~~~rnn
T = 2
input x = [1, 2]
target y = [0.5, 1]
param w = 0.5
param u = 0.2
h_0 = 0
h_t = tanh(w h_{t-1} + u x_t)
L = \frac{1}{2} Σ_t (h_t - y_t)^2
~~~
`.replace(/~~~/g, '```');

const solve = (...eqs: string[]) => analyzeSolution(`# Exam\n\n${NET}\n${eqs.map((e) => `$$${e}$$\n`).join('\n')}`, 'markdown');
const links = (...eqs: string[]) => solve(...eqs).equations.map((e) => e.checks.map((c) => [c.equation, c.status]));

// ∂L/∂w = (h_2 − y_2)(1 − h_2²) h_1 = −0.0837548 (h_0 = 0 leaves the step-1 term out)
const GRAD = String.raw`\frac{\partial L}{\partial w} = \sum_t \frac{\partial L}{\partial h_t}(1 - h_t^2) h_{t-1}`;

describe('an exam answer after a chain of ≈', () => {
  it('the value after the last ≈ is judged; the expression between is not', () => {
    const sol = solve(`${GRAD} \\approx -0.5389 \\cdot 0.7874 \\cdot 0.1974 \\approx -0.0938`);
    const checks = sol.equations[0]!.checks;
    expect(checks.map((c) => c.status)).toEqual(['holds', 'fails']);
    expect(checks[1]!.message).toMatch(/rounds to -0.0838, not -0.0938 as written/);
    expect(sol.diagnostics.filter((d) => /the part after/.test(d.message)).length).toBe(1);
  });

  it('the right answer after the chain holds', () => {
    expect(links(`${GRAD} \\approx (-0.5389)(0.7874)(0.1974) \\approx -0.0838`)[0]!.map((l) => l[1])).toEqual(['holds', 'holds']);
  });

  it('A ≈ expression ≈ value after an implication: the value is judged', () => {
    const [eq] = links(
      String.raw`${GRAD} \implies \frac{\partial L}{\partial w} \approx -0.5389 \cdot 0.7874 \cdot 0.1974 \approx -0.0938`,
    );
    expect(eq!.map((l) => l[1])).toEqual(['holds', 'fails']);
    expect(eq![1]![0]).toBe(String.raw`\frac{\partial L}{\partial w} ≈ -0.0938`);
  });

  it('a statement after ≈ expression and an implication is a claim of its own', () => {
    const [eq] = links(String.raw`${GRAD} \approx -0.5389 \cdot 0.7874 \cdot 0.1974 \implies \frac{\partial L}{\partial w} = 1`);
    expect(eq!.map((l) => l[1])).toEqual(['holds', 'fails']);
  });
});

describe('a rounded answer with its reason after it', () => {
  for (const reason of [
    String.raw`\quad \text{(since } h_0 = 0\text{)}`,
    String.raw`\quad (\text{since } h_0 = 0)`,
    String.raw`\quad \text{since } h_0 = 0`,
    String.raw`\quad \text{(as } h_0 = 0\text{)}`,
    String.raw`\implies \text{the step-1 term is } 0`,
  ])
    it(reason, () => {
      const sol = solve(String.raw`\frac{\partial L}{\partial w} \approx -0.0938 ${reason}`);
      const c = sol.equations[0]!.checks[0]!;
      expect(c.status).toBe('fails');
      expect(c.message).toMatch(/rounds to -0.0838, not -0.0938/);
    });
});

describe('a side computed from numbers rounded by hand', () => {
  const H2 = String.raw`h_2 = \tanh(w h_1 + u x_2) = `;
  it('w h_1 written 0.0987 (it is 0.098687): the rounding is named, not a term', () => {
    const c = solve(`${H2}\\tanh(0.0987 + 0.4)`).equations[0]!.checks[1]!;
    expect(c.status).toBe('fails');
    expect(c.message).toMatch(
      /The right side is computed from rounded numbers, 0.0987 \(4 decimals\): the sides differ by 9.72e-6, within what that rounding moves the right side \(±3.9e-5\)\. An equation with rounded numbers holds only to their digits: write ≈ for its = \(… ≈ tanh\(0.0987 \+ 0.4\)\)/,
    );
  });

  it('a wrong number is no rounding', () => {
    const c = solve(`${H2}\\tanh(0.0987 + 0.5)`).equations[0]!.checks[1]!;
    expect(c.status).toBe('fails');
    expect(c.message).not.toMatch(/rounded numbers/);
  });

  it('a wrong number is named with the value of the term it stands for (session 35)', () => {
    const c = solve(`${H2}\\tanh(0.0987 + 0.5)`).equations[0]!.checks[1]!;
    expect(c.message).toMatch(
      /By h_2's definition \(h_2 = tanh\(w h_1 \+ u x_2\)\): 0.5 is not u x_2 = 0.4: with 0.4 in its place \(and w h_1 = 0.0986877 for its rounding 0.0987\) the check holds$/,
    );
    // in another order, and a factor's number: x_2 substituted as 3
    expect(solve(`${H2}\\tanh(0.5 + 0.0987)`).equations[0]!.checks[1]!.message).toMatch(/0.5 is not u x_2 = 0.4: with 0.4 in its place/);
    expect(solve(`${H2}\\tanh(0.5 \\cdot 0.1974 + 0.2 \\cdot 3)`).equations[0]!.checks[1]!.message).toMatch(
      /3 is not x_2 = 2: with 2 in its place \(and h_1 = 0.197375 for its rounding 0.1974\) the check holds$/,
    );
  });

  it('a wrong number against a formula of names, and two wrong numbers', () => {
    expect(solve('h_2 - y_2 = 0.4611 - 0.5').equations[0]!.checks[0]!.message).toMatch(/0.5 is not y_2 = 1: with 1 in its place/);
    expect(solve(`${H2}\\tanh(0.2 + 0.5)`).equations[0]!.checks[1]!.message).toMatch(
      /0.2 is not w h_1 = 0.0986877; 0.5 is not u x_2 = 0.4: with those put right the check holds$/,
    );
  });

  it("a chain's numbers are laid over the side before them", () => {
    const D = String.raw`\frac{\partial L}{\partial w} = (h_2 - y_2)(1 - h_2^2) h_1 = `;
    expect(solve(`${D}(0.4611 - 0.5)(1 - 0.4611^2)(0.1974)`).equations[0]!.checks[1]!.message).toMatch(
      /In \(h_2 − y_2\) \(1 − h_2\^2\) h_1, 0.5 is not y_2 = 1: with 1 in its place \(and h_1 = 0.197375 for its rounding 0.1974, h_2 = 0.461084 for its rounding 0.4611\) the check holds$/,
    );
    // the square left out: the number is named as the part it is
    expect(solve(`${D}(0.4611 - 1)(1 - 0.4611)(0.1974)`).equations[0]!.checks[1]!.message).toMatch(
      /0.4611 is h_2, not h_2\^2 = 0.212599: with 0.212599 in its place/,
    );
  });

  it('numbers after numbers are laid over the last side of names; a number with its own minus is named with it', () => {
    const D = String.raw`\frac{\partial L}{\partial w} = (h_2 - y_2)(1 - h_2^2) h_1 = (0.4611 - 1)(1 - 0.4611^2)(0.1974) = `;
    expect(solve(`${D}(-0.6389)(0.7874)(0.1974)`).equations[0]!.checks[2]!.message).toMatch(
      /In \(h_2 − y_2\) \(1 − h_2\^2\) h_1, -0.6389 is not h_2 − y_2 = -0.538916: with -0.538916 in its place \(and 1 − h_2\^2 = 0.787401 for its rounding 0.7874, h_1 = 0.197375 for its rounding 0.1974\) the check holds$/,
    );
  });

  it('σ written out, 1/(1 + e^{−z}): its exponent is laid over −z', () => {
    const net = NET.replace('L = ', 'o_t = σ(w h_t)\nL = ');
    const sol = analyzeSolution(`# Exam\n\n${net}\n$$o_2 = \\sigma(w h_2) = \\frac{1}{1 + e^{-0.5 \\times 0.5611}}$$\n`, 'markdown');
    expect(sol.equations[0]!.checks[1]!.message).toMatch(
      /By o_2's definition \(o_2 = σ\(w h_2\)\): 0.5611 is not h_2 = 0.461084: with 0.461084 in its place the check holds$/,
    );
  });

  it('a number cut, not rounded, is said so', () => {
    expect(solve(`${H2}\\tanh(0.0986 + 0.4)`).equations[0]!.checks[1]!.message).toMatch(
      /0.0986 is w h_1 = 0.0986877 cut to 4 decimals \(rounded, 0.0987\): with the exact value the check holds/,
    );
  });

  it('a number under the wrong sign is said so', () => {
    const c = solve(`${H2}\\tanh(-0.0987 + 0.5)`).equations[0]!.checks[1]!;
    expect(c.message).toMatch(
      /-0.0987 has the wrong sign \(w h_1 = 0.0986877\); 0.5 is not u x_2 = 0.4: with those put right the check holds$/,
    );
  });

  it('numbers that do not lie over the formula name nothing', () => {
    // three numbers for the two terms of w h_1 + u x_2: no number is laid over a term, none is named
    const c = solve(`${H2}\\tanh(0.0987 + 0.3 + 0.1)`).equations[0]!.checks[1]!;
    expect(c.status).toBe('fails');
    expect(c.message).not.toMatch(/ is not /);
  });

  it('a rounded number too far off (0.0992) is no rounding either', () => {
    const c = solve(`${H2}\\tanh(0.0992 + 0.4)`).equations[0]!.checks[1]!;
    expect(c.message).not.toMatch(/rounded numbers/);
  });
});

describe('a value written with = and a remark that it is rounded', () => {
  for (const remark of [
    String.raw`\text{ (4 d.p.)}`,
    String.raw`\quad (\text{4 d.p.})`,
    String.raw`\text{ (to 3 s.f.)}`,
    String.raw`\quad \text{(3 sig. fig.)}`,
    String.raw`\text{ to 4 decimal places}`,
  ])
    it(remark, () => {
      const [right, wrong] = solve(
        String.raw`\frac{\partial L}{\partial w} = -0.0838 ${remark}`,
        String.raw`${GRAD} = -0.0938 ${remark}`,
      ).equations.map((e) => e.checks[e.checks.length - 1]!);
      expect(right!.status).toBe('holds');
      expect(right!.message).toMatch(/holds to the digits written/);
      expect(wrong!.status).toBe('fails');
      expect(wrong!.message).toMatch(/rounds to -0.0838, not -0.0938 as written/);
    });

  it('without the remark, = is exact', () => {
    const c = solve(String.raw`\frac{\partial L}{\partial w} = -0.0838`).equations[0]!.checks[0]!;
    expect(c.status).toBe('fails');
    expect(c.message).toMatch(/-0.0838 is the left side rounded to 4 decimals/);
  });
});

describe('a descent step after the gradient', () => {
  it('w ← w − η ∂L/∂w is said to be an update, not an unknown command', () => {
    const sol = solve(String.raw`w \leftarrow w - \eta \frac{\partial L}{\partial w} = 0.5 - 0.1 \times (-0.0838) = 0.50838`);
    expect(sol.equations[0]!.status).toBe('skipped');
    expect(sol.equations[0]!.message).toBe(
      String.raw`not checked: an update (\leftarrow: w ← w − η ∂L/∂w) assigns a new value, as a descent step does: no equation of the network`,
    );
  });

  it('with := and a learning rate η, as Δw or as w_new, the message says what η and Δ are taken for (session 35)', () => {
    const sol = solve(
      String.raw`w := w - \eta \frac{\partial L}{\partial w}`,
      String.raw`\Delta w = -\eta \frac{\partial L}{\partial w}`,
      String.raw`w_{\text{new}} = w - 0.1 \frac{\partial L}{\partial w}`,
    );
    expect(sol.equations.map((e) => e.message)).toEqual([
      'not checked: unknown name η: if η is a learning rate, w − η ∂L/∂w is a descent step, which gives w a new value: no equation of the network (to check its number, name η in the network, η = 0.1)',
      'not checked: unknown name Δ: if Δw is a change of w (a descent step, −η ∂L/∂w), it is no value of the network: no equation to check',
      'not checked: unknown name w_new: if it is w before or after a descent step (w − η ∂L/∂w), it is no value of the network, which has one w: no equation to check',
    ]);
  });

  it('typed with a Unicode arrow, or with no = after it, it is an update too (session 35)', () => {
    const sol = solve(
      String.raw`w ← w - η \frac{\partial L}{\partial w} = 0.5 - 0.1 \times (-0.0838) = 0.50838`,
      String.raw`w ⟵ w - η \frac{\partial L}{\partial w}`,
      String.raw`w \leftarrow w - \eta \frac{\partial L}{\partial w}`,
    );
    expect(sol.equations.map((e) => e.message)).toEqual(
      ['←', '⟵', '\\leftarrow'].map(
        (a) => `not checked: an update (${a}: w ← w − η ∂L/∂w) assigns a new value, as a descent step does: no equation of the network`,
      ),
    );
  });
});
