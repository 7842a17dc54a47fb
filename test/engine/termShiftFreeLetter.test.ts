// A recursion run the wrong way over a free step letter other than t: seed 003's layers k, Σ_j ∂E/∂p_j^{(k-1)} …
// for (k+1) everywhere. The term-shift hint moved steps on t only, and one term alone not at all, so such a check
// failed with its values alone (session 53: found by mutating the examples' holding checks).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/index';
import { failingMessage } from './toyNets';

const NET = readFileSync(join(__dirname, '../../examples/mlp-layers-as-steps.rnn'), 'utf8')
  .split('\n')
  .filter((l) => !/^(check|derive)\b/.test(l))
  .join('\n');

describe('a recursion over layers k run the wrong way', () => {
  it('names the term with every step of it moved, where it is defined', () => {
    expect(failingMessage(NET, "∂E/∂p_i^{(k)} = Σ_j ∂E/∂p_j^{(k-1)} · σ'(z_j^{(k-1)}) · w_{i,j}^{(k-1)}")).toMatch(
      /should be Σ_\{j=1\}\^\{3\} \(∂E\/∂p_\{k\+1\}\)\[j\] σ′\(z_\{k\+1\}\[j\]\) w_\{k\+1\}\[i, j\] \(every step of it \+2\): with that the check holds wherever that term is defined$/,
    );
  });

  it('the recursion as the example writes it holds', () => {
    const r = analyze(`${NET}\ncheck ∂E/∂p_i^{(k)} = Σ_j ∂E/∂p_j^{(k+1)} · σ'(z_j^{(k+1)}) · w_{i,j}^{(k+1)}\n`, { graph: false });
    expect(r.checks[0]!.status).toBe('holds');
  });
});
