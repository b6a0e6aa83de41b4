/**
 * The two pacing primitives of the action: a bound on parallel work, and a sliding-window limiter that
 * keeps writes under Key Vault's per-vault rate limit. Both take their clock and sleep from the caller so
 * tests never wait.
 */

export type Sleep = (ms: number) => Promise<void>;

export const sleepFor: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Run `work` for every item with at most `limit` calls in flight; results keep the input order.
 * A rejected call rejects the whole map, so callers that must not stop catch inside `work`.
 */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const bound = Math.max(1, Math.floor(limit));
  const results = new Array<R>(items.length);
  let next = 0;
  async function runWorker(): Promise<void> {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index] as T, index);
    }
  }
  const workers = Array.from({ length: Math.min(bound, items.length) }, () => runWorker());
  await Promise.all(workers);
  return results;
}

/**
 * Runs work as it comes, at most `limit` at a time (for work that does not arrive as one array,
 * such as reads started page by page). Each call resolves with its work's result.
 */
export function createConcurrencyGate(limit: number): <R>(work: () => Promise<R>) => Promise<R> {
  const bound = Math.max(1, Math.floor(limit));
  let running = 0;
  const waiting: Array<() => void> = [];
  return async (work) => {
    if (running >= bound) await new Promise<void>((resolve) => waiting.push(resolve));
    else running += 1;
    try {
      return await work();
    } finally {
      // Hand the slot straight to the next waiter, so the count never drops and rises again.
      const next = waiting.shift();
      if (next === undefined) running -= 1;
      else next();
    }
  };
}

export interface WindowLimiterOptions {
  /** At most this many calls start in any window. */
  limit: number;
  windowMs: number;
  now?: () => number;
  sleep?: Sleep;
}

export interface WindowLimiter {
  /** Resolves when the caller may make one call. */
  take(): Promise<void>;
}

/**
 * At most `limit` calls start in any `windowMs`, however the window is laid over time: call n may
 * start no earlier than call n - limit started, plus the window. Key Vault counts writes per 10 s
 * window, so a run with fewer writes than the limit is never slowed, and a long run goes at the
 * full allowed rate instead of a cautious steady one. Each take reserves its slot synchronously,
 * so concurrent callers never share one.
 */
export function createWindowLimiter(options: WindowLimiterOptions): WindowLimiter {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? sleepFor;
  const limit = Math.max(1, Math.floor(options.limit));
  // Start times of the last `limit` calls, as a ring: slots[i % limit] is call i's.
  const slots: number[] = [];
  let taken = 0;
  return {
    async take(): Promise<void> {
      const current = now();
      const earlier = taken >= limit ? (slots[taken % limit] as number) + options.windowMs : current;
      const slot = Math.max(current, earlier);
      slots[taken % limit] = slot;
      taken += 1;
      if (slot > current) await sleep(slot - current);
    },
  };
}
