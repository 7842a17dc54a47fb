// A parameter count short of count(params) by one parameter's entries, a kin's (the gates' biases) or two
// parameters': what the side leaves out is named (session 53: such a check failed with its two numbers alone).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { failingMessage } from './toyNets';

// the example's LSTM (3 units, 2 inputs, 1 output: 76 parameters), its own questions left out
const NET = readFileSync(join(__dirname, '../../examples/lstm-parameter-count.rnn'), 'utf8')
  .split('\n')
  .filter((l) => !/^(check|derive)\b/.test(l))
  .join('\n');

describe('a parameter count that leaves parameters out', () => {
  it('names the one parameter left out, on either side', () => {
    expect(failingMessage(NET, 'count(params) = 4(count(W_gx) + count(W_gh) + count(b_g)) + count(W_ph)')).toMatch(
      /The right side leaves out b_p \(1 parameter\): with it the count is the network's 76$/,
    );
    expect(failingMessage(NET, '4(count(W_gx) + count(W_gh) + count(b_g)) + count(W_ph) = count(params)')).toMatch(
      /The left side leaves out b_p \(1 parameter\)/,
    );
    expect(failingMessage(NET, 'count(params) = 4(3·2 + 3·3 + 3) + 1·3')).toMatch(/leaves out b_p \(1 parameter\)/);
  });

  it('a gate’s parameter named counts its kin: the one left out is the output layer’s', () => {
    // b_i, b_f, b_o have 3 entries too, but count(b_g) under the 4 counts them
    expect(failingMessage(NET, 'count(params) = 4(count(W_gx) + count(W_gh) + count(b_g)) + count(b_p)')).toMatch(
      /leaves out W_ph \(3 parameters\): with it/,
    );
  });

  it('names a kin left out whole: the gates’ biases', () => {
    expect(failingMessage(NET, 'count(params) = 4(count(W_gx) + count(W_gh)) + count(W_ph) + count(b_p)')).toMatch(
      /leaves out b_g, b_i, b_f and b_o \(12 parameters\): with them/,
    );
  });

  it('with no name to tell them apart, says how many are left out and who has as many', () => {
    expect(failingMessage(NET, 'count(params) = 4(3·2 + 3·3 + 3) + 1')).toMatch(
      /counts 73 of the network's 76 parameters: 3 are left out, as many as b_g, b_i, b_f, b_o or W_ph has$/,
    );
  });

  it('says nothing of parameters left out where the side counts too many, or is no count of them', () => {
    expect(failingMessage(NET, 'count(params) = 4(3·2 + 3·3 + 3) + 1·3 + 1 + 5')).not.toMatch(/leaves out|are left out/);
    expect(failingMessage(NET, 'count(W_gx) = 5')).not.toMatch(/leaves out|are left out/);
  });
});
