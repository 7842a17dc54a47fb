// A value of the network written entry by entry with a term left out: z_j^{(k)} = Σ_i w_{i,j}^{(k)} p_i^{(k-1)}
// without its bias b_j^{(k)}. The term-left-out hint took only a derivative as the other side, so such a check
// failed with its values alone (session 53, found by mutating the examples' holding checks).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { failingMessage } from './toyNets';

const NET = readFileSync(join(__dirname, '../../examples/mlp-layers-as-steps.rnn'), 'utf8')
  .split('\n')
  .filter((l) => !/^(check|derive)\b/.test(l))
  .join('\n');

describe('an entry of a value written with a term left out', () => {
  it('names the same entry of the value left out', () => {
    expect(failingMessage(NET, 'z_j^{(k)} = Σ_i w_{i,j}^{(k)} p_i^{(k-1)}')).toMatch(
      /The right side leaves out the term b_k\[j\]: with it the check holds$/,
    );
  });

  it('says nothing of a left-out term where no value of the network is the difference', () => {
    expect(failingMessage(NET, 'z_j^{(k)} = Σ_i w_{i,j}^{(k)} p_i^{(k-1)} + 2 b_j^{(k)}')).not.toMatch(/leaves out the term/);
  });
});
