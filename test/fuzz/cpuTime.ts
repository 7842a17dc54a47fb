// CPU time of this process in ms around a call: unlike wall time it does not grow when other processes
// load the machine, so a bound on it catches a hang or a blow-up without flaking on a busy CI box.

export function cpuMs<T>(f: () => T): { value: T; ms: number } {
  const c0 = process.cpuUsage();
  const value = f();
  const c = process.cpuUsage(c0);
  return { value, ms: (c.user + c.system) / 1000 };
}
