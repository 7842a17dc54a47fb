// The typing pause, per document: one pending run per key, a newer schedule replacing the pending one.
// Shared by the .rnn Reports (documentReports.ts) and the solutions' (solution/solutionReports.ts). Pure (no 'vscode').
// A pause of 0 runs on the next turn of the event loop (setImmediate where there is one): a 0 ms timer
// waits at least 1 ms in Node, a millisecond of every edit's way to its diagnostics.

interface Pending {
  cancel(): void;
}

function after(delayMs: number, run: () => void): Pending {
  if (delayMs <= 0 && typeof setImmediate === 'function') {
    const i = setImmediate(run);
    return { cancel: () => clearImmediate(i) };
  }
  const t = setTimeout(run, delayMs);
  return { cancel: () => clearTimeout(t) };
}

export class Debouncer {
  private readonly timers = new Map<string, Pending>();

  /** Run `run` after `delayMs` unless `key` is scheduled (or cancelled) again first. */
  schedule(key: string, delayMs: number, run: () => void): void {
    this.cancel(key);
    this.timers.set(
      key,
      after(delayMs, () => {
        this.timers.delete(key);
        run();
      }),
    );
  }

  /** Whether a run of `key` is waiting. */
  pending(key: string): boolean {
    return this.timers.has(key);
  }

  /** Drop the waiting run of `key`, if any. */
  cancel(key: string): void {
    this.timers.get(key)?.cancel();
    this.timers.delete(key);
  }

  dispose(): void {
    for (const t of this.timers.values()) t.cancel();
    this.timers.clear();
  }
}
