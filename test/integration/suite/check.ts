// Assertions for the in-editor suites. Node's `assert` is not available in the web-worker extension host,
// so the suites use these instead (same behaviour: throw with a message that says what was seen).

export function ok(cond: unknown, message: string): asserts cond {
  if (!cond) throw new Error(message);
}

export function equal<T>(actual: T, expected: T, message: string): void {
  if (actual !== expected) throw new Error(`${message}: expected ${show(expected)}, got ${show(actual)}`);
}

export function show(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 400 ? s.slice(0, 400) + '…' : s;
}
