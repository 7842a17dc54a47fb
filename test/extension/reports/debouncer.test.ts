// The typing pause shared by the .rnn and the solution Reports: one pending run per key, the latest wins.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Debouncer } from '../../../src/extension/reports/debouncer';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('Debouncer', () => {
  it('runs once after the pause, the latest schedule of a key replacing the pending one', () => {
    const d = new Debouncer();
    const ran: string[] = [];
    d.schedule('a', 100, () => ran.push('a1'));
    vi.advanceTimersByTime(60);
    d.schedule('a', 100, () => ran.push('a2'));
    d.schedule('b', 10, () => ran.push('b'));
    expect(d.pending('a')).toBe(true);
    vi.advanceTimersByTime(99);
    expect(ran).toEqual(['b']);
    vi.advanceTimersByTime(1);
    expect(ran).toEqual(['b', 'a2']);
    expect(d.pending('a')).toBe(false);
  });

  it('cancel and dispose drop what is pending', () => {
    const d = new Debouncer();
    const ran: string[] = [];
    d.schedule('a', 10, () => ran.push('a'));
    d.schedule('b', 10, () => ran.push('b'));
    d.cancel('a');
    expect(d.pending('a')).toBe(false);
    vi.advanceTimersByTime(20);
    expect(ran).toEqual(['b']);
    d.schedule('c', 10, () => ran.push('c'));
    d.dispose();
    vi.advanceTimersByTime(20);
    expect(ran).toEqual(['b']);
  });
});
