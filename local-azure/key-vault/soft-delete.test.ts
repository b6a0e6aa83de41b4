import { describe, expect, it } from "vitest";
import { createTestVault, putSecret } from "./test-support.ts";

const BASE = "https://demo-vault.vault.azure.net";

describe("soft delete lifecycle", () => {
  it("deletes all versions: 200 DeletedSecretBundle without value", async () => {
    const vault = createTestVault();
    await putSecret(vault, "doomed", { value: "one" });
    const latest = await putSecret(vault, "doomed", { value: "two", tags: { t: "1" } });
    const response = await vault.send("DELETE", "/secrets/doomed");
    expect(response.status).toBe(200);
    expect(response.operation).toBe("DeleteSecret");
    const deletedDate = Math.floor(vault.clock.now() / 1000);
    expect(response.json).toEqual({
      recoveryId: `${BASE}/deletedsecrets/doomed`,
      deletedDate,
      scheduledPurgeDate: deletedDate + 7_776_000,
      id: latest.id,
      attributes: latest.attributes,
      tags: { t: "1" },
    });
    expect(Object.keys(response.json).slice(0, 3)).toEqual(["recoveryId", "deletedDate", "scheduledPurgeDate"]);
    expect((await vault.send("GET", "/secrets/doomed/")).status).toBe(404);
    expect((await vault.send("GET", "/secrets/doomed/versions")).json.value).toEqual([]);
    const deleted = await vault.send("GET", "/deletedsecrets/doomed");
    expect(deleted.status).toBe(200);
    expect(deleted.operation).toBe("GetDeletedSecret");
    expect(deleted.json).toEqual(response.json);
  });

  it("refuses PUT on a deleted name with 409 ObjectIsDeletedButRecoverable", async () => {
    const vault = createTestVault();
    await putSecret(vault, "Reused");
    await vault.send("DELETE", "/secrets/Reused");
    const response = await vault.send("PUT", "/secrets/reused", { body: { value: "again" } });
    expect(response.status).toBe(409);
    expect(response.body).toBe(
      '{"error":{"code":"Conflict","message":"Secret reused is currently in a deleted but recoverable state, and its name cannot be reused; in this state, the secret can only be recovered or purged.","innererror":{"code":"ObjectIsDeletedButRecoverable"}}}',
    );
  });

  it("recovers all versions: 200 SecretBundle without value, then readable again", async () => {
    const vault = createTestVault();
    const first = await putSecret(vault, "back", { value: "one" });
    const latest = await putSecret(vault, "back", { value: "two" });
    await vault.send("DELETE", "/secrets/back");
    const response = await vault.send("POST", "/deletedsecrets/back/recover");
    expect(response.status).toBe(200);
    expect(response.operation).toBe("RecoverDeletedSecret");
    expect(response.json).toEqual({ id: latest.id, attributes: latest.attributes });
    expect((await vault.send("GET", "/secrets/back/")).json.value).toBe("two");
    expect((await vault.send("GET", `/secrets/back/${first.id.split("/").pop()}`)).json.value).toBe("one");
    expect((await vault.send("GET", "/deletedsecrets/back")).status).toBe(404);
  });

  it("purges: 204 with no body and no Content-Type, then the name is free", async () => {
    const vault = createTestVault();
    await putSecret(vault, "gone");
    await vault.send("DELETE", "/secrets/gone");
    const response = await vault.send("DELETE", "/deletedsecrets/gone");
    expect(response.status).toBe(204);
    expect(response.operation).toBe("PurgeDeletedSecret");
    expect(response.body).toBeUndefined();
    expect(response.headers).not.toHaveProperty("Content-Type");
    expect((await vault.send("GET", "/deletedsecrets/gone")).status).toBe(404);
    expect((await vault.send("PUT", "/secrets/gone", { body: { value: "new" } })).status).toBe(200);
  });

  it.each([
    ["POST", "/deletedsecrets/never/recover"],
    ["GET", "/deletedsecrets/never"],
    ["DELETE", "/deletedsecrets/never"],
    ["DELETE", "/secrets/never"],
    ["POST", "/secrets/never/backup"],
  ])("%s %s for a name that never existed → 404 with the long message", async (method, path) => {
    const vault = createTestVault();
    const response = await vault.send(method, path);
    expect(response.status).toBe(404);
    expect(response.json.error.code).toBe("SecretNotFound");
    expect(response.json.error.message).toMatch(
      /^A secret with \(name\/id\) never was not found in this key vault\. If you recently deleted/,
    );
  });

  it("purges a deleted secret by itself once its scheduled purge date has passed", async () => {
    const vault = createTestVault({ recoverableDays: 7 });
    await putSecret(vault, "expiring");
    await vault.send("DELETE", "/secrets/expiring");
    vault.clock.advance(7 * 86_400_000 - 1_000);
    expect((await vault.send("GET", "/deletedsecrets/expiring")).status).toBe(200);
    vault.clock.advance(1_000);
    expect((await vault.send("GET", "/deletedsecrets")).json.value).toEqual([]);
    expect((await vault.send("GET", "/deletedsecrets/expiring")).status).toBe(404);
    expect((await vault.send("PUT", "/secrets/expiring", { body: { value: "v" } })).status).toBe(200);
  });
});

describe("recovery level and purge protection", () => {
  it.each([
    [90, false, "Recoverable+Purgeable"],
    [90, true, "Recoverable"],
    [7, false, "CustomizedRecoverable+Purgeable"],
    [30, true, "CustomizedRecoverable"],
  ])("%i days, purge protection %s → %s on bundles and items", async (recoverableDays, purgeProtection, recoveryLevel) => {
    const vault = createTestVault({ recoverableDays, purgeProtection });
    const bundle = await putSecret(vault, "leveled");
    expect(bundle.attributes).toMatchObject({ recoveryLevel, recoverableDays });
    expect((await vault.send("GET", "/secrets")).json.value[0].attributes).toMatchObject({ recoveryLevel, recoverableDays });
    const deleted = (await vault.send("DELETE", "/secrets/leveled")).json;
    expect(deleted.scheduledPurgeDate - deleted.deletedDate).toBe(recoverableDays * 86_400);
  });

  it("refuses purge under purge protection with 403 and keeps the secret", async () => {
    const vault = createTestVault({ purgeProtection: true, location: "westeurope" });
    await putSecret(vault, "protected");
    await vault.send("DELETE", "/secrets/protected");
    const response = await vault.send("DELETE", "/deletedsecrets/protected");
    expect(response.status).toBe(403);
    expect(response.body).toBe(
      '{"error":{"code":"Forbidden","message":"Operation \\"purge\\" is not allowed because purge protection is enabled for this vault. Key Vault service will automatically purge it after the retention period has passed. Vault: demo-vault;location=westeurope"}}',
    );
    expect((await vault.send("GET", "/deletedsecrets/protected")).status).toBe(200);
  });
});

describe("eventual consistency windows", () => {
  it("hides a deletion in flight for deleteDelayMs, then shows it", async () => {
    const vault = createTestVault({ faults: { deleteDelayMs: 4_000 } });
    await putSecret(vault, "slow");
    expect((await vault.send("DELETE", "/secrets/slow")).status).toBe(200);

    const notYet = await vault.send("GET", "/deletedsecrets/slow");
    expect(notYet.status).toBe(404);
    expect(notYet.body).toBe('{"error":{"code":"SecretNotFound","message":"Deleted Secret not found: slow"}}');
    expect((await vault.send("GET", "/deletedsecrets")).json.value).toEqual([]);
    expect((await vault.send("GET", "/secrets/slow/")).json.error.message).toMatch(/^A secret with \(name\/id\) slow was not found/);

    const put = await vault.send("PUT", "/secrets/slow", { body: { value: "v" } });
    expect(put.status).toBe(409);
    expect(put.body).toBe(
      '{"error":{"code":"Conflict","message":"Secret is currently being deleted.","innererror":{"code":"ObjectIsBeingDeleted"}}}',
    );
    const purge = await vault.send("DELETE", "/deletedsecrets/slow");
    expect(purge.status).toBe(409);
    expect(purge.json.error.message).toBe("Secret is currently being deleted.");
    expect((await vault.send("POST", "/deletedsecrets/slow/recover")).status).toBe(409);

    vault.clock.advance(3_999);
    expect((await vault.send("GET", "/deletedsecrets/slow")).status).toBe(404);
    vault.clock.advance(1);
    expect((await vault.send("GET", "/deletedsecrets/slow")).status).toBe(200);
    expect((await vault.send("PUT", "/secrets/slow", { body: { value: "v" } })).json.error.innererror.code).toBe(
      "ObjectIsDeletedButRecoverable",
    );
  });

  it("hides a recovery in flight for recoverDelayMs and refuses re-creation meanwhile", async () => {
    const vault = createTestVault({ faults: { recoverDelayMs: 2_000 } });
    await putSecret(vault, "Coming-Back", { value: "v1" });
    await vault.send("DELETE", "/secrets/Coming-Back");
    expect((await vault.send("POST", "/deletedsecrets/coming-back/recover")).status).toBe(200);

    expect((await vault.send("GET", "/secrets/coming-back/")).status).toBe(404);
    expect((await vault.send("GET", "/secrets")).json.value).toEqual([]);
    const put = await vault.send("PUT", "/secrets/coming-back", { body: { value: "v2" } });
    expect(put.status).toBe(409);
    expect(put.body).toBe(
      '{"error":{"code":"Conflict","message":"Secret coming-back is currently being recovered and cannot be re-created; retry later.","innererror":{"code":"ObjectIsBeingRecovered"}}}',
    );

    vault.clock.advance(2_000);
    expect((await vault.send("GET", "/secrets/coming-back/")).json.value).toBe("v1");
    expect((await vault.send("PUT", "/secrets/coming-back", { body: { value: "v2" } })).status).toBe(200);
  });
});

describe("backup and restore", () => {
  it("round-trips every version through an opaque blob", async () => {
    const vault = createTestVault();
    const first = await putSecret(vault, "saved", { value: "one", tags: { a: "1" } });
    const latest = await putSecret(vault, "saved", { value: "two", contentType: "text/plain" });
    const backup = await vault.send("POST", "/secrets/saved/backup");
    expect(backup.status).toBe(200);
    expect(backup.operation).toBe("BackupSecret");
    expect(Object.keys(backup.json)).toEqual(["value"]);
    expect(backup.json.value).toMatch(/^[A-Za-z0-9_-]+$/);

    await vault.send("DELETE", "/secrets/saved");
    await vault.send("DELETE", "/deletedsecrets/saved");
    const restored = await vault.send("POST", "/secrets/restore", { body: { value: backup.json.value } });
    expect(restored.status).toBe(200);
    expect(restored.operation).toBe("RestoreSecret");
    expect(restored.json).toEqual({ contentType: "text/plain", id: latest.id, attributes: latest.attributes });
    expect((await vault.send("GET", `/secrets/saved/${first.id.split("/").pop()}`)).json).toEqual(first);
  });

  it("answers a restore over an existing or deleted name with 409 Conflict", async () => {
    const vault = createTestVault();
    const bundle = await putSecret(vault, "twice");
    const blob = (await vault.send("POST", "/secrets/twice/backup")).json.value;
    const active = await vault.send("POST", "/secrets/restore", { body: { value: blob } });
    expect(active.status).toBe(409);
    expect(active.json.error.code).toBe("Conflict");
    expect(active.json.error.message).toMatch(
      new RegExp(
        `^There was a conflict restoring the secret '${bundle.id}'\\. This can happen if either: a second secret with the same name was created after the first secret was deleted;`,
      ),
    );
    await vault.send("DELETE", "/secrets/twice");
    expect((await vault.send("POST", "/secrets/restore", { body: { value: blob } })).status).toBe(409);
  });

  it.each([
    ["garbage", "bm90LWEtYmFja3Vw"],
    ["a tampered blob", "TAMPER"],
  ])("rejects %s with 400 'Malformed backup blob'", async (_case, blob) => {
    const vault = createTestVault();
    await putSecret(vault, "orig", { value: "v" });
    let value = blob;
    if (blob === "TAMPER") {
      const good = (await vault.send("POST", "/secrets/orig/backup")).json.value as string;
      const text = Buffer.from(good, "base64url").toString("utf8").replace('\\"value\\":\\"v\\"', '\\"value\\":\\"w\\"');
      value = Buffer.from(text).toString("base64url");
      await vault.send("DELETE", "/secrets/orig");
      await vault.send("DELETE", "/deletedsecrets/orig");
    }
    const response = await vault.send("POST", "/secrets/restore", { body: { value } });
    expect(response.status).toBe(400);
    expect(response.body).toBe('{"error":{"code":"Malformed backup blob","message":"Backup blob contains invalid or corrupt version."}}');
  });

  it("does not restore a blob made for another tenant", async () => {
    const source = createTestVault({}, { tenantId: "11111111-1111-1111-1111-111111111111" });
    await putSecret(source, "moved");
    const blob = (await source.send("POST", "/secrets/moved/backup")).json.value;
    const target = createTestVault();
    expect((await target.send("POST", "/secrets/restore", { body: { value: blob } })).status).toBe(400);
  });

  it("restores into another vault of the same tenant", async () => {
    const source = createTestVault();
    await putSecret(source, "copied", { value: "c" });
    const blob = (await source.send("POST", "/secrets/copied/backup")).json.value;
    const target = createTestVault();
    expect((await target.send("POST", "/secrets/restore", { body: { value: blob } })).status).toBe(200);
    expect((await target.send("GET", "/secrets/copied/")).json.value).toBe("c");
  });
});
