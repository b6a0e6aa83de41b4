/**
 * Connection reuse against the local Azure: sign-in and vault calls share one keep-alive agent,
 * so a run opens a handful of tunnels and TLS handshakes, not one per request. Counted by the
 * local Azure itself (CONNECTs at the proxy, handshakes at the TLS server).
 */
import { request } from "node:https";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLOUDS } from "../../src/engine/clouds.ts";
import { createCredential, verifySignIn } from "../../src/engine/auth/entra.ts";
import { createConnectionAgent, readProxyEnv, supportsAgentProxyEnv } from "../../src/engine/connections.ts";
import { createKeyVault } from "../../src/engine/vault/key-vault.ts";
import { mapWithConcurrency } from "../../src/engine/limiter.ts";
import { adminDelete, adminGet, cloudEnv, startCloud, trustCloudInProcess } from "../../local-azure/index.ts";
import type { Cloud, RequestLogView } from "../../local-azure/index.ts";
import { DEFAULT_CLIENT_ID } from "../../local-azure/world.ts";

const VAULT_HOST = "reuse-vault.vault.azure.net";
const PROXY_VARIABLES = ["HTTPS_PROXY", "https_proxy", "NO_PROXY", "no_proxy"] as const;
const savedEnv: Record<string, string | undefined> = {};
let cloud: Cloud;

beforeAll(async () => {
  cloud = await startCloud({
    vaults: [{ name: "reuse-vault", roles: [{ principal: DEFAULT_CLIENT_ID, role: "Key Vault Secrets Officer" }] }],
  });
  trustCloudInProcess(cloud.info);
  // The GitHub token request (the toolkit's client) reads the proxy from the process environment.
  const env = cloudEnv(cloud.info);
  for (const name of PROXY_VARIABLES) {
    savedEnv[name] = process.env[name];
    process.env[name] = env[name];
  }
});

afterAll(async () => {
  for (const name of PROXY_VARIABLES) {
    // Setting undefined would store the string "undefined"; Reflect removes the variable.
    if (savedEnv[name] === undefined) Reflect.deleteProperty(process.env, name);
    else process.env[name] = savedEnv[name];
  }
  await cloud?.stop();
});

async function readConnections(host?: string): Promise<RequestLogView["connections"]> {
  const view = await adminGet<RequestLogView>(cloud.info.adminUrl, host === undefined ? "/requests" : `/requests?host=${host}`);
  return view.connections;
}

describe("the proxy settings the agent gets", () => {
  it("follows the SDK's order: HTTPS_PROXY, ALL_PROXY, HTTP_PROXY, upper case first, and NO_PROXY", () => {
    expect(readProxyEnv({ https_proxy: "http://a:1", HTTP_PROXY: "http://b:2" })).toEqual({ HTTPS_PROXY: "http://a:1" });
    expect(readProxyEnv({ HTTPS_PROXY: "http://a:1", https_proxy: "http://c:3" })).toEqual({ HTTPS_PROXY: "http://a:1" });
    expect(readProxyEnv({ ALL_PROXY: "http://d:4", HTTP_PROXY: "http://b:2", no_proxy: "x.com" })).toEqual({
      HTTPS_PROXY: "http://d:4",
      NO_PROXY: "x.com",
    });
    expect(readProxyEnv({ HTTPS_PROXY: "", NO_PROXY: "" })).toEqual({});
  });

  it("is only used where Node tunnels by itself (24.5 and later)", async () => {
    expect(supportsAgentProxyEnv("v24.4.1")).toBe(false);
    expect(supportsAgentProxyEnv("v24.5.0")).toBe(true);
    expect(supportsAgentProxyEnv("v25.0.0")).toBe(true);
    expect(supportsAgentProxyEnv("v22.21.0")).toBe(false);
    await expect(createConnectionAgent({}, "v24.1.0")).resolves.toBeUndefined();
  });
});

describe("one agent for sign-in and vault", () => {
  it("sends 200 reads through the proxy on a few connections", async () => {
    const env = cloudEnv(cloud.info);
    const agent = await createConnectionAgent(env);
    expect(agent).toBeDefined();
    try {
      const credential = createCredential({
        auth: "oidc",
        tenantId: cloud.info.tenantId,
        clientId: cloud.info.clientId,
        cloud: CLOUDS.public,
        audience: CLOUDS.public.audience,
        env,
        log: () => {},
        mask: () => {},
        agent,
      });
      await adminDelete(cloud.info.adminUrl, "/requests");
      await verifySignIn(credential, CLOUDS.public.vaultScope);
      const vault = createKeyVault(`https://${VAULT_HOST}`, credential, { agent });
      await vault.setSecret("reused", { value: "connection-reuse-value", contentType: undefined, tags: {}, expiresOn: undefined });
      const reads = await mapWithConcurrency(
        Array.from({ length: 200 }, (_, index) => index),
        8,
        () => vault.getSecret("reused"),
      );
      expect(reads.every((read) => read.found)).toBe(true);

      const atVault = await readConnections(VAULT_HOST);
      // 8 in flight at most: at most 8 connections, never one per request.
      expect(atVault.tunnels).toBeGreaterThanOrEqual(1);
      expect(atVault.tunnels).toBeLessThanOrEqual(8);
      expect(atVault.handshakes).toBe(atVault.tunnels);
      const entra = await readConnections("login.microsoftonline.com");
      expect(entra.tunnels).toBe(1);
      // The sign-in check and the vault's challenge both asked for a token: one GitHub token served both.
      const github = await adminGet<RequestLogView>(cloud.info.adminUrl, `/requests?host=${new URL(cloud.info.oidcRequestUrl).hostname}`);
      expect(github.requests.length).toBe(1);
    } finally {
      agent?.destroy();
    }
  });

  it("reuses connections without a proxy too", async () => {
    const agent = await createConnectionAgent({});
    expect(agent).toBeDefined();
    await adminDelete(cloud.info.adminUrl, "/requests");
    try {
      for (let index = 0; index < 50; index++) {
        // Straight to the TLS server's own port, under the vault's name (no tunnel at all).
        const status = await new Promise<number>((resolve, reject) => {
          const call = request(
            {
              host: "127.0.0.1",
              port: cloud.tlsPort,
              servername: VAULT_HOST,
              headers: { host: VAULT_HOST },
              path: "/secrets/reused?api-version=2025-07-01",
              agent,
            },
            (response) => {
              response.resume();
              response.on("end", () => resolve(response.statusCode ?? 0));
            },
          );
          call.on("error", reject);
          call.end();
        });
        // No bearer token: the vault's challenge; what matters here is the connection.
        expect(status).toBe(401);
      }
      expect(await readConnections(VAULT_HOST)).toEqual({ tunnels: 0, handshakes: 1 });
    } finally {
      agent?.destroy();
    }
  });
});
