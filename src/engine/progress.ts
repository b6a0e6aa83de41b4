/**
 * A line every few seconds while a long apply runs, so a log that is being watched shows the
 * run is alive and how far it got. The clock is passed in: tests move it, nothing waits.
 */
import type { ChangeResult } from "./apply.ts";

export interface ApplyProgressOptions {
  total: number;
  /** Milliseconds, from any origin. */
  now: () => number;
  log: (message: string) => void;
  intervalMs?: number;
}

export const PROGRESS_INTERVAL_MS = 5_000;

// Made on the first progress line: a number format loads ICU data, a cost a short run never needs.
let numberFormat: Intl.NumberFormat | undefined;
function count(value: number): string {
  numberFormat ??= new Intl.NumberFormat("en-US");
  return numberFormat.format(value);
}

/**
 * Returns the callback apply calls after each item. It logs when at least `intervalMs` passed
 * since the start or the last line, and never for the last item: the report follows it.
 */
export function createApplyProgress(options: ApplyProgressOptions): (result: ChangeResult) => void {
  const interval = options.intervalMs ?? PROGRESS_INTERVAL_MS;
  let lastLine = options.now();
  let done = 0;
  let failed = 0;
  return (result) => {
    done += 1;
    if (result.status === "failed") failed += 1;
    const now = options.now();
    if (done >= options.total || now - lastLine < interval) return;
    lastLine = now;
    options.log(`Applied ${count(done)} of ${count(options.total)} (${count(failed)} failed) …`);
  };
}
