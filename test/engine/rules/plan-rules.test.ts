/** The planner's rules hooks (issue 11): create-only, renewal, disabled, per-secret metadata. */
import { describe, expect, it } from "vitest";
import { planChanges } from "../../../src/engine/plan.ts";
import type { PlanItem, SecretMetadata } from "../../../src/engine/plan-items.ts";
import type { DesiredSecret } from "../../../src/engine/naming.ts";
import type { ExistingSecret } from "../../../src/engine/vault-state.ts";
import type { DeletedSecretInfo } from "../../../src/engine/vault/key-vault-interface.ts";
import { MANAGED_BY_TAG, MANAGED_BY_VALUE, OWNER_TAG } from "../../../src/engine/tags.ts";

const OWNER = "octo-org/app";
const OURS = { [MANAGED_BY_TAG]: MANAGED_BY_VALUE, [OWNER_TAG]: OWNER };
const THEIRS = { [MANAGED_BY_TAG]: MANAGED_BY_VALUE, [OWNER_TAG]: "octo-org/other" };
const NOW = new Date("2026-06-01T00:00:00Z");
const DAY = 86400;
const DEFAULTS: SecretMetadata = { contentType: undefined, tags: {}, expiresInSeconds: undefined };

function desired(metadata: Partial<SecretMetadata>, value = "v1"): DesiredSecret {
  return { source: "DB", name: "db", value, origin: { kind: "secrets" }, metadata: { ...DEFAULTS, ...metadata } };
}

function existing(spec: Partial<Omit<ExistingSecret, "value">> & { value?: string }): ExistingSecret {
  const { value, ...rest } = spec;
  return {
    name: "db",
    version: "v-db",
    enabled: true,
    managed: false,
    contentType: "text/plain",
    tags: OURS,
    expiresOn: undefined,
    createdOn: new Date("2026-03-04T05:06:07Z"),
    updatedOn: undefined,
    recoverableDays: 90,
    value: value === undefined ? { kind: "not-read" } : { kind: "read", value },
    history: undefined,
    ...rest,
  };
}

function planOne(secret: DesiredSecret, secrets: ExistingSecret[], deleted: DeletedSecretInfo[] = []): PlanItem {
  const items = planChanges({
    desired: [secret],
    rejected: [],
    state: { vaultUrl: "https://demo-vault.vault.azure.net", secrets, deleted, deletedUnavailable: undefined },
    options: { owner: OWNER, prefix: "", prune: false, adopt: false, metadata: DEFAULTS, now: NOW },
  }).items;
  expect(items).toHaveLength(1);
  return items[0] as PlanItem;
}

const inDays = (days: number) => new Date(NOW.getTime() + days * DAY * 1000);

describe("planChanges with per-secret rules", () => {
  it.each<{ title: string; secret: DesiredSecret; vault: ExistingSecret; action: PlanItem["action"]; reason: RegExp; change?: string }>([
    {
      title: "create-only leaves a changed value alone",
      secret: desired({ update: "create-only", contentType: "text/plain" }, "new-value"),
      vault: existing({ value: "rotated-elsewhere" }),
      action: "unchanged",
      reason: /^create-only: left as it is$/,
    },
    {
      title: "create-only leaves even another owner's secret alone, without failing",
      secret: desired({ update: "create-only" }),
      vault: existing({ value: "x", tags: THEIRS }),
      action: "unchanged",
      reason: /^create-only: left as it is$/,
    },
    {
      title: "an expiry inside renew-before gets a new version",
      secret: desired({ contentType: "text/plain", expiresInSeconds: 90 * DAY, renewBeforeSeconds: 14 * DAY }),
      vault: existing({ value: "v1", expiresOn: inDays(10) }),
      action: "update",
      reason: /^expires on 2026-06-11, within renew-before \(2w\): new version with the same value and a fresh expiry$/,
      change: "set",
    },
    {
      title: "an expired secret is renewed too",
      secret: desired({ contentType: "text/plain", expiresInSeconds: 90 * DAY, renewBeforeSeconds: 14 * DAY }),
      vault: existing({ value: "v1", expiresOn: inDays(-1) }),
      action: "update",
      reason: /^expired on 2026-05-31, within renew-before/,
      change: "set",
    },
    {
      title: "an expiry outside renew-before is left as it is",
      secret: desired({ contentType: "text/plain", expiresInSeconds: 90 * DAY, renewBeforeSeconds: 14 * DAY }),
      vault: existing({ value: "v1", expiresOn: inDays(15) }),
      action: "unchanged",
      reason: /^value and metadata match$/,
    },
    {
      title: "a changed value inside the window is a value change (one new version, not two)",
      secret: desired({ contentType: "text/plain", expiresInSeconds: 90 * DAY, renewBeforeSeconds: 14 * DAY }, "v2"),
      vault: existing({ value: "v1", expiresOn: inDays(3) }),
      action: "update",
      reason: /^value changed: new version$/,
      change: "set",
    },
    {
      title: "the secret's own content type is compared, not the run's default",
      secret: desired({ contentType: "application/json" }),
      vault: existing({ value: "v1" }),
      action: "update",
      reason: /^metadata only \(content type\): properties updated, no new version$/,
      change: "patch",
    },
    {
      title: "enabled: false disables an enabled secret with a PATCH",
      secret: desired({ contentType: "text/plain", enabled: false }),
      vault: existing({ value: "v1" }),
      action: "update",
      reason: /^metadata only \(disabled\): properties updated, no new version$/,
      change: "patch",
    },
    {
      title: "enabled: false leaves a disabled secret alone instead of failing",
      secret: desired({ contentType: "text/plain", enabled: false }),
      vault: existing({ enabled: false }),
      action: "unchanged",
      reason: /^disabled, as its rule asks/,
    },
  ])("$title", ({ secret, vault, action, reason, change }) => {
    const item = planOne(secret, [vault]);
    expect(item.action).toBe(action);
    expect(item.reason).toMatch(reason);
    expect(item.change?.kind).toBe(change);
  });

  it("a create-only secret is created when missing, carrying its settings into the change", () => {
    const item = planOne(desired({ update: "create-only", contentType: "text/plain" }), []);
    expect(item.action).toBe("create");
    expect(item.change?.kind === "set" && item.change.secret.metadata?.update).toBe("create-only");
  });

  it("a create-only secret that is soft-deleted is not recovered", () => {
    const gone: DeletedSecretInfo = { ...existing({}), deletedOn: new Date("2026-05-01T00:00:00Z"), scheduledPurgeDate: undefined };
    const item = planOne(desired({ update: "create-only" }), [], [gone]);
    expect(item.action).toBe("fail");
    expect(item.reason).toMatch(/^create-only: soft-deleted on 2026-05-01; keyvault-sync does not recover a create-only secret/);
  });
});
