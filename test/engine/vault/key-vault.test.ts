/**
 * The adapter, driven through the real SDK pipeline (challenge auth, retry policy, paging) with an
 * in-memory transport in place of the network. Sleep, clock and jitter are injected, so retries
 * and pacing are checked by what they would wait, never by waiting.
 */
import { describe, expect, it } from "vitest";
import { createHttpHeaders } from "@azure/core-rest-pipeline";
import type { HttpClient, PipelineRequest, PipelineResponse } from "@azure/core-rest-pipeline";
import type { TokenCredential } from "@azure/core-auth";
import { createKeyVault, DEFAULT_WRITE_PACING } from "../../../src/engine/vault/key-vault.ts";
import type { KeyVault, KeyVaultOptions } from "../../../src/engine/vault/key-vault.ts";
import { classifyVaultError, VaultError } from "../../../src/engine/vault/vault-errors.ts";
import type { VaultFailureKind } from "../../../src/engine/vault/vault-errors.ts";
import { createWindowLimiter } from "../../../src/engine/limiter.ts";
import { SyncError } from "../../../src/engine/errors.ts";

const VAULT_URL = "https://demo-vault.vault.azure.net";
const TENANT = "11111111-2222-3333-4444-555555555555";

interface Exchange {
  method: string;
  path: string;
  body: Record<string, unknown> | undefined;
}

interface Answer {
  status: number;
  body?: unknown;
  /** Sent as is instead of `body`, for answers that are not JSON. */
  raw?: string;
  headers?: Record<string, string>;
}

type Responder = (exchange: Exchange, attempt: number) => Answer;

function kvError(status: number, code: string, message: string, innerCode?: string): Answer {
  return { status, body: { error: { code, message, ...(innerCode ? { innererror: { code: innerCode } } : {}) } } };
}

function bundle(name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: `${VAULT_URL}/secrets/${name}/0123456789abcdef0123456789abcdef`,
    attributes: { enabled: true, created: 1_767_225_600, updated: 1_767_225_600, recoveryLevel: "Recoverable+Purgeable", recoverableDays: 90 },
    ...extra,
  };
}

/** A transport that answers like Key Vault: challenge first, then whatever the test scripts. */
function createTransport(respond: Responder) {
  const exchanges: Exchange[] = [];
  const attempts = new Map<string, number>();
  let unauthenticated = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  const httpClient: HttpClient = {
    async sendRequest(request: PipelineRequest): Promise<PipelineResponse> {
      const url = new URL(request.url);
      const reply = (answer: Answer): PipelineResponse => ({
        request,
        status: answer.status,
        headers: createHttpHeaders({ "content-type": "application/json; charset=utf-8", ...answer.headers }),
        bodyAsText: answer.raw ?? (answer.body === undefined ? "" : JSON.stringify(answer.body)),
      });
      if (!request.headers.has("authorization")) {
        unauthenticated += 1;
        return reply({
          ...kvError(401, "Unauthorized", "AKV10000: Request is missing a Bearer or PoP token."),
          headers: { "www-authenticate": `Bearer authorization="https://login.microsoftonline.com/${TENANT}", resource="https://vault.azure.net"` },
        });
      }
      const text = typeof request.body === "string" ? request.body : undefined;
      const exchange: Exchange = { method: request.method, path: url.pathname, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
      exchanges.push(exchange);
      const key = `${exchange.method} ${exchange.path}`;
      const attempt = (attempts.get(key) ?? 0) + 1;
      attempts.set(key, attempt);
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((resolve) => setImmediate(resolve));
      inFlight -= 1;
      return reply(respond(exchange, attempt));
    },
  };
  return {
    httpClient,
    exchanges,
    count: (method: string, path: string) => exchanges.filter((exchange) => exchange.method === method && exchange.path === path).length,
    get unauthenticated() {
      return unauthenticated;
    },
    get maxInFlight() {
      return maxInFlight;
    },
  };
}

const credential: TokenCredential = {
  getToken: async () => ({ token: "access-token", expiresOnTimestamp: Date.now() + 3_600_000 }),
};

function createTestVault(respond: Responder, options: KeyVaultOptions = {}) {
  const transport = createTransport(respond);
  const sleeps: number[] = [];
  const logs: string[] = [];
  const vault: KeyVault = createKeyVault(VAULT_URL, credential, {
    httpClient: transport.httpClient,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    log: (message) => logs.push(message),
    writePacing: false,
    clientId: "app-client-id",
    ...options,
    retry: { transientRetries: 0, ...options.retry },
  });
  return { vault, transport, sleeps, logs };
}

async function caught(promise: Promise<unknown>): Promise<VaultError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(VaultError);
  return error as VaultError;
}

const okSet: Responder = ({ method, path, body }) => (method === "PUT" ? { status: 200, body: bundle(path.split("/")[2] ?? "", { value: body?.value }) } : kvError(404, "SecretNotFound", "not found"));

describe("createKeyVault through the SDK pipeline", () => {
  it("completes the challenge, follows pages and maps properties", async () => {
    const { vault, transport } = createTestVault(({ path }, attempt) => {
      if (path === "/secrets" && attempt === 1) {
        return {
          status: 200,
          body: {
            value: [
              { ...bundle("a"), id: `${VAULT_URL}/secrets/a`, tags: { team: "x" }, contentType: "text/plain" },
              { ...bundle("cert"), id: `${VAULT_URL}/secrets/cert`, managed: true, contentType: "application/x-pkcs12" },
            ],
            nextLink: `${VAULT_URL}:443/secrets?api-version=2026-04-01&$skiptoken=page2&maxresults=2`,
          },
        };
      }
      if (path === "/secrets") return { status: 200, body: { value: [{ id: `${VAULT_URL}/secrets/Off`, attributes: { enabled: false } }], nextLink: null } };
      return kvError(404, "SecretNotFound", "not found");
    });
    const secrets = await vault.listSecrets();
    expect(secrets.map(({ name, enabled, managed, tags, contentType, recoverableDays }) => ({ name, enabled, managed, tags, contentType, recoverableDays }))).toEqual([
      { name: "a", enabled: true, managed: false, tags: { team: "x" }, contentType: "text/plain", recoverableDays: 90 },
      { name: "cert", enabled: true, managed: true, tags: {}, contentType: "application/x-pkcs12", recoverableDays: 90 },
      { name: "Off", enabled: false, managed: false, tags: {}, contentType: undefined, recoverableDays: undefined },
    ]);
    expect(transport.unauthenticated).toBe(1);
    expect(transport.count("GET", "/secrets")).toBe(2);
  });

  it("answers 'not found' for a missing secret instead of throwing", async () => {
    const { vault } = createTestVault(() => kvError(404, "SecretNotFound", "A secret with (name/id) db was not found in this key vault."));
    await expect(vault.getSecret("db")).resolves.toEqual({ found: false });
  });

  it("answers undefined for a name that is not soft-deleted (yet)", async () => {
    const { vault } = createTestVault(() => kvError(404, "SecretNotFound", "Deleted Secret not found: db"));
    await expect(vault.getDeletedSecret("db")).resolves.toBeUndefined();
  });

  it("lets no request race the first one on a fresh client", async () => {
    const { vault, transport } = createTestVault(({ path }) =>
      path === "/secrets" ? { status: 200, body: { value: [], nextLink: null } } : { status: 200, body: bundle(path.split("/")[2] ?? "", { value: "v" }) },
    );
    await Promise.all([vault.listSecrets(), vault.getSecret("a"), vault.getSecret("b"), vault.getSecret("c")]);
    // One challenge round trip: every other request waited and reused the token.
    expect(transport.unauthenticated).toBe(1);
    expect(transport.exchanges[0]?.path).toBe("/secrets");
  });

  it("retries a 429 without Retry-After with exponential backoff until it succeeds", async () => {
    const { vault, transport, sleeps, logs } = createTestVault((exchange, attempt) =>
      attempt <= 2 ? kvError(429, "Throttled", "Request was not processed because too many requests were received.") : okSet(exchange, attempt),
    );
    await vault.setSecret("db", { value: "hunter2", contentType: undefined, tags: {}, expiresOn: undefined });
    expect(transport.count("PUT", "/secrets/db")).toBe(3);
    expect(sleeps).toEqual([1000, 2000]);
    expect(logs[0]).toMatch(/^Key Vault throttled PUT \/secrets\/db \(429, no Retry-After\); retry 1 of 5 in 1\.0 s$/);
  });

  it("honours Retry-After, gives up after 5 retries, and the SDK does not retry again on top", async () => {
    const { vault, transport, sleeps } = createTestVault(() => ({ ...kvError(429, "Throttled", "Too many requests"), headers: { "retry-after": "3" } }), {
      retry: { transientRetries: 3 },
    });
    const error = await caught(vault.setSecret("db", { value: "hunter2", contentType: undefined, tags: {}, expiresOn: undefined }));
    expect(transport.count("PUT", "/secrets/db")).toBe(6);
    expect(sleeps).toEqual([3000, 3000, 4000, 8000, 16000]);
    expect(error.failure.kind).toBe("throttled");
    expect(error.hint).toMatch(/lower the 'concurrency' input/);
  });

  it("retries a 403 by RBAC for propagation once per run, then fails fast for any call", async () => {
    const { vault, transport, sleeps } = createTestVault(() =>
      kvError(403, "Forbidden", "Caller is not authorized to perform action on resource.\r\nAction: 'Microsoft.KeyVault/vaults/secrets/setSecret/action'\r\n", "ForbiddenByRbac"),
    );
    const write = { value: "hunter2", contentType: undefined, tags: {}, expiresOn: undefined };
    const first = await caught(vault.setSecret("a", write));
    expect(transport.count("PUT", "/secrets/a")).toBe(3);
    expect(sleeps).toEqual([3000, 6000]);
    const second = await caught(vault.setSecret("b", write));
    expect(transport.count("PUT", "/secrets/b")).toBe(1);
    const read = await caught(vault.getSecret("c"));
    expect(transport.count("GET", "/secrets/c/")).toBe(1);
    expect(read.hint).toMatch(/Key Vault Secrets User/);
    expect(sleeps).toHaveLength(2);
    for (const error of [first, second, read]) {
      expect(error.failure.kind).toBe("forbidden-rbac");
      expect(error.hint).toMatch(/Key Vault Secrets (Officer|User)/);
      // Serialises the error's own fields, as a logger would.
      // eslint-disable-next-line @typescript-eslint/no-misused-spread -- see above
      expect(JSON.stringify({ ...error, message: error.message, hint: error.hint })).not.toContain("hunter2");
      expect(error.cause).toBeUndefined();
    }
  });

  it("does not retry a firewall 403", async () => {
    const { vault, transport, sleeps } = createTestVault(() => kvError(403, "Forbidden", "Client address is not authorized and caller is not a trusted service.", "ForbiddenByFirewall"));
    const error = await caught(vault.listSecrets());
    expect(error.failure.kind).toBe("forbidden-firewall");
    // The SDK's pager drops the body; the adapter keeps Key Vault's own words.
    expect(error.message).toBe("Failed to list secrets in vault 'demo-vault': Client address is not authorized and caller is not a trusted service. (403 ForbiddenByFirewall)");
    expect(transport.count("GET", "/secrets")).toBe(1);
    expect(sleeps).toEqual([]);
  });

  it("waits out a 409 'being recovered' on a write", async () => {
    const { vault, transport, sleeps } = createTestVault((exchange, attempt) =>
      attempt === 1 ? kvError(409, "Conflict", "Secret db is currently being recovered and cannot be re-created; retry later.", "ObjectIsBeingRecovered") : okSet(exchange, attempt),
    );
    await vault.setSecret("db", { value: "v", contentType: "text/plain", tags: { team: "x" }, expiresOn: new Date("2027-01-01T00:00:00Z") });
    expect(transport.count("PUT", "/secrets/db")).toBe(2);
    expect(sleeps).toEqual([500]);
    expect(transport.exchanges.at(-1)?.body).toEqual({ value: "v", contentType: "text/plain", tags: { team: "x" }, attributes: { exp: 1_798_761_600 } });
  });

  it("recovers and waits through the window in which the recovered secret still answers 404", async () => {
    let gets = 0;
    const { vault, transport, sleeps } = createTestVault(({ method, path }) => {
      if (method === "POST" && path === "/deletedsecrets/db/recover") return { status: 200, body: bundle("db") };
      if (method === "GET" && path === "/secrets/db/") {
        gets += 1;
        // 1: the SDK's probe before recovering, 2: its first poll, 3-4: our wait, 5: readable.
        return gets >= 5 ? { status: 200, body: bundle("db", { value: "v" }) } : kvError(404, "SecretNotFound", "A secret with (name/id) db was not found in this key vault.");
      }
      return kvError(400, "BadParameter", "unexpected");
    });
    await vault.recoverSecret("db");
    expect(transport.count("POST", "/deletedsecrets/db/recover")).toBe(1);
    expect(gets).toBe(5);
    expect(sleeps).toEqual([250, 500]);
  });

  it("starts a soft delete without polling until the deleted entry shows up", async () => {
    const { vault, transport, sleeps } = createTestVault(({ method, path }) => {
      if (method === "DELETE" && path === "/secrets/db") return { status: 200, body: { ...bundle("db"), recoveryId: `${VAULT_URL}/deletedsecrets/db`, deletedDate: 1_767_225_600 } };
      return kvError(404, "SecretNotFound", "Deleted Secret not found: db");
    });
    await vault.deleteSecret("db");
    expect(transport.count("DELETE", "/secrets/db")).toBe(1);
    expect(transport.exchanges.length).toBeLessThanOrEqual(2);
    expect(sleeps).toEqual([]);
  });

  it("patches properties of a given version", async () => {
    const { vault, transport } = createTestVault(({ method, path }) =>
      method === "PATCH" && path === "/secrets/db/abc" ? { status: 200, body: bundle("db", { tags: { a: "1" } }) } : kvError(404, "SecretNotFound", "x"),
    );
    const updated = await vault.updateProperties("db", "abc", { contentType: undefined, tags: { a: "1" }, expiresOn: undefined });
    expect(updated.tags).toEqual({ a: "1" });
    expect(transport.exchanges[0]?.body).toMatchObject({ tags: { a: "1" } });
  });

  it("paces writes through the token bucket", async () => {
    let clock = 0;
    const arrivals: number[] = [];
    const { vault } = createTestVault(
      (exchange, attempt) => {
        arrivals.push(clock);
        return okSet(exchange, attempt);
      },
      {
        now: () => clock,
        sleep: async (ms) => {
          clock += ms;
        },
        writePacing: { limit: 2, windowMs: 1000 },
      },
    );
    for (let i = 0; i < 6; i += 1) await vault.setSecret(`s${i}`, { value: "v", contentType: undefined, tags: {}, expiresOn: undefined });
    expect(arrivals).toEqual([0, 0, 1000, 1000, 2000, 2000]);
  });
});

describe("createWindowLimiter", () => {
  it("lets `limit` calls start at once, then each waits for the call `limit` before it plus the window", async () => {
    const waits: number[] = [];
    const limiter = createWindowLimiter({ limit: 3, windowMs: 1000, now: () => 0, sleep: async (ms) => void waits.push(ms) });
    for (let i = 0; i < 7; i += 1) await limiter.take();
    expect(waits).toEqual([1000, 1000, 1000, 2000]);
  });

  it("does not slow calls that arrive after the window has passed", async () => {
    let clock = 0;
    const waits: number[] = [];
    const limiter = createWindowLimiter({ limit: 2, windowMs: 1000, now: () => clock, sleep: async (ms) => void waits.push(ms) });
    await limiter.take();
    await limiter.take();
    clock = 1500;
    await limiter.take();
    await limiter.take();
    expect(waits).toEqual([]);
  });

  it("keeps the default pacing under 300 writes in any 10 s window, and 1000 writes within about 36 s", async () => {
    let clock = 0;
    const starts: number[] = [];
    const limiter = createWindowLimiter({ ...DEFAULT_WRITE_PACING, now: () => clock, sleep: async (ms) => void (clock += ms) });
    for (let i = 0; i < 1000; i += 1) {
      await limiter.take();
      starts.push(clock);
    }
    let worst = 0;
    for (let first = 0, last = 0; last < starts.length; last += 1) {
      while ((starts[last] as number) - (starts[first] as number) >= 10_000) first += 1;
      worst = Math.max(worst, last - first + 1);
    }
    expect(worst).toBeLessThanOrEqual(300);
    expect(worst).toBeGreaterThan(250);
    expect(starts.at(-1)).toBeLessThanOrEqual(36_000);
  });
});

describe("failure messages never quote what the SDK received", () => {
  const VALUE = "current-value-of-the-secret-Zq81x";

  it.each<[string, Answer]>([
    ["a GET answer cut short", { status: 200, raw: `{"value":"${VALUE}","id":"${VAULT_URL}/secrets/db/0123` }],
    ["a proxy's HTML error page", { status: 502, raw: `<html><body>upstream said ${VALUE}</body></html>` }],
    ["an error body that is not JSON", { status: 500, raw: `oops ${VALUE}` }],
  ])("%s", async (_case, answer) => {
    const { vault } = createTestVault(() => answer, { retry: { transientRetries: 0 } });
    const failure = await vault.getSecret("db").then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(VaultError);
    const error = failure as VaultError;
    expect(`${error.message}\n${error.hint ?? ""}\n${error.failure.message}`).not.toContain(VALUE);
    expect(error.message).toMatch(/could not be read|unexpected answer/);
  });

  it.each<[string, unknown, string, VaultFailureKind]>([
    ["a parse error", { code: "PARSE_ERROR", statusCode: 200, message: `occurred while parsing the response body - {"value":"${VALUE}` }, "Key Vault's answer could not be read (HTTP 200)", "other"],
    ["a network error", { code: "ECONNRESET", message: `socket hang up ${VALUE}` }, "the request failed (ECONNRESET)", "transient"],
    ["a timeout", Object.assign(new Error(`aborted ${VALUE}`), { name: "AbortError" }), "no answer within 60 s (request timed out)", "transient"],
    ["Key Vault's own error", { statusCode: 404, code: "SecretNotFound", message: `ignored ${VALUE}`, details: { error: { code: "SecretNotFound", message: "A secret with (name/id) db was not found in this key vault." } } }, "A secret with (name/id) db was not found in this key vault.", "not-found"],
  ])("classifies %s with a fixed or service-given text", (_case, error, message, kind) => {
    expect(classifyVaultError(error)).toMatchObject({ message, kind });
  });
});

describe("errors the action already explained", () => {
  it("passes a sign-in failure through unchanged, with its hint", async () => {
    const signIn = new SyncError("Failed to sign in to Microsoft Entra ID: subject mismatch", "Create the federated credential.");
    const failing: TokenCredential = { getToken: async () => Promise.reject(signIn) };
    const transport = createTransport(() => ({ status: 200, body: { value: [], nextLink: null } }));
    const vault = createKeyVault(VAULT_URL, failing, { httpClient: transport.httpClient, writePacing: false, retry: { transientRetries: 0 } });
    await expect(vault.listSecrets()).rejects.toBe(signIn);
  });
});

describe("403 on a read after the assignment has shown it works", () => {
  const deny = (action: string) => kvError(403, "Forbidden", `Caller is not authorized. Action: '${action}'`, "ForbiddenByRbac");

  it("fails a refused value read at once when a listing already worked (a Reader, not propagation)", async () => {
    const { vault, sleeps } = createTestVault((exchange) =>
      exchange.path === "/secrets" ? { status: 200, body: { value: [], nextLink: null } } : deny("Microsoft.KeyVault/vaults/secrets/getSecret/action"),
    );
    await vault.listSecrets();
    await expect(vault.getSecret("db")).rejects.toBeInstanceOf(VaultError);
    expect(sleeps).toEqual([]);
  });

  it("still waits for propagation on a refused write after a read worked", async () => {
    const { vault, sleeps } = createTestVault((exchange) =>
      exchange.method === "GET" ? { status: 200, body: { value: [], nextLink: null } } : deny("Microsoft.KeyVault/vaults/secrets/setSecret/action"),
    );
    await vault.listSecrets();
    await expect(vault.setSecret("db", { value: "v", contentType: undefined, tags: {}, expiresOn: undefined })).rejects.toBeInstanceOf(VaultError);
    expect(sleeps.length).toBeGreaterThan(0);
  });

  it("waits for propagation when the very first call is refused", async () => {
    const { vault, sleeps } = createTestVault(() => deny("Microsoft.KeyVault/vaults/secrets/readMetadata/action"));
    await expect(vault.listSecrets()).rejects.toBeInstanceOf(VaultError);
    expect(sleeps.length).toBeGreaterThan(0);
  });
});
