import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { compareSecret, planChanges } from "../../src/engine/plan.ts";
import type { PlanInput, PlanItem, PlanOptions, SecretMetadata } from "../../src/engine/plan-items.ts";
import type { DesiredSecret, Rejection } from "../../src/engine/naming.ts";
import type { DeletedSecretInfo } from "../../src/engine/vault/key-vault.ts";
import type { ExistingSecret, OwnershipHistory, ValueState, VaultState } from "../../src/engine/vault-state.ts";
import { AUDIT_TAGS, MANAGED_BY_TAG, MANAGED_BY_VALUE, OWNER_TAG, PREFIX_TAG } from "../../src/engine/tags.ts";

const OWNER = "octo-org/app";
const OURS = { [MANAGED_BY_TAG]: MANAGED_BY_VALUE, [OWNER_TAG]: OWNER };
/** This owner's secret, synced under `prefix`. */
const oursUnder = (prefix: string) => ({ ...OURS, [PREFIX_TAG]: prefix });
const THEIRS = { [MANAGED_BY_TAG]: MANAGED_BY_VALUE, [OWNER_TAG]: "octo-org/other" };
const AUDIT = { [AUDIT_TAGS.run]: "https://github.com/octo-org/app/actions/runs/1", [AUDIT_TAGS.commit]: "abc" };

const NO_METADATA: SecretMetadata = { contentType: undefined, tags: {}, expiresInSeconds: undefined };

function desired(name: string, value: string, source = name.replaceAll("-", "_")): DesiredSecret {
  return { source, name, value, origin: { kind: "secrets" } };
}

interface ExistingSpec {
  value?: ValueState | string;
  tags?: Record<string, string>;
  contentType?: string;
  expiresOn?: Date;
  enabled?: boolean;
  managed?: boolean;
  history?: OwnershipHistory;
  createdOn?: Date;
}

function existing(name: string, spec: ExistingSpec = {}): ExistingSecret {
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

function deleted(name: string, tags: Record<string, string>, managed = false): DeletedSecretInfo {
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

function state(secrets: ExistingSecret[], deletedSecrets: DeletedSecretInfo[] = []): VaultState {
  return { vaultUrl: "https://demo-vault.vault.azure.net", secrets, deleted: deletedSecrets, deletedUnavailable: undefined };
}

function options(overrides: Partial<PlanOptions> = {}): PlanOptions {
  return { owner: OWNER, prefix: "", prune: false, adopt: false, metadata: NO_METADATA, now: new Date("2026-06-01T00:00:00Z"), ...overrides };
}

function plan(input: Partial<PlanInput> & { options?: PlanOptions }): PlanItem[] {
  return planChanges({ desired: [], rejected: [], state: state([]), options: options(), ...input }).items;
}

function only(items: PlanItem[]): PlanItem {
  expect(items).toHaveLength(1);
  return items[0] as PlanItem;
}

describe("planChanges: one desired secret against the vault", () => {
  const forbidden: ValueState = { kind: "failed", failure: { kind: "forbidden-rbac", message: "Failed to read secret 'db' (403 ForbiddenByRbac)", hint: "grant" } };
  const throttled: ValueState = { kind: "failed", failure: { kind: "throttled", message: "Failed to read secret 'db' (429)", hint: "lower concurrency" } };

  it.each<{ title: string; vault: VaultState; opts?: Partial<PlanOptions>; action: PlanItem["action"]; reason: RegExp; change?: string; hint?: RegExp }>([
    { title: "a new name is created", vault: state([]), action: "create", reason: /^new secret$/, change: "set" },
    { title: "same value and metadata is unchanged", vault: state([existing("db", { value: "s3cret", tags: OURS })]), action: "unchanged", reason: /match/ },
    {
      title: "audit tags are ignored when comparing",
      vault: state([existing("db", { value: "s3cret", tags: { ...OURS, ...AUDIT } })]),
      action: "unchanged",
      reason: /match/,
    },
    { title: "a changed value writes a new version", vault: state([existing("db", { value: "old", tags: OURS })]), action: "update", reason: /^value changed/, change: "set" },
    {
      title: "changed user tags are a metadata-only PATCH",
      vault: state([existing("db", { value: "s3cret", tags: { ...OURS, team: "a" } })]),
      opts: { metadata: { ...NO_METADATA, tags: { team: "b" } } },
      action: "update",
      reason: /^metadata only \(tags\): properties updated, no new version$/,
      change: "patch",
    },
    {
      title: "a changed content type is a PATCH",
      vault: state([existing("db", { value: "s3cret", tags: OURS, contentType: "text/plain" })]),
      opts: { metadata: { ...NO_METADATA, contentType: "application/json" } },
      action: "update",
      reason: /metadata only \(content type\)/,
      change: "patch",
    },
    {
      title: "a removed content type needs a new version (PATCH cannot clear it)",
      vault: state([existing("db", { value: "s3cret", tags: OURS, contentType: "text/plain" })]),
      action: "update",
      reason: /content type removed\): new version with the same value/,
      change: "set",
    },
    {
      title: "expires-in set and no expiry on the version is a PATCH",
      vault: state([existing("db", { value: "s3cret", tags: OURS })]),
      opts: { metadata: { ...NO_METADATA, expiresInSeconds: 86_400 } },
      action: "update",
      reason: /metadata only \(expiry\)/,
      change: "patch",
    },
    {
      title: "an existing expiry does not churn as time passes",
      vault: state([existing("db", { value: "s3cret", tags: OURS, expiresOn: new Date("2026-06-15T00:00:00Z") })]),
      opts: { metadata: { ...NO_METADATA, expiresInSeconds: 90 * 86_400 } },
      action: "unchanged",
      reason: /match/,
    },
    {
      title: "a certificate-backed secret is skipped",
      vault: state([existing("db", { managed: true, tags: OURS })]),
      action: "skip",
      reason: /certificate-backed/,
    },
    {
      title: "another owner's secret fails",
      vault: state([existing("db", { value: "s3cret", tags: THEIRS })]),
      action: "fail",
      reason: /another owner \('octo-org\/other'\)/,
      hint: /never changed, not even with 'adopt'/,
    },
    {
      title: "another owner's secret fails even with adopt",
      vault: state([existing("db", { value: "s3cret", tags: THEIRS })]),
      opts: { adopt: true },
      action: "fail",
      reason: /another owner/,
    },
    {
      title: "an untagged secret fails without adopt",
      vault: state([existing("db", { value: "s3cret", history: { kind: "never-owned" } })]),
      action: "fail",
      reason: /^exists in the vault but was not created by keyvault-sync$/,
      hint: /adopt: true/,
    },
    {
      title: "a secret with only one of the ownership tags is not ours",
      vault: state([existing("db", { value: "s3cret", tags: { [OWNER_TAG]: OWNER }, history: { kind: "never-owned" } })]),
      action: "fail",
      reason: /not created by keyvault-sync/,
    },
    {
      title: "adopt with the same value only adds the ownership tags (PATCH)",
      vault: state([existing("db", { value: "s3cret", history: { kind: "never-owned" } })]),
      opts: { adopt: true },
      action: "update",
      reason: /^adopting a secret not created by keyvault-sync: metadata only \(ownership tags\)/,
      change: "patch",
    },
    {
      title: "adopt with another value writes a new version",
      vault: state([existing("db", { value: "theirs", history: { kind: "never-owned" } })]),
      opts: { adopt: true },
      action: "update",
      reason: /^adopting a secret not created by keyvault-sync: value changed/,
      change: "set",
    },
    {
      title: "a drifted secret fails with its own wording",
      vault: state([existing("db", { value: "edited", history: { kind: "owned-before", lastOwnedOn: new Date("2026-01-01T00:00:00Z") } })]),
      action: "fail",
      reason: /^drifted: the latest version was written outside keyvault-sync on 2026-03-04; an older version was written by this owner$/,
      hint: /Check who changed it/,
    },
    {
      title: "adopt takes a drifted secret back",
      vault: state([existing("db", { value: "edited", history: { kind: "owned-before", lastOwnedOn: undefined } })]),
      opts: { adopt: true },
      action: "update",
      reason: /^adopting a drifted secret \(drifted: .*\): value changed/,
      change: "set",
    },
    {
      title: "a disabled secret of ours fails",
      vault: state([existing("db", { tags: OURS, enabled: false })]),
      action: "fail",
      reason: /disabled in the vault/,
      hint: /az keyvault secret set-attributes --vault-name demo-vault --name db --enabled true/,
    },
    {
      title: "a value the identity may not read is written without comparing",
      vault: state([existing("db", { value: forbidden, tags: OURS })]),
      action: "update",
      reason: /^value not compared \(Failed to read secret 'db' \(403 ForbiddenByRbac\)\): new version$/,
      change: "set",
    },
    {
      title: "any other failed read fails the item, with the adapter's hint",
      vault: state([existing("db", { value: throttled, tags: OURS })]),
      action: "fail",
      reason: /could not read the current value: Failed to read secret 'db' \(429\)/,
      hint: /lower concurrency/,
    },
    {
      title: "a soft-deleted secret of ours is recovered",
      vault: state([], [deleted("db", OURS)]),
      action: "recover",
      reason: /^soft-deleted on 2026-02-01: will be recovered/,
      change: "recover",
    },
    {
      title: "a soft-deleted untagged secret fails with how to proceed",
      vault: state([], [deleted("db", {})]),
      action: "fail",
      reason: /soft-deleted on 2026-02-01 and not created by keyvault-sync/,
      hint: /az keyvault secret recover --vault-name demo-vault --name db\) or purge it by hand.*adopt: true/,
    },
    {
      title: "adopt recovers a soft-deleted untagged secret",
      vault: state([], [deleted("db", {})]),
      opts: { adopt: true },
      action: "recover",
      reason: /^adopting a soft-deleted secret/,
      change: "recover",
    },
    {
      title: "another owner's soft-deleted secret fails even with adopt",
      vault: state([], [deleted("db", THEIRS)]),
      opts: { adopt: true },
      action: "fail",
      reason: /another owner \('octo-org\/other'\)/,
    },
    {
      title: "a soft-deleted certificate-backed secret fails",
      vault: state([], [deleted("db", OURS, true)]),
      action: "fail",
      reason: /certificate-backed/,
    },
  ])("$title", ({ vault, opts, action, reason, change, hint }) => {
    const item = only(plan({ desired: [desired("db", "s3cret")], state: vault, options: options(opts) }));
    expect(item.action).toBe(action);
    expect(item.reason).toMatch(reason);
    expect(item.change?.kind).toBe(change);
    if (hint) expect(item.hint).toMatch(hint);
    expect(item).toMatchObject({ source: "db", name: "db", origin: { kind: "secrets" } });
  });

  it("treats a case-only rename as the same secret and names the stored case", () => {
    const vault = state([existing("db-pass", { value: "s3cret", tags: { ...OURS, team: "a" } })]);
    const items = plan({
      desired: [desired("DB-PASS", "s3cret")],
      state: vault,
      options: options({ prune: true, metadata: { ...NO_METADATA, tags: { team: "b" } } }),
    });
    const item = only(items);
    expect(item).toMatchObject({ name: "DB-PASS", action: "update" });
    expect(item.reason).toContain("stored as 'db-pass'");
    expect(item.change).toMatchObject({ kind: "patch", storedName: "db-pass", version: "v-db-pass" });
  });

  it.each([false, true])("tells apply whether a recovered version may be untagged (adopt: %s)", (adopt) => {
    const item = only(plan({ desired: [desired("db", "x")], state: state([], [deleted("db", OURS)]), options: options({ adopt }) }));
    expect(item.change).toMatchObject({ kind: "recover", storedName: "db", adopt });
  });

  it("lets a create recover a name found soft-deleted at write time, under the run's owner and adopt", () => {
    const item = only(plan({ desired: [desired("db", "x")], state: state([]), options: options({ adopt: true }) }));
    expect(item.change).toMatchObject({ kind: "set", whenSoftDeleted: { owner: OWNER, adopt: true } });
  });

  it("mentions a soft-deleted list it could not read on creates", () => {
    const vault: VaultState = { ...state([]), deletedUnavailable: { kind: "forbidden-rbac", message: "Failed to list deleted secrets (403)", hint: undefined } };
    expect(only(plan({ desired: [desired("db", "x")], state: vault })).reason).toBe("new secret (soft-deleted names could not be checked: Failed to list deleted secrets (403))");
  });
});

describe("planChanges: rejections and offline", () => {
  const rejected: Rejection[] = [
    { source: "BAD.NAME", name: undefined, origin: { kind: "dotenv", file: ".env", line: 3 }, status: "failed", reason: "not a valid Key Vault name" },
    { source: "EMPTY", name: "EMPTY", origin: { kind: "secrets" }, status: "skipped", reason: "empty value" },
  ];

  it("maps each rejection to a fail or skip item, named by its source when it has no name", () => {
    const items = plan({ rejected });
    expect(items.map(({ source, name, action, reason, origin }) => ({ source, name, action, reason, origin }))).toEqual([
      { source: "BAD.NAME", name: "BAD.NAME", action: "fail", reason: "not a valid Key Vault name", origin: { kind: "dotenv", file: ".env", line: 3 } },
      { source: "EMPTY", name: "EMPTY", action: "skip", reason: "empty value", origin: { kind: "secrets" } },
    ]);
  });

  it("offline, validates without claiming a create or update", () => {
    const result = planChanges({ desired: [desired("b", "1"), desired("a", "2")], rejected, state: undefined, options: options({ prune: true }) });
    expect(result.offline).toBe(true);
    const valid = result.items.filter((item) => item.source === "a" || item.source === "b");
    expect(valid.map((item) => [item.name, item.action, item.change])).toEqual([
      ["a", "skip", undefined],
      ["b", "skip", undefined],
    ]);
    expect(valid[0]?.reason).toMatch(/validated offline only: not compared with the vault/);
    expect(result.items.some((item) => item.action === "delete")).toBe(false);
  });

  it("offline, marks only the validated secrets as no problem, not the rejected entries", () => {
    const result = planChanges({ desired: [desired("a", "2")], rejected, state: undefined, options: options() });
    expect(result.items.map((item) => [item.name, item.offline])).toEqual([
      ["a", true],
      ["BAD.NAME", undefined],
      ["EMPTY", undefined],
    ]);
  });

  it("online, marks nothing as validated offline", () => {
    const result = planChanges({ desired: [desired("a", "2")], rejected, state: state([]), options: options() });
    expect(result.items.every((item) => item.offline === undefined)).toBe(true);
  });

  it("carries the owner, prefix and metadata it planned for, for apply to write with", () => {
    const metadata = { contentType: "text/plain", tags: { team: "payments" }, expiresInSeconds: 3600 };
    for (const current of [undefined, state([])]) {
      const plan = planChanges({ desired: [], rejected: [], state: current, options: options({ owner: "o/r", prefix: "app-", metadata }) });
      expect([plan.scope, plan.metadata]).toEqual([{ owner: "o/r", prefix: "app-" }, metadata]);
    }
  });

  it("sorts items by Key Vault name, case-insensitively", () => {
    const items = plan({ desired: [desired("b", "1"), desired("C", "1"), desired("a", "1")], state: state([]) });
    expect(items.map((item) => item.name)).toEqual(["a", "b", "C"]);
  });
});

describe("planChanges: prune", () => {
  const vault = state([
    existing("app-old", { tags: oursUnder("app-") }),
    existing("APP-Gone", { tags: oursUnder("app-") }),
    existing("app-kept", { value: "1", tags: oursUnder("app-") }),
    existing("app-theirs", { tags: { ...THEIRS, [PREFIX_TAG]: "app-" } }),
    existing("app-untagged", {}),
    existing("app-cert", { tags: oursUnder("app-"), managed: true }),
    existing("other-old", { tags: OURS }),
  ]);
  const pruneOptions = options({ prune: true, prefix: "app-" });
  const deletes = (items: PlanItem[]) => items.filter((item) => item.action === "delete").map((item) => item.name);

  it("soft-deletes only this owner's secrets under the prefix that no entry targets", () => {
    const items = plan({ desired: [desired("APP-KEPT", "1")], state: vault, options: pruneOptions });
    expect(deletes(items)).toEqual(["APP-Gone", "app-old"]);
    const item = items.find((candidate) => candidate.name === "app-old");
    expect(item).toMatchObject({ source: undefined, origin: undefined, reason: "no longer in the sources: soft delete (recoverable for 90 days)", change: { kind: "delete", storedName: "app-old" } });
  });

  it("does nothing when prune is off", () => {
    expect(deletes(plan({ desired: [desired("app-kept", "1")], state: vault, options: options({ prefix: "app-" }) }))).toEqual([]);
  });

  it.each<{ title: string; desiredSecrets: DesiredSecret[]; rejectedEntries: Rejection[]; skipped: string[]; deleted: string[]; reason: RegExp }>([
    {
      title: "a run with a failed entry prunes nothing",
      desiredSecrets: [desired("app-kept", "1")],
      rejectedEntries: [{ source: "X.Y", name: undefined, origin: { kind: "secrets" }, status: "failed", reason: "invalid" }],
      skipped: ["APP-Gone", "app-old"],
      deleted: [],
      reason: /^not pruned: 1 source entry failed this run/,
    },
    {
      title: "a name a skipped entry still maps to is kept",
      desiredSecrets: [desired("app-kept", "1")],
      rejectedEntries: [{ source: "APP_OLD", name: "app-old", origin: { kind: "secrets" }, status: "skipped", reason: "empty value" }],
      skipped: ["app-old"],
      deleted: ["APP-Gone"],
      reason: /^not pruned: source entry 'APP_OLD' still maps to this name but was skipped this run$/,
    },
    {
      title: "sources that produced no secret prune nothing",
      desiredSecrets: [],
      rejectedEntries: [],
      skipped: ["APP-Gone", "app-kept", "app-old"],
      deleted: [],
      reason: /refuses to delete every secret it manages/,
    },
  ])("$title", ({ desiredSecrets, rejectedEntries, skipped, deleted: expectedDeletes, reason }) => {
    const items = plan({ desired: desiredSecrets, rejected: rejectedEntries, state: vault, options: pruneOptions });
    const held = items.filter((item) => item.reason.startsWith("not pruned"));
    expect(held.map((item) => [item.name, item.action])).toEqual(skipped.map((name) => [name, "skip"]));
    for (const item of held) expect(item.reason).toMatch(reason);
    expect(deletes(items)).toEqual(expectedDeletes);
  });
});

describe("planChanges: prune stays within this run's prefix", () => {
  // One owner (the repository), several workflows: each syncs its own prefix.
  const vault = state([
    existing("app-old", { tags: oursUnder("app-") }),
    existing("APP-Upper", { tags: oursUnder("APP-") }),
    existing("app-api-token", { tags: oursUnder("app-api-") }),
    existing("app-api-stale", { tags: oursUnder("app-api-") }),
    existing("app-bare", { tags: OURS }),
    existing("plain", { tags: OURS }),
    existing("web-old", { tags: oursUnder("web-") }),
    // Tagged by hand or renamed: the name must still start with the prefix.
    existing("odd-name", { tags: oursUnder("app-") }),
  ]);

  it.each<{ title: string; prefix: string; keep: string; deleted: string[] }>([
    { title: "the exact prefix is pruned, not a nested one", prefix: "app-", keep: "app-new", deleted: ["app-old", "APP-Upper"] },
    { title: "a nested prefix prunes only its own set", prefix: "app-api-", keep: "app-api-token", deleted: ["app-api-stale"] },
    { title: "an empty prefix prunes only secrets synced without a prefix", prefix: "", keep: "new", deleted: ["app-bare", "plain"] },
    { title: "prefixes compare ignoring case, as names do", prefix: "APP-", keep: "APP-new", deleted: ["app-old", "APP-Upper"] },
    { title: "a prefix nobody synced under prunes nothing", prefix: "ap", keep: "ap-new", deleted: [] },
  ])("$title", ({ prefix, keep, deleted: expected }) => {
    const items = plan({ desired: [desired(keep, "1")], state: vault, options: options({ prune: true, prefix }) });
    expect(items.filter((item) => item.action === "delete").map((item) => item.name)).toEqual(expected);
    expect(items.filter((item) => item.action === "skip")).toEqual([]);
  });
});

describe("planChanges: a secret of this owner synced under another prefix", () => {
  it.each<{ title: string; tags: Record<string, string>; prefix: string; value?: string; opts?: Partial<PlanOptions>; action: PlanItem["action"]; reason: string; change?: string }>([
    { title: "the same prefix is unchanged", tags: oursUnder("app-"), prefix: "app-", action: "unchanged", reason: "value and metadata match" },
    {
      title: "no prefix tag under a prefix gets the tag by PATCH",
      tags: OURS,
      prefix: "app-",
      action: "update",
      reason: "metadata only (prefix tag): properties updated, no new version; was synced without a prefix",
      change: "patch",
    },
    {
      title: "another prefix moves to this run's set by PATCH, and says so",
      tags: oursUnder("app-api-"),
      prefix: "app-",
      action: "update",
      reason: "metadata only (prefix tag): properties updated, no new version; was synced under prefix 'app-api-'",
      change: "patch",
    },
    {
      title: "an empty prefix removes another prefix's tag",
      tags: oursUnder("app-"),
      prefix: "",
      action: "update",
      reason: "metadata only (prefix tag): properties updated, no new version; was synced under prefix 'app-'",
      change: "patch",
    },
    {
      title: "a changed value under another prefix writes a new version, and says so",
      tags: oursUnder("app-api-"),
      prefix: "app-",
      value: "old",
      action: "update",
      reason: "value changed: new version; was synced under prefix 'app-api-'",
      change: "set",
    },
    {
      title: "a prefix tag in another case is rewritten, and is the same set",
      tags: oursUnder("APP-"),
      prefix: "app-",
      action: "update",
      reason: "metadata only (prefix tag): properties updated, no new version",
      change: "patch",
    },
    {
      title: "adopting also adds the prefix tag",
      tags: {},
      prefix: "app-",
      opts: { adopt: true },
      action: "update",
      reason: "adopting a secret not created by keyvault-sync: metadata only (ownership tags, prefix tag): properties updated, no new version",
      change: "patch",
    },
    {
      title: "another owner's secret under the same prefix still fails",
      tags: { ...THEIRS, [PREFIX_TAG]: "app-" },
      prefix: "app-",
      action: "fail",
      reason: "managed by keyvault-sync for another owner ('octo-org/other'); this run's owner is 'octo-org/app'",
    },
  ])("$title", ({ tags, prefix, value, opts, action, reason, change }) => {
    const vault = state([existing("app-db", { value: value ?? "s3cret", tags, history: { kind: "never-owned" } })]);
    const item = only(plan({ desired: [desired("app-db", "s3cret")], state: vault, options: options({ prefix, ...opts }) }));
    expect(item).toMatchObject({ action, reason });
    expect(item.change?.kind).toBe(change);
  });
});

describe("compareSecret", () => {
  const metadata: SecretMetadata = { contentType: "text/plain", tags: { team: "a" }, expiresInSeconds: undefined };
  it.each<{ title: string; current: { value: string; contentType: string | undefined; tags: Record<string, string> }; metadata?: SecretMetadata; prefix?: string; expected: unknown }>([
    { title: "all equal", current: { value: "v", contentType: "text/plain", tags: { ...OURS, team: "a", ...AUDIT } }, expected: { kind: "same" } },
    { title: "value differs", current: { value: "w", contentType: "text/plain", tags: { ...OURS, team: "a" } }, expected: { kind: "value" } },
    {
      title: "extra user tag",
      current: { value: "v", contentType: "text/plain", tags: { ...OURS, team: "a", extra: "1" } },
      expected: { kind: "metadata", changed: ["tags"], newVersion: false },
    },
    {
      title: "an empty content type equals none",
      current: { value: "v", contentType: undefined, tags: { ...OURS, team: "a" } },
      metadata: { ...metadata, contentType: "" },
      expected: { kind: "same" },
    },
    {
      title: "ownership and content type",
      current: { value: "v", contentType: "application/json", tags: { team: "a" } },
      expected: { kind: "metadata", changed: ["ownership tags", "content type"], newVersion: false },
    },
    {
      title: "a prefix tag without a prefix",
      current: { value: "v", contentType: "text/plain", tags: { ...oursUnder("app-"), team: "a" } },
      expected: { kind: "metadata", changed: ["prefix tag"], newVersion: false },
    },
    {
      title: "no prefix tag under a prefix",
      current: { value: "v", contentType: "text/plain", tags: { ...OURS, team: "a" } },
      prefix: "app-",
      expected: { kind: "metadata", changed: ["prefix tag"], newVersion: false },
    },
    {
      title: "the prefix tag is not a user tag",
      current: { value: "v", contentType: "text/plain", tags: { ...oursUnder("app-"), team: "a" } },
      prefix: "app-",
      expected: { kind: "same" },
    },
  ])("$title", ({ current, expected, metadata: given, prefix }) => {
    expect(compareSecret("v", { ...current, expiresOn: undefined }, { owner: OWNER, prefix: prefix ?? "" }, given ?? metadata)).toEqual(expected);
  });
});

describe("planChanges never exposes a value", () => {
  it("keeps values out of reasons, JSON and inspection", () => {
    const value = "hunter2-VALUE-xyz";
    const vault = state([existing("changed", { value: "old", tags: OURS }), existing("meta", { value, tags: { ...OURS, team: "x" } })], [deleted("gone", OURS)]);
    const result = planChanges({
      desired: [desired("new", value), desired("changed", value), desired("meta", value), desired("gone", value)],
      rejected: [],
      state: vault,
      options: options(),
    });
    expect(result.items.map((item) => item.change?.kind).sort()).toEqual(["patch", "recover", "set", "set"]);
    expect(JSON.stringify(result)).not.toContain(value);
    expect(inspect(result, { depth: 10 })).not.toContain(value);
    // …while apply can still read it.
    const change = result.items.find((item) => item.name === "new")?.change;
    expect(change?.kind === "set" ? change.secret.value : undefined).toBe(value);
  });
});

describe("plan item types", () => {
  it("cannot express a write without its change, nor a change on an item that writes nothing", () => {
    // tsc checks these lines: each must stay a type error for the suite to compile.
    // @ts-expect-error an update carries the change apply makes
    const update: PlanItem = { source: "a", name: "a", reason: "", origin: undefined, action: "update" };
    // @ts-expect-error a delete carries a delete, not a set
    const deleted: PlanItem = { source: undefined, name: "a", reason: "", origin: undefined, action: "delete", change: { kind: "set", secret: desired("a", "1") } };
    // @ts-expect-error an unchanged item writes nothing
    const unchanged: PlanItem = { source: "a", name: "a", reason: "", origin: undefined, action: "unchanged", change: { kind: "delete", storedName: "a" } };
    expect([update.action, deleted.action, unchanged.action]).toEqual(["update", "delete", "unchanged"]);
  });
});
