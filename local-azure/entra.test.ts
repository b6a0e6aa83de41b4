import { ClientAssertionCredential, ClientSecretCredential } from "@azure/identity";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  adminPut,
  fetchThroughProxy,
  startCloud,
  toSdkProxyOptions,
  trustCloudInProcess,
  type Cloud,
  type MintGitHubTokenOptions,
} from "./index.ts";
import { decodeJwtPayload, fetchGitHubIdToken, requestEntraToken, type EntraErrorBody } from "./test-support.ts";
import { DEFAULT_CLIENT_ID, DEFAULT_OBJECT_ID, DEFAULT_TENANT_ID } from "./world.ts";

const VAULT_SCOPE = "https://vault.azure.net/.default";
const SECRET_APP = "7e57c10d-5ec2-4e70-8000-0000000000a1";
const NO_FIC_APP = "7e57c10d-0f1c-4e70-8000-0000000000a2";
const PROPAGATING_APP = "7e57c10d-9a9a-4e70-8000-0000000000a3";
const UNKNOWN_TENANT = "7e57c10d-dead-4e70-8000-0000000000ff";
const UNKNOWN_APP = "7e57c10d-dead-4e70-8000-0000000000fe";
const CLIENT_SECRET = "local-secret-value~1";
const SHORT_LIVED_APP = "7e57c10d-5401-4e70-8000-0000000000a4";

let cloud: Cloud;

beforeAll(async () => {
  cloud = await startCloud({
    apps: [
      { clientId: SECRET_APP, displayName: "secret-app", clientSecrets: [CLIENT_SECRET] },
      { clientId: NO_FIC_APP, displayName: "no-fic-app" },
      {
        clientId: PROPAGATING_APP,
        displayName: "propagating-app",
        federatedCredentials: [{ name: "new-fic", propagationMs: 3_600_000 }],
      },
      {
        clientId: SHORT_LIVED_APP,
        displayName: "short-lived-app",
        federatedCredentials: [{ name: "github" }],
        accessTokenLifetimeSeconds: 2,
      },
    ],
  });
  trustCloudInProcess(cloud.info);
});

afterAll(async () => {
  await cloud?.stop();
});

/** A fresh credential per call: MSAL caches throttling and tokens per instance. */
function createAssertionCredential(
  token: string,
  clientId = cloud.info.clientId,
  tenantId = cloud.info.tenantId,
): ClientAssertionCredential {
  return new ClientAssertionCredential(tenantId, clientId, async () => token, { proxyOptions: toSdkProxyOptions(cloud.info) });
}

async function captureError(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("Expected the token request to fail, and it succeeded");
}

describe("Entra token endpoint with a GitHub client assertion", () => {
  it("issues a Key Vault access token to the real ClientAssertionCredential through the proxy", async () => {
    const credential = new ClientAssertionCredential(cloud.info.tenantId, cloud.info.clientId, () => fetchGitHubIdToken(cloud.info), {
      proxyOptions: toSdkProxyOptions(cloud.info),
    });
    const token = await credential.getToken(VAULT_SCOPE);
    const claims = decodeJwtPayload(token.token);
    expect(claims).toMatchObject({
      aud: "https://vault.azure.net",
      iss: `https://sts.windows.net/${DEFAULT_TENANT_ID}/`,
      tid: DEFAULT_TENANT_ID,
      appid: DEFAULT_CLIENT_ID,
      oid: DEFAULT_OBJECT_ID,
    });
    expect(cloud.verifyAccessToken(token.token, "https://vault.azure.net")).toMatchObject({
      ok: true,
      claims: { appid: DEFAULT_CLIENT_ID },
    });
    expect(token.expiresOnTimestamp).toBeGreaterThan(Date.now());
  });

  it.each([
    ["https://login.microsoftonline.us", "api://AzureADTokenExchangeUSGov", "https://vault.usgovcloudapi.net"],
    ["https://login.chinacloudapi.cn", "api://AzureADTokenExchangeChina", "https://vault.azure.cn"],
  ])("serves the sovereign authority %s to the real credential (audience %s, resource %s)", async (authorityHost, audience, resource) => {
    const clientId = `7e57c10d-50e1-4e70-8000-${audience.endsWith("USGov") ? "0000000000c1" : "0000000000c2"}`;
    await adminPut(cloud.info.adminUrl, `/apps/${clientId}`, { federatedCredentials: [{ name: "sovereign", audiences: [audience] }] });
    const credential = new ClientAssertionCredential(cloud.info.tenantId, clientId, () => cloud.mintGitHubToken({ audience }), {
      authorityHost,
      proxyOptions: toSdkProxyOptions(cloud.info),
    });
    const token = await credential.getToken(`${resource}/.default`);
    expect(decodeJwtPayload(token.token)).toMatchObject({ aud: resource, appid: clientId });
  });

  it("answers with the documented success body, and 86399 s only when CAE (xms_cc cp1) is asked for", async () => {
    const plain = await requestEntraToken(cloud.info, {
      assertion: await cloud.mintGitHubToken({ audience: "api://AzureADTokenExchange" }),
    });
    expect(plain.status).toBe(200);
    const plainBody = plain.json<Record<string, unknown>>();
    expect(Object.keys(plainBody).sort()).toEqual(["access_token", "expires_in", "ext_expires_in", "token_type"]);
    expect(plainBody).toMatchObject({ token_type: "Bearer", expires_in: 3599, ext_expires_in: 3599 });

    const cae = await requestEntraToken(cloud.info, {
      assertion: await cloud.mintGitHubToken({ audience: "api://AzureADTokenExchange" }),
      extra: {
        claims: JSON.stringify({ access_token: { xms_cc: { values: ["cp1"] } } }),
        "x-client-SKU": "msal.js.node",
        "x-ms-lib-capability": "retry-after, h429",
      },
    });
    expect(cae.json<Record<string, unknown>>()).toMatchObject({ expires_in: 86399 });
  });

  it.each([
    { scope: "https://vault.azure.net/.default", aud: "https://vault.azure.net" },
    { scope: "https://vault.usgovcloudapi.net/.default", aud: "https://vault.usgovcloudapi.net" },
    { scope: "https://vault.azure.cn/.default", aud: "https://vault.azure.cn" },
    { scope: "https://management.core.windows.net//.default", aud: "https://management.core.windows.net/" },
    { scope: "https://management.azure.com/.default", aud: "https://management.core.windows.net/" },
  ])("puts the resource of scope $scope into aud ($aud)", async ({ scope, aud }) => {
    const response = await requestEntraToken(cloud.info, {
      scope,
      assertion: await cloud.mintGitHubToken({ audience: "api://AzureADTokenExchange" }),
    });
    expect(response.status).toBe(200);
    expect(decodeJwtPayload(response.json<{ access_token: string }>().access_token).aud).toBe(aud);
  });

  interface FailureCase {
    name: string;
    code: number;
    status: number;
    error: string;
    clientId?: string;
    tenantId?: string;
    mint?: MintGitHubTokenOptions;
    descriptionIncludes?: string;
  }

  const exchange = "api://AzureADTokenExchange";
  const failures: FailureCase[] = [
    {
      name: "an unknown tenant",
      code: 90002,
      status: 400,
      error: "invalid_request",
      tenantId: UNKNOWN_TENANT,
      mint: { audience: exchange },
      descriptionIncludes: `Tenant '${UNKNOWN_TENANT}' not found`,
    },
    {
      name: "an unknown application",
      code: 700016,
      status: 400,
      error: "unauthorized_client",
      clientId: UNKNOWN_APP,
      mint: { audience: exchange },
      descriptionIncludes: `Application with identifier '${UNKNOWN_APP}' was not found`,
    },
    {
      name: "an app without federated credentials",
      code: 70025,
      status: 401,
      error: "invalid_client",
      clientId: NO_FIC_APP,
      mint: { audience: exchange },
      descriptionIncludes: "has no configured federated identity credentials",
    },
    {
      name: "an issuer with a trailing slash",
      code: 700211,
      status: 401,
      error: "invalid_client",
      mint: { audience: exchange, issuer: "https://token.actions.githubusercontent.com/" },
      descriptionIncludes: "assertion issuer 'https://token.actions.githubusercontent.com/'",
    },
    {
      name: "GitHub's default audience",
      code: 700212,
      status: 401,
      error: "invalid_client",
      mint: {},
      descriptionIncludes: "assertion audience 'https://github.com/octo-org'",
    },
    {
      name: "a branch subject",
      code: 700213,
      status: 401,
      error: "invalid_client",
      mint: { audience: exchange, subject: "repo:octo-org/octo-repo:ref:refs/heads/main" },
      descriptionIncludes: "assertion subject 'repo:octo-org/octo-repo:ref:refs/heads/main'",
    },
    {
      name: "a subject that differs only in case",
      code: 7002138,
      status: 401,
      error: "invalid_client",
      mint: { audience: exchange, subject: "repo:Octo-Org/octo-repo:environment:production" },
      descriptionIncludes: "case-insensitive comparison, but not with case-sensitive",
    },
    {
      name: "an expired assertion",
      code: 700024,
      status: 401,
      error: "invalid_client",
      mint: { audience: exchange, issuedAt: Math.floor(Date.now() / 1000) - 3600, lifetimeSeconds: 300 },
      descriptionIncludes: "not within its valid time range",
    },
    {
      name: "a forged signature",
      code: 700027,
      status: 401,
      error: "invalid_client",
      mint: { audience: exchange, signature: "invalid" },
      descriptionIncludes: "failed signature validation",
    },
    {
      name: "a federated credential still propagating",
      code: 70021,
      status: 400,
      error: "invalid_request",
      clientId: PROPAGATING_APP,
      mint: { audience: exchange },
      descriptionIncludes: "Assertion Subject: 'repo:octo-org/octo-repo:environment:production'",
    },
  ];

  it.each(failures)("rejects $name with AADSTS$code, HTTP $status $error", async (failure) => {
    const response = await requestEntraToken(cloud.info, {
      clientId: failure.clientId,
      tenantId: failure.tenantId,
      assertion: await cloud.mintGitHubToken(failure.mint),
    });
    expect(response.status).toBe(failure.status);
    expect(response.headers["content-type"]).toMatch(/^application\/json/);
    const body = response.json<EntraErrorBody>();
    expect(body.error).toBe(failure.error);
    expect(body.error_codes).toEqual([failure.code]);
    expect(body.error_description).toMatch(new RegExp(`^AADSTS${failure.code}: `));
    expect(body.error_description).toContain(failure.descriptionIncludes);
    expect(body.error_description).toMatch(
      /\r\nTrace ID: [0-9a-f-]{36}\r\nCorrelation ID: [0-9a-f-]{36}\r\nTimestamp: \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/,
    );
    expect(body.error_uri).toBe(`https://login.microsoftonline.com/error?code=${failure.code}`);
    expect(body.trace_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.correlation_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.timestamp).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/);
  });

  it.each(failures)("surfaces AADSTS$code ($name) through the SDK as AuthenticationRequiredError", async (failure) => {
    const credential = createAssertionCredential(await cloud.mintGitHubToken(failure.mint), failure.clientId, failure.tenantId);
    const error = await captureError(credential.getToken(VAULT_SCOPE));
    expect(error.name).toBe("AuthenticationRequiredError");
    expect(error.message).toContain(`AADSTS${failure.code}:`);
  });

  it("accepts a newly added credential once it has propagated, so retrying callers get through", async () => {
    const clientId = "7e57c10d-9a9a-4e70-8000-0000000000a4";
    const recentlyCreated = { name: "fic", propagationMs: 600_000, createdAt: new Date().toISOString() };
    await adminPut(cloud.info.adminUrl, `/apps/${clientId}`, { federatedCredentials: [recentlyCreated] });
    const assertion = await cloud.mintGitHubToken({ audience: exchange });
    const early = await requestEntraToken(cloud.info, { clientId, assertion });
    expect(early.json<EntraErrorBody>().error_codes).toEqual([70021]);

    await adminPut(cloud.info.adminUrl, `/apps/${clientId}`, {
      federatedCredentials: [{ ...recentlyCreated, createdAt: new Date(Date.now() - 600_001).toISOString() }],
    });
    const later = await requestEntraToken(cloud.info, { clientId, assertion });
    expect(later.status).toBe(200);
  });

  it("matches the ID-based (immutable) subject form when the credential uses it", async () => {
    const clientId = "7e57c10d-9a9a-4e70-8000-0000000000a5";
    const subject = "repo:octo-org@190000001/octo-repo@880000002:environment:production";
    await adminPut(cloud.info.adminUrl, `/apps/${clientId}`, { federatedCredentials: [{ name: "immutable", subject }] });
    const accepted = await requestEntraToken(cloud.info, {
      clientId,
      assertion: await cloud.mintGitHubToken({ audience: exchange, subject }),
    });
    expect(accepted.status).toBe(200);
    const nameBased = await requestEntraToken(cloud.info, { clientId, assertion: await cloud.mintGitHubToken({ audience: exchange }) });
    expect(nameBased.json<EntraErrorBody>().error_codes).toEqual([700213]);
  });

  it("ignores parameters it does not know (claims, x-client-*, client-request-id) and echoes the correlation id", async () => {
    const correlationId = "7e57c10d-cccc-4e70-8000-000000000001";
    const response = await requestEntraToken(cloud.info, {
      clientId: UNKNOWN_APP,
      assertion: await cloud.mintGitHubToken({ audience: exchange }),
      extra: { "x-client-VER": "5.6.0", "x-client-OS": "linux", "client-request-id": correlationId, claims: "{}" },
    });
    expect(response.json<EntraErrorBody>().correlation_id).toBe(correlationId);
  });
});

describe("Entra token endpoint with a client secret", () => {
  it("issues a token for the right secret through the real ClientSecretCredential", async () => {
    const credential = new ClientSecretCredential(cloud.info.tenantId, SECRET_APP, CLIENT_SECRET, {
      proxyOptions: toSdkProxyOptions(cloud.info),
    });
    const token = await credential.getToken(VAULT_SCOPE);
    expect(decodeJwtPayload(token.token)).toMatchObject({ appid: SECRET_APP, aud: "https://vault.azure.net" });
  });

  it("rejects a wrong secret with AADSTS7000215, HTTP 401 invalid_client, raw and through the SDK", async () => {
    const response = await requestEntraToken(cloud.info, { clientId: SECRET_APP, clientSecret: "the-secret-id-not-its-value" });
    expect(response.status).toBe(401);
    expect(response.json<EntraErrorBody>()).toMatchObject({ error: "invalid_client", error_codes: [7000215] });

    const credential = new ClientSecretCredential(cloud.info.tenantId, SECRET_APP, "wrong", {
      proxyOptions: toSdkProxyOptions(cloud.info),
    });
    const error = await captureError(credential.getToken(VAULT_SCOPE));
    expect(error.name).toBe("AuthenticationRequiredError");
    expect(error.message).toContain("AADSTS7000215:");
  });
});

describe("Entra discovery documents", () => {
  it.each(["login.microsoftonline.com", "login.microsoftonline.us", "login.chinacloudapi.cn"])(
    "serves the v2.0 and v1 OpenID configuration of the tenant on %s with a same-origin issuer",
    async (host) => {
      for (const [path, issuer] of [
        [`/${DEFAULT_TENANT_ID}/v2.0/.well-known/openid-configuration`, `https://${host}/${DEFAULT_TENANT_ID}/v2.0`],
        [`/${DEFAULT_TENANT_ID}/.well-known/openid-configuration`, `https://${host}/${DEFAULT_TENANT_ID}/`],
      ] as const) {
        const response = await fetchThroughProxy(cloud.info, `https://${host}${path}`);
        expect(response.status).toBe(200);
        const config = response.json<Record<string, string>>();
        expect(config.issuer).toBe(issuer);
        for (const key of ["authorization_endpoint", "token_endpoint", "jwks_uri"])
          expect(new URL(config[key] ?? "").origin).toBe(`https://${host}`);
      }
    },
  );

  it("answers the OpenID configuration of an unknown tenant with AADSTS90002", async () => {
    const response = await fetchThroughProxy(
      cloud.info,
      `https://login.microsoftonline.com/${UNKNOWN_TENANT}/v2.0/.well-known/openid-configuration`,
    );
    expect(response.status).toBe(400);
    expect(response.json<EntraErrorBody>().error_codes).toEqual([90002]);
  });

  it("serves instance discovery pointing back at the asked host, and the signing keys", async () => {
    const authorize = `https://login.microsoftonline.us/${DEFAULT_TENANT_ID}/oauth2/v2.0/authorize`;
    const discovery = await fetchThroughProxy(
      cloud.info,
      `https://login.microsoftonline.com/common/discovery/instance?api-version=1.1&authorization_endpoint=${encodeURIComponent(authorize)}`,
    );
    expect(discovery.json<Record<string, unknown>>()).toMatchObject({
      tenant_discovery_endpoint: `https://login.microsoftonline.us/${DEFAULT_TENANT_ID}/v2.0/.well-known/openid-configuration`,
      "api-version": "1.1",
    });
    const keys = await fetchThroughProxy(cloud.info, `https://login.microsoftonline.com/${DEFAULT_TENANT_ID}/discovery/v2.0/keys`);
    const jwks = keys.json<{ keys: Array<{ kty: string; kid: string; n: string; e: string }> }>();
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: "RSA", e: "AQAB" });
  });
});

describe("verifyAccessToken (what Key Vault checks)", () => {
  async function issueVaultToken(scope = VAULT_SCOPE): Promise<string> {
    const response = await requestEntraToken(cloud.info, {
      scope,
      assertion: await cloud.mintGitHubToken({ audience: "api://AzureADTokenExchange" }),
    });
    return response.json<{ access_token: string }>().access_token;
  }

  it("reports a wrong audience the way Key Vault does (AKV10022)", async () => {
    const armToken = await issueVaultToken("https://management.azure.com/.default");
    expect(cloud.verifyAccessToken(armToken, "https://vault.azure.net")).toEqual({
      ok: false,
      message: "AKV10022: Invalid audience. Expected https://vault.azure.net, found: https://management.core.windows.net/.",
    });
    const slashed = await issueVaultToken("https://vault.azure.net//.default");
    expect(cloud.verifyAccessToken(slashed, "https://vault.azure.net")).toMatchObject({
      ok: false,
      message: expect.stringContaining("found: https://vault.azure.net/."),
    });
  });

  it("rejects a token whose signature does not verify and one that is not a JWT", async () => {
    const token = await issueVaultToken();
    const [header, payload] = token.split(".");
    const forgedPayload = Buffer.from(JSON.stringify({ ...decodeJwtPayload(token), appid: "someone-else" })).toString("base64url");
    expect(cloud.verifyAccessToken(`${header}.${forgedPayload}.${token.split(".")[2]}`, "https://vault.azure.net").ok).toBe(false);
    expect(cloud.verifyAccessToken(`${header}.${payload}`, "https://vault.azure.net").ok).toBe(false);
  });

  it("issues tokens with the app's configured lifetime, which the vault refuses once it has passed", async () => {
    const response = await requestEntraToken(cloud.info, {
      clientId: SHORT_LIVED_APP,
      assertion: await cloud.mintGitHubToken({ audience: "api://AzureADTokenExchange" }),
    });
    expect(response.json<Record<string, unknown>>()).toMatchObject({ expires_in: 2, ext_expires_in: 2 });
    const token = response.json<{ access_token: string }>().access_token;
    const claims = decodeJwtPayload(token);
    expect(Number(claims["exp"]) - Number(claims["iat"])).toBe(2);
    expect(cloud.verifyAccessToken(token, "https://vault.azure.net").ok).toBe(true);
    // The token really expires: no clock is moved, the test waits the two seconds out.
    while (Date.now() < Number(claims["exp"]) * 1000) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(cloud.verifyAccessToken(token, "https://vault.azure.net")).toMatchObject({
      ok: false,
      message: expect.stringMatching(/expired/),
    });
  });

  it("rejects a token from another tenant with AKV10032 after the world's tenant changes", async () => {
    const other = await startCloud({ tenantId: "7e57c10d-0a2e-4c1d-9f00-0000000000aa" });
    try {
      const response = await requestEntraToken(other.info, {
        assertion: await other.mintGitHubToken({ audience: "api://AzureADTokenExchange" }),
      });
      const token = response.json<{ access_token: string }>().access_token;
      other.world.tenantId = DEFAULT_TENANT_ID;
      expect(other.verifyAccessToken(token, "https://vault.azure.net")).toMatchObject({
        ok: false,
        message: expect.stringMatching(/^AKV10032: Invalid issuer\. /),
      });
    } finally {
      await other.stop();
    }
  });
});
