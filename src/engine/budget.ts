// The work budget of one analysis, counted in operations so that the same file gets the same Report
// on any machine, idle or loaded. A wall-clock deadline exists only as a last guard against a runaway,
// set far above what the operation limits allow (~100× the worst case idle: a shared CI box at load 25
// slows a run 10–30×). A Report whose contents depend on it is a bug, not a limit.

/** Raised when an analysis passes its operation budget: the question gets a diagnostic naming it. */
export class LimitError extends Error {}

/**
 * Raised when whoever asked for the analysis no longer wants it (the editor's worker: a newer version of the
 * file arrived). Not a LimitError: nothing catches it as a limit, so it leaves analyze() at once.
 */
export class Cancelled extends Error {}

// Whether the running analysis is still wanted, asked at the same points as the wall-clock guard (every
// 4,096 operations of any budget while it may be cancelled, else every 65,536). A module variable, as the symbolic meter below, so that
// the tapes and the symbolic engine need no extra argument.
let wanted: (() => boolean) | null = null;
/** operations between two checks while an analysis can be cancelled (a few ms of work; a check costs ~50 ns) */
const CANCEL_CHECK_OPS = 1 << 12;

/** Run `f`, stopping it with Cancelled at its next check once `stillWanted()` says false. */
export function cancellable<T>(stillWanted: () => boolean, f: () => T): T {
  const outer = wanted;
  wanted = stillWanted;
  try {
    return f();
  } finally {
    wanted = outer;
  }
}

/** What one tape operation counts, against one step of a sweep: creating a node (its array, its
 *  record) costs about four times visiting one in a sweep — measured, so that the operation limit
 *  corresponds to about one second of work whatever the question is made of */
export const PUSH_OPS = 4;

/** The wall-clock guard of one analysis (ms): far above any file the operation limits let through. */
export const WALL_GUARD_MS = 120_000;

/** Operations shared by every tape of one analysis, so that no question can run away. */
export class Budget {
  ops = 0;
  private nextCheck = 1 << 16;
  constructor(
    public limit = Infinity,
    public deadline = Infinity,
  ) {}
  tick(n: number): void {
    this.ops += n;
    if (this.ops > this.limit) throw new LimitError(`more than ${this.limit.toLocaleString('en')} operations for one analysis (limit)`);
    if (this.ops > this.nextCheck) {
      this.nextCheck = this.ops + (wanted ? CANCEL_CHECK_OPS : 1 << 16);
      if (wanted && !wanted()) throw new Cancelled('the analysis was cancelled (a newer version of the file arrived)');
      if (Date.now() > this.deadline)
        throw new LimitError('the analysis ran past its wall-clock guard (the machine is overloaded or the engine has a bug)');
    }
  }
}

// The symbolic engine's work is metered the same way: IR nodes built and entries computed when a form
// is evaluated back. One meter is active while a derive's forms are made (the engine is synchronous);
// it is a module variable rather than a parameter so the Builder's hot path needs no extra argument.
let meter: Budget | null = null;

/** Run `f` with `b` counting the symbolic engine's work (a LimitError past its limit). */
export function metered<T>(b: Budget, f: () => T): T {
  const outer = meter;
  meter = b;
  try {
    return f();
  } finally {
    meter = outer;
  }
}

/** Charge `n` operations to the active symbolic meter, if any. */
export function charge(n: number): void {
  if (meter) meter.tick(n);
}
