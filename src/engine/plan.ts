/**
 * The planner: desired secrets + what the vault holds -> one decision per Key Vault name. Pure:
 * no SDK, no toolkit, no clock (the caller passes `now`). Reasons are shown to users and never
 * contain a value.
 *
 * Decisions the design left open, made here on the side of never losing data:
 * - `adopt` takes over untagged and drifted secrets, never another owner's.
 * - A disabled secret is not written or re-enabled: the item fails and says how to proceed.
 * - Prune deletes nothing in a run where a source entry failed, or where the sources produced no
 *   secret at all, and never a name a skipped or failed entry still maps to: an input mistake must
 *   not delete secrets. Such candidates are listed as `skip` items so the user sees them.
 * - Prune deletes only this owner's secrets synced under exactly this run's prefix (the prefix
 *   tag, ignoring case as names do): `prefix: app-` never prunes what `prefix: app-api-` wrote,
 *   nor does an empty prefix prune either. A secret of this owner synced under another prefix is
 *   still this owner's: writing it moves it to this run's set (the last writer's prefix wins).
 * - Offline (no vault read) every valid secret is a `skip` item whose reason says it was only
 *   validated; nothing in the plan claims a create or update it could not know about.
 * - A value the identity may not read (e.g. Key Vault Reader) is planned as an update that writes a
 *   new version, and the reason says it was not compared.
 */
import type { DesiredSecret, Rejection } from "./naming.ts";
import { decideWrite, mayPrune } from "./ownership.ts";
import { PREFIX_TAG, isSamePrefix, readOwnership, readPrefix, selectUserTags } from "./tags.ts";
import type { SyncScope } from "./tags.ts";
import { compareBySecretName } from "./secret-names.ts";
import { readVaultName } from "./vault-url.ts";
import type { DeletedSecretInfo } from "./vault/key-vault-interface.ts";
import { isAccessDenied } from "./vault/vault-errors.ts";
import type { Plan, PlanInput, PlanItem, PlanItemBase, PlanOptions, RecoverChange, SecretMetadata, SetChange } from "./plan-items.ts";
import type { ExistingSecret, VaultState } from "./vault-state.ts";
import { findRenewal } from "./rules/renewal.ts";

// ---- Comparing a desired secret with the latest version ----

export interface CurrentVersion {
  value: string;
  contentType: string | undefined;
  tags: Readonly<Record<string, string>>;
  expiresOn: Date | undefined;
  enabled?: boolean;
}

export type Comparison =
  | { kind: "same" }
  | { kind: "value" }
  /** `newVersion`: the change removes something a PATCH cannot clear (content type). */
  | { kind: "metadata"; changed: string[]; newVersion: boolean };

function sameTags(left: Readonly<Record<string, string>>, right: Readonly<Record<string, string>>): boolean {
  const leftNames = Object.keys(left);
  return leftNames.length === Object.keys(right).length && leftNames.every((name) => right[name] === left[name]);
}

/**
 * Value, content type, user tags, ownership tags and the prefix tag must match; audit tags are
 * ignored. The prefix tag is compared exactly (it is written exactly), so a prefix whose case
 * changed is rewritten too. Expiry only matters when the inputs ask for one and the version has
 * none: comparing the date itself would churn a new expiry on every run as time passes.
 */
export function compareSecret(value: string, current: CurrentVersion, scope: SyncScope, metadata: SecretMetadata): Comparison {
  if (current.value !== value) return { kind: "value" };
  const changed: string[] = [];
  if (readOwnership(current.tags, scope.owner).kind !== "ours") changed.push("ownership tags");
  if (current.tags[PREFIX_TAG] !== (scope.prefix === "" ? undefined : scope.prefix)) changed.push("prefix tag");
  if (!sameTags(selectUserTags(current.tags), metadata.tags)) changed.push("tags");
  // An empty content type is no content type: comparing "" with a missing one would churn.
  const wanted = metadata.contentType || undefined;
  const stored = current.contentType || undefined;
  const contentTypeRemoved = wanted === undefined && stored !== undefined;
  if (stored !== wanted) changed.push(contentTypeRemoved ? "content type removed" : "content type");
  if (metadata.expiresInSeconds !== undefined && current.expiresOn === undefined) changed.push("expiry");
  if (metadata.enabled === false && current.enabled !== false) changed.push("disabled");
  return changed.length === 0 ? { kind: "same" } : { kind: "metadata", changed, newVersion: contentTypeRemoved };
}

/** A copy whose value does not show up in JSON, logs or inspection of the plan. */
export function hideValue(secret: DesiredSecret): DesiredSecret {
  const copy = { source: secret.source, name: secret.name, origin: secret.origin } as DesiredSecret;
  if (secret.metadata !== undefined) copy.metadata = secret.metadata;
  Object.defineProperty(copy, "value", { value: secret.value, enumerable: false });
  return copy;
}

// ---- Planning ----

function formatDate(date: Date | undefined): string {
  return date === undefined ? "an unknown date" : date.toISOString().slice(0, 10);
}

interface Context {
  options: PlanOptions;
  vaultName: string;
}

function baseFor(secret: DesiredSecret, reason: string): PlanItemBase {
  return { source: secret.source, name: secret.name, reason, origin: secret.origin };
}

/** An item that writes nothing. */
function itemFor(
  secret: DesiredSecret,
  action: "unchanged" | "skip" | "fail",
  reason: string,
  extra: Pick<PlanItemBase, "hint" | "offline"> = {},
): PlanItem {
  return { ...baseFor(secret, reason), action, ...extra };
}

/** Said on every write to a secret of this owner that another prefix's run synced last. */
function describeOtherPrefix(tags: Readonly<Record<string, string>>, prefix: string): string {
  const stored = readPrefix(tags);
  if (isSamePrefix(stored, prefix)) return "";
  return stored === "" ? "; was synced without a prefix" : `; was synced under prefix '${stored}'`;
}

function planExisting(secret: DesiredSecret, existing: ExistingSecret, context: Context): PlanItem {
  const { owner, prefix, adopt } = context.options;
  const metadata = secret.metadata ?? context.options.metadata;
  const stored = existing.name === secret.name ? "" : ` (stored as '${existing.name}'; Key Vault names are case-insensitive)`;
  if (existing.managed) {
    return itemFor(
      secret,
      "skip",
      `certificate-backed secret: its lifetime is managed by Key Vault, so keyvault-sync never writes it${stored}`,
    );
  }
  // Rules hook (issue 11): set once, then rotated elsewhere; nothing about it is compared or written.
  if (metadata.update === "create-only") return itemFor(secret, "unchanged", `create-only: left as it is${stored}`);
  const rule = decideWrite(existing.tags, owner, adopt);
  if (rule.kind === "refused" && rule.reason === "other-owner") {
    return itemFor(
      secret,
      "fail",
      `managed by keyvault-sync for another owner ('${rule.owner}'); this run's owner is '${owner}'${stored}`,
      {
        hint: "Another owner's secrets are never changed, not even with 'adopt'. Use the same 'owner' input in both workflows, or sync under different names (e.g. with 'prefix').",
      },
    );
  }
  let adopting = "";
  if (rule.kind === "refused" || rule.adopting) {
    const drifted = existing.history?.kind === "owned-before";
    const why = drifted
      ? `drifted: the latest version was written outside keyvault-sync on ${formatDate(existing.createdOn ?? existing.updatedOn)}; an older version was written by this owner`
      : "exists in the vault but was not created by keyvault-sync";
    if (rule.kind === "refused") {
      return itemFor(secret, "fail", `${why}${stored}`, {
        hint: drifted
          ? "Check who changed it. Set 'adopt: true' to overwrite it with the value from the sources, or remove it from the sources."
          : "Set 'adopt: true' to take it over (its versions then carry this owner's tags), or remove it from the sources.",
      });
    }
    adopting = drifted ? `adopting a drifted secret (${why}): ` : "adopting a secret not created by keyvault-sync: ";
  }
  // Every write below ends with this: where the secret was stored, and which set it came from.
  const written = `${adopting === "" ? describeOtherPrefix(existing.tags, prefix) : ""}${stored}`;
  if (!existing.enabled && metadata.enabled === false) {
    const why = "the value of a disabled secret cannot be read, so it was not compared";
    return itemFor(secret, "unchanged", `disabled, as its rule asks (${why})${stored}`);
  }
  if (!existing.enabled) {
    return itemFor(secret, "fail", `disabled in the vault; keyvault-sync does not write or re-enable disabled secrets${stored}`, {
      hint: `Enable it (az keyvault secret set-attributes --vault-name ${context.vaultName} --name ${existing.name} --enabled true) or remove it from the sources.`,
    });
  }
  const hidden = hideValue(secret);
  const setNewVersion: SetChange = { kind: "set", secret: hidden };
  if (existing.value.kind === "failed") {
    const failure = existing.value.failure;
    // Missing read permission (e.g. Key Vault Reader): a write may still be allowed, and it says so.
    if (isAccessDenied(failure.kind)) {
      return {
        ...baseFor(secret, `${adopting}value not compared (${failure.message}): new version${written}`),
        action: "update",
        change: setNewVersion,
      };
    }
    return itemFor(secret, "fail", `${adopting}could not read the current value: ${failure.message}${stored}`, { hint: failure.hint });
  }
  if (existing.value.kind === "not-read") {
    return {
      ...baseFor(secret, `${adopting}value not compared (not read): new version${written}`),
      action: "update",
      change: setNewVersion,
    };
  }
  const comparison = compareSecret(secret.value, { ...existing, value: existing.value.value }, { owner, prefix }, metadata);
  // Rules hook (issue 11): an expiry inside renew-before gets a new version; a value change already makes one.
  const renewal = findRenewal(existing.expiresOn, metadata, context.options.now);
  if (renewal !== undefined && comparison.kind !== "value") {
    const reason = `${adopting}${renewal}: new version with the same value and a fresh expiry${written}`;
    return { ...baseFor(secret, reason), action: "update", change: setNewVersion };
  }
  if (comparison.kind === "same") return itemFor(secret, "unchanged", `value and metadata match${stored}`);
  if (comparison.kind === "value")
    return { ...baseFor(secret, `${adopting}value changed: new version${written}`), action: "update", change: setNewVersion };
  const what = comparison.changed.join(", ");
  if (comparison.newVersion || existing.version === undefined) {
    return {
      ...baseFor(secret, `${adopting}metadata only (${what}): new version with the same value${written}`),
      action: "update",
      change: setNewVersion,
    };
  }
  return {
    ...baseFor(secret, `${adopting}metadata only (${what}): properties updated, no new version${written}`),
    action: "update",
    change: { kind: "patch", secret: hidden, storedName: existing.name, version: existing.version, currentExpiresOn: existing.expiresOn },
  };
}

export interface SoftDeletedRules {
  owner: string;
  adopt: boolean;
  vaultName: string;
}

/** A desired name that is soft-deleted: recover it if it is ours (or adoptable), else fail. */
export function planSoftDeleted(secret: DesiredSecret, deleted: DeletedSecretInfo, rules: SoftDeletedRules): PlanItem {
  const { owner, adopt } = rules;
  const when = formatDate(deleted.deletedOn);
  const manualHint = `Recover it (az keyvault secret recover --vault-name ${rules.vaultName} --name ${deleted.name}) or purge it by hand; keyvault-sync never purges.`;
  if (deleted.managed) {
    return itemFor(
      secret,
      "fail",
      `soft-deleted certificate-backed secret (deleted ${when}); keyvault-sync never writes certificate-backed secrets`,
      {
        hint: "Recover the certificate, or sync under another name.",
      },
    );
  }
  if (secret.metadata?.update === "create-only") {
    const reason = `create-only: soft-deleted on ${when}; keyvault-sync does not recover a create-only secret, whose value is kept elsewhere`;
    return itemFor(secret, "fail", reason, { hint: manualHint });
  }
  const rule = decideWrite(deleted.tags, owner, adopt);
  const recover: RecoverChange = { kind: "recover", secret: hideValue(secret), storedName: deleted.name, adopt };
  if (rule.kind === "allowed" && !rule.adopting) {
    return {
      ...baseFor(secret, `soft-deleted on ${when}: will be recovered, then its value and metadata brought up to date`),
      action: "recover",
      change: recover,
    };
  }
  if (rule.kind === "allowed") {
    return {
      ...baseFor(
        secret,
        `adopting a soft-deleted secret not created by keyvault-sync (deleted ${when}): will be recovered, then brought up to date`,
      ),
      action: "recover",
      change: recover,
    };
  }
  if (rule.reason === "other-owner") {
    return itemFor(secret, "fail", `soft-deleted on ${when}; it was managed by keyvault-sync for another owner ('${rule.owner}')`, {
      hint: `${manualHint} Another owner's secrets are never recovered or adopted.`,
    });
  }
  return itemFor(
    secret,
    "fail",
    `soft-deleted on ${when} and not created by keyvault-sync; its name cannot be reused until it is recovered or purged`,
    {
      hint: `${manualHint} Or set 'adopt: true' to recover it and take it over.`,
    },
  );
}

function planPrune(input: PlanInput, state: VaultState): PlanItem[] {
  const { owner, prefix } = input.options;
  const targeted = new Set(input.desired.map((secret) => secret.name.toLowerCase()));
  const heldBack = new Map<string, Rejection>();
  for (const rejection of input.rejected) {
    if (rejection.name !== undefined) heldBack.set(rejection.name.toLowerCase(), rejection);
  }
  const failedEntries = input.rejected.filter((rejection) => rejection.status === "failed").length;
  const items: PlanItem[] = [];
  for (const existing of state.secrets) {
    const key = existing.name.toLowerCase();
    const candidate =
      !existing.managed && mayPrune(existing.tags, owner, prefix) && key.startsWith(prefix.toLowerCase()) && !targeted.has(key);
    if (!candidate) continue;
    const rejection = heldBack.get(key);
    const base = { source: undefined, name: existing.name, origin: undefined };
    if (rejection !== undefined) {
      const outcome = rejection.status === "failed" ? "failed" : "was skipped";
      items.push({
        ...base,
        source: rejection.source,
        origin: rejection.origin,
        action: "skip",
        reason: `not pruned: source entry '${rejection.source}' still maps to this name but ${outcome} this run`,
      });
    } else if (failedEntries > 0) {
      items.push({
        ...base,
        action: "skip",
        reason: `not pruned: ${failedEntries} source ${failedEntries === 1 ? "entry" : "entries"} failed this run, and pruning waits for a clean run so an input mistake never deletes secrets`,
      });
    } else if (input.desired.length === 0) {
      items.push({
        ...base,
        action: "skip",
        reason: "not pruned: the sources produced no secrets this run, and keyvault-sync refuses to delete every secret it manages",
      });
    } else {
      const days = existing.recoverableDays === undefined ? "" : ` for ${existing.recoverableDays} days`;
      items.push({
        ...base,
        action: "delete",
        reason: `no longer in the sources: soft delete (recoverable${days})`,
        change: { kind: "delete", storedName: existing.name },
      });
    }
  }
  return items;
}

function itemFromRejection(rejection: Rejection): PlanItem {
  return {
    source: rejection.source,
    // A name that could not be formed is shown under the source key instead.
    name: rejection.name ?? rejection.source,
    action: rejection.status === "failed" ? "fail" : "skip",
    reason: rejection.reason,
    origin: rejection.origin,
  };
}

function decidedAgainst(options: PlanOptions): Pick<Plan, "scope" | "metadata"> {
  return { scope: { owner: options.owner, prefix: options.prefix }, metadata: options.metadata };
}

export function planChanges(input: PlanInput): Plan {
  const items = input.rejected.map(itemFromRejection);
  const state = input.state;
  if (state === undefined) {
    for (const secret of input.desired) {
      items.push(
        itemFor(secret, "skip", "validated offline only: not compared with the vault, which this run cannot read", { offline: true }),
      );
    }
    return { items: items.sort(compareBySecretName), offline: true, ...decidedAgainst(input.options) };
  }
  const context: Context = { options: input.options, vaultName: readVaultName(state.vaultUrl) };
  const existingByName = new Map(state.secrets.map((secret) => [secret.name.toLowerCase(), secret]));
  const deletedByName = new Map(state.deleted.map((secret) => [secret.name.toLowerCase(), secret]));
  const createReason =
    state.deletedUnavailable === undefined
      ? "new secret"
      : `new secret (soft-deleted names could not be checked: ${state.deletedUnavailable.message})`;
  for (const secret of input.desired) {
    const key = secret.name.toLowerCase();
    const existing = existingByName.get(key);
    const deleted = deletedByName.get(key);
    if (existing !== undefined) items.push(planExisting(secret, existing, context));
    else if (deleted !== undefined)
      items.push(
        planSoftDeleted(secret, deleted, { owner: input.options.owner, adopt: input.options.adopt, vaultName: context.vaultName }),
      );
    else {
      const whenSoftDeleted = { owner: input.options.owner, adopt: input.options.adopt };
      items.push({
        ...baseFor(secret, createReason),
        action: "create",
        change: { kind: "set", secret: hideValue(secret), whenSoftDeleted },
      });
    }
  }
  if (input.options.prune) items.push(...planPrune(input, state));
  return { items: items.sort(compareBySecretName), offline: false, ...decidedAgainst(input.options) };
}
