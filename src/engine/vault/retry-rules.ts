/**
 * When the vault adapter tries a Key Vault call again, as decisions over plain data: the 429
 * backoff of the throttle policy and the adapter's waits for role propagation, for secrets that
 * are being deleted or recovered, and after a write whose answer was lost. The loops that act on them (the throttle policy, the
 * adapter's callVault) only sleep and try again. Pure; the defaults live here beside the rules.
 */
import type { VaultFailureKind, VaultOperation } from "./vault-errors.ts";
import { mayStillBePropagating } from "./vault-errors.ts";

export interface RetrySettings {
  /** Retries of a 429 (after the first try). */
  throttleRetries: number;
  throttleBaseDelayMs: number;
  throttleMaxDelayMs: number;
  /** A Retry-After longer than this is shortened to it. */
  maxRetryAfterMs: number;
  /** Waits between tries of a 403 by RBAC or access policy (propagation); [] disables. */
  forbiddenDelaysMs: number[];
  /** Waits between tries of a 409 being-deleted / being-recovered, and a recover's 404. */
  conflictDelaysMs: number[];
  /** Waits while a recovered secret is still unreadable (404). */
  recoverWaitDelaysMs: number[];
  /** Handed to the SDK's retry policy for 5xx and network errors. */
  transientRetries: number;
  transientDelayMs: number;
}

export const DEFAULT_RETRY: RetrySettings = {
  throttleRetries: 5,
  throttleBaseDelayMs: 1000,
  throttleMaxDelayMs: 16_000,
  maxRetryAfterMs: 60_000,
  forbiddenDelaysMs: [3000, 6000],
  conflictDelaysMs: [500, 1000, 2000, 4000, 8000],
  recoverWaitDelaysMs: [250, 500, 1000, 2000, 2000, 4000, 4000, 8000, 8000],
  transientRetries: 3,
  transientDelayMs: 1000,
};

// ---- 429 ----

export type ThrottleSettings = Pick<RetrySettings, "throttleRetries" | "throttleBaseDelayMs" | "throttleMaxDelayMs" | "maxRetryAfterMs">;

/**
 * How long to wait before retry `retry` (0 for the first) of a 429, or undefined to give up.
 * Exponential backoff with ±20 % jitter (`random` in [0, 1)); a Retry-After is honoured up to
 * `maxRetryAfterMs`, but never waits less than the backoff.
 */
export function decideThrottleDelay(
  retry: number,
  retryAfterMs: number | undefined,
  random: number,
  settings: ThrottleSettings,
): number | undefined {
  if (retry >= settings.throttleRetries) return undefined;
  const nominal = Math.min(settings.throttleMaxDelayMs, settings.throttleBaseDelayMs * 2 ** retry);
  const backoff = Math.round(nominal * (0.8 + 0.4 * random));
  return retryAfterMs === undefined ? backoff : Math.max(backoff, Math.min(retryAfterMs, settings.maxRetryAfterMs));
}

// ---- Refusals the adapter waits out ----

const READS: ReadonlySet<VaultOperation> = new Set(["list", "list-deleted", "list-versions", "get", "get-deleted"]);

/** What the adapter remembers across all calls to one vault. */
export interface VaultRetryMemory {
  /**
   * A role assignment propagates as a whole: once one 403 has outlasted the propagation retries,
   * waiting again (for another secret or another kind of call) would not change the answer.
   */
  propagationWaitedOut: boolean;
  /**
   * Once any call has worked the assignment is in effect: a read refused after that lacks a
   * permission (a Reader may list but not read values), and waiting for propagation cannot help.
   * Writes keep their retries: a stronger role added just now may still be on its way.
   */
  succeededOnce: boolean;
}

/** Retries already spent by one call. */
export interface CallTries {
  forbidden: number;
  conflict: number;
  /** Looks at the vault after a write whose answer was lost. */
  lost: number;
}

export interface VaultRetryDecision {
  /** Undefined: do not retry, the failure is final. */
  delayMs: number | undefined;
  /**
   * The failure lost the answer of a write the SDK does not repeat: the vault may have done it,
   * so the next try first reads what the vault holds (and a final failure says the outcome is unknown).
   */
  answerLost: boolean;
  tries: CallTries;
  memory: VaultRetryMemory;
}

/** The calls the SDK does not repeat on a lost answer (PUT, DELETE, POST): the adapter does, after a look. */
export const UNSAFE_TO_REPEAT: ReadonlySet<VaultOperation> = new Set(["set", "delete", "recover"]);

/** Whether and how long to wait before trying a refused call again, with the state after it. */
export function decideVaultRetry(
  kind: VaultFailureKind,
  operation: VaultOperation,
  tries: Readonly<CallTries>,
  memory: Readonly<VaultRetryMemory>,
  settings: Pick<RetrySettings, "forbiddenDelaysMs" | "conflictDelaysMs" | "transientRetries" | "transientDelayMs">,
): VaultRetryDecision {
  const stop = { delayMs: undefined, answerLost: false, tries: { ...tries }, memory: { ...memory } };
  if (UNSAFE_TO_REPEAT.has(operation) && kind === "transient") {
    if (tries.lost >= settings.transientRetries) return { ...stop, answerLost: true };
    return { ...stop, delayMs: settings.transientDelayMs * 2 ** tries.lost, answerLost: true, tries: { ...tries, lost: tries.lost + 1 } };
  }
  if (mayStillBePropagating(kind)) {
    if (memory.succeededOnce && READS.has(operation)) return stop;
    const delayMs = memory.propagationWaitedOut ? undefined : settings.forbiddenDelaysMs[tries.forbidden];
    if (delayMs === undefined) return { ...stop, memory: { ...memory, propagationWaitedOut: true } };
    return { ...stop, delayMs, tries: { ...tries, forbidden: tries.forbidden + 1 } };
  }
  const settling = kind === "being-deleted" || kind === "being-recovered" || (operation === "recover" && kind === "not-found");
  if (settling) {
    const delayMs = settings.conflictDelaysMs[tries.conflict];
    if (delayMs === undefined) return stop;
    return { ...stop, delayMs, tries: { ...tries, conflict: tries.conflict + 1 } };
  }
  return stop;
}
