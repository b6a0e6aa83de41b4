/**
 * Reading SDK errors into failures, and the one table of hints, checked on errors shaped the way
 * the SDK surfaces them.
 */
import { describe, expect, it } from "vitest";
import { classifyVaultError, createVaultError, isAccessDenied, mayStillBePropagating } from "../../../src/engine/vault/vault-errors.ts";
import type { VaultFailure, VaultFailureKind, VaultOperation } from "../../../src/engine/vault/vault-errors.ts";

const VAULT_URL = "https://demo-vault.vault.azure.net";

describe("classifyVaultError", () => {
  const restError = (statusCode: number, code: string, innerCode?: string, message = "refused") => ({
    name: "RestError",
    message,
    statusCode,
    code,
    details: { error: { code, message, ...(innerCode ? { innerError: { code: innerCode } } : {}) } },
  });

  it.each<{ title: string; error: unknown; kind: VaultFailureKind }>([
    { title: "RBAC", error: restError(403, "Forbidden", "ForbiddenByRbac"), kind: "forbidden-rbac" },
    { title: "access policy (old code)", error: restError(403, "Forbidden", "AccessDenied"), kind: "forbidden-policy" },
    { title: "access policy (new code)", error: restError(403, "Forbidden", "ForbiddenByPolicy"), kind: "forbidden-policy" },
    { title: "firewall", error: restError(403, "Forbidden", "ForbiddenByFirewall"), kind: "forbidden-firewall" },
    {
      title: "firewall by wording only",
      error: restError(
        403,
        "Forbidden",
        undefined,
        "Client address is not authorized and caller is not a trusted service.\r\nClient address: 1.2.3.4",
      ),
      kind: "forbidden-firewall",
    },
    { title: "disabled secret", error: restError(403, "Forbidden", "SecretDisabled"), kind: "disabled" },
    { title: "certificate-backed", error: restError(403, "Forbidden", "SecretManagedByKeyVault"), kind: "managed-by-key-vault" },
    {
      title: "purge protection",
      error: restError(403, "Forbidden", undefined, 'Operation "purge" is not allowed because purge protection is enabled'),
      kind: "forbidden-other",
    },
    { title: "missing", error: restError(404, "SecretNotFound"), kind: "not-found" },
    { title: "soft-deleted name", error: restError(409, "Conflict", "ObjectIsDeletedButRecoverable"), kind: "deleted-recoverable" },
    { title: "being deleted", error: restError(409, "Conflict", "ObjectIsBeingDeleted"), kind: "being-deleted" },
    { title: "being recovered", error: restError(409, "Conflict", "ObjectIsBeingRecovered"), kind: "being-recovered" },
    { title: "other conflict", error: restError(409, "Conflict"), kind: "other" },
    { title: "throttled", error: restError(429, "Throttled"), kind: "throttled" },
    { title: "bad name", error: restError(400, "BadParameter"), kind: "bad-request" },
    { title: "503", error: restError(503, "ServiceUnavailable"), kind: "transient" },
    { title: "501 is not transient", error: restError(501, "NotImplemented"), kind: "other" },
    { title: "dropped connection", error: Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }), kind: "transient" },
    { title: "anything else", error: new TypeError("Cannot read properties of undefined"), kind: "other" },
    { title: "not an Error at all", error: "boom", kind: "other" },
  ])("$title -> $kind", ({ error, kind }) => {
    expect(classifyVaultError(error).kind).toBe(kind);
  });

  it("reads status, codes and message the way the SDK surfaces them, falling back to err.code", () => {
    expect(classifyVaultError(restError(403, "Forbidden", "ForbiddenByRbac", "Caller is not authorized"))).toEqual({
      status: 403,
      code: "Forbidden",
      innerCode: "ForbiddenByRbac",
      message: "Caller is not authorized",
      kind: "forbidden-rbac",
    });
    expect(
      classifyVaultError({
        statusCode: 409,
        code: "Conflict",
        message: "x",
        details: { error: { innererror: { code: "ObjectIsBeingDeleted" } } },
      }),
    ).toMatchObject({
      code: "Conflict",
      innerCode: "ObjectIsBeingDeleted",
      kind: "being-deleted",
    });
  });
});

describe("createVaultError: the one hint table", () => {
  const rbacMessage =
    "Caller is not authorized to perform action on resource.\r\nIf role assignments, deny assignments or role definitions were changed recently, please observe propagation time.\r\nCaller: appid=x;oid=y\r\nAction: 'Microsoft.KeyVault/vaults/secrets/setSecret/action'\r\nResource: '/subscriptions/s/x'\r\n";
  const failure = (kind: VaultFailureKind, innerCode: string | undefined, message = "refused"): VaultFailure => ({
    status: 403,
    code: "Forbidden",
    innerCode,
    message,
    kind,
  });

  it.each<{ title: string; failure: VaultFailure; operation: VaultOperation; message: RegExp; hint: RegExp }>([
    {
      title: "RBAC on set names the action and the Officer role",
      failure: failure("forbidden-rbac", "ForbiddenByRbac", rbacMessage),
      operation: "set",
      message:
        /^Failed to set secret 'db' in vault 'demo-vault': Caller is not authorized to perform action on resource\. \(403 ForbiddenByRbac, action Microsoft\.KeyVault\/vaults\/secrets\/setSecret\/action\)$/,
      hint: /az role assignment create --role "Key Vault Secrets Officer" --assignee app-client-id --scope "\$\(az keyvault show --name demo-vault --query id -o tsv\)"/,
    },
    {
      title: "RBAC on get asks for Secrets User",
      failure: failure("forbidden-rbac", "ForbiddenByRbac"),
      operation: "get",
      message: /^Failed to read secret 'db'/,
      hint: /--role "Key Vault Secrets User"/,
    },
    {
      title: "RBAC on list asks for Reader",
      failure: failure("forbidden-rbac", "ForbiddenByRbac"),
      operation: "list",
      message: /^Failed to list secrets in vault 'demo-vault'/,
      hint: /--role "Key Vault Reader"/,
    },
    {
      title: "access policy names the permission and the set-policy command",
      failure: failure("forbidden-policy", "AccessDenied"),
      operation: "delete",
      message: /^Failed to delete secret 'db'/,
      hint: /lacks the secret 'delete' permission.*az keyvault set-policy --name demo-vault --spn app-client-id --secret-permissions get list set delete recover/,
    },
    {
      title: "firewall points at the network, not at roles",
      failure: failure("forbidden-firewall", "ForbiddenByFirewall"),
      operation: "list",
      message: /ForbiddenByFirewall/,
      hint: /self-hosted runner inside the vault's virtual network.*az keyvault network-rule add --name demo-vault/,
    },
    {
      title: "a soft-deleted name says recover or purge by hand",
      failure: {
        status: 409,
        code: "Conflict",
        innerCode: "ObjectIsDeletedButRecoverable",
        message: "Secret db is currently in a deleted but recoverable state",
        kind: "deleted-recoverable",
      },
      operation: "set",
      message: /409 ObjectIsDeletedButRecoverable/,
      hint: /az keyvault secret recover --vault-name demo-vault --name db\) or purge it by hand; keyvault-sync never purges/,
    },
  ])("$title", ({ failure: given, operation, message, hint }) => {
    const error = createVaultError(given, operation, {
      vaultUrl: VAULT_URL,
      secretName: operation === "list" ? undefined : "db",
      clientId: "app-client-id",
    });
    expect(error.message).toMatch(message);
    expect(error.hint).toMatch(hint);
    expect(error.failure).toBe(given);
  });
});

describe("access denied", () => {
  it.each<[VaultFailureKind, boolean, boolean]>([
    ["forbidden-rbac", true, true],
    ["forbidden-policy", true, true],
    ["forbidden-other", true, false],
    ["forbidden-firewall", false, false],
    ["managed-by-key-vault", false, false],
    ["not-found", false, false],
    ["throttled", false, false],
    ["transient", false, false],
    ["other", false, false],
  ])("%s: denied %s, may still be propagating %s", (kind, denied, propagating) => {
    expect(isAccessDenied(kind)).toBe(denied);
    expect(mayStillBePropagating(kind)).toBe(propagating);
  });
});

describe("createVaultError names each code once", () => {
  it.each<[string, unknown, string]>([
    ["a dropped connection", { name: "RestError", code: "ECONNRESET", message: "socket hang up" }, "the request failed (ECONNRESET)"],
    [
      "an unparsable answer",
      { name: "RestError", code: "PARSE_ERROR", statusCode: 200, message: "bad body" },
      "Key Vault's answer could not be read (HTTP 200) (PARSE_ERROR)",
    ],
    ["a 502 without a body", { name: "RestError", statusCode: 502, message: "bad gateway" }, "unexpected answer (HTTP 502)"],
    [
      "Key Vault's own message",
      {
        statusCode: 404,
        code: "SecretNotFound",
        details: { error: { code: "SecretNotFound", message: "A secret with (name/id) db was not found in this key vault." } },
      },
      "A secret with (name/id) db was not found in this key vault. (404 SecretNotFound)",
    ],
  ])("%s", (_case, error, reason) => {
    const vaultError = createVaultError(classifyVaultError(error), "set", { vaultUrl: VAULT_URL, secretName: "db" });
    expect(vaultError.message).toBe(`Failed to set secret 'db' in vault 'demo-vault': ${reason}`);
  });
});
