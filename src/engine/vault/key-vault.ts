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
 * defaults, are decided in retry-rules.ts; the loop that retries is in vault-call.ts.
 */
import { SecretClient } from "@azure/keyvault-secrets";
import type { DeletedSecret, SecretProperties } from "@azure/keyvault-secrets";
import type { TokenCredential } from "@azure/core-auth";
import type { HttpClient } from "@azure/core-rest-pipeline";
import type { Agent } from "node:https";
import { sleepFor } from "../limiter.ts";
import type { Sleep } from "../limiter.ts";
import { DEFAULT_TRANSACTION_PACING, DEFAULT_WRITE_PACING, createAnsweredWindowLimiter, createPacingPolicy } from "./pacing.ts";
import type { Pacing } from "./pacing.ts";
import { classifyVaultError, createVaultError } from "./vault-errors.ts";
import { DEFAULT_RETRY } from "./retry-rules.ts";
import type { RetrySettings } from "./retry-rules.ts";
import {
  createErrorBodyPolicy,
  createNoBlindRepeatPolicy,
  createThrottlePolicy,
  createTimeoutPolicy,
  REQUEST_TIMEOUT_MS,
  restoreErrorBody,
} from "./vault-policies.ts";
import type { ErrorBody } from "./vault-policies.ts";
import { createVaultCaller, holdsWrite } from "./vault-call.ts";
import type { Confirmation } from "./vault-call.ts";
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

  const { callVault, afterFirstCall, answered } = createVaultCaller({
    vaultUrl,
    clientId: options.clientId,
    retry,
    sleep,
    log,
    errorBodies,
  });

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
