/**
 * The real @azure/keyvault-secrets SecretClient against the local Azure, through the proxy, signed
 * in with @azure/identity against the local Entra: what the action's adapter will meet.
 */
import { ClientAssertionCredential, ClientSecretCredential } from "@azure/identity";
import { SecretClient, type KeyVaultSecret } from "@azure/keyvault-secrets";
import type { TokenCredential } from "@azure/core-auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminPut, startCloud, toSdkProxyOptions, trustCloudInProcess, type Cloud } from "../index.ts";
import { fetchGitHubIdToken } from "../test-support.ts";
import { DEFAULT_CLIENT_ID } from "../world.ts";

const READER_APP = "7e57c10d-4ead-4e70-8000-00000000c001";
const STRANGER_APP = "7e57c10d-57a2-4e70-8000-00000000c002";
const APP_SECRET = "local-only-client-secret";
const OFFICER = { principal: DEFAULT_CLIENT_ID, role: "Key Vault Secrets Officer" } as const;

let cloud: Cloud;

beforeAll(async () => {
  cloud = await startCloud({
    apps: [
      { clientId: READER_APP, displayName: "reader-app", clientSecrets: [APP_SECRET] },
      { clientId: STRANGER_APP, displayName: "stranger-app", clientSecrets: [APP_SECRET] },
    ],
    vaults: [
      { name: "demo-vault", roles: [OFFICER, { principal: READER_APP, role: "Key Vault Reader" }] },
      { name: "slow-vault", roles: [OFFICER], faults: { deleteDelayMs: 1_000, recoverDelayMs: 1_000 } },
      {
        name: "policy-vault",
        roles: [],
        accessModel: "access-policy",
        accessPolicies: [{ principal: DEFAULT_CLIENT_ID, permissions: ["get", "list"] }],
      },
      { name: "walled-vault", roles: [OFFICER], firewall: true },
      {
        name: "bare-429-vault",
        roles: [OFFICER],
        throttle: { enabled: true, writesPerWindow: 1, windowMs: 600_000, retryAfterSeconds: null },
      },
      { name: "retry-429-vault", roles: [OFFICER], throttle: { enabled: true, writesPerWindow: 1, windowMs: 500, retryAfterSeconds: 1 } },
    ],
  });
  trustCloudInProcess(cloud.info);
});

afterAll(async () => {
  await cloud?.stop();
});

function toVaultUrl(name: string): string {
  return `https://${name}.vault.azure.net`;
}

/** The action's way in: GitHub OIDC token as client assertion. */
function createOidcCredential(): TokenCredential {
  return new ClientAssertionCredential(cloud.info.tenantId, cloud.info.clientId, () => fetchGitHubIdToken(cloud.info), {
    proxyOptions: toSdkProxyOptions(cloud.info),
  });
}

function createSecretCredential(clientId: string): TokenCredential {
  return new ClientSecretCredential(cloud.info.tenantId, clientId, APP_SECRET, { proxyOptions: toSdkProxyOptions(cloud.info) });
}

function createClient(vault = "demo-vault", credential: TokenCredential = createOidcCredential()): SecretClient {
  return new SecretClient(toVaultUrl(vault), credential, { proxyOptions: toSdkProxyOptions(cloud.info), retryOptions: { maxRetries: 1 } });
}

async function captureRestError(promise: Promise<unknown>): Promise<any> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("Expected the call to fail, and it succeeded");
}

function listVaultRequests(vault: string): Array<{ operation: string; status: number }> {
  return cloud.requestLog.view({ host: `${vault}.vault.azure.net` }).requests.map(({ operation, status }) => ({ operation, status }));
}

describe("SecretClient against the local Key Vault", () => {
  it("sets, gets, updates and reads back a secret", async () => {
    const client = createClient();
    const set = await client.setSecret("sdk-basic", "v1", { tags: { "managed-by": "keyvault-sync" }, contentType: "text/plain" });
    expect(set.value).toBe("v1");
    expect(set.properties).toMatchObject({
      name: "sdk-basic",
      vaultUrl: cloud.info.vaultUrl,
      enabled: true,
      contentType: "text/plain",
      recoveryLevel: "Recoverable+Purgeable",
      recoverableDays: 90,
    });
    expect(set.properties.version).toMatch(/^[0-9a-f]{32}$/);
    expect(set.properties.createdOn).toBeInstanceOf(Date);

    const got: KeyVaultSecret = await client.getSecret("SDK-Basic");
    expect(got.value).toBe("v1");
    expect(got.properties.tags).toEqual({ "managed-by": "keyvault-sync" });

    const updated = await client.updateSecretProperties("sdk-basic", set.properties.version as string, {
      tags: { a: "b" },
      enabled: false,
    });
    expect(updated).toMatchObject({ enabled: false, tags: { a: "b" } });
    const disabled = await captureRestError(client.getSecret("sdk-basic"));
    expect(disabled.statusCode).toBe(403);
    expect(disabled.details.error.innerError.code).toBe("SecretDisabled");
    const older = await client
      .getSecret("sdk-basic", { version: set.properties.version as string })
      .catch((error: unknown) => error as any);
    expect(older.statusCode).toBe(403);
  });

  it("lists secrets page by page with maxPageSize, following nextLink", async () => {
    const client = createClient();
    for (let i = 0; i < 7; i++) await adminPut(cloud.info.adminUrl, `/vaults/demo-vault/secrets/page-${i}`, { value: `p${i}` });
    const pageSizes: number[] = [];
    const names: string[] = [];
    for await (const page of client.listPropertiesOfSecrets().byPage({ maxPageSize: 3 })) {
      pageSizes.push(page.length);
      names.push(...page.map((properties) => properties.name));
    }
    const pageNames = names.filter((name) => name.startsWith("page-"));
    expect(pageNames).toEqual(["page-0", "page-1", "page-2", "page-3", "page-4", "page-5", "page-6"]);
    expect(pageSizes.every((size) => size <= 3)).toBe(true);
    expect(pageSizes.length).toBe(Math.ceil(names.length / 3));
  });

  it("lists versions of a secret, and none for a missing one", async () => {
    const client = createClient();
    const versions: string[] = [];
    for (const value of ["a", "b", "c"]) versions.push((await client.setSecret("sdk-versions", value)).properties.version as string);
    const listed: string[] = [];
    for await (const properties of client.listPropertiesOfSecretVersions("sdk-versions")) listed.push(properties.version as string);
    expect(listed.sort()).toEqual([...versions].sort());
    const none: unknown[] = [];
    for await (const properties of client.listPropertiesOfSecretVersions("sdk-never-there")) none.push(properties);
    expect(none).toEqual([]);
  });

  it("deletes with the poller, lists the deleted secret, and detects the soft-deleted name on set", async () => {
    const client = createClient();
    await client.setSecret("sdk-deleted", "v");
    const poller = await client.beginDeleteSecret("sdk-deleted", { intervalInMs: 50 });
    const deleted = await poller.pollUntilDone();
    // The local Azure must fill the fields the SDK still reads, deprecated or not.
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- see above
    expect(deleted.properties.recoveryId).toBe(`${cloud.info.vaultUrl}/deletedsecrets/sdk-deleted`);
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- see above
    expect(deleted.properties.scheduledPurgeDate!.getTime() - deleted.properties.deletedOn!.getTime()).toBe(90 * 86_400_000);

    const deletedNames: string[] = [];
    for await (const item of client.listDeletedSecrets()) deletedNames.push(item.properties.name);
    expect(deletedNames).toContain("sdk-deleted");

    const conflict = await captureRestError(client.setSecret("sdk-deleted", "again"));
    expect(conflict.statusCode).toBe(409);
    expect(conflict.details?.error?.innerError?.code).toBe("ObjectIsDeletedButRecoverable");
  });

  it("rides out the delete and recover windows with the SDK pollers", async () => {
    const client = createClient("slow-vault");
    await client.setSecret("slow-one", "kept");
    const deleted = await (await client.beginDeleteSecret("slow-one", { intervalInMs: 100 })).pollUntilDone();
    expect(deleted.name).toBe("slow-one");
    const recovered = await (await client.beginRecoverDeletedSecret("slow-one", { intervalInMs: 100 })).pollUntilDone();
    expect(recovered.name).toBe("slow-one");
    expect((await client.getSecret("slow-one")).value).toBe("kept");
    const log = listVaultRequests("slow-vault");
    expect(log).toContainEqual({ operation: "GetDeletedSecret", status: 404 });
    expect(log).toContainEqual({ operation: "GetSecret", status: 404 });
  });

  it("purges a deleted secret", async () => {
    const client = createClient();
    await client.setSecret("sdk-purged", "v");
    await (await client.beginDeleteSecret("sdk-purged", { intervalInMs: 50 })).pollUntilDone();
    await client.purgeDeletedSecret("sdk-purged");
    const missing = await captureRestError(client.getDeletedSecret("sdk-purged"));
    expect(missing.statusCode).toBe(404);
    expect(missing.code).toBe("SecretNotFound");
    expect((await client.setSecret("sdk-purged", "fresh")).value).toBe("fresh");
  });

  it("backs up and restores every version", async () => {
    const client = createClient();
    await client.setSecret("sdk-backup", "one");
    const latest = await client.setSecret("sdk-backup", "two");
    const blob = await client.backupSecret("sdk-backup");
    expect(blob).toBeInstanceOf(Uint8Array);
    const conflict = await captureRestError(client.restoreSecretBackup(blob as Uint8Array));
    expect(conflict.statusCode).toBe(409);
    await (await client.beginDeleteSecret("sdk-backup", { intervalInMs: 50 })).pollUntilDone();
    await client.purgeDeletedSecret("sdk-backup");
    const restored = await client.restoreSecretBackup(blob as Uint8Array);
    expect(restored.version).toBe(latest.properties.version);
    expect((await client.getSecret("sdk-backup")).value).toBe("two");
    const malformed = await captureRestError(client.restoreSecretBackup(new Uint8Array([1, 2, 3])));
    expect(malformed.statusCode).toBe(400);
    expect(malformed.code).toBe("Malformed backup blob");
  });

  it("surfaces an invalid name as a 400 BadParameter RestError", async () => {
    const error = await captureRestError(createClient().setSecret("Bad_Name", "v"));
    expect(error.statusCode).toBe(400);
    expect(error.code).toBe("BadParameter");
    expect(error.message).toBe("The request URI contains an invalid name: Bad_Name");
  });
});

describe("403 variants through the SDK", () => {
  it("RBAC: a Reader lists tags but cannot read a value", async () => {
    await createClient().setSecret("sdk-rbac", "hidden", { tags: { owner: "octo" } });
    const reader = createClient("demo-vault", createSecretCredential(READER_APP));
    const listed: Array<Record<string, string> | undefined> = [];
    for await (const properties of reader.listPropertiesOfSecrets()) if (properties.name === "sdk-rbac") listed.push(properties.tags);
    expect(listed).toEqual([{ owner: "octo" }]);
    const denied = await captureRestError(reader.getSecret("sdk-rbac"));
    expect(denied.statusCode).toBe(403);
    expect(denied.details.error.innerError.code).toBe("ForbiddenByRbac");
    expect(denied.message).toContain("Action: 'Microsoft.KeyVault/vaults/secrets/getSecret/action'");
  });

  it("RBAC: no role at all", async () => {
    const stranger = createClient("demo-vault", createSecretCredential(STRANGER_APP));
    const denied = await captureRestError(stranger.setSecret("sdk-stranger", "v"));
    expect(denied.statusCode).toBe(403);
    expect(denied.details.error.innerError.code).toBe("ForbiddenByRbac");
  });

  it("access policy without set", async () => {
    const denied = await captureRestError(createClient("policy-vault").setSecret("x", "v"));
    expect(denied.statusCode).toBe(403);
    expect(denied.details.error.innerError.code).toBe("AccessDenied");
    expect(denied.message).toContain("does not have secrets set permission on key vault 'policy-vault;location=");
  });

  it("firewall", async () => {
    const denied = await captureRestError(createClient("walled-vault").getSecret("x"));
    expect(denied.statusCode).toBe(403);
    expect(denied.details.error.innerError.code).toBe("ForbiddenByFirewall");
  });

  it("certificate-backed secret", async () => {
    await adminPut(cloud.info.adminUrl, "/vaults/demo-vault/secrets/sdk-cert", { value: "MIIpfx", managed: true });
    const client = createClient();
    const got = await client.getSecret("sdk-cert");
    expect(got.properties).toMatchObject({
      managed: true,
      contentType: "application/x-pkcs12",
      certificateKeyId: expect.stringContaining("/keys/sdk-cert/"),
    });
    const denied = await captureRestError(client.setSecret("sdk-cert", "overwrite"));
    expect(denied.statusCode).toBe(403);
    expect(denied.details.error.innerError.code).toBe("SecretManagedByKeyVault");
  });
});

describe("throttling through the SDK", () => {
  it("does not retry a 429 without Retry-After", async () => {
    const client = createClient("bare-429-vault");
    await client.setSecret("first", "v");
    const throttled = await captureRestError(client.setSecret("second", "v"));
    expect(throttled.statusCode).toBe(429);
    expect(throttled.code).toBe("Throttled");
    expect(listVaultRequests("bare-429-vault").filter((entry) => entry.operation === "SetSecret" && entry.status === 429)).toHaveLength(1);
  });

  it("retries a 429 that carries Retry-After, and then succeeds", async () => {
    const client = createClient("retry-429-vault");
    await client.setSecret("first", "v");
    const second = await client.setSecret("second", "v");
    expect(second.value).toBe("v");
    const writes = listVaultRequests("retry-429-vault").filter((entry) => entry.operation === "SetSecret" && entry.status !== 401);
    expect(writes.map((entry) => entry.status)).toEqual([200, 429, 200]);
  });
});
