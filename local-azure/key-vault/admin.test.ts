import { describe, expect, it } from "vitest";
import { createTestVault, putSecret } from "./test-support.ts";

describe("admin: vaults", () => {
  it("lists vaults with their settings", async () => {
    const vault = createTestVault();
    const response = await vault.admin("GET", "/vaults");
    expect(response.status).toBe(200);
    expect(response.json.vaults.map((settings: any) => settings.name)).toEqual(["demo-vault"]);
  });

  it("creates a vault from defaults (201), serves it, and replaces it empty (200)", async () => {
    const vault = createTestVault();
    const created = await vault.admin("PUT", "/vaults/Other-Vault", { purgeProtection: true, throttle: { enabled: true } });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      name: "other-vault",
      cloud: "public",
      accessModel: "rbac",
      roles: [],
      purgeProtection: true,
      recoverableDays: 90,
      throttle: { enabled: true, writesPerWindow: 300, transactionsPerWindow: 4000, windowMs: 10_000, retryAfterSeconds: null },
    });
    await vault.admin("PATCH", "/vaults/other-vault", {
      roles: [{ principal: "00000000-0000-0000-0000-00000000a001", role: "Key Vault Secrets Officer" }],
    });
    const host = "other-vault.vault.azure.net";
    expect((await vault.send("PUT", "/secrets/x", { host, body: { value: "v" } })).status).toBe(200);
    expect((await vault.send("GET", "/secrets/x/", { host })).json.attributes.recoveryLevel).toBe("Recoverable");

    const replaced = await vault.admin("PUT", "/vaults/other-vault", {});
    expect(replaced.status).toBe(200);
    expect((await vault.admin("GET", "/vaults/other-vault/secrets")).json.secrets).toEqual([]);
  });

  it("rejects unknown fields, bad values and a name mismatch with 400", async () => {
    const vault = createTestVault();
    expect((await vault.admin("PUT", "/vaults/x-vault", { colour: "blue" })).status).toBe(400);
    expect((await vault.admin("PATCH", "/vaults/demo-vault", { recoverableDays: 3 })).status).toBe(400);
    expect((await vault.admin("PATCH", "/vaults/demo-vault", { roles: [{ principal: "p", role: "Owner" }] })).status).toBe(400);
    expect((await vault.admin("PUT", "/vaults/x-vault", { name: "y-vault" })).status).toBe(400);
    expect((await vault.admin("PUT", "/vaults/a_b", {})).status).toBe(400);
  });

  it("patches settings by merging objects and replacing arrays", async () => {
    const vault = createTestVault({ throttle: { enabled: true, writesPerWindow: 5 } });
    const patched = await vault.admin("PATCH", "/vaults/demo-vault", { throttle: { retryAfterSeconds: 3 }, firewall: true });
    expect(patched.status).toBe(200);
    expect(patched.json.throttle).toMatchObject({ enabled: true, writesPerWindow: 5, retryAfterSeconds: 3 });
    expect(patched.json.firewall).toBe(true);
    expect((await vault.send("GET", "/secrets")).json.error.innererror.code).toBe("ForbiddenByFirewall");
  });

  it("deletes a vault, after which its host answers 404", async () => {
    const vault = createTestVault();
    expect((await vault.admin("DELETE", "/vaults/demo-vault")).status).toBe(204);
    expect((await vault.send("GET", "/secrets")).status).toBe(404);
    expect((await vault.admin("GET", "/vaults/demo-vault")).status).toBe(404);
  });
});

describe("admin: secrets", () => {
  it("shows everything the data plane wrote, deleted secrets and values included", async () => {
    const vault = createTestVault();
    await putSecret(vault, "b-live", { value: "one", tags: { t: "1" }, contentType: "text/plain" });
    await putSecret(vault, "b-live", { value: "two", attributes: { enabled: false } });
    await putSecret(vault, "a-dead", { value: "gone" });
    await vault.send("DELETE", "/secrets/a-dead");
    const secrets = (await vault.admin("GET", "/vaults/demo-vault/secrets")).json.secrets;
    const now = Math.floor(vault.clock.now() / 1000);
    expect(secrets).toEqual([
      {
        name: "a-dead",
        state: "deleted",
        managed: false,
        deletedDate: now,
        scheduledPurgeDate: now + 90 * 86_400,
        versions: [{ version: expect.stringMatching(/^[0-9a-f]{32}$/), value: "gone", enabled: true, created: now, updated: now }],
      },
      {
        name: "b-live",
        state: "active",
        managed: false,
        versions: [
          expect.objectContaining({ value: "one", tags: { t: "1" }, contentType: "text/plain", enabled: true }),
          expect.objectContaining({ value: "two", enabled: false }),
        ],
      },
    ]);
  });

  it("seeds versions with chosen ids, times and attributes that the data plane then serves", async () => {
    const vault = createTestVault();
    const version = "0123456789abcdef0123456789abcdef";
    const seeded = await vault.admin("PUT", "/vaults/demo-vault/secrets/Hand-Edited", {
      value: "old",
      tags: { "managed-by": "someone-else" },
      created: 1_600_000_000,
      updated: 1_650_000_000,
      version,
    });
    expect(seeded.status).toBe(200);
    expect(seeded.json).toMatchObject({
      name: "Hand-Edited",
      state: "active",
      versions: [{ version, created: 1_600_000_000, updated: 1_650_000_000 }],
    });
    const got = (await vault.send("GET", "/secrets/hand-edited/")).json;
    expect(got).toEqual({
      value: "old",
      id: `https://demo-vault.vault.azure.net/secrets/Hand-Edited/${version}`,
      attributes: {
        enabled: true,
        created: 1_600_000_000,
        updated: 1_650_000_000,
        recoveryLevel: "Recoverable+Purgeable",
        recoverableDays: 90,
      },
      tags: { "managed-by": "someone-else" },
    });
    expect((await vault.admin("PUT", "/vaults/demo-vault/secrets/hand-edited", { value: "x", version })).status).toBe(409);
  });

  it("seeds a disabled secret", async () => {
    const vault = createTestVault();
    await vault.admin("PUT", "/vaults/demo-vault/secrets/off", { value: "v", enabled: false });
    expect((await vault.send("GET", "/secrets/off/")).json.error.innererror.code).toBe("SecretDisabled");
  });

  it("soft-deletes (visible at once, even with a delete window) and purges", async () => {
    const vault = createTestVault({ faults: { deleteDelayMs: 60_000 } });
    await putSecret(vault, "x");
    expect((await vault.admin("DELETE", "/vaults/demo-vault/secrets/x")).status).toBe(204);
    expect((await vault.send("GET", "/deletedsecrets/x")).status).toBe(200);
    expect((await vault.admin("PUT", "/vaults/demo-vault/secrets/x", { value: "v" })).status).toBe(409);
    expect((await vault.admin("DELETE", "/vaults/demo-vault/secrets/x?purge=true")).status).toBe(204);
    expect((await vault.admin("GET", "/vaults/demo-vault/secrets/x")).status).toBe(404);
    expect((await vault.admin("DELETE", "/vaults/demo-vault/secrets/x")).status).toBe(404);
  });

  it("rejects a bad seed body and a bad secret name", async () => {
    const vault = createTestVault();
    expect((await vault.admin("PUT", "/vaults/demo-vault/secrets/x", { tags: {} })).status).toBe(400);
    expect((await vault.admin("PUT", "/vaults/demo-vault/secrets/x", { value: "v", version: "XYZ" })).status).toBe(400);
    expect((await vault.admin("PUT", "/vaults/demo-vault/secrets/bad_name", { value: "v" })).status).toBe(400);
    expect((await vault.admin("GET", "/vaults/nope-vault/secrets")).status).toBe(404);
  });
});

describe("scale", () => {
  it("lists 5,000 secrets in order through 200 pages", async () => {
    const vault = createTestVault();
    const names = Array.from({ length: 5_000 }, (_, i) => `bulk-${String(i).padStart(5, "0")}`);
    for (const name of [...names].reverse()) await putSecret(vault, name, { value: name });
    const seen: string[] = [];
    let path: string | null = "/secrets";
    let pages = 0;
    while (path !== null) {
      const response = await vault.send("GET", path, { apiVersion: pages === 0 ? "2026-04-01" : null });
      pages++;
      seen.push(...response.json.value.map((item: any) => item.id.split("/").pop()));
      const next: string | null = response.json.nextLink;
      path = next === null ? null : `${new URL(next).pathname}${new URL(next).search}`;
    }
    expect(pages).toBe(200);
    expect(seen).toEqual(names);
  });
});
