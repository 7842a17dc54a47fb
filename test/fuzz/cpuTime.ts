// How long a call took, robust to a shared machine: the smaller of its wall time and this process's CPU
// time. Wall time grows when other processes load the machine; CPU time grows with V8's parallel GC
// threads; neither grows for both reasons at once, so the minimum bounds the call's own work. Enough to
// catch a hang or a blow-up without flaking on a busy CI box.

import { performance } from 'node:perf_hooks';

export function cpuMs<T>(f: () => T): { value: T; ms: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = f();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { value, ms: Math.min(wall, (c.user + c.system) / 1000) };
}
