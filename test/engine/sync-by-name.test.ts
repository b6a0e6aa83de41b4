/**
 * The no-prune sync, one name at a time, decides and reports exactly what the whole-vault plan
 * does, and writes a secret without waiting for the other reads.
 */
import { describe, expect, it } from "vitest";
import { applyPlan, predictResults } from "../../src/engine/apply.ts";
import type { ApplyOptions } from "../../src/engine/apply.ts";
import type { DesiredSecret, Rejection } from "../../src/engine/naming.ts";
import { planChanges } from "../../src/engine/plan.ts";
import type { PlanOptions } from "../../src/engine/plan-items.ts";
import { syncByName } from "../../src/engine/sync-by-name.ts";
import { MANAGED_BY_TAG, MANAGED_BY_VALUE, OWNER_TAG } from "../../src/engine/tags.ts";
import { readVaultState } from "../../src/engine/vault-state.ts";
import { createFakeVault } from "../fakes/fake-vault.ts";
import type { FakeVault } from "../fakes/fake-vault.ts";

const OWNER = "octo-org/app";
const OURS = { [MANAGED_BY_TAG]: MANAGED_BY_VALUE, [OWNER_TAG]: OWNER };
const THEIRS = { [MANAGED_BY_TAG]: MANAGED_BY_VALUE, [OWNER_TAG]: "octo-org/other" };
const PLAN: PlanOptions = {
  owner: OWNER,
  prefix: "",
  prune: false,
  adopt: false,
  metadata: { contentType: undefined, tags: {}, expiresInSeconds: undefined },
  now: new Date("2026-05-01T00:00:00Z"),
};
const AUDIT = { repository: OWNER, runUrl: undefined, commit: undefined, ref: undefined };

function desired(entries: Record<string, string>): DesiredSecret[] {
  return Object.entries(entries).map(([name, value]) => ({ source: name.toUpperCase(), name, value, origin: { kind: "secrets" } }));
}

const REJECTED: Rejection[] = [
  { source: "EMPTY", name: "empty", origin: { kind: "secrets" }, status: "skipped", reason: "empty value: skipped, never overwrites" },
  { source: "bad.name!", name: undefined, origin: { kind: "secrets" }, status: "failed", reason: "not a valid name" },
];

function seeded(): FakeVault {
  return createFakeVault()
    .seed("same", "v", { tags: OURS })
    .seed("changed", "old", { tags: OURS })
    .seed("untagged", "v")
    .seed("theirs", "v", { tags: THEIRS })
    .seed("off", "v", { tags: OURS, enabled: false })
    .seedDeleted("gone", "v", { tags: OURS });
}

const WANTED = desired({ same: "v", changed: "new", untagged: "v", theirs: "v", off: "v", gone: "v", fresh: "v" });

describe("syncByName", () => {
  it.each([true, false])("reports what the whole-vault plan reports (dry run: %s)", async (dryRun) => {
    const apply: ApplyOptions = { concurrency: 3, audit: AUDIT, now: PLAN.now };
    const whole = seeded();
    const state = await readVaultState(whole, WANTED, { owner: OWNER, concurrency: 3, adopt: false });
    const plan = planChanges({ desired: WANTED, rejected: REJECTED, state, options: PLAN });
    const expected = dryRun ? predictResults(plan) : await applyPlan(plan, whole, apply);

    const byName = seeded();
    const { results } = await syncByName(
      byName,
      { desired: WANTED, rejected: REJECTED },
      { read: { owner: OWNER, concurrency: 3, adopt: false }, plan: PLAN, apply, dryRun },
    );
    expect(results).toEqual(expected);
    expect(results.map((result) => result.status)).toContain(dryRun ? "unchanged" : "created");
    expect(byName.writeCalls().length).toBe(whole.writeCalls().length);
  });

  it("writes a secret as soon as its read decided it", async () => {
    const vault = createFakeVault();
    const apply: ApplyOptions = { concurrency: 1, audit: AUDIT, now: PLAN.now };
    await syncByName(
      vault,
      { desired: desired({ a: "1", b: "2" }), rejected: [] },
      { read: { owner: OWNER, concurrency: 1 }, plan: PLAN, apply, dryRun: false },
    );
    const calls = vault.calls.map((call) => `${call.operation} ${call.name}`);
    expect(calls.filter((call) => /^(get|get-deleted|set) /.test(call))).toEqual([
      "get a",
      "get-deleted a",
      "set a",
      "get b",
      "get-deleted b",
      "set b",
    ]);
  });
});
