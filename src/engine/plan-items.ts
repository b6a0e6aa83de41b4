/**
 * The plan as data: one item per Key Vault name, each with the change apply is to make. The
 * planner (plan.ts) makes it; apply, the report and the front doors read it.
 */
import type { DesiredSecret, Rejection } from "./naming.ts";
import type { Origin } from "./sources/source-entry.ts";
import type { SyncScope } from "./tags.ts";
import type { VaultState } from "./vault-state.ts";
import type { SecretSettings } from "./rules/resolve-rules.ts";

/**
 * A new version: create, a changed value, or metadata a PATCH cannot express. A create carries
 * `whenSoftDeleted`: a name deleted moments before the vault was read is neither listed nor yet
 * in the deleted list, so apply may only learn at write time that it is soft-deleted, and then
 * decides with the same rules as the planner (planSoftDeleted).
 */
export interface SetChange {
  kind: "set";
  secret: DesiredSecret;
  whenSoftDeleted?: { owner: string; adopt: boolean };
}

/** Metadata only: PATCH the latest version, no new version. */
export interface PatchChange {
  kind: "patch";
  secret: DesiredSecret;
  storedName: string;
  version: string;
  currentExpiresOn: Date | undefined;
}

/**
 * Recover the soft-deleted name, then bring value and metadata up to date. `adopt`: whether
 * the recovered version may be one keyvault-sync did not write (apply checks it again).
 */
export interface RecoverChange {
  kind: "recover";
  secret: DesiredSecret;
  storedName: string;
  adopt: boolean;
}

export interface DeleteChange {
  kind: "delete";
  storedName: string;
}

/** What apply has to do for one item. */
export type PlanChange = SetChange | PatchChange | RecoverChange | DeleteChange;

/** What every item says, whatever its action. `reason` is shown to users and never holds a value. */
export interface PlanItemBase {
  /** The source key; undefined for secrets found only in the vault (prune). */
  source: string | undefined;
  /** The Key Vault name as it will be written (or as it exists, for deletes). */
  name: string;
  reason: string;
  origin: Origin | undefined;
  /** How to fix a `fail` item, when there is something to say. */
  hint?: string;
  /**
   * A `skip` that is no problem: the secret is valid and was only not compared with the vault,
   * which an offline dry run cannot read. The report counts these instead of warning about each.
   */
  offline?: true;
}

/**
 * One decision about one Key Vault name. An item that writes carries its change by type (the
 * value inside is not enumerable, so serialising an item never shows it); the others carry none.
 */
export type PlanItem =
  | (PlanItemBase & { action: "create"; change: SetChange })
  | (PlanItemBase & { action: "update"; change: SetChange | PatchChange })
  | (PlanItemBase & { action: "recover"; change: RecoverChange })
  | (PlanItemBase & { action: "delete"; change: DeleteChange })
  | (PlanItemBase & { action: "unchanged" | "skip" | "fail"; change?: undefined });

export type PlanAction = PlanItem["action"];

export interface Plan {
  items: PlanItem[];
  /** True when the vault was not read (offline dry run). */
  offline?: boolean;
  /** Owner and prefix the plan compared against: apply tags what it writes with the same. */
  scope: SyncScope;
  /** Metadata the plan compared against: apply writes the same. */
  metadata: SecretMetadata;
}

/** Metadata a written version carries: the inputs' defaults, or a secret's own (rules, issue 11). */
export type SecretMetadata = SecretSettings;

export interface PlanOptions {
  owner: string;
  prefix: string;
  prune: boolean;
  adopt: boolean;
  metadata: SecretMetadata;
  now: Date;
}

export interface PlanInput {
  desired: readonly DesiredSecret[];
  rejected: readonly Rejection[];
  /** undefined: offline dry run, the vault was not read. */
  state: VaultState | undefined;
  options: PlanOptions;
}
