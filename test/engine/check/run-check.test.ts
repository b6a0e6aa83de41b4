/** The order of check and what each stage's answer leads to, with a scripted CheckTarget. */
import { describe, expect, it } from "vitest";
import { SyncError } from "../../../src/engine/errors.ts";
import { runChecks } from "../../../src/engine/check/run-check.ts";
import type { CheckOptions, CheckTarget } from "../../../src/engine/check/run-check.ts";
import type { KeyFacts } from "../../../src/engine/check/byok.ts";
import { classifyVaultError, createVaultError } from "../../../src/engine/vault/vault-errors.ts";

const TENANT = "7e57c10d-0a2e-4c1d-9f00-000000000001";
const IDENTITY = {
  objectId: "oid",
  clientId: "cid",
  tenantId: TENANT,
  audience: "https://vault.azure.net",
  issuer: undefined,
  expiresOn: undefined,
};
const KEY = { vaultUrl: "https://kv.vault.azure.net", vaultName: "kv", name: "byok", version: undefined };
const GOOD_KEY: KeyFacts = {
  id: "https://kv.vault.azure.net/keys/byok/v1",
  keyType: "RSA",
  keyOps: ["wrapKey", "unwrapKey"],
  enabled: true,
  notBefore: undefined,
  expiresOn: undefined,
};
const OFFICER = [
  {
    actions: [],
    notActions: [],
    dataActions: ["Microsoft.KeyVault/vaults/secrets/*", "Microsoft.KeyVault/vaults/keys/*"],
    notDataActions: [],
  },
];

const OPTIONS: CheckOptions = {
  vaultName: "kv",
  vaultHost: "kv.vault.azure.net",
  owner: "octo/shop",
  prefix: "app-",
  sync: { dryRun: false, prune: false },
  health: true,
  key: KEY,
  tenantId: TENANT,
  clientId: "cid",
  expiryWarningDays: 30,
  maxVersions: 100,
  concurrency: 4,
  now: new Date("2026-06-01T00:00:00Z"),
};

function firewallError() {
  const failure = classifyVaultError({
    statusCode: 403,
    details: {
      error: {
        code: "Forbidden",
        message: "Client address is not authorized. Client address: 198.51.100.4",
        innerError: { code: "ForbiddenByFirewall" },
      },
    },
  });
  return createVaultError(failure, "list", { vaultUrl: "https://kv.vault.azure.net" });
}

/** A target that answers from `overrides` and records which calls were made. */
function scriptedTarget(overrides: Partial<CheckTarget> = {}): { target: CheckTarget; calls: string[] } {
  const calls: string[] = [];
  const base: CheckTarget = {
    signIn: async () => IDENTITY,
    listSecrets: async () => [],
    listVersions: async () => [],
    probeSecretRead: async () => ({ allowed: true }),
    readVaultResource: async () => ({ ok: true, value: { rbac: true, accessPolicies: [] } }),
    readPermissions: async () => ({ ok: true, value: OFFICER }),
    readKey: async () => ({ kind: "found", key: GOOD_KEY }),
    roundTrip: async () => ({ kind: "worked", algorithm: "RSA-OAEP-256", bytes: 32 }),
  };
  const merged = { ...base, ...overrides };
  const target = Object.fromEntries(
    Object.entries(merged).map(([name, method]) => [
      name,
      (...args: unknown[]) => (calls.push(name), (method as (...a: unknown[]) => unknown)(...args)),
    ]),
  ) as unknown as CheckTarget;
  return { target, calls };
}

const codesOf = (report: { findings: Array<{ level: string; code: string }> }) =>
  report.findings.map((finding) => `${finding.level} ${finding.code}`);

describe("runChecks", () => {
  it("all good: identity, permissions and the round trip as notices", async () => {
    const { target, calls } = scriptedTarget();
    const report = await runChecks(target, OPTIONS);
    expect(codesOf(report)).toEqual(["notice key-round-trip", "notice signed-in", "notice key-permissions", "notice secret-permissions"]);
    expect(report.permissionSource).toBe("rbac");
    expect(calls).not.toContain("probeSecretRead");
  });

  it("a failed sign-in is the only finding, and nothing else is asked", async () => {
    const { target, calls } = scriptedTarget({
      signIn: async () => Promise.reject(new SyncError("Failed to sign in: AADSTS90002", "Check `tenant-id`")),
    });
    const report = await runChecks(target, OPTIONS);
    expect(report.findings).toEqual([
      { level: "error", code: "sign-in-failed", subject: "sign-in", message: "Failed to sign in: AADSTS90002", fix: "Check `tenant-id`" },
    ]);
    expect(calls).toEqual(["signIn"]);
  });

  it("a token from another tenant than configured is an error", async () => {
    const { target } = scriptedTarget({ signIn: async () => ({ ...IDENTITY, tenantId: "7e57c10d-0000-4000-8000-000000000999" }) });
    expect(codesOf(await runChecks(target, OPTIONS))).toContain("error tenant-mismatch");
  });

  it("behind a firewall, the key in the same vault is not tried, but ARM still tells the permissions", async () => {
    const { target, calls } = scriptedTarget({ listSecrets: async () => Promise.reject(firewallError()) });
    const report = await runChecks(target, OPTIONS);
    expect(codesOf(report)).toEqual([
      "error network-firewall",
      "warning key-round-trip-not-tried",
      "notice signed-in",
      "notice key-permissions",
      "notice secret-permissions",
    ]);
    expect(calls).not.toContain("readKey");
    expect(calls).not.toContain("listVersions");
  });

  it("without ARM, probes the read without reading a value, and says the writes cannot be known", async () => {
    const noArm = async () => ({ ok: false as const, reason: "not asked" });
    const refused = classifyVaultError({
      statusCode: 403,
      details: { error: { code: "Forbidden", message: "Caller is not authorized", innerError: { code: "ForbiddenByRbac" } } },
    });
    const { target, calls } = scriptedTarget({
      readVaultResource: noArm,
      readPermissions: noArm,
      probeSecretRead: async () => ({ allowed: false, failure: refused, hint: "grant it" }),
    });
    const report = await runChecks(target, { ...OPTIONS, key: undefined });
    expect(codesOf(report)).toEqual(["error secret-get-refused", "warning secret-permissions-unknown", "notice signed-in"]);
    expect(calls).toContain("probeSecretRead");
  });

  it("a key whose properties refuse the round trip is not round-tripped", async () => {
    const { target, calls } = scriptedTarget({ readKey: async () => ({ kind: "found", key: { ...GOOD_KEY, enabled: false } }) });
    const report = await runChecks(target, OPTIONS);
    expect(codesOf(report)).toContain("error key-disabled");
    expect(codesOf(report)).toContain("warning key-round-trip-not-tried");
    expect(calls).not.toContain("roundTrip");
  });

  it("lists versions only for the secrets health looks at", async () => {
    const tags = { "managed-by": "keyvault-sync", "keyvault-sync-owner": "octo/shop", "keyvault-sync-prefix": "app-" };
    const secret = (name: string, secretTags: Record<string, string>) => ({
      name,
      version: "1",
      enabled: true,
      managed: false,
      contentType: undefined,
      tags: secretTags,
      expiresOn: undefined,
      createdOn: undefined,
      updatedOn: undefined,
      recoverableDays: 90,
    });
    const listed: string[] = [];
    const { target } = scriptedTarget({
      listSecrets: async () => [secret("app-a", tags), secret("app-b", {}), secret("zzz", {})],
      listVersions: async (name) => (listed.push(name), []),
    });
    const report = await runChecks(target, { ...OPTIONS, key: undefined });
    expect(listed.sort()).toEqual(["app-a", "app-b"]);
    expect(report.examined).toBe(2);
  });
});

describe("the CLI's renderings", async () => {
  const { renderCheckText, toCheckJson } = await import("../../../src/engine/check/report-text.ts");
  const { target } = scriptedTarget({ listSecrets: async () => Promise.reject(firewallError()) });
  const report = await runChecks(target, OPTIONS);
  const context = { vaultUrl: "https://kv.vault.azure.net", failOn: "warning" as const, failed: true };

  it("prints one block per finding, errors first, with the fix", () => {
    const text = renderCheckText(report, context);
    expect(text.split("\n").slice(0, 3)).toEqual([
      "check https://kv.vault.azure.net: FAILED (1 errors, 1 warnings, 3 notices; fail-on warning)",
      expect.stringMatching(
        /^error {3}network-firewall {2}vault kv: The vault's firewall refused this runner \(the vault saw the address 198\.51\.100\.4\)/,
      ),
      expect.stringMatching(/^ {8}fix: /),
    ]);
  });

  it("gives the same findings as JSON, with nulls for what is not known", () => {
    const json = toCheckJson(report, context);
    expect(json).toMatchObject({
      passed: false,
      permissionSource: "rbac",
      identity: { clientId: "cid", objectId: "oid", tenantId: TENANT, audience: "https://vault.azure.net" },
    });
    expect((json["findings"] as unknown[]).length).toBe(report.findings.length);
  });
});
