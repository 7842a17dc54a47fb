// Sutskever's BPTT writes do_t ← g'(o_t) · dz_t for a general output function g; with g the softmax (named g = softmax
// in the network, or written softmax') the parser could only say "expected the argument of g, found '''". The softmax
// has no slope taken entry by entry: its derivative is a Jacobian. The message says so, and what to write instead.

/** the message for `softmax'(…)` (or an alias of the softmax, `g'(…)`), `written` the function as written */
export function softmaxPrime(written: string): string {
  return (
    `${written}' is no function: the softmax's derivative is a Jacobian, diag(s) − s sᵀ with s = softmax(o), not a slope ` +
    `taken entry by entry. Write that matrix times the gradient, or, with the cross-entropy loss, ∂L/∂o_t = ŷ_t − y_t`
  );
}
