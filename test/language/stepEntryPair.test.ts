// d_{1j}, h_{tj}: a vector sequence's step and an entry index run together, as w_{ij} is a matrix's entry (read31;
// seed 003's targets d_1 written entry by entry). It was "a time index is t, t±k, a step number, …".
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = `T = 2
param W : 2x2 = [[0.5, 0.1], [-0.3, 0.8]]
input x : 2 = [[1, 0], [0.5, 2]]
h_0 = [0, 0]
h_t = tanh(W h_{t-1} + x_t)
loss L = sum(h_T)
`;

describe('a step and an entry run together in the subscript of a vector sequence', () => {
  it.each([
    ['h_{2j} = h_{2,j}', 'holds'],
    ['h_{tj} = h_{t,j}', 'holds'],
    ['h_{Tj} = h_{2,j}', 'holds'],
    ['h_{1j} = h_{2,j}', 'fails'],
  ])('%s %s, said how it was read', (check, status) => {
    const r = analyze(`${NET}check ${check}`);
    expect(r.checks[0]!.status).toBe(status);
    expect(r.diagnostics.find((d) => d.severity === 'information')?.message).toMatch(
      /^h_\{[12tT]j\} is read as entry j of h at step [12tT]: /,
    );
  });
});
