/**
 * The two pacing primitives of the action: a bound on parallel work, and a token bucket that keeps
 * writes under Key Vault's per-vault rate limit. Both take their clock and sleep from the caller so
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

export interface TokenBucketOptions {
  /** Sustained rate. */
  perSecond: number;
  /** How many calls may go at once after a quiet period. */
  burst: number;
  now?: () => number;
  sleep?: Sleep;
}

export interface TokenBucket {
  /** Resolves when the caller may make one call. */
  take(): Promise<void>;
}

/**
 * A token bucket kept as one "theoretical arrival time" (GCRA): each take reserves its slot
 * synchronously, so concurrent callers never compute the same free token.
 */
export function createTokenBucket(options: TokenBucketOptions): TokenBucket {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? sleepFor;
  const interval = 1000 / options.perSecond;
  const tolerance = Math.max(0, Math.floor(options.burst) - 1) * interval;
  let arrival = Number.NEGATIVE_INFINITY;
  return {
    async take(): Promise<void> {
      const current = now();
      arrival = Math.max(arrival, current - tolerance);
      const allowedAt = arrival;
      arrival += interval;
      const wait = allowedAt - current;
      if (wait > 0) await sleep(wait);
    },
  };
}
