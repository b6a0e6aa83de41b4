/** Builders shared by the planner's tests: desired secrets, vault state, options. */
import { expect } from "vitest";
import { planChanges } from "../../src/engine/plan.ts";
import type { PlanInput, PlanItem, PlanOptions, SecretMetadata } from "../../src/engine/plan-items.ts";
import type { DesiredSecret } from "../../src/engine/naming.ts";
import type { DeletedSecretInfo } from "../../src/engine/vault/key-vault-interface.ts";
import type { ExistingSecret, OwnershipHistory, ValueState, VaultState } from "../../src/engine/vault-state.ts";
import { AUDIT_TAGS, MANAGED_BY_TAG, MANAGED_BY_VALUE, OWNER_TAG, PREFIX_TAG } from "../../src/engine/tags.ts";

export const OWNER = "octo-org/app";
export const OURS = { [MANAGED_BY_TAG]: MANAGED_BY_VALUE, [OWNER_TAG]: OWNER };
/** This owner's secret, synced under `prefix`. */
export const oursUnder = (prefix: string) => ({ ...OURS, [PREFIX_TAG]: prefix });
export const THEIRS = { [MANAGED_BY_TAG]: MANAGED_BY_VALUE, [OWNER_TAG]: "octo-org/other" };
export const AUDIT = { [AUDIT_TAGS.run]: "https://github.com/octo-org/app/actions/runs/1", [AUDIT_TAGS.commit]: "abc" };

export const NO_METADATA: SecretMetadata = { contentType: undefined, tags: {}, expiresInSeconds: undefined };

export function desired(name: string, value: string, source = name.replaceAll("-", "_")): DesiredSecret {
  return { source, name, value, origin: { kind: "secrets" } };
}

export interface ExistingSpec {
  value?: ValueState | string;
  tags?: Record<string, string>;
  contentType?: string;
  expiresOn?: Date;
  enabled?: boolean;
  managed?: boolean;
  history?: OwnershipHistory;
  createdOn?: Date;
}

export function existing(name: string, spec: ExistingSpec = {}): ExistingSecret {
  const value: ValueState = typeof spec.value === "string" ? { kind: "read", value: spec.value } : (spec.value ?? { kind: "not-read" });
  return {
    name,
    version: `v-${name}`,
    enabled: spec.enabled ?? true,
    managed: spec.managed ?? false,
    contentType: spec.contentType,
    tags: spec.tags ?? {},
    expiresOn: spec.expiresOn,
    createdOn: spec.createdOn ?? new Date("2026-03-04T05:06:07Z"),
    updatedOn: undefined,
    recoverableDays: 90,
    value,
    history: spec.history,
  };
}

export function deleted(name: string, tags: Record<string, string>, managed = false): DeletedSecretInfo {
  return {
    name,
    version: "v1",
    enabled: true,
    managed,
    contentType: undefined,
    tags,
    expiresOn: undefined,
    createdOn: undefined,
    updatedOn: undefined,
    recoverableDays: 90,
    deletedOn: new Date("2026-02-01T00:00:00Z"),
    scheduledPurgeDate: undefined,
  };
}

export function state(secrets: ExistingSecret[], deletedSecrets: DeletedSecretInfo[] = []): VaultState {
  return { vaultUrl: "https://demo-vault.vault.azure.net", secrets, deleted: deletedSecrets, deletedUnavailable: undefined };
}

export function options(overrides: Partial<PlanOptions> = {}): PlanOptions {
  return {
    owner: OWNER,
    prefix: "",
    prune: false,
    adopt: false,
    metadata: NO_METADATA,
    now: new Date("2026-06-01T00:00:00Z"),
    ...overrides,
  };
}

export function plan(input: Partial<PlanInput> & { options?: PlanOptions }): PlanItem[] {
  return planChanges({ desired: [], rejected: [], state: state([]), options: options(), ...input }).items;
}

export function only(items: PlanItem[]): PlanItem {
  expect(items).toHaveLength(1);
  return items[0] as PlanItem;
}
