// The Hadamard power h_t^{\circ 2} (the entries squared; some texts write 1 − h_t^{∘2} for tanh'), was "not checked:
// expected a value, found '\circ'". It reads as the product entry by entry, h_t ⊙ h_t — also on a matrix, where ^
// is the matrix power and W^{\circ 2} must stay apart from W^2.
import { describe, expect, it } from 'vitest';
import { solutionVerdicts } from './vec23-network';

const verdicts = solutionVerdicts('tanh');

describe('the Hadamard power X^{\\circ k}', () => {
  it('reads as entries raised to k: right forms hold, a wrong power fails', () => {
    const v = verdicts(
      '\\frac{\\partial \\mathbf{h}_t}{\\partial \\mathbf{h}_{t-1}} = \\operatorname{diag}(1 - \\mathbf{h}_t^{\\circ 2}) \\mathbf{W}_{hh}',
      '\\frac{\\partial \\mathbf{h}_t}{\\partial \\mathbf{h}_{t-1}} = \\operatorname{diag}(1 - \\mathbf{h}_t^{\\odot 2}) \\mathbf{W}_{hh}',
      'W_{hh}^{\\circ 2} = W_{hh} \\odot W_{hh}',
      'W_{hh}^{\\circ 2} = W_{hh} W_{hh}',
      '\\frac{\\partial \\mathbf{h}_t}{\\partial \\mathbf{h}_{t-1}} = \\operatorname{diag}(1 - \\mathbf{h}_t^{\\circ 3}) \\mathbf{W}_{hh}',
    );
    expect(v.map((x) => x.status)).toEqual(['holds', 'holds', 'holds', 'fails', 'fails']);
  });

  it('a power that is not a whole number is skipped, saying how it is written', () => {
    const [v] = verdicts('W_{hh}^{\\circ k} = W_{hh} \\odot W_{hh}');
    expect(v!.status).toBe('skipped');
    expect(v!.message).toContain('a Hadamard power is written with a whole number, X^{\\circ 2}');
  });
});
