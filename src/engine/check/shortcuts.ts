// The checks' shortcuts (issue 11): each returns, before a costly part, what that part would have led to —
// the term matcher with more non-zero paths than its terms can cover, the local-factor hint with a term that
// goes through no user, the step-shift hint with nothing to shift, a one-step reading whose message would be
// dropped, the upside-down hint with a derivative whose numerator comes after its denominator on the tape at
// every point. Only tests switch them off, to compare every answer with the full computation's
// (test/engine/checkShortcuts.test.ts).

export const shortcuts = { on: true };
