// tanh's slope written without its square on an entry (check/slope.ts isActivation): Haykin's φ'(v_j(n)) = 1 − y_j(n)
// under y = φ(v), φ = tanh, gave two values and no reason, where the vector φ'(v(n)) = 1 − y(n) was named. Found by
// the examples' mutation harness run over the probes' fixtures (session 54 left it: "a Haykin mutant").
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeSolution } from '../../src/solution';

const fixture = readFileSync(join(__dirname, '../probe36/fixtures/haykin-epochwise.md'), 'utf8');
const seven = (text: string) => analyzeSolution(text, 'markdown', { sidecar: null }).equations.find((q) => q.tag === '7')!;

describe("tanh's slope on an entry", () => {
  it('with its square left out, is named', () => {
    const q = seven(fixture.replace('1 - y_j^2(n) \\tag{7}', '1 - y_j(n) \\tag{7}'));
    expect(q.status).toBe('fails');
    expect(q.checks[0]!.message).toContain("1 − y_n[j] should be 1 − y_n[j]^2 (tanh' is 1 − tanh², the square is missing)");
  });
  it('as Haykin writes it, holds', () => {
    expect(seven(fixture).status).toBe('holds');
  });
});
