// The typing pause, per document: one pending run per key, a newer schedule replacing the pending one.
// Shared by the .rnn Reports (documentReports.ts) and the solutions' (solution/solutionReports.ts). Pure (no 'vscode').

export class Debouncer {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  /** Run `run` after `delayMs` unless `key` is scheduled (or cancelled) again first. */
  schedule(key: string, delayMs: number, run: () => void): void {
    this.cancel(key);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        run();
      }, delayMs),
    );
  }

  /** Whether a run of `key` is waiting. */
  pending(key: string): boolean {
    return this.timers.has(key);
  }

  /** Drop the waiting run of `key`, if any. */
  cancel(key: string): void {
    const t = this.timers.get(key);
    if (t !== undefined) clearTimeout(t);
    this.timers.delete(key);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
