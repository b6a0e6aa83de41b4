import { execFile } from "node:child_process";
import { request as httpRequest } from "node:http";
import { get as httpsGet } from "node:https";
import { connect as tlsConnect, type PeerCertificate } from "node:tls";
import { readFile } from "node:fs/promises";
import { SecretClient } from "@azure/keyvault-secrets";
import { ClientAssertionCredential } from "@azure/identity";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  adminDelete,
  adminGet,
  cloudEnv,
  fetchThroughProxy,
  openTunnel,
  ProxyRefusedError,
  startCloud,
  toSdkProxyOptions,
  trustCloudInProcess,
  type Cloud,
  type RequestLogView,
} from "./index.ts";
import { fetchGitHubIdToken } from "./test-support.ts";

let cloud: Cloud;

function runNode(script: string, extraEnv: Record<string, string>): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ["--input-type=module", "-e", script],
      { cwd: process.cwd(), env: { PATH: process.env.PATH ?? "", ...extraEnv }, timeout: 60_000 },
      (error, stdout, stderr) => {
        if (error !== null) reject(new Error(`The child process failed: ${stderr}`));
        else resolve({ stdout, stderr });
      },
    );
  });
}

beforeAll(async () => {
  cloud = await startCloud();
});

afterAll(async () => {
  await cloud?.stop();
});

describe("CONNECT proxy", () => {
  it.each([
    ["example.com:443", "a host the cloud does not serve"],
    ["login.microsoftonline.com:80", "a known host on another port"],
    ["127.0.0.1:443", "an address"],
    ["demo-vault.vault.azure.net.example.com:443", "a look-alike suffix"],
    ["a.b.vault.azure.net:443", "two labels under the vault suffix"],
  ])("refuses %s (%s) with 403 and logs the refusal", async (target) => {
    const { status, socket } = await openTunnel(cloud.info, target);
    socket.destroy();
    expect(status).toBe(403);
    const log = await adminGet<RequestLogView>(cloud.info.adminUrl, "/requests");
    expect(log.requests.some((entry) => entry.method === "CONNECT" && entry.path === target && entry.operation === "ProxyRefused")).toBe(
      true,
    );
  });

  it("refuses plain-HTTP proxying instead of forwarding it", async () => {
    const proxy = new URL(cloud.info.proxy);
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        { host: proxy.hostname, port: Number(proxy.port), path: "http://example.com/", headers: { host: "example.com" } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on("error", reject);
      req.end();
    });
    expect(status).toBe(403);
  });

  it("makes fetchThroughProxy fail with ProxyRefusedError for an unknown host", async () => {
    await expect(fetchThroughProxy(cloud.info, "https://example.com/")).rejects.toBeInstanceOf(ProxyRefusedError);
  });

  it.each([
    "login.microsoftonline.com",
    "login.microsoftonline.us",
    "login.chinacloudapi.cn",
    "login.partner.microsoftonline.cn",
    "token.actions.githubusercontent.com",
    "pipelines.actions.githubusercontent.com",
    "management.azure.com",
    "demo-vault.vault.azure.net",
    "other.vault.usgovcloudapi.net",
    "other.vault.azure.cn",
  ])("tunnels to %s:443 and presents a certificate the test CA vouches for", async (host) => {
    const ca = await readFile(cloud.info.caFile, "utf8");
    const { status, socket } = await openTunnel(cloud.info, `${host}:443`);
    expect(status).toBe(200);
    const certificate = await new Promise<PeerCertificate>((resolve, reject) => {
      const tlsSocket = tlsConnect({ socket, servername: host, ca }, () => {
        resolve(tlsSocket.getPeerCertificate());
        tlsSocket.end();
      });
      tlsSocket.on("error", reject);
    });
    expect(certificate.subjectaltname).toContain("DNS:");
  });

  it("fails TLS verification for a client that does not trust the test CA", async () => {
    const { socket } = await openTunnel(cloud.info, "login.microsoftonline.com:443");
    const error = await new Promise<Error>((resolve) => {
      const tlsSocket = tlsConnect({ socket, servername: "login.microsoftonline.com" }, () =>
        resolve(new Error("connected without trusting the CA")),
      );
      tlsSocket.on("error", resolve);
    });
    expect(error.message).toMatch(/unable to verify the first certificate|unable to get local issuer certificate/);
  });

  it("also listens directly on a loopback TLS port, answering by Host header", async () => {
    const ca = await readFile(cloud.info.caFile, "utf8");
    const status = await new Promise<number>((resolve, reject) => {
      httpsGet(
        {
          host: "127.0.0.1",
          port: cloud.tlsPort,
          servername: "token.actions.githubusercontent.com",
          headers: { host: "token.actions.githubusercontent.com" },
          path: "/.well-known/jwks",
          ca,
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      ).on("error", reject);
    });
    expect(status).toBe(200);
  });
});

describe("request log", () => {
  it("records every proxied request with its operation, filters by host and clears", async () => {
    await adminDelete(cloud.info.adminUrl, "/requests");
    await fetchThroughProxy(cloud.info, "https://token.actions.githubusercontent.com/.well-known/openid-configuration");
    await fetchGitHubIdToken(cloud.info);
    await fetchThroughProxy(cloud.info, "https://token.actions.githubusercontent.com/.well-known/jwks");
    const all = await adminGet<RequestLogView>(cloud.info.adminUrl, "/requests");
    expect(all.requests.map(({ host, method, status, operation }) => ({ host, method, status, operation }))).toEqual([
      { host: "token.actions.githubusercontent.com", method: "GET", status: 200, operation: "GitHubOpenIdConfig" },
      { host: "pipelines.actions.githubusercontent.com", method: "GET", status: 200, operation: "GitHubIdToken" },
      { host: "token.actions.githubusercontent.com", method: "GET", status: 200, operation: "GitHubJwks" },
    ]);
    expect(all.counts).toEqual({ GitHubOpenIdConfig: 1, GitHubIdToken: 1, GitHubJwks: 1 });

    const filtered = await adminGet<RequestLogView>(cloud.info.adminUrl, "/requests?host=pipelines.actions.githubusercontent.com");
    expect(filtered.requests).toHaveLength(1);
    expect(filtered.counts).toEqual({ GitHubIdToken: 1 });

    await adminDelete(cloud.info.adminUrl, "/requests");
    expect((await adminGet<RequestLogView>(cloud.info.adminUrl, "/requests")).requests).toEqual([]);
  });
});

describe("client environment", () => {
  it("gives a child process the proxy, the CA for Node and Python, and the runner's OIDC variables", () => {
    expect(cloudEnv(cloud.info)).toEqual({
      HTTPS_PROXY: cloud.info.proxy,
      https_proxy: cloud.info.proxy,
      NO_PROXY: "",
      no_proxy: "",
      NODE_EXTRA_CA_CERTS: cloud.info.caFile,
      REQUESTS_CA_BUNDLE: cloud.info.caFile,
      ACTIONS_ID_TOKEN_REQUEST_URL: cloud.info.oidcRequestUrl,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: cloud.info.oidcRequestToken,
    });
  });

  it("is all a child Node process needs: @actions/core and the real SDK reach GitHub and Entra through HTTPS_PROXY", async () => {
    // No proxyOptions and no CA in code: exactly how the bundled action runs in the e2e tests.
    const script = [
      'import { getIDToken } from "@actions/core";',
      'import { ClientAssertionCredential } from "@azure/identity";',
      'const credential = new ClientAssertionCredential(process.env.TENANT, process.env.CLIENT, () => getIDToken("api://AzureADTokenExchange"));',
      'const token = await credential.getToken("https://vault.azure.net/.default");',
      'console.log(JSON.stringify({ aud: JSON.parse(Buffer.from(token.token.split(".")[1], "base64url").toString()).aud }));',
    ].join("\n");
    await adminDelete(cloud.info.adminUrl, "/requests");
    const { stdout } = await runNode(script, { ...cloudEnv(cloud.info), TENANT: cloud.info.tenantId, CLIENT: cloud.info.clientId });
    // @actions/core writes ::debug:: lines to stdout; the script's answer is the last line.
    const lastLine = stdout.trim().split("\n").at(-1) ?? "";
    expect(JSON.parse(lastLine)).toEqual({ aud: "https://vault.azure.net" });
    const { counts } = await adminGet<RequestLogView>(cloud.info.adminUrl, "/requests");
    expect(counts.GitHubIdToken).toBeGreaterThanOrEqual(1);
    expect(counts.EntraToken).toBe(1);
  });

  it("reaches the Key Vault service with the real SecretClient once the process trusts the CA", async () => {
    trustCloudInProcess(cloud.info);
    trustCloudInProcess(cloud.info);
    await adminDelete(cloud.info.adminUrl, "/requests");
    const credential = new ClientAssertionCredential(cloud.info.tenantId, cloud.info.clientId, () => fetchGitHubIdToken(cloud.info), {
      proxyOptions: toSdkProxyOptions(cloud.info),
    });
    const client = new SecretClient(cloud.info.vaultUrl, credential, {
      proxyOptions: toSdkProxyOptions(cloud.info),
      retryOptions: { maxRetries: 0 },
    });
    // Only a smoke test of the path: whatever the vault answers, it must come from the vault host.
    await client.getSecret("smoke-test").catch(() => undefined);
    const log = await adminGet<RequestLogView>(cloud.info.adminUrl, "/requests?host=demo-vault.vault.azure.net");
    expect(log.requests.length).toBeGreaterThan(0);
    expect(log.requests[0]).toMatchObject({
      host: "demo-vault.vault.azure.net",
      method: "GET",
      path: expect.stringMatching(/^\/secrets\/smoke-test\/?\?/),
    });
    expect(log.requests[0]?.status).not.toBe(421);
  });
});
