/**
 * Pacing every request under Key Vault's per-vault limit on all transactions (4,000 per 10 s),
 * so concurrency can be raised without a burst of reads running into 429s. Writes have their own,
 * lower limit on top (key-vault.ts). The policy sits closest to the wire, so retries, paging and
 * the sign-in challenge are paced too.
 */
import type { PipelinePolicy, PipelineResponse } from "@azure/core-rest-pipeline";
import type { WindowLimiter } from "./limiter.ts";

export interface Pacing {
  /** Requests allowed to start in any window. */
  limit: number;
  windowMs: number;
}

/**
 * Key Vault counts per 10 s. A window of 10.1 s absorbs the spread between when a request starts
 * here and when it arrives there, so a steady run never meets the limit it is paced under.
 */
export const PACING_WINDOW_MS = 10_100;

/** 300 secret writes per 10 s per vault. */
export const DEFAULT_WRITE_PACING: Pacing = { limit: 300, windowMs: PACING_WINDOW_MS };

/** 4,000 transactions of any kind per 10 s per vault. */
export const DEFAULT_TRANSACTION_PACING: Pacing = { limit: 4000, windowMs: PACING_WINDOW_MS };

export function createPacingPolicy(limiter: WindowLimiter): PipelinePolicy {
  return {
    name: "keyvaultSyncTransactionPacing",
    async sendRequest(request, next): Promise<PipelineResponse> {
      await limiter.take();
      return next(request);
    },
  };
}
