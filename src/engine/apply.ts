/**
 * The applier: Plan -> one ChangeResult per item, with bounded concurrency, in the plan's order
 * (the planner sorts it). One item's failure is that item's result; applyPlan never throws for
 * one item and never stops the others. Retries and pacing are the vault adapter's job.
 */
import { VaultError } from "./vault/vault-errors.ts";
import type { KeyVault, PropertiesUpdate, SecretWrite } from "./vault/key-vault-interface.ts";
import type { Plan, PlanAction, PlanChange, PlanItem, RecoverChange, SecretMetadata, SetChange } from "./plan-items.ts";
import { compareSecret } from "./compare-secret.ts";
import { planSoftDeleted } from "./plan-secret.ts";
import type { DesiredSecret } from "./naming.ts";
import type { Origin } from "./sources/source-entry.ts";
import { SyncError, errorMessage } from "./errors.ts";
import { mapWithConcurrency } from "./limiter.ts";
import { decideWrite } from "./ownership.ts";
import type { RefusedWrite } from "./ownership.ts";
import { buildTags } from "./tags.ts";
import type { AuditContext, SyncScope } from "./tags.ts";
import { readVaultName } from "./vault-url.ts";

export type ResultStatus = "created" | "updated" | "unchanged" | "recovered" | "deleted" | "skipped" | "failed";

/** The outcome for one Key Vault name. In a dry run, the outcome the plan would have. */
export interface ChangeResult {
  source: string | undefined;
  name: string;
  action: PlanAction;
  status: ResultStatus;
  reason: string;
  origin: Origin | undefined;
  /** How to fix a failure, when there is something to say. */
  hint?: string;
  /** Skipped only because an offline dry run could not compare it: no problem (see PlanItem). */
  offline?: true;
}

export function resultFromItem(item: PlanItem, status: ResultStatus, reason = item.reason): ChangeResult {
  const result: ChangeResult = { source: item.source, name: item.name, action: item.action, status, reason, origin: item.origin };
  if (item.hint !== undefined && status === "failed") result.hint = item.hint;
  if (item.offline && status === "skipped") result.offline = true;
  return result;
}

/** The outcome each action has when it works; a dry run reports exactly this. */
export const PREDICTED_STATUS: Record<PlanAction, ResultStatus> = {
  create: "created",
  update: "updated",
  unchanged: "unchanged",
  recover: "recovered",
  delete: "deleted",
  skip: "skipped",
  fail: "failed",
};

export interface ApplyOptions {
  /** Items in flight at once (each is one or a few Key Vault calls). */
  concurrency: number;
  audit: AuditContext;
  /** Start of expiry for written versions. */
  now: Date;
  /** Called as each item's result is known, in completion order (progress lines, debug). */
  onResult?: (result: ChangeResult) => void;
}

interface WriteContext {
  scope: SyncScope;
  /** The run's defaults; a secret with its own settings (rules) uses those instead. */
  metadata: SecretMetadata;
  audit: AuditContext;
  now: Date;
}

function settingsOf(secret: DesiredSecret, context: WriteContext): SecretMetadata {
  return secret.metadata ?? context.metadata;
}

function offset(now: Date, seconds: number | undefined): Date | undefined {
  return seconds === undefined ? undefined : new Date(now.getTime() + seconds * 1000);
}

/** Every version this run writes for one secret carries the same tags and expiry. */
function buildWrite(secret: DesiredSecret, context: WriteContext): SecretWrite {
  const metadata = settingsOf(secret, context);
  const write: SecretWrite = {
    value: secret.value,
    contentType: metadata.contentType || undefined,
    tags: buildTags(context.scope, metadata.tags, context.audit),
    expiresOn: offset(context.now, metadata.expiresInSeconds),
  };
  if (metadata.notBeforeSeconds !== undefined) write.notBefore = offset(context.now, metadata.notBeforeSeconds);
  if (metadata.enabled === false) write.enabled = false;
  return write;
}

/** A PATCH keeps an expiry the version already has (no churn) and adds one when it has none. */
function buildUpdate(secret: DesiredSecret, currentExpiry: Date | undefined, context: WriteContext): PropertiesUpdate {
  const metadata = settingsOf(secret, context);
  const update: PropertiesUpdate = {
    contentType: metadata.contentType || undefined,
    tags: buildTags(context.scope, metadata.tags, context.audit),
    expiresOn: currentExpiry === undefined ? offset(context.now, metadata.expiresInSeconds) : undefined,
  };
  if (metadata.enabled === false) update.enabled = false;
  return update;
}

function failedResult(item: PlanItem, error: unknown, prefix = ""): ChangeResult {
  const result = resultFromItem(item, "failed", `${prefix}${errorMessage(error)}`);
  if (error instanceof SyncError && error.hint !== undefined) result.hint = error.hint;
  return result;
}

/**
 * Why the recovered secret is no longer one the plan may write, or undefined when it still is.
 * The SDK's recover reports success without recovering when the name already exists, so a secret
 * someone else recovered (and perhaps rewrote) since the plan looks recovered by us: its latest
 * version must pass the planner's ownership rule again.
 */
function findForeignRecovery(tags: Readonly<Record<string, string>>, change: RecoverChange, owner: string): string | undefined {
  const rule = decideWrite(tags, owner, change.adopt);
  if (rule.kind === "allowed") return undefined;
  const whose =
    rule.reason === "other-owner" ? `managed by keyvault-sync for another owner ('${rule.owner}')` : "written outside keyvault-sync";
  return `recovered by someone else since the plan; its latest version is not ours (${whose}), so nothing was written`;
}

/** Recover, then write only what differs: the recovered version may already be right. */
async function recoverThenWrite(item: PlanItem, change: RecoverChange, vault: KeyVault, context: WriteContext): Promise<ChangeResult> {
  await vault.recoverSecret(change.storedName);
  try {
    const current = await vault.getSecret(change.storedName);
    if (!current.found) {
      await vault.setSecret(change.secret.name, buildWrite(change.secret, context));
      return resultFromItem(item, "recovered", "recovered; a new version was written");
    }
    const foreign = findForeignRecovery(current.properties.tags, change, context.scope.owner);
    if (foreign !== undefined) {
      const result = resultFromItem(item, "failed", foreign);
      result.hint = `Check who recovered '${current.properties.name}' and why, then run the sync again: the next plan compares against what it holds now.`;
      return result;
    }
    const comparison = compareSecret(
      change.secret.value,
      { ...current.properties, value: current.value },
      context.scope,
      settingsOf(change.secret, context),
    );
    if (comparison.kind === "same") return resultFromItem(item, "recovered", "recovered; value and metadata already match");
    if (comparison.kind === "metadata" && !comparison.newVersion && current.properties.version !== undefined) {
      await vault.updateProperties(
        current.properties.name,
        current.properties.version,
        buildUpdate(change.secret, current.properties.expiresOn, context),
      );
      return resultFromItem(item, "recovered", `recovered; metadata updated (${comparison.changed.join(", ")})`);
    }
    await vault.setSecret(change.secret.name, buildWrite(change.secret, context));
    const what = comparison.kind === "value" ? "value changed" : `metadata changed (${comparison.changed.join(", ")})`;
    return resultFromItem(item, "recovered", `recovered; ${what}: a new version was written`);
  } catch (error) {
    return failedResult(item, error, `recovered '${change.storedName}', but bringing it up to date failed: `);
  }
}

/**
 * A create that met a soft-deleted name (deleted just before the vault was read): decide as the
 * planner would have, had it seen the name in the deleted list.
 */
async function recoverInsteadOfCreate(
  item: PlanItem,
  change: SetChange,
  rules: { owner: string; adopt: boolean },
  vault: KeyVault,
  context: WriteContext,
  refused: VaultError,
): Promise<ChangeResult> {
  const deleted = await vault.getDeletedSecret(change.secret.name);
  if (deleted === undefined) throw refused;
  const decision = planSoftDeleted(change.secret, deleted, { ...rules, vaultName: readVaultName(vault.vaultUrl) });
  const found = "found soft-deleted at write time";
  if (decision.action !== "recover") {
    const result = resultFromItem(item, "failed", `${found}: ${decision.reason}`);
    if (decision.hint !== undefined) result.hint = decision.hint;
    return result;
  }
  const result = await recoverThenWrite(item, decision.change, vault, context);
  return { ...result, reason: `${found}; ${result.reason}` };
}

/**
 * Key Vault has no conditional create: two owners that both planned to create a new name both
 * write, and the name then holds both owners' versions. After a create, every version must be
 * this owner's. Of two racing runs the later one always sees the other's version, so at least
 * one of them reports the race, whichever order the writes and the checks take.
 */
async function checkCreateRace(item: PlanItem, name: string, vault: KeyVault, owner: string): Promise<ChangeResult | undefined> {
  let versions;
  try {
    versions = await vault.listVersions(name);
  } catch (error) {
    return failedResult(item, error, `created, but could not confirm that no other writer created '${name}' at the same time: `);
  }
  // Without adopt, the write rule refuses exactly the versions that are not this owner's.
  const others = versions
    .map((version) => decideWrite(version.tags, owner, false))
    .filter((rule): rule is RefusedWrite => rule.kind === "refused");
  if (others.length === 0) return undefined;
  const owners = [
    ...new Set(others.map((rule) => (rule.reason === "other-owner" ? `owner '${rule.owner}'` : "a writer outside keyvault-sync"))),
  ];
  const result = resultFromItem(
    item,
    "failed",
    `conflict: created, but ${owners.join(" and ")} created '${name}' at the same time; it now holds ${others.length} ${others.length === 1 ? "version" : "versions"} besides this owner's (Key Vault has no conditional create)`,
  );
  result.hint = `Two writers sync '${name}' into one vault: give each its own prefix or vault, then check which value '${name}' should hold and run the sync again.`;
  return result;
}

async function applyChange(item: PlanItem, change: PlanChange, vault: KeyVault, context: WriteContext): Promise<ChangeResult> {
  switch (change.kind) {
    case "set":
      try {
        await vault.setSecret(change.secret.name, buildWrite(change.secret, context));
      } catch (error) {
        const softDeleted = error instanceof VaultError && error.failure.kind === "deleted-recoverable";
        if (softDeleted && change.whenSoftDeleted !== undefined)
          return recoverInsteadOfCreate(item, change, change.whenSoftDeleted, vault, context, error);
        throw error;
      }
      if (item.action === "create")
        return (await checkCreateRace(item, change.secret.name, vault, context.scope.owner)) ?? resultFromItem(item, "created");
      return resultFromItem(item, "updated");
    case "patch":
      await vault.updateProperties(change.storedName, change.version, buildUpdate(change.secret, change.currentExpiresOn, context));
      return resultFromItem(item, "updated");
    case "delete":
      await vault.deleteSecret(change.storedName);
      return resultFromItem(item, "deleted");
    case "recover":
      return recoverThenWrite(item, change, vault, context);
  }
}

async function applyItem(item: PlanItem, vault: KeyVault, context: WriteContext): Promise<ChangeResult> {
  if (item.change === undefined) return resultFromItem(item, PREDICTED_STATUS[item.action]);
  try {
    return await applyChange(item, item.change, vault, context);
  } catch (error) {
    return failedResult(item, error);
  }
}

/** A dry run: the outcome each item has when it works, without a single Key Vault call. */
export function predictResults(plan: Plan): ChangeResult[] {
  return plan.items.map((item) => resultFromItem(item, PREDICTED_STATUS[item.action]));
}

/** One result per plan item, in the plan's order. */
export async function applyPlan(plan: Plan, vault: KeyVault, options: ApplyOptions): Promise<ChangeResult[]> {
  // Owner, prefix and metadata come from the plan: what is written is what was compared.
  const context: WriteContext = { scope: plan.scope, metadata: plan.metadata, audit: options.audit, now: options.now };
  return mapWithConcurrency(plan.items, options.concurrency, async (item) => {
    const result = await applyItem(item, vault, context);
    options.onResult?.(result);
    return result;
  });
}
