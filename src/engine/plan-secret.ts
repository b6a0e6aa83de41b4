/**
 * Planning one desired secret against what its name holds in the vault: a live secret
 * (planExisting) or a soft-deleted one (planSoftDeleted). The rules behind these decisions are
 * listed in plan.ts.
 */
import type { DesiredSecret } from "./naming.ts";
import { decideWrite } from "./ownership.ts";
import { isSamePrefix, readPrefix } from "./tags.ts";
import { compareSecret } from "./compare-secret.ts";
import type { DeletedSecretInfo } from "./vault/key-vault-interface.ts";
import { isAccessDenied } from "./vault/vault-errors.ts";
import type { PlanItem, PlanItemBase, PlanOptions, RecoverChange, SetChange } from "./plan-items.ts";
import type { ExistingSecret } from "./vault-state.ts";
import { findRenewal } from "./rules/renewal.ts";

/** A copy whose value does not show up in JSON, logs or inspection of the plan. */
export function hideValue(secret: DesiredSecret): DesiredSecret {
  const copy = { source: secret.source, name: secret.name, origin: secret.origin } as DesiredSecret;
  if (secret.metadata !== undefined) copy.metadata = secret.metadata;
  Object.defineProperty(copy, "value", { value: secret.value, enumerable: false });
  return copy;
}

function formatDate(date: Date | undefined): string {
  return date === undefined ? "an unknown date" : date.toISOString().slice(0, 10);
}

export interface PlanContext {
  options: PlanOptions;
  vaultName: string;
}

export function baseFor(secret: DesiredSecret, reason: string): PlanItemBase {
  return { source: secret.source, name: secret.name, reason, origin: secret.origin };
}

/** An item that writes nothing. */
export function itemFor(
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

export function planExisting(secret: DesiredSecret, existing: ExistingSecret, context: PlanContext): PlanItem {
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
