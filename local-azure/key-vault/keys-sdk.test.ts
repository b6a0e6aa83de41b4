/**
 * The real @azure/keyvault-keys KeyClient and CryptographyClient, and SecretClient against a
 * policy-governed vault, through the proxy with TLS and challenge verification on.
 */
import { randomBytes } from "node:crypto";
import { ClientSecretCredential } from "@azure/identity";
import { CryptographyClient, KeyClient } from "@azure/keyvault-keys";
import { SecretClient } from "@azure/keyvault-secrets";
import type { TokenCredential } from "@azure/core-auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminPut, startCloud, toSdkProxyOptions, trustCloudInProcess, type Cloud } from "../index.ts";

const OFFICER_APP = "7e57c10d-c0ff-4e70-8000-00000000d001";
const USER_APP = "7e57c10d-c05e-4e70-8000-00000000d002";
const SECRETS_APP = "7e57c10d-5ec0-4e70-8000-00000000d003";
const APP_SECRET = "local-only-client-secret";

let cloud: Cloud;

beforeAll(async () => {
  cloud = await startCloud({
    apps: [OFFICER_APP, USER_APP, SECRETS_APP].map((clientId) => ({ clientId, clientSecrets: [APP_SECRET] })),
    vaults: [
      {
        name: "byok-vault",
        roles: [
          { principal: OFFICER_APP, role: "Key Vault Crypto Officer" },
          { principal: USER_APP, role: "Key Vault Crypto User" },
          { principal: SECRETS_APP, role: "Key Vault Secrets Officer" },
        ],
      },
      {
        name: "governed-vault",
        roles: [{ principal: SECRETS_APP, role: "Key Vault Secrets Officer" }],
        policy: { requireContentType: true, maxValidityDays: 90 },
      },
    ],
  });
  trustCloudInProcess(cloud.info);
});

afterAll(async () => {
  await cloud?.stop();
});

function credential(clientId: string): TokenCredential {
  return new ClientSecretCredential(cloud.info.tenantId, clientId, APP_SECRET, { proxyOptions: toSdkProxyOptions(cloud.info) });
}

const VAULT_URL = "https://byok-vault.vault.azure.net";

function keyClient(clientId: string): KeyClient {
  return new KeyClient(VAULT_URL, credential(clientId), { proxyOptions: toSdkProxyOptions(cloud.info), retryOptions: { maxRetries: 0 } });
}

function cryptoClient(keyId: string, clientId: string): CryptographyClient {
  return new CryptographyClient(keyId, credential(clientId), {
    proxyOptions: toSdkProxyOptions(cloud.info),
    retryOptions: { maxRetries: 0 },
  });
}

async function captureError(promise: Promise<unknown>): Promise<any> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("Expected the call to fail, and it succeeded");
}

function vaultOperations(vault: string): Array<{ operation: string; status: number }> {
  return cloud.requestLog.view({ host: `${vault}.vault.azure.net` }).requests.map(({ operation, status }) => ({ operation, status }));
}

describe("KeyClient and CryptographyClient", () => {
  it("createRsaKey → wrapKey → unwrapKey round trip as a Crypto User", async () => {
    const key = await keyClient(OFFICER_APP).createRsaKey("byok-kek", { keySize: 3072, keyOps: ["wrapKey", "unwrapKey"] });
    expect(key.keyType).toBe("RSA");
    expect(key.keyOperations).toEqual(["wrapKey", "unwrapKey"]);
    expect(key.properties.enabled).toBe(true);
    const client = cryptoClient(key.id as string, USER_APP);
    for (const algorithm of ["RSA-OAEP", "RSA-OAEP-256"] as const) {
      const secret = randomBytes(32);
      const wrapped = await client.wrapKey(algorithm, secret);
      expect(Buffer.from(wrapped.result).equals(secret)).toBe(false);
      const unwrapped = await client.unwrapKey(algorithm, wrapped.result);
      expect(Buffer.from(unwrapped.result).equals(secret)).toBe(true);
    }
    const log = vaultOperations("byok-vault");
    // RSA-OAEP wraps locally with the fetched public key; RSA-OAEP-256 and every unwrap go to the vault.
    expect(log).toContainEqual({ operation: "GetKey", status: 200 });
    expect(log).toContainEqual({ operation: "WrapKey", status: 200 });
    expect(log.filter((entry) => entry.operation === "UnwrapKey" && entry.status === 200)).toHaveLength(2);
  });

  it("reads key properties and versions, and updates them", async () => {
    const client = keyClient(OFFICER_APP);
    const first = await client.createKey("byok-rotated", "RSA-HSM");
    const second = await client.createRsaKey("byok-rotated", { hsm: true, keySize: 2048 });
    expect(second.keyType).toBe("RSA-HSM");
    expect((await client.getKey("byok-rotated")).id).toBe(second.id);
    expect((await client.getKey("byok-rotated", { version: first.properties.version as string })).id).toBe(first.id);
    const versions: string[] = [];
    for await (const properties of client.listPropertiesOfKeyVersions("byok-rotated")) versions.push(properties.version as string);
    expect(versions).toEqual([first.properties.version, second.properties.version]);
    const expiresOn = new Date(Date.now() + 30 * 86_400_000);
    const updated = await client.updateKeyProperties("byok-rotated", second.properties.version as string, {
      expiresOn,
      tags: { owner: "platform" },
    });
    expect(updated.properties.expiresOn?.getTime()).toBe(Math.floor(expiresOn.getTime() / 1000) * 1000);
    expect(updated.properties.tags).toEqual({ owner: "platform" });
  });

  it("surfaces the real 403s: key_ops, disabled key, missing role", async () => {
    await adminPut(cloud.info.adminUrl, "/vaults/byok-vault/keys/byok-wrap-only", { keyOps: ["wrapKey"] });
    const wrapOnly = await keyClient(USER_APP).getKey("byok-wrap-only");
    // The SDK reads key_ops from the key it fetched and refuses before asking the vault (whose own
    // 403 KeyOperationForbidden keys.test.ts checks).
    const before = vaultOperations("byok-vault").filter((entry) => entry.operation === "UnwrapKey").length;
    const notPermitted = await captureError(cryptoClient(wrapOnly.id as string, USER_APP).unwrapKey("RSA-OAEP-256", randomBytes(256)));
    expect(notPermitted.message).toBe(`Operation unwrapKey is not supported on key ${wrapOnly.id}`);
    expect(vaultOperations("byok-vault").filter((entry) => entry.operation === "UnwrapKey")).toHaveLength(before);

    await adminPut(cloud.info.adminUrl, "/vaults/byok-vault/keys/byok-off", { enabled: false });
    const disabled = await captureError(keyClient(USER_APP).getKey("byok-off"));
    expect(disabled.statusCode).toBe(403);
    expect(disabled.details.error.innerError.code).toBe("KeyDisabled");

    const noRole = await captureError(keyClient(SECRETS_APP).getKey("byok-wrap-only"));
    expect(noRole.statusCode).toBe(403);
    expect(noRole.details.error.innerError.code).toBe("ForbiddenByRbac");
    expect(noRole.message).toContain("Action: 'Microsoft.KeyVault/vaults/keys/read'");

    const missing = await captureError(keyClient(USER_APP).getKey("byok-never"));
    expect(missing.statusCode).toBe(404);
    expect(missing.code).toBe("KeyNotFound");
  });
});

describe("SecretClient against a vault under Azure Policy", () => {
  it("is refused with ForbiddenByGovernancePolicy until the metadata complies", async () => {
    const client = new SecretClient("https://governed-vault.vault.azure.net", credential(SECRETS_APP), {
      proxyOptions: toSdkProxyOptions(cloud.info),
      retryOptions: { maxRetries: 0 },
    });
    const denied = await captureError(client.setSecret("db-password", "local-value"));
    expect(denied.statusCode).toBe(403);
    expect(denied.code).toBe("Forbidden");
    expect(denied.details.error.innerError.code).toBe("ForbiddenByGovernancePolicy");
    expect(denied.message).toBe(
      "Secret 'db-password' was disallowed by policy. policyAssignment: Enforce-GR-KeyVault / \"Secrets should have content type set\"",
    );
    const tooLong = await captureError(
      client.setSecret("db-password", "local-value", { contentType: "text/plain", expiresOn: new Date(Date.now() + 200 * 86_400_000) }),
    );
    expect(tooLong.message).toContain("Secrets should have the specified maximum validity period");
    const set = await client.setSecret("db-password", "local-value", {
      contentType: "text/plain",
      expiresOn: new Date(Date.now() + 60 * 86_400_000),
    });
    expect(set.properties.contentType).toBe("text/plain");
  });
});
