// Runs `f` on a later turn of this thread's event loop, after the events already waiting (messages
// included). A Web Worker or browser host has no setImmediate.

export const later: (f: () => void) => void =
  typeof setImmediate === 'function'
    ? (f) => {
        setImmediate(f);
      }
    : (f) => {
        setTimeout(f, 0);
      };
