import { describe, expect, it } from "vitest";
import { allowsKey, allowsSecret, checkPermissions, listRequirements, matchesAction } from "../../../src/engine/check/permissions.ts";
import type { PermissionEvidence, RolePermissions } from "../../../src/engine/check/permissions.ts";

// The built-in roles' data actions, as Azure publishes them.
const ROLE: Record<string, RolePermissions> = {
  officer: { actions: [], notActions: [], dataActions: ["Microsoft.KeyVault/vaults/secrets/*"], notDataActions: [] },
  user: {
    actions: [],
    notActions: [],
    dataActions: ["Microsoft.KeyVault/vaults/secrets/getSecret/action", "Microsoft.KeyVault/vaults/secrets/readMetadata/action"],
    notDataActions: [],
  },
  reader: {
    actions: [],
    notActions: [],
    dataActions: ["Microsoft.KeyVault/vaults/*/read", "Microsoft.KeyVault/vaults/secrets/readMetadata/action"],
    notDataActions: [],
  },
  cryptoUser: {
    actions: [],
    notActions: [],
    dataActions: [
      "Microsoft.KeyVault/vaults/keys/read",
      "Microsoft.KeyVault/vaults/keys/wrap/action",
      "Microsoft.KeyVault/vaults/keys/unwrap/action",
    ],
    notDataActions: [],
  },
  admin: { actions: [], notActions: [], dataActions: ["Microsoft.KeyVault/vaults/*"], notDataActions: [] },
  adminNoDelete: {
    actions: [],
    notActions: [],
    dataActions: ["Microsoft.KeyVault/vaults/*"],
    notDataActions: ["Microsoft.KeyVault/vaults/secrets/delete"],
  },
};

const rbac = (...roles: string[]): PermissionEvidence => ({ source: "rbac", assignments: roles.map((role) => ROLE[role]!) });
const OID = "7e57c10d-0b1d-4b00-8000-000000000004";
const policy = (secrets: string[], keys: string[] = [], objectId = OID): PermissionEvidence => ({
  source: "access-policy",
  objectId: OID,
  policies: [{ objectId, secrets, keys }],
});

describe("matchesAction", () => {
  it.each([
    ["Microsoft.KeyVault/vaults/secrets/*", "Microsoft.KeyVault/vaults/secrets/setSecret/action", true],
    ["microsoft.keyvault/vaults/SECRETS/*", "Microsoft.KeyVault/vaults/secrets/delete", true],
    ["Microsoft.KeyVault/vaults/secrets/getSecret/action", "Microsoft.KeyVault/vaults/secrets/setSecret/action", false],
    ["Microsoft.KeyVault/vaults/*/read", "Microsoft.KeyVault/vaults/keys/read", true],
    ["Microsoft.KeyVault/vaults/*/read", "Microsoft.KeyVault/vaults/keys/wrap/action", false],
    ["*", "Microsoft.KeyVault/vaults/keys/wrap/action", true],
  ])("%s matches %s: %s", (pattern, action, expected) => {
    expect(matchesAction(pattern, action)).toBe(expected);
  });
});

describe("effective permissions", () => {
  it.each([
    ["Secrets Officer", rbac("officer"), { list: true, get: true, set: true, update: true, delete: true, recover: true }],
    ["Secrets User", rbac("user"), { list: true, get: true, set: false, update: false, delete: false, recover: false }],
    ["Reader", rbac("reader"), { list: true, get: false, set: false, update: false, delete: false, recover: false }],
    ["Crypto User only", rbac("cryptoUser"), { list: false, get: false, set: false, update: false, delete: false, recover: false }],
    ["User + Reader add up", rbac("user", "reader"), { list: true, get: true, set: false, update: false, delete: false, recover: false }],
    ["notDataActions subtract", rbac("adminNoDelete"), { list: true, get: true, set: true, update: true, delete: false, recover: true }],
    ["policy get list", policy(["get", "List"]), { list: true, get: true, set: false, update: false, delete: false, recover: false }],
    ["policy set covers update", policy(["set"]), { list: false, get: false, set: true, update: true, delete: false, recover: false }],
    ["policy all", policy(["all"]), { list: true, get: true, set: true, update: true, delete: true, recover: true }],
    [
      "another object's policy",
      policy(["all"], [], "7e57c10d-0000-4000-8000-000000000999"),
      { list: false, get: false, set: false, update: false, delete: false, recover: false },
    ],
  ] as const)("%s", (_name, evidence, expected) => {
    const operations = Object.keys(expected) as Array<keyof typeof expected>;
    expect(Object.fromEntries(operations.map((operation) => [operation, allowsSecret(evidence, operation)]))).toEqual(expected);
  });

  it.each([
    [rbac("cryptoUser"), { get: true, wrapKey: true, unwrapKey: true }],
    [rbac("officer"), { get: false, wrapKey: false, unwrapKey: false }],
    [rbac("admin"), { get: true, wrapKey: true, unwrapKey: true }],
    [policy([], ["get", "wrapKey"]), { get: true, wrapKey: true, unwrapKey: false }],
  ] as const)("keys %#", (evidence, expected) => {
    expect({
      get: allowsKey(evidence, "get"),
      wrapKey: allowsKey(evidence, "wrapKey"),
      unwrapKey: allowsKey(evidence, "unwrapKey"),
    }).toEqual(expected);
  });

  it("is unknown, not false, without evidence", () => {
    const unknown: PermissionEvidence = { source: "unknown", reason: "no ARM" };
    expect([allowsSecret(unknown, "set"), allowsKey(unknown, "wrapKey")]).toEqual([undefined, undefined]);
  });
});

describe("listRequirements", () => {
  it.each([
    [{ sync: { dryRun: false, prune: false }, byok: false }, [["Key Vault Secrets Officer", "list get set update recover"]]],
    [{ sync: { dryRun: false, prune: true }, byok: false }, [["Key Vault Secrets Officer", "list get set update recover delete"]]],
    [{ sync: { dryRun: true, prune: true }, byok: false }, [["Key Vault Secrets User", "list get"]]],
    [{ sync: undefined, byok: true }, [["Key Vault Crypto User", "get wrapKey unwrapKey"]]],
    [{ sync: undefined, byok: false }, []],
  ])("%j", (work, expected) => {
    expect(listRequirements(work).map((requirement) => [requirement.role, requirement.operations.join(" ")])).toEqual(expected);
  });
});

describe("checkPermissions", () => {
  const context = { vaultName: "kv", clientId: "7e57c10d-a990-4a00-8000-000000000003", keyName: "byok" };
  const writing = listRequirements({ sync: { dryRun: false, prune: false }, byok: false });
  const byok = listRequirements({ sync: undefined, byok: true });

  it.each([
    ["covered", rbac("officer"), writing, "notice", "secret-permissions", /may do a sync that writes/, undefined],
    [
      "Secrets User for a writing sync",
      rbac("user"),
      writing,
      "error",
      "secret-permissions-missing",
      /lacks set, update, recover .* only list, get/,
      /--role "Key Vault Secrets Officer" --assignee 7e57c10d-a990-4a00-8000-000000000003/,
    ],
    [
      "access policy without set",
      policy(["get", "list"]),
      writing,
      "error",
      "secret-permissions-missing",
      /access policies/,
      /^Grant the secret permissions set, recover in its access policy: az keyvault set-policy --name kv --spn .* --secret-permissions list get set recover$/,
    ],
    [
      "unknown",
      { source: "unknown", reason: "ARM answered 403" },
      writing,
      "warning",
      "secret-permissions-unknown",
      /without trying a write: ARM answered 403/,
      /Key Vault Secrets Officer covers it/,
    ],
    [
      "Crypto User missing",
      rbac("officer"),
      byok,
      "error",
      "key-permissions-missing",
      /lacks get, wrapKey, unwrapKey/,
      /--role "Key Vault Crypto User" .*\/keys\/byok"/,
    ],
  ] as const)("%s", (_name, evidence, requirements, level, code, message, fix) => {
    const [finding] = checkPermissions(evidence, requirements, context);
    expect(finding?.level).toBe(level);
    expect(finding?.code).toBe(code);
    expect(finding?.message).toMatch(message);
    if (fix === undefined) expect(finding?.fix).toBeUndefined();
    else expect(finding?.fix).toMatch(fix);
  });
});
