/**
 * Pacing of every request (reads included) under Key Vault's transaction limit, through the real
 * SDK pipeline with an in-memory transport and an injected clock: checked by what it would wait.
 */
import { describe, expect, it } from "vitest";
import { createHttpHeaders } from "@azure/core-rest-pipeline";
import type { HttpClient, PipelineRequest, PipelineResponse } from "@azure/core-rest-pipeline";
import type { TokenCredential } from "@azure/core-auth";
import { createKeyVault } from "../src/key-vault.ts";
import { DEFAULT_TRANSACTION_PACING, DEFAULT_WRITE_PACING } from "../src/pacing.ts";

const VAULT_URL = "https://pace-vault.vault.azure.net";
const credential: TokenCredential = { getToken: async () => ({ token: "access-token", expiresOnTimestamp: Date.now() + 3_600_000 }) };

/** Answers the challenge, then 404 to every read: enough to count when requests reach the wire. */
function createTransport(now: () => number) {
  const arrivals: Array<{ at: number; authenticated: boolean }> = [];
  const httpClient: HttpClient = {
    async sendRequest(request: PipelineRequest): Promise<PipelineResponse> {
      const authenticated = request.headers.has("authorization");
      arrivals.push({ at: now(), authenticated });
      const headers = createHttpHeaders({ "content-type": "application/json" });
      if (!authenticated) {
        headers.set("www-authenticate", 'Bearer authorization="https://login.microsoftonline.com/t", resource="https://vault.azure.net"');
        return { request, status: 401, headers, bodyAsText: JSON.stringify({ error: { code: "Unauthorized", message: "no token" } }) };
      }
      return { request, status: 404, headers, bodyAsText: JSON.stringify({ error: { code: "SecretNotFound", message: "not found" } }) };
    },
  };
  return { httpClient, arrivals };
}

describe("transaction pacing", () => {
  it("lets `limit` requests reach the wire per window, the challenge included, reads too", async () => {
    let clock = 0;
    const transport = createTransport(() => clock);
    const vault = createKeyVault(VAULT_URL, credential, {
      httpClient: transport.httpClient,
      now: () => clock,
      sleep: async (ms) => void (clock += ms),
      transactionPacing: { limit: 3, windowMs: 1000 },
    });
    for (let index = 0; index < 5; index += 1) expect(await vault.getSecret(`s${index}`)).toEqual({ found: false });
    // The challenge (401) and its retry, then one request per read: 6 requests, 3 per window.
    expect(transport.arrivals.map((arrival) => arrival.at)).toEqual([0, 0, 0, 1000, 1000, 1000]);
  });

  it("can be switched off", async () => {
    let clock = 0;
    const transport = createTransport(() => clock);
    const vault = createKeyVault(VAULT_URL, credential, { httpClient: transport.httpClient, now: () => clock, sleep: async (ms) => void (clock += ms), transactionPacing: false });
    for (let index = 0; index < 5; index += 1) await vault.getSecret(`s${index}`);
    expect(new Set(transport.arrivals.map((arrival) => arrival.at))).toEqual(new Set([0]));
  });

  it("defaults to Key Vault's limits, with a window slightly longer than its 10 s", () => {
    expect(DEFAULT_TRANSACTION_PACING.limit).toBe(4000);
    expect(DEFAULT_WRITE_PACING.limit).toBe(300);
    for (const pacing of [DEFAULT_TRANSACTION_PACING, DEFAULT_WRITE_PACING]) {
      expect(pacing.windowMs).toBeGreaterThan(10_000);
      expect(pacing.windowMs).toBeLessThanOrEqual(10_300);
    }
  });
});
