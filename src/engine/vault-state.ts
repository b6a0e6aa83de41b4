/**
 * Reads what the planner needs from the vault, with as few calls as possible. Two ways:
 *
 * - Listing (prune needs every secret): one listing of the secrets, a GET of the value only for
 *   desired names we might write, started as the listing's pages arrive, and one listing of the
 *   deleted secrets.
 * - By name (no prune): a GET per desired name, and a GET of the deleted entry only for names
 *   that answered 404. A big shared vault costs nothing extra this way. A GET refused for any
 *   other reason falls back to one listing, shared by all names, so a secret the identity may
 *   list but not read (a Reader, a disabled secret) is planned exactly as with the listing.
 *
 * Either way, a listing of versions only where ownership has to be traced back (drift).
 * Per-name failures become data for the planner; only a failed listing throws.
 */
import type { KeyVault, SecretInfo, DeletedSecretInfo } from "./vault/key-vault-interface.ts";
import type { VaultFailure } from "./vault/vault-errors.ts";
import { VaultError } from "./vault/vault-errors.ts";
import type { DesiredSecret } from "./naming.ts";
import { SyncError, errorMessage } from "./errors.ts";
import { createConcurrencyGate, mapWithConcurrency } from "./limiter.ts";
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
  /**
   * true (default): list the whole vault, as prune needs. false: read the desired names one by
   * one and never list unless a read is refused.
   */
  listAll?: boolean;
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
  if (options.listAll === false) {
    const reader = createNameReader(vault, options);
    const parts = await mapWithConcurrency(desired, options.concurrency, (secret) => reader.read(secret.name));
    return mergeStates(vault.vaultUrl, parts);
  }
  // Reads start as the listing's pages arrive, under the same bound as every other request; a
  // listing that was retried shows names again, and each is read once.
  const wanted = new Set(desired.map((secret) => secret.name.toLowerCase()));
  const gate = createConcurrencyGate(options.concurrency);
  const reads = new Map<string, Promise<ExistingSecret>>();
  const startReads = (page: readonly SecretInfo[]): void => {
    for (const secret of page) {
      const key = secret.name.toLowerCase();
      if (wanted.has(key) && !reads.has(key))
        reads.set(
          key,
          gate(() => readExisting(vault, secret, options)),
        );
    }
  };
  let listed: SecretInfo[];
  try {
    listed = await vault.listSecrets(startReads);
  } catch (error) {
    throw toListingError(error);
  }

  const deletedListing = gate(async (): Promise<Pick<VaultState, "deleted" | "deletedUnavailable">> => {
    try {
      return { deleted: await vault.listDeletedSecrets(), deletedUnavailable: undefined };
    } catch (error) {
      // Without this list a create may meet a soft-deleted name; apply reports that per secret.
      return { deleted: [], deletedUnavailable: toReadFailure(error) };
    }
  });
  const readByName = new Map<string, ExistingSecret>();
  for (const [key, read] of reads) readByName.set(key, await read);
  const secrets = listed.map(
    (secret): ExistingSecret => readByName.get(secret.name.toLowerCase()) ?? { ...secret, value: { kind: "not-read" }, history: undefined },
  );
  return { vaultUrl: vault.vaultUrl, secrets, ...(await deletedListing) };
}

// ---- Reading by name ----

/** What the vault holds under one name: the secret, its soft-deleted entry, or neither. */
export interface NameState {
  existing: ExistingSecret | undefined;
  deleted: DeletedSecretInfo | undefined;
  deletedUnavailable: ReadFailure | undefined;
}

export interface NameReader {
  read(name: string): Promise<NameState>;
}

/**
 * Reads one desired name at a time (see the module comment). The fallback listing is made at most
 * once per reader and throws like the listing mode does when the vault cannot be listed.
 */
export function createNameReader(vault: KeyVault, options: ReadVaultStateOptions): NameReader {
  let listing: Promise<Map<string, SecretInfo>> | undefined;
  const findListed = async (name: string): Promise<SecretInfo | undefined> => {
    listing ??= vault.listSecrets().then(
      (listed) => new Map(listed.map((secret) => [secret.name.toLowerCase(), secret])),
      (error: unknown) => Promise.reject(toListingError(error)),
    );
    return (await listing).get(name.toLowerCase());
  };

  async function readDeleted(name: string): Promise<NameState> {
    try {
      return { existing: undefined, deleted: await vault.getDeletedSecret(name), deletedUnavailable: undefined };
    } catch (error) {
      return { existing: undefined, deleted: undefined, deletedUnavailable: toReadFailure(error) };
    }
  }

  return {
    async read(name) {
      let read;
      try {
        read = await vault.getSecret(name);
      } catch (error) {
        const listed = await findListed(name);
        if (listed === undefined) return readDeleted(name);
        const history = needsHistory(listed, options.owner) ? await readHistory(vault, listed.name, options.owner) : undefined;
        const value: ValueState = needsValue(listed, options.owner, options.adopt)
          ? { kind: "failed", failure: toReadFailure(error) }
          : { kind: "not-read" };
        return { existing: { ...listed, value, history }, deleted: undefined, deletedUnavailable: undefined };
      }
      if (!read.found) return readDeleted(name);
      const properties = read.properties;
      for (const fragment of listMaskFragments(read.value)) options.mask?.(fragment);
      const history = needsHistory(properties, options.owner) ? await readHistory(vault, properties.name, options.owner) : undefined;
      // The value came with the GET; keep it only where the planner can use it.
      const value: ValueState = needsValue(properties, options.owner, options.adopt)
        ? { kind: "read", value: read.value }
        : { kind: "not-read" };
      return { existing: { ...properties, value, history }, deleted: undefined, deletedUnavailable: undefined };
    },
  };
}

/** The by-name reads as one VaultState: the secrets and deleted entries found, and the first reason deleted entries could not be read. */
export function mergeStates(vaultUrl: string, parts: readonly NameState[]): VaultState {
  const state: VaultState = { vaultUrl, secrets: [], deleted: [], deletedUnavailable: undefined };
  for (const part of parts) {
    if (part.existing !== undefined) state.secrets.push(part.existing);
    if (part.deleted !== undefined) state.deleted.push(part.deleted);
    state.deletedUnavailable ??= part.deletedUnavailable;
  }
  return state;
}
