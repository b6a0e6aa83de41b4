import { describe, expect, it } from "vitest";
import { createTestVault, PRINCIPALS, putSecret, SUBSCRIPTION_ID, TENANT_ID, type PrincipalName, type TestVault } from "./test-support.ts";

type Call = { operation: string; method: string; path: string; body?: unknown; action: string; permission: string; resource?: string };

/** One request per operation, against a vault prepared by `prepare`. */
const CALLS: Call[] = [
  { operation: "GetSecret", method: "GET", path: "/secrets/live/", action: "getSecret/action", permission: "get", resource: "live" },
  {
    operation: "SetSecret",
    method: "PUT",
    path: "/secrets/live",
    body: { value: "new" },
    action: "setSecret/action",
    permission: "set",
    resource: "live",
  },
  {
    operation: "UpdateSecret",
    method: "PATCH",
    path: "/secrets/live/VERSION",
    body: { tags: { a: "b" } },
    action: "update/action",
    permission: "set",
    resource: "live",
  },
  { operation: "DeleteSecret", method: "DELETE", path: "/secrets/live", action: "delete", permission: "delete", resource: "live" },
  { operation: "GetSecrets", method: "GET", path: "/secrets", action: "readMetadata/action", permission: "list" },
  {
    operation: "GetSecretVersions",
    method: "GET",
    path: "/secrets/live/versions",
    action: "readMetadata/action",
    permission: "list",
    resource: "live",
  },
  { operation: "GetDeletedSecrets", method: "GET", path: "/deletedsecrets", action: "readMetadata/action", permission: "list" },
  {
    operation: "GetDeletedSecret",
    method: "GET",
    path: "/deletedsecrets/dead",
    action: "readMetadata/action",
    permission: "get",
    resource: "dead",
  },
  {
    operation: "PurgeDeletedSecret",
    method: "DELETE",
    path: "/deletedsecrets/dead",
    action: "purge/action",
    permission: "purge",
    resource: "dead",
  },
  {
    operation: "RecoverDeletedSecret",
    method: "POST",
    path: "/deletedsecrets/dead/recover",
    action: "recover/action",
    permission: "recover",
    resource: "dead",
  },
  {
    operation: "BackupSecret",
    method: "POST",
    path: "/secrets/live/backup",
    action: "backup/action",
    permission: "backup",
    resource: "live",
  },
  { operation: "RestoreSecret", method: "POST", path: "/secrets/restore", body: "BLOB", action: "restore/action", permission: "restore" },
];

interface Prepared {
  version: string;
  blob: string;
}

/** A live secret, a deleted one, and a restorable blob of a third (purged) one. */
async function prepare(vault: TestVault): Promise<Prepared> {
  const live = await putSecret(vault, "live");
  await putSecret(vault, "dead");
  await vault.send("DELETE", "/secrets/dead");
  await putSecret(vault, "saved");
  const blob = (await vault.send("POST", "/secrets/saved/backup")).json.value as string;
  await vault.send("DELETE", "/secrets/saved");
  await vault.send("DELETE", "/deletedsecrets/saved");
  return { version: live.id.split("/").pop(), blob };
}

async function call(vault: TestVault, prepared: Prepared, entry: Call, as: PrincipalName) {
  const body = entry.body === "BLOB" ? { value: prepared.blob } : entry.body;
  return vault.send(entry.method, entry.path.replace("VERSION", prepared.version), { as, body });
}

const ALLOWED: Record<Exclude<PrincipalName, "stranger">, (operation: string) => boolean> = {
  admin: () => true,
  officer: () => true,
  user: (operation) => ["GetSecret", "GetSecrets", "GetSecretVersions", "GetDeletedSecrets", "GetDeletedSecret"].includes(operation),
  reader: (operation) => ["GetSecrets", "GetSecretVersions", "GetDeletedSecrets", "GetDeletedSecret"].includes(operation),
};

describe("RBAC", () => {
  for (const principal of ["admin", "officer", "user", "reader"] as const) {
    it.each(CALLS.map((entry) => [entry.operation, entry] as const))(`${principal}: %s`, async (_operation, entry) => {
      const vault = createTestVault();
      const prepared = await prepare(vault);
      const response = await call(vault, prepared, entry, principal);
      expect(response.operation).toBe(entry.operation);
      if (ALLOWED[principal](entry.operation)) {
        expect(response.status).toBeLessThan(300);
      } else {
        expect(response.status).toBe(403);
        expect(response.json.error.innererror).toEqual({ code: "ForbiddenByRbac" });
        expect(response.json.error.message).toContain(`Action: 'Microsoft.KeyVault/vaults/secrets/${entry.action}'`);
      }
    });
  }

  it("lets a Reader list tags but not read values", async () => {
    const vault = createTestVault();
    await putSecret(vault, "tagged", { value: "hidden", tags: { "keyvault-sync-owner": "octo-org/octo-repo" } });
    const listed = await vault.send("GET", "/secrets", { as: "reader" });
    expect(listed.json.value[0].tags).toEqual({ "keyvault-sync-owner": "octo-org/octo-repo" });
    expect((await vault.send("GET", "/secrets/tagged/", { as: "reader" })).status).toBe(403);
  });

  it("denies a principal without a role with the real multi-line message, and writes nothing", async () => {
    const vault = createTestVault({ location: "westeurope" });
    const response = await vault.send("PUT", "/secrets/My-Secret", { as: "stranger", body: { value: "v" } });
    expect(response.status).toBe(403);
    const { appid, oid } = PRINCIPALS.stranger;
    const message =
      "Caller is not authorized to perform action on resource.\r\n" +
      "If role assignments, deny assignments or role definitions were changed recently, please observe propagation time.\r\n" +
      `Caller: appid=${appid};oid=${oid};iss=https://sts.windows.net/${TENANT_ID}/\r\n` +
      "Action: 'Microsoft.KeyVault/vaults/secrets/setSecret/action'\r\n" +
      `Resource: '/subscriptions/${SUBSCRIPTION_ID}/resourcegroups/keyvault-sync/providers/microsoft.keyvault/vaults/demo-vault/secrets/my-secret'\r\n` +
      "Assignment: (not found)\r\n" +
      "DenyAssignmentId: null\r\n" +
      "DecisionReason: null \r\n" +
      "Vault: demo-vault;location=westeurope\r\n";
    expect(response.body).toBe(JSON.stringify({ error: { code: "Forbidden", message, innererror: { code: "ForbiddenByRbac" } } }));
    expect((await vault.admin("GET", "/vaults/demo-vault/secrets")).json.secrets).toEqual([]);
  });

  it("names the vault, not a secret, as the resource of a list", async () => {
    const vault = createTestVault();
    const response = await vault.send("GET", "/secrets", { as: "stranger" });
    expect(response.json.error.message).toContain("/providers/microsoft.keyvault/vaults/demo-vault'\r\n");
  });

  it("checks the name before the role: an invalid name is 400 even for a stranger", async () => {
    const vault = createTestVault();
    expect((await vault.send("PUT", "/secrets/bad_name", { as: "stranger", body: { value: "v" } })).status).toBe(400);
  });

  it("applies role changes from the admin API at once by default", async () => {
    const vault = createTestVault();
    expect((await vault.send("GET", "/secrets", { as: "stranger" })).status).toBe(403);
    await vault.admin("PATCH", "/vaults/demo-vault", { roles: [{ principal: PRINCIPALS.stranger.appid, role: "Key Vault Reader" }] });
    expect((await vault.send("GET", "/secrets", { as: "stranger" })).status).toBe(200);
    expect((await vault.send("GET", "/secrets", { as: "officer" })).status).toBe(403);
  });

  it("delays role changes by accessPropagationMs", async () => {
    const vault = createTestVault({ accessPropagationMs: 30_000 });
    await vault.admin("PATCH", "/vaults/demo-vault", {
      roles: [{ principal: PRINCIPALS.stranger.oid, role: "Key Vault Secrets Officer" }],
    });
    expect((await vault.send("PUT", "/secrets/x", { as: "stranger", body: { value: "v" } })).status).toBe(403);
    expect((await vault.send("PUT", "/secrets/x", { as: "officer", body: { value: "v" } })).status).toBe(200);
    vault.clock.advance(29_999);
    expect((await vault.send("PUT", "/secrets/x", { as: "stranger", body: { value: "v" } })).status).toBe(403);
    vault.clock.advance(1);
    expect((await vault.send("PUT", "/secrets/x", { as: "stranger", body: { value: "v" } })).status).toBe(200);
    expect((await vault.send("PUT", "/secrets/x", { as: "officer", body: { value: "v" } })).status).toBe(403);
  });
});

describe("access policies", () => {
  const policyVault = () =>
    createTestVault({
      accessModel: "access-policy",
      location: "northeurope",
      accessPolicies: [
        { principal: PRINCIPALS.officer.oid, permissions: ["Get", "List", "Set", "Delete", "Recover", "Backup", "Restore", "Purge"] },
        { principal: PRINCIPALS.user.appid, permissions: ["get", "list"] },
      ],
    });

  it.each(CALLS.map((entry) => [entry.operation, entry] as const))("%s needs the '%s' permission", async (_operation, entry) => {
    const vault = policyVault();
    const prepared = await prepare(vault);
    const allowed = await call(vault, prepared, entry, "officer");
    expect(allowed.status).toBeLessThan(300);
    const denied = await call(vault, prepared, entry, "reader");
    expect(denied.status).toBe(403);
    const { appid, oid } = PRINCIPALS.reader;
    expect(denied.json.error).toEqual({
      code: "Forbidden",
      message: `The user, group or application 'appid=${appid};oid=${oid};iss=https://sts.windows.net/${TENANT_ID}/' does not have secrets ${entry.permission} permission on key vault 'demo-vault;location=northeurope'. For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125287`,
      innererror: { code: "AccessDenied" },
    });
  });

  it("ignores RBAC roles on an access-policy vault", async () => {
    const vault = policyVault();
    expect((await vault.send("PUT", "/secrets/x", { as: "admin", body: { value: "v" } })).json.error.innererror.code).toBe("AccessDenied");
    expect((await vault.send("PUT", "/secrets/x", { as: "user", body: { value: "v" } })).json.error.message).toContain(
      "does not have secrets set permission",
    );
    expect((await vault.send("GET", "/secrets", { as: "user" })).status).toBe(200);
  });
});

describe("firewall", () => {
  it("refuses every authenticated request with 403 ForbiddenByFirewall", async () => {
    const vault = createTestVault({ firewall: true, location: "eastus" });
    const response = await vault.send("GET", "/secrets", { as: "admin", headers: { "x-forwarded-for": "203.0.113.7" } });
    expect(response.status).toBe(403);
    const { appid, oid } = PRINCIPALS.admin;
    expect(response.json.error).toEqual({
      code: "Forbidden",
      message: `Client address is not authorized and caller is not a trusted service.\r\nClient address: 203.0.113.7\r\nCaller: appid=${appid};oid=${oid};iss=https://sts.windows.net/${TENANT_ID}/\r\nVault: demo-vault;location=eastus`,
      innererror: { code: "ForbiddenByFirewall" },
    });
  });

  it("still challenges unauthenticated requests first", async () => {
    const vault = createTestVault({ firewall: true });
    expect((await vault.send("GET", "/secrets", { as: null })).status).toBe(401);
  });
});
