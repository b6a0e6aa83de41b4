/**
 * Pacing of Key Vault requests under the per-vault limits: 4,000 transactions and 300 secret
 * writes per 10 s. A policy closest to the wire paces every attempt (retries, pages and the
 * sign-in challenge included), so concurrency can be raised without a burst running into 429s.
 *
 * The window is measured from when the request `limit` places earlier was answered, not from
 * when it was sent: the service counted that request at some moment before its answer left, so a
 * request sent a window after the answer cannot meet it in the service's window, however the
 * network and the service's own queue delayed either one. A fixed margin could not promise that.
 */
import type { PipelinePolicy, PipelineRequest, PipelineResponse } from "@azure/core-rest-pipeline";
import type { Sleep } from "../limiter.ts";

export interface Pacing {
  /** Requests allowed in any window. */
  limit: number;
  windowMs: number;
}

/** 300 secret writes per 10 s per vault. */
export const DEFAULT_WRITE_PACING: Pacing = { limit: 300, windowMs: 10_000 };

/** 4,000 transactions of any kind per 10 s per vault. */
export const DEFAULT_TRANSACTION_PACING: Pacing = { limit: 4000, windowMs: 10_000 };

export interface AnsweredWindowLimiter {
  /** Resolves when a request may be sent; call the returned function once it is answered (or failed). */
  acquire(): Promise<() => void>;
}

/**
 * Request n may be sent once request n - limit has been answered, plus the window. Slots are
 * reserved in call order, synchronously, so concurrent callers never share one.
 */
export function createAnsweredWindowLimiter(options: Pacing & { now: () => number; sleep: Sleep }): AnsweredWindowLimiter {
  const limit = Math.max(1, Math.floor(options.limit));
  // answered[i % limit]: when request i was answered (once it has been).
  const answered: Array<Promise<number>> = [];
  let taken = 0;
  return {
    async acquire() {
      const slot = taken % limit;
      const earlier = taken >= limit ? answered[slot] : undefined;
      taken += 1;
      let markAnswered: (time: number) => void = () => {};
      answered[slot] = new Promise<number>((resolve) => (markAnswered = resolve));
      if (earlier !== undefined) {
        const wait = (await earlier) + options.windowMs - options.now();
        if (wait > 0) await options.sleep(wait);
      }
      let done = false;
      return () => {
        if (done) return;
        done = true;
        markAnswered(options.now());
      };
    },
  };
}

const WRITE_METHODS = new Set(["PUT", "PATCH", "POST", "DELETE"]);

/**
 * Secret writes (set, update, recover, delete) count against the lower write limit too; the
 * SDK's first, unauthenticated attempt (answered by the challenge) writes nothing.
 */
function isWrite(request: PipelineRequest): boolean {
  return WRITE_METHODS.has(request.method) && request.headers.has("authorization");
}

export function createPacingPolicy(limiters: { transactions?: AnsweredWindowLimiter; writes?: AnsweredWindowLimiter }): PipelinePolicy {
  return {
    name: "keyvaultSyncPacing",
    async sendRequest(request, next): Promise<PipelineResponse> {
      // The scarcer write slot first, so a write waiting for it does not hold a transaction slot.
      const releaseWrite = isWrite(request) ? await limiters.writes?.acquire() : undefined;
      const releaseTransaction = await limiters.transactions?.acquire();
      try {
        return await next(request);
      } finally {
        releaseTransaction?.();
        releaseWrite?.();
      }
    },
  };
}
