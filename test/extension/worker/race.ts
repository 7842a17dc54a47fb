// The race of the stale-version tests (workerStale.test.ts, solutionJobs.test.ts): edits typed while workers that
// run the real worker code deliver their answers in whatever order fast-check picks.
import fc from 'fast-check';

/** One step of the race: an edit to the next version, delivering the k-th waiting message of a worker, or a turn. */
export const raceStep = fc.oneof(
  fc.constant({ kind: 'edit' as const }),
  fc.record({ kind: fc.constant('deliver' as const), worker: fc.nat(), message: fc.nat() }),
  fc.constant({ kind: 'turn' as const }),
);
export type RaceStep = typeof raceStep extends fc.Arbitrary<infer S> ? S : never;

/** a later turn of the event loop: the debounce timer (0 ms) and the host's piece requests (setImmediate) have run */
export const turn = (): Promise<void> => new Promise<void>((r) => setTimeout(() => setImmediate(r), 1));

/** A worker whose answers wait until delivered. */
export interface RacingWorker {
  readonly outbox: unknown[];
  deliver(k: number): void;
}

/**
 * Plays `steps` (`edit` types the next version), a turn after each; then delivers what is still waiting, oldest
 * first, with turns in between, until no worker is on the document (`analysing`). (Stopping at the first turn with
 * nothing waiting was flaky on a loaded machine: a turn's 1 ms timer is then already due, so a turn spans one check
 * phase, while the forms after the numeric Report take three `later()` turns — the taken notice, one per derive —
 * before the worker posts anything: CI saw the numeric Report of the last version as the last one announced.)
 */
export async function playRace(
  steps: readonly RaceStep[],
  workers: readonly RacingWorker[],
  edit: () => void,
  analysing: () => boolean,
): Promise<void> {
  for (const s of steps) {
    if (s.kind === 'edit') edit();
    else if (s.kind === 'deliver') {
      const busy = workers.filter((w) => w.outbox.length > 0);
      if (busy.length) busy[s.worker % busy.length]!.deliver(s.message);
    }
    await turn();
  }
  for (let guard = 0; guard < 10_000; guard++) {
    const w = workers.find((x) => x.outbox.length > 0);
    if (!w) {
      if (!analysing()) break;
      await turn();
      continue;
    }
    w.deliver(0);
    await turn();
  }
}
