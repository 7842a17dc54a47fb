// Probe 27 (session 43): Jaeger's 2002 tutorial, BPTT with δ as the negative gradient and errors propagated with
// f'(net), pasted as a student writes it (f named once in the network, as the message for an unnamed f' asks).
// Two findings, fixed:
// - the recursion run forward, δ(t−1) for δ(t+1) (J4), failed with its values only: derivStepHint tried a
//   derivative's step one off, not two; it now tries the variable's step t ∓ 1 → t ± 1 last (check/textbook.ts);
// - a unit's error defined per unit, δ_j(t) = −∂E/∂net_j(t), defined the name δ_j: the recursion's δ_k(t+1) and the
//   weight gradient's δ_i(t) were "unknown name δ_k: a δ with a unit's index … is not read as a derivative". The
//   definition now defines δ for every unit (resolve/derived.ts unitDefinition), its entries δ_k(t) with any letter
//   (a name of the network ending so, Graves's ε_c^t = ∂L/∂b_c^t, is kept: test/textbook/gravesLstm.test.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSolution, type EquationResult } from '../../src/solution';

const text = readFileSync(join(__dirname, 'fixtures', 'jaeger2002.md'), 'utf8');
const report = analyzeSolution(text, 'markdown', { sidecar: null });
const eq = (tag: string): EquationResult => report.equations.find((e) => e.tag === tag)!;

describe("Jaeger's BPTT", () => {
  it('the scalar recursion and weight gradient hold', () => {
    for (const tag of ['J1', 'J2', 'J3']) expect(eq(tag).status, tag).toBe('holds');
  });

  it('δ(t−1) for δ(t+1) names the step', () => {
    expect(eq('J4').status).toBe('fails');
    // named by the δ written, −∂E/∂net behind its sign (session 49; it was "∂E/∂net_{t-1} should be ∂E/∂net_{t+1}")
    expect(eq('J4').checks[0]!.message).toMatch(/δ_\{t-1\} should be δ_\{t\+1\}: with that step the check holds/);
  });

  it('the lost sign is named', () => {
    expect(eq('J5').checks[0]!.message).toMatch(/opposite sign/);
  });

  it('δ_j(t) defined per unit: its entries δ_k(t+1), δ_i(t) read', () => {
    for (const tag of ['J6', 'J7', 'J8', 'J9']) expect(eq(tag).status, tag).toBe('holds');
    expect(report.equations.every((e) => !/unknown name δ/.test(e.message + e.checks.map((c) => c.message).join()))).toBe(true);
  });

  it('the weight’s indices swapped are named', () => {
    expect(eq('J10').status).toBe('fails');
    expect(eq('J10').checks[0]!.message).toMatch(/W\[j, k\] should be W\[k, j\]/);
  });

  it('Jaeger’s w_ij is refused with both readings of the letters', () => {
    expect(eq('J11').status).toBe('skipped');
    expect(eq('J11').message).toMatch(
      /as W\[j, i\]; where it is the weight into unit i from unit j \(Jaeger, Williams & Zipser: net_i = Σ_j w_\{ij\} x_j\), W\[i, j\]/,
    );
  });
});
