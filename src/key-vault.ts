/**
 * The KeyVault interface the rest of the action uses, and its Azure implementation. This is the
 * only module that imports the Key Vault SDK, and the only place that retries Key Vault calls:
 *
 * - 429: a pipeline policy closest to the wire retries with 1, 2, 4, 8, 16 s backoff (jittered),
 *   honouring Retry-After when present; the SDK alone retries a 429 only when it has Retry-After.
 * - 5xx and dropped connections: the SDK's own retry policy (3 retries); nothing is added on top.
 * - 403 by RBAC or access policy: a few retries for role-assignment propagation, until one 403
 *   has outlasted them; after that every 403 fails at once, so a missing role costs seconds
 *   once per run instead of on every secret or every kind of call.
 * - 409 "being deleted / being recovered" and the 404 window after a recovery: short backoff.
 *
 * Writes are paced by a sliding window under the per-vault limit (300 writes per 10 s).
 */
import { SecretClient } from "@azure/keyvault-secrets";
import type { DeletedSecret, SecretProperties } from "@azure/keyvault-secrets";
import type { TokenCredential } from "@azure/core-auth";
import type { HttpClient, HttpHeaders, PipelinePolicy, PipelineResponse } from "@azure/core-rest-pipeline";
import { SyncError } from "./errors.ts";
import { readVaultName } from "./vault-names.ts";
import { createWindowLimiter, sleepFor } from "./limiter.ts";
import type { Sleep, WindowLimiter } from "./limiter.ts";

// ---- What the rest of the action sees ----

/** Properties of one secret version (the latest one, in listings). Never a value. */
export interface SecretInfo {
  /** The name as the vault stores it (Key Vault names are case-insensitive). */
  name: string;
  version: string | undefined;
  enabled: boolean;
  /** Certificate-backed: its lifetime is managed by Key Vault and it must never be written. */
  managed: boolean;
  contentType: string | undefined;
  tags: Record<string, string>;
  expiresOn: Date | undefined;
  createdOn: Date | undefined;
  updatedOn: Date | undefined;
  recoverableDays: number | undefined;
}

export interface DeletedSecretInfo extends SecretInfo {
  deletedOn: Date | undefined;
  scheduledPurgeDate: Date | undefined;
}

export type SecretRead = { found: true; value: string; properties: SecretInfo } | { found: false };

/** A new version: value plus the metadata every version carries. */
export interface SecretWrite {
  value: string;
  contentType: string | undefined;
  tags: Record<string, string>;
  expiresOn: Date | undefined;
}

/** A PATCH of an existing version. Undefined fields are left as they are. */
export interface PropertiesUpdate {
  contentType: string | undefined;
  tags: Record<string, string>;
  expiresOn: Date | undefined;
}

/** Every method throws a VaultError (never a raw SDK error) when Key Vault refuses. */
export interface KeyVault {
  readonly vaultUrl: string;
  listSecrets(): Promise<SecretInfo[]>;
  listDeletedSecrets(): Promise<DeletedSecretInfo[]>;
  /** The latest version with its value; "not found" is an answer, not an error. */
  getSecret(name: string): Promise<SecretRead>;
  /** A soft-deleted secret's properties, or undefined when the name is not soft-deleted (yet). */
  getDeletedSecret(name: string): Promise<DeletedSecretInfo | undefined>;
  listVersions(name: string): Promise<SecretInfo[]>;
  setSecret(name: string, write: SecretWrite): Promise<SecretInfo>;
  updateProperties(name: string, version: string, update: PropertiesUpdate): Promise<SecretInfo>;
  /** Starts a soft delete; does not wait for the deleted entry to become visible. */
  deleteSecret(name: string): Promise<void>;
  /** Recovers a soft-deleted secret and waits until it can be read again. */
  recoverSecret(name: string): Promise<void>;
}

// ---- Failures ----

export type VaultFailureKind =
  | "forbidden-rbac"
  | "forbidden-policy"
  | "forbidden-firewall"
  | "forbidden-other"
  | "not-found"
  | "deleted-recoverable"
  | "being-deleted"
  | "being-recovered"
  | "throttled"
  | "managed-by-key-vault"
  | "disabled"
  | "bad-request"
  | "transient"
  | "other";

export interface VaultFailure {
  status: number | undefined;
  code: string | undefined;
  innerCode: string | undefined;
  /** Key Vault's own message (names and caller ids, never values). */
  message: string;
  kind: VaultFailureKind;
}

export type VaultOperation = "list" | "list-deleted" | "list-versions" | "get" | "get-deleted" | "set" | "update" | "delete" | "recover";

const READS: ReadonlySet<VaultOperation> = new Set(["list", "list-deleted", "list-versions", "get", "get-deleted"]);

/** A request with no answer in this time fails instead of holding its worker until the job times out. */
export const REQUEST_TIMEOUT_MS = 60_000;

/** A refused Key Vault call: what failed, for which secret, why, and how to fix it. */
export class VaultError extends SyncError {
  readonly failure: VaultFailure;
  readonly operation: VaultOperation;
  readonly secretName: string | undefined;

  constructor(message: string, hint: string | undefined, failure: VaultFailure, operation: VaultOperation, secretName: string | undefined) {
    // No `cause`: the SDK error holds the request, and a set request's body is the value.
    super(message, hint);
    this.name = "VaultError";
    this.failure = failure;
    this.operation = operation;
    this.secretName = secretName;
  }
}

const NETWORK_CODES = new Set(["ETIMEDOUT", "ESOCKETTIMEDOUT", "ECONNREFUSED", "ECONNRESET", "ENOENT", "ENOTFOUND", "EPIPE", "EAI_AGAIN", "REQUEST_SEND_ERROR"]);

const FORBIDDEN_KINDS: Record<string, VaultFailureKind> = {
  ForbiddenByRbac: "forbidden-rbac",
  AccessDenied: "forbidden-policy",
  ForbiddenByPolicy: "forbidden-policy",
  ForbiddenByFirewall: "forbidden-firewall",
  ForbiddenByConnection: "forbidden-firewall",
  SecretManagedByKeyVault: "managed-by-key-vault",
  SecretDisabled: "disabled",
};

const CONFLICT_KINDS: Record<string, VaultFailureKind> = {
  ObjectIsDeletedButRecoverable: "deleted-recoverable",
  ObjectIsBeingDeleted: "being-deleted",
  ObjectIsBeingRecovered: "being-recovered",
};

/** Read status and codes the way the SDK surfaces them (azure-facts A §6.1) and name the case. */
export function classifyVaultError(error: unknown): VaultFailure {
  const fields = (typeof error === "object" && error !== null ? error : {}) as {
    statusCode?: unknown;
    code?: unknown;
    message?: unknown;
    details?: { error?: { code?: unknown; message?: unknown; innerError?: { code?: unknown }; innererror?: { code?: unknown } } };
  };
  const status = typeof fields.statusCode === "number" ? fields.statusCode : undefined;
  const bodyError = fields.details?.error;
  const inner = bodyError?.innerError?.code ?? bodyError?.innererror?.code;
  const innerCode = typeof inner === "string" ? inner : undefined;
  const code = typeof bodyError?.code === "string" ? bodyError.code : typeof fields.code === "string" ? fields.code : undefined;
  const aborted = typeof error === "object" && error !== null && (error as { name?: unknown }).name === "AbortError";
  const message = describeFailure(status, code, typeof bodyError?.message === "string" ? bodyError.message : undefined, aborted);
  const kind = aborted ? "transient" : pickKind(status, code, innerCode, message);
  return { status, code, innerCode, message, kind };
}

/**
 * The only texts trusted to hold no value are Key Vault's own error messages (names and caller
 * ids) and fixed descriptions. The SDK's `message` is never used: for a response it cannot parse
 * it quotes the body, and the body of a GET is the secret.
 */
function describeFailure(status: number | undefined, code: string | undefined, serviceMessage: string | undefined, aborted: boolean): string {
  if (serviceMessage !== undefined && status !== undefined && status >= 400) return serviceMessage;
  if (aborted) return `no answer within ${REQUEST_TIMEOUT_MS / 1000} s (request timed out)`;
  if (code === "PARSE_ERROR") return `Key Vault's answer could not be read${status === undefined ? "" : ` (HTTP ${status})`}`;
  if (status === undefined) return code === undefined ? "the request failed" : `the request failed (${code})`;
  return `unexpected answer (HTTP ${status}${code === undefined ? "" : `, ${code}`})`;
}

/** The `error` object of a Key Vault error body, kept because some SDK paths drop it. */
interface ErrorBody {
  code?: unknown;
  message?: unknown;
  innererror?: { code?: unknown };
}

/**
 * The SDK's pager throws "Pagination failed with unexpected statusCode 403" and drops the body,
 * so a refused listing would lose its inner code (RBAC vs firewall). This policy remembers error
 * bodies per request so the adapter can classify them like any other error.
 */
function createErrorBodyPolicy(bodies: WeakMap<object, ErrorBody>): PipelinePolicy {
  return {
    name: "keyvaultSyncErrorBody",
    async sendRequest(request, next): Promise<PipelineResponse> {
      const response = await next(request);
      if (response.status >= 400 && response.bodyAsText) {
        try {
          const parsed = JSON.parse(response.bodyAsText) as { error?: ErrorBody };
          if (parsed.error && typeof parsed.error === "object") bodies.set(request, parsed.error);
        } catch {
          // Not JSON: nothing to remember; the SDK reports its own parse error.
        }
      }
      return response;
    },
  };
}

/** The SDK sends without a timeout by default; a stalled connection would hang the run. */
function createTimeoutPolicy(timeoutMs: number): PipelinePolicy {
  return {
    name: "keyvaultSyncTimeout",
    sendRequest(request, next): Promise<PipelineResponse> {
      if (!request.timeout) request.timeout = timeoutMs;
      return next(request);
    },
  };
}

/** Put a remembered error body back on an SDK error that lost it. */
function restoreErrorBody(error: unknown, bodies: WeakMap<object, ErrorBody>): unknown {
  if (typeof error !== "object" || error === null) return error;
  const fields = error as { request?: unknown; details?: { error?: unknown }; statusCode?: unknown; code?: unknown; message?: unknown };
  if (fields.details?.error !== undefined || typeof fields.request !== "object" || fields.request === null) return error;
  const body = bodies.get(fields.request);
  if (body === undefined) return error;
  const innerCode = body.innererror?.code;
  return {
    statusCode: fields.statusCode,
    code: fields.code,
    message: fields.message,
    details: { error: { code: body.code, message: body.message, innerError: innerCode === undefined ? undefined : { code: innerCode } } },
  };
}

function pickKind(status: number | undefined, code: string | undefined, innerCode: string | undefined, message: string): VaultFailureKind {
  if (status === undefined) return code !== undefined && NETWORK_CODES.has(code) ? "transient" : "other";
  if (status === 403) {
    const known = innerCode === undefined ? undefined : FORBIDDEN_KINDS[innerCode];
    if (known) return known;
    // Older or proxied answers can lack innererror; the firewall wording is distinctive.
    if (/client address is not authorized|public network access is disabled|not allowed by NSP/i.test(message)) return "forbidden-firewall";
    if (/lifetime is managed by Key Vault/i.test(message)) return "managed-by-key-vault";
    return "forbidden-other";
  }
  if (status === 409) return (innerCode === undefined ? undefined : CONFLICT_KINDS[innerCode]) ?? "other";
  if (status === 404) return "not-found";
  if (status === 429) return "throttled";
  if (status === 400 || status === 405) return "bad-request";
  if (status === 408 || (status >= 500 && status !== 501 && status !== 505)) return "transient";
  return "other";
}

// ---- The one table of hints ----

interface HintContext {
  operation: VaultOperation;
  vaultName: string;
  secretName: string | undefined;
  clientId: string | undefined;
}

const VERBS: Record<VaultOperation, string> = {
  list: "list secrets",
  "list-deleted": "list deleted secrets",
  "list-versions": "list the versions of",
  get: "read",
  "get-deleted": "read the deleted",
  set: "set",
  update: "update the properties of",
  delete: "delete",
  recover: "recover",
};

/** Least-privileged built-in role that allows each operation. */
const ROLE_FOR: Record<VaultOperation, string> = {
  list: "Key Vault Reader",
  "list-deleted": "Key Vault Reader",
  "list-versions": "Key Vault Reader",
  get: "Key Vault Secrets User",
  "get-deleted": "Key Vault Reader",
  set: "Key Vault Secrets Officer",
  update: "Key Vault Secrets Officer",
  delete: "Key Vault Secrets Officer",
  recover: "Key Vault Secrets Officer",
};

/** Access-policy permission each operation needs. */
const PERMISSION_FOR: Record<VaultOperation, string> = {
  list: "list",
  "list-deleted": "list",
  "list-versions": "list",
  get: "get",
  "get-deleted": "get",
  set: "set",
  update: "set",
  delete: "delete",
  recover: "recover",
};

const HINTS: Partial<Record<VaultFailureKind, (ctx: HintContext) => string>> = {
  "forbidden-rbac": (ctx) =>
    `The identity lacks the '${ROLE_FOR[ctx.operation]}' role on this vault (a sync needs 'Key Vault Secrets Officer'; a dry run needs 'Key Vault Secrets User' to compare values). ` +
    `Grant it: az role assignment create --role "${ROLE_FOR[ctx.operation]}" --assignee ${ctx.clientId ?? "<client-id>"} --scope "$(az keyvault show --name ${ctx.vaultName} --query id -o tsv)". ` +
    "New role assignments can take a few minutes to apply.",
  "forbidden-policy": (ctx) =>
    `The vault uses access policies and the identity lacks the secret '${PERMISSION_FOR[ctx.operation]}' permission. ` +
    `Grant what a sync needs: az keyvault set-policy --name ${ctx.vaultName} --spn ${ctx.clientId ?? "<client-id>"} --secret-permissions get list set delete recover`,
  "forbidden-firewall": (ctx) =>
    `The vault's network rules rejected the runner. Run the job on a self-hosted runner inside the vault's virtual network (private endpoint), ` +
    `or allow the runner's public IP: az keyvault network-rule add --name ${ctx.vaultName} --ip-address <runner-ip> (GitHub-hosted runner addresses change between runs).`,
  "managed-by-key-vault": () => "This secret backs a certificate; change the certificate instead, or sync under another name.",
  disabled: (ctx) =>
    `Enable it (az keyvault secret set-attributes --vault-name ${ctx.vaultName} --name ${ctx.secretName ?? "<name>"} --enabled true) or remove it from the sources.`,
  "deleted-recoverable": (ctx) =>
    `The name is soft-deleted. Recover it (az keyvault secret recover --vault-name ${ctx.vaultName} --name ${ctx.secretName ?? "<name>"}) or purge it by hand; keyvault-sync never purges.`,
  "being-deleted": () => "Key Vault is still processing a delete of this name; run the sync again in a minute.",
  "being-recovered": () => "Key Vault is still processing a recovery of this name; run the sync again in a minute.",
  throttled: () => "Key Vault kept throttling after repeated backoff; lower the 'concurrency' input or spread runs that share the vault.",
  transient: () => "Key Vault or the network failed repeatedly; run the job again.",
};

function summarise(failure: VaultFailure): string {
  const firstLine = failure.message.split(/\r?\n/)[0]?.trim() || failure.message;
  const codes = [failure.status, failure.innerCode ?? failure.code].filter((part) => part !== undefined).join(" ");
  const action = /Action: '([^']+)'/.exec(failure.message)?.[1];
  const detail = [codes, action ? `action ${action}` : undefined].filter(Boolean).join(", ");
  return detail ? `${firstLine} (${detail})` : firstLine;
}


/** Build the error for a refused call; the fake vault in tests builds its errors here too. */
export function createVaultError(
  failure: VaultFailure,
  operation: VaultOperation,
  context: { vaultUrl: string; secretName?: string | undefined; clientId?: string | undefined },
): VaultError {
  const vaultName = readVaultName(context.vaultUrl);
  const target = context.secretName === undefined ? "" : ` secret '${context.secretName}'`;
  const message = `Failed to ${VERBS[operation]}${target} in vault '${vaultName}': ${summarise(failure)}`;
  const hint = HINTS[failure.kind]?.({ operation, vaultName, secretName: context.secretName, clientId: context.clientId });
  return new VaultError(message, hint, failure, operation, context.secretName);
}

// ---- Retry settings ----

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

export interface WritePacing {
  /** Writes allowed to start in any window. */
  limit: number;
  windowMs: number;
}

/**
 * Key Vault allows 300 secret writes per 10 s per vault (shared with certificate and key
 * imports); 280 leaves room for other writers and for requests arriving slightly out of step.
 */
export const DEFAULT_WRITE_PACING: WritePacing = { limit: 280, windowMs: 10_000 };

export interface KeyVaultOptions {
  log?: (message: string) => void;
  sleep?: Sleep;
  now?: () => number;
  /** Jitter source in [0, 1). */
  random?: () => number;
  retry?: Partial<RetrySettings>;
  /** false turns pacing off. */
  writePacing?: WritePacing | false;
  /** Named in permission hints. */
  clientId?: string;
  /** Transport override (the SDK's own option), e.g. an in-memory vault for unit tests. */
  httpClient?: HttpClient;
}

// ---- 429 policy ----

const RETRY_AFTER_MS_HEADERS = ["retry-after-ms", "x-ms-retry-after-ms"];

/** Milliseconds a response asks us to wait, from any of the headers Azure uses. */
export function readRetryAfterMs(headers: HttpHeaders, now: number): number | undefined {
  for (const name of RETRY_AFTER_MS_HEADERS) {
    const value = Number(headers.get(name));
    if (headers.has(name) && Number.isFinite(value) && value >= 0) return value;
  }
  const raw = headers.get("retry-after");
  if (raw === undefined) return undefined;
  const seconds = Number(raw);
  if (raw.trim() !== "" && Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(raw);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

export interface ThrottlePolicyOptions {
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  maxRetryAfterMs: number;
  sleep: Sleep;
  now: () => number;
  random: () => number;
  log: (message: string) => void;
}

/**
 * Retries 429 answers, with or without Retry-After. It sits inside the SDK's retry policy (closest
 * to the wire); when it gives up it removes the Retry-After headers so the SDK's own throttling
 * strategy does not start another round of waits on top of ours.
 */
export function createThrottlePolicy(options: ThrottlePolicyOptions): PipelinePolicy {
  return {
    name: "keyvaultSyncThrottleRetry",
    async sendRequest(request, next): Promise<PipelineResponse> {
      for (let retry = 0; ; retry += 1) {
        const response = await next(request);
        if (response.status !== 429) return response;
        if (retry >= options.retries) {
          for (const name of ["retry-after", ...RETRY_AFTER_MS_HEADERS]) response.headers.delete(name);
          return response;
        }
        const nominal = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** retry);
        const backoff = Math.round(nominal * (0.8 + 0.4 * options.random()));
        const asked = readRetryAfterMs(response.headers, options.now());
        const delay = asked === undefined ? backoff : Math.max(backoff, Math.min(asked, options.maxRetryAfterMs));
        const path = new URL(request.url).pathname;
        const why = asked === undefined ? "no Retry-After" : `Retry-After ${(asked / 1000).toFixed(1)} s`;
        options.log(`Key Vault throttled ${request.method} ${path} (429, ${why}); retry ${retry + 1} of ${options.retries} in ${(delay / 1000).toFixed(1)} s`);
        await options.sleep(delay);
      }
    },
  };
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
    deletedOn: deleted.deletedOn ?? deleted.properties.deletedOn,
    scheduledPurgeDate: deleted.scheduledPurgeDate ?? deleted.properties.scheduledPurgeDate,
  };
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
  const writeLimiter: WindowLimiter | undefined = pacing === false ? undefined : createWindowLimiter({ ...pacing, now, sleep });

  const errorBodies = new WeakMap<object, ErrorBody>();
  const client = new SecretClient(vaultUrl, credential, {
    additionalPolicies: [
      { position: "perCall", policy: createErrorBodyPolicy(errorBodies) },
      { position: "perCall", policy: createTimeoutPolicy(REQUEST_TIMEOUT_MS) },
      {
        position: "perRetry",
        policy: createThrottlePolicy({
          retries: retry.throttleRetries,
          baseDelayMs: retry.throttleBaseDelayMs,
          maxDelayMs: retry.throttleMaxDelayMs,
          maxRetryAfterMs: retry.maxRetryAfterMs,
          sleep,
          now,
          random: options.random ?? Math.random,
          log,
        }),
      },
    ],
    retryOptions: { maxRetries: retry.transientRetries, retryDelayInMs: retry.transientDelayMs },
    httpClient: options.httpClient,
  });

  // The SDK's challenge handshake keeps per-client state; requests racing on a fresh client can
  // lose a body (azure-facts A §3.2 item 10). Everything waits for the first call to finish.
  let firstCall: Promise<void> | undefined;
  async function afterFirstCall<T>(call: () => Promise<T>): Promise<T> {
    if (firstCall === undefined) {
      const result = call();
      firstCall = result.then(
        () => {},
        () => {},
      );
      return result;
    }
    await firstCall;
    return call();
  }

  // A role assignment propagates as a whole: once one 403 has outlasted the propagation retries,
  // waiting again (for another secret or another kind of call) would not change the answer.
  let propagationWaitedOut = false;
  // Once any call has worked the assignment is in effect: a read refused after that lacks a
  // permission (a Reader may list but not read values), and waiting for propagation cannot help.
  // Writes keep their retries: a stronger role added just now may still be on its way.
  let succeededOnce = false;

  function pickRetryDelay(failure: VaultFailure, operation: VaultOperation, tries: { forbidden: number; conflict: number }): number | undefined {
    if (failure.kind === "forbidden-rbac" || failure.kind === "forbidden-policy") {
      if (succeededOnce && READS.has(operation)) return undefined;
      const delay = propagationWaitedOut ? undefined : retry.forbiddenDelaysMs[tries.forbidden];
      if (delay === undefined) propagationWaitedOut = true;
      else tries.forbidden += 1;
      return delay;
    }
    const settling =
      failure.kind === "being-deleted" || failure.kind === "being-recovered" || (operation === "recover" && failure.kind === "not-found");
    if (settling) {
      const delay = retry.conflictDelaysMs[tries.conflict];
      if (delay !== undefined) tries.conflict += 1;
      return delay;
    }
    return undefined;
  }

  async function callVault<T>(operation: VaultOperation, secretName: string | undefined, write: boolean, attempt: () => Promise<T>): Promise<T> {
    return afterFirstCall(async () => {
      const tries = { forbidden: 0, conflict: 0 };
      for (;;) {
        if (write) await writeLimiter?.take();
        try {
          const result = await attempt();
          succeededOnce = true;
          return result;
        } catch (error) {
          // Already explained (a sign-in failure surfacing in a vault call): keep its cause and fix.
          if (error instanceof SyncError) throw error;
          const failure = classifyVaultError(restoreErrorBody(error, errorBodies));
          const delay = pickRetryDelay(failure, operation, tries);
          const vaultError = createVaultError(failure, operation, { vaultUrl, secretName, clientId: options.clientId });
          if (delay === undefined) throw vaultError;
          log(`${vaultError.message}; retrying in ${(delay / 1000).toFixed(1)} s`);
          await sleep(delay);
        }
      }
    });
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
          const waited = { ...failure, message: `recovered, but still not readable after ${retry.recoverWaitDelaysMs.length + 1} tries: ${failure.message}` };
          throw createVaultError(waited, "recover", { vaultUrl, secretName: name, clientId: options.clientId });
        }
        await sleep(delay);
      }
    }
  }

  return {
    vaultUrl,
    listSecrets: () => callVault("list", undefined, false, () => collect(client.listPropertiesOfSecrets(), toSecretInfo)),
    listDeletedSecrets: () => callVault("list-deleted", undefined, false, () => collect(client.listDeletedSecrets(), toDeletedSecretInfo)),
    listVersions: (name) => callVault("list-versions", name, false, () => collect(client.listPropertiesOfSecretVersions(name), toSecretInfo)),
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
      callVault("set", name, true, async () => {
        const secret = await client.setSecret(name, write.value, { contentType: write.contentType, tags: write.tags, expiresOn: write.expiresOn });
        return toSecretInfo(secret.properties);
      }),
    updateProperties: (name, version, update) =>
      callVault("update", name, true, async () =>
        toSecretInfo(await client.updateSecretProperties(name, version, { contentType: update.contentType, tags: update.tags, expiresOn: update.expiresOn })),
      ),
    deleteSecret: (name) =>
      callVault("delete", name, true, async () => {
        // Starting the poller sends the DELETE and checks once; waiting 2 s per secret for the
        // deleted entry to show up would only slow a prune down.
        await client.beginDeleteSecret(name);
      }),
    recoverSecret: async (name) => {
      const poller = await callVault("recover", name, true, () => client.beginRecoverDeletedSecret(name));
      if (!poller.isDone()) await afterFirstCall(() => waitUntilReadable(name));
    },
  };
}
