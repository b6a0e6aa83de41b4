/**
 * The twelve secrets operations on an authorised request. Soft delete is eventually consistent
 * in Azure; FaultConfig.deleteDelayMs / recoverDelayMs reproduce its windows: a deletion "in
 * flight" is invisible under /deletedsecrets and blocks PUT and purge with 409, a recovery in
 * flight hides the secret from reads and blocks PUT with 409.
 */
import { randomBytes } from "node:crypto";
import { decodeBackupBlob, encodeBackupBlob } from "./backup-blob.ts";
import { failPurgeProtected, type VaultScope } from "./access.ts";
import { toDeletedSecretBundle, toDeletedSecretItem, toSecretBundle, toSecretItem, type BundleContext } from "./bundles.ts";
import {
  fail,
  failBadParameter,
  failBeingDeleted,
  failBeingRecovered,
  failDeletedButRecoverable,
  failDeletedSecretNotFound,
  failDisabled,
  failManagedByKeyVault,
  failSecretNotFound,
  type Outcome,
} from "./outcome.ts";
import { parseRestoreParameters, parseSetParameters, parseUpdateParameters, type SecretProperties } from "./parameters.ts";
import { checkGovernancePolicy } from "./policy.ts";
import type { SecretRoute } from "./routes.ts";
import { findVersion, readLatestVersion, type SecretVersion, type StoredSecret } from "./secret-store.ts";
import type { Vault } from "./vault.ts";
import { answerPage, listNames, withPage, type PageRequest } from "./paging.ts";

export interface OperationContext {
  vault: Vault;
  bundle: BundleContext;
  scope: VaultScope;
  /** Keys backup blobs to the tenant. */
  tenantId: string;
  nowMs: number;
  url: URL;
  apiVersion: string;
  body: Buffer;
}

type NameState = { kind: "missing" } | { kind: "active" | "recovering" | "deleting" | "deleted"; secret: StoredSecret };

/** Where a name stands now; a deleted secret past its scheduled purge date is purged on the way. */
export function readNameState(vault: Vault, name: string, nowMs: number): NameState {
  const active = vault.active.get(name);
  if (active !== undefined) {
    return { kind: (active.recoveringUntilMs ?? 0) > nowMs ? "recovering" : "active", secret: active };
  }
  const deleted = vault.deleted.get(name);
  if (deleted?.deleted === undefined) return { kind: "missing" };
  if (deleted.deleted.scheduledPurgeDate * 1000 <= nowMs) {
    vault.deleted.delete(name);
    return { kind: "missing" };
  }
  return { kind: deleted.deleted.visibleAtMs > nowMs ? "deleting" : "deleted", secret: deleted };
}

export function createVersionId(): string {
  return randomBytes(16).toString("hex");
}

function toSeconds(ms: number): number {
  return Math.floor(ms / 1000);
}

function applyProperties(version: SecretVersion, properties: SecretProperties): void {
  if (properties.contentType !== undefined) version.contentType = properties.contentType;
  if (properties.tags !== undefined) version.tags = properties.tags;
  if (properties.enabled !== undefined) version.enabled = properties.enabled;
  if (properties.nbf !== undefined) version.nbf = properties.nbf;
  if (properties.exp !== undefined) version.exp = properties.exp;
}

/** Moves a secret (all versions) to the deleted state; the admin API uses it too. */
export function moveToDeleted(vault: Vault, secret: StoredSecret, nowMs: number, delayMs: number): void {
  const deletedDate = toSeconds(nowMs);
  vault.active.delete(secret.name);
  delete secret.recoveringUntilMs;
  secret.deleted = {
    deletedDate,
    scheduledPurgeDate: deletedDate + vault.settings.recoverableDays * 86_400,
    visibleAtMs: nowMs + delayMs,
  };
  vault.deleted.set(secret.name, secret);
}

// ---- operations ----

function getSecret(context: OperationContext, name: string, versionId: string | undefined): Outcome {
  const state = readNameState(context.vault, name, context.nowMs);
  if (state.kind !== "active") return failSecretNotFound(versionId === undefined ? name : `${name}/${versionId}`);
  const version = versionId === undefined ? readLatestVersion(state.secret) : findVersion(state.secret, versionId);
  if (version === undefined) return failSecretNotFound(`${name}/${versionId}`);
  if (!version.enabled) return failDisabled();
  return { status: 200, body: toSecretBundle(context.bundle, state.secret, version, true) };
}

function setSecret(context: OperationContext, name: string): Outcome {
  const parameters = parseSetParameters(context.body);
  if (!parameters.ok) return parameters.outcome;
  const state = readNameState(context.vault, name, context.nowMs);
  if (state.kind === "deleting") return failBeingDeleted();
  if (state.kind === "deleted") return failDeletedButRecoverable(name);
  if (state.kind === "recovering") return failBeingRecovered(name);
  if (state.kind === "active" && state.secret.managed) return failManagedByKeyVault("set");
  const now = toSeconds(context.nowMs);
  const { value, ...properties } = parameters.value;
  const denied = checkGovernancePolicy(context.vault.settings.policy, name, { ...properties, created: now });
  if (denied !== undefined) return denied;
  const version: SecretVersion = { version: createVersionId(), value, enabled: true, created: now, updated: now };
  applyProperties(version, properties);
  let secret: StoredSecret;
  if (state.kind === "active") {
    secret = state.secret;
    secret.versions.push(version);
  } else {
    secret = { name, managed: false, versions: [version] };
    context.vault.active.set(name, secret);
  }
  return { status: 200, body: toSecretBundle(context.bundle, secret, version, true) };
}

function updateSecret(context: OperationContext, name: string, versionId: string): Outcome {
  const parameters = parseUpdateParameters(context.body);
  if (!parameters.ok) return parameters.outcome;
  const state = readNameState(context.vault, name, context.nowMs);
  const version = state.kind === "active" ? findVersion(state.secret, versionId) : undefined;
  if (state.kind !== "active" || version === undefined) return failSecretNotFound(`${name}/${versionId}`);
  if (state.secret.managed) return failManagedByKeyVault("update");
  const { policy } = context.vault.settings;
  if (policy?.evaluateUpdates === true) {
    const result = { ...version, ...parameters.value };
    const denied = checkGovernancePolicy(policy, state.secret.name, result);
    if (denied !== undefined) return denied;
  }
  applyProperties(version, parameters.value);
  version.updated = toSeconds(context.nowMs);
  return { status: 200, body: toSecretBundle(context.bundle, state.secret, version, false) };
}

function deleteSecret(context: OperationContext, name: string): Outcome {
  const state = readNameState(context.vault, name, context.nowMs);
  if (state.kind === "deleting") return failBeingDeleted();
  if (state.kind !== "active") return failSecretNotFound(name);
  if (state.secret.managed) return failManagedByKeyVault("delete");
  moveToDeleted(context.vault, state.secret, context.nowMs, context.vault.settings.faults.deleteDelayMs);
  return { status: 200, body: toDeletedSecretBundle(context.bundle, state.secret) };
}

function listSecrets(context: OperationContext, page: PageRequest): Outcome {
  const { nowMs } = context;
  return listNames(
    context,
    context.vault.active.iterateAfter(page.marker),
    page,
    (secret) => (secret.recoveringUntilMs ?? 0) <= nowMs,
    (secret) => toSecretItem(context.bundle, secret, readLatestVersion(secret), false),
  );
}

function listDeletedSecrets(context: OperationContext, page: PageRequest): Outcome {
  const { nowMs } = context;
  return listNames(
    context,
    context.vault.deleted.iterateAfter(page.marker),
    page,
    (secret) => secret.deleted !== undefined && secret.deleted.visibleAtMs <= nowMs && secret.deleted.scheduledPurgeDate * 1000 > nowMs,
    (secret) => toDeletedSecretItem(context.bundle, secret),
  );
}

/** Versions in creation order; a missing or deleted name lists as empty, as recorded. */
function listVersions(context: OperationContext, name: string, page: PageRequest): Outcome {
  const state = readNameState(context.vault, name, context.nowMs);
  if (state.kind !== "active") return answerPage(context, page, [], undefined, false);
  const start = page.marker === undefined ? 0 : Number(page.marker) + 1;
  if (!Number.isInteger(start) || start < 0) return failBadParameter("The $skiptoken parameter is invalid.");
  const { versions } = state.secret;
  const slice = versions.slice(start, start + page.size);
  const items = slice.map((version) => toSecretItem(context.bundle, state.secret, version, true));
  const last = slice.length === 0 ? undefined : String(start + slice.length - 1);
  return answerPage(context, page, items, last, start + page.size < versions.length);
}

function getDeletedSecret(context: OperationContext, name: string): Outcome {
  const state = readNameState(context.vault, name, context.nowMs);
  if (state.kind === "deleting") return failDeletedSecretNotFound(name);
  if (state.kind !== "deleted") return failSecretNotFound(name);
  return { status: 200, body: toDeletedSecretBundle(context.bundle, state.secret) };
}

function purgeDeletedSecret(context: OperationContext, name: string): Outcome {
  const state = readNameState(context.vault, name, context.nowMs);
  if (state.kind === "deleting") return failBeingDeleted();
  if (state.kind !== "deleted") return failSecretNotFound(name);
  if (context.vault.settings.purgeProtection) return failPurgeProtected(context.scope);
  context.vault.deleted.delete(name);
  return { status: 204 };
}

function recoverDeletedSecret(context: OperationContext, name: string): Outcome {
  const state = readNameState(context.vault, name, context.nowMs);
  if (state.kind === "deleting") return failBeingDeleted();
  if (state.kind !== "deleted") return failSecretNotFound(name);
  const { secret } = state;
  context.vault.deleted.delete(name);
  delete secret.deleted;
  const delayMs = context.vault.settings.faults.recoverDelayMs;
  if (delayMs > 0) secret.recoveringUntilMs = context.nowMs + delayMs;
  context.vault.active.set(secret.name, secret);
  return { status: 200, body: toSecretBundle(context.bundle, secret, readLatestVersion(secret), false) };
}

function backupSecret(context: OperationContext, name: string): Outcome {
  const state = readNameState(context.vault, name, context.nowMs);
  if (state.kind !== "active") return failSecretNotFound(name);
  return { status: 200, body: { value: encodeBackupBlob(state.secret, context.tenantId) } };
}

function restoreSecret(context: OperationContext): Outcome {
  const parameters = parseRestoreParameters(context.body);
  if (!parameters.ok) return parameters.outcome;
  const secret = decodeBackupBlob(parameters.value, context.tenantId);
  if (secret === undefined) return fail(400, "Malformed backup blob", "Backup blob contains invalid or corrupt version.");
  const latest = readLatestVersion(secret);
  if (readNameState(context.vault, secret.name, context.nowMs).kind !== "missing") {
    return fail(
      409,
      "Conflict",
      `There was a conflict restoring the secret '${context.bundle.origin}/secrets/${secret.name}/${latest.version}'. This can happen if either: a second secret with the same name was created after the first secret was deleted; or a secret with this name is currently deleted but recoverable, in which case recover or purge it first.`,
    );
  }
  context.vault.active.set(secret.name, secret);
  return { status: 200, body: toSecretBundle(context.bundle, secret, latest, false) };
}

export function runOperation(route: SecretRoute, context: OperationContext): Outcome {
  switch (route.operation) {
    case "GetSecret":
      return getSecret(context, route.name, route.version);
    case "SetSecret":
      return setSecret(context, route.name);
    case "UpdateSecret":
      return updateSecret(context, route.name, route.version);
    case "DeleteSecret":
      return deleteSecret(context, route.name);
    case "GetDeletedSecret":
      return getDeletedSecret(context, route.name);
    case "PurgeDeletedSecret":
      return purgeDeletedSecret(context, route.name);
    case "RecoverDeletedSecret":
      return recoverDeletedSecret(context, route.name);
    case "BackupSecret":
      return backupSecret(context, route.name);
    case "RestoreSecret":
      return restoreSecret(context);
    case "GetSecrets":
      return withPage(context, (page) => listSecrets(context, page));
    case "GetDeletedSecrets":
      return withPage(context, (page) => listDeletedSecrets(context, page));
    case "GetSecretVersions":
      return withPage(context, (page) => listVersions(context, route.name, page));
  }
}
