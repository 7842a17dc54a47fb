// A hint tries an evaluation that may not go through (a step past the end, a sweep past the limit): then
// it has nothing to say, and says nothing — any other error is a bug and is thrown.

import { RunError } from '../run';
import { LimitError } from '../tape';

export const guard = <T>(f: () => T): T | null => {
  try {
    return f();
  } catch (e) {
    if (e instanceof RunError || e instanceof LimitError) return null;
    throw e;
  }
};
