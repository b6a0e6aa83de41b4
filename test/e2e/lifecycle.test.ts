/**
 * The secret lifecycle, end to end: the bundled action runs as a GitHub step against the local
 * Azure, and every test then reads the vault's full contents (every version, deleted secrets too)
 * and the requests the vault answered. One cloud for the file; one vault per test, so the tests
 * run side by side without seeing each other's secrets or requests.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCloud } from "../../local-azure/index.ts";
import type { Cloud, CloudInfo, RequestLogView } from "../../local-azure/index.ts";
import {
  OWNER,
  WRITE_OPERATIONS,
  countOperations,
  createVault,
  ownedBy,
  patchVault,
  readCounts,
  readLatest,
  readPlan,
  readSecret,
  readVault,
  readVaultRequests,
  runSync,
  seedSecret,
  snapshotVault,
  softDelete,
  vaultHost,
  visibleText,
} from "../../tools/vault-helpers.ts";

let cloud: Cloud;
let info: CloudInfo;

beforeAll(async () => {
  cloud = await startCloud();
  info = cloud.info;
});

afterAll(async () => {
  await cloud?.stop();
});

const RUN_URL = "https://github.com/octo-org/octo-repo/actions/runs/4242";
const COMMIT = "0123456789abcdef0123456789abcdef01234567";

/** The audit tags of a version written by the default run (push to main, production environment). */
const AUDIT = {
  ...ownedBy(),
  "keyvault-sync-repository": OWNER,
  "keyvault-sync-run": RUN_URL,
  "keyvault-sync-commit": COMMIT,
  "keyvault-sync-ref": "environment:production",
};

/** Tags of a version this owner synced under `prefix`. */
function ownedUnder(prefix: string): Record<string, string> {
  return { ...ownedBy(), "keyvault-sync-prefix": prefix };
}

function secretsInput(secrets: Record<string, string>): string {
  return JSON.stringify(secrets);
}

function writesIn(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(
    WRITE_OPERATIONS.filter((operation) => counts[operation] !== undefined).map((operation) => [operation, counts[operation] ?? 0]),
  );
}

describe.concurrent("secret lifecycle (bundled action against the local Azure)", () => {
  it("prune soft-deletes exactly the managed secrets of this prefix missing from the sources; a dry run only plans it", async () => {
    const vault = "prune-kv";
    await createVault(info, vault);
    await seedSecret(info, vault, "app-keep", { value: "keep-value", tags: ownedUnder("app-") });
    await seedSecret(info, vault, "app-gone", { value: "gone-1", tags: ownedUnder("app-") }, { value: "gone-2", tags: ownedUnder("app-") });
    await seedSecret(info, vault, "app-old", { value: "old-value", tags: ownedUnder("app-") });
    await seedSecret(info, vault, "app-manual", { value: "manual-value" });
    await seedSecret(info, vault, "app-theirs", {
      value: "theirs-value",
      tags: { ...ownedBy("other/repo"), "keyvault-sync-prefix": "app-" },
    });
    await seedSecret(info, vault, "web-ours", { value: "outside-prefix", tags: ownedUnder("web-") });
    // The same owner's other workflows: one syncs `prefix: app-api-`, one syncs without a prefix.
    await seedSecret(info, vault, "app-api-token", { value: "nested-set", tags: ownedUnder("app-api-") });
    await seedSecret(info, vault, "app-unprefixed", { value: "no-prefix-set", tags: ownedBy() });
    // Certificate-backed and carrying our tags: only `managed` keeps it from being pruned.
    await seedSecret(info, vault, "app-cert", { value: "pfx-bytes", managed: true, tags: ownedUnder("app-") });
    const inputs = { secrets: secretsInput({ keep: "keep-value" }), prefix: "app-", prune: "true" };

    const before = await snapshotVault(info, vault);
    const dry = await runSync(info, vault, { ...inputs, "dry-run": "true" });
    expect(dry.exitCode, dry.stdout).toBe(0);
    const dryDeletes = readPlan(dry).filter((item) => item.action === "delete");
    expect(dryDeletes.map((item) => item.name)).toEqual(["app-gone", "app-old"]);
    expect(readCounts(dry).deleted).toBe(2);
    expect(dry.outputs["changed"]).toBe("false");
    expect(writesIn(countOperations(dry.vaultRequests))).toEqual({});
    expect(await snapshotVault(info, vault)).toBe(before);

    const run = await runSync(info, vault, inputs);
    expect(run.exitCode, run.stdout).toBe(0);
    expect(readCounts(run)).toMatchObject({ deleted: 2, unchanged: 1, created: 0, updated: 0, failed: 0 });
    expect(run.outputs["changed"]).toBe("true");
    const deletes = readPlan(run).filter((item) => item.action === "delete");
    expect(deletes).toEqual([
      expect.objectContaining({ source: null, name: "app-gone", action: "delete" }),
      expect.objectContaining({ source: null, name: "app-old", action: "delete" }),
    ]);
    expect(deletes[0]?.reason).toMatch(/soft delete/);

    const operations = countOperations(run.vaultRequests);
    expect(operations["DeleteSecret"]).toBe(2);
    expect(operations["PurgeDeletedSecret"]).toBeUndefined();
    expect(writesIn(operations)).toEqual({ DeleteSecret: 2 });

    const states = Object.fromEntries((await readVault(info, vault)).map((secret) => [secret.name, secret.state]));
    expect(states).toEqual({
      "app-api-token": "active",
      "app-cert": "active",
      "app-gone": "deleted",
      "app-keep": "active",
      "app-manual": "active",
      "app-old": "deleted",
      "app-theirs": "active",
      "app-unprefixed": "active",
      "web-ours": "active",
    });
    // Soft-deleted, not purged: every version is still there to recover.
    const gone = await readSecret(info, vault, "app-gone");
    expect(gone?.versions.map((version) => version.value)).toEqual(["gone-1", "gone-2"]);
    expect(gone?.scheduledPurgeDate).toBeGreaterThan(Date.now() / 1000);
  });

  it("recovers a managed secret deleted by hand, then writes the new value on top of its kept versions", async () => {
    const vault = "recover-kv";
    await createVault(info, vault);
    await seedSecret(info, vault, "db-pass", { value: "first", tags: ownedBy() }, { value: "second", tags: ownedBy() });
    await softDelete(info, vault, "db-pass");

    const run = await runSync(info, vault, { secrets: secretsInput({ DB_PASS: "third" }) });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(readCounts(run)).toMatchObject({ recovered: 1, created: 0, failed: 0 });
    expect(readPlan(run)).toEqual([expect.objectContaining({ source: "DB_PASS", name: "DB-PASS", action: "recover" })]);
    const operations = countOperations(run.vaultRequests);
    expect(operations["RecoverDeletedSecret"]).toBe(1);
    expect(operations["SetSecret"]).toBe(1);

    const secret = await readSecret(info, vault, "db-pass");
    expect(secret?.state).toBe("active");
    expect(secret?.versions.map((version) => version.value)).toEqual(["first", "second", "third"]);
    expect(secret?.versions.at(-1)?.tags).toEqual(AUDIT);
  });

  it("recovers while Key Vault still finishes the recovery (reads 404 and writes 409 for a while)", async () => {
    const vault = "recover-slow-kv";
    await createVault(info, vault, "Key Vault Secrets Officer", { faults: { recoverDelayMs: 1500 } });
    await seedSecret(info, vault, "api-key", { value: "api-v1", tags: ownedBy() });
    await softDelete(info, vault, "api-key");

    const run = await runSync(info, vault, { secrets: secretsInput({ api_key: "api-v2" }) });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(readCounts(run)).toMatchObject({ recovered: 1, failed: 0 });
    expect(countOperations(run.vaultRequests)["RecoverDeletedSecret"]).toBe(1);
    const secret = await readSecret(info, vault, "api-key");
    expect(secret?.state).toBe("active");
    expect(secret?.versions.map((version) => version.value)).toEqual(["api-v1", "api-v2"]);
  });

  it("recovers a name its own prune deleted moments ago, while the delete is not yet listed", async () => {
    const vault = "redelete-kv";
    await createVault(info, vault, "Key Vault Secrets Officer", { faults: { deleteDelayMs: 1500 } });
    await seedSecret(info, vault, "api-key", { value: "api-v1", tags: ownedBy() });
    await seedSecret(info, vault, "keep", { value: "keep-value", tags: ownedBy() });

    const pruned = await runSync(info, vault, { secrets: secretsInput({ keep: "keep-value" }), prune: "true" });
    expect(pruned.exitCode, pruned.stdout).toBe(0);
    expect(readCounts(pruned).deleted).toBe(1);
    // Straight after: the name is neither listed nor yet among the deleted secrets, so the plan
    // says create and Key Vault answers 409 (being deleted, then deleted but recoverable). Had the
    // delete already become visible, the plan would say recover: either way the name must come back.
    const back = await runSync(info, vault, { secrets: secretsInput({ api_key: "api-v2", keep: "keep-value" }), prune: "true" });
    expect(back.exitCode, back.stdout).toBe(0);
    expect(readCounts(back)).toMatchObject({ recovered: 1, failed: 0, created: 0 });
    const secret = await readSecret(info, vault, "api-key");
    expect(secret?.state).toBe("active");
    expect(secret?.versions.map((version) => version.value)).toEqual(["api-v1", "api-v2"]);
  });

  it("does not recover a soft-deleted secret it does not manage: the item fails with a hint", async () => {
    const vault = "foreign-del-kv";
    await createVault(info, vault);
    await seedSecret(info, vault, "legacy", { value: "hand-made" });
    await seedSecret(info, vault, "theirs", { value: "other-owner", tags: ownedBy("other/repo") });
    await softDelete(info, vault, "legacy");
    await softDelete(info, vault, "theirs");

    const run = await runSync(info, vault, { secrets: secretsInput({ legacy: "mine", theirs: "mine-too" }) });
    expect(run.exitCode).toBe(1);
    expect(readCounts(run)).toMatchObject({ failed: 2, recovered: 0 });
    expect(JSON.parse(run.outputs["failed-names"] ?? "[]")).toEqual(["legacy", "theirs"]);
    const plan = readPlan(run);
    expect(plan.find((item) => item.name === "legacy")?.reason).toMatch(/soft-deleted .* not created by keyvault-sync/);
    expect(plan.find((item) => item.name === "theirs")?.reason).toMatch(/soft-deleted .*another owner \('other\/repo'\)/);
    // The way out is shown where the user reads the failure.
    const legacyAnnotation = run.annotations.find((annotation) => annotation.level === "error" && annotation.message.startsWith("legacy:"));
    expect(legacyAnnotation).toBeDefined();
    expect(visibleText(run)).toContain("az keyvault secret recover --vault-name foreign-del-kv --name legacy");
    expect(visibleText(run)).toContain("adopt: true");

    expect(writesIn(countOperations(run.vaultRequests))).toEqual({});
    expect((await readSecret(info, vault, "legacy"))?.state).toBe("deleted");
    expect((await readSecret(info, vault, "theirs"))?.state).toBe("deleted");
  });

  it("changes only metadata with a PATCH: no new version for a new content type or tags", async () => {
    const vault = "metadata-kv";
    await createVault(info, vault);
    await seedSecret(info, vault, "conn", { value: "same-value", tags: ownedBy() });
    const secrets = secretsInput({ conn: "same-value" });

    const typed = await runSync(info, vault, { secrets, "content-type": "text/plain" });
    expect(typed.exitCode, typed.stdout).toBe(0);
    expect(readCounts(typed)).toMatchObject({ updated: 1, created: 0 });
    expect(readPlan(typed)[0]?.reason).toMatch(/metadata only \(content type\).*no new version/);
    expect(countOperations(typed.vaultRequests)).toMatchObject({ UpdateSecret: 1 });
    expect(countOperations(typed.vaultRequests)["SetSecret"]).toBeUndefined();
    let latest = await readLatest(info, vault, "conn");
    expect(latest).toMatchObject({ count: 1, value: "same-value", contentType: "text/plain" });

    const tagged = await runSync(info, vault, { secrets, "content-type": "text/plain", tags: "team=payments\ntier=gold" });
    expect(tagged.exitCode, tagged.stdout).toBe(0);
    expect(readPlan(tagged)[0]?.reason).toMatch(/metadata only \(tags\)/);
    expect(countOperations(tagged.vaultRequests)).toMatchObject({ UpdateSecret: 1 });
    expect(countOperations(tagged.vaultRequests)["SetSecret"]).toBeUndefined();
    latest = await readLatest(info, vault, "conn");
    expect(latest.count).toBe(1);
    expect(latest.tags).toEqual({ team: "payments", tier: "gold", ...AUDIT });

    const again = await runSync(info, vault, { secrets, "content-type": "text/plain", tags: "team=payments\ntier=gold" });
    expect(readCounts(again)).toMatchObject({ unchanged: 1, updated: 0 });
    expect(writesIn(countOperations(again.vaultRequests))).toEqual({});
    expect((await readLatest(info, vault, "conn")).count).toBe(1);
  });

  it("reports a hand-edited managed secret as drifted, leaves it alone, and takes it over with adopt", async () => {
    const vault = "drift-kv";
    await createVault(info, vault);
    await seedSecret(info, vault, "drifted", { value: "ours", tags: ownedBy() }, { value: "edited-by-hand" });
    await seedSecret(info, vault, "stranger", { value: "never-ours" });
    const secrets = secretsInput({ drifted: "from-source", stranger: "from-source-too" });

    const before = await snapshotVault(info, vault);
    const run = await runSync(info, vault, { secrets });
    expect(run.exitCode).toBe(1);
    expect(readCounts(run)).toMatchObject({ failed: 2, updated: 0 });
    const reasons = Object.fromEntries(readPlan(run).map((item) => [item.name, item.reason]));
    expect(reasons["drifted"]).toMatch(/^drifted: the latest version was written outside keyvault-sync/);
    expect(reasons["stranger"]).toMatch(/not created by keyvault-sync/);
    expect(reasons["stranger"]).not.toMatch(/drifted/);
    expect(writesIn(countOperations(run.vaultRequests))).toEqual({});
    expect(await snapshotVault(info, vault)).toBe(before);

    const adopted = await runSync(info, vault, { secrets, adopt: "true" });
    expect(adopted.exitCode, adopted.stdout).toBe(0);
    expect(readCounts(adopted)).toMatchObject({ updated: 2, failed: 0 });
    expect(readPlan(adopted).find((item) => item.name === "drifted")?.reason).toMatch(/^adopting a drifted secret/);
    const drifted = await readSecret(info, vault, "drifted");
    expect(drifted?.versions.map((version) => version.value)).toEqual(["ours", "edited-by-hand", "from-source"]);
    expect(drifted?.versions.at(-1)?.tags).toEqual(AUDIT);
    expect((await readLatest(info, vault, "stranger")).tags).toMatchObject(ownedBy());
  });

  it("tags every version it writes with ownership, prefix and audit tags, whichever run wrote it", async () => {
    const vault = "audit-kv";
    await createVault(info, vault);
    const userTags = Array.from({ length: 8 }, (_, index) => `tag${index}=value${index}`).join("\n");

    const first = await runSync(info, vault, { secrets: secretsInput({ token: "one" }), tags: userTags, prefix: "app-" });
    expect(first.exitCode, first.stdout).toBe(0);
    expect(readCounts(first).created).toBe(1);
    let latest = await readLatest(info, vault, "app-token");
    expect(latest.tags).toEqual({
      ...AUDIT,
      "keyvault-sync-prefix": "app-",
      ...Object.fromEntries(Array.from({ length: 8 }, (_, index) => [`tag${index}`, `value${index}`])),
    });
    expect(Object.keys(latest.tags ?? {})).toHaveLength(15);

    // A later run (another run id, commit) writes a new value: its version names that run; the
    // first version still names the first.
    const second = await runSync(
      info,
      vault,
      { secrets: secretsInput({ token: "two" }), tags: userTags, prefix: "app-" },
      { GITHUB_RUN_ID: "5151", GITHUB_RUN_ATTEMPT: "2", GITHUB_SHA: "f".repeat(40) },
    );
    expect(second.exitCode, second.stdout).toBe(0);
    const secret = await readSecret(info, vault, "app-token");
    expect(secret?.versions).toHaveLength(2);
    expect(secret?.versions[0]?.tags).toMatchObject({ "keyvault-sync-run": RUN_URL, "keyvault-sync-commit": COMMIT });
    expect(secret?.versions[1]?.tags).toMatchObject({
      ...ownedUnder("app-"),
      "keyvault-sync-repository": OWNER,
      "keyvault-sync-run": "https://github.com/octo-org/octo-repo/actions/runs/5151/attempts/2",
      "keyvault-sync-commit": "f".repeat(40),
      "keyvault-sync-ref": "environment:production",
    });
    latest = await readLatest(info, vault, "app-token");
    expect(Object.keys(latest.tags ?? {}).length).toBeLessThanOrEqual(15);
  });

  it("refuses user tags over Key Vault's 15-tag limit before sending any request", async () => {
    const vault = "audit-limit-kv";
    await createVault(info, vault);
    const tooMany = Array.from({ length: 9 }, (_, index) => `tag${index}=value${index}`).join("\n");

    const run = await runSync(info, vault, { secrets: secretsInput({ token: "one" }), tags: tooMany });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/tags.*at most 8 tags/);
    expect(run.stdout).not.toMatch(/Signed in/);
    expect(run.vaultRequests).toEqual([]);
    expect(await readVault(info, vault)).toEqual([]);
  });

  it.each([
    ["Key Vault Secrets User", "rbac-user-kv"],
    ["Key Vault Reader", "rbac-reader-kv"],
  ] as const)("with only %s, a write is denied by RBAC and the message names the missing role", async (role, vault) => {
    await createVault(info, vault, role);
    await seedSecret(info, vault, "present", { value: "old", tags: ownedBy() });
    const before = await snapshotVault(info, vault);

    const run = await runSync(info, vault, { secrets: secretsInput({ present: "new", fresh: "fresh-value" }) });
    expect(run.exitCode).toBe(1);
    expect(readCounts(run).failed).toBe(2);
    const text = visibleText(run);
    expect(text).toContain("Failed to set secret 'fresh'");
    expect(text).toContain("ForbiddenByRbac");
    expect(text).toContain("Microsoft.KeyVault/vaults/secrets/setSecret/action");
    expect(text).toContain("lacks the 'Key Vault Secrets Officer' role");
    expect(text).toContain('az role assignment create --role "Key Vault Secrets Officer"');
    expect(text).not.toMatch(/access policies|network rules/);
    expect(countOperations(run.vaultRequests)["SetSecret"]).toBeGreaterThanOrEqual(1);
    expect(await snapshotVault(info, vault)).toBe(before);
  });

  it("on an access-policy vault without 'set', names the missing permission and the set-policy fix", async () => {
    const vault = "policy-kv";
    await createVault(info, vault, "none", {
      accessModel: "access-policy",
      accessPolicies: [{ principal: info.clientId, permissions: ["get", "list"] }],
    });

    const run = await runSync(info, vault, { secrets: secretsInput({ fresh: "fresh-value" }) });
    expect(run.exitCode).toBe(1);
    expect(readCounts(run).failed).toBe(1);
    const text = visibleText(run);
    expect(text).toContain("does not have secrets set permission");
    expect(text).toContain("AccessDenied");
    expect(text).toContain("The vault uses access policies and the identity lacks the secret 'set' permission");
    expect(text).toContain("az keyvault set-policy --name policy-kv");
    expect(text).not.toMatch(/az role assignment create|network rules/);
    expect(await readVault(info, vault)).toEqual([]);
  });

  it("behind the vault firewall, fails the run with the firewall's own message and hint", async () => {
    const vault = "firewall-kv";
    await createVault(info, vault, "Key Vault Secrets Officer", { firewall: true });

    const run = await runSync(info, vault, { secrets: secretsInput({ fresh: "fresh-value" }) });
    expect(run.exitCode).toBe(1);
    const text = visibleText(run);
    expect(text).toContain("Client address is not authorized");
    expect(text).toContain("ForbiddenByFirewall");
    expect(text).toContain("network rules rejected the runner");
    expect(text).toContain("az keyvault network-rule add --name firewall-kv");
    expect(text).not.toMatch(/az role assignment create|set-policy/);
    // A firewall refusal is not a propagation delay: it is not retried. The refused read asks the
    // listing (refused too) whether the name exists, and that ends the run.
    expect(run.vaultRequests.filter((entry) => entry.status === 403).map((entry) => entry.operation)).toEqual(["GetSecret", "GetSecrets"]);
    expect(await readVault(info, vault)).toEqual([]);
  });

  it("retries a 403 that comes right after a role assignment and then syncs", async () => {
    const vault = "propagate-kv";
    await createVault(info, vault, "none", { accessPropagationMs: 2000 });
    const running = runSync(info, vault, { secrets: secretsInput({ fresh: "fresh-value" }) });
    // Assign the role once the action has been refused, like an assignment made moments before a
    // run: it takes effect 2 s later, before the action's first retry.
    await waitForRequest(info, vault, (entry) => entry.operation === "GetSecret" && entry.status === 403);
    await patchVault(info, vault, { roles: [{ principal: info.clientId, role: "Key Vault Secrets Officer" }] });

    const run = await running;
    expect(run.exitCode, run.stdout).toBe(0);
    expect(readCounts(run)).toMatchObject({ created: 1, failed: 0 });
    // After the SDK's challenge (401): refused while the assignment propagates, then allowed.
    // The name does not exist yet, so the allowed read answers 404 (and the create follows).
    const reads = run.vaultRequests.filter((entry) => entry.operation === "GetSecret" && entry.status !== 401).map((entry) => entry.status);
    expect(reads[0]).toBe(403);
    expect(reads.at(-1)).toBe(404);
    expect(run.stdout).toContain("retrying in");
    expect((await readLatest(info, vault, "fresh")).value).toBe("fresh-value");
  });

  it("never writes a certificate-backed secret, and on a purge-protected vault prune only soft-deletes", async () => {
    const vault = "purge-kv";
    await createVault(info, vault, "Key Vault Secrets Officer", { purgeProtection: true });
    await seedSecret(info, vault, "tls-cert", { value: "pfx-bytes", managed: true });
    await seedSecret(info, vault, "keep", { value: "same", tags: ownedBy() });
    await seedSecret(info, vault, "stale", { value: "old-1", tags: ownedBy() }, { value: "old-2", tags: ownedBy() });
    const certBefore = JSON.stringify(await readSecret(info, vault, "tls-cert"));

    const run = await runSync(info, vault, {
      secrets: secretsInput({ tls_cert: "not-a-cert", keep: "same" }),
      prune: "true",
      adopt: "true",
    });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(readCounts(run)).toMatchObject({ skipped: 1, unchanged: 1, deleted: 1, failed: 0 });
    const plan = readPlan(run);
    expect(plan.find((item) => item.name === "tls-cert")).toMatchObject({ action: "skip" });
    expect(plan.find((item) => item.name === "tls-cert")?.reason).toMatch(/certificate-backed/);
    expect(plan.find((item) => item.name === "stale")).toMatchObject({ action: "delete" });

    const certPaths = run.vaultRequests.filter((entry) => entry.path.toLowerCase().startsWith("/secrets/tls-cert"));
    expect(certPaths.filter((entry) => entry.method !== "GET")).toEqual([]);
    expect(JSON.stringify(await readSecret(info, vault, "tls-cert"))).toBe(certBefore);
    expect(countOperations(run.vaultRequests)["PurgeDeletedSecret"]).toBeUndefined();
    const stale = await readSecret(info, vault, "stale");
    expect(stale?.state).toBe("deleted");
    expect(stale?.versions.map((version) => version.value)).toEqual(["old-1", "old-2"]);
  });

  it("treats a case-only rename as an update of the same secret: no delete, no second secret", async () => {
    const vault = "rename-kv";
    await createVault(info, vault);
    await seedSecret(info, vault, "db-pass", { value: "old", tags: ownedBy() });

    const run = await runSync(info, vault, { secrets: secretsInput({ DB_PASS: "new" }), prune: "true" });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(readCounts(run)).toMatchObject({ updated: 1, deleted: 0, created: 0 });
    expect(readPlan(run)).toEqual([expect.objectContaining({ source: "DB_PASS", name: "DB-PASS", action: "update" })]);
    const operations = countOperations(run.vaultRequests);
    expect(operations["DeleteSecret"]).toBeUndefined();
    expect(operations["SetSecret"]).toBe(1);
    const secrets = await readVault(info, vault);
    expect(secrets.map((secret) => [secret.name, secret.state])).toEqual([["db-pass", "active"]]);
    expect(secrets[0]?.versions.map((version) => version.value)).toEqual(["old", "new"]);
  });
});

async function waitForRequest(
  cloudInfo: CloudInfo,
  vault: string,
  match: (entry: RequestLogView["requests"][number]) => boolean,
): Promise<void> {
  for (let tries = 0; tries < 600; tries++) {
    if ((await readVaultRequests(cloudInfo, vault)).some(match)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`No matching request reached ${vaultHost(vault)}`);
}
