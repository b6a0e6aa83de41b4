import { describe, expect, it } from "vitest";
import { checkKeyProperties, checkRoundTrip, parseKeyId } from "../../../src/engine/check/byok.ts";
import type { KeyCheckContext, KeyFacts } from "../../../src/engine/check/byok.ts";
import type { VaultFailure } from "../../../src/engine/vault/vault-errors.ts";

describe("parseKeyId", () => {
  it.each([
    ["https://kv.vault.azure.net/keys/byok", { vaultUrl: "https://kv.vault.azure.net", vaultName: "kv", name: "byok", version: undefined }],
    [
      "https://KV.vault.azure.net/keys/byok/0123456789abcdef0123456789abcdef/",
      { vaultUrl: "https://kv.vault.azure.net", vaultName: "kv", name: "byok", version: "0123456789abcdef0123456789abcdef" },
    ],
  ])("%s", (text, expected) => {
    expect(parseKeyId(text, "vault.azure.net")).toEqual({ ok: true, key: expected });
  });

  it.each([
    ["kv/keys/byok", /is not a URL/],
    ["http://kv.vault.azure.net/keys/byok", /https/],
    ["https://kv.vault.azure.net:8443/keys/byok", /no user, port/],
    ["https://kv.vault.azure.cn/keys/byok", /\.vault\.azure\.net/],
    ["https://kv.vault.azure.net/secrets/byok", /\/keys\/NAME/],
    ["https://kv.vault.azure.net/keys/by_ok", /\/keys\/NAME/],
    ["https://kv.vault.azure.net/keys/byok/v1/extra", /\/keys\/NAME/],
  ])("refuses %s without quoting it", (text, rule) => {
    const parsed = parseKeyId(text, "vault.azure.net");
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.rule).toMatch(rule);
      expect(parsed.rule).not.toContain(text);
    }
  });
});

const NOW = new Date("2026-06-01T00:00:00Z");
const KEY = { vaultUrl: "https://kv.vault.azure.net", vaultName: "kv", name: "byok", version: undefined };
const context = (rbac: boolean | "unknown" = true): KeyCheckContext => ({
  key: KEY,
  clientId: "7e57c10d-a990-4a00-8000-000000000003",
  rbac: rbac === "unknown" ? undefined : rbac,
  now: NOW,
  expiryWarningDays: 30,
});
const GOOD: KeyFacts = {
  id: "https://kv.vault.azure.net/keys/byok/v1",
  keyType: "RSA-HSM",
  keyOps: ["wrapKey", "unwrapKey"],
  enabled: true,
  notBefore: undefined,
  expiresOn: undefined,
};
const failure = (innerCode: string | undefined, status = 403, code = "Forbidden"): VaultFailure => ({
  status,
  code,
  innerCode,
  message: "refused",
  kind: "forbidden-other",
});

describe("checkKeyProperties", () => {
  it.each([
    ["a good key", {}, []],
    ["EC", { keyType: "EC" }, ["error key-not-rsa"]],
    ["disabled", { enabled: false }, ["error key-disabled"]],
    ["expired", { expiresOn: new Date("2026-05-01T00:00:00Z") }, ["error key-expired"]],
    ["expiring", { expiresOn: new Date("2026-06-20T00:00:00Z") }, ["warning key-expiring"]],
    ["not yet valid", { notBefore: new Date("2026-07-01T00:00:00Z") }, ["error key-not-yet-valid"]],
    ["without unwrapKey", { keyOps: ["wrapKey", "encrypt"] }, ["error key-operation-not-allowed"]],
    ["without either", { keyOps: ["sign"] }, ["error key-operation-not-allowed", "error key-operation-not-allowed"]],
  ] as const)("%s", (_name, fields, expected) => {
    const findings = checkKeyProperties({ kind: "found", key: { ...GOOD, ...fields } }, context());
    expect(findings.map((finding) => `${finding.level} ${finding.code}`)).toEqual(expected);
    for (const finding of findings) expect(finding.fix).toBeTruthy();
  });

  it("keeps the key's other operations in the fix that adds the missing ones", () => {
    const [finding] = checkKeyProperties({ kind: "found", key: { ...GOOD, keyOps: ["wrapKey", "encrypt"] } }, context());
    expect(finding?.fix).toContain("--ops wrapKey encrypt unwrapKey");
  });

  it.each([
    ["ForbiddenByRbac", true, "key-role-missing", /--role "Key Vault Crypto User" .*\/keys\/byok"/],
    ["AccessDenied", false, "key-permission-missing", /az keyvault set-policy --name kv --spn .* --key-permissions get wrapKey unwrapKey/],
    ["ForbiddenByRbac", "unknown", "key-role-missing", /RBAC vault: .*Access-policy vault: /],
    ["KeyDisabled", true, "key-disabled", /--enabled true/],
    ["KeyNotFound", true, "key-not-found", /Check key-id/],
  ] as const)("a refused read (%s, rbac %s) names its cause and fix", (innerCode, rbac, code, fix) => {
    const read = innerCode === "KeyNotFound" ? failure(undefined, 404, "KeyNotFound") : failure(innerCode);
    const [finding] = checkKeyProperties({ kind: "failed", failure: read }, context(rbac));
    expect(finding?.code).toBe(code);
    expect(finding?.fix).toMatch(fix);
  });
});

describe("checkRoundTrip", () => {
  it.each([
    [{ kind: "worked", algorithm: "RSA-OAEP-256", bytes: 32 }, "notice key-round-trip"],
    [{ kind: "mismatch", algorithm: "RSA-OAEP-256" }, "error key-round-trip-mismatch"],
    [{ kind: "not-tried", reason: "x" }, "warning key-round-trip-not-tried"],
    [{ kind: "failed", step: "unwrapKey", failure: failure("ForbiddenByRbac") }, "error key-role-missing"],
    [{ kind: "failed", step: "wrapKey", failure: failure("KeyOperationForbidden") }, "error key-operation-not-allowed"],
    [{ kind: "failed", step: "wrapKey", failure: failure("KeyExpired") }, "error key-not-valid-now"],
  ] as const)("%j", (roundTrip, expected) => {
    const finding = checkRoundTrip(roundTrip, context());
    expect(`${finding.level} ${finding.code}`).toBe(expected);
    expect(finding.subject).toBe("key kv/byok");
  });

  it("names the refused step", () => {
    expect(checkRoundTrip({ kind: "failed", step: "unwrapKey", failure: failure("ForbiddenByRbac") }, context()).message).toContain(
      "may not unwrapKey",
    );
  });
});
