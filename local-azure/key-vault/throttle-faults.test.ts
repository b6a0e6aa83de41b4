import { describe, expect, it } from "vitest";
import { createSeededRandom } from "../seeded-random.ts";
import { decideFault } from "./faults.ts";
import { createTestVault, putSecret } from "./test-support.ts";
import { admitRequest, createThrottleState, type ThrottleSettings } from "./throttle.ts";

const THROTTLED_BODY =
  '{"error":{"code":"Throttled","message":"Request was not processed because too many requests were received. Reason: VaultRequestTypeLimitReached"}}';

function throttle(overrides: Partial<ThrottleSettings>): ThrottleSettings {
  return { enabled: true, writesPerWindow: 300, transactionsPerWindow: 4000, windowMs: 10_000, retryAfterSeconds: null, ...overrides };
}

describe("admitRequest", () => {
  it("admits everything when disabled", () => {
    const state = createThrottleState();
    for (let i = 0; i < 10; i++) expect(admitRequest(state, throttle({ enabled: false, transactionsPerWindow: 1 }), true, 0)).toBe(true);
  });

  it("sliding: frees a slot exactly windowMs after the request that took it", () => {
    const state = createThrottleState();
    const settings = throttle({ transactionsPerWindow: 2 });
    expect(admitRequest(state, settings, false, 0)).toBe(true);
    expect(admitRequest(state, settings, false, 4_000)).toBe(true);
    expect(admitRequest(state, settings, false, 9_999)).toBe(false);
    expect(admitRequest(state, settings, false, 10_000)).toBe(true);
    expect(admitRequest(state, settings, false, 13_999)).toBe(false);
    expect(admitRequest(state, settings, false, 14_000)).toBe(true);
  });

  it("fixed: resets at every multiple of windowMs", () => {
    const state = createThrottleState();
    const settings = throttle({ transactionsPerWindow: 2, mode: "fixed" });
    expect(admitRequest(state, settings, false, 9_000)).toBe(true);
    expect(admitRequest(state, settings, false, 9_500)).toBe(true);
    expect(admitRequest(state, settings, false, 9_999)).toBe(false);
    expect(admitRequest(state, settings, false, 10_000)).toBe(true);
    expect(admitRequest(state, settings, false, 10_001)).toBe(true);
    expect(admitRequest(state, settings, false, 19_999)).toBe(false);
  });

  it("limits writes separately while reads go on", () => {
    const state = createThrottleState();
    const settings = throttle({ writesPerWindow: 2, transactionsPerWindow: 10 });
    expect(admitRequest(state, settings, true, 0)).toBe(true);
    expect(admitRequest(state, settings, true, 1)).toBe(true);
    expect(admitRequest(state, settings, true, 2)).toBe(false);
    expect(admitRequest(state, settings, false, 3)).toBe(true);
  });

  it("does not count refused requests", () => {
    const state = createThrottleState();
    const settings = throttle({ transactionsPerWindow: 1 });
    expect(admitRequest(state, settings, false, 0)).toBe(true);
    for (let t = 1; t < 10_000; t += 100) expect(admitRequest(state, settings, false, t)).toBe(false);
    // Had the refusals counted, the window would still be full here.
    expect(admitRequest(state, settings, false, 10_000)).toBe(true);
  });

  it("keeps counting correctly over many windows", () => {
    const state = createThrottleState();
    const settings = throttle({ transactionsPerWindow: 300, windowMs: 1_000 });
    let admitted = 0;
    for (let t = 0; t < 20_000; t++) if (admitRequest(state, settings, false, t)) admitted++;
    expect(admitted).toBe(300 * 20);
  });
});

describe("throttled vault", () => {
  it("answers 429 Throttled without Retry-After by default, counting only SetSecret as a write", async () => {
    const vault = createTestVault({ throttle: { enabled: true, writesPerWindow: 3, transactionsPerWindow: 100 } });
    for (let i = 0; i < 3; i++) await putSecret(vault, `s${i}`);
    const refused = await vault.send("PUT", "/secrets/s3", { body: { value: "v" } });
    expect(refused.status).toBe(429);
    expect(refused.operation).toBe("SetSecret");
    expect(refused.body).toBe(THROTTLED_BODY);
    expect(refused.headers).not.toHaveProperty("Retry-After");
    expect((await vault.send("GET", "/secrets/s0/")).status).toBe(200);
    expect(
      (await vault.send("PATCH", `/secrets/s0/${(await vault.send("GET", "/secrets/s0/")).json.id.split("/").pop()}`, { body: {} })).status,
    ).toBe(200);
    expect((await vault.admin("GET", "/vaults/demo-vault/secrets")).json.secrets).toHaveLength(3);
    vault.clock.advance(10_000);
    expect((await vault.send("PUT", "/secrets/s3", { body: { value: "v" } })).status).toBe(200);
  });

  it("sends Retry-After when retryAfterSeconds is a number", async () => {
    const vault = createTestVault({ throttle: { enabled: true, transactionsPerWindow: 1, retryAfterSeconds: 2 } });
    await vault.send("GET", "/secrets");
    const refused = await vault.send("GET", "/secrets");
    expect(refused.status).toBe(429);
    expect(refused.headers?.["Retry-After"]).toBe("2");
    expect(refused.body).toBe(THROTTLED_BODY);
  });

  it("counts every operation as a transaction", async () => {
    const vault = createTestVault({ throttle: { enabled: true, transactionsPerWindow: 3 } });
    await putSecret(vault, "a");
    expect((await vault.send("GET", "/secrets/a/")).status).toBe(200);
    expect((await vault.send("GET", "/secrets/missing/")).status).toBe(404);
    expect((await vault.send("GET", "/secrets")).status).toBe(429);
  });

  it("does not count the unauthenticated challenge", async () => {
    const vault = createTestVault({ throttle: { enabled: true, transactionsPerWindow: 1 } });
    expect((await vault.send("GET", "/secrets", { as: null })).status).toBe(401);
    expect((await vault.send("GET", "/secrets")).status).toBe(200);
  });
});

describe("faults", () => {
  it("repeats the same fault sequence for the same seed", () => {
    const sequence = (seed: number) => {
      const random = createSeededRandom(seed);
      return Array.from(
        { length: 50 },
        () =>
          decideFault(
            { serverErrorRate: 0.3, serverErrorStatus: 503, dropRate: 0.1, latencyMs: 0, deleteDelayMs: 0, recoverDelayMs: 0 },
            random,
          ).kind,
      );
    };
    expect(sequence(7)).toEqual(sequence(7));
    expect(sequence(7)).not.toEqual(sequence(8));
  });

  it("injects about the configured share of faults", () => {
    const random = createSeededRandom(1);
    const faults = { serverErrorRate: 0.25, serverErrorStatus: 500, dropRate: 0, latencyMs: 0, deleteDelayMs: 0, recoverDelayMs: 0 };
    let errors = 0;
    for (let i = 0; i < 10_000; i++) if (decideFault(faults, random).kind === "server-error") errors++;
    expect(errors).toBeGreaterThan(2_300);
    expect(errors).toBeLessThan(2_700);
  });

  it("answers with serverErrorStatus and a JSON body, before the challenge", async () => {
    const vault = createTestVault({ faults: { serverErrorRate: 1, serverErrorStatus: 503 } });
    const response = await vault.send("PUT", "/secrets/x", { as: null, body: { value: "v" } });
    expect(response.status).toBe(503);
    expect(response.operation).toBe("SetSecret");
    expect(response.json).toEqual({ error: { code: "ServiceUnavailable", message: expect.any(String) } });
  });

  it("drops the connection for dropRate 1", async () => {
    const vault = createTestVault({ faults: { dropRate: 1 } });
    const response = await vault.send("GET", "/secrets");
    expect(response.destroy).toBe(true);
    expect(response.operation).toBe("GetSecrets");
  });

  it("fails the same requests in two vaults with the same seed", async () => {
    const statuses = async () => {
      const vault = createTestVault({ faults: { serverErrorRate: 0.5, seed: 42 } });
      const seen: number[] = [];
      for (let i = 0; i < 20; i++) seen.push((await vault.send("GET", "/secrets")).status);
      return seen;
    };
    const first = await statuses();
    expect(first).toContain(503);
    expect(first).toContain(200);
    expect(await statuses()).toEqual(first);
  });

  it("restarts the sequence when faults are reconfigured", async () => {
    const vault = createTestVault({ faults: { serverErrorRate: 0.5, seed: 9 } });
    const run = async () => {
      const seen: number[] = [];
      for (let i = 0; i < 10; i++) seen.push((await vault.send("GET", "/secrets")).status);
      return seen;
    };
    const first = await run();
    await vault.admin("PATCH", "/vaults/demo-vault", { faults: { seed: 9 } });
    expect(await run()).toEqual(first);
  });

  it("stores a write and then drops its answer for dropAfterWriteRate 1", async () => {
    const vault = createTestVault({ faults: { dropAfterWriteRate: 1 } });
    const put = await vault.send("PUT", "/secrets/cut", { body: { value: "stored-anyway" } });
    expect(put).toMatchObject({ destroy: true, operation: "SetSecret" });
    expect(put.body).toBeUndefined();
    const stored = await vault.admin("GET", "/vaults/demo-vault/secrets/cut");
    expect(stored.json.versions.map((version: { value: string }) => version.value)).toEqual(["stored-anyway"]);
    // Reads are answered: only what changes the vault loses its answer.
    const get = await vault.send("GET", "/secrets/cut");
    expect(get.status).toBe(200);
    expect(get.destroy).toBeUndefined();
  });

  it("drops answers after a write, a PATCH, a delete and a recovery, all carried out", async () => {
    const vault = createTestVault({ faults: { dropAfterWriteRate: 1 } });
    await vault.send("PUT", "/secrets/cut", { body: { value: "v" } });
    const version = (await vault.send("GET", "/secrets/cut")).json.id.split("/").at(-1);
    expect((await vault.send("PATCH", `/secrets/cut/${version}`, { body: { tags: { a: "1" } } })).destroy).toBe(true);
    expect((await vault.send("GET", "/secrets/cut")).json.tags).toEqual({ a: "1" });
    expect((await vault.send("DELETE", "/secrets/cut")).destroy).toBe(true);
    expect((await vault.send("GET", "/secrets/cut")).status).toBe(404);
    expect((await vault.send("POST", "/deletedsecrets/cut/recover")).destroy).toBe(true);
    expect((await vault.send("GET", "/secrets/cut")).status).toBe(200);
  });

  it("draws the after-write fault only for changing requests", () => {
    const faults = {
      serverErrorRate: 0,
      serverErrorStatus: 503,
      dropRate: 0,
      dropAfterWriteRate: 0.5,
      latencyMs: 0,
      deleteDelayMs: 0,
      recoverDelayMs: 0,
    };
    let draws = 0;
    const random = () => {
      draws += 1;
      return 0.9;
    };
    expect(decideFault(faults, random, "GET").kind).toBe("none");
    expect(draws).toBe(0);
    const cut = decideFault(faults, () => 0.1, "PUT");
    expect(cut.kind).toBe("drop-after-write");
  });

  it("waits latencyMs through the injected sleep on every request", async () => {
    const vault = createTestVault({ faults: { latencyMs: 250 } });
    await vault.send("GET", "/secrets", { as: null });
    await vault.send("GET", "/secrets");
    expect(vault.sleeps).toEqual([250, 250]);
  });
});
