/**
 * The KeyVault interface the rest of the action uses, and its Azure implementation. This is the
 * only module that imports the Key Vault SDK, and the only place that retries Key Vault calls:
 *
 * - 429: a pipeline policy closest to the wire retries with 1, 2, 4, 8, 16 s backoff (jittered),
 *   honouring Retry-After when present; the SDK alone retries a 429 only when it has Retry-After.
 * - 5xx and dropped connections on reads and PATCH: the SDK's own retry policy (3 retries).
 * - The same on a PUT, DELETE or recover: the outcome is unknown (the vault may have stored the
 *   write before the answer was lost), so the SDK may not repeat it blindly. The adapter reads
 *   what the vault holds, and writes again only when the write is not there (3 retries).
 * - 403 by RBAC or access policy: a few retries for role-assignment propagation, until one 403
 *   has outlasted them; after that every 403 fails at once, so a missing role costs seconds
 *   once per run instead of on every secret or every kind of call.
 * - 409 "being deleted / being recovered" and the 404 window after a recovery: short backoff.
 *
 * Every try is paced under the per-vault limits (4,000 transactions and 300 writes per 10 s),
 * each window counted from an earlier request's answer (pacing.ts).
 *
 * What a failure means and how to fix it is in vault-errors.ts; the policies added to the SDK's
 * pipeline (timeout, error bodies, 429) are in vault-policies.ts; when to retry, and the retry
 * defaults, are decided in retry-rules.ts.
 */
import { SecretClient } from "@azure/keyvault-secrets";
import type { DeletedSecret, SecretProperties } from "@azure/keyvault-secrets";
import type { TokenCredential } from "@azure/core-auth";
import type { HttpClient } from "@azure/core-rest-pipeline";
import { SyncError } from "../errors.ts";
import type { Agent } from "node:https";
import { sleepFor } from "../limiter.ts";
import type { Sleep } from "../limiter.ts";
import { DEFAULT_TRANSACTION_PACING, DEFAULT_WRITE_PACING, createAnsweredWindowLimiter, createPacingPolicy } from "./pacing.ts";
import type { Pacing } from "./pacing.ts";
import { classifyVaultError, createVaultError } from "./vault-errors.ts";
import type { VaultOperation } from "./vault-errors.ts";
import { DEFAULT_RETRY, decideVaultRetry } from "./retry-rules.ts";
import type { CallTries, RetrySettings, VaultRetryMemory } from "./retry-rules.ts";
import {
  createErrorBodyPolicy,
  createNoBlindRepeatPolicy,
  createThrottlePolicy,
  createTimeoutPolicy,
  REQUEST_TIMEOUT_MS,
  restoreErrorBody,
} from "./vault-policies.ts";
import type { ErrorBody } from "./vault-policies.ts";
import { createRequestDebugPolicy } from "./request-debug-policy.ts";
import type { DeletedSecretInfo, KeyVault, SecretInfo, SecretRead, SecretWrite } from "./key-vault-interface.ts";

// ---- Retry settings ----

/** Writes allowed to start in any window (see pacing.ts). */
export type WritePacing = Pacing;
export { DEFAULT_WRITE_PACING };

export interface KeyVaultOptions {
  log?: (message: string) => void;
  /** One line per request attempt (method, path, status, duration), for step debug logging. */
  debug?: (message: string) => void;
  sleep?: Sleep;
  now?: () => number;
  /** Jitter source in [0, 1). */
  random?: () => number;
  retry?: Partial<RetrySettings>;
  /** false turns pacing off. */
  writePacing?: WritePacing | false;
  /** Pacing of every request, reads included; false turns it off. */
  transactionPacing?: Pacing | false;
  /** Named in permission hints. */
  clientId?: string;
  /** Transport override (the SDK's own option), e.g. an in-memory vault for unit tests. */
  httpClient?: HttpClient;
  /** The run's shared keep-alive agent (connections.ts); undefined keeps the SDK's own. */
  agent?: Agent;
}

// ---- The adapter ----

const VERBS_DONE: Partial<Record<VaultOperation, string>> = { set: "write", delete: "delete" };

/** What a call whose answer was lost left behind: done (with what it would have answered), or not. */
type Confirmation<T> = { done: true; result: T } | { done: false };

/** Value, content type and every tag equal: the version is the one this write stores. */
function holdsWrite(latest: { value: string; properties: SecretInfo }, write: SecretWrite): boolean {
  const stored = latest.properties.tags;
  const keys = Object.keys(write.tags);
  return (
    latest.value === write.value &&
    (latest.properties.contentType ?? undefined) === (write.contentType ?? undefined) &&
    keys.length === Object.keys(stored).length &&
    keys.every((key) => stored[key] === write.tags[key])
  );
}

function toSecretInfo(properties: SecretProperties): SecretInfo {
  return {
    name: properties.name,
    version: properties.version,
    enabled: properties.enabled ?? true,
    managed: properties.managed === true,
    contentType: properties.contentType,
    tags: { ...(properties.tags ?? {}) },
    expiresOn: properties.expiresOn,
    createdOn: properties.createdOn,
    updatedOn: properties.updatedOn,
    recoverableDays: properties.recoverableDays,
  };
}

function toDeletedSecretInfo(deleted: DeletedSecret): DeletedSecretInfo {
  return {
    ...toSecretInfo(deleted.properties),
    // The properties' copies are read only when the top-level fields are missing; dropping the
    // fallback would be a behaviour change, not a lint fix.
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- see above
    deletedOn: deleted.deletedOn ?? deleted.properties.deletedOn,
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- see above
    scheduledPurgeDate: deleted.scheduledPurgeDate ?? deleted.properties.scheduledPurgeDate,
  };
}

/** All items of a paged listing, handing each page to `onPage` as it arrives. */
async function collectPages<T, R>(pages: AsyncIterable<T[]>, map: (item: T) => R, onPage: (page: R[]) => void): Promise<R[]> {
  const items: R[] = [];
  for await (const page of pages) {
    const mapped = page.map(map);
    items.push(...mapped);
    onPage(mapped);
  }
  return items;
}

async function collect<T, R>(pages: AsyncIterable<T>, map: (item: T) => R): Promise<R[]> {
  const items: R[] = [];
  for await (const item of pages) items.push(map(item));
  return items;
}

export function createKeyVault(vaultUrl: string, credential: TokenCredential, options: KeyVaultOptions = {}): KeyVault {
  const retry: RetrySettings = { ...DEFAULT_RETRY, ...options.retry };
  const sleep = options.sleep ?? sleepFor;
  const now = options.now ?? Date.now;
  const log = options.log ?? (() => {});
  const pacing = options.writePacing === undefined ? DEFAULT_WRITE_PACING : options.writePacing;
  const transactionPacing = options.transactionPacing === undefined ? DEFAULT_TRANSACTION_PACING : options.transactionPacing;
  const pacingPolicy = createPacingPolicy({
    writes: pacing === false ? undefined : createAnsweredWindowLimiter({ ...pacing, now, sleep }),
    transactions: transactionPacing === false ? undefined : createAnsweredWindowLimiter({ ...transactionPacing, now, sleep }),
  });

  const errorBodies = new WeakMap<object, ErrorBody>();
  const client = new SecretClient(vaultUrl, credential, {
    additionalPolicies: [
      { position: "perCall", policy: createErrorBodyPolicy(errorBodies) },
      {
        position: "perRetry",
        policy: createThrottlePolicy({
          settings: retry,
          sleep,
          now,
          random: options.random ?? Math.random,
          log,
        }),
      },
      // After the SDK's retry policy, so it sees every try.
      { position: "perRetry", policy: createNoBlindRepeatPolicy() },
      // Every try waits for its place under the vault's limits (pacing.ts).
      { position: "perRetry", policy: pacingPolicy },
      // Closest to the wire, so every attempt (retries of 429s and transient errors) shows.
      ...(options.debug === undefined ? [] : [{ position: "perRetry" as const, policy: createRequestDebugPolicy(options.debug, now) }]),
      // Closest to the wire of all, so every try gets the whole time.
      { position: "perRetry", policy: createTimeoutPolicy(REQUEST_TIMEOUT_MS) },
    ],
    retryOptions: { maxRetries: retry.transientRetries, retryDelayInMs: retry.transientDelayMs },
    httpClient: options.httpClient,
    ...(options.agent === undefined ? {} : { agent: options.agent }),
  });

  // The SDK's challenge handshake keeps per-client state; requests racing on a fresh client can
  // lose a body (azure-facts A §3.2 item 10). Everything waits for the first call to finish.
  let firstCall: Promise<void> | undefined;
  async function afterFirstCall<T>(call: () => Promise<T>): Promise<T> {
    if (firstCall === undefined) {
      const result = call();
      firstCall = Promise.race([
        result.then(
          () => {},
          () => {},
        ),
        firstAnswer,
      ]);
      return result;
    }
    await firstCall;
    return call();
  }
  // A listing's first page completes the handshake too: calls need not wait for its last page.
  let answered = (): void => {};
  const firstAnswer = new Promise<void>((resolve) => (answered = resolve));

  let memory: VaultRetryMemory = { propagationWaitedOut: false, succeededOnce: false };

  /**
   * One vault call with the adapter's retries. `confirm` is for writes the SDK does not repeat
   * (see createNoBlindRepeatPolicy): when a try's answer was lost, it reads what the vault holds
   * before the next try, and a write that was stored after all is not sent again.
   */
  async function callVault<T>(
    operation: VaultOperation,
    secretName: string | undefined,
    write: boolean,
    attempt: () => Promise<T>,
    confirm?: () => Promise<Confirmation<T>>,
  ): Promise<T> {
    return afterFirstCall(async () => {
      let tries: CallTries = { forbidden: 0, conflict: 0, lost: 0 };
      let answerLost = false;
      for (;;) {
        try {
          if (answerLost && confirm !== undefined) {
            const found = await confirm();
            if (found.done) {
              log(`Key Vault had done the ${VERBS_DONE[operation]} of '${secretName ?? ""}' whose answer was lost; not sending it again`);
              memory = { ...memory, succeededOnce: true };
              return found.result;
            }
          }
          const result = await attempt();
          memory = { ...memory, succeededOnce: true };
          return result;
        } catch (error) {
          // Already explained (a sign-in failure surfacing in a vault call): keep its cause and fix.
          if (error instanceof SyncError) throw error;
          const failure = classifyVaultError(restoreErrorBody(error, errorBodies));
          const decision = decideVaultRetry(failure.kind, operation, tries, memory, retry);
          ({ tries, memory } = decision);
          const { delayMs: delay, answerLost: lost } = decision;
          if (lost) answerLost = true;
          const stated =
            lost && delay === undefined ? { ...failure, message: `${failure.message}; whether Key Vault did it is unknown` } : failure;
          const vaultError = createVaultError(stated, operation, { vaultUrl, secretName, clientId: options.clientId });
          if (delay === undefined) throw vaultError;
          const next = lost && confirm !== undefined ? "checking what the vault holds" : "retrying";
          log(`${vaultError.message}; ${next} in ${(delay / 1000).toFixed(1)} s`);
          await sleep(delay);
        }
      }
    });
  }

  /** The latest version with its value, or undefined when the name holds no active secret. */
  async function readLatest(name: string): Promise<{ value: string; properties: SecretInfo } | undefined> {
    try {
      const secret = await client.getSecret(name);
      return { value: secret.value ?? "", properties: toSecretInfo(secret.properties) };
    } catch (error) {
      if (classifyVaultError(error).kind === "not-found") return undefined;
      throw error;
    }
  }

  /** A lost PUT was stored when the latest version holds exactly what it wrote. */
  async function confirmStored(name: string, write: SecretWrite): Promise<Confirmation<SecretInfo>> {
    const latest = await readLatest(name);
    if (latest === undefined || !holdsWrite(latest, write)) return { done: false };
    return { done: true, result: latest.properties };
  }

  /** Polls until a just-recovered secret answers; Key Vault answers 404 for a few seconds. */
  async function waitUntilReadable(name: string): Promise<void> {
    for (const delay of [...retry.recoverWaitDelaysMs, undefined]) {
      try {
        await client.getSecret(name);
        return;
      } catch (error) {
        const failure = classifyVaultError(restoreErrorBody(error, errorBodies));
        // Like the SDK's poller: a 403 means we cannot read it, not that it is missing.
        if (failure.kind !== "not-found") {
          if (failure.status === 403) return;
          throw createVaultError(failure, "recover", { vaultUrl, secretName: name, clientId: options.clientId });
        }
        if (delay === undefined) {
          const waited = {
            ...failure,
            message: `recovered, but still not readable after ${retry.recoverWaitDelaysMs.length + 1} tries: ${failure.message}`,
          };
          throw createVaultError(waited, "recover", { vaultUrl, secretName: name, clientId: options.clientId });
        }
        await sleep(delay);
      }
    }
  }

  return {
    vaultUrl,
    listSecrets: (onPage) =>
      callVault("list", undefined, false, () =>
        collectPages(client.listPropertiesOfSecrets().byPage(), toSecretInfo, (page) => {
          answered();
          onPage?.(page);
        }),
      ),
    listDeletedSecrets: () => callVault("list-deleted", undefined, false, () => collect(client.listDeletedSecrets(), toDeletedSecretInfo)),
    listVersions: (name) =>
      callVault("list-versions", name, false, () => collect(client.listPropertiesOfSecretVersions(name), toSecretInfo)),
    getSecret: (name) =>
      callVault("get", name, false, async (): Promise<SecretRead> => {
        try {
          const secret = await client.getSecret(name);
          return { found: true, value: secret.value ?? "", properties: toSecretInfo(secret.properties) };
        } catch (error) {
          if (classifyVaultError(error).kind === "not-found") return { found: false };
          throw error;
        }
      }),
    getDeletedSecret: (name) =>
      callVault("get-deleted", name, false, async (): Promise<DeletedSecretInfo | undefined> => {
        try {
          return toDeletedSecretInfo(await client.getDeletedSecret(name));
        } catch (error) {
          if (classifyVaultError(error).kind === "not-found") return undefined;
          throw error;
        }
      }),
    setSecret: (name, write) =>
      callVault(
        "set",
        name,
        true,
        async () => {
          const secret = await client.setSecret(name, write.value, {
            contentType: write.contentType,
            tags: write.tags,
            expiresOn: write.expiresOn,
            notBefore: write.notBefore,
            enabled: write.enabled,
          });
          return toSecretInfo(secret.properties);
        },
        () => confirmStored(name, write),
      ),
    updateProperties: (name, version, update) =>
      callVault("update", name, true, async () =>
        toSecretInfo(
          await client.updateSecretProperties(name, version, {
            contentType: update.contentType,
            tags: update.tags,
            expiresOn: update.expiresOn,
            enabled: update.enabled,
          }),
        ),
      ),
    deleteSecret: (name) =>
      callVault(
        "delete",
        name,
        true,
        async () => {
          // Starting the poller sends the DELETE and checks once; waiting 2 s per secret for the
          // deleted entry to show up would only slow a prune down.
          await client.beginDeleteSecret(name);
        },
        // A lost DELETE was done when the name no longer answers.
        async () => ((await readLatest(name)) === undefined ? { done: true, result: undefined } : { done: false }),
      ),
    // No confirm: the SDK's recover reads the secret first and does not recover what answers.
    recoverSecret: async (name) => {
      const poller = await callVault("recover", name, true, () => client.beginRecoverDeletedSecret(name));
      if (!poller.isDone()) await afterFirstCall(() => waitUntilReadable(name));
    },
  };
}
