import { describe, expect, it } from "vitest";
import { VAULT_URL, kvError, bundle, createTestVault, caught, okSet } from "./key-vault-fixtures.ts";

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
      if (path === "/secrets")
        return { status: 200, body: { value: [{ id: `${VAULT_URL}/secrets/Off`, attributes: { enabled: false } }], nextLink: null } };
      return kvError(404, "SecretNotFound", "not found");
    });
    const secrets = await vault.listSecrets();
    expect(
      secrets.map(({ name, enabled, managed, tags, contentType, recoverableDays }) => ({
        name,
        enabled,
        managed,
        tags,
        contentType,
        recoverableDays,
      })),
    ).toEqual([
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
      path === "/secrets"
        ? { status: 200, body: { value: [], nextLink: null } }
        : { status: 200, body: bundle(path.split("/")[2] ?? "", { value: "v" }) },
    );
    await Promise.all([vault.listSecrets(), vault.getSecret("a"), vault.getSecret("b"), vault.getSecret("c")]);
    // One challenge round trip: every other request waited and reused the token.
    expect(transport.unauthenticated).toBe(1);
    expect(transport.exchanges[0]?.path).toBe("/secrets");
  });

  it("retries a 429 without Retry-After with exponential backoff until it succeeds", async () => {
    const { vault, transport, sleeps, logs } = createTestVault((exchange, attempt) =>
      attempt <= 2
        ? kvError(429, "Throttled", "Request was not processed because too many requests were received.")
        : okSet(exchange, attempt),
    );
    await vault.setSecret("db", { value: "hunter2", contentType: undefined, tags: {}, expiresOn: undefined });
    expect(transport.count("PUT", "/secrets/db")).toBe(3);
    expect(sleeps).toEqual([1000, 2000]);
    expect(logs[0]).toMatch(/^Key Vault throttled PUT \/secrets\/db \(429, no Retry-After\); retry 1 of 5 in 1\.0 s$/);
  });

  it("honours Retry-After, gives up after 5 retries, and the SDK does not retry again on top", async () => {
    const { vault, transport, sleeps } = createTestVault(
      () => ({ ...kvError(429, "Throttled", "Too many requests"), headers: { "retry-after": "3" } }),
      {
        retry: { transientRetries: 3 },
      },
    );
    const error = await caught(vault.setSecret("db", { value: "hunter2", contentType: undefined, tags: {}, expiresOn: undefined }));
    expect(transport.count("PUT", "/secrets/db")).toBe(6);
    expect(sleeps).toEqual([3000, 3000, 4000, 8000, 16000]);
    expect(error.failure.kind).toBe("throttled");
    expect(error.hint).toMatch(/lower the 'concurrency' input/);
  });

  it("retries a 403 by RBAC for propagation once per run, then fails fast for any call", async () => {
    const { vault, transport, sleeps } = createTestVault(() =>
      kvError(
        403,
        "Forbidden",
        "Caller is not authorized to perform action on resource.\r\nAction: 'Microsoft.KeyVault/vaults/secrets/setSecret/action'\r\n",
        "ForbiddenByRbac",
      ),
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
    const { vault, transport, sleeps } = createTestVault(() =>
      kvError(403, "Forbidden", "Client address is not authorized and caller is not a trusted service.", "ForbiddenByFirewall"),
    );
    const error = await caught(vault.listSecrets());
    expect(error.failure.kind).toBe("forbidden-firewall");
    // The SDK's pager drops the body; the adapter keeps Key Vault's own words.
    expect(error.message).toBe(
      "Failed to list secrets in vault 'demo-vault': Client address is not authorized and caller is not a trusted service. (403 ForbiddenByFirewall)",
    );
    expect(transport.count("GET", "/secrets")).toBe(1);
    expect(sleeps).toEqual([]);
  });

  it("waits out a 409 'being recovered' on a write", async () => {
    const { vault, transport, sleeps } = createTestVault((exchange, attempt) =>
      attempt === 1
        ? kvError(
            409,
            "Conflict",
            "Secret db is currently being recovered and cannot be re-created; retry later.",
            "ObjectIsBeingRecovered",
          )
        : okSet(exchange, attempt),
    );
    await vault.setSecret("db", {
      value: "v",
      contentType: "text/plain",
      tags: { team: "x" },
      expiresOn: new Date("2027-01-01T00:00:00Z"),
    });
    expect(transport.count("PUT", "/secrets/db")).toBe(2);
    expect(sleeps).toEqual([500]);
    expect(transport.exchanges.at(-1)?.body).toEqual({
      value: "v",
      contentType: "text/plain",
      tags: { team: "x" },
      attributes: { exp: 1_798_761_600 },
    });
  });

  it("recovers and waits through the window in which the recovered secret still answers 404", async () => {
    let gets = 0;
    const { vault, transport, sleeps } = createTestVault(({ method, path }) => {
      if (method === "POST" && path === "/deletedsecrets/db/recover") return { status: 200, body: bundle("db") };
      if (method === "GET" && path === "/secrets/db/") {
        gets += 1;
        // 1: the SDK's probe before recovering, 2: its first poll, 3-4: our wait, 5: readable.
        return gets >= 5
          ? { status: 200, body: bundle("db", { value: "v" }) }
          : kvError(404, "SecretNotFound", "A secret with (name/id) db was not found in this key vault.");
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
      if (method === "DELETE" && path === "/secrets/db")
        return { status: 200, body: { ...bundle("db"), recoveryId: `${VAULT_URL}/deletedsecrets/db`, deletedDate: 1_767_225_600 } };
      return kvError(404, "SecretNotFound", "Deleted Secret not found: db");
    });
    await vault.deleteSecret("db");
    expect(transport.count("DELETE", "/secrets/db")).toBe(1);
    expect(transport.exchanges.length).toBeLessThanOrEqual(2);
    expect(sleeps).toEqual([]);
  });

  it("patches properties of a given version", async () => {
    const { vault, transport } = createTestVault(({ method, path }) =>
      method === "PATCH" && path === "/secrets/db/abc"
        ? { status: 200, body: bundle("db", { tags: { a: "1" } }) }
        : kvError(404, "SecretNotFound", "x"),
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
