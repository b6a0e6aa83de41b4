/**
 * Per-secret rules and reference outputs, end to end (issue 11): the bundled action against the
 * local Azure with Azure Policy assigned to the vault, then the vault's versions read back.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCloud } from "../../local-azure/index.ts";
import type { Cloud, CloudInfo } from "../../local-azure/index.ts";
import {
  WRITE_OPERATIONS,
  countOperations,
  createVault,
  ownedBy,
  readCounts,
  readPlan,
  readSecret,
  readVault,
  runSync,
  seedSecret,
  vaultHost,
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

const DAY = 86400;
const POLICY = {
  assignmentName: "Enforce-GR-KeyVault",
  requireContentType: true,
  requireExpiry: true,
  maxValidityDays: 30,
  evaluateUpdates: true,
};
const SECRETS = JSON.stringify({ DB_URL: "postgres://db-value-1", ConnectionStrings__Main: "Server=main-value-1" });
const IDENTITY =
  "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/shop/providers/Microsoft.ManagedIdentity/userAssignedIdentities/shop-web";

function writes(requests: ReadonlyArray<{ operation: string }>): number {
  const counts = countOperations(requests as Parameters<typeof countOperations>[0]);
  return WRITE_OPERATIONS.reduce((sum, operation) => sum + (counts[operation] ?? 0), 0);
}

describe.concurrent("per-secret rules under Azure Policy (bundled action against the local Azure)", () => {
  it("a sync without the metadata the policy needs fails per secret, naming the assignment; rules that supply it pass", async () => {
    const vault = "governed-kv";
    await createVault(info, vault, "Key Vault Secrets Officer", { policy: POLICY });

    const bare = await runSync(info, vault, { secrets: SECRETS });
    expect(bare.exitCode).toBe(1);
    expect(readCounts(bare).failed).toBe(2);
    const errors = bare.annotations.filter((annotation) => annotation.level === "error");
    expect(errors).toHaveLength(2);
    for (const error of errors) {
      expect(error.message).toContain("was disallowed by policy. policyAssignment: Enforce-GR-KeyVault");
      expect(error.message).toContain("ForbiddenByGovernancePolicy");
      expect(error.message).toMatch(
        /Azure Policy assignment 'Enforce-GR-KeyVault' \("Secrets should have content type set"\) denies this write.*Set 'content-type'/s,
      );
    }
    // Denied at once: one write per secret, no retries for role propagation.
    expect(countOperations(bare.vaultRequests)["SetSecret"]).toBe(2);
    expect(await readVault(info, vault)).toEqual([]);

    // A content type alone meets the first rule; the expiry rule is named next.
    const typed = await runSync(info, vault, { secrets: SECRETS, "content-type": "text/plain" });
    expect(readCounts(typed).failed).toBe(2);
    expect(
      typed.annotations
        .filter((annotation) => annotation.level === "error")
        .map((annotation) => annotation.message)
        .join("\n"),
    ).toContain("Set 'expires-in' (the input, or a rules entry)");

    // An expiry beyond the maximum validity is denied by that rule, and the hint says so.
    const tooLong = await runSync(info, vault, { secrets: SECRETS, rules: "'*':\n  content-type: text/plain\n  expires-in: 60d\n" });
    expect(readCounts(tooLong).failed).toBe(2);
    expect(tooLong.annotations.find((annotation) => annotation.level === "error")?.message).toMatch(
      /"Secrets should have the specified maximum validity period"\) denies this write.*'expires-in' no longer than the policy's maximum validity period/s,
    );

    const rules = [
      "'*':",
      "  content-type: text/plain",
      "  expires-in: 30d",
      "  renew-before: 7d",
      "DB_URL:",
      "  name: database-url",
      "  tags: { team: data }",
    ].join("\n");
    const passing = await runSync(info, vault, { secrets: SECRETS, rules, prefix: "shop-", identity: IDENTITY });
    expect(passing.exitCode, passing.stdout).toBe(0);
    expect(readCounts(passing).created).toBe(2);
    const stored = await readVault(info, vault);
    expect(stored.map((secret) => secret.name).sort()).toEqual(["shop-ConnectionStrings--Main", "shop-database-url"]);
    for (const secret of stored) {
      const [version] = secret.versions;
      expect(secret.versions).toHaveLength(1);
      expect(version?.contentType).toBe("text/plain");
      expect((version?.exp ?? 0) - (version?.created ?? 0)).toBeGreaterThan(29 * DAY);
      expect((version?.exp ?? 0) - (version?.created ?? 0)).toBeLessThanOrEqual(30 * DAY);
    }
    expect((await readSecret(info, vault, "shop-database-url"))?.versions[0]?.tags?.["team"]).toBe("data");

    // The reference outputs point at exactly the synced secrets, without a version.
    const base = `https://${vaultHost(vault)}/secrets`;
    const uris = JSON.parse(passing.outputs["secret-uris"] ?? "") as Record<string, string>;
    expect(uris).toEqual({ ConnectionStrings__Main: `${base}/shop-ConnectionStrings--Main`, DB_URL: `${base}/shop-database-url` });
    const appSettings = JSON.parse(passing.outputs["app-settings"] ?? "") as unknown[];
    expect(appSettings).toHaveLength(2);
    for (const setting of appSettings) {
      // The shape `az webapp config appsettings set --settings @file` reads: exactly these keys.
      expect(Object.keys(setting as object).sort()).toEqual(["name", "slotSetting", "value"]);
      const { name, value, slotSetting } = setting as { name: unknown; value: unknown; slotSetting: unknown };
      expect(typeof name).toBe("string");
      expect(slotSetting).toBe(false);
      expect(value).toMatch(/^@Microsoft\.KeyVault\(SecretUri=https:\/\/governed-kv\.vault\.azure\.net\/secrets\/[0-9A-Za-z-]+\)$/);
      expect(value).toBe(`@Microsoft.KeyVault(SecretUri=${uris[name as string]})`);
    }
    expect(appSettings.map((setting) => (setting as { name: string }).name)).toEqual(["ConnectionStrings__Main", "DB_URL"]);
    const containerApp = JSON.parse(passing.outputs["containerapp-secrets"] ?? "") as { secrets: string[]; envVars: string[] };
    expect(containerApp).toEqual({
      secrets: [
        `shop-connectionstrings--main=keyvaultref:${base}/shop-ConnectionStrings--Main,identityref:${IDENTITY}`,
        `shop-database-url=keyvaultref:${base}/shop-database-url,identityref:${IDENTITY}`,
      ],
      envVars: ["ConnectionStrings__Main=secretref:shop-connectionstrings--main", "DB_URL=secretref:shop-database-url"],
    });
    expect(JSON.parse(passing.referencesFile ?? "")).toEqual({
      "secret-uris": uris,
      "app-settings": appSettings,
      "containerapp-secrets": containerApp,
    });

    // Run again: nothing to do, and the references still list both (unchanged is synced too).
    const again = await runSync(info, vault, { secrets: SECRETS, rules, prefix: "shop-" });
    expect(readCounts(again).unchanged).toBe(2);
    expect(writes(again.vaultRequests)).toBe(0);
    expect(Object.keys(JSON.parse(again.outputs["secret-uris"] ?? "{}") as object)).toHaveLength(2);
  });

  it("create-only leaves a secret whose source changed alone: no write, reported as such", async () => {
    const vault = "create-only-kv";
    await createVault(info, vault);
    await seedSecret(info, vault, "API-KEY", { value: "rotated-in-the-vault", tags: ownedBy(), contentType: "text/plain" });
    const run = await runSync(info, vault, {
      secrets: JSON.stringify({ API_KEY: "first-value-from-source", OTHER: "other-value" }),
      rules: "API_KEY:\n  update: create-only\n",
    });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(readPlan(run).find((item) => item.source === "API_KEY")).toMatchObject({
      action: "unchanged",
      reason: "create-only: left as it is",
    });
    expect(readCounts(run)).toMatchObject({ created: 1, unchanged: 1, failed: 0 });
    expect(countOperations(run.vaultRequests)["SetSecret"]).toBe(1);
    expect(countOperations(run.vaultRequests)["UpdateSecret"]).toBeUndefined();
    const kept = await readSecret(info, vault, "API-KEY");
    expect(kept?.versions.map((version) => version.value)).toEqual(["rotated-in-the-vault"]);
    expect(run.stdout).toMatch(/API-KEY \(from API_KEY\): create-only: left as it is/);
  });

  it("an expiry inside its renewal window gets exactly one new version with a fresh expiry", async () => {
    const vault = "renew-kv";
    await createVault(info, vault, "Key Vault Secrets Officer", { policy: POLICY });
    const now = Math.floor(Date.now() / 1000);
    await seedSecret(info, vault, "TOKEN", { value: "token-value", tags: ownedBy(), contentType: "text/plain", exp: now + 3 * DAY });
    const inputs = {
      secrets: JSON.stringify({ TOKEN: "token-value" }),
      rules: "TOKEN:\n  content-type: text/plain\n  expires-in: 30d\n  renew-before: 7d\n",
    };

    const run = await runSync(info, vault, inputs);
    expect(run.exitCode, run.stdout).toBe(0);
    expect(readPlan(run)[0]?.reason).toMatch(
      /^expires on \d{4}-\d\d-\d\d, within renew-before \(1w\): new version with the same value and a fresh expiry$/,
    );
    expect(countOperations(run.vaultRequests)["SetSecret"]).toBe(1);
    const versions = (await readSecret(info, vault, "TOKEN"))?.versions ?? [];
    expect(versions.map((version) => version.value)).toEqual(["token-value", "token-value"]);
    expect((versions[1]?.exp ?? 0) - now).toBeGreaterThan(29 * DAY);

    // The fresh expiry is outside the window: the next run writes nothing.
    const next = await runSync(info, vault, inputs);
    expect(readCounts(next).unchanged).toBe(1);
    expect(writes(next.vaultRequests)).toBe(0);
  });

  it("enabled: false writes a disabled version and leaves it alone afterwards; not-before delays validity", async () => {
    const vault = "enabled-kv";
    await createVault(info, vault);
    const inputs = {
      secrets: JSON.stringify({ PAUSED: "paused-value", LATER: "later-value" }),
      rules: "PAUSED:\n  enabled: false\nLATER:\n  not-before: 1h\n",
    };
    const started = Math.floor(Date.now() / 1000);
    const first = await runSync(info, vault, inputs);
    expect(first.exitCode, first.stdout).toBe(0);
    expect(readCounts(first).created).toBe(2);
    const paused = (await readSecret(info, vault, "PAUSED"))?.versions ?? [];
    expect(paused.map((version) => version.enabled)).toEqual([false]);
    const later = (await readSecret(info, vault, "LATER"))?.versions[0];
    expect(later?.enabled).toBe(true);
    expect((later?.nbf ?? 0) - started).toBeGreaterThanOrEqual(3600 - 5);
    expect((later?.nbf ?? 0) - started).toBeLessThanOrEqual(3600 + 60);

    const second = await runSync(info, vault, inputs);
    expect(second.exitCode, second.stdout).toBe(0);
    expect(readPlan(second).find((item) => item.source === "PAUSED")?.reason).toMatch(/^disabled, as its rule asks/);
    expect(writes(second.vaultRequests)).toBe(0);
  });

  it("rules that do not fit the sources fail before any network call, naming file, line and key", async () => {
    const vault = "bad-rules-kv";
    await createVault(info, vault);
    const file = ["'*':", "  expires-in: 90 days", "LEGACY_TOKEN:", "  enabled: false", "DB_URL:", "  colour: blue"].join("\n");
    const run = await runSync(
      info,
      vault,
      { secrets: JSON.stringify({ DB_URL: "db-value-9" }), "rules-file": "deploy/keyvault-rules.yml" },
      {},
      { "deploy/keyvault-rules.yml": file },
    );
    expect(run.exitCode).toBe(1);
    expect(run.vaultRequests).toEqual([]);
    const failure = run.annotations.find((annotation) => annotation.level === "error")?.message ?? "";
    expect(failure).toContain("rules-file 'deploy/keyvault-rules.yml' line 2, key 'expires-in': must be a positive whole number");
    expect(failure).toContain("rules-file 'deploy/keyvault-rules.yml' line 6, key 'colour': is not a rule key");
    expect(failure).not.toContain("90 days");
    expect(failure).not.toContain("blue");

    // A file outside the workspace and RUNNER_TEMP is refused as env-file refuses it.
    const elsewhere = join(mkdtempSync(join(tmpdir(), "kvs-rules-")), "rules.yml");
    writeFileSync(elsewhere, "DB_URL:\n  enabled: true\n");
    const outside = await runSync(info, vault, { secrets: JSON.stringify({ DB_URL: "db-value-9" }), "rules-file": elsewhere });
    rmSync(dirname(elsewhere), { recursive: true, force: true });
    expect(outside.exitCode).toBe(1);
    expect(outside.vaultRequests).toEqual([]);
    expect(outside.annotations.find((annotation) => annotation.level === "error")?.message).toMatch(
      /^Failed to read rules-file '.*rules\.yml': resolves \(after following symlinks\) to a file outside the workspace .* rules-file reads only files inside them/,
    );

    const unused = await runSync(info, vault, {
      secrets: JSON.stringify({ DB_URL: "db-value-9" }),
      rules: "LEGACY_TOKEN:\n  enabled: false\n",
    });
    expect(unused.exitCode).toBe(1);
    expect(unused.vaultRequests).toEqual([]);
    expect(unused.annotations.find((annotation) => annotation.level === "error")?.message).toContain(
      "input 'rules' line 1: 'LEGACY_TOKEN' matches no source name",
    );
  });
});
