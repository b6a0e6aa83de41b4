import { describe, expect, it } from "vitest";
import { planChanges } from "../../src/engine/plan.ts";
import type { PlanItem, PlanOptions } from "../../src/engine/plan-items.ts";
import type { DesiredSecret, Rejection } from "../../src/engine/naming.ts";
import { PREFIX_TAG } from "../../src/engine/tags.ts";
import { OURS, oursUnder, THEIRS, desired, existing, state, options, plan, only } from "./plan-fixtures.ts";

describe("planChanges: rejections and offline", () => {
  const rejected: Rejection[] = [
    {
      source: "BAD.NAME",
      name: undefined,
      origin: { kind: "dotenv", file: ".env", line: 3 },
      status: "failed",
      reason: "not a valid Key Vault name",
    },
    { source: "EMPTY", name: "EMPTY", origin: { kind: "secrets" }, status: "skipped", reason: "empty value" },
  ];

  it("maps each rejection to a fail or skip item, named by its source when it has no name", () => {
    const items = plan({ rejected });
    expect(items.map(({ source, name, action, reason, origin }) => ({ source, name, action, reason, origin }))).toEqual([
      {
        source: "BAD.NAME",
        name: "BAD.NAME",
        action: "fail",
        reason: "not a valid Key Vault name",
        origin: { kind: "dotenv", file: ".env", line: 3 },
      },
      { source: "EMPTY", name: "EMPTY", action: "skip", reason: "empty value", origin: { kind: "secrets" } },
    ]);
  });

  it("offline, validates without claiming a create or update", () => {
    const result = planChanges({
      desired: [desired("b", "1"), desired("a", "2")],
      rejected,
      state: undefined,
      options: options({ prune: true }),
    });
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
    expect(item).toMatchObject({
      source: undefined,
      origin: undefined,
      reason: "no longer in the sources: soft delete (recoverable for 90 days)",
      change: { kind: "delete", storedName: "app-old" },
    });
  });

  it("does nothing when prune is off", () => {
    expect(deletes(plan({ desired: [desired("app-kept", "1")], state: vault, options: options({ prefix: "app-" }) }))).toEqual([]);
  });

  it.each<{
    title: string;
    desiredSecrets: DesiredSecret[];
    rejectedEntries: Rejection[];
    skipped: string[];
    deleted: string[];
    reason: RegExp;
  }>([
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
  it.each<{
    title: string;
    tags: Record<string, string>;
    prefix: string;
    value?: string;
    opts?: Partial<PlanOptions>;
    action: PlanItem["action"];
    reason: string;
    change?: string;
  }>([
    {
      title: "the same prefix is unchanged",
      tags: oursUnder("app-"),
      prefix: "app-",
      action: "unchanged",
      reason: "value and metadata match",
    },
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
      reason:
        "adopting a secret not created by keyvault-sync: metadata only (ownership tags, prefix tag): properties updated, no new version",
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
