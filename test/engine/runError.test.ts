// A RunError is expected and caught (hints probe shifted steps and draws that fail by design): it keeps its
// message and class but no stack frames, which cost ~7% of analyze() on a file with failing checks.
import { describe, expect, it } from 'vitest';
import { RunError } from '../../src/engine/run';

describe('RunError', () => {
  it('is an Error with its message and no stack frames; the stack limit is restored', () => {
    const limit = Error.stackTraceLimit;
    const e = new RunError('step 0 is out of range');
    expect(e).toBeInstanceOf(Error);
    expect(e).toBeInstanceOf(RunError);
    expect(e.message).toBe('step 0 is out of range');
    expect(e.stack ?? '').not.toMatch(/\n\s+at /);
    expect(Error.stackTraceLimit).toBe(limit);
    expect(new Error('x').stack).toMatch(/\n\s+at /);
  });
});
