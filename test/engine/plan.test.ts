import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { planChanges } from "../../src/engine/plan.ts";
import type { PlanItem, PlanOptions } from "../../src/engine/plan-items.ts";
import type { ValueState, VaultState } from "../../src/engine/vault-state.ts";
import { OWNER_TAG } from "../../src/engine/tags.ts";
import { OWNER, OURS, THEIRS, AUDIT, NO_METADATA, desired, existing, deleted, state, options, plan, only } from "./plan-fixtures.ts";

describe("planChanges: one desired secret against the vault", () => {
  const forbidden: ValueState = {
    kind: "failed",
    failure: { kind: "forbidden-rbac", message: "Failed to read secret 'db' (403 ForbiddenByRbac)", hint: "grant" },
  };
  const throttled: ValueState = {
    kind: "failed",
    failure: { kind: "throttled", message: "Failed to read secret 'db' (429)", hint: "lower concurrency" },
  };

  it.each<{
    title: string;
    vault: VaultState;
    opts?: Partial<PlanOptions>;
    action: PlanItem["action"];
    reason: RegExp;
    change?: string;
    hint?: RegExp;
  }>([
    { title: "a new name is created", vault: state([]), action: "create", reason: /^new secret$/, change: "set" },
    {
      title: "same value and metadata is unchanged",
      vault: state([existing("db", { value: "s3cret", tags: OURS })]),
      action: "unchanged",
      reason: /match/,
    },
    {
      title: "audit tags are ignored when comparing",
      vault: state([existing("db", { value: "s3cret", tags: { ...OURS, ...AUDIT } })]),
      action: "unchanged",
      reason: /match/,
    },
    {
      title: "a changed value writes a new version",
      vault: state([existing("db", { value: "old", tags: OURS })]),
      action: "update",
      reason: /^value changed/,
      change: "set",
    },
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
    const vault: VaultState = {
      ...state([]),
      deletedUnavailable: { kind: "forbidden-rbac", message: "Failed to list deleted secrets (403)", hint: undefined },
    };
    expect(only(plan({ desired: [desired("db", "x")], state: vault })).reason).toBe(
      "new secret (soft-deleted names could not be checked: Failed to list deleted secrets (403))",
    );
  });
});

describe("planChanges never exposes a value", () => {
  it("keeps values out of reasons, JSON and inspection", () => {
    const value = "hunter2-VALUE-xyz";
    const vault = state(
      [existing("changed", { value: "old", tags: OURS }), existing("meta", { value, tags: { ...OURS, team: "x" } })],
      [deleted("gone", OURS)],
    );
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
    const base = { source: "a", name: "a", reason: "", origin: undefined };
    const set = { kind: "set", secret: desired("a", "1") } as const;
    // @ts-expect-error an update carries the change apply makes
    const update: PlanItem = { ...base, action: "update" };
    // @ts-expect-error a delete carries a delete, not a set
    const deleted: PlanItem = { ...base, action: "delete", change: set };
    // @ts-expect-error an unchanged item writes nothing
    const unchanged: PlanItem = { ...base, action: "unchanged", change: set };
    expect([update.action, deleted.action, unchanged.action]).toEqual(["update", "delete", "unchanged"]);
  });
});
