/**
 * Reads what the planner needs from the vault, with as few calls as possible: one listing of the
 * secrets and one of the deleted secrets, then a GET of the value only for desired names we might
 * write, and a listing of versions only where ownership has to be traced back (drift).
 * Per-name failures become data for the planner; only a failed listing throws.
 */
import type { KeyVault, SecretInfo, DeletedSecretInfo } from "./vault/key-vault-interface.ts";
import type { VaultFailure } from "./vault/vault-errors.ts";
import { VaultError } from "./vault/vault-errors.ts";
import type { DesiredSecret } from "./naming.ts";
import { SyncError, errorMessage } from "./errors.ts";
import { mapWithConcurrency } from "./limiter.ts";
import { listMaskFragments } from "./sources/read-sources.ts";
import { decideWrite } from "./ownership.ts";
import { readOwnership } from "./tags.ts";

/** A per-name read that did not work, as data: user-facing message plus hint. */
export interface ReadFailure {
  kind: VaultFailure["kind"];
  message: string;
  hint: string | undefined;
}

export type ValueState =
  /** Not needed: the planner decides without the value (not ours, disabled, certificate-backed). */
  { kind: "not-read" } | { kind: "read"; value: string } | { kind: "failed"; failure: ReadFailure };

/**
 * Where the latest version's missing ownership tags came from: did this owner ever write a
 * version? Only traced for desired names whose latest version carries no ownership tags.
 */
export type OwnershipHistory =
  { kind: "owned-before"; lastOwnedOn: Date | undefined } | { kind: "never-owned" } | { kind: "failed"; failure: ReadFailure };

export interface ExistingSecret extends SecretInfo {
  value: ValueState;
  history: OwnershipHistory | undefined;
}

export interface VaultState {
  vaultUrl: string;
  /** Every secret in the vault, latest version's properties (refreshed by the GET when read). */
  secrets: ExistingSecret[];
  /** Soft-deleted secrets; empty when `deletedUnavailable` says why they could not be listed. */
  deleted: DeletedSecretInfo[];
  deletedUnavailable: ReadFailure | undefined;
}

export interface ReadVaultStateOptions {
  owner: string;
  concurrency: number;
  /**
   * false: values of secrets this owner does not manage are not read (they cannot be written).
   * Omitted: they are read too, so the state fits a plan with or without adopt.
   */
  adopt?: boolean;
  /**
   * Registers a value with the log masker. Values read from the vault are masked like the
   * sources' values: the action never prints them, and another step must not either.
   */
  mask?: (value: string) => void;
}

function toReadFailure(error: unknown): ReadFailure {
  if (error instanceof VaultError) return { kind: error.failure.kind, message: error.message, hint: error.hint };
  return { kind: "other", message: errorMessage(error), hint: undefined };
}

/** A failed listing ends the run: keep the adapter's triaged message and hint. */
function toListingError(error: unknown): SyncError {
  if (error instanceof SyncError) return error;
  return new SyncError(`Failed to read the vault: ${errorMessage(error)}`);
}

function needsValue(secret: SecretInfo, owner: string, adopt: boolean | undefined): boolean {
  if (secret.managed || !secret.enabled) return false;
  // Without a decided adopt, read what an adopting run could write, so the state fits either plan.
  return decideWrite(secret.tags, owner, adopt ?? true).kind === "allowed";
}

function needsHistory(secret: SecretInfo, owner: string): boolean {
  return !secret.managed && readOwnership(secret.tags, owner).kind === "unmanaged";
}

async function readHistory(vault: KeyVault, name: string, owner: string): Promise<OwnershipHistory> {
  try {
    const versions = await vault.listVersions(name);
    const owned = versions.filter((version) => readOwnership(version.tags, owner).kind === "ours");
    if (owned.length === 0) return { kind: "never-owned" };
    const dates = owned.map((version) => version.createdOn?.getTime()).filter((time): time is number => time !== undefined);
    return { kind: "owned-before", lastOwnedOn: dates.length > 0 ? new Date(Math.max(...dates)) : undefined };
  } catch (error) {
    return { kind: "failed", failure: toReadFailure(error) };
  }
}

async function readExisting(vault: KeyVault, listed: SecretInfo, options: ReadVaultStateOptions): Promise<ExistingSecret> {
  const history = needsHistory(listed, options.owner) ? await readHistory(vault, listed.name, options.owner) : undefined;
  if (!needsValue(listed, options.owner, options.adopt)) return { ...listed, value: { kind: "not-read" }, history };
  try {
    const read = await vault.getSecret(listed.name);
    if (!read.found) {
      // Listed a moment ago, gone now: someone deleted it while we were reading.
      const failure: ReadFailure = {
        kind: "not-found",
        message: `'${listed.name}' disappeared while the vault was being read`,
        hint: "Run the sync again.",
      };
      return { ...listed, value: { kind: "failed", failure }, history };
    }
    for (const fragment of listMaskFragments(read.value)) options.mask?.(fragment);
    // The GET is newer than the listing and is the version the value belongs to.
    return { ...read.properties, value: { kind: "read", value: read.value }, history };
  } catch (error) {
    return { ...listed, value: { kind: "failed", failure: toReadFailure(error) }, history };
  }
}

export async function readVaultState(
  vault: KeyVault,
  desired: readonly DesiredSecret[],
  options: ReadVaultStateOptions,
): Promise<VaultState> {
  // Sequential on purpose: the first call also completes the SDK's challenge handshake.
  let listed: SecretInfo[];
  try {
    listed = await vault.listSecrets();
  } catch (error) {
    throw toListingError(error);
  }

  let deleted: DeletedSecretInfo[] = [];
  let deletedUnavailable: ReadFailure | undefined;
  try {
    deleted = await vault.listDeletedSecrets();
  } catch (error) {
    // Without this list a create may meet a soft-deleted name; apply reports that per secret.
    deletedUnavailable = toReadFailure(error);
  }

  const wanted = new Set(desired.map((secret) => secret.name.toLowerCase()));
  const targeted = listed.filter((secret) => wanted.has(secret.name.toLowerCase()));
  const read = await mapWithConcurrency(targeted, options.concurrency, (secret) => readExisting(vault, secret, options));
  const readByName = new Map(read.map((secret, index) => [targeted[index]?.name.toLowerCase(), secret]));
  const secrets = listed.map(
    (secret): ExistingSecret => readByName.get(secret.name.toLowerCase()) ?? { ...secret, value: { kind: "not-read" }, history: undefined },
  );
  return { vaultUrl: vault.vaultUrl, secrets, deleted, deletedUnavailable };
}
