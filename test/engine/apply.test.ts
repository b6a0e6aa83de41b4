import { describe, expect, it } from "vitest";
import { applyPlan, predictResults } from "../../src/engine/apply.ts";
import type { ApplyOptions } from "../../src/engine/apply.ts";
import { planChanges } from "../../src/engine/plan.ts";
import type { Plan, PlanOptions, SecretMetadata } from "../../src/engine/plan-items.ts";
import { readVaultState } from "../../src/engine/vault-state.ts";
import type { DesiredSecret } from "../../src/engine/naming.ts";
import { AUDIT_TAGS, MANAGED_BY_TAG, MANAGED_BY_VALUE, OWNER_TAG, PREFIX_TAG } from "../../src/engine/tags.ts";
import type { AuditContext } from "../../src/engine/tags.ts";
import { mapWithConcurrency } from "../../src/engine/limiter.ts";
import { createFakeVault } from "../fakes/fake-vault.ts";
import type { FakeVault } from "../fakes/fake-vault.ts";

const OWNER = "octo-org/app";
const OURS = { [MANAGED_BY_TAG]: MANAGED_BY_VALUE, [OWNER_TAG]: OWNER };
const THEIRS = { [MANAGED_BY_TAG]: MANAGED_BY_VALUE, [OWNER_TAG]: "octo-org/other" };
const NOW = new Date("2026-06-01T00:00:00Z");
const AUDIT: AuditContext = {
  repository: "octo-org/app",
  runUrl: "https://github.com/octo-org/app/actions/runs/42",
  commit: "0123abc",
  ref: "environment:production",
};
const METADATA: SecretMetadata = { contentType: undefined, tags: {}, expiresInSeconds: undefined };

function desired(name: string, value: string): DesiredSecret {
  return { source: name.toUpperCase().replaceAll("-", "_"), name, value, origin: { kind: "secrets" } };
}

function planOptions(overrides: Partial<PlanOptions> = {}): PlanOptions {
  return { owner: OWNER, prefix: "", prune: false, adopt: false, metadata: METADATA, now: NOW, ...overrides };
}

function applyOptions(overrides: Partial<ApplyOptions> = {}): ApplyOptions {
  return { concurrency: 8, audit: AUDIT, now: NOW, ...overrides };
}

/** Read and plan against the fake, the way the main module chains them. */
async function planFor(vault: FakeVault, secrets: DesiredSecret[], plan: Partial<PlanOptions> = {}): Promise<Plan> {
  const options = planOptions(plan);
  const state = await readVaultState(vault, secrets, { owner: OWNER, concurrency: 8, adopt: options.adopt });
  return planChanges({ desired: secrets, rejected: [], state, options });
}

/** Read, plan and apply against the fake, the way the main module chains them. */
async function sync(vault: FakeVault, secrets: DesiredSecret[], plan: Partial<PlanOptions> = {}, apply: Partial<ApplyOptions> = {}) {
  const result = await planFor(vault, secrets, plan);
  return applyPlan(result, vault, applyOptions(apply));
}

describe("applyPlan", () => {
  it("keeps exactly the concurrency bound", async () => {
    const vault = createFakeVault();
    const plan = planChanges({
      desired: Array.from({ length: 20 }, (_, i) => desired(`s${i}`, `v${i}`)),
      rejected: [],
      state: await readVaultState(vault, [], { owner: OWNER, concurrency: 1 }),
      options: planOptions(),
    });
    const results = await applyPlan(plan, vault, applyOptions({ concurrency: 3 }));
    expect(results.every((result) => result.status === "created")).toBe(true);
    expect(vault.writeCalls()).toHaveLength(20);
    expect(vault.maxInFlight).toBe(3);
  });

  it("isolates one secret's failure from the others, with the adapter's message and hint", async () => {
    const vault = createFakeVault().failNext("set", "b", "forbidden-rbac");
    const results = await sync(vault, [desired("a", "1"), desired("b", "2"), desired("c", "3")]);
    expect(results.map((result) => [result.name, result.status])).toEqual([
      ["a", "created"],
      ["b", "failed"],
      ["c", "created"],
    ]);
    const failed = results[1];
    expect(failed?.reason).toMatch(
      /^Failed to set secret 'b' in vault 'fake-vault': injected forbidden-rbac failure \(403 ForbiddenByRbac\)$/,
    );
    expect(failed?.hint).toMatch(/--role "Key Vault Secrets Officer"/);
    expect(vault.exists("a") && vault.exists("c") && !vault.exists("b")).toBe(true);
  });

  it("makes no call at all in a dry run, and predicts each outcome (predictResults takes no vault)", async () => {
    const vault = createFakeVault()
      .seed("changed", "old", { tags: OURS })
      .seed("same", "1", { tags: OURS })
      .seed("stale", "x", { tags: OURS })
      .seed("foreign", "x")
      .seedDeleted("back", "x", { tags: OURS });
    const secrets = [desired("new", "1"), desired("changed", "2"), desired("same", "1"), desired("back", "1"), desired("foreign", "1")];
    const state = await readVaultState(vault, secrets, { owner: OWNER, concurrency: 4 });
    const plan = planChanges({ desired: secrets, rejected: [], state, options: planOptions({ prune: true }) });
    const before = vault.calls.length;
    const results = predictResults(plan);
    expect(results.map((result) => [result.name, result.action, result.status])).toEqual([
      ["back", "recover", "recovered"],
      ["changed", "update", "updated"],
      ["foreign", "fail", "failed"],
      ["new", "create", "created"],
      ["same", "unchanged", "unchanged"],
      ["stale", "delete", "deleted"],
    ]);
    expect(vault.calls.length).toBe(before);
  });

  it("writes every version with ownership, audit and user tags, content type and expiry", async () => {
    const vault = createFakeVault();
    const metadata = { contentType: "text/plain", tags: { team: "payments" }, expiresInSeconds: 3600 };
    await sync(vault, [desired("db", "s3cret")], { metadata });
    expect(vault.latest("db")).toMatchObject({
      value: "s3cret",
      contentType: "text/plain",
      expiresOn: new Date("2026-06-01T01:00:00Z"),
      tags: {
        team: "payments",
        ...OURS,
        [AUDIT_TAGS.repository]: "octo-org/app",
        [AUDIT_TAGS.run]: "https://github.com/octo-org/app/actions/runs/42",
        [AUDIT_TAGS.commit]: "0123abc",
        [AUDIT_TAGS.ref]: "environment:production",
      },
    });
  });

  it("tags what it writes with the prefix, and writes no prefix tag without one", async () => {
    const vault = createFakeVault();
    await sync(vault, [desired("app-db", "1")], { prefix: "app-" });
    await sync(vault, [desired("plain", "2")]);
    expect(vault.latest("app-db")?.tags).toMatchObject({ ...OURS, [PREFIX_TAG]: "app-" });
    expect(vault.latest("plain")?.tags).not.toHaveProperty(PREFIX_TAG);
  });

  it("moves a secret synced under another prefix to this run's set with a PATCH, not a new version", async () => {
    const vault = createFakeVault().seed("app-api-key", "same", { tags: { ...OURS, [PREFIX_TAG]: "app-api-" } });
    const results = await sync(vault, [desired("app-api-key", "same")], { prefix: "app-" });
    expect(results[0]).toMatchObject({ status: "updated", reason: expect.stringContaining("was synced under prefix 'app-api-'") });
    expect(vault.writeCalls()).toEqual([{ operation: "update", name: "app-api-key" }]);
    expect(vault.versions("app-api-key")).toHaveLength(1);
    expect(vault.latest("app-api-key")?.tags).toMatchObject({ [PREFIX_TAG]: "app-" });
    const again = await sync(vault, [desired("app-api-key", "same")], { prefix: "app-" });
    expect(again[0]?.status).toBe("unchanged");
  });

  it("patches metadata-only changes without a new version, keeping an existing expiry", async () => {
    const expiry = new Date("2026-07-01T00:00:00Z");
    const vault = createFakeVault().seed("db", "s3cret", { tags: { ...OURS, team: "old" }, expiresOn: expiry });
    const metadata = { contentType: undefined, tags: { team: "new" }, expiresInSeconds: 3600 };
    const results = await sync(vault, [desired("db", "s3cret")], { metadata });
    expect(results[0]).toMatchObject({ action: "update", status: "updated" });
    expect(vault.writeCalls()).toEqual([{ operation: "update", name: "db" }]);
    expect(vault.versions("db")).toHaveLength(1);
    expect(vault.latest("db")).toMatchObject({ expiresOn: expiry, tags: { team: "new", ...OURS } });
  });

  it("recovers a soft-deleted secret, then writes the new value", async () => {
    const vault = createFakeVault().seedDeleted("db", "old", { tags: OURS });
    const results = await sync(vault, [desired("db", "new")]);
    expect(results[0]).toMatchObject({
      action: "recover",
      status: "recovered",
      reason: "recovered; value changed: a new version was written",
    });
    expect(vault.writeCalls().map((call) => call.operation)).toEqual(["recover", "set"]);
    expect(vault.latest("db")?.value).toBe("new");
    expect(vault.isDeleted("db")).toBe(false);
  });

  it("recovers without writing when the recovered version already matches", async () => {
    const vault = createFakeVault().seedDeleted("db", "same", { tags: OURS });
    const results = await sync(vault, [desired("db", "same")]);
    expect(results[0]).toMatchObject({ status: "recovered", reason: "recovered; value and metadata already match" });
    expect(vault.writeCalls().map((call) => call.operation)).toEqual(["recover"]);
  });

  it("recovers with the prefix tag of this run", async () => {
    const vault = createFakeVault().seedDeleted("app-db", "same", { tags: OURS });
    const results = await sync(vault, [desired("app-db", "same")], { prefix: "app-" });
    expect(results[0]).toMatchObject({ status: "recovered", reason: "recovered; metadata updated (prefix tag)" });
    expect(vault.latest("app-db")?.tags).toMatchObject({ [PREFIX_TAG]: "app-" });
  });

  describe("when someone else recovered the secret between plan and apply", () => {
    // Key Vault's recover (through the SDK) succeeds without recovering a name that already
    // exists, so only the recovered version's own tags tell whose it is now.
    it.each<{ title: string; tags: Record<string, string>; adopt: boolean; whose: string }>([
      {
        title: "another owner's version",
        tags: THEIRS,
        adopt: false,
        whose: "managed by keyvault-sync for another owner ('octo-org/other')",
      },
      {
        title: "another owner's version, even with adopt",
        tags: THEIRS,
        adopt: true,
        whose: "managed by keyvault-sync for another owner ('octo-org/other')",
      },
      { title: "an untagged version without adopt", tags: {}, adopt: false, whose: "written outside keyvault-sync" },
    ])("fails on $title and writes nothing", async ({ tags, adopt, whose }) => {
      const vault = createFakeVault().seedDeleted("db", "old", { tags: OURS });
      const plan = await planFor(vault, [desired("db", "new")], { adopt });
      expect(plan.items[0]?.action).toBe("recover");
      vault.restore("db").seed("db", "edited-by-them", { tags });

      const results = await applyPlan(plan, vault, applyOptions());
      expect(results[0]).toMatchObject({
        action: "recover",
        status: "failed",
        reason: `recovered by someone else since the plan; its latest version is not ours (${whose}), so nothing was written`,
        hint: expect.stringMatching(/run the sync again/),
      });
      expect(vault.writeCalls().map((call) => call.operation)).toEqual(["recover"]);
      expect(vault.versions("db").map((version) => version.value)).toEqual(["old", "edited-by-them"]);
    });

    it("adopts an untagged version when adopt is on, as the planner would", async () => {
      const vault = createFakeVault().seedDeleted("db", "old", { tags: OURS });
      const plan = await planFor(vault, [desired("db", "new")], { adopt: true });
      vault.restore("db").seed("db", "edited-by-hand");
      const results = await applyPlan(plan, vault, applyOptions());
      expect(results[0]).toMatchObject({ status: "recovered", reason: "recovered; value changed: a new version was written" });
      expect(vault.latest("db")).toMatchObject({ value: "new", tags: OURS });
    });

    it("brings a version that is still ours up to date", async () => {
      const vault = createFakeVault().seedDeleted("db", "old", { tags: OURS });
      const plan = await planFor(vault, [desired("db", "new")]);
      vault.restore("db");
      const results = await applyPlan(plan, vault, applyOptions());
      expect(results[0]).toMatchObject({ status: "recovered", reason: "recovered; value changed: a new version was written" });
      expect(vault.latest("db")?.value).toBe("new");
    });
  });

  it("reports a recovery whose follow-up write failed as failed, saying it was recovered", async () => {
    const vault = createFakeVault().seedDeleted("db", "old", { tags: OURS }).failNext("set", "db", "transient");
    const results = await sync(vault, [desired("db", "new")]);
    expect(results[0]?.status).toBe("failed");
    expect(results[0]?.reason).toMatch(/^recovered 'db', but bringing it up to date failed: Failed to set secret 'db'/);
  });

  it("soft-deletes pruned secrets", async () => {
    const vault = createFakeVault().seed("gone", "x", { tags: OURS }).seed("kept", "1", { tags: OURS });
    const results = await sync(vault, [desired("kept", "1")], { prune: true });
    expect(results.map((result) => [result.name, result.status])).toEqual([
      ["gone", "deleted"],
      ["kept", "unchanged"],
    ]);
    expect(vault.isDeleted("gone")).toBe(true);
  });

  it("recovers a create that meets a soft-deleted name of ours, and refuses one it does not manage", async () => {
    // A delete still in flight when the vault was read: the name is in neither list, so the plan
    // says create, and only the write reveals the soft-deleted name.
    const vault = createFakeVault().seedDeleted("ours", "old", { tags: OURS }).seedDeleted("foreign", "x");
    vault.failNext("list-deleted", undefined, "being-deleted");
    const results = await sync(vault, [desired("ours", "new"), desired("foreign", "mine")]);
    expect(results.map((result) => [result.name, result.action, result.status])).toEqual([
      ["foreign", "create", "failed"],
      ["ours", "create", "recovered"],
    ]);
    expect(results[1]?.reason).toBe("found soft-deleted at write time; recovered; value changed: a new version was written");
    expect(vault.latest("ours")?.value).toBe("new");
    expect(results[0]?.reason).toMatch(/^found soft-deleted at write time: soft-deleted on .* and not created by keyvault-sync/);
    expect(results[0]?.hint).toMatch(
      /az keyvault secret recover --vault-name fake-vault --name foreign\) or purge it by hand.*adopt: true/,
    );
    expect(vault.isDeleted("foreign")).toBe(true);
  });

  it("recovers an untagged soft-deleted name met at write time when adopt is on", async () => {
    const vault = createFakeVault().seedDeleted("foreign", "x");
    vault.failNext("list-deleted", undefined, "being-deleted");
    const results = await sync(vault, [desired("foreign", "mine")], { adopt: true });
    expect(results[0]).toMatchObject({ status: "recovered" });
    expect(vault.latest("foreign")).toMatchObject({ value: "mine", tags: OURS });
  });

  it("is idempotent: a second run changes nothing and writes nothing", async () => {
    const vault = createFakeVault().seed("adopted", "1");
    const secrets = [desired("a", "1"), desired("B", "2"), desired("adopted", "1")];
    const metadata = { contentType: "text/plain", tags: { team: "x" }, expiresInSeconds: 86_400 };
    const first = await sync(vault, secrets, { adopt: true, metadata });
    expect(first.map((result) => result.status)).toEqual(["created", "updated", "created"]);
    const writes = vault.writeCalls().length;
    const second = await sync(vault, secrets, { adopt: true, metadata }, { now: new Date("2026-09-01T00:00:00Z") });
    expect(second.map((result) => result.status)).toEqual(["unchanged", "unchanged", "unchanged"]);
    expect(vault.writeCalls().length).toBe(writes);
  });

  it("keeps the plan's order: the planner sorts, apply does not sort again", async () => {
    const vault = createFakeVault().seed("b", "old", { tags: OURS });
    const plan = await planFor(vault, [desired("c", "3"), desired("b", "2"), desired("a", "1")]);
    const reversed: Plan = { ...plan, items: [...plan.items].reverse() };
    const results = await applyPlan(reversed, vault, applyOptions({ concurrency: 3 }));
    expect(results.map((result) => result.name)).toEqual(["c", "b", "a"]);
  });

  it("marks offline validations in a dry run, and nothing else", async () => {
    const plan = planChanges({ desired: [desired("a", "1")], rejected: [], state: undefined, options: planOptions() });
    const results = predictResults(plan);
    expect(results).toEqual([expect.objectContaining({ name: "a", status: "skipped", offline: true })]);
  });
});

describe("mapWithConcurrency", () => {
  it("keeps input order and never exceeds the bound", async () => {
    let inFlight = 0;
    let highest = 0;
    const results = await mapWithConcurrency([5, 1, 4, 2, 3], 2, async (item) => {
      inFlight += 1;
      highest = Math.max(highest, inFlight);
      for (let turn = 0; turn < item; turn += 1) await new Promise((resolve) => setImmediate(resolve));
      inFlight -= 1;
      return item * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30]);
    expect(highest).toBe(2);
  });
});

describe("two writers racing on one new name", () => {
  it("reports a conflict naming the other owner when their version landed before ours", async () => {
    const vault = createFakeVault();
    const plan = await planFor(vault, [desired("db", "ours"), desired("api", "ours")]);
    vault.seed("db", "theirs", { tags: THEIRS });
    const results = await applyPlan(plan, vault, applyOptions());
    const db = results.find((result) => result.name === "db");
    expect(db).toMatchObject({
      status: "failed",
      reason: expect.stringMatching(
        /^conflict: created, but owner 'octo-org\/other' created 'db' at the same time; it now holds 1 version besides this owner's/,
      ),
    });
    expect(db?.hint).toMatch(/give each its own prefix or vault/);
    expect(results.find((result) => result.name === "api")?.status).toBe("created");
  });

  it("reports it when the other version landed after ours but before the check, and names a writer outside keyvault-sync", async () => {
    const vault = createFakeVault();
    const plan = await planFor(vault, [desired("db", "ours")]);
    const setSecret = vault.setSecret.bind(vault);
    vault.setSecret = async (name, write) => {
      const info = await setSecret(name, write);
      vault.seed(name, "by-hand");
      return info;
    };
    const [db] = await applyPlan(plan, vault, applyOptions());
    expect(db).toMatchObject({
      status: "failed",
      reason: expect.stringMatching(/a writer outside keyvault-sync created 'db' at the same time/),
    });
  });

  it("checks every create once and reports 'created' when all versions are ours", async () => {
    const vault = createFakeVault();
    const results = await sync(vault, [desired("a", "1"), desired("b", "2")]);
    expect(results.map((result) => result.status)).toEqual(["created", "created"]);
    expect(
      vault.calls
        .filter((call) => call.operation === "list-versions")
        .map((call) => call.name)
        .sort(),
    ).toEqual(["a", "b"]);
  });
});
