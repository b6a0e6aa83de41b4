import { describe, expect, it } from "vitest";
import { DEFAULT_RETRY, decideThrottleDelay, decideVaultRetry } from "../../../src/engine/vault/retry-rules.ts";
import type { CallTries, VaultRetryMemory } from "../../../src/engine/vault/retry-rules.ts";
import type { VaultFailureKind, VaultOperation } from "../../../src/engine/vault/vault-errors.ts";

const settings = { forbiddenDelaysMs: [3000, 6000], conflictDelaysMs: [500, 1000], transientRetries: 2, transientDelayMs: 1000 };
const fresh: VaultRetryMemory = { propagationWaitedOut: false, succeededOnce: false };
const none: CallTries = { forbidden: 0, conflict: 0, lost: 0 };

describe("decideVaultRetry", () => {
  it.each<[string, VaultFailureKind, VaultOperation, CallTries, VaultRetryMemory, number | undefined, CallTries, VaultRetryMemory]>([
    ["a write whose answer was lost is looked at, then tried again", "transient", "set", none, fresh, 1000, { ...none, lost: 1 }, fresh],
    ["the second look waits longer", "transient", "delete", { ...none, lost: 1 }, fresh, 2000, { ...none, lost: 2 }, fresh],
    [
      "a lost answer gives up after its retries",
      "transient",
      "recover",
      { ...none, lost: 2 },
      fresh,
      undefined,
      { ...none, lost: 2 },
      fresh,
    ],
    ["first RBAC 403 waits", "forbidden-rbac", "set", none, fresh, 3000, { ...none, forbidden: 1, conflict: 0 }, fresh],
    [
      "second access-policy 403 waits longer",
      "forbidden-policy",
      "get",
      { ...none, forbidden: 1, conflict: 0 },
      fresh,
      6000,
      { ...none, forbidden: 2, conflict: 0 },
      fresh,
    ],
    [
      "a 403 that outlasted the waits fails and is remembered",
      "forbidden-rbac",
      "set",
      { ...none, forbidden: 2, conflict: 0 },
      fresh,
      undefined,
      { ...none, forbidden: 2, conflict: 0 },
      { propagationWaitedOut: true, succeededOnce: false },
    ],
    [
      "after that, every 403 fails at once",
      "forbidden-rbac",
      "delete",
      none,
      { propagationWaitedOut: true, succeededOnce: false },
      undefined,
      none,
      { propagationWaitedOut: true, succeededOnce: false },
    ],
    [
      "a read refused after a success lacks a permission",
      "forbidden-rbac",
      "get",
      none,
      { propagationWaitedOut: false, succeededOnce: true },
      undefined,
      none,
      { propagationWaitedOut: false, succeededOnce: true },
    ],
    [
      "a write refused after a success still waits",
      "forbidden-rbac",
      "set",
      none,
      { propagationWaitedOut: false, succeededOnce: true },
      3000,
      { ...none, forbidden: 1, conflict: 0 },
      { propagationWaitedOut: false, succeededOnce: true },
    ],
    ["an unexplained 403 is not waited on", "forbidden-other", "set", none, fresh, undefined, none, fresh],
    ["an Azure Policy denial is not waited on", "forbidden-governance", "set", none, fresh, undefined, none, fresh],
    ["the firewall is not waited on", "forbidden-firewall", "get", none, fresh, undefined, none, fresh],
    ["being deleted waits", "being-deleted", "set", none, fresh, 500, { ...none, forbidden: 0, conflict: 1 }, fresh],
    [
      "being recovered waits",
      "being-recovered",
      "set",
      { ...none, forbidden: 0, conflict: 1 },
      fresh,
      1000,
      { ...none, forbidden: 0, conflict: 2 },
      fresh,
    ],
    [
      "settling gives up after its waits",
      "being-deleted",
      "set",
      { ...none, forbidden: 0, conflict: 2 },
      fresh,
      undefined,
      { ...none, forbidden: 0, conflict: 2 },
      fresh,
    ],
    ["a recover's 404 waits", "not-found", "recover", none, fresh, 500, { ...none, forbidden: 0, conflict: 1 }, fresh],
    ["a read's 404 is final", "not-found", "get", none, fresh, undefined, none, fresh],
    ["throttling is the pipeline's job", "throttled", "set", none, fresh, undefined, none, fresh],
    ["other failures are final", "other", "set", none, fresh, undefined, none, fresh],
    ["a read's dropped connection is the SDK's to retry", "transient", "get", none, fresh, undefined, none, fresh],
    ["so is a PATCH's, which is safe to repeat", "transient", "update", none, fresh, undefined, none, fresh],
  ])("%s", (_name, kind, operation, tries, memory, delayMs, nextTries, nextMemory) => {
    const answerLost = kind === "transient" && ["set", "delete", "recover"].includes(operation);
    expect(decideVaultRetry(kind, operation, tries, memory, settings)).toEqual({
      delayMs,
      answerLost,
      tries: nextTries,
      memory: nextMemory,
    });
  });

  it("leaves its inputs as they were", () => {
    const tries = { ...none };
    const memory = { ...fresh };
    decideVaultRetry("forbidden-rbac", "set", tries, memory, settings);
    expect([tries, memory]).toEqual([none, fresh]);
  });
});

describe("decideThrottleDelay", () => {
  it.each<[string, number, number | undefined, number, number | undefined]>([
    ["first retry, no Retry-After, no jitter", 0, undefined, 0.5, 1000],
    ["jitter low end", 0, undefined, 0, 800],
    ["jitter high end", 0, undefined, 0.999_999, 1200],
    ["backoff doubles", 3, undefined, 0.5, 8000],
    ["backoff is capped", 4, undefined, 0.5, 16_000],
    ["a longer Retry-After is honoured", 0, 5000, 0.5, 5000],
    ["a shorter Retry-After never shortens the backoff", 2, 100, 0.5, 4000],
    ["an excessive Retry-After is cut", 0, 600_000, 0.5, 60_000],
    ["gives up after the last retry", 5, 1000, 0.5, undefined],
  ])("%s", (_name, retry, retryAfterMs, random, expected) => {
    expect(decideThrottleDelay(retry, retryAfterMs, random, DEFAULT_RETRY)).toBe(expected);
  });
});
