/**
 * The health of what one owner manages under one prefix, from secret properties only (no value
 * is read): expired or expiring, too many versions, drifted, disabled, and names inside the
 * prefix that this owner does not manage. Pure: listings in, findings out.
 *
 * Drift, precisely: the latest version carries no ownership tags of this owner while an older
 * version does — a new version was written outside keyvault-sync (`az keyvault secret set`, the
 * portal) after the last sync. A hand edit that copies every tag, or a change of properties only
 * (expiry, enabled, tags) on a synced version, is not detected: nothing in the vault tells it
 * apart from a sync, and the sync stores no fingerprint of the value (it would leak the value).
 */
import type { SecretInfo } from "../vault/key-vault-interface.ts";
import { isSamePrefix, readOwnership, readPrefix } from "../tags.ts";
import type { Finding } from "./findings.ts";

/** Key Vault's backup of a secret fails above this many versions. */
export const BACKUP_VERSION_LIMIT = 500;

export interface HealthOptions {
  owner: string;
  prefix: string;
  now: Date;
  /** Warn about secrets that expire within this many days. */
  expiryWarningDays: number;
  /** Warn about secrets with more versions than this. */
  maxVersions: number;
  vaultName: string;
}

/** A secret's latest properties and, when listed, all its versions. */
export interface SecretHealthInput {
  latest: SecretInfo;
  /** undefined: the versions could not be listed (`versionsError` says why). */
  versions: readonly SecretInfo[] | undefined;
  versionsError?: string | undefined;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Names inside the prefix, compared as Key Vault compares names: ignoring case. */
export function isInsidePrefix(name: string, prefix: string): boolean {
  return prefix !== "" && name.toLowerCase().startsWith(prefix.toLowerCase());
}

/** Is this secret part of the set this owner syncs under this prefix? */
export function isManagedSet(secret: SecretInfo, owner: string, prefix: string): boolean {
  return readOwnership(secret.tags, owner).kind === "ours" && isSamePrefix(readPrefix(secret.tags), prefix);
}

/** The secrets `check` looks at: this owner's set, plus anything else whose name is inside the prefix. */
export function selectForHealth(secrets: readonly SecretInfo[], owner: string, prefix: string): SecretInfo[] {
  return secrets.filter((secret) => !secret.managed && (isManagedSet(secret, owner, prefix) || isInsidePrefix(secret.name, prefix)));
}

function formatDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function checkExpiry(secret: SecretInfo, options: HealthOptions): Finding | undefined {
  const expires = secret.expiresOn;
  if (expires === undefined) return undefined;
  const left = expires.getTime() - options.now.getTime();
  const fix = `Run the sync (it writes a new version with a new expiry when 'expires-in' is set), or set a new expiry: az keyvault secret set-attributes --vault-name ${options.vaultName} --name ${secret.name} --expires <date>.`;
  if (left <= 0) {
    return {
      level: "error",
      code: "secret-expired",
      subject: secret.name,
      message: `Expired on ${formatDay(expires)}: applications reading it get an error.`,
      fix,
    };
  }
  if (left <= options.expiryWarningDays * DAY_MS) {
    const days = Math.ceil(left / DAY_MS);
    return {
      level: "warning",
      code: "secret-expiring",
      subject: secret.name,
      message: `Expires on ${formatDay(expires)}, in ${days} ${days === 1 ? "day" : "days"} (warning from ${options.expiryWarningDays} days).`,
      fix,
    };
  }
  return undefined;
}

function checkVersions(input: SecretHealthInput, options: HealthOptions): Finding | undefined {
  const name = input.latest.name;
  if (input.versions === undefined) {
    return {
      level: "warning",
      code: "secret-versions-unknown",
      subject: name,
      message: `Its versions could not be listed, so version count and drift were not checked: ${input.versionsError ?? "unknown error"}`,
      fix: "Give the identity list permission (Key Vault Reader or Secrets User, or the access policy 'list').",
    };
  }
  const count = input.versions.length;
  if (count <= options.maxVersions) return undefined;
  const backup =
    count > BACKUP_VERSION_LIMIT
      ? ` Above ${BACKUP_VERSION_LIMIT} versions Key Vault's backup of this secret fails.`
      : ` Key Vault's backup fails above ${BACKUP_VERSION_LIMIT} versions.`;
  return {
    level: count > BACKUP_VERSION_LIMIT ? "error" : "warning",
    code: "secret-many-versions",
    subject: name,
    message: `Has ${count} versions (more than ${options.maxVersions}).${backup}`,
    fix: "Find what writes it so often (keyvault-sync writes only when the value or metadata changed). Old versions cannot be deleted one by one; to start over, delete and purge the secret and sync it again.",
  };
}

function checkOwnership(input: SecretHealthInput, options: HealthOptions): Finding | undefined {
  const { latest, versions } = input;
  const ownership = readOwnership(latest.tags, options.owner);
  if (ownership.kind === "ours") return undefined;
  if (ownership.kind === "other-owner") {
    return {
      level: "warning",
      code: "secret-other-owner",
      subject: latest.name,
      message: `Inside the prefix '${options.prefix}' but managed by keyvault-sync for another owner ('${ownership.owner}'); this owner's sync fails on this name.`,
      fix: "Use different prefixes for the two workflows, or the same 'owner' input in both.",
    };
  }
  const owned = (versions ?? []).filter((version) => readOwnership(version.tags, options.owner).kind === "ours");
  if (owned.length > 0) {
    const when = latest.createdOn ?? latest.updatedOn;
    return {
      level: "warning",
      code: "secret-drifted",
      subject: latest.name,
      message: `Drifted: the latest version${when ? ` (${when.toISOString()})` : ""} was written outside keyvault-sync after a version this owner synced; the next sync refuses to overwrite it.`,
      fix: "Find out who changed it and why. Put the change into the sources and sync with 'adopt: true' (which overwrites it), or restore the synced value.",
    };
  }
  if (versions === undefined) return undefined;
  return {
    level: "notice",
    code: "secret-unmanaged",
    subject: latest.name,
    message: `Inside the prefix '${options.prefix}' but not created by keyvault-sync; a sync leaves it alone, and fails if its sources ever hold this name.`,
    fix: "Move it out of the prefix, delete it if unused, or let the sync take it over with 'adopt: true'.",
  };
}

function checkEnabled(secret: SecretInfo, options: HealthOptions): Finding | undefined {
  if (secret.enabled) return undefined;
  return {
    level: "warning",
    code: "secret-disabled",
    subject: secret.name,
    message: "Disabled: applications cannot read it, and the sync neither writes nor re-enables it.",
    fix: `Enable it (az keyvault secret set-attributes --vault-name ${options.vaultName} --name ${secret.name} --enabled true) or remove it from the sources.`,
  };
}

export function checkHealth(inputs: readonly SecretHealthInput[], options: HealthOptions): Finding[] {
  const findings: Finding[] = [];
  for (const input of inputs) {
    // Expiry, versions and enabled matter for what this owner syncs; others' secrets only for ownership.
    const checks = isManagedSet(input.latest, options.owner, options.prefix)
      ? [checkEnabled(input.latest, options), checkVersions(input, options), checkExpiry(input.latest, options)]
      : [checkOwnership(input, options) ?? (input.versions === undefined ? checkVersions(input, options) : undefined)];
    for (const finding of checks) if (finding !== undefined) findings.push(finding);
  }
  return findings;
}
