/**
 * Pacing of every request (reads included) under Key Vault's transaction limit, through the real
 * SDK pipeline with an in-memory transport and an injected clock: checked by what it would wait.
 */
import { describe, expect, it } from "vitest";
import { createHttpHeaders } from "@azure/core-rest-pipeline";
import type { HttpClient, PipelineRequest, PipelineResponse } from "@azure/core-rest-pipeline";
import type { TokenCredential } from "@azure/core-auth";
import { createKeyVault } from "../../../src/engine/vault/key-vault.ts";
import { DEFAULT_TRANSACTION_PACING, DEFAULT_WRITE_PACING, createAnsweredWindowLimiter } from "../../../src/engine/vault/pacing.ts";

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
    const vault = createKeyVault(VAULT_URL, credential, {
      httpClient: transport.httpClient,
      now: () => clock,
      sleep: async (ms) => void (clock += ms),
      transactionPacing: false,
    });
    for (let index = 0; index < 5; index += 1) await vault.getSecret(`s${index}`);
    expect(new Set(transport.arrivals.map((arrival) => arrival.at))).toEqual(new Set([0]));
  });

  it("defaults to Key Vault's limits", () => {
    expect(DEFAULT_TRANSACTION_PACING).toEqual({ limit: 4000, windowMs: 10_000 });
    expect(DEFAULT_WRITE_PACING).toEqual({ limit: 300, windowMs: 10_000 });
  });
});

describe("createAnsweredWindowLimiter", () => {
  it("starts request n a window after request n - limit was answered, however late that was", async () => {
    let clock = 0;
    const limiter = createAnsweredWindowLimiter({ limit: 2, windowMs: 1000, now: () => clock, sleep: async (ms) => void (clock += ms) });
    const starts: number[] = [];
    const first = await limiter.acquire();
    starts.push(clock);
    const second = await limiter.acquire();
    starts.push(clock);
    clock = 300;
    first(); // answered at 300: the service counted it at some moment before that
    clock = 50_000;
    second(); // answered very late
    clock = 400;
    const third = limiter.acquire().then((release) => (starts.push(clock), release));
    const released = await third;
    released();
    expect(starts).toEqual([0, 0, 1300]);
    const fourth = await limiter.acquire();
    fourth();
    expect(clock).toBe(51_000);
  });

  it("never lets more than `limit` requests be sent in any window of the service's clock", async () => {
    // Requests take a varying time to reach the service and be answered; the service counts
    // each on arrival. Whatever the delays, no window of 1,000 holds more than 3 arrivals.
    let clock = 0;
    const limiter = createAnsweredWindowLimiter({ limit: 3, windowMs: 1000, now: () => clock, sleep: async (ms) => void (clock += ms) });
    const arrivals: number[] = [];
    const delays = [5, 400, 20, 350, 1, 90, 700, 3, 60, 250, 10, 500];
    for (const [index, delay] of delays.entries()) {
      const release = await limiter.acquire();
      const arrival = clock + delay;
      arrivals.push(arrival);
      clock = arrival + (index % 2 === 0 ? 5 : 200);
      release();
    }
    for (const arrival of arrivals)
      expect(arrivals.filter((other) => other > arrival - 1000 && other <= arrival).length).toBeLessThanOrEqual(3);
  });
});
