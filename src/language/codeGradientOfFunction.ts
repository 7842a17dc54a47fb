// deeplearning.ai's rnn_cell_backward names the gradient at the tanh's argument after the function: dtanh = (1 −
// a_next²) * da_next, and students paste it as d\tanh = … and ∂J/∂W_ax = d\tanh \cdot x^{⟨t⟩T}. Read as written it is
// the function tanh with no argument, which the parser could only call "expected the argument of \tanh". The message
// says what the name stands for and what to write: the network names no value dtanh.

const SHOWN: Readonly<Record<string, { fn: string; slope: string }>> = {
  tanh: { fn: 'tanh', slope: '(1 − a_t^2)' },
  sigma: { fn: 'σ', slope: 'a_t ⊙ (1 − a_t)' },
  relu: { fn: 'relu', slope: '1_{z_t > 0}' },
};

/** the message for `d\tanh`, `d\sigma` written as a name: `written` as written, `fn` the function's token text */
export function codeGradientOfFunction(written: string, fn: string): string {
  const f = SHOWN[fn] ?? SHOWN.tanh!;
  return `${written} (as code names the gradient at the ${f.fn}'s argument) names no value of the network: name that argument in the network (z_t = …, a_t = ${f.fn}(z_t)) and write ∂L/∂z_t, or write it out by the chain rule, ∂L/∂a_t ⊙ ${f.slope}`;
}
