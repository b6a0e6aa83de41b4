/**
 * A proxy that refuses the tunnel answers the CONNECT itself, with no Key Vault error body; check
 * must name the proxy, not a missing role. Runs the real adapter through a real (refusing) proxy.
 */
import { createServer } from "node:net";
import type { AddressInfo, Server } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { explainVaultFailure } from "../../../src/engine/check/reach.ts";
import { createKeyVault } from "../../../src/engine/vault/key-vault.ts";
import { VaultError } from "../../../src/engine/vault/vault-errors.ts";

let proxy: Server;
let savedProxy: string | undefined;

beforeAll(async () => {
  proxy = createServer((socket) => {
    socket.once("data", () =>
      socket.end("HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\nContent-Length: 17\r\n\r\nblocked by policy"),
    );
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  savedProxy = process.env["HTTPS_PROXY"];
  process.env["HTTPS_PROXY"] = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});

afterAll(async () => {
  if (savedProxy === undefined) delete process.env["HTTPS_PROXY"];
  else process.env["HTTPS_PROXY"] = savedProxy;
  await new Promise<void>((resolve) => proxy.close(() => resolve()));
});

describe("a proxy that refuses the tunnel", () => {
  it("is reported as the proxy, with its status, not as a missing role", async () => {
    const credential = { getToken: async () => ({ token: "not-used", expiresOnTimestamp: Date.now() + 60_000 }) };
    const vault = createKeyVault("https://kv.vault.azure.net", credential, { retry: { transientRetries: 0, forbiddenDelaysMs: [] } });
    const error = await vault.listSecrets().then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(VaultError);
    const finding = explainVaultFailure((error as VaultError).failure, (error as VaultError).hint, {
      vaultName: "kv",
      vaultHost: "kv.vault.azure.net",
    });
    expect(finding.code).toBe("network-proxy");
    expect(finding.message).toContain("403");
    expect(finding.fix).toMatch(/HTTPS_PROXY/);
  });
});
