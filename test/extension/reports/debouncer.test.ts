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

describe('Debouncer with no pause', () => {
  it('runs on the next turn of the event loop, before any timer, and a newer schedule in the same turn replaces it', async () => {
    vi.useRealTimers();
    const d = new Debouncer();
    const ran: string[] = [];
    const timer = new Promise<void>((r) => setTimeout(() => (ran.push('timer'), r()), 0));
    d.schedule('a', 0, () => ran.push('a1'));
    d.schedule('a', 0, () => ran.push('a2'));
    d.schedule('b', 0, () => ran.push('b'));
    d.cancel('b');
    expect(d.pending('a')).toBe(true);
    await new Promise<void>((r) => setImmediate(r));
    expect(ran).toEqual(['a2']);
    expect(d.pending('a')).toBe(false);
    await timer;
    expect(ran).toEqual(['a2', 'timer']);
  });
});
