// Draws keep the kind of each target (LANGUAGE.md §5, issue 9 item 4).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { drawDecl, targetKind } from '../../src/engine/random';
import type { Decl } from '../../src/language/model';

const decl = (shape: number[], values: number[][]): Decl => ({
  name: 'y',
  kind: 'target',
  perStep: true,
  shape,
  values: values.map((v) => Float64Array.from(v)),
  line: 1,
  range: { line: 1, column: 1, endLine: 1, endColumn: 2 },
  nameRange: { line: 1, column: 1, endLine: 1, endColumn: 2 },
});

describe('target kinds', () => {
  it('are recognised from the given values', () => {
    expect(
      targetKind(
        [
          [0, 1, 0],
          [1, 0, 0],
        ].map((v) => Float64Array.from(v)),
      ),
    ).toEqual({ k: 'onehot' });
    expect(
      targetKind(
        [
          [0.2, 0.3, 0.5],
          [0.1, 0.1, 0.8],
        ].map((v) => Float64Array.from(v)),
      ),
    ).toEqual({ k: 'probability' });
    expect(targetKind([[1], [0], [1]].map((v) => Float64Array.from(v)))).toEqual({ k: 'binary' });
    expect(targetKind([[3], [1], [2]].map((v) => Float64Array.from(v)))).toEqual({ k: 'integer', lo: 1, hi: 3 });
    expect(targetKind([[0.25], [0.5]].map((v) => Float64Array.from(v)))).toBeNull();
  });
  it('are kept by every draw, with the place of the one varying', () => {
    const places = new Set<number>();
    for (let seed = 1; seed <= 12; seed++) {
      const oh = drawDecl(
        decl(
          [4],
          [
            [0, 1, 0, 0],
            [0, 0, 0, 1],
          ],
        ),
        2,
        seed,
      );
      for (const v of oh) {
        expect(v.reduce((a, b) => a + b, 0)).toBe(1);
        expect(v.every((x) => x === 0 || x === 1)).toBe(true);
        places.add(v.indexOf(1));
      }
      for (const v of drawDecl(
        decl(
          [3],
          [
            [0.2, 0.3, 0.5],
            [0.1, 0.1, 0.8],
          ],
        ),
        2,
        seed,
      )) {
        expect(Math.abs(v.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-12);
        expect(v.every((x) => x > 0)).toBe(true);
      }
      for (const v of drawDecl(decl([], [[1], [0], [1]]), 3, seed)) expect([0, 1]).toContain(v[0]);
      for (const v of drawDecl(decl([], [[3], [1], [2]]), 3, seed)) expect([1, 2, 3]).toContain(v[0]);
    }
    expect(places.size).toBeGreaterThan(1);
  });
});

describe('∂L/∂p_T = softmax(p_T) − y_T holds for cross-entropy with one-hot targets', () => {
  it("at the file's values and every draw", () => {
    const r = analyze(`T = 2
input x : 2 = [[0.5, -1], [0.25, 0.75]]
target y : 3 = [[0, 1, 0], [1, 0, 0]]
param W : 3x2 = [[0.1, 0.2], [-0.3, 0.4], [0.5, -0.6]]
p_t = W x_t
L_t = -sum(y_t ⊙ log(softmax(p_t)))
loss L = Σ_t L_t
check ∂L/∂p_2 = softmax(p_2) - y_2
`);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.checks[0]!.status).toBe('holds');
  });
});
