/**
 * `command: check` of the bundled action against the local Azure: a healthy setup passes and
 * writes nothing; each broken setup fails with a finding that names its cause and fix; each
 * health problem of the managed set produces its finding. The BYOK round trip runs with the real
 * keys SDK against the local vault's real RSA.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminGet, adminPut, cloudEnv, startCloud } from "../../local-azure/index.ts";
import type { Cloud, RequestLogView } from "../../local-azure/index.ts";
import { createVault, ownedBy, readVaultRequests, seedSecret, snapshotVault } from "../../tools/vault-helpers.ts";
import type { VaultRole } from "../../tools/vault-helpers.ts";
import { findLeaks } from "../../tools/leak-check.ts";
import { githubContext, runAction } from "../../tools/run-action.ts";
import { readCheckWorkflow } from "../readme-check-workflow.ts";
import { findStructureProblems } from "../../tools/summary-html.ts";
import type { ActionRun } from "../../tools/run-action.ts";

let cloud: Cloud;

beforeAll(async () => {
  cloud = await startCloud();
});
afterAll(async () => {
  await cloud?.stop();
});

const PREFIX = "app-";
const VALUE = "check-must-never-print-this-value-6c1f";
const DAY_S = 24 * 60 * 60;
const managed = { ...ownedBy(), "keyvault-sync-prefix": PREFIX };

type Role = VaultRole | "Key Vault Crypto User";

async function setUpVault(vault: string, roles: readonly Role[], settings: Record<string, unknown> = {}): Promise<void> {
  await createVault(cloud.info, vault, "none", { roles: roles.map((role) => ({ principal: cloud.info.clientId, role })), ...settings });
  await seedSecret(cloud.info, vault, "app-db", { value: VALUE, tags: managed });
}

async function plantKey(vault: string, name: string, key: Record<string, unknown> = {}): Promise<string> {
  await adminPut(cloud.info.adminUrl, `/vaults/${vault}/keys/${name}`, { kty: "RSA", keySize: 2048, ...key });
  return `https://${vault}.vault.azure.net/keys/${name}`;
}

async function check(vault: string, inputs: Record<string, string> = {}): Promise<ActionRun> {
  const run = await runAction({
    inputs: {
      command: "check",
      vault,
      "tenant-id": cloud.info.tenantId,
      "client-id": cloud.info.clientId,
      prefix: PREFIX,
      "subscription-id": cloud.world.subscriptionId,
      "resource-group": "keyvault-sync",
      ...inputs,
    },
    env: { ...cloudEnv(cloud.info), ...githubContext({ GITHUB_EVENT_NAME: "schedule" }) },
  });
  expect(findLeaks(run, [VALUE])).toEqual([]);
  expect(findStructureProblems(run.summary)).toEqual([]);
  return run;
}

function codes(run: ActionRun, level?: string): string[] {
  return run.annotations
    .filter(
      (annotation) => annotation.properties["title"]?.startsWith("check: ") === true && (level === undefined || annotation.level === level),
    )
    .map((annotation) => annotation.properties["title"]!.slice("check: ".length));
}

function finding(run: ActionRun, code: string): string {
  const found = run.annotations.find((annotation) => annotation.properties["title"] === `check: ${code}`);
  if (found === undefined) throw new Error(`no finding ${code}; got ${codes(run).join(", ")}\n${run.stdout}`);
  return found.message;
}

describe("check on a healthy setup", () => {
  it("passes, reports identity, permissions and the round trip, and writes nothing", async () => {
    await setUpVault("check-ok", ["Key Vault Secrets Officer", "Key Vault Crypto User"]);
    const keyId = await plantKey("check-ok", "byok");
    const before = await snapshotVault(cloud.info, "check-ok");
    const run = await check("check-ok", { "key-id": keyId });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(codes(run, "error")).toEqual([]);
    expect(codes(run, "warning")).toEqual([]);
    expect(finding(run, "signed-in")).toContain(`client ${cloud.info.clientId}`);
    expect(finding(run, "signed-in")).toContain(`tenant ${cloud.info.tenantId}`);
    expect(finding(run, "signed-in")).toContain("audience is https://vault.azure.net");
    expect(finding(run, "secret-permissions")).toContain("role assignments");
    expect(finding(run, "key-round-trip")).toContain("RSA-OAEP-256");
    expect(run.summary).toContain("Passed");

    const requests = await readVaultRequests(cloud.info, "check-ok");
    const writes = requests.filter(
      (entry) => entry.method !== "GET" && !(entry.method === "POST" && /^(WrapKey|UnwrapKey)$/.test(entry.operation)),
    );
    expect(writes).toEqual([]);
    expect(requests.map((entry) => entry.operation)).toEqual(expect.arrayContaining(["GetSecrets", "WrapKey", "UnwrapKey"]));
    expect(await snapshotVault(cloud.info, "check-ok")).toBe(before);
    // ARM is only read: the vault resource and the identity's permissions on it.
    const arm = await adminGet<RequestLogView>(cloud.info.adminUrl, "/requests?host=management.azure.com");
    expect(
      new Set(arm.requests.filter((entry) => entry.path.includes("/vaults/check-ok")).map((entry) => `${entry.method} ${entry.operation}`)),
    ).toEqual(new Set(["GET ArmGetVault", "GET ArmVaultPermissions"]));
  });
});

describe("check on broken setups", () => {
  it("a wrong tenant fails sign-in with Entra's explanation", async () => {
    await setUpVault("check-tenant", ["Key Vault Secrets Officer"]);
    const run = await check("check-tenant", { "tenant-id": "7e57c10d-0000-4000-8000-0000000000ff" });
    expect(run.exitCode).toBe(1);
    expect(finding(run, "sign-in-failed")).toMatch(
      /tenant 7e57c10d-0000-4000-8000-0000000000ff was not found.*AADSTS90002[\s\S]*Fix: Check `tenant-id`/,
    );
  });

  it("a firewall names the runner's address and the fix", async () => {
    await setUpVault("check-firewall", ["Key Vault Secrets Officer"], { firewall: true });
    const run = await check("check-firewall");
    expect(run.exitCode).toBe(1);
    expect(finding(run, "network-firewall")).toMatch(
      /firewall refused this runner \(the vault saw the address [0-9a-f.:]+\)[\s\S]*Fix: .*network-rule add/,
    );
  });

  it("Secrets User instead of Officer lacks the writes and names the role", async () => {
    await setUpVault("check-user", ["Key Vault Secrets User"]);
    const run = await check("check-user");
    expect(run.exitCode).toBe(1);
    const missing = finding(run, "secret-permissions-missing");
    expect(missing).toMatch(/lacks set, update, recover for a sync that writes[\s\S]*Fix: Grant the 'Key Vault Secrets Officer' role/);
    // Secrets User cannot read the vault resource, so the permission model is inferred, and says so.
    expect(missing).toContain("RBAC assumed because the listing worked and the identity's roles grant data actions");
  });

  it("a key without unwrapKey fails before any round trip", async () => {
    await setUpVault("check-keyops", ["Key Vault Secrets Officer", "Key Vault Crypto User"]);
    const keyId = await plantKey("check-keyops", "byok", { keyOps: ["wrapKey", "encrypt", "decrypt"] });
    const run = await check("check-keyops", { "key-id": keyId });
    expect(run.exitCode).toBe(1);
    expect(finding(run, "key-operation-not-allowed")).toMatch(
      /do not include unwrapKey[\s\S]*Fix: Allow it: az keyvault key set-attributes .*--ops wrapKey encrypt decrypt unwrapKey/,
    );
    expect(codes(run)).toContain("key-round-trip-not-tried");
  });

  it("a disabled key is named with the command that enables it", async () => {
    await setUpVault("check-disabled", ["Key Vault Secrets Officer", "Key Vault Crypto User"]);
    const keyId = await plantKey("check-disabled", "byok", { enabled: false });
    const run = await check("check-disabled", { "key-id": keyId });
    expect(run.exitCode).toBe(1);
    expect(finding(run, "key-disabled")).toMatch(
      /disabled[\s\S]*Fix: Enable the key version \(az keyvault key set-attributes --vault-name check-disabled --name byok --enabled true\)/,
    );
  });

  it("Crypto User missing is named, with the role assignment scoped to the key", async () => {
    await setUpVault("check-nocrypto", ["Key Vault Secrets Officer"]);
    const keyId = await plantKey("check-nocrypto", "byok");
    const run = await check("check-nocrypto", { "key-id": keyId });
    expect(run.exitCode).toBe(1);
    expect(finding(run, "key-role-missing")).toMatch(
      /Key Vault Crypto User is missing[\s\S]*Fix: .*--role "Key Vault Crypto User".*\/keys\/byok/,
    );
    expect(finding(run, "key-permissions-missing")).toContain("Key Vault Crypto User");
  });
});

describe("check's own input rules", () => {
  it("refuses a bad input before any request, naming the input and the rule", async () => {
    await setUpVault("check-input", ["Key Vault Secrets Officer"]);
    const run = await check("check-input", { "fail-on": "fatal", "key-id": "https://check-input.vault.azure.net/secrets/x" });
    expect(run.exitCode).toBe(1);
    expect(run.visibleLog).toContain("Invalid input 'key-id': must have the path /keys/NAME or /keys/NAME/VERSION");
    expect(run.visibleLog).toContain("Also: Invalid input 'fail-on': must be one of error, warning, notice, never");
    expect(run.summary).toContain("The check could not run");
    expect(await readVaultRequests(cloud.info, "check-input")).toEqual([]);
  });
});

describe("check where permissions come from elsewhere", () => {
  it("reads an access-policy vault's policy for the token's object id and names the missing permissions", async () => {
    // Key Vault Reader lets it read the vault resource (and so the policies); data access is by policy alone.
    await setUpVault("check-policy", ["Key Vault Reader"], {
      accessModel: "access-policy",
      accessPolicies: [{ principal: cloud.info.clientId, permissions: ["get", "list"] }],
    });
    const run = await check("check-policy");
    expect(run.exitCode).toBe(1);
    expect(finding(run, "secret-permissions-missing")).toMatch(
      /according to the vault's access policies for the identity's object id[\s\S]*Fix: Grant the secret permissions set, recover in its access policy: az keyvault set-policy --name check-policy/,
    );
  });

  it("without the vault's resource group says what it cannot learn instead of guessing", async () => {
    await setUpVault("check-noarm", ["Key Vault Secrets Officer"]);
    const run = await check("check-noarm", { "resource-group": "", "subscription-id": "" });
    expect(run.exitCode).toBe(1);
    expect(finding(run, "secret-permissions-unknown")).toMatch(
      /Could not learn whether the identity may do a sync that writes .* subscription-id and resource-group are not set/,
    );
    expect(codes(run, "error")).toEqual([]);
    const passed = await check("check-noarm", { "resource-group": "", "subscription-id": "", "fail-on": "error" });
    expect(passed.exitCode).toBe(0);
  });
});

describe("check on the health of the managed set", () => {
  it("reports expiring, many-version, drifted and unmanaged secrets, each once", async () => {
    await setUpVault("check-health", ["Key Vault Secrets Officer"]);
    const now = Math.floor(Date.now() / 1000);
    await adminPut(cloud.info.adminUrl, "/vaults/check-health/secrets/app-expiring", {
      value: VALUE,
      tags: managed,
      exp: now + 5 * DAY_S - 60,
    });
    await seedSecret(cloud.info, "check-health", "app-busy", ...Array.from({ length: 5 }, () => ({ value: VALUE, tags: managed })));
    await seedSecret(cloud.info, "check-health", "app-drifted", { value: VALUE, tags: managed }, { value: VALUE });
    await seedSecret(cloud.info, "check-health", "app-by-hand", { value: VALUE });
    await seedSecret(cloud.info, "check-health", "other-by-hand", { value: VALUE });
    const run = await check("check-health", { "max-versions": "4", "fail-on": "notice" });
    expect(run.exitCode).toBe(1);
    expect(finding(run, "secret-expiring")).toMatch(/^app-expiring: Expires on .* in 5 days/);
    expect(finding(run, "secret-many-versions")).toMatch(/^app-busy: Has 5 versions \(more than 4\)/);
    expect(finding(run, "secret-drifted")).toMatch(/^app-drifted: Drifted: the latest version .* was written outside keyvault-sync/);
    expect(finding(run, "secret-unmanaged")).toMatch(/^app-by-hand: Inside the prefix 'app-' but not created by keyvault-sync/);
    expect(run.stdout).not.toContain("other-by-hand");
    expect(
      codes(run)
        .filter((code) => code.startsWith("secret-"))
        .sort(),
    ).toEqual(["secret-drifted", "secret-expiring", "secret-many-versions", "secret-permissions", "secret-unmanaged"]);
  });
});

describe("the README's scheduled check, run as a new user would", () => {
  it("passes on a vault set up as the README's Azure set-up and check section say", async () => {
    const { step } = readCheckWorkflow();
    const vars: Record<string, string> = {
      AZURE_TENANT_ID: cloud.info.tenantId,
      AZURE_CLIENT_ID: cloud.info.clientId,
      AZURE_SUBSCRIPTION_ID: cloud.world.subscriptionId,
    };
    const inputs = Object.fromEntries(
      Object.entries(step.with).map(([name, value]) => [
        name,
        String(value).replace(/\$\{\{ vars\.(\w+) \}\}/g, (_match, variable: string) => vars[variable] ?? ""),
      ]),
    );
    const vault = inputs["vault"]!;
    await createVault(cloud.info, vault, "none", {
      resourceGroup: inputs["resource-group"],
      roles: [
        { principal: cloud.info.clientId, role: "Key Vault Secrets Officer" },
        { principal: cloud.info.clientId, role: "Key Vault Crypto User" },
      ],
    });
    await plantKey(vault, new URL(inputs["key-id"]!).pathname.split("/")[2]!);
    await seedSecret(cloud.info, vault, `${inputs["prefix"]}DB-PASSWORD`, {
      value: VALUE,
      tags: { ...ownedBy(), "keyvault-sync-prefix": inputs["prefix"]! },
    });
    const run = await runAction({ inputs, env: { ...cloudEnv(cloud.info), ...githubContext({ GITHUB_EVENT_NAME: "schedule" }) } });
    expect(findLeaks(run, [VALUE])).toEqual([]);
    expect(run.exitCode, run.stdout).toBe(0);
    expect(codes(run).sort()).toEqual(["key-permissions", "key-round-trip", "secret-permissions", "signed-in"]);
    expect(finding(run, "secret-permissions")).toContain("a sync that writes and prunes");
  });
});
