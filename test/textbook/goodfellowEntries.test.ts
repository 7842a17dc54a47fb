// Goodfellow et al. §10.2.2, eqs. 10.25 and 10.27: the middle forms Σ_t Σ_i (∂L/∂h_i^{(t)}) ∇_{W^{(t)}} h_i^{(t)},
// the gradient of one entry of h^{(t)} by the step's copy W^{(t)}. Before, "W with a step … is read only in the
// derivative of a quantity at the same step" refused them (an entry h_i^{(t)} is not a quantity); now the
// entry's gradient is its row of the one-step ∂h^{(t)}/∂W^{(t)}, and both forms hold against autodiff.
import { describe, expect, it } from 'vitest';
import { GOODFELLOW, expectClean, expectTag, links, withChecks } from './vanilla';

const B = (x: string) => String.raw`\boldsymbol{${x}}`;
const grad = (node: string) => String.raw`\nabla_{${node}} L`;
const diag = String.raw`\text{diag}\left(1 - \left(${B('h')}^{(t)}\right)^2\right)`;
const middle = (p: string) => String.raw`\sum_t \sum_i \left(\frac{\partial L}{\partial h_i^{(t)}}\right) \nabla_{${B(p)}^{(t)}} h_i^{(t)}`;

describe('Goodfellow eqs. 10.25 and 10.27 as printed, with their middle forms', () => {
  const report = withChecks(
    GOODFELLOW,
    String.raw`${grad(B('W'))} = ${middle('W')} = \sum_t ${diag} (${grad(B('h') + '^{(t)}')}) ${B('h')}^{(t-1)\top} \tag{10.25}`,
    String.raw`${grad(B('U'))} = ${middle('U')} = \sum_t ${diag} (${grad(B('h') + '^{(t)}')}) ${B('x')}^{(t)\top} \tag{10.27}`,
    // eq. 10.23's b, written the same way: an entry's gradient by a vector is its row of the Jacobian
    String.raw`${grad(B('b'))} = ${middle('b')} \tag{b}`,
  );

  it('every line reads', () => expectClean(report));

  it.each(['10.25', '10.27', 'b'])("eq. %s holds, every link, at the file's values and every draw", (tag) => {
    expectTag(report, tag, 'holds', /random draws/);
  });

  it('∇_{W^{(t)}} h_i^{(t)} is the one-step derivative: (1 − (h_i^{(t)})²) e_i h^{(t−1)ᵀ}, for every step and entry', () => {
    const r = withChecks(
      GOODFELLOW,
      String.raw`\nabla_{${B('W')}^{(t)}} h_i^{(t)} = (1 - (h_i^{(t)})^2) onehot(i, 3) ${B('h')}^{(t-1)\top} \tag{slice}`,
      String.raw`\nabla_{${B('b')}^{(t)}} h_i^{(t)} = (1 - (h_i^{(t)})^2) onehot(i, 3) \tag{row}`,
    );
    expectClean(r);
    expectTag(r, 'slice', 'holds', /^holds for t = 1\.\.3 /);
    expectTag(r, 'row', 'holds', /^holds for t = 1\.\.3 /);
  });

  it('a scalar parameter: the entry of the one-step ∂h^{(t)}/∂s^{(t)}', () => {
    const r = withChecks(
      String.raw`T = 3
input  x : 2 = [[0.7, -0.4], [0.1, 0.9], [-0.8, 0.3]]
param  s = 0.6
param  U : 2x2 = [[0.31, -0.52], [0.47, 0.12]]
h_0 = [0.1, -0.2]
h^{(t)} = tanh(s h^{(t-1)} + U x^{(t)})
loss L = \sum_t sum(h^{(t)})
`,
      String.raw`\frac{\partial L}{\partial s} = \sum_t \sum_i \frac{\partial L}{\partial h_i^{(t)}} \frac{\partial h_i^{(t)}}{\partial s^{(t)}} \tag{s}`,
      String.raw`\frac{\partial h_i^{(t)}}{\partial s^{(t)}} = (1 - (h_i^{(t)})^2) h_i^{(t-1)} \tag{one}`,
    );
    expectClean(r);
    expectTag(r, 's', 'holds');
    expectTag(r, 'one', 'holds');
  });

  // probe 35: it was refused; the copy at step t reaches no entry of h^{(t-1)}, so the sum is 0 and the check fails
  it('a copy at another step is that step’s copy: of an earlier entry, 0, and the check fails', () => {
    const off = withChecks(
      GOODFELLOW,
      String.raw`${grad(B('W'))} = \sum_t \sum_i \frac{\partial L}{\partial h_i^{(t)}} \nabla_{${B('W')}^{(t)}} h_i^{(t-1)}`,
    );
    expect(off.checks.map((c) => c.status)).toEqual(['fails']);
  });
});

// The typical mistake: the total ∇_W h_i^{(t)} for the per-step copy ∇_{W^{(t)}} h_i^{(t)}. As total derivatives the
// sum counts every earlier step's W again; LANGUAGE.md §5 re-reads ∂X/∂Y of a per-step X by a parameter as
// one-step, and h_i^{(t)} is an entry of the per-step h^{(t)}: its one-step derivative is the copy's, so the
// verdict is holds-as-one-step, naming the derivative re-read and what its total adds (the culprit).
describe('Goodfellow eqs. 10.25 and 10.27 with the total ∇_W h_i^{(t)}: holds as a one-step derivative', () => {
  const total = (p: string, tag: string) =>
    String.raw`${grad(B(p))} = \sum_t \sum_i \frac{\partial L}{\partial h_i^{(t)}} \nabla_{${B(p)}} h_i^{(t)} \tag{${tag}}`;
  const report = withChecks(
    GOODFELLOW,
    total('W', 'W'),
    total('U', 'U'),
    total('b', 'b'),
    String.raw`${grad(B('W'))} = \sum_t \sum_i \frac{\partial L}{\partial h_i^{(t)}} \frac{\partial h_i^{(t)}}{\partial W} \tag{frac}`,
  );

  it('every line reads', () => expectClean(report));

  it.each(['W', 'U', 'b', 'frac'])('(%s) holds as a one-step derivative, naming ∂(h_t[i])/∂… and what the total adds at step 2', (tag) => {
    const p = tag === 'frac' ? 'W' : tag;
    const [l] = links(report, tag);
    expect(l!.status).toBe('holds-as-one-step');
    expect(l!.message).toContain(`with ∂(h_t[i])/∂${p} read as one-step derivative`);
    expect(l!.message).toMatch(/at the file's values and 4 random draws/);
    expect(l!.message).toMatch(/As total derivatives it fails: .*the total derivative also counts the paths through other steps/);
    // step 1 adds nothing (h_0 is given); the first entry at step 2 is what the total counts again
    expect(l!.message).toContain(`(∂(h_2[1])/∂${p} adds `);
  });

  it('the value named as added is the total minus the one-step entry row (the copy W^{(2)}), as the engine evaluates them', () => {
    const [l] = links(report, 'W');
    const added = /∂\(h_2\[1\]\)\/∂W adds (\[\[.*?\]\])\)/.exec(l!.message)![1]!;
    // the difference checked against 0: itself re-read (0 = 0 holds as one-step), its failure as written
    // prints the total minus the copy's row (to 6 digits)
    const diff = withChecks(
      GOODFELLOW,
      String.raw`\frac{\partial h_1^{(2)}}{\partial W} - \nabla_{${B('W')}^{(2)}} h_1^{(2)} = 0 W \tag{d}`,
    );
    const [d] = links(diff, 'd');
    expect(d!.status).toBe('holds-as-one-step');
    const left = /As total derivatives it fails: the left side is (\[\[.*?\]\])/.exec(d!.message)![1]!;
    const a = (JSON.parse(added) as number[][]).flat();
    const e = (JSON.parse(left) as number[][]).flat();
    expect(a.length).toBe(9);
    a.forEach((x, i) => expect(Math.abs(x - e[i]!)).toBeLessThanOrEqual(1e-3 * Math.max(1e-2, Math.abs(e[i]!))));
  });

  it('a scalar parameter: ∂h_i^{(t)}/∂s is re-read as entry i of the one-step ∂h^{(t)}/∂s', () => {
    const r = withChecks(
      String.raw`T = 3
input  x : 2 = [[0.7, -0.4], [0.1, 0.9], [-0.8, 0.3]]
param  s = 0.6
param  U : 2x2 = [[0.31, -0.52], [0.47, 0.12]]
h_0 = [0.1, -0.2]
h^{(t)} = tanh(s h^{(t-1)} + U x^{(t)})
loss L = \sum_t sum(h^{(t)})
`,
      String.raw`\frac{\partial L}{\partial s} = \sum_t \sum_i \frac{\partial L}{\partial h_i^{(t)}} \frac{\partial h_i^{(t)}}{\partial s} \tag{s}`,
    );
    expectClean(r);
    expectTag(r, 's', 'holds-as-one-step', /with ∂\(h_t\[i\]\)\/∂s read as one-step derivative/, /∂\(h_2\[1\]\)\/∂s adds /);
  });

  it('with the local loss L^{(t)} the total derivatives are right, and the check holds as written', () => {
    const r = withChecks(
      GOODFELLOW,
      String.raw`${grad(B('W'))} = \sum_t \sum_i \frac{\partial L^{(t)}}{\partial h_i^{(t)}} \nabla_{${B('W')}} h_i^{(t)} \tag{local}`,
    );
    expectTag(r, 'local', 'holds', /random draws/);
  });

  it('a mistake the one-step reading does not mend still fails (a^{(t)} for h^{(t)}: the tanh′ left out)', () => {
    const r = withChecks(
      GOODFELLOW,
      String.raw`${grad(B('W'))} = \sum_t \sum_i \frac{\partial L}{\partial h_i^{(t)}} \nabla_{${B('W')}} a_i^{(t)} \tag{a}`,
      String.raw`${grad(B('W'))} = \sum_{t=2}^{T} \sum_i \frac{\partial L}{\partial h_i^{(t)}} \nabla_{${B('W')}} h_i^{(t)} \tag{from2}`,
    );
    expectTag(r, 'a', 'fails', /^fails: the left side is/);
    expectTag(r, 'from2', 'fails', /^fails: the left side is/);
  });
});
