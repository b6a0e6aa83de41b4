/**
 * @azure/identity's ManagedIdentityCredential on an "App Service" whose IDENTITY_ENDPOINT is the
 * local one, reading a secret with the real SecretClient.
 */
import { ManagedIdentityCredential } from "@azure/identity";
import { SecretClient } from "@azure/keyvault-secrets";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { request } from "node:http";
import { adminPut, cloudEnv, identityEnv, startCloud, toSdkProxyOptions, trustCloudInProcess, type Cloud } from "./index.ts";
import { decodeJwtPayload } from "./test-support.ts";

const SYSTEM_IDENTITY = { clientId: "7e57c10d-5a5a-4e70-8000-0000000000f1", objectId: "7e57c10d-5a5a-4e70-8000-0000000000f2" };
const USER_IDENTITY = {
  clientId: "7e57c10d-a5a5-4e70-8000-0000000000f3",
  objectId: "7e57c10d-a5a5-4e70-8000-0000000000f4",
  resourceId:
    "/subscriptions/7e57c10d-5b5c-4f00-9000-000000000002/resourceGroups/keyvault-sync/providers/Microsoft.ManagedIdentity/userAssignedIdentities/reader",
};

let cloud: Cloud;
const savedEnv = { ...process.env };

beforeAll(async () => {
  cloud = await startCloud({
    managedIdentities: [SYSTEM_IDENTITY, USER_IDENTITY],
    vaults: [
      {
        name: "demo-vault",
        roles: [
          { principal: SYSTEM_IDENTITY.objectId, role: "Key Vault Secrets User" },
          { principal: USER_IDENTITY.clientId, role: "Key Vault Secrets User" },
        ],
      },
    ],
  });
  trustCloudInProcess(cloud.info);
  await adminPut(cloud.info.adminUrl, "/vaults/demo-vault/secrets/app-setting", { value: "from-the-vault" });
});

afterEach(() => {
  process.env = { ...savedEnv };
});

afterAll(async () => {
  await cloud?.stop();
});

function useIdentityEnv(): void {
  Object.assign(process.env, identityEnv(cloud.info));
}

function secretClient(credential: ManagedIdentityCredential): SecretClient {
  return new SecretClient(cloud.info.vaultUrl, credential, {
    proxyOptions: toSdkProxyOptions(cloud.info),
    retryOptions: { maxRetries: 0 },
  });
}

/** What an SDK's HttpProxyAgent does for an http:// URL: the absolute URL as the request target. */
function sendViaProxy(url: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  const proxy = new URL(cloud.info.proxy);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: proxy.hostname, port: proxy.port, method: "GET", path: url, headers: { host: new URL(url).host, ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
      },
    );
    req.on("error", reject);
    req.end();
  });
}

describe("managed identity endpoint", () => {
  it("signs the system-assigned identity in and reads a secret", async () => {
    useIdentityEnv();
    const credential = new ManagedIdentityCredential();
    const secret = await secretClient(credential).getSecret("app-setting");
    expect(secret.value).toBe("from-the-vault");
    const token = await new ManagedIdentityCredential().getToken("https://vault.azure.net/.default");
    expect(decodeJwtPayload(token.token)).toMatchObject({
      appid: SYSTEM_IDENTITY.clientId,
      oid: SYSTEM_IDENTITY.objectId,
      aud: "https://vault.azure.net",
    });
    expect(token.expiresOnTimestamp).toBeGreaterThan(Date.now() + 3_000_000);
    const calls = cloud.requestLog.view({ host: "127.0.0.1" }).requests.filter((entry) => entry.operation === "ManagedIdentityToken");
    // MSAL caches managed identity tokens across credential instances: one request serves both.
    expect(calls.length).toBeGreaterThanOrEqual(1);
    expect(calls[0]?.path).toContain("api-version=2019-08-01");
  });

  it("selects a user-assigned identity by client id or resource id, also through the proxy", async () => {
    useIdentityEnv();
    const byClientId = new ManagedIdentityCredential(USER_IDENTITY.clientId, { proxyOptions: toSdkProxyOptions(cloud.info) });
    expect((await secretClient(byClientId).getSecret("app-setting")).value).toBe("from-the-vault");
    const byResourceId = new ManagedIdentityCredential({ resourceId: USER_IDENTITY.resourceId });
    expect(decodeJwtPayload((await byResourceId.getToken("https://vault.azure.net/.default")).token).oid).toBe(USER_IDENTITY.objectId);
  });

  it("answers the raw protocol: shape, header check, unknown identity", async () => {
    const url = `${cloud.info.identityEndpoint}?api-version=2019-08-01&resource=${encodeURIComponent("https://vault.azure.net")}`;
    const ok = await fetch(url, { headers: { "X-IDENTITY-HEADER": cloud.info.identityHeader } });
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as Record<string, string>;
    expect(Object.keys(body).sort()).toEqual(["access_token", "client_id", "expires_on", "resource", "token_type"]);
    expect(body).toMatchObject({
      resource: "https://vault.azure.net",
      token_type: "Bearer",
      client_id: SYSTEM_IDENTITY.clientId,
      expires_on: expect.stringMatching(/^\d{10}$/),
    });
    expect((await fetch(url, { headers: { "X-IDENTITY-HEADER": "wrong" } })).status).toBe(401);
    const unknown = await fetch(`${url}&client_id=7e57c10d-0000-4000-8000-000000000000`, {
      headers: { "X-IDENTITY-HEADER": cloud.info.identityHeader },
    });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { message: string }).message).toContain("No User Assigned or Delegated Managed Identity found");
  });

  it("is reachable through the proxy as a plain-HTTP request; other HTTP targets stay refused", async () => {
    const url = `${cloud.info.identityEndpoint}?api-version=2019-08-01&resource=${encodeURIComponent("https://vault.azure.net")}`;
    const before = cloud.requestLog.view({}).counts.ProxyForwarded ?? 0;
    const proxied = await sendViaProxy(url, { "X-IDENTITY-HEADER": cloud.info.identityHeader });
    expect(proxied.status).toBe(200);
    expect(cloud.requestLog.view({}).counts.ProxyForwarded).toBe(before + 1);
    expect(JSON.parse(proxied.body)).toMatchObject({ client_id: SYSTEM_IDENTITY.clientId });
    const elsewhere = await sendViaProxy("http://127.0.0.1:9/msi/token", {});
    expect(elsewhere.status).toBe(403);
  });
});

describe("a child process with only environment variables (as the CLI will run on App Service)", () => {
  it("signs in through HTTPS_PROXY with ManagedIdentityCredential and reads the secret", async () => {
    const script = [
      'import { ManagedIdentityCredential } from "@azure/identity";',
      'import { SecretClient } from "@azure/keyvault-secrets";',
      "const client = new SecretClient(process.env.VAULT_URL, new ManagedIdentityCredential());",
      'const secret = await client.getSecret("app-setting");',
      'process.stdout.write(secret.value === "from-the-vault" ? "match" : "mismatch");',
    ].join("\n");
    const env = { PATH: process.env.PATH ?? "", ...cloudEnv(cloud.info), ...identityEnv(cloud.info), VAULT_URL: cloud.info.vaultUrl };
    const before = cloud.requestLog.view({}).requests.length;
    const output = await new Promise<string>((resolve, reject) => {
      execFile(
        process.execPath,
        ["--input-type=module", "-e", script],
        { env, cwd: process.cwd(), timeout: 60_000 },
        (error, stdout, stderr) => {
          if (error !== null) reject(new Error(`child failed: ${stderr}`));
          else resolve(stdout);
        },
      );
    });
    expect(output).toBe("match");
    const requests = cloud.requestLog.view({}).requests.slice(before);
    expect(requests).toContainEqual(expect.objectContaining({ operation: "ManagedIdentityToken", status: 200 }));
    // With HTTPS_PROXY set and NO_PROXY empty, the SDK sends even the loopback http:// call to the proxy.
    expect(requests).toContainEqual(expect.objectContaining({ operation: "ProxyForwarded", host: "127.0.0.1" }));
    expect(requests).toContainEqual(expect.objectContaining({ operation: "GetSecret", status: 200 }));
  });
});
