import { describe, expect, it } from "vitest";
import { createTestVault, putSecret, TENANT_ID } from "./test-support.ts";

const MISSING_TOKEN_BODY = '{"error":{"code":"Unauthorized","message":"AKV10000: Request is missing a Bearer or PoP token."}}';

describe("challenge before everything else", () => {
  it.each([
    ["PUT", "/secrets/new-secret", "SetSecret"],
    ["GET", "/secrets/any/", "GetSecret"],
    ["GET", "/secrets", "GetSecrets"],
    ["DELETE", "/deletedsecrets/x", "PurgeDeletedSecret"],
    ["POST", "/secrets/restore", "RestoreSecret"],
  ])("%s %s without Authorization → 401 challenge naming %s", async (method, path, operation) => {
    const vault = createTestVault();
    const response = await vault.send(method, path, { as: null });
    expect(response.status).toBe(401);
    expect(response.body).toBe(MISSING_TOKEN_BODY);
    expect(response.headers?.["WWW-Authenticate"]).toBe(
      `Bearer authorization="https://login.microsoftonline.com/${TENANT_ID}", resource="https://vault.azure.net"`,
    );
    expect(response.headers?.["Content-Type"]).toBe("application/json; charset=utf-8");
    expect(response.operation).toBe(operation);
  });

  it("answers a bodiless PUT with 401 and stores nothing", async () => {
    const vault = createTestVault();
    const response = await vault.send("PUT", "/secrets/first", {
      as: null,
      headers: { "content-type": "application/json", "content-length": "0" },
    });
    expect(response.status).toBe(401);
    expect((await vault.admin("GET", "/vaults/demo-vault/secrets")).json.secrets).toEqual([]);
  });

  it.each([
    ["an invalid name", "/secrets/bad_name", { apiVersion: "2026-04-01" }],
    ["an unknown api-version", "/secrets/x", { apiVersion: "1999-01-01" }],
    ["no api-version", "/secrets/x", { apiVersion: null }],
    ["an unknown path", "/keys/x", {}],
  ] as const)("challenges first even with %s", async (_case, path, options) => {
    const vault = createTestVault();
    const response = await vault.send("GET", path, { as: null, ...options });
    expect(response.status).toBe(401);
    expect(response.body).toBe(MISSING_TOKEN_BODY);
  });

  it("treats a non-Bearer Authorization as missing", async () => {
    const vault = createTestVault();
    const response = await vault.send("GET", "/secrets", { authorization: "Basic dXNlcjpwYXNz" });
    expect(response.status).toBe(401);
    expect(response.body).toBe(MISSING_TOKEN_BODY);
  });

  it("answers a token the verifier refuses with 401, the challenge and the verifier's message", async () => {
    const vault = createTestVault();
    const response = await vault.send("GET", "/secrets", { authorization: "Bearer not-a-token" });
    expect(response.status).toBe(401);
    expect(response.headers?.["WWW-Authenticate"]).toContain(`authorization="https://login.microsoftonline.com/${TENANT_ID}"`);
    expect(response.json).toEqual({ error: { code: "Unauthorized", message: expect.stringMatching(/^AKV10022: Invalid audience/) } });
  });

  it.each([
    ["usgovernment", "gov-vault.vault.usgovcloudapi.net", "https://login.microsoftonline.us", "https://vault.usgovcloudapi.net"],
    ["china", "cn-vault.vault.azure.cn", "https://login.chinacloudapi.cn", "https://vault.azure.cn"],
  ] as const)("challenges with the %s cloud's authority and resource", async (cloud, host, authority, resource) => {
    const name = host.split(".")[0] as string;
    const audiences: string[] = [];
    const vault = createTestVault(
      { name, cloud },
      { verifyAccessToken: (_token, audience) => (audiences.push(audience), { ok: false, message: "nope" }) },
    );
    const challenge = await vault.send("GET", "/secrets", { host, as: null });
    expect(challenge.headers?.["WWW-Authenticate"]).toBe(`Bearer authorization="${authority}/${TENANT_ID}", resource="${resource}"`);
    await vault.send("GET", "/secrets", { host });
    expect(audiences).toEqual([resource]);
  });

  it("does not answer for a vault under another cloud's suffix", async () => {
    const vault = createTestVault();
    const response = await vault.send("GET", "/secrets", { host: "demo-vault.vault.azure.cn" });
    expect(response.status).toBe(404);
    expect(response.json.error.code).toBe("VaultNotFound");
  });

  it("answers an unknown vault with a JSON 404 before any challenge", async () => {
    const vault = createTestVault();
    const response = await vault.send("GET", "/secrets", { host: "nope-vault.vault.azure.net", as: null });
    expect(response.status).toBe(404);
    expect(response.json).toEqual({ error: { code: "VaultNotFound", message: expect.stringContaining("nope-vault.vault.azure.net") } });
  });

  it("matches the vault host case-insensitively", async () => {
    const vault = createTestVault();
    expect((await vault.send("GET", "/secrets", { host: "Demo-Vault.Vault.Azure.Net" })).status).toBe(200);
  });
});

describe("response headers", () => {
  it("carries the service headers and echoes x-ms-client-request-id", async () => {
    const vault = createTestVault();
    const response = await vault.send("GET", "/secrets", { headers: { "x-ms-client-request-id": "abc-123" } });
    expect(response.headers).toMatchObject({
      "Cache-Control": "no-cache",
      "Content-Type": "application/json; charset=utf-8",
      "x-ms-client-request-id": "abc-123",
      "x-ms-keyvault-region": "westus",
      "X-Content-Type-Options": "nosniff",
    });
    expect(response.headers?.["x-ms-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers?.["x-ms-keyvault-service-version"]).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(response.headers?.["x-ms-keyvault-rbac-assignment-id"]).toMatch(/^[0-9a-f]{32}$/);
  });

  it("names the vault's own location in the region header", async () => {
    const vault = createTestVault({ location: "swedencentral" });
    expect((await vault.send("GET", "/secrets")).headers?.["x-ms-keyvault-region"]).toBe("swedencentral");
  });

  it("omits the client request id when none was sent", async () => {
    const vault = createTestVault();
    expect((await vault.send("GET", "/secrets")).headers).not.toHaveProperty("x-ms-client-request-id");
  });
});

describe("api-version", () => {
  it.each(["7.0", "7.4", "7.5", "7.6", "2025-07-01", "2026-04-01", "2026-05-01-preview"])("accepts %s", async (apiVersion) => {
    const vault = createTestVault();
    await putSecret(vault, "known");
    expect((await vault.send("GET", "/secrets/known/", { apiVersion })).status).toBe(200);
  });

  it("rejects an unknown version with 400 BadParameter naming it and the latest", async () => {
    const vault = createTestVault();
    const response = await vault.send("GET", "/secrets", { apiVersion: "7.9" });
    expect(response.status).toBe(400);
    expect(response.body).toBe(
      '{"error":{"code":"BadParameter","message":"The specified version (7.9) is not recognized. Consider using the latest supported version (2026-04-01)."}}',
    );
  });

  it("rejects a missing version with 400 BadParameter and writes nothing", async () => {
    const vault = createTestVault();
    const response = await vault.send("PUT", "/secrets/x", { apiVersion: null, body: { value: "v" } });
    expect(response.status).toBe(400);
    expect(response.json.error.code).toBe("BadParameter");
    expect(response.json.error.message).toContain("api-version");
    expect((await vault.admin("GET", "/vaults/demo-vault/secrets")).json.secrets).toEqual([]);
  });
});
